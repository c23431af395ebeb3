//! A cache file's key: what the dossier folder holds — every file with its
//! size, times, inode and a hash of its content, every directory with its
//! stamp — and how it is taken cheaply from a key taken before (see the
//! module above).

use std::fs;
use std::io;
use std::path::Path;
use std::sync::Mutex;

use super::RACY_WINDOW_NS;
use super::entries::Entries;
use super::hash::Hash64;
use crate::store::stamp::mtime_nanos;

/// What a cache file must match: the fixed part (program, size limit,
/// folder) and every file's stamp, as taken at `taken` (ns since 1970).
#[derive(Debug, Clone)]
pub(super) struct Key {
    fixed: Vec<u8>,
    pub(super) taken: i128,
    pub(super) files: Entries,
    /// Every directory (the folder itself as ""), with a stamp of its own
    /// metadata (no hash): while a directory's stamp is unchanged, and old
    /// enough, no entry has been added to it, removed or renamed, so its
    /// listing is taken from the key instead of read again.
    pub(super) dirs: Entries,
    pub(super) folder_hash: u64,
}

impl Key {
    /// The key of the files as they are now. A file whose metadata equal
    /// its stamp in `known` and which is older than `known`'s time by the
    /// racy window keeps `known`'s hash unread; every other file is read
    /// and hashed (see the module documentation).
    pub(super) fn of(folder: &Path, max_file_size: u64, known: Option<&Key>) -> io::Result<Key> {
        let taken = now_nanos();
        let root = folder.canonicalize()?;
        let listed = known.and_then(|k| k.listing_if_unchanged(&root));
        let same_list = listed.is_some();
        let (mut files, dirs) = match (known, listed) {
            (Some(k), Some(dirs)) => (k.files.paths_only(), dirs),
            _ => {
                let (mut files, mut dirs) = Default::default();
                walk(&root, "", known, &mut files, &mut dirs, 0)?;
                (files.sorted(), dirs.sorted())
            }
        };
        let known_stamp = |i: usize, rel: &str| -> Option<Stamp> {
            let k = known?;
            // Both lists are sorted; the same folder usually lists the same
            // files, so look at the same position first.
            let j = if same_list || k.files.path(i) == rel {
                i
            } else {
                k.files.find(rel)?
            };
            let s = k.files.stamp(j)?;
            (s.mtime + RACY_WINDOW_NS < k.taken).then_some(*s)
        };
        files.set_stamps(stamp_files(&root, &files, &known_stamp, max_file_size)?);
        let mut fixed = Vec::with_capacity(128);
        fixed.extend_from_slice(env!("CARGO_PKG_VERSION").as_bytes());
        fixed.push(0);
        // The program itself: a rebuilt binary may load differently.
        if let Some((len, mtime)) = crate::store::stamp::program() {
            fixed.extend_from_slice(&len.to_le_bytes());
            fixed.extend_from_slice(&mtime.to_le_bytes());
        }
        fixed.extend_from_slice(&max_file_size.to_le_bytes());
        let root_text = root.to_string_lossy();
        fixed.extend_from_slice(&(root_text.len() as u64).to_le_bytes());
        fixed.extend_from_slice(root_text.as_bytes());
        let mut h = Hash64::new();
        h.update(root_text.as_bytes());
        Ok(Key {
            fixed,
            taken,
            files,
            dirs,
            folder_hash: h.finish(),
        })
    }

    /// The key's directories stamped anew, if every one is as the key has
    /// it and old enough (see [`Key::dirs`]): then no entry has been added,
    /// removed or renamed anywhere, and the key's list of files stands
    /// without reading a directory or walking the list.
    fn listing_if_unchanged(&self, root: &Path) -> Option<Entries> {
        let mut dirs = Entries::with_capacity(self.dirs.len(), self.dirs.path_bytes());
        for (rel, old) in self.dirs.iter() {
            let meta = fs::symlink_metadata(root.join(rel)).ok()?;
            let stamp = Stamp::of_meta(&meta);
            if !(meta.is_dir() && self.dir_unchanged(&stamp, old)) {
                return None;
            }
            dirs.push(rel, stamp);
        }
        // The folder itself is always listed; without it the key is not
        // one this program wrote.
        (dirs.path(0).is_empty() && dirs.len() > 0).then_some(dirs)
    }

    /// Whether a directory's stamp now equals the key's and is older than
    /// the key by the racy window.
    fn dir_unchanged(&self, now: &Stamp, stored: &Stamp) -> bool {
        now == stored
            && now.mtime + RACY_WINDOW_NS < self.taken
            && now.ctime + RACY_WINDOW_NS < self.taken
    }

    /// Whether two keys describe the same program, limit, folder and file
    /// contents (metadata aside: content decides).
    pub(super) fn same_content(&self, other: &Key) -> bool {
        self.fixed == other.fixed
            && self.files.same_paths(&other.files)
            && self
                .files
                .iter()
                .zip(other.files.iter())
                .all(|((_, s), (_, t))| s.size == t.size && s.hash == t.hash)
    }

    /// The files as they are after a load, for the cache to be written
    /// under: `None` if any changed during the load, so a file changed
    /// meanwhile is not cached under the key of its old content.
    pub(super) fn after_load(&self, folder: &Path, max_file_size: u64) -> Option<Key> {
        Key::of(folder, max_file_size, Some(self))
            .ok()
            .filter(|k| k.same_content(self))
    }

    pub(super) fn to_bytes(&self) -> Vec<u8> {
        let mut b = Vec::with_capacity(64 + self.fixed.len() + self.files.len() * 80);
        put_bytes(&mut b, &self.fixed);
        b.extend_from_slice(&self.taken.to_le_bytes());
        for list in [&self.files, &self.dirs] {
            b.extend_from_slice(&(list.len() as u64).to_le_bytes());
            for (rel, s) in list.iter() {
                put_bytes(&mut b, rel.as_bytes());
                b.extend_from_slice(&s.size.to_le_bytes());
                b.extend_from_slice(&s.mtime.to_le_bytes());
                b.extend_from_slice(&s.inode.to_le_bytes());
                b.extend_from_slice(&s.ctime.to_le_bytes());
                b.extend_from_slice(&s.hash.to_le_bytes());
            }
        }
        b
    }

    /// Reads back [`Key::to_bytes`]; `None` if the bytes are not a key.
    pub(super) fn from_bytes(mut b: &[u8], folder_hash: u64) -> Option<Key> {
        let fixed = take_bytes(&mut b)?.to_vec();
        let taken = i128::from_le_bytes(take(&mut b, 16)?.try_into().ok()?);
        let mut lists = [Entries::default(), Entries::default()];
        for list in &mut lists {
            let count = u64::from_le_bytes(take(&mut b, 8)?.try_into().ok()?);
            // Each entry takes 64 bytes besides its path (its length and
            // stamp): reserve for as many as the bytes can hold, and no
            // more path bytes than are left once those are taken.
            let count_bound = usize::try_from(count).ok()?.min(b.len() / 64);
            *list = Entries::with_capacity(count_bound, b.len() - count_bound * 64);
            for _ in 0..count {
                let rel = std::str::from_utf8(take_bytes(&mut b)?).ok()?;
                let size = u64::from_le_bytes(take(&mut b, 8)?.try_into().ok()?);
                let mtime = i128::from_le_bytes(take(&mut b, 16)?.try_into().ok()?);
                let inode = u64::from_le_bytes(take(&mut b, 8)?.try_into().ok()?);
                let ctime = i128::from_le_bytes(take(&mut b, 16)?.try_into().ok()?);
                let hash = u64::from_le_bytes(take(&mut b, 8)?.try_into().ok()?);
                let stamp = Stamp {
                    size,
                    mtime,
                    inode,
                    ctime,
                    hash,
                };
                list.push(rel, stamp);
            }
            if !list.is_strictly_sorted() {
                return None;
            }
        }
        let [files, dirs] = lists;
        if !b.is_empty() {
            return None;
        }
        Some(Key {
            fixed,
            taken,
            files,
            dirs,
            folder_hash,
        })
    }
}

fn put_bytes(out: &mut Vec<u8>, b: &[u8]) {
    out.extend_from_slice(&(b.len() as u64).to_le_bytes());
    out.extend_from_slice(b);
}

fn take<'a>(b: &mut &'a [u8], n: usize) -> Option<&'a [u8]> {
    if b.len() < n {
        return None;
    }
    let (head, rest) = b.split_at(n);
    *b = rest;
    Some(head)
}

fn take_bytes<'a>(b: &mut &'a [u8]) -> Option<&'a [u8]> {
    let len = u64::from_le_bytes(take(b, 8)?.try_into().ok()?);
    take(b, usize::try_from(len).ok()?)
}

pub(super) fn now_nanos() -> i128 {
    match std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH) {
        Ok(d) => d.as_nanos() as i128,
        Err(e) => -(e.duration().as_nanos() as i128),
    }
}

/// Every regular file under `dir` into `files`, as paths relative to the
/// folder (`/` separated; `prefix` is `dir`'s), and every directory with
/// its stamp into `dirs`. A directory whose stamp equals its stamp in
/// `known`, older than `known`'s time by the racy window, has the entries
/// `known` lists for it (see [`Key::dirs`]); others are read. Symbolic
/// links to directories are not followed.
fn walk(
    dir: &Path,
    prefix: &str,
    known: Option<&Key>,
    files: &mut Entries,
    dirs: &mut Entries,
    depth: usize,
) -> io::Result<()> {
    if depth > 16 {
        return Ok(());
    }
    let stamp = Stamp::of_meta(&fs::symlink_metadata(dir)?);
    dirs.push(prefix, stamp);
    let unchanged = known.filter(|k| {
        k.dirs
            .find(prefix)
            .and_then(|i| k.dirs.stamp(i))
            .is_some_and(|old| k.dir_unchanged(&stamp, old))
    });
    if let Some(k) = unchanged {
        for file in k.files.children(prefix) {
            files.push(file, Stamp::default());
        }
        for sub in k.dirs.children(prefix) {
            walk(
                &dir.join(child_name(sub)),
                sub,
                known,
                files,
                dirs,
                depth + 1,
            )?;
        }
        return Ok(());
    }
    for entry in fs::read_dir(dir)? {
        let entry = entry?;
        let kind = entry.file_type()?;
        let name = entry.file_name();
        let name = name.to_string_lossy();
        let rel = if prefix.is_empty() {
            name.into_owned()
        } else {
            format!("{prefix}/{name}")
        };
        if kind.is_dir() {
            walk(&entry.path(), &rel, known, files, dirs, depth + 1)?;
        } else {
            files.push(&rel, Stamp::default());
        }
    }
    Ok(())
}

/// The last component of a relative path.
fn child_name(rel: &str) -> &str {
    rel.rsplit_once('/').map_or(rel, |(_, name)| name)
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(super) struct Stamp {
    pub(super) size: u64,
    pub(super) mtime: i128,
    pub(super) inode: u64,
    pub(super) ctime: i128,
    pub(super) hash: u64,
}

impl Stamp {
    /// The stamp of a file's or directory's metadata, without a hash.
    fn of_meta(meta: &fs::Metadata) -> Stamp {
        let (inode, ctime) = inode_and_ctime(meta);
        Stamp {
            size: meta.len(),
            mtime: mtime_nanos(meta),
            inode,
            ctime,
            hash: 0,
        }
    }
}

/// The stamp of each file, on all cores. Where `known(i, path)` gives a
/// stamp and the file's metadata still equal it, its hash is kept without
/// reading the file. Files over the size limit (which the loader refuses
/// anyway) are not read: their size and time stand for them.
fn stamp_files(
    root: &Path,
    files: &Entries,
    known: &(dyn Fn(usize, &str) -> Option<Stamp> + Sync),
    max_file_size: u64,
) -> io::Result<Vec<Stamp>> {
    let threads = if files.len() < 64 {
        1
    } else {
        std::thread::available_parallelism()
            .map_or(1, |n| n.get())
            .min(8)
    };
    // Files are taken a run at a time by whichever thread is free, so a
    // thread the scheduler holds back does not leave the others idle at
    // the end; runs keep a directory's files together (see [`Stat`]).
    const RUN: usize = 512;
    let mut out = vec![Stamp::default(); files.len()];
    let runs = Mutex::new(out.chunks_mut(RUN).enumerate());
    let work = || -> io::Result<()> {
        let mut meta = Stat::new(root);
        loop {
            let next = runs.lock().unwrap_or_else(|e| e.into_inner()).next();
            let Some((n, run)) = next else {
                return Ok(());
            };
            for (i, slot) in (n * RUN..).zip(run) {
                let rel = files.path(i);
                *slot = stamp(root, rel, &mut meta, known(i, rel), max_file_size)?;
            }
        }
    };
    std::thread::scope(|s| {
        let helpers: Vec<_> = (1..threads).map(|_| s.spawn(work)).collect();
        work()?;
        for h in helpers {
            h.join().unwrap_or_else(|e| std::panic::resume_unwind(e))?;
        }
        io::Result::Ok(())
    })?;
    Ok(out)
}

fn stamp(
    root: &Path,
    rel: &str,
    stat: &mut Stat,
    known: Option<Stamp>,
    max_file_size: u64,
) -> io::Result<Stamp> {
    let (mut s, is_file) = stat.of(rel)?;
    if let Some(k) = known
        && k == (Stamp { hash: k.hash, ..s })
    {
        s.hash = k.hash;
    } else if is_file && s.size <= max_file_size {
        let mut h = Hash64::new();
        h.update(&crate::store::regular::read(&root.join(rel))?);
        s.hash = h.finish();
    }
    Ok(s)
}

/// The metadata of files under a root, as a stamp without a hash, and
/// whether each is a regular file (symbolic links followed).
///
/// On Unix each file is looked up in its directory, held open while the
/// files of one directory follow each other (they do, sorted): a lookup of
/// one name instead of the whole path, which at tens of thousands of files
/// is most of what proving the cache fresh costs.
struct Stat<'a> {
    root: &'a Path,
    #[cfg(unix)]
    dir: Option<(String, std::os::fd::OwnedFd)>,
}

impl<'a> Stat<'a> {
    fn new(root: &'a Path) -> Stat<'a> {
        Stat {
            root,
            #[cfg(unix)]
            dir: None,
        }
    }

    #[cfg(unix)]
    pub(super) fn of(&mut self, rel: &str) -> io::Result<(Stamp, bool)> {
        use rustix::fs::{AtFlags, FileType, Mode, OFlags};
        let (dir, name) = rel.rsplit_once('/').unwrap_or(("", rel));
        if self.dir.as_ref().is_none_or(|(d, _)| d != dir) {
            let fd = rustix::fs::open(
                self.root.join(dir),
                OFlags::RDONLY | OFlags::DIRECTORY | OFlags::CLOEXEC,
                Mode::empty(),
            )?;
            self.dir = Some((dir.to_string(), fd));
        }
        let Some((_, fd)) = &self.dir else {
            return Err(io::Error::other("no directory"));
        };
        let st = rustix::fs::statat(fd, name, AtFlags::empty())?;
        let nanos = |sec: i64, nsec: u64| i128::from(sec) * 1_000_000_000 + nsec as i128;
        let stamp = Stamp {
            size: st.st_size as u64,
            mtime: nanos(st.st_mtime as i64, st.st_mtime_nsec as u64),
            inode: st.st_ino as u64,
            ctime: nanos(st.st_ctime as i64, st.st_ctime_nsec as u64),
            hash: 0,
        };
        Ok((stamp, FileType::from_raw_mode(st.st_mode as _).is_file()))
    }

    #[cfg(not(unix))]
    pub(super) fn of(&mut self, rel: &str) -> io::Result<(Stamp, bool)> {
        let meta = fs::metadata(self.root.join(rel))?;
        Ok((Stamp::of_meta(&meta), meta.is_file()))
    }
}

#[cfg(unix)]
pub(super) fn inode_and_ctime(meta: &fs::Metadata) -> (u64, i128) {
    use std::os::unix::fs::MetadataExt;
    (
        meta.ino(),
        i128::from(meta.ctime()) * 1_000_000_000 + i128::from(meta.ctime_nsec()),
    )
}

#[cfg(not(unix))]
pub(super) fn inode_and_ctime(_: &fs::Metadata) -> (u64, i128) {
    (0, 0)
}
