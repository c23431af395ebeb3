//! `dossier import`: official-publication XML of a Kamerstuk, or a letter's
//! PDF text as `pdftotext` gives it, turned into one document file of the
//! library (see `dossiers/README.md` and the library format).
//!
//! Each parser reads its source into a [`Document`] (identity, blocks,
//! footnotes, annexes, references, signatories) and a [`Transcript`] of the
//! source's own text, taken apart by rule only. [`write`] makes the file's
//! TOML, and [`proof`] reads that file back and proves it holds the
//! transcript: every sentence in order, no word the source lacks.
//!
//! No file system here: the caller hands in the text.

mod lines;
mod markers;
pub mod pdftext;
pub mod proof;
pub mod report;
pub mod write;
pub mod xml;

mod slug;

use std::collections::BTreeMap;

use crate::citation::{Chamber, KstId};
pub use report::{ImportError, Report, Warning};

/// The largest source the import reads (a Kamerstuk's XML is rarely over
/// 1 MiB; the largest verslagen reach a few MiB).
pub const MAX_SOURCE_BYTES: u64 = 16 * 1024 * 1024;

/// The document as read from its source.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Document {
    /// The official identity, when the source gives it.
    pub kst: Option<KstId>,
    /// `kst-32317-978`, or `kamerbrief-<reference>` for a letter whose
    /// Kamerstuk number is not in its text.
    pub id: String,
    pub title: String,
    /// `brief`, `motie`, …: lower case.
    pub doc_type: String,
    /// `YYYY-MM-DD`.
    pub date: String,
    pub chamber: Option<Chamber>,
    /// `2025-2026`.
    pub year: Option<String>,
    pub dossier_title: Option<String>,
    pub reference: Option<String>,
    pub sender: Vec<String>,
    pub return_address: Option<String>,
    pub signatories: Vec<Signatory>,
    pub blocks: Vec<Block>,
    pub footnotes: Vec<Footnote>,
    pub annexes: Vec<Annex>,
    /// What the text cites, by reference id, with what the source says of it.
    pub references: BTreeMap<String, Reference>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Signatory {
    pub role: String,
    pub name: String,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Block {
    /// A heading; level 1 is a topic, 2 a part of it, and so on.
    Heading {
        level: usize,
        text: String,
        line: usize,
    },
    Paragraph {
        inlines: Vec<Inline>,
        line: usize,
    },
}

/// A piece of a paragraph's text.
#[derive(Debug, Clone, PartialEq)]
pub enum Inline {
    Text(String),
    /// A footnote marker: the number as printed.
    Note(u32),
    /// A citation: the label as printed and what it names.
    Cite {
        label: String,
        id: KstId,
    },
    /// An annex mention: the label as printed and the annex's key.
    Annex {
        label: String,
        key: String,
    },
}

#[derive(Debug, Clone, PartialEq)]
pub struct Footnote {
    pub number: u32,
    /// Paragraphs of the footnote; empty when the source lacks its text.
    pub paragraphs: Vec<Vec<Inline>>,
    pub line: usize,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Annex {
    /// The id under the document: `bijlage-3`, `joint-statement-c7`.
    pub key: String,
    pub label: String,
    pub title: String,
    pub url: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reference {
    pub id: KstId,
    /// `motie` when the source calls it one, else `kamerstuk`.
    pub kind: &'static str,
    pub year: Option<String>,
    pub description: Option<String>,
}

/// The source's own text, split by rule: running text in order with its
/// line, footnotes by number, and the signature.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Transcript {
    pub running: Vec<(usize, String)>,
    pub footnotes: BTreeMap<u32, Vec<(usize, String)>>,
    pub signature: Vec<(usize, String)>,
}

/// What a source is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SourceKind {
    Xml,
    PdfText,
}

/// XML when the first thing in it is `<`, else text.
pub fn detect(text: &str) -> SourceKind {
    if text
        .trim_start_matches('\u{feff}')
        .trim_start()
        .starts_with('<')
    {
        SourceKind::Xml
    } else {
        SourceKind::PdfText
    }
}

/// One import's result: the document, its file, and what was reported.
#[derive(Debug, Clone)]
pub struct Imported {
    pub document: Document,
    /// `kst-32317-978.toml`.
    pub file_name: String,
    /// The file's text.
    pub toml: String,
    pub report: Report,
}

/// Imports one source's text. A source that cannot be read is an error;
/// what could not be decided is in the report. The proof's findings are
/// [`Report::problems`]: a caller writes nothing when there are any.
pub fn import(text: &str) -> Result<Imported, ImportError> {
    let mut report = Report::default();
    let (document, transcript) = match detect(text) {
        SourceKind::Xml => xml::parse(text, &mut report)?,
        SourceKind::PdfText => pdftext::parse(text, &mut report)?,
    };
    let toml = write::write(&document);
    crate::work::add(toml.len());
    proof::prove(&transcript, &document, &toml, &mut report);
    Ok(Imported {
        file_name: format!("{}.toml", document.id),
        document,
        toml,
        report,
    })
}

/// Collapses whitespace runs (non-breaking spaces included) to one space.
pub(crate) fn collapse(text: &str) -> String {
    crate::text::collapse_whitespace(text)
}

#[cfg(test)]
mod scaling;
#[cfg(test)]
mod tests;
