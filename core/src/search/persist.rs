//! The index as bytes, so a cache can keep it between runs and search it
//! in place: a short header, then every buffer and table as it is held in
//! memory (tables as little-endian `u32`), one after the other. Opening it
//! reads nothing but the header and what [`Check`] asks for; a search then
//! reads only the parts it needs.

use std::io::{self, Read, Write};
use std::ops::Range;
use std::sync::Arc;

use super::buffers::{Backing, Bytes, U32View, U32s};
use super::{NO_ROOT, SearchIndex, TITLE};
use crate::doc_kind::DocKind;
use crate::model::NodeKind;

const MAGIC: &[u8; 8] = b"DSIDX\0\0\x03";

/// Bytes before the buffers: the magic and five counts.
const HEADER: usize = 8 + 5 * 8;

/// How much of an index's bytes to check when opening it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Check {
    /// Everything the index promises: UTF-8 text, items that end in `\n`
    /// on character boundaries, a folded copy that lines up character for
    /// character, items in node order, valid node kinds and roots. Reads
    /// every byte.
    Whole,
    /// Only what keeps every read in bounds: the lengths, and offsets that
    /// rise to the end of their buffer. For bytes whose whole check has
    /// passed before (a cache file proven unchanged since): a damaged file
    /// can then give wrong hits, never a panic. Reads the offset tables.
    Bounds,
}

impl SearchIndex {
    /// Writes the index; [`SearchIndex::open`] and
    /// [`SearchIndex::read_from`] read it back.
    pub fn write_to(&self, w: &mut impl Write) -> io::Result<()> {
        w.write_all(MAGIC)?;
        for n in [
            self.len(),
            self.node_kind.as_slice().len(),
            self.text.as_slice().len(),
            self.folded.as_slice().len(),
            self.ids.as_slice().len(),
        ] {
            w.write_all(&(n as u64).to_le_bytes())?;
        }
        for part in self.parts() {
            w.write_all(part)?;
        }
        Ok(())
    }

    /// Every buffer and table, in the order they are written.
    fn parts(&self) -> [&[u8]; 10] {
        [
            self.text.as_slice(),
            self.folded.as_slice(),
            self.text_starts.0.as_slice(),
            self.folded_starts.0.as_slice(),
            self.item_node.0.as_slice(),
            self.item_passage.0.as_slice(),
            self.node_kind.as_slice(),
            self.node_root.0.as_slice(),
            self.id_starts.0.as_slice(),
            self.ids.as_slice(),
        ]
    }

    /// Reads an index written by [`SearchIndex::write_to`] from a stream,
    /// checking it whole.
    pub fn read_from(r: &mut impl Read) -> io::Result<SearchIndex> {
        let mut bytes = Vec::new();
        r.read_to_end(&mut bytes)?;
        let len = bytes.len();
        SearchIndex::open(Arc::new(bytes), 0..len, Check::Whole).map_err(bad)
    }

    /// Opens the index written by [`SearchIndex::write_to`] at `range` of
    /// `backing`, without copying it: the index reads its text and tables
    /// from the backing, which it keeps alive.
    pub fn open(
        backing: Backing,
        range: Range<usize>,
        check: Check,
    ) -> Result<SearchIndex, &'static str> {
        let all: &[u8] = (*backing).as_ref();
        let bytes = all.get(range.clone()).ok_or("index outside its file")?;
        if bytes.len() < HEADER || &bytes[..8] != MAGIC {
            return Err("not a search index of this version");
        }
        let count = |i: usize| -> Result<usize, &'static str> {
            let b = &bytes[8 + 8 * i..16 + 8 * i];
            let v = u64::from_le_bytes([b[0], b[1], b[2], b[3], b[4], b[5], b[6], b[7]]);
            usize::try_from(v).map_err(|_| "count out of range")
        };
        let (items, nodes) = (count(0)?, count(1)?);
        let (text_len, folded_len, ids_len) = (count(2)?, count(3)?, count(4)?);
        let table = |n: usize| n.checked_add(1).and_then(|n| n.checked_mul(4));
        let lens = [
            Some(text_len),
            Some(folded_len),
            table(items),
            table(items),
            items.checked_mul(4),
            items.checked_mul(4),
            Some(nodes),
            nodes.checked_mul(4),
            table(nodes),
            Some(ids_len),
        ];
        let mut at = range.start + HEADER;
        let mut parts = Vec::with_capacity(lens.len());
        for len in lens {
            let end = len
                .and_then(|l| at.checked_add(l))
                .filter(|&e| e <= range.end)
                .ok_or("index truncated")?;
            parts.push(Bytes::Shared(backing.clone(), at..end));
            at = end;
        }
        if at != range.end {
            return Err("index longer than its tables");
        }
        let mut parts = parts.into_iter();
        let mut next = || parts.next().unwrap_or_default();
        let index = SearchIndex {
            text: next(),
            folded: next(),
            text_starts: U32s(next()),
            folded_starts: U32s(next()),
            item_node: U32s(next()),
            item_passage: U32s(next()),
            node_kind: next(),
            node_root: U32s(next()),
            id_starts: U32s(next()),
            ids: next(),
        };
        index.check_bounds()?;
        if check == Check::Whole {
            index.check_whole()?;
        }
        Ok(index)
    }

    /// That every offset table starts at 0 and rises to its buffer's end,
    /// strictly for items (each holds at least its `\n`).
    fn check_bounds(&self) -> Result<(), &'static str> {
        let rises = |starts: U32View<'_>, end: usize, strictly: bool| {
            let mut prev = None;
            for s in starts.iter() {
                match prev {
                    None if s != 0 => return false,
                    Some(p) if s < p || (strictly && s == p) => return false,
                    _ => {}
                }
                prev = Some(s);
            }
            prev.map(|p| p as usize) == Some(end)
        };
        if !rises(self.text_starts.view(), self.text.as_slice().len(), true)
            || !rises(
                self.folded_starts.view(),
                self.folded.as_slice().len(),
                true,
            )
            || !rises(self.id_starts.view(), self.ids.as_slice().len(), false)
        {
            return Err("bad offsets");
        }
        Ok(())
    }

    /// Every invariant the index promises (see [`Check::Whole`]).
    fn check_whole(&self) -> Result<(), &'static str> {
        let text = std::str::from_utf8(self.text.as_slice()).map_err(|_| "text is not UTF-8")?;
        let folded =
            std::str::from_utf8(self.folded.as_slice()).map_err(|_| "folded text is not UTF-8")?;
        for (starts, buf) in [(&self.text_starts, text), (&self.folded_starts, folded)] {
            let bytes = buf.as_bytes();
            for s in starts.view().iter().skip(1) {
                // Each item is followed by `\n`, which is one byte, so the
                // end is a character boundary too.
                if bytes.get(s as usize - 1) != Some(&b'\n') {
                    return Err("bad item offsets");
                }
            }
        }
        // The folded copy must line up character for character: checked
        // on two threads, as it reads both texts whole.
        let items = self.len();
        let lines_up = |range: Range<usize>| {
            range.into_iter().all(|i| {
                let t = self.item_text(i);
                let f = self.item_folded(i);
                (t.len() == f.len() && t.is_ascii() && f.is_ascii())
                    || t.chars().count() == f.chars().count()
            })
        };
        let half = items / 2;
        let both = std::thread::scope(|scope| {
            let first = scope.spawn(|| lines_up(0..half));
            let second = lines_up(half..items);
            first.join().unwrap_or(false) && second
        });
        if !both {
            return Err("folded text does not line up");
        }
        let nodes = self.node_kind.as_slice().len();
        let mut prev: Option<u32> = None;
        for (n, p) in self
            .item_node
            .view()
            .iter()
            .zip(self.item_passage.view().iter())
        {
            if n as usize >= nodes {
                return Err("item of an unknown node");
            }
            // Items are in node order, title first, then paragraphs 0, 1, ...
            match prev {
                Some(q) if q == n => {}
                Some(q) if q > n => return Err("items out of order"),
                _ if p != TITLE => return Err("node without a title item"),
                _ => {}
            }
            prev = Some(n);
        }
        if self
            .node_kind
            .as_slice()
            .iter()
            .any(|&k| kind_of(k).is_none())
        {
            return Err("unknown node kind");
        }
        if self
            .node_root
            .view()
            .iter()
            .any(|r| r != NO_ROOT && r as usize >= nodes)
        {
            return Err("root out of range");
        }
        if (0..nodes).any(|n| self.node(n).is_none()) {
            return Err("node id is not UTF-8");
        }
        Ok(())
    }
}

fn bad(msg: &'static str) -> io::Error {
    io::Error::new(io::ErrorKind::InvalidData, msg)
}

/// A node's kind in the low three bits, a document's kind
/// ([`DocKind::code`] + 1) above them.
pub(crate) fn kind_code(k: NodeKind, doc: Option<DocKind>) -> u8 {
    let doc = doc.map_or(0, |d| (d.code() + 1) << 3);
    doc | match k {
        NodeKind::Letter => 0,
        NodeKind::Dossier => 1,
        NodeKind::Section => 2,
        NodeKind::Footnote => 3,
        NodeKind::Annex => 4,
        NodeKind::Reference => 5,
    }
}

/// The document's kind of a node's code, where it is a document.
pub(crate) fn doc_kind_of(c: u8) -> Option<DocKind> {
    (c >> 3).checked_sub(1).and_then(DocKind::from_code)
}

pub(crate) fn kind_of(c: u8) -> Option<NodeKind> {
    if c >> 3 != 0 && doc_kind_of(c).is_none() {
        return None;
    }
    Some(match c & 7 {
        0 => NodeKind::Letter,
        1 => NodeKind::Dossier,
        2 => NodeKind::Section,
        3 => NodeKind::Footnote,
        4 => NodeKind::Annex,
        5 => NodeKind::Reference,
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> SearchIndex {
        SearchIndex::from_texts(["De Raad in Italië", "Marokko", "", "CURAÇAO en ÉÉN"])
    }

    #[test]
    fn an_index_reads_back_the_same() {
        let index = sample();
        let mut bytes = Vec::new();
        index.write_to(&mut bytes).unwrap();
        let back = SearchIndex::read_from(&mut bytes.as_slice()).unwrap();
        assert_eq!(back.fuzzy("italie", 5), index.fuzzy("italie", 5));
        assert_eq!(back.exact("een", 5), index.exact("een", 5));
        assert_eq!(back.node(3), index.node(3));
    }

    #[test]
    fn truncated_or_damaged_bytes_are_refused_without_panic() {
        let mut bytes = Vec::new();
        sample().write_to(&mut bytes).unwrap();
        for cut in 0..bytes.len() {
            assert!(
                SearchIndex::read_from(&mut &bytes[..cut]).is_err(),
                "cut at {cut}"
            );
        }
        for i in 0..bytes.len() {
            for flip in [0x01u8, 0x80, 0xff] {
                let mut b = bytes.clone();
                b[i] ^= flip;
                // Either refused, or a consistent index: never a panic.
                if let Ok(ix) = SearchIndex::read_from(&mut b.as_slice()) {
                    let _ = ix.fuzzy("a", 10);
                    let _ = ix.exact("a", 10);
                }
            }
        }
    }

    #[test]
    fn damaged_bytes_opened_with_the_bounds_check_never_panic() {
        let mut bytes = Vec::new();
        sample().write_to(&mut bytes).unwrap();
        let len = bytes.len();
        let whole = SearchIndex::open(Arc::new(bytes.clone()), 0..len, Check::Bounds).unwrap();
        assert_eq!(whole.exact("een", 5), sample().exact("een", 5));
        for i in 0..len {
            for flip in [0x01u8, 0x80, 0xff] {
                let mut b = bytes.clone();
                b[i] ^= flip;
                // What the bounds check lets through may answer wrongly,
                // but every read stays in bounds.
                if let Ok(ix) = SearchIndex::open(Arc::new(b), 0..len, Check::Bounds) {
                    for q in ["a", "een", "ita"] {
                        for h in ix.fuzzy(q, 10).iter().chain(&ix.exact(q, 10)) {
                            let _ = (ix.text(h), ix.title(h.node), ix.node(h.node));
                        }
                    }
                }
            }
        }
    }

    #[test]
    fn an_index_opens_in_place_at_an_offset_of_its_backing() {
        let mut bytes = b"key and other things".to_vec();
        let start = bytes.len();
        sample().write_to(&mut bytes).unwrap();
        let end = bytes.len();
        bytes.extend_from_slice(b"trailing");
        let ix = SearchIndex::open(Arc::new(bytes), start..end, Check::Whole).unwrap();
        assert_eq!(ix.fuzzy("curacao", 5), sample().fuzzy("curacao", 5));
        assert_eq!(ix.node(1).map(|n| n.id), Some("t1"));
    }
}
