//! What `a` annotates: the selection, the paragraph under the cursor, or
//! the whole node; the passages to highlight in the reader; the notes on
//! a node.

use dossier_core::NodeIdx;
use dossier_core::annotation::Quote;
use dossier_core::model::Document;
use dossier_core::note_index::{NoteIndex, paragraph_ranges, plain_offset};

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

/// The notes on `node`, as indexes into `notes`, in order of creation.
pub fn notes_on(index: &NoteIndex, node: NodeIdx) -> Vec<usize> {
    index.on_node(node).map(|p| p.note).collect()
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

#[cfg(test)]
mod tests;
