//! Official-publication XML (`officiele-publicatie > kamerstuk`, schema
//! op-xsd-2014-05-15) into a [`Document`].
//!
//! Identity comes from the metadata (`meta[@name]`), or from the body's
//! `kamerstukkop`, `dossiernummer`, `ondernummer` and `datumtekst` when the
//! file carries only `externMetadataRecord`. Text comes as the XML gives it:
//! `al` paragraphs, `lijst > li` items with their mark, `divisie > kop` and
//! `tussenkop` headings, `noot` footnotes at their markers (`nootref` for a
//! repeated one), `extref` citations through their `doc`, tables row by row,
//! `ondertekening` signatories. An element not known here keeps its text and
//! is reported. DTDs are refused, so no entity is ever expanded.

use std::collections::HashMap;

use roxmltree::{Node, ParsingOptions};

use super::{
    Block, Document, Footnote, ImportError, Inline, Reference, Report, Signatory, Transcript,
};
use crate::citation::{self, Chamber, KstId};

/// Nodes a document may have: far above the largest Kamerstuk, and a bound
/// on memory for a hostile file.
const NODES_LIMIT: u32 = 4_000_000;

/// Elements that only hold others (or text treated as blocks).
const CONTAINERS: [&str; 12] = [
    "algemeen",
    "vrije-tekst",
    "tekst",
    "al-groep",
    "tekst-sluiting",
    "brief",
    "stuk-body",
    "nota",
    "bijlage",
    "motie",
    "inhoud",
    "verslag",
];

/// Elements whose text runs on inside a paragraph.
const INLINE: [&str; 12] = [
    "nadruk",
    "sup",
    "inf",
    "i",
    "b",
    "u",
    "unl",
    "intref",
    "naam",
    "voornaam",
    "achternaam",
    "functie",
];

pub fn parse(text: &str, report: &mut Report) -> Result<(Document, Transcript), ImportError> {
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
    let root = xml.root_element();
    let line_of = |n: Node| xml.text_pos_at(n.range().start).row as usize;
    if root.tag_name().name() != "officiele-publicatie" {
        return Err(ImportError::at(
            line_of(root),
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
            line_of(root),
            1,
            format!("not a Kamerstuk: the publication holds <{found}>, not <kamerstuk>"),
        ));
    };
    let meta = Meta::read(root);
    let mut doc = identity(&meta, kamerstuk, report, line_of(kamerstuk))?;

    let Some(stuk) = child(kamerstuk, "stuk") else {
        return Err(ImportError::at(
            line_of(kamerstuk),
            1,
            "not a Kamerstuk: <kamerstuk> has no <stuk>",
        ));
    };
    let mut walker = Walker {
        xml: &xml,
        doc: &mut doc,
        report,
        notes: HashMap::new(),
        depth: 0,
    };
    for n in stuk.children() {
        if n.is_element() && matches!(n.tag_name().name(), "stuknr" | "titel" | "datumtekst") {
            continue;
        }
        walker.block(n);
    }
    collect_references(&mut doc);
    let transcript = transcribe(&xml, stuk);
    Ok((doc, transcript))
}

/// `meta[@name]` values, several per name where the file repeats one.
struct Meta<'a> {
    values: HashMap<&'a str, Vec<(&'a str, &'a str)>>,
}

impl<'a> Meta<'a> {
    fn read(root: Node<'a, 'a>) -> Meta<'a> {
        let mut values: HashMap<&str, Vec<(&str, &str)>> = HashMap::new();
        if let Some(metadata) = child(root, "metadata") {
            for m in metadata.children().filter(|n| n.has_tag_name("meta")) {
                if let (Some(name), Some(content)) = (m.attribute("name"), m.attribute("content")) {
                    let scheme = m.attribute("scheme").unwrap_or("");
                    values.entry(name).or_default().push((scheme, content));
                }
            }
        }
        Meta { values }
    }

    fn get(&self, name: &str) -> Option<&'a str> {
        self.values
            .get(name)?
            .iter()
            .map(|(_, v)| v.trim())
            .find(|v| !v.is_empty())
    }

    fn get_scheme(&self, name: &str, scheme: &str) -> Option<&'a str> {
        self.values
            .get(name)?
            .iter()
            .find(|(s, v)| *s == scheme && !v.trim().is_empty())
            .map(|(_, v)| v.trim())
    }
}

fn identity(
    meta: &Meta,
    kamerstuk: Node,
    report: &mut Report,
    line: usize,
) -> Result<Document, ImportError> {
    let kop = child(kamerstuk, "kamerstukkop");
    let dossier = child(kamerstuk, "dossier");
    let stuk = child(kamerstuk, "stuk");
    let kop_line = |kind: &str| {
        kop.and_then(|k| {
            k.children()
                .find(|n| n.has_tag_name("tekstregel") && n.attribute("inhoud") == Some(kind))
                .map(|n| super::collapse(&all_text(n)))
        })
    };
    let body_dossier = dossier
        .and_then(|d| child(d, "dossiernummer"))
        .map(dossier_number);
    let body_number = stuk
        .and_then(|s| child(s, "stuknr"))
        .and_then(|s| child(s, "ondernummer"))
        .map(|n| super::collapse(&all_text(n)));

    let from_identifier = meta
        .get("DC.identifier")
        .filter(|v| v.to_ascii_lowercase().starts_with("kst-"))
        .and_then(citation::parse);
    let dossier_number = meta
        .get("OVERHEIDop.dossiernummer")
        .map(str::to_string)
        .or(body_dossier)
        .or_else(|| from_identifier.as_ref().map(|k| k.dossier.clone()));
    let number = meta
        .get("OVERHEIDop.ondernummer")
        .map(str::to_string)
        .or(body_number)
        .or_else(|| from_identifier.as_ref().map(|k| k.number.clone()));
    let (Some(dossier_number), Some(number)) = (dossier_number, number) else {
        return Err(ImportError::at(
            line,
            1,
            "not a Kamerstuk: neither the metadata nor the body gives its dossier number and number",
        ));
    };
    let Some(mut kst) = citation::parse(&format!("{dossier_number}, nr. {number}"))
        .or_else(|| citation::parse(&format!("kst-{dossier_number}-{number}")))
    else {
        return Err(ImportError::at(
            line,
            1,
            format!("not a Kamerstuk: `{dossier_number}` nr. `{number}` is not a Kamerstuk number"),
        ));
    };
    let chamber = match kop_line("kamernummer").as_deref() {
        Some("1") => Some(Chamber::EersteKamer),
        Some("2") => Some(Chamber::TweedeKamer),
        _ => match kop_line("kameraanduiding") {
            Some(k) if k.starts_with("Eerste") => Some(Chamber::EersteKamer),
            Some(k) if k.starts_with("Tweede") => Some(Chamber::TweedeKamer),
            _ => match meta.get("DC.creator") {
                Some(c) if c.starts_with("Eerste") => Some(Chamber::EersteKamer),
                Some(c) if c.starts_with("Tweede") => Some(Chamber::TweedeKamer),
                _ => kst.chamber,
            },
        },
    };
    kst.chamber = chamber;
    let year = meta
        .get("OVERHEIDop.vergaderjaar")
        .map(str::to_string)
        .or_else(|| {
            kop_line("vergaderjaar")
                .map(|v| v.trim_start_matches("Vergaderjaar").trim().to_string())
        })
        .filter(|y| !y.is_empty());
    let body_date = stuk
        .and_then(|s| child(s, "datumtekst"))
        .and_then(|d| d.descendants().find(|n| n.has_tag_name("datum")))
        .and_then(|d| d.attribute("isodatum"))
        .map(str::to_string);
    // The first of the dates given that is a real one: a day that does
    // not exist (`2025-03-40`) would be written into a file no loader
    // reads.
    let date = [
        meta.get("DCTERMS.issued").map(str::to_string),
        body_date,
        meta.get("DCTERMS.available").map(str::to_string),
    ]
    .into_iter()
    .flatten()
    .find(|d| is_iso_date(d));
    let Some(date) = date else {
        return Err(ImportError::at(
            line,
            1,
            "the Kamerstuk gives no date (neither DCTERMS.issued nor datumtekst/datum[@isodatum])",
        ));
    };
    let stuk_title = stuk
        .and_then(|s| child(s, "titel"))
        .map(|t| super::collapse(&all_text(t)))
        .filter(|t| !t.is_empty());
    let title = meta
        .get("OVERHEIDop.documenttitel")
        .map(super::collapse)
        .or_else(|| stuk_title.clone())
        .unwrap_or_else(|| format!("Kamerstuk {}", kst.short()));
    let doc_type = meta
        .get_scheme("DC.type", "OVERHEIDop.KamerstukTypen")
        .map(|t| t.to_lowercase())
        .or_else(|| stuk_title.as_deref().and_then(type_from_title))
        .unwrap_or_else(|| {
            report.warn(
                line,
                "unknown-type",
                "the document's type is not in the metadata nor its title: written as `kamerstuk`",
            );
            "kamerstuk".into()
        });
    let dossier_title = meta
        .get("OVERHEIDop.dossiertitel")
        .map(super::collapse)
        .or_else(|| {
            dossier
                .and_then(|d| child(d, "titel"))
                .map(|t| super::collapse(&all_text(t)))
        })
        .filter(|t| !t.is_empty());
    Ok(Document {
        id: kst.id(),
        kst: Some(kst),
        title,
        doc_type,
        date,
        chamber,
        year,
        dossier_title,
        ..Document::default()
    })
}

/// `dossiernr` with its `raadnr` or `begrotingshoofdstuk`: `21501-20`, `36410-VI`.
fn dossier_number(node: Node) -> String {
    let mut out: String = child(node, "dossiernr")
        .map(|n| all_text(n).chars().filter(|c| !c.is_whitespace()).collect())
        .unwrap_or_default();
    for part in ["raadnr", "begrotingshoofdstuk"] {
        if let Some(n) = child(node, part) {
            let t: String = all_text(n).chars().filter(|c| !c.is_whitespace()).collect();
            if !t.is_empty() {
                out.push('-');
                out.push_str(&t);
            }
        }
    }
    out
}

/// `MOTIE VAN HET LID …`, `GEWIJZIGDE MOTIE …`, `BRIEF VAN DE MINISTER …`:
/// the first known type word among the title's first three.
fn type_from_title(title: &str) -> Option<String> {
    let known = [
        "motie",
        "brief",
        "amendement",
        "verslag",
        "nota",
        "voorstel",
        "memorie",
        "advies",
        "lijst",
        "jaarverslag",
    ];
    title
        .split_whitespace()
        .take(3)
        .map(str::to_lowercase)
        .find(|w| known.contains(&w.as_str()))
}

/// `YYYY-MM-DD`, and a day the calendar has.
pub(super) fn is_iso_date(d: &str) -> bool {
    let b = d.as_bytes();
    b.len() == 10
        && b[4] == b'-'
        && b[7] == b'-'
        && b.iter()
            .enumerate()
            .all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit())
        && jiff::civil::Date::strptime("%Y-%m-%d", d).is_ok()
}

fn child<'a, 'i>(node: Node<'a, 'i>, name: &str) -> Option<Node<'a, 'i>> {
    node.children().find(|n| n.has_tag_name(name))
}

fn all_text(node: Node) -> String {
    node.descendants()
        .filter(Node::is_text)
        .filter_map(|n| n.text())
        .collect()
}

struct Walker<'x, 'd> {
    xml: &'x roxmltree::Document<'x>,
    doc: &'d mut Document,
    report: &'d mut Report,
    /// `noot[@id]` → its number, for `nootref`.
    notes: HashMap<String, u32>,
    depth: usize,
}

impl Walker<'_, '_> {
    fn line(&self, n: Node) -> usize {
        self.xml.text_pos_at(n.range().start).row as usize
    }

    fn block(&mut self, n: Node) {
        if n.is_text() {
            let t = n.text().unwrap_or("");
            if !t.trim().is_empty() {
                let line = self.line(n);
                self.paragraph(vec![Inline::Text(t.to_string())], line);
            }
            return;
        }
        if !n.is_element() {
            return;
        }
        let name = n.tag_name().name();
        let line = self.line(n);
        match name {
            "al" | "slotformule" | "aanhef" | "dagtekening" | "plaats" | "tekst-regel" => {
                let inlines = self.inlines(n);
                self.paragraph(inlines, line);
            }
            "divisie" => {
                self.depth += 1;
                self.children(n);
                self.depth -= 1;
            }
            "kop" => {
                let text = super::collapse(&heading_text(n));
                if !text.is_empty() {
                    self.doc.blocks.push(Block::Heading {
                        level: self.depth.max(1),
                        text,
                        line,
                    });
                }
            }
            "tussenkop" => {
                let text = super::collapse(&all_text(n));
                if !text.is_empty() {
                    self.doc.blocks.push(Block::Heading {
                        level: self.depth + 1,
                        text,
                        line,
                    });
                }
            }
            "lijst" => self.list(n),
            "table" => self.table(n),
            "ondertekening" => self.signature(n),
            "noot" => {
                let inlines = self.inlines_of_one(n);
                self.paragraph(inlines, line);
            }
            "witregel" | "br" | "nootref" => {}
            _ if CONTAINERS.contains(&name) => self.children(n),
            _ => {
                self.report.warn(
                    line,
                    "unknown-element",
                    format!("element <{name}> is not known to the import: its text is kept"),
                );
                if n.children()
                    .any(|c| c.is_element() && is_block(c.tag_name().name()))
                {
                    self.children(n);
                } else {
                    let inlines = self.inlines(n);
                    self.paragraph(inlines, line);
                }
            }
        }
    }

    fn children(&mut self, n: Node) {
        for c in n.children() {
            self.block(c);
        }
    }

    fn paragraph(&mut self, inlines: Vec<Inline>, line: usize) {
        let empty = inlines
            .iter()
            .all(|i| matches!(i, Inline::Text(t) if t.trim().is_empty()));
        if !empty {
            self.doc.blocks.push(Block::Paragraph { inlines, line });
        }
    }

    /// `li`: its mark (`li.nr`) starts its first paragraph.
    fn list(&mut self, n: Node) {
        for li in n.children().filter(Node::is_element) {
            if !li.has_tag_name("li") {
                self.block(li);
                continue;
            }
            let mark = child(li, "li.nr").map(|m| super::collapse(&all_text(m)));
            let first = self.doc.blocks.len();
            for c in li.children() {
                if c.has_tag_name("li.nr") {
                    continue;
                }
                self.block(c);
            }
            let Some(mark) = mark.filter(|m| !m.is_empty()) else {
                continue;
            };
            match self.doc.blocks.get_mut(first) {
                Some(Block::Paragraph { inlines, .. }) => {
                    inlines.insert(0, Inline::Text(format!("{mark} ")));
                }
                _ => {
                    let line = self.line(li);
                    self.doc.blocks.insert(
                        first,
                        Block::Paragraph {
                            inlines: vec![Inline::Text(mark)],
                            line,
                        },
                    );
                }
            }
        }
    }

    /// CALS tables: a paragraph per row, its cells' text joined by ` | `.
    fn table(&mut self, n: Node) {
        for c in n.descendants().filter(Node::is_element) {
            match c.tag_name().name() {
                "title" => {
                    let line = self.line(c);
                    let inlines = self.inlines(c);
                    self.paragraph(inlines, line);
                }
                "row" => {
                    let line = self.line(c);
                    let mut inlines = Vec::new();
                    for (i, entry) in c.children().filter(|e| e.has_tag_name("entry")).enumerate() {
                        if i > 0 {
                            inlines.push(Inline::Text(" | ".into()));
                        }
                        for part in entry.children() {
                            if part.is_element() {
                                inlines.push(Inline::Text(" ".into()));
                            }
                            self.inline(part, &mut inlines);
                        }
                    }
                    self.paragraph(inlines, line);
                }
                _ => {}
            }
        }
    }

    /// `functie` then `naam`, as often as they come.
    fn signature(&mut self, n: Node) {
        let mut role: Option<String> = None;
        for c in n.children().filter(Node::is_element) {
            let text = super::collapse(&all_text(c));
            match c.tag_name().name() {
                "functie" => {
                    if let Some(r) = role.take() {
                        self.doc.signatories.push(Signatory {
                            role: r,
                            name: String::new(),
                        });
                    }
                    role = Some(text.trim_end_matches(',').trim_end().to_string());
                }
                "naam" => self.doc.signatories.push(Signatory {
                    role: role.take().unwrap_or_default(),
                    name: text,
                }),
                other => {
                    let line = self.line(c);
                    self.report.warn(
                        line,
                        "unknown-element",
                        format!(
                            "element <{other}> in a signature: its text is kept as a paragraph"
                        ),
                    );
                    self.paragraph(vec![Inline::Text(text)], line);
                }
            }
        }
        if let Some(r) = role {
            self.doc.signatories.push(Signatory {
                role: r,
                name: String::new(),
            });
        }
    }

    fn inlines(&mut self, n: Node) -> Vec<Inline> {
        let mut out = Vec::new();
        for c in n.children() {
            self.inline(c, &mut out);
        }
        out
    }

    fn inlines_of_one(&mut self, n: Node) -> Vec<Inline> {
        let mut out = Vec::new();
        self.inline(n, &mut out);
        out
    }

    fn inline(&mut self, n: Node, out: &mut Vec<Inline>) {
        if n.is_text() {
            out.push(Inline::Text(n.text().unwrap_or("").to_string()));
            return;
        }
        if !n.is_element() {
            return;
        }
        let name = n.tag_name().name();
        let line = self.line(n);
        match name {
            "extref" => {
                let label = all_text(n);
                let id = n.attribute("doc").and_then(|d| {
                    let lower = d.to_ascii_lowercase();
                    if lower.starts_with("kst-") {
                        citation::parse(d)
                    } else {
                        None
                    }
                });
                match id {
                    Some(id) => out.push(Inline::Cite { label, id }),
                    None => {
                        self.report.note(
                            line,
                            "extref-kept-as-text",
                            format!(
                                "reference to `{}` is not a Kamerstuk: its label is kept as text",
                                n.attribute("doc").unwrap_or("")
                            ),
                        );
                        out.push(Inline::Text(label));
                    }
                }
            }
            "noot" => self.footnote(n, out),
            "nootref" => {
                let number = n
                    .attribute("refid")
                    .and_then(|r| self.notes.get(r))
                    .copied();
                match number {
                    Some(k) => out.push(Inline::Note(k)),
                    None => self.report.warn(
                        line,
                        "unmatched-nootref",
                        format!(
                            "<nootref refid=\"{}\"> names no footnote before it",
                            n.attribute("refid").unwrap_or("")
                        ),
                    ),
                }
            }
            "br" => out.push(Inline::Text(" ".into())),
            "al" | "li.nr" => {
                out.push(Inline::Text(" ".into()));
                for c in n.children() {
                    self.inline(c, out);
                }
                out.push(Inline::Text(" ".into()));
            }
            _ => {
                if !INLINE.contains(&name) {
                    self.report.warn(
                        line,
                        "unknown-element",
                        format!("element <{name}> is not known to the import: its text is kept"),
                    );
                }
                for c in n.children() {
                    self.inline(c, out);
                }
            }
        }
    }

    /// `noot > noot.nr + noot.al*`: the marker here, the text a footnote.
    fn footnote(&mut self, n: Node, out: &mut Vec<Inline>) {
        let line = self.line(n);
        let printed = child(n, "noot.nr").map(|m| super::collapse(&all_text(m)));
        let next = self
            .doc
            .footnotes
            .iter()
            .map(|f| f.number)
            .max()
            .unwrap_or(0)
            + 1;
        let number = match printed.as_deref().map(str::parse::<u32>) {
            Some(Ok(k)) => k,
            _ => {
                self.report.warn(
                    line,
                    "footnote-number",
                    format!(
                        "footnote mark `{}` is not a number: numbered {next}",
                        printed.as_deref().unwrap_or("")
                    ),
                );
                next
            }
        };
        if let Some(id) = n.attribute("id") {
            self.notes.insert(id.to_string(), number);
        }
        let mut paragraphs = Vec::new();
        for c in n.children().filter(Node::is_element) {
            if c.has_tag_name("noot.nr") {
                continue;
            }
            let inlines = if c.has_tag_name("noot.al") || c.has_tag_name("al") {
                self.inlines(c)
            } else {
                self.inlines_of_one(c)
            };
            paragraphs.push(inlines);
        }
        if self.doc.footnotes.iter().any(|f| f.number == number) {
            self.report.warn(
                line,
                "footnote-twice",
                format!("footnote {number} is given twice: the first is kept"),
            );
        } else {
            self.doc.footnotes.push(Footnote {
                number,
                paragraphs,
                line,
            });
        }
        out.push(Inline::Note(number));
    }
}

fn is_block(name: &str) -> bool {
    matches!(
        name,
        "al" | "lijst" | "divisie" | "kop" | "tussenkop" | "table" | "al-groep" | "tekst"
    )
}

/// A heading's `nr`, `titel` (and anything else) in order.
fn heading_text(n: Node) -> String {
    let mut parts = Vec::new();
    for c in n.children() {
        let t = if c.is_element() {
            all_text(c)
        } else {
            c.text().unwrap_or("").to_string()
        };
        if !t.trim().is_empty() {
            parts.push(t);
        }
    }
    parts.join(" ")
}

/// Every reference the text and its footnotes cite.
pub(super) fn collect_references(doc: &mut Document) {
    let mut found: Vec<KstId> = Vec::new();
    let paragraphs = doc
        .blocks
        .iter()
        .filter_map(|b| match b {
            Block::Paragraph { inlines, .. } => Some(inlines),
            Block::Heading { .. } => None,
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

/// The source's text by rule alone: every text node of the `stuk` but its
/// heading (`stuknr`, `titel`, `datumtekst`), footnote texts by number, the
/// signature apart. A `nootref` shows its footnote's number; table cells
/// are separated by `|`, as the import writes them.
fn transcribe(xml: &roxmltree::Document, stuk: Node) -> Transcript {
    let mut t = Transcript::default();
    let mut ids: HashMap<String, String> = HashMap::new();
    for n in stuk.descendants().filter(|n| n.has_tag_name("noot")) {
        if let (Some(id), Some(nr)) = (n.attribute("id"), child(n, "noot.nr")) {
            ids.insert(id.to_string(), all_text(nr).trim().to_string());
        }
    }
    let mut note_count = 0u32;
    for c in stuk.children() {
        if c.is_element() && matches!(c.tag_name().name(), "stuknr" | "titel" | "datumtekst") {
            continue;
        }
        walk(xml, c, &ids, &mut note_count, &mut t);
    }
    t
}

fn walk(
    xml: &roxmltree::Document,
    n: Node,
    ids: &HashMap<String, String>,
    note_count: &mut u32,
    t: &mut Transcript,
) {
    let line = xml.text_pos_at(n.range().start).row as usize;
    if n.is_text() {
        t.running.push((line, n.text().unwrap_or("").to_string()));
        return;
    }
    match n.tag_name().name() {
        "noot" => {
            *note_count += 1;
            let nr = child(n, "noot.nr").map(|m| all_text(m).trim().to_string());
            let number = nr
                .as_deref()
                .and_then(|s| s.parse::<u32>().ok())
                .unwrap_or(*note_count);
            t.running
                .push((line, nr.unwrap_or_else(|| number.to_string())));
            let entry = t.footnotes.entry(number).or_default();
            if entry.is_empty() {
                for c in n.children().filter(|c| !c.has_tag_name("noot.nr")) {
                    for d in c.descendants().filter(Node::is_text) {
                        let l = xml.text_pos_at(d.range().start).row as usize;
                        entry.push((l, d.text().unwrap_or("").to_string()));
                    }
                }
            }
        }
        "nootref" => {
            if let Some(nr) = n.attribute("refid").and_then(|r| ids.get(r)) {
                t.running.push((line, nr.clone()));
            }
        }
        "ondertekening" => {
            for d in n.descendants().filter(Node::is_text) {
                let l = xml.text_pos_at(d.range().start).row as usize;
                t.signature.push((l, d.text().unwrap_or("").to_string()));
            }
        }
        "row" => {
            for (i, entry) in n.children().filter(|e| e.has_tag_name("entry")).enumerate() {
                if i > 0 {
                    t.running.push((line, " | ".into()));
                }
                walk(xml, entry, ids, note_count, t);
            }
        }
        _ => {
            for c in n.children() {
                walk(xml, c, ids, note_count, t);
            }
        }
    }
}
