//! The files a library is read from, each with a stamp that changes when
//! the file does (size, modification and change times, inode): read from
//! the folders' entries without opening a file.

use std::path::Path;

use super::super::dossiers::{Origin, built_in_stamp};
use super::engine::BUILT_IN;

/// Key (the path as the loader names the file) and stamp of every file
/// the origin's corpus is read from, the built-in letter as one.
pub fn of(origin: &Origin) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let library = super::super::paths::user_library_dir().filter(|d| d.is_dir());
    match origin {
        Origin::Folder(dir) => folder(dir, 1, &mut out),
        Origin::FolderAndLibrary(dir) => {
            folder(dir, 1, &mut out);
            if let Some(l) = &library {
                folder(l, 0, &mut out);
            }
        }
        Origin::BuiltIn => {
            out.push((BUILT_IN.to_string(), built_in_stamp()));
            if let Some(l) = &library {
                folder(l, 0, &mut out);
            }
        }
    }
    out
}

/// The entries of a folder, and of its subfolders `depth` levels down
/// (texts a dossier file includes).
fn folder(dir: &Path, depth: u8, out: &mut Vec<(String, String)>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        out.push((dir.display().to_string(), "unreadable".into()));
        return;
    };
    let entries: Vec<std::fs::DirEntry> = entries
        .flatten()
        .filter(|e| e.file_name().as_encoded_bytes().first() != Some(&b'.'))
        .collect();
    // A stat per file is most of a start's work at 100,000 documents: on
    // every core, each relative to the folder (no walk of the whole path).
    // The workers only stat: making the strings there as well had the
    // threads wait on the allocator's lock (0.24 s against 0.16 s).
    let threads = std::thread::available_parallelism().map_or(1, usize::from);
    let chunk = entries.len().div_ceil(threads).max(1024);
    let stamped: Vec<Option<std::fs::Metadata>> = std::thread::scope(|s| {
        let handles: Vec<_> = entries
            .chunks(chunk)
            .map(|part| (part, s.spawn(move || part.iter().map(metadata).collect())))
            .collect();
        handles
            .into_iter()
            .flat_map(|(part, h)| {
                h.join()
                    .unwrap_or_else(|_| part.iter().map(metadata).collect::<Vec<_>>())
            })
            .collect()
    });
    let stamped = entries
        .iter()
        .zip(stamped)
        .filter_map(|(e, m)| Some((e.path(), m.map(|m| (!m.is_dir()).then(|| stamp(&m)))?)));
    for (path, stamp) in stamped {
        match stamp {
            Some(stamp) => out.push((path.display().to_string(), stamp)),
            None if depth > 0 => folder(&path, depth - 1, out),
            None => {}
        }
    }
}

/// The entry's metadata, a link's target's for a link (as the loader
/// reads it).
fn metadata(e: &std::fs::DirEntry) -> Option<std::fs::Metadata> {
    let m = e.metadata().ok()?;
    if m.file_type().is_symlink() {
        return std::fs::metadata(e.path()).ok();
    }
    Some(m)
}

#[cfg(unix)]
fn stamp(m: &std::fs::Metadata) -> String {
    use std::os::unix::fs::MetadataExt;
    format!(
        "{}:{}.{}:{}.{}:{}",
        m.len(),
        m.mtime(),
        m.mtime_nsec(),
        m.ctime(),
        m.ctime_nsec(),
        m.ino()
    )
}

#[cfg(not(unix))]
fn stamp(m: &std::fs::Metadata) -> String {
    let modified = crate::store::stamp::mtime_nanos(m);
    format!("{}:{modified}", m.len())
}
