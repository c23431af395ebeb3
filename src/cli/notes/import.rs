//! `dossier notes import FILE`: merges another person's notes into the
//! store, by id. FILE is a `--format json` or `--format w3c` export, the
//! output of `notes list --json`, a notes store folder, or one note file
//! from a store. Everything is read and checked before the first note is
//! written, so a bad file changes nothing.

use std::io::Read;
use std::path::Path;
use std::process::ExitCode;

use dossier_core::annotation::Annotation;
use dossier_core::export::{ConflictReason, merge};

use crate::app::Paths;
use crate::store::notes::{self, NotesStore};

/// Exports larger than this are refused rather than read into memory.
const MAX_IMPORT_SIZE: u64 = 256 * 1024 * 1024;

pub fn run(paths: &Paths, file: &Path) -> anyhow::Result<ExitCode> {
    let app = crate::cli::open(paths)?;
    let incoming = read_incoming(file)?;
    if let Some(bad) = incoming.iter().find(|a| !notes::is_valid_id(&a.id)) {
        anyhow::bail!(
            "{}: the note id `{}` cannot be stored: ids are letters, digits, `-`, `_` and `.`; nothing was imported",
            file.display(),
            bad.id
        );
    }
    let store = app.notes()?;
    if store
        .dir()
        .canonicalize()
        .ok()
        .is_some_and(|d| file.canonicalize().ok().is_some_and(|f| f == d))
    {
        anyhow::bail!("{}: this is the store being imported into", file.display());
    }
    let current = store.load_writable()?;
    let report = merge(&current.notes, &incoming);
    let changes: Vec<Annotation> = report
        .added
        .iter()
        .chain(&report.updated)
        .cloned()
        .collect();
    // Checked before the first is written: a note the store could not read
    // back would make it read-only.
    for a in &changes {
        notes::storable(a)
            .map_err(|e| anyhow::anyhow!("{}: {e}; nothing was imported", file.display()))?;
    }
    // The versions an update replaces are kept first, where a deleted
    // note goes: an import dated wrongly (in the future, say) can always
    // be taken back.
    let mut kept = Vec::new();
    for a in &report.updated {
        if let Some(ours) = current.get(&a.id) {
            kept.push((a.id.clone(), store.keep_replaced(ours)?));
        }
    }
    store.save_all(&changes)?;
    println!(
        "{}: {} added, {} updated, {} unchanged, {} conflicts",
        shown(&file.display().to_string()),
        report.added.len(),
        report.updated.len(),
        report.unchanged.len(),
        report.conflicts.len()
    );
    for (id, path) in &kept {
        println!(
            "replaced: {}: the version it replaced is kept in {} (move it back to restore it)",
            shown(id),
            shown(&path.display().to_string())
        );
    }
    let soon = jiff::Timestamp::now()
        .checked_add(jiff::SignedDuration::from_mins(5))
        .unwrap_or_else(|_| jiff::Timestamp::now());
    for a in changes.iter().filter(|a| a.updated > soon) {
        println!(
            "warning: {}: dated in the future ({}); it will win over every later change made elsewhere",
            shown(&a.id),
            a.updated
        );
    }
    for c in &report.conflicts {
        let why = match c.reason {
            ConflictReason::OursNewer => "ours was changed later; ours kept",
            ConflictReason::SameTime => {
                "both changed at the same moment and they differ; ours kept"
            }
        };
        println!("conflict: {}: {why}", c.id);
    }
    Ok(ExitCode::SUCCESS)
}

fn shown(text: &str) -> String {
    dossier_core::text::sanitize_line(text)
}

/// The notes in `file`, all of them or an error.
fn read_incoming(file: &Path) -> anyhow::Result<Vec<Annotation>> {
    let name = file.display().to_string();
    if file.is_dir() {
        return Ok(NotesStore::open(file)?.load_writable()?.notes);
    }
    let bytes = read_capped(file)?;
    if file.extension().is_some_and(|e| e == "toml") {
        return Ok(vec![notes::decode(&name, &bytes)?]);
    }
    let text = String::from_utf8(bytes).map_err(|e| {
        anyhow::anyhow!(
            "{name}: not UTF-8 text (invalid byte at offset {})",
            e.utf8_error().valid_up_to()
        )
    })?;
    let (_, notes) = dossier_core::export::parse(&name, &text)?;
    Ok(notes)
}

fn read_capped(file: &Path) -> anyhow::Result<Vec<u8>> {
    let f = crate::store::regular::open(file)
        .map_err(|e| anyhow::anyhow!("{}: cannot open: {e}", file.display()))?;
    let mut bytes = Vec::new();
    f.take(MAX_IMPORT_SIZE + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| anyhow::anyhow!("{}: cannot read: {e}", file.display()))?;
    if bytes.len() as u64 > MAX_IMPORT_SIZE {
        anyhow::bail!(
            "{}: over {MAX_IMPORT_SIZE} bytes; too large to import",
            file.display()
        );
    }
    Ok(bytes)
}
