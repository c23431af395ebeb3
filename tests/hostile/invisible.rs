//! Invisible and format characters from an imported document — line and
//! paragraph separators, zero-width characters, the word joiner, a byte
//! order mark — never reach the terminal raw: every command shows them as
//! `<U+XXXX>` (or, in JSON, as `\uXXXX` escapes), and the library file
//! keeps them as written.

use super::{Sandbox, project};

/// U+2028, U+2029, U+200B, U+200C, U+200D, U+2060, U+FEFF and a tag.
const INVISIBLE: [char; 8] = [
    '\u{2028}',
    '\u{2029}',
    '\u{200B}',
    '\u{200C}',
    '\u{200D}',
    '\u{2060}',
    '\u{FEFF}',
    '\u{E0041}',
];

fn assert_no_invisible(what: &str, text: &str) {
    for c in INVISIBLE {
        assert!(
            !text.contains(c),
            "{what}: raw U+{:04X} in\n{text}",
            c as u32
        );
    }
}

const FILE: &str = "home/data/dossier/library/kst-21501-02-3170.toml";

/// A real motie imported into the sandbox's library, then its file given
/// the invisible characters in its title, dossier title, submitter and
/// text (an import collapses a separator as whitespace; a file written by
/// hand or by another tool need not).
fn imported(s: &Sandbox) {
    let source = project("tests/fixtures/op-xml/kst-21501-02-3170.xml");
    let (code, out, err) = s.run_bare(&["import", source.to_str().unwrap()]);
    assert_eq!(code, 0, "{out}{err}");
    let file = s.path(FILE);
    let toml = std::fs::read_to_string(&file)
        .unwrap()
        .replace(
            "Motie van het lid Kahraman",
            "Motie\u{2028}van\u{200B}het\u{FEFF}lid Kahraman",
        )
        .replace(
            "\"Raad Algemene Zaken en Raad Buitenlandse Zaken\"",
            "\"Raad\u{2029}Algemene\u{2060}Zaken\u{200D}\u{E0041}\"",
        )
        .replace("\"I. Kahraman\"", "\"I.\u{200C}Kahraman\"")
        .replace("De Kamer,", "De\u{2028}Kamer\u{200B},");
    assert!(toml.contains("De\u{2028}Kamer"), "{toml}");
    std::fs::write(&file, toml).unwrap();
}

#[test]
fn every_command_shows_invisible_characters_as_marks() {
    let s = Sandbox::new();
    imported(&s);
    let id = "kst-21501-02-3170";
    let runs: [&[&str]; 11] = [
        &["documents"],
        &["documents", "--json"],
        &["timeline"],
        &["timeline", "--json"],
        &["list"],
        &["list", "--json"],
        &["show", id],
        &["show", id, "--json"],
        &["search", "Kahraman"],
        &["search", "Kahraman", "--json"],
        &["search", "--exact", "Kamer"],
    ];
    let mut marks = 0;
    for args in runs {
        let (code, out, err) = s.run_bare(args);
        assert_eq!(code, 0, "{args:?}: {err}");
        assert_no_invisible(&format!("{args:?} (stdout)"), &out);
        assert_no_invisible(&format!("{args:?} (stderr)"), &err);
        if out.contains("<U+200B>") || out.contains("\\u200b") {
            marks += 1;
        }
    }
    assert!(
        marks >= 8,
        "the zero-width space shown as a mark in {marks} outputs"
    );
    let (_, shown, _) = s.run_bare(&["show", id]);
    assert!(
        shown.contains("Kamer<U+200B>,"),
        "the text's marks:\n{shown}"
    );
}

#[test]
fn the_library_file_keeps_them_as_written() {
    let s = Sandbox::new();
    imported(&s);
    let before = std::fs::read(s.path(FILE)).unwrap();
    for args in [&["documents"][..], &["show", "kst-21501-02-3170"][..]] {
        let (code, _, err) = s.run_bare(args);
        assert_eq!(code, 0, "{err}");
    }
    assert_eq!(std::fs::read(s.path(FILE)).unwrap(), before);
}
