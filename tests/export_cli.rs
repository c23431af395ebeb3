//! `dossier notes export` and `dossier notes import` as a team uses them:
//! one person exports, a colleague imports, twice, and edits travel back.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // test code

use std::path::{Path, PathBuf};

use assert_cmd::Command;
use predicates::prelude::*;

fn dossiers() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("dossiers")
}

/// One person: a config with their name, and their own store.
struct Person {
    dir: tempfile::TempDir,
}

impl Person {
    fn new(name: &str) -> Person {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(
            dir.path().join("config.toml"),
            format!("author = \"{name}\"\nlanguage = \"en\"\n"),
        )
        .unwrap();
        Person { dir }
    }

    fn store(&self) -> PathBuf {
        self.dir.path().join("notes")
    }

    fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    fn cmd(&self) -> Command {
        let mut c = Command::cargo_bin("dossier").unwrap();
        c.arg("--dossiers")
            .arg(dossiers())
            .arg("--config")
            .arg(self.path("config.toml"))
            .arg("--notes")
            .arg(self.store());
        c.env("XDG_STATE_HOME", self.path("state"))
            .env("XDG_DATA_HOME", self.path("data"));
        c
    }

    fn add(&self, args: &[&str]) -> String {
        let out = self
            .cmd()
            .args(["notes", "add"])
            .args(args)
            .assert()
            .success()
            .get_output()
            .stdout
            .clone();
        String::from_utf8(out).unwrap().trim().to_string()
    }

    fn list(&self) -> Vec<serde_json::Value> {
        let out = self
            .cmd()
            .args(["notes", "list", "--json"])
            .assert()
            .success()
            .get_output()
            .stdout
            .clone();
        serde_json::from_slice(&out).unwrap()
    }

    fn import(&self, file: &Path) -> String {
        let out = self
            .cmd()
            .args(["notes", "import"])
            .arg(file)
            .assert()
            .success()
            .get_output()
            .stdout
            .clone();
        String::from_utf8(out).unwrap()
    }

    /// Every file of the store with its contents, to see that nothing changed.
    fn store_files(&self) -> Vec<(PathBuf, Vec<u8>)> {
        let mut files: Vec<_> = std::fs::read_dir(self.store())
            .map(|d| {
                d.filter_map(Result::ok)
                    .map(|e| e.path())
                    .filter(|p| p.is_file())
                    .collect()
            })
            .unwrap_or_default();
        files.sort();
        files
            .into_iter()
            .map(|p| (p.clone(), std::fs::read(p).unwrap()))
            .collect()
    }
}

fn anna_with_notes() -> (Person, String, String) {
    let anna = Person::new("Anna");
    let q = anna.add(&[
        "--target",
        "ebsp/uitkomst-onderhandelingen",
        "--quote",
        "tweetrapssysteem",
        "--body",
        "Hoe *precies*?",
        "--kind",
        "question",
        "--tag",
        "vs",
    ]);
    let t = anna.add(&[
        "--target",
        "marokko",
        "--body",
        "=brief sturen\nvoor 1 maart",
        "--kind",
        "toezegging",
        "--owner",
        "DGM",
    ]);
    (anna, q, t)
}

#[test]
fn a_colleague_imports_once_and_a_second_import_changes_nothing() {
    let (anna, q, _) = anna_with_notes();
    let file = anna.path("anna.json");
    anna.cmd()
        .args(["notes", "export", "--format", "json", "--output"])
        .arg(&file)
        .assert()
        .success()
        .stderr(predicate::str::contains("2 notes exported"));
    let ben = Person::new("Ben");
    ben.add(&["--target", "c7", "--body", "Eigen notitie"]);
    assert!(
        ben.import(&file)
            .ends_with(": 2 added, 0 updated, 0 unchanged, 0 conflicts\n")
    );
    let before = ben.store_files();
    assert!(
        ben.import(&file)
            .ends_with(": 0 added, 0 updated, 2 unchanged, 0 conflicts\n")
    );
    assert_eq!(ben.store_files(), before, "a second import writes nothing");
    let listed = ben.list();
    assert_eq!(listed.len(), 3);
    let mine = listed.iter().find(|n| n["id"] == q.as_str()).unwrap();
    assert_eq!(mine["author"], "Anna", "whose note is whose stays known");
    assert_eq!(mine["anchored"], true);
}

#[test]
fn an_edited_note_comes_back_newer_and_a_stale_one_is_reported() {
    let (anna, q, _) = anna_with_notes();
    let file = anna.path("anna.json");
    anna.cmd()
        .args(["notes", "export", "--format", "json", "--output"])
        .arg(&file)
        .assert()
        .success();
    let ben = Person::new("Ben");
    ben.import(&file);
    // Ben edits Anna's question (as the interface would) and sends it back.
    let mut doc: serde_json::Value =
        serde_json::from_slice(&std::fs::read(&file).unwrap()).unwrap();
    for n in doc["notes"].as_array_mut().unwrap() {
        if n["id"] == q.as_str() {
            n["body"] = "Beantwoord in het debat".into();
            n["status"] = "done".into();
            n["updated"] = "2099-01-01T00:00:00Z".into();
            n["author"] = "Ben".into();
        }
    }
    let edited = ben.path("ben.json");
    std::fs::write(&edited, serde_json::to_vec(&doc).unwrap()).unwrap();
    let said = anna.import(&edited);
    assert!(
        said.contains(": 0 added, 1 updated, 1 unchanged, 0 conflicts\n"),
        "{said}"
    );
    // The version replaced is kept, and the date from the future flagged.
    assert!(
        said.contains(&format!(
            "replaced: {q}: the version it replaced is kept in"
        )),
        "{said}"
    );
    assert!(said.contains("dated in the future"), "{said}");
    let back = anna
        .list()
        .into_iter()
        .find(|n| n["id"] == q.as_str())
        .unwrap();
    assert_eq!(
        (
            back["body"].as_str(),
            back["status"].as_str(),
            back["author"].as_str()
        ),
        (Some("Beantwoord in het debat"), Some("done"), Some("Anna"))
    );
    // Anna's original export is now older than her store: reported, kept.
    let out = anna.import(&file);
    assert!(
        out.contains(": 0 added, 0 updated, 1 unchanged, 1 conflicts\n"),
        "{out}"
    );
    assert!(
        out.contains(&format!("conflict: {q}: ours was changed later; ours kept")),
        "{out}"
    );
}

#[test]
fn w3c_and_store_folders_import_too() {
    let (anna, _, _) = anna_with_notes();
    let file = anna.path("anna.jsonld");
    anna.cmd()
        .args(["notes", "export", "--format", "w3c", "--output"])
        .arg(&file)
        .assert()
        .success();
    let ben = Person::new("Ben");
    assert!(
        ben.import(&file)
            .ends_with(": 2 added, 0 updated, 0 unchanged, 0 conflicts\n")
    );
    let carla = Person::new("Carla");
    assert!(
        carla
            .import(&anna.store())
            .ends_with(": 2 added, 0 updated, 0 unchanged, 0 conflicts\n")
    );
    assert!(
        carla
            .import(&file)
            .ends_with(": 0 added, 0 updated, 2 unchanged, 0 conflicts\n")
    );
}

#[test]
fn a_bad_file_is_refused_and_the_store_left_as_it_was() {
    let (anna, _, _) = anna_with_notes();
    let before = anna.store_files();
    let bad = anna.path("kapot.json");
    std::fs::write(
        &bad,
        "{\"format\": \"dossier-notes\", \"version\": 1,\n \"notes\": [{\"id\": \"x\"}]}",
    )
    .unwrap();
    anna.cmd()
        .args(["notes", "import"])
        .arg(&bad)
        .assert()
        .code(1)
        .stderr(
            predicate::str::contains("kapot.json:2:")
                .and(predicate::str::contains("missing field")),
        );
    std::fs::write(&bad, "gewoon tekst").unwrap();
    anna.cmd()
        .args(["notes", "import"])
        .arg(&bad)
        .assert()
        .code(1)
        .stderr(predicate::str::contains(
            "kapot.json:1:1: not a valid notes export",
        ));
    let foreign = "{\"@context\": \"http://www.w3.org/ns/anno.jsonld\", \"id\": \"http://example.org/1\", \"type\": \"Annotation\", \"created\": \"2025-12-18T10:00:00Z\", \"target\": \"https://example.org/page\"}";
    std::fs::write(&bad, foreign).unwrap();
    anna.cmd()
        .args(["notes", "import"])
        .arg(&bad)
        .assert()
        .code(1)
        .stderr(predicate::str::contains("not a node of these dossiers"));
    anna.cmd()
        .args(["notes", "import"])
        .arg(anna.path("bestaat-niet.json"))
        .assert()
        .code(1)
        .stderr(predicate::str::contains("cannot open"));
    assert_eq!(anna.store_files(), before);
}

#[test]
fn every_format_goes_to_standard_output_and_filters_apply() {
    let (anna, q, t) = anna_with_notes();
    let run = |args: &[&str]| {
        String::from_utf8(
            anna.cmd()
                .args(["notes", "export"])
                .args(args)
                .assert()
                .success()
                .get_output()
                .stdout
                .clone(),
        )
        .unwrap()
    };
    let md = run(&["--format", "md"]);
    assert!(
        md.starts_with("# Notes\n") && md.contains("Hoe \\*precies\\*?"),
        "{md}"
    );
    let html = run(&["--format", "html", "--kind", "toezegging"]);
    assert!(html.contains("=brief sturen") && !html.contains("precies"));
    let csv_text = run(&["--format", "csv", "--tag", "VS"]);
    let rows: Vec<csv::StringRecord> = csv::Reader::from_reader(csv_text.as_bytes())
        .records()
        .collect::<Result<_, _>>()
        .unwrap();
    assert_eq!(rows.len(), 1);
    assert_eq!(&rows[0][0], q.as_str());
    // For a spreadsheet set to Dutch: semicolons, after the byte-order mark.
    let nl = run(&["--format", "csv", "--tag", "VS", "--delimiter", ";"]);
    assert!(nl.starts_with("\u{feff}id;dossier;node;"), "{nl}");
    let rows: Vec<csv::StringRecord> = csv::ReaderBuilder::new()
        .delimiter(b';')
        .from_reader(nl.as_bytes())
        .records()
        .collect::<Result<_, _>>()
        .unwrap();
    assert_eq!(&rows[0][0], q.as_str());
    anna.cmd()
        .args(["notes", "export", "--format", "csv", "--delimiter", "|"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("not a delimiter"));
    let json: serde_json::Value =
        serde_json::from_str(&run(&["--format", "json", "--dossier", "marokko"])).unwrap();
    assert_eq!(json["notes"][0]["id"], t.as_str());
    let w3c: serde_json::Value =
        serde_json::from_str(&run(&["--format", "w3c", "--status", "done"])).unwrap();
    assert_eq!(w3c["total"], 0);
    anna.cmd()
        .args(["notes", "export", "--format", "md", "--kind", "memo"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("unknown kind `memo`"));
    anna.cmd()
        .args(["notes", "export", "--format", "pdf"])
        .assert()
        .code(2);
}

#[test]
fn an_export_file_is_replaced_whole() {
    let (anna, _, _) = anna_with_notes();
    let file = anna.path("notes.md");
    std::fs::write(&file, "x".repeat(100_000)).unwrap();
    anna.cmd()
        .args(["notes", "export", "--format", "md", "--output"])
        .arg(&file)
        .assert()
        .success();
    let text = std::fs::read_to_string(&file).unwrap();
    assert!(text.starts_with("# Notes\n") && !text.contains("xxx"));
    let leftovers: Vec<_> = std::fs::read_dir(anna.dir.path())
        .unwrap()
        .filter_map(Result::ok)
        .filter(|e| {
            e.file_name()
                .to_string_lossy()
                .starts_with(".dossier-export")
        })
        .collect();
    assert!(leftovers.is_empty());
    anna.cmd()
        .args(["notes", "export", "--format", "md", "--output"])
        .arg(anna.path("geen/map/notes.md"))
        .assert()
        .code(1)
        .stderr(predicate::str::contains("cannot write the export"));
}
