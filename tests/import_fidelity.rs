//! The import of the bundled letter's PDF text
//! (`dossiers/source/kamerbrief-7010422.txt`) against the hand-made
//! dossiers of the same letter (`dossiers/*.toml`): the same topics with
//! the same titles and text, footnotes 1-10 at the same markers with the
//! same text, the annexes, and the same nine references. The differences
//! that remain are listed in [`DIFFERENCES`], each with its reason, and
//! checked to be exactly those.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // test code

use std::collections::BTreeMap;
use std::path::PathBuf;

use dossier_core::load::{self, NoFiles, SourceFile};
use dossier_core::{Corpus, NodeKind};

/// What the import does differently from the hand-made dossiers, and why.
const DIFFERENCES: [(&str, &str); 6] = [
    (
        "levels",
        "`Uitkomst onderhandelingen` and `Blijvende inzet van Nederland in de Raad` are parts of \
         the EBSP topic by hand, topics of their own in the import: the PDF text keeps no font, \
         so nothing in it says they are sub-headings",
    ),
    (
        "document",
        "the document is `kamerbrief-7010422`, titled `Kamerbrief van 17 december 2025`: the \
         text gives no Kamerstuk number (32317-987) and no title; the hand-made title describes",
    ),
    (
        "annex-titles",
        "Bijlagen 1-3 are titled by their label: the letter does not say what each is, and the \
         import guesses nothing; the hand-made titles describe them",
    ),
    (
        "annex-ids",
        "the Joint Statement's annex is `joint-statement-c7` (its label), `joint-statement` by hand",
    ),
    (
        "motie-id",
        "the motie is `kamerstuk-21501-04-287` (kind motie); older files wrote `motie-21501-04-287`: \
         both resolve by its dossier and number",
    ),
    (
        "motie-description",
        "the hand-made motie reference is described by the topic heading `Motie Ram over …`; \
         the footnote that cites it gives no description",
    ),
];

fn project() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn hand_made() -> Corpus {
    let dir = project().join("dossiers");
    let mut files = Vec::new();
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "toml") {
            let text = std::fs::read_to_string(&path).unwrap();
            let name = path.file_name().unwrap().to_string_lossy().into_owned();
            files.push(SourceFile { path: name, text });
        }
    }
    files.sort_by(|a, b| a.path.cmp(&b.path));
    load::load(&files, &NoFiles)
}

fn imported() -> (Corpus, dossier_core::import::Imported) {
    let text =
        std::fs::read_to_string(project().join("dossiers/source/kamerbrief-7010422.txt")).unwrap();
    let done = dossier_core::import::import(&text).unwrap();
    let files = [SourceFile {
        path: done.file_name.clone(),
        text: done.toml.clone(),
    }];
    (load::load(&files, &NoFiles), done)
}

fn collapse(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Topic and section titles in tree order, each with its text (sections
/// folded into their topic's text for the hand-made dossiers, so the two
/// compare whatever the levels).
fn topics(c: &Corpus) -> Vec<(String, String)> {
    let mut out = Vec::new();
    for &r in &c.roots {
        for i in c.descendants(r) {
            let n = c.node(i);
            if matches!(n.kind, NodeKind::Dossier | NodeKind::Section) {
                out.push((n.title.clone(), collapse(&n.document().unwrap().plain())));
            }
        }
    }
    out
}

/// Footnote number → (its text, the 40 characters before its marker).
fn footnotes(c: &Corpus) -> BTreeMap<u32, (String, String)> {
    let mut out = BTreeMap::new();
    for n in &c.nodes {
        if n.kind != NodeKind::Footnote {
            continue;
        }
        let Some(number) = n.number else { continue };
        let mut before = String::new();
        for m in &c.nodes {
            for p in &m.document().unwrap().paragraphs {
                let mut text = String::new();
                for s in p.spans.iter() {
                    if let dossier_core::model::Span::Link { target, .. } = s
                        && &**target == n.id.as_str()
                    {
                        let chars: Vec<char> = collapse(&text).chars().collect();
                        before = chars[chars.len().saturating_sub(40)..].iter().collect();
                    }
                    text.push_str(s.text());
                }
            }
        }
        out.insert(number, (collapse(&n.document().unwrap().plain()), before));
    }
    out
}

#[test]
fn the_import_of_the_bundled_letter_matches_the_hand_made_dossiers() {
    let hand = hand_made();
    let (mine, done) = imported();
    assert!(hand.errors.is_empty(), "{:?}", hand.errors);
    assert!(mine.errors.is_empty(), "{:?}", mine.errors);
    assert_eq!(done.report.problems().count(), 0, "{:#?}", done.report);

    // The same topics with the same titles and the same text, in order.
    let h = topics(&hand);
    let m = topics(&mine);
    let titles = |v: &[(String, String)]| v.iter().map(|t| t.0.clone()).collect::<Vec<_>>();
    assert_eq!(titles(&h), titles(&m));
    for (a, b) in h.iter().zip(&m) {
        assert_eq!(a.1, b.1, "the text of `{}`", a.0);
    }
    // Difference `levels`: by hand two sections are inside EBSP.
    let depth = |c: &Corpus, title: &str| {
        let i = c.nodes.iter().position(|n| n.title == title).unwrap();
        let mut d = 0;
        let mut p = c.nodes[i].parent;
        while let Some(q) = p {
            d += 1;
            p = c.node(q).parent;
        }
        d
    };
    assert_eq!(depth(&hand, "Uitkomst onderhandelingen"), 1);
    assert_eq!(depth(&mine, "Uitkomst onderhandelingen"), 1);
    assert_eq!(
        depth(&hand, "Enhanced Border Security Partnership (EBSP)") + 1,
        depth(&mine, "Enhanced Border Security Partnership (EBSP)")
    );

    // Footnotes 1-10, the same text, at the same markers.
    let hf = footnotes(&hand);
    let mf = footnotes(&mine);
    assert_eq!(
        hf.keys().copied().collect::<Vec<_>>(),
        (1..=10).collect::<Vec<_>>()
    );
    assert_eq!(hf, mf);

    // Annexes: the same labels and URL (differences `annex-titles`, `annex-ids`).
    let annexes = |c: &Corpus| {
        let mut v: Vec<(String, Option<String>)> = c
            .nodes
            .iter()
            .filter(|n| n.kind == NodeKind::Annex)
            .map(|n| {
                (
                    n.label.as_deref().unwrap_or("").to_string(),
                    n.url.as_deref().map(str::to_string),
                )
            })
            .collect();
        v.sort();
        v
    };
    assert_eq!(annexes(&hand), annexes(&mine));

    // The nine references: dossier, number, kind and year (difference `motie-id`).
    let refs = |c: &Corpus| {
        let mut v: Vec<(String, String, String, Option<String>)> = c
            .nodes
            .iter()
            .filter_map(|n| n.reference.as_ref())
            .map(|r| {
                (
                    r.dossier_number.clone(),
                    r.number.clone(),
                    r.kind.clone(),
                    r.year.clone(),
                )
            })
            .collect();
        v.sort();
        v
    };
    assert_eq!(refs(&hand).len(), 9);
    assert_eq!(refs(&hand), refs(&mine));

    // The signatories, date and reference.
    let doc = &done.document;
    assert_eq!(doc.date, "2025-12-17");
    assert_eq!(doc.reference.as_deref(), Some("7010422"));
    assert_eq!(doc.signatories.len(), 3);
    assert_eq!(doc.signatories[2].name, "mr. A.C.L. Rutte");
    assert_eq!(
        doc.return_address.as_deref(),
        Some("Postbus 20301 2500 EH Den Haag")
    );

    // Difference `document`.
    assert_eq!(doc.id, "kamerbrief-7010422");
    assert!(doc.kst.is_none());
    assert_eq!(DIFFERENCES.len(), 6);
}

#[test]
fn the_import_reports_only_the_one_ambiguous_line() {
    let (_, done) = imported();
    let lines: Vec<(usize, &str)> = done.report.warnings().map(|w| (w.line, w.code)).collect();
    // Line 61 breaks a quoted title (`… Enhanced European Border Security` /
    // `Partnership’`) short of the margin: it could be a heading.
    assert_eq!(lines, [(61, "maybe-heading")]);
}
