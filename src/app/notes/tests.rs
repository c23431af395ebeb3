use dossier_core::note_form::NoteChanges;

use super::*;
use crate::tui::notes::fixture::{corpus, note};

const T0: jiff::Timestamp = jiff::Timestamp::UNIX_EPOCH;

fn at(secs: i64) -> FixedClock {
    FixedClock(jiff::Timestamp::from_second(secs).unwrap_or(T0))
}

fn counted() -> CountedIds {
    CountedIds { next: 1, step: 1 }
}

fn service() -> (tempfile::TempDir, NotesService) {
    let dir = tempfile::tempdir().unwrap();
    let store = NotesStore::open(dir.path().join("notes")).unwrap();
    let mut s = NotesService::with(store, at(1_700_000_000), counted());
    s.use_journal(Journal::in_dirs(vec![dir.path().join("drafts")]));
    (dir, s)
}

#[test]
fn add_edit_delete_and_undo_each() {
    let c = corpus();
    let (_d, mut s) = service();
    let a = note(&c, "n0-0", "ebsp", Some("tweetrapssysteem"), "eerst");
    s.write_draft(&Unsaved::of(&a, false)).unwrap();
    let a = s.add(&a).unwrap();
    // The service stamps it: its clock, its ids.
    let now = jiff::Timestamp::from_second(1_700_000_000).unwrap();
    assert_eq!((a.created, a.updated), (now, now));
    assert_eq!(a.id, new_id(now, 1));
    assert!(s.pending_drafts().is_empty(), "the draft goes once saved");
    let loaded = s.load(&c);
    assert_eq!(loaded.notes, vec![a.clone()]);
    assert_eq!(loaded.index.count_under(c.get("ebsp").unwrap()), 1);
    let mut b = a.clone();
    b.body = "daarna".into();
    let b = s.edit(&a, &b).unwrap();
    let done = s.done(&a.id).unwrap();
    assert_eq!(done.status, Status::Done);
    s.delete(&a.id).unwrap();
    assert!(s.load(&c).notes.is_empty());
    assert!(matches!(s.undo(), Ok(Some(Change::Deleted(_)))));
    assert_eq!(s.load(&c).notes, vec![done]);
    assert!(matches!(s.undo(), Ok(Some(Change::Edited { .. }))));
    assert_eq!(s.load(&c).notes, vec![b]);
    assert!(matches!(s.undo(), Ok(Some(Change::Edited { .. }))));
    assert_eq!(s.load(&c).notes, vec![a]);
    assert!(matches!(s.undo(), Ok(Some(Change::Added(_)))));
    assert!(s.load(&c).notes.is_empty());
    assert!(matches!(s.undo(), Ok(None)));
}

#[test]
fn an_id_that_is_taken_is_replaced_by_a_fresh_one() {
    let c = corpus();
    let dir = tempfile::tempdir().unwrap();
    let store = || NotesStore::open(dir.path().join("notes")).unwrap();
    // The same bits each time: the second note clashes until the ids move on.
    let mut first = NotesService::with(store(), at(5), CountedIds { next: 9, step: 0 });
    let a = first.add(&note(&c, "x", "ebsp", None, "een")).unwrap();
    let mut second = NotesService::with(store(), at(5), CountedIds { next: 9, step: 1 });
    let b = second.add(&note(&c, "x", "ebsp", None, "twee")).unwrap();
    assert_ne!(a.id, b.id);
    assert_eq!(s_bodies(&store()), ["een", "twee"]);
    // With no fresh id to be had, it is refused, and nothing is lost.
    let e = first.add(&note(&c, "x", "ebsp", None, "drie")).unwrap_err();
    assert!(
        matches!(e, SaveError::Refused(StoreError::Exists(_))),
        "{e}"
    );
    assert_eq!(s_bodies(&store()), ["een", "twee"]);
}

fn s_bodies(store: &NotesStore) -> Vec<String> {
    let mut b: Vec<String> = store
        .load()
        .unwrap()
        .notes
        .into_iter()
        .map(|a| a.body)
        .collect();
    b.sort();
    b
}

#[test]
fn a_change_that_changes_nothing_writes_nothing() {
    let c = corpus();
    let (_d, mut s) = service();
    let a = s.add(&note(&c, "x", "ebsp", None, "een")).unwrap();
    let changes = NoteChanges {
        status: Some("open".into()),
        ..NoteChanges::default()
    }
    .check()
    .unwrap();
    assert_eq!(s.change(&a.id, &changes).unwrap(), a);
    assert!(matches!(s.undo(), Ok(Some(Change::Added(_)))), "no edit");
    assert!(matches!(
        s.done("er-is-niets"),
        Err(SaveError::Refused(StoreError::NotFound(_)))
    ));
    assert!(matches!(
        s.done("../x"),
        Err(SaveError::Refused(StoreError::BadId(_)))
    ));
}

#[test]
fn a_store_that_cannot_be_written_keeps_a_draft() {
    let c = corpus();
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("een-bestand");
    std::fs::write(&file, "").unwrap();
    let mut s = NotesService::with(
        NotesStore::open(file.join("notes")).unwrap(),
        at(0),
        counted(),
    );
    s.use_journal(Journal::in_dirs(vec![
        file.join("drafts"),
        dir.path().join("drafts"),
    ]));
    let a = note(&c, "n1", "ebsp", None, "bewaar mij");
    let Err(SaveError::KeptAsDraft {
        draft: Ok(path), ..
    }) = s.add(&a)
    else {
        panic!("not kept")
    };
    assert!(
        std::fs::read_to_string(path)
            .unwrap()
            .contains("bewaar mij")
    );
    // Held while this run may still store it; offered once it is gone.
    assert!(s.pending_drafts().is_empty());
    let journal = s.journal.clone();
    drop(s);
    let pending = journal.pending();
    assert_eq!(pending.len(), 1);
    let draft = pending[0].draft.as_ref().unwrap();
    assert_eq!(draft.note.body, "bewaar mij");
    assert!(!draft.editing);
}

#[test]
fn a_corrupt_store_is_read_only() {
    let c = corpus();
    let (d, mut s) = service();
    std::fs::create_dir_all(d.path().join("notes")).unwrap();
    std::fs::write(d.path().join("notes/nx.toml"), "id = ").unwrap();
    let loaded = s.load(&c);
    assert!(loaded.is_read_only());
    let a = note(&c, "n1", "ebsp", None, "x");
    assert!(matches!(s.add(&a), Err(SaveError::Refused(e)) if e.to_string().contains("read-only")));
    assert!(s.done("nx").is_err());
    assert_eq!(
        std::fs::read_to_string(d.path().join("notes/nx.toml")).unwrap(),
        "id = "
    );
}

#[test]
fn drafts_of_another_store_are_not_offered() {
    let c = corpus();
    let dir = tempfile::tempdir().unwrap();
    let shared = Journal::in_dirs(vec![dir.path().join("shared")]);
    let open = |name: &str| {
        let mut s = NotesService::new(NotesStore::open(dir.path().join(name)).unwrap());
        s.use_journal(shared.clone());
        s
    };
    let mut a = open("a");
    a.write_draft(&Unsaved::of(&note(&c, "n1", "ebsp", None, "voor a"), false))
        .unwrap();
    drop(a);
    assert!(open("b").pending_drafts().is_empty());
    assert_eq!(open("a").pending_drafts().len(), 1);
}

#[test]
fn drafts_of_a_read_only_store_go_outside_it() {
    let c = corpus();
    let (d, mut s) = service();
    let store = d.path().join("notes");
    std::fs::create_dir_all(&store).unwrap();
    std::fs::write(store.join("nx.toml"), "id = ").unwrap();
    s.use_journal(Journal::new(
        Some(store.join("drafts")),
        vec![d.path().join("state")],
    ));
    assert!(s.load(&c).is_read_only());
    let path = s
        .write_draft(&Unsaved::of(&note(&c, "n1", "ebsp", None, "bewerkt"), true))
        .unwrap();
    assert!(
        path.starts_with(d.path().join("state")),
        "{}",
        path.display()
    );
    assert!(
        !store.join("drafts").exists(),
        "nothing is written into the store"
    );
}
