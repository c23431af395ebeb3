//! The finder's ranking on the library's index: the documents `dossier
//! search` finds, each once, at its best passage, as the finder's rows;
//! asked on the interface's finder worker
//! ([`dossier_core::search::FinderWorker::spawn_ranked`]).

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};

use dossier_core::search::{Hit, SearchIndex};
use dossier_core::{BodyError, Corpus};

use super::dossiers::Origin;
use super::engine::Reading;
use super::{LibraryIndex, passages, query};

/// `query, limit → rows`, best first.
pub type Rank = Box<dyn Fn(&str, usize) -> Vec<Hit>>;

/// Set once a search of the index failed (a file of it was truncated
/// or removed while the interface ran): its rows cannot be trusted.
static DAMAGED: AtomicBool = AtomicBool::new(false);

/// Whether a search of the library's index failed in this run.
pub fn damaged() -> bool {
    DAMAGED.load(Ordering::Relaxed)
}

/// The finder's `query, limit → rows`, made on its thread: the library's
/// index, read without memory maps (a file truncated underfoot gives no
/// rows, not a crash), or when it cannot be opened the passage index
/// `fallback` makes (whose unreadable texts go to `unreadable`). The
/// index opened is handed to `share` too, for the filters: it is opened
/// once a run.
pub fn ranker(
    origin: Origin,
    max_file_size: u64,
    corpus: Arc<Corpus>,
    fallback: impl FnOnce() -> (SearchIndex, Vec<BodyError>),
    unreadable: Arc<Mutex<Vec<BodyError>>>,
    share: impl FnOnce(Arc<LibraryIndex>),
) -> Rank {
    let loaded = Arc::clone(&corpus);
    let opened = super::open_with(
        &origin,
        max_file_size,
        &mut || Arc::clone(&loaded),
        Reading::Unmapped,
    );
    match opened {
        Ok(index) => {
            let index = Arc::new(index);
            share(Arc::clone(&index));
            Box::new(move |q: &str, limit: usize| rows(&index, &corpus, q, limit))
        }
        Err(_) => {
            let (index, errors) = fallback();
            if let Ok(mut u) = unreadable.lock() {
                *u = errors;
            }
            Box::new(move |q: &str, limit: usize| index.find(q, limit))
        }
    }
}

/// The rows for a query: each document found once, at its best passage (a node of `corpus` and a paragraph of
/// it), so that opening the row opens the document there. At most
/// `limit` rows.
pub fn rows(index: &LibraryIndex, corpus: &Corpus, q: &str, limit: usize) -> Vec<Hit> {
    let plan = query::parse(q);
    let found = match index.search(&plan, limit) {
        Ok(found) => found,
        Err(_) => {
            DAMAGED.store(true, Ordering::Relaxed);
            return Vec::new();
        }
    };
    let mut out = Vec::new();
    let mut whole = Vec::new();
    for f in &found {
        let best = passages::ranked(&f.shown, &plan, 1).into_iter().next();
        let place = best.and_then(|(i, positions)| {
            let (node, paragraph, text) = f.shown.passages.get(i)?;
            let (id, _) = f.shown.nodes.get(*node as usize)?;
            let whole = passages::holds_every_word(text, &plan);
            Some((
                corpus.get(id)?,
                paragraph.map(|p| p as usize),
                whole,
                positions,
            ))
        });
        // A document found by its fields alone opens at its start.
        let Some((node, passage, in_passage, positions)) =
            place.or_else(|| corpus.get(&f.id).map(|n| (n, None, false, Vec::new())))
        else {
            continue;
        };
        whole.push(in_passage || passages::holds_every_word(&f.shown.title, &plan));
        out.push(Hit {
            node,
            passage,
            score: f.score,
            positions,
        });
    }
    // A row is a place to open: the documents whose title or best passage
    // holds every word of the query as a word first (`voetnoot 2` opens
    // footnote 2, `motie Ram` the motie of member Ram), in search's order
    // among equals.
    let mut order: Vec<usize> = (0..out.len()).collect();
    order.sort_by_key(|&i| !whole[i]);
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

    #[test]
    fn each_document_is_one_row_at_its_best_passage() {
        let corpus = crate::store::dossiers::load_built_in();
        let index = LibraryIndex::in_ram(super::super::loaded(&corpus)).unwrap();
        for q in ["italie", "de", "motie", "'Marokko | Tunesië"] {
            let hits = rows(&index, &corpus, q, 50);
            assert!(!hits.is_empty(), "{q}");
            let mut roots: Vec<_> = hits.iter().map(|h| corpus.root_of(h.node)).collect();
            let n = roots.len();
            roots.sort();
            roots.dedup();
            assert_eq!(roots.len(), n, "a document twice for {q}");
        }
    }
}
