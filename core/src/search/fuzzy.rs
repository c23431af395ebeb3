//! Fuzzy search: fuzzy-matcher's `SkimMatcherV2` on the folded text, made
//! fast around it.
//!
//! 1. A subsequence prefilter on the folded bytes drops the items the
//!    matcher would refuse. The matcher accepts an item exactly when the
//!    pattern's characters occur in it in order (its `cheap_matches`, with
//!    ASCII case ignored); both sides are folded, so that is plain character
//!    equality, and finding each character's UTF-8 bytes in turn is the same
//!    test. The first character is looked for across items, so runs of items
//!    without it are skipped in one `memchr`.
//! 2. The items left are scored on every core, one matcher per thread (a
//!    matcher shared between threads contends on its scratch space), each
//!    thread keeping its best `limit` in a heap.
//! 3. Match positions are computed for the returned hits only.
//! 4. A passage too long to score whole is scored on a window (see
//!    [`window`]), so no text makes a search take long or much memory.
//!
//! [`reference_fuzzy`] does none of this, and the tests hold the two equal.

use std::ops::Range;
use std::sync::atomic::{AtomicUsize, Ordering};

use fuzzy_matcher::FuzzyMatcher;
use fuzzy_matcher::skim::SkimMatcherV2;
use memchr::memmem;

use super::buffers::is_char_boundary;
use super::{Hit, Rank, SearchIndex, TopK, fold_query, threads_for};

/// Items handed to a thread at a time.
const BLOCK: usize = 4096;

mod window;

/// The matcher every fuzzy search uses. The text and the pattern are both
/// folded, so case does not come into it.
///
/// A new matcher for each text scored: fuzzy-matcher 0.3.7 keeps its score
/// table between calls and reads one field of it (a match cell's
/// consecutive bonus) before writing it, so a reused matcher gives scores
/// that depend on the texts it scored before, and so on how the work was
/// split between threads. (Its `use_cache(false)` would avoid that, but
/// panics with "RefCell already borrowed".) A new matcher costs a few small
/// allocations, and makes the score a function of text and pattern alone;
/// matchers are never shared between threads.
pub(crate) fn matcher() -> SkimMatcherV2 {
    SkimMatcherV2::default().ignore_case()
}

/// A folded fuzzy pattern and its prefilter.
#[derive(Debug, Clone)]
pub(crate) struct Pattern {
    pub(crate) text: String,
    /// Each character's UTF-8 bytes, in order.
    needles: Vec<Needle>,
}

#[derive(Debug, Clone, Copy)]
struct Needle {
    bytes: [u8; 4],
    len: u8,
}

impl Needle {
    #[inline]
    fn find(&self, hay: &[u8]) -> Option<usize> {
        if self.len == 1 {
            memchr::memchr(self.bytes[0], hay)
        } else {
            memmem::find(hay, &self.bytes[..self.len as usize])
        }
    }
}

impl Pattern {
    pub(crate) fn new(query: &str) -> Pattern {
        let text = fold_query(query.trim());
        let needles = text
            .chars()
            .map(|c| {
                let mut bytes = [0; 4];
                let len = c.encode_utf8(&mut bytes).len() as u8;
                Needle { bytes, len }
            })
            .collect();
        Pattern { text, needles }
    }

    /// Whether the pattern's characters occur in `hay` in order, starting
    /// the search at byte `from`.
    #[inline]
    fn accepts_from(&self, hay: &[u8], mut from: usize, needles: &[Needle]) -> bool {
        for n in needles {
            match hay.get(from..).and_then(|h| n.find(h)) {
                Some(i) => from += i + n.len as usize,
                None => return false,
            }
        }
        true
    }

    /// Whether the matcher would match `hay` (a folded item).
    #[cfg(test)]
    pub(crate) fn accepts(&self, hay: &[u8]) -> bool {
        self.accepts_from(hay, 0, &self.needles)
    }
}

impl SearchIndex {
    /// The best `limit` titles and passages for a fuzzy query, best first,
    /// with the positions of the matched characters. An empty query matches
    /// everything with score 0, so it lists titles first, in document order.
    pub fn fuzzy(&self, query: &str, limit: usize) -> Vec<Hit> {
        let pattern = Pattern::new(query);
        let top = self.fuzzy_ranks(&pattern, 0..self.len(), limit);
        self.with_positions(&pattern, &top.sorted())
    }

    /// Scores `items` on as many threads as pay off.
    pub(crate) fn fuzzy_ranks(&self, pattern: &Pattern, items: Range<usize>, limit: usize) -> TopK {
        // Scoring is slow enough that the finder's chunks of 8,192 items
        // (several milliseconds) are worth two threads.
        let threads = threads_for(items.len(), 8_192);
        if threads <= 1 || limit == 0 {
            let mut top = TopK::new(limit);
            if limit > 0 {
                self.score_range(pattern, items, &mut top);
            }
            return top;
        }
        let next = AtomicUsize::new(items.start);
        let end = items.end;
        std::thread::scope(|s| {
            let workers: Vec<_> = (0..threads)
                .map(|_| {
                    s.spawn(|| {
                        let mut top = TopK::new(limit);
                        loop {
                            let start = next.fetch_add(BLOCK, Ordering::Relaxed);
                            if start >= end {
                                break;
                            }
                            self.score_range(pattern, start..(start + BLOCK).min(end), &mut top);
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
    }

    /// Prefilters and scores a range of items on this thread.
    fn score_range(&self, pattern: &Pattern, items: Range<usize>, top: &mut TopK) {
        let m = Scorer::new();
        let folded = self.folded.as_slice();
        let starts = self.folded_starts.view();
        let Some((first, rest)) = pattern.needles.split_first() else {
            for i in items {
                top.push(Rank::new(self, i, 0));
            }
            return;
        };
        let end_byte = starts.offset(items.end).min(folded.len());
        let mut i = items.start;
        while i < items.end {
            // Skip to the next item that holds the first character.
            let from = starts.offset(i);
            let Some(at) = folded.get(from..end_byte).and_then(|h| first.find(h)) else {
                break;
            };
            let at = from + at;
            while i + 1 < items.end && starts.offset(i + 1) <= at {
                i += 1;
            }
            // The item without its `\n`.
            let range = starts.offset(i)..starts.offset(i + 1).saturating_sub(1);
            if at < range.end
                && let Some(hay) = folded.get(..range.end)
                && pattern.accepts_from(hay, at + first.len as usize, rest)
                && let Some(scored) = window::bounded(folded, range, at, pattern)
                && let Some(choice) = folded.get(scored).and_then(|c| std::str::from_utf8(c).ok())
                && let Some(score) = m.score(choice, &pattern.text)
            {
                top.push(Rank::new(self, i, score));
            }
            i += 1;
        }
    }

    /// Turns ranks into hits, computing match positions for them alone.
    pub(crate) fn with_positions(&self, pattern: &Pattern, ranks: &[Rank]) -> Vec<Hit> {
        ranks
            .iter()
            .map(|r| {
                let (text, skipped) = self.scored_part(pattern, r.item());
                let positions = matcher()
                    .fuzzy_indices(text, &pattern.text)
                    .map(|(_, p)| p.into_iter().map(|i| i + skipped).collect())
                    .unwrap_or_default();
                self.hit(r.item(), r.score(), positions)
            })
            .collect()
    }

    /// The part of an item the matcher saw, and the characters of the item
    /// before it: the whole item unless it is too long to score whole.
    fn scored_part(&self, pattern: &Pattern, item: usize) -> (&str, usize) {
        let whole = self.item_folded(item);
        let (Some(first), true) = (pattern.needles.first(), whole.len() > window::MAX_SCORED)
        else {
            return (whole, 0);
        };
        let folded = self.folded.as_slice();
        let start = self.folded_starts.view().offset(item);
        let range = start..start + whole.len();
        let part = first
            .find(whole.as_bytes())
            .and_then(|at| window::bounded(folded, range, start + at, pattern))
            .and_then(|w| {
                let skipped = window::chars_in(folded.get(start..w.start)?);
                Some((std::str::from_utf8(folded.get(w)?).ok()?, skipped))
            });
        // Never the whole of a long item: it was scored on a window.
        part.unwrap_or(("", 0))
    }
}

/// One matcher reused for many texts, scoring each as a new matcher would
/// (see [`matcher`]): before each text it scores a one-character text, which
/// shrinks the matcher's kept table to four cells that every call resets or
/// writes before reading; the real text's table then grows with fresh
/// cells. Cheaper than a new matcher per text (whose buffers start empty
/// and grow each time); the tests hold it equal to new matchers.
struct Scorer(SkimMatcherV2);

impl Scorer {
    fn new() -> Scorer {
        Scorer(matcher())
    }

    #[inline]
    fn score(&self, choice: &str, pattern: &str) -> Option<i64> {
        let _ = self.0.fuzzy_match("a", "a");
        self.0.fuzzy_match(choice, pattern)
    }
}

/// The part of an item the matcher needs to see for the same score: from
/// one character before the first occurrence of the pattern's first
/// character (`at`), to the last occurrence of its last character.
///
/// Why the score is the same: the matcher's table starts each pattern row
/// at that row's first possible match, so columns before the first
/// occurrence are never scored; their only trace is the in-place bonus of
/// the first match, which depends on the character just before it, and that
/// character is kept (its own bonus, changed by being first, is never
/// read, as nothing can match there). After the last occurrence of the
/// last character the last row has no match, so the best cell is earlier.
/// The tests hold this against the untrimmed reference.
fn trim(bytes: &[u8], item: Range<usize>, at: usize, pattern: &Pattern) -> Range<usize> {
    let mut start = at;
    if start > item.start {
        start -= 1;
        while start > item.start && !is_char_boundary(bytes, start) {
            start -= 1;
        }
    }
    let end = match pattern.needles.last() {
        Some(n) if n.len == 1 => {
            memchr::memrchr(n.bytes[0], bytes.get(item.clone()).unwrap_or(&[]))
                .map_or(item.end, |i| item.start + i + 1)
        }
        Some(n) => memmem::rfind(
            bytes.get(item.clone()).unwrap_or(&[]),
            &n.bytes[..n.len as usize],
        )
        .map_or(item.end, |i| item.start + i + n.len as usize),
        None => item.end,
    };
    start..end.max(start)
}

/// The plain way, for tests: every item scored by fuzzy-matcher on its
/// folded text, all of them sorted, the first `limit` kept.
pub fn reference_fuzzy(index: &SearchIndex, query: &str, limit: usize) -> Vec<Hit> {
    let pattern = fold_query(query.trim());
    // A new matcher per call, as the fast path does (see `matcher`).
    let fresh = || SkimMatcherV2::default().ignore_case();
    let mut scored: Vec<Rank> = (0..index.len())
        .filter_map(|i| {
            fresh()
                .fuzzy_match(
                    &crate::text::fold(index.item_text(i)).replace(char::is_whitespace, " "),
                    &pattern,
                )
                .map(|s| Rank::new(index, i, s))
        })
        .collect();
    scored.sort_by(|a, b| b.cmp(a));
    scored.truncate(limit);
    scored
        .into_iter()
        .map(|r| {
            let positions = fresh()
                .fuzzy_indices(index.item_folded(r.item()), &pattern)
                .map(|(_, p)| p)
                .unwrap_or_default();
            index.hit(r.item(), r.score(), positions)
        })
        .collect()
}

/// A fuzzy search done a chunk at a time, for a caller that must stay
/// responsive (see [`super::FinderWorker`]). Each [`FuzzySearch::step`]
/// scores the next items; [`FuzzySearch::hits`] gives the best so far.
///
/// ```
/// # use dossier_core::search::{SearchIndex, FuzzySearch};
/// let index = SearchIndex::from_texts(["Italië", "Marokko"]);
/// let mut search = FuzzySearch::new(&index, "ital", 10);
/// while !search.step(10_000) {}
/// assert_eq!(search.hits().len(), 1);
/// ```
#[derive(Debug, Clone)]
pub struct FuzzySearch<'a> {
    index: &'a SearchIndex,
    pattern: Pattern,
    limit: usize,
    next: usize,
    top: TopK,
}

impl<'a> FuzzySearch<'a> {
    pub fn new(index: &'a SearchIndex, query: &str, limit: usize) -> FuzzySearch<'a> {
        FuzzySearch {
            index,
            pattern: Pattern::new(query),
            limit,
            next: 0,
            top: TopK::new(limit),
        }
    }

    /// Scores up to `items` more titles and passages (on all cores when
    /// there are enough); returns whether the search is complete.
    pub fn step(&mut self, items: usize) -> bool {
        let end = (self.next + items.max(1)).min(self.index.len());
        if self.next < end {
            let top = self
                .index
                .fuzzy_ranks(&self.pattern, self.next..end, self.limit);
            self.top.merge(top);
            self.next = end;
        }
        self.is_done()
    }

    pub fn is_done(&self) -> bool {
        self.next >= self.index.len()
    }

    /// Items scored so far, and in all.
    pub fn progress(&self) -> (usize, usize) {
        (self.next, self.index.len())
    }

    /// The best hits so far, best first, with positions. Once the search is
    /// done, equal to [`SearchIndex::fuzzy`].
    pub fn hits(&self) -> Vec<Hit> {
        self.index.with_positions(&self.pattern, &self.top.sorted())
    }
}
