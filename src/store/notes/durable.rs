//! Writes that survive a crash, `kill -9` or power loss at any moment: the
//! new contents go to a temporary file in the same folder, are flushed to
//! disk, renamed over the old name in one step, and the folder itself is
//! flushed so the rename is on disk too. A reader sees the old file or the
//! new one, never a part of either.

use std::fs::File;
use std::io::{self, Write};
use std::path::Path;

/// Temporary files start with this; listings skip them.
pub const TEMP_PREFIX: &str = ".tmp-";

/// How to treat an existing file of the same name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// Replace it.
    Replace,
    /// Fail with `AlreadyExists` instead.
    New,
}

/// Writes `bytes` to `dir/name` durably.
pub fn write(dir: &Path, name: &str, bytes: &[u8], mode: Mode) -> io::Result<()> {
    let mut tmp = tempfile::Builder::new()
        .prefix(TEMP_PREFIX)
        .tempfile_in(dir)?;
    tmp.write_all(bytes)?;
    tmp.as_file().sync_all()?;
    let target = dir.join(name);
    match mode {
        Mode::Replace => tmp.persist(&target).map_err(|e| e.error)?,
        Mode::New => tmp.persist_noclobber(&target).map_err(|e| e.error)?,
    };
    sync_dir(dir)
}

/// Moves `from` to `to` (same file system) and flushes both folders.
pub fn rename(from: &Path, to: &Path) -> io::Result<()> {
    std::fs::rename(from, to)?;
    if let Some(d) = to.parent() {
        sync_dir(d)?;
    }
    match from.parent() {
        Some(d) if Some(d) != to.parent() => sync_dir(d),
        _ => Ok(()),
    }
}

/// Creates `dir` and its parents, flushing each new entry.
pub fn create_dir(dir: &Path) -> io::Result<()> {
    if dir.is_dir() {
        return Ok(());
    }
    if let Some(parent) = dir.parent().filter(|p| !p.as_os_str().is_empty()) {
        create_dir(parent)?;
    }
    match std::fs::create_dir(dir) {
        Ok(()) => {}
        // Another instance made it first.
        Err(e) if e.kind() == io::ErrorKind::AlreadyExists && dir.is_dir() => return Ok(()),
        Err(e) => return Err(e),
    }
    match dir.parent().filter(|p| !p.as_os_str().is_empty()) {
        Some(parent) => sync_dir(parent),
        None => Ok(()),
    }
}

/// Flushes a folder's entries (names, renames) to disk.
pub fn sync_dir(dir: &Path) -> io::Result<()> {
    #[cfg(unix)]
    {
        File::open(dir)?.sync_all()
    }
    #[cfg(not(unix))]
    {
        // Other systems do not open folders as files; their renames are
        // made durable by the file system itself.
        let _ = dir;
        Ok(())
    }
}

/// Removes temporary files left by writers that were killed, once they
/// are old enough that no live writer can still be using them.
pub fn sweep_temporaries(dir: &Path, older_than: std::time::Duration) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let stale = entry.file_name().to_string_lossy().starts_with(TEMP_PREFIX)
            && entry
                .metadata()
                .and_then(|m| m.modified())
                .ok()
                .and_then(|t| t.elapsed().ok())
                .is_some_and(|age| age > older_than);
        if stale {
            let _ = std::fs::remove_file(entry.path());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn writes_replace_or_refuse_to() {
        let dir = tempfile::tempdir().unwrap();
        write(dir.path(), "a.toml", b"one", Mode::New).unwrap();
        let e = write(dir.path(), "a.toml", b"two", Mode::New).unwrap_err();
        assert_eq!(e.kind(), io::ErrorKind::AlreadyExists);
        assert_eq!(std::fs::read(dir.path().join("a.toml")).unwrap(), b"one");
        write(dir.path(), "a.toml", b"three", Mode::Replace).unwrap();
        assert_eq!(std::fs::read(dir.path().join("a.toml")).unwrap(), b"three");
        // No temporary file is left behind.
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
    }

    #[test]
    fn folders_are_created_with_parents() {
        let dir = tempfile::tempdir().unwrap();
        let deep = dir.path().join("a/b/c");
        create_dir(&deep).unwrap();
        create_dir(&deep).unwrap();
        assert!(deep.is_dir());
    }
}
