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
        lang: Language::Nl,
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
        lang: Language::En,
    };
    t.draw(|f| render(&view, f, f.area())).unwrap();
    assert!(t.backend().to_string().contains("No notes. a = annotate"));
}
