//! Exact (phrase) search on the folded text with `memchr::memmem`: case and
//! accents are ignored, and any run of whitespace in the query matches one
//! space (the text's whitespace is already one space).

use std::ops::Range;
use std::sync::atomic::{AtomicUsize, Ordering};

use memchr::memmem;

use super::{Hit, Rank, SearchIndex, TopK, fold_query, threads_for};

/// Items handed to a thread at a time.
const BLOCK: usize = 16_384;

/// A query as the folded text would hold it.
pub(crate) fn phrase(query: &str) -> String {
    fold_query(query)
        .split(' ')
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

impl SearchIndex {
    /// The titles and passages that contain the phrase, best first: most
    /// occurrences first, then titles before passages, then document order.
    /// Every occurrence's characters are in the hit's positions. An empty
    /// query finds nothing.
    pub fn exact(&self, query: &str, limit: usize) -> Vec<Hit> {
        let phrase = phrase(query);
        if phrase.is_empty() || limit == 0 || self.is_empty() {
            return Vec::new();
        }
        let finder = memmem::Finder::new(phrase.as_bytes());
        // Scanning is memchr-fast: threads pay off only on large indexes.
        let threads = threads_for(self.len(), 131_072);
        let top = if threads <= 1 {
            let mut top = TopK::new(limit);
            self.count_range(&finder, 0..self.len(), &mut top);
            top
        } else {
            let next = AtomicUsize::new(0);
            std::thread::scope(|s| {
                let workers: Vec<_> = (0..threads)
                    .map(|_| {
                        s.spawn(|| {
                            let mut top = TopK::new(limit);
                            loop {
                                let start = next.fetch_add(BLOCK, Ordering::Relaxed);
                                if start >= self.len() {
                                    break;
                                }
                                self.count_range(
                                    &finder,
                                    start..(start + BLOCK).min(self.len()),
                                    &mut top,
                                );
                            }
                            top
                        })
                    })
                    .collect();
                let mut top = TopK::new(limit);
                for w in workers {
                    top.merge(w.join().unwrap_or_else(|e| std::panic::resume_unwind(e)));
                }
                top
            })
        };
        let phrase_chars = phrase.chars().count();
        top.sorted()
            .into_iter()
            .map(|r| {
                let item = self.item_folded(r.item());
                let mut positions = Vec::new();
                let mut chars_before = 0;
                let mut last = 0;
                for at in finder.find_iter(item.as_bytes()) {
                    chars_before += item[last..at].chars().count();
                    positions.extend(chars_before..chars_before + phrase_chars);
                    chars_before += phrase_chars;
                    last = at + phrase.len();
                }
                self.hit(r.item(), r.score(), positions)
            })
            .collect()
    }

    /// Counts the occurrences in each item of a range in one scan over its
    /// bytes. Items end in `\n`, which a phrase never holds, so no
    /// occurrence runs from one item into the next.
    fn count_range(&self, finder: &memmem::Finder, items: Range<usize>, top: &mut TopK) {
        let starts = self.folded_starts.view();
        let base = starts.offset(items.start);
        let end = starts.offset(items.end);
        let Some(hay) = self.folded.as_slice().get(base..end) else {
            return;
        };
        let mut item = items.start;
        let mut count = 0i64;
        for at in finder.find_iter(hay) {
            let at = base + at;
            if starts.offset(item + 1) <= at {
                if count > 0 {
                    top.push(Rank::new(self, item, count));
                }
                count = 0;
                // On to the item that holds `at`: the next one when hits
                // are dense, else found by halving, which a rare phrase
                // needs to skip thousands of items at a time.
                if item + 2 >= items.end || starts.offset(item + 2) > at {
                    item += 1;
                } else {
                    let after = starts.slice(item + 2..items.end);
                    item += 1 + after.partition_point(|s| s as usize <= at);
                }
            }
            count += 1;
        }
        if count > 0 {
            top.push(Rank::new(self, item, count));
        }
    }
}

/// The plain way, for tests: every item checked on its own.
#[cfg(test)]
pub(crate) fn reference_exact(index: &SearchIndex, query: &str, limit: usize) -> Vec<(usize, i64)> {
    let phrase = phrase(query);
    if phrase.is_empty() {
        return Vec::new();
    }
    let mut ranks: Vec<Rank> = (0..index.len())
        .filter_map(|i| {
            let n = index.item_folded(i).matches(phrase.as_str()).count() as i64;
            (n > 0).then(|| Rank::new(index, i, n))
        })
        .collect();
    ranks.sort_by(|a, b| b.cmp(a));
    ranks.truncate(limit);
    ranks.into_iter().map(|r| (r.item(), r.score())).collect()
}
