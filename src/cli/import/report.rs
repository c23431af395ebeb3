//! What `dossier import` says: a line per source on stdout (or the JSON
//! array), then on stderr every source that was refused or not written,
//! each with its reason, and last the summary line.

use std::fmt::Write as _;
use std::path::Path;

use dossier_core::anchor::outcome::NoteOutcomes;
use dossier_core::import::Warning;
use dossier_core::import::report::Severity;
use dossier_core::text::sanitize_line;
use serde::Serialize;

use crate::store::library::Outcome;

/// One source's result, as `--json` prints it.
#[derive(Debug, Serialize)]
pub struct Entry {
    pub source: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub file: Option<String>,
    /// `created`, `replaced`, `unchanged`; with --dry-run what it would be;
    /// absent when nothing is written.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub outcome: Option<Outcome>,
    /// Why this source's document is not in the library: refused, or its
    /// write failed (then `not_written` is true).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub error: Option<String>,
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub not_written: bool,
    /// The earlier source of this command that gave the same document,
    /// written once.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub same_as: Option<String>,
    /// The index of that earlier source's entry.
    #[serde(skip)]
    pub same_as_entry: Option<usize>,
    /// The id of the document that is shown instead of this one when the
    /// library loads with the built-in dossiers (or `./dossiers`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub hidden_by: Option<String>,
    /// The document that hides it is one of `./dossiers`, not built in.
    #[serde(skip)]
    pub hidden_in_folder: bool,
    pub findings: Vec<Warning>,
    /// For a document that replaced an earlier version: what became of
    /// the notes on it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub notes: Option<NoteOutcomes>,
}

impl Entry {
    pub fn new(source: String) -> Entry {
        Entry {
            source,
            id: None,
            file: None,
            outcome: None,
            error: None,
            not_written: false,
            same_as: None,
            same_as_entry: None,
            hidden_by: None,
            hidden_in_folder: false,
            findings: Vec::new(),
            notes: None,
        }
    }
}

/// The lines of stdout: one per source, then its findings.
pub fn lines(entries: &[Entry], dry_run: bool) -> String {
    let mut out = String::new();
    for e in entries {
        let source = sanitize_line(&e.source);
        if let Some(error) = &e.error {
            let what = if e.not_written {
                "not written"
            } else {
                "refused"
            };
            let _ = writeln!(out, "{source}: {what}: {}", sanitize_line(error));
        } else if let (Some(file), Some(outcome)) = (&e.file, e.outcome) {
            let file = sanitize_line(file);
            let what: String = match (outcome, dry_run) {
                _ if e.same_as.is_some() && dry_run => "the same document again".into(),
                _ if e.same_as.is_some() => "the same document again, written once".into(),
                (Outcome::Created, false) => "written".into(),
                (Outcome::Replaced, false) => "replaced".into(),
                (Outcome::Unchanged, _) => "unchanged".into(),
                (Outcome::Created, true) => "would be written".into(),
                (Outcome::Replaced, true) => "would replace the older version".into(),
            };
            let _ = write!(out, "{source} -> {file}: {what}");
            if let Some(first) = &e.same_as {
                let _ = write!(out, " (as {})", sanitize_line(first));
            }
            if let Some(by) = &e.hidden_by {
                let by = sanitize_line(by);
                let by = if e.hidden_in_folder {
                    format!("{by} of ./dossiers")
                } else {
                    format!("the built-in {by}")
                };
                let _ = write!(
                    out,
                    "; not shown: {by} has this identity and is shown instead (its notes stay on it)"
                );
            }
            out.push('\n');
        } else if let Some(file) = &e.file {
            let _ = writeln!(out, "{source} -> {}: not written", sanitize_line(file));
        }
        if let Some(n) = e.notes {
            let would = if dry_run { " would be" } else { "" };
            let _ = writeln!(out, "{source}: notes{would}: {}", n.render());
        }
        for w in &e.findings {
            let _ = writeln!(out, "{source}:{}", w.render());
        }
    }
    out
}

/// The end of the output, for stderr: every source refused or not
/// written with its reason, then the summary line a person reads first.
pub fn tail(entries: &[Entry], dir: &Path, dry_run: bool) -> String {
    let mut out = String::new();
    for e in entries {
        if let Some(error) = &e.error {
            let what = if e.not_written {
                "not written"
            } else {
                "refused"
            };
            let _ = writeln!(
                out,
                "dossier import: {what}: {}: {}",
                sanitize_line(&e.source),
                sanitize_line(error)
            );
        }
    }
    out.push_str(&summary(entries, dir, dry_run));
    out.push('\n');
    out
}

/// `dossier import: imported 797 document(s) into DIR: 790 new, 5
/// replaced, 2 unchanged; 3 refused; 0 warning(s)`.
pub fn summary(entries: &[Entry], dir: &Path, dry_run: bool) -> String {
    let count = |o: Outcome| {
        entries
            .iter()
            .filter(|e| e.error.is_none() && e.outcome == Some(o))
            .count()
    };
    let (new, replaced, unchanged) = (
        count(Outcome::Created),
        count(Outcome::Replaced),
        count(Outcome::Unchanged),
    );
    let refused = entries
        .iter()
        .filter(|e| e.error.is_some() && !e.not_written)
        .count();
    let not_written = entries.iter().filter(|e| e.not_written).count();
    let hidden = entries
        .iter()
        .filter(|e| e.error.is_none() && e.hidden_by.is_some())
        .count();
    let warnings = entries
        .iter()
        .flat_map(|e| &e.findings)
        .filter(|w| w.severity == Severity::Warning)
        .count();
    let verb = if dry_run { "would import" } else { "imported" };
    let mut s = format!(
        "dossier import: {verb} {} document(s) into {}: {new} new, {replaced} replaced, {unchanged} unchanged",
        new + replaced + unchanged,
        sanitize_line(&dir.display().to_string())
    );
    if refused > 0 {
        let _ = write!(s, "; {refused} refused");
    }
    if not_written > 0 {
        let _ = write!(s, "; {not_written} not written (see above)");
    }
    if hidden > 0 {
        let by = if entries.iter().any(|e| e.hidden_in_folder) {
            "a document of ./dossiers"
        } else {
            "a built-in document"
        };
        let _ = write!(s, "; {hidden} hidden by {by}");
    }
    if (refused > 0 || not_written > 0) && new + replaced == 0 {
        s.push_str("; nothing written");
    }
    let _ = write!(s, "; {warnings} warning(s)");
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(source: &str, outcome: Option<Outcome>, error: Option<&str>) -> Entry {
        let mut e = Entry::new(source.into());
        e.file = Some(format!("{source}.toml"));
        e.outcome = outcome;
        e.error = error.map(String::from);
        e
    }

    #[test]
    fn the_refused_are_named_at_the_end_before_the_summary() {
        let mut broken = entry("c", None, Some("cannot write: no space"));
        broken.not_written = true;
        let entries = [
            entry("a", Some(Outcome::Created), None),
            entry("b\u{1b}", None, Some("4:1: malformed XML")),
            broken,
            entry("d", Some(Outcome::Unchanged), None),
        ];
        let tail = tail(&entries, Path::new("lib"), false);
        assert_eq!(
            tail,
            "dossier import: refused: b␛: 4:1: malformed XML\n\
             dossier import: not written: c: cannot write: no space\n\
             dossier import: imported 2 document(s) into lib: 1 new, 0 replaced, 1 unchanged; \
             1 refused; 1 not written (see above); 0 warning(s)\n"
        );
    }
}
