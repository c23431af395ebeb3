//! The loaded corpus: every dossier, section, footnote, annex and reference
//! as a node in one arena, addressed by stable slug ids, with the links
//! between them and the backlinks computed across dossiers.

use crate::error::LoadError;
pub use crate::identity::{Chamber, Kamerstuk};

/// Index of a node in [`Corpus::nodes`].
pub type NodeIdx = usize;

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

/// Text as paragraphs of plain text and links.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Document {
    pub paragraphs: Vec<Paragraph>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Paragraph {
    /// A boxed slice: a paragraph's spans are fixed once loaded.
    pub spans: Box<[Span]>,
}

/// Boxed strings rather than `String`s: a span is never edited, and at a
/// million spans the capacity words add up (a span is 32 bytes, not 48).
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum Span {
    Text(Box<str>),
    /// A link shows its label in the text; a footnote marker's label is its
    /// number.
    Link {
        label: Box<str>,
        target: Box<str>,
    },
}

impl Span {
    pub fn text(&self) -> &str {
        match self {
            Span::Text(t) => t,
            Span::Link { label, .. } => label,
        }
    }
}

impl Paragraph {
    /// The paragraph as the reader sees it, link labels included.
    pub fn plain(&self) -> String {
        self.spans.iter().map(Span::text).collect()
    }
}

/// Paragraphs are joined by this in [`Document::plain`]; annotation offsets
/// count characters in that string.
pub const PARAGRAPH_SEPARATOR: &str = "\n\n";

impl Document {
    pub fn plain(&self) -> String {
        let parts: Vec<String> = self.paragraphs.iter().map(Paragraph::plain).collect();
        parts.join(PARAGRAPH_SEPARATOR)
    }

    pub fn is_empty(&self) -> bool {
        self.paragraphs.is_empty()
    }

    /// Every link target, in reading order.
    pub fn links(&self) -> impl Iterator<Item = (usize, &str, &str)> {
        self.paragraphs.iter().enumerate().flat_map(|(i, p)| {
            p.spans.iter().filter_map(move |s| match s {
                Span::Link { label, target } => Some((i, &**label, &**target)),
                Span::Text(_) => None,
            })
        })
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
    fn links_or_none(&self) -> impl Iterator<Item = (usize, &str, &str)> {
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

/// A document's links as [`Document::links`] gives them: paragraph, label,
/// target.
pub type Links = Vec<(usize, Box<str>, Box<str>)>;

/// A document's links alone, read from a serialised [`Document`] without
/// keeping its text.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct LinksOnly(pub Links);

impl<'de> serde::Deserialize<'de> for LinksOnly {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<LinksOnly, D::Error> {
        use serde::de::IgnoredAny;
        #[derive(serde::Deserialize)]
        struct Doc {
            paragraphs: Vec<Para>,
        }
        #[derive(serde::Deserialize)]
        struct Para {
            spans: Vec<SpanLink>,
        }
        #[derive(serde::Deserialize)]
        enum SpanLink {
            Text(IgnoredAny),
            Link { label: Box<str>, target: Box<str> },
        }
        let doc = Doc::deserialize(d)?;
        let mut links = Vec::new();
        for (i, p) in doc.paragraphs.into_iter().enumerate() {
            for s in p.spans {
                if let SpanLink::Link { label, target } = s {
                    links.push((i, label, target));
                }
            }
        }
        Ok(LinksOnly(links))
    }
}

/// A node's body: its document, held, or read from where the corpus was
/// loaded when first asked for (see [`BodySource`]). A held body is no
/// larger than its document: a corpus loaded whole pays nothing for the
/// other kind.
///
/// Reading a body can fail (a cache file changed or cut short since it was
/// loaded), so a body is not a [`Document`]: it is asked for one with
/// [`Body::get`], or through [`Corpus::body`] and [`Node::document`], which
/// say which node could not be read. What cannot be read is an error for
/// the caller to show as such, never text put in the document.
#[derive(Clone)]
pub enum Body {
    Held(Document),
    Lazy(Box<LazyBody>),
}

/// A body read when first asked for. Its outcome, document or failure, is
/// kept: a body that could not be read is not tried again on every frame.
#[derive(Clone)]
pub struct LazyBody {
    doc: std::sync::OnceLock<Result<Document, String>>,
    source: std::sync::Arc<dyn BodySource>,
    at: u64,
}

/// Where the bodies of a corpus loaded without them are read from: a cache
/// file, say. `at` is what the loader gave [`Body::lazy`]; the error says
/// where the source looked and what went wrong.
pub trait BodySource: Send + Sync {
    fn body(&self, at: u64) -> Result<Document, String>;
}

/// A node whose text could not be read: which node, and why, in the
/// words of its [`BodySource`].
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub struct BodyError {
    pub node: String,
    pub reason: String,
}

impl std::fmt::Display for BodyError {
    /// Ids and reasons quote files, so they are cleaned where shown.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        use crate::text::sanitize_line;
        write!(
            f,
            "{}: the text cannot be read: {}",
            sanitize_line(&self.node),
            sanitize_line(&self.reason)
        )
    }
}

impl Default for Body {
    fn default() -> Body {
        Body::Held(Document::default())
    }
}

impl Body {
    /// A body read from `source` when first asked for.
    pub fn lazy(source: std::sync::Arc<dyn BodySource>, at: u64) -> Body {
        Body::Lazy(Box::new(LazyBody {
            doc: std::sync::OnceLock::new(),
            source,
            at,
        }))
    }

    /// The document, read now if it was not yet; else why it cannot be
    /// read (the same reason on every later call).
    pub fn get(&self) -> Result<&Document, &str> {
        match self {
            Body::Held(d) => Ok(d),
            Body::Lazy(l) => l
                .doc
                .get_or_init(|| l.source.body(l.at))
                .as_ref()
                .map_err(String::as_str),
        }
    }

    /// The document, for a loader that changes it before the corpus is
    /// built: only a held body has one to change.
    pub fn held_mut(&mut self) -> Option<&mut Document> {
        match self {
            Body::Held(d) => Some(d),
            Body::Lazy(_) => None,
        }
    }

    /// The document, read now if it was not yet; else why it cannot be
    /// read.
    pub fn into_document(self) -> Result<Document, String> {
        match self {
            Body::Held(d) => Ok(d),
            Body::Lazy(l) => {
                let LazyBody { doc, source, at } = *l;
                doc.into_inner().unwrap_or_else(|| source.body(at))
            }
        }
    }
}

impl From<Document> for Body {
    fn from(d: Document) -> Body {
        Body::Held(d)
    }
}

/// Two bodies are equal when they read as the same document, or fail for
/// the same reason.
impl PartialEq for Body {
    fn eq(&self, other: &Body) -> bool {
        self.get() == other.get()
    }
}

impl Eq for Body {}

impl std::fmt::Debug for Body {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Body::Held(d) => d.fmt(f),
            Body::Lazy(l) => match l.doc.get() {
                Some(Ok(d)) => d.fmt(f),
                Some(Err(e)) => write!(f, "Body(unreadable: {e})"),
                None => f.write_str("Body(not read yet)"),
            },
        }
    }
}

/// A body that cannot be read is an error here too: it is not written as
/// an empty document.
impl serde::Serialize for Body {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        self.get()
            .map_err(<S::Error as serde::ser::Error>::custom)?
            .serialize(s)
    }
}

impl<'de> serde::Deserialize<'de> for Body {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Body, D::Error> {
        Document::deserialize(d).map(Body::from)
    }
}

/// A document's identity and what it says about where it comes from. The
/// bundled letter and every imported letter, motie, agenda or report has
/// one.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct LetterMeta {
    /// ISO date, `2025-12-17`; `None` for a Kamerstuk that gives no date
    /// (it has its vergaderjaar: see [`LetterMeta::sort_key`]).
    pub date: Option<String>,
    /// The ministry's own reference ("Onze referentie"), where it has one.
    #[serde(default)]
    pub reference: Option<String>,
    /// `brief`, `motie`, `agenda`, `verslag`, …
    #[serde(default = "default_doc_type")]
    pub doc_type: String,
    #[serde(default)]
    pub chamber: Chamber,
    /// Its Kamerstuk, where it is one.
    #[serde(default)]
    pub kamerstuk: Option<Kamerstuk>,
    /// The vergaderjaar, `2025-2026`.
    #[serde(default)]
    pub year: Option<String>,
    /// The Kamerstuk dossier's title, `JBZ-Raad`.
    #[serde(default)]
    pub dossier_title: Option<String>,
    /// A rijkswet's number, `R2188`, where the dossier is one's.
    #[serde(default)]
    pub rijkswet: Option<String>,
    /// What it is about, word for word from its own text, where the
    /// metadata gave no title with a subject.
    #[serde(default)]
    pub subject: Option<String>,
    /// Who submitted it (a motie's members), as the document spells them.
    #[serde(default)]
    pub submitters: Vec<String>,
    /// The official address: as given, else derived from the Kamerstuk.
    #[serde(default)]
    pub url: Option<String>,
    pub sender: Vec<String>,
    pub return_address: Option<String>,
    pub signatories: Vec<Signatory>,
}

/// What is shown for a document that gives no date.
pub const UNKNOWN_DATE: &str = "datum onbekend";

fn default_doc_type() -> String {
    "brief".into()
}

impl LetterMeta {
    /// The document's kind in the one vocabulary every face uses.
    pub fn kind(&self) -> crate::doc_kind::DocKind {
        crate::doc_kind::DocKind::of(&self.doc_type)
    }

    /// The type as a label starts: `Brief`, `Motie`, `Agenda`.
    pub fn type_label(&self) -> String {
        let mut chars = self.doc_type.chars();
        chars
            .next()
            .map(|c| c.to_uppercase().chain(chars).collect())
            .unwrap_or_default()
    }

    /// The date with the day first, in numbers: `17-12-2025`; `datum
    /// onbekend` when the document gives none.
    pub fn numeric_date(&self) -> String {
        match &self.date {
            Some(d) => {
                let parts: Vec<&str> = d.split('-').rev().collect();
                parts.join("-")
            }
            None => UNKNOWN_DATE.to_string(),
        }
    }

    /// The ISO date, or `datum onbekend`.
    pub fn date_text(&self) -> &str {
        self.date.as_deref().unwrap_or(UNKNOWN_DATE)
    }

    /// Where the document stands among others by date: its date; one
    /// without a date stands with its vergaderjaar, at the turn of the
    /// calendar year within it (`2024-2025` sorts after every day of 2024
    /// and before 2025), those among themselves by dossier and number.
    pub fn sort_key(&self) -> (&str, &str, u64, &str) {
        match &self.date {
            Some(d) => (d.as_str(), "", 0, ""),
            None => {
                let k = self.kamerstuk.as_ref();
                let number = k.map_or("", |k| k.number.as_str());
                (
                    self.year.as_deref().unwrap_or(""),
                    k.map_or("", |k| k.dossier.as_str()),
                    number.parse().unwrap_or(u64::MAX),
                    number,
                )
            }
        }
    }

    /// `Kamerstukken II 2025/26, 32317, nr. 987`, for a Kamerstuk.
    pub fn citation(&self) -> Option<String> {
        let k = self.kamerstuk.as_ref()?;
        Some(k.citation(self.chamber, self.year.as_deref()))
    }
}

#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Signatory {
    pub role: String,
    pub name: String,
}

#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct ReferenceMeta {
    /// `kamerstuk` or `motie`.
    pub kind: String,
    /// The Kamerstuk dossier number, `32317` or `19637/36045`.
    pub dossier_number: String,
    pub number: String,
    #[serde(default)]
    pub chamber: Chamber,
    /// Parliamentary year as the letter gives it, `2025-2026`.
    pub year: Option<String>,
}

impl ReferenceMeta {
    pub fn kamerstuk(&self) -> Kamerstuk {
        Kamerstuk {
            chamber: Some(self.chamber),
            ..Kamerstuk::new(self.dossier_number.clone(), self.number.clone())
        }
    }

    /// The official citation form, `Kamerstukken II 2025/26, 32317, nr. 978`;
    /// without a known year, `Kamerstukken II, 32317, nr. 978`.
    pub fn citation(&self) -> String {
        self.kamerstuk()
            .citation(self.chamber, self.year.as_deref())
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

/// A place that links to a node.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Backlink {
    pub from: NodeIdx,
    pub paragraph: usize,
    pub label: Box<str>,
}

#[derive(Debug, Clone, Default, serde::Serialize, serde::Deserialize)]
pub struct Corpus {
    pub nodes: Vec<Node>,
    /// Letters first, then dossiers, in their `order`.
    pub roots: Vec<NodeIdx>,
    pub references: Vec<NodeIdx>,
    /// `backlinks[i]`: who links to node `i`. Not serialised: [`Corpus::reindex`]
    /// computes them from the nodes.
    #[serde(skip)]
    pub backlinks: Vec<Vec<Backlink>>,
    /// Problems found while loading; the nodes that could be loaded are here.
    #[serde(skip)]
    pub errors: Vec<LoadError>,
    #[serde(skip)]
    by_id: IdTable,
    /// Earlier ids of nodes ([`Node::aliases`]), to their nodes.
    #[serde(skip)]
    aliases: std::collections::HashMap<Box<str>, NodeIdx>,
    /// Documents by their Kamerstuk ([`Kamerstuk::key`]).
    #[serde(skip)]
    documents: std::collections::HashMap<String, NodeIdx>,
    /// The topic dossiers that come from each document, in root order.
    #[serde(skip)]
    topics: std::collections::HashMap<NodeIdx, Vec<NodeIdx>>,
    /// For each root, the references it cites ([`Corpus::references_cited_by`]),
    /// found on first use: the tree asks for them for every dossier on
    /// every keystroke of its filter.
    #[serde(skip)]
    cited: std::sync::OnceLock<Vec<Box<[NodeIdx]>>>,
}

/// Node ids to indices without a second copy of every id: an open
/// addressing table of node indices, probed by a hash of the id and checked
/// against the node's own id. At a few hundred thousand nodes a map keyed
/// by copied ids held tens of megabytes.
#[derive(Debug, Clone, Default)]
struct IdTable {
    /// Node index + 1 per slot, 0 for empty; the length is a power of two
    /// at least twice the number of nodes.
    slots: Vec<u32>,
}

impl IdTable {
    fn build(nodes: &[Node]) -> IdTable {
        let len = (nodes.len() * 2).next_power_of_two().max(8);
        let mut t = IdTable {
            slots: vec![0; len],
        };
        for (i, n) in nodes.iter().enumerate() {
            // Ids are unique once loaded; should two agree, the later one
            // wins, as in a map built in order.
            let Ok(entry) = u32::try_from(i + 1) else {
                break;
            };
            let mut at = t.start(&n.id);
            loop {
                match t.slots[at] {
                    0 => {
                        t.slots[at] = entry;
                        break;
                    }
                    e if nodes[e as usize - 1].id == n.id => {
                        t.slots[at] = entry;
                        break;
                    }
                    _ => at = (at + 1) & (len - 1),
                }
            }
        }
        t
    }

    fn get(&self, nodes: &[Node], id: &str) -> Option<NodeIdx> {
        if self.slots.is_empty() {
            return None;
        }
        let mut at = self.start(id);
        loop {
            match self.slots[at] {
                0 => return None,
                e => {
                    let i = e as usize - 1;
                    if nodes.get(i).is_some_and(|n| n.id == id) {
                        return Some(i);
                    }
                }
            }
            at = (at + 1) & (self.slots.len() - 1);
        }
    }

    /// The first slot to probe for an id: FNV-1a, folded to the table.
    fn start(&self, id: &str) -> usize {
        let mut h: u64 = 0xcbf2_9ce4_8422_2325;
        for &b in id.as_bytes() {
            h = (h ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3);
        }
        (h ^ (h >> 29)) as usize & (self.slots.len() - 1)
    }
}

impl Corpus {
    pub(crate) fn from_parts(
        nodes: Vec<Node>,
        roots: Vec<NodeIdx>,
        references: Vec<NodeIdx>,
        errors: Vec<LoadError>,
    ) -> Corpus {
        let mut corpus = Corpus {
            nodes,
            roots,
            references,
            backlinks: Vec::new(),
            errors,
            by_id: IdTable::default(),
            aliases: Default::default(),
            documents: Default::default(),
            topics: Default::default(),
            cited: std::sync::OnceLock::new(),
        };
        share_file_names(&mut corpus.nodes);
        corpus.reindex();
        corpus
    }

    /// Rebuilds the id lookup and the backlinks from the nodes, as after
    /// deserialising a cached corpus.
    pub fn reindex(&mut self) {
        self.index_ids();
        self.cited = std::sync::OnceLock::new();
        self.backlinks = self.backlinks_from(|i| self.nodes[i].links_or_none());
    }

    /// The id table, the earlier ids and the documents by Kamerstuk.
    fn index_ids(&mut self) {
        self.by_id = IdTable::build(&self.nodes);
        self.aliases = self
            .nodes
            .iter()
            .enumerate()
            .flat_map(|(i, n)| n.aliases.iter().map(move |a| (a.clone(), i)))
            .collect();
        self.documents = self
            .nodes
            .iter()
            .enumerate()
            .filter_map(|(i, n)| {
                let k = n.letter.as_ref()?.kamerstuk.as_ref()?;
                Some((k.key(), i))
            })
            .collect();
        self.topics.clear();
        for &r in &self.roots {
            if let Some(doc) = self.nodes.get(r).and_then(|n| n.source) {
                self.topics.entry(doc).or_default().push(r);
            }
        }
    }

    /// The topic dossiers that come from a document, in their order.
    pub fn topics_from(&self, doc: NodeIdx) -> &[NodeIdx] {
        self.topics.get(&doc).map_or(&[], Vec::as_slice)
    }

    /// [`Corpus::reindex`] for nodes whose bodies are read when first
    /// asked for: from `links[i]`, node `i`'s links as
    /// [`Document::links`] gives them, taken while the bodies were at hand,
    /// so that no body is read. What the references each root cites is
    /// found here too, as it would read every body.
    pub fn reindex_with_links(&mut self, links: &[Links]) {
        self.index_ids();
        let links_of = |i: NodeIdx| {
            links
                .get(i)
                .into_iter()
                .flatten()
                .map(|(p, label, target)| (*p, &**label, &**target))
        };
        self.backlinks = self.backlinks_from(links_of);
        self.cited = std::sync::OnceLock::from(self.cited_from(links_of));
    }

    /// Who links to each node, from each node's links.
    fn backlinks_from<'l, I>(&self, links_of: impl Fn(NodeIdx) -> I) -> Vec<Vec<Backlink>>
    where
        I: Iterator<Item = (usize, &'l str, &'l str)>,
    {
        let mut backlinks = vec![Vec::new(); self.nodes.len()];
        for from in 0..self.nodes.len() {
            for (paragraph, label, target) in links_of(from) {
                if let Some(to) = self.get(target) {
                    backlinks[to].push(Backlink {
                        from,
                        paragraph,
                        label: label.into(),
                    });
                }
            }
        }
        // A document is cited wherever a reference to it is.
        for &r in &self.references {
            if let Some(doc) = self.opens(r)
                && doc != r
            {
                let via = backlinks[r].clone();
                for b in via {
                    if !backlinks[doc].contains(&b) {
                        backlinks[doc].push(b);
                    }
                }
            }
        }
        backlinks
    }

    /// The document of the library that a reference cites, when the
    /// library holds it.
    pub fn opens(&self, reference: NodeIdx) -> Option<NodeIdx> {
        let meta = self.nodes.get(reference)?.reference.as_ref()?;
        self.document(&meta.kamerstuk())
    }

    /// The document of a Kamerstuk, when the library holds it.
    pub fn document(&self, kamerstuk: &Kamerstuk) -> Option<NodeIdx> {
        self.documents.get(&kamerstuk.key()).copied()
    }

    /// Every document (letter, motie, agenda, …) of the library, oldest
    /// first: by date, then by id.
    pub fn documents_by_date(&self) -> Vec<NodeIdx> {
        let mut docs: Vec<NodeIdx> = (0..self.nodes.len())
            .filter(|&i| self.nodes[i].kind == NodeKind::Letter)
            .collect();
        // By date (an undated one by its vergaderjaar), then on one day in
        // number order: `kst-36471-5` before `kst-36471-14`.
        docs.sort_by_cached_key(|&i| {
            let m = self.nodes[i].letter.as_deref();
            (
                m.map(|m| {
                    let (a, b, c, d) = m.sort_key();
                    (a.to_string(), b.to_string(), c, d.to_string())
                }),
                crate::text::natural_key(&self.nodes[i].id),
            )
        });
        docs
    }

    /// The topics a document holds: the dossiers that come from it, in
    /// their order, else the document's own top-level sections.
    pub fn topics_of(&self, doc: NodeIdx) -> Vec<NodeIdx> {
        let from = self.topics_from(doc);
        if !from.is_empty() {
            return from.to_vec();
        }
        self.nodes[doc]
            .children
            .iter()
            .copied()
            .filter(|&c| self.nodes[c].kind == NodeKind::Section)
            .collect()
    }

    /// The other places a topic returns in the library: topics of other
    /// documents on the same subject (the same title, or the same
    /// abbreviation in brackets, as `(EBSP)`), newest document first.
    pub fn also_in(&self, topic: NodeIdx) -> Vec<NodeIdx> {
        let Some(doc) = self.letter_of(topic) else {
            return Vec::new();
        };
        let keys = subject_keys(&self.nodes[topic].title);
        if keys.is_empty() {
            return Vec::new();
        }
        let mut out = Vec::new();
        for d in self.documents_by_date().into_iter().rev() {
            if d == doc {
                continue;
            }
            for t in self.topics_of(d) {
                if subject_keys(&self.nodes[t].title)
                    .iter()
                    .any(|k| keys.contains(k))
                {
                    out.push(t);
                }
            }
        }
        out
    }

    /// For each root, the references cited from anywhere under it, in
    /// order of first citation (empty for other nodes).
    fn cited_from<'l, I>(&self, links_of: impl Fn(NodeIdx) -> I) -> Vec<Box<[NodeIdx]>>
    where
        I: Iterator<Item = (usize, &'l str, &'l str)>,
    {
        let mut cited: Vec<Box<[NodeIdx]>> = vec![Box::default(); self.nodes.len()];
        for &root in &self.roots {
            let mut out = Vec::new();
            for i in self.descendants(root) {
                for (_, _, target) in links_of(i) {
                    if let Some(t) = self.get(target)
                        && self.nodes[t].kind == NodeKind::Reference
                        && !out.contains(&t)
                    {
                        out.push(t);
                    }
                }
            }
            if let Some(slot) = cited.get_mut(root) {
                *slot = out.into();
            }
        }
        cited
    }

    /// The node of an id, or of an id it was known by before.
    pub fn get(&self, id: &str) -> Option<NodeIdx> {
        self.by_id
            .get(&self.nodes, id)
            .or_else(|| self.aliases.get(id).copied())
    }

    pub fn node(&self, idx: NodeIdx) -> &Node {
        &self.nodes[idx]
    }

    /// A node's text, read now if it was not yet (see [`Body`]); an error
    /// naming the node and the reason when it cannot be read.
    pub fn body(&self, idx: NodeIdx) -> Result<&Document, BodyError> {
        self.nodes[idx].document()
    }

    pub fn by_id(&self, id: &str) -> Option<&Node> {
        self.get(id).map(|i| &self.nodes[i])
    }

    /// Depth-first: the node and everything under it, in order.
    pub fn descendants(&self, idx: NodeIdx) -> Vec<NodeIdx> {
        let mut out = Vec::new();
        let mut stack = vec![idx];
        while let Some(i) = stack.pop() {
            out.push(i);
            stack.extend(self.nodes[i].children.iter().rev());
        }
        out
    }

    /// The references cited from anywhere in a root's subtree, in order of
    /// first citation; none for a node that is not a root.
    pub fn references_cited_by(&self, root: NodeIdx) -> &[NodeIdx] {
        let cited = self
            .cited
            .get_or_init(|| self.cited_from(|i| self.nodes[i].links_or_none()));
        cited.get(root).map_or(&[], |c| c)
    }

    /// The root a node is read under: itself for roots, its root otherwise;
    /// references have none.
    pub fn root_of(&self, idx: NodeIdx) -> Option<NodeIdx> {
        let n = &self.nodes[idx];
        if n.kind.is_root() { Some(idx) } else { n.root }
    }

    /// The letter a node comes from, through its dossier.
    pub fn letter_of(&self, idx: NodeIdx) -> Option<NodeIdx> {
        let root = self.root_of(idx)?;
        match self.nodes[root].kind {
            NodeKind::Letter => Some(root),
            _ => self.nodes[root].source,
        }
    }

    /// Ancestors from the root down to the node itself.
    pub fn path(&self, idx: NodeIdx) -> Vec<NodeIdx> {
        let mut out = vec![idx];
        let mut cur = idx;
        while let Some(p) = self.nodes[cur].parent {
            out.push(p);
            cur = p;
        }
        out.reverse();
        out
    }

    /// Tags of a node: its own and its root's.
    pub fn tags_of(&self, idx: NodeIdx) -> Vec<String> {
        let mut tags = self.nodes[idx].tags.clone();
        if let Some(r) = self.root_of(idx) {
            for t in &self.nodes[r].tags {
                if !tags.contains(t) {
                    tags.push(t.clone());
                }
            }
        }
        tags
    }

    /// Every tag used, sorted.
    pub fn all_tags(&self) -> Vec<String> {
        let mut tags: Vec<String> = self
            .nodes
            .iter()
            .flat_map(|n| n.tags.iter().cloned())
            .collect();
        tags.sort();
        tags.dedup();
        tags
    }

    /// Every country named anywhere, sorted.
    pub fn all_countries(&self) -> Vec<String> {
        let mut c: Vec<String> = self
            .nodes
            .iter()
            .flat_map(|n| n.countries.iter().map(|c| c.to_string()))
            .collect();
        c.sort();
        c.dedup();
        c
    }
}

/// What identifies a topic's subject across documents: its whole title,
/// folded, and each abbreviation it gives in brackets (`(EBSP)`).
fn subject_keys(title: &str) -> Vec<String> {
    let folded = crate::text::fold(title).trim().to_string();
    if folded.is_empty() {
        return Vec::new();
    }
    let mut keys = vec![folded];
    let mut rest = title;
    while let Some(open) = rest.find('(') {
        let after = &rest[open + 1..];
        let Some(close) = after.find(')') else { break };
        let inner = after[..close].trim();
        if inner.len() >= 2
            && inner.len() <= 12
            && inner
                .chars()
                .all(|c| c.is_uppercase() || c.is_ascii_digit() || c == '-')
        {
            keys.push(format!("({})", inner.to_lowercase()));
        }
        rest = &after[close..];
    }
    keys
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn citations_use_the_official_form() {
        let r = ReferenceMeta {
            kind: "kamerstuk".into(),
            dossier_number: "32317".into(),
            number: "978".into(),
            chamber: Chamber::TweedeKamer,
            year: Some("2025-2026".into()),
        };
        assert_eq!(r.citation(), "Kamerstukken II 2025/26, 32317, nr. 978");
        let r = ReferenceMeta { year: None, ..r };
        assert_eq!(r.citation(), "Kamerstukken II, 32317, nr. 978");
    }

    #[test]
    fn every_id_is_found_and_no_other() {
        let node = |id: &str| {
            Node::new(
                id,
                NodeKind::Section,
                String::new(),
                "",
                Document::default(),
            )
        };
        let ids: Vec<String> = (0..5000).map(|i| format!("d{i}/s{}", i % 7)).collect();
        let mut c = Corpus {
            nodes: ids
                .iter()
                .map(|id| node(id))
                .chain([node("d1/s1")])
                .collect(),
            ..Corpus::default()
        };
        c.reindex();
        for (i, id) in ids.iter().enumerate().skip(2) {
            assert_eq!(c.get(id), Some(i), "{id}");
        }
        // A repeated id is found at its later place, as a map would.
        assert_eq!(c.get("d1/s1"), Some(5000));
        for missing in ["", "d5000/s2", "d1/s2", "D1/s1"] {
            assert_eq!(c.get(missing), None, "{missing}");
        }
        assert_eq!(Corpus::default().get("x"), None);
    }

    #[test]
    fn a_held_body_is_no_larger_than_its_document() {
        assert_eq!(std::mem::size_of::<Body>(), std::mem::size_of::<Document>());
    }

    /// Counts its reads; the body at 7 cannot be read.
    struct Source(std::sync::atomic::AtomicUsize);

    const GONE: &str = "cache.bin: block at byte 40: gone";

    impl BodySource for Source {
        fn body(&self, at: u64) -> Result<Document, String> {
            self.0.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
            if at == 7 {
                return Err(GONE.into());
            }
            Ok(Document {
                paragraphs: vec![Paragraph {
                    spans: vec![Span::Text(format!("tekst {at}").into())].into(),
                }],
            })
        }
    }

    fn reads(source: &Source) -> usize {
        source.0.load(std::sync::atomic::Ordering::SeqCst)
    }

    #[test]
    fn a_lazy_body_is_read_once_and_as_a_document() {
        let source = std::sync::Arc::new(Source(Default::default()));
        let body = Body::lazy(source.clone(), 3);
        assert_eq!(reads(&source), 0);
        assert_eq!(body.get().map(Document::plain), Ok("tekst 3".into()));
        assert_eq!(body.get().map(Document::plain), Ok("tekst 3".into()));
        assert_eq!(reads(&source), 1);
        let mut lazy = Body::lazy(source.clone(), 4);
        assert!(lazy.held_mut().is_none());
        let mut held = Body::from(Document::default());
        assert!(held.held_mut().is_some());
    }

    #[test]
    fn a_body_that_cannot_be_read_is_an_error_naming_its_node_never_text() {
        let source = std::sync::Arc::new(Source(Default::default()));
        let node = |id: &str, at: u64| {
            Node::new(
                id,
                NodeKind::Section,
                "Titel".into(),
                "d.toml",
                Document::default(),
            )
            .with_body(Body::lazy(source.clone(), at))
        };
        let mut c = Corpus {
            nodes: vec![node("d/goed", 3), node("d/kwijt", 7)],
            ..Corpus::default()
        };
        c.reindex_with_links(&[Vec::new(), Vec::new()]);
        let broken = c.get("d/kwijt").unwrap();
        let e = c.body(broken).unwrap_err();
        assert_eq!(e.node, "d/kwijt");
        assert_eq!(e.reason, GONE);
        assert_eq!(
            e.to_string(),
            format!("d/kwijt: the text cannot be read: {GONE}")
        );
        // Asked again (as every frame does), the failure is remembered.
        let before = reads(&source);
        assert_eq!(c.body(broken).unwrap_err(), e);
        assert_eq!(reads(&source), before);
        // No text of the corpus holds the error.
        let good = c.body(c.get("d/goed").unwrap()).unwrap();
        assert_eq!(good.plain(), "tekst 3");
        for n in &c.nodes {
            if let Ok(d) = n.document() {
                assert!(!d.plain().contains("gone"), "{}", d.plain());
            }
        }
        // Nor is it written out as text.
        assert!(serde_json::to_string(&c.nodes[broken]).is_err());
    }
}
