use ratatui::style::Modifier;

use super::*;
use crate::tui::notes::fixture::corpus;

#[test]
fn a_selection_becomes_a_quote_in_either_direction() {
    let c = corpus();
    let doc = &c.by_id("ebsp").unwrap().body;
    // "tweetrapssysteem" is characters 23..39 of the first paragraph.
    let q = selection_quote(doc, (0, 23), (0, 38)).unwrap();
    assert_eq!(
        (q.exact.as_str(), q.start, q.end),
        ("tweetrapssysteem", 23, 39)
    );
    assert_eq!(selection_quote(doc, (0, 38), (0, 23)).unwrap(), q);
    // White space at the ends is left out; a selection of spaces is nothing.
    let q = selection_quote(doc, (0, 22), (0, 39)).unwrap();
    assert_eq!(q.exact, "tweetrapssysteem");
    assert_eq!(selection_quote(doc, (0, 4), (0, 4)).unwrap().exact, "k");
    assert!(selection_quote(doc, (0, 3), (0, 3)).is_none());
    // Across paragraphs, the break is part of the quote.
    let q = selection_quote(doc, (0, 47), (1, 2)).unwrap();
    assert_eq!(q.exact, "Commissie.\n\nEen");
    assert!(selection_quote(doc, (7, 0), (7, 1)).is_none());
}

#[test]
fn the_paragraph_and_the_node_can_be_annotated() {
    let c = corpus();
    let root = c.get("ebsp").unwrap();
    let doc = &c.node(root).body;
    assert_eq!(
        paragraph_quote(doc, 1).unwrap().exact,
        "Een tweede alinea over Marokko."
    );
    assert!(paragraph_quote(doc, 5).is_none());
    let sec = c.get("ebsp/uitkomst").unwrap();
    let n = new_note(&c, sec, None, "ans".into());
    assert_eq!(
        (n.target.dossier.as_str(), n.target.node.as_str()),
        ("ebsp", "ebsp/uitkomst")
    );
    assert!(n.id.starts_with('n') && n.created == n.updated);
}

#[test]
fn highlights_are_cut_per_paragraph_and_patched_onto_spans() {
    let c = corpus();
    let doc = &c.by_id("ebsp").unwrap().body;
    let second = doc.plain().find("Een").unwrap();
    let per = per_paragraph(doc, &[(23, 39), (50, second + 3)]);
    assert_eq!(per, vec![vec![(23, 39), (50, 57)], vec![(0, 3)]]);
    let mark = Style::default().add_modifier(Modifier::UNDERLINED);
    let link = Style::default().add_modifier(Modifier::BOLD);
    // A wrapped line starting at character 20: "et tweetraps" + a link.
    let spans = vec![Span::raw("et tweetraps"), Span::styled("systeem van", link)];
    let out = overlay(spans, 20, &per[0], mark);
    let parts: Vec<(&str, bool, bool)> = out
        .iter()
        .map(|s| {
            (
                s.content.as_ref(),
                s.style.add_modifier.contains(Modifier::UNDERLINED),
                s.style.add_modifier.contains(Modifier::BOLD),
            )
        })
        .collect();
    assert_eq!(
        parts,
        [
            ("et ", false, false),
            ("tweetraps", true, false),
            ("systeem", true, true),
            (" van", false, true)
        ]
    );
}
