//! Whole flows as keys, through the routing the loop uses.

use std::sync::Arc;

use super::*;
use crate::store::notes::NotesStore;
use crate::tui::keymap::{Keymap, parse_sequence};
use crate::tui::mode::Mode;
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
        key(s, notes, k);
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
    assert_eq!(Mode::of(&s), Mode::Select);
    press(&mut s, &mut notes, "]]<esc>");
    assert_eq!(Mode::of(&s), Mode::Read, "Esc lets the selection go");
    press(&mut s, &mut notes, "v)a");
    assert_eq!(notes.mode(), Some(Mode::Editor));
    // F1 in the editor shows its keys; Esc goes back to the text typed.
    press(&mut s, &mut notes, "Te volgen<f1>");
    assert!(matches!(&s.overlay, Overlay::Help(h) if h.mode == Mode::Editor));
    press(&mut s, &mut notes, "<esc>");
    assert_eq!(s.overlay, Overlay::None);
    press(&mut s, &mut notes, "!<c-s>");
    assert_eq!(notes.mode(), None);
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
    let before = s.selection;
    assert!(before.is_some());
    press(&mut s, &mut notes, "?jjl<esc>");
    assert_eq!(s.selection, before);
    assert_eq!(s.overlay, Overlay::None);
}
