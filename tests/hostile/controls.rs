//! Case 4 of issue 15: control bytes in a note never reach the terminal
//! raw, and the note survives export and import byte for byte.

use proptest::prelude::*;
use serde_json::Value;

use super::{Sandbox, assert_no_controls};

/// Clear screen, an OSC 52 clipboard write, C1 CSI, a right-to-left
/// override, DEL and an isolate.
const HOSTILE: &str = "wis\u{1b}[2J klembord\u{1b}]52;c;ZXZpbA==\u{7} c1\u{9b}2J \u{202e}omgekeerd\u{7f} \u{2067}iso\u{2069} \u{200f}\u{61c}";

fn with_hostile_note(s: &Sandbox) -> String {
    let (code, out, err) = s.run(&[
        "notes",
        "add",
        "--target",
        "ebsp",
        "--body",
        HOSTILE,
        "--tag",
        "t\u{202e}ag",
    ]);
    assert_eq!(code, 0, "{err}");
    out.trim().to_string()
}

#[test]
fn json_outputs_escape_every_control_and_read_back_exactly() {
    let s = Sandbox::new();
    with_hostile_note(&s);
    for args in [
        &["notes", "list", "--json"][..],
        &["notes", "export", "--format", "json"][..],
        &["notes", "export", "--format", "w3c"][..],
    ] {
        let (code, out, err) = s.run(args);
        assert_eq!(code, 0, "{args:?}: {err}");
        assert_no_controls(&format!("{args:?}"), &out);
        assert!(out.contains("\\u202e") && out.contains("\\u009b"), "{out}");
        let v: Value = serde_json::from_str(&out).unwrap();
        assert!(
            holds_string(&v, HOSTILE),
            "{args:?}: the body is not given exactly"
        );
    }
}

#[test]
fn csv_markdown_and_html_show_controls_as_marks() {
    let s = Sandbox::new();
    with_hostile_note(&s);
    for format in ["csv", "md", "html"] {
        let (code, out, err) = s.run(&["notes", "export", "--format", format]);
        assert_eq!(code, 0, "{format}: {err}");
        // CSV ends its records with CRLF, as spreadsheets expect.
        assert_no_controls(format, &out.replace("\r\n", "\n"));
        assert!(out.contains('␛'), "{format}: {out}");
    }
    let (_, out, _) = s.run(&["notes", "list"]);
    assert_no_controls("notes list", &out);
}

#[test]
fn a_path_with_an_escape_sequence_is_shown_not_acted_on() {
    let s = Sandbox::new();
    let (code, out, err) = s.run(&["check", "\u{1b}]52;c;ZXZpbA==\u{7}"]);
    assert_eq!(code, 1);
    assert_no_controls("stdout", &out);
    assert_no_controls("stderr", &err);
    assert!(err.contains("␛]52"), "{err}");
}

#[test]
fn json_export_then_import_gives_the_body_back_byte_for_byte() {
    let s = Sandbox::new();
    let id = with_hostile_note(&s);
    for format in ["json", "w3c"] {
        let file = s.path(&format!("export.{format}"));
        let (code, _, err) = s.run(&[
            "notes",
            "export",
            "--format",
            format,
            "--output",
            file.to_str().unwrap(),
        ]);
        assert_eq!(code, 0, "{err}");
        let other = Sandbox::new();
        let (code, _, err) = other.run(&["notes", "import", file.to_str().unwrap()]);
        assert_eq!(code, 0, "{format}: {err}");
        let (_, out, _) = other.run(&["notes", "list", "--json"]);
        let v: Value = serde_json::from_str(&out).unwrap();
        let note = v
            .as_array()
            .unwrap()
            .iter()
            .find(|n| n["id"] == id.as_str())
            .unwrap_or_else(|| panic!("{format}: {out}"));
        assert_eq!(note["body"].as_str(), Some(HOSTILE), "{format}");
        assert_eq!(note["tags"][0].as_str(), Some("t\u{202e}ag"), "{format}");
    }
}

fn holds_string(v: &Value, s: &str) -> bool {
    match v {
        Value::String(x) => x == s,
        Value::Array(a) => a.iter().any(|x| holds_string(x, s)),
        Value::Object(o) => o.values().any(|x| holds_string(x, s)),
        _ => false,
    }
}

fn note(body: String, tags: Vec<String>) -> dossier_core::annotation::Annotation {
    let text = serde_json::json!({
        "id": "n-1",
        "target": {"dossier": "ebsp", "node": "ebsp"},
        "kind": "note",
        "body": body,
        "tags": tags,
        "status": "open",
        "author": "tester",
        "created": "2026-01-01T00:00:00Z",
        "updated": "2026-01-01T00:00:00Z",
    });
    serde_json::from_value(text).unwrap()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]
    #[test]
    fn any_body_survives_a_json_export_and_import(
        body in any::<String>(),
        tags in proptest::collection::vec(any::<String>(), 0..3),
    ) {
        let n = note(body, tags);
        let mut out = Vec::new();
        let corpus = dossier_core::Corpus::default();
        dossier_core::export::json::write(&mut out, std::slice::from_ref(&n), &corpus).unwrap();
        let text = String::from_utf8(out).unwrap();
        prop_assert!(!text.chars().any(|c| super::is_terminal_control(c) && c != '\n'));
        let (_, back) = dossier_core::export::parse("export.json", &text).unwrap();
        prop_assert_eq!(back, vec![n]);
    }
}
