//! The timeline's filter: the documents of the library by date, narrowed
//! as the tree is, by words of their Kamerstuk dossier, kind, date,
//! submitter and title (`32317`, `motie`, `ram`, `2025`).

use dossier_core::messages::messages;
use dossier_core::{Corpus, NodeIdx};

use super::state::State;

/// The documents the timeline shows, oldest first.
pub fn shown(s: &State) -> Vec<NodeIdx> {
    filtered(&s.corpus, &s.timeline_filter)
}

/// The documents of `c` whose words hold every word of `filter`, case and
/// accents aside.
pub fn filtered(c: &Corpus, filter: &str) -> Vec<NodeIdx> {
    let words: Vec<String> = dossier_core::text::fold(filter)
        .split_whitespace()
        .map(str::to_string)
        .collect();
    let docs = c.documents_by_date();
    if words.is_empty() {
        return docs;
    }
    docs.into_iter()
        .filter(|&d| {
            let hay = dossier_core::text::fold(&haystack(c, d));
            words.iter().all(|w| hay.contains(w.as_str()))
        })
        .collect()
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
            filtered(&c, f)
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
