//! The corpus: the node arena with its roots and references, and the
//! indices over it (ids, aliases, Kamerstukken, topics, backlinks).

use super::{BodyError, Document, Kamerstuk, Links, Node, NodeIdx, NodeKind, share_file_names};
use crate::error::LoadError;

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
    aliases: crate::fast_hash::FastMap<Box<str>, NodeIdx>,
    /// Documents by their Kamerstuk ([`Kamerstuk::key`]).
    #[serde(skip)]
    documents: crate::fast_hash::FastMap<String, NodeIdx>,
    /// The topic dossiers that come from each document, in root order.
    #[serde(skip)]
    topics: crate::fast_hash::FastMap<NodeIdx, Vec<NodeIdx>>,
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

    /// The id table, the earlier ids and the documents by Kamerstuk: the
    /// table on a thread of its own beside the maps (each a pass over
    /// every node, 0.1 s at 100,000 documents).
    fn index_ids(&mut self) {
        let nodes = &self.nodes;
        let (by_id, (aliases, documents)) = std::thread::scope(|s| {
            let table = s.spawn(|| IdTable::build(nodes));
            let aliases = nodes
                .iter()
                .enumerate()
                .flat_map(|(i, n)| n.aliases.iter().map(move |a| (a.clone(), i)))
                .collect();
            let documents = nodes
                .iter()
                .enumerate()
                .filter_map(|(i, n)| {
                    let k = n.letter.as_ref()?.kamerstuk.as_ref()?;
                    Some((k.key(), i))
                })
                .collect();
            let by_id = table.join().unwrap_or_else(|_| IdTable::build(nodes));
            (by_id, (aliases, documents))
        });
        self.by_id = by_id;
        self.aliases = aliases;
        self.documents = documents;
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
        // Each a pass over every link: side by side.
        let (backlinks, cited) = std::thread::scope(|s| {
            let cited = s.spawn(|| self.cited_from(links_of));
            let backlinks = self.backlinks_from(links_of);
            let cited = cited.join().unwrap_or_else(|_| self.cited_from(links_of));
            (backlinks, cited)
        });
        self.backlinks = backlinks;
        self.cited = std::sync::OnceLock::from(cited);
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
    /// first: by date (an undated one by its vergaderjaar), then on one day
    /// in number order (`kst-36471-5` before `kst-36471-14`). The roots
    /// stand newest first in that order (see `load`), so this is their
    /// documents read backwards, not a second sort.
    pub fn documents_by_date(&self) -> Vec<NodeIdx> {
        self.roots
            .iter()
            .rev()
            .copied()
            .filter(|&i| self.nodes[i].kind == NodeKind::Letter)
            .collect()
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

    /// A node's text, read now if it was not yet (see
    /// [`Body`](super::Body)); an error naming the node and the reason when
    /// it cannot be read.
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
mod tests;
