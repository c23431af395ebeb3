//! The sources of one import: the files and folders given, each source
//! read and imported on its own, and two sources that give one document.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use dossier_core::import::{self, Imported};

use super::report::Entry;
use crate::store::library;

/// What the arguments name: a source to read, or a folder that gave none.
pub enum Given {
    Source(PathBuf),
    Refused { source: String, reason: String },
}

/// Each argument as sources: a file or `-` as itself, a folder as the
/// files directly in it whose extension the import reads
/// ([`import::is_source_name`]: `.xml`, `.txt`, `.pdf`, and whatever a
/// new reader adds), sorted by name. Sub-folders and hidden files
/// (`.name`) are not read.
pub fn expand(args: &[PathBuf]) -> Vec<Given> {
    let mut out = Vec::new();
    for path in args {
        let is_dir = path != Path::new("-") && std::fs::metadata(path).is_ok_and(|m| m.is_dir());
        if !is_dir {
            out.push(Given::Source(path.clone()));
            continue;
        }
        match folder_sources(path) {
            Ok(found) if found.is_empty() => out.push(Given::Refused {
                source: path.display().to_string(),
                reason: format!(
                    "a folder without sources (files ending in .{} directly in it; sub-folders are not read)",
                    import::SOURCE_EXTENSIONS.join(", .")
                ),
            }),
            Ok(found) => out.extend(found.into_iter().map(Given::Source)),
            Err(e) => out.push(Given::Refused {
                source: path.display().to_string(),
                reason: format!("cannot read the folder: {e}"),
            }),
        }
    }
    out
}

fn folder_sources(dir: &Path) -> std::io::Result<Vec<PathBuf>> {
    let mut found: Vec<PathBuf> = Vec::new();
    for entry in std::fs::read_dir(dir)? {
        let entry = entry?;
        let name = entry.file_name();
        let name = name.to_string_lossy();
        if name.starts_with('.') || !import::is_source_name(&name) {
            continue;
        }
        // A sub-folder named `x.xml` is not descended into; a FIFO or a
        // device is taken, so that it is refused by name.
        if entry.file_type().is_ok_and(|t| t.is_dir()) {
            continue;
        }
        found.push(entry.path());
    }
    found.sort();
    Ok(found)
}

/// Reads and imports one source; a document that would not load back
/// (see [`library::check_loadable`]) is refused here, before anything is
/// written.
pub fn import_one(path: &Path, cap: u64, dir: &Path) -> (Entry, Option<Imported>) {
    let mut entry = Entry::new(path.display().to_string());
    // The bytes as the import takes them (a PDF's made text); the core's
    // format detection decides what they are.
    let bytes = match library::read_source(path, cap) {
        Ok(t) => t,
        Err(r) => {
            entry.error = Some(match r.position {
                Some(p) => format!("{}:{}: {}", p.line, p.col, r.message),
                None => r.message,
            });
            return (entry, None);
        }
    };
    let extension = path.extension().and_then(|e| e.to_str());
    match crate::app::revision::import(dir, &bytes, extension, cap) {
        Ok(done) => {
            entry.id = Some(done.document.id.clone());
            entry.findings = done.report.findings.clone();
            if done.report.problems().next().is_some() {
                entry.file = Some(done.file_name.clone());
                entry.error = Some(
                    "the result does not hold the source's text (see the problems): nothing is written"
                        .into(),
                );
                return (entry, None);
            }
            if let Err(e) =
                library::check_loadable(&done.document.id, &done.file_name, &done.toml, cap)
            {
                entry.error = Some(e);
                return (entry, None);
            }
            entry.file = Some(done.file_name.clone());
            (entry, Some(done))
        }
        Err(e) => {
            entry.error = Some(e.to_string());
            (entry, None)
        }
    }
}

/// Sources that give the same document in one command. The same text
/// twice (a file given twice, or in a folder and by name) is written
/// once: the later ones are marked `same_as` the first. Different texts
/// under one identity are all refused, each naming the others: which is
/// the right version is for the user to say, and the library keeps the
/// version it has.
pub fn resolve_duplicates(entries: &mut [Entry], docs: &mut [Option<Imported>]) {
    let mut by_file: HashMap<&str, Vec<usize>> = HashMap::new();
    for (i, d) in docs.iter().enumerate() {
        if let Some(d) = d {
            by_file.entry(d.file_name.as_str()).or_default().push(i);
        }
    }
    let mut groups: Vec<Vec<usize>> = by_file.into_values().filter(|g| g.len() > 1).collect();
    groups.sort();
    for group in groups {
        let first = group[0];
        let text = |i: usize| docs[i].as_ref().map(|d| d.toml.as_str());
        if group.iter().all(|&i| text(i) == text(first)) {
            for &i in &group[1..] {
                entries[i].same_as = Some(entries[first].source.clone());
                entries[i].same_as_entry = Some(first);
                docs[i] = None;
            }
            continue;
        }
        for &i in &group {
            let others: Vec<&str> = group
                .iter()
                .filter(|&&j| j != i)
                .map(|&j| entries[j].source.as_str())
                .collect();
            let id = entries[i].id.clone().unwrap_or_default();
            entries[i].error = Some(format!(
                "{id} is also given by {} with another text: none of them is written (import the right one alone)",
                others.join(", ")
            ));
        }
        for &i in &group {
            docs[i] = None;
        }
    }
}
