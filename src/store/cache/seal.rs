//! A seal: the record that a cache file was checked whole (its hash and
//! every invariant) and found sound, kept next to it, so that later runs
//! can search the file in place without reading all of it first.
//!
//! A seal holds the file's size, modification time, inode and change time
//! as they were when it was checked, and the time of the check. It covers
//! the file only while all of those are unchanged and the file's times are
//! older than the check by the racy window (3 s): any write to the file moves
//! its change time (which no program can set back), and a write within the
//! timestamp granularity of the check is what the window rules out — the
//! same reasoning as for the dossier files (see the module above). The
//! program itself never writes a cache file in place; it replaces it, which
//! gives a new inode.

use std::fs;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use super::RACY_WINDOW_NS;
use super::key::{inode_and_ctime, mtime_nanos, now_nanos};

const MAGIC: &[u8; 16] = b"dossier-seal\0\0\0\x01";

/// What a seal records of its cache file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Seal {
    len: u64,
    mtime: i128,
    inode: u64,
    ctime: i128,
    /// The hash the file's header gives its payload.
    payload_hash: u64,
    /// When the file was checked.
    taken: i128,
}

impl Seal {
    /// The seal for a file just checked whole.
    pub(super) fn of(meta: &fs::Metadata, payload_hash: u64) -> Seal {
        let (inode, ctime) = inode_and_ctime(meta);
        Seal {
            len: meta.len(),
            mtime: mtime_nanos(meta),
            inode,
            ctime,
            payload_hash,
            taken: now_nanos(),
        }
    }

    /// Whether this seal vouches for the file as it is now.
    pub(super) fn covers(&self, meta: &fs::Metadata, payload_hash: u64) -> bool {
        let now = Seal {
            taken: self.taken,
            ..Seal::of(meta, payload_hash)
        };
        *self == now
            && self.ctime + RACY_WINDOW_NS < self.taken
            && self.mtime + RACY_WINDOW_NS < self.taken
    }

    /// The same seal, taken `by` ns later.
    #[cfg(test)]
    pub(super) fn aged(self, by: i128) -> Seal {
        Seal {
            taken: self.taken + by,
            ..self
        }
    }

    /// The seal file of a cache file.
    pub(super) fn path_for(cache_file: &Path) -> PathBuf {
        cache_file.with_extension("seal")
    }

    /// Reads a seal; `None` if there is none or it is not one.
    pub(super) fn read(path: &Path) -> Option<Seal> {
        let b = crate::store::regular::read_capped(path, 1024).ok()?;
        if b.len() != 16 + 8 + 16 + 8 + 16 + 8 + 16 || &b[..16] != MAGIC {
            return None;
        }
        let u64_at = |i: usize| u64::from_le_bytes(b[i..i + 8].try_into().unwrap_or([0; 8]));
        let i128_at = |i: usize| i128::from_le_bytes(b[i..i + 16].try_into().unwrap_or([0; 16]));
        Some(Seal {
            len: u64_at(16),
            mtime: i128_at(24),
            inode: u64_at(40),
            ctime: i128_at(48),
            payload_hash: u64_at(64),
            taken: i128_at(72),
        })
    }

    /// Writes the seal next to its file, replacing any other at once.
    pub(super) fn write(&self, path: &Path) -> io::Result<()> {
        let dir = path.parent().unwrap_or(Path::new("."));
        let mut tmp = tempfile::NamedTempFile::new_in(dir)?;
        let mut b = Vec::with_capacity(88);
        b.extend_from_slice(MAGIC);
        b.extend_from_slice(&self.len.to_le_bytes());
        b.extend_from_slice(&self.mtime.to_le_bytes());
        b.extend_from_slice(&self.inode.to_le_bytes());
        b.extend_from_slice(&self.ctime.to_le_bytes());
        b.extend_from_slice(&self.payload_hash.to_le_bytes());
        b.extend_from_slice(&self.taken.to_le_bytes());
        tmp.write_all(&b)?;
        tmp.persist(path).map_err(|e| e.error)?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_seal_reads_back_and_covers_only_its_file_once_old_enough() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("index-1.bin");
        fs::write(&file, b"cache").unwrap();
        let meta = fs::metadata(&file).unwrap();
        let fresh = Seal::of(&meta, 7);
        // Taken in the same instant as the write: a later write in the same
        // tick could go unseen, so it does not count yet.
        assert!(!fresh.covers(&meta, 7));
        let old = Seal {
            taken: fresh.taken + RACY_WINDOW_NS + 1_000_000_000,
            ..fresh
        };
        assert!(old.covers(&meta, 7));
        assert!(!old.covers(&meta, 8), "another payload hash");
        let seal_path = Seal::path_for(&file);
        old.write(&seal_path).unwrap();
        assert_eq!(Seal::read(&seal_path), Some(old));
        // Any write to the file, even of the same length, moves its change
        // time.
        std::thread::sleep(std::time::Duration::from_millis(20));
        fs::write(&file, b"cachf").unwrap();
        assert!(!old.covers(&fs::metadata(&file).unwrap(), 7));
        fs::write(&seal_path, b"not a seal").unwrap();
        assert_eq!(Seal::read(&seal_path), None);
    }
}
