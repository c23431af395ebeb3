//! `dossier documents [--json]` and `dossier timeline [--dossier NUMBER]
//! [--json]`: the documents of the library, newest first, or by date with
//! their topics.

use std::io::Write;
use std::process::ExitCode;

use dossier_core::model::Kamerstuk;
use dossier_core::text::sanitize_line;
use dossier_core::{Corpus, NodeIdx};
use serde::Serialize;

use super::output::print_json;
use super::show::{DocumentJson, document_json};

#[derive(Serialize)]
struct TimelineJson<'a> {
    #[serde(flatten)]
    document: DocumentJson<'a>,
    topics: Vec<TopicJson<'a>>,
}

#[derive(Serialize)]
struct TopicJson<'a> {
    id: &'a str,
    title: &'a str,
}

/// `documents`: newest first.
pub fn run_documents(c: &Corpus, json: bool) -> anyhow::Result<ExitCode> {
    let mut docs = c.documents_by_date();
    docs.reverse();
    if json {
        let out: Vec<DocumentJson> = docs.iter().filter_map(|&d| document_json(c, d)).collect();
        print_json(&out)?;
        return Ok(ExitCode::SUCCESS);
    }
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    for d in docs {
        writeln!(out, "{}", document_line(c, d))?;
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}

/// `timeline`: oldest first, each document with its topics; with
/// `dossier`, only the documents of that Kamerstuk dossier.
pub fn run_timeline(c: &Corpus, dossier: Option<&str>, json: bool) -> anyhow::Result<ExitCode> {
    let docs: Vec<NodeIdx> = c
        .documents_by_date()
        .into_iter()
        .filter(|&d| dossier.is_none_or(|want| in_dossier(c, d, want)))
        .collect();
    if docs.is_empty()
        && let Some(want) = dossier
    {
        anyhow::bail!(
            "no document of Kamerstuk dossier `{}` in the library; `dossier documents` lists them",
            sanitize_line(want)
        );
    }
    if json {
        let out: Vec<TimelineJson> = docs
            .iter()
            .filter_map(|&d| {
                Some(TimelineJson {
                    document: document_json(c, d)?,
                    topics: c
                        .topics_of(d)
                        .into_iter()
                        .map(|t| TopicJson {
                            id: &c.node(t).id,
                            title: &c.node(t).title,
                        })
                        .collect(),
                })
            })
            .collect();
        print_json(&out)?;
        return Ok(ExitCode::SUCCESS);
    }
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    for d in docs {
        writeln!(out, "{}", document_line(c, d))?;
        for t in c.topics_of(d) {
            let n = c.node(t);
            writeln!(out, "    {}  {}", n.id, n.title)?;
        }
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}

/// `2025-12-17  kst-32317-987  Tweede Kamer  brief  32317 nr. 987  title`.
fn document_line(c: &Corpus, d: NodeIdx) -> String {
    let n = c.node(d);
    let Some(m) = n.letter.as_deref() else {
        return n.id.clone();
    };
    let kamerstuk = m
        .kamerstuk
        .as_ref()
        .map(Kamerstuk::short)
        .unwrap_or_else(|| "-".into());
    format!(
        "{}  {:<20} {:<13} {:<8} {:<16} {}",
        m.date_text(),
        n.id,
        m.chamber.name(),
        m.kind().key(),
        kamerstuk,
        n.title
    )
}

/// Whether a document belongs to a Kamerstuk dossier, written as people
/// write it: `32317`, `21501-04`, `21 501-04`, `36410-VI`.
fn in_dossier(c: &Corpus, d: NodeIdx, want: &str) -> bool {
    let norm = |s: &str| -> String {
        s.chars()
            .filter(|c| !c.is_whitespace())
            .flat_map(char::to_lowercase)
            .collect()
    };
    c.node(d)
        .letter
        .as_ref()
        .and_then(|m| m.kamerstuk.as_ref())
        .is_some_and(|k| norm(&k.dossier) == norm(want))
}
