//! A cache of what loading a dossier folder produces: the parsed corpus.
//! Parsing thousands of TOML files costs seconds; reading the cache back
//! costs a fraction of that.
//!
//! Each cache file starts with a key: the program that wrote it, the size
//! limit in force, the folder, and every file under the folder with its
//! path, size, modification time, inode, change time and a hash of its
//! content, plus the time at which those were taken. The cache is served
//! only when the same files are there with the same content hashes, and the
//! key's and the payload's lengths and hashes check out; anything else (a
//! changed, added or removed file, a truncated or damaged cache file,
//! another version of the program) rebuilds it from the dossier files. A
//! load's errors are cached with it and said again on every start it
//! serves, so a library with one broken file is not read whole each time.
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
//! The corpus is read as a stream and decoded, its payload hashed on the
//! way; the nodes' bodies can be left in the file and read when first
//! asked for (see [`Cache::corpus_served`]).
//!
//! The cache lives in the user's cache directory (`~/.cache/dossier` on
//! Linux), or in `$DOSSIER_CACHE_DIR`; `DOSSIER_NO_CACHE=1` turns it off.

use std::io::{self, Write};
use std::path::{Path, PathBuf};

use dossier_core::Corpus;

use super::dossiers;

mod corpus_codec;
mod entries;
mod file;
mod hash;
mod key;

use file::{Payload, open_cached, read_payload, write_cached};
use hash::Hash64;
use key::Key;

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
    /// Loaded from the files and not cached (the files changed while
    /// loading, or the cache could not be written).
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
    /// files, else loaded with [`dossiers::load_dir`] (and cached, with its errors).
    pub fn corpus(&self, folder: &Path, max_file_size: u64) -> (Corpus, Outcome) {
        self.corpus_served(folder, max_file_size, false)
    }

    /// [`Cache::corpus`], and `lazy`: when the corpus comes from the
    /// cache, the nodes' bodies are read back from it when first asked for
    /// rather than held (see [`corpus_codec::CacheBodies`]) — for the
    /// interface, which reads a few dossiers of thousands.
    pub fn corpus_served(
        &self,
        folder: &Path,
        max_file_size: u64,
        lazy: bool,
    ) -> (Corpus, Outcome) {
        self.corpus_of("corpus", folder, max_file_size, lazy, &|| {
            dossiers::load_dir(folder, max_file_size)
        })
    }

    /// The corpus a start without `--dossiers` reads — the built-in
    /// letter and the user's library in `library` — as
    /// [`Cache::corpus_served`] serves a folder's: keyed by the library's
    /// files (the built-in letter is part of the program, which the key
    /// names).
    pub fn built_in_and_library(
        &self,
        library: &Path,
        max_file_size: u64,
        lazy: bool,
    ) -> (Corpus, Outcome) {
        self.corpus_of("built-in-corpus", library, max_file_size, lazy, &|| {
            dossiers::load_built_in_and_library(max_file_size)
        })
    }

    /// The corpus `load` reads from the files of `folder`, served from the
    /// cache file of `kind` for that folder while they match it.
    fn corpus_of(
        &self,
        kind: &str,
        folder: &Path,
        max_file_size: u64,
        lazy: bool,
        load: &dyn Fn() -> Corpus,
    ) -> (Corpus, Outcome) {
        let found = self.lookup(kind, folder, max_file_size, !lazy, |r, payload| {
            let lazy = lazy.then_some(corpus_codec::Lazy {
                path: payload.path,
                file: payload.file,
                payload_start: payload.start,
            });
            corpus_codec::read(r, lazy)
        });
        let (reason, key) = match found {
            Lookup::Hit(corpus) => return (corpus, Outcome::Hit),
            Lookup::NoKey(e) => {
                let outcome = Outcome::Uncached(format!("cannot fingerprint the folder: {e}"));
                return (load(), outcome);
            }
            Lookup::Miss(reason, key) => (reason, key),
        };
        let corpus = load();
        let Some(key) = key.after_load(folder, max_file_size) else {
            let outcome = Outcome::Uncached("the dossier files changed while loading".into());
            return (corpus, outcome);
        };
        let outcome = self.write(kind, &key, reason, |w| corpus_codec::write(&corpus, w));
        (corpus, outcome)
    }

    /// Reads a cache file if its key matches the files now, else says why
    /// not and hands back the files' key (its hashes reused from the stored
    /// key where the metadata allow).
    fn lookup<T>(
        &self,
        kind: &str,
        folder: &Path,
        max_file_size: u64,
        whole: bool,
        decode: impl FnOnce(&mut dyn file::ReadSeek, Payload) -> io::Result<T>,
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
        match read_payload(&path, r, file_len, whole, decode) {
            Ok(v) => Lookup::Hit(v),
            Err(reason) => Lookup::Miss(reason, key),
        }
    }

    /// Writes a cache file rebuilt for `reason`, and says so, or why it
    /// could not be written.
    fn write(
        &self,
        kind: &str,
        key: &Key,
        reason: String,
        payload: impl FnOnce(&mut dyn Write) -> io::Result<()>,
    ) -> Outcome {
        let path = self.file_for(kind, key.folder_hash);
        match write_cached(&self.dir, &path, &key.to_bytes(), payload) {
            Ok(()) => {
                self.sweep_retired();
                Outcome::Rebuilt(reason)
            }
            Err(e) => Outcome::Uncached(format!("cannot write the cache: {e}")),
        }
    }

    /// Removes the files of the passage index earlier versions cached
    /// (`index-*.bin` and their `.seal`): hundreds of megabytes for a
    /// large folder, read by nothing now.
    fn sweep_retired(&self) {
        let Ok(entries) = std::fs::read_dir(&self.dir) else {
            return;
        };
        for e in entries.flatten() {
            let name = e.file_name();
            let name = name.to_string_lossy();
            let retired =
                (name.starts_with("index-") && name.ends_with(".bin")) || name.ends_with(".seal");
            if retired && e.file_type().is_ok_and(|t| t.is_file()) {
                let _ = std::fs::remove_file(e.path());
            }
        }
    }

    /// One cache file per folder and kind, named by a hash of the folder's
    /// path.
    fn file_for(&self, kind: &str, folder_hash: u64) -> PathBuf {
        self.dir.join(format!("{kind}-{folder_hash:016x}.bin"))
    }
}

enum Lookup<T> {
    /// Served.
    Hit(T),
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

#[cfg(test)]
mod tests;
