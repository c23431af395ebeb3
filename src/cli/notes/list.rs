//! `dossier notes list [--json] [filters]`: every annotation, with whether
//! its passage is still found in the current text.

use std::fmt::Write as _;
use std::process::ExitCode;

use dossier_core::Corpus;
use dossier_core::anchor::{Anchor, locate};
use dossier_core::annotation::Annotation;
use dossier_core::text::{sanitize, sanitize_line};
use serde::Serialize;

use super::filter::Filter;
use super::{FilterArgs, open_store, usage};
use crate::cli::output::print_json;
use crate::cli::{Context, Global};
use crate::store::notes::StoreError;

/// One annotation in `--json` output: the stored fields and `anchored`.
#[derive(Serialize)]
pub struct Listed<'a> {
    #[serde(flatten)]
    pub note: &'a Annotation,
    /// False when the passage (or the node) is no longer in the text.
    pub anchored: bool,
}

pub fn run(global: &Global, filter: &FilterArgs, json: bool) -> anyhow::Result<ExitCode> {
    let filter = match Filter::parse(filter) {
        Ok(f) => f,
        Err(e) => return Ok(usage(&e.0)),
    };
    let ctx = Context::new(global)?;
    let store = open_store(global, &ctx.config)?;
    let snap = store.load()?;
    if !snap.is_writable() {
        return Err(StoreError::Corrupt(snap.errors).into());
    }
    let notes: Vec<&Annotation> = snap.notes.iter().filter(|a| filter.matches(a)).collect();
    if json {
        let listed: Vec<Listed> = notes
            .iter()
            .map(|a| Listed {
                note: a,
                anchored: anchor(&ctx.corpus, a).is_attached(),
            })
            .collect();
        print_json(&listed)?;
    } else if notes.is_empty() {
        eprintln!("geen notities in {}", store.dir().display());
    } else {
        let blocks: Vec<String> = notes.iter().map(|a| block(&ctx.corpus, a)).collect();
        crate::cli::output::print_text(&blocks.join("\n"))?;
    }
    Ok(ExitCode::SUCCESS)
}

/// Where the annotation's passage is now; detached when its node is gone.
pub fn anchor(corpus: &Corpus, a: &Annotation) -> Anchor {
    locate(corpus, &a.target).unwrap_or(Anchor::Detached)
}

/// One annotation as a block of text, ending in a newline.
fn block(corpus: &Corpus, a: &Annotation) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{}  {} · {}  {}",
        sanitize_line(&a.id),
        a.kind.as_str(),
        a.status.as_str(),
        sanitize_line(&a.target.node)
    );
    if let Some(q) = &a.target.quote {
        let _ = writeln!(out, "  Passage: “{}”", sanitize_line(&q.exact));
    }
    if corpus.get(&a.target.node).is_none() {
        let _ = writeln!(out, "  Losgeraakt: dit onderdeel bestaat niet meer");
    } else if !anchor(corpus, a).is_attached() {
        let _ = writeln!(out, "  Losgeraakt: de passage staat niet meer in de tekst");
    }
    let mut facts = Vec::new();
    if !a.tags.is_empty() {
        let tags: Vec<String> = a.tags.iter().map(|t| sanitize_line(t)).collect();
        facts.push(format!("Tags: {}", tags.join(", ")));
    }
    if let Some(o) = &a.owner {
        facts.push(format!("Eigenaar: {}", sanitize_line(o)));
    }
    if let Some(d) = a.due {
        facts.push(format!("Uiterlijk: {d}"));
    }
    if !facts.is_empty() {
        let _ = writeln!(out, "  {}", facts.join(" · "));
    }
    let _ = write!(out, "  {} · {}", sanitize_line(&a.author), a.created);
    if a.updated != a.created {
        let _ = write!(out, " · gewijzigd {}", a.updated);
    }
    out.push('\n');
    for line in sanitize(&a.body).lines() {
        let _ = writeln!(out, "    {line}");
    }
    out
}
