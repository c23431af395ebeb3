//! `dossier notes list/add` and the store's promises: every confirmed note
//! survives, two writers lose nothing, a bad store is never overwritten.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // test code

use std::path::{Path, PathBuf};
use std::process::{Command as StdCommand, Stdio};
use std::time::Duration;

use assert_cmd::Command;
use dossier::store::notes::NotesStore;
use predicates::prelude::*;

const SECTION: &str = "ebsp/uitkomst-onderhandelingen";

fn dossiers() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("dossiers")
}

/// A temporary home: a config naming the author, and a path for the store.
struct Home {
    dir: tempfile::TempDir,
}

impl Home {
    fn new() -> Home {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("config.toml"), "author = \"Tester\"\n").unwrap();
        Home { dir }
    }

    fn store(&self) -> PathBuf {
        self.dir.path().join("notes")
    }

    fn args(&self, store: &Path) -> Vec<String> {
        vec![
            "--dossiers".into(),
            dossiers().display().to_string(),
            "--config".into(),
            self.dir.path().join("config.toml").display().to_string(),
            "--notes".into(),
            store.display().to_string(),
        ]
    }

    fn cmd(&self) -> Command {
        self.cmd_on(&self.store())
    }

    fn cmd_on(&self, store: &Path) -> Command {
        let mut c = Command::cargo_bin("dossier").unwrap();
        c.args(self.args(store));
        // Drafts that fall back to the state folder stay in the test's home.
        c.env("XDG_STATE_HOME", self.dir.path().join("state"));
        c.env("XDG_DATA_HOME", self.dir.path().join("data"));
        c
    }

    fn list_json(&self) -> Vec<serde_json::Value> {
        let out = self
            .cmd()
            .args(["notes", "list", "--json"])
            .assert()
            .success()
            .get_output()
            .stdout
            .clone();
        serde_json::from_slice::<Vec<serde_json::Value>>(&out).unwrap()
    }
}

fn note_files(dir: &Path) -> Vec<PathBuf> {
    match std::fs::read_dir(dir) {
        Ok(entries) => entries
            .flatten()
            .map(|e| e.path())
            .filter(|p| p.extension().is_some_and(|x| x == "toml"))
            .collect(),
        Err(_) => Vec::new(),
    }
}

fn add_ok(home: &Home, body: &str) -> String {
    let out = home
        .cmd()
        .args(["notes", "add", "--target", SECTION, "--body", body])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    String::from_utf8(out).unwrap().trim().to_string()
}

#[test]
fn an_added_note_is_listed_with_its_quote() {
    let home = Home::new();
    let out = home
        .cmd()
        .args([
            "notes",
            "add",
            "--target",
            SECTION,
            "--quote",
            "tweetrapssysteem",
        ])
        .args([
            "--body",
            "Wat houdt dit in?",
            "--kind",
            "question",
            "--tag",
            "Grensbeheer",
        ])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let id = String::from_utf8(out).unwrap().trim().to_string();
    assert!(id.starts_with('n'), "{id}");
    let list = home.list_json();
    assert_eq!(list.len(), 1);
    let n = &list[0];
    assert_eq!(n["id"], id.as_str());
    assert_eq!(n["target"]["dossier"], "ebsp");
    assert_eq!(n["target"]["node"], SECTION);
    assert_eq!(n["target"]["quote"]["exact"], "tweetrapssysteem");
    assert_eq!(n["kind"], "question");
    assert_eq!(n["status"], "open");
    assert_eq!(n["tags"], serde_json::json!(["grensbeheer"]));
    assert_eq!(n["author"], "Tester");
    assert_eq!(n["anchored"], true);
    home.cmd()
        .args([
            "notes",
            "list",
            "--kind",
            "question",
            "--tag",
            "grensbeheer",
        ])
        .assert()
        .success()
        .stdout(
            predicate::str::contains("Passage: “tweetrapssysteem”")
                .and(predicate::str::contains("Wat houdt dit in?")),
        );
    home.cmd()
        .args(["notes", "list", "--json", "--dossier", "c7"])
        .assert()
        .success()
        .stdout("[]\n");
}

#[test]
fn a_passage_gone_from_the_text_is_listed_as_detached() {
    let home = Home::new();
    let id = add_ok(&home, "x");
    // Pin it to a passage that is not in the text, as after an edit of the
    // dossier.
    let file = home.store().join(format!("{id}.toml"));
    let text = std::fs::read_to_string(&file).unwrap();
    let text = text.replace(
        "[target]",
        "[target.quote]\nexact = \"een zin die verdween\"\nstart = 3\nend = 23\n\n[target]",
    );
    std::fs::write(&file, text).unwrap();
    let list = home.list_json();
    assert_eq!(list[0]["anchored"], false);
    assert_eq!(list[0]["target"]["quote"]["exact"], "een zin die verdween");
    home.cmd()
        .args(["notes", "list"])
        .assert()
        .success()
        .stdout(predicate::str::contains("Losgeraakt"));
}

#[test]
fn an_unknown_target_or_quote_stores_nothing() {
    let home = Home::new();
    home.cmd()
        .args([
            "notes",
            "add",
            "--target",
            "ebsp/bestaat-niet",
            "--body",
            "x",
        ])
        .assert()
        .code(1)
        .stdout("")
        .stderr(predicate::str::contains("no node `ebsp/bestaat-niet`"));
    home.cmd()
        .args([
            "notes",
            "add",
            "--target",
            SECTION,
            "--quote",
            "driestappenplan",
            "--body",
            "x",
        ])
        .assert()
        .code(1)
        .stdout("")
        .stderr(predicate::str::contains("is not in the text"));
    assert!(note_files(&home.store()).is_empty());
}

#[test]
fn bad_options_are_usage_errors() {
    let home = Home::new();
    for extra in [
        &["--kind", "memo"][..],
        &["--kind", "action", "--due", "morgen"][..],
        &["--status", "half"][..],
        // (An owner or due date on a plain note is taken, as the
        // interface keeps them: tests/notes_words.rs.)
    ] {
        home.cmd()
            .args(["notes", "add", "--target", SECTION, "--body", "x"])
            .args(extra)
            .assert()
            .code(2)
            .stdout("");
    }
    home.cmd()
        .args(["notes", "list", "--status", "half"])
        .assert()
        .code(2);
    assert!(note_files(&home.store()).is_empty());
}

#[test]
fn a_corrupt_store_is_named_and_never_overwritten() {
    let home = Home::new();
    add_ok(&home, "goed");
    let bad = home.store().join("nkapot.toml");
    let broken = "id = \"nkapot\"\nbody = \"x\"\nstatus = \"half\"\n";
    std::fs::write(&bad, broken).unwrap();
    let before = note_files(&home.store()).len();
    home.cmd()
        .args(["notes", "list"])
        .assert()
        .code(1)
        .stdout("")
        .stderr(
            predicate::str::contains("nkapot.toml:3:10:")
                .and(predicate::str::contains("read-only")),
        );
    home.cmd()
        .args(["notes", "add", "--target", SECTION, "--body", "y"])
        .assert()
        .code(1)
        .stdout("")
        .stderr(predicate::str::contains("nkapot.toml:3:10:"));
    // Importing a store over it is refused too.
    let other = Home::new();
    add_ok(&other, "van een collega");
    home.cmd()
        .args(["notes", "import"])
        .arg(other.store())
        .assert()
        .code(1);
    assert_eq!(std::fs::read_to_string(&bad).unwrap(), broken);
    assert_eq!(note_files(&home.store()).len(), before);
}

/// A note that cannot be written is kept as a draft and reported.
fn assert_kept_as_draft(home: &Home, store: &Path, expect: &str) {
    let assert = home
        .cmd_on(store)
        .args(["notes", "add", "--target", SECTION, "--body", "bewaar mij"])
        .assert()
        .code(1)
        .stdout("")
        .stderr(
            predicate::str::contains(expect).and(predicate::str::contains("kept as a draft in")),
        );
    let stderr = String::from_utf8(assert.get_output().stderr.clone()).unwrap();
    let path = stderr
        .split("kept as a draft in ")
        .nth(1)
        .and_then(|s| s.split(';').next())
        .unwrap();
    let draft = std::fs::read_to_string(path).unwrap();
    assert!(draft.contains("bewaar mij"), "{draft}");
}

#[cfg(unix)]
#[test]
fn a_folder_without_write_permission_keeps_the_note_as_a_draft() {
    use std::os::unix::fs::PermissionsExt;
    let home = Home::new();
    let store = home.dir.path().join("alleen-lezen");
    std::fs::create_dir(&store).unwrap();
    std::fs::set_permissions(&store, std::fs::Permissions::from_mode(0o500)).unwrap();
    let _restore = Writable(store.clone());
    // The superuser writes anyway; an immutable folder (chattr +i, where
    // the file system has it) stops the superuser too.
    let mut locked = std::fs::write(store.join("probe"), "").is_err();
    if !locked {
        let _ = std::fs::remove_file(store.join("probe"));
        locked = StdCommand::new("chattr")
            .arg("+i")
            .arg(&store)
            .status()
            .is_ok_and(|s| s.success());
    }
    assert!(
        locked,
        "this folder cannot be made read-only here (the superuser, and no chattr +i): \
         run the tests as another user, or leave this one out with --skip"
    );
    assert_kept_as_draft(&home, &store, "no permission to write here");
    assert!(note_files(&store).is_empty());
}

/// Makes a folder writable again when the test ends, however it ends, so
/// the temporary folder can be removed.
#[cfg(unix)]
struct Writable(PathBuf);

#[cfg(unix)]
impl Drop for Writable {
    fn drop(&mut self) {
        use std::os::unix::fs::PermissionsExt;
        let _ = StdCommand::new("chattr")
            .arg("-i")
            .arg(&self.0)
            .stderr(Stdio::null())
            .status();
        let _ = std::fs::set_permissions(&self.0, std::fs::Permissions::from_mode(0o700));
    }
}

#[test]
fn a_store_that_cannot_be_made_keeps_the_note_as_a_draft() {
    let home = Home::new();
    let file = home.dir.path().join("een-bestand");
    std::fs::write(&file, "").unwrap();
    assert_kept_as_draft(
        &home,
        &file.join("notes"),
        "een-bestand/notes: cannot read the notes folder",
    );
}

#[test]
fn two_writers_at_once_lose_nothing() {
    let home = Home::new();
    let printed: Vec<String> = std::thread::scope(|s| {
        let writers: Vec<_> = (0..2)
            .map(|w| {
                let home = &home;
                s.spawn(move || {
                    (0..100)
                        .map(|i| add_ok(home, &format!("schrijver {w}, notitie {i}")))
                        .collect::<Vec<_>>()
                })
            })
            .collect();
        writers
            .into_iter()
            .flat_map(|h| h.join().unwrap())
            .collect()
    });
    let list = home.list_json();
    assert_eq!(list.len(), 200);
    for id in &printed {
        assert!(
            list.iter().any(|n| n["id"] == id.as_str()),
            "{id} is missing"
        );
    }
}

/// A tiny generator for the kill times; the seed is printed so a failure
/// can be repeated.
struct Rng(u64);

impl Rng {
    fn below(&mut self, n: u64) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0 % n
    }
}

#[test]
fn writers_killed_at_random_moments_lose_no_confirmed_note() {
    let home = Home::new();
    let bin = assert_cmd::cargo::cargo_bin("dossier");
    let seed = std::env::var("KILL_SEED")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or_else(|| {
            std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .unwrap()
                .as_nanos() as u64
                | 1
        });
    eprintln!("kill seed {seed} (set KILL_SEED to repeat)");
    let mut rng = Rng(seed);
    // How long one add takes here, so the kills spread over all of it.
    let started = std::time::Instant::now();
    add_ok(&home, "maat");
    let span = (started.elapsed().as_micros() as u64).clamp(2_000, 50_000);
    let mut confirmed = Vec::new();
    let (mut killed, mut spawned) = (0, 0);
    // Until 500 writers died by the signal; the rest finished first.
    while killed < 500 && spawned < 2000 {
        spawned += 1;
        let mut child = StdCommand::new(&bin)
            .args(home.args(&home.store()))
            .args([
                "notes",
                "add",
                "--target",
                SECTION,
                "--quote",
                "tweetrapssysteem",
            ])
            .args([
                "--body",
                &format!("notitie {spawned}\nmet een tweede regel"),
            ])
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        std::thread::sleep(Duration::from_micros(rng.below(span * 5 / 4)));
        // SIGKILL on Unix: the writer gets no chance to clean up.
        let _ = child.kill();
        let out = child.wait_with_output().unwrap();
        if was_killed(&out.status) {
            killed += 1;
        }
        let printed = String::from_utf8_lossy(&out.stdout).trim().to_string();
        if !printed.is_empty() {
            confirmed.push(printed);
        }
    }
    eprintln!(
        "{spawned} writers, {killed} killed by SIGKILL, {} ids printed",
        confirmed.len()
    );
    assert!(
        killed >= 500,
        "only {killed} of {spawned} writers were killed before they finished"
    );
    let snap = NotesStore::open(home.store()).unwrap().load().unwrap();
    assert!(snap.errors.is_empty(), "{:?}", snap.errors);
    for id in &confirmed {
        assert!(
            snap.get(id).is_some(),
            "confirmed note {id} is lost (seed {seed})"
        );
    }
    // Every note that is there is whole.
    for a in &snap.notes {
        assert!(
            a.body == "maat" || a.body.ends_with("met een tweede regel"),
            "{a:?}"
        );
    }
    let unconfirmed = snap.notes.len() - 1 - confirmed.len();
    eprintln!("{unconfirmed} notes were stored by writers killed before they printed the id");
    let list = home.list_json();
    assert_eq!(list.len(), snap.notes.len());
}

#[cfg(unix)]
fn was_killed(status: &std::process::ExitStatus) -> bool {
    use std::os::unix::process::ExitStatusExt;
    status.signal() == Some(9)
}

#[cfg(not(unix))]
fn was_killed(status: &std::process::ExitStatus) -> bool {
    !status.success()
}

#[test]
fn control_characters_from_a_note_file_never_reach_the_terminal() {
    let home = Home::new();
    let id = add_ok(&home, "x");
    let file = home.store().join(format!("{id}.toml"));
    let text = std::fs::read_to_string(&file).unwrap();
    let text = text.replace(
        "body = \"x\"",
        "body = \"rood \\u001B[31m en \\u202Eomgekeerd\"",
    );
    std::fs::write(&file, text).unwrap();
    let out = home
        .cmd()
        .args(["notes", "list"])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let out = String::from_utf8(out).unwrap();
    assert!(out.contains("rood ␛[31m en <U+202E>omgekeerd"), "{out}");
    assert!(
        !out.contains('\u{1b}') && !out.contains('\u{202e}'),
        "{out:?}"
    );
}
