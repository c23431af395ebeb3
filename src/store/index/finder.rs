//! The finder's ranking on the library's index: the documents `dossier
//! search` finds, their best passages as the finder's rows. Ready for the
//! interface's finder worker ([`dossier_core::search::FinderWorker::spawn_ranked`]);
//! not yet its source: the interface still searches its passage index.

use std::sync::{Arc, Mutex};

use dossier_core::search::{Hit, SearchIndex};
use dossier_core::{BodyError, Corpus};

use super::dossiers::Origin;
use super::{LibraryIndex, passages, query};

/// `query, limit → rows`, best first.
pub type Rank = Box<dyn Fn(&str, usize) -> Vec<Hit>>;

/// Rows a document may have.
const PASSAGES: usize = 3;

/// The finder's `query, limit → rows`, made on its thread: the library's
/// index, or when it cannot be opened the passage index `fallback` makes
/// (whose unreadable texts go to `unreadable`).
pub fn ranker(
    origin: Origin,
    max_file_size: u64,
    corpus: Arc<Corpus>,
    fallback: impl FnOnce() -> (SearchIndex, Vec<BodyError>),
    unreadable: Arc<Mutex<Vec<BodyError>>>,
) -> Rank {
    let loaded = Arc::clone(&corpus);
    match super::open(&origin, max_file_size, &mut || Arc::clone(&loaded)) {
        Ok(index) => Box::new(move |q: &str, limit: usize| rows(&index, &corpus, q, limit)),
        Err(_) => {
            let (index, errors) = fallback();
            if let Ok(mut u) = unreadable.lock() {
                *u = errors;
            }
            Box::new(move |q: &str, limit: usize| index.find(q, limit))
        }
    }
}

/// The rows for a query: each document found, best first, as its best
/// passages (nodes of `corpus`), at most `limit` rows.
pub fn rows(index: &LibraryIndex, corpus: &Corpus, q: &str, limit: usize) -> Vec<Hit> {
    let plan = query::parse(q);
    let Ok(found) = index.search(&plan, limit) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    let mut by_passage = Vec::new();
    for f in &found {
        for (i, passage_score, positions) in passages::scored(&f.shown, &plan, PASSAGES) {
            let Some((node, paragraph, _)) = f.shown.passages.get(i) else {
                continue;
            };
            let Some(n) = f
                .shown
                .nodes
                .get(*node as usize)
                .and_then(|(id, _)| corpus.get(id))
            else {
                continue;
            };
            by_passage.push(passage_score);
            out.push(Hit {
                node: n,
                passage: paragraph.map(|p| p as usize),
                score: f.score,
                positions,
            });
        }
    }
    // A row is a place to open: the passages holding most of the words
    // as words first (`voetnoot 2` opens footnote 2), in the documents'
    // order among equals.
    let mut order: Vec<usize> = (0..out.len()).collect();
    order.sort_by_key(|&i| std::cmp::Reverse(by_passage[i]));
    let mut out: Vec<Hit> = order.into_iter().map(|i| out[i].clone()).collect();
    out.truncate(limit);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_finder_shows_documents_in_the_order_search_ranks_them() {
        let corpus = crate::store::dossiers::load_built_in();
        let index = LibraryIndex::in_ram(super::super::loaded(&corpus)).unwrap();
        let hits = rows(&index, &corpus, "motie Ram", 20);
        let first = hits.first().expect("a row");
        assert_eq!(
            corpus
                .root_of(first.node)
                .map(|r| corpus.node(r).id.as_str()),
            Some("motie-ram")
        );
        // The row's positions mark the words in the passage the view shows.
        let text = match first.passage {
            Some(p) => corpus.body(first.node).unwrap().paragraphs[p].plain(),
            None => corpus.node(first.node).title.clone(),
        };
        let marked: String = first
            .positions
            .iter()
            .filter_map(|&i| text.chars().nth(i))
            .collect();
        assert!(marked.to_lowercase().contains("ram"), "{marked}");
        assert!(hits.len() <= 20);
        // A footnote's title typed opens that footnote.
        let hits = rows(&index, &corpus, "voetnoot 2", 20);
        assert_eq!(corpus.node(hits[0].node).id, "ebsp/fn-2");
    }
}
