//! Notes in document order, grouped by dossier and by node, each group with
//! the source it cites: what the human-readable formats and the CSV share.

use std::collections::HashMap;

use crate::annotation::Annotation;
use crate::model::{Corpus, NodeIdx, NodeKind};
use crate::text::sanitize_line;

/// One note with what the corpus says about its target.
pub struct Entry<'a> {
    pub note: &'a Annotation,
    /// The node in the corpus; `None` when the dossiers no longer have it.
    pub node: Option<NodeIdx>,
    /// The node's title (its id when the node is gone), on one line.
    pub node_title: String,
    pub anchored: bool,
}

/// Where a node's text comes from.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Source {
    /// The letter's date (`2025-12-17`) and reference (`7010422`).
    pub letter: Option<(String, String)>,
    /// For a Kamerstuk or motie: its official citation.
    pub kamerstuk: Option<String>,
}

/// The notes on one node.
pub struct Section<'a> {
    pub node_id: String,
    /// The titles below the dossier down to the node, ` › ` between them;
    /// empty for the dossier itself.
    pub heading: String,
    pub known: bool,
    pub source: Source,
    pub notes: Vec<Entry<'a>>,
}

/// The notes made in one dossier (or letter, or on a reference alone).
pub struct Group<'a> {
    pub dossier_id: String,
    pub title: String,
    pub sections: Vec<Section<'a>>,
}

/// The position of every node when the tree is read from top to bottom:
/// letters and dossiers in their order, then the references.
fn document_order(corpus: &Corpus) -> HashMap<NodeIdx, usize> {
    let mut order = HashMap::new();
    let all = corpus
        .roots
        .iter()
        .flat_map(|&r| corpus.descendants(r))
        .chain(corpus.references.iter().copied());
    for idx in all {
        let next = order.len();
        order.entry(idx).or_insert(next);
    }
    order
}

/// Sorts notes in document order: by dossier, by node, by place in the
/// text (whole-node notes first), by creation. Unknown dossiers and nodes
/// come last, by id.
pub fn sorted<'a>(
    notes: &'a [Annotation],
    corpus: &Corpus,
    anchored: &dyn Fn(&Annotation) -> bool,
) -> Vec<Entry<'a>> {
    let order = document_order(corpus);
    let rank = |id: &str| {
        corpus
            .get(id)
            .and_then(|i| order.get(&i).copied())
            .unwrap_or(usize::MAX)
    };
    let mut keyed: Vec<_> = notes
        .iter()
        .map(|n| {
            let t = &n.target;
            let place = t.quote.as_ref().map_or(0, |q| q.start + 1);
            (
                (
                    rank(&t.dossier),
                    t.dossier.clone(),
                    rank(&t.node),
                    t.node.clone(),
                    place,
                    n.created,
                    n.id.clone(),
                ),
                n,
            )
        })
        .collect();
    keyed.sort_by(|a, b| a.0.cmp(&b.0));
    keyed
        .into_iter()
        .map(|(_, note)| {
            let node = corpus.get(&note.target.node);
            let node_title = node.map_or_else(
                || sanitize_line(&note.target.node),
                |i| sanitize_line(&corpus.node(i).title),
            );
            Entry {
                note,
                node,
                node_title,
                anchored: anchored(note),
            }
        })
        .collect()
}

/// The notes grouped by dossier, then node, in document order.
pub fn group<'a>(
    notes: &'a [Annotation],
    corpus: &Corpus,
    anchored: &dyn Fn(&Annotation) -> bool,
) -> Vec<Group<'a>> {
    let mut groups: Vec<Group<'a>> = Vec::new();
    for entry in sorted(notes, corpus, anchored) {
        let target = &entry.note.target;
        if groups.last().is_none_or(|g| g.dossier_id != target.dossier) {
            let title = corpus.by_id(&target.dossier).map_or_else(
                || sanitize_line(&target.dossier),
                |n| sanitize_line(&n.title),
            );
            groups.push(Group {
                dossier_id: target.dossier.clone(),
                title,
                sections: Vec::new(),
            });
        }
        let Some(group) = groups.last_mut() else {
            continue;
        };
        if group
            .sections
            .last()
            .is_none_or(|s| s.node_id != target.node)
        {
            group
                .sections
                .push(section_for(corpus, &target.dossier, &target.node));
        }
        if let Some(section) = group.sections.last_mut() {
            section.notes.push(entry);
        }
    }
    groups
}

fn section_for<'a>(corpus: &Corpus, dossier: &str, node_id: &str) -> Section<'a> {
    let Some(idx) = corpus.get(node_id) else {
        return Section {
            node_id: node_id.to_string(),
            heading: sanitize_line(node_id),
            known: false,
            source: Source::default(),
            notes: Vec::new(),
        };
    };
    let node = corpus.node(idx);
    // The dossier itself, or a reference noted on its own: no heading of
    // its own below the group's.
    let heading = if node.kind.is_root() || node_id == dossier {
        String::new()
    } else if node.kind == NodeKind::Reference {
        sanitize_line(&node.title)
    } else {
        let titles: Vec<String> = corpus
            .path(idx)
            .into_iter()
            .filter(|&i| !corpus.node(i).kind.is_root())
            .map(|i| sanitize_line(&corpus.node(i).title))
            .collect();
        titles.join(" › ")
    };
    Section {
        node_id: node_id.to_string(),
        heading,
        known: true,
        source: source_of(corpus, dossier, idx),
        notes: Vec::new(),
    }
}

/// The letter a node comes from and, for a reference, its citation. A
/// reference belongs to no letter itself: the letter of the dossier the note
/// was made in cites it.
pub fn source_of(corpus: &Corpus, dossier: &str, idx: NodeIdx) -> Source {
    let node = corpus.node(idx);
    let kamerstuk = node.reference.as_ref().map(|r| r.citation());
    let letter_idx = corpus
        .letter_of(idx)
        .or_else(|| corpus.get(dossier).and_then(|d| corpus.letter_of(d)));
    let letter = letter_idx
        .and_then(|l| corpus.node(l).letter.as_ref())
        .map(|m| {
            let reference = m.reference.clone().or_else(|| m.citation());
            (m.date_text().to_string(), reference.unwrap_or_default())
        });
    Source { letter, kamerstuk }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::export::tests::{corpus, note};

    #[test]
    fn notes_follow_the_document_and_unknown_ones_come_last() {
        let c = corpus();
        let notes = vec![
            note("a", "b", "gone/node"),
            note("b", "b", "b/s2"),
            note("c", "b", "b"),
            note("d", "b", "b/s1"),
            note("e", "zzz", "zzz"),
            note("f", "b", "ref-1"),
        ];
        let ids: Vec<&str> = sorted(&notes, &c, &|_| true)
            .iter()
            .map(|e| e.note.id.as_str())
            .collect();
        assert_eq!(ids, ["c", "d", "b", "f", "a", "e"]);
        let groups = group(&notes, &c, &|_| true);
        assert_eq!(groups.len(), 2);
        assert_eq!(groups[0].sections.len(), 5);
        assert_eq!(groups[0].sections[1].heading, "Eerste deel");
    }

    #[test]
    fn references_cite_the_kamerstuk_and_the_letter_of_the_dossier() {
        let c = corpus();
        let s = source_of(&c, "b", c.get("ref-1").unwrap());
        assert_eq!(
            s.kamerstuk.as_deref(),
            Some("Kamerstukken II 2025/26, 32317, nr. 978")
        );
        assert_eq!(
            s.letter,
            Some(("2025-12-17".to_string(), "7010422".to_string()))
        );
        let s = source_of(&c, "b", c.get("b/s1").unwrap());
        assert_eq!(s.kamerstuk, None);
        assert!(s.letter.is_some());
    }
}
