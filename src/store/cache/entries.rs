//! A key's list of paths, each with its stamp, every path in one buffer: a
//! key lists tens of thousands of files, and a string each cost as much to
//! allocate, copy and free as the stat that proves a file unchanged.

use super::key::Stamp;

/// Relative paths (`/` separated) with a stamp each, in the order pushed;
/// sorted by path once [`Entries::sorted`] has run.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(super) struct Entries {
    /// Every path, one after another.
    text: String,
    /// Where each path ends in `text`.
    ends: Vec<usize>,
    stamps: Vec<Stamp>,
}

impl Entries {
    pub(super) fn with_capacity(entries: usize, text: usize) -> Entries {
        Entries {
            text: String::with_capacity(text),
            ends: Vec::with_capacity(entries),
            stamps: Vec::with_capacity(entries),
        }
    }

    pub(super) fn len(&self) -> usize {
        self.ends.len()
    }

    /// The bytes of all paths together.
    pub(super) fn path_bytes(&self) -> usize {
        self.text.len()
    }

    pub(super) fn push(&mut self, path: &str, stamp: Stamp) {
        self.text.push_str(path);
        self.ends.push(self.text.len());
        self.stamps.push(stamp);
    }

    /// Path `i`; empty past the end.
    pub(super) fn path(&self, i: usize) -> &str {
        let start = match i {
            0 => 0,
            _ => self.ends.get(i - 1).copied().unwrap_or(0),
        };
        let end = self.ends.get(i).copied().unwrap_or(start);
        self.text.get(start..end).unwrap_or("")
    }

    pub(super) fn stamp(&self, i: usize) -> Option<&Stamp> {
        self.stamps.get(i)
    }

    #[cfg(test)]
    pub(super) fn stamp_mut(&mut self, i: usize) -> Option<&mut Stamp> {
        self.stamps.get_mut(i)
    }

    /// Whether both list the same paths in the same order (compared as two
    /// buffers, not path by path).
    pub(super) fn same_paths(&self, other: &Entries) -> bool {
        self.ends == other.ends && self.text == other.text
    }

    /// The same paths, without their stamps (to be set anew).
    pub(super) fn paths_only(&self) -> Entries {
        Entries {
            text: self.text.clone(),
            ends: self.ends.clone(),
            stamps: Vec::new(),
        }
    }

    /// Replaces every stamp; `stamps` has one per path.
    pub(super) fn set_stamps(&mut self, stamps: Vec<Stamp>) {
        debug_assert_eq!(stamps.len(), self.len());
        self.stamps = stamps;
    }

    /// Each path with its stamp (none for paths whose stamps are not set).
    pub(super) fn iter(&self) -> impl Iterator<Item = (&str, &Stamp)> + '_ {
        self.stamps
            .iter()
            .enumerate()
            .map(|(i, s)| (self.path(i), s))
    }

    /// The position of `path` in a sorted list.
    pub(super) fn find(&self, path: &str) -> Option<usize> {
        let i = self.partition_point(|p| p < path);
        (i < self.len() && self.path(i) == path).then_some(i)
    }

    /// The first position whose path fails `pred`, the paths being
    /// partitioned by it (all that pass first).
    fn partition_point(&self, pred: impl Fn(&str) -> bool) -> usize {
        let (mut lo, mut hi) = (0, self.len());
        while lo < hi {
            let mid = lo + (hi - lo) / 2;
            if pred(self.path(mid)) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        lo
    }

    /// Whether every path sorts after the one before it.
    pub(super) fn is_strictly_sorted(&self) -> bool {
        (1..self.len()).all(|i| self.path(i - 1) < self.path(i))
    }

    /// The same entries sorted by path (stable for equal paths).
    pub(super) fn sorted(self) -> Entries {
        if (1..self.len()).all(|i| self.path(i - 1) <= self.path(i)) {
            return self;
        }
        let mut order: Vec<usize> = (0..self.len()).collect();
        order.sort_by(|&a, &b| self.path(a).cmp(self.path(b)));
        let mut out = Entries::with_capacity(self.len(), self.text.len());
        for i in order {
            out.push(self.path(i), self.stamps[i]);
        }
        out
    }

    /// Keeps the entries whose path passes `keep`.
    #[cfg(test)]
    pub(super) fn retain(&mut self, keep: impl Fn(&str) -> bool) {
        let mut out = Entries::default();
        for (p, s) in self.iter() {
            if keep(p) {
                out.push(p, *s);
            }
        }
        *self = out;
    }

    /// The paths directly in directory `prefix` ("" for the folder) of a
    /// sorted list: everything under it is one run of the list, and the
    /// direct ones have no further `/`.
    pub(super) fn children<'a>(&'a self, prefix: &'a str) -> impl Iterator<Item = &'a str> + 'a {
        let under = move |p: &'a str| -> Option<&'a str> {
            if prefix.is_empty() {
                Some(p).filter(|p| !p.is_empty())
            } else {
                p.strip_prefix(prefix)?.strip_prefix('/')
            }
        };
        // Paths that start with `prefix/` follow each other in sorted order.
        let start = if prefix.is_empty() {
            // The folder itself, listed as "" among directories, sorts first.
            self.partition_point(str::is_empty)
        } else {
            let dir = format!("{prefix}/");
            self.partition_point(|p| p < dir.as_str())
        };
        (start..self.len())
            .map(|i| self.path(i))
            .take_while(move |p| under(p).is_some())
            .filter(move |p| under(p).is_some_and(|rest| !rest.contains('/')))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn list(paths: &[&str]) -> Entries {
        let mut e = Entries::default();
        for (i, p) in paths.iter().enumerate() {
            let stamp = Stamp {
                size: i as u64,
                ..Stamp::default()
            };
            e.push(p, stamp);
        }
        e
    }

    #[test]
    fn children_of_a_directory_in_a_sorted_list() {
        let list = list(&["", "a", "a-b/x", "a/x", "a/y/z", "a/z", "b"]);
        assert_eq!(list.children("a").collect::<Vec<_>>(), ["a/x", "a/z"]);
        assert_eq!(list.children("").collect::<Vec<_>>(), ["a", "b"]);
        assert_eq!(list.children("a/y").collect::<Vec<_>>(), ["a/y/z"]);
        assert_eq!(list.children("c").count(), 0);
    }

    #[test]
    fn sorting_keeps_each_path_with_its_stamp() {
        let sorted = list(&["b/x", "a", "é", "b"]).sorted();
        let got: Vec<(&str, u64)> = sorted.iter().map(|(p, s)| (p, s.size)).collect();
        assert_eq!(got, [("a", 1), ("b", 3), ("b/x", 0), ("é", 2)]);
        assert!(sorted.is_strictly_sorted());
        assert_eq!(sorted.find("b"), Some(1));
        assert_eq!(sorted.find("c"), None);
        assert_eq!(sorted.path(4), "");
        assert!(sorted.stamp(4).is_none());
    }
}
