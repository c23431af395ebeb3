//! `dossier import`: official-publication XML of a Kamerstuk, a letter's
//! PDF text as `pdftotext` gives it, a letter in its published layout (its
//! page's text or HTML), or a Word document, turned into one document file
//! of the library (see `dossiers/README.md` and the library format).
//! [`format::detect`] decides which a source is.
//!
//! Each parser reads its source into a [`Document`] (identity, blocks,
//! footnotes, annexes, references, signatories) and a [`Transcript`] of the
//! source's own text, taken apart by rule only. [`write`] makes the file's
//! TOML, and [`proof`] reads that file back and proves it holds the
//! transcript: every sentence in order, no word the source lacks.
//!
//! No file system here: the caller hands in the bytes.

mod docx;
mod format;
mod html;
pub mod ids;
mod lines;
mod markers;
pub mod pdftext;
pub mod proof;
mod published;
pub mod report;
pub mod write;
pub mod xml;

mod slug;

use std::collections::BTreeMap;

use crate::citation::{Chamber, KstId};
pub use format::{ACCEPTED, Format, detect};
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
    /// `YYYY-MM-DD`; empty when the source gives no date (a Kamerstuk
    /// then has its vergaderjaar).
    pub date: String,
    pub chamber: Option<Chamber>,
    /// `2025-2026`.
    pub year: Option<String>,
    pub dossier_title: Option<String>,
    /// A rijkswet's number, `R2188`, where the dossier is one's.
    pub rijkswet: Option<String>,
    /// What the document is about, word for word from its own text (a
    /// motie's request), where the metadata gives no title with it.
    pub subject: Option<String>,
    /// Who submitted it (a motie's or amendment's members), as spelled in
    /// the document.
    pub submitters: Vec<String>,
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
    /// The sections below `level` are closed: what follows belongs to the
    /// open section at `level` (0 is the document), as after a nested
    /// part of the source ends.
    End {
        level: usize,
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

/// The name endings of the files the import reads, lower case: what
/// `dossier import FOLDER` takes from a folder. A new reader adds its own.
pub const SOURCE_EXTENSIONS: &[&str] = &["xml", "txt", "pdf", "docx", "html", "htm"];

/// Whether a file of this name is a source the import reads (by its
/// extension, in any case: `kst-32317-542.XML`).
pub fn is_source_name(name: &str) -> bool {
    name.rsplit_once('.').is_some_and(|(stem, ext)| {
        !stem.is_empty()
            && SOURCE_EXTENSIONS
                .iter()
                .any(|known| known.eq_ignore_ascii_case(ext))
    })
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
    /// The file this one replaces, when the library held another version:
    /// its sections' ids were carried over (see [`ids`]).
    pub previous: Option<String>,
}

/// Imports one source's text (see [`import_bytes`]).
pub fn import(text: &str) -> Result<Imported, ImportError> {
    import_bytes(text.as_bytes(), None)
}

/// Imports one source (see [`import_bytes_over`]) with no earlier version.
pub fn import_bytes(bytes: &[u8], extension: Option<&str>) -> Result<Imported, ImportError> {
    import_bytes_over(bytes, extension, |_| None)
}

/// Imports one source's text as [`import`] does, as a version of what
/// `earlier` gives for the file's name (see [`import_bytes_over`]).
pub fn import_over(
    text: &str,
    earlier: impl FnOnce(&str) -> Option<String>,
) -> Result<Imported, ImportError> {
    import_bytes_over(text.as_bytes(), None, earlier)
}

/// Imports one source: its format decided by [`detect`] from the bytes
/// (`extension`, without the dot, only a hint), then read by that format's
/// reader, as a version of what `earlier` gives for the file's name (the
/// library's file of that name, if any): sections that are the same keep
/// their ids (see [`ids`]). A source that cannot be read is an error; what
/// could not be decided is in the report. The proof's findings are
/// [`Report::problems`]: a caller writes nothing when there are any. A PDF
/// is refused: its caller makes its text with `pdftotext` first.
pub fn import_bytes_over(
    bytes: &[u8],
    extension: Option<&str>,
    earlier: impl FnOnce(&str) -> Option<String>,
) -> Result<Imported, ImportError> {
    let format = detect(bytes, extension)?;
    let mut report = Report::default();
    // `detect` took only UTF-8 for the text formats.
    let text = || {
        let body = bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(bytes);
        std::str::from_utf8(body).map_err(|e| ImportError::whole(format!("not UTF-8 text: {e}")))
    };
    let (document, transcript) = match format {
        Format::OfficialXml => xml::parse(text()?, &mut report)?,
        Format::MinistryPdfText => pdftext::parse(text()?, &mut report)?,
        Format::PublishedText => published::parse(text()?, &mut report)?,
        Format::PublishedHtml => html::parse(text()?, &mut report)?,
        Format::Docx => docx::parse(bytes, &mut report)?,
        Format::Pdf => {
            return Err(ImportError::whole(
                "a PDF: its text is read through pdftotext (install the package poppler-utils)",
            ));
        }
    };
    let file_name = format!("{}.toml", document.id);
    let mut toml = write::write(&document);
    let earlier = earlier(&file_name).filter(|old| *old != toml);
    if let Some(old) = &earlier {
        let carried = ids::carry(old, &toml, &document.id);
        if carried != ids::Carried::default() {
            toml = write::write_with(&document, &carried);
        }
    }
    // Written with the earlier ids, the same version is the same file.
    let previous = earlier.filter(|old| *old != toml);
    crate::work::add(toml.len());
    proof::prove(&transcript, &document, &toml, &mut report);
    Ok(Imported {
        file_name,
        document,
        toml,
        report,
        previous,
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
