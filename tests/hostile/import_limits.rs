//! Case 3 of issue 15: an import takes only what the store reads back.

use super::Sandbox;

/// A W3C export of one note whose body is `bytes` long.
fn w3c_with_body(bytes: usize) -> String {
    let from = Sandbox::new();
    let (code, _, err) = from.run(&["notes", "add", "--target", "ebsp", "--body", "KLEIN"]);
    assert_eq!(code, 0, "{err}");
    let (code, out, err) = from.run(&["notes", "export", "--format", "w3c"]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("\"KLEIN\""), "{out}");
    out.replace("\"KLEIN\"", &format!("\"{}\"", "x".repeat(bytes)))
}

#[test]
fn an_eight_mebibyte_body_is_refused_and_the_store_stays_usable() {
    let s = Sandbox::new();
    let (code, _, err) = s.run(&["notes", "add", "--target", "ebsp", "--body", "eerste"]);
    assert_eq!(code, 0, "{err}");
    let file = s.write("groot.json", w3c_with_body(8 * 1024 * 1024));
    let (code, out, err) = s.run(&["notes", "import", file.to_str().unwrap()]);
    assert_eq!(code, 1, "{out}{err}");
    assert!(
        err.contains("limit") && err.contains("nothing was imported"),
        "{err}"
    );
    let (code, out, err) = s.run(&["notes", "list"]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("eerste"), "{out}");
    let (code, _, err) = s.run(&["notes", "add", "--target", "ebsp", "--body", "tweede"]);
    assert_eq!(code, 0, "the store is no longer writable: {err}");
}

#[test]
fn a_body_within_the_limit_is_imported() {
    let s = Sandbox::new();
    let file = s.write("klein.json", w3c_with_body(1024 * 1024));
    let (code, out, err) = s.run(&["notes", "import", file.to_str().unwrap()]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("1 added"), "{out}");
}
