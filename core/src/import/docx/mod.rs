//! A Word document (`.docx`): a zip archive of XML parts.
//!
//! Read from bytes (no file system): the body (`word/document.xml`), the
//! styles (headings are paragraphs whose style is `heading N` / `Kop N` or
//! has an outline level), the numbering (a list item starts with the mark
//! Word shows: `•`, `1.`, `a.`), the footnotes part (each footnote at its
//! reference, numbered in order as Word numbers them; endnotes join that
//! numbering where they are referred to) and the page headers
//! (for a ministry letter's `Datum` and reference). Tables become a
//! paragraph per row, cells joined by ` | `. The signature is the pairs of
//! role and name at the end. Deleted text of tracked changes and field
//! codes are not text.
//!
//! The identity is a letter's as published (`32 317 JBZ-Raad` / `Nr. 542 …`
//! / `Den Haag, <date>` at the top, see [`super::published`]) or a
//! ministry letter's (`Datum` and `Onze referentie` in the page header or
//! at the top).
//!
//! A zip bomb is a zip file too: at most [`MAX_ENTRIES`] entries, and each
//! part is unpacked through a limit of [`MAX_PART_BYTES`].
//!
//! The import's findings give a paragraph's number (counted in the body
//! from 1) where a text source gives a line.

mod body;
mod parts;

use std::io::{Cursor, Read};

use super::{Document, ImportError, Report, Signatory, Transcript, published};
use crate::citation::Chamber;

/// The most entries a Word document's archive may hold.
pub const MAX_ENTRIES: usize = 2_000;
/// The most bytes one part may unpack to.
pub const MAX_PART_BYTES: u64 = 64 * 1024 * 1024;
/// The most bytes all parts read may unpack to together.
pub const MAX_TOTAL_BYTES: u64 = 160 * 1024 * 1024;
/// The most page headers read.
const MAX_HEADERS: usize = 32;

pub fn parse(bytes: &[u8], report: &mut Report) -> Result<(Document, Transcript), ImportError> {
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes)).map_err(|e| {
        ImportError::whole(format!(
            "a zip archive that cannot be read ({e}), so not a Word document the import reads"
        ))
    })?;
    if archive.len() > MAX_ENTRIES {
        return Err(ImportError::whole(format!(
            "a zip archive of {} entries, over the limit of {MAX_ENTRIES} for a Word document: refused",
            archive.len()
        )));
    }
    let mut budget = MAX_TOTAL_BYTES;
    let mut archive = Archive {
        zip: &mut archive,
        budget: &mut budget,
    };
    let Some(document) = archive.part("word/document.xml")? else {
        return Err(ImportError::whole(format!(
            "a zip archive, but not a Word document (it has no word/document.xml) ({})",
            super::format::ACCEPTED
        )));
    };
    let styles = archive.part("word/styles.xml")?;
    let numbering = archive.part("word/numbering.xml")?;
    let footnotes = archive.part("word/footnotes.xml")?;
    let endnotes = archive.part("word/endnotes.xml")?;
    let mut headers = Vec::new();
    let mut names: Vec<String> = archive
        .zip
        .file_names()
        .filter_map(Result::ok)
        .filter(|n| n.starts_with("word/header") && n.ends_with(".xml"))
        .map(|n| n.to_string())
        .collect();
    names.sort();
    for name in names.iter().take(MAX_HEADERS) {
        if let Some(h) = archive.part(name)? {
            headers.push(h);
        }
    }

    let styles = styles
        .as_deref()
        .map(parts::styles)
        .transpose()?
        .unwrap_or_default();
    let numbering = numbering
        .as_deref()
        .map(parts::numbering)
        .transpose()?
        .unwrap_or_default();
    let mut notes = std::collections::HashMap::new();
    if let Some(f) = footnotes.as_deref() {
        parts::notes(f, false, &mut notes)?;
    }
    if let Some(e) = endnotes.as_deref() {
        parts::notes(e, true, &mut notes)?;
    }
    let header_lines: Vec<String> = headers
        .iter()
        .map(|h| parts::plain_paragraphs(h))
        .collect::<Result<Vec<_>, _>>()?
        .into_iter()
        .flatten()
        .collect();
    let paragraphs = body::read(&document, &styles, &numbering)?;
    body::assemble(paragraphs, &notes, &header_lines, report)
}

/// The archive and what may still be unpacked from it.
struct Archive<'z, 'b> {
    zip: &'z mut zip::ZipArchive<Cursor<&'b [u8]>>,
    budget: &'z mut u64,
}

impl Archive<'_, '_> {
    /// One part's text, unpacked through the limits; `None` when the
    /// archive lacks it.
    fn part(&mut self, name: &str) -> Result<Option<String>, ImportError> {
        let file = match self.zip.by_name(name) {
            Ok(f) => f,
            Err(zip::result::ZipError::FileNotFound) => return Ok(None),
            Err(e) => {
                return Err(ImportError::whole(format!(
                    "the Word document's part {name} cannot be read: {e}"
                )));
            }
        };
        let limit = MAX_PART_BYTES.min(*self.budget);
        if file.size() > limit {
            return Err(too_big(name));
        }
        let mut bytes = Vec::new();
        file.take(limit + 1).read_to_end(&mut bytes).map_err(|e| {
            ImportError::whole(format!(
                "the Word document's part {name} cannot be unpacked: {e}"
            ))
        })?;
        if bytes.len() as u64 > limit {
            return Err(too_big(name));
        }
        *self.budget -= bytes.len() as u64;
        let text = String::from_utf8(bytes).map_err(|_| {
            ImportError::whole(format!("the Word document's part {name} is not UTF-8 XML"))
        })?;
        Ok(Some(text))
    }
}

fn too_big(name: &str) -> ImportError {
    ImportError::whole(format!(
        "the Word document's part {name} unpacks to more than the limit ({MAX_PART_BYTES} bytes \
a part, {MAX_TOTAL_BYTES} in all): refused, as a zip bomb would be"
    ))
}

/// A ministry letter's identity from labelled lines (`Datum` and its
/// value, `Onze referentie` and its value), in the page header or at the
/// top of the body: (date line text, reference).
fn labelled(lines: &[&str]) -> (Option<String>, Option<String>) {
    let mut date = None;
    let mut reference = None;
    for (i, l) in lines.iter().enumerate() {
        let t = l.trim();
        for (label, is_date) in [
            ("Datum", true),
            ("Onze referentie", false),
            ("Ons kenmerk", false),
            ("Kenmerk", false),
        ] {
            let Some(rest) = t.strip_prefix(label) else {
                continue;
            };
            if !(rest.is_empty() || rest.starts_with([':', ' ', '\t', '\u{a0}'])) {
                continue;
            }
            let rest = rest.trim_start_matches(':').trim();
            let value = if rest.is_empty() {
                lines.get(i + 1).map(|v| v.trim().to_string())
            } else {
                Some(rest.to_string())
            };
            let value = value.filter(|v| !v.is_empty());
            if is_date && date.is_none() {
                date = value.filter(|v| super::pdftext::dutch_date(v).is_some());
            } else if !is_date && reference.is_none() {
                reference = value;
            }
            break;
        }
    }
    (date, reference)
}

fn signatories(pairs: &[(String, String)]) -> Vec<Signatory> {
    pairs
        .iter()
        .map(|(role, name)| Signatory {
            role: role.trim_end_matches(',').trim().to_string(),
            name: name.clone(),
        })
        .collect()
}

fn chamber_in(lines: &[&str]) -> Option<Chamber> {
    lines
        .iter()
        .filter(|l| l.trim_start().starts_with("Aan de "))
        .find_map(|l| published::chamber_named(l))
}

#[cfg(test)]
mod tests;
