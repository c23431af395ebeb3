//! Official-publication XML (`officiele-publicatie > kamerstuk`, schema
//! op-xsd-2014-05-15) into a [`Document`].
//!
//! - [`limits`]: nesting and attributes bounded before the tree is built;
//!   line numbers by binary search.
//! - [`identity`]: number, dossier (a rijkswet's R-number apart), chamber,
//!   vergaderjaar, date (or none, with the vergaderjaar), type, titles.
//! - [`kind`]: the known Kamerstuk types, read from the metadata or the
//!   whole printed title.
//! - [`body`]: the `stuk`'s text as blocks.
//! - [`subject`]: submitters and subject where the metadata gives no title
//!   with a subject.
//! - [`transcript`]: the source's own text, for the proof.
//!
//! DTDs are refused, so no entity is ever expanded. Attribute values are
//! read with the spaces of any kind around them set aside. Every step is
//! linear in the size of the source: no scan starts again from the top.

mod body;
mod identity;
pub mod kind;
pub mod limits;
pub mod subject;
mod transcript;

#[cfg(test)]
mod tests;

use std::cell::Cell;

use roxmltree::{Node, ParsingOptions};

use super::{Block, Document, ImportError, Inline, Reference, Report, Transcript};
use crate::citation::KstId;

pub use kind::{KNOWN_TYPES, known_type};

/// Nodes a document may have: far above the largest Kamerstuk, and a bound
/// on memory for a hostile file.
const NODES_LIMIT: u32 = 4_000_000;

pub fn parse(text: &str, report: &mut Report) -> Result<(Document, Transcript), ImportError> {
    parse_counted(text, report).map(|(d, t, _)| (d, t))
}

/// [`parse`], with the work it took: nodes visited, bytes of text
/// copied, steps of line lookups. Tests hold it linear in the source.
pub(crate) fn parse_counted(
    text: &str,
    report: &mut Report,
) -> Result<(Document, Transcript, u64), ImportError> {
    limits::check(text)?;
    let options = ParsingOptions {
        allow_dtd: false,
        nodes_limit: NODES_LIMIT,
        ..ParsingOptions::default()
    };
    let xml = roxmltree::Document::parse_with_options(text, options).map_err(|e| {
        let pos = e.pos();
        ImportError::at(
            pos.row as usize,
            pos.col as usize,
            format!("malformed XML: {e}"),
        )
    })?;
    let src = Src {
        lines: limits::Lines::new(text),
        work: Cell::new(text.len() as u64),
    };
    let root = xml.root_element();
    if root.tag_name().name() != "officiele-publicatie" {
        return Err(ImportError::at(
            src.line(root),
            1,
            format!(
                "not an official publication: the root element is <{}>, not <officiele-publicatie>",
                root.tag_name().name()
            ),
        ));
    }
    let Some(kamerstuk) = child(root, "kamerstuk") else {
        let found = root
            .children()
            .filter(Node::is_element)
            .map(|n| n.tag_name().name())
            .find(|n| *n != "metadata")
            .unwrap_or("nothing");
        return Err(ImportError::at(
            src.line(root),
            1,
            format!("not a Kamerstuk: the publication holds <{found}>, not <kamerstuk>"),
        ));
    };
    let meta = identity::Meta::read(root);
    let identity::Identity {
        mut doc,
        printed_title,
        titled_by_metadata,
    } = identity::identity(&src, &meta, kamerstuk, report)?;

    let Some(stuk) = child(kamerstuk, "stuk") else {
        return Err(ImportError::at(
            src.line(kamerstuk),
            1,
            "not a Kamerstuk: <kamerstuk> has no <stuk>",
        ));
    };
    let mut walker = body::Walker::new(&src, &mut doc, report);
    for n in stuk.children() {
        if n.is_element() && matches!(n.tag_name().name(), "stuknr" | "titel" | "datumtekst") {
            continue;
        }
        walker.block(n);
    }
    collect_references(&mut doc);
    label(
        &mut doc,
        &meta,
        printed_title.as_deref(),
        titled_by_metadata,
    );
    let transcript = transcript::transcribe(&src, stuk);
    let work = src.work.get();
    Ok((doc, transcript, work))
}

/// Submitters and subject, and the title a person tells the document by
/// where the metadata gives none with a subject: the printed title and the
/// subject (`MOTIE VAN HET LID CEDER: verzoekt de regering …`).
fn label(doc: &mut Document, meta: &identity::Meta, printed: Option<&str>, by_metadata: bool) {
    let lines = subject::short_lines(&doc.blocks);
    doc.submitters = printed
        .map(subject::names_in_title)
        .unwrap_or_default()
        .iter()
        .map(|n| subject::spell_name(n, &lines))
        .collect();
    if doc.submitters.is_empty() {
        doc.submitters = meta
            .all("OVERHEIDop.indiener")
            .map(super::collapse)
            .collect();
    }
    doc.subject = match doc.doc_type.as_str() {
        "motie" => subject::motie_request(&doc.blocks),
        "amendement" => subject::amendment_purpose(&doc.blocks),
        _ => None,
    };
    if !by_metadata && let (Some(printed), Some(subject)) = (printed, &doc.subject) {
        doc.title = format!("{printed}: {subject}");
    }
}

/// What the walk reads the source through: line numbers and a count of
/// the work done.
pub(super) struct Src {
    lines: limits::Lines,
    work: Cell<u64>,
}

impl Src {
    /// 1-based line of a node.
    fn line(&self, n: Node) -> usize {
        let (line, steps) = self.lines.line(n.range().start);
        self.tick(steps);
        line
    }

    fn tick(&self, k: u64) {
        self.work.set(self.work.get().saturating_add(k));
    }

    fn all_text(&self, node: Node) -> String {
        let mut out = String::new();
        for d in node.descendants() {
            self.tick(1);
            if let Some(t) = d.is_text().then(|| d.text()).flatten() {
                self.tick(t.len() as u64);
                out.push_str(t);
            }
        }
        out
    }
}

fn child<'a, 'i>(node: Node<'a, 'i>, name: &str) -> Option<Node<'a, 'i>> {
    node.children().find(|n| n.has_tag_name(name))
}

/// An attribute value without the spaces around it, of any kind: the
/// no-break space, zero-width spaces and joiners, the byte-order mark.
pub(crate) fn trim_value(value: &str) -> &str {
    value.trim_matches(|c: char| {
        c.is_whitespace() || matches!(c, '\u{200b}'..='\u{200d}' | '\u{2060}' | '\u{feff}')
    })
}

/// Every reference the text and its footnotes cite.
pub(super) fn collect_references(doc: &mut Document) {
    let mut found: Vec<KstId> = Vec::new();
    let paragraphs = doc
        .blocks
        .iter()
        .filter_map(|b| match b {
            Block::Paragraph { inlines, .. } => Some(inlines),
            Block::Heading { .. } | Block::End { .. } => None,
        })
        .chain(doc.footnotes.iter().flat_map(|f| f.paragraphs.iter()));
    for inlines in paragraphs {
        for i in inlines {
            if let Inline::Cite { id, .. } = i {
                found.push(id.clone());
            }
        }
    }
    for id in found {
        doc.references
            .entry(id.reference_id())
            .or_insert(Reference {
                id,
                kind: "kamerstuk",
                year: None,
                description: None,
            });
    }
}
