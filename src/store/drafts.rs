//! The drafts journal: the note editor's text, written through as it is
//! typed, so a crash, `kill` or SIGTERM loses nothing. The next start
//! offers what is left here. A note that cannot be stored (full disk,
//! read-only folder) is kept here too.
//!
//! Each draft is a TOML file `<note id>-<pid>.toml` with a lock file next to
//! it that its editor holds while it runs; drafts whose lock is free were
//! left behind. Drafts go to `drafts/` in the store, or when that cannot be
//! written, to the user's state folder, or the temporary folder.

use std::fs::File;
use std::io;
use std::path::{Path, PathBuf};

use dossier_core::LoadError;
use dossier_core::annotation::Annotation;
use serde::{Deserialize, Serialize};

use super::notes::durable;

/// A draft holds one note and a little more.
const MAX_DRAFT_SIZE: u64 = 2 * super::notes::MAX_NOTE_SIZE;

/// What the editor holds.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Draft {
    /// When this was last written.
    pub written: jiff::Timestamp,
    /// The store the note is meant for.
    pub store: PathBuf,
    /// True when the draft edits an existing note, false for a new one.
    #[serde(default)]
    pub editing: bool,
    /// The due date as typed; it may not be a date yet.
    #[serde(default)]
    pub due_text: String,
    /// The note as it stands; its body is the text typed so far.
    pub note: Annotation,
}

/// Drafts of one store.
#[derive(Debug, Clone)]
pub struct Journal {
    /// Where drafts go, in order of preference.
    dirs: Vec<PathBuf>,
    /// The one of `dirs` inside the store, if any.
    in_store: Option<PathBuf>,
}

/// A draft left behind, or one that could not be read.
#[derive(Debug)]
pub struct Pending {
    pub path: PathBuf,
    pub draft: Result<Draft, LoadError>,
}

impl Journal {
    /// Drafts in the store's `drafts/` when the user may write the store,
    /// else (and when that fails) in the state folder, else the temporary
    /// folder: nothing is written into a store the user cannot write.
    pub fn for_store(store: &Path) -> Journal {
        let mut dirs = Vec::new();
        if let Some(state) = state_dir() {
            dirs.push(state.join("drafts"));
        }
        dirs.push(std::env::temp_dir().join(format!("dossier-drafts-{}", user_name())));
        let in_store = may_write(store).then(|| store.join("drafts"));
        Journal::new(in_store, dirs)
    }

    /// Drafts in `in_store` first, then in `elsewhere` in order.
    pub fn new(in_store: Option<PathBuf>, elsewhere: Vec<PathBuf>) -> Journal {
        let dirs = in_store.iter().cloned().chain(elsewhere).collect();
        Journal { dirs, in_store }
    }

    /// A journal in exactly these folders, for tests.
    pub fn in_dirs(dirs: Vec<PathBuf>) -> Journal {
        Journal::new(None, dirs)
    }

    /// This journal without the store's folder: for a store that is
    /// read-only (a file in it cannot be read), whose folder takes no
    /// drafts or locks either.
    pub fn outside_store(&self) -> Journal {
        Journal {
            dirs: self
                .dirs
                .iter()
                .filter(|d| Some(*d) != self.in_store.as_ref())
                .cloned()
                .collect(),
            in_store: None,
        }
    }

    /// A new entry for the editor of note `id`.
    pub fn entry(&self, id: &str) -> Entry {
        let safe: String = id
            .chars()
            .filter(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_'))
            .collect();
        // The process id and the time keep entries apart, also when a later
        // run gets the same process id.
        let stamp = jiff::Timestamp::now().as_microsecond();
        Entry {
            journal: self.clone(),
            name: format!("{safe}-{}-{stamp}", std::process::id()),
            at: None,
        }
    }

    /// Drafts left behind: those no running editor holds.
    pub fn pending(&self) -> Vec<Pending> {
        let mut out = Vec::new();
        for dir in &self.dirs {
            sweep(dir, super::notes::STALE_TEMPORARY);
            let Ok(entries) = std::fs::read_dir(dir) else {
                continue;
            };
            let mut paths: Vec<PathBuf> = entries
                .flatten()
                .map(|e| e.path())
                .filter(|p| p.extension().is_some_and(|x| x == "toml") && !is_hidden(p))
                .collect();
            paths.sort();
            for path in paths {
                if is_held(&path) {
                    continue;
                }
                out.push(Pending {
                    draft: read(&path),
                    path,
                });
            }
        }
        out
    }

    /// Forgets a draft that was restored or declined.
    pub fn remove(&self, path: &Path) -> io::Result<()> {
        remove_if_there(&lock_path(path))?;
        remove_if_there(path)
    }
}

/// One editor's draft.
#[derive(Debug)]
pub struct Entry {
    journal: Journal,
    name: String,
    /// The file written last and its held lock.
    at: Option<(PathBuf, File)>,
}

impl Entry {
    /// Writes the draft durably, in the first folder that takes it, and
    /// returns its file.
    pub fn write(&mut self, draft: &Draft) -> io::Result<PathBuf> {
        let text = toml::to_string_pretty(draft).map_err(io::Error::other)?;
        if let Some((path, _)) = &self.at
            && let Some(dir) = path.parent()
            && durable::write(
                dir,
                &format!("{}.toml", self.name),
                text.as_bytes(),
                durable::Mode::Replace,
            )
            .is_ok()
        {
            return Ok(path.clone());
        }
        let journal = self.journal.clone();
        let mut last = io::Error::other("no folder for drafts");
        for dir in &journal.dirs {
            match self.write_in(dir, &text) {
                Ok(path) => return Ok(path),
                Err(e) => last = e,
            }
        }
        Err(last)
    }

    fn write_in(&mut self, dir: &Path, text: &str) -> io::Result<PathBuf> {
        durable::create_dir(dir)?;
        let path = dir.join(format!("{}.toml", self.name));
        let lock = File::create(lock_path(&path))?;
        lock.try_lock()
            .map_err(|e| io::Error::other(e.to_string()))?;
        durable::write(
            dir,
            &format!("{}.toml", self.name),
            text.as_bytes(),
            durable::Mode::Replace,
        )?;
        // A draft written elsewhere before is superseded by this one.
        if let Some((old, _)) = self.at.take() {
            let _ = self.journal.remove(&old);
        }
        self.at = Some((path.clone(), lock));
        Ok(path)
    }

    /// The note was saved or the edit cancelled: the draft goes.
    pub fn discard(mut self) -> io::Result<()> {
        match self.at.take() {
            Some((path, _lock)) => self.journal.remove(&path),
            None => Ok(()),
        }
    }

    /// Lets go of the draft without removing it, so the next start offers
    /// it (the note could not be stored).
    pub fn keep(mut self) -> Option<PathBuf> {
        self.at.take().map(|(p, _)| p)
    }
}

fn read(path: &Path) -> Result<Draft, LoadError> {
    let name = path.display().to_string();
    let bytes = super::regular::read_capped(path, MAX_DRAFT_SIZE)
        .map_err(|e| LoadError::whole_file(&name, format!("cannot read: {e}")))?;
    let text = String::from_utf8(bytes)
        .map_err(|_| LoadError::whole_file(&name, "the draft is not UTF-8 text"))?;
    toml::from_str(&text).map_err(|e| {
        LoadError::at(
            &name,
            &text,
            e.span().map_or(0, |s| s.start),
            e.message().trim().to_string(),
        )
    })
}

/// Removes what crashed or disk-full writers left in a drafts folder:
/// temporary files and empty lock files without a draft, once older than
/// `older_than`, and a lock only when no editor holds it.
pub fn sweep(dir: &Path, older_than: std::time::Duration) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    let old = |m: &std::fs::Metadata| {
        m.modified()
            .ok()
            .and_then(|t| t.elapsed().ok())
            .is_some_and(|age| age > older_than)
    };
    let mut temporaries = false;
    for entry in entries.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        temporaries |= name.starts_with(durable::TEMP_PREFIX);
        let Some(draft) = name.strip_prefix('.').and_then(|n| n.strip_suffix(".lock")) else {
            continue;
        };
        let path = entry.path();
        let orphan = entry
            .metadata()
            .is_ok_and(|m| m.is_file() && m.len() == 0 && old(&m))
            && !dir.join(draft).exists();
        if orphan
            && let Ok(f) = File::open(&path)
            && f.try_lock().is_ok()
        {
            let _ = std::fs::remove_file(&path);
        }
    }
    if temporaries {
        durable::sweep_temporaries(dir, older_than);
    }
}

fn is_hidden(p: &Path) -> bool {
    p.file_name()
        .is_some_and(|n| n.to_string_lossy().starts_with('.'))
}

fn lock_path(draft: &Path) -> PathBuf {
    let name = draft
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    draft.with_file_name(format!(".{name}.lock"))
}

/// Whether a running editor holds this draft's lock.
fn is_held(path: &Path) -> bool {
    match File::open(lock_path(path)) {
        Ok(f) => f.try_lock_shared().is_err(),
        Err(_) => false,
    }
}

fn remove_if_there(path: &Path) -> io::Result<()> {
    match std::fs::remove_file(path) {
        Err(e) if e.kind() != io::ErrorKind::NotFound => Err(e),
        _ => Ok(()),
    }
}

/// Whether the user may write in `store`, or in the folder that will hold
/// it when it does not exist yet: its mode allows writing, and so does the
/// system for this user (the mode alone counts for root).
fn may_write(store: &Path) -> bool {
    let Some(existing) = store.ancestors().find(|p| p.exists()) else {
        return false;
    };
    let existing = if existing.as_os_str().is_empty() {
        Path::new(".")
    } else {
        existing
    };
    let Ok(meta) = std::fs::metadata(existing) else {
        return false;
    };
    if !meta.is_dir() || meta.permissions().readonly() {
        return false;
    }
    #[cfg(unix)]
    {
        rustix::fs::access(existing, rustix::fs::Access::WRITE_OK).is_ok()
    }
    #[cfg(not(unix))]
    {
        true
    }
}

fn state_dir() -> Option<PathBuf> {
    use etcetera::BaseStrategy;
    let s = etcetera::choose_base_strategy().ok()?;
    Some(
        s.state_dir()
            .unwrap_or_else(|| s.data_dir())
            .join("dossier"),
    )
}

fn user_name() -> String {
    let name = std::env::var("USER")
        .or_else(|_| std::env::var("USERNAME"))
        .unwrap_or_default();
    name.chars().filter(|c| c.is_ascii_alphanumeric()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::notes::tests::sample;

    fn draft(body: &str) -> Draft {
        Draft {
            written: jiff::Timestamp::from_second(1_765_000_000).unwrap(),
            store: PathBuf::from("/tmp/notes"),
            editing: false,
            due_text: "2026-01".into(),
            note: sample("n1", body),
        }
    }

    #[test]
    fn a_live_draft_is_not_offered_and_a_left_one_is() {
        let dir = tempfile::tempdir().unwrap();
        let j = Journal::in_dirs(vec![dir.path().join("drafts")]);
        let mut e = j.entry("n1");
        e.write(&draft("half")).unwrap();
        let path = e.write(&draft("half a sentence")).unwrap();
        assert!(j.pending().is_empty(), "the running editor holds it");
        let kept = e.keep().unwrap();
        assert_eq!(kept, path);
        let pending = j.pending();
        assert_eq!(pending.len(), 1);
        assert_eq!(
            pending[0].draft.as_ref().unwrap(),
            &draft("half a sentence")
        );
        j.remove(&pending[0].path).unwrap();
        assert!(j.pending().is_empty());
    }

    #[test]
    fn a_discarded_draft_is_gone() {
        let dir = tempfile::tempdir().unwrap();
        let j = Journal::in_dirs(vec![dir.path().to_path_buf()]);
        let mut e = j.entry("n1");
        e.write(&draft("x")).unwrap();
        e.discard().unwrap();
        assert!(j.pending().is_empty());
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 0);
    }

    #[cfg(unix)]
    #[test]
    fn an_unwritable_folder_falls_back_to_the_next() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let locked = dir.path().join("locked");
        std::fs::create_dir(&locked).unwrap();
        std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o500)).unwrap();
        let j = Journal::in_dirs(vec![locked.join("drafts"), dir.path().join("spare")]);
        let mut e = j.entry("n1");
        let path = e.write(&draft("x")).unwrap();
        // As root every folder is writable; otherwise the spare one is used.
        assert!(path.starts_with(&locked) || path.starts_with(dir.path().join("spare")));
        e.keep();
        assert_eq!(j.pending().len(), 1);
        std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o700)).unwrap();
    }

    #[cfg(unix)]
    #[test]
    fn a_store_without_write_permission_gets_no_drafts_folder() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let store = dir.path().join("notes");
        std::fs::create_dir(&store).unwrap();
        assert!(Journal::for_store(&store).in_store.is_some());
        assert!(
            Journal::for_store(&dir.path().join("nog-niet"))
                .in_store
                .is_some()
        );
        std::fs::set_permissions(&store, std::fs::Permissions::from_mode(0o555)).unwrap();
        // Also for root, to whom the system allows every write.
        let j = Journal::for_store(&store);
        std::fs::set_permissions(&store, std::fs::Permissions::from_mode(0o755)).unwrap();
        assert!(j.in_store.is_none());
        assert!(
            j.dirs.iter().all(|d| !d.starts_with(&store)),
            "{:?}",
            j.dirs
        );
    }

    #[test]
    fn outside_the_store_leaves_only_the_other_folders() {
        let j = Journal::new(Some("s/drafts".into()), vec!["state".into(), "tmp".into()]);
        assert_eq!(j.dirs.len(), 3);
        let o = j.outside_store();
        assert_eq!(o.dirs, vec![PathBuf::from("state"), PathBuf::from("tmp")]);
    }

    #[test]
    fn stale_temporaries_and_orphan_locks_are_swept_and_live_ones_kept() {
        let dir = tempfile::tempdir().unwrap();
        let d = dir.path();
        let aged = |name: &str| {
            let p = d.join(name);
            let f = File::create(&p).unwrap();
            f.set_modified(std::time::SystemTime::now() - std::time::Duration::from_secs(7200))
                .unwrap();
            p
        };
        let old_tmp = aged(".tmp-oud");
        let orphan = aged(".x-1.toml.lock");
        let with_draft = aged(".y-1.toml.lock");
        std::fs::write(d.join("y-1.toml"), "").unwrap();
        let held = aged(".z-1.toml.lock");
        let holder = File::open(&held).unwrap();
        holder.lock().unwrap();
        let fresh_tmp = d.join(".tmp-nieuw");
        std::fs::write(&fresh_tmp, "bezig").unwrap();
        let fresh_lock = d.join(".w-1.toml.lock");
        std::fs::write(&fresh_lock, "").unwrap();
        sweep(d, std::time::Duration::from_secs(3600));
        assert!(!old_tmp.exists() && !orphan.exists());
        assert!(with_draft.exists() && held.exists() && fresh_tmp.exists() && fresh_lock.exists());
        drop(holder);
    }

    #[test]
    fn a_broken_draft_is_reported_with_its_place() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("x-1.toml"), "written = 3\n").unwrap();
        let j = Journal::in_dirs(vec![dir.path().to_path_buf()]);
        let p = j.pending();
        assert!(
            p[0].draft
                .as_ref()
                .unwrap_err()
                .to_string()
                .contains("x-1.toml:1:"),
            "{:?}",
            p[0].draft
        );
    }
}
