use dossier_core::note_index::NoteIndex;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

use super::*;
use crate::tui::notes::fixture::{corpus, note};

#[test]
fn the_pane_lists_the_open_nodes_notes() {
    let c = corpus();
    let notes = vec![
        note(
            &c,
            "n1",
            "ebsp",
            Some("tweetrapssysteem"),
            "Wat houdt dit in?",
        ),
        note(&c, "n2", "ebsp/uitkomst", None, "Elders"),
        note(&c, "n3", "ebsp", Some("een verdwenen zin"), "Losse notitie"),
    ];
    let index = NoteIndex::build(&c, &notes);
    let root = c.get("ebsp").unwrap();
    let mut t = Terminal::new(TestBackend::new(44, 16)).unwrap();
    let view = PaneView {
        notes: &notes,
        index: &index,
        node: Some(root),
        selected: 1,
        focused: true,
        lang: Lang::Nl,
        theme: &crate::tui::theme::Theme::plain(),
        keymap: &crate::tui::keymap::Keymap::default(),
    };
    t.draw(|f| render(&view, f, f.area())).unwrap();
    let s = t.backend().to_string();
    assert!(s.contains("Notities (2)"), "{s}");
    assert!(s.contains("vraag · open  #grensbeheer"), "{s}");
    assert!(
        s.contains("“tweetrapssysteem”") && s.contains("Wat houdt dit in?"),
        "{s}"
    );
    assert!(
        s.contains("losgeraakt") && s.contains("Losse notitie"),
        "{s}"
    );
    assert!(!s.contains("Elders"), "{s}");
    // The second note is selected: its first line is drawn reversed.
    let buf = t.backend().buffer();
    let row = (0..16)
        .find(|&y| {
            (0..44)
                .map(|x| buf[(x, y)].symbol())
                .collect::<String>()
                .contains("Losse")
        })
        .unwrap();
    let head = row - 3;
    assert!(buf[(1, head)].modifier.contains(Modifier::REVERSED));
    insta::assert_snapshot!(s);
}

#[test]
fn an_empty_pane_says_how_to_annotate() {
    let c = corpus();
    let index = NoteIndex::build(&c, &[]);
    let mut t = Terminal::new(TestBackend::new(30, 5)).unwrap();
    let view = PaneView {
        notes: &[],
        index: &index,
        node: c.get("ebsp"),
        selected: 0,
        focused: false,
        lang: Lang::En,
        theme: &crate::tui::theme::Theme::plain(),
        keymap: &crate::tui::keymap::Keymap::default(),
    };
    t.draw(|f| render(&view, f, f.area())).unwrap();
    assert!(t.backend().to_string().contains("No notes. a = annotate"));
}

#[test]
fn long_quotes_and_texts_wrap_to_the_pane_and_say_when_they_stop() {
    let c = corpus();
    let body = "Navragen bij de KMar hoe het tweetrapssysteem in de praktijk \
                werkt voor reizigers uit derde landen, en wat dit betekent \
                voor de capaciteit op Schiphol in de zomer van 2026, en \
                daarna nog veel meer woorden die niet passen.";
    let notes = vec![note(&c, "n1", "ebsp", Some("tweetrapssysteem"), body)];
    let index = NoteIndex::build(&c, &notes);
    let mut t = Terminal::new(TestBackend::new(28, 16)).unwrap();
    let view = PaneView {
        notes: &notes,
        index: &index,
        node: c.get("ebsp"),
        selected: 0,
        focused: false,
        lang: Lang::Nl,
        theme: &crate::tui::theme::Theme::plain(),
        keymap: &crate::tui::keymap::Keymap::default(),
    };
    t.draw(|f| render(&view, f, f.area())).unwrap();
    let s = t.backend().to_string();
    // The first four lines of the text, wrapped at word boundaries...
    assert!(s.contains("Navragen bij de KMar"), "{s}");
    assert!(s.contains("in de praktijk werkt"), "{s}");
    // ...and the part left out is marked, not silently cut.
    assert!(s.contains("reizigers uit…"), "{s}");
    assert!(!s.contains("derde"), "{s}");
}

#[test]
fn the_empty_pane_wraps_its_hint() {
    let c = corpus();
    let index = NoteIndex::build(&c, &[]);
    let mut t = Terminal::new(TestBackend::new(20, 6)).unwrap();
    let view = PaneView {
        notes: &[],
        index: &index,
        node: c.get("ebsp"),
        selected: 0,
        focused: false,
        lang: Lang::Nl,
        theme: &crate::tui::theme::Theme::plain(),
        keymap: &crate::tui::keymap::Keymap::default(),
    };
    t.draw(|f| render(&view, f, f.area())).unwrap();
    let s = t.backend().to_string();
    assert!(s.contains("annoteren"), "{s}");
}

#[test]
fn a_pane_lower_than_a_note_still_shows_its_first_lines() {
    let c = corpus();
    let notes = vec![note(
        &c,
        "n1",
        "ebsp",
        Some("tweetrapssysteem"),
        "Navragen bij de KMar hoe dit werkt voor reizigers uit derde landen.",
    )];
    let index = NoteIndex::build(&c, &notes);
    // Four rows inside the border, as under the reader on a small screen.
    let mut t = Terminal::new(TestBackend::new(40, 6)).unwrap();
    let view = PaneView {
        notes: &notes,
        index: &index,
        node: c.get("ebsp"),
        selected: 0,
        focused: false,
        lang: Lang::Nl,
        theme: &crate::tui::theme::Theme::plain(),
        keymap: &crate::tui::keymap::Keymap::default(),
    };
    t.draw(|f| render(&view, f, f.area())).unwrap();
    let s = t.backend().to_string();
    assert!(s.contains("vraag · open"), "{s}");
    assert!(s.contains("“tweetrapssysteem”"), "{s}");
    assert!(s.contains("Navragen bij de KMar"), "{s}");
}

#[test]
fn a_due_date_reads_day_first_as_the_tree_writes_dates() {
    let c = corpus();
    let mut n = note(&c, "n1", "ebsp", None, "Kamer informeren");
    n.owner = Some("Jan".into());
    n.due = Some("2026-01-15".parse().unwrap());
    let notes = vec![n];
    let index = NoteIndex::build(&c, &notes);
    let mut t = Terminal::new(TestBackend::new(44, 10)).unwrap();
    let view = PaneView {
        notes: &notes,
        index: &index,
        node: c.get("ebsp"),
        selected: 0,
        focused: true,
        lang: Lang::Nl,
        theme: &crate::tui::theme::Theme::plain(),
        keymap: &crate::tui::keymap::Keymap::default(),
    };
    t.draw(|f| render(&view, f, f.area())).unwrap();
    let s = t.backend().to_string();
    assert!(
        s.contains("→ Jan 15-01-2026") && !s.contains("2026-01-15"),
        "{s}"
    );
}

#[test]
fn a_detached_note_shows_the_words_its_passage_stood_among() {
    let c = corpus();
    let mut gone = note(&c, "n1", "ebsp", Some("steunt"), "Klopt dit?");
    if let Some(q) = gone.target.quote.as_mut() {
        q.prefix = "Nederland ".into();
        q.suffix = " het EBSP-mandaat".into();
    }
    let notes = vec![gone];
    let index = NoteIndex::build(&c, &notes);
    let root = c.get("ebsp").unwrap();
    let mut t = Terminal::new(TestBackend::new(60, 12)).unwrap();
    let view = PaneView {
        notes: &notes,
        index: &index,
        node: Some(root),
        selected: 0,
        focused: true,
        lang: Lang::Nl,
        theme: &crate::tui::theme::Theme::plain(),
        keymap: &crate::tui::keymap::Keymap::default(),
    };
    t.draw(|f| render(&view, f, f.area())).unwrap();
    let s = t.backend().to_string();
    assert!(s.contains("losgeraakt"), "{s}");
    assert!(s.contains("…Nederland “steunt” het EBSP-mandaat…"), "{s}");
}
