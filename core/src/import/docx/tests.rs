//! Word documents built here, part by part, with the zip crate.

use std::io::Write;

use crate::citation::Chamber;
use crate::import::{Block, Format, Inline, detect, import_bytes};

const W: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

/// A `.docx` of the given parts (name, XML).
fn docx(parts: &[(&str, String)]) -> Vec<u8> {
    let mut out = std::io::Cursor::new(Vec::new());
    let mut zip = zip::ZipWriter::new(&mut out);
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    for (name, xml) in parts {
        zip.start_file(*name, options).unwrap();
        zip.write_all(xml.as_bytes()).unwrap();
    }
    zip.finish().unwrap();
    out.into_inner()
}

fn p(style: Option<&str>, runs: &str) -> String {
    let ppr = style.map_or(String::new(), |s| {
        format!("<w:pPr><w:pStyle w:val=\"{s}\"/></w:pPr>")
    });
    format!("<w:p>{ppr}{runs}</w:p>")
}

fn r(text: &str) -> String {
    format!("<w:r><w:t xml:space=\"preserve\">{text}</w:t></w:r>")
}

fn note(id: u32) -> String {
    format!(
        "<w:r><w:rPr><w:rStyle w:val=\"FootnoteReference\"/></w:rPr><w:footnoteReference w:id=\"{id}\"/></w:r>"
    )
}

fn item(num: u32, text: &str) -> String {
    format!(
        "<w:p><w:pPr><w:numPr><w:ilvl w:val=\"0\"/><w:numId w:val=\"{num}\"/></w:numPr></w:pPr>{}</w:p>",
        r(text)
    )
}

fn document(body: &[String]) -> String {
    format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\
<w:document xmlns:w=\"{W}\"><w:body>{}<w:sectPr/></w:body></w:document>",
        body.concat()
    )
}

fn styles() -> String {
    format!(
        "<w:styles xmlns:w=\"{W}\">\
<w:style w:type=\"paragraph\" w:styleId=\"Standaard\"><w:name w:val=\"Normal\"/></w:style>\
<w:style w:type=\"paragraph\" w:styleId=\"Kop1\"><w:name w:val=\"heading 1\"/></w:style>\
<w:style w:type=\"paragraph\" w:styleId=\"Kop2\"><w:name w:val=\"heading 2\"/></w:style>\
<w:style w:type=\"paragraph\" w:styleId=\"MinKop\"><w:name w:val=\"Kopje ministerie\"/><w:basedOn w:val=\"Kop1\"/></w:style>\
<w:style w:type=\"paragraph\" w:styleId=\"A\"><w:name w:val=\"a\"/><w:basedOn w:val=\"B\"/></w:style>\
<w:style w:type=\"paragraph\" w:styleId=\"B\"><w:name w:val=\"b\"/><w:basedOn w:val=\"A\"/></w:style>\
<w:style w:type=\"character\" w:styleId=\"FootnoteReference\"><w:name w:val=\"footnote reference\"/></w:style>\
</w:styles>"
    )
}

fn numbering() -> String {
    format!(
        "<w:numbering xmlns:w=\"{W}\">\
<w:abstractNum w:abstractNumId=\"0\"><w:lvl w:ilvl=\"0\"><w:start w:val=\"1\"/><w:numFmt w:val=\"bullet\"/><w:lvlText w:val=\"\u{f0b7}\"/></w:lvl></w:abstractNum>\
<w:abstractNum w:abstractNumId=\"1\"><w:lvl w:ilvl=\"0\"><w:start w:val=\"1\"/><w:numFmt w:val=\"decimal\"/><w:lvlText w:val=\"%1.\"/></w:lvl></w:abstractNum>\
<w:num w:numId=\"1\"><w:abstractNumId w:val=\"0\"/></w:num>\
<w:num w:numId=\"2\"><w:abstractNumId w:val=\"1\"/></w:num>\
</w:numbering>"
    )
}

fn footnotes(notes: &[(u32, &str)]) -> String {
    let mut out = format!(
        "<w:footnotes xmlns:w=\"{W}\">\
<w:footnote w:type=\"separator\" w:id=\"-1\"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>\
<w:footnote w:type=\"continuationSeparator\" w:id=\"0\"><w:p><w:r><w:continuationSeparator/></w:r></w:p></w:footnote>"
    );
    for (id, text) in notes {
        out.push_str(&format!(
            "<w:footnote w:id=\"{id}\"><w:p><w:r><w:footnoteRef/></w:r>{}</w:p></w:footnote>",
            r(&format!(" {text}"))
        ));
    }
    out.push_str("</w:footnotes>");
    out
}

/// A Tweede Kamer letter as the Kamer distributes it in Word.
fn letter() -> Vec<u8> {
    let body = [
        p(None, &r("Tweede Kamer der Staten-Generaal")),
        p(None, &r("Vergaderjaar 2018–2019")),
        // The heading in a table, as a Kamer template lays it out.
        format!(
            "<w:tbl><w:tr><w:tc>{}</w:tc><w:tc>{}</w:tc></w:tr><w:tr><w:tc>{}</w:tc><w:tc>{}</w:tc></w:tr></w:tbl>",
            p(None, &r("32 317")),
            p(None, &r("JBZ-Raad")),
            p(None, &r("Nr. 542")),
            p(None, &r("BRIEF VAN DE MINISTER VAN JUSTITIE EN VEILIGHEID"))
        ),
        p(
            None,
            &r("Aan de Voorzitter van de Tweede Kamer der Staten-Generaal"),
        ),
        p(None, &r("Den Haag, 22 februari 2019")),
        p(
            None,
            &format!(
                "{}{}{}",
                r(
                    "Hierbij bied ik u de geannoteerde agenda aan voor de JBZ-Raad van 7 en 8 maart 2019."
                ),
                note(2),
                r(" De Raad spreekt over drie onderwerpen:")
            ),
        ),
        item(1, "grensbewaking;"),
        item(1, "e-evidence;"),
        item(1, "terrorismebestrijding."),
        p(Some("Kop1"), &r("Grensbewaking")),
        p(
            None,
            &format!(
                "{}<w:del><w:r><w:delText>niet meer</w:delText></w:r></w:del>{}{}",
                r("Nederland steunt de inzet, zoals gemeld in "),
                r("Kamerstuk 32 317, nr. 530."),
                note(3)
            ),
        ),
        p(Some("Kop2"), &r("Cijfers")),
        format!(
            "<w:tbl><w:tr><w:tc>{}</w:tc><w:tc>{}</w:tc></w:tr><w:tr><w:tc>{}</w:tc><w:tc>{}</w:tc></w:tr></w:tbl>",
            p(None, &r("Jaar")),
            p(None, &r("Aanvragen")),
            p(None, &r("2018")),
            p(None, &r("1.200"))
        ),
        p(Some("MinKop"), &r("Tot slot")),
        p(Some("A"), &r("Een stijl die op zichzelf rust.")),
        item(2, "Eerst dit."),
        item(2, "Dan dat."),
        p(None, &r("De Minister van Justitie en Veiligheid,")),
        p(None, &r("F.B.J. Grapperhaus")),
    ];
    docx(&[
        ("[Content_Types].xml", "<Types/>".to_string()),
        ("word/document.xml", document(&body)),
        ("word/styles.xml", styles()),
        ("word/numbering.xml", numbering()),
        (
            "word/footnotes.xml",
            footnotes(&[
                (2, "Kamerstuk 32 317, nr. 530"),
                (3, "Zie ook de brief van 12 januari 2019."),
            ]),
        ),
    ])
}

#[test]
fn a_word_letter_imports_with_headings_footnotes_lists_tables_and_signature() {
    let bytes = letter();
    assert_eq!(detect(&bytes, Some("docx")), Ok(Format::Docx));
    let done = import_bytes(&bytes, Some("docx")).unwrap();
    assert_eq!(done.report.problems().count(), 0, "{:#?}", done.report);
    assert_eq!(done.report.warnings().count(), 0, "{:#?}", done.report);
    let d = &done.document;
    assert_eq!(d.id, "kst-32317-542");
    assert_eq!(d.date, "2019-02-22");
    assert_eq!(d.chamber, Some(Chamber::TweedeKamer));
    assert_eq!(d.year.as_deref(), Some("2018-2019"));
    assert_eq!(d.dossier_title.as_deref(), Some("JBZ-Raad"));
    assert_eq!(d.title, "BRIEF VAN DE MINISTER VAN JUSTITIE EN VEILIGHEID");
    assert!(!done.toml.contains("32 317 | JBZ-Raad"), "{}", done.toml);
    assert!(!done.toml.contains("Nr. 542"), "{}", done.toml);
    let headings: Vec<(usize, &str)> = d
        .blocks
        .iter()
        .filter_map(|b| match b {
            Block::Heading { level, text, .. } => Some((*level, text.as_str())),
            Block::Paragraph { .. } | Block::End { .. } => None,
        })
        .collect();
    // `Tot slot` is in a style based on `heading 1`.
    assert_eq!(
        headings,
        [(1, "Grensbewaking"), (2, "Cijfers"), (1, "Tot slot")]
    );
    // Footnotes numbered as Word shows them, at their references.
    let notes: Vec<u32> = d
        .blocks
        .iter()
        .filter_map(|b| match b {
            Block::Paragraph { inlines, .. } => Some(inlines),
            Block::Heading { .. } | Block::End { .. } => None,
        })
        .flatten()
        .filter_map(|i| match i {
            Inline::Note(n) => Some(*n),
            _ => None,
        })
        .collect();
    assert_eq!(notes, [1, 2]);
    assert_eq!(d.footnotes.len(), 2);
    assert!(done.toml.contains("Zie ook de brief van 12 januari 2019."));
    assert!(done.toml.contains("• grensbewaking;"), "{}", done.toml);
    assert!(done.toml.contains("2. Dan dat."), "{}", done.toml);
    assert!(done.toml.contains("2018 | 1.200"), "{}", done.toml);
    assert!(!done.toml.contains("niet meer"), "deleted text is no text");
    assert!(!done.toml.contains("Aan de Voorzitter"));
    assert!(!done.toml.contains("Den Haag, 22"));
    assert_eq!(d.signatories.len(), 1);
    assert_eq!(d.signatories[0].name, "F.B.J. Grapperhaus");
    assert!(d.references.contains_key("kamerstuk-32317-530"));
    let files = [crate::load::SourceFile {
        path: "x.toml".into(),
        text: done.toml.clone(),
    }];
    let corpus = crate::load::load(&files, &crate::load::NoFiles);
    assert!(corpus.errors.is_empty(), "{:?}", corpus.errors);
}

#[test]
fn a_ministry_letter_in_word_takes_its_date_and_reference_from_the_page_header() {
    let header = format!(
        "<w:hdr xmlns:w=\"{W}\">{}{}{}{}</w:hdr>",
        p(None, &r("Datum")),
        p(None, &r("17 december 2025")),
        p(None, &r("Onze referentie")),
        p(None, &r("7010422")),
    );
    let body = [
        p(None, &r("Hierbij informeer ik uw Kamer over de JBZ-Raad.")),
        p(None, &r("De Minister van Justitie en Veiligheid,")),
        p(None, &r("D.M. van Weel")),
    ];
    let bytes = docx(&[
        ("word/document.xml", document(&body)),
        ("word/header1.xml", header),
    ]);
    let done = import_bytes(&bytes, None).unwrap();
    assert_eq!(done.report.problems().count(), 0, "{:#?}", done.report);
    assert_eq!(done.document.id, "kamerbrief-7010422");
    assert_eq!(done.document.date, "2025-12-17");
    assert_eq!(done.document.signatories[0].name, "D.M. van Weel");
}

#[test]
fn a_zip_that_is_no_word_document_is_refused() {
    let bytes = docx(&[("readme.txt", "hallo".into())]);
    let e = import_bytes(&bytes, None).unwrap_err().to_string();
    assert!(e.contains("not a Word document"), "{e}");
    let e = import_bytes(b"PK\x03\x04 not really", None)
        .unwrap_err()
        .to_string();
    assert!(e.contains("cannot be read"), "{e}");
}

#[test]
fn a_zip_bomb_is_refused_before_it_is_unpacked() {
    // 80 MiB of spaces compress to a few hundred KiB.
    let big = format!(
        "<w:document xmlns:w=\"{W}\"><w:body>{}</w:body></w:document>",
        " ".repeat(80 * 1024 * 1024)
    );
    let bytes = docx(&[("word/document.xml", big)]);
    assert!(bytes.len() < 1024 * 1024, "{}", bytes.len());
    let e = import_bytes(&bytes, None).unwrap_err().to_string();
    assert!(e.contains("zip bomb"), "{e}");
}

#[test]
fn too_many_entries_are_refused() {
    let names: Vec<(String, String)> = (0..=super::MAX_ENTRIES)
        .map(|i| (format!("x/{i}"), String::new()))
        .collect();
    let parts: Vec<(&str, String)> = names.iter().map(|(n, t)| (n.as_str(), t.clone())).collect();
    let e = import_bytes(&docx(&parts), None).unwrap_err().to_string();
    assert!(e.contains("over the limit"), "{e}");
}

#[test]
fn a_cut_or_damaged_word_document_never_panics() {
    let bytes = letter();
    for i in (0..bytes.len()).step_by(97) {
        let _ = import_bytes(&bytes[..i], None);
        let mut b = bytes.clone();
        b[i] ^= 0x5a;
        let _ = import_bytes(&b, None);
    }
}

#[test]
fn endnotes_are_notes_too() {
    let body = [
        p(None, &r("32 317 JBZ-Raad")),
        p(None, &r("Nr. 9 BRIEF VAN DE MINISTER")),
        p(None, &r("Den Haag, 3 maart 2019")),
        p(
            None,
            &format!(
                "{}{}{}<w:r><w:endnoteReference w:id=\"5\"/></w:r>",
                r("Eerst een voetnoot."),
                note(2),
                r(" Dan een eindnoot.")
            ),
        ),
    ];
    let endnotes = format!(
        "<w:endnotes xmlns:w=\"{W}\"><w:endnote w:id=\"5\"><w:p><w:r><w:endnoteRef/></w:r>{}</w:p></w:endnote></w:endnotes>",
        r(" Een eindnoot.")
    );
    let bytes = docx(&[
        ("word/document.xml", document(&body)),
        ("word/footnotes.xml", footnotes(&[(2, "Een voetnoot.")])),
        ("word/endnotes.xml", endnotes),
    ]);
    let done = import_bytes(&bytes, None).unwrap();
    assert_eq!(done.report.problems().count(), 0, "{:#?}", done.report);
    let notes: Vec<String> = done
        .document
        .footnotes
        .iter()
        .map(|f| format!("{}:{:?}", f.number, f.paragraphs))
        .collect();
    assert_eq!(notes.len(), 2, "{notes:?}");
    assert!(
        notes[1].starts_with("2:") && notes[1].contains("Een eindnoot."),
        "{notes:?}"
    );
}
