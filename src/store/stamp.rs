//! Stamps that tell the caches a file or the program changed: what the
//! corpus cache's key and the library index's digest both record.

use std::fs;

/// A file's modification time in nanoseconds since 1970 (negative
/// before it; 0 where the platform gives none).
pub fn mtime_nanos(meta: &fs::Metadata) -> i128 {
    match meta
        .modified()
        .map(|t| t.duration_since(std::time::UNIX_EPOCH))
    {
        Ok(Ok(d)) => d.as_nanos() as i128,
        Ok(Err(e)) => -(e.duration().as_nanos() as i128),
        Err(_) => 0,
    }
}

/// The running program's size and modification time: a rebuilt binary
/// may read the same files differently. `None` where it cannot be read.
pub fn program() -> Option<(u64, i128)> {
    let exe = std::env::current_exe().and_then(fs::metadata).ok()?;
    Some((exe.len(), mtime_nanos(&exe)))
}
