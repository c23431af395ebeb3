//! Case 6 of issue 15: what `notes import` replaces can be restored, and
//! a W3C passage that ends before it starts is reported, not dropped.

use super::Sandbox;

/// `text` with every `"updated": "…"` set to `when`.
fn dated(text: &str, when: &str) -> String {
    let key = "\"updated\": \"";
    let mut out = String::new();
    let mut rest = text;
    while let Some(i) = rest.find(key) {
        out.push_str(&rest[..i + key.len()]);
        rest = &rest[i + key.len()..];
        let end = rest.find('"').unwrap();
        out.push_str(when);
        rest = &rest[end..];
    }
    out.push_str(rest);
    out
}

#[test]
fn a_note_replaced_by_an_import_dated_in_the_future_can_be_restored() {
    let s = Sandbox::new();
    let (code, id, err) = s.run(&["notes", "add", "--target", "ebsp", "--body", "ONZE TEKST"]);
    assert_eq!(code, 0, "{err}");
    let id = id.trim().to_string();
    let (_, export, _) = s.run(&["notes", "export", "--format", "json"]);
    let theirs = dated(&export, "2099-01-01T00:00:00Z").replace("ONZE TEKST", "HUN TEKST");
    let file = s.write("hun.json", theirs);
    let (code, out, err) = s.run(&["notes", "import", file.to_str().unwrap()]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("1 updated"), "{out}");
    assert!(
        out.contains(&format!(
            "replaced: {id}: the version it replaced is kept in"
        )),
        "{out}"
    );
    assert!(out.contains("dated in the future"), "{out}");
    let deleted: Vec<_> = std::fs::read_dir(s.path("store/deleted"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    assert_eq!(deleted.len(), 1);
    let kept = std::fs::read_to_string(&deleted[0]).unwrap();
    assert!(kept.contains("ONZE TEKST"), "{kept}");
    assert!(out.contains(&deleted[0].display().to_string()), "{out}");
    // Moving it back restores our version.
    std::fs::rename(&deleted[0], s.path(&format!("store/{id}.toml"))).unwrap();
    let (code, list, err) = s.run(&["notes", "list"]);
    assert_eq!(code, 0, "{err}");
    assert!(
        list.contains("ONZE TEKST") && !list.contains("HUN TEKST"),
        "{list}"
    );
}

#[test]
fn a_w3c_position_that_ends_before_it_starts_is_reported() {
    let s = Sandbox::new();
    let w3c = r#"{"@context": "http://www.w3.org/ns/anno.jsonld", "id": "urn:x:1", "type": "Annotation",
        "created": "2025-12-18T10:00:00Z", "body": {"type": "TextualBody", "value": "tekst"},
        "target": {"source": "urn:dossier:7010422:ebsp",
                   "selector": {"type": "TextPositionSelector", "start": 325, "end": 300}}}"#;
    let file = s.write("w.json", w3c);
    let (code, out, err) = s.run(&["notes", "import", file.to_str().unwrap()]);
    assert_eq!(code, 1, "{out}{err}");
    assert!(err.contains("ends (300) before it starts (325)"), "{err}");
    let (_, list, _) = s.run(&["notes", "list", "--json"]);
    assert_eq!(list.trim(), "[]", "nothing was imported");
}
