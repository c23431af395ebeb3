//! The proof of an import: the written file, read back as the loader reads
//! it, holds the source's text and nothing else.
//!
//! The running text of the file (the document's text, then each section's
//! title and text, in tree order, links read as their labels) must be the
//! source's running text character for character once whitespace is set
//! aside: so every sentence of the source is there, in order, and there is
//! no word the source lacks. A hyphen at a source line's end may be gone
//! (a word hyphenated by the layout, written whole). Each footnote's text
//! must be the source's footnote of that number, the signatories the
//! signature. Then the links: every footnote marker has exactly one
//! footnote, every footnote is cited, numbers run without gaps, and every
//! citation and annex link names an entry of the file.
//!
//! Left out of the proof, because they are not the source's running text:
//! the document's title and identity fields (from metadata, or made from
//! the date for a letter's PDF text), annex titles and reference fields.

use std::collections::{BTreeMap, BTreeSet};

use super::{Document, Report, Transcript};
use crate::markup;

pub fn prove(source: &Transcript, doc: &Document, written: &str, report: &mut Report) {
    // The TOML parser's and the markup's passes (linear: see the import
    // benchmark) count as one step a byte.
    crate::work::add(written.len());
    let value: toml::Table = match toml::from_str(written) {
        Ok(v) => v,
        Err(e) => {
            report.problem(
                0,
                "proof",
                format!("the written file is not valid TOML: {e}"),
            );
            return;
        }
    };
    let mut links: Vec<String> = Vec::new();
    let mut running = String::new();
    if let Some(d) = value.get("dossier").and_then(|d| d.as_table()) {
        push_text(d.get("text"), &mut running, &mut links, report);
    }
    if let Some(sections) = value.get("section").and_then(|s| s.as_array()) {
        sections_text(sections, &mut running, &mut links, report);
    }
    compare(&source.running, &running, "the text", report);

    // Footnotes, by number.
    let mut notes: BTreeMap<u32, String> = BTreeMap::new();
    for f in value
        .get("footnote")
        .and_then(|f| f.as_array())
        .into_iter()
        .flatten()
    {
        let number = f.get("number").and_then(|n| n.as_integer()).unwrap_or(-1);
        let mut text = String::new();
        push_text(f.get("text"), &mut text, &mut links, report);
        if let Ok(n) = u32::try_from(number) {
            notes.insert(n, text);
        }
    }
    for (n, lines) in &source.footnotes {
        let line = lines.first().map_or(0, |l| l.0);
        match notes.get(n) {
            Some(text) => compare(lines, text, &format!("footnote {n}"), report),
            None => report.problem(
                line,
                "proof",
                format!("footnote {n} of the source is not in the result"),
            ),
        }
    }
    for (n, text) in &notes {
        if !source.footnotes.contains_key(n) && !text.trim().is_empty() {
            report.problem(
                0,
                "proof",
                format!("footnote {n} has text the source does not give"),
            );
        }
    }

    // The signature: roles and names, commas aside.
    let signed: String = doc
        .signatories
        .iter()
        .map(|s| format!("{} {} ", s.role, s.name))
        .collect();
    let without_commas: Vec<(usize, String)> = source
        .signature
        .iter()
        .map(|(l, t)| (*l, t.replace(',', " ")))
        .collect();
    compare(
        &without_commas,
        &signed.replace(',', " "),
        "the signature",
        report,
    );

    check_links(doc, &value, &links, &notes, report);
}

fn sections_text(
    sections: &[toml::Value],
    running: &mut String,
    links: &mut Vec<String>,
    report: &mut Report,
) {
    for s in sections {
        if let Some(title) = s.get("title").and_then(|t| t.as_str()) {
            running.push_str(title);
            running.push('\n');
        }
        push_text(s.get("text"), running, links, report);
        if let Some(sub) = s.get("section").and_then(|s| s.as_array()) {
            sections_text(sub, running, links, report);
        }
    }
}

/// A text value read as the loader reads it, its links collected.
fn push_text(
    value: Option<&toml::Value>,
    out: &mut String,
    links: &mut Vec<String>,
    report: &mut Report,
) {
    let Some(raw) = value.and_then(|v| v.as_str()) else {
        return;
    };
    match markup::parse_document(raw) {
        Ok((document, sites)) => {
            out.push_str(&document.plain());
            out.push('\n');
            links.extend(sites.into_iter().map(|s| s.target));
        }
        Err(e) => report.problem(
            0,
            "proof",
            format!("the written markup is wrong: {}", e.message),
        ),
    }
}

/// The source's characters with their line, whitespace left out; a hyphen
/// that ends a source line is marked optional. Read as the comparison
/// goes, so the proof holds no copy of the text.
fn source_chars(lines: &[(usize, String)]) -> impl Iterator<Item = (char, usize, bool)> + '_ {
    lines.iter().flat_map(|(start, text)| {
        crate::work::add(text.len());
        text.split('\n').enumerate().flat_map(move |(k, piece)| {
            // Where the line's last character that is not whitespace ends.
            let last = piece.trim_end().len();
            piece
                .char_indices()
                .filter(|(_, c)| !c.is_whitespace())
                .map(move |(at, c)| (c, start + k, c == '-' && at + 1 == last))
        })
    })
}

/// The last few characters read, for a finding's context.
struct Behind(std::collections::VecDeque<char>);

impl Behind {
    const KEEP: usize = 20;

    fn new() -> Self {
        Behind(std::collections::VecDeque::with_capacity(Self::KEEP))
    }

    fn push(&mut self, c: char) {
        if self.0.len() == Self::KEEP {
            self.0.pop_front();
        }
        self.0.push_back(c);
    }

    /// The characters behind, then those ahead: 50 in all.
    fn around(&self, ahead: impl Iterator<Item = char>) -> String {
        let behind = self.0.len();
        self.0
            .iter()
            .copied()
            .chain(ahead.take(50 - behind))
            .collect()
    }
}

/// One finding at the first place where the result leaves the source.
fn compare(source: &[(usize, String)], result: &str, what: &str, report: &mut Report) {
    crate::work::add(result.len());
    let mut src = source_chars(source).peekable();
    let mut res = result.chars().filter(|c| !c.is_whitespace()).peekable();
    let (mut src_behind, mut res_behind) = (Behind::new(), Behind::new());
    let mut last_line = 0;
    while let Some(&(c, line, optional)) = src.peek() {
        match res.peek() {
            Some(&r) if r == c => {
                res_behind.push(r);
                res.next();
            }
            _ if optional => {}
            _ => break,
        }
        src_behind.push(c);
        last_line = line;
        src.next();
    }
    let (src_done, res_done) = (src.peek().is_none(), res.peek().is_none());
    if src_done && res_done {
        return;
    }
    let line = src.peek().map_or(last_line, |c| c.1);
    let from_src = src_behind.around(src.map(|c| c.0));
    let from_res = res_behind.around(res);
    let message = if src_done {
        format!("{what} of the result goes on where the source ends: «{from_res}»")
    } else if res_done {
        format!("{what} of the result ends where the source goes on: «{from_src}»")
    } else {
        format!(
            "{what} of the result differs from the source: source «{from_src}», result «{from_res}» (spaces left out)"
        )
    };
    report.problem(line, "proof", message);
}

fn check_links(
    doc: &Document,
    value: &toml::Table,
    links: &[String],
    notes: &BTreeMap<u32, String>,
    report: &mut Report,
) {
    let defined: BTreeSet<&str> = ["section", "annex", "footnote", "reference"]
        .iter()
        .flat_map(|k| {
            value
                .get(*k)
                .and_then(|v| v.as_array())
                .into_iter()
                .flatten()
        })
        .filter_map(|e| e.get("id").and_then(|i| i.as_str()))
        .collect();
    let fn_prefix = format!("{}/fn-", doc.id);
    let mut cited: BTreeMap<u32, usize> = BTreeMap::new();
    for target in links {
        if let Some(n) = target
            .strip_prefix(&fn_prefix)
            .and_then(|n| n.parse::<u32>().ok())
        {
            *cited.entry(n).or_default() += 1;
            if !notes.contains_key(&n) {
                report.problem(0, "proof", format!("marker {n} has no footnote"));
            }
        } else if !defined.contains(target.as_str()) {
            report.problem(
                0,
                "proof",
                format!("link to `{target}`, which the file does not define"),
            );
        }
    }
    let lines: BTreeMap<u32, usize> = doc
        .footnotes
        .iter()
        .map(|f| (f.number, f.line))
        .rev()
        .collect();
    for (n, text) in notes {
        let line = lines.get(n).copied().unwrap_or(0);
        match cited.get(n) {
            None => report.warn(
                line,
                "uncited-footnote",
                format!("footnote {n} is cited nowhere in the text"),
            ),
            Some(&k) if k > 1 => report.note(
                line,
                "footnote-cited-again",
                format!("footnote {n} is cited {k} times"),
            ),
            _ => {}
        }
        if text.trim().is_empty() {
            report.warn(
                line,
                "footnote-without-text",
                format!("footnote {n}: the source does not give its text"),
            );
        }
    }
    let numbers: Vec<u32> = notes.keys().copied().collect();
    if let (Some(&first), Some(&last)) = (numbers.first(), numbers.last())
        && (first != 1 || last as usize != numbers.len())
    {
        report.warn(
            0,
            "footnote-gap",
            format!("footnote numbers do not run 1 to {last} without gaps: {numbers:?}"),
        );
    }
}
