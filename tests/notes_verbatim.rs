//! A note is kept as written on the command line too: `notes done` and
//! `notes edit --status` change the status and leave the body byte for
//! byte as it was, whatever it holds.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // test code

use std::path::Path;

use assert_cmd::Command;
use dossier::store::notes::NotesStore;
use dossier_core::annotation::{Annotation, Kind, Status, Target};
use proptest::prelude::*;

/// Bodies that a cleaning step, a line splitter or a trim would change.
fn hostile_body() -> impl Strategy<Value = String> {
    prop_oneof![
        any::<String>(),
        "[a-z \\t\\r\\n\\x1b\\[\\]0-9m\\x00-\\x1f\\x7f\u{202e}\u{2066}\u{200f}é]{0,60}",
        Just("rood\u{1b}[31m en \u{202e}tekst\u{202c}\r\n\tnog\r\n\n  ".to_string()),
        (0usize..4).prop_map(|n| format!("{}{}", "😀".repeat(2048), "\r\n".repeat(n))),
    ]
}

fn note(body: &str) -> Annotation {
    let t = jiff::Timestamp::UNIX_EPOCH;
    Annotation {
        id: "20260101-000000-abcd".into(),
        target: Target {
            dossier: "ebsp".into(),
            node: "ebsp/uitkomst-onderhandelingen".into(),
            quote: None,
        },
        kind: Kind::Note,
        body: body.into(),
        tags: vec![],
        status: Status::Open,
        owner: None,
        due: None,
        author: "Tester".into(),
        created: t,
        updated: t,
    }
}

fn run(home: &Path, args: &[&str]) {
    std::fs::write(home.join("config.toml"), "author = \"Tester\"\n").unwrap();
    Command::cargo_bin("dossier")
        .unwrap()
        .arg("--dossiers")
        .arg(Path::new(env!("CARGO_MANIFEST_DIR")).join("dossiers"))
        .arg("--config")
        .arg(home.join("config.toml"))
        .arg("--notes")
        .arg(home.join("notes"))
        .env("XDG_STATE_HOME", home.join("state"))
        .env("XDG_DATA_HOME", home.join("data"))
        .args(args)
        .assert()
        .success();
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(16))]

    #[test]
    fn done_and_a_status_edit_keep_the_body_byte_for_byte(body in hostile_body()) {
        let home = tempfile::tempdir().unwrap();
        let st = NotesStore::open(home.path().join("notes")).unwrap();
        let a = note(&body);
        st.add(&a).unwrap();
        run(home.path(), &["notes", "done", &a.id]);
        let back = st.load().unwrap().notes;
        prop_assert_eq!(back[0].status, Status::Done);
        prop_assert_eq!(back[0].body.as_bytes(), body.as_bytes());
        run(home.path(), &["notes", "edit", &a.id, "--status", "open"]);
        let back = st.load().unwrap().notes;
        prop_assert_eq!(back[0].status, Status::Open);
        prop_assert_eq!(back[0].body.as_bytes(), body.as_bytes());
    }
}
