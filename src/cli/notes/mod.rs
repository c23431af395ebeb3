//! `dossier notes …`: annotations from the command line.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Args, Subcommand, ValueEnum};

use crate::cli::Global;
use crate::store::config::Config;
use crate::store::notes::{self, NotesStore};

mod add;
pub mod export;
pub mod filter;
pub mod import;
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
        /// note, question, toezegging or action
        #[arg(long, value_name = "KIND", default_value = "note")]
        kind: String,
        /// A tag; repeat for more
        #[arg(long = "tag", value_name = "TAG")]
        tags: Vec<String>,
        /// Who carries a toezegging or action out
        #[arg(long, value_name = "NAME")]
        owner: Option<String>,
        /// When it is due (YYYY-MM-DD)
        #[arg(long, value_name = "DATE")]
        due: Option<String>,
    },
    /// Export annotations for other programs
    Export {
        #[arg(long, value_enum)]
        format: ExportFormat,
        /// Write to FILE instead of standard output
        #[arg(long, value_name = "FILE")]
        output: Option<PathBuf>,
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
    /// Only annotations in this dossier
    #[arg(long, value_name = "ID")]
    pub dossier: Option<String>,
    /// Only annotations with this tag
    #[arg(long, value_name = "TAG")]
    pub tag: Option<String>,
    /// Only this kind: note, question, toezegging, action
    #[arg(long, value_name = "KIND")]
    pub kind: Option<String>,
    /// Only this status: open or done
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

pub fn run(global: &Global, cmd: NotesCommand) -> anyhow::Result<ExitCode> {
    match cmd {
        NotesCommand::List { filter, json } => list::run(global, &filter, json),
        NotesCommand::Add {
            target,
            quote,
            body,
            kind,
            tags,
            owner,
            due,
        } => add::run(
            global,
            add::AddArgs {
                target,
                quote,
                body,
                kind,
                tags,
                owner,
                due,
            },
        ),
        NotesCommand::Export {
            format,
            output,
            filter,
        } => export::run(global, format, output.as_deref(), &filter),
        NotesCommand::Import { file } => import::run(global, &file),
    }
}

/// The store named by `--notes`, the configuration or the default.
pub fn open_store(global: &Global, config: &Config) -> anyhow::Result<NotesStore> {
    Ok(NotesStore::open(notes::location(
        global.notes.as_deref(),
        config,
    )?)?)
}

/// Reports bad usage: a message and exit status 2.
pub fn usage(message: &str) -> ExitCode {
    eprintln!("dossier: {message}");
    ExitCode::from(2)
}
