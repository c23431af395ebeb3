//! The command line: a stable contract (see the README). Each subcommand
//! lives in its own file and works on the application layer ([`crate::app`])
//! and the core.

mod check;
mod documents;
mod import;
mod list;
mod notes;
mod output;
pub use output::is_broken_pipe;
mod search;
mod show;

use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::Arc;

use clap::{Args, Parser, Subcommand};
use dossier_core::Corpus;

use crate::app::{App, Paths};

/// Read, search and annotate government dossiers in the terminal.
///
/// Without a command, opens the interface on the dossiers.
#[derive(Debug, Parser)]
#[command(name = "dossier", version, about, long_about = None, after_help = AFTER_HELP)]
pub struct Cli {
    #[command(flatten)]
    pub global: Global,
    #[command(subcommand)]
    pub command: Option<Command>,
}

const AFTER_HELP: &str = "\
Files:
  dossiers  --dossiers DIR alone; else ./dossiers if it exists, else the built-in
            dossiers, either with the library ~/.local/share/dossier/library
  config    --config FILE, else ./config.toml, else ~/.config/dossier/config.toml
  notes     --notes PATH, else `notes` in config.toml, else ~/.local/share/dossier/notes

Exit status: 0 success, 1 bad data or a failed operation, 2 bad usage.";

#[derive(Debug, Args, Clone, Default)]
pub struct Global {
    /// Folder of dossier files (*.toml)
    #[arg(long, global = true, value_name = "DIR")]
    pub dossiers: Option<PathBuf>,
    /// Configuration file
    #[arg(long, global = true, value_name = "FILE")]
    pub config: Option<PathBuf>,
    /// Annotation store
    #[arg(long, global = true, value_name = "PATH")]
    pub notes: Option<PathBuf>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Tree of dossiers, sections, annexes and references, with their ids
    List {
        /// Print JSON: an array of dossiers
        #[arg(long)]
        json: bool,
    },
    /// One node as plain text
    Show {
        /// Node id, as `dossier list` prints it (e.g. ebsp/uitkomst-onderhandelingen)
        id: String,
        /// Print JSON
        #[arg(long)]
        json: bool,
    },
    /// Search every title and passage: exact words first, fzf syntax
    /// ('word ^prefix suffix$ !not a | b); --exact for one phrase
    Search {
        /// What to look for; case and accents are ignored (italie finds Italië)
        query: String,
        /// Match the phrase exactly instead of fuzzily
        #[arg(long)]
        exact: bool,
        /// At most this many hits
        #[arg(long, default_value_t = 20, value_name = "N")]
        limit: usize,
        /// Print JSON: an array of hits, best first
        #[arg(long)]
        json: bool,
    },
    /// Validate dossier files; prints FILE:LINE:COL: message for each problem
    Check {
        /// Folder to check (default: as for --dossiers)
        dir: Option<PathBuf>,
    },
    /// List, add, edit, finish, delete, export and import annotations
    #[command(subcommand)]
    Notes(notes::NotesCommand),
    /// The documents in the library: Kamerstuk, date, chamber, type, title
    Documents {
        /// Print JSON: an array of documents, newest first
        #[arg(long)]
        json: bool,
    },
    /// Documents and their topics by date, oldest first
    Timeline {
        /// Only the documents of this Kamerstuk dossier (e.g. 32317 or 21501-04)
        #[arg(long, value_name = "NUMBER")]
        dossier: Option<String>,
        /// Print JSON: an array of documents with their topics
        #[arg(long)]
        json: bool,
    },
    /// Add documents to the library: official-publication XML, or a letter's PDF text
    Import(import::ImportArgs),
}

impl Global {
    /// The files named, for the application layer.
    pub fn paths(&self) -> Paths {
        Paths {
            dossiers: self.dossiers.clone(),
            config: self.config.clone(),
            notes: self.notes.clone(),
        }
    }
}

/// Runs a command; errors become exit status 1 in `main`.
pub fn run(paths: &Paths, command: Command) -> anyhow::Result<ExitCode> {
    match command {
        Command::List { json } => {
            let mut app = open(paths)?;
            let done = list::run(&loaded(&mut app), app.lang(), json);
            crate::app::leave_to_exit(app);
            done
        }
        Command::Show { id, json } => {
            let mut app = open(paths)?;
            let done = show::run(&loaded(&mut app), app.lang(), &id, json);
            crate::app::leave_to_exit(app);
            done
        }
        Command::Search {
            query,
            exact,
            limit,
            json,
        } => {
            let mut app = open(paths)?;
            let done = search::run(&mut app, &query, exact, limit, json);
            crate::app::leave_to_exit(app);
            done
        }
        Command::Check { dir } => {
            // `check DIR` checks DIR instead of the dossiers in use.
            let paths = Paths {
                dossiers: dir.or_else(|| paths.dossiers.clone()),
                ..paths.clone()
            };
            check::run(&mut App::open(&paths)?)
        }
        Command::Notes(cmd) => notes::run(paths, cmd),
        Command::Documents { json } => {
            let mut app = open(paths)?;
            let done = documents::run_documents(&loaded(&mut app), json);
            crate::app::leave_to_exit(app);
            done
        }
        Command::Timeline { dossier, json } => {
            let mut app = open(paths)?;
            let done = documents::run_timeline(&loaded(&mut app), dossier.as_deref(), json);
            crate::app::leave_to_exit(app);
            done
        }
        Command::Import(args) => import::run(paths, args),
    }
}

/// The application, its configuration's warnings on standard error.
fn open(paths: &Paths) -> anyhow::Result<App> {
    let app = App::open(paths)?;
    warn(app.warnings());
    if let Some(notice) = app.local_notice(app.lang()) {
        eprintln!("dossier: {notice}");
    }
    Ok(app)
}

/// The corpus, problems in dossier files on standard error as warnings:
/// the good files still serve.
fn loaded(app: &mut App) -> Arc<Corpus> {
    let corpus = app.corpus();
    warn(&corpus.errors);
    corpus
}

fn warn(problems: &[impl std::fmt::Display]) {
    for p in problems {
        eprintln!("warning: {p}");
    }
}
