//! The bytes and tables an index reads: built in memory, or shared with
//! whatever holds a cache file's bytes (a mapped file), so that a search
//! reads only the parts it needs and nothing is copied.
//!
//! Tables of `u32` are kept as little-endian bytes and read a value at a
//! time: that needs no alignment and no unsafe reinterpretation, and costs a
//! load per value like a slice would.

use std::fmt;
use std::ops::Range;
use std::sync::Arc;

/// Something that holds bytes for as long as it is shared: a mapped file,
/// or a buffer read from one.
pub type Backing = Arc<dyn AsRef<[u8]> + Send + Sync>;

/// A run of bytes, owned or a range of a [`Backing`].
#[derive(Clone)]
pub(crate) enum Bytes {
    Owned(Vec<u8>),
    Shared(Backing, Range<usize>),
}

impl Default for Bytes {
    fn default() -> Bytes {
        Bytes::Owned(Vec::new())
    }
}

impl fmt::Debug for Bytes {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Bytes({} bytes)", self.as_slice().len())
    }
}

impl Bytes {
    /// The bytes. A range outside its backing (which the constructors of
    /// the index rule out) reads as empty rather than panicking.
    #[inline]
    pub(crate) fn as_slice(&self) -> &[u8] {
        match self {
            Bytes::Owned(v) => v,
            Bytes::Shared(b, r) => (**b).as_ref().get(r.clone()).unwrap_or(&[]),
        }
    }
}

/// A table of `u32`, as little-endian bytes.
#[derive(Clone, Default, Debug)]
pub(crate) struct U32s(pub(crate) Bytes);

impl U32s {
    pub(crate) fn from_values(values: &[u32]) -> U32s {
        let mut bytes = Vec::with_capacity(values.len() * 4);
        for v in values {
            bytes.extend_from_slice(&v.to_le_bytes());
        }
        U32s(Bytes::Owned(bytes))
    }

    /// A view for reading many values without going through the backing
    /// each time.
    #[inline]
    pub(crate) fn view(&self) -> U32View<'_> {
        U32View(self.0.as_slice())
    }

    pub(crate) fn len(&self) -> usize {
        self.0.as_slice().len() / 4
    }

    /// Value `i`, if the table has it.
    #[inline]
    pub(crate) fn get(&self, i: usize) -> Option<u32> {
        self.view().get(i)
    }
}

/// A borrowed table of `u32`.
#[derive(Clone, Copy)]
pub(crate) struct U32View<'a>(&'a [u8]);

impl U32View<'_> {
    pub(crate) fn len(&self) -> usize {
        self.0.len() / 4
    }

    #[inline]
    pub(crate) fn get(&self, i: usize) -> Option<u32> {
        let b = self.0.get(i.checked_mul(4)?..i.checked_mul(4)? + 4)?;
        Some(u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
    }

    /// Value `i`; 0 past the end. The index's constructors check every
    /// table's length, so the search code reads within them.
    #[inline]
    pub(crate) fn at(&self, i: usize) -> u32 {
        self.get(i).unwrap_or(0)
    }

    /// Value `i` as an offset.
    #[inline]
    pub(crate) fn offset(&self, i: usize) -> usize {
        self.at(i) as usize
    }

    /// Values `range` as a table of their own (empty where out of bounds).
    pub(crate) fn slice(&self, range: std::ops::Range<usize>) -> U32View<'_> {
        let bytes = range
            .start
            .checked_mul(4)
            .zip(range.end.checked_mul(4))
            .and_then(|(a, b)| self.0.get(a..b));
        U32View(bytes.unwrap_or(&[]))
    }

    /// The first `i` for which `pred(value i)` is false, the values being
    /// partitioned (all trues first).
    pub(crate) fn partition_point(&self, pred: impl Fn(u32) -> bool) -> usize {
        let (mut lo, mut hi) = (0, self.len());
        while lo < hi {
            let mid = lo + (hi - lo) / 2;
            if pred(self.at(mid)) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        lo
    }

    pub(crate) fn iter(&self) -> impl Iterator<Item = u32> + '_ {
        self.0
            .chunks_exact(4)
            .map(|b| u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
    }
}

/// Whether byte `i` of UTF-8 text starts a character (or is the end).
#[inline]
pub(crate) fn is_char_boundary(bytes: &[u8], i: usize) -> bool {
    match bytes.get(i) {
        Some(&b) => (b as i8) >= -0x40,
        None => i == bytes.len(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_table_reads_back_its_values_and_nothing_past_its_end() {
        let t = U32s::from_values(&[0, 7, 1 << 31, u32::MAX]);
        let v = t.view();
        assert_eq!(v.len(), 4);
        assert_eq!(v.iter().collect::<Vec<_>>(), [0, 7, 1 << 31, u32::MAX]);
        assert_eq!(v.get(4), None);
        assert_eq!(v.at(usize::MAX), 0);
        assert_eq!(v.partition_point(|x| x < 8), 2);
        assert_eq!(v.slice(1..3).iter().collect::<Vec<_>>(), [v.at(1), v.at(2)]);
        assert_eq!(v.slice(2..99).len(), 0);
    }

    #[test]
    fn shared_bytes_read_their_range_of_the_backing() {
        let backing: Backing = Arc::new(b"abcdef".to_vec());
        assert_eq!(Bytes::Shared(backing.clone(), 1..4).as_slice(), b"bcd");
        assert_eq!(Bytes::Shared(backing, 4..99).as_slice(), b"");
    }

    #[test]
    fn char_boundaries_of_utf8() {
        let s = "aë€".as_bytes();
        let starts: Vec<usize> = (0..=s.len()).filter(|&i| is_char_boundary(s, i)).collect();
        assert_eq!(starts, [0, 1, 3, 6]);
        assert!(!is_char_boundary(s, 7));
    }
}
