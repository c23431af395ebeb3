//! Whole flows as keys, through the routing the loop uses.

use std::sync::Arc;

use super::*;
use crate::store::notes::NotesStore;
use crate::tui::key::parse_sequence;
use crate::tui::keymap::Keymap;
use crate::tui::mode::Mode;
use crate::tui::notes::harness::Session;
use crate::tui::state::Screen;
use crate::tui::theme::Theme;
use dossier_core::lang::Lang;

fn state() -> State {
    let corpus = Arc::new(crate::store::dossiers::load_built_in());
    let mut s = State::new(corpus, Lang::Nl, Keymap::default(), Theme::plain());
    crate::tui::resize(&mut s, ratatui::layout::Rect::new(0, 0, 80, 24));
    s
}

fn press(s: &mut State, notes: &mut Session, keys: &str) {
    for k in parse_sequence(keys).unwrap() {
        notes.key(s, k);
    }
}

fn bodies(store: &std::path::Path) -> Vec<(String, Option<String>)> {
    NotesStore::open(store)
        .unwrap()
        .load()
        .unwrap()
        .notes
        .into_iter()
        .map(|a| (a.body, a.target.quote.map(|q| q.exact)))
        .collect()
}

#[test]
fn find_select_a_sentence_annotate_and_save_all_by_keys() {
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path().join("notes");
    let mut s = state();
    let mut notes = Session::for_test(&store, &mut s);
    // To the section through the tree, then find, select, annotate.
    let section = s
        .corpus
        .get("ebsp/blijvende-inzet-van-nederland-in-de-raad")
        .unwrap();
    crate::tui::update::open_node(&mut s, section, true);
    press(&mut s, &mut notes, "/daarnaast blijft<enter>v][");
    assert_eq!(s.mode(), Mode::Select);
    press(&mut s, &mut notes, "]]<esc>");
    assert_eq!(s.mode(), Mode::Text, "Esc lets the selection go");
    press(&mut s, &mut notes, "v)a");
    assert_eq!(notes.mode(&s), Some(Mode::Editor));
    // F1 in the editor shows its keys; Esc goes back to the text typed.
    press(&mut s, &mut notes, "Te volgen<f1>");
    assert!(matches!(&s.screen, Screen::Help { over, .. } if over.mode(s.focus) == Mode::Editor));
    press(&mut s, &mut notes, "<esc>");
    assert!(!matches!(s.screen, Screen::Help { .. }));
    press(&mut s, &mut notes, "!<c-s>");
    assert_eq!(notes.mode(&s), None);
    let saved = bodies(&store);
    assert_eq!(saved.len(), 1);
    assert_eq!(saved[0].0, "Te volgen!");
    let quote = saved[0].1.clone().unwrap();
    assert!(
        quote.starts_with("Daarnaast blijft Nederland in de Raad"),
        "{quote}"
    );
    assert!(quote.ends_with("genomen zouden kunnen worden."), "{quote}");
}

#[test]
fn ctrl_c_quits_from_the_editor_and_keeps_the_draft() {
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path().join("notes");
    let mut s = state();
    let mut notes = Session::for_test(&store, &mut s);
    press(&mut s, &mut notes, "aNog niet af<c-c>");
    assert!(s.quit);
    assert!(bodies(&store).is_empty(), "nothing saved unasked");
    // The program ends here; the next start finds the draft.
    drop(notes);
    let pending = crate::store::drafts::Journal::in_dirs(vec![store.join("drafts")]).pending();
    assert_eq!(pending.len(), 1, "the text is kept as a draft");
    let draft = pending[0].draft.as_ref().unwrap();
    assert_eq!(draft.note.body, "Nog niet af");
}

#[test]
fn help_keys_do_not_reach_the_selection_under_it() {
    let dir = tempfile::tempdir().unwrap();
    let mut s = state();
    let mut notes = Session::for_test(&dir.path().join("notes"), &mut s);
    press(&mut s, &mut notes, "<tab>v");
    let before = s.selection();
    assert!(before.is_some());
    press(&mut s, &mut notes, "?jjl<esc>");
    assert_eq!(s.selection(), before);
    assert!(!matches!(s.screen, Screen::Help { .. }));
}

/// A state whose keys come from `config` (a `config.toml` text).
fn state_with(config: &str) -> State {
    let c = crate::store::config::parse("config.toml", config)
        .unwrap()
        .config;
    let keymap = Keymap::from_config(&c).unwrap();
    let corpus = Arc::new(crate::store::dossiers::load_built_in());
    let mut s = State::new(corpus, Lang::Nl, keymap, Theme::plain());
    crate::tui::resize(&mut s, ratatui::layout::Rect::new(0, 0, 80, 24));
    s
}

#[test]
fn the_editors_keys_are_rebound_in_config_and_help_and_hints_follow() {
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path().join("notes");
    let mut s = state_with("[keys.editor]\nsave = \"ctrl-w\"\n");
    let mut notes = Session::for_test(&store, &mut s);
    // Ctrl-s is no longer save: the note stays open, nothing is stored.
    press(&mut s, &mut notes, "aRebound<c-s>");
    assert_eq!(notes.mode(&s), Some(Mode::Editor));
    assert!(bodies(&store).is_empty());
    // The help and the hint line name the key in force.
    let help = crate::tui::help::rows(&s.keymap, s.lang, Mode::Editor);
    assert!(
        help.iter()
            .any(|r| r.keys == "Ctrl-w" && r.what == "opslaan" && r.name == "save"),
        "{help:?}"
    );
    assert!(!help.iter().any(|r| r.keys.contains("Ctrl-s")), "{help:?}");
    let mut t = ratatui::Terminal::new(ratatui::backend::TestBackend::new(80, 24)).unwrap();
    t.draw(|f| crate::tui::view::render(&s, f)).unwrap();
    assert!(t.backend().to_string().contains("Ctrl-w opslaan"));
    press(&mut s, &mut notes, "<c-w>");
    assert_eq!(notes.mode(&s), None);
    assert_eq!(bodies(&store)[0].0, "Rebound");
}

#[test]
fn the_overviews_and_the_questions_keys_are_rebound_too() {
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path().join("notes");
    let mut s = state_with(
        "[keys.overview]\nsort = \"ctrl-s\"\ncancel = \"ctrl-q\"\n\n\
         [keys.confirm]\nyes = \"x\"\n",
    );
    let mut notes = Session::for_test(&store, &mut s);
    press(&mut s, &mut notes, "o<c-s>");
    assert_eq!(
        s.notes_ui.overview.sort,
        crate::tui::notes::overview::Sort::Due
    );
    // Esc is no longer close: it does nothing; Ctrl-q closes.
    press(&mut s, &mut notes, "<esc>");
    assert_eq!(notes.mode(&s), Some(Mode::Overview));
    press(&mut s, &mut notes, "<c-q>");
    assert_eq!(notes.mode(&s), None);
    // The editor's question: `j` no longer throws the text away, `x` does.
    press(&mut s, &mut notes, "aweg<esc>");
    assert_eq!(s.mode(), Mode::Confirm);
    press(&mut s, &mut notes, "j");
    assert_eq!(s.mode(), Mode::Confirm);
    press(&mut s, &mut notes, "x");
    assert_eq!(notes.mode(&s), None);
    assert!(bodies(&store).is_empty());
}

#[test]
fn a_screen_binding_that_shadows_a_default_or_names_nothing_is_reported_with_its_line() {
    let err = |text: &str| {
        let c = crate::store::config::parse("config.toml", text)
            .unwrap()
            .config;
        Keymap::from_config(&c).unwrap_err().to_string()
    };
    // Ctrl-d is the overview's delete: taking it for edit would leave
    // delete without a key.
    let e = err("[keys]\nquit = \"q\"\n\n[keys.overview]\nedit = \"ctrl-d\"\n");
    assert!(
        e.starts_with("config.toml:5:1: key `Ctrl-d` is the default key of `delete`"),
        "{e}"
    );
    let e = err("[keys.editor]\n\nsort = \"ctrl-o\"\n");
    assert!(
        e.starts_with("config.toml:3:1: unknown action `sort` in [keys.editor]"),
        "{e}"
    );
    let e = err("[keys.editr]\nsave = \"ctrl-w\"\n");
    assert!(e.contains("unknown screen `[keys.editr]`"), "{e}");
    assert!(e.contains("editor, overview, export"), "{e}");
    // Ctrl-c always quits, on the annotation screens too.
    let e = err("[keys.editor]\nsave = \"ctrl-c\"\n");
    assert!(e.contains("always quits"), "{e}");
}

#[test]
fn the_update_function_asks_for_store_work_and_does_none() {
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path().join("notes");
    let mut s = state();
    let _runner = crate::tui::notes::runner::Runner::for_test(&store, &mut s);
    crate::tui::update::update(&mut s, crate::tui::action::Action::Annotate);
    let effects = crate::tui::update::update(
        &mut s,
        crate::tui::action::Action::Key(crate::tui::key::Key::parse("x").unwrap()),
    );
    assert!(matches!(
        effects.as_slice(),
        [Effect::Notes(op)] if matches!(**op, crate::tui::update::notes::NotesOp::WriteDraft(_))
    ));
    let effects = crate::tui::update::update(&mut s, crate::tui::action::Action::Save);
    assert!(matches!(
        effects.as_slice(),
        [Effect::Notes(op)] if matches!(**op, crate::tui::update::notes::NotesOp::Save { .. })
    ));
    // Nothing is on disk, and the editor stays until the store says so.
    assert!(bodies(&store).is_empty());
    assert_eq!(s.mode(), Mode::Editor);
}
