use dossier_core::annotation::Target;

use super::*;

use ratatui_textarea::{Input, Key};

use crate::tui::action::Action;
use crate::tui::keymap::Keymap;
use crate::tui::mode::Mode;
use crate::tui::notes::fixture::key_of;

impl NoteEditor {
    /// A key through the editor's built-in keys, as the interface resolves
    /// it: an action the field in focus takes, else the key edits the text.
    pub(crate) fn input(&mut self, i: Input, notes: &[Annotation]) -> Outcome {
        let Some(key) = key_of(&i) else {
            return Outcome::Nothing;
        };
        let mode = if self.confirming {
            Mode::Confirm
        } else {
            Mode::Editor
        };
        let keymap = Keymap::default();
        let bound = keymap.table(mode).action(&key);
        let a = match bound {
            Some(a) if mode == Mode::Confirm || self.takes(a) => a,
            _ if mode == Mode::Confirm => return Outcome::Nothing,
            _ => Action::Key(key),
        };
        self.act(a, notes)
    }
}

fn key(k: Key) -> Input {
    Input {
        key: k,
        ctrl: false,
        alt: false,
        shift: false,
    }
}

fn ctrl(c: char) -> Input {
    Input {
        key: Key::Char(c),
        ctrl: true,
        alt: false,
        shift: false,
    }
}

fn typed(e: &mut NoteEditor, text: &str, notes: &[Annotation]) {
    for c in text.chars() {
        let k = if c == '\n' { Key::Enter } else { Key::Char(c) };
        e.input(key(k), notes);
    }
}

fn blank() -> Annotation {
    let t = jiff::Timestamp::UNIX_EPOCH;
    Annotation {
        id: "n1".into(),
        target: Target {
            dossier: "ebsp".into(),
            node: "ebsp".into(),
            quote: None,
        },
        kind: Kind::Note,
        body: String::new(),
        tags: vec![],
        status: Status::Open,
        owner: None,
        due: None,
        author: "ans".into(),
        created: t,
        updated: t,
    }
}

#[test]
fn typing_then_ctrl_s_saves_the_note() {
    let mut e = NoteEditor::new(blank(), true);
    assert_eq!(e.input(key(Key::Char('W')), &[]), Outcome::Changed);
    typed(&mut e, "at betekent dit?\nTweede regel.", &[]);
    e.input(key(Key::Tab), &[]);
    assert_eq!(e.focus, Field::Kind);
    e.input(key(Key::Right), &[]);
    let Outcome::Save(a) = e.input(ctrl('s'), &[]) else {
        panic!("not saved")
    };
    assert_eq!(a.body, "Wat betekent dit?\nTweede regel.");
    assert_eq!(a.kind, Kind::Question);
}

#[test]
fn escape_asks_only_when_text_would_be_lost() {
    let mut e = NoteEditor::new(blank(), true);
    assert_eq!(e.input(key(Key::Esc), &[]), Outcome::Cancel);
    typed(&mut e, "iets", &[]);
    assert_eq!(e.input(key(Key::Esc), &[]), Outcome::Nothing);
    assert!(e.confirming);
    assert_eq!(e.input(key(Key::Char('n')), &[]), Outcome::Nothing);
    assert!(!e.confirming);
    assert_eq!(e.body_text(), "iets");
    e.input(key(Key::Esc), &[]);
    assert_eq!(e.input(key(Key::Char('j')), &[]), Outcome::Cancel);
}

#[test]
fn owner_and_due_date_belong_to_actions() {
    let mut e = NoteEditor::new(blank(), true);
    assert!(!e.fields().contains(&Field::Owner));
    e.focus = Field::Kind;
    e.input(key(Key::Left), &[]);
    assert_eq!(e.form().kind, Kind::Action);
    assert!(e.fields().contains(&Field::Due));
    e.focus = Field::Owner;
    typed(&mut e, "DGM\n", &[]);
    assert_eq!(e.focus, Field::Due);
    typed(&mut e, "volgende week", &[]);
    assert_eq!(e.input(ctrl('s'), &[]), Outcome::Nothing);
    assert!(e.error.as_deref().unwrap().contains("volgende week"));
    for _ in 0.."volgende week".len() {
        e.input(key(Key::Backspace), &[]);
    }
    typed(&mut e, "31-01-2026", &[]);
    let Outcome::Save(a) = e.input(ctrl('s'), &[]) else {
        panic!("not saved")
    };
    assert_eq!(a.owner.as_deref(), Some("DGM"));
    assert_eq!(a.due, Some(jiff::civil::date(2026, 1, 31)));
}

#[test]
fn a_plain_note_with_a_due_date_shows_it_and_keeps_it() {
    // As `notes add --kind vraag --due 31-12-2025` makes it.
    let mut q = blank();
    q.kind = Kind::Question;
    q.due = Some(jiff::civil::date(2025, 12, 31));
    let mut e = NoteEditor::new(q, false);
    assert!(e.fields().contains(&Field::Due));
    let Outcome::Save(a) = e.input(ctrl('s'), &[]) else {
        panic!("not saved")
    };
    assert_eq!(a.due, Some(jiff::civil::date(2025, 12, 31)));
}

#[test]
fn tags_are_completed_from_those_in_use() {
    let mut known = blank();
    known.tags = vec!["grensbeheer".into(), "gegevens".into()];
    let notes = vec![known];
    let mut e = NoteEditor::new(blank(), true);
    e.focus = Field::Tags;
    typed(&mut e, "g", &notes);
    assert_eq!(e.suggestions, ["gegevens", "grensbeheer"]);
    e.input(key(Key::Down), &notes);
    e.input(key(Key::Enter), &notes);
    assert_eq!(e.form().tags, "grensbeheer, ");
    typed(&mut e, "Migratie", &notes);
    let Outcome::Save(a) = e.input(ctrl('s'), &notes) else {
        panic!("not saved")
    };
    assert_eq!(a.tags, ["grensbeheer", "migratie"]);
}

#[test]
fn a_draft_restores_the_editor() {
    let mut e = NoteEditor::new(blank(), false);
    typed(&mut e, "half af", &[]);
    e.focus = Field::Kind;
    e.input(key(Key::Left), &[]);
    e.focus = Field::Due;
    typed(&mut e, "2026-0", &[]);
    let d = e.unsaved();
    assert_eq!(d.note.body, "half af");
    assert_eq!(d.due_text, "2026-0");
    assert!(d.editing);
    let back = NoteEditor::from_draft(&d);
    assert_eq!(back.body_text(), "half af");
    assert_eq!(back.form().due, "2026-0");
    assert_eq!(back.form().kind, Kind::Action);
    assert!(!back.is_new);
    assert!(back.is_dirty());
}
