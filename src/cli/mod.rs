//! The command line: a stable contract (see the README). Each subcommand
//! lives in its own file and works on the core and the store only.

mod check;
mod import;
mod list;
mod notes;
pub use notes::usage;
pub mod output;
mod search;
mod show;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Args, Parser, Subcommand};

use crate::store::{config, dossiers};
use crate::tui;

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
  dossiers  --dossiers DIR, else ./dossiers if it exists, else the built-in dossiers
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
    /// Search every title and passage (fuzzy; --exact for a phrase)
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
    /// List, add, export and import annotations
    #[command(subcommand)]
    Notes(notes::NotesCommand),
    /// Add documents to the library: official-publication XML, or a letter's PDF text
    Import(import::ImportArgs),
}

/// Runs a command; errors become exit status 1 in `main`.
pub fn run(cli: Cli) -> anyhow::Result<ExitCode> {
    match cli.command {
        None => crate::tui::run(&cli.global),
        Some(Command::List { json }) => {
            let ctx = Context::new(&cli.global)?;
            let done = list::run(&ctx, json);
            leave_to_exit(ctx);
            done
        }
        Some(Command::Show { id, json }) => {
            let ctx = Context::new(&cli.global)?;
            let done = show::run(&ctx, &id, json);
            leave_to_exit(ctx);
            done
        }
        Some(Command::Search {
            query,
            exact,
            limit,
            json,
        }) => search::run(&cli.global, &query, exact, limit, json),
        Some(Command::Check { dir }) => check::run(&cli.global, dir.as_deref()),
        Some(Command::Notes(cmd)) => notes::run(&cli.global, cmd),
        Some(Command::Import(args)) => import::run(&cli.global, args),
    }
}

/// Hands a large value to the process's exit instead of dropping it: the
/// program ends right after, and freeing a corpus of thousands of dossiers
/// piece by piece costs more than loading it from the cache (0.4 s of 2.4 s
/// for 20,000 dossiers). The operating system reclaims it at once.
pub fn leave_to_exit<T>(value: T) {
    std::mem::forget(value);
}

/// What most commands need: the configuration and the loaded dossiers.
pub struct Context {
    pub config: config::Config,
    pub origin: dossiers::Origin,
    pub corpus: dossier_core::Corpus,
    /// The files the corpus was loaded from, for caching its search index.
    pub fingerprint: Option<crate::store::cache::Fingerprint>,
}

impl Context {
    /// Loads configuration and dossiers. Problems in dossier files are
    /// printed as warnings: the good files still serve.
    pub fn new(global: &Global) -> anyhow::Result<Context> {
        Context::load(global, false)
    }

    /// As [`Context::new`], the nodes' bodies read when first asked for
    /// when the corpus comes from the cache (the interface reads a few
    /// dossiers of what may be thousands), and a long load announced on
    /// the terminal.
    pub fn for_interface(global: &Global) -> anyhow::Result<Context> {
        Context::load(global, true)
    }

    fn load(global: &Global, interface: bool) -> anyhow::Result<Context> {
        let loaded = config::load(global.config.as_deref())?;
        for w in &loaded.warnings {
            eprintln!("warning: {w}");
        }
        let origin = dossiers::choose(global.dossiers.as_deref());
        // The commands keep standard error for warnings and errors.
        let notice = match &origin {
            dossiers::Origin::Folder(dir) if interface => {
                let what = tui::i18n::t(loaded.config.language, tui::i18n::T::Loading);
                let dir = dossier_core::text::sanitize_line(&dir.display().to_string());
                Some(tui::loading::Notice::on_stderr(&format!(
                    "dossier: {what} {dir}…"
                )))
            }
            _ => None,
        };
        let (corpus, fingerprint) =
            dossiers::load_keyed(&origin, loaded.config.max_file_size, interface);
        drop(notice);
        for e in &corpus.errors {
            eprintln!("warning: {e}");
        }
        Ok(Context {
            config: loaded.config,
            origin,
            corpus,
            fingerprint,
        })
    }
}
