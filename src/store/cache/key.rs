//! A cache file's key: what the dossier folder holds — every file with its
//! size, times, inode and a hash of its content, every directory with its
//! stamp — and how it is taken cheaply from a key taken before (see the
//! module above).

use std::fs;
use std::io;
use std::path::Path;

use super::RACY_WINDOW_NS;
use super::hash::Hash64;

/// What a cache file must match: the fixed part (program, size limit,
/// folder) and every file's stamp, as taken at `taken` (ns since 1970).
#[derive(Debug, Clone)]
pub(super) struct Key {
    fixed: Vec<u8>,
    pub(super) taken: i128,
    pub(super) files: Vec<(String, Stamp)>,
    /// Every directory (the folder itself as ""), with a stamp of its own
    /// metadata (no hash): while a directory's stamp is unchanged, and old
    /// enough, no entry has been added to it, removed or renamed, so its
    /// listing is taken from the key instead of read again.
    pub(super) dirs: Vec<(String, Stamp)>,
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
        let mut paths = Vec::new();
        let mut dirs = Vec::new();
        walk(&root, "", known, &mut paths, &mut dirs, 0)?;
        paths.sort();
        dirs.sort_by(|a, b| a.0.cmp(&b.0));
        let known_stamp = |i: usize, rel: &str| -> Option<Stamp> {
            let k = known?;
            // Both lists are sorted; the same folder usually lists the same
            // files, so look at the same position first.
            let (p, s) = match k.files.get(i) {
                Some((p, s)) if p == rel => (p, s),
                _ => {
                    let j = k
                        .files
                        .binary_search_by(|(p, _)| p.as_str().cmp(rel))
                        .ok()?;
                    (&k.files[j].0, &k.files[j].1)
                }
            };
            (p == rel && s.mtime + RACY_WINDOW_NS < k.taken).then_some(*s)
        };
        let knowns: Vec<Option<Stamp>> = paths
            .iter()
            .enumerate()
            .map(|(i, rel)| known_stamp(i, rel))
            .collect();
        let stamps = stamp_files(&root, &paths, &knowns, max_file_size)?;
        let mut fixed = Vec::with_capacity(128);
        fixed.extend_from_slice(env!("CARGO_PKG_VERSION").as_bytes());
        fixed.push(0);
        // The program itself: a rebuilt binary may load differently.
        if let Ok(exe) = std::env::current_exe().and_then(fs::metadata) {
            fixed.extend_from_slice(&exe.len().to_le_bytes());
            fixed.extend_from_slice(&mtime_nanos(&exe).to_le_bytes());
        }
        fixed.extend_from_slice(&max_file_size.to_le_bytes());
        let root_text = root.to_string_lossy();
        fixed.extend_from_slice(&(root_text.len() as u64).to_le_bytes());
        fixed.extend_from_slice(root_text.as_bytes());
        let mut h = Hash64::new();
        h.update(root_text.as_bytes());
        let files = paths.into_iter().zip(stamps).collect();
        Ok(Key {
            fixed,
            taken,
            files,
            dirs,
            folder_hash: h.finish(),
        })
    }

    /// Whether two keys describe the same program, limit, folder and file
    /// contents (metadata aside: content decides).
    pub(super) fn same_content(&self, other: &Key) -> bool {
        self.fixed == other.fixed
            && self.files.len() == other.files.len()
            && self
                .files
                .iter()
                .zip(&other.files)
                .all(|((p, s), (q, t))| p == q && s.size == t.size && s.hash == t.hash)
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
            for (rel, s) in list {
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
        let mut lists = [Vec::new(), Vec::new()];
        for list in &mut lists {
            let count = u64::from_le_bytes(take(&mut b, 8)?.try_into().ok()?);
            list.reserve(count.min(1 << 20) as usize);
            for _ in 0..count {
                let rel = String::from_utf8(take_bytes(&mut b)?.to_vec()).ok()?;
                let size = u64::from_le_bytes(take(&mut b, 8)?.try_into().ok()?);
                let mtime = i128::from_le_bytes(take(&mut b, 16)?.try_into().ok()?);
                let inode = u64::from_le_bytes(take(&mut b, 8)?.try_into().ok()?);
                let ctime = i128::from_le_bytes(take(&mut b, 16)?.try_into().ok()?);
                let hash = u64::from_le_bytes(take(&mut b, 8)?.try_into().ok()?);
                list.push((
                    rel,
                    Stamp {
                        size,
                        mtime,
                        inode,
                        ctime,
                        hash,
                    },
                ));
            }
            if !list.windows(2).all(|w| w[0].0 < w[1].0) {
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
    files: &mut Vec<String>,
    dirs: &mut Vec<(String, Stamp)>,
    depth: usize,
) -> io::Result<()> {
    if depth > 16 {
        return Ok(());
    }
    let stamp = Stamp::of_meta(&fs::symlink_metadata(dir)?);
    dirs.push((prefix.to_string(), stamp));
    let unchanged = known.filter(|k| {
        k.dirs
            .binary_search_by(|(p, _)| p.as_str().cmp(prefix))
            .is_ok_and(|i| {
                k.dirs[i].1 == stamp
                    && stamp.mtime + RACY_WINDOW_NS < k.taken
                    && stamp.ctime + RACY_WINDOW_NS < k.taken
            })
    });
    if let Some(k) = unchanged {
        files.extend(children(&k.files, prefix).map(str::to_string));
        for sub in children(&k.dirs, prefix) {
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
            files.push(rel);
        }
    }
    Ok(())
}

/// The entries of a sorted list of paths that are directly in directory
/// `prefix` ("" for the folder): everything under it is one run of the
/// list, and the direct ones have no further `/`.
pub(super) fn children<'a>(
    list: &'a [(String, Stamp)],
    prefix: &'a str,
) -> impl Iterator<Item = &'a str> {
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
        list.partition_point(|(p, _)| p.is_empty())
    } else {
        let dir = format!("{prefix}/");
        list.partition_point(|(p, _)| p.as_str() < dir.as_str())
    };
    list[start..]
        .iter()
        .map(|(p, _)| p.as_str())
        .take_while(move |p| under(p).is_some())
        .filter(move |p| under(p).is_some_and(|rest| !rest.contains('/')))
}

/// The last component of a relative path.
fn child_name(rel: &str) -> &str {
    rel.rsplit_once('/').map_or(rel, |(_, name)| name)
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
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

/// The stamp of each file, on all cores. Where `known[i]` is given and the
/// file's metadata still equal it, its hash is kept without reading the
/// file. Files over the size limit (which the loader refuses anyway) are
/// not read: their size and time stand for them.
fn stamp_files(
    root: &Path,
    files: &[String],
    known: &[Option<Stamp>],
    max_file_size: u64,
) -> io::Result<Vec<Stamp>> {
    let threads = if files.len() < 64 {
        1
    } else {
        std::thread::available_parallelism()
            .map_or(1, |n| n.get())
            .min(8)
    };
    let chunk = files.len().div_ceil(threads).max(1);
    std::thread::scope(|s| {
        let parts: Vec<_> = files
            .chunks(chunk)
            .zip(known.chunks(chunk))
            .map(|(part, known)| {
                s.spawn(move || {
                    let mut meta = Stat::new(root);
                    part.iter()
                        .zip(known)
                        .map(|(f, k)| stamp(root, f, &mut meta, *k, max_file_size))
                        .collect::<io::Result<Vec<Stamp>>>()
                })
            })
            .collect();
        let mut out = Vec::with_capacity(files.len());
        for p in parts {
            out.extend(p.join().unwrap_or_else(|e| std::panic::resume_unwind(e))?);
        }
        Ok(out)
    })
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
        h.update(&fs::read(root.join(rel))?);
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

pub(super) fn mtime_nanos(meta: &fs::Metadata) -> i128 {
    match meta
        .modified()
        .map(|t| t.duration_since(std::time::UNIX_EPOCH))
    {
        Ok(Ok(d)) => d.as_nanos() as i128,
        Ok(Err(e)) => -(e.duration().as_nanos() as i128),
        Err(_) => 0,
    }
}
