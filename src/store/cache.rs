//! A cache of what loading a dossier folder produces: the parsed corpus, and
//! the search index built from it. Parsing thousands of TOML files costs
//! seconds; reading the cache back costs a fraction of that.
//!
//! Each cache file starts with a key: every file under the dossier folder
//! with its path, size, modification time and a hash of its content, the
//! size limit in force, and the program that wrote it. The cache is served
//! only when that key equals the key of the files as they are now, and the
//! payload's length and hash check out; anything else (a changed, added or
//! removed file, a truncated or damaged cache file, another version of the
//! program) rebuilds it from the dossier files. Only loads without errors
//! are cached, so warnings are never lost.
//!
//! The cache lives in the user's cache directory (`~/.cache/dossier` on
//! Linux), or in `$DOSSIER_CACHE_DIR`; `DOSSIER_NO_CACHE=1` turns it off.

use std::fs;
use std::io::{self, BufReader, BufWriter, Read, Write};
use std::path::{Path, PathBuf};

use dossier_core::Corpus;
use dossier_core::search::SearchIndex;

use super::dossiers;

const MAGIC: &[u8; 16] = b"dossier-cache\0\0\x01";

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
        let key = match Key::of(folder, max_file_size) {
            Ok(k) => k,
            Err(e) => {
                return (
                    dossiers::load_dir(folder, max_file_size),
                    Outcome::Uncached(format!("cannot fingerprint the folder: {e}")),
                );
            }
        };
        let path = self.file_for("corpus", &key);
        let reason = match read_cached(&path, &key.bytes, |payload| {
            let mut corpus: Corpus = serde_json::from_slice(payload)
                .map_err(|e| io::Error::new(io::ErrorKind::InvalidData, e))?;
            corpus.reindex();
            Ok(corpus)
        }) {
            Ok(corpus) => return (corpus, Outcome::Hit),
            Err(reason) => reason,
        };
        let corpus = dossiers::load_dir(folder, max_file_size);
        if !corpus.errors.is_empty() {
            return (corpus, Outcome::Uncached("the dossiers have errors".into()));
        }
        if !key.still_holds(folder, max_file_size) {
            return (
                corpus,
                Outcome::Uncached("the dossier files changed while loading".into()),
            );
        }
        let written = serde_json::to_vec(&corpus)
            .map_err(io::Error::other)
            .and_then(|payload| {
                write_cached(&self.dir, &path, &key.bytes, |w| w.write_all(&payload))
            });
        let outcome = match written {
            Ok(()) => Outcome::Rebuilt(reason),
            Err(e) => Outcome::Uncached(format!("cannot write the cache: {e}")),
        };
        (corpus, outcome)
    }

    /// The search index of a dossier folder, from the cache when it
    /// matches the files; else built from the corpus (itself from its cache
    /// when that matches). Load errors come back with it, to be reported.
    pub fn index(
        &self,
        folder: &Path,
        max_file_size: u64,
    ) -> (SearchIndex, Vec<dossier_core::LoadError>, Outcome) {
        let key = match Key::of(folder, max_file_size) {
            Ok(k) => k,
            Err(e) => {
                let corpus = dossiers::load_dir(folder, max_file_size);
                return (
                    SearchIndex::build(&corpus),
                    corpus.errors,
                    Outcome::Uncached(format!("cannot fingerprint the folder: {e}")),
                );
            }
        };
        let path = self.file_for("index", &key);
        let reason =
            match read_cached_stream(&path, &key.bytes, |mut r| SearchIndex::read_from(&mut r)) {
                Ok(index) => return (index, Vec::new(), Outcome::Hit),
                Err(reason) => reason,
            };
        let (corpus, _) = self.corpus(folder, max_file_size);
        let index = SearchIndex::build(&corpus);
        if !corpus.errors.is_empty() {
            return (
                index,
                corpus.errors,
                Outcome::Uncached("the dossiers have errors".into()),
            );
        }
        if !key.still_holds(folder, max_file_size) {
            return (
                index,
                corpus.errors,
                Outcome::Uncached("the dossier files changed while loading".into()),
            );
        }
        let outcome =
            match write_cached(&self.dir, &path, &key.bytes, |mut w| index.write_to(&mut w)) {
                Ok(()) => Outcome::Rebuilt(reason),
                Err(e) => Outcome::Uncached(format!("cannot write the cache: {e}")),
            };
        (index, corpus.errors, outcome)
    }

    /// One cache file per folder and kind, named by a hash of the folder's
    /// path.
    fn file_for(&self, kind: &str, key: &Key) -> PathBuf {
        self.dir
            .join(format!("{kind}-{:016x}.bin", key.folder_hash))
    }
}

/// The corpus of a folder through the user's cache (see the module
/// documentation); without a cache, straight from the files.
pub fn load_dir(folder: &Path, max_file_size: u64) -> Corpus {
    match Cache::user() {
        Some(c) => c.corpus(folder, max_file_size).0,
        None => dossiers::load_dir(folder, max_file_size),
    }
}

/// What a cache file must match.
struct Key {
    bytes: Vec<u8>,
    folder_hash: u64,
}

impl Key {
    fn of(folder: &Path, max_file_size: u64) -> io::Result<Key> {
        let root = folder.canonicalize()?;
        let mut files = Vec::new();
        walk(&root, &root, &mut files, 0)?;
        files.sort();
        let stamps = hash_files(&root, &files, max_file_size)?;
        let mut bytes = Vec::with_capacity(64 + files.len() * 64);
        bytes.extend_from_slice(env!("CARGO_PKG_VERSION").as_bytes());
        bytes.push(0);
        // The program itself: a rebuilt binary may load differently.
        if let Ok(exe) = std::env::current_exe().and_then(fs::metadata) {
            bytes.extend_from_slice(&exe.len().to_le_bytes());
            bytes.extend_from_slice(&mtime_nanos(&exe).to_le_bytes());
        }
        bytes.extend_from_slice(&max_file_size.to_le_bytes());
        let root_text = root.to_string_lossy();
        bytes.extend_from_slice(&(root_text.len() as u64).to_le_bytes());
        bytes.extend_from_slice(root_text.as_bytes());
        bytes.extend_from_slice(&(files.len() as u64).to_le_bytes());
        for (rel, stamp) in files.iter().zip(stamps) {
            bytes.extend_from_slice(&(rel.len() as u64).to_le_bytes());
            bytes.extend_from_slice(rel.as_bytes());
            bytes.extend_from_slice(&stamp.size.to_le_bytes());
            bytes.extend_from_slice(&stamp.mtime.to_le_bytes());
            bytes.extend_from_slice(&stamp.hash.to_le_bytes());
        }
        let mut h = Hash64::new();
        h.update(root_text.as_bytes());
        Ok(Key {
            bytes,
            folder_hash: h.finish(),
        })
    }

    /// Whether the files still are as this key describes them: checked
    /// after a load, so a file changed during it is not cached under the
    /// key of its old content.
    fn still_holds(&self, folder: &Path, max_file_size: u64) -> bool {
        Key::of(folder, max_file_size).is_ok_and(|k| k.bytes == self.bytes)
    }
}

/// Every regular file under `dir`, as paths relative to `root` (`/`
/// separated). Symbolic links to directories are not followed.
fn walk(root: &Path, dir: &Path, out: &mut Vec<String>, depth: usize) -> io::Result<()> {
    if depth > 16 {
        return Ok(());
    }
    for entry in fs::read_dir(dir)? {
        let entry = entry?;
        let kind = entry.file_type()?;
        let path = entry.path();
        if kind.is_dir() {
            walk(root, &path, out, depth + 1)?;
        } else if let Ok(rel) = path.strip_prefix(root) {
            let rel: Vec<String> = rel
                .components()
                .map(|c| c.as_os_str().to_string_lossy().into_owned())
                .collect();
            out.push(rel.join("/"));
        }
    }
    Ok(())
}

#[derive(Debug, Clone, Copy)]
struct Stamp {
    size: u64,
    mtime: i128,
    hash: u64,
}

/// Size, modification time and content hash of each file, on all cores.
/// Files over the size limit (which the loader refuses anyway) are not
/// read: their size and time stand for them.
fn hash_files(root: &Path, files: &[String], max_file_size: u64) -> io::Result<Vec<Stamp>> {
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
            .map(|part| {
                s.spawn(move || {
                    part.iter()
                        .map(|f| stamp(&root.join(f), max_file_size))
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

fn stamp(path: &Path, max_file_size: u64) -> io::Result<Stamp> {
    let meta = fs::metadata(path)?;
    let size = meta.len();
    let hash = if meta.is_file() && size <= max_file_size {
        let mut h = Hash64::new();
        h.update(&fs::read(path)?);
        h.finish()
    } else {
        0
    };
    Ok(Stamp {
        size,
        mtime: mtime_nanos(&meta),
        hash,
    })
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

/// Reads a whole cache payload into memory and decodes it.
fn read_cached<T>(
    path: &Path,
    key: &[u8],
    decode: impl FnOnce(&[u8]) -> io::Result<T>,
) -> Result<T, String> {
    read_cached_stream(path, key, |r| {
        let mut payload = Vec::new();
        r.read_to_end(&mut payload)?;
        decode(&payload)
    })
}

/// Opens a cache file, checks its key, and decodes the payload as it is
/// read, hashing it on the way; the result is returned only if the length
/// and hash match. The error is the reason, for [`Outcome::Rebuilt`].
fn read_cached_stream<T>(
    path: &Path,
    key: &[u8],
    decode: impl FnOnce(&mut dyn Read) -> io::Result<T>,
) -> Result<T, String> {
    let file = match fs::File::open(path) {
        Ok(f) => f,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Err("no cache yet".into()),
        Err(e) => return Err(format!("cannot open the cache: {e}")),
    };
    let file_len = file.metadata().map_err(|e| e.to_string())?.len();
    let mut r = BufReader::with_capacity(1 << 20, file);
    let mut magic = [0; 16];
    r.read_exact(&mut magic)
        .map_err(|_| "the cache file is truncated".to_string())?;
    if &magic != MAGIC {
        return Err("the cache file is of another format".into());
    }
    let key_len = read_u64(&mut r).map_err(|_| "the cache file is truncated".to_string())?;
    if key_len != key.len() as u64 {
        return Err("the dossier files changed".into());
    }
    let mut stored = vec![0; key.len()];
    r.read_exact(&mut stored)
        .map_err(|_| "the cache file is truncated".to_string())?;
    if stored != key {
        return Err("the dossier files changed".into());
    }
    let payload_len = read_u64(&mut r).map_err(|_| "the cache file is truncated".to_string())?;
    let payload_hash = read_u64(&mut r).map_err(|_| "the cache file is truncated".to_string())?;
    let header = 16 + 8 + key.len() as u64 + 16;
    if file_len != header.saturating_add(payload_len) {
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
        w.write_all(MAGIC)?;
        w.write_all(&(key.len() as u64).to_le_bytes())?;
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

struct HashingReader<R> {
    inner: R,
    hash: Hash64,
    read: u64,
}

impl<R: Read> Read for HashingReader<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.hash.update(&buf[..n]);
        self.read += n as u64;
        Ok(n)
    }
}

struct HashingWriter {
    inner: Vec<u8>,
    hash: Hash64,
}

impl Write for HashingWriter {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.inner.extend_from_slice(buf);
        self.hash.update(buf);
        Ok(buf.len())
    }
    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

/// A fast 64-bit hash for detecting changed or damaged bytes (not an
/// adversary): each 8-byte word is mixed in with a rotate, xor and an odd
/// multiply, which are all bijective, so changing any one word always
/// changes the result; the length and a final avalanche close it. The same
/// bytes give the same hash however they are split across `update` calls.
#[derive(Debug, Clone)]
struct Hash64 {
    state: u64,
    pending: [u8; 8],
    pending_len: usize,
    len: u64,
}

impl Hash64 {
    const K: u64 = 0x9E37_79B9_7F4A_7C15;

    fn new() -> Hash64 {
        Hash64 {
            state: 0x243F_6A88_85A3_08D3,
            pending: [0; 8],
            pending_len: 0,
            len: 0,
        }
    }

    #[inline]
    fn word(&mut self, w: u64) {
        self.state = (self.state.rotate_left(23) ^ w).wrapping_mul(Self::K);
    }

    fn update(&mut self, mut data: &[u8]) {
        self.len += data.len() as u64;
        if self.pending_len > 0 {
            let take = (8 - self.pending_len).min(data.len());
            self.pending[self.pending_len..self.pending_len + take].copy_from_slice(&data[..take]);
            self.pending_len += take;
            data = &data[take..];
            if self.pending_len < 8 {
                return;
            }
            self.word(u64::from_le_bytes(self.pending));
            self.pending_len = 0;
        }
        let mut chunks = data.chunks_exact(8);
        for c in &mut chunks {
            self.word(u64::from_le_bytes([
                c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7],
            ]));
        }
        let rest = chunks.remainder();
        self.pending[..rest.len()].copy_from_slice(rest);
        self.pending_len = rest.len();
    }

    fn finish(&self) -> u64 {
        let mut s = self.clone();
        if s.pending_len > 0 {
            let mut last = [0; 8];
            last[..s.pending_len].copy_from_slice(&s.pending[..s.pending_len]);
            s.word(u64::from_le_bytes(last) ^ 0xFF);
        }
        s.word(s.len);
        let mut z = s.state;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
}

#[cfg(test)]
mod tests;
