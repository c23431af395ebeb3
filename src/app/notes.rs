//! The notes service both faces use: add, edit, mark done, delete and undo
//! a note, the drafts journal, and a clash of ids. The command line calls
//! it once per command; the interface's loop calls it for the effects its
//! update function asks for. Every change is on disk before it reports
//! success; a note that cannot be stored is kept as a draft.
//!
//! The service stamps what it stores: a new note gets its id and times, an
//! edit its `updated`, from the [`Clock`] and [`Ids`] it was given. Whoever
//! builds a note before that (the editor, `notes add`) needs neither, so
//! the interface's update function reads no clock, and tests give a fixed
//! clock and counted ids.

use std::cell::Cell;
use std::path::{Path, PathBuf};

use dossier_core::Corpus;
use dossier_core::LoadError;
use dossier_core::annotation::{Annotation, Status, new_id};
use dossier_core::note_form::CheckedChanges;
use dossier_core::note_index::NoteIndex;

use crate::store::drafts::{Draft, Entry, Journal, Pending};
use crate::store::notes::{self, Change, NotesStore, StoreError, UndoError, is_valid_id};

/// Where the service takes the time it records.
pub trait Clock {
    fn now(&self) -> jiff::Timestamp;
}

/// Where the service takes the random bits of a new id.
pub trait Ids {
    fn entropy(&mut self) -> u64;
}

/// The system clock, to the millisecond.
#[derive(Debug, Clone, Copy, Default)]
pub struct SystemClock;

impl Clock for SystemClock {
    fn now(&self) -> jiff::Timestamp {
        notes::now()
    }
}

/// Random bits from the process's hash seed, its id and the clock.
#[derive(Debug, Clone, Copy, Default)]
pub struct RandomIds;

impl Ids for RandomIds {
    fn entropy(&mut self) -> u64 {
        notes::entropy()
    }
}

/// One moment, always: for tests.
#[derive(Debug, Clone, Copy)]
pub struct FixedClock(pub jiff::Timestamp);

impl Clock for FixedClock {
    fn now(&self) -> jiff::Timestamp {
        self.0
    }
}

/// Ids 1, 2, 3…, or the same one again and again: for tests.
#[derive(Debug, Clone, Copy)]
pub struct CountedIds {
    pub next: u64,
    pub step: u64,
}

impl Ids for CountedIds {
    fn entropy(&mut self) -> u64 {
        let n = self.next;
        self.next = self.next.wrapping_add(self.step);
        n
    }
}

/// How often a new note gets a fresh id when its id is taken: ids carry
/// random bits, so a clash is all but impossible, but costs nothing to
/// survive.
const ID_ATTEMPTS: usize = 4;

/// The notes as last read, placed in the corpus.
#[derive(Debug, Clone, Default)]
pub struct Loaded {
    pub notes: Vec<Annotation>,
    pub index: NoteIndex,
    /// Files that could not be read: while any, notes are read-only.
    pub errors: Vec<LoadError>,
}

impl Loaded {
    pub fn position(&self, id: &str) -> Option<usize> {
        self.notes.iter().position(|a| a.id == id)
    }

    pub fn is_read_only(&self) -> bool {
        !self.errors.is_empty()
    }
}

/// A note being written and not yet stored, as the drafts journal keeps it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unsaved {
    pub note: Annotation,
    /// True when it edits a stored note, false for a new one.
    pub editing: bool,
    /// The due date as typed; it may not be a date yet.
    pub due_text: String,
}

impl Unsaved {
    /// A note as it would be stored, its due date written out.
    pub fn of(note: &Annotation, editing: bool) -> Unsaved {
        Unsaved {
            due_text: note.due.map(|d| d.to_string()).unwrap_or_default(),
            note: note.clone(),
            editing,
        }
    }
}

impl From<&Draft> for Unsaved {
    fn from(d: &Draft) -> Unsaved {
        Unsaved {
            note: d.note.clone(),
            editing: d.editing,
            due_text: d.due_text.clone(),
        }
    }
}

/// Why a note was not stored.
#[derive(Debug, thiserror::Error)]
pub enum SaveError {
    /// The disk or the folder failed (full, no permission…): the note is
    /// in the drafts journal, at the path given, or could not be put there
    /// either, for the reason given.
    #[error("{error}")]
    KeptAsDraft {
        error: StoreError,
        draft: Result<PathBuf, String>,
    },
    /// Refused, with nothing kept: a read-only store, no such note…
    #[error(transparent)]
    Refused(StoreError),
}

/// The notes store with its drafts journal and undo history.
pub struct NotesService {
    store: NotesStore,
    journal: Journal,
    /// Whether the store read last was read-only: its drafts then go
    /// outside it.
    read_only: Cell<bool>,
    /// The draft of the note being written, held while it is.
    entry: Option<Entry>,
    history: Vec<Change>,
    clock: Box<dyn Clock + Send>,
    ids: Box<dyn Ids + Send>,
}

impl std::fmt::Debug for NotesService {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("NotesService")
            .field("store", &self.store)
            .field("history", &self.history.len())
            .finish_non_exhaustive()
    }
}

impl NotesService {
    /// The service on `store`, on the system clock and random ids.
    pub fn new(store: NotesStore) -> NotesService {
        NotesService::with(store, SystemClock, RandomIds)
    }

    /// The service on `store`, with the clock and ids given.
    pub fn with(
        store: NotesStore,
        clock: impl Clock + Send + 'static,
        ids: impl Ids + Send + 'static,
    ) -> NotesService {
        let journal = Journal::for_store(store.dir());
        NotesService {
            store,
            journal,
            read_only: Cell::new(false),
            entry: None,
            history: Vec::new(),
            clock: Box::new(clock),
            ids: Box::new(ids),
        }
    }

    /// Keeps drafts in another journal (tests keep them in their folder).
    pub fn use_journal(&mut self, journal: Journal) {
        self.journal = journal;
    }

    pub fn dir(&self) -> &Path {
        self.store.dir()
    }

    /// The time the service records.
    pub fn now(&self) -> jiff::Timestamp {
        self.clock.now()
    }

    /// Reads the store, placing the notes in `corpus`; an unreadable folder
    /// is reported as an error.
    pub fn load(&self, corpus: &Corpus) -> Loaded {
        let loaded = match self.store.load() {
            Ok(snap) => Loaded {
                index: NoteIndex::build(corpus, &snap.notes),
                notes: snap.notes,
                errors: snap.errors,
            },
            Err(e) => Loaded {
                errors: vec![LoadError::whole_file(
                    self.store.dir().display().to_string(),
                    e.to_string(),
                )],
                ..Loaded::default()
            },
        };
        self.read_only.set(loaded.is_read_only());
        loaded
    }

    /// Stores `note` as a new note, with a new id and its creation time
    /// now; an id that is taken is replaced by a fresh one. Returns the note
    /// as stored.
    pub fn add(&mut self, note: &Annotation) -> Result<Annotation, SaveError> {
        let now = self.clock.now();
        let mut stored = note.clone();
        stored.created = now;
        stored.updated = now;
        let mut attempt = 0;
        loop {
            stored.id = new_id(now, self.ids.entropy());
            attempt += 1;
            match self.store.add(&stored) {
                Ok(()) => break,
                Err(StoreError::Exists(_)) if attempt < ID_ATTEMPTS => {}
                Err(e) => return Err(self.not_stored(e, Unsaved::of(note, false))),
            }
        }
        self.history.push(Change::Added(stored.clone()));
        self.discard_draft();
        Ok(stored)
    }

    /// Stores `after` in place of `before`, updated now; a note that did not
    /// change is left as it is. Returns the note as stored.
    pub fn edit(
        &mut self,
        before: &Annotation,
        after: &Annotation,
    ) -> Result<Annotation, SaveError> {
        let unchanged = Annotation {
            updated: before.updated,
            ..after.clone()
        };
        if unchanged == *before {
            self.discard_draft();
            return Ok(before.clone());
        }
        let stored = Annotation {
            updated: self.clock.now(),
            ..after.clone()
        };
        match self.store.save(&stored) {
            Ok(()) => {
                self.history.push(Change::Edited {
                    before: before.clone(),
                    after: stored.clone(),
                });
                self.discard_draft();
                Ok(stored)
            }
            Err(e) => Err(self.not_stored(e, Unsaved::of(after, true))),
        }
    }

    /// Makes `changes` to the stored note `id`.
    pub fn change(&mut self, id: &str, changes: &CheckedChanges) -> Result<Annotation, SaveError> {
        let id = id.trim();
        if !is_valid_id(id) {
            return Err(SaveError::Refused(StoreError::BadId(id.to_string())));
        }
        let snap = self.store.load_writable().map_err(SaveError::Refused)?;
        let Some(before) = snap.get(id).cloned() else {
            return Err(SaveError::Refused(StoreError::NotFound(id.to_string())));
        };
        let after = changes.apply(&before, before.updated);
        self.edit(&before, &after)
    }

    /// Marks note `id` done.
    pub fn done(&mut self, id: &str) -> Result<Annotation, SaveError> {
        let changes = CheckedChanges {
            status: Some(Status::Done),
            ..CheckedChanges::default()
        };
        self.change(id, &changes)
    }

    /// Deletes note `id` (into the store's `deleted/`), ready to be undone.
    pub fn delete(&mut self, id: &str) -> Result<Annotation, StoreError> {
        let gone = self.store.remove(id.trim())?;
        self.history.push(Change::Deleted(gone.clone()));
        Ok(gone)
    }

    /// Takes the last change back. `Ok(None)`: nothing to undo.
    pub fn undo(&mut self) -> Result<Option<Change>, UndoError> {
        let Some(change) = self.history.pop() else {
            return Ok(None);
        };
        self.store.undo(&change)?;
        Ok(Some(change))
    }

    /// Journals a note being written, so no keystroke is lost in a crash;
    /// returns the draft's file.
    pub fn write_draft(&mut self, unsaved: &Unsaved) -> Result<PathBuf, String> {
        let draft = Draft {
            written: self.clock.now(),
            store: self.store.dir().to_path_buf(),
            editing: unsaved.editing,
            due_text: unsaved.due_text.clone(),
            note: unsaved.note.clone(),
        };
        let journal = if self.read_only.get() {
            self.journal.outside_store()
        } else {
            self.journal.clone()
        };
        let entry = self
            .entry
            .get_or_insert_with(|| journal.entry(&unsaved.note.id));
        entry.write(&draft).map_err(|e| e.to_string())
    }

    /// The note being written was given up on purpose: its draft goes.
    pub fn discard_draft(&mut self) {
        if let Some(e) = self.entry.take() {
            let _ = e.discard();
        }
    }

    /// Drafts left by an earlier run on this store. (The fallback folders
    /// are shared by all stores; a draft names the store it was meant for.)
    pub fn pending_drafts(&self) -> Vec<Pending> {
        let here = canonical(self.store.dir());
        self.journal
            .pending()
            .into_iter()
            .filter(|p| {
                p.draft
                    .as_ref()
                    .map_or(true, |d| canonical(&d.store) == here)
            })
            .collect()
    }

    /// Forgets a draft that was restored or thrown away.
    pub fn forget_draft(&self, path: &Path) {
        let _ = self.journal.remove(path);
    }

    /// A note the store did not take: kept as a draft when the disk or
    /// folder failed (it stays this run's until stored or given up, and is
    /// offered at the next start if the program ends first), refused
    /// otherwise.
    fn not_stored(&mut self, error: StoreError, unsaved: Unsaved) -> SaveError {
        if error.is_io() {
            let draft = self.write_draft(&unsaved);
            SaveError::KeptAsDraft { error, draft }
        } else {
            SaveError::Refused(error)
        }
    }
}

/// A path made absolute and free of `..` where it exists, for comparing.
fn canonical(p: &Path) -> PathBuf {
    std::fs::canonicalize(p)
        .unwrap_or_else(|_| std::path::absolute(p).unwrap_or_else(|_| p.to_path_buf()))
}

#[cfg(test)]
mod tests;
