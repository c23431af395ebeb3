//! The line rules of a letter's PDF text: which line is page furniture,
//! footnote or signature, and how running lines make headings and
//! paragraphs.

use std::collections::BTreeMap;

use super::Report;
use crate::citation::KstId;

/// What a line of the source is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Running,
    Blank,
    /// Return address, page header and footer, hyperlink targets.
    Furniture,
    Footnote,
    Signature,
}

/// The source taken apart by line.
#[derive(Debug, Default)]
pub struct Layout<'a> {
    /// One per source line.
    pub kinds: Vec<Kind>,
    lines: Vec<&'a str>,
    /// Lines after a form feed (a page break pdftotext marks).
    page_start: Vec<bool>,
    /// Running lines, with their 1-based number.
    pub running: Vec<(usize, &'a str)>,
    pub footnotes: BTreeMap<u32, Vec<(usize, &'a str)>>,
    /// Hyperlink targets, each once, with the line it was printed on.
    pub urls: Vec<(usize, String)>,
    /// Role (as printed, with its comma) and name.
    pub signatures: Vec<(String, String)>,
    pub date: Option<(usize, String)>,
    pub reference: Option<String>,
    pub sender: Vec<String>,
    pub return_address: Option<String>,
    pub own_number: Option<KstId>,
}

/// Words a heading does not end on: the line goes on.
const GOES_ON: [&str; 48] = [
    "de", "het", "een", "en", "of", "van", "voor", "met", "aan", "op", "in", "te", "tot", "om",
    "dat", "die", "zowel", "als", "bij", "naar", "door", "over", "uit", "dan", "wordt", "is",
    "zijn", "heeft", "hebben", "worden", "kan", "zal", "niet", "ook", "nog", "maar", "waarbij",
    "dit", "deze", "hun", "haar", "onze", "uw", "wij", "we", "er", "ter", "per",
];

pub fn classify<'a>(text: &'a str, report: &mut Report) -> Layout<'a> {
    let mut layout = bare(text);
    return_address(&mut layout);
    page_headers(&mut layout);
    hyperlinks(&mut layout);
    signature(&mut layout);
    footnotes(&mut layout, report);
    layout.collect_running();
    layout
}

/// `text` split into lines, blank lines marked, every other line running:
/// for a layout whose furniture, footnotes and signature another reader
/// decides (the published layout), before [`Layout::collect_running`].
pub fn bare(text: &str) -> Layout<'_> {
    let mut layout = Layout::default();
    crate::work::add(text.len());
    for raw in text.lines() {
        let starts_page = raw.starts_with('\u{c}');
        layout.lines.push(raw.trim_start_matches('\u{c}'));
        layout.page_start.push(starts_page);
    }
    let n = layout.lines.len();
    layout.kinds = vec![Kind::Running; n];
    for i in 0..n {
        if layout.lines[i].trim().is_empty() {
            layout.kinds[i] = Kind::Blank;
        }
    }
    layout
}

impl<'a> Layout<'a> {
    /// The source's lines, a page break's form feed taken off.
    pub fn lines(&self) -> &[&'a str] {
        &self.lines
    }

    /// The running lines, in order, from the kinds decided.
    pub fn collect_running(&mut self) {
        self.running.clear();
        for (i, kind) in self.kinds.iter().enumerate() {
            if *kind == Kind::Running {
                self.running.push((i + 1, self.lines[i]));
            }
        }
    }
}

fn return_address(layout: &mut Layout) {
    for (i, line) in layout.lines.iter().enumerate() {
        let t = line.trim().trim_start_matches('>').trim_start();
        if let Some(rest) = t.strip_prefix("Retouradres") {
            layout.return_address = Some(super::collapse(rest)).filter(|r| !r.is_empty());
            layout.kinds[i] = Kind::Furniture;
            return;
        }
    }
}

fn is_page_number(line: &str) -> bool {
    let words: Vec<&str> = line.split_whitespace().collect();
    matches!(words.as_slice(), ["Pagina", a, "van", b] if a.parse::<u32>().is_ok() && b.parse::<u32>().is_ok())
}

const LABELS: [&str; 8] = [
    "Datum",
    "Onze referentie",
    "Ons kenmerk",
    "Kenmerk",
    "Uw referentie",
    "Uw kenmerk",
    "Bijlage(n)",
    "Bijlagen",
];

/// `Pagina N van M` and the header block above it: the sender lines, then
/// labels (`Datum`, `Onze referentie`) each with its value.
fn page_headers(layout: &mut Layout) {
    for p in 0..layout.lines.len() {
        if !is_page_number(layout.lines[p].trim()) {
            continue;
        }
        layout.kinds[p] = Kind::Furniture;
        // Back over short lines to two blank lines in a row.
        let mut start = p;
        let mut blanks = 0;
        let mut i = p;
        while i > 0 {
            i -= 1;
            crate::work::add(1);
            let t = layout.lines[i].trim();
            if t.is_empty() {
                blanks += 1;
                if blanks >= 2 {
                    break;
                }
                continue;
            }
            blanks = 0;
            if t.chars().count() > 50 || t.ends_with('.') || layout.kinds[i] != Kind::Running {
                break;
            }
            start = i;
        }
        let block: Vec<usize> = (start..p).collect();
        let has_label = block
            .iter()
            .any(|&i| LABELS.contains(&layout.lines[i].trim()));
        if !has_label {
            continue;
        }
        for &i in &block {
            layout.kinds[i] = Kind::Furniture;
        }
        if layout.date.is_none() {
            read_header(layout, &block);
        }
    }
}

fn read_header(layout: &mut Layout, block: &[usize]) {
    let mut sender_done = false;
    let mut current = String::new();
    let mut k = 0;
    while k < block.len() {
        crate::work::add(1);
        let i = block[k];
        let raw = layout.lines[i];
        let t = raw.trim();
        if LABELS.contains(&t) {
            sender_done = true;
            let value = block[k + 1..]
                .iter()
                .position(|&j| !layout.lines[j].trim().is_empty())
                .map(|p| (k + 1 + p, block[k + 1 + p]));
            if let Some((at, j)) = value {
                let v = super::collapse(layout.lines[j]);
                match t {
                    "Datum" => layout.date = Some((j + 1, v)),
                    "Onze referentie" | "Ons kenmerk" | "Kenmerk" => layout.reference = Some(v),
                    _ => {}
                }
                k = at + 1;
                continue;
            }
        } else if !sender_done && !t.is_empty() {
            current.push_str(raw);
            // A line the PDF wrapped ends in a space: the name goes on.
            if !raw.ends_with(char::is_whitespace) {
                layout.sender.push(super::collapse(&current));
                current.clear();
            }
        }
        k += 1;
    }
    if !current.trim().is_empty() {
        layout.sender.push(super::collapse(&current));
    }
}

fn hyperlinks(layout: &mut Layout) {
    for i in 0..layout.lines.len() {
        let t = layout.lines[i].trim();
        let is_url = (t.starts_with("https://") || t.starts_with("http://"))
            && !t.contains(char::is_whitespace);
        if is_url && layout.kinds[i] == Kind::Running {
            layout.kinds[i] = Kind::Furniture;
            if layout.urls.last().is_none_or(|(_, u)| u != t) {
                layout.urls.push((i + 1, t.to_string()));
            }
        }
    }
}

/// From the end: pairs of a role ending in a comma and a name.
fn signature(layout: &mut Layout) {
    let filled: Vec<usize> = (0..layout.lines.len())
        .filter(|&i| layout.kinds[i] == Kind::Running)
        .collect();
    let mut pairs = Vec::new();
    let mut k = filled.len();
    while k >= 2 {
        let (role_i, name_i) = (filled[k - 2], filled[k - 1]);
        let role = layout.lines[role_i].trim();
        let name = layout.lines[name_i].trim();
        let role_ok = role.ends_with(',')
            && role.chars().count() <= 90
            && (role.starts_with("De ") || role.starts_with("Het ") || role.starts_with("Namens "));
        let name_ok = !name.is_empty()
            && name.chars().count() <= 60
            && !name.ends_with([',', '.', ':', ';'])
            && !role.trim_end_matches(',').contains(". ");
        if !(role_ok && name_ok) {
            break;
        }
        pairs.push((role_i, name_i));
        k -= 2;
    }
    pairs.reverse();
    for &(r, n) in &pairs {
        layout.kinds[r] = Kind::Signature;
        layout.kinds[n] = Kind::Signature;
        layout.signatures.push((
            layout.lines[r].trim().to_string(),
            layout.lines[n].trim().to_string(),
        ));
    }
}

/// `N text` at a line start, numbered in order, after a blank line (or
/// furniture) or right after the previous footnote. A blank line or a line
/// that starts with a space (the text going on after the page foot) ends it.
fn footnotes(layout: &mut Layout, report: &mut Report) {
    let mut next = 1u32;
    let mut open: Option<u32> = None;
    let mut after_blank = true;
    for i in 0..layout.lines.len() {
        let kind = layout.kinds[i];
        if kind != Kind::Running {
            after_blank = matches!(kind, Kind::Blank | Kind::Furniture);
            if kind == Kind::Blank || kind == Kind::Furniture {
                open = None;
            }
            continue;
        }
        let line = layout.lines[i];
        if open.is_some() && line.starts_with(char::is_whitespace) {
            open = None;
        }
        let prefix = format!("{next} ");
        if (open.is_some() || after_blank)
            && let Some(rest) = line.strip_prefix(&prefix)
        {
            layout.kinds[i] = Kind::Footnote;
            layout.footnotes.insert(next, vec![(i + 1, rest)]);
            open = Some(next);
            next += 1;
            after_blank = false;
            continue;
        }
        if let Some(k) = open {
            layout.kinds[i] = Kind::Footnote;
            if let Some(v) = layout.footnotes.get_mut(&k) {
                v.push((i + 1, line));
            }
            after_blank = false;
            continue;
        }
        // A number at a line start after a blank that is not the next
        // footnote's: say so, it may be one out of order.
        if after_blank
            && let Some((num, _)) = line.split_once(' ')
            && let Ok(k) = num.parse::<u32>()
            && k > next
            && k < next + 5
        {
            report.warn(
                i + 1,
                "footnote-order",
                format!("this line starts like footnote {k}, but footnote {next} comes first: kept as text"),
            );
        }
        after_blank = false;
    }
}

/// A heading or a paragraph of running text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Block {
    Heading {
        level: usize,
        text: String,
        line: usize,
    },
    Paragraph {
        text: String,
        line: usize,
    },
}

/// Running lines made blocks: paragraphs joined across page breaks where
/// a sentence runs on, headings found at a paragraph's start.
pub fn blocks(layout: &Layout, report: &mut Report) -> Vec<Block> {
    let groups = groups(layout);
    let width = width(layout);
    let fits = |line: &str, next: Option<&str>| -> bool {
        let Some(next) = next else { return true };
        let word = next.split_whitespace().next().unwrap_or("");
        line.trim_end().chars().count() + 1 + word.chars().count() <= width
    };
    let mut out = Vec::new();
    let mut grouping = false;
    for group in groups {
        let mut i = 0;
        while i < group.len() {
            if let Some(k) = heading_at(&group, i, &fits) {
                let texts: Vec<&str> = group[i..=k].iter().map(|l| l.1).collect();
                let text = join(&texts);
                let level = if text.ends_with(':') {
                    grouping = true;
                    1
                } else if grouping {
                    2
                } else {
                    1
                };
                out.push(Block::Heading {
                    level,
                    text,
                    line: group[i].0,
                });
                i = k + 1;
                continue;
            }
            let start = i;
            while i < group.len() {
                crate::work::add(1);
                let (no, line) = group[i];
                let next = group.get(i + 1).map(|l| l.1);
                let t = line.trim_end();
                if next.is_some() && ends_sentence(t) && fits(t, next) {
                    break;
                }
                if let Some(next) = next
                    && fits(t, Some(next))
                    && !t.ends_with(|c: char| c.is_ascii_punctuation() || c == '’' || c == '”')
                    && !goes_on(t)
                    && !t.contains(". ")
                    && next.trim_start().starts_with(char::is_uppercase)
                {
                    report.warn(
                        no,
                        "maybe-heading",
                        format!("`{}` ends short of the margin without a full stop: it might be a heading; kept in its paragraph", super::collapse(t)),
                    );
                }
                i += 1;
            }
            let end = i.min(group.len() - 1);
            let texts: Vec<&str> = group[start..=end].iter().map(|l| l.1).collect();
            out.push(Block::Paragraph {
                text: join(&texts),
                line: group[start].0,
            });
            i = end + 1;
        }
    }
    out
}

/// Does a heading start at line `i` of the group, and on which line does
/// it end? Up to three lines; the last short of the margin, none ending a
/// sentence, the next line starting a sentence.
fn heading_at(
    group: &[(usize, &str)],
    i: usize,
    fits: &dyn Fn(&str, Option<&str>) -> bool,
) -> Option<usize> {
    let first = group[i].1.trim_start();
    if !first.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit()) {
        return None;
    }
    for k in i..(i + 3).min(group.len()) {
        let t = group[k].1.trim();
        if t.contains(". ")
            || t.ends_with(['.', '?', '!', ';', ','])
            || t.is_empty()
            || ends_with_marker(t)
        {
            return None;
        }
        // `(hierna:` is a sentence going on, not a heading.
        let text: String = group[i..=k].iter().map(|l| l.1).collect();
        if text.matches('(').count() != text.matches(')').count() {
            return None;
        }
        let next = group.get(k + 1).map(|l| l.1);
        if fits(t, next) {
            if goes_on(t) {
                return None;
            }
            return match next {
                None => (k == i && t.chars().count() <= 120).then_some(k),
                Some(n) => n
                    .trim_start()
                    .starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit())
                    .then_some(k),
            };
        }
    }
    None
}

/// A sentence that ends with a footnote marker: `… in Brussel.1`,
/// `… maart 2019.1`; not a section number such as `Hoofdstuk 3.1`.
fn ends_with_marker(line: &str) -> bool {
    let stem = line.trim_end_matches(|c: char| c.is_ascii_digit());
    let marker = line.len() - stem.len();
    let Some(before) = stem.strip_suffix(['.', '?', '!']) else {
        return false;
    };
    if marker == 0 || marker > 3 {
        return false;
    }
    let digits = before.len() - before.trim_end_matches(|c: char| c.is_ascii_digit()).len();
    match before.chars().next_back() {
        Some(c) if c.is_ascii_digit() => {
            let year = &before[before.len() - digits..];
            digits == 4 && (year.starts_with("19") || year.starts_with("20"))
        }
        Some(c) => c.is_alphabetic() || ")’”'\"".contains(c),
        None => false,
    }
}

fn goes_on(line: &str) -> bool {
    let last = line.split_whitespace().next_back().unwrap_or("");
    GOES_ON.contains(&last.to_lowercase().as_str())
}

/// A line that ends a sentence: `.`, `?`, `!`, also with a marker after.
fn ends_sentence(line: &str) -> bool {
    let t = line
        .trim_end()
        .trim_end_matches(|c: char| c.is_ascii_digit())
        .trim_end();
    t.ends_with(['.', '?', '!']) || t.ends_with(".”") || t.ends_with(".’")
}

/// The width of a full line, in characters: the 90th percentile of the
/// running lines' lengths.
fn width(layout: &Layout) -> usize {
    let mut lens: Vec<usize> = layout
        .running
        .iter()
        .map(|(_, l)| l.trim_end().chars().count())
        .collect();
    if lens.is_empty() {
        return 80;
    }
    lens.sort_unstable();
    lens[(lens.len() * 9 / 10).min(lens.len() - 1)].max(20)
}

/// Runs of running lines: a blank line ends one; page furniture between
/// two lines ends one only where a sentence ended before it and the next
/// line does not go on in lower case.
fn groups<'a>(layout: &Layout<'a>) -> Vec<Vec<(usize, &'a str)>> {
    #[derive(PartialEq)]
    enum Gap {
        None,
        Blank,
        Page,
    }
    let mut out: Vec<Vec<(usize, &str)>> = Vec::new();
    let mut gap = Gap::Blank;
    for (i, kind) in layout.kinds.iter().enumerate() {
        if layout.page_start[i] {
            gap = Gap::Page;
        }
        match kind {
            Kind::Blank => {
                if gap != Gap::Page {
                    gap = Gap::Blank;
                }
            }
            Kind::Furniture | Kind::Footnote | Kind::Signature => gap = Gap::Page,
            Kind::Running => {
                let line = layout.lines[i];
                let joins = match gap {
                    Gap::None => true,
                    Gap::Blank => false,
                    Gap::Page => {
                        let prev_open = out
                            .last()
                            .and_then(|g| g.last())
                            .is_some_and(|(_, l)| !ends_sentence(l));
                        prev_open || line.trim_start().starts_with(char::is_lowercase)
                    }
                };
                match out.last_mut() {
                    Some(g) if joins => g.push((i + 1, line)),
                    _ => out.push(vec![(i + 1, line)]),
                }
                gap = Gap::None;
            }
        }
    }
    out
}

/// Lines joined into one text, whitespace collapsed. A word broken after
/// its hyphen at a line end (`Secretaris-` / `Generaal`, `EU-` /
/// `agentschappen`) is joined without a space; `asiel- en migratie` keeps it.
pub fn join(lines: &[&str]) -> String {
    let mut out = String::new();
    let mut glue = false;
    for line in lines {
        let t = line.trim();
        if t.is_empty() {
            glue = false;
            continue;
        }
        let first = t.split_whitespace().next().unwrap_or("");
        let joins =
            glue && t.starts_with(char::is_alphabetic) && !matches!(first, "en" | "of" | "tot");
        if !out.is_empty() && !joins {
            out.push(' ');
        }
        out.push_str(t);
        let mut end = t.chars().rev();
        glue = end.next() == Some('-') && end.next().is_some_and(char::is_alphabetic);
    }
    super::collapse(&out)
}

#[cfg(test)]
mod tests {
    use super::ends_with_marker;

    #[test]
    fn a_sentence_with_its_marker_is_no_heading_but_a_section_number_may_be() {
        assert!(ends_with_marker("in Brussel.1"));
        assert!(ends_with_marker("van 7 en 8 maart 2019.12"));
        assert!(ends_with_marker("(de C7).3"));
        assert!(!ends_with_marker("Hoofdstuk 3.1"));
        assert!(!ends_with_marker("Asiel en migratie"));
        assert!(!ends_with_marker("Het jaar 2019."));
    }
}
