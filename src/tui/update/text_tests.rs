//! The tree filter and the timeline find the documents' text once the
//! library's index is open, and only what every word starts.

use std::sync::Arc;

use dossier_core::lang::Lang;
use dossier_core::{Corpus, NodeKind};

use super::*;
use crate::tui::keymap::Keymap;
use crate::tui::state::{RowItem, TextMatch};
use crate::tui::theme::Theme;

fn library_state() -> State {
    let corpus = Arc::new(crate::store::dossiers::load_library_fixture());
    let mut s = State::new(corpus, Lang::Nl, Keymap::default(), Theme::plain());
    s.resize((60, 20), 20);
    s
}

fn index_of(corpus: &Arc<Corpus>) -> TextMatch {
    Arc::new(crate::store::index::matching::in_ram(Arc::clone(corpus)))
}

/// The tree filtered by `text`, as the loop shows it before the next frame.
fn filter(s: &mut State, text: &str) {
    update(s, Action::Filter);
    update(s, Action::ClearPrompt);
    for c in text.chars() {
        update(s, Action::Type(c));
    }
    settle(s);
}

/// The ids of the rows that matched by themselves.
fn hits(s: &State) -> Vec<String> {
    s.rows
        .iter()
        .filter(|r| r.hit)
        .filter_map(|r| match r.item {
            RowItem::Node(n) => Some(s.corpus.node(n).id.clone()),
            _ => None,
        })
        .collect()
}

fn with_index(mut s: State) -> State {
    let find = index_of(&s.corpus);
    text_match_ready(&mut s, find);
    s
}

#[test]
fn a_word_of_a_documents_text_finds_it_in_the_tree_once_the_index_is_open() {
    let mut s = library_state();
    // Only in the text of the two documents of the library: not found by
    // titles alone.
    filter(&mut s, "bibliotheek");
    assert!(hits(&s).is_empty());
    // The index comes: the filter in force is run again.
    let find = index_of(&s.corpus);
    text_match_ready(&mut s, find);
    assert!(s.rows_stale);
    settle(&mut s);
    let mut found = hits(&s);
    found.sort();
    assert_eq!(found, ["kst-21501-04-287", "kst-32317-978"]);
    // The selection is on the first of them.
    assert!(s.rows[s.tree_selected].hit);
    // A word's start finds it too; so do tags still narrowing it.
    filter(&mut s, "biblio #jbz-raad");
    assert_eq!(hits(&s), ["kst-32317-978"]);
}

#[test]
fn a_topic_of_the_built_in_letter_is_found_by_its_text() {
    let corpus = Arc::new(crate::store::dossiers::load_built_in());
    let mut s = State::new(corpus, Lang::Nl, Keymap::default(), Theme::plain());
    s.resize((60, 20), 20);
    let mut s = with_index(s);
    filter(&mut s, "werkervaring");
    assert_eq!(hits(&s), ["marokko"]);
    // Shown under its document, which matched nothing itself.
    let at = s.rows.iter().position(|r| r.hit).unwrap();
    let RowItem::Node(above) = s.rows[at - 1].item else {
        panic!("no document above the topic")
    };
    assert_eq!(s.corpus.node(above).kind, NodeKind::Letter);
    assert!(!s.rows[at - 1].hit);
}

#[test]
fn a_filter_with_the_index_shows_no_near_misses() {
    let mut s = with_index(library_state());
    for missed in ["bibliotheel", "bibliothek", "liotheek", "qqqzz"] {
        filter(&mut s, missed);
        assert!(
            s.rows.iter().all(|r| matches!(r.item, RowItem::Error(_))),
            "{missed}"
        );
    }
}

#[test]
fn titles_dossiers_and_numbers_filter_as_before_the_index() {
    for q in ["JBZ-Raad", "32317", "@italie", "#migratie"] {
        let mut without = library_state();
        filter(&mut without, q);
        let mut with = with_index(library_state());
        filter(&mut with, q);
        assert!(!hits(&without).is_empty(), "{q}");
        assert_eq!(hits(&with), hits(&without), "{q}");
        assert_eq!(with.rows, without.rows, "{q}");
    }
}

/// The ids of the documents the timeline shows.
fn timeline(s: &State) -> Vec<String> {
    crate::tui::timeline::shown(s)
        .iter()
        .map(|&d| s.corpus.node(d).id.clone())
        .collect()
}

fn filter_timeline(s: &mut State, text: &str) {
    for a in [
        Action::Timeline,
        Action::FilterTimeline,
        Action::ClearPrompt,
    ] {
        update(s, a);
    }
    for c in text.chars() {
        update(s, Action::Type(c));
    }
    settle(s);
}

#[test]
fn a_word_of_a_documents_text_finds_it_in_the_timeline_once_the_index_is_open() {
    let mut s = library_state();
    filter_timeline(&mut s, "bibliotheek");
    assert!(timeline(&s).is_empty());
    let find = index_of(&s.corpus);
    text_match_ready(&mut s, find);
    assert!(s.timeline_stale);
    settle(&mut s);
    // Oldest first, as ever.
    assert_eq!(timeline(&s), ["kst-21501-04-287", "kst-32317-978"]);
    // A topic's text finds the letter it comes from.
    filter_timeline(&mut s, "werkervaring");
    assert_eq!(timeline(&s), ["kst-32317-987"]);
    // Labels still find; near misses do not.
    filter_timeline(&mut s, "32317 agenda");
    assert!(timeline(&s).contains(&"kst-32317-978".to_string()));
    assert!(!timeline(&s).contains(&"kst-21501-04-287".to_string()));
    filter_timeline(&mut s, "bibliothek");
    assert!(timeline(&s).is_empty());
}

#[test]
fn the_timeline_keeps_its_rows_while_the_filter_is_typed() {
    let mut s = with_index(library_state());
    filter_timeline(&mut s, "");
    assert_eq!(timeline(&s).len(), 3);
    for c in "motie".chars() {
        update(&mut s, Action::Type(c));
    }
    // Filtered before the next frame, not at every key.
    assert!(s.timeline_stale);
    assert_eq!(timeline(&s).len(), 3);
    settle(&mut s);
    let motie = crate::tui::timeline::filtered(&s.corpus, "motie", s.text_match.as_ref());
    assert_eq!(crate::tui::timeline::shown(&s), motie);
    assert!(timeline(&s).contains(&"kst-21501-04-287".to_string()));
    assert!(!timeline(&s).contains(&"kst-32317-978".to_string()));
    let Screen::Timeline { at, typing } = s.screen else {
        panic!("the timeline closed")
    };
    // The selection stays inside what is shown.
    assert!(typing && at < motie.len());
}
