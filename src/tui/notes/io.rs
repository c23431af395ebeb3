//! The file side of the annotation screens: the store, the drafts journal
//! and the undo history. The interface calls these when its update asks for
//! it; every change is on disk before it reports success.

use std::path::{Path, PathBuf};

use dossier_core::Corpus;
use dossier_core::LoadError;
use dossier_core::annotation::Annotation;
use dossier_core::note_index::NoteIndex;

use super::editor::NoteEditor;
use crate::store::drafts::{Entry, Journal, Pending};
use crate::store::notes::{self, Change, NotesStore, StoreError};

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

#[derive(Debug)]
pub struct NotesIo {
    store: NotesStore,
    journal: Journal,
    /// Whether the store read last was read-only: its drafts then go
    /// outside it.
    read_only: std::cell::Cell<bool>,
    entry: Option<Entry>,
    history: Vec<Change>,
}

/// What became of a save.
#[derive(Debug)]
pub enum Saved {
    Stored,
    /// Not stored (disk full, no permission…): kept as a draft here.
    KeptAsDraft {
        error: String,
        draft: Option<PathBuf>,
    },
    /// Refused (read-only store, changed elsewhere…): the editor stays.
    Refused(String),
}

impl NotesIo {
    pub fn new(store: NotesStore) -> NotesIo {
        let journal = Journal::for_store(store.dir());
        NotesIo {
            store,
            journal,
            read_only: std::cell::Cell::new(false),
            entry: None,
            history: Vec::new(),
        }
    }

    /// Keeps drafts in another journal (tests keep them in their folder).
    #[cfg(test)]
    pub fn use_journal(&mut self, journal: Journal) {
        self.journal = journal;
    }

    /// Reads the store; an unreadable folder is reported as an error.
    pub fn load(&self, corpus: &Corpus) -> Loaded {
        let loaded = self.read(corpus);
        self.read_only.set(loaded.is_read_only());
        loaded
    }

    fn read(&self, corpus: &Corpus) -> Loaded {
        match self.store.load() {
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
        }
    }

    /// Journals the editor's state; failures are returned for the status
    /// bar, the editor keeps its text either way.
    pub fn write_draft(&mut self, editor: &NoteEditor) -> Result<PathBuf, String> {
        let draft = editor.draft(self.store.dir(), notes::now());
        let journal = if self.read_only.get() {
            self.journal.outside_store()
        } else {
            self.journal.clone()
        };
        let entry = self
            .entry
            .get_or_insert_with(|| journal.entry(&editor.base.id));
        entry.write(&draft).map_err(|e| e.to_string())
    }

    /// The editor closed without saving, on purpose: its draft goes.
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

    /// Stores the editor's note: new, or replacing `before`.
    pub fn save(
        &mut self,
        note: &Annotation,
        before: Option<&Annotation>,
        editor: &NoteEditor,
    ) -> Saved {
        let result = match before {
            None => self.store.add(note),
            Some(_) => self.store.save(note),
        };
        match result {
            Ok(()) => {
                self.history.push(match before {
                    None => Change::Added(note.clone()),
                    Some(b) => Change::Edited {
                        before: b.clone(),
                        after: note.clone(),
                    },
                });
                self.discard_draft();
                Saved::Stored
            }
            Err(e @ StoreError::Io { .. }) => {
                // The editor stays open on this draft: it remains this run's
                // (locked) until saved or thrown away, and is offered on the
                // next start if the program ends first.
                let kept = self.write_draft(editor).ok();
                Saved::KeptAsDraft {
                    error: e.to_string(),
                    draft: kept,
                }
            }
            Err(e) => Saved::Refused(e.to_string()),
        }
    }

    /// Deletes a note (into `deleted/`), ready to be undone.
    pub fn delete(&mut self, id: &str) -> Result<(), String> {
        let gone = self.store.remove(id).map_err(|e| e.to_string())?;
        self.history.push(Change::Deleted(gone));
        Ok(())
    }

    /// Takes the last change back. `Ok(None)`: nothing to undo.
    pub fn undo(&mut self) -> Result<Option<Change>, String> {
        let Some(change) = self.history.pop() else {
            return Ok(None);
        };
        match self.store.undo(&change) {
            Ok(()) => Ok(Some(change)),
            Err(e) => Err(e.to_string()),
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
