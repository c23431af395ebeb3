use super::*;
use crate::tui::notes::fixture::corpus;

#[test]
fn a_selection_becomes_a_quote_in_either_direction() {
    let c = corpus();
    let doc = c.by_id("ebsp").unwrap().document().unwrap();
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
fn highlights_are_cut_per_paragraph() {
    let c = corpus();
    let doc = c.by_id("ebsp").unwrap().document().unwrap();
    let second = doc.plain().find("Een").unwrap();
    let per = per_paragraph(doc, &[(23, 39), (50, second + 3)]);
    assert_eq!(per, vec![vec![(23, 39), (50, 57)], vec![(0, 3)]]);
}
