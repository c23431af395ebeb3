//! Search over every title and passage (paragraph) of a corpus.
//!
//! [`SearchIndex::build`] copies all searchable text once into one buffer,
//! with a folded copy (lower case, no accents, see [`crate::text::fold`]) at
//! the same character offsets. Queries run on the folded copy, so `italie`
//! finds `Italië`, and the match positions they return are character
//! positions in the original text.
//!
//! - [`SearchIndex::fuzzy`]: fuzzy-matcher's `SkimMatcherV2` on the folded
//!   text, behind a subsequence prefilter that accepts exactly the items the
//!   matcher matches, on all cores with one matcher per thread, keeping only
//!   the best `limit` hits; match positions are computed for those alone.
//! - [`SearchIndex::exact`]: a phrase, found with `memchr::memmem`.
//! - [`FuzzySearch`] and [`FinderWorker`]: the same fuzzy search in chunks,
//!   for an interface that must never block on a keystroke.
//! - [`snippet`]: a window of a passage around its matches, for display.
//!
//! Ranking is deterministic: higher score first; on equal scores, titles
//! before passages, then document order.

mod buffers;
mod exact;
mod fuzzy;
mod node_code;
mod ranked;
mod snippet;
mod worker;

#[cfg(test)]
mod tests;

use crate::doc_kind::DocKind;
use crate::model::{BodyError, Corpus, Document, NodeIdx, NodeKind};
use buffers::{U32View, U32s};

pub use fuzzy::{FuzzySearch, reference_fuzzy};
pub use snippet::snippet;
pub use worker::{FinderUpdate, FinderWorker};

/// One place where a query matched.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hit {
    pub node: NodeIdx,
    /// Index of the paragraph in the node's body; `None` for the title.
    pub passage: Option<usize>,
    /// Higher is better. Fuzzy: fuzzy-matcher's score; exact: the number of
    /// occurrences in the passage.
    pub score: i64,
    /// Character positions, in [`SearchIndex::text`] of this hit, of the
    /// matched characters, ascending.
    pub positions: Vec<usize>,
}

/// What the index knows of a node, so that hits can be shown without the
/// corpus at hand.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct IndexedNode<'a> {
    pub id: &'a str,
    pub kind: NodeKind,
    /// A document's kind (motie, brief, …); none for other nodes.
    pub doc_kind: Option<DocKind>,
    /// The root (letter or dossier) the node is read under; see
    /// [`Corpus::root_of`].
    pub root: Option<NodeIdx>,
}

/// Titles and passages of a corpus, ready to be searched. Built in memory
/// once per load; immutable afterwards, so it can be shared between
/// threads.
///
/// Every text is reached through its item's offsets.
#[derive(Debug, Clone, Default)]
pub struct SearchIndex {
    /// Every item's original text, one after the other, each followed by
    /// `\n`.
    text: Vec<u8>,
    /// The folded copy: item `i` has as many characters here as in `text`.
    /// Whitespace is folded to a space, so `\n` only separates items.
    folded: Vec<u8>,
    /// Item `i` is `text[text_starts[i]..text_starts[i + 1] - 1]`; one
    /// extra entry at the end.
    text_starts: U32s,
    /// Same for `folded`.
    folded_starts: U32s,
    /// The node of each item.
    item_node: U32s,
    /// The paragraph of each item, [`TITLE`] for a title.
    item_passage: U32s,
    /// Each node's kind, as [`node_code`]'s one-byte code.
    node_kind: Vec<u8>,
    /// Each node's root, [`NO_ROOT`] for none.
    node_root: U32s,
    /// Node `n`'s id is `ids[id_starts[n]..id_starts[n + 1]]`.
    id_starts: U32s,
    ids: Vec<u8>,
}

/// `item_passage` of a title.
const TITLE: u32 = u32::MAX;

/// `node_root` of a node without a root.
const NO_ROOT: u32 = u32::MAX;

/// The buffers address items with `u32` offsets; text beyond this is not
/// indexed (4 GiB of text is far beyond any corpus this program reads).
const MAX_BUFFER: usize = u32::MAX as usize - 1;

impl SearchIndex {
    /// Indexes the title and every paragraph of every node, in node order
    /// (each node's title, then its paragraphs). A node whose text cannot
    /// be read is indexed by its title alone: use
    /// [`SearchIndex::build_reporting`] to learn which.
    pub fn build(corpus: &Corpus) -> SearchIndex {
        SearchIndex::build_reporting(corpus).0
    }

    /// [`SearchIndex::build`], with the nodes whose text could not be
    /// read and so is not indexed (their titles are), for the caller to
    /// report. No hit ever holds the words of such an error.
    pub fn build_reporting(corpus: &Corpus) -> (SearchIndex, Vec<BodyError>) {
        let mut unreadable = Vec::new();
        let bodies: Vec<Option<&Document>> = corpus
            .nodes
            .iter()
            .map(|n| match n.document() {
                Ok(d) => Some(d),
                Err(e) => {
                    unreadable.push(e);
                    None
                }
            })
            .collect();
        let paragraphs = |i: usize| bodies[i].map_or(&[][..], |d| d.paragraphs.as_slice());
        let total: usize = corpus
            .nodes
            .iter()
            .enumerate()
            .map(|(i, n)| {
                n.title.len()
                    + 1
                    + paragraphs(i)
                        .iter()
                        .map(|p| p.spans.iter().map(|s| s.text().len()).sum::<usize>() + 1)
                        .sum::<usize>()
            })
            .sum();
        let items: usize = (0..corpus.nodes.len())
            .map(|i| 1 + paragraphs(i).len())
            .sum();
        let mut b = Builder::with_capacity(total.min(MAX_BUFFER), items);
        let mut plain = String::new();
        for (i, node) in corpus.nodes.iter().enumerate() {
            b.node(&node.id, node.kind, node.doc_kind(), corpus.root_of(i));
            b.push(i, TITLE, &node.title);
            for (p, paragraph) in paragraphs(i).iter().enumerate() {
                plain.clear();
                for span in &paragraph.spans {
                    plain.push_str(span.text());
                }
                b.push(i, p as u32, &plain);
            }
        }
        (b.finish(), unreadable)
    }

    /// Builds an index over loose texts, one node per text (its title), for
    /// tests and benchmarks.
    pub fn from_texts<'a>(texts: impl IntoIterator<Item = &'a str>) -> SearchIndex {
        let mut b = Builder::with_capacity(0, 0);
        for (i, t) in texts.into_iter().enumerate() {
            b.node(&format!("t{i}"), NodeKind::Section, None, None);
            b.push(i, TITLE, t);
        }
        b.finish()
    }

    /// How many titles and passages are indexed.
    pub fn len(&self) -> usize {
        self.item_node.len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Bytes of text held (original and folded copies).
    pub fn text_bytes(&self) -> usize {
        self.text.as_slice().len() + self.folded.as_slice().len()
    }

    /// The text a hit is in: the passage, or the node's title.
    pub fn text(&self, hit: &Hit) -> &str {
        self.find_item(hit.node, hit.passage)
            .map_or("", |i| self.item_text(i))
    }

    /// What the index knows of node `idx`.
    pub fn node(&self, idx: NodeIdx) -> Option<IndexedNode<'_>> {
        let code = *self.node_kind.as_slice().get(idx)?;
        let kind = node_code::kind_of(code)?;
        let ids = self.id_starts.view();
        let id = self
            .ids
            .as_slice()
            .get(ids.get(idx)? as usize..ids.get(idx + 1)? as usize)
            .and_then(|b| std::str::from_utf8(b).ok())?;
        let root = self.node_root.get(idx)?;
        Some(IndexedNode {
            id,
            kind,
            doc_kind: node_code::doc_kind_of(code),
            root: (root != NO_ROOT).then_some(root as usize),
        })
    }

    /// A node's title, as indexed.
    pub fn title(&self, idx: NodeIdx) -> &str {
        self.find_item(idx, None).map_or("", |i| self.item_text(i))
    }

    pub(crate) fn item_text(&self, item: usize) -> &str {
        item_str(self.text.as_slice(), self.text_starts.view(), item)
    }

    pub(crate) fn item_folded(&self, item: usize) -> &str {
        item_str(self.folded.as_slice(), self.folded_starts.view(), item)
    }

    pub(crate) fn is_title(&self, item: usize) -> bool {
        self.item_passage.get(item) == Some(TITLE)
    }

    pub(crate) fn hit(&self, item: usize, score: i64, positions: Vec<usize>) -> Hit {
        let p = self.item_passage.get(item).unwrap_or(TITLE);
        Hit {
            node: self.item_node.get(item).unwrap_or(0) as usize,
            passage: (p != TITLE).then_some(p as usize),
            score,
            positions,
        }
    }

    /// The item of a node's title or paragraph: items are in node order, so
    /// a binary search finds the node's title.
    fn find_item(&self, node: NodeIdx, passage: Option<usize>) -> Option<usize> {
        let nodes = self.item_node.view();
        let first = nodes.partition_point(|n| (n as usize) < node);
        if nodes.get(first) != Some(node as u32) {
            return None;
        }
        let item = match passage {
            None => first,
            Some(p) => first.checked_add(1)?.checked_add(p)?,
        };
        (nodes.get(item) == Some(node as u32)
            && self.item_passage.get(item) == Some(passage.map_or(TITLE, |p| p as u32)))
        .then_some(item)
    }
}

/// Item `item` of a buffer, without its `\n`; empty if it is not UTF-8.
#[inline]
fn item_str<'a>(buf: &'a [u8], starts: U32View<'_>, item: usize) -> &'a str {
    let (a, b) = (starts.offset(item), starts.offset(item + 1));
    buf.get(a..b.saturating_sub(1).max(a))
        .and_then(|b| std::str::from_utf8(b).ok())
        .unwrap_or("")
}

struct Builder {
    text: Vec<u8>,
    folded: String,
    text_starts: Vec<u32>,
    folded_starts: Vec<u32>,
    item_node: Vec<u32>,
    item_passage: Vec<u32>,
    node_kind: Vec<u8>,
    node_root: Vec<u32>,
    id_starts: Vec<u32>,
    ids: Vec<u8>,
    full: bool,
}

impl Builder {
    fn with_capacity(bytes: usize, items: usize) -> Builder {
        Builder {
            text: Vec::with_capacity(bytes),
            folded: String::with_capacity(bytes),
            text_starts: {
                let mut v = Vec::with_capacity(items + 1);
                v.push(0);
                v
            },
            folded_starts: {
                let mut v = Vec::with_capacity(items + 1);
                v.push(0);
                v
            },
            item_node: Vec::with_capacity(items),
            item_passage: Vec::with_capacity(items),
            node_kind: Vec::new(),
            node_root: Vec::new(),
            id_starts: vec![0],
            ids: Vec::new(),
            full: false,
        }
    }

    fn node(&mut self, id: &str, kind: NodeKind, doc: Option<DocKind>, root: Option<NodeIdx>) {
        self.node_kind.push(node_code::kind_code(kind, doc));
        self.node_root
            .push(root.and_then(|r| u32::try_from(r).ok()).unwrap_or(NO_ROOT));
        if self.ids.len() + id.len() <= MAX_BUFFER {
            self.ids.extend_from_slice(id.as_bytes());
        }
        self.id_starts.push(self.ids.len() as u32);
    }

    fn push(&mut self, node: usize, passage: u32, text: &str) {
        if self.full || self.text.len() + text.len() + 1 > MAX_BUFFER || node > u32::MAX as usize {
            self.full = true;
            return;
        }
        self.text.extend_from_slice(text.as_bytes());
        self.text.push(b'\n');
        fold_into(text, &mut self.folded);
        self.folded.push('\n');
        self.text_starts.push(self.text.len() as u32);
        self.folded_starts.push(self.folded.len() as u32);
        self.item_node.push(node as u32);
        self.item_passage.push(passage);
    }

    fn finish(self) -> SearchIndex {
        SearchIndex {
            text: self.text,
            folded: self.folded.into_bytes(),
            text_starts: U32s::from_values(self.text_starts),
            folded_starts: U32s::from_values(self.folded_starts),
            item_node: U32s::from_values(self.item_node),
            item_passage: U32s::from_values(self.item_passage),
            node_kind: self.node_kind,
            node_root: U32s::from_values(self.node_root),
            id_starts: U32s::from_values(self.id_starts),
            ids: self.ids,
        }
    }
}

/// Appends the folded text: [`crate::text::fold_char`] for each character,
/// and every whitespace character as one space.
fn fold_into(text: &str, out: &mut String) {
    if text.is_ascii() {
        out.extend(text.bytes().map(|b| fold_search_char(b as char)));
    } else {
        out.extend(text.chars().map(fold_search_char));
    }
}

// Queries and text are folded by the one rule of `text::fold_text`.
pub(crate) use crate::text::fold_text as fold_query;
use crate::text::fold_text_char as fold_search_char;

/// A candidate's rank: greater is better. Score, then titles before
/// passages, then earlier items.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) struct Rank {
    score: i64,
    title: bool,
    item: std::cmp::Reverse<u32>,
}

impl Rank {
    pub(crate) fn new(index: &SearchIndex, item: usize, score: i64) -> Rank {
        Rank {
            score,
            title: index.is_title(item),
            item: std::cmp::Reverse(item as u32),
        }
    }

    pub(crate) fn item(self) -> usize {
        self.item.0 as usize
    }

    pub(crate) fn score(self) -> i64 {
        self.score
    }
}

/// Keeps the best `limit` ranks seen.
#[derive(Debug, Clone)]
pub(crate) struct TopK {
    limit: usize,
    heap: std::collections::BinaryHeap<std::cmp::Reverse<Rank>>,
}

impl TopK {
    pub(crate) fn new(limit: usize) -> TopK {
        TopK {
            limit,
            heap: std::collections::BinaryHeap::with_capacity(limit.min(4096) + 1),
        }
    }

    #[inline]
    pub(crate) fn push(&mut self, rank: Rank) {
        if self.heap.len() < self.limit {
            self.heap.push(std::cmp::Reverse(rank));
        } else if let Some(mut worst) = self.heap.peek_mut()
            && rank > worst.0
        {
            *worst = std::cmp::Reverse(rank);
        }
    }

    pub(crate) fn merge(&mut self, other: TopK) {
        for r in other.heap {
            self.push(r.0);
        }
    }

    /// Best first.
    pub(crate) fn sorted(&self) -> Vec<Rank> {
        let mut v: Vec<Rank> = self.heap.iter().map(|r| r.0).collect();
        v.sort_unstable_by(|a, b| b.cmp(a));
        v
    }
}

/// How many threads to search `items` with: the cores there are, and only
/// from `worth_it` items on, where the work pays for starting them (some
/// tens of microseconds each).
pub(crate) fn threads_for(items: usize, worth_it: usize) -> usize {
    if items < worth_it {
        return 1;
    }
    std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .clamp(1, 16)
}
