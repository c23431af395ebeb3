//! What one node shows, built once for every face: its place, what it is,
//! its official citation and address, tags, countries (each once), its
//! text with links and footnote markers told apart, its parts, what it
//! opens, what cites it (each citing node once) and where its subject comes
//! up again. The reader draws a [`Page`] and `dossier show` prints it, so
//! the two show the same things; only the words and the layout are theirs.

use crate::model::{Backlink, Document, LetterMeta, ReferenceMeta};
use crate::{BodyError, Corpus, Node, NodeIdx, NodeKind};

/// A link in the node's text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PageLink<'c> {
    /// The paragraph it stands in.
    pub paragraph: usize,
    pub label: &'c str,
    /// The id it names, and the node of that id when the library has it.
    pub target_id: &'c str,
    pub target: Option<NodeIdx>,
    /// A footnote marker rather than a link in the running text.
    pub footnote: bool,
}

/// Why a node has no text to show, when it has none.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NoText {
    /// An annex the document does not include.
    Annex,
    /// A footnote whose text the document does not give.
    Footnote,
}

/// One node as every face shows it.
#[derive(Debug)]
pub struct Page<'c> {
    pub node: NodeIdx,
    pub n: &'c Node,
    /// From the root down to the node itself.
    pub path: Vec<NodeIdx>,
    /// What it is: a document its type (`brief`, `motie`), other nodes
    /// their kind.
    pub kind_label: &'c str,
    /// The document the node is, or is part of.
    pub letter: Option<(NodeIdx, &'c LetterMeta)>,
    /// The node's own document details, when it is a document.
    pub document: Option<&'c LetterMeta>,
    /// What a reference cites.
    pub reference: Option<&'c ReferenceMeta>,
    /// The official citation: a reference's, or a document's own.
    pub citation: Option<String>,
    /// The official address: the node's own, else a reference's
    /// publication.
    pub address: Option<String>,
    pub description: Option<&'c str>,
    pub tags: Vec<String>,
    /// Each country once, in the order first named (case and accents
    /// aside).
    pub countries: Vec<&'static str>,
    /// The text, or why it cannot be read.
    pub body: Result<&'c Document, BodyError>,
    pub links: Vec<PageLink<'c>>,
    /// Said in place of a text the node does not have.
    pub no_text: Option<NoText>,
    /// Its parts, as the tree shows them: a document first the topics from
    /// it, a dossier also the references it cites.
    pub parts: Vec<NodeIdx>,
    /// For a reference: the document it cites, when the library holds it.
    pub opens: Option<NodeIdx>,
    /// What cites it, each citing node once, with the label of its first
    /// citation.
    pub cited_by: Vec<&'c Backlink>,
    /// For a topic: the same subject in other documents, newest first.
    pub also_in: Vec<NodeIdx>,
}

impl<'c> Page<'c> {
    /// The page of `node`.
    pub fn of(c: &'c Corpus, node: NodeIdx) -> Page<'c> {
        let n = c.node(node);
        let body = c.body(node);
        let links = match &body {
            Ok(doc) => doc
                .links()
                .map(|(paragraph, label, target_id)| {
                    let target = c.get(target_id);
                    PageLink {
                        paragraph,
                        label,
                        target_id,
                        target,
                        footnote: target.is_some_and(|t| c.node(t).kind == NodeKind::Footnote),
                    }
                })
                .collect(),
            Err(_) => Vec::new(),
        };
        let empty = body.as_ref().is_ok_and(|d| d.is_empty());
        let no_text = match n.kind {
            NodeKind::Annex if empty => Some(NoText::Annex),
            NodeKind::Footnote if empty => Some(NoText::Footnote),
            _ => None,
        };
        let reference = n.reference.as_deref();
        let document = n.letter.as_deref();
        let citation = reference
            .map(|r| r.citation())
            .or_else(|| document.and_then(LetterMeta::citation));
        let address = n
            .url
            .as_deref()
            .map(str::to_string)
            .or_else(|| reference.map(|r| r.kamerstuk().url()));
        let mut seen = Vec::new();
        let cited_by = c.backlinks[node]
            .iter()
            .filter(|b| {
                let first = !seen.contains(&b.from);
                seen.push(b.from);
                first
            })
            .collect();
        Page {
            node,
            n,
            path: c.path(node),
            kind_label: document.map_or(n.kind.as_str(), |m| m.doc_type.as_str()),
            letter: c
                .letter_of(node)
                .and_then(|l| c.node(l).letter.as_deref().map(|m| (l, m))),
            document,
            reference,
            citation,
            address,
            description: n.description.as_deref(),
            tags: c.tags_of(node),
            countries: once_each(&n.countries),
            body,
            links,
            no_text,
            parts: crate::tree::children(c, node).collect(),
            opens: c.opens(node),
            cited_by,
            also_in: c.also_in(node),
        }
    }

    /// The document the node is part of, when it is not one itself.
    pub fn source(&self) -> Option<(NodeIdx, &'c LetterMeta)> {
        self.letter.filter(|&(l, _)| l != self.node)
    }

    /// Whether the link to `target` from the text is a footnote marker.
    pub fn is_footnote(&self, target_id: &str) -> bool {
        self.links
            .iter()
            .any(|l| l.footnote && l.target_id == target_id)
    }
}

/// Each name once, in first-seen order, case and accents aside.
pub fn once_each(names: &[&'static str]) -> Vec<&'static str> {
    let mut seen = std::collections::HashSet::new();
    names
        .iter()
        .filter(|n| seen.insert(crate::text::fold(n)))
        .copied()
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_and_citing_nodes_come_once() {
        assert_eq!(
            once_each(&["Italië", "Marokko", "italie"]),
            ["Italië", "Marokko"]
        );
        let c = crate::testing::bundled();
        for node in 0..c.nodes.len() {
            let p = Page::of(&c, node);
            let mut from: Vec<NodeIdx> = p.cited_by.iter().map(|b| b.from).collect();
            from.dedup();
            assert_eq!(from.len(), p.cited_by.len(), "{}", p.n.id);
            let folded: std::collections::HashSet<String> =
                p.countries.iter().map(|n| crate::text::fold(n)).collect();
            assert_eq!(folded.len(), p.countries.len(), "{}", p.n.id);
        }
    }

    #[test]
    fn a_reference_has_its_official_citation_and_address() {
        let c = crate::testing::bundled();
        let r = Page::of(&c, c.get("kamerstuk-32317-973").unwrap());
        assert!(
            r.citation
                .as_deref()
                .is_some_and(|t| t.contains("32317, nr. 973")),
            "{:?}",
            r.citation
        );
        assert_eq!(
            r.address.as_deref(),
            Some("https://zoek.officielebekendmakingen.nl/kst-32317-973.html")
        );
        assert!(!r.cited_by.is_empty());
    }

    #[test]
    fn footnote_markers_and_text_that_is_missing_are_told_apart() {
        let c = crate::testing::bundled();
        let ebsp = Page::of(&c, c.get("ebsp").unwrap());
        assert!(ebsp.is_footnote("ebsp/fn-2"));
        let fn2 = Page::of(&c, c.get("ebsp/fn-2").unwrap());
        assert!(fn2.links.iter().any(|l| !l.footnote), "{:?}", fn2.links);
        let annex = Page::of(&c, c.get("raad-van-europa/bijlage-1").unwrap());
        assert_eq!(annex.no_text, Some(NoText::Annex));
        assert!(annex.source().is_some());
        assert!(!annex.cited_by.is_empty());
    }
}
