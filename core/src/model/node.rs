//! The node: one dossier, section, footnote, annex or reference in the
//! corpus arena, and its kind.

use super::{Body, BodyError, Document, LetterMeta, NodeIdx, ReferenceMeta};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum NodeKind {
    /// The letter the dossiers come from: browsable like a dossier.
    Letter,
    /// One topic of the letter.
    Dossier,
    Section,
    Footnote,
    Annex,
    /// A Kamerstuk or motie cited by the text; shared by all dossiers.
    Reference,
}

impl NodeKind {
    pub fn as_str(self) -> &'static str {
        match self {
            NodeKind::Letter => "letter",
            NodeKind::Dossier => "dossier",
            NodeKind::Section => "section",
            NodeKind::Footnote => "footnote",
            NodeKind::Annex => "annex",
            NodeKind::Reference => "reference",
        }
    }

    /// Letters and dossiers are the roots of the tree.
    pub fn is_root(self) -> bool {
        matches!(self, NodeKind::Letter | NodeKind::Dossier)
    }
}

/// `B` is the body: a [`Body`] everywhere but in a loader that reads
/// something else in its place (the links alone, say).
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Node<B = Body> {
    /// Stable slug: `ebsp`, `ebsp/uitkomst-onderhandelingen`, `ebsp/fn-2`,
    /// `kamerstuk-32317-973`.
    pub id: String,
    pub kind: NodeKind,
    pub title: String,
    /// The root (letter or dossier) this node belongs to; `None` for
    /// references, which belong to every dossier that cites them.
    pub root: Option<NodeIdx>,
    pub parent: Option<NodeIdx>,
    /// Sections, then annexes, then footnotes, in the file's order.
    pub children: Vec<NodeIdx>,
    pub body: B,
    /// Theme tags; set on dossiers, inherited by their nodes for filtering.
    pub tags: Vec<String>,
    /// Countries named in the title or text, found with [`crate::countries`]
    /// (its names as shown).
    #[serde(deserialize_with = "crate::countries::deserialize_names")]
    pub countries: Vec<&'static str>,
    pub url: Option<Box<str>>,
    /// A footnote's number.
    pub number: Option<u32>,
    /// A short label, such as `Bijlage 1`.
    pub label: Option<Box<str>>,
    /// For topics: the letter they come from.
    pub source: Option<NodeIdx>,
    pub letter: Option<Box<LetterMeta>>,
    pub reference: Option<Box<ReferenceMeta>>,
    /// A reference's description, in the letter's words.
    pub description: Option<Box<str>>,
    /// The file the node was defined in, relative to the dossier folder:
    /// shared by the nodes of one file.
    pub file: std::sync::Arc<str>,
    /// Ids this node was known by before (`kamerbrief-7010422`): links,
    /// notes and the command line still find it by them.
    #[serde(default)]
    pub aliases: Vec<Box<str>>,
}

/// Lets the nodes of one file share its name: they follow each other, and
/// loading or decoding gives each its own copy.
pub fn share_file_names(nodes: &mut [Node]) {
    for i in 1..nodes.len() {
        let (before, rest) = nodes.split_at_mut(i);
        if before[i - 1].file == rest[0].file {
            rest[0].file = before[i - 1].file.clone();
        }
    }
}

impl Node {
    /// A node with its id, kind, title, file and body, and nothing else
    /// yet: no place in the tree, tags, links or details.
    pub fn new(id: &str, kind: NodeKind, title: String, file: &str, body: Document) -> Node {
        Node {
            id: id.to_string(),
            kind,
            title,
            root: None,
            parent: None,
            children: Vec::new(),
            body: body.into(),
            tags: Vec::new(),
            countries: Vec::new(),
            url: None,
            number: None,
            label: None,
            source: None,
            letter: None,
            reference: None,
            description: None,
            file: file.into(),
            aliases: Vec::new(),
        }
    }
}

impl Node {
    /// The node's text: its body, read now if it was not yet, or which node
    /// could not be read and why.
    pub fn document(&self) -> Result<&Document, BodyError> {
        self.body.get().map_err(|reason| BodyError {
            node: self.id.clone(),
            reason: reason.to_string(),
        })
    }

    /// The links of the node's text; none when it cannot be read (the
    /// failure is shown where the text is asked for).
    pub fn links_or_none(&self) -> impl Iterator<Item = (usize, &str, &str)> {
        self.body.get().ok().into_iter().flat_map(Document::links)
    }
}

impl<B> Node<B> {
    /// A document's kind (motie, brief, …): for a letter or an imported
    /// document, the one its metadata gives; none for other nodes.
    pub fn doc_kind(&self) -> Option<crate::doc_kind::DocKind> {
        match (self.kind, &self.letter) {
            (NodeKind::Letter, Some(m)) => Some(m.kind()),
            (NodeKind::Letter, None) => Some(crate::doc_kind::DocKind::Brief),
            _ => None,
        }
    }

    /// A copy of the node's other fields with another body.
    pub fn clone_with_body<C>(&self, body: C) -> Node<C> {
        Node {
            id: self.id.clone(),
            kind: self.kind,
            title: self.title.clone(),
            root: self.root,
            parent: self.parent,
            children: self.children.clone(),
            body,
            tags: self.tags.clone(),
            countries: self.countries.clone(),
            url: self.url.clone(),
            number: self.number,
            label: self.label.clone(),
            source: self.source,
            letter: self.letter.clone(),
            reference: self.reference.clone(),
            description: self.description.clone(),
            file: self.file.clone(),
            aliases: self.aliases.clone(),
        }
    }

    /// The same node with another body.
    pub fn with_body<C>(self, body: C) -> Node<C> {
        Node {
            id: self.id,
            kind: self.kind,
            title: self.title,
            root: self.root,
            parent: self.parent,
            children: self.children,
            body,
            tags: self.tags,
            countries: self.countries,
            url: self.url,
            number: self.number,
            label: self.label,
            source: self.source,
            letter: self.letter,
            reference: self.reference,
            description: self.description,
            file: self.file,
            aliases: self.aliases,
        }
    }
}
