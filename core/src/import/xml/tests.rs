//! The XML reader on the real fixtures changed as real files differ, and
//! the work it does held linear in the size of what it reads.

use super::super::{Block, import};
use super::parse_counted;
use crate::import::Report;

const FIXTURES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../tests/fixtures/op-xml");

fn fixture(name: &str) -> String {
    std::fs::read_to_string(format!("{FIXTURES}/{name}")).unwrap_or_else(|e| panic!("{name}: {e}"))
}

/// The source with its `datumtekst` replaced.
fn with_datumtekst(source: &str, replacement: &str) -> String {
    let start = source.find("<datumtekst>").unwrap();
    let end = source.find("</datumtekst>").unwrap() + "</datumtekst>".len();
    format!("{}{replacement}{}", &source[..start], &source[end..])
}

fn load(toml: &str) -> crate::Corpus {
    let files = [crate::load::SourceFile {
        path: "x.toml".into(),
        text: toml.into(),
    }];
    crate::load::load(&files, &crate::load::NoFiles)
}

#[test]
fn a_kamerstuk_without_a_date_keeps_its_vergaderjaar() {
    let source = with_datumtekst(&fixture("kst-36410-VI-60.xml"), "");
    assert!(!source.contains("datumtekst"));
    let imported = import(&source).unwrap();
    assert_eq!(imported.document.date, "");
    assert_eq!(imported.document.year.as_deref(), Some("2023-2024"));
    assert!(!imported.toml.contains("\ndate ="), "{}", imported.toml);
    let codes: Vec<_> = imported.report.findings.iter().map(|w| w.code).collect();
    assert_eq!(codes, ["no-date"]);
    let corpus = load(&imported.toml);
    assert!(corpus.errors.is_empty(), "{:?}", corpus.errors);
    let d = corpus.get("kst-36410-vi-60").unwrap();
    let m = corpus.node(d).letter.as_deref().unwrap();
    assert_eq!(m.date, None);
    assert_eq!(m.numeric_date(crate::lang::Lang::Nl), "datum onbekend");
    // Neither a date nor a vergaderjaar: refused.
    let bare = source.replace(
        "<tekstregel inhoud=\"vergaderjaar\">Vergaderjaar 2023-2024</tekstregel>",
        "",
    );
    let e = import(&bare).unwrap_err();
    assert!(e.message.contains("no date and no vergaderjaar"), "{e}");
}

#[test]
fn a_date_printed_without_its_space_is_read() {
    let source = with_datumtekst(
        &fixture("kst-36410-VI-60.xml"),
        "<datumtekst>Voorgesteld 3december 2024</datumtekst>",
    );
    let imported = import(&source).unwrap();
    assert_eq!(imported.document.date, "2024-12-03");
    assert!(
        imported.report.findings.is_empty(),
        "{:#?}",
        imported.report
    );
}

#[test]
fn a_rijkswet_number_belongs_to_the_dossier() {
    let source = fixture("kst-21501-02-3170.xml")
        .replace("content=\"kst-21501-02-3170\"", "content=\"kst-36455-11\"")
        .replace("content=\"21501-02\"", "content=\"36455-(R2188)\"")
        .replace("content=\"3170\"", "content=\"11\"");
    let imported = import(&source).unwrap();
    assert_eq!(imported.document.id, "kst-36455-11");
    assert_eq!(imported.document.rijkswet.as_deref(), Some("R2188"));
    assert!(imported.toml.contains("\ndossier_number = \"36455\"\n"));
    assert!(imported.toml.contains("\nrijkswet = \"R2188\"\n"));
    let corpus = load(&imported.toml);
    assert!(corpus.errors.is_empty(), "{:?}", corpus.errors);
    let d = corpus.get("kst-36455-11").unwrap();
    let m = corpus.node(d).letter.as_deref().unwrap();
    assert_eq!(m.rijkswet.as_deref(), Some("R2188"));
    // The same number in the body alone.
    let body = fixture("kst-36410-VI-60.xml").replace(
        "<begrotingshoofdstuk>VI</begrotingshoofdstuk>",
        "<dossierref>(R2188)</dossierref>",
    );
    let imported = import(&body).unwrap();
    assert_eq!(imported.document.id, "kst-36410-60");
    assert_eq!(imported.document.rijkswet.as_deref(), Some("R2188"));
}

#[test]
fn attribute_values_are_read_without_spaces_of_any_kind() {
    let source = fixture("kst-24515-785.xml").replace(
        "<extref doc=\"kst-CCD-II\"",
        "<extref doc=\"\u{a0}kst-32824-432\u{200b} \"",
    );
    let imported = import(&source).unwrap();
    assert!(
        imported
            .toml
            .replace('\n', " ")
            .contains("[CCD II](kamerstuk-32824-432)"),
        "{}",
        imported.toml
    );
    assert!(
        imported
            .document
            .references
            .contains_key("kamerstuk-32824-432")
    );
}

#[test]
fn the_type_comes_from_the_whole_title_and_only_from_the_list() {
    let source = fixture("kst-36600-XII-57.xml").replace(
        "<titel>GEWIJZIGDE MOTIE VAN KOSTIĆ",
        "<titel>TWEEDE NADER GEWIJZIGDE MOTIE VAN KOSTIĆ",
    );
    let imported = import(&source).unwrap();
    assert_eq!(imported.document.doc_type, "motie");
    assert_eq!(imported.document.submitters, ["Kostić"]);
    // A DC.type the list does not know is reported, not written.
    let odd = fixture("kst-21501-02-3170.xml").replace(
        "scheme=\"OVERHEIDop.KamerstukTypen\" content=\"Motie\"",
        "scheme=\"OVERHEIDop.KamerstukTypen\" content=\"Motie\u{2028}\u{202e}[31m\"",
    );
    let imported = import(&odd).unwrap();
    assert_eq!(imported.document.doc_type, "motie");
    assert!(!imported.toml.contains('\u{2028}'));
    let codes: Vec<_> = imported.report.findings.iter().map(|w| w.code).collect();
    assert_eq!(codes, ["unknown-type"]);
    let brief = fixture("kst-21501-02-3170.xml").replace(
        "scheme=\"OVERHEIDop.KamerstukTypen\" content=\"Motie\"",
        "scheme=\"OVERHEIDop.KamerstukTypen\" content=\" Nota naar aanleiding van het verslag \"",
    );
    assert_eq!(
        import(&brief).unwrap().document.doc_type,
        "nota naar aanleiding van het verslag"
    );
}

/// Every motie of the fixtures is told apart from the others by words:
/// its title, subject and submitters, never by its number alone.
#[test]
fn the_moties_tell_themselves_apart_by_words() {
    let mut labels = Vec::new();
    for entry in std::fs::read_dir(FIXTURES).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_none_or(|x| x != "xml") {
            continue;
        }
        let d = import(&std::fs::read_to_string(&path).unwrap())
            .unwrap()
            .document;
        let subject = d.subject.clone().unwrap_or_default();
        assert!(!subject.is_empty(), "{}: no subject", d.id);
        assert!(!d.submitters.is_empty(), "{}: no submitters", d.id);
        labels.push(format!(
            "{} | {} | {}",
            d.title,
            subject,
            d.submitters.join(", ")
        ));
    }
    let unique = labels
        .iter()
        .filter(|l| labels.iter().filter(|m| m == l).count() == 1)
        .count();
    assert_eq!(labels.len(), 40);
    // 95% at least; the fixtures reach all.
    assert!(
        unique * 100 >= labels.len() * 95,
        "{unique} of {}",
        labels.len()
    );
    assert_eq!(unique, 40);
}

#[test]
fn a_motie_without_a_metadata_title_is_labelled_by_its_request() {
    let imported = import(&fixture("kst-36410-VI-60.xml")).unwrap();
    let d = &imported.document;
    assert_eq!(
        d.subject.as_deref(),
        Some(
            "verzoekt de regering voor de zomer over te gaan tot een overkoepelende limiet voor \
             storten en verliezen bij onlinecasino's zonder mogelijkheid tot verhoging"
        )
    );
    assert_eq!(d.submitters, ["Bikker"]);
    assert!(
        d.title
            .starts_with("MOTIE VAN HET LID BIKKER C.S.: verzoekt de regering voor de zomer")
    );
    // Every word of the label is the document's own.
    let source = fixture("kst-36410-VI-60.xml");
    for word in d.title.split(|c: char| c.is_whitespace() || c == ':') {
        assert!(word.is_empty() || source.contains(word), "{word}");
    }
    assert!(imported.toml.contains("\nsubmitters = [\"Bikker\"]\n"));
    let corpus = load(&imported.toml);
    let m = corpus
        .node(corpus.get("kst-36410-vi-60").unwrap())
        .letter
        .clone()
        .unwrap();
    assert_eq!(m.submitters, ["Bikker"]);
    assert_eq!(m.subject, d.subject);
    // With a metadata title, that is the title; the subject still comes.
    let with = import(&fixture("kst-21501-02-3170.xml")).unwrap().document;
    assert!(
        with.title
            .starts_with("Motie van het lid Kahraman c.s. over")
    );
    assert_eq!(with.submitters, ["Kahraman"]);
    assert!(with.subject.unwrap().starts_with("verzoekt"));
}

const LETTER_HEAD: &str = r#"<officiele-publicatie><metadata>
<meta name="DC.identifier" content="kst-32317-978"/>
<meta name="DC.type" scheme="OVERHEIDop.KamerstukTypen" content="Brief"/>
<meta name="DCTERMS.issued" content="2025-11-21"/>
</metadata><kamerstuk><stuk><titel>BRIEF</titel><algemeen><vrije-tekst><tekst>
"#;
const LETTER_TAIL: &str =
    "</tekst></vrije-tekst></algemeen></stuk></kamerstuk></officiele-publicatie>";

#[test]
fn text_after_a_closed_divisie_belongs_to_the_section_around_it() {
    let src = format!(
        "{LETTER_HEAD}<divisie><kop><titel>Migratie</titel></kop><al>Eerst.</al>\
         <divisie><kop><titel>EBSP</titel></kop><al>Over EBSP.</al></divisie>\
         <al>Weer over migratie.</al></divisie>\
         <al>Tot slot, de brief zelf.</al>{LETTER_TAIL}"
    );
    let imported = import(&src).unwrap();
    assert_eq!(
        imported.report.problems().count(),
        0,
        "{:#?}",
        imported.report
    );
    let v: toml::Table = toml::from_str(&imported.toml).unwrap();
    let lead = v["dossier"]["text"].as_str().unwrap();
    assert!(lead.contains("Tot slot"), "{}", imported.toml);
    let migratie = &v["section"][0];
    assert_eq!(migratie["title"].as_str(), Some("Migratie"));
    let text = migratie["text"].as_str().unwrap();
    assert!(
        text.contains("Eerst.") && text.contains("Weer over migratie."),
        "{}",
        imported.toml
    );
    let ebsp = &migratie["section"][0];
    assert_eq!(ebsp["text"].as_str().map(str::trim), Some("Over EBSP."));
}

/// The work of reading `n` copies of a part, and of `2n`.
fn work_of(part: &str, n: usize) -> (u64, u64) {
    let run = |k: usize| {
        let src = format!("{LETTER_HEAD}{}{LETTER_TAIL}", part.repeat(k));
        let mut report = Report::default();
        parse_counted(&src, &mut report)
            .unwrap_or_else(|e| panic!("{e}"))
            .2
    };
    (run(n), run(2 * n))
}

/// Doubling the input at most doubles the work, within a constant, for
/// every kind of element.
#[test]
fn the_work_is_linear_in_the_size_for_every_element() {
    let parts = [
        ("al", "<al>Een zin van de brief.</al>\n"),
        (
            "extref",
            "<al><extref doc=\"kst-32317-1\">32317, nr. 1</extref></al>\n",
        ),
        (
            "extref-not-kst",
            "<al><extref doc=\"stb-2024-1\">Stb.</extref></al>\n",
        ),
        (
            "noot",
            "<al>Zin<noot id=\"n\" type=\"voet\"><noot.nr>1</noot.nr><noot.al>Noot.</noot.al></noot>.</al>\n",
        ),
        ("nootref", "<al>Zin<nootref refid=\"n\"/>.</al>\n"),
        (
            "table",
            "<table><tgroup cols=\"2\"><tbody><row><entry>a</entry><entry>b</entry></row></tbody></tgroup></table>\n",
        ),
        (
            "lijst",
            "<lijst><li><li.nr>1.</li.nr><al>Item.</al></li></lijst>\n",
        ),
        (
            "divisie",
            "<divisie><kop><titel>Kop</titel></kop><al>Tekst.</al></divisie>\n",
        ),
        (
            "tussenkop",
            "<tussenkop>Tussen</tussenkop><al>Tekst.</al>\n",
        ),
        (
            "nadruk",
            "<al><nadruk type=\"vet\">vet</nadruk> en <nadruk type=\"cur\">cursief</nadruk></al>\n",
        ),
        (
            "attributes",
            "<al a=\"1\" b=\"2\" c=\"3\" d=\"4\" e=\"5\" f=\"6\" g=\"7\">Attributen.</al>\n",
        ),
        ("unknown", "<raar>Onbekend.</raar>\n"),
        ("one-line", "<al>Alles op een regel.</al>"),
    ];
    for (name, part) in parts {
        let (one, two) = work_of(part, 1000);
        assert!(two <= 2 * one + 10_000, "{name}: {one} → {two}");
        let (one, two) = work_of(part, 4000);
        assert!(two <= 2 * one + 10_000, "{name}: {one} → {two}");
    }
}

/// Nesting as deep as the bound allows, of each kind, is read; deeper is
/// refused with its place, never a crash.
#[test]
fn deep_nesting_is_read_to_the_bound_and_refused_beyond() {
    for (open, close) in [
        ("<divisie><kop><titel>K</titel></kop>", "</divisie>"),
        ("<nadruk>", "</nadruk>"),
    ] {
        let deep = format!(
            "{LETTER_HEAD}<al>{}x{}</al>{LETTER_TAIL}",
            open.repeat(30_000),
            close.repeat(30_000)
        );
        let e = import(&deep).unwrap_err();
        assert!(e.message.contains("nested more than"), "{e}");
        assert!(e.line.is_some() && e.col.is_some());
        let fine = format!(
            "{LETTER_HEAD}{}<al>x</al>{}{LETTER_TAIL}",
            open.repeat(60),
            close.repeat(60)
        );
        let imported = import(&fine).unwrap_or_else(|e| panic!("{open}: {e}"));
        let depth = imported
            .document
            .blocks
            .iter()
            .filter_map(|b| match b {
                Block::Heading { level, .. } => Some(*level),
                _ => None,
            })
            .max()
            .unwrap_or(0);
        assert!(depth == 0 || depth == 60, "{open}: {depth}");
        assert!(load(&imported.toml).errors.is_empty());
    }
}

/// Each kind of the list, printed as a title with no `DC.type`, imports
/// as that kind.
#[test]
fn every_known_kind_imports_from_its_printed_title() {
    for (kind, phrases) in super::KNOWN_TYPES {
        for phrase in *phrases {
            let title = format!("TWEEDE {} VAN HET LID EERDMANS", phrase.to_uppercase());
            let src = format!(
                "<officiele-publicatie><kamerstuk>\
                 <kamerstukkop><tekstregel inhoud=\"vergaderjaar\">Vergaderjaar 2024-2025</tekstregel></kamerstukkop>\
                 <dossier><dossiernummer><dossiernr>32 317</dossiernr></dossiernummer></dossier>\
                 <stuk><stuknr>Nr. <ondernummer>5</ondernummer></stuknr><titel>{title}</titel>\
                 <datumtekst>Ontvangen 3december 2024</datumtekst>\
                 <algemeen><vrije-tekst><tekst><al>Tekst.</al></tekst></vrije-tekst></algemeen></stuk>\
                 </kamerstuk></officiele-publicatie>"
            );
            let imported = import(&src).unwrap_or_else(|e| panic!("{title}: {e}"));
            assert_eq!(imported.document.doc_type, *kind, "{title}");
            assert_eq!(imported.document.date, "2024-12-03");
            assert!(
                imported.report.findings.is_empty(),
                "{title}: {:#?}",
                imported.report
            );
        }
    }
}

/// The library reads a document without a date when it has its
/// vergaderjaar, and refuses one with neither, at the table.
#[test]
fn the_loader_takes_a_vergaderjaar_for_a_missing_date() {
    let base = "[dossier]\nid = \"kst-32317-5\"\nkind = \"document\"\ntitle = \"T\"\n\n[document]\ntype = \"motie\"\ndossier_number = \"32317\"\nnumber = \"5\"\n";
    let with_year = load(&format!("{base}year = \"2024-2025\"\n"));
    assert!(with_year.errors.is_empty(), "{:?}", with_year.errors);
    let m = with_year
        .node(with_year.get("kst-32317-5").unwrap())
        .letter
        .clone()
        .unwrap();
    assert_eq!((m.date, m.year.as_deref()), (None, Some("2024-2025")));
    let neither = load(base);
    let e = format!("{:?}", neither.errors);
    assert!(e.contains("needs `date`"), "{e}");
}
