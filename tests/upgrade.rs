//! Nothing is lost by an upgrade: a notes store written by 0.1.0, before
//! documents had official identifiers, lists every note on the same node
//! and passage, anchored; and every id of that version still opens.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // test code

use std::path::{Path, PathBuf};

use assert_cmd::Command;
use serde_json::Value;

fn project(rel: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(rel)
}

/// `dossier` on the bundled dossiers, with a home of its own.
fn dossier(home: &Path) -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_dossier"));
    c.current_dir(home)
        .env("HOME", home)
        .env("XDG_CONFIG_HOME", home.join("config"))
        .env("XDG_DATA_HOME", home.join("data"))
        .env("XDG_CACHE_HOME", home.join("cache"))
        .env("XDG_STATE_HOME", home.join("state"))
        .env_remove("DOSSIER_CACHE_DIR")
        .arg("--dossiers")
        .arg(project("dossiers"));
    c
}

/// A copy of the old store: the program must never need to change it,
/// but a test must not risk the fixture.
fn old_store(into: &Path) -> PathBuf {
    let store = into.join("store");
    std::fs::create_dir_all(&store).unwrap();
    for e in std::fs::read_dir(project("tests/fixtures/store-v1")).unwrap() {
        let e = e.unwrap();
        std::fs::copy(e.path(), store.join(e.file_name())).unwrap();
    }
    store
}

fn by_id(notes: &Value) -> Vec<(String, Value)> {
    let mut v: Vec<(String, Value)> = notes
        .as_array()
        .unwrap()
        .iter()
        .map(|n| (n["id"].as_str().unwrap().to_string(), n.clone()))
        .collect();
    v.sort_by(|a, b| a.0.cmp(&b.0));
    v
}

#[test]
fn a_store_of_the_first_version_keeps_every_note_on_its_passage() {
    let home = tempfile::tempdir().unwrap();
    let store = old_store(home.path());
    let out = dossier(home.path())
        .arg("--notes")
        .arg(&store)
        .args(["notes", "list", "--json"])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let now: Value = serde_json::from_slice(&out.stdout).unwrap();
    let then: Value = serde_json::from_str(
        &std::fs::read_to_string(project("tests/fixtures/store-v1.expected.json")).unwrap(),
    )
    .unwrap();
    let (now, then) = (by_id(&now), by_id(&then));
    assert_eq!(now.len(), 9);
    assert_eq!(now.len(), then.len());
    for ((id, n), (_, t)) in now.iter().zip(&then) {
        assert_eq!(n["target"], t["target"], "{id}: target");
        assert_eq!(n["body"], t["body"], "{id}: body");
        assert_eq!(n["kind"], t["kind"], "{id}: kind");
        assert_eq!(n["anchored"], Value::Bool(true), "{id} is detached");
    }
}

#[test]
fn every_id_of_the_first_version_still_opens() {
    let home = tempfile::tempdir().unwrap();
    for id in [
        "ebsp",
        "ebsp/uitkomst-onderhandelingen",
        "ebsp/fn-2",
        "kamerstuk-32317-973",
        "kamerbrief-7010422",
        "motie-21501-04-287",
    ] {
        let out = dossier(home.path())
            .args(["show", id, "--json"])
            .output()
            .unwrap();
        assert!(out.status.success(), "show {id}");
        let v: Value = serde_json::from_slice(&out.stdout).unwrap();
        assert!(!v["title"].as_str().unwrap().is_empty(), "{id}");
    }
    // The letter answers to its old id and is the Kamerstuk it is.
    let out = dossier(home.path())
        .args(["show", "kamerbrief-7010422", "--json"])
        .output()
        .unwrap();
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["id"], "kst-32317-987");
    assert_eq!(v["document"]["reference"], "7010422");
    assert_eq!(v["document"]["chamber"], "tweede-kamer");
    assert_eq!(v["document"]["year"], "2025-2026");
    assert_eq!(
        v["document"]["url"],
        "https://zoek.officielebekendmakingen.nl/kst-32317-987.html"
    );
}

#[test]
fn a_note_on_an_old_id_can_still_be_made() {
    let home = tempfile::tempdir().unwrap();
    let store = home.path().join("notes");
    let out = dossier(home.path())
        .arg("--notes")
        .arg(&store)
        .args([
            "notes",
            "add",
            "--target",
            "kamerbrief-7010422",
            "--quote",
            "Hierbij bieden wij",
            "--body",
            "Opening",
        ])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let out = dossier(home.path())
        .arg("--notes")
        .arg(&store)
        .args(["notes", "list", "--json"])
        .output()
        .unwrap();
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v[0]["anchored"], Value::Bool(true));
}
