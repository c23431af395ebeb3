//! The import on real official-publication XML and on made-up letters that
//! show what the moties do not (headings, footnotes, tables, signatures).

use super::*;

const FIXTURES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../tests/fixtures/op-xml");

fn fixture(name: &str) -> String {
    std::fs::read_to_string(format!("{FIXTURES}/{name}")).unwrap_or_else(|e| panic!("{name}: {e}"))
}

fn load(toml: &str) -> crate::Corpus {
    let files = [crate::load::SourceFile {
        path: "x.toml".into(),
        text: toml.into(),
    }];
    crate::load::load(&files, &crate::load::NoFiles)
}

#[test]
fn a_motie_with_metadata_imports_with_its_identity() {
    let imported = import(&fixture("kst-21501-02-3170.xml")).unwrap();
    let d = &imported.document;
    assert_eq!(d.id, "kst-21501-02-3170");
    assert_eq!(imported.file_name, "kst-21501-02-3170.toml");
    assert_eq!(d.doc_type, "motie");
    assert_eq!(d.date, "2025-06-19");
    assert_eq!(d.year.as_deref(), Some("2024-2025"));
    assert_eq!(d.chamber, Some(crate::citation::Chamber::TweedeKamer));
    assert_eq!(
        d.dossier_title.as_deref(),
        Some("Raad Algemene Zaken en Raad Buitenlandse Zaken")
    );
    assert!(d.title.starts_with("Motie van het lid Kahraman c.s. over"));
    assert_eq!(imported.report.findings, vec![], "{:#?}", imported.report);
    assert!(
        imported
            .toml
            .contains("\nDe Kamer,\n\ngehoord de beraadslaging,\n")
    );
}

#[test]
fn identity_comes_from_the_body_when_only_extern_metadata_is_given() {
    let imported = import(&fixture("kst-36410-VI-60.xml")).unwrap();
    let d = &imported.document;
    assert_eq!(d.id, "kst-36410-vi-60");
    let k = d.kst.as_ref().unwrap();
    assert_eq!((k.dossier.as_str(), k.number.as_str()), ("36410-VI", "60"));
    assert_eq!(d.date, "2024-02-08");
    assert_eq!(d.year.as_deref(), Some("2023-2024"));
    assert!(
        d.title
            .starts_with("MOTIE VAN HET LID BIKKER C.S.: verzoekt de regering"),
        "{}",
        d.title
    );
    assert_eq!(d.doc_type, "motie");
    assert!(
        imported
            .toml
            .contains("url = \"https://zoek.officielebekendmakingen.nl/kst-36410-VI-60.html\"")
    );
}

#[test]
fn list_items_start_with_their_mark_and_extrefs_become_references() {
    let imported = import(&fixture("kst-21501-20-2254.xml")).unwrap();
    assert!(
        imported.toml.contains("\n• om bij de aankomende Raad"),
        "{}",
        imported.toml
    );
    let all: Vec<String> = std::fs::read_dir(FIXTURES)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "xml"))
        .map(|p| std::fs::read_to_string(p).unwrap())
        .collect();
    let with_ref = all.iter().find(|t| t.contains("kst-29279-665")).unwrap();
    let imported = import(with_ref).unwrap();
    assert!(
        imported
            .toml
            .contains("[29 279, nr. 665](kamerstuk-29279-665)"),
        "{}",
        imported.toml
    );
    assert!(imported.toml.contains("id = \"kamerstuk-29279-665\""));
}

#[test]
fn every_fixture_imports_proves_and_loads() {
    let mut count = 0;
    for entry in std::fs::read_dir(FIXTURES).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_none_or(|x| x != "xml") {
            continue;
        }
        let text = std::fs::read_to_string(&path).unwrap();
        let imported = import(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let stem = path.file_stem().unwrap().to_string_lossy().to_lowercase();
        assert_eq!(imported.document.id, stem);
        let bad: Vec<_> = imported
            .report
            .findings
            .iter()
            .filter(|w| w.severity != report::Severity::Note)
            .collect();
        assert!(bad.is_empty(), "{}: {bad:#?}", path.display());
        let corpus = load(&imported.toml);
        assert!(corpus.get(&imported.document.id).is_some() || !corpus.errors.is_empty());
        count += 1;
    }
    assert_eq!(count, 40);
}

const LETTER: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<officiele-publicatie>
  <metadata>
    <meta name="DC.identifier" content="kst-32317-978"/>
    <meta name="OVERHEIDop.dossiernummer" content="32317"/>
    <meta name="OVERHEIDop.ondernummer" content="978"/>
    <meta name="DC.type" scheme="OVERHEIDop.KamerstukTypen" content="Brief"/>
    <meta name="DCTERMS.issued" content="2025-11-21"/>
    <meta name="OVERHEIDop.documenttitel" content="Geannoteerde agenda formele JBZ-Raad 8-9 december 2025"/>
  </metadata>
  <kamerstuk>
    <dossier><dossiernummer><dossiernr>32 317</dossiernr></dossiernummer><titel>JBZ-Raad</titel></dossier>
    <stuk>
      <stuknr>Nr. <ondernummer>978</ondernummer></stuknr>
      <titel>BRIEF VAN DE MINISTER</titel>
      <algemeen><vrije-tekst><tekst>
        <al>Hierbij ontvangt u de agenda<noot id="n1" type="voet"><noot.nr>1</noot.nr><noot.al>Kamerstuk <extref doc="kst-32317-973">32 317, nr. 973</extref></noot.al></noot>.</al>
        <divisie>
          <kop><nr>1.</nr><titel>Migratie</titel></kop>
          <al>Over <nadruk type="vet">migratie</nadruk> [zie ook]<nootref refid="n1"/>.</al>
          <tussenkop>EBSP</tussenkop>
          <al>Tekst over EBSP.</al>
          <divisie>
            <kop><titel>Verdere stappen</titel></kop>
            <al>Nog meer.</al>
          </divisie>
        </divisie>
        <table><tgroup cols="2"><tbody>
          <row><entry>Land</entry><entry>Aantal</entry></row>
          <row><entry>België</entry><entry>3</entry></row>
        </tbody></tgroup></table>
        <raar>Onbekend element</raar>
      </tekst></vrije-tekst></algemeen>
      <tekst-sluiting><ondertekening><functie>De Minister van Justitie en Veiligheid,</functie><naam>F. van Oosten</naam></ondertekening></tekst-sluiting>
    </stuk>
  </kamerstuk>
</officiele-publicatie>
"#;

#[test]
fn a_letter_has_headings_footnotes_tables_and_signatories() {
    let imported = import(LETTER).unwrap();
    let t = &imported.toml;
    assert!(
        t.contains("Hierbij ontvangt u de agenda[1](kst-32317-978/fn-1)."),
        "{t}"
    );
    assert!(t.contains("id = \"kst-32317-978/1-migratie\""), "{t}");
    assert!(
        t.contains("Over migratie \\[zie ook\\][1](kst-32317-978/fn-1)."),
        "{t}"
    );
    assert!(
        t.contains("[[section.section]]\nid = \"kst-32317-978/1-migratie/ebsp\""),
        "{t}"
    );
    assert!(t.contains("Land | Aantal\n\nBelgië | 3"), "{t}");
    assert!(t.contains("Onbekend element"), "{t}");
    assert!(
        t.contains("role = \"De Minister van Justitie en Veiligheid\"\nname = \"F. van Oosten\""),
        "{t}"
    );
    assert!(
        t.contains("Kamerstuk [32 317, nr. 973](kamerstuk-32317-973)"),
        "{t}"
    );
    let codes: Vec<&str> = imported.report.findings.iter().map(|w| w.code).collect();
    assert_eq!(
        codes,
        ["unknown-element", "footnote-cited-again"],
        "{:#?}",
        imported.report
    );
    assert_eq!(imported.report.findings[0].line, 32);
    assert_eq!(imported.report.problems().count(), 0);
}

#[test]
fn refusals_say_why_and_where() {
    let e = import("<officiele-publicatie><kamerstuk>").unwrap_err();
    assert!(e.to_string().starts_with("1:1: malformed XML"), "{e}");
    let e =
        import("<!DOCTYPE x [<!ENTITY a SYSTEM \"file:///etc/passwd\">]><x>&a;</x>").unwrap_err();
    assert!(e.message.contains("malformed XML"), "{e}");
    let e = import("<officiele-publicatie><staatscourant/></officiele-publicatie>").unwrap_err();
    assert!(e.message.starts_with("not a Kamerstuk"), "{e}");
    let e = import("<notice/>").unwrap_err();
    assert!(e.message.starts_with("not an official publication"), "{e}");
    // A web page is read as one: one that is not a Kamerstuk's says so.
    let e = import("<html/>").unwrap_err();
    assert!(
        e.message.starts_with("a web page, but not a Kamerstuk's"),
        "{e}"
    );
}

#[test]
fn the_same_source_writes_the_same_bytes() {
    let a = import(LETTER).unwrap();
    let b = import(LETTER).unwrap();
    assert_eq!(a.toml, b.toml);
}

#[test]
fn control_characters_stay_data_and_the_file_stays_valid() {
    let src = LETTER.replace("Nog meer.", "Nog meer &#x202e; '''.");
    let imported = import(&src).unwrap();
    assert_eq!(
        imported.report.problems().count(),
        0,
        "{:#?}",
        imported.report
    );
    let v: toml::Table = toml::from_str(&imported.toml).unwrap();
    let text = v["section"][0]["section"][1]["text"].as_str().unwrap();
    assert!(text.contains("'''") && text.contains('\u{202e}'));
}

/// Every prefix of a real source (as a cut-off download would give) and
/// every byte changed in turn: no panic, and an import whose proof passes
/// writes a file the loader reads without error.
#[test]
fn cut_and_damaged_sources_never_panic_and_never_write_a_bad_file() {
    let letter = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../dossiers/source/kamerbrief-7010422.txt"
    ))
    .unwrap();
    let xml = fixture("kst-21501-20-2254.xml");
    let mut checked = 0;
    for source in [&letter, &xml, &LETTER.to_string()] {
        let cuts = (0..source.len())
            .step_by(211)
            .filter(|&i| source.is_char_boundary(i));
        let damaged = (0..source.len()).step_by(193).filter_map(|i| {
            let mut b = source.as_bytes().to_vec();
            b[i] = b"<>&\n 1.;:-"[i % 10];
            String::from_utf8(b).ok()
        });
        let inputs: Vec<String> = cuts
            .map(|i| source[..i].to_string())
            .chain(damaged)
            .collect();
        for input in inputs {
            if let Ok(done) = import(&input)
                && done.report.problems().next().is_none()
            {
                let corpus = load(&done.toml);
                assert!(
                    corpus.errors.is_empty(),
                    "{:?}\n{}",
                    corpus.errors,
                    done.toml
                );
            }
            checked += 1;
        }
    }
    assert!(checked > 150);
}

#[test]
fn a_day_the_calendar_lacks_is_passed_over_for_a_real_one_or_refused() {
    let source = fixture("kst-21501-02-3170.xml");
    // The metadata's date is no day; the body's is: the body's is taken,
    // and the file written loads.
    let bad_issued = source.replace(
        "name=\"DCTERMS.issued\" scheme=\"DCTERMS.W3CDTF\" content=\"2025-06-19\"",
        "name=\"DCTERMS.issued\" scheme=\"DCTERMS.W3CDTF\" content=\"2025-03-40\"",
    );
    assert_ne!(bad_issued, source);
    let imported = import(&bad_issued).unwrap();
    assert_eq!(imported.document.date, "2025-06-19");
    assert!(load(&imported.toml).errors.is_empty());
    // No real day anywhere: written without a date, in its vergaderjaar,
    // and said so.
    let none = bad_issued
        .replace("isodatum=\"2025-06-19\"", "isodatum=\"2025-02-30\"")
        .replace("19\u{a0}juni 2025", "30\u{a0}februari 2025")
        .replace("content=\"2025-06-20\"", "content=\"2025-13-01\"");
    let imported = import(&none).unwrap();
    assert_eq!(imported.document.date, "");
    assert_eq!(imported.report.findings[0].code, "no-date");
    assert!(load(&imported.toml).errors.is_empty());
    // Nor a vergaderjaar: refused, nothing written.
    let e = import(&none.replace("2024-2025", ""))
        .unwrap_err()
        .to_string();
    assert!(e.contains("gives no date"), "{e}");
    // Nor from a letter's text.
    assert_eq!(super::pdftext::dutch_date("31 februari 2025"), None);
    assert_eq!(
        super::pdftext::dutch_date("29 februari 2024").as_deref(),
        Some("2024-02-29")
    );
}

#[test]
fn source_names_are_known_by_their_extension_in_any_case() {
    assert!(is_source_name("kst-32317-542.xml"));
    assert!(is_source_name("BRIEF.TXT"));
    assert!(is_source_name("brief.pdf"));
    assert!(!is_source_name("README.md"));
    assert!(!is_source_name(".xml"));
    assert!(!is_source_name("xml"));
}
