//! A letter's PDF text as `pdftotext` gives it (without `-layout`), into a
//! [`Document`].
//!
//! The rules are those the bundled dossiers were made by (see
//! `dossiers/README.md`): the page furniture is taken out (the return
//! address, the page header from the sender block to `Pagina N van M`,
//! hyperlink targets printed on lines of their own, the footnotes printed
//! at the page foot), lines are joined into paragraphs (a page break inside
//! a sentence is undone; a line that ends a sentence short of the margin
//! ends its paragraph), a word broken after its hyphen is written whole,
//! headings are short lines without a final full stop at a paragraph's
//! start, footnote markers are found glued to words and punctuation in
//! number order, citations are found in every notation, annex mentions
//! become annexes. See [`super::lines`] for the line rules.

use std::collections::{BTreeMap, HashMap};

use super::lines::{self, Kind, Layout};
use super::markers;
use super::{
    Annex, Block, Document, Footnote, ImportError, Inline, Reference, Report, Signatory,
    Transcript, slug,
};
use crate::citation::{self, Chamber};

pub fn parse(text: &str, report: &mut Report) -> Result<(Document, Transcript), ImportError> {
    let layout = lines::classify(text, report);
    let doc = identity(&layout, text)?;
    assemble(doc, &layout, report)
}

/// The text of a letter whose lines are classified, under its identity:
/// paragraphs and headings, footnotes at their markers, citations, annexes.
/// Shared with the published layout ([`super::published`]).
pub(super) fn assemble(
    mut doc: Document,
    layout: &Layout,
    report: &mut Report,
) -> Result<(Document, Transcript), ImportError> {
    let transcript = transcript(layout);

    // Footnote texts by number, joined as paragraphs are.
    let mut notes: BTreeMap<u32, (usize, String)> = BTreeMap::new();
    for (n, body) in &layout.footnotes {
        let refs: Vec<&str> = body.iter().map(|(_, t)| *t).collect();
        notes.insert(*n, (body.first().map_or(0, |l| l.0), lines::join(&refs)));
    }

    let blocks = lines::blocks(layout, report);
    check_not_cut_off(layout, &blocks)?;

    // Running paragraphs, their text joined; markers are found through
    // all of them in footnote order.
    let paragraphs: Vec<(usize, String)> = blocks
        .iter()
        .filter_map(|b| match b {
            lines::Block::Paragraph { text, line } => Some((*line, text.clone())),
            lines::Block::Heading { .. } => None,
        })
        .collect();
    let markers = markers::find(&paragraphs, &notes, report);
    // Hyperlinks printed at the page foot: their labels in the text.
    let links = link_labels(&paragraphs, &layout.urls, report);

    let mut annexes: BTreeMap<u32, Annex> = BTreeMap::new();
    let mut index = 0;
    for b in blocks {
        let (line, text) = match b {
            lines::Block::Heading { level, text, line } => {
                doc.blocks.push(Block::Heading { level, text, line });
                continue;
            }
            lines::Block::Paragraph { text, line } => (line, text),
        };
        let i = index;
        index += 1;
        let mut spans: Vec<(usize, usize, Inline)> = Vec::new();
        for &(at, n) in markers.get(&i).into_iter().flatten() {
            spans.push((at, at + n.to_string().len(), Inline::Note(n)));
        }
        if let Some((start, annex)) = links.get(&i) {
            spans.push((
                *start,
                text.len(),
                Inline::Annex {
                    label: text[*start..].to_string(),
                    key: annex.key.clone(),
                },
            ));
            doc.annexes.push(annex.clone());
        }
        for f in citation::find_all(&text) {
            let label = text[f.start..f.end].to_string();
            spans.push((f.start, f.end, Inline::Cite { label, id: f.id }));
        }
        for (start, end, number) in annex_mentions(&text) {
            let key = format!("bijlage-{number}");
            annexes.entry(number).or_insert_with(|| Annex {
                key: key.clone(),
                label: format!("Bijlage {number}"),
                title: format!("Bijlage {number}"),
                url: None,
            });
            let label = text[start..end].to_string();
            spans.push((start, end, Inline::Annex { label, key }));
        }
        let inlines = to_inlines(&text, spans);
        doc.blocks.push(Block::Paragraph { inlines, line });
    }
    // An annex a link already gave (`Bijlage 2` as a link's label) once.
    let linked: std::collections::HashSet<String> =
        doc.annexes.iter().map(|a| a.key.clone()).collect();
    doc.annexes
        .extend(annexes.into_values().filter(|a| !linked.contains(&a.key)));

    // Footnotes with their citations.
    for (n, (line, text)) in &notes {
        let mut spans = Vec::new();
        let found = citation::find_all(text);
        // What stands before each citation, read in one pass: the first
        // `motie`, the last `vergaderjaar`, the previous citation's end.
        let motie = first_ci(text, "motie");
        let years: Vec<usize> = text
            .match_indices("vergaderjaar ")
            .map(|(i, _)| i)
            .collect();
        crate::work::add(2 * text.len() + found.len());
        let mut ends: Vec<usize> = Vec::with_capacity(found.len());
        for f in found {
            let kind = if motie.is_some_and(|m| m + "motie".len() <= f.start) {
                "motie"
            } else {
                "kamerstuk"
            };
            let last_year = years
                .partition_point(|&y| y + "vergaderjaar ".len() <= f.start)
                .checked_sub(1)
                .map(|k| years[k]);
            let year = last_year.and_then(|y| year_at(&text[y..f.start]));
            let description = description_before(text, f.start, &ends);
            ends.push(f.end);
            let entry = doc
                .references
                .entry(f.id.reference_id())
                .or_insert(Reference {
                    id: f.id.clone(),
                    kind,
                    year: None,
                    description: None,
                });
            if entry.year.is_none() {
                entry.year = year;
            }
            if entry.description.is_none() {
                entry.description = description;
            }
            spans.push((
                f.start,
                f.end,
                Inline::Cite {
                    label: text[f.start..f.end].to_string(),
                    id: f.id,
                },
            ));
        }
        doc.footnotes.push(Footnote {
            number: *n,
            paragraphs: vec![to_inlines(text, spans)],
            line: *line,
        });
    }
    // Citations in the running text are references too.
    for b in &doc.blocks {
        if let Block::Paragraph { inlines, .. } = b {
            for i in inlines {
                if let Inline::Cite { id, .. } = i {
                    doc.references
                        .entry(id.reference_id())
                        .or_insert(Reference {
                            id: id.clone(),
                            kind: "kamerstuk",
                            year: None,
                            description: None,
                        });
                }
            }
        }
    }
    Ok((doc, transcript))
}

/// Date, reference, chamber, sender, return address and signatories.
fn identity(layout: &Layout, text: &str) -> Result<Document, ImportError> {
    let Some((date_line, date_text)) = layout.date.clone() else {
        return Err(ImportError::whole(
            "not a letter's text: no date found (a `Datum` line in the page header)",
        ));
    };
    let Some(date) = dutch_date(&date_text) else {
        return Err(ImportError::at(
            date_line,
            1,
            format!("`{date_text}` is not a date such as `17 december 2025`"),
        ));
    };
    let own = layout.own_number.clone();
    let id = match (&own, &layout.reference) {
        (Some(k), _) => k.id(),
        (None, Some(r)) => format!("kamerbrief-{}", slug::slug(r)),
        (None, None) => {
            return Err(ImportError::whole(
                "not a letter's text: neither a Kamerstuk number nor a reference (`Onze referentie`) found",
            ));
        }
    };
    let chamber = if text.contains("Eerste Kamer der Staten-Generaal") {
        Some(Chamber::EersteKamer)
    } else if text.contains("Tweede Kamer der Staten-Generaal") {
        Some(Chamber::TweedeKamer)
    } else {
        own.as_ref().and_then(|k| k.chamber)
    };
    Ok(Document {
        kst: own,
        id,
        title: format!("Kamerbrief van {}", crate::import::collapse(&date_text)),
        doc_type: "brief".into(),
        date,
        chamber,
        reference: layout.reference.clone(),
        sender: layout.sender.clone(),
        return_address: layout.return_address.clone(),
        signatories: signatories(layout),
        ..Document::default()
    })
}

/// The signatures the layout found: role (without its trailing comma)
/// and name.
pub(super) fn signatories(layout: &Layout) -> Vec<Signatory> {
    layout
        .signatures
        .iter()
        .map(|(role, name)| Signatory {
            role: role.trim_end_matches(',').trim().to_string(),
            name: name.clone(),
        })
        .collect()
}

/// `17 december 2025` → `2025-12-17`.
pub(super) fn dutch_date(text: &str) -> Option<String> {
    let words: Vec<&str> = text.split_whitespace().collect();
    let [d, m, y] = words.as_slice() else {
        return None;
    };
    // Dates in the letters are Dutch.
    let months = crate::messages::NL.shared.months;
    let month = months.iter().position(|x| x.eq_ignore_ascii_case(m))? + 1;
    let year: i16 = y.parse().ok().filter(|y| (1000..=9999).contains(y))?;
    // `31 februari` is no day: refused, not written into a file no
    // loader reads.
    let date = jiff::civil::Date::new(year, i8::try_from(month).ok()?, d.parse().ok()?).ok()?;
    Some(date.to_string())
}

/// A text that stops in mid-sentence, with no signature after it, was cut off.
fn check_not_cut_off(layout: &Layout, blocks: &[lines::Block]) -> Result<(), ImportError> {
    if !layout.signatures.is_empty() {
        return Ok(());
    }
    let Some(lines::Block::Paragraph { text, .. }) = blocks.last() else {
        return Ok(());
    };
    let last = text.trim_end();
    let ends = last
        .trim_end_matches(|c: char| c.is_ascii_digit())
        .trim_end()
        .ends_with(['.', '?', '!', ':', '”', '’', '"', ')', ';']);
    if ends {
        return Ok(());
    }
    let line = layout
        .kinds
        .iter()
        .rposition(|k| *k == Kind::Running)
        .map_or(0, |i| i + 1);
    Err(ImportError::at(
        line,
        1,
        "the text ends in mid-sentence and has no signature: it looks cut off",
    ))
}

/// The source's own text by line kind: running lines, footnote lines
/// (number taken off) and signature lines.
fn transcript(layout: &Layout) -> Transcript {
    let mut t = Transcript::default();
    for (no, line) in &layout.running {
        t.running.push((*no, format!("{line}\n")));
    }
    for (n, body) in &layout.footnotes {
        t.footnotes.insert(
            *n,
            body.iter().map(|(no, l)| (*no, format!("{l}\n"))).collect(),
        );
    }
    for (role, name) in &layout.signatures {
        t.signature.push((0, format!("{role}\n{name}\n")));
    }
    t
}

/// A hyperlink printed at the page foot is the target of a label that ends
/// a paragraph after a colon (`… is hier gepubliceerd: Joint Statement C7 |
/// …`). Paragraph index → (label start, annex).
fn link_labels(
    paragraphs: &[(usize, String)],
    urls: &[(usize, String)],
    report: &mut Report,
) -> BTreeMap<usize, (usize, Annex)> {
    // The paragraphs that end in a label, in order, each read once: each
    // URL takes the first one not yet taken, when it stands before it.
    let mut labelled = paragraphs
        .iter()
        .enumerate()
        .filter_map(|(i, (line, text))| {
            crate::work::add(text.len());
            let colon = text.rfind(": ")?;
            let label = text[colon + 2..].trim_end();
            let is_label = !label.is_empty()
                && label.len() <= 160
                && !label.ends_with(['.', '?', '!', ';', ','])
                && label.starts_with(char::is_uppercase);
            is_label.then_some((i, *line, colon + 2, label))
        })
        .peekable();
    let mut out = BTreeMap::new();
    // Two links with one label (a page printed twice) get keys of their own.
    let mut keys: HashMap<String, usize> = HashMap::new();
    for (line, url) in urls {
        crate::work::add(1);
        let found = labelled.next_if(|(_, l, _, _)| *l < *line);
        match found {
            Some((i, _, start, label)) => {
                let short = label
                    .split(" | ")
                    .next()
                    .unwrap_or(label)
                    .trim()
                    .to_string();
                let base = slug::slug(&short);
                let seen = keys.entry(base.clone()).or_default();
                *seen += 1;
                let key = match *seen {
                    1 => base,
                    n => format!("{base}-{n}"),
                };
                let annex = Annex {
                    key,
                    label: short,
                    title: label.to_string(),
                    url: Some(url.clone()),
                };
                out.insert(i, (start, annex));
            }
            None => report.warn(
                *line,
                "unmatched-link",
                format!(
                    "hyperlink `{url}` printed at the page foot: no label for it found in the text"
                ),
            ),
        }
    }
    out
}

/// `Bijlage 3`, `Bijlagen 1 en 2`, `Bijlagen 1, 2 en 3`: (start, end, number)
/// of each annex number, the whole `Bijlage N` for a single one.
fn annex_mentions(text: &str) -> Vec<(usize, usize, u32)> {
    let mut out = Vec::new();
    let mut i = 0;
    while let Some(rel) = text[i..].find("Bijlage") {
        crate::work::add(rel);
        let at = i + rel;
        i = at + "Bijlage".len();
        let plural = text[i..].starts_with("n ");
        let mut pos = if plural { i + 2 } else { i };
        if !plural && !text[pos..].starts_with(' ') {
            continue;
        }
        let mut numbers = Vec::new();
        loop {
            let rest = &text[pos..];
            let skip = rest.len() - rest.trim_start_matches([' ', ',']).len();
            crate::work::add(skip + 1);
            let rest2 = &rest[skip..];
            let (rest2, skip) = match rest2.strip_prefix("en ") {
                Some(r) if !numbers.is_empty() => (r, skip + 3),
                _ => (rest2, skip),
            };
            let len = rest2.bytes().take_while(u8::is_ascii_digit).count();
            if len == 0 || len > 3 {
                break;
            }
            let start = pos + skip;
            numbers.push((start, start + len, rest2[..len].parse::<u32>().unwrap_or(0)));
            pos = start + len;
            if !plural {
                break;
            }
        }
        match numbers.as_slice() {
            [(_, end, n)] if !plural => out.push((at, *end, *n)),
            _ => out.extend(numbers),
        }
        i = pos.max(i);
    }
    out
}

/// Where `word` (lower case ASCII) first stands in `text`, case aside.
fn first_ci(text: &str, word: &str) -> Option<usize> {
    let (t, w) = (text.as_bytes(), word.as_bytes());
    (0..=t.len().checked_sub(w.len())?).find(|&i| t[i..i + w.len()].eq_ignore_ascii_case(w))
}

/// `vergaderjaar 2023-2024` at the start of `text` (the last one before a
/// citation in a footnote): the years.
fn year_at(text: &str) -> Option<String> {
    let word = text
        .strip_prefix("vergaderjaar ")?
        .split([',', ' '])
        .next()?;
    let ok = word.len() == 9 && word.as_bytes()[4] == b'-';
    ok.then(|| word.to_string())
}

/// `Geannoteerde agenda …, 8-9 december 2025 - 32317- 978`: the words
/// before ` - ` describe the document, back to the previous citation
/// (`ends`: where the citations before this one end, in order).
fn description_before(text: &str, start: usize, ends: &[usize]) -> Option<String> {
    let before = text[..start].trim_end();
    let before = before.strip_suffix(" -")?;
    let from = ends
        .iter()
        .rev()
        .find(|&&e| e <= before.len())
        .copied()
        .unwrap_or(0);
    let d = before[from..].trim();
    let d = d.strip_prefix("en ").unwrap_or(d).trim();
    (!d.is_empty() && d.len() <= 200).then(|| d.to_string())
}

/// Text with spans made links: overlapping spans keep the first.
pub(super) fn to_inlines(text: &str, mut spans: Vec<(usize, usize, Inline)>) -> Vec<Inline> {
    spans.sort_by_key(|s| s.0);
    let mut out = Vec::new();
    let mut pos = 0;
    for (start, end, inline) in spans {
        if start < pos
            || end > text.len()
            || !text.is_char_boundary(start)
            || !text.is_char_boundary(end)
        {
            continue;
        }
        if start > pos {
            out.push(Inline::Text(text[pos..start].to_string()));
        }
        out.push(inline);
        pos = end;
    }
    if pos < text.len() {
        out.push(Inline::Text(text[pos..].to_string()));
    }
    out
}

#[cfg(test)]
mod tests {
    use crate::import::import;
    use crate::load::{NoFiles, SourceFile, load};

    #[test]
    fn two_links_with_one_label_get_an_annex_each() {
        // The bundled letter with its first page printed twice, the
        // second time with another address for the Joint Statement.
        let letter = include_str!("../../../dossiers/source/kamerbrief-7010422.txt");
        let cut = letter.find(" gesproken over opkomende").unwrap();
        let start = letter.find("Ministeriële bijeenkomst C7").unwrap();
        let again = letter[start..cut].replace("joint-statement-c7\n", "joint-statement-c7-en\n");
        let text = format!("{}{again}{}", &letter[..cut], &letter[cut..]);
        let done = import(&text).unwrap();
        let keys: Vec<&str> = done
            .document
            .annexes
            .iter()
            .map(|a| a.key.as_str())
            .collect();
        assert!(
            keys.contains(&"joint-statement-c7") && keys.contains(&"joint-statement-c7-2"),
            "{keys:?}"
        );
        let files = [SourceFile {
            path: done.file_name.clone(),
            text: done.toml.clone(),
        }];
        let corpus = load(&files, &NoFiles);
        assert!(corpus.errors.is_empty(), "{:?}", corpus.errors);
    }
}
