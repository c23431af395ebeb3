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
    let words: Vec<String> = dossier_core::text::fold(filter)
        .split_whitespace()
        .map(str::to_string)
        .collect();
    let docs = c.documents_by_date();
    if words.is_empty() {
        return docs;
    }
    // A topic found stands for the document it comes from.
    let mut found: Vec<NodeIdx> = text_match
        .map(|find| find(filter))
        .unwrap_or_default()
        .into_iter()
        .filter_map(|r| c.letter_of(r))
        .collect();
    found.sort_unstable();
    docs.into_iter()
        .filter(|&d| {
            found.binary_search(&d).is_ok() || {
                let hay = dossier_core::text::fold(&haystack(c, d));
                words.iter().all(|w| hay.contains(w.as_str()))
            }
        })
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
}
