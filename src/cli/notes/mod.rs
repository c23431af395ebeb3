//! `dossier notes …`: annotations from the command line.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Args, Subcommand, ValueEnum};

use crate::cli::Global;

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

pub fn run(_global: &Global, _cmd: NotesCommand) -> anyhow::Result<ExitCode> {
    anyhow::bail!("annotations are being wired in")
}
