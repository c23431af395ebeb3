//! `dossier notes add`: one annotation from the command line, stored by
//! the notes service the interface uses. The id is printed only once the
//! note is on disk; a note that cannot be stored is kept as a draft and the
//! command fails.

use std::process::ExitCode;

use dossier_core::annotation::Quote;
use dossier_core::note_form::{CheckedChanges, FormError, NoteChanges, new_note};
use dossier_core::text::sanitize_line;

use crate::app::notes::SaveError;
use crate::app::{Paths, usage};

const UNIX_EPOCH: jiff::Timestamp = jiff::Timestamp::UNIX_EPOCH;

/// The arguments of `notes add`, as given.
#[derive(Debug, Clone)]
pub struct AddArgs {
    pub target: String,
    pub quote: Option<String>,
    pub body: String,
    pub kind: String,
    pub status: Option<String>,
    pub tags: Vec<String>,
    pub owner: Option<String>,
    pub due: Option<String>,
}

/// What the options say, read as the interface's editor reads its fields,
/// and checked before anything is loaded.
fn check(args: &AddArgs) -> Result<CheckedChanges, String> {
    if args.quote.as_deref().is_some_and(str::is_empty) {
        return Err("--quote is empty: leave it out to annotate the whole node".into());
    }
    NoteChanges {
        body: Some(args.body.clone()),
        kind: Some(args.kind.clone()),
        status: args.status.clone(),
        tags: Some(args.tags.clone()),
        owner: args.owner.clone(),
        due: args.due.clone(),
    }
    .check()
    .map_err(|e: FormError| e.to_string())
}

pub fn run(paths: &Paths, args: AddArgs) -> anyhow::Result<ExitCode> {
    let checked = match check(&args) {
        Ok(c) => c,
        Err(message) => return Ok(usage(&message)),
    };
    let mut app = crate::cli::open(paths)?;
    let corpus = crate::cli::loaded(&mut app);
    let id = args.target.trim().trim_end_matches('/');
    let Some(idx) = corpus.get(id) else {
        anyhow::bail!(
            "no node `{}`; `dossier list` shows the ids",
            sanitize_line(&args.target)
        );
    };
    let node = corpus.node(idx);
    let quote = match &args.quote {
        None => None,
        Some(q) => match Quote::find(&corpus.body(idx)?.plain(), q) {
            Some(found) => Some(found),
            None => anyhow::bail!(
                "the quote “{}” is not in the text of `{}` (it must match exactly, as `dossier show {}` prints it)",
                sanitize_line(q),
                node.id,
                node.id
            ),
        },
    };
    let mut notes = app.notes_service()?;
    // Unstamped: the service gives it its id and times as it stores it,
    // and a fresh id should the one it drew be taken.
    let blank = new_note(&corpus, idx, quote, app.author(), UNIX_EPOCH, 0);
    let note = checked.apply(&blank, UNIX_EPOCH);
    let note = match notes.add(&note) {
        Ok(stored) => stored,
        Err(e) => return Err(not_stored(e)),
    };
    crate::cli::output::print_text(&format!("{}\n", note.id))?;
    crate::app::leave_to_exit(app);
    Ok(ExitCode::SUCCESS)
}

/// Why a note was not stored, and where it is kept if it is.
pub(super) fn not_stored(e: SaveError) -> anyhow::Error {
    match e {
        SaveError::KeptAsDraft {
            error,
            draft: Ok(path),
        } => anyhow::anyhow!(
            "{error}\nthe note is kept as a draft in {}; the interface offers it again when it starts",
            path.display()
        ),
        SaveError::KeptAsDraft {
            error,
            draft: Err(why),
        } => anyhow::anyhow!("{error}\nthe note could not be kept as a draft either: {why}"),
        SaveError::Refused(e) => e.into(),
    }
}

#[cfg(test)]
mod tests {
    use dossier_core::annotation::{Kind, Status};

    use super::*;

    fn args() -> AddArgs {
        AddArgs {
            target: "ebsp".into(),
            quote: None,
            body: "x".into(),
            kind: "note".into(),
            status: None,
            tags: vec![],
            owner: None,
            due: None,
        }
    }

    #[test]
    fn options_are_checked_before_anything_is_read() {
        let ok = check(&AddArgs {
            kind: "Actie".into(),
            status: Some("afgerond".into()),
            owner: Some(" DGM ".into()),
            due: Some("31-01-2026".into()),
            tags: vec!["Grens  Beheer".into(), "grens beheer".into(), " ".into()],
            ..args()
        })
        .unwrap();
        assert_eq!(ok.kind, Some(Kind::Action));
        assert_eq!(ok.status, Some(Status::Done));
        assert_eq!(ok.owner, Some(Some("DGM".into())));
        assert_eq!(ok.due, Some(Some(jiff::civil::date(2026, 1, 31))));
        assert_eq!(ok.tags, Some(vec!["grens beheer".to_string()]));
        for bad in [
            AddArgs {
                kind: "memo".into(),
                ..args()
            },
            AddArgs {
                due: Some("31-02-2026".into()),
                ..args()
            },
            AddArgs {
                status: Some("half".into()),
                ..args()
            },
            AddArgs {
                quote: Some(String::new()),
                ..args()
            },
        ] {
            assert!(check(&bad).is_err(), "{bad:?}");
        }
    }
}
