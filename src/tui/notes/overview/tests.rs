use dossier_core::note_index::NoteIndex;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

use super::*;
use crate::tui::notes::fixture::{corpus, note};
use dossier_core::lang::Lang;

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
    t.draw(|f| super::super::overview_view::render(&o, &notes, &index, Lang::Nl, f, f.area()))
        .unwrap();
    let s = t.backend().to_string();
    assert!(s.contains("Alle notities (3/3)"), "{s}");
    assert!(s.contains("actie · open  ebsp/uitkomst"), "{s}");
    assert!(s.contains("(losgeraakt)"), "{s}");
    insta::assert_snapshot!(s);
}
