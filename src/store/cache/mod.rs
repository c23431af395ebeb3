//! A cache of what loading a dossier folder produces: the parsed corpus, and
//! the search index built from it. Parsing thousands of TOML files costs
//! seconds; reading the cache back costs a fraction of that.
//!
//! Each cache file starts with a key: the program that wrote it, the size
//! limit in force, the folder, and every file under the folder with its
//! path, size, modification time, inode, change time and a hash of its
//! content, plus the time at which those were taken. The cache is served
//! only when the same files are there with the same content hashes, and the
//! key's and the payload's lengths and hashes check out; anything else (a
//! changed, added or removed file, a truncated or damaged cache file,
//! another version of the program) rebuilds it from the dossier files. Only
//! loads without errors are cached, so warnings are never lost.
//!
//! Proving that a file still has the hashed content, as git does for its
//! index: a file whose size, modification time (ns), inode and change time
//! equal the key's is taken to be unchanged without reading it — unless its
//! modification time is less than [`RACY_WINDOW_NS`] (3 s) before the time the key
//! was taken. Such a file may have been written again within the file
//! system's timestamp granularity after it was hashed, keeping its size and
//! time, so it is read and hashed again, as is every file whose metadata
//! differ. A file's content, not its metadata, decides: a file touched but
//! not changed is still served from the cache (and hashed on every load
//! until the cache is next written). Directories are stamped the same way,
//! without a hash: a directory whose stamp is unchanged, and old enough, has
//! had no entry added, removed or renamed, so the key's listing of it is
//! used instead of reading it again.
//!
//! The corpus is read and decoded whole. The search index is mapped and
//! searched in place: a search reads only what it needs of it. Its payload
//! is checked whole — hash and every invariant — until a [`seal::Seal`]
//! next to it records that it passed and that the file has not been
//! written since; then only the bounds of its tables are checked, which is
//! enough that damage could give wrong hits but never a panic.
//!
//! The cache lives in the user's cache directory (`~/.cache/dossier` on
//! Linux), or in `$DOSSIER_CACHE_DIR`; `DOSSIER_NO_CACHE=1` turns it off.

use std::fs;
use std::io::{self, BufReader, BufWriter, Read, Write};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use dossier_core::Corpus;
use dossier_core::search::{Check, SearchIndex};

use super::dossiers;

mod corpus_codec;
mod hash;
mod seal;

use hash::{Hash64, HashingReader, HashingWriter};
use seal::Seal;

const MAGIC: &[u8; 16] = b"dossier-cache\0\0\x04";

/// How close to the key's time a file's modification time must be for its
/// metadata not to be trusted: above the coarsest timestamp granularity in
/// use (2 s on FAT), so a rewrite in the same tick as the hashing is seen.
const RACY_WINDOW_NS: i128 = 3_000_000_000;

/// Why a cache was or was not used; for tests and `--verbose` style output.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    /// Served from the cache.
    Hit,
    /// The cache was missing, stale or damaged, and has been rebuilt.
    Rebuilt(String),
    /// Loaded from the files and not cached (load errors, or the cache
    /// could not be written).
    Uncached(String),
}

/// A cache directory.
#[derive(Debug, Clone)]
pub struct Cache {
    dir: PathBuf,
}

impl Cache {
    pub fn new(dir: impl Into<PathBuf>) -> Cache {
        Cache { dir: dir.into() }
    }

    /// The user's cache, unless `DOSSIER_NO_CACHE` is set.
    pub fn user() -> Option<Cache> {
        if std::env::var_os("DOSSIER_NO_CACHE").is_some_and(|v| !v.is_empty() && v != "0") {
            return None;
        }
        if let Some(dir) = std::env::var_os("DOSSIER_CACHE_DIR").filter(|d| !d.is_empty()) {
            return Some(Cache::new(dir));
        }
        super::paths::user_cache_dir().map(Cache::new)
    }

    /// The corpus of a dossier folder: from the cache when it matches the
    /// files, else loaded with [`dossiers::load_dir`] (and cached if clean).
    pub fn corpus(&self, folder: &Path, max_file_size: u64) -> (Corpus, Outcome) {
        let (corpus, outcome, _) = self.corpus_keyed(folder, max_file_size);
        (corpus, outcome)
    }

    /// [`Cache::corpus`], with the fingerprint of the files the corpus was
    /// loaded from when it is known (not when the files changed while
    /// loading, or could not be fingerprinted), for [`Cache::index_for`].
    pub fn corpus_keyed(
        &self,
        folder: &Path,
        max_file_size: u64,
    ) -> (Corpus, Outcome, Option<Fingerprint>) {
        let found = self.lookup("corpus", folder, max_file_size, corpus_codec::read);
        let (reason, key) = match found {
            Lookup::Hit(corpus, key) => return (corpus, Outcome::Hit, Some(Fingerprint(key))),
            Lookup::NoKey(e) => {
                return (
                    dossiers::load_dir(folder, max_file_size),
                    Outcome::Uncached(format!("cannot fingerprint the folder: {e}")),
                    None,
                );
            }
            Lookup::Miss(reason, key) => (reason, key),
        };
        let corpus = dossiers::load_dir(folder, max_file_size);
        let Some(key) = key.after_load(folder, max_file_size) else {
            return (
                corpus,
                Outcome::Uncached("the dossier files changed while loading".into()),
                None,
            );
        };
        if !corpus.errors.is_empty() {
            let outcome = Outcome::Uncached("the dossiers have errors".into());
            return (corpus, outcome, Some(Fingerprint(key)));
        }
        let written = self.write("corpus", &key, |w| corpus_codec::write(&corpus, w));
        let outcome = match written {
            Ok(()) => Outcome::Rebuilt(reason),
            Err(e) => Outcome::Uncached(format!("cannot write the cache: {e}")),
        };
        (corpus, outcome, Some(Fingerprint(key)))
    }

    /// The search index of a corpus already loaded from `folder`: from the
    /// cache, mapped, when it matches the files; else built from `corpus`,
    /// and cached if the files are still those `fingerprint` says the
    /// corpus was loaded from (and it loaded without errors).
    pub fn index_for(
        &self,
        folder: &Path,
        max_file_size: u64,
        corpus: &Corpus,
        fingerprint: Option<&Fingerprint>,
    ) -> (SearchIndex, Outcome) {
        let (reason, key) = match self.lookup_index::<()>(folder, max_file_size, None) {
            Lookup::Hit((index, _), _) => return (index, Outcome::Hit),
            Lookup::NoKey(e) => {
                let outcome = Outcome::Uncached(format!("cannot fingerprint the folder: {e}"));
                return (SearchIndex::build(corpus), outcome);
            }
            Lookup::Miss(reason, key) => (reason, key),
        };
        let index = SearchIndex::build(corpus);
        if !corpus.errors.is_empty() {
            return (index, Outcome::Uncached("the dossiers have errors".into()));
        }
        if !fingerprint.is_some_and(|f| f.0.same_content(&key)) {
            let outcome = Outcome::Uncached("the dossier files changed since loading".into());
            return (index, outcome);
        }
        let outcome = match self.write("index", &key, |mut w| index.write_to(&mut w)) {
            Ok(()) => Outcome::Rebuilt(reason),
            Err(e) => Outcome::Uncached(format!("cannot write the cache: {e}")),
        };
        (index, outcome)
    }

    /// The search index of a dossier folder, from the cache when it
    /// matches the files; else built from the corpus (itself from its cache
    /// when that matches). Load errors come back with it, to be reported.
    pub fn index(
        &self,
        folder: &Path,
        max_file_size: u64,
    ) -> (SearchIndex, Vec<dossier_core::LoadError>, Outcome) {
        let (index, (), errors, outcome) = self.index_and(folder, max_file_size, &|_| ());
        (index, errors, outcome)
    }

    /// [`Cache::index`] and a search of it: run while the files are proven
    /// unchanged when the index comes from the cache, after it otherwise.
    pub fn index_and<R: Send>(
        &self,
        folder: &Path,
        max_file_size: u64,
        search: &(dyn Fn(&SearchIndex) -> R + Sync),
    ) -> (SearchIndex, R, Vec<dossier_core::LoadError>, Outcome) {
        let found = self.lookup_index(folder, max_file_size, Some(search));
        let (reason, key) = match found {
            Lookup::Hit((index, Some(r)), _) => return (index, r, Vec::new(), Outcome::Hit),
            Lookup::Hit((index, None), _) => {
                let r = search(&index);
                return (index, r, Vec::new(), Outcome::Hit);
            }
            Lookup::NoKey(e) => {
                let corpus = dossiers::load_dir(folder, max_file_size);
                let index = SearchIndex::build(&corpus);
                let r = search(&index);
                let outcome = Outcome::Uncached(format!("cannot fingerprint the folder: {e}"));
                return (index, r, corpus.errors, outcome);
            }
            Lookup::Miss(reason, key) => (reason, key),
        };
        let (corpus, _) = self.corpus(folder, max_file_size);
        let index = SearchIndex::build(&corpus);
        let r = search(&index);
        if !corpus.errors.is_empty() {
            let outcome = Outcome::Uncached("the dossiers have errors".into());
            return (index, r, corpus.errors, outcome);
        }
        let Some(key) = key.after_load(folder, max_file_size) else {
            let outcome = Outcome::Uncached("the dossier files changed while loading".into());
            return (index, r, corpus.errors, outcome);
        };
        let outcome = match self.write("index", &key, |mut w| index.write_to(&mut w)) {
            Ok(()) => Outcome::Rebuilt(reason),
            Err(e) => Outcome::Uncached(format!("cannot write the cache: {e}")),
        };
        (index, r, corpus.errors, outcome)
    }

    /// Reads a cache file if its key matches the files now, else says why
    /// not and hands back the files' key (its hashes reused from the stored
    /// key where the metadata allow).
    fn lookup<T>(
        &self,
        kind: &str,
        folder: &Path,
        max_file_size: u64,
        decode: impl FnOnce(&mut dyn Read) -> io::Result<T>,
    ) -> Lookup<T> {
        let path = match folder_hash(folder) {
            Ok(h) => self.file_for(kind, h),
            Err(e) => return Lookup::NoKey(e.to_string()),
        };
        let mut opened = open_cached(&path);
        let stored = opened.as_mut().ok().and_then(|(_, k)| k.take());
        let key = match Key::of(folder, max_file_size, stored.as_ref()) {
            Ok(k) => k,
            Err(e) => return Lookup::NoKey(e.to_string()),
        };
        let (r, file_len) = match opened {
            Ok(((r, len), _)) => (r, len),
            Err(reason) => return Lookup::Miss(reason, key),
        };
        match stored {
            Some(s) if s.same_content(&key) => {}
            _ => return Lookup::Miss("the dossier files changed".into(), key),
        }
        match read_payload(r, file_len, decode) {
            Ok(v) => Lookup::Hit(v, key),
            Err(reason) => Lookup::Miss(reason, key),
        }
    }

    /// The index's cache file, searched in place: mapped, not read. Its
    /// key is checked as for the corpus; its payload is checked whole (hash
    /// and invariants) only when no [`Seal`] vouches for the file, and is
    /// sealed once it passes, so that later runs check only the bounds of
    /// its tables and read no more of it than their search does.
    ///
    /// Proving the files unchanged (a stat of each) and opening the index
    /// run side by side, and `early`, given, searches the index meanwhile:
    /// its result comes back with the index if the files prove unchanged.
    fn lookup_index<R: Send>(
        &self,
        folder: &Path,
        max_file_size: u64,
        early: Option<&(dyn Fn(&SearchIndex) -> R + Sync)>,
    ) -> Lookup<(SearchIndex, Option<R>)> {
        let path = match folder_hash(folder) {
            Ok(h) => self.file_for("index", h),
            Err(e) => return Lookup::NoKey(e.to_string()),
        };
        let m = match map_cached(&path) {
            Ok(m) => m,
            Err(reason) => {
                return match Key::of(folder, max_file_size, None) {
                    Ok(key) => Lookup::Miss(reason, key),
                    Err(e) => Lookup::NoKey(e.to_string()),
                };
            }
        };
        let seal_path = Seal::path_for(&path);
        let sealed = Seal::read(&seal_path).is_some_and(|s| s.covers(&m.meta, m.payload_hash));
        let (checked, opened) = std::thread::scope(|scope| {
            let checker = scope.spawn(|| -> io::Result<(Key, bool)> {
                let stored = read_key(&mut &m.map[..], m.meta.len())
                    .ok()
                    .and_then(|(k, _)| k);
                let key = Key::of(folder, max_file_size, stored.as_ref())?;
                let same = stored.is_some_and(|s| s.same_content(&key));
                Ok((key, same))
            });
            let opened = open_index(&m, sealed).map(|index| {
                let result = early.map(|f| f(&index));
                (index, result)
            });
            let checked = checker
                .join()
                .unwrap_or_else(|e| std::panic::resume_unwind(e));
            (checked, opened)
        });
        let key = match checked {
            Ok((key, true)) => key,
            Ok((key, false)) => return Lookup::Miss("the dossier files changed".into(), key),
            Err(e) => return Lookup::NoKey(e.to_string()),
        };
        match opened {
            Ok(found) => {
                if !sealed {
                    // Without a seal the next run checks it whole again.
                    let _ = Seal::of(&m.meta, m.payload_hash).write(&seal_path);
                }
                Lookup::Hit(found, key)
            }
            Err(reason) => Lookup::Miss(reason, key),
        }
    }

    fn write(
        &self,
        kind: &str,
        key: &Key,
        payload: impl FnOnce(&mut dyn Write) -> io::Result<()>,
    ) -> io::Result<()> {
        let path = self.file_for(kind, key.folder_hash);
        write_cached(&self.dir, &path, &key.to_bytes(), payload)
    }

    /// One cache file per folder and kind, named by a hash of the folder's
    /// path.
    fn file_for(&self, kind: &str, folder_hash: u64) -> PathBuf {
        self.dir.join(format!("{kind}-{folder_hash:016x}.bin"))
    }
}

/// The files a corpus was loaded from, as the cache fingerprints them.
#[derive(Debug, Clone)]
pub struct Fingerprint(Key);

enum Lookup<T> {
    /// Served, with the key of the files now.
    Hit(T, Key),
    /// Why the cache was not served, and the key of the files now.
    Miss(String, Key),
    /// The folder could not be fingerprinted.
    NoKey(String),
}

/// A hash of the folder's real path, naming its cache files.
fn folder_hash(folder: &Path) -> io::Result<u64> {
    let root = folder.canonicalize()?;
    let mut h = Hash64::new();
    h.update(root.to_string_lossy().as_bytes());
    Ok(h.finish())
}

/// The corpus of a folder through the user's cache (see the module
/// documentation); without a cache, straight from the files.
pub fn load_dir(folder: &Path, max_file_size: u64) -> Corpus {
    load_dir_keyed(folder, max_file_size).0
}

/// [`load_dir`], with the fingerprint of the files loaded when the cache
/// knows it (see [`Cache::corpus_keyed`]).
pub fn load_dir_keyed(folder: &Path, max_file_size: u64) -> (Corpus, Option<Fingerprint>) {
    match Cache::user() {
        Some(c) => {
            let (corpus, _, fingerprint) = c.corpus_keyed(folder, max_file_size);
            (corpus, fingerprint)
        }
        None => (dossiers::load_dir(folder, max_file_size), None),
    }
}

/// What a cache file must match: the fixed part (program, size limit,
/// folder) and every file's stamp, as taken at `taken` (ns since 1970).
#[derive(Debug, Clone)]
struct Key {
    fixed: Vec<u8>,
    taken: i128,
    files: Vec<(String, Stamp)>,
    /// Every directory (the folder itself as ""), with a stamp of its own
    /// metadata (no hash): while a directory's stamp is unchanged, and old
    /// enough, no entry has been added to it, removed or renamed, so its
    /// listing is taken from the key instead of read again.
    dirs: Vec<(String, Stamp)>,
    folder_hash: u64,
}

impl Key {
    /// The key of the files as they are now. A file whose metadata equal
    /// its stamp in `known` and which is older than `known`'s time by the
    /// racy window keeps `known`'s hash unread; every other file is read
    /// and hashed (see the module documentation).
    fn of(folder: &Path, max_file_size: u64, known: Option<&Key>) -> io::Result<Key> {
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
    fn same_content(&self, other: &Key) -> bool {
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
    fn after_load(&self, folder: &Path, max_file_size: u64) -> Option<Key> {
        Key::of(folder, max_file_size, Some(self))
            .ok()
            .filter(|k| k.same_content(self))
    }

    fn to_bytes(&self) -> Vec<u8> {
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
    fn from_bytes(mut b: &[u8], folder_hash: u64) -> Option<Key> {
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

fn now_nanos() -> i128 {
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
    let meta = fs::symlink_metadata(dir)?;
    let (inode, ctime) = inode_and_ctime(&meta);
    let stamp = Stamp {
        size: meta.len(),
        mtime: mtime_nanos(&meta),
        inode,
        ctime,
        hash: 0,
    };
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
fn children<'a>(list: &'a [(String, Stamp)], prefix: &'a str) -> impl Iterator<Item = &'a str> {
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
struct Stamp {
    size: u64,
    mtime: i128,
    inode: u64,
    ctime: i128,
    hash: u64,
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
    fn of(&mut self, rel: &str) -> io::Result<(Stamp, bool)> {
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
    fn of(&mut self, rel: &str) -> io::Result<(Stamp, bool)> {
        let meta = fs::metadata(self.root.join(rel))?;
        let (inode, ctime) = inode_and_ctime(&meta);
        let stamp = Stamp {
            size: meta.len(),
            mtime: mtime_nanos(&meta),
            inode,
            ctime,
            hash: 0,
        };
        Ok((stamp, meta.is_file()))
    }
}

#[cfg(unix)]
fn inode_and_ctime(meta: &fs::Metadata) -> (u64, i128) {
    use std::os::unix::fs::MetadataExt;
    (
        meta.ino(),
        i128::from(meta.ctime()) * 1_000_000_000 + i128::from(meta.ctime_nsec()),
    )
}

#[cfg(not(unix))]
fn inode_and_ctime(_: &fs::Metadata) -> (u64, i128) {
    (0, 0)
}

fn mtime_nanos(meta: &fs::Metadata) -> i128 {
    match meta
        .modified()
        .map(|t| t.duration_since(std::time::UNIX_EPOCH))
    {
        Ok(Ok(d)) => d.as_nanos() as i128,
        Ok(Err(e)) => -(e.duration().as_nanos() as i128),
        Err(_) => 0,
    }
}

type Opened = ((BufReader<fs::File>, u64), Option<Key>);

/// Opens a cache file and reads its key (see [`read_key`]). The error is
/// the reason, for [`Outcome::Rebuilt`].
fn open_cached(path: &Path) -> Result<Opened, String> {
    let file = match fs::File::open(path) {
        Ok(f) => f,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Err("no cache yet".into()),
        Err(e) => return Err(format!("cannot open the cache: {e}")),
    };
    let file_len = file.metadata().map_err(|e| e.to_string())?.len();
    let mut r = BufReader::with_capacity(1 << 20, file);
    let (key, header_len) = read_key(&mut r, file_len)?;
    Ok(((r, file_len - header_len), key))
}

/// A cache file mapped into memory, its payload located (its key is read
/// with [`read_key`] on the mapped bytes).
struct Mapped {
    map: Arc<memmap2::Mmap>,
    meta: fs::Metadata,
    /// Where the payload is, and the hash the header gives it.
    payload: std::ops::Range<usize>,
    payload_hash: u64,
}

/// Maps a cache file and reads where its payload is.
fn map_cached(path: &Path) -> Result<Mapped, String> {
    let file = match fs::File::open(path) {
        Ok(f) => f,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Err("no cache yet".into()),
        Err(e) => return Err(format!("cannot open the cache: {e}")),
    };
    let meta = file.metadata().map_err(|e| e.to_string())?;
    // SAFETY: the mapping is read-only, and this program never writes a
    // cache file in place: it writes a new file and renames it over the
    // old, which leaves a mapped file as it was. Everything read from the
    // mapping is checked as a file's bytes would be.
    let map =
        unsafe { memmap2::Mmap::map(&file) }.map_err(|e| format!("cannot map the cache: {e}"))?;
    let truncated = |_| "the cache file is truncated".to_string();
    let mut rest: &[u8] = &map;
    let mut magic = [0; 16];
    rest.read_exact(&mut magic).map_err(truncated)?;
    if &magic != MAGIC {
        return Err("the cache file is of another format".into());
    }
    let key_len = read_u64(&mut rest).map_err(truncated)?;
    let payload_header = usize::try_from(key_len)
        .ok()
        .and_then(|k| k.checked_add(32))
        .filter(|&at| at <= map.len())
        .ok_or("the cache file is truncated")?;
    let mut rest = &map[payload_header..];
    let payload_len = read_u64(&mut rest).map_err(truncated)?;
    let payload_hash = read_u64(&mut rest).map_err(truncated)?;
    let start = payload_header as u64 + 16;
    if meta.len() != start.saturating_add(payload_len) || map.len() as u64 != meta.len() {
        return Err("the cache file is truncated or too long".into());
    }
    Ok(Mapped {
        map: Arc::new(map),
        payload: start as usize..meta.len() as usize,
        payload_hash,
        meta,
    })
}

/// Opens a mapped index: checked whole unless sealed (see
/// [`Cache::lookup_index`]). The error is the reason, for
/// [`Outcome::Rebuilt`].
fn open_index(m: &Mapped, sealed: bool) -> Result<SearchIndex, String> {
    if !sealed {
        let mut h = Hash64::new();
        h.update(m.map.get(m.payload.clone()).unwrap_or(&[]));
        if h.finish() != m.payload_hash {
            return Err("the cache file is damaged".into());
        }
    }
    let check = if sealed { Check::Bounds } else { Check::Whole };
    let backing: dossier_core::search::Backing = m.map.clone();
    SearchIndex::open(backing, m.payload.clone(), check)
        .map_err(|e| format!("the cache file is damaged: {e}"))
}

/// Reads a cache file's magic and key, the key checked against its own
/// hash (it is `None` when damaged). Returns it and the bytes read.
fn read_key(r: &mut impl Read, file_len: u64) -> Result<(Option<Key>, u64), String> {
    let truncated = |_| "the cache file is truncated".to_string();
    let mut magic = [0; 16];
    r.read_exact(&mut magic).map_err(truncated)?;
    if &magic != MAGIC {
        return Err("the cache file is of another format".into());
    }
    let key_len = read_u64(r).map_err(truncated)?;
    let key_hash = read_u64(r).map_err(truncated)?;
    if key_len > file_len.saturating_sub(32) {
        return Err("the cache file is truncated".into());
    }
    let mut bytes = Vec::new();
    r.take(key_len)
        .read_to_end(&mut bytes)
        .map_err(|e| format!("cannot read the cache: {e}"))?;
    if bytes.len() as u64 != key_len {
        return Err("the cache file is truncated".into());
    }
    let mut h = Hash64::new();
    h.update(&bytes);
    let key = (h.finish() == key_hash)
        .then(|| Key::from_bytes(&bytes, 0))
        .flatten();
    Ok((key, 32 + key_len))
}

/// Decodes the payload as it is read, hashing it on the way; the result is
/// returned only if the length and hash match.
fn read_payload<T>(
    mut r: BufReader<fs::File>,
    rest: u64,
    decode: impl FnOnce(&mut dyn Read) -> io::Result<T>,
) -> Result<T, String> {
    let truncated = |_| "the cache file is truncated".to_string();
    let payload_len = read_u64(&mut r).map_err(truncated)?;
    let payload_hash = read_u64(&mut r).map_err(truncated)?;
    if rest != 16u64.saturating_add(payload_len) {
        return Err("the cache file is truncated or too long".into());
    }
    let mut hashing = HashingReader {
        inner: r.take(payload_len),
        hash: Hash64::new(),
        read: 0,
    };
    let decoded = decode(&mut hashing);
    // Hash whatever the decoder left unread, so the check covers it all.
    io::copy(&mut hashing, &mut io::sink()).map_err(|e| format!("cannot read the cache: {e}"))?;
    if hashing.read != payload_len || hashing.hash.finish() != payload_hash {
        return Err("the cache file is damaged".into());
    }
    decoded.map_err(|e| format!("the cache file is damaged: {e}"))
}

/// Writes a cache file next to its final place and renames it there, so a
/// reader never sees half a file.
fn write_cached(
    dir: &Path,
    path: &Path,
    key: &[u8],
    payload: impl FnOnce(&mut dyn Write) -> io::Result<()>,
) -> io::Result<()> {
    fs::create_dir_all(dir)?;
    let mut tmp = tempfile::NamedTempFile::new_in(dir)?;
    {
        let mut body = HashingWriter {
            inner: Vec::new(),
            hash: Hash64::new(),
        };
        payload(&mut body)?;
        let mut w = BufWriter::with_capacity(1 << 20, tmp.as_file_mut());
        let mut key_hash = Hash64::new();
        key_hash.update(key);
        w.write_all(MAGIC)?;
        w.write_all(&(key.len() as u64).to_le_bytes())?;
        w.write_all(&key_hash.finish().to_le_bytes())?;
        w.write_all(key)?;
        w.write_all(&(body.inner.len() as u64).to_le_bytes())?;
        w.write_all(&body.hash.finish().to_le_bytes())?;
        w.write_all(&body.inner)?;
        w.flush()?;
    }
    tmp.persist(path).map_err(|e| e.error)?;
    Ok(())
}

fn read_u64(r: &mut impl Read) -> io::Result<u64> {
    let mut b = [0; 8];
    r.read_exact(&mut b)?;
    Ok(u64::from_le_bytes(b))
}

#[cfg(test)]
mod tests;
