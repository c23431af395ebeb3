//! `dossier notes add`: one annotation from the command line. The id is
//! printed only once the note is on disk; a note that cannot be stored is
//! kept as a draft and the command fails.

use std::process::ExitCode;

use dossier_core::annotation::{Annotation, Kind, Quote, Status, Target, normalise_tag};
use dossier_core::text::sanitize_line;

use super::{open_store, usage};
use crate::cli::{Context, Global};
use crate::store::drafts::{Draft, Journal};
use crate::store::notes::{StoreError, fresh_id, now as timestamp};

/// The arguments of `notes add`, as given.
#[derive(Debug, Clone)]
pub struct AddArgs {
    pub target: String,
    pub quote: Option<String>,
    pub body: String,
    pub kind: String,
    pub tags: Vec<String>,
    pub owner: Option<String>,
    pub due: Option<String>,
}

/// What the options say, checked before anything is loaded.
struct Checked {
    kind: Kind,
    due: Option<jiff::civil::Date>,
    owner: Option<String>,
    tags: Vec<String>,
}

fn check(args: &AddArgs) -> Result<Checked, String> {
    let kind = Kind::parse(&args.kind).ok_or_else(|| {
        format!(
            "unknown kind `{}`: use note, question, toezegging or action",
            sanitize_line(&args.kind)
        )
    })?;
    let due = match args.due.as_deref().map(str::trim) {
        None => None,
        Some(d) => Some(d.parse::<jiff::civil::Date>().map_err(|_| {
            format!(
                "`{}` is not a date: write it as YYYY-MM-DD",
                sanitize_line(d)
            )
        })?),
    };
    let owner = args
        .owner
        .as_deref()
        .map(str::trim)
        .filter(|o| !o.is_empty())
        .map(str::to_string);
    if !kind.has_owner() && (owner.is_some() || due.is_some()) {
        return Err("--owner and --due are for the kinds toezegging and action".into());
    }
    if args.quote.as_deref().is_some_and(str::is_empty) {
        return Err("--quote is empty: leave it out to annotate the whole node".into());
    }
    let mut tags: Vec<String> = Vec::new();
    for t in args.tags.iter().map(|t| normalise_tag(t)) {
        if !t.is_empty() && !tags.contains(&t) {
            tags.push(t);
        }
    }
    Ok(Checked {
        kind,
        due,
        owner,
        tags,
    })
}

pub fn run(global: &Global, args: AddArgs) -> anyhow::Result<ExitCode> {
    let checked = match check(&args) {
        Ok(c) => c,
        Err(message) => return Ok(usage(&message)),
    };
    let ctx = Context::new(global)?;
    let corpus = &ctx.corpus;
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
        Some(q) => match Quote::find(&node.body.plain(), q) {
            Some(found) => Some(found),
            None => anyhow::bail!(
                "the quote “{}” is not in the text of `{}` (it must match exactly, as `dossier show {}` prints it)",
                sanitize_line(q),
                node.id,
                node.id
            ),
        },
    };
    let dossier = corpus
        .root_of(idx)
        .map_or_else(|| node.id.clone(), |r| corpus.node(r).id.clone());
    let store = open_store(global, &ctx.config)?;
    let now = timestamp();
    let mut note = Annotation {
        id: fresh_id(now),
        target: Target {
            dossier,
            node: node.id.clone(),
            quote,
        },
        kind: checked.kind,
        body: args.body,
        tags: checked.tags,
        status: Status::Open,
        owner: checked.owner,
        due: checked.due,
        author: ctx.config.author(),
        created: now,
        updated: now,
    };
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
    use super::*;

    fn args() -> AddArgs {
        AddArgs {
            target: "ebsp".into(),
            quote: None,
            body: "x".into(),
            kind: "note".into(),
            tags: vec![],
            owner: None,
            due: None,
        }
    }

    #[test]
    fn options_are_checked_before_anything_is_read() {
        let ok = check(&AddArgs {
            kind: "Action".into(),
            owner: Some(" DGM ".into()),
            due: Some("2026-01-31".into()),
            tags: vec!["Grens  Beheer".into(), "grens beheer".into(), " ".into()],
            ..args()
        })
        .unwrap();
        assert_eq!(ok.kind, Kind::Action);
        assert_eq!(ok.owner.as_deref(), Some("DGM"));
        assert_eq!(ok.due, Some(jiff::civil::date(2026, 1, 31)));
        assert_eq!(ok.tags, ["grens beheer"]);
        for bad in [
            AddArgs {
                kind: "memo".into(),
                ..args()
            },
            AddArgs {
                due: Some("31-01-2026".into()),
                kind: "action".into(),
                ..args()
            },
            AddArgs {
                owner: Some("DGM".into()),
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
