//! `dossier import FILE|FOLDER|-... [--into DIR] [--dry-run] [--json]`:
//! add documents to the library folder from any source format the core's
//! `import::detect` knows (official XML, a letter as published, a
//! ministry letter's PDF or its text, Word).
//!
//! Every source is read and imported on its own; each one that imports,
//! whose proof passes and whose file the loader will read back, is
//! written, each file whole. The refused ones are named with their reason
//! at the end, before the summary, and the exit status is 1 when any
//! source was refused or not written.

mod progress;
mod report;
mod sources;

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use dossier_core::import::Imported;

use crate::app::{Paths, revision};
use crate::store::library::{self, Outcome};
use crate::store::{config, dossiers, paths};
use progress::Progress;
use report::Entry;
use sources::Given;

/// The arguments, as clap parsed them.
#[derive(Debug, clap::Args)]
#[command(after_help = AFTER_HELP)]
pub struct ImportArgs {
    /// Sources: a Kamerstuk's official XML (`kst-….xml`), a letter as
    /// published (its page as `.html` or its text as `.txt`), a ministry
    /// letter's PDF (`.pdf`, with pdftotext) or its text, a Word document
    /// (`.docx`), `-` for standard input, or a folder (the files in it the
    /// import reads; sub-folders are not read)
    #[arg(required = true, value_name = "FILE|FOLDER|-")]
    pub files: Vec<PathBuf>,
    /// Library folder to write to (default: ~/.local/share/dossier/library)
    #[arg(long, value_name = "DIR")]
    pub into: Option<PathBuf>,
    /// Print what the import finds and would write; write nothing
    #[arg(long)]
    pub dry_run: bool,
    /// Print the report as JSON: an array with one entry per source
    #[arg(long)]
    pub json: bool,
}

const AFTER_HELP: &str = "\
Every source that imports is written; a refused one leaves the library as it was.
The refused sources are named with their reason at the end of the output (on
stderr, also with --json), followed by the summary line: imported (new, replaced,
unchanged) and refused.

Exit status: 0 every source imported, 1 one or more refused or not written (the
others are written), 2 bad usage.";

pub fn run(paths: &Paths, args: ImportArgs) -> anyhow::Result<ExitCode> {
    let loaded = config::load(paths.config.as_deref())?;
    let cap = loaded.config.max_file_size;
    let Some(dir) = args.into.clone().or_else(library::default_dir) else {
        anyhow::bail!("no data directory for the library: give --into DIR");
    };
    let given = sources::expand(&args.files);
    let mut progress = Progress::stderr(given.len());
    let mut entries: Vec<Entry> = Vec::with_capacity(given.len());
    let mut docs: Vec<Option<Imported>> = Vec::with_capacity(given.len());
    for (i, g) in given.into_iter().enumerate() {
        let (entry, doc) = match g {
            Given::Source(path) => sources::import_one(&path, cap, &dir),
            Given::Refused { source, reason } => {
                let mut e = Entry::new(source);
                e.error = Some(reason);
                (e, None)
            }
        };
        progress.step(i + 1, &entry.source);
        entries.push(entry);
        docs.push(doc);
    }
    sources::resolve_duplicates(&mut entries, &mut docs);
    mark_hidden(&mut entries, &docs, &args, &dir, cap);

    let todo: Vec<(usize, &str, &str)> = docs
        .iter()
        .enumerate()
        .filter_map(|(i, d)| {
            d.as_ref()
                .map(|d| (i, d.file_name.as_str(), d.toml.as_str()))
        })
        .collect();
    let mut changed: Vec<String> = Vec::new();
    if args.dry_run {
        for (i, name, text) in todo {
            match library::plan(&dir, name, text, cap) {
                Ok(o) => entries[i].outcome = Some(o),
                Err(e) => entries[i].error = Some(e),
            }
        }
    } else if !todo.is_empty() {
        progress.writing(todo.len());
        let pairs: Vec<(&str, &str)> = todo.iter().map(|(_, n, t)| (*n, *t)).collect();
        let results = library::write_documents(&dir, &pairs, cap);
        for ((i, _, _), result) in todo.iter().zip(results) {
            match result {
                Ok(o) => {
                    entries[*i].outcome = Some(o);
                    if o != Outcome::Unchanged {
                        changed.extend(entries[*i].id.clone());
                    }
                }
                Err(e) => {
                    entries[*i].not_written = matches!(e, library::WriteError::Failed(_));
                    entries[*i].error = Some(e.to_string());
                }
            }
        }
    }
    progress.finish();
    // A source given again changes nothing itself; it shares the fate of
    // the first when that could not be written.
    for i in 0..entries.len() {
        if let Some(first) = entries[i].same_as_entry {
            let (error, not_written) = (entries[first].error.clone(), entries[first].not_written);
            let e = &mut entries[i];
            match error {
                Some(error) => (e.error, e.not_written) = (Some(error), not_written),
                None => e.outcome = Some(Outcome::Unchanged),
            }
        }
    }
    after_write(&dir, &changed, cap);
    count_notes(paths, &loaded.config, &mut entries, &docs);

    if args.json {
        super::output::print_json(&entries)?;
    } else {
        super::output::print_text(&report::lines(&entries, args.dry_run))?;
    }
    eprint!("{}", report::tail(&entries, &dir, args.dry_run));
    let failed = entries.iter().any(|e| e.error.is_some());
    Ok(if failed {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

/// The one place that learns which documents this import wrote (created
/// or replaced), after they are in the library folder: what follows the
/// library (the search index, the notes' anchors) is brought up to date
/// from here.
fn after_write(dir: &Path, changed: &[String], cap: u64) {
    if changed.is_empty() {
        return;
    }
    // The library's index takes the new files now, so that the next start
    // need not; should this fail or be cut short, that start finds the
    // files changed by their stamps and updates it.
    let _ = crate::store::index::refresh_after_import(dir, cap);
}

/// For each document that replaced (or, with --dry-run, would replace) an
/// earlier version: what became of the notes on it.
fn count_notes(
    paths: &Paths,
    config: &config::Config,
    entries: &mut [Entry],
    docs: &[Option<Imported>],
) {
    let done: Vec<(usize, &Imported)> = docs
        .iter()
        .enumerate()
        .filter(|(i, _)| entries[*i].error.is_none() && entries[*i].same_as_entry.is_none())
        .filter_map(|(i, d)| d.as_ref().map(|d| (i, d)))
        .collect();
    let list: Vec<&Imported> = done.iter().map(|(_, d)| *d).collect();
    let counts = revision::note_outcomes(paths, config, &list);
    for ((i, _), n) in done.iter().zip(counts) {
        entries[*i].notes = n;
    }
}

/// Marks the documents that the built-in dossiers (or `./dossiers`) hide
/// when the library loads with them: a document with the identity, or an
/// earlier identity, of one of theirs. Their copy stays the one shown,
/// since notes were made on it; the import says so. Only for the default
/// library folder, the one that loads with them.
fn mark_hidden(
    entries: &mut [Entry],
    docs: &[Option<Imported>],
    args: &ImportArgs,
    dir: &Path,
    cap: u64,
) {
    if docs.iter().all(Option::is_none) || !is_default_library(args, dir) {
        return;
    }
    let (hidden, from_folder) = dossiers::hidden_in_default_library(cap);
    for (e, d) in entries.iter_mut().zip(docs) {
        if let Some(by) = d.as_ref().and_then(|d| hidden.get(&d.file_name)) {
            e.hidden_by = Some(by.clone());
            e.hidden_in_folder = from_folder;
        }
    }
}

fn is_default_library(args: &ImportArgs, dir: &Path) -> bool {
    let Some(default) = paths::user_library_dir() else {
        return false;
    };
    args.into.is_none()
        || dir == default
        || matches!((dir.canonicalize(), default.canonicalize()), (Ok(a), Ok(b)) if a == b)
}
