//! What `a` annotates: the selection, the paragraph under the cursor, or
//! the whole node; and the passages to highlight in the reader.

use dossier_core::annotation::{Annotation, Quote, Target};
use dossier_core::model::Document;
use dossier_core::note_index::{paragraph_ranges, plain_offset};
use dossier_core::{Corpus, NodeIdx};
use ratatui::style::Style;
use ratatui::text::Span;

use crate::store::notes::{fresh_id, now};

/// A place in a document: paragraph, and character within it.
pub type Point = (usize, usize);

/// The passage between two points (in either order, both ends included),
/// with leading and trailing white space left out. `None` when empty.
pub fn selection_quote(doc: &Document, a: Point, b: Point) -> Option<Quote> {
    let (from, to) = if a <= b { (a, b) } else { (b, a) };
    let text = doc.plain();
    let start = plain_offset(doc, from.0, from.1)?;
    let total = text.chars().count();
    // The end point's character is part of the selection.
    let end = plain_offset(doc, to.0, to.1).map(|e| (e + 1).min(total))?;
    let chars: Vec<char> = text.chars().collect();
    let mut s = start.min(end);
    let mut e = end;
    while s < e && chars[s].is_whitespace() {
        s += 1;
    }
    while e > s && chars[e - 1].is_whitespace() {
        e -= 1;
    }
    Quote::capture(&text, s, e)
}

/// The whole paragraph as a passage.
pub fn paragraph_quote(doc: &Document, paragraph: usize) -> Option<Quote> {
    let len = doc.paragraphs.get(paragraph)?.plain().chars().count();
    if len == 0 {
        return None;
    }
    selection_quote(doc, (paragraph, 0), (paragraph, len - 1))
}

/// A new, empty note on `node`, optionally on a passage of it.
pub fn new_note(
    corpus: &Corpus,
    node: NodeIdx,
    quote: Option<Quote>,
    author: String,
) -> Annotation {
    let n = corpus.node(node);
    let dossier = corpus
        .root_of(node)
        .map_or_else(|| n.id.clone(), |r| corpus.node(r).id.clone());
    let t = now();
    Annotation {
        id: fresh_id(t),
        target: Target {
            dossier,
            node: n.id.clone(),
            quote,
        },
        kind: Default::default(),
        body: String::new(),
        tags: Vec::new(),
        status: Default::default(),
        owner: None,
        due: None,
        author,
        created: t,
        updated: t,
    }
}

/// Per paragraph, the character ranges to highlight, from ranges in the
/// node's whole text (as [`dossier_core::note_index::NoteIndex::highlights`]
/// gives them).
pub fn per_paragraph(doc: &Document, ranges: &[(usize, usize)]) -> Vec<Vec<(usize, usize)>> {
    let mut out = vec![Vec::new(); doc.paragraphs.len()];
    for &(s, e) in ranges {
        for (p, ps, pe) in paragraph_ranges(doc, s, e) {
            out[p].push((ps, pe));
        }
    }
    out
}

/// Patches `mark` onto the parts of `spans` that fall in `ranges`
/// (characters of the paragraph; `start` is the paragraph character where
/// these spans begin, for a wrapped line). Spans are split where needed.
pub fn overlay(
    spans: Vec<Span<'static>>,
    start: usize,
    ranges: &[(usize, usize)],
    mark: Style,
) -> Vec<Span<'static>> {
    if ranges.is_empty() {
        return spans;
    }
    let inside = |c: usize| ranges.iter().any(|&(s, e)| s <= c && c < e);
    let mut out = Vec::new();
    let mut at = start;
    for span in spans {
        let mut piece = String::new();
        let mut marked: Option<bool> = None;
        for ch in span.content.chars() {
            let m = inside(at);
            if marked.is_some_and(|x| x != m) && !piece.is_empty() {
                let style = if marked == Some(true) {
                    span.style.patch(mark)
                } else {
                    span.style
                };
                out.push(Span::styled(std::mem::take(&mut piece), style));
            }
            marked = Some(m);
            piece.push(ch);
            at += 1;
        }
        if !piece.is_empty() {
            let style = if marked == Some(true) {
                span.style.patch(mark)
            } else {
                span.style
            };
            out.push(Span::styled(piece, style));
        }
    }
    out
}

#[cfg(test)]
mod tests;
