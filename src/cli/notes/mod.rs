//! `dossier notes …`: annotations from the command line.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Args, Subcommand, ValueEnum};
use dossier_core::Corpus;
use dossier_core::annotation::Annotation;
use dossier_core::note_index::{NoteFilter, NoteIndex};

use crate::app::{App, Paths, usage};
use crate::store::notes::{Snapshot, StoreError};

mod add;
mod change;
mod export;
mod import;
mod list;

#[derive(Debug, Subcommand)]
pub enum NotesCommand {
    /// List annotations (detached ones too: their passage is gone from the text)
    List {
        #[command(flatten)]
        filter: FilterArgs,
        /// Print JSON: an array of annotations, with `anchored`
        #[arg(long)]
        json: bool,
    },
    /// Add an annotation; prints its id once it is safely stored
    Add {
        /// Node id to annotate (see `dossier list`)
        #[arg(long, value_name = "ID")]
        target: String,
        /// An exact passage of the node's text to anchor to
        #[arg(long, value_name = "TEXT")]
        quote: Option<String>,
        /// The note itself
        #[arg(long, value_name = "TEXT")]
        body: String,
        /// note, question, toezegging or action (notitie, vraag, commitment, actie)
        #[arg(long, value_name = "KIND", default_value = "note")]
        kind: String,
        /// open or done (afgerond)
        #[arg(long, value_name = "STATUS")]
        status: Option<String>,
        /// A tag; repeat for more
        #[arg(long = "tag", value_name = "TAG")]
        tags: Vec<String>,
        /// Who carries it out
        #[arg(long, value_name = "WHO")]
        owner: Option<String>,
        /// When it is due: 2026-01-15, 15-01-2026 or 15 januari 2026
        #[arg(long, value_name = "DATE")]
        due: Option<String>,
    },
    /// Change a note: only the fields given change
    Edit {
        /// The note's id, as `notes list` prints it
        id: String,
        /// The note itself
        #[arg(long, value_name = "TEXT")]
        body: Option<String>,
        /// note, question, toezegging or action (notitie, vraag, commitment, actie)
        #[arg(long, value_name = "KIND")]
        kind: Option<String>,
        /// open or done (afgerond)
        #[arg(long, value_name = "STATUS")]
        status: Option<String>,
        /// A tag; repeat for more. Replaces the note's tags; --tag "" removes them
        #[arg(long = "tag", value_name = "TAG")]
        tags: Vec<String>,
        /// Who carries it out; "" removes the owner
        #[arg(long, value_name = "WHO")]
        owner: Option<String>,
        /// When it is due: 2026-01-15, 15-01-2026 or 15 januari 2026; "" removes it
        #[arg(long, value_name = "DATE")]
        due: Option<String>,
    },
    /// Mark a note done
    Done {
        /// The note's id, as `notes list` prints it
        id: String,
    },
    /// Delete a note; it is kept in the store's `deleted` folder, to be put back
    Delete {
        /// The note's id, as `notes list` prints it
        id: String,
    },
    /// Export annotations for other programs
    Export {
        #[arg(long, value_enum)]
        format: ExportFormat,
        /// Write to FILE instead of standard output
        #[arg(long, value_name = "FILE")]
        output: Option<PathBuf>,
        /// Between CSV cells: `,` or `;` (default: `;` with `language = "nl"`,
        /// as a spreadsheet set to Dutch reads it, else `,`)
        #[arg(long, value_name = "CHAR", value_parser = export::parse_delimiter)]
        delimiter: Option<u8>,
        #[command(flatten)]
        filter: FilterArgs,
    },
    /// Merge another store or a JSON / W3C export into the store, by id
    Import {
        /// A notes store, a `--format json` export or a `--format w3c` export
        file: PathBuf,
    },
}

/// The filters shared by `list` and `export`.
#[derive(Debug, Args, Clone, Default)]
pub struct FilterArgs {
    /// Only annotations in this dossier: a topic or document id (`c7`,
    /// `kst-32317-987`), or a Kamerstuk dossier number (`32317`, `21501-04`)
    #[arg(long, value_name = "ID")]
    pub dossier: Option<String>,
    /// Only toezeggingen and actions of this owner (case aside)
    #[arg(long, value_name = "WHO")]
    pub owner: Option<String>,
    /// Only annotations with this tag
    #[arg(long, value_name = "TAG")]
    pub tag: Option<String>,
    /// Only this kind: note, question, toezegging, action (or in Dutch)
    #[arg(long, value_name = "KIND")]
    pub kind: Option<String>,
    /// Only this status: open or done (afgerond)
    #[arg(long, value_name = "STATUS")]
    pub status: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ExportFormat {
    /// Markdown, for speaking notes
    Md,
    /// CSV with a header row, for a spreadsheet
    Csv,
    /// This program's own JSON, lossless
    Json,
    /// One self-contained HTML page
    Html,
    /// W3C Web Annotation (JSON-LD)
    W3c,
}

impl FilterArgs {
    /// The filter the words say; an unknown kind or status is bad usage.
    fn filter(&self) -> Result<NoteFilter, ExitCode> {
        // A number is a Kamerstuk dossier: the documents of 32317.
        let number = self
            .dossier
            .as_deref()
            .map(str::trim)
            .filter(|d| d.starts_with(|c: char| c.is_ascii_digit()));
        let mut f = NoteFilter::from_words(
            self.dossier.as_deref().filter(|_| number.is_none()),
            self.tag.as_deref(),
            self.kind.as_deref(),
            self.status.as_deref(),
        )
        .map_err(|e| usage(&e.to_string()))?;
        f.kamerstuk = number.map(|n| n.replace(' ', ""));
        f.owner = self.owner.clone();
        Ok(f)
    }
}

pub fn run(paths: &Paths, cmd: NotesCommand) -> anyhow::Result<ExitCode> {
    match cmd {
        NotesCommand::List { filter, json } => list::run(paths, &filter, json),
        NotesCommand::Add {
            target,
            quote,
            body,
            kind,
            status,
            tags,
            owner,
            due,
        } => add::run(
            paths,
            add::AddArgs {
                target,
                quote,
                body,
                kind,
                status,
                tags,
                owner,
                due,
            },
        ),
        NotesCommand::Edit {
            id,
            body,
            kind,
            status,
            tags,
            owner,
            due,
        } => {
            let changes = dossier_core::note_form::NoteChanges {
                body,
                kind,
                status,
                tags: (!tags.is_empty()).then_some(tags),
                owner,
                due,
            };
            change::edit(paths, &id, &changes)
        }
        NotesCommand::Done { id } => change::done(paths, &id),
        NotesCommand::Delete { id } => change::delete(paths, &id),
        NotesCommand::Export {
            format,
            output,
            delimiter,
            filter,
        } => export::run(paths, format, output.as_deref(), &filter, delimiter),
        NotesCommand::Import { file } => import::run(paths, &file),
    }
}

/// Every note in the store, insisting that each file could be read: a
/// store with unreadable files is named, never shown or exported in part
/// as if it were whole.
fn whole(app: &App) -> anyhow::Result<Snapshot> {
    let snap = app.notes()?.load()?;
    if !snap.is_writable() {
        return Err(StoreError::Corrupt(snap.errors).into());
    }
    Ok(snap)
}

/// The notes `filter` lets through, in order of creation.
fn selected(notes: Vec<Annotation>, corpus: &Corpus, filter: &NoteFilter) -> Vec<Annotation> {
    let index = NoteIndex::build(corpus, &notes);
    let keep = filter.apply(&notes, &index);
    let mut keep_flags = vec![false; notes.len()];
    for i in keep {
        keep_flags[i] = true;
    }
    notes
        .into_iter()
        .zip(keep_flags)
        .filter_map(|(a, k)| k.then_some(a))
        .collect()
}
