use std::collections::BTreeSet;
use std::sync::Arc;

use super::*;
use crate::tui::input::action_for;
use crate::tui::key::{Key, to_event};
use crate::tui::keymap::Keymap;
use crate::tui::notes::editor::NoteEditor;
use crate::tui::notes::export_dialog::ExportDialog;
use crate::tui::state::{EditorScreen, Pane, Reading, Screen, State};
use crate::tui::theme::Theme;
use crate::tui::update::update;

fn state() -> State {
    let corpus = Arc::new(crate::store::dossiers::load_built_in());
    let mut s = State::new(corpus, Lang::Nl, Keymap::default(), Theme::plain());
    s.resize((60, 20), 20);
    s
}

/// The state in each mode the browsing screens have.
fn in_mode(mode: Mode) -> State {
    let mut s = state();
    match mode {
        Mode::Tree => {}
        Mode::Text => s.focus = Pane::Reader,
        Mode::Notes => s.focus = Pane::Notes,
        Mode::Select => s.screen = Screen::Read(Reading::Selecting(((0, 0), (0, 3)))),
        Mode::Peek => s.screen = Screen::Peek(s.open.unwrap()),
        Mode::Error => s.screen = Screen::LoadError(0),
        Mode::Timeline => {
            update(&mut s, Action::Timeline);
        }
        Mode::Help => {
            update(&mut s, Action::Help);
        }
        Mode::Find => {
            update(&mut s, Action::Find);
        }
        Mode::Filter => {
            update(&mut s, Action::Filter);
        }
        Mode::Finder => {
            update(&mut s, Action::Finder);
        }
        Mode::Editor => {
            let open = s.open.unwrap();
            let note = dossier_core::note_form::new_note(
                &s.corpus,
                open,
                None,
                "T".into(),
                jiff::Timestamp::UNIX_EPOCH,
                1,
            );
            s.screen = Screen::Editor(Box::new(EditorScreen {
                editor: NoteEditor::new(note, true),
                before: None,
                from_overview: false,
            }));
        }
        Mode::Overview => s.screen = Screen::Overview,
        Mode::Export => s.screen = Screen::Export(ExportDialog::new(Lang::Nl, &Default::default())),
        Mode::Confirm => {
            let mut d = ExportDialog::new(Lang::Nl, &Default::default());
            d.confirming = true;
            s.screen = Screen::Export(d);
        }
    }
    assert_eq!(s.mode(), mode);
    s
}

const MODES: [Mode; 15] = Mode::ALL;

/// Every key the help of a mode names, as keys.
fn listed(s: &State, mode: Mode) -> BTreeSet<Key> {
    rows(&s.keymap, s.lang, mode)
        .iter()
        .flat_map(|r| r.keys.split(" / ").map(str::to_string).collect::<Vec<_>>())
        .filter_map(|k| {
            let k = k
                .replace('↑', "up")
                .replace('↓', "down")
                .replace('←', "left")
                .replace('→', "right");
            Key::parse(&k.replace("PgUp", "pageup").replace("PgDn", "pagedown")).ok()
        })
        .collect()
}

#[test]
fn a_hint_line_keeps_only_whole_hints() {
    let line = "F1 toetsen · Ctrl-a open acties · Enter ga naar";
    assert_eq!(fit(line, 80), line);
    assert_eq!(fit(line, 34), "F1 toetsen · Ctrl-a open acties");
    assert_eq!(fit(line, 33), "F1 toetsen · Ctrl-a open acties");
    assert_eq!(fit(line, 5), "");
}

#[test]
fn help_lists_exactly_the_keys_that_work_in_each_mode() {
    for mode in MODES {
        let s = in_mode(mode);
        let shown = listed(&s, mode);
        // Every key of every mode's keymap, tried in this mode.
        let mut tried: BTreeSet<Key> = BTreeSet::new();
        for m in MODES {
            tried.extend(s.keymap.table(m).bindings().map(|(k, _)| k));
        }
        for k in tried {
            let action = action_for(&s, to_event(k));
            // Ctrl-c is the loop's, before any mode (`always_quits`).
            let works = crate::tui::input::always_quits(&to_event(k)) || action.is_some();
            if matches!(action, Some(Action::Type(_) | Action::Key(_))) {
                continue; // letters type, keys edit the text; help says so
            }
            assert_eq!(
                works,
                shown.contains(&k),
                "{mode:?}: `{k}` {} but help {}",
                if works { "works" } else { "does nothing" },
                if shown.contains(&k) {
                    "lists it"
                } else {
                    "does not"
                }
            );
        }
    }
}

#[test]
fn help_in_a_selection_lists_the_selection_keys_and_f1_helps_in_prompts() {
    let mut s = in_mode(Mode::Select);
    s.focus = Pane::Reader;
    let entries = rows(&s.keymap, s.lang, Mode::Select);
    let text: Vec<String> = entries
        .iter()
        .map(|r| format!("{} {}", r.keys, r.what))
        .collect();
    assert!(
        text.iter().any(|l| l == ") einde een zin verder"),
        "{text:?}"
    );
    assert!(
        text.iter().any(|l| l == "] einde een woord verder"),
        "{text:?}"
    );
    assert!(
        !text.iter().any(|l| l.contains("zoeken in alles")),
        "{text:?}"
    );
    // F1 in the finder shows the finder's keys; closing it keeps the query.
    let mut s = in_mode(Mode::Finder);
    update(&mut s, Action::Type('x'));
    let f1 = action_for(&s, to_event(Key::parse("f1").unwrap())).unwrap();
    update(&mut s, f1);
    assert_eq!(s.mode(), Mode::Help);
    let Screen::Help { over, .. } = &s.screen else {
        unreachable!()
    };
    assert_eq!(over.mode(s.focus), Mode::Finder);
    update(&mut s, Action::Close);
    assert!(matches!(&s.screen, Screen::Finder(f) if f.query == "x"));
}

#[test]
fn the_status_bar_offers_yes_as_the_question_does() {
    let km = Keymap::default();
    let en = hints(&km, Mode::Confirm, Lang::En, CONFIRM_HINTS);
    assert!(en.starts_with("y yes"), "{en}");
    let nl = hints(&km, Mode::Confirm, Lang::Nl, CONFIRM_HINTS);
    assert!(nl.starts_with("j ja"), "{nl}");
}

#[test]
fn help_names_each_action_of_the_pane_in_force_by_what_it_does() {
    let row = |mode: Mode, name: &str| {
        let s = in_mode(mode);
        rows(&s.keymap, s.lang, mode)
            .into_iter()
            .find(|r| r.name == name)
            .map(|r| format!("{} {}", r.keys, r.what))
    };
    assert_eq!(row(Mode::Tree, "expand_node").unwrap(), "l / → uitklappen");
    assert_eq!(row(Mode::Tree, "open").unwrap(), "Enter openen");
    assert_eq!(
        row(Mode::Text, "next_link").unwrap(),
        "] / l / → volgende link"
    );
    assert_eq!(row(Mode::Text, "follow_link").unwrap(), "Enter link volgen");
    assert_eq!(row(Mode::Text, "expand_node"), None);
    assert_eq!(
        row(Mode::Notes, "go_to_note").unwrap(),
        "Enter naar de notitie"
    );
    assert_eq!(
        row(Mode::Select, "extend_word_forward").unwrap(),
        "] einde een woord verder"
    );
    assert_eq!(row(Mode::Select, "next_link"), None);
    assert_eq!(row(Mode::Filter, "done").unwrap(), "Enter / ↓ / Tab klaar");
    assert_eq!(
        row(Mode::Timeline, "filter_timeline").unwrap(),
        "f / / tijdlijn filteren (kenmerken en tekst)"
    );
    // Every row of every mode is one of the mode's actions, once.
    for mode in MODES {
        let s = in_mode(mode);
        let names: Vec<&str> = rows(&s.keymap, s.lang, mode)
            .iter()
            .map(|r| r.name)
            .filter(|n| !n.is_empty())
            .collect();
        let mut once = names.clone();
        once.sort();
        once.dedup();
        assert_eq!(once.len(), names.len(), "{mode:?}");
    }
}

#[test]
fn phrases_name_the_keys_in_force() {
    use dossier_core::messages::{EN, NL};
    let rebound = |config: &str| {
        let c = crate::store::config::parse("c.toml", config)
            .unwrap()
            .config;
        Keymap::from_config(&c).unwrap()
    };
    let built_in = Keymap::default();
    assert_eq!(
        keyed(Lang::Nl, NL.notes.no_notes, &built_in),
        "Geen notities. a = annoteren"
    );
    assert_eq!(
        keyed(Lang::En, EN.notes.confirm_discard, &built_in),
        "Discard the text? y = yes, n = no"
    );
    assert_eq!(
        keyed(Lang::Nl, NL.notes.confirm_discard, &built_in),
        "Tekst weggooien? j = ja, n = nee"
    );
    let rebound = rebound(
        "[keys]\nannotate = \"A\"\nnext_pane = \"ctrl-t\"\n\n\
         [keys.editor]\nsave = \"ctrl-w\"\n\n[keys.overview]\ndelete = \"ctrl-x\"\n\n\
         [keys.select]\nattach_note = \"ctrl-e\"\n",
    );
    assert_eq!(
        keyed(Lang::Nl, NL.notes.no_notes, &rebound),
        "Geen notities. A = annoteren"
    );
    assert_eq!(
        keyed(Lang::En, EN.notes.draft_offer, &rebound),
        "Unsaved draft from last time restored: Ctrl-w saves, Esc discards"
    );
    assert_eq!(
        keyed(Lang::En, EN.notes.pane_hidden, &rebound),
        "The notes pane does not fit this screen: o = overview, Ctrl-x there"
    );
    assert_eq!(
        keyed(Lang::En, EN.notes.focus_notes, &rebound),
        "First choose a note in the notes pane (Ctrl-t)"
    );
    // A detached note names the keys that attach it again: the
    // selection's own.
    assert!(
        keyed(Lang::En, EN.notes.detached_hint, &rebound)
            .ends_with("(v select, Ctrl-e attach again)"),
        "{}",
        keyed(Lang::En, EN.notes.detached_hint, &rebound)
    );
}
