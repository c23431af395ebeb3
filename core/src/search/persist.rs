//! The index as bytes, so a cache can keep it between runs: the buffers are
//! written as they are, and read back with every offset checked, so a
//! damaged file gives an error, never a wrong text or a panic.

use std::io::{self, Read, Write};

use super::{IndexedNode, SearchIndex, TITLE};
use crate::model::NodeKind;

const MAGIC: &[u8; 8] = b"DSIDX\0\0\x01";

impl SearchIndex {
    /// Writes the index; [`SearchIndex::read_from`] reads it back.
    pub fn write_to(&self, w: &mut impl Write) -> io::Result<()> {
        w.write_all(MAGIC)?;
        write_bytes(w, self.text.as_bytes())?;
        write_bytes(w, self.folded.as_bytes())?;
        for v in [
            &self.text_starts,
            &self.folded_starts,
            &self.item_node,
            &self.item_passage,
        ] {
            write_u32s(w, v)?;
        }
        write_u64(w, self.nodes.len() as u64)?;
        for n in &self.nodes {
            write_bytes(w, n.id.as_bytes())?;
            w.write_all(&[kind_code(n.kind)])?;
            write_u64(w, n.root.map_or(u64::MAX, |r| r as u64))?;
        }
        Ok(())
    }

    /// Reads an index written by [`SearchIndex::write_to`], checking that
    /// it is whole and consistent.
    pub fn read_from(r: &mut impl Read) -> io::Result<SearchIndex> {
        let mut magic = [0; 8];
        r.read_exact(&mut magic)?;
        if &magic != MAGIC {
            return Err(bad("not a search index of this version"));
        }
        let text = String::from_utf8(read_bytes(r)?).map_err(|_| bad("text is not UTF-8"))?;
        let folded =
            String::from_utf8(read_bytes(r)?).map_err(|_| bad("folded text is not UTF-8"))?;
        let text_starts = read_u32s(r)?;
        let folded_starts = read_u32s(r)?;
        let item_node = read_u32s(r)?;
        let item_passage = read_u32s(r)?;
        let count = read_u64(r)?;
        let mut nodes = Vec::with_capacity(count.min(1 << 24) as usize);
        for _ in 0..count {
            let id = String::from_utf8(read_bytes(r)?).map_err(|_| bad("node id is not UTF-8"))?;
            let mut k = [0];
            r.read_exact(&mut k)?;
            let kind = kind_of(k[0]).ok_or_else(|| bad("unknown node kind"))?;
            let root = read_u64(r)?;
            let root = if root == u64::MAX {
                None
            } else {
                Some(usize::try_from(root).map_err(|_| bad("root out of range"))?)
            };
            nodes.push(IndexedNode { id, kind, root });
        }
        let index = SearchIndex {
            text,
            folded,
            text_starts,
            folded_starts,
            item_node,
            item_passage,
            nodes,
        };
        index.check().map_err(bad)?;
        Ok(index)
    }

    /// Every invariant the search code relies on to slice without panics.
    fn check(&self) -> Result<(), &'static str> {
        let items = self.item_node.len();
        if self.item_passage.len() != items
            || self.text_starts.len() != items + 1
            || self.folded_starts.len() != items + 1
        {
            return Err("table lengths disagree");
        }
        for (starts, buf) in [
            (&self.text_starts, &self.text),
            (&self.folded_starts, &self.folded),
        ] {
            if starts[0] != 0 || starts[items] as usize != buf.len() {
                return Err("offsets do not cover the text");
            }
            let bytes = buf.as_bytes();
            for w in starts.windows(2) {
                let (a, b) = (w[0] as usize, w[1] as usize);
                // Each item is followed by `\n`, which is one byte, so the
                // end is a character boundary too.
                if b <= a || b > bytes.len() || bytes[b - 1] != b'\n' || !buf.is_char_boundary(a) {
                    return Err("bad item offsets");
                }
            }
        }
        // The folded copy must line up character for character: checked
        // on two threads, as it reads both texts whole.
        let lines_up = |range: std::ops::Range<usize>| {
            range.into_iter().all(|i| {
                let t = &self.text[self.text_starts[i] as usize..self.text_starts[i + 1] as usize];
                let f = &self.folded
                    [self.folded_starts[i] as usize..self.folded_starts[i + 1] as usize];
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
        let mut prev: Option<u32> = None;
        for (&n, &p) in self.item_node.iter().zip(&self.item_passage) {
            if n as usize >= self.nodes.len() {
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
            .nodes
            .iter()
            .any(|n| n.root.is_some_and(|r| r >= self.nodes.len()))
        {
            return Err("root out of range");
        }
        Ok(())
    }
}

fn bad(msg: &'static str) -> io::Error {
    io::Error::new(io::ErrorKind::InvalidData, msg)
}

fn kind_code(k: NodeKind) -> u8 {
    match k {
        NodeKind::Letter => 0,
        NodeKind::Dossier => 1,
        NodeKind::Section => 2,
        NodeKind::Footnote => 3,
        NodeKind::Annex => 4,
        NodeKind::Reference => 5,
    }
}

fn kind_of(c: u8) -> Option<NodeKind> {
    Some(match c {
        0 => NodeKind::Letter,
        1 => NodeKind::Dossier,
        2 => NodeKind::Section,
        3 => NodeKind::Footnote,
        4 => NodeKind::Annex,
        5 => NodeKind::Reference,
        _ => return None,
    })
}

fn write_u64(w: &mut impl Write, v: u64) -> io::Result<()> {
    w.write_all(&v.to_le_bytes())
}

fn read_u64(r: &mut impl Read) -> io::Result<u64> {
    let mut b = [0; 8];
    r.read_exact(&mut b)?;
    Ok(u64::from_le_bytes(b))
}

fn write_bytes(w: &mut impl Write, b: &[u8]) -> io::Result<()> {
    write_u64(w, b.len() as u64)?;
    w.write_all(b)
}

/// Reads a length and that many bytes, without trusting the length for an
/// allocation up front.
fn read_bytes(r: &mut impl Read) -> io::Result<Vec<u8>> {
    let len = read_u64(r)?;
    let mut out = Vec::new();
    let got = r.take(len).read_to_end(&mut out)?;
    if got as u64 != len {
        return Err(io::Error::new(
            io::ErrorKind::UnexpectedEof,
            "index truncated",
        ));
    }
    Ok(out)
}

fn write_u32s(w: &mut impl Write, v: &[u32]) -> io::Result<()> {
    let bytes: Vec<u8> = v.iter().flat_map(|x| x.to_le_bytes()).collect();
    write_bytes(w, &bytes)
}

fn read_u32s(r: &mut impl Read) -> io::Result<Vec<u32>> {
    let bytes = read_bytes(r)?;
    if bytes.len() % 4 != 0 {
        return Err(bad("table length is not a multiple of 4"));
    }
    Ok(bytes
        .chunks_exact(4)
        .map(|c| u32::from_le_bytes([c[0], c[1], c[2], c[3]]))
        .collect())
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
}
