//! Anchoring annotations to passages, and finding them again when the text
//! changes.
//!
//! A passage is kept as its exact words, some context on each side and its
//! character offsets in [`crate::model::Document::plain`]. To find it again:
//! the offsets if the words are still there and nothing fits better; else
//! the occurrence whose context agrees best, if it agrees on at least half
//! of the context and no other occurrence agrees as well; else the words
//! alone when they occur once and occurred once when captured. Anything else
//! is detached: a note is never moved to a passage that merely looks alike.

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

    /// The first occurrence of `exact` in `text`, captured with its context.
    pub fn find(text: &str, exact: &str) -> Option<Quote> {
        let (_, start) = *occurrences(text, exact).first()?;
        Quote::capture(text, start, start + exact.chars().count())
    }
}

/// Finds `quote` in `text` again; see the module documentation.
pub fn resolve(quote: &Quote, text: &str) -> Anchor {
    let len = quote.exact.chars().count();
    if len == 0 {
        return Anchor::Detached;
    }
    let found = occurrences(text, &quote.exact);
    let at = |start: usize| {
        if start == quote.start && start + len == quote.end {
            Anchor::Exact(start, start + len)
        } else {
            Anchor::Moved(start, start + len)
        }
    };
    let scored: Vec<(usize, usize)> = found
        .iter()
        .map(|&(byte, start)| {
            (
                start,
                context_agreement(quote, text, byte, byte + quote.exact.len()),
            )
        })
        .collect();
    let context = quote.prefix.chars().count() + quote.suffix.chars().count();
    let needed = context.div_ceil(2);
    if let Some(best) = scored.iter().map(|&(_, s)| s).max()
        && best >= needed
    {
        let tied: Vec<usize> = scored
            .iter()
            .filter(|&&(_, s)| s == best)
            .map(|&(start, _)| start)
            .collect();
        if tied.len() == 1 {
            return at(tied[0]);
        }
        // Equally good context everywhere (a repeated sentence): only the
        // recorded offsets can tell which one was meant.
        return match tied.into_iter().find(|&s| s == quote.start) {
            Some(s) => at(s),
            None => Anchor::Detached,
        };
    }
    match scored.as_slice() {
        [(start, _)] if !quote.ambiguous => at(*start),
        _ => Anchor::Detached,
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

/// How many characters of the recorded context agree with the text around
/// the byte range `start..end`: the prefix read backwards from the start,
/// the suffix read forwards from the end.
fn context_agreement(quote: &Quote, text: &str, start: usize, end: usize) -> usize {
    let before = quote
        .prefix
        .chars()
        .rev()
        .zip(text[..start].chars().rev())
        .take_while(|(a, b)| a == b)
        .count();
    let after = quote
        .suffix
        .chars()
        .zip(text[end..].chars())
        .take_while(|(a, b)| a == b)
        .count();
    before + after
}

#[cfg(test)]
mod tests;
