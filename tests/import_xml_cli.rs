//! What the official-publication XML import gives a person in `dossier
//! documents`: every real Kamerstuk (also undated ones), its type from the
//! known list, and the words that tell it apart.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // test code

use std::path::{Path, PathBuf};

use assert_cmd::Command;

fn fixture(name: &str) -> String {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/op-xml")
        .join(name);
    std::fs::read_to_string(path).unwrap()
}

fn dossier(home: &Path) -> Command {
    let mut c = Command::cargo_bin("dossier").unwrap();
    c.env("HOME", home)
        .env("XDG_DATA_HOME", home.join("data"))
        .env("XDG_CONFIG_HOME", home.join("config"));
    c.current_dir(home);
    c
}

/// The source with its `datumtekst` replaced.
fn with_datumtekst(source: &str, replacement: &str) -> String {
    let start = source.find("<datumtekst>").unwrap();
    let end = source.find("</datumtekst>").unwrap() + "</datumtekst>".len();
    format!("{}{replacement}{}", &source[..start], &source[end..])
}

#[test]
fn documents_carry_subject_submitters_and_an_unknown_date() {
    let tmp = tempfile::tempdir().unwrap();
    let lib = tmp.path().join("lib");
    let undated = tmp.path().join("undated.xml");
    std::fs::write(
        &undated,
        with_datumtekst(&fixture("kst-36410-VI-60.xml"), ""),
    )
    .unwrap();
    let renamed = tmp.path().join("tweede.xml");
    std::fs::write(
        &renamed,
        fixture("kst-36600-XII-57.xml").replace(
            "<titel>GEWIJZIGDE MOTIE VAN KOSTIĆ",
            "<titel>TWEEDE NADER GEWIJZIGDE MOTIE VAN KOSTIĆ",
        ),
    )
    .unwrap();
    let dated = tmp.path().join("dated.xml");
    std::fs::write(
        &dated,
        with_datumtekst(
            &fixture("kst-36410-VI-64.xml"),
            "<datumtekst>Voorgesteld 30 november 2023</datumtekst>",
        ),
    )
    .unwrap();
    dossier(tmp.path())
        .arg("import")
        .args([&undated, &renamed, &dated])
        .arg("--into")
        .arg(&lib)
        .assert()
        .success();

    let out = dossier(tmp.path())
        .arg("--dossiers")
        .arg(&lib)
        .args(["documents", "--json"])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let docs: serde_json::Value = serde_json::from_slice(&out).unwrap();
    let by_id = |id: &str| {
        docs.as_array()
            .unwrap()
            .iter()
            .find(|d| d["id"] == id)
            .unwrap_or_else(|| panic!("{id} in {docs:#}"))
            .clone()
    };
    let bikker = by_id("kst-36410-vi-60");
    assert_eq!(bikker["date"], serde_json::Value::Null);
    assert_eq!(bikker["year"], "2023-2024");
    assert_eq!(bikker["type"], "motie");
    assert_eq!(bikker["submitters"], serde_json::json!(["Bikker"]));
    assert!(
        bikker["subject"]
            .as_str()
            .unwrap()
            .starts_with("verzoekt de regering voor de zomer")
    );
    assert!(
        bikker["title"]
            .as_str()
            .unwrap()
            .starts_with("MOTIE VAN HET LID BIKKER C.S.: verzoekt")
    );
    let kostic = by_id("kst-36600-xii-57");
    assert_eq!(kostic["type"], "motie");
    assert_eq!(kostic["submitters"], serde_json::json!(["Kostić"]));

    let out = dossier(tmp.path())
        .arg("--dossiers")
        .arg(&lib)
        .arg("documents")
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let out = String::from_utf8(out).unwrap();
    let line = out.lines().find(|l| l.contains("kst-36410-vi-60")).unwrap();
    assert!(line.starts_with("datum onbekend  kst-36410-vi-60"), "{out}");
    // Newest first: the undated motie of 2023-2024 stands with that
    // vergaderjaar, at the turn of its calendar year: after 2024-10-15,
    // before 2023-11-30.
    let order: Vec<&str> = out
        .lines()
        .filter_map(|l| l.split_whitespace().find(|w| w.starts_with("kst-")))
        .collect();
    let at = |id: &str| order.iter().position(|x| *x == id).unwrap();
    assert!(at("kst-36600-xii-57") < at("kst-36410-vi-60"), "{out}");
    assert!(at("kst-36410-vi-60") < at("kst-36410-vi-64"), "{out}");
}
