//! `dossier notes edit ID …`, `notes done ID` and `notes delete ID`: the
//! changes the interface makes to a note, from the command line. Each
//! prints the note's id once the change is durably stored. A deleted note
//! is moved to the store's `deleted` folder, as the interface does, so it
//! can be put back.

use std::process::ExitCode;

use dossier_core::annotation::Status;
use dossier_core::note_form::{CheckedChanges, NoteChanges};
use dossier_core::text::sanitize_line;

use crate::app::notes::SaveError;
use crate::app::{Paths, usage};
use crate::store::notes::{DELETED, StoreError};

pub fn edit(paths: &Paths, id: &str, changes: &NoteChanges) -> anyhow::Result<ExitCode> {
    let checked = match changes.check() {
        Ok(c) if c.is_empty() => {
            return Ok(usage(
                "nothing to change: give --body, --kind, --status, --tag, --owner or --due",
            ));
        }
        Ok(c) => c,
        Err(e) => return Ok(usage(&e.to_string())),
    };
    change(paths, id, &checked)
}

pub fn done(paths: &Paths, id: &str) -> anyhow::Result<ExitCode> {
    let checked = CheckedChanges {
        status: Some(Status::Done),
        ..CheckedChanges::default()
    };
    change(paths, id, &checked)
}

pub fn delete(paths: &Paths, id: &str) -> anyhow::Result<ExitCode> {
    let app = crate::cli::open(paths)?;
    let mut notes = app.notes_service()?;
    let gone = notes.delete(id).map_err(|e| not_found(e, id))?;
    crate::cli::output::print_text(&format!("{}\n", gone.id))?;
    eprintln!(
        "deleted; kept in {} to be put back",
        notes.dir().join(DELETED).display()
    );
    Ok(ExitCode::SUCCESS)
}

/// Makes `checked` to note `id` through the notes service, which stores
/// it if anything changed.
fn change(paths: &Paths, id: &str, checked: &CheckedChanges) -> anyhow::Result<ExitCode> {
    let app = crate::cli::open(paths)?;
    let mut notes = app.notes_service()?;
    let after = match notes.change(id, checked) {
        Ok(after) => after,
        Err(SaveError::Refused(e)) => return Err(not_found(e, id)),
        Err(e) => return Err(super::add::not_stored(e)),
    };
    crate::cli::output::print_text(&format!("{}\n", after.id))?;
    Ok(ExitCode::SUCCESS)
}

/// A note that is not there is named with the way to find the ids.
fn not_found(e: StoreError, id: &str) -> anyhow::Error {
    match e {
        StoreError::NotFound(_) | StoreError::BadId(_) => anyhow::anyhow!(
            "no note `{}`; `dossier notes list` shows the ids",
            sanitize_line(id)
        ),
        other => other.into(),
    }
}
