//! Bounded work for long passages. The matcher fills a table of pattern
//! length × text length cells, so one paragraph of 8 MB and a query of 32
//! letters cost seconds and gigabytes. A passage longer than
//! [`MAX_SCORED`] bytes is therefore scored on one window of that size
//! around its most compact match: the shortest stretch that holds the
//! pattern's characters in order, looked for from at most [`PROBES`]
//! starting points. A match spread wider than the window is no hit: in a
//! passage that long such a scatter of letters means nothing.
//!
//! Passages up to [`MAX_SCORED`] bytes (nearly all) are scored whole, as
//! before, so their scores are the matcher's own.

use std::ops::Range;

use memchr::memmem;

use super::{Needle, Pattern, trim};
use crate::search::buffers::is_char_boundary;

/// The most bytes of one passage the matcher sees.
pub(super) const MAX_SCORED: usize = 4096;
/// The most starting points tried for the most compact match.
const PROBES: usize = 64;

/// The bytes of `item` to score: the trimmed item when short enough, else
/// a window of at most [`MAX_SCORED`] bytes around the most compact match;
/// `None` when no match fits in a window. `at` is the first occurrence of
/// the pattern's first character in the item, and the pattern is known to
/// occur in it.
pub(super) fn bounded(
    bytes: &[u8],
    item: Range<usize>,
    at: usize,
    pattern: &Pattern,
) -> Option<Range<usize>> {
    let trimmed = trim(bytes, item.clone(), at, pattern);
    if trimmed.len() <= MAX_SCORED {
        return Some(trimmed);
    }
    let span = tightest(bytes.get(..item.end)?, at, &pattern.needles)?;
    if span.len() > MAX_SCORED - 4 {
        return None;
    }
    // The character before the match counts for its bonus (see `trim`).
    let mut start = span.start;
    if start > item.start {
        start -= 1;
        while start > item.start && !is_char_boundary(bytes, start) {
            start -= 1;
        }
    }
    let mut end = (start + MAX_SCORED).min(item.end);
    while end > span.end && !is_char_boundary(bytes, end) {
        end -= 1;
    }
    let window = trim(bytes, start..end, span.start, pattern);
    (window.len() <= MAX_SCORED).then_some(window)
}

/// The shortest stretch of `hay` from `at` on that holds the needles in
/// order, among those found from the first [`PROBES`] starting points: a
/// greedy match forward, then the tightest start for its end backward,
/// then on from just after that start.
fn tightest(hay: &[u8], mut from: usize, needles: &[Needle]) -> Option<Range<usize>> {
    let (first, _) = needles.split_first()?;
    let whole: usize = needles.iter().map(|n| n.len as usize).sum();
    let mut best: Option<Range<usize>> = None;
    for _ in 0..PROBES {
        let mut end = from;
        for n in needles {
            end += n.find(hay.get(end..)?)? + n.len as usize;
        }
        let mut start = end;
        for n in needles.iter().rev() {
            start = from + rfind(n, hay.get(from..start)?)?;
        }
        if best.as_ref().is_none_or(|b| end - start < b.len()) {
            best = Some(start..end);
        }
        if end - start == whole {
            break;
        }
        let next = start + first.len as usize;
        match hay.get(next..).and_then(|h| first.find(h)) {
            Some(i) => from = next + i,
            None => break,
        }
    }
    best
}

fn rfind(n: &Needle, hay: &[u8]) -> Option<usize> {
    if n.len == 1 {
        memchr::memrchr(n.bytes[0], hay)
    } else {
        memmem::rfind(hay, &n.bytes[..n.len as usize])
    }
}

/// Characters in `bytes` (UTF-8): how far into an item a window starts.
pub(super) fn chars_in(bytes: &[u8]) -> usize {
    bytes.iter().filter(|&&b| (b as i8) >= -0x40).count()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn span(text: &str, query: &str) -> Option<String> {
        let p = Pattern::new(query);
        let at = p.needles[0].find(text.as_bytes())?;
        tightest(text.as_bytes(), at, &p.needles).map(|r| text[r].to_string())
    }

    #[test]
    fn the_most_compact_match_is_found() {
        assert_eq!(span("a..b....ab", "ab").as_deref(), Some("ab"));
        assert_eq!(span("raxxd raad", "raad").as_deref(), Some("raad"));
        assert_eq!(span("x", "y"), None);
        assert_eq!(span("ëen en een", "ee").as_deref(), Some("ee"));
    }

    #[test]
    fn a_long_item_is_scored_on_a_window_around_the_compact_match() {
        let mut text = "q ".repeat(20_000);
        text.push_str("de raad van europa");
        text.push_str(&" z".repeat(20_000));
        let p = Pattern::new("raad");
        let at = p.needles[0].find(text.as_bytes()).unwrap();
        let w = bounded(text.as_bytes(), 0..text.len(), at, &p).unwrap();
        assert!(w.len() <= MAX_SCORED);
        assert!(text[w].contains("raad"));
    }

    #[test]
    fn a_match_spread_wider_than_a_window_is_none() {
        let text = format!("a{}b", " ".repeat(3 * MAX_SCORED));
        let p = Pattern::new("ab");
        assert_eq!(bounded(text.as_bytes(), 0..text.len(), 0, &p), None);
    }
}
