//! Every export opened by a program that reads that format: pulldown-cmark
//! for Markdown, the csv crate for CSV, serde_json for JSON and W3C, an
//! HTML parser for HTML, and the W3C test suite's validator where it is at
//! hand. Round trips through import and merge, and arbitrary note text
//! through every format.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // test code

use dossier::core::Corpus;
use dossier::core::anchor;
use dossier::core::annotation::{Annotation, Kind, Quote, Status, Target};
use dossier::core::export::{self, Format, Lang, Options, merge};
use dossier::core::text::sanitize;
use dossier::store::dossiers::load_built_in;
use proptest::prelude::*;

fn at(s: &str) -> jiff::Timestamp {
    s.parse().expect("a timestamp")
}

/// A note on `node`; `quote` is looked up in the node's text.
fn note(
    corpus: &Corpus,
    id: &str,
    dossier: &str,
    node: &str,
    quote: Option<&str>,
    body: &str,
) -> Annotation {
    let quote = quote.map(|q| {
        let text = corpus
            .by_id(node)
            .expect("node exists")
            .document()
            .unwrap()
            .plain();
        Quote::find(&text, q).unwrap_or_else(|| panic!("`{q}` is in {node}"))
    });
    Annotation {
        id: id.into(),
        target: Target {
            dossier: dossier.into(),
            node: node.into(),
            quote,
        },
        kind: Kind::Note,
        body: body.into(),
        tags: Vec::new(),
        status: Status::Open,
        owner: None,
        due: None,
        author: "Anna de Vries".into(),
        created: at("2025-12-18T09:30:00Z"),
        updated: at("2025-12-18T09:30:00Z"),
    }
}

/// Notes as a policy officer makes them on the real letter, markup and
/// formula-like text included.
fn real_notes(c: &Corpus) -> Vec<Annotation> {
    let mut question = note(
        c,
        "n1-vraag",
        "ebsp",
        "ebsp/uitkomst-onderhandelingen",
        Some("tweetrapssysteem"),
        "Wat betekent dit voor *Schiphol*?\nZie <script>alert(1)</script> & [link](http://x).\n\n# Geen kop",
    );
    question.kind = Kind::Question;
    question.tags = vec!["verenigde staten".into(), "-risico".into()];
    let mut toezegging = note(
        c,
        "n2-toezegging",
        "ebsp",
        "kamerstuk-32317-978",
        None,
        "=HYPERLINK(\"http://x\")\nbrief voor 1 maart",
    );
    toezegging.kind = Kind::Toezegging;
    toezegging.status = Status::Done;
    toezegging.owner = Some("@DGM".into());
    toezegging.due = Some("2026-03-01".parse().expect("a date"));
    toezegging.updated = at("2025-12-20T14:00:00Z");
    let c7 = note(
        c,
        "n0-c7",
        "c7",
        "c7",
        None,
        "Algemene indruk: \"positief\" — 'goed'.",
    );
    let mut action = note(
        c,
        "n3-actie",
        "motie-ram",
        "motie-ram",
        None,
        "+31 bellen | 1. eerst\n    ingesprongen",
    );
    action.kind = Kind::Action;
    let mut detached = note(c, "n4-los", "ebsp", "ebsp/fn-2", None, "Passage is weg");
    detached.target.quote = Some(Quote {
        exact: "bestaat niet meer".into(),
        prefix: String::new(),
        suffix: String::new(),
        start: 0,
        end: 17,
        ambiguous: false,
    });
    vec![question, toezegging, c7, action, detached]
}

fn render(format: Format, notes: &[Annotation], corpus: &Corpus) -> String {
    render_in(Lang::Nl, format, notes, corpus)
}

fn render_in(lang: Lang, format: Format, notes: &[Annotation], corpus: &Corpus) -> String {
    let anchored = |a: &Annotation| anchor::is_anchored(corpus, &a.target).unwrap();
    let mut options = Options::new(&anchored);
    options.lang = lang;
    let mut out = Vec::new();
    export::write(format, &mut out, notes, corpus, &options).expect("export writes");
    String::from_utf8(out).expect("exports are UTF-8")
}

fn collapse(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The text a Markdown renderer shows, and whether it met raw HTML.
fn markdown_text(md: &str) -> (String, bool) {
    use pulldown_cmark::{Event, Parser, TagEnd};
    let mut text = String::new();
    let mut html = false;
    for event in Parser::new(md) {
        match event {
            Event::Text(t) | Event::Code(t) => text.push_str(&t),
            Event::SoftBreak | Event::HardBreak => text.push('\n'),
            Event::End(TagEnd::Paragraph | TagEnd::Heading(_) | TagEnd::Item) => {
                text.push_str("\n\n")
            }
            Event::Html(_) | Event::InlineHtml(_) => html = true,
            _ => {}
        }
    }
    (text, html)
}

/// Elements that the HTML export uses; anything else came from the text.
const HTML_ELEMENTS: &[&str] = &[
    "html",
    "head",
    "meta",
    "title",
    "style",
    "body",
    "h1",
    "h2",
    "h3",
    "h4",
    "p",
    "section",
    "article",
    "blockquote",
    "div",
    "ul",
    "li",
    "br",
];

/// The element names and the decoded text nodes of an HTML page.
fn html_parts(html: &str) -> (Vec<String>, Vec<String>) {
    let dom = tl::parse(html, tl::ParserOptions::default()).expect("the HTML parses");
    let parser = dom.parser();
    let mut tags = Vec::new();
    let mut texts = Vec::new();
    for node in dom.nodes() {
        match node {
            tl::Node::Tag(t) => tags.push(t.name().as_utf8_str().to_lowercase()),
            tl::Node::Raw(r) => {
                texts.push(html_escape::decode_html_entities(&r.as_utf8_str()).into_owned())
            }
            tl::Node::Comment(_) => {}
        }
    }
    let _ = parser;
    (tags, texts)
}

#[test]
fn markdown_renders_the_notes_as_written_in_document_order() {
    let c = load_built_in();
    let notes = real_notes(&c);
    let md = render(Format::Md, &notes, &c);
    let (text, html) = markdown_text(&md);
    assert!(!html, "the Markdown holds raw HTML:\n{md}");
    let text = collapse(&text);
    for n in &notes {
        assert!(
            text.contains(&collapse(&n.body)),
            "missing {:?} in\n{text}",
            n.body
        );
    }
    assert!(text.contains("Kamerstukken II, 32317, nr. 978 (aangehaald in Brief van 17 december 2025, Kamerstukken II 2025/26, 32317, nr. 987, kenmerk 7010422)"), "{text}");
    assert!(
        text.contains("Bron: Brief van 17 december 2025, Kamerstukken II 2025/26, 32317, nr. 987, kenmerk 7010422"),
        "{text}"
    );
    assert!(!text.contains("Kamerbrief van"), "{text}");
    assert!(text.contains("De passage staat niet meer in de tekst."));
    assert!(text.contains("Tags: verenigde staten, -risico"), "{text}");
    assert!(
        text.contains("> ") || md.contains("\n> "),
        "quotes are block quotes"
    );
    let pos = |s: &str| text.find(s).unwrap_or_else(|| panic!("{s} in {text}"));
    assert!(pos("Ministeriële bijeenkomst C7") < pos("Enhanced Border Security Partnership"));
    assert!(pos("Uitkomst onderhandelingen") < pos("Kamerstuk 32317-978"));
    assert!(pos("Enhanced Border Security Partnership") < pos("Motie Ram"));
    // The passage is a block quote with the words of the letter.
    let mut in_quote = false;
    let mut quoted = String::new();
    for e in pulldown_cmark::Parser::new(&md) {
        match e {
            pulldown_cmark::Event::Start(pulldown_cmark::Tag::BlockQuote(_)) => in_quote = true,
            pulldown_cmark::Event::End(pulldown_cmark::TagEnd::BlockQuote(_)) => in_quote = false,
            pulldown_cmark::Event::Text(t) if in_quote => quoted.push_str(&t),
            _ => {}
        }
    }
    assert!(
        quoted.contains("tweetrapssysteem") && quoted.contains("bestaat niet meer"),
        "{quoted}"
    );
}

#[test]
fn csv_loads_with_a_header_and_neutralised_formulas() {
    let c = load_built_in();
    let notes = real_notes(&c);
    let text = render_in(Lang::En, Format::Csv, &notes, &c);
    assert!(
        text.starts_with('\u{feff}'),
        "a byte order mark for spreadsheets"
    );
    assert!(text.contains("\r\n"), "records end in CRLF");
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let header: Vec<String> = reader
        .headers()
        .expect("a header")
        .iter()
        .map(str::to_string)
        .collect();
    assert_eq!(header, export::csv::HEADER);
    let rows: Vec<csv::StringRecord> = reader
        .records()
        .collect::<Result<_, _>>()
        .expect("rows parse");
    assert_eq!(rows.len(), notes.len());
    let row = |id: &str| {
        rows.iter()
            .find(|r| &r[0] == id)
            .unwrap_or_else(|| panic!("row {id}"))
    };
    let t = row("n2-toezegging");
    assert_eq!(
        &t[10], "'=HYPERLINK(\"http://x\")\nbrief voor 1 maart",
        "formula neutralised, line break kept"
    );
    assert_eq!(&t[8], "'@DGM");
    assert_eq!((&t[5], &t[6], &t[9]), ("toezegging", "done", "2026-03-01"));
    assert_eq!(&t[3], "Kamerstuk 32317-978");
    let q = row("n1-vraag");
    assert_eq!(&q[4], "tweetrapssysteem");
    assert_eq!(&q[7], "verenigde staten; -risico");
    assert_eq!(&q[14], "true");
    assert_eq!(
        &row("n3-actie")[10],
        "'+31 bellen | 1. eerst\n    ingesprongen"
    );
    assert_eq!(&row("n4-los")[14], "false");
    assert_eq!(&row("n0-c7")[12], "2025-12-18T09:30:00Z");
    assert_eq!(
        (&row("n0-c7")[15], &row("n0-c7")[16], &row("n0-c7")[17]),
        (
            "Kamerstukken II 2025/26, 32317, nr. 987",
            "letter",
            "2025-12-17"
        )
    );
}

#[test]
fn a_dutch_csv_speaks_dutch_with_dates_day_first() {
    let c = load_built_in();
    let notes = real_notes(&c);
    let text = render(Format::Csv, &notes, &c);
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let header: Vec<String> = reader
        .headers()
        .unwrap()
        .iter()
        .map(str::to_string)
        .collect();
    assert_eq!(header, export::csv::HEADER_NL);
    assert!(
        header
            .iter()
            .all(|h| !["node", "quote", "kind", "created"].contains(&h.as_str()))
    );
    let rows: Vec<csv::StringRecord> = reader.records().collect::<Result<_, _>>().unwrap();
    let row = |id: &str| rows.iter().find(|r| &r[0] == id).unwrap();
    let t = row("n2-toezegging");
    assert_eq!(
        (&t[5], &t[6], &t[9]),
        ("toezegging", "afgerond", "01-03-2026")
    );
    // UTC in the options: 09:30, to the minute.
    assert_eq!(&t[12], "18-12-2025 09:30");
    assert_eq!(&row("n1-vraag")[5], "vraag");
    assert_eq!(&row("n1-vraag")[14], "ja");
    assert_eq!(&row("n4-los")[14], "nee");
    let c7 = row("n0-c7");
    assert_eq!(
        (&c7[15], &c7[16], &c7[17]),
        (
            "Kamerstukken II 2025/26, 32317, nr. 987",
            "brief",
            "17-12-2025"
        )
    );
}

#[test]
fn json_round_trips_into_an_empty_store_and_twice_changes_nothing() {
    let c = load_built_in();
    let notes = real_notes(&c);
    let text = render(Format::Json, &notes, &c);
    let doc: serde_json::Value = serde_json::from_str(&text).expect("JSON");
    assert_eq!(doc["format"], "dossier-notes");
    assert_eq!(doc["version"], 1);
    assert_eq!(doc["notes"].as_array().map(Vec::len), Some(notes.len()));
    let (source, read) = export::parse("notes.json", &text).expect("import reads its own export");
    assert_eq!(source, export::import::Source::Json);
    assert_eq!(read, notes);
    let first = merge(&[], &read);
    assert_eq!(first.added, notes);
    let store = first.added.clone();
    let second = merge(&store, &read);
    assert!(second.changes_nothing() && second.conflicts.is_empty());
    assert_eq!(second.unchanged.len(), notes.len());
}

#[test]
fn html_is_one_page_without_scripts_and_with_all_text() {
    let c = load_built_in();
    let notes = real_notes(&c);
    let html = render(Format::Html, &notes, &c);
    assert!(html.starts_with("<!DOCTYPE html>"));
    assert!(html.contains("<meta charset=\"utf-8\">"));
    assert!(
        !html.contains("<link") && !html.contains("src="),
        "self-contained"
    );
    let (tags, texts) = html_parts(&html);
    assert!(!tags.iter().any(|t| t == "script"), "no script element");
    for t in &tags {
        assert!(
            HTML_ELEMENTS.contains(&t.as_str()),
            "unexpected element <{t}>"
        );
    }
    assert!(tags.iter().any(|t| t == "style"));
    for n in &notes {
        for line in n.body.split('\n').filter(|l| !l.trim().is_empty()) {
            assert!(
                texts.iter().any(|t| t == line),
                "{line:?} not a text node in {texts:?}"
            );
        }
    }
    assert!(
        texts
            .iter()
            .any(|t| t.contains("<script>alert(1)</script>")),
        "the script is text"
    );
    assert!(
        texts
            .iter()
            .any(|t| t.contains("Kamerstukken II, 32317, nr. 978"))
    );
}

#[test]
fn w3c_round_trips_bodies_tags_and_targets() {
    let c = load_built_in();
    let notes = real_notes(&c);
    let text = render(Format::W3c, &notes, &c);
    let doc: serde_json::Value = serde_json::from_str(&text).expect("JSON-LD");
    assert_eq!(doc["@context"], "http://www.w3.org/ns/anno.jsonld");
    assert_eq!(doc["type"], "AnnotationCollection");
    let items = doc["first"]["items"].as_array().expect("items");
    assert_eq!(items.len(), notes.len());
    let q = &items[0];
    assert_eq!(q["type"], "Annotation");
    assert_eq!(q["id"], "urn:dossier:note:n1-vraag");
    assert_eq!(
        q["target"]["source"],
        "urn:dossier:7010422:ebsp/uitkomst-onderhandelingen"
    );
    assert_eq!(q["target"]["selector"][0]["type"], "TextQuoteSelector");
    assert_eq!(q["target"]["selector"][0]["exact"], "tweetrapssysteem");
    assert_eq!(q["target"]["selector"][1]["type"], "TextPositionSelector");
    let purposes: Vec<&str> = q["body"]
        .as_array()
        .expect("bodies")
        .iter()
        .filter_map(|b| b["purpose"].as_str())
        .collect();
    assert_eq!(purposes, ["commenting", "tagging", "tagging"]);
    assert_eq!(q["creator"]["name"], "Anna de Vries");
    assert_eq!(q["created"], "2025-12-18T09:30:00Z");
    let (source, read) = export::parse("notes.jsonld", &text).expect("import reads W3C");
    assert_eq!(source, export::import::Source::W3c);
    for (a, b) in notes.iter().zip(&read) {
        assert_eq!((&a.body, &a.tags, &a.target), (&b.body, &b.tags, &b.target));
    }
    assert_eq!(read, notes, "the dossier: terms make it lossless");
    assert!(merge(&notes, &read).changes_nothing());
}

#[test]
fn a_bad_file_is_refused_before_anything_is_merged() {
    let c = load_built_in();
    let notes = real_notes(&c);
    let text = render(Format::Json, &notes, &c);
    let broken = text.replacen("\"n3-actie\"", "\"n1-vraag\"", 1);
    let e = export::parse("van-collega.json", &broken).expect_err("duplicate ids are refused");
    assert!(e.to_string().starts_with("van-collega.json:"), "{e}");
    assert!(
        e.to_string().contains("a second note with the same id"),
        "{e}"
    );
    let truncated = &text[..text.len() / 2];
    let e = export::parse("half.json", truncated).expect_err("a cut-off file is refused");
    assert!(e.position.is_some(), "{e}");
}

/// Runs the W3C test suite's checker on an export of the real notes. It
/// needs the checker beside the project and Python's jsonschema, so it runs
/// when asked for (`.ci/run` installs both and runs it), and fails, saying
/// what is missing, rather than pass untested.
#[test]
#[ignore = "needs ../shared/tools/w3c-validate and python3 with jsonschema; .ci/run runs it"]
fn w3c_export_passes_the_w3c_validator() {
    let tool =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/tools/w3c-validate");
    assert!(tool.exists(), "{} is not here", tool.display());
    let has_jsonschema = std::process::Command::new("python3")
        .args(["-c", "import jsonschema"])
        .output()
        .is_ok_and(|o| o.status.success());
    assert!(
        has_jsonschema,
        "python3 with jsonschema is needed (pip install jsonschema)"
    );
    let c = load_built_in();
    let dir = tempfile::tempdir().expect("a temporary folder");
    let file = dir.path().join("notes.jsonld");
    std::fs::write(&file, render(Format::W3c, &real_notes(&c), &c)).expect("written");
    let out = std::process::Command::new("python3")
        .arg(&tool)
        .arg(&file)
        .output()
        .expect("the validator runs");
    let report = String::from_utf8_lossy(&out.stdout);
    println!("{report}{}", String::from_utf8_lossy(&out.stderr));
    assert!(out.status.success(), "w3c-validate failed:\n{report}");
    assert!(
        report.contains("5 annotations") && report.contains(" 0 failures"),
        "{report}"
    );
}

/// Text people could type or paste: any Unicode, and the characters that
/// mean something to Markdown, HTML, CSV or a spreadsheet.
fn nasty_text() -> impl Strategy<Value = String> {
    let pieces = prop::collection::vec(
        prop_oneof![
            any::<char>().prop_map(|c| c.to_string()),
            Just("<script>alert('x')</script>".to_string()),
            Just("=cmd|' /C calc'!A0".to_string()),
            Just("\"".to_string()),
            Just("'".to_string()),
            Just("\n".to_string()),
            Just("\r\n".to_string()),
            Just("\n\n".to_string()),
            Just("    ".to_string()),
            Just("\u{1b}[31m".to_string()),
            Just("\u{202e}".to_string()),
            Just("*_`#>-+|[]()!&;".to_string()),
            Just("1. ".to_string()),
            "[a-zA-Zë ]{1,8}",
        ],
        0..12,
    );
    pieces.prop_map(|p| p.concat())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 96, ..ProptestConfig::default() })]

    #[test]
    fn any_note_text_survives_every_format_as_text(body in nasty_text(), tag in nasty_text()) {
        let c = load_built_in();
        let mut n = note(&c, "n-prop", "ebsp", "ebsp/uitkomst-onderhandelingen", None, &body);
        n.tags = vec![tag.clone()];
        let notes = vec![n.clone()];
        let shown = sanitize(&body.replace("\r\n", "\n"));

        // Markdown: no HTML gets through, the words are all there.
        let md = render(Format::Md, &notes, &c);
        let (text, html) = markdown_text(&md);
        prop_assert!(!html, "raw HTML in:\n{}", md);
        prop_assert!(collapse(&text).contains(&collapse(&shown)), "{:?} not in {:?}", collapse(&shown), collapse(&text));

        // HTML: only our elements, every line of the note a text node.
        let page = render(Format::Html, &notes, &c);
        let (tags, texts) = html_parts(&page);
        prop_assert!(tags.iter().all(|t| HTML_ELEMENTS.contains(&t.as_str())), "{:?}", tags);
        // Lines of only spaces show nothing, in a browser as on paper.
        for line in shown.split('\n').filter(|l| !l.trim().is_empty()) {
            prop_assert!(texts.iter().any(|t| t == line), "{:?} not in {:?}", line, texts);
        }

        // CSV: the cell with its controls made visible, formula starts
        // neutralised.
        let csv_text = render(Format::Csv, &notes, &c);
        let mut reader = csv::Reader::from_reader(csv_text.as_bytes());
        let row = reader.records().next().expect("a row").expect("the row parses");
        let (want_body, want_tag) = (
            export::csv::neutralise(&sanitize(&body)).into_owned(),
            export::csv::neutralise(&sanitize(&tag)).into_owned(),
        );
        prop_assert_eq!(&row[10], want_body.as_str());
        prop_assert_eq!(&row[7], want_tag.as_str());

        // JSON and W3C: exact in the file, and import gives the text back
        // as written (issue 15).
        for format in [Format::Json, Format::W3c] {
            let text = render(format, &notes, &c);
            let doc: serde_json::Value = serde_json::from_str(&text).expect("JSON");
            let found = doc.to_string().contains(&serde_json::Value::String(body.clone()).to_string());
            prop_assert!(found, "body not in {}", text);
            let (_, read) = export::parse("x.json", &text).expect("import reads it");
            prop_assert_eq!(&read[0].body, &body);
            prop_assert_eq!(&read[0].tags, &vec![tag.clone()]);
        }
    }
}
