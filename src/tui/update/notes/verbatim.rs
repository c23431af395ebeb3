//! A note is kept as written: opened in the editor, its status changed and
//! saved, through the update function and the loop's notes effects, its
//! body comes back byte for byte whatever it holds.

use std::sync::{Arc, OnceLock};

use dossier_core::Corpus;
use dossier_core::annotation::{Annotation, Status};
use dossier_core::lang::Lang;
use proptest::prelude::*;

use crate::store::notes::NotesStore;
use crate::tui::action::Action;
use crate::tui::keymap::Keymap;
use crate::tui::notes::harness::Session;
use crate::tui::state::{Pane, State};
use crate::tui::theme::Theme;
use crate::tui::update::open_node;

const SECTION: &str = "ebsp/uitkomst-onderhandelingen";

fn corpus() -> Arc<Corpus> {
    static CORPUS: OnceLock<Arc<Corpus>> = OnceLock::new();
    Arc::clone(CORPUS.get_or_init(|| Arc::new(crate::store::dossiers::load_built_in())))
}

/// Bodies that a cleaning step, a line splitter or a trim would change:
/// escape sequences, bidirectional overrides, tabs, CRLF, trailing blanks,
/// and 8 KiB of emoji.
pub(crate) fn hostile_body() -> impl Strategy<Value = String> {
    prop_oneof![
        any::<String>(),
        "[a-z \\t\\r\\n\\x1b\\[\\]0-9m\\x00-\\x1f\\x7f\u{202e}\u{2066}\u{200f}é]{0,60}",
        Just("rood\u{1b}[31m en \u{202e}tekst\u{202c}\r\n\tnog\r\n\n  ".to_string()),
        (0usize..4).prop_map(|n| format!("{}{}", "😀".repeat(2048), "\r\n".repeat(n))),
    ]
}

fn note_with(body: &str) -> Annotation {
    let c = corpus();
    let at = c.get(SECTION).unwrap_or_default();
    let now = jiff::Timestamp::UNIX_EPOCH;
    let mut a = dossier_core::note_form::new_note(&c, at, None, "Tester".into(), now, 7);
    a.body = body.to_string();
    a
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(24))]

    #[test]
    fn a_status_change_in_the_editor_keeps_the_body_byte_for_byte(body in hostile_body()) {
        let dir = tempfile::tempdir().unwrap();
        let store = dir.path().join("notes");
        let st = NotesStore::open(&store).unwrap();
        let note = note_with(&body);
        st.add(&note).unwrap();

        let mut s = State::new(corpus(), Lang::Nl, Keymap::default(), Theme::plain());
        s.resize((60, 20), 20);
        let mut notes = Session::for_test(&store, &mut s);
        let n = s.corpus.get(SECTION).unwrap();
        open_node(&mut s, n, true);
        s.focus = Pane::Notes;
        for a in [Action::Edit, Action::NextField, Action::NextField, Action::NextValue, Action::Save] {
            notes.act(&mut s, a);
        }
        prop_assert!(notes.mode(&s).is_none(), "saved and closed: {:?}", s.message);
        let back = st.load().unwrap().notes;
        prop_assert_eq!(back.len(), 1);
        prop_assert_eq!(back[0].status, Status::Done);
        prop_assert_eq!(back[0].body.as_bytes(), body.as_bytes());
        // Drawn, the body shows no control character.
        let mut t = ratatui::Terminal::new(ratatui::backend::TestBackend::new(80, 24)).unwrap();
        notes.act(&mut s, Action::Edit);
        t.draw(|f| crate::tui::view::render(&s, f)).unwrap();
        let shown = t.backend().buffer().content().iter().map(|c| c.symbol().to_string()).collect::<String>();
        prop_assert!(!shown.chars().any(|c| c.is_control() || dossier_core::text::is_bidi_control(c)));
    }
}
