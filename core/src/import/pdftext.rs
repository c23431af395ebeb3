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
use super::{
    Annex, Block, Document, Footnote, ImportError, Inline, Reference, Report, Signatory,
    Transcript, slug,
};
use crate::citation::{self, Chamber};

pub fn parse(text: &str, report: &mut Report) -> Result<(Document, Transcript), ImportError> {
    let layout = lines::classify(text, report);
    let mut doc = identity(&layout, text)?;
    let transcript = transcript(&layout);

    // Footnote texts by number, joined as paragraphs are.
    let mut notes: BTreeMap<u32, (usize, String)> = BTreeMap::new();
    for (n, body) in &layout.footnotes {
        let refs: Vec<&str> = body.iter().map(|(_, t)| *t).collect();
        notes.insert(*n, (body.first().map_or(0, |l| l.0), lines::join(&refs)));
    }

    let blocks = lines::blocks(&layout, report);
    check_not_cut_off(&layout, &blocks)?;

    // Running paragraphs, their text joined; markers are found through
    // all of them in footnote order.
    let paragraphs: Vec<(usize, String)> = blocks
        .iter()
        .filter_map(|b| match b {
            lines::Block::Paragraph { text, line } => Some((*line, text.clone())),
            lines::Block::Heading { .. } => None,
        })
        .collect();
    let markers = find_markers(&paragraphs, &notes, report);
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
    doc.annexes.extend(annexes.into_values());

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
        signatories: layout
            .signatures
            .iter()
            .map(|(role, name)| Signatory {
                role: role.trim_end_matches(',').trim().to_string(),
                name: name.clone(),
            })
            .collect(),
        ..Document::default()
    })
}

/// `17 december 2025` → `2025-12-17`.
pub(super) fn dutch_date(text: &str) -> Option<String> {
    let words: Vec<&str> = text.split_whitespace().collect();
    let [d, m, y] = words.as_slice() else {
        return None;
    };
    let months = crate::lang::Lang::Nl.months();
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

/// Where footnote `n`'s marker stands: paragraph index → (byte offset, n).
/// Each footnote's marker is the first place after the previous one's
/// where its number stands as a marker. The places are found in one pass
/// over the paragraphs (a number can stand as a marker only at the start
/// of a run of digits, or after a year that opens it), so a footnote whose
/// marker is missing costs no new scan of the text.
fn find_markers(
    paragraphs: &[(usize, String)],
    notes: &BTreeMap<u32, (usize, String)>,
    report: &mut Report,
) -> BTreeMap<usize, Vec<(usize, u32)>> {
    let mut sites: HashMap<u32, Vec<(usize, usize)>> = HashMap::new();
    for (q, (_, text)) in paragraphs.iter().enumerate() {
        for (at, n) in marker_sites(text) {
            if notes.contains_key(&n) {
                sites.entry(n).or_default().push((q, at));
            }
        }
    }
    let mut out: BTreeMap<usize, Vec<(usize, u32)>> = BTreeMap::new();
    let mut after = (0usize, 0usize);
    for (&n, (line, _)) in notes {
        let places = sites.get(&n).map_or(&[][..], Vec::as_slice);
        let first = places.partition_point(|&place| place < after);
        crate::work::add(first.max(1).ilog2() as usize + 1);
        match places.get(first) {
            Some(&(q, at)) => {
                out.entry(q).or_default().push((at, n));
                after = (q, at + n.to_string().len());
            }
            None => report.warn(
                *line,
                "unmatched-footnote",
                format!("no marker for footnote {n} found in the text after marker {}: the footnote is kept, cited nowhere", n.saturating_sub(1)),
            ),
        }
    }
    out
}

/// Every place in `text` where a number stands as a footnote marker, with
/// the number, in order: at the start of a run of digits, or after a year
/// that opens the run (`20191`), the number ending the run.
fn marker_sites(text: &str) -> Vec<(usize, u32)> {
    let bytes = text.as_bytes();
    crate::work::add(bytes.len());
    let mut out = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        if !bytes[i].is_ascii_digit() {
            i += 1;
            continue;
        }
        let start = i;
        while i < bytes.len() && bytes[i].is_ascii_digit() {
            i += 1;
        }
        for at in [start, start + 4] {
            // A footnote's number as printed has no leading zero.
            if at >= i || bytes[at] == b'0' || i - at > 9 {
                continue;
            }
            let Ok(n) = text[at..i].parse::<u32>() else {
                continue;
            };
            if is_marker(text, at, i) {
                out.push((at, n));
            }
        }
    }
    out
}

/// Whether the digits at `at..end` stand as a marker: glued to a word or to
/// punctuation (`Luxemburg1`, `gemeld2,`, `voorstel1.`, `(de 'C7')1`),
/// after a year (`20191`), or alone after a word or a full stop
/// (`gestuurd 6.`, `geïnformeerd. 2`). Looks at a few characters around
/// the digits only.
fn is_marker(text: &str, at: usize, end: usize) -> bool {
    let before = &text[..at];
    let prev = before.chars().next_back();
    let after = text[end..].chars().next();
    let after_ok = after.is_none_or(|c| c.is_whitespace() || ",.;:)".contains(c));
    let glued = match prev {
        Some(c) if c.is_alphabetic() => {
            // Not a code such as `C7`, `G20`: a short run of capitals.
            let word: Vec<char> = before
                .chars()
                .rev()
                .take_while(|c| c.is_alphanumeric())
                .take(4)
                .collect();
            !(word.len() <= 3 && word.iter().all(|c| c.is_uppercase()))
        }
        Some(c) if ")'’”\".,;:".contains(c) => true,
        Some(c) if c.is_ascii_digit() => {
            // A year with the marker glued on: `20191`.
            let year: Vec<char> = before
                .chars()
                .rev()
                .take_while(char::is_ascii_digit)
                .take(5)
                .collect();
            year.len() == 4 && matches!(year[..], [_, _, '9', '1'] | [_, _, '0', '2'])
        }
        _ => false,
    };
    if glued && after_ok {
        return true;
    }
    if prev.is_some_and(char::is_whitespace) && after_ok {
        let last = before
            .trim_end_matches(char::is_whitespace)
            .chars()
            .next_back();
        let after_word = last.is_some_and(|c| c.is_alphabetic() || c == '.');
        let alone_at_end = after.is_none_or(|c| c.is_whitespace())
            && last == Some('.')
            && text[end..]
                .trim_start()
                .chars()
                .next()
                .is_none_or(char::is_uppercase);
        // `gestuurd 6.`, not `artikel 2:20` nor `hoofdstuk 3.1`.
        let digit_after = text[end..]
            .chars()
            .nth(1)
            .is_some_and(|c| c.is_ascii_digit());
        let before_punct = after.is_some_and(|c| ",.;".contains(c))
            && !digit_after
            && last.is_some_and(char::is_alphabetic);
        if after_word && (alone_at_end || before_punct) {
            return true;
        }
    }
    false
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
                let annex = Annex {
                    key: slug::slug(&short),
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
fn to_inlines(text: &str, mut spans: Vec<(usize, usize, Inline)>) -> Vec<Inline> {
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
