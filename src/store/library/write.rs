//! Writing documents into the library folder: each file whole or not at
//! all, the file it replaces read as carefully as a source, one import
//! writing at a time, and the temporary files of an interrupted import
//! removed by the next one.

use std::fs;
use std::io::{self, Write};
use std::path::Path;

/// What writing a document did.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Outcome {
    /// A new file.
    Created,
    /// The file held another version of the document: replaced.
    Replaced,
    /// The file already held exactly this: left alone.
    Unchanged,
}

/// Why a document was not written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum WriteError {
    /// The library's file under its name is not one the import replaces
    /// (a FIFO, a device, a folder) or cannot be read: left alone.
    InTheWay(String),
    /// Writing failed (a full disk, no permission): the earlier version,
    /// if any, stays.
    Failed(String),
}

impl std::fmt::Display for WriteError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            WriteError::InTheWay(m) | WriteError::Failed(m) => f.write_str(m),
        }
    }
}

/// The names of an import's temporary files: `.dossier-import*.tmp`.
const TEMP_PREFIX: &str = ".dossier-import";
const TEMP_SUFFIX: &str = ".tmp";

/// What writing would do, without writing. The file there now is read as
/// a source is: only a regular file (a FIFO, a device or a link to one is
/// refused, never opened for reading), at most `cap` bytes — one over the
/// limit no loader reads, so it is replaced.
pub fn plan(dir: &Path, file_name: &str, text: &str, cap: u64) -> Result<Outcome, String> {
    let path = dir.join(file_name);
    match fs::symlink_metadata(&path) {
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(Outcome::Created),
        _ => {}
    }
    match crate::store::regular::read_capped(&path, cap) {
        Ok(old) if old == text.as_bytes() => Ok(Outcome::Unchanged),
        Ok(_) => Ok(Outcome::Replaced),
        Err(e) if e.kind() == io::ErrorKind::FileTooLarge => Ok(Outcome::Replaced),
        // A link whose target is gone: the name is free.
        Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(Outcome::Created),
        Err(e) if e.kind() == io::ErrorKind::InvalidInput => Err(format!(
            "the library's {file_name} is {e}: left alone, nothing written (remove it first)",
            e = e.to_string().trim_start_matches("not a regular file but ")
        )),
        Err(e) => Err(format!(
            "cannot read the library's {file_name}: {e}: nothing written"
        )),
    }
}

/// Writes `dir/file_name` whole (see [`write_documents`]).
pub fn write_document(
    dir: &Path,
    file_name: &str,
    text: &str,
    cap: u64,
) -> Result<Outcome, WriteError> {
    write_documents(dir, &[(file_name, text)], cap)
        .pop()
        .unwrap_or_else(|| Err(WriteError::Failed("nothing to write".into())))
}

/// Writes many documents, each whole: every temporary file is written,
/// then all are made durable at once (one `syncfs` on Linux, else each
/// file synced), then each is renamed into place and the folder synced
/// once. 8,000 documents cost two syncs instead of 16,000. A file whose
/// write fails is left as it was and its error returned; the others still
/// go in. One import writes at a time (a lock on the folder); it first
/// removes the temporary files an interrupted import left.
pub fn write_documents(
    dir: &Path,
    docs: &[(&str, &str)],
    cap: u64,
) -> Vec<Result<Outcome, WriteError>> {
    write_documents_with(dir, docs, cap, &temporary)
}

/// How many documents are written before one sync makes them durable.
const BATCH: usize = 256;

type MakeTemporary<'a> = dyn Fn(&Path, &str) -> io::Result<tempfile::NamedTempFile> + 'a;

fn write_documents_with(
    dir: &Path,
    docs: &[(&str, &str)],
    cap: u64,
    make: &MakeTemporary<'_>,
) -> Vec<Result<Outcome, WriteError>> {
    let fail = |name: &str, e: io::Error| {
        WriteError::Failed(format!("{}: cannot write: {e}", dir.join(name).display()))
    };
    if let Err(e) = fs::create_dir_all(dir) {
        return docs
            .iter()
            .map(|(n, _)| Err(fail(n, io::Error::new(e.kind(), e.to_string()))))
            .collect();
    }
    // Held until the end of this function; released by the system if the
    // process dies. Sweeping needs it: a live import's files are never
    // taken for an interrupted one's.
    let held = lock(dir);
    if held.is_some() {
        sweep_temporaries(dir);
    }
    let mut results: Vec<Result<Outcome, WriteError>> = Vec::with_capacity(docs.len());
    // A batch at a time, so that the temporary files held open before the
    // one sync stay well under the limit of open files (often 1,024).
    for (start, batch) in (0..).step_by(BATCH).zip(docs.chunks(BATCH)) {
        let mut pending: Vec<(usize, tempfile::NamedTempFile)> = Vec::new();
        for (k, (name, text)) in batch.iter().enumerate() {
            let i = start + k;
            let outcome = match plan(dir, name, text, cap) {
                Ok(Outcome::Unchanged) => {
                    results.push(Ok(Outcome::Unchanged));
                    continue;
                }
                Ok(o) => o,
                Err(e) => {
                    results.push(Err(WriteError::InTheWay(e)));
                    continue;
                }
            };
            match make(dir, text) {
                Ok(tmp) => {
                    pending.push((i, tmp));
                    results.push(Ok(outcome));
                }
                Err(e) => results.push(Err(fail(name, e))),
            }
        }
        if pending.is_empty() {
            continue;
        }
        if !sync_all_at_once(dir) {
            for (i, tmp) in &pending {
                if let Err(e) = tmp.as_file().sync_all() {
                    results[*i] = Err(fail(docs[*i].0, e));
                }
            }
        }
        for (i, tmp) in pending {
            if results[i].is_err() {
                continue;
            }
            if let Err(e) = tmp.persist(dir.join(docs[i].0)) {
                results[i] = Err(fail(docs[i].0, e.error));
            }
        }
    }
    // The new names are the documents: a failure here leaves the files
    // written, only their names perhaps not yet on disk.
    let _ = crate::store::notes::durable::sync_dir(dir);
    results
}

/// A temporary file in `dir` holding `text`, not yet synced. Not `*.toml`:
/// a reader of the folder never sees it.
fn temporary(dir: &Path, text: &str) -> io::Result<tempfile::NamedTempFile> {
    let mut tmp = tempfile::Builder::new()
        .prefix(TEMP_PREFIX)
        .suffix(TEMP_SUFFIX)
        .tempfile_in(dir)?;
    tmp.as_file_mut().write_all(text.as_bytes())?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        tmp.as_file()
            .set_permissions(fs::Permissions::from_mode(0o644))?;
    }
    Ok(tmp)
}

/// The folder's import lock, held: imports wait for each other. The lock
/// is on the folder itself (`flock` on its descriptor), so no file is
/// added to it. `None` where a folder cannot be opened or locked (other
/// systems): imports then do not wait, and nothing is swept.
fn lock(dir: &Path) -> Option<fs::File> {
    let folder = fs::File::open(dir).ok()?;
    folder.lock().ok()?;
    Some(folder)
}

/// Removes the temporary files of interrupted imports from the library
/// folder when no import is writing there now (the lock is free); for a
/// load of the library. A folder that cannot be locked is left alone.
pub fn sweep_if_idle(dir: &Path) {
    let Ok(folder) = fs::File::open(dir) else {
        return;
    };
    if folder.try_lock().is_ok() {
        sweep_temporaries(dir);
    }
}

/// Removes `.dossier-import*.tmp` regular files directly in `dir`: only
/// the import's own names, never a link, a folder or anything else. The
/// caller holds the lock, so no live import owns one of them.
fn sweep_temporaries(dir: &Path) {
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let name = entry.file_name();
        let name = name.to_string_lossy();
        let ours = name.starts_with(TEMP_PREFIX)
            && name.ends_with(TEMP_SUFFIX)
            && name.len() > TEMP_PREFIX.len() + TEMP_SUFFIX.len();
        // `file_type` does not follow links: a link is never removed.
        if ours && entry.file_type().is_ok_and(|t| t.is_file()) {
            let _ = fs::remove_file(entry.path());
        }
    }
}

/// Makes everything written to the folder's file system durable in one
/// call, where the system has one (`syncfs` on Linux).
fn sync_all_at_once(dir: &Path) -> bool {
    #[cfg(target_os = "linux")]
    {
        if let Ok(d) = fs::File::open(dir) {
            return rustix::fs::syncfs(&d).is_ok();
        }
    }
    let _ = dir;
    false
}

#[cfg(test)]
mod tests {
    use super::*;
    #[cfg(unix)]
    use std::os::unix::fs::FileTypeExt;

    const CAP: u64 = 1 << 20;

    fn names(dir: &Path) -> Vec<String> {
        let mut v: Vec<String> = fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        v.sort();
        v
    }

    #[test]
    fn writing_twice_changes_nothing_and_a_new_version_replaces() {
        let dir = tempfile::tempdir().unwrap();
        let lib = dir.path().join("lib");
        assert_eq!(
            write_document(&lib, "a.toml", "x = 1\n", CAP),
            Ok(Outcome::Created)
        );
        let before = fs::metadata(lib.join("a.toml"))
            .unwrap()
            .modified()
            .unwrap();
        assert_eq!(
            write_document(&lib, "a.toml", "x = 1\n", CAP),
            Ok(Outcome::Unchanged)
        );
        let after = fs::metadata(lib.join("a.toml"))
            .unwrap()
            .modified()
            .unwrap();
        assert_eq!(before, after);
        assert_eq!(
            write_document(&lib, "a.toml", "x = 2\n", CAP),
            Ok(Outcome::Replaced)
        );
        assert_eq!(fs::read_to_string(lib.join("a.toml")).unwrap(), "x = 2\n");
        assert_eq!(names(&lib), ["a.toml"], "no temporary file is left");
    }

    #[test]
    fn an_old_file_over_the_limit_is_replaced_without_being_read_whole() {
        let dir = tempfile::tempdir().unwrap();
        fs::write(dir.path().join("a.toml"), vec![b'x'; 100]).unwrap();
        assert_eq!(
            plan(dir.path(), "a.toml", "x = 1\n", 10),
            Ok(Outcome::Replaced)
        );
    }

    #[cfg(unix)]
    #[test]
    fn a_fifo_or_a_link_to_a_device_under_the_name_is_refused_and_left() {
        let dir = tempfile::tempdir().unwrap();
        let fifo = dir.path().join("a.toml");
        rustix::fs::mkfifoat(
            rustix::fs::CWD,
            &fifo,
            rustix::fs::Mode::RUSR | rustix::fs::Mode::WUSR,
        )
        .unwrap();
        let e = write_document(dir.path(), "a.toml", "x = 1\n", CAP).unwrap_err();
        assert!(
            matches!(&e, WriteError::InTheWay(m) if m.contains("FIFO")),
            "{e}"
        );
        std::os::unix::fs::symlink("/dev/zero", dir.path().join("b.toml")).unwrap();
        let e = plan(dir.path(), "b.toml", "x = 1\n", CAP).unwrap_err();
        assert!(e.contains("a device"), "{e}");
        assert!(fs::symlink_metadata(&fifo).unwrap().file_type().is_fifo());
    }

    #[test]
    fn a_failed_write_leaves_that_file_and_writes_the_others() {
        let dir = tempfile::tempdir().unwrap();
        fs::write(dir.path().join("b.toml"), "old\n").unwrap();
        let calls = std::cell::Cell::new(0);
        // The disk fills after the first file.
        let full = |d: &Path, t: &str| {
            calls.set(calls.get() + 1);
            if calls.get() > 1 {
                return Err(io::Error::new(io::ErrorKind::StorageFull, "no space left"));
            }
            temporary(d, t)
        };
        let r = write_documents_with(
            dir.path(),
            &[("a.toml", "a\n"), ("b.toml", "new\n"), ("c.toml", "c\n")],
            CAP,
            &full,
        );
        assert_eq!(r[0], Ok(Outcome::Created));
        assert!(matches!(&r[1], Err(WriteError::Failed(m)) if m.contains("no space left")));
        assert!(matches!(&r[2], Err(WriteError::Failed(m)) if m.contains("c.toml")));
        assert_eq!(
            fs::read_to_string(dir.path().join("b.toml")).unwrap(),
            "old\n"
        );
        assert_eq!(names(dir.path()), ["a.toml", "b.toml"]);
    }

    #[test]
    fn only_the_imports_own_temporary_files_are_swept() {
        let dir = tempfile::tempdir().unwrap();
        let d = dir.path();
        for name in [".dossier-importAbC123.tmp", ".dossier-import9.tmp"] {
            fs::write(d.join(name), "half").unwrap();
        }
        for name in ["notes.tmp", ".dossier-import.tmp", "kst-1-2.toml", ".x.tmp"] {
            fs::write(d.join(name), "keep").unwrap();
        }
        fs::create_dir(d.join(".dossier-importdir.tmp")).unwrap();
        #[cfg(unix)]
        std::os::unix::fs::symlink("kst-1-2.toml", d.join(".dossier-importln.tmp")).unwrap();
        sweep_if_idle(d);
        let mut expected = vec![
            ".dossier-import.tmp",
            ".dossier-importdir.tmp",
            ".x.tmp",
            "kst-1-2.toml",
            "notes.tmp",
        ];
        #[cfg(unix)]
        expected.insert(2, ".dossier-importln.tmp");
        assert_eq!(names(d), expected);
    }

    #[test]
    fn a_held_lock_keeps_a_live_imports_temporary_files() {
        let dir = tempfile::tempdir().unwrap();
        let d = dir.path();
        let held = lock(d).unwrap();
        fs::write(d.join(".dossier-importLIVE.tmp"), "half").unwrap();
        sweep_if_idle(d);
        assert_eq!(names(d), [".dossier-importLIVE.tmp"]);
        drop(held);
        sweep_if_idle(d);
        assert!(names(d).is_empty());
    }
}
