//! The library: documents with their official identity, references that
//! open the documents they cite, what cites a document, the timeline, and
//! the library folder that loads beside the built-in letter.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // test code

use std::path::{Path, PathBuf};

use assert_cmd::Command;
use serde_json::Value;

fn project(rel: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(rel)
}

/// A folder with the bundled dossiers and the two library fixtures
/// (Kamerstuk 32317-978 and motie 21501-04-287).
fn library(into: &Path) -> PathBuf {
    let dir = into.join("lib");
    std::fs::create_dir_all(&dir).unwrap();
    for folder in ["dossiers", "tests/fixtures/library"] {
        for e in std::fs::read_dir(project(folder)).unwrap() {
            let p = e.unwrap().path();
            if p.extension().is_some_and(|x| x == "toml") {
                std::fs::copy(&p, dir.join(p.file_name().unwrap())).unwrap();
            }
        }
    }
    dir
}

fn dossier(home: &Path) -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_dossier"));
    c.current_dir(home)
        .env("HOME", home)
        .env("XDG_CONFIG_HOME", home.join("config"))
        .env("XDG_DATA_HOME", home.join("data"))
        .env("XDG_CACHE_HOME", home.join("cache"))
        .env("XDG_STATE_HOME", home.join("state"))
        .env_remove("DOSSIER_CACHE_DIR");
    c
}

fn stdout(c: &mut Command) -> String {
    let out = c.output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn a_reference_shows_the_document_it_cites_when_the_library_holds_it() {
    let home = tempfile::tempdir().unwrap();
    let dir = library(home.path());
    for (reference, text) in [
        ("kamerstuk-32317-978", "Testtekst: deze agenda"),
        ("motie-21501-04-287", "Testtekst: deze motie"),
    ] {
        let out = stdout(
            dossier(home.path())
                .arg("--dossiers")
                .arg(&dir)
                .args(["show", reference]),
        );
        let citation = out.find("Citeerwijze").unwrap();
        let body = out
            .find(text)
            .unwrap_or_else(|| panic!("{reference}:\n{out}"));
        assert!(citation < body, "the citation comes first:\n{out}");
    }
    let v: Value = serde_json::from_str(&stdout(
        dossier(home.path()).arg("--dossiers").arg(&dir).args([
            "show",
            "kamerstuk-32317-978",
            "--json",
        ]),
    ))
    .unwrap();
    assert_eq!(v["opens"], "kst-32317-978");
}

#[test]
fn a_reference_outside_the_library_gives_its_citation_and_address() {
    let home = tempfile::tempdir().unwrap();
    let out = stdout(
        dossier(home.path())
            .arg("--dossiers")
            .arg(project("dossiers"))
            .args(["show", "kamerstuk-21501-20-2245"]),
    );
    assert!(
        out.contains("Kamerstukken II 2024/25, 21501-20, nr. 2245"),
        "{out}"
    );
    assert!(
        out.contains("https://zoek.officielebekendmakingen.nl/kst-21501-20-2245.html"),
        "{out}"
    );
    assert!(out.contains("niet in de bibliotheek"), "{out}");
}

#[test]
fn a_document_lists_what_cites_it_across_the_library() {
    let home = tempfile::tempdir().unwrap();
    let dir = library(home.path());
    let v: Value = serde_json::from_str(&stdout(
        dossier(home.path())
            .arg("--dossiers")
            .arg(&dir)
            .args(["show", "kst-32317-978", "--json"]),
    ))
    .unwrap();
    let from: Vec<&str> = v["cited_by"]
        .as_array()
        .unwrap()
        .iter()
        .map(|b| b["node"].as_str().unwrap())
        .collect();
    assert_eq!(from, ["ebsp/fn-2", "ebsp/fn-4"]);
    assert_eq!(v["document"]["type"], "agenda");
    assert_eq!(v["document"]["dossier_number"], "32317");
}

#[test]
fn the_timeline_lists_documents_by_date_with_their_topics() {
    let home = tempfile::tempdir().unwrap();
    let dir = library(home.path());
    let v: Value = serde_json::from_str(&stdout(
        dossier(home.path())
            .arg("--dossiers")
            .arg(&dir)
            .args(["timeline", "--json"]),
    ))
    .unwrap();
    let ids: Vec<&str> = v
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["id"].as_str().unwrap())
        .collect();
    assert_eq!(ids, ["kst-21501-04-287", "kst-32317-978", "kst-32317-987"]);
    assert_eq!(v[2]["topics"].as_array().unwrap().len(), 7);
    let only: Value = serde_json::from_str(&stdout(
        dossier(home.path()).arg("--dossiers").arg(&dir).args([
            "timeline",
            "--dossier",
            "32317",
            "--json",
        ]),
    ))
    .unwrap();
    assert_eq!(only.as_array().unwrap().len(), 2);
    dossier(home.path())
        .arg("--dossiers")
        .arg(&dir)
        .args(["timeline", "--dossier", "99999"])
        .assert()
        .code(1);
}

#[test]
fn documents_lists_the_library_newest_first() {
    let home = tempfile::tempdir().unwrap();
    let dir = library(home.path());
    let out = stdout(
        dossier(home.path())
            .arg("--dossiers")
            .arg(&dir)
            .arg("documents"),
    );
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), 3, "{out}");
    assert!(lines[0].contains("kst-32317-987") && lines[0].contains("Tweede Kamer"));
    assert!(lines[2].contains("kst-21501-04-287") && lines[2].contains("motie"));
}

#[test]
fn a_topic_links_to_its_other_appearances() {
    let home = tempfile::tempdir().unwrap();
    let dir = library(home.path());
    let v: Value = serde_json::from_str(&stdout(
        dossier(home.path())
            .arg("--dossiers")
            .arg(&dir)
            .args(["show", "ebsp", "--json"]),
    ))
    .unwrap();
    assert_eq!(v["also_in"][0]["node"], "kst-32317-978/ebsp");
}

#[test]
fn the_library_folder_loads_beside_the_built_in_letter_without_duplicating_it() {
    let home = tempfile::tempdir().unwrap();
    let lib = home.path().join("data/dossier/library");
    std::fs::create_dir_all(&lib).unwrap();
    let name = "kst-32317-978.toml";
    std::fs::copy(project("tests/fixtures/library").join(name), lib.join(name)).unwrap();
    // The bundled letter itself, imported again into the library.
    std::fs::copy(
        project("dossiers/kst-32317-987.toml"),
        lib.join("kst-32317-987.toml"),
    )
    .unwrap();
    let out = dossier(home.path())
        .args(["documents", "--json"])
        .output()
        .unwrap();
    assert!(out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!stderr.contains("defined twice"), "{stderr}");
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    let ids: Vec<&str> = v
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["id"].as_str().unwrap())
        .collect();
    assert_eq!(ids, ["kst-32317-987", "kst-32317-978"]);
}

#[test]
fn the_library_loads_beside_a_dossiers_folder_chosen_by_default() {
    let home = tempfile::tempdir().unwrap();
    // A `dossiers` folder in the working folder, as in a checkout.
    let here = home.path().join("dossiers");
    std::fs::create_dir_all(&here).unwrap();
    for e in std::fs::read_dir(project("dossiers")).unwrap() {
        let p = e.unwrap().path();
        if p.extension().is_some_and(|x| x == "toml") {
            std::fs::copy(&p, here.join(p.file_name().unwrap())).unwrap();
        }
    }
    let lib = home.path().join("data/dossier/library");
    std::fs::create_dir_all(&lib).unwrap();
    let name = "kst-32317-978.toml";
    std::fs::copy(project("tests/fixtures/library").join(name), lib.join(name)).unwrap();
    std::fs::copy(
        project("dossiers/kst-32317-987.toml"),
        lib.join("kst-32317-987.toml"),
    )
    .unwrap();
    let out = dossier(home.path())
        .args(["documents", "--json"])
        .output()
        .unwrap();
    assert!(out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!stderr.contains("defined twice"), "{stderr}");
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    let ids: Vec<&str> = v
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["id"].as_str().unwrap())
        .collect();
    assert_eq!(ids, ["kst-32317-987", "kst-32317-978"]);
    // A note on an imported document is on its node, not detached.
    let out = dossier(home.path())
        .args([
            "notes",
            "add",
            "--target",
            "kst-32317-978",
            "--body",
            "Nagaan",
        ])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: Value = serde_json::from_str(&stdout(
        dossier(home.path()).args(["notes", "list", "--json"]),
    ))
    .unwrap();
    assert_eq!(v[0]["anchored"], Value::Bool(true));
}
