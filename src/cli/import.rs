//! `dossier import FILE|-... [--into DIR] [--dry-run] [--json]`: add
//! documents to the library folder from official-publication XML or a
//! letter's PDF text.
//!
//! Every source is read and imported first; only when all of them import
//! (none refused, every proof passed) is anything written, each file whole.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use dossier_core::import::{self, Imported, Warning};
use dossier_core::text::sanitize_line;
use serde::Serialize;

use crate::app::Paths;
use crate::store::config;
use crate::store::library::{self, Outcome};

/// The arguments, as clap parsed them.
#[derive(Debug, clap::Args)]
pub struct ImportArgs {
    /// Sources: `kst-…xml` files, a letter's PDF text (`.txt`, or a `.pdf`
    /// when pdftotext is installed), or `-` for standard input
    #[arg(required = true, value_name = "FILE|-")]
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

/// One source's result, as `--json` prints it.
#[derive(Debug, Serialize)]
struct Entry {
    source: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    id: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    file: Option<String>,
    /// `created`, `replaced`, `unchanged`; with --dry-run what it would be;
    /// absent when nothing is written.
    #[serde(skip_serializing_if = "Option::is_none")]
    outcome: Option<Outcome>,
    #[serde(skip_serializing_if = "Option::is_none")]
    error: Option<String>,
    findings: Vec<Warning>,
}

pub fn run(paths: &Paths, args: ImportArgs) -> anyhow::Result<ExitCode> {
    let loaded = config::load(paths.config.as_deref())?;
    let cap = loaded.config.max_file_size;
    let Some(dir) = args.into.clone().or_else(library::default_dir) else {
        anyhow::bail!("no data directory for the library: give --into DIR");
    };
    let mut entries = Vec::new();
    let mut imported: Vec<Option<Imported>> = Vec::new();
    for path in &args.files {
        let (entry, result) = import_one(path, cap);
        entries.push(entry);
        imported.push(result);
    }
    let failed = entries.iter().any(|e| e.error.is_some());
    if !failed {
        let docs: Vec<(usize, &str, &str)> = imported
            .iter()
            .enumerate()
            .filter_map(|(i, d)| {
                d.as_ref()
                    .map(|d| (i, d.file_name.as_str(), d.toml.as_str()))
            })
            .collect();
        if args.dry_run {
            for (i, name, text) in docs {
                entries[i].outcome = Some(library::plan(&dir, name, text));
            }
        } else {
            let pairs: Vec<(&str, &str)> = docs.iter().map(|(_, n, t)| (*n, *t)).collect();
            let results = library::write_documents(&dir, &pairs);
            let mut write_failed = None;
            for ((i, _, _), result) in docs.iter().zip(results) {
                match result {
                    Ok(o) => entries[*i].outcome = Some(o),
                    Err(e) => write_failed = Some(e),
                }
            }
            if let Some(e) = write_failed {
                print(&entries, &args)?;
                anyhow::bail!("{}", sanitize_line(&e));
            }
            // The library's index takes the new files now, so that the next
            // start need not; should this fail or be cut short, that start
            // finds the files changed by their stamps and updates it.
            let _ = crate::store::index::refresh_after_import(&dir, cap);
        }
    }
    print(&entries, &args)?;
    summary(&entries, &dir, &args, failed);
    Ok(if failed {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

fn import_one(path: &Path, cap: u64) -> (Entry, Option<Imported>) {
    let source = path.display().to_string();
    let mut entry = Entry {
        source: source.clone(),
        id: None,
        file: None,
        outcome: None,
        error: None,
        findings: Vec::new(),
    };
    let text = match library::read_source(path, cap) {
        Ok(t) => t,
        Err(r) => {
            entry.error = Some(match r.position {
                Some(p) => format!("{}:{}: {}", p.line, p.col, r.message),
                None => r.message,
            });
            return (entry, None);
        }
    };
    match import::import(&text) {
        Ok(done) => {
            entry.id = Some(done.document.id.clone());
            entry.file = Some(done.file_name.clone());
            entry.findings = done.report.findings.clone();
            if done.report.problems().next().is_some() {
                entry.error = Some(
                    "the result does not hold the source's text (see the problems): nothing is written"
                        .into(),
                );
                return (entry, None);
            }
            (entry, Some(done))
        }
        Err(e) => {
            entry.error = Some(e.to_string());
            (entry, None)
        }
    }
}

fn print<E: std::borrow::Borrow<Entry> + Serialize>(
    entries: &[E],
    args: &ImportArgs,
) -> anyhow::Result<()> {
    if args.json {
        return super::output::print_json(&entries);
    }
    let mut out = String::new();
    for e in entries {
        let e = e.borrow();
        let source = sanitize_line(&e.source);
        if let Some(error) = &e.error {
            out.push_str(&format!("{source}: refused: {}\n", sanitize_line(error)));
        } else if let (Some(file), Some(outcome)) = (&e.file, e.outcome) {
            let what = match (outcome, args.dry_run) {
                (Outcome::Created, false) => "written",
                (Outcome::Replaced, false) => "replaced",
                (Outcome::Unchanged, _) => "unchanged",
                (Outcome::Created, true) => "would be written",
                (Outcome::Replaced, true) => "would replace the older version",
            };
            out.push_str(&format!("{source} -> {}: {what}\n", sanitize_line(file)));
        } else if let Some(file) = &e.file {
            out.push_str(&format!(
                "{source} -> {}: not written\n",
                sanitize_line(file)
            ));
        }
        for w in &e.findings {
            out.push_str(&format!("{source}:{}\n", w.render()));
        }
    }
    super::output::print_text(&out)
}

fn summary(entries: &[Entry], dir: &Path, args: &ImportArgs, failed: bool) {
    if args.json {
        return;
    }
    let count = |o: Outcome| entries.iter().filter(|e| e.outcome == Some(o)).count();
    let refused = entries.iter().filter(|e| e.error.is_some()).count();
    let warnings = entries
        .iter()
        .flat_map(|e| &e.findings)
        .filter(|w| w.severity == import::report::Severity::Warning)
        .count();
    let dir = sanitize_line(&dir.display().to_string());
    if failed {
        eprintln!(
            "dossier import: {refused} of {} source(s) refused; nothing written to {dir}",
            entries.len()
        );
    } else {
        let verb = if args.dry_run {
            "would import"
        } else {
            "imported"
        };
        eprintln!(
            "dossier import: {verb} {} document(s) into {dir}: {} new, {} replaced, {} unchanged; {warnings} warning(s)",
            entries.len(),
            count(Outcome::Created),
            count(Outcome::Replaced),
            count(Outcome::Unchanged),
        );
    }
}
