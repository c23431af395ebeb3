//! `dossier search QUERY [--exact] [--limit N] [--json]`: ranked hits over
//! every title and passage, ignoring case and accents: the texts holding
//! the words as typed first, each occurrence a hit, with fzf's extended
//! syntax; fuzzy matches only when no text holds them (see
//! [`SearchIndex::find`]). `--exact` takes the query as one phrase.

use std::io::Write;
use std::process::ExitCode;

use dossier_core::doc_kind::DocKind;
use dossier_core::search::{Hit, SearchIndex, snippet};
use serde::Serialize;

use super::output::print_json;
use crate::app::App;

/// Characters of passage shown around the matches.
const SNIPPET_WIDTH: usize = 100;

#[derive(Serialize)]
struct HitJson<'a> {
    /// The dossier (or letter) the hit is read under; none for references.
    dossier: Option<&'a str>,
    node: &'a str,
    title: &'a str,
    score: i64,
    snippet: String,
    /// A document's kind (`motie`, `brief`, `amendement`, …; see
    /// [`dossier_core::doc_kind::DocKind`]), else the node's: `dossier`,
    /// `section`, `footnote`, `annex` or `reference`.
    kind: &'static str,
    /// The paragraph of the node (0-based), absent for a hit in the title.
    #[serde(skip_serializing_if = "Option::is_none")]
    passage: Option<usize>,
}

/// Searches without parsing the dossiers when it can: the application
/// layer has a dossier folder's search index from the cache when it matches
/// the files.
pub fn run(
    app: &App,
    query: &str,
    exact: bool,
    limit: usize,
    json: bool,
) -> anyhow::Result<ExitCode> {
    let find = |index: &SearchIndex| {
        if exact {
            index.exact(query, limit)
        } else {
            index.find(query, limit)
        }
    };
    let (index, hits, errors, unreadable) = app.search(&find);
    for e in &errors {
        eprintln!("warning: {e}");
    }
    // A text that could not be read was not searched: the hits are
    // incomplete, and the exit status says so.
    for e in &unreadable {
        eprintln!("warning: {e}");
    }
    let done = print_hits(&index, &hits, query, json);
    crate::app::leave_to_exit(index);
    match done {
        Ok(_) if !unreadable.is_empty() => Ok(ExitCode::from(1)),
        done => done,
    }
}

/// Prints the hits of a search, best first.
fn print_hits(
    index: &SearchIndex,
    hits: &[Hit],
    query: &str,
    json: bool,
) -> anyhow::Result<ExitCode> {
    let rows: Vec<HitJson> = hits.iter().map(|h| hit_json(index, h)).collect();
    if json {
        print_json(&rows)?;
        return Ok(ExitCode::SUCCESS);
    }
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    for row in &rows {
        // The score is for ranking (and in --json), not for reading.
        writeln!(out, "{}  {}", row.node, row.title)?;
        if row.passage.is_some() {
            writeln!(out, "    {}", row.snippet)?;
        }
    }
    out.flush()?;
    if rows.is_empty() {
        eprintln!("no hits for `{}`", dossier_core::text::sanitize_line(query));
    }
    Ok(ExitCode::SUCCESS)
}

fn hit_json<'a>(index: &'a SearchIndex, hit: &Hit) -> HitJson<'a> {
    let node = index.node(hit.node);
    let (snippet, _) = snippet(index.text(hit), &hit.positions, SNIPPET_WIDTH);
    HitJson {
        dossier: node
            .and_then(|n| n.root)
            .and_then(|r| index.node(r))
            .map(|r| r.id),
        node: node.map_or("", |n| n.id),
        title: index.title(hit.node),
        score: hit.score,
        snippet,
        kind: node.map_or("section", |n| {
            n.doc_kind.map_or(n.kind.as_str(), DocKind::key)
        }),
        passage: hit.passage,
    }
}
