//! The one place that decides what a source is: from its bytes, with the
//! file's extension as a hint only where the bytes leave a choice.
//!
//! A source the import does not know is refused here, in words a person
//! understands, naming the formats that are accepted.

use super::ImportError;
use crate::Position;

/// What a source is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// The official-publication XML of a Kamerstuk (`kst-….xml`).
    OfficialXml,
    /// A ministry letter's PDF text, as `pdftotext` gives it (the page
    /// header with `Datum` and `Pagina N van M`).
    MinistryPdfText,
    /// A letter in its published layout, as text copied or saved from its
    /// page on officielebekendmakingen.nl or tweedekamer.nl.
    PublishedText,
    /// That page's HTML itself.
    PublishedHtml,
    /// A Word document (`.docx`).
    Docx,
    /// A PDF: the caller makes its text with `pdftotext` and imports that.
    Pdf,
}

impl Format {
    /// A short name for messages and reports.
    pub fn name(self) -> &'static str {
        match self {
            Format::OfficialXml => "official XML",
            Format::MinistryPdfText => "a ministry letter's PDF text",
            Format::PublishedText => "a letter's published text",
            Format::PublishedHtml => "a letter's published web page",
            Format::Docx => "a Word document",
            Format::Pdf => "a PDF",
        }
    }
}

/// The formats the import reads, for refusals.
pub const ACCEPTED: &str = "the import reads a Kamerstuk's official XML (.xml), \
a letter as published on officielebekendmakingen.nl or tweedekamer.nl (its page \
saved as .html, or its text as .txt), a ministry letter's PDF (.pdf, through \
pdftotext) or its text (.txt), and Word documents (.docx)";

/// How far into a source the markers of a text format are looked for.
const LOOK_LINES: usize = 120;

/// Decides a source's format from its bytes; `extension` (`xml`, `html`,
/// `txt`, without the dot, any case) only breaks a tie. Empty, binary and
/// unknown sources are refused.
pub fn detect(bytes: &[u8], extension: Option<&str>) -> Result<Format, ImportError> {
    let ext = extension.map(str::to_ascii_lowercase);
    let body = bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(bytes);
    if body.iter().all(u8::is_ascii_whitespace) {
        return Err(ImportError::whole(format!(
            "the source is empty: there is nothing to import ({ACCEPTED})"
        )));
    }
    if body.starts_with(b"%PDF") {
        return Ok(Format::Pdf);
    }
    if body.starts_with(b"PK\x03\x04") || body.starts_with(b"PK\x05\x06") {
        return Ok(Format::Docx);
    }
    if body.starts_with(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1") {
        return Err(ImportError::whole(format!(
            "an old Word document (.doc): save it as .docx in Word and import that ({ACCEPTED})"
        )));
    }
    let text = match std::str::from_utf8(body) {
        Ok(t) => t,
        Err(e) => return Err(not_text(body, e.valid_up_to())),
    };
    if let Some(at) = text.find('\0') {
        return Err(not_text(body, at));
    }
    let start = text.trim_start();
    if start.starts_with('<') {
        if is_html(start) || matches!(ext.as_deref(), Some("html" | "htm" | "xhtml")) {
            return Ok(Format::PublishedHtml);
        }
        return Ok(Format::OfficialXml);
    }
    if is_ministry_text(text) {
        return Ok(Format::MinistryPdfText);
    }
    if super::published::looks_published(text) {
        return Ok(Format::PublishedText);
    }
    Err(ImportError::whole(format!(
        "not a document the import knows: neither a ministry letter's PDF text \
(a page header with `Datum` and `Pagina 1 van N`) nor a letter as published \
(`Nr. …` under its dossier heading, `Den Haag, <date>`) ({ACCEPTED})"
    )))
}

/// Bytes that are not UTF-8 text: binary (a NUL, or control bytes) or text
/// in another encoding.
fn not_text(body: &[u8], at: usize) -> ImportError {
    let head = &body[..body.len().min(8192)];
    let controls = head
        .iter()
        .filter(|&&b| b < 0x20 && !matches!(b, b'\n' | b'\r' | b'\t' | 0x0c))
        .count();
    let before = String::from_utf8_lossy(&body[..at]).into_owned();
    let p = Position::of_offset(&before, before.len());
    if controls > 0 {
        ImportError::at(
            p.line,
            p.col,
            format!(
                "a binary file, not a document the import knows (byte {at} is not text) ({ACCEPTED})"
            ),
        )
    } else {
        ImportError::at(
            p.line,
            p.col,
            format!(
                "not UTF-8 text (invalid byte at offset {at}): save the text as UTF-8 ({ACCEPTED})"
            ),
        )
    }
}

/// `<!DOCTYPE html …>` or an `<html` root, after an XML declaration and
/// comments.
fn is_html(start: &str) -> bool {
    let mut rest = start;
    loop {
        rest = rest.trim_start();
        let lower: String = rest
            .chars()
            .take(16)
            .collect::<String>()
            .to_ascii_lowercase();
        if lower.starts_with("<?xml") {
            match rest.find("?>") {
                Some(i) => rest = &rest[i + 2..],
                None => return false,
            }
        } else if lower.starts_with("<!--") {
            match rest.find("-->") {
                Some(i) => rest = &rest[i + 3..],
                None => return false,
            }
        } else {
            return lower.starts_with("<!doctype html") || lower.starts_with("<html");
        }
    }
}

/// The ministry's PDF layout prints `Pagina N van M` under its page header.
fn is_ministry_text(text: &str) -> bool {
    text.lines().any(|l| {
        let words: Vec<&str> = l.trim().trim_start_matches('\u{c}').split_whitespace().collect();
        matches!(words.as_slice(), ["Pagina", a, "van", b] if a.parse::<u32>().is_ok() && b.parse::<u32>().is_ok())
    })
}

/// The first lines of a text, for the markers of its layout.
pub(super) fn head_lines(text: &str) -> impl Iterator<Item = &str> {
    text.lines().take(LOOK_LINES)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_format_is_told_from_its_bytes() {
        let xml = "<?xml version=\"1.0\"?>\n<officiele-publicatie/>";
        assert_eq!(detect(xml.as_bytes(), None), Ok(Format::OfficialXml));
        let html = "<!DOCTYPE html>\n<html><body><p>x</p></body></html>";
        assert_eq!(detect(html.as_bytes(), None), Ok(Format::PublishedHtml));
        assert_eq!(
            detect(b"<div>Nr. 3</div>", Some("HTML")),
            Ok(Format::PublishedHtml)
        );
        assert_eq!(detect(b"%PDF-1.7\n", Some("txt")), Ok(Format::Pdf));
        assert_eq!(detect(b"PK\x03\x04rest", None), Ok(Format::Docx));
        let ministry = "Datum\n17 december 2025\nPagina 1 van 3\n";
        assert_eq!(
            detect(ministry.as_bytes(), None),
            Ok(Format::MinistryPdfText)
        );
        let published =
            "32 317 JBZ-Raad\n\nNr. 542 BRIEF VAN DE MINISTER\n\nDen Haag, 22 februari 2019\n";
        assert_eq!(
            detect(published.as_bytes(), None),
            Ok(Format::PublishedText)
        );
    }

    #[test]
    fn what_is_not_a_document_is_refused_in_plain_words() {
        for empty in [&b""[..], b"  \n\t\n", b"\xef\xbb\xbf\n"] {
            let e = detect(empty, None).unwrap_err().to_string();
            assert!(e.starts_with("the source is empty"), "{e}");
            assert!(e.contains(".docx"), "{e}");
        }
        let e = detect(b"\x7fELF\x02\x01\x01\0\0\0", None)
            .unwrap_err()
            .to_string();
        assert!(e.contains("a binary file"), "{e}");
        let e = detect(b"caf\xe9 au lait", None).unwrap_err().to_string();
        assert!(
            e.contains("not UTF-8 text (invalid byte at offset 3)"),
            "{e}"
        );
        let e = detect(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1\0\0", None)
            .unwrap_err()
            .to_string();
        assert!(e.contains("save it as .docx"), "{e}");
        let e = detect("Een boodschappenlijst.\nMelk, brood.\n".as_bytes(), None)
            .unwrap_err()
            .to_string();
        assert!(e.starts_with("not a document the import knows"), "{e}");
        assert!(e.contains("officielebekendmakingen.nl"), "{e}");
    }
}
