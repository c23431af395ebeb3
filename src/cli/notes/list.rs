//! `dossier notes list [--json] [filters]`: every annotation, with whether
//! its passage is still found in the current text.

use std::fmt::Write as _;
use std::process::ExitCode;

use dossier_core::Corpus;
use dossier_core::anchor::{Anchor, locate};
use dossier_core::annotation::Annotation;
use dossier_core::lang::Lang;
use dossier_core::messages::messages;
use dossier_core::text::{sanitize, sanitize_line};
use serde::Serialize;

use super::FilterArgs;
use crate::app::Paths;
use crate::cli::output::print_json;

/// One annotation in `--json` output: the stored fields and `anchored`.
#[derive(Serialize)]
struct Listed<'a> {
    #[serde(flatten)]
    note: &'a Annotation,
    /// False when the passage (or the node) is no longer in the text, or
    /// when the node's text cannot be read (a warning says which, and the
    /// exit status is 1).
    anchored: bool,
}

pub fn run(paths: &Paths, filter: &FilterArgs, json: bool) -> anyhow::Result<ExitCode> {
    let filter = match filter.filter() {
        Ok(f) => f,
        Err(code) => return Ok(code),
    };
    let mut app = crate::cli::open(paths)?;
    let corpus = crate::cli::loaded(&mut app);
    let lang = app.lang();
    let snap = super::whole(&app)?;
    let notes = super::selected(snap.notes, &corpus, &filter);
    let anchors = anchors(&corpus, &notes);
    if json {
        let listed: Vec<Listed> = notes
            .iter()
            .zip(&anchors)
            .map(|(a, anchor)| Listed {
                note: a,
                anchored: anchor.is_some_and(Anchor::is_attached),
            })
            .collect();
        print_json(&listed)?;
    } else if notes.is_empty() {
        let dir = app.notes()?.dir().display().to_string();
        eprintln!(
            "{} {}",
            messages(lang).commands.no_notes_in,
            sanitize_line(&dir)
        );
    } else {
        let blocks: Vec<String> = notes
            .iter()
            .zip(&anchors)
            .map(|(a, &anchor)| block(&corpus, a, anchor, lang))
            .collect();
        crate::cli::output::print_text(&blocks.join("\n"))?;
    }
    crate::app::leave_to_exit(app);
    // Every note is listed; whether the notes on a text that cannot be
    // read are still anchored is not known, and the exit status says so.
    Ok(if anchors.iter().any(Option::is_none) {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

/// Where each annotation's passage is now: detached when its node is gone;
/// `None` when its node's text cannot be read, reported once per node on
/// standard error.
fn anchors(corpus: &Corpus, notes: &[Annotation]) -> Vec<Option<Anchor>> {
    let mut reported = std::collections::HashSet::new();
    notes
        .iter()
        .map(|a| match locate(corpus, &a.target) {
            Ok(found) => Some(found.unwrap_or(Anchor::Detached)),
            Err(e) => {
                if reported.insert(e.node.clone()) {
                    eprintln!("warning: {e}");
                }
                None
            }
        })
        .collect()
}

/// One annotation as a block of text, ending in a newline.
fn block(corpus: &Corpus, a: &Annotation, anchor: Option<Anchor>, lang: Lang) -> String {
    let m = messages(lang);
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{}  {} · {}  {}",
        sanitize_line(&a.id),
        m.shared.kind(a.kind),
        m.shared.status(a.status),
        sanitize_line(&a.target.node)
    );
    if let Some(q) = &a.target.quote {
        let _ = writeln!(
            out,
            "  {}: “{}”",
            m.commands.passage,
            sanitize_line(&q.exact)
        );
    }
    let gone = corpus.get(&a.target.node).is_none();
    if gone {
        let _ = writeln!(out, "  {}", m.commands.node_gone);
    } else if anchor.is_some_and(|at| !at.is_attached()) {
        let _ = writeln!(out, "  {}", m.commands.passage_gone);
    }
    if let Some(q) = &a.target.quote
        && (gone || anchor.is_some_and(|at| !at.is_attached()))
    {
        let _ = writeln!(
            out,
            "  {}: “{}”",
            m.commands.stood_in,
            sanitize_line(&q.in_context())
        );
    }
    let mut facts = Vec::new();
    if !a.tags.is_empty() {
        let tags: Vec<String> = a.tags.iter().map(|t| sanitize_line(t)).collect();
        facts.push(format!("{}: {}", m.shared.tags, tags.join(", ")));
    }
    if let Some(o) = &a.owner {
        facts.push(format!("{}: {}", m.shared.owner, sanitize_line(o)));
    }
    if let Some(d) = a.due {
        facts.push(format!("{}: {d}", m.shared.due));
    }
    if !facts.is_empty() {
        let _ = writeln!(out, "  {}", facts.join(" · "));
    }
    let _ = write!(out, "  {} · {}", sanitize_line(&a.author), a.created);
    if a.updated != a.created {
        let _ = write!(out, " · {} {}", m.commands.changed, a.updated);
    }
    out.push('\n');
    for line in sanitize(&a.body).lines() {
        let _ = writeln!(out, "    {line}");
    }
    out
}
