//! A document is called by its kind — motie, brief, agenda — in every
//! face of the command line: `list`, `list --json`, `search --json`.

use std::path::{Path, PathBuf};

use assert_cmd::Command;
use serde_json::Value;

fn project(rel: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(rel)
}

/// The bundled dossiers with the library fixtures (agenda 32317-978 and
/// motie 21501-04-287).
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
fn list_calls_a_motie_a_motie_and_the_letter_a_letter() {
    let home = tempfile::tempdir().unwrap();
    let dir = library(home.path());
    let out = stdout(dossier(home.path()).arg("--dossiers").arg(&dir).arg("list"));
    let line = |id: &str| {
        out.lines()
            .find(|l| l.starts_with(id))
            .unwrap_or_else(|| panic!("{id} in {out}"))
            .to_string()
    };
    assert!(line("kst-21501-04-287").ends_with("(motie)"), "{out}");
    assert!(line("kst-32317-978").ends_with("(agenda)"), "{out}");
    assert!(line("kst-32317-987").ends_with("(brief)"), "{out}");
    let json: Value = serde_json::from_str(&stdout(
        dossier(home.path())
            .arg("--dossiers")
            .arg(&dir)
            .args(["list", "--json"]),
    ))
    .unwrap();
    let motie = json
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["id"] == "kst-21501-04-287")
        .unwrap();
    assert_eq!(motie["type"], "motie");
    assert_eq!(motie["kind"], "letter", "the node's kind stays as it was");
}

#[test]
fn list_in_english_names_kinds_in_english() {
    let home = tempfile::tempdir().unwrap();
    let dir = library(home.path());
    let config = home.path().join("en.toml");
    std::fs::write(&config, "language = \"en\"\n").unwrap();
    let out = stdout(
        dossier(home.path())
            .arg("--dossiers")
            .arg(&dir)
            .arg("--config")
            .arg(&config)
            .arg("list"),
    );
    assert!(out.contains("Motie van het lid Ram  (motion)"), "{out}");
    assert!(!out.contains("(brief)"), "{out}");
}

#[test]
fn search_json_gives_a_motie_the_kind_motie() {
    let home = tempfile::tempdir().unwrap();
    let dir = library(home.path());
    let hits: Value = serde_json::from_str(&stdout(
        dossier(home.path())
            .arg("--dossiers")
            .arg(&dir)
            .args(["search", "--json", "lid Ram"]),
    ))
    .unwrap();
    let motie = hits
        .as_array()
        .unwrap()
        .iter()
        .find(|h| h["node"] == "kst-21501-04-287")
        .unwrap_or_else(|| panic!("{hits}"));
    assert_eq!(motie["kind"], "motie");
    assert!(
        hits.as_array()
            .unwrap()
            .iter()
            .all(|h| h["kind"] != "letter"),
        "{hits}"
    );
}
