//! Notes in document order, grouped by dossier and by node, each group with
//! the source it cites: what the human-readable formats and the CSV share.

use std::collections::HashMap;

use crate::annotation::Annotation;
use crate::doc_kind::DocKind;
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
    /// The document the note was made in: for a reference whose document
    /// the library holds, that document; for one it does not hold, the
    /// document that cites it.
    pub document: Option<DocSource>,
    /// For a reference the library does not hold: its official citation.
    pub kamerstuk: Option<String>,
}

/// A document as an export names it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DocSource {
    pub id: String,
    pub kind: DocKind,
    /// `Kamerstukken II 2025/26, 32317, nr. 987`, for a Kamerstuk.
    pub citation: Option<String>,
    /// `2025-12-17`.
    pub date: String,
    /// The ministry's own reference, `7010422`, where it has one.
    pub reference: Option<String>,
    /// The official address.
    pub url: Option<String>,
}

impl DocSource {
    /// The document of node `doc`, where it is one.
    pub fn of(corpus: &Corpus, doc: NodeIdx) -> Option<DocSource> {
        let node = corpus.node(doc);
        let m = node.letter.as_deref()?;
        Some(DocSource {
            id: sanitize_line(&node.id),
            kind: m.kind(),
            citation: m.citation(),
            date: m.date.as_deref().map(sanitize_line).unwrap_or_default(),
            reference: m
                .reference
                .as_deref()
                .map(sanitize_line)
                .filter(|r| !r.trim().is_empty()),
            url: m
                .url
                .clone()
                .or_else(|| m.kamerstuk.as_ref().map(|k| k.url()))
                .map(|u| sanitize_line(&u)),
        })
    }

    /// The official citation, else the ministry's reference, else the id:
    /// what a cell naming the document holds.
    pub fn cited(&self) -> String {
        self.citation
            .clone()
            .or_else(|| self.reference.clone())
            .unwrap_or_else(|| self.id.clone())
    }
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

/// The document a node comes from and, for a reference, its citation. A
/// reference whose document the library holds comes from that document;
/// one it does not hold belongs to no document itself: the document of
/// the dossier the note was made in cites it.
pub fn source_of(corpus: &Corpus, dossier: &str, idx: NodeIdx) -> Source {
    let node = corpus.node(idx);
    if let Some(r) = &node.reference
        && let Some(doc) = corpus.document(&r.kamerstuk())
    {
        return Source {
            document: DocSource::of(corpus, doc),
            kamerstuk: None,
        };
    }
    let kamerstuk = node.reference.as_ref().map(|r| r.citation());
    let doc = corpus
        .letter_of(idx)
        .or_else(|| corpus.get(dossier).and_then(|d| corpus.letter_of(d)));
    Source {
        document: doc.and_then(|d| DocSource::of(corpus, d)),
        kamerstuk,
    }
}

impl Source {
    /// As the data formats (JSON, W3C) write it: the document's id,
    /// kind, official citation, date, ministry reference and address, and
    /// for a cited Kamerstuk the library does not hold its citation.
    pub fn to_json(&self) -> serde_json::Value {
        let mut v = serde_json::Map::new();
        if let Some(d) = &self.document {
            v.insert("document".into(), d.id.clone().into());
            v.insert("type".into(), d.kind.key().into());
            if let Some(c) = &d.citation {
                v.insert("citation".into(), c.clone().into());
            }
            if !d.date.is_empty() {
                v.insert("date".into(), d.date.clone().into());
            }
            if let Some(r) = &d.reference {
                v.insert("reference".into(), r.clone().into());
            }
            if let Some(u) = &d.url {
                v.insert("url".into(), u.clone().into());
            }
        }
        if let Some(k) = &self.kamerstuk {
            v.insert("cites".into(), k.clone().into());
        }
        serde_json::Value::Object(v)
    }
}

/// Every note's source, by the note's target: what the data formats write
/// beside each note.
pub fn note_source(corpus: &Corpus, note: &Annotation) -> Source {
    match corpus.get(&note.target.node) {
        Some(idx) => source_of(corpus, &note.target.dossier, idx),
        None => Source {
            document: corpus
                .get(&note.target.dossier)
                .and_then(|d| corpus.letter_of(d))
                .and_then(|d| DocSource::of(corpus, d)),
            kamerstuk: None,
        },
    }
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
        let doc = s.document.unwrap();
        assert_eq!(
            (doc.date.as_str(), doc.reference.as_deref()),
            ("2025-12-17", Some("7010422"))
        );
        assert_eq!(doc.kind, DocKind::Brief);
        let s = source_of(&c, "b", c.get("b/s1").unwrap());
        assert_eq!(s.kamerstuk, None);
        assert!(s.document.is_some());
    }
}
