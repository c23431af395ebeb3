//! Our own JSON: every field of every note, so that an export read back by
//! [`super::import`] gives the same notes. Versioned; the format is
//! described in docs/export-formats.md.
//!
//! ```json
//! {"format": "dossier-notes", "version": 1, "notes": [ … ]}
//! ```

use std::io::{self, Write};

use serde::{Deserialize, Serialize};

use crate::Corpus;
use crate::annotation::Annotation;

/// The value of `format`.
pub const FORMAT: &str = "dossier-notes";
/// The version written; import reads this version.
pub const VERSION: u32 = 1;

#[derive(Serialize)]
struct Export<'a> {
    format: &'static str,
    version: u32,
    notes: &'a [Annotation],
    /// Each note's document by its official citation and kind, by note
    /// id: for the reader of the file; import does not need it.
    sources: serde_json::Map<String, serde_json::Value>,
}

/// The file as read back.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct Document {
    // Checked before this is read, so that a newer version is named as such.
    #[allow(dead_code)]
    pub format: String,
    #[allow(dead_code)]
    pub version: u32,
    pub notes: Vec<Annotation>,
    /// Written for people and other tools; the notes hold all we read.
    #[allow(dead_code)]
    #[serde(default)]
    pub sources: serde_json::Value,
}

/// Writes the notes in the order given (the store's order).
pub fn write(mut out: impl Write, notes: &[Annotation], corpus: &Corpus) -> io::Result<()> {
    let sources = notes
        .iter()
        .map(|n| (n.id.clone(), super::group::note_source(corpus, n).to_json()))
        .collect();
    super::safe_json::to_writer_pretty(
        &mut out,
        &Export {
            format: FORMAT,
            version: VERSION,
            notes,
            sources,
        },
    )?;
    writeln!(out)
}
