//! Letters in their published layout, Tweede and Eerste Kamer: text copied
//! from the page, and the page's HTML.

use crate::citation::Chamber;
use crate::import::{Block, Format, Imported, Inline, detect, import, import_bytes};

const FIXTURES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../tests/fixtures/published");

fn fixture(name: &str) -> String {
    std::fs::read_to_string(format!("{FIXTURES}/{name}")).unwrap_or_else(|e| panic!("{name}: {e}"))
}

fn headings(done: &Imported) -> Vec<String> {
    done.document
        .blocks
        .iter()
        .filter_map(|b| match b {
            Block::Heading { text, .. } => Some(text.clone()),
            Block::Paragraph { .. } | Block::End { .. } => None,
        })
        .collect()
}

fn notes_cited(done: &Imported) -> Vec<u32> {
    done.document
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
        .collect()
}

fn loads(toml: &str) {
    let files = [crate::load::SourceFile {
        path: "x.toml".into(),
        text: toml.into(),
    }];
    let corpus = crate::load::load(&files, &crate::load::NoFiles);
    assert!(corpus.errors.is_empty(), "{:?}\n{toml}", corpus.errors);
}

fn check_tweede_kamer_letter(done: &Imported) {
    let d = &done.document;
    assert_eq!(done.report.problems().count(), 0, "{:#?}", done.report);
    assert_eq!(d.id, "kst-32317-542");
    assert_eq!(done.file_name, "kst-32317-542.toml");
    assert_eq!(d.date, "2019-02-22");
    assert_eq!(d.chamber, Some(Chamber::TweedeKamer));
    assert_eq!(d.year.as_deref(), Some("2018-2019"));
    assert_eq!(d.dossier_title.as_deref(), Some("JBZ-Raad"));
    assert_eq!(d.title, "BRIEF VAN DE MINISTER VAN JUSTITIE EN VEILIGHEID");
    assert_eq!(d.doc_type, "brief");
    assert_eq!(headings(done), ["Grensbewaking", "Justitiële samenwerking"]);
    assert_eq!(d.signatories.len(), 1);
    assert_eq!(
        d.signatories[0].role,
        "De Minister van Justitie en Veiligheid"
    );
    assert_eq!(d.signatories[0].name, "F.B.J. Grapperhaus");
    assert_eq!(notes_cited(done), [1, 2, 3]);
    assert_eq!(d.footnotes.len(), 3);
    // Letterhead and page furniture are never text.
    for furniture in [
        "32 317 JBZ-Raad",
        "Aan de Voorzitter",
        "Den Haag, 22",
        "vergaderjaar 2018–2019, 32 317",
        "U bent hier",
        "Zoeken in",
        "Over deze site",
    ] {
        assert!(!done.toml.contains(furniture), "{furniture}\n{}", done.toml);
    }
    assert!(d.references.contains_key("kamerstuk-32317-530"));
    loads(&done.toml);
}

#[test]
fn a_tweede_kamer_letter_as_published_imports_with_its_identity() {
    let text = fixture("tk-32317-542.txt");
    assert_eq!(detect(text.as_bytes(), None), Ok(Format::PublishedText));
    let done = import(&text).unwrap();
    check_tweede_kamer_letter(&done);
    assert_eq!(done.report.warnings().count(), 0, "{:#?}", done.report);
}

#[test]
fn the_published_web_page_imports_as_its_text_does() {
    let html = fixture("tk-32317-542.html");
    assert_eq!(
        detect(html.as_bytes(), Some("html")),
        Ok(Format::PublishedHtml)
    );
    let done = import_bytes(html.as_bytes(), Some("html")).unwrap();
    check_tweede_kamer_letter(&done);
    // The same text as the copied page's, line numbers aside.
    let text = import(&fixture("tk-32317-542.txt")).unwrap();
    let unlined = |blocks: &[Block]| -> Vec<Block> {
        blocks
            .iter()
            .cloned()
            .map(|mut b| {
                match &mut b {
                    Block::Heading { line, .. } | Block::Paragraph { line, .. } => *line = 0,
                    Block::End { .. } => {}
                }
                b
            })
            .collect()
    };
    assert_eq!(
        unlined(&done.document.blocks),
        unlined(&text.document.blocks)
    );
}

#[test]
fn an_eerste_kamer_letter_takes_its_letters_and_chamber() {
    let done = import(&fixture("ek-32317-OO.txt")).unwrap();
    let d = &done.document;
    assert_eq!(done.report.problems().count(), 0, "{:#?}", done.report);
    assert_eq!(d.id, "kst-32317-oo");
    let k = d.kst.as_ref().unwrap();
    assert_eq!((k.dossier.as_str(), k.number.as_str()), ("32317", "OO"));
    assert_eq!(d.chamber, Some(Chamber::EersteKamer));
    assert_eq!(d.date, "2019-03-04");
    assert_eq!(headings(&done), ["Asiel en migratie"]);
    let names: Vec<&str> = d.signatories.iter().map(|s| s.name.as_str()).collect();
    assert_eq!(names, ["F.B.J. Grapperhaus", "M.L.J. Harbers"]);
    // `december 20182`: the year kept whole, the marker after it.
    assert_eq!(notes_cited(&done), [1, 2]);
    assert!(done.toml.contains("december 2018[2]"), "{}", done.toml);
    assert!(
        d.references.contains_key("kamerstuk-32317-mm"),
        "{:?}",
        d.references
    );
    loads(&done.toml);
}

#[test]
fn the_eerste_kamer_number_on_the_dossier_line_is_read() {
    let text = fixture("ek-32317-OO.txt").replace(
        "32 317 JBZ-Raad\n\nOO BRIEF VAN DE MINISTER VAN JUSTITIE EN VEILIGHEID\n",
        "32317 OO\n",
    );
    let done = import(&text).unwrap();
    assert_eq!(done.document.id, "kst-32317-oo");
    assert_eq!(done.document.chamber, Some(Chamber::EersteKamer));
}

#[test]
fn a_published_letter_without_its_date_says_where_it_belongs() {
    let text = fixture("tk-32317-542.txt").replace("Den Haag, 22 februari 2019\n", "");
    let e = import(&text).unwrap_err().to_string();
    assert!(e.contains("no date found"), "{e}");
    assert!(e.contains("Den Haag, 22 februari 2019"), "{e}");
}

#[test]
fn numbered_lines_inside_the_text_are_not_footnotes() {
    // A footnote run must reach the end: `1 …` in the text, followed by
    // more text, stays text.
    let text = fixture("tk-32317-542.txt")
        .replace("Grensbewaking\n", "1 Grensbewaking en het agentschap\n");
    let done = import(&text).unwrap();
    assert_eq!(done.document.footnotes.len(), 3);
    assert!(done.toml.contains("1 Grensbewaking en het agentschap"));
}

/// Every prefix of a published letter and its page, and every byte changed
/// in turn: no panic, and an import whose proof passes writes a file the
/// loader reads.
#[test]
fn cut_and_damaged_published_sources_never_panic() {
    let mut checked = 0;
    for source in [
        fixture("tk-32317-542.txt"),
        fixture("ek-32317-OO.txt"),
        fixture("tk-32317-542.html"),
    ] {
        let cuts = (0..source.len())
            .step_by(37)
            .filter(|&i| source.is_char_boundary(i))
            .map(|i| source.as_bytes()[..i].to_vec());
        let damaged = (0..source.len()).step_by(29).map(|i| {
            let mut b = source.as_bytes().to_vec();
            b[i] = b"<>&\n 1.;:-"[i % 10];
            b
        });
        for input in cuts.chain(damaged) {
            if let Ok(done) = import_bytes(&input, None)
                && done.report.problems().next().is_none()
            {
                loads(&done.toml);
            }
            checked += 1;
        }
    }
    assert!(checked > 100, "{checked}");
}

#[test]
fn a_heading_printed_a_line_a_piece_is_read_too() {
    // The page's heading as some copies give it: every part on its own line.
    let text = fixture("ek-32317-OO.txt").replace(
        "32 317 JBZ-Raad\n\nOO BRIEF VAN DE MINISTER VAN JUSTITIE EN VEILIGHEID\n",
        "32 317\nJBZ-Raad\nOO\nBRIEF VAN DE MINISTER VAN\nJUSTITIE EN VEILIGHEID\n",
    );
    let done = import(&text).unwrap();
    let d = &done.document;
    assert_eq!(d.id, "kst-32317-oo");
    assert_eq!(d.dossier_title.as_deref(), Some("JBZ-Raad"));
    assert_eq!(d.title, "BRIEF VAN DE MINISTER VAN JUSTITIE EN VEILIGHEID");
    assert_eq!(headings(&done), ["Asiel en migratie"]);
}

#[test]
fn text_copied_with_its_lines_wrapped_makes_the_same_paragraphs() {
    // As tweedekamer.nl gives it: lines wrapped, no blank line between
    // paragraphs; a paragraph ends on a short line that ends a sentence.
    let text = "32 317 JBZ-Raad\n\
Nr. 542 BRIEF VAN DE MINISTER VAN JUSTITIE EN VEILIGHEID\n\
Aan de Voorzitter van de Tweede Kamer der Staten-Generaal\n\
Den Haag, 22 februari 2019\n\
Hierbij bied ik u, mede namens de Minister voor Migratie, de geannoteerde agenda\n\
aan voor de JBZ-Raad van 7 en 8 maart 2019 in Brussel. Ik ga daarin ook in op de\n\
stand van zaken rond de onderhandelingen.\n\
Grensbewaking\n\
Het voorzitterschap streeft naar een akkoord voor het einde van de zittingsperiode\n\
van het Europees Parlement. Nederland steunt die inzet, zoals eerder gemeld in de\n\
brief van januari.\n\
De Minister van Justitie en Veiligheid,\n\
F.B.J. Grapperhaus\n";
    let done = import(text).unwrap();
    assert_eq!(done.report.problems().count(), 0, "{:#?}", done.report);
    assert_eq!(headings(&done), ["Grensbewaking"]);
    let paragraphs = done
        .document
        .blocks
        .iter()
        .filter(|b| matches!(b, Block::Paragraph { .. }))
        .count();
    assert_eq!(paragraphs, 2);
    assert_eq!(done.document.signatories.len(), 1);
}

#[test]
fn a_footnote_number_may_stand_before_a_tab() {
    let text = fixture("tk-32317-542.txt")
        .replace("\n1 Kamerstuk", "\n1\tKamerstuk")
        .replace("\n2 Handelingen", "\n2\u{a0}Handelingen");
    let done = import(&text).unwrap();
    assert_eq!(done.report.problems().count(), 0, "{:#?}", done.report);
    assert_eq!(notes_cited(&done), [1, 2, 3]);
    assert_eq!(done.document.footnotes.len(), 3);
}

#[test]
fn the_page_without_a_printed_heading_takes_its_identity_from_the_metadata() {
    // The site's own page: a table of metadata, then the letter.
    let text = fixture("tk-32317-542.txt").replace(
        "32 317 JBZ-Raad\n\nNr. 542 BRIEF VAN DE MINISTER VAN JUSTITIE EN VEILIGHEID\n",
        "Datum publicatie\tOrganisatie\tVergaderjaar\tDossier- en ondernummer\n\
26-02-2019\tTweede Kamer der Staten-Generaal\t2018-2019\t32317 nr. 542\n",
    );
    assert_ne!(text, fixture("tk-32317-542.txt"));
    let done = import(&text).unwrap();
    assert_eq!(done.report.problems().count(), 0, "{:#?}", done.report);
    let d = &done.document;
    assert_eq!(d.id, "kst-32317-542");
    assert_eq!(d.date, "2019-02-22");
    assert_eq!(d.chamber, Some(Chamber::TweedeKamer));
    assert_eq!(d.year.as_deref(), Some("2018-2019"));
    assert!(
        !done.toml.contains("Dossier- en ondernummer"),
        "{}",
        done.toml
    );
}
