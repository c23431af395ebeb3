//! `dossier search QUERY [--exact] [--limit N] [--json]`: the documents of
//! the library (and the built-in letter's topics) best matching the
//! query, each once, with its best passages beneath it. Ranked by the
//! library's index over titles, subjects, submitters, dossier numbers and
//! titles, citations and text: whole words before parts of words, typos
//! forgiven when the words as typed find little; fzf's extended syntax.
//! `--exact` takes the query as one phrase of whole words.

use std::io::Write;
use std::process::ExitCode;

use dossier_core::text::sanitize_line;
use serde::Serialize;

use super::output::print_json;
use crate::app::App;
use crate::store::index::passages::{self, Passage};
use crate::store::index::query;

/// Characters of passage shown around the matches.
const SNIPPET_WIDTH: usize = 100;

/// Passages shown beneath each result.
const PASSAGES: usize = 3;

#[derive(Serialize)]
struct HitJson<'a> {
    /// The document, or the topic of the built-in letter.
    dossier: &'a str,
    /// Where the best passage is: the document or a node under it.
    node: &'a str,
    title: &'a str,
    score: i64,
    /// The best passage, around its matches.
    snippet: &'a str,
    /// A document's kind (`motie`, `brief`, `amendement`, …; see
    /// [`dossier_core::doc_kind::DocKind`]), or `dossier` for a topic.
    kind: &'a str,
    /// The best passage's paragraph (0-based), absent for a title.
    #[serde(skip_serializing_if = "Option::is_none")]
    passage: Option<usize>,
    passages: Vec<PassageJson<'a>>,
}

#[derive(Serialize)]
struct PassageJson<'a> {
    node: &'a str,
    title: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    passage: Option<usize>,
    snippet: &'a str,
}

pub fn run(
    app: &mut App,
    query: &str,
    exact: bool,
    limit: usize,
    json: bool,
) -> anyhow::Result<ExitCode> {
    let plan = if exact {
        query::exact(query)
    } else {
        query::parse(query)
    };
    let index = app.library_index()?;
    for w in index.warnings() {
        eprintln!("warning: {}", sanitize_line(w));
    }
    let found = index.search(&plan, limit)?;
    let shown: Vec<Vec<Passage>> = found
        .iter()
        .map(|f| passages::best(&f.shown, &plan, PASSAGES, SNIPPET_WIDTH))
        .collect();
    let rows: Vec<HitJson> = found
        .iter()
        .zip(&shown)
        .map(|(f, ps)| {
            let best = ps.first();
            HitJson {
                dossier: &f.id,
                node: best.map_or(f.id.as_str(), |p| p.node.as_str()),
                title: &f.shown.title,
                score: f.score,
                snippet: best.map_or("", |p| p.snippet.as_str()),
                kind: &f.shown.kind,
                passage: best.and_then(|p| p.paragraph),
                passages: ps
                    .iter()
                    .map(|p| PassageJson {
                        node: &p.node,
                        title: &p.node_title,
                        passage: p.paragraph,
                        snippet: &p.snippet,
                    })
                    .collect(),
            }
        })
        .collect();
    if json {
        print_json(&rows)?;
        return Ok(ExitCode::SUCCESS);
    }
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    for row in &rows {
        // The score is for ranking (and in --json), not for reading.
        writeln!(out, "{}  {}", row.dossier, sanitize_line(row.title))?;
        for p in &row.passages {
            if p.node != row.dossier {
                writeln!(out, "  {}  {}", p.node, sanitize_line(p.title))?;
            }
            if p.passage.is_some() || p.node == row.dossier {
                writeln!(out, "    {}", sanitize_line(p.snippet))?;
            }
        }
    }
    out.flush()?;
    if rows.is_empty() {
        eprintln!("no hits for `{}`", sanitize_line(query));
    }
    Ok(ExitCode::SUCCESS)
}
