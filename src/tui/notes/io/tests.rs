use super::*;
use crate::tui::notes::fixture::{corpus, note};

fn io() -> (tempfile::TempDir, NotesIo) {
    let dir = tempfile::tempdir().unwrap();
    let store = NotesStore::open(dir.path().join("notes")).unwrap();
    let mut io = NotesIo::new(store);
    io.journal = Journal::in_dirs(vec![dir.path().join("drafts")]);
    (dir, io)
}

#[test]
fn save_edit_delete_and_undo_each() {
    let c = corpus();
    let (_d, mut io) = io();
    let a = note(&c, "n1", "ebsp", Some("tweetrapssysteem"), "eerst");
    let ed = NoteEditor::new(a.clone(), true);
    io.write_draft(&ed).unwrap();
    assert!(matches!(io.save(&a, None, &ed), Saved::Stored));
    assert!(io.pending_drafts().is_empty(), "the draft goes once saved");
    let loaded = io.load(&c);
    assert_eq!(loaded.notes, vec![a.clone()]);
    assert_eq!(loaded.index.count_under(c.get("ebsp").unwrap()), 1);
    let mut b = a.clone();
    b.body = "daarna".into();
    assert!(matches!(io.save(&b, Some(&a), &ed), Saved::Stored));
    io.delete("n1").unwrap();
    assert!(io.load(&c).notes.is_empty());
    assert!(matches!(io.undo(), Ok(Some(Change::Deleted(_)))));
    assert_eq!(io.load(&c).notes, vec![b]);
    assert!(matches!(io.undo(), Ok(Some(Change::Edited { .. }))));
    assert_eq!(io.load(&c).notes, vec![a]);
    assert!(matches!(io.undo(), Ok(Some(Change::Added(_)))));
    assert!(io.load(&c).notes.is_empty());
    assert!(matches!(io.undo(), Ok(None)));
}

#[test]
fn a_store_that_cannot_be_written_keeps_a_draft() {
    let c = corpus();
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("een-bestand");
    std::fs::write(&file, "").unwrap();
    let mut io = NotesIo::new(NotesStore::open(file.join("notes")).unwrap());
    io.journal = Journal::in_dirs(vec![file.join("drafts"), dir.path().join("drafts")]);
    let a = note(&c, "n1", "ebsp", None, "bewaar mij");
    let ed = NoteEditor::new(a.clone(), true);
    let Saved::KeptAsDraft {
        draft: Some(path), ..
    } = io.save(&a, None, &ed)
    else {
        panic!("not kept")
    };
    assert!(
        std::fs::read_to_string(path)
            .unwrap()
            .contains("bewaar mij")
    );
    // Held while the editor is open; offered once the program is gone.
    assert!(io.pending_drafts().is_empty());
    let journal = io.journal.clone();
    drop(io);
    let pending = journal.pending();
    assert_eq!(pending.len(), 1);
    assert_eq!(pending[0].draft.as_ref().unwrap().note.body, "bewaar mij");
}

#[test]
fn a_corrupt_store_is_read_only() {
    let c = corpus();
    let (d, mut io) = io();
    std::fs::create_dir_all(d.path().join("notes")).unwrap();
    std::fs::write(d.path().join("notes/nx.toml"), "id = ").unwrap();
    let loaded = io.load(&c);
    assert!(loaded.is_read_only());
    let a = note(&c, "n1", "ebsp", None, "x");
    let ed = NoteEditor::new(a.clone(), true);
    assert!(matches!(io.save(&a, None, &ed), Saved::Refused(m) if m.contains("read-only")));
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
    let mut a = NotesIo::new(NotesStore::open(dir.path().join("a")).unwrap());
    a.journal = shared.clone();
    let ed = NoteEditor::new(note(&c, "n1", "ebsp", None, "voor a"), true);
    a.write_draft(&ed).unwrap();
    drop(a);
    let mut b = NotesIo::new(NotesStore::open(dir.path().join("b")).unwrap());
    b.journal = shared.clone();
    assert!(b.pending_drafts().is_empty());
    let mut a = NotesIo::new(NotesStore::open(dir.path().join("a")).unwrap());
    a.journal = shared;
    assert_eq!(a.pending_drafts().len(), 1);
}

#[test]
fn drafts_of_a_read_only_store_go_outside_it() {
    let c = corpus();
    let (d, mut io) = io();
    let store = d.path().join("notes");
    std::fs::create_dir_all(&store).unwrap();
    std::fs::write(store.join("nx.toml"), "id = ").unwrap();
    io.journal = Journal::new(Some(store.join("drafts")), vec![d.path().join("state")]);
    assert!(io.load(&c).is_read_only());
    let ed = NoteEditor::new(note(&c, "n1", "ebsp", None, "bewerkt"), false);
    let path = io.write_draft(&ed).unwrap();
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
