//! The annotate flow as a user goes through it, on the bundled dossiers and
//! a temporary store: select, annotate, type, save, see it highlighted,
//! restart; and drafts surviving a killed editor.

use std::path::Path;
use std::sync::Arc;

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

use super::*;
use crate::store::notes::NotesStore;
use crate::tui::keymap::Keymap;
use crate::tui::notes::harness::Session;
use crate::tui::theme::Theme;
use dossier_core::lang::Lang;

const SECTION: &str = "ebsp/uitkomst-onderhandelingen";

fn state() -> State {
    let corpus = Arc::new(crate::store::dossiers::load_built_in());
    let mut s = State::new(corpus, Lang::Nl, Keymap::default(), Theme::plain());
    s.resize((60, 20), 20);
    s
}

/// Opens `SECTION` and finds "tweetrapssysteem" in it, as `/` would.
fn at_passage(s: &mut State) {
    let n = s.corpus.get(SECTION).unwrap();
    open_node(s, n, true);
    crate::tui::update::update(s, Action::Find);
    for c in "tweetrapssysteem".chars() {
        crate::tui::update::update(s, Action::Type(c));
    }
    crate::tui::update::update(s, Action::Done);
    assert_eq!(s.find.hits.len(), 1);
}

fn session(store: &Path, s: &mut State) -> Session {
    // Drafts stay inside the test's folder.
    Session::for_test(store, s)
}

fn keys(session: &mut Session, s: &mut State, text: &str) {
    for c in text.chars() {
        session.key(s, KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE));
    }
}

fn ctrl_s(session: &mut Session, s: &mut State) {
    session.key(s, KeyEvent::new(KeyCode::Char('s'), KeyModifiers::CONTROL));
}

fn screen(session: &Session, s: &State) -> Terminal<TestBackend> {
    sized(session, s, 80, 24)
}

fn sized(session: &Session, s: &State, w: u16, h: u16) -> Terminal<TestBackend> {
    let mut t = Terminal::new(TestBackend::new(w, h)).unwrap();
    let _ = session;
    t.draw(|f| crate::tui::view::render(s, f)).unwrap();
    t
}

#[test]
fn select_annotate_type_save_and_see_it_highlighted() {
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path().join("notes");
    let mut s = state();
    let mut notes = session(&store, &mut s);
    at_passage(&mut s);
    assert!(notes.handles(Action::Select, &s));
    notes.act(&mut s, Action::Select);
    let doc = s.corpus.by_id(SECTION).unwrap().document().unwrap();
    let (a, b) = s.selection().unwrap();
    assert_eq!(
        selection_quote(doc, a, b).unwrap().exact,
        "tweetrapssysteem"
    );
    notes.act(&mut s, Action::Annotate);
    assert!(notes.wants_keys(&s));
    assert!(s.selection().is_none());
    keys(&mut notes, &mut s, "Wat betekent dit voor de KMar?");
    let shown = screen(&notes, &s).backend().to_string();
    assert!(
        shown.contains("“tweetrapssysteem”") && shown.contains("Wat betekent dit voor de KMar?"),
        "{shown}"
    );
    insta::assert_snapshot!("editor_at_80x24", shown);
    insta::assert_snapshot!(
        "editor_at_120x40",
        sized(&notes, &s, 120, 40).backend().to_string()
    );
    ctrl_s(&mut notes, &mut s);
    assert!(!notes.wants_keys(&s), "the editor closes once saved");
    assert_eq!(s.message.as_deref(), Some("Notitie opgeslagen"));

    // On disk, with its quote and author.
    let snap = NotesStore::open(&store).unwrap().load().unwrap();
    assert_eq!(snap.notes.len(), 1);
    let saved = &snap.notes[0];
    assert_eq!(saved.target.node, SECTION);
    assert_eq!(
        saved.target.quote.as_ref().unwrap().exact,
        "tweetrapssysteem"
    );
    assert_eq!(
        (saved.body.as_str(), saved.author.as_str()),
        ("Wat betekent dit voor de KMar?", "Tester")
    );

    // A new start shows it highlighted in the text and listed in the pane.
    let mut s = state();
    let notes = session(&store, &mut s);
    let n = s.corpus.get(SECTION).unwrap();
    open_node(&mut s, n, true);
    let line = s
        .layout
        .lines
        .iter()
        .position(|l| l.segs.iter().any(|g| g.text.contains("tweetraps")))
        .unwrap();
    s.scroll = line.saturating_sub(2);
    let t = screen(&notes, &s);
    let shown = t.backend().to_string();
    assert!(shown.contains("Notities (1)"), "{shown}");
    // The tree counts the note on the section and on its dossier.
    assert!(
        shown.contains("[1] Enhanced Bord") && shown.contains("[1] Uitkomst"),
        "{shown}"
    );
    let buf = t.backend().buffer();
    let (x, y) = (0..24u16)
        .flat_map(|y| (0..80u16).map(move |x| (x, y)))
        .find(|&(x, y)| {
            (0..16u16).all(|i| {
                x + i < 80
                    && buf[(x + i, y)].symbol()
                        == "tweetrapssysteem"
                            .chars()
                            .nth(i as usize)
                            .unwrap()
                            .to_string()
            })
        })
        .expect("the passage is on screen");
    let note = s.theme.note;
    for i in 0..16 {
        assert_eq!(
            buf[(x + i, y)].modifier,
            note.add_modifier,
            "cell {i} of the passage is highlighted"
        );
    }
    assert!(
        !buf[(x + 16, y)].modifier.contains(note.add_modifier),
        "the space after it is not"
    );
}

#[test]
fn a_killed_editor_leaves_a_draft_that_the_next_start_restores() {
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path().join("notes");
    let mut s = state();
    let mut notes = session(&store, &mut s);
    at_passage(&mut s);
    notes.act(&mut s, Action::Select);
    notes.act(&mut s, Action::Annotate);
    keys(&mut notes, &mut s, "half af");
    // The program dies here: nothing is saved, the session is gone.
    drop(notes);
    assert!(
        NotesStore::open(&store)
            .unwrap()
            .load()
            .unwrap()
            .notes
            .is_empty()
    );

    // The next start restores it; dying again before typing keeps it.
    for _ in 0..2 {
        let mut s = state();
        let notes = session(&store, &mut s);
        assert!(notes.wants_keys(&s), "the draft is offered");
        let shown = screen(&notes, &s).backend().to_string();
        assert!(
            shown.contains("half af") && shown.contains("“tweetrapssysteem”"),
            "{shown}"
        );
        // Why the editor is open is said in it, whole, before any key.
        assert!(
            shown.contains("Niet-opgeslagen concept van de vorige keer hersteld"),
            "{shown}"
        );
        let small = sized(&notes, &s, 60, 15).backend().to_string();
        assert!(
            small.contains("Esc gooit weg") && small.contains("half af"),
            "{small}"
        );
    }
    let mut s = state();
    let mut notes = session(&store, &mut s);
    keys(&mut notes, &mut s, ", nu af");
    ctrl_s(&mut notes, &mut s);
    let snap = NotesStore::open(&store).unwrap().load().unwrap();
    assert_eq!(snap.notes[0].body, "half af, nu af");
    // Saved: nothing is offered any more.
    let mut s = state();
    assert!(!session(&store, &mut s).wants_keys(&s));
}

#[test]
fn edit_delete_and_undo_from_the_pane() {
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path().join("notes");
    let mut s = state();
    let mut notes = session(&store, &mut s);
    at_passage(&mut s);
    notes.act(&mut s, Action::Annotate);
    keys(&mut notes, &mut s, "eerst");
    ctrl_s(&mut notes, &mut s);
    s.focus = Pane::Notes;
    notes.act(&mut s, Action::Edit);
    keys(&mut notes, &mut s, " en daarna");
    ctrl_s(&mut notes, &mut s);
    let body = |store: &Path| {
        NotesStore::open(store)
            .unwrap()
            .load()
            .unwrap()
            .notes
            .iter()
            .map(|a| a.body.clone())
            .collect::<Vec<_>>()
    };
    assert_eq!(body(&store), ["eerst en daarna"]);
    notes.act(&mut s, Action::Delete);
    assert!(body(&store).is_empty());
    assert_eq!(s.notes.notes.len(), 0);
    notes.act(&mut s, Action::Undo);
    assert_eq!(body(&store), ["eerst en daarna"]);
    notes.act(&mut s, Action::Undo);
    assert_eq!(body(&store), ["eerst"]);
    notes.act(&mut s, Action::Undo);
    assert!(body(&store).is_empty());
    notes.act(&mut s, Action::Undo);
    assert_eq!(s.message.as_deref(), Some("Niets om ongedaan te maken"));
}

#[test]
fn a_detached_note_is_attached_again_by_selecting_and_editing() {
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path().join("notes");
    let mut s = state();
    let mut notes = session(&store, &mut s);
    at_passage(&mut s);
    notes.act(&mut s, Action::Select);
    notes.act(&mut s, Action::Annotate);
    keys(&mut notes, &mut s, "over een zin");
    ctrl_s(&mut notes, &mut s);
    // The text changed: the note's passage is gone.
    let st = NotesStore::open(&store).unwrap();
    let mut a = st.load().unwrap().notes.remove(0);
    let q = a.target.quote.as_mut().unwrap();
    q.exact = "een zin die er niet meer staat".into();
    st.save(&a).unwrap();
    let mut s = state();
    let mut notes = session(&store, &mut s);
    at_passage(&mut s);
    assert!(!s.notes.index.get(0).unwrap().anchor.is_attached());
    notes.act(&mut s, Action::Select);
    s.focus = Pane::Notes;
    notes.act(&mut s, Action::AttachNote);
    ctrl_s(&mut notes, &mut s);
    let again = &st.load().unwrap().notes[0];
    assert_eq!(
        again.target.quote.as_ref().unwrap().exact,
        "tweetrapssysteem"
    );
    assert_eq!(again.body, "over een zin");
    assert!(s.notes.index.get(0).unwrap().anchor.is_attached());
}

#[test]
fn a_corrupt_store_is_named_and_read_only_in_the_interface() {
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path().join("notes");
    std::fs::create_dir(&store).unwrap();
    std::fs::write(store.join("nkapot.toml"), "id = \"nkapot\"\nkind = 3\n").unwrap();
    let mut s = state();
    let mut notes = session(&store, &mut s);
    let message = s.message.clone().unwrap();
    assert!(
        message.contains("alleen-lezen") && message.contains("nkapot.toml:2:8"),
        "{message}"
    );
    at_passage(&mut s);
    notes.act(&mut s, Action::Annotate);
    assert!(!notes.wants_keys(&s), "no editor on a read-only store");
    assert_eq!(s.message.as_deref(), Some("Notities zijn alleen-lezen"));
    assert_eq!(
        std::fs::read_to_string(store.join("nkapot.toml")).unwrap(),
        "id = \"nkapot\"\nkind = 3\n"
    );
}

#[test]
fn a_word_step_back_gives_back_exactly_the_word_taken() {
    let dir = tempfile::tempdir().unwrap();
    let mut s = state();
    let mut notes = session(&dir.path().join("notes"), &mut s);
    const PART: &str = "ebsp/blijvende-inzet-van-nederland-in-de-raad";
    let n = s.corpus.get(PART).unwrap();
    open_node(&mut s, n, true);
    crate::tui::update::update(&mut s, Action::Find);
    for c in "Daarnaast blijft".chars() {
        crate::tui::update::update(&mut s, Action::Type(c));
    }
    crate::tui::update::update(&mut s, Action::Done);
    notes.act(&mut s, Action::Select);
    let quote = |s: &State| {
        let (a, b) = s.selection().unwrap();
        selection_quote(s.corpus.by_id(PART).unwrap().document().unwrap(), a, b)
            .unwrap()
            .exact
    };
    assert_eq!(quote(&s), "Daarnaast blijft");
    notes.act(&mut s, Action::ExtendWordForward);
    assert_eq!(quote(&s), "Daarnaast blijft Nederland");
    notes.act(&mut s, Action::ExtendWordBack);
    assert_eq!(quote(&s), "Daarnaast blijft");
    notes.act(&mut s, Action::ExtendWordBack);
    assert_eq!(quote(&s), "Daarnaast");
    notes.act(&mut s, Action::ExtendWordBack);
    assert_eq!(quote(&s), "Daarnaast", "never past the anchor");
    // A sentence and a paragraph at a time.
    notes.act(&mut s, Action::ExtendSentenceForward);
    assert!(quote(&s).ends_with("tijdpad, om de situatie te voorkomen dat de lidstaten niet tijdig een bilaterale overeenkomst kunnen realiseren met de VS, en welke maatregelen er dan op EU niveau genomen zouden kunnen worden."), "{}", quote(&s));
    notes.act(&mut s, Action::ExtendSentenceBack);
    assert_eq!(quote(&s), "D", "no sentence before: back to the anchor");
    notes.act(&mut s, Action::ExtendParagraphForward);
    assert!(quote(&s).ends_with("genomen zouden kunnen worden."));
}

#[test]
fn d_never_deletes_a_note_the_screen_does_not_show() {
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path().join("notes");
    let mut s = state();
    let mut notes = session(&store, &mut s);
    at_passage(&mut s);
    notes.act(&mut s, Action::Annotate);
    keys(&mut notes, &mut s, "blijft staan");
    ctrl_s(&mut notes, &mut s);
    let count = |store: &Path| NotesStore::open(store).unwrap().load().unwrap().notes.len();
    // At 60×15 the notes pane is not drawn: Tab never reaches it and `d`
    // deletes nothing.
    crate::tui::resize(&mut s, ratatui::layout::Rect::new(0, 0, 60, 15));
    for _ in 0..3 {
        crate::tui::update::update(&mut s, Action::NextPane);
        notes.act(&mut s, Action::Delete);
    }
    assert_eq!(count(&store), 1);
    assert!(s.message.as_deref().unwrap().contains("notitiepaneel"));
    // Where the pane shows, `d` in it deletes.
    crate::tui::resize(&mut s, ratatui::layout::Rect::new(0, 0, 80, 24));
    s.focus = Pane::Reader;
    notes.act(&mut s, Action::Delete);
    assert_eq!(count(&store), 1, "not from the reader");
    s.focus = Pane::Notes;
    notes.act(&mut s, Action::Delete);
    assert_eq!(count(&store), 0);
}

#[test]
fn a_failed_export_keeps_the_dialog_and_the_typed_path() {
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path().join("notes");
    let mut s = state();
    let mut notes = session(&store, &mut s);
    notes.act(&mut s, Action::Export);
    let path = dir.path().join("geen").join("map.md");
    for _ in 0..20 {
        notes.key(
            &mut s,
            KeyEvent::new(KeyCode::Backspace, KeyModifiers::NONE),
        );
    }
    keys(&mut notes, &mut s, &path.display().to_string());
    notes.key(&mut s, KeyEvent::new(KeyCode::Enter, KeyModifiers::NONE));
    assert!(notes.wants_keys(&s), "the dialog stays");
    let shown = screen(&notes, &s).backend().to_string();
    assert!(shown.contains("Export mislukt"), "{shown}");
    assert!(shown.contains("map.md"), "the typed path stays: {shown}");
}

#[test]
fn the_overview_edits_and_deletes_where_the_notes_pane_does_not_fit() {
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path().join("notes");
    let mut s = state();
    let mut notes = session(&store, &mut s);
    at_passage(&mut s);
    notes.act(&mut s, Action::Annotate);
    keys(&mut notes, &mut s, "eerst");
    ctrl_s(&mut notes, &mut s);
    crate::tui::resize(&mut s, ratatui::layout::Rect::new(0, 0, 60, 15));
    let ctrl = |c: char| KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL);
    notes.act(&mut s, Action::Overview);
    notes.key(&mut s, ctrl('e'));
    assert_eq!(notes.mode(&s), Some(crate::tui::mode::Mode::Editor));
    keys(&mut notes, &mut s, " en dan");
    ctrl_s(&mut notes, &mut s);
    let bodies = |store: &Path| {
        NotesStore::open(store)
            .unwrap()
            .load()
            .unwrap()
            .notes
            .into_iter()
            .map(|a| a.body)
            .collect::<Vec<_>>()
    };
    assert_eq!(bodies(&store), ["eerst en dan"]);
    notes.act(&mut s, Action::Overview);
    notes.key(&mut s, ctrl('d'));
    assert!(bodies(&store).is_empty());
    assert_eq!(
        notes.mode(&s),
        Some(crate::tui::mode::Mode::Overview),
        "it stays"
    );
    notes.key(&mut s, KeyEvent::new(KeyCode::Esc, KeyModifiers::NONE));
    notes.act(&mut s, Action::Undo);
    assert_eq!(bodies(&store), ["eerst en dan"]);
}

#[test]
fn a_new_note_whose_id_is_taken_gets_a_fresh_one_as_on_the_command_line() {
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path().join("notes");
    let mut s = state();
    let mut notes = session(&store, &mut s);
    // The test runner's service draws ids 1, 2, 3… at a fixed time: the
    // first is taken already.
    let now = jiff::Timestamp::from_second(1_765_000_000).unwrap();
    let st = NotesStore::open(&store).unwrap();
    let mut taken = crate::tui::notes::fixture::note(&s.corpus, "x", SECTION, None, "er al");
    taken.id = dossier_core::annotation::new_id(now, 1);
    st.add(&taken).unwrap();
    at_passage(&mut s);
    notes.act(&mut s, Action::Annotate);
    keys(&mut notes, &mut s, "nieuw");
    ctrl_s(&mut notes, &mut s);
    assert!(notes.mode(&s).is_none(), "{:?}", s.message);
    let ids: Vec<String> = st.load().unwrap().notes.into_iter().map(|a| a.id).collect();
    assert!(ids.contains(&taken.id), "{ids:?}");
    assert!(
        ids.contains(&dossier_core::annotation::new_id(now, 2)),
        "{ids:?}"
    );
}

#[test]
fn the_overview_marks_done_undoes_a_delete_and_stays_after_a_save() {
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path().join("notes");
    let mut s = state();
    let mut notes = session(&store, &mut s);
    at_passage(&mut s);
    notes.act(&mut s, Action::Annotate);
    keys(&mut notes, &mut s, "eerst");
    ctrl_s(&mut notes, &mut s);
    let ctrl = |c: char| KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL);
    let stored = |store: &Path| NotesStore::open(store).unwrap().load().unwrap().notes;
    notes.act(&mut s, Action::Overview);
    // One key: done, and again: open.
    notes.key(&mut s, ctrl('t'));
    assert_eq!(
        stored(&store)[0].status,
        dossier_core::annotation::Status::Done
    );
    assert_eq!(notes.mode(&s), Some(crate::tui::mode::Mode::Overview));
    notes.key(&mut s, ctrl('t'));
    assert_eq!(
        stored(&store)[0].status,
        dossier_core::annotation::Status::Open
    );
    // Saving in the editor opened here comes back here.
    notes.key(&mut s, ctrl('e'));
    keys(&mut notes, &mut s, "!");
    ctrl_s(&mut notes, &mut s);
    assert_eq!(stored(&store)[0].body, "eerst!");
    assert_eq!(notes.mode(&s), Some(crate::tui::mode::Mode::Overview));
    // A delete names the overview's own undo key, and that key undoes.
    notes.key(&mut s, ctrl('d'));
    assert!(stored(&store).is_empty());
    let said = s.message.clone().unwrap_or_default();
    assert!(said.contains("Ctrl-z"), "{said}");
    notes.key(&mut s, ctrl('z'));
    assert_eq!(stored(&store).len(), 1);
    assert_eq!(notes.mode(&s), Some(crate::tui::mode::Mode::Overview));
    // `u` still types into the filter, as every letter there does.
    keys(&mut notes, &mut s, "u");
    assert_eq!(s.notes_ui.overview.filter.text, "u");
}

#[test]
fn a_bad_due_date_is_refused_in_the_interfaces_language() {
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path().join("notes");
    let mut s = state();
    let mut notes = session(&store, &mut s);
    at_passage(&mut s);
    notes.act(&mut s, Action::Annotate);
    keys(&mut notes, &mut s, "x");
    // An action has a due date: Tab to the kind, → to action.
    notes.key(&mut s, KeyEvent::new(KeyCode::Tab, KeyModifiers::NONE));
    for _ in 0..3 {
        notes.key(&mut s, KeyEvent::new(KeyCode::Right, KeyModifiers::NONE));
    }
    for _ in 0..20 {
        if matches!(&s.screen, Screen::Editor(e) if e.editor.focus == crate::tui::notes::editor::Field::Due)
        {
            break;
        }
        notes.key(&mut s, KeyEvent::new(KeyCode::Tab, KeyModifiers::NONE));
    }
    keys(&mut notes, &mut s, "eind januari");
    ctrl_s(&mut notes, &mut s);
    let Screen::Editor(e) = &s.screen else {
        panic!("the editor stays open");
    };
    let editor = &e.editor;
    let error = editor.error.clone().unwrap_or_default();
    assert!(
        error.starts_with("de datum `eind januari` is geen datum"),
        "{error}"
    );
}
