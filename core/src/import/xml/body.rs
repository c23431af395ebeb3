//! The text of a Kamerstuk's `stuk` as blocks: `al` paragraphs, `lijst >
//! li` items with their mark, `divisie > kop` and `tussenkop` headings,
//! `noot` footnotes at their markers (`nootref` for a repeated one),
//! `extref` citations through their `doc`, tables row by row,
//! `ondertekening` signatories. An element not known here keeps its text
//! and is reported.
//!
//! Nesting: a `divisie`'s heading opens a section one level below the
//! `divisie` around it, a `tussenkop` one level below its `divisie`'s
//! heading, and where a `divisie` closes the text that follows is its
//! parent's again ([`Block::End`]). The walk goes as deep as the source
//! nests, which [`super::limits`] bounds.

use std::collections::{HashMap, HashSet};

use roxmltree::Node;

use super::super::{Block, Document, Footnote, Inline, Report, Signatory};
use super::{Src, child, trim_value};
use crate::citation;

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

pub(super) struct Walker<'s, 'd> {
    pub src: &'s Src,
    pub doc: &'d mut Document,
    pub report: &'d mut Report,
    /// `noot[@id]` → its number, for `nootref`.
    notes: HashMap<String, u32>,
    /// Footnote numbers given so far, and the highest.
    numbers: HashSet<u32>,
    highest: u32,
    /// Each open `divisie`: the section level around it, and its own (its
    /// heading's, else the one around it).
    divisies: Vec<(usize, usize)>,
}

impl<'s, 'd> Walker<'s, 'd> {
    pub fn new(src: &'s Src, doc: &'d mut Document, report: &'d mut Report) -> Self {
        Walker {
            src,
            doc,
            report,
            notes: HashMap::new(),
            numbers: HashSet::new(),
            highest: 0,
            divisies: Vec::new(),
        }
    }

    /// The section level the text stands at: the open `divisie`'s.
    fn level(&self) -> usize {
        self.divisies.last().map_or(0, |d| d.1)
    }

    pub fn block(&mut self, n: Node) {
        self.src.tick(1);
        if n.is_text() {
            let t = n.text().unwrap_or("");
            if !t.trim().is_empty() {
                let line = self.src.line(n);
                self.src.tick(t.len() as u64);
                self.paragraph(vec![Inline::Text(t.to_string())], line);
            }
            return;
        }
        if !n.is_element() {
            return;
        }
        let name = n.tag_name().name();
        let line = self.src.line(n);
        match name {
            "al" | "slotformule" | "aanhef" | "dagtekening" | "plaats" | "tekst-regel" => {
                let inlines = self.inlines(n);
                self.paragraph(inlines, line);
            }
            "divisie" => {
                let outer = self.level();
                self.divisies.push((outer, outer));
                self.children(n);
                self.divisies.pop();
                self.doc.blocks.push(Block::End { level: outer });
            }
            "kop" => {
                let text = super::super::collapse(&heading_text(self.src, n));
                if !text.is_empty() {
                    // The heading of the open divisie: one below the one
                    // around it.
                    let level = self.divisies.last().map_or(0, |d| d.0) + 1;
                    if let Some(d) = self.divisies.last_mut() {
                        d.1 = level;
                    }
                    self.doc.blocks.push(Block::Heading { level, text, line });
                }
            }
            "tussenkop" => {
                let text = super::super::collapse(&self.src.all_text(n));
                if !text.is_empty() {
                    self.doc.blocks.push(Block::Heading {
                        level: self.level() + 1,
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
            self.src.tick(1);
            if !li.has_tag_name("li") {
                self.block(li);
                continue;
            }
            let mark = child(li, "li.nr").map(|m| super::super::collapse(&self.src.all_text(m)));
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
                    let line = self.src.line(li);
                    // Only the item's own blocks stand after `first`.
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
            self.src.tick(1);
            match c.tag_name().name() {
                "title" => {
                    let line = self.src.line(c);
                    let inlines = self.inlines(c);
                    self.paragraph(inlines, line);
                }
                "row" => {
                    let line = self.src.line(c);
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
            let text = super::super::collapse(&self.src.all_text(c));
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
                    let line = self.src.line(c);
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
        self.src.tick(1);
        if n.is_text() {
            let t = n.text().unwrap_or("");
            self.src.tick(t.len() as u64);
            out.push(Inline::Text(t.to_string()));
            return;
        }
        if !n.is_element() {
            return;
        }
        let name = n.tag_name().name();
        match name {
            "extref" => self.extref(n, out),
            "noot" => self.footnote(n, out),
            "nootref" => {
                let refid = n.attribute("refid").map(trim_value).unwrap_or("");
                match self.notes.get(refid).copied() {
                    Some(k) => out.push(Inline::Note(k)),
                    None => {
                        let line = self.src.line(n);
                        self.report.warn(
                            line,
                            "unmatched-nootref",
                            format!("<nootref refid=\"{refid}\"> names no footnote before it"),
                        );
                    }
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
                    let line = self.src.line(n);
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

    /// `extref[@doc]`: a citation when `doc` names a Kamerstuk (spaces of
    /// any kind around it aside), else its label as text.
    fn extref(&mut self, n: Node, out: &mut Vec<Inline>) {
        let label = self.src.all_text(n);
        let doc = n.attribute("doc").map(trim_value).unwrap_or("");
        let id = if doc.to_ascii_lowercase().starts_with("kst-") {
            citation::parse(doc)
        } else {
            None
        };
        match id {
            Some(id) => out.push(Inline::Cite { label, id }),
            None => {
                let line = self.src.line(n);
                self.report.note(
                    line,
                    "extref-kept-as-text",
                    format!("reference to `{doc}` is not a Kamerstuk: its label is kept as text"),
                );
                out.push(Inline::Text(label));
            }
        }
    }

    /// `noot > noot.nr + noot.al*`: the marker here, the text a footnote.
    fn footnote(&mut self, n: Node, out: &mut Vec<Inline>) {
        let line = self.src.line(n);
        let printed = child(n, "noot.nr").map(|m| super::super::collapse(&self.src.all_text(m)));
        let next = self.highest + 1;
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
        if let Some(id) = n.attribute("id").map(trim_value) {
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
        if self.numbers.insert(number) {
            self.highest = self.highest.max(number);
            self.doc.footnotes.push(Footnote {
                number,
                paragraphs,
                line,
            });
        } else {
            self.report.warn(
                line,
                "footnote-twice",
                format!("footnote {number} is given twice: the first is kept"),
            );
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
fn heading_text(src: &Src, n: Node) -> String {
    let mut parts = Vec::new();
    for c in n.children() {
        let t = if c.is_element() {
            src.all_text(c)
        } else {
            c.text().unwrap_or("").to_string()
        };
        if !t.trim().is_empty() {
            parts.push(t);
        }
    }
    parts.join(" ")
}
