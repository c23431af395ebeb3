//! The library's search index: documents (and the built-in letter's
//! topics) found by their fields and text, kept on disk in the user's
//! cache, one index per library, brought up to date with the library's
//! files on every start by a stamp per file.
//!
//! - [`query`]: what a query asks (fzf's syntax, citations) — no index.
//! - [`units`]: what the index holds of a corpus — no index.
//! - [`engine`]: the tantivy index, its stamps and its ranking.
//! - [`passages`]: a result's best passages, for display.
//! - [`sources`]: the files a library is read from, with their stamps.

pub mod engine;
pub mod passages;
pub mod query;
pub mod sources;
pub mod units;

use std::path::{Path, PathBuf};

pub use engine::{Found, LibraryIndex, Loaded};

use super::dossiers::Origin;

/// Where the index of a library lives: under the cache folder, named by
/// the folders it is read from.
pub fn location(cache: &Path, origin: &Origin) -> PathBuf {
    use std::hash::{Hash, Hasher};
    let mut h = std::collections::hash_map::DefaultHasher::new();
    let canonical = |p: &Path| p.canonicalize().unwrap_or_else(|_| p.to_path_buf());
    match origin {
        Origin::Folder(d) => ("folder", canonical(d)).hash(&mut h),
        Origin::FolderAndLibrary(d) => ("folder+library", canonical(d)).hash(&mut h),
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
