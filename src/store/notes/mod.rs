//! The annotation store: a folder with one human-readable TOML file per
//! annotation, `<id>.toml` (see docs/notes-store.md).
//!
//! One file per note lets two instances work on one store without a lock:
//! each change writes only its own file, durably (see [`durable`]). Deleted
//! notes are moved to `deleted/`, never destroyed. A file that cannot be
//! read makes the whole store read-only until it is fixed: no command
//! writes to a store it cannot fully read, so nothing is overwritten.

pub mod durable;
mod file;
mod undo;

use std::fmt::Write as _;
use std::io;
use std::path::{Path, PathBuf};

use dossier_core::LoadError;
use dossier_core::annotation::Annotation;

pub use file::{decode, encode};
pub use undo::{Change, UndoError};

use super::config::Config;

/// Where deleted notes go.
pub const DELETED: &str = "deleted";
/// Note files larger than this are refused, not read.
pub(crate) const MAX_NOTE_SIZE: u64 = 8 * 1024 * 1024;
/// Temporary files (and empty draft locks) this old were left by a writer
/// that died: a live one renames its file within seconds.
pub(crate) const STALE_TEMPORARY: std::time::Duration = std::time::Duration::from_secs(3600);

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// Some files cannot be read; the store is read-only.
    #[error("{}", corrupt_message(.0))]
    Corrupt(Vec<LoadError>),
    #[error("{}: {what}: {}", .path.display(), io_message(.source))]
    Io {
        path: PathBuf,
        what: &'static str,
        source: io::Error,
    },
    #[error("{}: the notes store must be a folder, and this is a file", .0.display())]
    NotAFolder(PathBuf),
    #[error("there is no annotation `{0}`")]
    NotFound(String),
    #[error("an annotation `{0}` exists already")]
    Exists(String),
    #[error("`{0}` cannot be an annotation id: use letters, digits, `-`, `_` and `.`")]
    BadId(String),
    #[error("annotation `{id}` cannot be written as TOML: {message}")]
    Encode { id: String, message: String },
    #[error("annotation `{id}` cannot be stored: {message}")]
    Unstorable { id: String, message: String },
    #[error("no data folder is known for this user; give the store with --notes PATH")]
    NoDataDir,
}

impl StoreError {
    fn io(path: &Path, what: &'static str, source: io::Error) -> StoreError {
        StoreError::Io {
            path: path.to_path_buf(),
            what,
            source,
        }
    }

    /// True when the note could not be written for reasons of the disk or
    /// the folder (full, read-only, no permission): keep it as a draft.
    pub fn is_io(&self) -> bool {
        matches!(self, StoreError::Io { .. })
    }
}

fn corrupt_message(errors: &[LoadError]) -> String {
    let mut out = String::new();
    for e in errors {
        let _ = writeln!(out, "{e}");
    }
    out.push_str("the notes store cannot be read completely: notes are read-only until these files are fixed");
    out
}

fn io_message(e: &io::Error) -> String {
    match e.kind() {
        io::ErrorKind::PermissionDenied => format!("no permission to write here ({e})"),
        io::ErrorKind::ReadOnlyFilesystem => format!("the file system is read-only ({e})"),
        io::ErrorKind::StorageFull | io::ErrorKind::QuotaExceeded => {
            format!("the disk is full ({e})")
        }
        _ => e.to_string(),
    }
}

/// Whether `id` can name a note file: letters, digits, `-`, `_`, `.`, not
/// starting with a dot, at most 128 characters.
pub fn is_valid_id(id: &str) -> bool {
    !id.is_empty()
        && id.len() <= 128
        && !id.starts_with('.')
        && id
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.'))
}

/// The time to record in an annotation: now, to the millisecond, which
/// orders edits well enough and keeps the files readable.
pub fn now() -> jiff::Timestamp {
    let t = jiff::Timestamp::now();
    t.round(jiff::Unit::Millisecond).unwrap_or(t)
}

/// Random bits for a new id, from the process's hash seed, its id and the
/// clock.
pub fn entropy() -> u64 {
    use std::hash::{BuildHasher, Hasher};
    let mut h = std::collections::hash_map::RandomState::new().build_hasher();
    h.write_u32(std::process::id());
    h.write_i128(jiff::Timestamp::now().as_nanosecond());
    h.finish()
}

/// The store's folder: `--notes PATH`, else `notes` in the configuration
/// (relative to the configuration file's folder), else the user's data
/// folder.
pub fn location(explicit: Option<&Path>, config: &Config) -> Result<PathBuf, StoreError> {
    if let Some(p) = explicit {
        return Ok(p.to_path_buf());
    }
    let configured = config.notes.trim();
    if !configured.is_empty() {
        let path = match (configured.strip_prefix("~/"), std::env::var_os("HOME")) {
            (Some(rest), Some(home)) => PathBuf::from(home).join(rest),
            _ => PathBuf::from(configured),
        };
        let base = config
            .file
            .as_deref()
            .and_then(Path::parent)
            .filter(|p| !p.as_os_str().is_empty());
        return Ok(match base {
            Some(b) if path.is_relative() => b.join(path),
            _ => path,
        });
    }
    super::paths::user_data_dir()
        .map(|d| d.join("notes"))
        .ok_or(StoreError::NoDataDir)
}

/// Everything in the store, as read now.
#[derive(Debug, Default, Clone)]
pub struct Snapshot {
    /// In order of creation.
    pub notes: Vec<Annotation>,
    /// Files that could not be read; non-empty means read-only.
    pub errors: Vec<LoadError>,
}

impl Snapshot {
    pub fn is_writable(&self) -> bool {
        self.errors.is_empty()
    }

    pub fn get(&self, id: &str) -> Option<&Annotation> {
        self.notes.iter().find(|a| a.id == id)
    }
}

#[derive(Debug, Clone)]
pub struct NotesStore {
    dir: PathBuf,
}

impl NotesStore {
    /// The store in `dir`; the folder is made on the first write.
    pub fn open(dir: impl Into<PathBuf>) -> Result<NotesStore, StoreError> {
        let dir = dir.into();
        if dir.exists() && !dir.is_dir() {
            return Err(StoreError::NotAFolder(dir));
        }
        Ok(NotesStore { dir })
    }

    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// The file that holds (or would hold) note `id`.
    pub fn file_of(&self, id: &str) -> PathBuf {
        self.dir.join(format!("{id}.toml"))
    }

    /// Reads every note. A missing folder is an empty store; files that
    /// cannot be read are reported in [`Snapshot::errors`].
    pub fn load(&self) -> Result<Snapshot, StoreError> {
        let mut snap = Snapshot::default();
        let entries = match std::fs::read_dir(&self.dir) {
            Ok(e) => e,
            Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(snap),
            Err(e) => return Err(StoreError::io(&self.dir, "cannot read the notes folder", e)),
        };
        let mut paths = Vec::new();
        let mut litter = false;
        for entry in entries {
            let entry =
                entry.map_err(|e| StoreError::io(&self.dir, "cannot read the notes folder", e))?;
            let name = entry.file_name().to_string_lossy().into_owned();
            litter |= name.starts_with(durable::TEMP_PREFIX);
            if name.starts_with('.') || !name.ends_with(".toml") {
                continue;
            }
            paths.push(entry.path());
        }
        // What writers killed or stopped by a full disk left behind goes
        // once it is old enough that no live writer can be using it.
        if litter {
            durable::sweep_temporaries(&self.dir, STALE_TEMPORARY);
        }
        crate::store::drafts::sweep(&self.dir.join("drafts"), STALE_TEMPORARY);
        paths.sort();
        for path in paths {
            match read_note(&path) {
                Ok(a) => snap.notes.push(a),
                Err(e) => snap.errors.push(e),
            }
        }
        snap.notes
            .sort_by(|a, b| (a.created, &a.id).cmp(&(b.created, &b.id)));
        Ok(snap)
    }

    /// Reads every note and insists that all of them could be read.
    pub fn load_writable(&self) -> Result<Snapshot, StoreError> {
        let snap = self.load()?;
        if snap.is_writable() {
            Ok(snap)
        } else {
            Err(StoreError::Corrupt(snap.errors))
        }
    }

    /// Stores a new note; fails if its id is taken. Durable when it returns.
    pub fn add(&self, a: &Annotation) -> Result<(), StoreError> {
        self.load_writable()?;
        self.write(a, durable::Mode::New)
    }

    /// Stores a note, replacing the one with its id if any. Durable when it
    /// returns.
    pub fn save(&self, a: &Annotation) -> Result<(), StoreError> {
        self.load_writable()?;
        self.write(a, durable::Mode::Replace)
    }

    /// Stores several notes, replacing those with the same ids: each is
    /// durable on its own, so an interruption keeps the ones written.
    pub fn save_all(&self, notes: &[Annotation]) -> Result<(), StoreError> {
        self.load_writable()?;
        for a in notes {
            self.write(a, durable::Mode::Replace)?;
        }
        Ok(())
    }

    /// Moves note `id` to `deleted/` and returns it, so it can be restored
    /// with [`NotesStore::save`].
    pub fn remove(&self, id: &str) -> Result<Annotation, StoreError> {
        if !is_valid_id(id) {
            return Err(StoreError::BadId(id.to_string()));
        }
        let snap = self.load_writable()?;
        let Some(a) = snap.get(id).cloned() else {
            return Err(StoreError::NotFound(id.to_string()));
        };
        let deleted = self.dir.join(DELETED);
        durable::create_dir(&deleted)
            .map_err(|e| StoreError::io(&deleted, "cannot make the folder for deleted notes", e))?;
        let stamp = jiff::Timestamp::now().as_millisecond();
        let to = deleted.join(format!("{id}.{stamp}.toml"));
        let from = self.file_of(id);
        durable::rename(&from, &to)
            .map_err(|e| StoreError::io(&from, "cannot delete the note", e))?;
        Ok(a)
    }

    /// Keeps a copy of `a`, the version about to be replaced, in `deleted/`
    /// beside deleted notes, durably; returns its file. Moving that file
    /// back over `<id>.toml` restores it.
    pub fn keep_replaced(&self, a: &Annotation) -> Result<PathBuf, StoreError> {
        let text = storable(a)?;
        let deleted = self.dir.join(DELETED);
        durable::create_dir(&deleted)
            .map_err(|e| StoreError::io(&deleted, "cannot make the folder for deleted notes", e))?;
        durable::sweep_temporaries(&deleted, STALE_TEMPORARY);
        let mut stamp = jiff::Timestamp::now().as_millisecond();
        loop {
            let name = format!("{}.{stamp}.toml", a.id);
            match durable::write(&deleted, &name, text.as_bytes(), durable::Mode::New) {
                Ok(()) => return Ok(deleted.join(name)),
                Err(e) if e.kind() == io::ErrorKind::AlreadyExists => stamp += 1,
                Err(e) => {
                    return Err(StoreError::io(
                        &deleted.join(name),
                        "cannot keep the replaced note",
                        e,
                    ));
                }
            }
        }
    }

    fn write(&self, a: &Annotation, mode: durable::Mode) -> Result<(), StoreError> {
        if !is_valid_id(&a.id) {
            return Err(StoreError::BadId(a.id.clone()));
        }
        let text = storable(a)?;
        durable::create_dir(&self.dir)
            .map_err(|e| StoreError::io(&self.dir, "cannot make the notes folder", e))?;
        durable::sweep_temporaries(&self.dir, STALE_TEMPORARY);
        let name = format!("{}.toml", a.id);
        durable::write(&self.dir, &name, text.as_bytes(), mode).map_err(|e| match e.kind() {
            io::ErrorKind::AlreadyExists => StoreError::Exists(a.id.clone()),
            _ => StoreError::io(&self.dir.join(&name), "cannot store the note", e),
        })
    }
}

/// The file text of a note, if the store would read it back as it is:
/// within the size limit, and decoding to the same note. Nothing else is
/// written, so no note can make the store unreadable.
pub fn storable(a: &Annotation) -> Result<String, StoreError> {
    if !is_valid_id(&a.id) {
        return Err(StoreError::BadId(a.id.clone()));
    }
    let text = encode(a).map_err(|e| StoreError::Encode {
        id: a.id.clone(),
        message: e.to_string(),
    })?;
    let unstorable = |message: String| StoreError::Unstorable {
        id: a.id.clone(),
        message,
    };
    if text.len() as u64 > MAX_NOTE_SIZE {
        return Err(unstorable(format!(
            "its file would be {} bytes, over the limit of {MAX_NOTE_SIZE} bytes for a note",
            text.len()
        )));
    }
    match decode(&a.id, text.as_bytes()) {
        Ok(back) if &back == a => Ok(text),
        Ok(_) => Err(unstorable("it would not read back as it is".into())),
        Err(e) => Err(unstorable(format!("it would not read back: {}", e.message))),
    }
}

fn read_note(path: &Path) -> Result<Annotation, LoadError> {
    let name = path.display().to_string();
    let bytes = crate::store::regular::read_capped(path, MAX_NOTE_SIZE).map_err(|e| {
        if e.kind() == io::ErrorKind::FileTooLarge {
            LoadError::whole_file(&name, "the file is too large for a note")
        } else {
            LoadError::whole_file(&name, format!("cannot read: {e}"))
        }
    })?;
    let a = decode(&name, &bytes)?;
    let stem = path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    if a.id != stem {
        let text = String::from_utf8_lossy(&bytes);
        return Err(LoadError::at(
            &name,
            &text,
            file::key_offset(&text, "id"),
            format!(
                "the id `{}` differs from the file name: they must be the same",
                a.id
            ),
        ));
    }
    Ok(a)
}

#[cfg(test)]
pub(crate) mod tests;
