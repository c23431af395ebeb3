//! The timeline's filter: the documents of the library by date, narrowed
//! as the tree is, by words of their Kamerstuk dossier, kind, date,
//! submitter and title (`32317`, `motie`, `ram`, `2025`), and by the
//! words of their text the library's index finds. Over a large library
//! it runs on the filters' thread ([`super::filter_worker`]); the rows
//! shown stay until the new ones come.

use dossier_core::messages::messages;
use dossier_core::{Corpus, NodeIdx};

use super::state::{Screen, State, TextMatch};

/// The documents the timeline shows, oldest first.
pub fn shown(s: &State) -> &[NodeIdx] {
    &s.timeline
}

/// The documents of `c` whose words hold every word of `filter`, case and
/// accents aside, or whose text (or a topic's) `text_match` finds.
pub fn filtered(c: &Corpus, filter: &str, text_match: Option<&TextMatch>) -> Vec<NodeIdx> {
    if dossier_core::text::fold(filter).trim().is_empty() {
        return c.documents_by_date();
    }
    filtered_in(c, &Labels::of(c), filter, text_match)
}

/// The documents of a corpus by date, each with its label's words
/// folded: made once for the filters' thread, which then matches each
/// filter without making them again (at 100,000 documents 0.2 s for
/// the labels, a few milliseconds for a filter).
pub struct Labels {
    docs: Vec<(NodeIdx, String)>,
}

impl Labels {
    pub fn of(c: &Corpus) -> Labels {
        let docs = c
            .documents_by_date()
            .into_iter()
            .map(|d| (d, dossier_core::text::fold(&haystack(c, d))))
            .collect();
        Labels { docs }
    }
}

/// [`filtered`], the labels made already.
pub fn filtered_in(
    c: &Corpus,
    labels: &Labels,
    filter: &str,
    text_match: Option<&TextMatch>,
) -> Vec<NodeIdx> {
    let folded = dossier_core::text::fold(filter);
    let words: Vec<&str> = folded.split_whitespace().collect();
    if words.is_empty() {
        return labels.docs.iter().map(|(d, _)| *d).collect();
    }
    // A topic found stands for the document it comes from.
    let mut found: Vec<NodeIdx> = text_match
        .map(|find| find(filter))
        .unwrap_or_default()
        .into_iter()
        .filter_map(|r| c.letter_of(r))
        .collect();
    found.sort_unstable();
    labels
        .docs
        .iter()
        .filter(|(d, hay)| found.binary_search(d).is_ok() || words.iter().all(|w| hay.contains(w)))
        .map(|(d, _)| *d)
        .collect()
}

/// The timeline for a filter, made off the interface's thread.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Filtered {
    pub text: String,
    pub docs: Vec<NodeIdx>,
}

/// Shows the documents found for the filter the timeline has now (a
/// later key makes them stale); returns whether they were shown.
pub fn show_filtered(s: &mut State, f: Filtered) -> bool {
    if f.text != s.timeline_filter || s.timeline_stale {
        return false;
    }
    show(s, f.docs);
    true
}

/// Brings the timeline up to date with its filter, here and now.
pub fn settle(s: &mut State) {
    if !s.timeline_stale {
        return;
    }
    s.timeline_stale = false;
    let docs = filtered(&s.corpus, &s.timeline_filter, s.text_match.as_ref());
    show(s, docs);
}

/// The documents shown, with the selection inside them.
fn show(s: &mut State, docs: Vec<NodeIdx>) {
    s.timeline = docs;
    if let Screen::Timeline { at, .. } = &mut s.screen {
        *at = (*at).min(s.timeline.len().saturating_sub(1));
    }
}

fn haystack(c: &Corpus, d: NodeIdx) -> String {
    let n = c.node(d);
    let mut out = n.title.clone();
    if let Some(m) = n.letter.as_deref() {
        // The kind in each language, so either finds it.
        for lang in dossier_core::lang::Lang::ALL {
            out.push(' ');
            out.push_str(messages(lang).shared.doc_kind(m.kind()));
            out.push(' ');
            out.push_str(&m.numeric_date(lang));
        }
        for part in [
            &m.doc_type,
            m.date.as_deref().unwrap_or(""),
            m.dossier_title.as_deref().unwrap_or(""),
        ] {
            out.push(' ');
            out.push_str(part);
        }
        if let Some(k) = &m.kamerstuk {
            out.push_str(&format!(
                " {} {}-{} nr. {}",
                k.dossier, k.dossier, k.number, k.number
            ));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_timeline_narrows_by_dossier_kind_and_words() {
        let c = crate::store::dossiers::load_library_fixture();
        let ids = |f: &str| -> Vec<String> {
            filtered(&c, f, None)
                .into_iter()
                .map(|d| c.node(d).id.clone())
                .collect()
        };
        assert_eq!(ids("").len(), 3);
        assert_eq!(ids("motie"), ["kst-21501-04-287"]);
        assert_eq!(ids("21501-04"), ["kst-21501-04-287"]);
        assert_eq!(ids("32317 agenda"), ["kst-32317-978"]);
        assert_eq!(ids("32317").len(), 2);
        assert_eq!(ids("RAM"), ["kst-21501-04-287"]);
        assert!(ids("qqq").is_empty());
    }

    #[test]
    fn labels_made_once_filter_as_labels_made_for_each_filter() {
        let c = crate::store::dossiers::load_library_fixture();
        let labels = Labels::of(&c);
        for f in [
            "",
            " ",
            "motie",
            "21501-04",
            "32317 agenda",
            "RAM",
            "Motion",
            "qqq",
        ] {
            assert_eq!(
                filtered_in(&c, &labels, f, None),
                filtered(&c, f, None),
                "{f}"
            );
        }
        assert_eq!(filtered_in(&c, &labels, "", None).len(), 3);
    }
}
