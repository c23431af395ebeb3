//! A document is called by its kind — motie, brief, agenda — in every
//! face of the command line: `list`, `list --json`, `search --json`.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // test code

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

/// Notes on the motie of the library and on the bundled letter, exported in
/// `format`.
fn exported(home: &Path, dir: &Path, format: &str, config: Option<&Path>) -> String {
    let notes = home.join("notes.json");
    let run = |args: &[&str]| {
        let mut c = dossier(home);
        c.arg("--dossiers").arg(dir).arg("--notes").arg(&notes);
        if let Some(config) = config {
            c.arg("--config").arg(config);
        }
        stdout(c.args(args))
    };
    if !notes.exists() {
        run(&[
            "notes",
            "add",
            "--target",
            "kst-21501-04-287",
            "--body",
            "Op de motie",
        ]);
        run(&["notes", "add", "--target", "c7", "--body", "Op de brief"]);
    }
    run(&["notes", "export", "--format", format])
}

#[test]
fn every_export_cites_the_motie_and_the_letter_officially() {
    let home = tempfile::tempdir().unwrap();
    let dir = library(home.path());
    for format in ["md", "html", "csv", "json", "w3c"] {
        let out = exported(home.path(), &dir, format, None);
        assert!(
            out.contains("Kamerstukken II 2024/25, 21501-04, nr. 287"),
            "{format}: {out}"
        );
        assert!(
            out.contains("Kamerstukken II 2025/26, 32317, nr. 987"),
            "{format}: {out}"
        );
        assert!(!out.contains("Kamerbrief van"), "{format}: {out}");
        assert!(!out.contains("onbekend"), "{format}: {out}");
    }
    let md = exported(home.path(), &dir, "md", None);
    assert!(
        md.contains("Bron: Motie van 4 juni 2025, Kamerstukken II 2024/25, 21501-04, nr. 287"),
        "{md}"
    );
    assert!(md.contains("nr. 987, kenmerk 7010422"), "{md}");
}

#[test]
fn the_dutch_csv_has_dutch_headers_values_and_dates() {
    let home = tempfile::tempdir().unwrap();
    let dir = library(home.path());
    let config = home.path().join("nl.toml");
    std::fs::write(&config, "language = \"nl\"\n").unwrap();
    let csv = exported(home.path(), &dir, "csv", Some(&config));
    let header = csv.trim_start_matches('\u{feff}').lines().next().unwrap();
    assert!(
        header.contains("soort document") && header.contains("datum document"),
        "{header}"
    );
    assert!(
        header.contains("aangemaakt") && !header.contains("created"),
        "{header}"
    );
    assert!(csv.contains("04-06-2025"), "{csv}");
    // Cells split on `;`, as a spreadsheet set to Dutch splits them.
    assert!(header.contains(";aangemaakt;"), "{header}");
    assert!(csv.contains(";motie;"), "{csv}");
    assert!(csv.contains(";notitie;open;"), "{csv}");
    let en = home.path().join("en.toml");
    std::fs::write(&en, "language = \"en\"\n").unwrap();
    let csv = exported(home.path(), &dir, "csv", Some(&en));
    assert!(
        csv.contains("document type") && csv.contains(",motion,"),
        "{csv}"
    );
}

#[test]
fn notes_list_filters_by_kamerstuk_dossier_and_owner() {
    let home = tempfile::tempdir().unwrap();
    let dir = library(home.path());
    let notes = home.path().join("notes.json");
    let run = |args: &[&str]| {
        stdout(
            dossier(home.path())
                .arg("--dossiers")
                .arg(&dir)
                .arg("--notes")
                .arg(&notes)
                .args(args),
        )
    };
    run(&[
        "notes",
        "add",
        "--target",
        "kst-21501-04-287",
        "--body",
        "motie",
    ]);
    run(&[
        "notes", "add", "--target", "c7", "--kind", "actie", "--owner", "DGM", "--body", "brief",
    ]);
    let bodies = |args: &[&str]| -> Vec<String> {
        let v: Value = serde_json::from_str(&run(args)).unwrap();
        v.as_array()
            .unwrap()
            .iter()
            .map(|n| n["body"].as_str().unwrap().to_string())
            .collect()
    };
    assert_eq!(
        bodies(&["notes", "list", "--json", "--dossier", "32317"]),
        ["brief"]
    );
    assert_eq!(
        bodies(&["notes", "list", "--json", "--dossier", "21501-04"]),
        ["motie"]
    );
    assert_eq!(
        bodies(&["notes", "list", "--json", "--owner", "dgm"]),
        ["brief"]
    );
    assert_eq!(
        bodies(&["notes", "list", "--json", "--dossier", "c7"]),
        ["brief"]
    );
}

#[test]
fn a_dossiers_folder_in_the_current_folder_is_announced_once() {
    let home = tempfile::tempdir().unwrap();
    let dir = library(home.path());
    std::fs::rename(&dir, home.path().join("dossiers")).unwrap();
    std::fs::write(home.path().join("config.toml"), "language = \"en\"\n").unwrap();
    let out = dossier(home.path()).arg("list").output().unwrap();
    assert!(out.status.success());
    let err = String::from_utf8(out.stderr).unwrap();
    assert_eq!(
        err.matches("using ./dossiers + ./config.toml of this folder")
            .count(),
        1,
        "{err}"
    );
    // Named on the command line: nothing to announce.
    let out = dossier(home.path())
        .args(["--dossiers", "dossiers", "--config", "config.toml", "list"])
        .output()
        .unwrap();
    assert!(String::from_utf8(out.stderr).unwrap().is_empty());
}

#[test]
fn an_export_to_a_missing_folder_names_the_folder() {
    let home = tempfile::tempdir().unwrap();
    let dir = library(home.path());
    let notes = home.path().join("notes.json");
    let run = |args: &[&str]| {
        let mut c = dossier(home.path());
        c.arg("--dossiers")
            .arg(&dir)
            .arg("--notes")
            .arg(&notes)
            .args(args);
        c.output().unwrap()
    };
    assert!(
        run(&["notes", "add", "--target", "c7", "--body", "x"])
            .status
            .success()
    );
    let out = run(&[
        "notes",
        "export",
        "--format",
        "md",
        "--output",
        "geen/map/n.md",
    ]);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.contains("the folder geen/map does not exist"), "{err}");
    assert!(!err.contains(".dossier-export"), "{err}");
}
