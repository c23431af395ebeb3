//! Undo: each change made through the store can be taken back, as long as
//! nobody changed the note since (another instance on the same store).

use dossier_core::annotation::Annotation;

use super::{NotesStore, StoreError};

/// A change made to the store.
// Few of these exist at a time (the undo history): boxing would save nothing.
#[allow(clippy::large_enum_variant)]
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Change {
    Added(Annotation),
    Edited {
        before: Annotation,
        after: Annotation,
    },
    Deleted(Annotation),
}

impl Change {
    /// The note as the change left it, or as it was before a deletion.
    pub fn note(&self) -> &Annotation {
        match self {
            Change::Added(a) | Change::Deleted(a) => a,
            Change::Edited { after, .. } => after,
        }
    }
}

/// Why an undo was not done.
#[derive(Debug, thiserror::Error)]
pub enum UndoError {
    #[error("annotation `{0}` was changed since, elsewhere; it was left as it is")]
    ChangedSince(String),
    #[error(transparent)]
    Store(#[from] StoreError),
}

impl NotesStore {
    /// Takes `change` back: an added note is deleted (into `deleted/`), an
    /// edited one restored, a deleted one put back.
    pub fn undo(&self, change: &Change) -> Result<(), UndoError> {
        let snap = self.load_writable()?;
        let now = snap.get(&change.note().id);
        match change {
            Change::Added(a) => {
                if now != Some(a) {
                    return Err(UndoError::ChangedSince(a.id.clone()));
                }
                self.remove(&a.id)?;
            }
            Change::Edited { before, after } => {
                if now != Some(after) {
                    return Err(UndoError::ChangedSince(after.id.clone()));
                }
                self.save(before)?;
            }
            Change::Deleted(a) => {
                if now.is_some() {
                    return Err(UndoError::ChangedSince(a.id.clone()));
                }
                self.add(a)?;
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::notes::tests::sample;

    #[test]
    fn each_change_is_undone() {
        let dir = tempfile::tempdir().unwrap();
        let s = NotesStore::open(dir.path()).unwrap();
        let a = sample("n1", "eerst");
        s.add(&a).unwrap();
        let mut b = a.clone();
        b.body = "daarna".into();
        s.save(&b).unwrap();
        s.undo(&Change::Edited {
            before: a.clone(),
            after: b.clone(),
        })
        .unwrap();
        assert_eq!(s.load().unwrap().notes, vec![a.clone()]);
        let gone = s.remove("n1").unwrap();
        s.undo(&Change::Deleted(gone)).unwrap();
        assert_eq!(s.load().unwrap().notes, vec![a.clone()]);
        s.undo(&Change::Added(a)).unwrap();
        assert!(s.load().unwrap().notes.is_empty());
    }

    #[test]
    fn a_note_changed_elsewhere_is_left_alone() {
        let dir = tempfile::tempdir().unwrap();
        let s = NotesStore::open(dir.path()).unwrap();
        let a = sample("n1", "eerst");
        s.add(&a).unwrap();
        let mut theirs = a.clone();
        theirs.body = "door een ander".into();
        s.save(&theirs).unwrap();
        assert!(matches!(
            s.undo(&Change::Added(a.clone())),
            Err(UndoError::ChangedSince(_))
        ));
        assert!(matches!(
            s.undo(&Change::Deleted(a)),
            Err(UndoError::ChangedSince(_))
        ));
        assert_eq!(s.load().unwrap().notes, vec![theirs]);
    }
}
