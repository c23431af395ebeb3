//! CSV for a spreadsheet: one row per note in document order, a header
//! row, UTF-8 with a byte order mark (so spreadsheet programs do not guess
//! another encoding), RFC 4180 quoting with CRLF between records, line
//! breaks kept inside cells. A cell that a spreadsheet would take for a
//! formula gets a leading apostrophe.

use std::io::{self, Write};

use super::Options;
use super::group::sorted;
use crate::Corpus;
use crate::annotation::Annotation;
use crate::text::sanitize;

pub const HEADER: [&str; 15] = [
    "id",
    "dossier",
    "node",
    "node title",
    "quote",
    "kind",
    "status",
    "tags",
    "owner",
    "due",
    "body",
    "author",
    "created",
    "updated",
    "anchored",
];

/// Put before the header so that spreadsheet programs read UTF-8.
pub const BOM: &str = "\u{feff}";

/// Tags in one cell are separated by this.
pub const TAG_SEPARATOR: &str = "; ";

pub fn write(
    mut out: impl Write,
    notes: &[Annotation],
    corpus: &Corpus,
    options: &Options,
) -> io::Result<()> {
    out.write_all(BOM.as_bytes())?;
    let mut w = csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .quote_style(csv::QuoteStyle::Necessary)
        .from_writer(out);
    w.write_record(HEADER)?;
    for e in sorted(notes, corpus, options.anchored) {
        let n = e.note;
        let row = [
            n.id.clone(),
            n.target.dossier.clone(),
            n.target.node.clone(),
            e.node_title.clone(),
            n.target
                .quote
                .as_ref()
                .map(|q| q.exact.clone())
                .unwrap_or_default(),
            n.kind.as_str().to_string(),
            n.status.as_str().to_string(),
            n.tags.join(TAG_SEPARATOR),
            n.owner.clone().unwrap_or_default(),
            n.due.map(|d| d.to_string()).unwrap_or_default(),
            n.body.clone(),
            n.author.clone(),
            n.created.to_string(),
            n.updated.to_string(),
            e.anchored.to_string(),
        ];
        w.write_record(row.iter().map(|c| neutralise(&sanitize(c)).into_owned()))?;
    }
    w.flush()?;
    Ok(())
}

/// A cell that starts like a formula (`=`, `+`, `-`, `@`, tab, carriage
/// return) gets an apostrophe in front, which spreadsheets show as text.
pub fn neutralise(cell: &str) -> std::borrow::Cow<'_, str> {
    match cell.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r') => format!("'{cell}").into(),
        _ => cell.into(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formula_starts_are_neutralised_and_others_kept() {
        assert_eq!(neutralise("=SUM(A1)"), "'=SUM(A1)");
        assert_eq!(neutralise("-1"), "'-1");
        assert_eq!(neutralise("@cmd"), "'@cmd");
        assert_eq!(neutralise("\tx"), "'\tx");
        assert_eq!(neutralise("gewoon = tekst"), "gewoon = tekst");
        assert_eq!(neutralise(""), "");
    }
}
