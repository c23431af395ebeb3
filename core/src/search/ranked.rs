//! Exact-first search, as the finder and `dossier search` use it: texts
//! that hold the typed words as they stand rank above anything else, each
//! occurrence its own hit; fzf's extended syntax (see [`crate::query`])
//! selects exactly; and only when no text holds a plain query are fuzzy
//! matches shown, and then only the dense ones.
//!
//! Tiers, best first:
//! 1. the query as typed (a phrase), each occurrence a hit; an occurrence
//!    on word boundaries before one inside a word;
//! 2. for several words: a text holding all of them, in any order;
//! 3. (only when 1 and 2 found nothing) fuzzy matches that are not mostly
//!    gaps.
//!
//! Within a tier: titles before passages, then document order.

use std::cmp::Reverse;
use std::collections::BinaryHeap;

use memchr::memmem;

use super::{Hit, SearchIndex, exact};
use crate::query::{Query, dense};

/// Scores of the tiers, so that `Hit::score` orders them.
const PHRASE: i64 = 3_000;
const ALL_WORDS: i64 = 2_000;
/// Added to a phrase occurrence for starting, and for ending, on a word
/// boundary.
const BOUNDARY: i64 = 10;

/// A candidate: greater is better.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
struct Key {
    score: i64,
    title: bool,
    item: Reverse<u32>,
    /// Byte offset in the folded buffer, for one hit per occurrence.
    at: Reverse<u32>,
}

/// The best `limit` keys seen.
struct Best {
    limit: usize,
    heap: BinaryHeap<Reverse<(Key, u32)>>,
}

impl Best {
    fn new(limit: usize) -> Best {
        Best {
            limit,
            heap: BinaryHeap::new(),
        }
    }

    /// `len`: the occurrence's length in bytes, 0 for a whole item.
    fn push(&mut self, key: Key, len: u32) {
        if self.heap.len() < self.limit {
            self.heap.push(Reverse((key, len)));
        } else if let Some(mut worst) = self.heap.peek_mut()
            && key > worst.0.0
        {
            *worst = Reverse((key, len));
        }
    }

    fn sorted(self) -> Vec<(Key, u32)> {
        let mut v: Vec<(Key, u32)> = self.heap.into_iter().map(|r| r.0).collect();
        v.sort_unstable_by_key(|x| Reverse(x.0));
        v
    }
}

impl SearchIndex {
    /// Exact-first search (see the module's notes), best first, at most
    /// `limit` hits. An empty query lists titles in document order.
    pub fn find(&self, query: &str, limit: usize) -> Vec<Hit> {
        self.find_exact(query, limit).unwrap_or_else(|| {
            let mut hits = self.fuzzy(query, limit);
            hits.retain(|h| dense(&h.positions));
            hits
        })
    }

    /// Tiers 1 and 2, or the extended syntax: `None` when a plain query
    /// found nothing, so a fuzzy search may follow (the finder's thread runs
    /// that one a chunk at a time).
    pub fn find_exact(&self, query: &str, limit: usize) -> Option<Vec<Hit>> {
        let q = Query::parse(query);
        if q.is_empty() {
            return Some(self.fuzzy("", limit));
        }
        if limit == 0 {
            return Some(Vec::new());
        }
        let hits = if q.is_plain() {
            self.plain(&q, query, limit)
        } else {
            self.extended(&q, limit)
        };
        (!hits.is_empty() || !q.is_plain()).then_some(hits)
    }

    fn key(&self, item: usize, score: i64, at: usize) -> Key {
        Key {
            score,
            title: self.is_title(item),
            item: Reverse(item as u32),
            at: Reverse(at as u32),
        }
    }

    /// The item that holds byte `at` of the folded buffer.
    fn item_at(&self, at: usize) -> usize {
        let starts = self.folded_starts.view();
        // Items are in order; the first whose end is past `at`.
        starts
            .partition_point(|s| s as usize <= at)
            .saturating_sub(1)
    }

    fn plain(&self, q: &Query, query: &str, limit: usize) -> Vec<Hit> {
        let folded = self.folded.as_slice();
        let starts = self.folded_starts.view();
        let phrase = exact::phrase(query);
        let mut best = Best::new(limit);
        let finder = memmem::Finder::new(phrase.as_bytes());
        let mut with_phrase = Vec::new();
        for at in finder.find_iter(folded) {
            let item = self.item_at(at);
            let (start, end) = (starts.offset(item), starts.offset(item + 1));
            // An occurrence across the `\n` between items is none.
            if at + phrase.len() >= end {
                continue;
            }
            let before = at > start && folded[at - 1].is_ascii_alphanumeric();
            let after = folded
                .get(at + phrase.len())
                .is_some_and(|b| b.is_ascii_alphanumeric());
            // A text that begins with the words comes before one that has
            // them further on.
            let score = PHRASE
                + BOUNDARY * (i64::from(!before) + i64::from(!after))
                + i64::from(at == start) * BOUNDARY / 2;
            best.push(self.key(item, score, at), phrase.len() as u32);
            if with_phrase.last() != Some(&item) {
                with_phrase.push(item);
            }
        }
        let words = q.words();
        if words.len() > 1 {
            // Items holding the first word, then checked for the others.
            let first = memmem::Finder::new(words[0].as_bytes());
            let mut last = usize::MAX;
            for at in first.find_iter(folded) {
                let item = self.item_at(at);
                if item == last || with_phrase.binary_search(&item).is_ok() {
                    continue;
                }
                last = item;
                let text = self.item_folded(item);
                if words[1..].iter().all(|w| text.contains(w)) {
                    best.push(self.key(item, ALL_WORDS, starts.offset(item)), 0);
                }
            }
        }
        best.sorted()
            .into_iter()
            .map(|(k, len)| {
                let item = k.item.0 as usize;
                let text = self.item_folded(item);
                let positions = if len > 0 {
                    // This occurrence's characters.
                    let from = (k.at.0 as usize).saturating_sub(starts.offset(item));
                    let c = text.get(..from).map_or(0, |t| t.chars().count());
                    let n = phrase.chars().count();
                    (c..c + n).collect()
                } else {
                    word_positions(text, &words)
                };
                self.hit(item, k.score, positions)
            })
            .collect()
    }

    fn extended(&self, q: &Query, limit: usize) -> Vec<Hit> {
        let mut best = Best::new(limit);
        for item in 0..self.len() {
            let text = self.item_folded(item);
            if q.matches(text).is_some() {
                best.push(self.key(item, ALL_WORDS, 0), 0);
            }
        }
        best.sorted()
            .into_iter()
            .map(|(k, _)| {
                let item = k.item.0 as usize;
                let positions = q
                    .matches(self.item_folded(item))
                    .unwrap_or_default()
                    .into_iter()
                    .flat_map(|(a, b)| a..b)
                    .collect();
                self.hit(item, k.score, positions)
            })
            .collect()
    }
}

/// Positions marked in one hit at most: enough for any snippet, and a
/// huge passage full of a common word costs no more.
const MAX_POSITIONS: usize = 512;

/// The characters of the occurrences of each word in `text` (the first
/// [`MAX_POSITIONS`]), counted in one pass per word.
fn word_positions(text: &str, words: &[&str]) -> Vec<usize> {
    let mut out = Vec::new();
    for w in words {
        let n = w.chars().count();
        let (mut byte, mut chars) = (0, 0);
        for (b, _) in text.match_indices(w).take(MAX_POSITIONS) {
            chars += text[byte..b].chars().count();
            byte = b;
            out.extend(chars..chars + n);
        }
    }
    out.sort_unstable();
    out.dedup();
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_words_as_typed_rank_first_and_each_occurrence_is_a_hit() {
        let index = SearchIndex::from_texts([
            "Ik tal ie wat",
            "Italië en Italië",
            "de italiaanse minister",
            "Nederland en Italië",
        ]);
        let hits = index.find("italie", 10);
        let items: Vec<usize> = hits.iter().map(|h| h.node).collect();
        assert_eq!(items, vec![1, 1, 3], "three occurrences, nothing scattered");
        assert_eq!(hits[0].positions, (0..6).collect::<Vec<_>>());
        assert_eq!(hits[1].positions, (10..16).collect::<Vec<_>>());
        // Nothing holds it: dense fuzzy matches only.
        let hits = index.find("italiaans", 10);
        assert_eq!(hits.len(), 1);
        let none = index.find("itlae", 10);
        assert!(none.iter().all(|h| dense(&h.positions)));
    }

    #[test]
    fn several_words_rank_the_phrase_then_all_words() {
        let index = SearchIndex::from_texts(["de raad van europa", "europa en de raad", "de raad"]);
        let hits = index.find("raad europa", 10);
        let items: Vec<usize> = hits.iter().map(|h| h.node).collect();
        assert_eq!(items, vec![0, 1]);
        let hits = index.find("raad van europa", 10);
        assert_eq!(hits.len(), 1);
        let hits = index.find("^de raad !europa", 10);
        assert_eq!(hits.iter().map(|h| h.node).collect::<Vec<_>>(), vec![2]);
        assert!(index.find("^europa | zzz", 10).len() == 1);
    }
}
