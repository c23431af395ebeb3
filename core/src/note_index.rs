//! Annotations placed in the corpus: which node each belongs to, where its
//! passage is now, counts for the tree, highlights for the reader, and the
//! filters of the overview. Built once per change of notes or dossiers.

use std::collections::HashMap;

use fuzzy_matcher::FuzzyMatcher;
use fuzzy_matcher::skim::SkimMatcherV2;

use crate::anchor::{Anchor, resolve};
use crate::annotation::{Annotation, Kind, Status, normalise_tag};
use crate::model::{BodyError, Corpus, Document, NodeIdx, PARAGRAPH_SEPARATOR};

/// One annotation and where it is now.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Placed {
    /// Index in the notes the index was built from.
    pub note: usize,
    /// `None` when the node no longer exists.
    pub node: Option<NodeIdx>,
    /// Where the passage is in the node's text; for a note on the whole
    /// node, the whole text.
    pub anchor: Anchor,
}

#[derive(Debug, Clone, Default)]
pub struct NoteIndex {
    placed: Vec<Placed>,
    by_node: HashMap<NodeIdx, Vec<usize>>,
    /// Notes on each node and everything under it.
    under: Vec<usize>,
    /// Nodes with notes whose text could not be read: their notes are
    /// placed on the node, detached, as where the passage is cannot be
    /// told.
    unreadable: Vec<BodyError>,
    /// Per note, the Kamerstuk dossier (`32317`) of the document its node
    /// is in, or of the Kamerstuk a reference cites.
    kamerstuk: Vec<Option<Box<str>>>,
}

impl NoteIndex {
    pub fn build(corpus: &Corpus, notes: &[Annotation]) -> NoteIndex {
        let mut texts: HashMap<NodeIdx, Option<String>> = HashMap::new();
        let mut unreadable = Vec::new();
        let mut placed = Vec::with_capacity(notes.len());
        let mut by_node: HashMap<NodeIdx, Vec<usize>> = HashMap::new();
        let mut kamerstuk = Vec::with_capacity(notes.len());
        for (i, a) in notes.iter().enumerate() {
            let node = corpus.get(&a.target.node);
            let anchor = match node {
                None => Anchor::Detached,
                Some(n) => {
                    let text = texts.entry(n).or_insert_with(|| match corpus.body(n) {
                        Ok(d) => Some(d.plain()),
                        Err(e) => {
                            unreadable.push(e);
                            None
                        }
                    });
                    match (text, &a.target.quote) {
                        (None, _) => Anchor::Detached,
                        (Some(text), Some(q)) => resolve(q, text),
                        (Some(text), None) => Anchor::Exact(0, text.chars().count()),
                    }
                }
            };
            if let Some(n) = node {
                by_node.entry(n).or_default().push(placed.len());
            }
            kamerstuk.push(node.and_then(|n| kamerstuk_dossier(corpus, n)));
            placed.push(Placed {
                note: i,
                node,
                anchor,
            });
        }
        let mut under = vec![0; corpus.nodes.len()];
        for (&n, list) in &by_node {
            // Each ancestor counts the note once.
            for p in corpus.path(n) {
                under[p] += list.len();
            }
        }
        NoteIndex {
            placed,
            by_node,
            under,
            unreadable,
            kamerstuk,
        }
    }

    /// The Kamerstuk dossier (`32317`, `21501-04`) note `i` is in.
    pub fn kamerstuk_of(&self, note: usize) -> Option<&str> {
        self.kamerstuk.get(note).and_then(|k| k.as_deref())
    }

    /// The nodes with notes whose text could not be read, for the caller
    /// to report.
    pub fn unreadable(&self) -> &[BodyError] {
        &self.unreadable
    }

    pub fn placed(&self) -> &[Placed] {
        &self.placed
    }

    /// Where note `i` (of the notes given to `build`) is.
    pub fn get(&self, note: usize) -> Option<&Placed> {
        self.placed.get(note)
    }

    /// The notes on a node, in the order given.
    pub fn on_node(&self, node: NodeIdx) -> impl Iterator<Item = &Placed> {
        self.by_node
            .get(&node)
            .into_iter()
            .flatten()
            .map(|&i| &self.placed[i])
    }

    /// How many notes are on this node and the nodes under it.
    pub fn count_under(&self, node: NodeIdx) -> usize {
        self.under.get(node).copied().unwrap_or(0)
    }

    /// The character ranges of the quoted passages found in a node's text,
    /// sorted, for highlighting. Notes on the whole node are not included.
    pub fn highlights(&self, node: NodeIdx, notes: &[Annotation]) -> Vec<(usize, usize)> {
        let mut out: Vec<(usize, usize)> = self
            .on_node(node)
            .filter(|p| notes.get(p.note).is_some_and(|a| a.target.quote.is_some()))
            .filter_map(|p| p.anchor.range())
            .collect();
        out.sort_unstable();
        out
    }

    /// Notes whose passage or node is gone.
    pub fn detached(&self) -> impl Iterator<Item = &Placed> {
        self.placed.iter().filter(|p| !p.anchor.is_attached())
    }
}

/// The Kamerstuk dossier of the document node `n` is in, or of the
/// Kamerstuk a reference cites.
fn kamerstuk_dossier(corpus: &Corpus, n: NodeIdx) -> Option<Box<str>> {
    if let Some(r) = &corpus.node(n).reference {
        return Some(r.dossier_number.as_str().into());
    }
    let doc = corpus.letter_of(n)?;
    let k = corpus.node(doc).letter.as_ref()?.kamerstuk.as_ref()?;
    Some(k.dossier.as_str().into())
}

/// The paragraph and character within it of a character offset in
/// [`Document::plain`]; an offset in a separator belongs to the paragraph
/// after it.
pub fn paragraph_position(doc: &Document, offset: usize) -> Option<(usize, usize)> {
    let sep = PARAGRAPH_SEPARATOR.chars().count();
    let mut start = 0;
    for (i, p) in doc.paragraphs.iter().enumerate() {
        let len = p.plain().chars().count();
        if offset <= start + len {
            return Some((i, offset.saturating_sub(start)));
        }
        start += len + sep;
    }
    None
}

/// The character offset in [`Document::plain`] of a character in a
/// paragraph; `None` past the end.
pub fn plain_offset(doc: &Document, paragraph: usize, char_in_paragraph: usize) -> Option<usize> {
    let sep = PARAGRAPH_SEPARATOR.chars().count();
    let mut start = 0;
    for (i, p) in doc.paragraphs.iter().enumerate() {
        let len = p.plain().chars().count();
        if i == paragraph {
            return (char_in_paragraph <= len).then_some(start + char_in_paragraph);
        }
        start += len + sep;
    }
    None
}

/// A range of [`Document::plain`] cut into per-paragraph ranges
/// `(paragraph, start, end)`, in characters of each paragraph.
pub fn paragraph_ranges(doc: &Document, start: usize, end: usize) -> Vec<(usize, usize, usize)> {
    let sep = PARAGRAPH_SEPARATOR.chars().count();
    let mut out = Vec::new();
    let mut at = 0;
    for (i, p) in doc.paragraphs.iter().enumerate() {
        let len = p.plain().chars().count();
        let (s, e) = (start.max(at), end.min(at + len));
        if s < e {
            out.push((i, s - at, e - at));
        }
        at += len + sep;
        if at >= end {
            break;
        }
    }
    out
}

/// The overview's filters; empty fields let everything through.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct NoteFilter {
    pub dossier: Option<String>,
    pub tag: Option<String>,
    pub kind: Option<Kind>,
    pub status: Option<Status>,
    pub author: Option<String>,
    /// Whose toezegging or action it is (`--owner`).
    pub owner: Option<String>,
    /// The Kamerstuk dossier of the note's document: `32317`, `21501-04`.
    pub kamerstuk: Option<String>,
    /// `Some(true)`: only detached notes; `Some(false)`: only attached ones.
    pub detached: Option<bool>,
    /// Only what is still to be done: open toezeggingen and actions.
    pub open_actions: bool,
    /// Text over the body, quote, tags, node and owner, case and accents
    /// aside: notes holding the words as they stand first, in fzf's syntax
    /// (see [`crate::query`]), then dense fuzzy matches.
    pub text: String,
}

impl NoteFilter {
    /// The filters the command line takes, as words: a dossier id (a
    /// trailing `/` aside), a tag, and a kind and a status in either
    /// language (see [`crate::note_form`]).
    pub fn from_words(
        dossier: Option<&str>,
        tag: Option<&str>,
        kind: Option<&str>,
        status: Option<&str>,
    ) -> Result<NoteFilter, crate::note_form::FormError> {
        Ok(NoteFilter {
            dossier: dossier.map(|d| d.trim().trim_end_matches('/').to_string()),
            tag: tag.map(normalise_tag),
            kind: kind.map(crate::note_form::parse_kind).transpose()?,
            status: status.map(crate::note_form::parse_status).transpose()?,
            ..NoteFilter::default()
        })
    }

    /// The notes that pass, best text match first (in order of creation
    /// without text), as indexes into `notes`.
    pub fn apply(&self, notes: &[Annotation], index: &NoteIndex) -> Vec<usize> {
        let tag = self.tag.as_deref().map(normalise_tag);
        let text = crate::text::fold(self.text.trim());
        let query = crate::query::Query::parse(&self.text);
        let mut hits: Vec<(i64, usize)> = notes
            .iter()
            .enumerate()
            .filter(|(_, a)| self.dossier.as_ref().is_none_or(|d| &a.target.dossier == d))
            .filter(|(_, a)| {
                tag.as_ref()
                    .is_none_or(|t| a.tags.iter().any(|x| &normalise_tag(x) == t))
            })
            .filter(|(_, a)| self.kind.is_none_or(|k| a.kind == k))
            .filter(|(_, a)| {
                !self.open_actions
                    || (a.status == Status::Open
                        && matches!(a.kind, Kind::Toezegging | Kind::Action))
            })
            .filter(|(_, a)| self.status.is_none_or(|s| a.status == s))
            .filter(|(_, a)| self.author.as_ref().is_none_or(|w| &a.author == w))
            .filter(|(_, a)| {
                self.owner.as_ref().is_none_or(|w| {
                    a.owner
                        .as_deref()
                        .is_some_and(|o| crate::text::fold(o.trim()) == crate::text::fold(w.trim()))
                })
            })
            .filter(|(i, _)| {
                self.kamerstuk.as_ref().is_none_or(|k| {
                    index
                        .kamerstuk_of(*i)
                        .is_some_and(|d| d.eq_ignore_ascii_case(k.trim()))
                })
            })
            .filter(|(i, _)| {
                self.detached
                    .is_none_or(|d| index.get(*i).is_some_and(|p| p.anchor.is_attached() != d))
            })
            .filter_map(|(i, a)| {
                if text.is_empty() {
                    return Some((0, i));
                }
                // Exact first: a note that holds the words as they stand
                // (or matches fzf's syntax) before any fuzzy match, and of
                // those only the dense ones.
                let hay = crate::text::fold_text(&haystack(a));
                if query.matches(&hay).is_some() {
                    return Some((i64::MAX, i));
                }
                if !query.is_plain() {
                    return None;
                }
                // A fresh matcher each time: fuzzy-matcher 0.3.7 can carry
                // state from one text to the next.
                SkimMatcherV2::default()
                    .fuzzy_indices(&hay, &text)
                    .filter(|(_, p)| crate::query::dense(p))
                    .map(|(s, _)| (s, i))
            })
            .collect();
        // Best score first; ties keep the order of creation.
        hits.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
        hits.into_iter().map(|(_, i)| i).collect()
    }
}

fn haystack(a: &Annotation) -> String {
    let quote = a.target.quote.as_ref().map_or("", |q| q.exact.as_str());
    format!(
        "{} {} {} {} {}",
        a.body,
        quote,
        a.tags.join(" "),
        a.target.node,
        a.owner.as_deref().unwrap_or("")
    )
}

/// Existing tags that start with what is typed (ignoring case), most used
/// first, then alphabetical.
pub fn complete_tag(notes: &[Annotation], typed: &str) -> Vec<String> {
    let typed = normalise_tag(typed);
    let mut counts: HashMap<String, usize> = HashMap::new();
    for t in notes.iter().flat_map(|a| &a.tags) {
        let t = normalise_tag(t);
        if t.starts_with(&typed) && t != typed {
            *counts.entry(t).or_default() += 1;
        }
    }
    let mut out: Vec<(String, usize)> = counts.into_iter().collect();
    out.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    out.into_iter().map(|(t, _)| t).collect()
}

#[cfg(test)]
mod tests;
