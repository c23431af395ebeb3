//! The XML parts of a Word document: styles, numbering, footnotes, and the
//! text of a paragraph's runs. Every part is parsed without DTDs and with a
//! node limit; trees are walked by iterators, never by recursion.

use std::collections::HashMap;

use roxmltree::{Node, ParsingOptions};

use crate::import::ImportError;

/// The most nodes one part may have.
const NODES_LIMIT: u32 = 4_000_000;

pub(super) fn parse_xml<'a>(
    text: &'a str,
    part: &str,
) -> Result<roxmltree::Document<'a>, ImportError> {
    let options = ParsingOptions {
        allow_dtd: false,
        nodes_limit: NODES_LIMIT,
        ..ParsingOptions::default()
    };
    roxmltree::Document::parse_with_options(text, options).map_err(|e| {
        ImportError::whole(format!(
            "the Word document's part {part} is not well-formed XML: {e}"
        ))
    })
}

/// An attribute by its local name (`w:val` → `val`).
pub(super) fn attr<'a>(n: Node<'a, '_>, name: &str) -> Option<&'a str> {
    n.attributes().find(|a| a.name() == name).map(|a| a.value())
}

pub(super) fn child<'a, 'i>(n: Node<'a, 'i>, name: &str) -> Option<Node<'a, 'i>> {
    n.children()
        .find(|c| c.is_element() && c.tag_name().name() == name)
}

/// Paragraph styles that make headings, by style id.
#[derive(Debug, Default)]
pub(super) struct Styles {
    /// Style id → heading level (1 is the top).
    pub heading: HashMap<String, usize>,
    /// Style ids of the document's title (`Title`, `Titel`).
    pub title: Vec<String>,
}

/// How many `basedOn` steps are followed to find a style's heading level.
const BASED_ON_STEPS: usize = 16;

pub(super) fn styles(text: &str) -> Result<Styles, ImportError> {
    let xml = parse_xml(text, "word/styles.xml")?;
    let mut out = Styles::default();
    let mut based_on: HashMap<String, String> = HashMap::new();
    for s in xml.descendants().filter(|n| n.has_tag_name_local("style")) {
        if attr(s, "type") != Some("paragraph") {
            continue;
        }
        let Some(id) = attr(s, "styleId") else {
            continue;
        };
        if let Some(base) = child(s, "basedOn").and_then(|b| attr(b, "val")) {
            based_on.insert(id.to_string(), base.to_string());
        }
        let name = child(s, "name")
            .and_then(|n| attr(n, "val"))
            .unwrap_or(id)
            .to_lowercase();
        if name == "title" || name == "titel" {
            out.title.push(id.to_string());
            continue;
        }
        let numbered = ["heading ", "kop "]
            .iter()
            .find_map(|p| name.strip_prefix(p))
            .and_then(|n| n.trim().parse::<usize>().ok());
        let outline = child(s, "pPr")
            .and_then(|p| child(p, "outlineLvl"))
            .and_then(|o| attr(o, "val"))
            .and_then(|v| v.parse::<usize>().ok())
            .filter(|v| *v < 9)
            .map(|v| v + 1);
        if let Some(level) = numbered.or(outline).filter(|l| (1..=9).contains(l)) {
            out.heading.insert(id.to_string(), level);
        }
    }
    // A style based on a heading style (a template's `Kopje 1` on
    // `Heading 1`) is a heading of that level; the chain is followed a
    // bounded number of steps, so a cycle ends.
    for id in based_on.keys() {
        if out.heading.contains_key(id) || out.title.contains(id) {
            continue;
        }
        let mut at = id;
        for _ in 0..BASED_ON_STEPS {
            let Some(base) = based_on.get(at) else { break };
            if let Some(level) = out.heading.get(base).copied() {
                out.heading.insert(id.clone(), level);
                break;
            }
            at = base;
        }
    }
    Ok(out)
}

/// One level of a list: its number format, the text of its mark (`%1.`)
/// and where it starts.
#[derive(Debug, Clone)]
pub(super) struct Level {
    pub format: String,
    pub text: String,
    pub start: u32,
}

/// List levels by `numId`, then level.
pub(super) type Numbering = HashMap<String, HashMap<u32, Level>>;

pub(super) fn numbering(text: &str) -> Result<Numbering, ImportError> {
    let xml = parse_xml(text, "word/numbering.xml")?;
    let mut abstracts: HashMap<&str, HashMap<u32, Level>> = HashMap::new();
    for a in xml
        .descendants()
        .filter(|n| n.has_tag_name_local("abstractNum"))
    {
        let Some(id) = attr(a, "abstractNumId") else {
            continue;
        };
        let mut levels = HashMap::new();
        for l in a.children().filter(|n| n.has_tag_name_local("lvl")) {
            let Some(ilvl) = attr(l, "ilvl").and_then(|v| v.parse::<u32>().ok()) else {
                continue;
            };
            let get = |name: &str| child(l, name).and_then(|n| attr(n, "val"));
            levels.insert(
                ilvl,
                Level {
                    format: get("numFmt").unwrap_or("bullet").to_string(),
                    text: get("lvlText").unwrap_or("").to_string(),
                    start: get("start").and_then(|v| v.parse().ok()).unwrap_or(1),
                },
            );
        }
        abstracts.insert(id, levels);
    }
    let mut out = Numbering::new();
    for n in xml.descendants().filter(|n| n.has_tag_name_local("num")) {
        let (Some(id), Some(a)) = (
            attr(n, "numId"),
            child(n, "abstractNumId").and_then(|a| attr(a, "val")),
        ) else {
            continue;
        };
        if let Some(levels) = abstracts.get(a) {
            out.insert(id.to_string(), levels.clone());
        }
    }
    Ok(out)
}

/// A piece of a paragraph: text, or a footnote reference by its id.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Piece {
    Text(String),
    Note(String),
}

/// The pieces of a paragraph (or a table cell), in order: the text of its
/// runs, tabs and breaks as spaces, footnote references. Deleted text and
/// field codes are left out, and so is the number mark of a note's own
/// text (`footnoteRef`, `endnoteRef`).
pub(super) fn pieces(n: Node) -> Vec<Piece> {
    let mut out: Vec<Piece> = Vec::new();
    let push = |s: &str, out: &mut Vec<Piece>| match out.last_mut() {
        Some(Piece::Text(t)) => t.push_str(s),
        _ => out.push(Piece::Text(s.to_string())),
    };
    for d in n.descendants().filter(Node::is_element) {
        match d.tag_name().name() {
            "t" => {
                if let Some(t) = d.text() {
                    push(t, &mut out);
                }
            }
            "tab" | "br" | "cr" => push(" ", &mut out),
            "noBreakHyphen" => push("-", &mut out),
            "footnoteReference" => {
                if let Some(id) = attr(d, "id") {
                    out.push(Piece::Note(id.to_string()));
                }
            }
            // Endnotes are notes too, in the same numbering (see `notes`).
            "endnoteReference" => {
                if let Some(id) = attr(d, "id") {
                    out.push(Piece::Note(format!("e{id}")));
                }
            }
            _ => {}
        }
    }
    out
}

/// The text of pieces, footnote references left out.
pub(super) fn text_of(pieces: &[Piece]) -> String {
    pieces
        .iter()
        .filter_map(|p| match p {
            Piece::Text(t) => Some(t.as_str()),
            Piece::Note(_) => None,
        })
        .collect()
}

/// Notes by id: each footnote's (or endnote's, its id after an `e`)
/// paragraphs as text. Word's separators (`w:type="separator"`, …) are not
/// notes.
pub(super) fn notes(
    text: &str,
    endnotes: bool,
    out: &mut HashMap<String, Vec<String>>,
) -> Result<(), ImportError> {
    let (part, element, prefix) = if endnotes {
        ("word/endnotes.xml", "endnote", "e")
    } else {
        ("word/footnotes.xml", "footnote", "")
    };
    let xml = parse_xml(text, part)?;
    for f in xml.descendants().filter(|n| n.has_tag_name_local(element)) {
        if attr(f, "type").is_some_and(|t| t != "normal") {
            continue;
        }
        let Some(id) = attr(f, "id") else { continue };
        let id = format!("{prefix}{id}");
        let paragraphs: Vec<String> = f
            .descendants()
            .filter(|n| n.has_tag_name_local("p"))
            .map(|p| text_of(&pieces(p)))
            .filter(|t| !t.trim().is_empty())
            .collect();
        out.insert(id, paragraphs);
    }
    Ok(())
}

/// Each paragraph's text, in order (a page header's lines).
pub(super) fn plain_paragraphs(text: &str) -> Result<Vec<String>, ImportError> {
    let xml = parse_xml(text, "a page header")?;
    Ok(xml
        .descendants()
        .filter(|n| n.has_tag_name_local("p"))
        .map(|p| text_of(&pieces(p)))
        .filter(|t| !t.trim().is_empty())
        .collect())
}

/// `has_tag_name` by local name, whatever the namespace.
pub(super) trait LocalName {
    fn has_tag_name_local(&self, name: &str) -> bool;
}

impl LocalName for Node<'_, '_> {
    fn has_tag_name_local(&self, name: &str) -> bool {
        self.is_element() && self.tag_name().name() == name
    }
}
