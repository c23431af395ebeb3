//! Reading notes from a file another person exported: our JSON
//! (`--format json`) or W3C Web Annotations (`--format w3c`). The file is
//! read whole and checked before anything is merged, so a bad file changes
//! nothing. Text in it is untrusted: identifiers are cleaned as dossier
//! text is, but what a person wrote (body, tags, quote) is kept exactly as
//! written, so export and import give back the same note; it is made
//! harmless where it is shown.

use std::collections::HashSet;

use serde_json::Value;

use super::json::{Document, FORMAT, VERSION};
use super::w3c_import;
use crate::annotation::Annotation;
use crate::error::{LoadError, Position};
use crate::text::sanitize_line;

/// Which kind of file was read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Source {
    Json,
    /// The output of `notes list --json`: an array of notes with `anchored`.
    List,
    W3c,
}

/// Parses an export; `name` is used in messages (`FILE:LINE:COL: …`).
pub fn parse(name: &str, text: &str) -> Result<(Source, Vec<Annotation>), LoadError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let value: Value = serde_json::from_str(text).map_err(|e| json_error(name, text, &e))?;
    let (source, notes) = if value.get("format").is_some() {
        (Source::Json, ours(name, text, &value)?)
    } else if is_listing(&value) {
        (Source::List, listing(name, text, value)?)
    } else {
        let notes = w3c_import::parse(&value).map_err(|p| {
            let offset =
                p.id.as_deref()
                    .and_then(|id| find_string(text, id))
                    .unwrap_or(0);
            LoadError::at(name, text, offset, p.message)
        })?;
        (Source::W3c, notes)
    };
    check(name, text, &notes)?;
    Ok((source, notes.into_iter().map(clean).collect()))
}

fn ours(name: &str, text: &str, value: &Value) -> Result<Vec<Annotation>, LoadError> {
    let at = |key: &str, message: String| {
        LoadError::at(name, text, find_string(text, key).unwrap_or(0), message)
    };
    match value.get("format").and_then(Value::as_str) {
        Some(FORMAT) => {}
        other => {
            return Err(at(
                "format",
                format!(
                    "not a notes export: `format` is {}, expected \"{FORMAT}\"",
                    other.map_or("not a string".to_string(), |f| format!("\"{f}\""))
                ),
            ));
        }
    }
    match value.get("version").and_then(Value::as_u64) {
        Some(v) if v == u64::from(VERSION) => {}
        Some(v) => {
            return Err(at(
                "version",
                format!("version {v} of the notes format; this program reads version {VERSION}"),
            ));
        }
        None => return Err(at("format", "the export has no `version`".into())),
    }
    let doc: Document = serde_json::from_str(text).map_err(|e| json_error(name, text, &e))?;
    Ok(doc.notes)
}

/// `notes list --json` prints an array of notes whose targets name a node
/// (W3C arrays hold annotations, whose targets are URIs or resources).
fn is_listing(value: &Value) -> bool {
    value.as_array().is_some_and(|items| {
        !items.is_empty()
            && items
                .iter()
                .all(|n| n.get("target").and_then(|t| t.get("node")).is_some())
    })
}

fn listing(name: &str, text: &str, value: Value) -> Result<Vec<Annotation>, LoadError> {
    let Value::Array(items) = value else {
        return Ok(Vec::new());
    };
    items
        .into_iter()
        .enumerate()
        .map(|(i, mut item)| {
            let id = item
                .get("id")
                .and_then(Value::as_str)
                .unwrap_or_default()
                .to_string();
            // Computed when listed, not part of the note.
            if let Some(o) = item.as_object_mut() {
                o.remove("anchored");
            }
            serde_json::from_value(item).map_err(|e| {
                let offset = find_string(text, &id).unwrap_or(0);
                LoadError::at(name, text, offset, format!("note {} ({id}): {e}", i + 1))
            })
        })
        .collect()
}

/// Ids must be present and unique and passages not empty: otherwise
/// merging by id would go wrong, or the store could not read the note back.
fn check(name: &str, text: &str, notes: &[Annotation]) -> Result<(), LoadError> {
    let mut seen = HashSet::new();
    for (i, n) in notes.iter().enumerate() {
        let at = |message: String| {
            LoadError::at(
                name,
                text,
                find_string(text, &n.id).unwrap_or(0),
                format!("note {} ({}): {message}", i + 1, n.id),
            )
        };
        if n.id.trim().is_empty() {
            return Err(at("it has an empty id".into()));
        }
        if !seen.insert(n.id.as_str()) {
            return Err(at("a second note with the same id".into()));
        }
        if let Some(q) = &n.target.quote
            && (q.exact.is_empty() || q.start >= q.end)
        {
            return Err(at(format!(
                "its passage is empty (characters {} to {})",
                q.start, q.end
            )));
        }
        if n.target.node.trim().is_empty() || n.target.dossier.trim().is_empty() {
            return Err(at("its target has no node or dossier".into()));
        }
    }
    Ok(())
}

/// Identifiers (the note's, its target's) have control characters, escape
/// sequences and bidirectional controls made visible, as in dossier text.
/// The text a person wrote is kept as written: it is neutralised where it
/// is shown, and a round trip through an export must not change it.
fn clean(mut n: Annotation) -> Annotation {
    n.id = sanitize_line(&n.id);
    n.target.dossier = sanitize_line(&n.target.dossier);
    n.target.node = sanitize_line(&n.target.node);
    n
}

fn json_error(name: &str, text: &str, e: &serde_json::Error) -> LoadError {
    let message = format!("not a valid notes export: {e}");
    // serde_json appends " at line L column C"; the position says it already.
    let message = message
        .split(" at line ")
        .next()
        .unwrap_or(&message)
        .to_string();
    if e.line() == 0 {
        return LoadError::whole_file(name, message);
    }
    let _ = text;
    LoadError {
        file: name.to_string(),
        position: Some(Position {
            line: e.line(),
            col: e.column(),
        }),
        message,
    }
}

/// The byte offset of `s` written as a JSON string, to point at a note.
fn find_string(text: &str, s: &str) -> Option<usize> {
    let quoted = serde_json::to_string(s).ok()?;
    text.find(&quoted).or_else(|| text.find(s))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bad_files_are_refused_with_a_position() {
        let e = parse(
            "x.json",
            "{\"format\": \"dossier-notes\",\n \"version\": 1, \"notes\": [}",
        )
        .unwrap_err();
        assert!(e.to_string().starts_with("x.json:2:"), "{e}");
        let e = parse(
            "x.json",
            "{\"format\": \"iets\", \"version\": 1, \"notes\": []}",
        )
        .unwrap_err();
        assert!(e.to_string().contains("not a notes export"), "{e}");
        let e = parse(
            "x.json",
            "{\"format\": \"dossier-notes\", \"version\": 9, \"notes\": []}",
        )
        .unwrap_err();
        assert!(e.to_string().contains("version 9"), "{e}");
        let e = parse("x.json", "[1, 2]").unwrap_err();
        assert!(e.to_string().contains("annotation 1"), "{e}");
        let listed = r#"[{"id": "n1", "target": {"dossier": "b", "node": "b"}, "body": "x", "author": "a",
            "created": "2025-12-18T09:30:00Z", "updated": "2025-12-18T09:30:00Z", "anchored": false}]"#;
        let (source, notes) = parse("list.json", listed).unwrap();
        assert_eq!((source, notes[0].id.as_str()), (Source::List, "n1"));
        let e = parse("list.json", &listed.replace("\"body\"", "\"bodi\"")).unwrap_err();
        assert!(
            e.to_string().starts_with("list.json:1:")
                && e.to_string().contains("unknown field `bodi`"),
            "{e}"
        );
        let e = parse("x.json", "{\"hello\": 1}").unwrap_err();
        assert!(
            e.to_string().contains("not a W3C Web Annotation document"),
            "{e}"
        );
    }
}
