//! The library's search index: documents (and the built-in letter's
//! topics) found by their fields and text, kept on disk in the user's
//! cache, one index per library, brought up to date with the library's
//! files on every start by a stamp per file.
//!
//! - [`query`]: what a query asks (fzf's syntax, citations) — no index.
//! - [`units`]: what the index holds of a corpus — no index.
//! - [`engine`]: the tantivy index, its stamps and its ranking.
//! - [`clauses`]: a query's plan as tantivy's query.
//! - [`matching`]: every unit a filter's text matches.
//! - [`passages`]: a result's best passages, for display.
//! - [`sources`]: the files a library is read from, with their stamps.

mod clauses;
mod columns;
pub mod engine;
pub mod finder;
pub mod matching;
pub mod passages;
pub mod query;
pub mod sources;
mod stamps;
pub mod units;
pub mod unmapped;

use std::path::{Path, PathBuf};
use std::sync::Arc;

use dossier_core::Corpus;

pub use engine::{Found, LibraryIndex, Loaded};

use super::dossiers::{self, Origin};

/// The index of a library, brought up to date with the files it is read
/// from: opened from the cache without reading a dossier file when their
/// stamps match; else the files that changed are read alone and their
/// documents replaced (the whole library, through `corpus`, when that is
/// not enough). Without a cache, or when the cached index cannot be
/// written, an index in memory.
pub fn open(
    origin: &Origin,
    max_file_size: u64,
    corpus: &mut dyn FnMut() -> Arc<Corpus>,
) -> Result<LibraryIndex, engine::Error> {
    open_with(origin, max_file_size, corpus, engine::Reading::Mapped)
}

/// [`open`], the index's files read as `reading` says.
pub fn open_with(
    origin: &Origin,
    max_file_size: u64,
    corpus: &mut dyn FnMut() -> Arc<Corpus>,
    reading: engine::Reading,
) -> Result<LibraryIndex, engine::Error> {
    let sources = sources::of(origin);
    let mut load = |only: Option<&[String]>| {
        if let Some(names) = only {
            let part = dossiers::load_files(names, max_file_size);
            if part.errors.is_empty() {
                return loaded(&part);
            }
        }
        loaded(&corpus())
    };
    let Some(cache) = cache_dir() else {
        return LibraryIndex::in_ram(load(None));
    };
    let dir = location(&cache, origin);
    let opened = std::fs::create_dir_all(&dir)
        .map_err(engine::Error::from)
        .and_then(|()| LibraryIndex::open_with(&dir, &sources, &mut load, reading));
    match opened {
        Ok(i) => Ok(i),
        // A cache that cannot be written or read is no reason not to
        // search.
        Err(_) => LibraryIndex::in_ram(load(None)),
    }
}

/// The units of a corpus, with its problems as warnings.
pub fn loaded(corpus: &Corpus) -> Loaded {
    let (units, unreadable) = units::of(corpus);
    let warnings = corpus
        .errors
        .iter()
        .map(ToString::to_string)
        .chain(unreadable.iter().map(ToString::to_string))
        .collect();
    Loaded { units, warnings }
}

/// Brings the index of the library in `dir` up to date after an import
/// wrote to it: the library as `--dossiers DIR` reads it, or, for the
/// user's library, as a start without `--dossiers` does.
pub fn refresh_after_import(dir: &Path, max_file_size: u64) -> Result<(), engine::Error> {
    let canonical = |p: &Path| p.canonicalize().unwrap_or_else(|_| p.to_path_buf());
    let is_user_library =
        super::paths::user_library_dir().is_some_and(|l| canonical(&l) == canonical(dir));
    let origin = if is_user_library {
        dossiers::choose(None)
    } else {
        Origin::Folder(dir.to_path_buf())
    };
    if cache_dir().is_none() {
        return Ok(());
    }
    let mut corpus = || Arc::new(dossiers::load_origin(&origin, max_file_size));
    open(&origin, max_file_size, &mut corpus).map(drop)
}

/// Where the index of a library lives: under the cache folder, named by
/// the folders it is read from.
pub fn location(cache: &Path, origin: &Origin) -> PathBuf {
    use std::hash::{Hash, Hasher};
    let mut h = std::collections::hash_map::DefaultHasher::new();
    let canonical = |p: &Path| p.canonicalize().unwrap_or_else(|_| p.to_path_buf());
    // The folder as named too: the files are keyed by the path the loader
    // names them by (`lib/x.toml`), and one index per spelling keeps each
    // from being rebuilt by the other.
    match origin {
        Origin::Folder(d) => ("folder", canonical(d), d).hash(&mut h),
        Origin::FolderAndLibrary(d) => ("folder+library", canonical(d), d).hash(&mut h),
        Origin::BuiltIn => "built-in+library".hash(&mut h),
    }
    super::paths::user_library_dir()
        .map(|d| canonical(&d))
        .hash(&mut h);
    cache.join("index").join(format!("{:016x}", h.finish()))
}

/// The folder the index goes in: `$DOSSIER_CACHE_DIR`, else the user's
/// cache folder; none when `DOSSIER_NO_CACHE` is set (the index is then
/// built in memory on each run).
pub fn cache_dir() -> Option<PathBuf> {
    if std::env::var_os("DOSSIER_NO_CACHE").is_some_and(|v| !v.is_empty() && v != "0") {
        return None;
    }
    if let Some(dir) = std::env::var_os("DOSSIER_CACHE_DIR").filter(|d| !d.is_empty()) {
        return Some(PathBuf::from(dir));
    }
    super::paths::user_cache_dir()
}

#[cfg(test)]
mod tests;
