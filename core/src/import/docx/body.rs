//! The body of a Word document: its paragraphs and tables in order, then
//! the letter made of them (identity, headings, paragraphs with their
//! footnote markers and citations, footnotes, signature) and the transcript
//! the proof holds it to.

use std::collections::{BTreeMap, HashMap};

use roxmltree::Node;

use super::parts::{self, LocalName, Numbering, Piece, Styles, attr, child};
use super::{chamber_in, labelled, signatories};
use crate::citation::{self, KstId};
use crate::import::{
    Block, Document, Footnote, ImportError, Inline, Report, Transcript, collapse, pdftext,
    published, slug,
};

/// What a paragraph of the body is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Kind {
    Heading(usize),
    Title,
    Text,
}

/// A paragraph of the body (or a table row), numbered from 1.
#[derive(Debug, Clone)]
pub(super) struct Para {
    pub kind: Kind,
    pub pieces: Vec<Piece>,
    pub index: usize,
}

/// The body's paragraphs and table rows, in order; content controls are
/// opened, everything else at the body's level (section properties,
/// bookmarks) is not text.
pub(super) fn read(
    document: &str,
    styles: &Styles,
    numbering: &Numbering,
) -> Result<Vec<Para>, ImportError> {
    let xml = parts::parse_xml(document, "word/document.xml")?;
    let Some(body) = xml.descendants().find(|n| n.has_tag_name_local("body")) else {
        return Err(ImportError::whole(
            "a Word document without a body (word/document.xml has no w:body)",
        ));
    };
    let mut out = Vec::new();
    let mut lists = Lists::default();
    let mut stack: Vec<Node> = body.children().filter(Node::is_element).collect();
    stack.reverse();
    while let Some(n) = stack.pop() {
        let (kind, pieces) = match n.tag_name().name() {
            "p" => paragraph(n, styles, numbering, &mut lists),
            "tbl" => {
                for row in rows(n) {
                    out.push(Para {
                        kind: Kind::Text,
                        pieces: row,
                        index: out.len() + 1,
                    });
                }
                continue;
            }
            "sdt" | "sdtContent" | "customXml" | "smartTag" => {
                let inner = match n.tag_name().name() {
                    "sdt" => child(n, "sdtContent").map(|c| c.children().collect::<Vec<_>>()),
                    _ => Some(n.children().collect()),
                };
                for c in inner.into_iter().flatten().filter(Node::is_element).rev() {
                    stack.push(c);
                }
                continue;
            }
            _ => continue,
        };
        out.push(Para {
            kind,
            pieces,
            index: out.len() + 1,
        });
    }
    Ok(out)
}

fn paragraph(
    p: Node,
    styles: &Styles,
    numbering: &Numbering,
    lists: &mut Lists,
) -> (Kind, Vec<Piece>) {
    let ppr = child(p, "pPr");
    let style = ppr
        .and_then(|r| child(r, "pStyle"))
        .and_then(|s| attr(s, "val"));
    let kind = match style {
        Some(s) if styles.title.iter().any(|t| t == s) => Kind::Title,
        Some(s) => styles
            .heading
            .get(s)
            .map_or(Kind::Text, |l| Kind::Heading(*l)),
        None => Kind::Text,
    };
    let mut pieces = parts::pieces(p);
    let num = ppr.and_then(|r| child(r, "numPr"));
    let num_id = num
        .and_then(|n| child(n, "numId"))
        .and_then(|i| attr(i, "val"));
    let level = num
        .and_then(|n| child(n, "ilvl"))
        .and_then(|i| attr(i, "val"))
        .and_then(|v| v.parse::<u32>().ok())
        .unwrap_or(0);
    if let Some(id) = num_id.filter(|id| *id != "0")
        && kind == Kind::Text
        && let Some(mark) = lists.mark(numbering, id, level)
    {
        pieces.insert(0, Piece::Text(format!("{mark} ")));
    }
    (kind, pieces)
}

/// A table's rows (not those of tables inside its cells): each cell's
/// paragraphs joined by a space, cells by ` | `.
fn rows(tbl: Node) -> Vec<Vec<Piece>> {
    let mut out = Vec::new();
    for tr in tbl.descendants().filter(|n| n.has_tag_name_local("tr")) {
        let own = tr
            .ancestors()
            .find(|a| a.has_tag_name_local("tbl"))
            .is_some_and(|a| a == tbl);
        if !own {
            continue;
        }
        let mut row: Vec<Piece> = Vec::new();
        for (i, tc) in tr
            .children()
            .filter(|c| c.has_tag_name_local("tc"))
            .enumerate()
        {
            if i > 0 {
                row.push(Piece::Text(" | ".into()));
            }
            for (k, p) in tc
                .children()
                .filter(|c| c.has_tag_name_local("p") || c.has_tag_name_local("tbl"))
                .enumerate()
            {
                if k > 0 {
                    row.push(Piece::Text(" ".into()));
                }
                row.extend(parts::pieces(p));
            }
        }
        out.push(row);
    }
    out
}

/// List counters by list, per level.
#[derive(Default)]
struct Lists {
    counters: HashMap<String, Vec<u32>>,
}

impl Lists {
    /// The mark Word shows for the next item of list `id` at `level`.
    fn mark(&mut self, numbering: &Numbering, id: &str, level: u32) -> Option<String> {
        let levels = numbering.get(id)?;
        let this = levels.get(&level)?;
        let depth = usize::try_from(level).ok()?.min(8);
        let counters = self.counters.entry(id.to_string()).or_default();
        counters.truncate(depth + 1);
        while counters.len() <= depth {
            let l = u32::try_from(counters.len()).unwrap_or(0);
            let start = levels.get(&l).map_or(1, |x| x.start);
            counters.push(start.saturating_sub(1));
        }
        counters[depth] = counters[depth].saturating_add(1);
        if this.format == "bullet" || this.format == "none" {
            return (this.format == "bullet").then(|| "•".to_string());
        }
        let mut text = this.text.clone();
        for (l, value) in counters.iter().enumerate() {
            let fmt = levels
                .get(&u32::try_from(l).unwrap_or(0))
                .map_or("decimal", |x| x.format.as_str());
            text = text.replace(&format!("%{}", l + 1), &number(*value, fmt));
        }
        Some(text).filter(|t| !t.trim().is_empty())
    }
}

fn number(n: u32, format: &str) -> String {
    let letter = |base: u8| {
        let i = u8::try_from(n.saturating_sub(1) % 26).unwrap_or(0);
        char::from(base + i).to_string()
    };
    match format {
        "lowerLetter" => letter(b'a'),
        "upperLetter" => letter(b'A'),
        _ => n.to_string(),
    }
}

/// The letter made of the body's paragraphs.
pub(super) fn assemble(
    paras: Vec<Para>,
    notes: &HashMap<String, Vec<String>>,
    header: &[String],
    report: &mut Report,
) -> Result<(Document, Transcript), ImportError> {
    let texts: Vec<String> = paras
        .iter()
        .map(|p| collapse(&parts::text_of(&p.pieces)).trim().to_string())
        .collect();
    let mut furniture = vec![false; paras.len()];
    let mut doc = identity(&paras, &texts, header, &mut furniture)?;
    let signature = signature(&paras, &texts, &furniture);
    for (i, _, _) in &signature {
        for &k in i {
            furniture[k] = true;
        }
    }
    doc.signatories = signatories(
        &signature
            .iter()
            .map(|(_, r, n)| (r.clone(), n.clone()))
            .collect::<Vec<_>>(),
    );

    let mut t = Transcript::default();
    for (_, role, name) in &signature {
        t.signature.push((0, format!("{role}\n{name}\n")));
    }
    // Footnote numbers in order of reference, as Word numbers them.
    let mut numbers: BTreeMap<&str, u32> = BTreeMap::new();
    let mut first_at: BTreeMap<u32, usize> = BTreeMap::new();
    let min_level = paras
        .iter()
        .filter_map(|p| match p.kind {
            Kind::Heading(l) => Some(l),
            _ => None,
        })
        .min()
        .unwrap_or(1);
    for (k, p) in paras.iter().enumerate() {
        if furniture[k] || texts[k].is_empty() && !p.pieces.iter().any(is_note) {
            continue;
        }
        if p.kind == Kind::Title {
            if doc.title.is_empty() {
                doc.title.clone_from(&texts[k]);
            }
            continue;
        }
        let mut text = String::new();
        let mut spans: Vec<(usize, usize, Inline)> = Vec::new();
        for piece in &p.pieces {
            match piece {
                Piece::Text(s) => text.push_str(s),
                Piece::Note(id) => {
                    let next = u32::try_from(numbers.len() + 1).unwrap_or(u32::MAX);
                    let n = *numbers.entry(id.as_str()).or_insert(next);
                    first_at.entry(n).or_insert(p.index);
                    let digits = n.to_string();
                    spans.push((text.len(), text.len() + digits.len(), Inline::Note(n)));
                    text.push_str(&digits);
                }
            }
        }
        t.running.push((p.index, format!("{text}\n")));
        match p.kind {
            Kind::Heading(level) if spans.is_empty() => {
                doc.blocks.push(Block::Heading {
                    level: level + 1 - min_level,
                    text: collapse(&text).trim().to_string(),
                    line: p.index,
                });
            }
            _ => {
                for f in citation::find_all(&text) {
                    let label = text[f.start..f.end].to_string();
                    spans.push((f.start, f.end, Inline::Cite { label, id: f.id }));
                }
                let inlines = pdftext::to_inlines(&text, spans);
                doc.blocks.push(Block::Paragraph {
                    inlines,
                    line: p.index,
                });
            }
        }
    }
    for (id, n) in &numbers {
        let line = first_at.get(n).copied().unwrap_or(0);
        let paragraphs: Vec<Vec<Inline>> = notes
            .get(*id)
            .into_iter()
            .flatten()
            .map(|text| {
                let spans = citation::find_all(text)
                    .into_iter()
                    .map(|f| {
                        let label = text[f.start..f.end].to_string();
                        (f.start, f.end, Inline::Cite { label, id: f.id })
                    })
                    .collect();
                pdftext::to_inlines(text, spans)
            })
            .collect();
        if let Some(texts) = notes.get(*id) {
            t.footnotes
                .insert(*n, texts.iter().map(|s| (line, format!("{s}\n"))).collect());
        } else {
            report.warn(
                line,
                "footnote-without-text",
                format!("footnote {n}: the Word document's footnotes part does not give its text"),
            );
        }
        doc.footnotes.push(Footnote {
            number: *n,
            paragraphs,
            line,
        });
    }
    doc.footnotes.sort_by_key(|f| f.number);
    crate::import::xml::collect_references(&mut doc);
    Ok((doc, t))
}

fn is_note(p: &Piece) -> bool {
    matches!(p, Piece::Note(_))
}

/// A letter as published (its heading at the top), or a ministry letter
/// (`Datum` and a reference in the page header or at the top).
fn identity(
    paras: &[Para],
    texts: &[String],
    header: &[String],
    furniture: &mut [bool],
) -> Result<Document, ImportError> {
    let lines: Vec<&str> = texts.iter().take(200).map(String::as_str).collect();
    if let Some(head) = published::heading(&lines) {
        let Some((_, date)) = head.date else {
            return Err(ImportError::whole(
                "a Word document with a Kamerstuk's heading but no date under it \
(`Den Haag, 22 februari 2019`)",
            ));
        };
        for f in furniture.iter_mut().take(head.last + 1) {
            *f = true;
        }
        let chamber = head.chamber.or(head.kst.chamber);
        let kst = KstId {
            chamber,
            ..head.kst
        };
        let doc_type = if head.title.to_lowercase().starts_with("brief") {
            "brief"
        } else {
            "kamerstuk"
        };
        return Ok(Document {
            id: kst.id(),
            kst: Some(kst),
            title: head.title,
            doc_type: doc_type.into(),
            date,
            chamber,
            year: head.year,
            dossier_title: head.dossier_title,
            ..Document::default()
        });
    }
    // A ministry letter: the header's labels, or the body's at its top.
    let header_lines: Vec<&str> = header.iter().map(String::as_str).collect();
    let (mut date, mut reference) = labelled(&header_lines);
    let top = texts.len().min(40);
    let top_lines: Vec<&str> = texts[..top].iter().map(String::as_str).collect();
    let (body_date, body_reference) = labelled(&top_lines);
    if date.is_none() || reference.is_none() {
        // Labels at the top of the body are letterhead, not text.
        for (k, t) in top_lines.iter().enumerate() {
            let is_label = ["Datum", "Onze referentie", "Ons kenmerk", "Kenmerk"]
                .iter()
                .any(|l| t.starts_with(l));
            if is_label && paras[k].kind == Kind::Text {
                furniture[k] = true;
                let value_next = ["Datum", "Onze referentie", "Ons kenmerk", "Kenmerk"]
                    .contains(&t.trim_end_matches(':'));
                if value_next && k + 1 < furniture.len() {
                    furniture[k + 1] = true;
                }
            }
        }
        date = date.or(body_date);
        reference = reference.or(body_reference);
    }
    let Some(date_text) = date else {
        return Err(ImportError::whole(format!(
            "a Word document, but not a letter the import knows: neither a Kamerstuk's heading \
(`Nr. …` and `Den Haag, <date>`) nor a ministry letter's `Datum` in its page header ({})",
            super::super::format::ACCEPTED
        )));
    };
    let Some(reference) = reference else {
        return Err(ImportError::whole(
            "a Word letter without a Kamerstuk number or a reference (`Onze referentie`)",
        ));
    };
    let date = pdftext::dutch_date(&date_text).unwrap_or_default();
    let chamber = chamber_in(&lines);
    Ok(Document {
        id: format!("kamerbrief-{}", slug::slug(&reference)),
        title: format!("Kamerbrief van {}", collapse(&date_text)),
        doc_type: "brief".into(),
        date,
        chamber,
        reference: Some(reference),
        ..Document::default()
    })
}

/// From the end of the text: pairs of a role and a name (two paragraphs,
/// or one: `De Minister van …, F.B.J. Grapperhaus`).
fn signature(
    paras: &[Para],
    texts: &[String],
    furniture: &[bool],
) -> Vec<(Vec<usize>, String, String)> {
    let text: Vec<usize> = (0..paras.len())
        .filter(|&k| !furniture[k] && paras[k].kind == Kind::Text && !texts[k].is_empty())
        .collect();
    let mut out = Vec::new();
    let mut k = text.len();
    while k > 0 {
        let last = &texts[text[k - 1]];
        if paras[text[k - 1]].pieces.iter().any(is_note) {
            break;
        }
        if let Some((role, name)) = published::one_line_signature(last) {
            out.push((vec![text[k - 1]], role, name));
            k -= 1;
            continue;
        }
        if k >= 2 && published::is_role(&texts[text[k - 2]]) && published::is_name(last) {
            out.push((
                vec![text[k - 2], text[k - 1]],
                texts[text[k - 2]].clone(),
                last.clone(),
            ));
            k -= 2;
            continue;
        }
        break;
    }
    out.reverse();
    out
}
