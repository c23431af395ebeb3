use dossier_core::note_index::NoteIndex;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

use super::*;
use crate::tui::notes::fixture::{corpus, note};
use dossier_core::lang::Lang;

use ratatui_textarea::{Input, Key};

use crate::tui::mode::Mode;
use crate::tui::notes::fixture::screen_action;

/// The hint line with the built-in keys.
fn hints() -> String {
    use crate::tui::help::{OVERVIEW_HINTS, hints};
    hints(
        &crate::tui::keymap::Keymap::default(),
        Mode::Overview,
        Lang::Nl,
        OVERVIEW_HINTS,
    )
}

impl Overview {
    /// A key through the overview's built-in keys.
    fn input(&mut self, i: Input, notes: &[Annotation], index: &NoteIndex) -> Outcome {
        match screen_action(Mode::Overview, &i) {
            Some(a) => self.act(a, notes, index),
            None => Outcome::Nothing,
        }
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

fn notes() -> (Vec<Annotation>, NoteIndex) {
    let c = corpus();
    let mut a = note(
        &c,
        "n1",
        "ebsp",
        Some("tweetrapssysteem"),
        "Wat houdt dit in?",
    );
    a.author = "bert".into();
    let mut b = note(&c, "n2", "ebsp/uitkomst", None, "Besluit volgen");
    b.kind = Kind::Action;
    b.tags = vec!["raad".into()];
    let d = note(&c, "n3", "ebsp", Some("een verdwenen zin"), "Losse notitie");
    let notes = vec![a, b, d];
    let index = NoteIndex::build(&c, &notes);
    (notes, index)
}

#[test]
fn typing_filters_and_enter_jumps() {
    let (notes, index) = notes();
    let mut o = Overview::default();
    for c in "besluit".chars() {
        o.input(key(Key::Char(c)), &notes, &index);
    }
    assert_eq!(o.shown(&notes, &index), [1]);
    assert_eq!(o.input(key(Key::Enter), &notes, &index), Outcome::Jump(1));
    for _ in 0..7 {
        o.input(key(Key::Backspace), &notes, &index);
    }
    assert_eq!(o.shown(&notes, &index).len(), 3);
    o.input(key(Key::Down), &notes, &index);
    o.input(key(Key::Down), &notes, &index);
    o.input(key(Key::Down), &notes, &index);
    assert_eq!(o.input(key(Key::Enter), &notes, &index), Outcome::Jump(2));
    assert_eq!(o.input(key(Key::Esc), &notes, &index), Outcome::Close);
}

#[test]
fn the_arrows_choose_each_filter() {
    let (notes, index) = notes();
    let mut o = Overview::default();
    let tab = |o: &mut Overview| o.input(key(Key::Tab), &notes, &index);
    let right = |o: &mut Overview| o.input(key(Key::Right), &notes, &index);
    tab(&mut o);
    assert_eq!(o.facet(), Facet::Dossier);
    tab(&mut o);
    right(&mut o);
    assert_eq!(o.filter.tag.as_deref(), Some("grensbeheer"));
    assert_eq!(o.shown(&notes, &index), [0, 2]);
    o.input(key(Key::Backspace), &notes, &index);
    assert_eq!(o.filter.tag, None);
    tab(&mut o);
    o.input(key(Key::Left), &notes, &index);
    assert_eq!(o.filter.kind, Some(Kind::Action));
    assert_eq!(o.shown(&notes, &index), [1]);
    o.input(key(Key::Backspace), &notes, &index);
    tab(&mut o);
    tab(&mut o);
    assert_eq!(o.facet(), Facet::Owner);
    tab(&mut o);
    right(&mut o);
    assert_eq!(o.filter.author.as_deref(), Some("ans"));
    assert_eq!(o.shown(&notes, &index), [1, 2]);
    o.input(key(Key::Backspace), &notes, &index);
    tab(&mut o);
    right(&mut o);
    assert_eq!(o.filter.detached, Some(true));
    assert_eq!(o.shown(&notes, &index), [2]);
    right(&mut o);
    right(&mut o);
    assert_eq!(o.filter.detached, None);
}

#[test]
fn the_overlay_shows_filters_and_notes() {
    let (notes, index) = notes();
    let mut o = Overview::default();
    o.input(key(Key::Down), &notes, &index);
    let mut t = Terminal::new(TestBackend::new(80, 24)).unwrap();
    t.draw(|f| {
        let today = "2026-01-15".parse().unwrap();
        super::super::overview_view::render(
            &o,
            &hints(),
            (&notes, &index, &corpus()),
            today,
            (Lang::Nl, &crate::tui::theme::Theme::plain()),
            f,
            f.area(),
        )
    })
    .unwrap();
    let s = t.backend().to_string();
    assert!(s.contains("Alle notities (3/3)"), "{s}");
    assert!(s.contains("actie      open"), "{s}");
    // The node by its title, not its id; the note's text under it.
    assert!(
        s.contains("Uitkomst") && !s.contains("ebsp/uitkomst"),
        "{s}"
    );
    assert!(s.contains("    Besluit volgen"), "{s}");
    assert!(s.contains("(losgeraakt)"), "{s}");
    insta::assert_snapshot!(s);
}

#[test]
fn the_action_list_is_one_key_away_with_owner_and_due_date_and_overdue_marked() {
    let c = corpus();
    let (mut notes, _) = notes();
    let date = |s: &str| s.parse::<jiff::civil::Date>().unwrap();
    notes[1].owner = Some("Fatima".into());
    notes[1].due = Some(date("2025-12-01"));
    let mut t = note(&c, "n4", "ebsp", None, "Kamer informeren");
    t.kind = Kind::Toezegging;
    t.owner = Some("Jan".into());
    t.due = Some(date("2026-03-01"));
    notes.push(t);
    let mut done = note(&c, "n5", "ebsp", None, "Al gedaan");
    done.kind = Kind::Action;
    done.status = Status::Done;
    notes.push(done);
    let index = NoteIndex::build(&c, &notes);
    let mut o = Overview::default();
    let ctrl = |ch: char| Input {
        key: Key::Char(ch),
        ctrl: true,
        alt: false,
        shift: false,
    };
    o.input(ctrl('a'), &notes, &index);
    // Open toezeggingen and actions, soonest due first.
    assert_eq!(o.shown(&notes, &index), [1, 3]);
    let mut term = Terminal::new(TestBackend::new(100, 20)).unwrap();
    term.draw(|f| {
        crate::tui::notes::overview_view::render(
            &o,
            &hints(),
            (&notes, &index, &c),
            date("2026-01-15"),
            (Lang::Nl, &crate::tui::theme::Theme::plain()),
            f,
            f.area(),
        )
    })
    .unwrap();
    let text = term.backend().to_string();
    // Drawn with the theme: the plain one (NO_COLOR) has no colour at all.
    let buf = term.backend().buffer();
    assert!(
        buf.content()
            .iter()
            .all(|c| c.fg == ratatui::style::Color::Reset),
        "a colour on a screen without colour"
    );
    let row = |needle: &str| {
        text.lines()
            .find(|l| l.contains(needle))
            .unwrap_or_else(|| panic!("{needle}:\n{text}"))
            .to_string()
    };
    // Due dates day first, as the tree writes them; the text under its row.
    let late = row("Fatima");
    assert!(late.contains("01-12-2025"), "{late}");
    assert!(late.contains("⚠"), "{late}");
    let later = row("Jan ");
    assert!(later.contains("03-2026") && !later.contains("⚠"), "{later}");
    assert!(text.contains("Kamer informeren"), "{text}");
    assert!(row("onderdeel").contains("uiterlijk"), "{text}");
    // The other orders: by dossier, then as written.
    o.input(ctrl('o'), &notes, &index);
    assert_eq!(o.sort, Sort::Dossier);
    o.input(ctrl('a'), &notes, &index);
    o.input(ctrl('o'), &notes, &index);
    assert_eq!(o.sort, Sort::Written);
    assert_eq!(o.shown(&notes, &index).len(), 5);
}
