//! Anchoring annotations to passages, and finding them again when the text
//! changes.
//!
//! A passage is kept as its exact words, some context on each side and its
//! character offsets in [`crate::model::Document::plain`] of the node it was
//! made on (as the W3C model's quote, position and context selectors). It is
//! found again only in that node, and only where all three agree:
//!
//! - its exact words stand there;
//! - the context on each side agrees within [`TOLERANCE`]: of the (at most
//!   [`CONTEXT_CHARS`]) recorded characters nearest the words, at most a
//!   quarter may differ (edit distance, counted from the words outwards),
//!   so a typo fixed beside a passage keeps it, and a changed word beside
//!   it (`Nederland steunt het …` become `Frankrijk steunt de …`) does not;
//! - where several places pass, the one whose context agrees best; where
//!   they agree equally, only the one at the recorded offsets.
//!
//! Anything else is detached: a note is never moved to a passage that
//! merely looks alike, and its words alone (however rare) never suffice.

use crate::annotation::{Quote, Target};
use crate::model::{BodyError, Corpus};

/// Characters of context kept on each side of a quote.
pub const CONTEXT_CHARS: usize = 32;

/// Where a passage is in the current text, in characters.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Anchor {
    /// At its recorded offsets.
    Exact(usize, usize),
    /// Found again elsewhere; the text around it changed.
    Moved(usize, usize),
    /// The passage is gone (or cannot be told apart from lookalikes).
    Detached,
}

impl Anchor {
    pub fn is_attached(self) -> bool {
        !matches!(self, Anchor::Detached)
    }

    /// The character range, when attached.
    pub fn range(self) -> Option<(usize, usize)> {
        match self {
            Anchor::Exact(s, e) | Anchor::Moved(s, e) => Some((s, e)),
            Anchor::Detached => None,
        }
    }
}

impl Quote {
    /// The passage `start..end` (characters) of `text`, with its context.
    /// `None` for an empty or out-of-range passage.
    pub fn capture(text: &str, start: usize, end: usize) -> Option<Quote> {
        if start >= end {
            return None;
        }
        let chars: Vec<char> = text.chars().collect();
        if end > chars.len() {
            return None;
        }
        let exact: String = chars[start..end].iter().collect();
        let prefix: String = chars[start.saturating_sub(CONTEXT_CHARS)..start]
            .iter()
            .collect();
        let suffix: String = chars[end..(end + CONTEXT_CHARS).min(chars.len())]
            .iter()
            .collect();
        let ambiguous = occurrences(text, &exact).len() > 1;
        Some(Quote {
            exact,
            prefix,
            suffix,
            start,
            end,
            ambiguous,
        })
    }

    /// The words with the context they were captured in, as a detached
    /// note shows what it was on: `…Nederland steunt het EBSP-mandaat…`.
    pub fn in_context(&self) -> String {
        crate::text::collapse_whitespace(&format!("…{}{}{}…", self.prefix, self.exact, self.suffix))
    }

    /// The first occurrence of `exact` in `text`, captured with its context.
    pub fn find(text: &str, exact: &str) -> Option<Quote> {
        let (_, start) = *occurrences(text, exact).first()?;
        Quote::capture(text, start, start + exact.chars().count())
    }
}

/// How much of each side's recorded context may differ: one character in
/// this many (edit distance over the side's length, rounded down).
pub const TOLERANCE: usize = 4;

/// Finds `quote` in `text` again; see the module documentation.
pub fn resolve(quote: &Quote, text: &str) -> Anchor {
    let len = quote.exact.chars().count();
    if len == 0 {
        return Anchor::Detached;
    }
    let at = |start: usize| {
        if start == quote.start && start + len == quote.end {
            Anchor::Exact(start, start + len)
        } else {
            Anchor::Moved(start, start + len)
        }
    };
    // The recorded context, nearest character first, at most CONTEXT_CHARS
    // a side (a store written by hand may hold more).
    let before: Vec<char> = quote.prefix.chars().rev().take(CONTEXT_CHARS).collect();
    let after: Vec<char> = quote.suffix.chars().take(CONTEXT_CHARS).collect();
    let mut side = SideDistance::default();
    let mut passing: Vec<(usize, usize)> = Vec::new();
    for (byte, start) in occurrences(text, &quote.exact) {
        let end = byte + quote.exact.len();
        let Some(b) = side.within(&before, text[..byte].chars().rev()) else {
            continue;
        };
        let Some(a) = side.within(&after, text[end..].chars()) else {
            continue;
        };
        passing.push((start, b + a));
    }
    let Some(best) = passing.iter().map(|&(_, d)| d).min() else {
        return Anchor::Detached;
    };
    let tied: Vec<usize> = passing
        .iter()
        .filter(|&&(_, d)| d == best)
        .map(|&(s, _)| s)
        .collect();
    if let [only] = tied.as_slice() {
        return at(*only);
    }
    // Equally good context at several places (a repeated sentence): only
    // the recorded offsets can tell which one was meant.
    match tied.into_iter().find(|&s| s == quote.start) {
        Some(s) => at(s),
        None => Anchor::Detached,
    }
}

/// The edit distance between one side's recorded context and the text on
/// that side of a candidate, both read from the passage outwards; the text
/// may run on past the recorded context (that end is free).
#[derive(Default)]
struct SideDistance {
    text: Vec<char>,
    row: Vec<usize>,
    next: Vec<usize>,
}

impl SideDistance {
    /// The distance, when it is within the side's tolerance.
    fn within(&mut self, recorded: &[char], text: impl Iterator<Item = char>) -> Option<usize> {
        let limit = recorded.len() / TOLERANCE;
        self.text.clear();
        self.text.extend(text.take(recorded.len() + limit));
        let n = self.text.len();
        // row[j]: distance of the recorded characters so far against the
        // first j characters of the text.
        self.row.clear();
        self.row.extend(0..=n);
        for (i, &r) in recorded.iter().enumerate() {
            self.next.clear();
            self.next.push(i + 1);
            for j in 1..=n {
                let swap = self.row[j - 1] + usize::from(self.text[j - 1] != r);
                let v = swap.min(self.row[j] + 1).min(self.next[j - 1] + 1);
                self.next.push(v);
            }
            std::mem::swap(&mut self.row, &mut self.next);
            if self.row.iter().min().is_some_and(|&m| m > limit) {
                return None;
            }
        }
        self.row.iter().copied().min().filter(|&d| d <= limit)
    }
}

/// Where a target is in the corpus: `None` when its node is gone; for a
/// target without a quote, the whole node. A node whose text cannot be
/// read is an error: whether the passage is there cannot be told.
pub fn locate(corpus: &Corpus, target: &Target) -> Result<Option<Anchor>, BodyError> {
    let Some(node) = corpus.by_id(&target.node) else {
        return Ok(None);
    };
    let text = node.document()?.plain();
    Ok(Some(match &target.quote {
        None => Anchor::Exact(0, text.chars().count()),
        Some(q) => resolve(q, &text),
    }))
}

/// Whether a target still points at something: its node exists and its
/// passage, if any, is found; an error when its node's text cannot be read.
pub fn is_anchored(corpus: &Corpus, target: &Target) -> Result<bool, BodyError> {
    Ok(locate(corpus, target)?.is_some_and(Anchor::is_attached))
}

/// Every occurrence of `needle` in `text`, overlapping ones too, as
/// (byte offset, character offset).
pub fn occurrences(text: &str, needle: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let Some(first) = needle.chars().next() else {
        return out;
    };
    let mut from = 0;
    let mut chars_before = 0;
    while let Some(rel) = text[from..].find(needle) {
        let byte = from + rel;
        chars_before += text[from..byte].chars().count();
        out.push((byte, chars_before));
        // Step one character past the match start, to find overlaps.
        from = byte + first.len_utf8();
        chars_before += 1;
    }
    out
}

pub mod outcome;

#[cfg(test)]
mod tests;
