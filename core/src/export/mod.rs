//! Annotations leave the program: Markdown and HTML for speaking notes, CSV
//! for a spreadsheet, our own JSON and the W3C Web Annotation model for
//! colleagues and other tools. Each format writes to any `io::Write`; the
//! caller decides where it goes. Importing and merging live here too, since
//! they read back what the JSON formats write.

pub mod csv;
mod group;
pub mod html;
pub mod import;
pub mod json;
pub mod md;
pub mod merge;
pub mod safe_json;
pub mod w3c;
mod w3c_import;

use std::io;

use crate::Corpus;
use crate::annotation::Annotation;

pub use group::source_of as note_source_of;
pub use group::{DocSource, Entry, Group, Section, Source, group, note_source};

/// A source as the human-readable formats cite it, in `lang`.
pub fn cite(source: &Source, lang: Lang) -> Option<String> {
    md::citation(source, crate::messages::messages(lang))
}
pub use crate::lang::Lang;
pub use import::parse;
pub use merge::{Conflict, ConflictReason, MergeReport, merge};

/// The formats, as `--format` names them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Format {
    Md,
    Csv,
    Json,
    Html,
    W3c,
}

impl Format {
    pub const ALL: [Format; 5] = [
        Format::Md,
        Format::Csv,
        Format::Json,
        Format::Html,
        Format::W3c,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Format::Md => "md",
            Format::Csv => "csv",
            Format::Json => "json",
            Format::Html => "html",
            Format::W3c => "w3c",
        }
    }

    /// The usual file extension for a file in this format.
    pub fn extension(self) -> &'static str {
        match self {
            Format::Md => "md",
            Format::Csv => "csv",
            Format::Json => "json",
            Format::Html => "html",
            Format::W3c => "jsonld",
        }
    }

    pub fn parse(s: &str) -> Option<Format> {
        Format::ALL
            .into_iter()
            .find(|f| f.as_str().eq_ignore_ascii_case(s.trim()))
    }
}

/// What every format may need besides the notes and the corpus.
pub struct Options<'a> {
    /// The language of headings and labels (Markdown, HTML).
    pub lang: Lang,
    /// The time zone in which times are shown (Markdown, HTML); the data
    /// formats always write UTC.
    pub tz: jiff::tz::TimeZone,
    /// Whether a note's passage is still found in the text. Anchoring is not
    /// the exporter's business, so the caller answers.
    pub anchored: &'a dyn Fn(&Annotation) -> bool,
    /// Between the cells of a CSV row: `,`, or `;` for a spreadsheet set
    /// to Dutch (which takes the comma for the decimal sign).
    pub csv_delimiter: u8,
}

impl<'a> Options<'a> {
    /// Dutch, UTC, and `anchored` as given.
    pub fn new(anchored: &'a dyn Fn(&Annotation) -> bool) -> Options<'a> {
        Options {
            lang: Lang::Nl,
            tz: jiff::tz::TimeZone::UTC,
            anchored,
            csv_delimiter: b',',
        }
    }
}

/// Writes `notes` in `format`.
pub fn write(
    format: Format,
    out: impl io::Write,
    notes: &[Annotation],
    corpus: &Corpus,
    options: &Options,
) -> io::Result<()> {
    match format {
        Format::Md => md::write(out, notes, corpus, options),
        Format::Csv => csv::write(out, notes, corpus, options),
        Format::Json => json::write(out, notes, corpus),
        Format::Html => html::write(out, notes, corpus, options),
        Format::W3c => w3c::write(out, notes, corpus),
    }
}

#[cfg(test)]
pub(crate) mod tests {
    //! A small corpus and notes for the format tests.

    use crate::Corpus;
    use crate::annotation::Annotation;
    use crate::load::{NoFiles, SourceFile, load};

    const LETTER: &str = r#"
[dossier]
id = "brief"
kind = "letter"
title = "Brief"
text = "Opening."

[letter]
date = "2025-12-17"
reference = "7010422"
"#;

    const TOPIC: &str = r#"
[dossier]
id = "b"
title = "Beleid <b> & zo"
source = "brief"
text = "Zie [978](ref-1)."

[[section]]
id = "b/s1"
title = "Eerste deel"
text = "De Commissie voert de onderhandelingen."

[[section]]
id = "b/s2"
title = "Tweede deel"
text = "Nog meer."
"#;

    const REFS: &str = r#"
[[reference]]
id = "ref-1"
title = "Kamerstuk 32317-978"
kind = "kamerstuk"
dossier_number = "32317"
number = "978"
year = "2025-2026"
"#;

    pub(crate) fn corpus() -> Corpus {
        let files: Vec<SourceFile> = [
            ("brief.toml", LETTER),
            ("b.toml", TOPIC),
            ("refs.toml", REFS),
        ]
        .into_iter()
        .map(|(p, t)| SourceFile {
            path: p.into(),
            text: t.into(),
        })
        .collect();
        let c = load(&files, &NoFiles);
        assert!(c.errors.is_empty(), "{:?}", c.errors);
        c
    }

    /// A plain note; built from JSON so that fields added to `Annotation`
    /// with defaults need no change here.
    pub(crate) fn note(id: &str, dossier: &str, node: &str) -> Annotation {
        serde_json::from_value(serde_json::json!({
            "id": id,
            "target": {"dossier": dossier, "node": node},
            "body": format!("Notitie {id}"),
            "author": "Anna de Vries",
            "created": "2025-12-18T09:30:00Z",
            "updated": "2025-12-18T09:30:00Z",
        }))
        .expect("a valid note")
    }
}
