//! The index's tables of `u32`, read through accessors that answer past
//! the end (0, or an empty table) rather than panicking.

/// A table of `u32`.
#[derive(Clone, Default, Debug)]
pub(crate) struct U32s(Vec<u32>);

impl U32s {
    pub(crate) fn from_values(values: Vec<u32>) -> U32s {
        U32s(values)
    }

    #[inline]
    pub(crate) fn view(&self) -> U32View<'_> {
        U32View(&self.0)
    }

    pub(crate) fn len(&self) -> usize {
        self.0.len()
    }

    /// Value `i`, if the table has it.
    #[inline]
    pub(crate) fn get(&self, i: usize) -> Option<u32> {
        self.0.get(i).copied()
    }
}

/// A borrowed table of `u32`.
#[derive(Clone, Copy)]
pub(crate) struct U32View<'a>(&'a [u32]);

impl U32View<'_> {
    #[inline]
    pub(crate) fn get(&self, i: usize) -> Option<u32> {
        self.0.get(i).copied()
    }

    /// Value `i`; 0 past the end.
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
        U32View(self.0.get(range).unwrap_or(&[]))
    }

    /// The first `i` for which `pred(value i)` is false, the values being
    /// partitioned (all trues first).
    pub(crate) fn partition_point(&self, pred: impl Fn(u32) -> bool) -> usize {
        self.0.partition_point(|&v| pred(v))
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
        let t = U32s::from_values(vec![0, 7, 1 << 31, u32::MAX]);
        let v = t.view();
        assert_eq!(t.len(), 4);
        assert_eq!((v.at(0), v.at(3)), (0, u32::MAX));
        assert_eq!(v.get(4), None);
        assert_eq!(v.at(usize::MAX), 0);
        assert_eq!(v.partition_point(|x| x < 8), 2);
        assert_eq!(v.slice(1..3).get(1), Some(1 << 31));
        assert_eq!(v.slice(2..99).get(0), None);
    }

    #[test]
    fn char_boundaries_of_utf8() {
        let s = "aë€".as_bytes();
        let starts: Vec<usize> = (0..=s.len()).filter(|&i| is_char_boundary(s, i)).collect();
        assert_eq!(starts, [0, 1, 3, 6]);
        assert!(!is_char_boundary(s, 7));
    }
}
