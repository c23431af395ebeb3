//! The command line speaks the interface's note vocabulary: every kind and
//! status in Dutch and English, due dates as people write them, and the
//! changes the interface makes (`notes edit`, `done`, `delete`). Output
//! follows `language` in `config.toml`.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // test code

use std::path::{Path, PathBuf};

use assert_cmd::Command;
use predicates::prelude::*;
use serde_json::Value;

const SECTION: &str = "ebsp/uitkomst-onderhandelingen";

/// A temporary home with a config (in `language`) and a notes store.
struct Home {
    dir: tempfile::TempDir,
}

impl Home {
    fn new(language: &str) -> Home {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(
            dir.path().join("config.toml"),
            format!("author = \"Tester\"\nlanguage = \"{language}\"\n"),
        )
        .unwrap();
        Home { dir }
    }

    fn store(&self) -> PathBuf {
        self.dir.path().join("notes")
    }

    fn cmd(&self) -> Command {
        let mut c = Command::cargo_bin("dossier").unwrap();
        c.arg("--dossiers")
            .arg(Path::new(env!("CARGO_MANIFEST_DIR")).join("dossiers"))
            .arg("--config")
            .arg(self.dir.path().join("config.toml"))
            .arg("--notes")
            .arg(self.store());
        c.env("DOSSIER_NO_CACHE", "1");
        c.env("XDG_STATE_HOME", self.dir.path().join("state"));
        c.env("XDG_DATA_HOME", self.dir.path().join("data"));
        c
    }

    /// `notes add` on the section with `extra`; the new id.
    fn add(&self, extra: &[&str]) -> String {
        let out = self
            .cmd()
            .args(["notes", "add", "--target", SECTION, "--body", "Nagaan."])
            .args(extra)
            .assert()
            .success()
            .get_output()
            .stdout
            .clone();
        String::from_utf8(out).unwrap().trim().to_string()
    }

    fn notes(&self) -> Vec<Value> {
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

    fn note(&self, id: &str) -> Value {
        self.notes()
            .into_iter()
            .find(|n| n["id"] == id)
            .unwrap_or_else(|| panic!("no note {id}"))
    }
}

/// One test per word: `notes add` with the option stores the field as the
/// interface would.
macro_rules! word {
    ($name:ident, [$($arg:expr),+], $field:expr, $stored:expr) => {
        #[test]
        fn $name() {
            let home = Home::new("nl");
            let id = home.add(&[$($arg),+]);
            assert_eq!(home.note(&id)[$field], $stored);
        }
    };
}

word!(kind_note, ["--kind", "note"], "kind", "note");
word!(kind_notitie, ["--kind", "notitie"], "kind", "note");
word!(kind_question, ["--kind", "question"], "kind", "question");
word!(kind_vraag, ["--kind", "vraag"], "kind", "question");
word!(
    kind_toezegging,
    ["--kind", "toezegging"],
    "kind",
    "toezegging"
);
word!(
    kind_commitment,
    ["--kind", "commitment"],
    "kind",
    "toezegging"
);
word!(kind_action, ["--kind", "action"], "kind", "action");
word!(kind_actie, ["--kind", "actie"], "kind", "action");
word!(kind_in_capitals, ["--kind", "Vraag"], "kind", "question");
word!(status_open, ["--status", "open"], "status", "open");
word!(status_done, ["--status", "done"], "status", "done");
word!(status_afgerond, ["--status", "afgerond"], "status", "done");
word!(due_iso, ["--due", "2026-01-15"], "due", "2026-01-15");
word!(due_day_first, ["--due", "15-01-2026"], "due", "2026-01-15");
word!(
    due_dutch_month,
    ["--due", "15 januari 2026"],
    "due",
    "2026-01-15"
);
word!(
    due_english_month,
    ["--due", "15 January 2026"],
    "due",
    "2026-01-15"
);
word!(owner, ["--owner", " DGM "], "owner", "DGM");

#[test]
fn a_question_done_with_a_due_date_in_dutch_is_added() {
    let home = Home::new("nl");
    let id = home.add(&[
        "--kind",
        "vraag",
        "--status",
        "afgerond",
        "--due",
        "31-12-2025",
    ]);
    let n = home.note(&id);
    assert_eq!(
        (&n["kind"], &n["status"], &n["due"]),
        (&"question".into(), &"done".into(), &"2025-12-31".into())
    );
}

#[test]
fn unknown_words_and_dates_are_bad_usage_and_store_nothing() {
    let home = Home::new("nl");
    for (flag, value, says) in [
        ("--kind", "memo", "unknown kind `memo`"),
        ("--status", "half", "unknown status `half`"),
        ("--due", "31-02-2026", "`31-02-2026` is not a date"),
        ("--due", "morgen", "`morgen` is not a date"),
    ] {
        home.cmd()
            .args([
                "notes", "add", "--target", SECTION, "--body", "x", flag, value,
            ])
            .assert()
            .code(2)
            .stderr(predicate::str::contains(says));
    }
    assert!(home.notes().is_empty());
}

#[test]
fn the_filters_take_the_words_of_either_language() {
    let home = Home::new("nl");
    let vraag = home.add(&["--kind", "question"]);
    home.add(&["--kind", "actie", "--status", "done"]);
    let ids = |args: &[&str]| -> Vec<String> {
        let out = home
            .cmd()
            .args(["notes", "list", "--json"])
            .args(args)
            .assert()
            .success()
            .get_output()
            .stdout
            .clone();
        let v: Vec<Value> = serde_json::from_slice(&out).unwrap();
        v.iter()
            .map(|n| n["id"].as_str().unwrap().to_string())
            .collect()
    };
    assert_eq!(ids(&["--kind", "vraag"]), std::slice::from_ref(&vraag));
    assert_eq!(ids(&["--status", "open"]), [vraag]);
    assert_eq!(ids(&["--status", "afgerond"]).len(), 1);
    home.cmd()
        .args(["notes", "list", "--kind", "memo"])
        .assert()
        .code(2);
}

#[test]
fn edit_changes_only_the_fields_given() {
    let home = Home::new("nl");
    let id = home.add(&["--kind", "toezegging", "--tag", "grens", "--owner", "DGM"]);
    let before = home.note(&id);
    home.cmd()
        .args([
            "notes",
            "edit",
            &id,
            "--body",
            "Anders.",
            "--due",
            "1 maart 2026",
        ])
        .args(["--kind", "actie", "--tag", "Migratie", "--tag", "asiel"])
        .assert()
        .success()
        .stdout(format!("{id}\n"));
    let after = home.note(&id);
    assert_eq!(after["body"], "Anders.");
    assert_eq!(after["kind"], "action");
    assert_eq!(after["due"], "2026-03-01");
    assert_eq!(after["tags"], serde_json::json!(["migratie", "asiel"]));
    assert_eq!(after["owner"], "DGM", "not given, kept");
    assert_eq!(after["created"], before["created"]);
    assert_ne!(after["updated"], before["updated"]);
    // An empty value removes an owner or a due date.
    home.cmd()
        .args(["notes", "edit", &id, "--owner", "", "--due", ""])
        .assert()
        .success();
    let cleared = home.note(&id);
    assert!(cleared.get("owner").is_none() && cleared.get("due").is_none());
    // Nothing to change, a bad word, an unknown note.
    home.cmd()
        .args(["notes", "edit", &id])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("nothing to change"));
    home.cmd()
        .args(["notes", "edit", &id, "--status", "half"])
        .assert()
        .code(2);
    home.cmd()
        .args(["notes", "edit", "n-bestaat-niet", "--body", "x"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("no note `n-bestaat-niet`"));
}

#[test]
fn done_marks_a_note_done() {
    let home = Home::new("nl");
    let id = home.add(&[]);
    assert_eq!(home.note(&id)["status"], "open");
    home.cmd()
        .args(["notes", "done", &id])
        .assert()
        .success()
        .stdout(format!("{id}\n"));
    assert_eq!(home.note(&id)["status"], "done");
    home.cmd().args(["notes", "done", "n-weg"]).assert().code(1);
}

#[test]
fn delete_keeps_the_note_in_the_deleted_folder_to_be_put_back() {
    let home = Home::new("nl");
    let id = home.add(&["--tag", "weg"]);
    let kept = home.add(&[]);
    home.cmd()
        .args(["notes", "delete", &id])
        .assert()
        .success()
        .stdout(format!("{id}\n"))
        .stderr(predicate::str::contains("deleted"));
    let left: Vec<Value> = home.notes();
    assert_eq!(left.len(), 1);
    assert_eq!(left[0]["id"], kept.as_str());
    let deleted: Vec<PathBuf> = std::fs::read_dir(home.store().join("deleted"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    assert_eq!(deleted.len(), 1);
    let text = std::fs::read_to_string(&deleted[0]).unwrap();
    assert!(text.contains(&id) && text.contains("weg"), "{text}");
    // Put back by hand, as undo does: the note is whole again.
    std::fs::rename(&deleted[0], home.store().join(format!("{id}.toml"))).unwrap();
    assert_eq!(home.notes().len(), 2);
    home.cmd()
        .args(["notes", "delete", "n-weg"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("no note `n-weg`"));
}

#[test]
fn english_configuration_gives_english_output() {
    let nl = Home::new("nl");
    let en = Home::new("en");
    for home in [&nl, &en] {
        home.add(&[
            "--kind",
            "toezegging",
            "--owner",
            "DGM",
            "--due",
            "2026-01-15",
        ]);
    }
    let list = |home: &Home| {
        let out = home
            .cmd()
            .args(["notes", "list"])
            .assert()
            .success()
            .get_output()
            .stdout
            .clone();
        String::from_utf8(out).unwrap()
    };
    let (dutch, english) = (list(&nl), list(&en));
    assert!(dutch.contains("toezegging · open"), "{dutch}");
    assert!(
        dutch.contains("Eigenaar: DGM · Uiterlijk: 2026-01-15"),
        "{dutch}"
    );
    assert!(english.contains("commitment · open"), "{english}");
    assert!(
        english.contains("Owner: DGM · Due: 2026-01-15"),
        "{english}"
    );
    let show = |home: &Home| {
        let out = home
            .cmd()
            .args(["show", "kamerstuk-32317-973"])
            .assert()
            .success()
            .get_output()
            .stdout
            .clone();
        String::from_utf8(out).unwrap()
    };
    let (dutch, english) = (show(&nl), show(&en));
    assert!(dutch.contains("Geciteerd door:"), "{dutch}");
    assert!(english.contains("Cited by:"), "{english}");
    assert!(!english.contains("Geciteerd"), "{english}");
    let ebsp = en
        .cmd()
        .args(["show", "ebsp"])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let ebsp = String::from_utf8(ebsp).unwrap();
    assert!(
        ebsp.contains("Source: brief 7010422 of 2025-12-17 (kst-32317-987)"),
        "{ebsp}"
    );
}

#[test]
fn a_dossiers_folder_that_does_not_exist_exits_one_with_a_message() {
    let home = Home::new("nl");
    for args in [
        &["list"][..],
        &["show", "ebsp"],
        &["search", "ebsp"],
        &["notes", "list"],
    ] {
        Command::cargo_bin("dossier")
            .unwrap()
            .arg("--dossiers")
            .arg(home.dir.path().join("bestaat-niet"))
            .arg("--config")
            .arg(home.dir.path().join("config.toml"))
            .args(args)
            .env("DOSSIER_NO_CACHE", "1")
            .assert()
            .code(1)
            .stdout("")
            .stderr(predicate::str::contains(
                "bestaat-niet: not a folder: no such dossier folder",
            ));
    }
}

#[test]
fn help_names_the_new_commands() {
    let out = Command::cargo_bin("dossier")
        .unwrap()
        .args(["notes", "--help"])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let help = String::from_utf8(out).unwrap();
    for command in ["edit", "done", "delete"] {
        assert!(help.contains(&format!("\n  {command} ")), "{help}");
    }
}
