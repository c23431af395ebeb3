//! `dossier notes add`: one annotation from the command line. The id is
//! printed only once the note is on disk; a note that cannot be stored is
//! kept as a draft and the command fails.

use std::process::ExitCode;

use dossier_core::annotation::{Annotation, Quote};
use dossier_core::note_form::{CheckedChanges, FormError, NoteChanges, new_note};
use dossier_core::text::sanitize_line;

use crate::app::{Paths, usage};
use crate::store::drafts::{Draft, Journal};
use crate::store::notes::{StoreError, entropy, fresh_id, now as timestamp};

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
    let store = app.notes()?;
    let now = timestamp();
    let blank = new_note(&corpus, idx, quote, app.author(), now, entropy());
    let mut note = checked.apply(&blank, now);
    // Ids carry random bits; a clash is all but impossible, but costs
    // nothing to survive.
    let mut attempts = 0;
    loop {
        match store.add(&note) {
            Ok(()) => break,
            Err(StoreError::Exists(_)) if attempts < 3 => {
                attempts += 1;
                note.id = fresh_id(now);
            }
            Err(e) if e.is_io() => {
                let kept = keep_as_draft(store.dir(), &note);
                anyhow::bail!("{e}\n{kept}");
            }
            Err(e) => return Err(e.into()),
        }
    }
    crate::cli::output::print_text(&format!("{}\n", note.id))?;
    crate::app::leave_to_exit(app);
    Ok(ExitCode::SUCCESS)
}

/// Saves the note in the drafts journal; says where, or that it could not.
fn keep_as_draft(store: &std::path::Path, note: &Annotation) -> String {
    let journal = Journal::for_store(store);
    let mut entry = journal.entry(&note.id);
    let draft = Draft {
        written: timestamp(),
        store: store.to_path_buf(),
        editing: false,
        due_text: note.due.map(|d| d.to_string()).unwrap_or_default(),
        note: note.clone(),
    };
    match entry.write(&draft) {
        Ok(path) => {
            entry.keep();
            format!(
                "the note is kept as a draft in {}; the interface offers it again when it starts",
                path.display()
            )
        }
        Err(e) => format!("the note could not be kept as a draft either: {e}"),
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
