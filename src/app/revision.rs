//! A corrected version of a document the library holds: the import reads
//! the file it replaces, so the sections that are the same keep their ids,
//! and afterwards counts what became of the notes on it.

use std::path::Path;

use dossier_core::anchor::outcome::{self, NoteOutcomes, Replaced};
use dossier_core::import::{self, ImportError, Imported};

use super::Paths;
use crate::store::config::Config;
use crate::store::notes::{self, NotesStore};

/// Imports a source as a version of the library's file of the same name
/// in `dir`, when there is one: a regular file within `cap` bytes
/// (anything else is taken as no earlier version).
pub fn import(
    dir: &Path,
    bytes: &[u8],
    extension: Option<&str>,
    cap: u64,
) -> Result<Imported, ImportError> {
    import::import_bytes_over(bytes, extension, |name| {
        let bytes = crate::store::regular::read_capped(&dir.join(name), cap).ok()?;
        String::from_utf8(bytes).ok()
    })
}

/// For each document, what became of the notes on the version it replaces
/// (`None` where it replaced nothing): re-anchored, moved with their
/// section, detached. The notes are those of the store the command line
/// and configuration name; a store that cannot be read has none to count.
pub fn note_outcomes(
    paths: &Paths,
    config: &Config,
    docs: &[&Imported],
) -> Vec<Option<NoteOutcomes>> {
    let replaced: Vec<Replaced> = docs
        .iter()
        .filter_map(|d| {
            Some(Replaced {
                id: &d.document.id,
                earlier: d.previous.as_deref()?,
                now: &d.toml,
            })
        })
        .collect();
    if replaced.is_empty() {
        return vec![None; docs.len()];
    }
    let stored = notes::location(paths.notes.as_deref(), config)
        .and_then(NotesStore::open)
        .and_then(|s| s.load())
        .map(|snap| snap.notes)
        .unwrap_or_default();
    let mut counts = outcome::outcomes(&stored, &replaced).into_iter();
    docs.iter()
        .map(|d| d.previous.as_ref().and_then(|_| counts.next()))
        .collect()
}
