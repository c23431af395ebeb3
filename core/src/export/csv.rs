//! CSV for a spreadsheet: one row per note in document order, a header
//! row, UTF-8 with a byte order mark (so spreadsheet programs do not guess
//! another encoding), RFC 4180 quoting with CRLF between records, line
//! breaks kept inside cells. A cell that a spreadsheet would take for a
//! formula gets a leading apostrophe.

use std::io::{self, Write};

use super::group::{DocSource, note_source, sorted};
use super::{Lang, Options};
use crate::Corpus;
use crate::annotation::Annotation;
use crate::messages::{EN, NL, messages};
use crate::text::sanitize;

/// The header of an English sheet (the catalogue's): the note, then its
/// document (official citation, kind, date).
pub static HEADER: &[&str; 18] = &EN.export.csv_header;

/// The header of a Dutch sheet, column for column the same as [`HEADER`].
pub static HEADER_NL: &[&str; 18] = &NL.export.csv_header;

/// Put before the header so that spreadsheet programs read UTF-8.
pub const BOM: &str = "\u{feff}";

/// Tags in one cell are separated by this.
pub const TAG_SEPARATOR: &str = "; ";

/// A sheet in English keeps the data as the store writes it (ISO dates,
/// times in UTC); a sheet in Dutch speaks Dutch: its headers, kinds and
/// statuses, `ja`/`nee`, dates `dd-mm-jjjj` and times `dd-mm-jjjj uu:mm`
/// in the time zone of the options, which a Dutch spreadsheet reads as
/// dates.
pub fn write(
    mut out: impl Write,
    notes: &[Annotation],
    corpus: &Corpus,
    options: &Options,
) -> io::Result<()> {
    out.write_all(BOM.as_bytes())?;
    let mut w = csv::WriterBuilder::new()
        .delimiter(options.csv_delimiter)
        .terminator(csv::Terminator::CRLF)
        .quote_style(csv::QuoteStyle::Necessary)
        .from_writer(out);
    let lang = options.lang;
    let m = messages(lang);
    w.write_record(m.export.csv_header)?;
    // The English sheet is the data as stored; any other speaks its
    // language.
    let spoken = lang != Lang::En;
    let date = |iso: &str| {
        if spoken {
            numeric_date(iso)
        } else {
            iso.to_string()
        }
    };
    let moment = |at: jiff::Timestamp| {
        if spoken {
            at.to_zoned_datetime(options.tz.clone())
                .strftime("%d-%m-%Y %H:%M")
                .to_string()
        } else {
            at.to_string()
        }
    };
    for e in sorted(notes, corpus, options.anchored) {
        let n = e.note;
        let source = note_source(corpus, n);
        let doc = source.document.as_ref();
        let (kind, status, anchored) = if spoken {
            (
                m.shared.kind(n.kind).to_string(),
                m.shared.status(n.status).to_string(),
                if e.anchored {
                    m.shared.yes
                } else {
                    m.shared.no
                }
                .to_string(),
            )
        } else {
            (
                n.kind.as_str().to_string(),
                n.status.as_str().to_string(),
                e.anchored.to_string(),
            )
        };
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
            kind,
            status,
            n.tags.join(TAG_SEPARATOR),
            n.owner.clone().unwrap_or_default(),
            n.due.map(|d| date(&d.to_string())).unwrap_or_default(),
            n.body.clone(),
            n.author.clone(),
            moment(n.created),
            moment(n.updated),
            anchored,
            doc.map(DocSource::cited).unwrap_or_default(),
            doc.map(|d| m.shared.doc_kind(d.kind).to_string())
                .unwrap_or_default(),
            doc.map(|d| date(&d.date)).unwrap_or_default(),
        ];
        w.write_record(row.iter().map(|c| neutralise(&sanitize(c)).into_owned()))?;
    }
    w.flush()?;
    Ok(())
}

/// `2025-12-17` → `17-12-2025`; anything else as given.
fn numeric_date(iso: &str) -> String {
    match jiff::civil::Date::strptime("%Y-%m-%d", iso) {
        Ok(d) => d.strftime("%d-%m-%Y").to_string(),
        Err(_) => iso.to_string(),
    }
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

    #[test]
    fn dates_read_day_first() {
        assert_eq!(numeric_date("2026-01-15"), "15-01-2026");
        assert_eq!(numeric_date("eind januari"), "eind januari");
    }
}
