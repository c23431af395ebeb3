//! A letter in its published layout: the text of its page on
//! officielebekendmakingen.nl or tweedekamer.nl (copied, saved, or made
//! from the page's HTML by [`super::html`]).
//!
//! ```text
//! 32 317 JBZ-Raad
//! Nr. 542 BRIEF VAN DE MINISTER VAN JUSTITIE EN VEILIGHEID
//! Aan de Voorzitter van de Tweede Kamer der Staten-Generaal
//! Den Haag, 22 februari 2019
//! …text, topic headings…
//! De Minister van Justitie en Veiligheid,
//! F.B.J. Grapperhaus
//! 1 Kamerstuk 32 317, nr. 530
//! ```
//!
//! The heading gives the identity (dossier and number, or an Eerste Kamer
//! letter's letters: `32 317` + `OO`), the addressee the chamber, the
//! `Den Haag` line the date; everything above the heading and the page
//! furniture (`Tweede Kamer, vergaderjaar 2018–2019, 32 317, nr. 542`,
//! `kst-32317-542`, `ISSN …`) is never text. Footnotes are the numbered
//! lines at the end, from `1` on; the signature stands above them. The
//! text itself is made into paragraphs, headings and footnote links by the
//! rules of the ministry's PDF text ([`super::pdftext::assemble`]).

use super::lines::{self, Kind, Layout};
use super::{Document, ImportError, Report, Transcript, format, pdftext};
use crate::citation::{Chamber, KstId};

pub fn parse(text: &str, report: &mut Report) -> Result<(Document, Transcript), ImportError> {
    let mut layout = lines::bare(text);
    let head = heading(layout.lines()).ok_or_else(|| {
        ImportError::whole(
            "a letter as published, but without its heading: no dossier number with \
`Nr. …` (or an Eerste Kamer letter's letters) above `Den Haag, <date>`",
        )
    })?;
    let Some((_, date)) = head.date.clone() else {
        return Err(ImportError::at(
            head.last + 1,
            1,
            "no date found: a letter as published gives it under its heading, as \
`Den Haag, 22 februari 2019`",
        ));
    };
    for k in &mut layout.kinds[..=head.last] {
        *k = Kind::Furniture;
    }
    let body_year = furniture(&mut layout);
    let year = head.year.clone().or(body_year);
    footnotes(&mut layout);
    signature(&mut layout);
    layout.collect_running();

    let chamber = head.chamber.or(head.kst.chamber);
    let kst = KstId {
        chamber,
        ..head.kst.clone()
    };
    let doc_type = if head.title.to_lowercase().starts_with("brief") {
        "brief"
    } else {
        "kamerstuk"
    };
    let doc = Document {
        id: kst.id(),
        kst: Some(kst),
        title: head.title.clone(),
        doc_type: doc_type.into(),
        date,
        chamber,
        year,
        dossier_title: head.dossier_title.clone(),
        signatories: pdftext::signatories(&layout),
        ..Document::default()
    };
    pdftext::assemble(doc, &layout, report)
}

/// Does the text look like a letter as published: a dossier heading with
/// its `Nr. …`, or a `Den Haag, <date>` line, near its start?
pub(super) fn looks_published(text: &str) -> bool {
    let head: Vec<&str> = format::head_lines(text).collect();
    heading(&head).is_some() || head.iter().any(|l| date_line(l).is_some())
}

/// What the heading says.
#[derive(Debug, Clone)]
pub(super) struct Heading {
    pub kst: KstId,
    pub dossier_title: Option<String>,
    pub title: String,
    pub chamber: Option<Chamber>,
    /// 1-based line and `YYYY-MM-DD`.
    pub date: Option<(usize, String)>,
    pub year: Option<String>,
    /// The last line (0-based) of the heading block.
    pub last: usize,
}

/// The heading block: a dossier line, a number line (within a few lines),
/// the title, the addressee, the date.
pub(super) fn heading(lines: &[&str]) -> Option<Heading> {
    let look = lines.len().min(200);
    // A heading laid out in a table (a Word document's) reads as one line.
    let joined: Vec<String> = lines[..look]
        .iter()
        .map(|l| l.replace(" | ", " ").trim_matches(['|', ' ']).to_string())
        .collect();
    let lines: Vec<&str> = joined.iter().map(String::as_str).collect();
    let filled: Vec<usize> = (0..look).filter(|&i| !lines[i].trim().is_empty()).collect();
    for (k, &i) in filled.iter().enumerate() {
        let Some((dossier, rest)) = dossier_line(lines[i].trim()) else {
            continue;
        };
        // `32317 OO`: an Eerste Kamer letter's number on the dossier line.
        let own_letters = rest.len() <= 4
            && !rest.is_empty()
            && rest.chars().all(|c| c.is_ascii_uppercase())
            && !is_roman(rest);
        let mut dossier_title: Vec<&str> = Vec::new();
        if !rest.is_empty() && !own_letters {
            dossier_title.push(rest);
        }
        let mut found = None;
        for (j, &n) in filled.iter().enumerate().skip(k + 1).take(4) {
            if let Some((number, title)) = number_line(lines[n].trim()) {
                found = Some((j, number, title));
                break;
            }
            dossier_title.push(lines[n].trim());
        }
        let (mut j, number, title) = match (found, own_letters) {
            (Some(f), _) => f,
            (None, true) => (k, rest.to_string(), String::new()),
            (None, false) => continue,
        };
        let chamber_of_number = if number.starts_with(|c: char| c.is_ascii_alphabetic()) {
            Chamber::EersteKamer
        } else {
            Chamber::TweedeKamer
        };
        let mut title = title;
        // The title goes on in capitals.
        while let Some(&n) = filled.get(j + 1) {
            let t = lines[n].trim();
            let letters = t.chars().filter(|c| c.is_alphabetic());
            let caps =
                t.chars().any(char::is_alphabetic) && letters.clone().all(char::is_uppercase);
            if !caps || date_line(t).is_some() || addressee(t).is_some() {
                break;
            }
            if !title.is_empty() {
                title.push(' ');
            }
            title.push_str(t);
            j += 1;
        }
        let mut head = Heading {
            kst: KstId {
                dossier,
                number,
                chamber: Some(chamber_of_number),
            },
            dossier_title: (!dossier_title.is_empty())
                .then(|| super::collapse(&dossier_title.join(" "))),
            title: super::collapse(&title),
            chamber: None,
            date: None,
            year: None,
            last: filled[j],
        };
        // Above the heading: the chamber and the year the page prints.
        for &a in &filled[..k] {
            let t = lines[a].trim();
            if head.chamber.is_none() {
                head.chamber = chamber_named(t);
            }
            if head.year.is_none() {
                head.year = year_in(t);
            }
        }
        // Below it: the addressee and the date, before any text.
        for &n in filled.iter().skip(j + 1).take(3) {
            let t = lines[n].trim();
            if let Some(c) = addressee(t) {
                head.chamber = Some(c);
                head.last = n;
            } else if let Some(d) = date_line(t) {
                head.date = Some((n + 1, d));
                head.last = n;
                break;
            } else {
                break;
            }
        }
        return Some(head);
    }
    from_metadata(&lines)
}

/// The page as officielebekendmakingen.nl shows it now: no printed
/// heading, but a table of metadata above the letter (`Tweede Kamer der
/// Staten-Generaal | 2021-2022 | 29279 nr. 685`) and the `Den Haag` line.
fn from_metadata(lines: &[&str]) -> Option<Heading> {
    let d = lines.iter().position(|l| date_line(l).is_some())?;
    let date = date_line(lines[d])?;
    let (i, (dossier, number)) = (0..d).rev().find_map(|i| Some((i, nr_in(lines[i])?)))?;
    let chamber = lines[i..d]
        .iter()
        .find_map(|l| chamber_named(l))
        .or(Some(Chamber::TweedeKamer));
    let year = lines[..d].iter().find_map(|l| {
        year_in(l).or_else(|| {
            l.split(|c: char| c.is_whitespace() || c == '|')
                .find_map(|w| year_in(&format!("vergaderjaar {w}")))
        })
    });
    Some(Heading {
        title: format!("Kamerstuk {dossier}, nr. {number}"),
        kst: KstId {
            dossier,
            number,
            chamber,
        },
        dossier_title: None,
        chamber,
        date: Some((d + 1, date)),
        year,
        last: d,
    })
}

/// `29279 nr. 685`, `21501-20 nr. 2254`, `29 279 nr. 685` in a line.
fn nr_in(t: &str) -> Option<(String, String)> {
    let (before, after) = t.split_once(" nr. ")?;
    let number: String = after.chars().take_while(char::is_ascii_digit).collect();
    if number.is_empty() {
        return None;
    }
    let words: Vec<&str> = before.split_whitespace().collect();
    let last = words.last()?;
    let candidates = [
        last.to_string(),
        words
            .len()
            .checked_sub(2)
            .map(|k| format!("{} {}", words[k], last))
            .unwrap_or_default(),
    ];
    candidates.iter().find_map(|c| {
        let (dossier, rest) = dossier_line(c)?;
        rest.is_empty().then(|| (dossier, number.clone()))
    })
}

/// `32 317 JBZ-Raad`, `32317`, `21 501-20 Europese Raad`, `36 410 VI
/// Vaststelling …`: the dossier number and the rest of the line.
fn dossier_line(t: &str) -> Option<(String, &str)> {
    let b = t.as_bytes();
    let digits =
        |r: std::ops::Range<usize>| r.clone().all(|i| b.get(i).is_some_and(u8::is_ascii_digit));
    let (main, mut at) = if digits(0..5) {
        (t.get(..5)?.to_string(), 5)
    } else if digits(0..2) && b.get(2) == Some(&b' ') && digits(3..6) {
        (format!("{}{}", t.get(..2)?, t.get(3..6)?), 6)
    } else {
        return None;
    };
    let mut dossier = main;
    match b.get(at) {
        None => return Some((dossier, "")),
        Some(b'-') => {
            let sub: String = t[at + 1..]
                .chars()
                .take_while(char::is_ascii_alphanumeric)
                .collect();
            if sub.is_empty() {
                return None;
            }
            dossier.push('-');
            dossier.push_str(&sub.to_ascii_uppercase());
            at += 1 + sub.len();
        }
        Some(b' ') => {}
        Some(_) => return None,
    }
    let rest = t[at..].trim_start();
    // A roman sub-number (`VI`) before the title.
    let first = rest.split_whitespace().next().unwrap_or("");
    if is_roman(first) && rest.len() > first.len() {
        dossier.push('-');
        dossier.push_str(first);
        return Some((dossier, rest[first.len()..].trim_start()));
    }
    // A line of running text that starts with a number is not a heading.
    if rest.ends_with(['.', ',', ';']) {
        return None;
    }
    Some((dossier, rest))
}

fn is_roman(word: &str) -> bool {
    !word.is_empty() && word.len() <= 6 && word.chars().all(|c| "IVXLC".contains(c))
}

/// `Nr. 542 BRIEF VAN …`, `nr. 542`, `OO BRIEF VAN …`, `OO`: the number and
/// the title after it.
fn number_line(t: &str) -> Option<(String, String)> {
    let rest = t
        .strip_prefix("Nr. ")
        .or_else(|| t.strip_prefix("nr. "))
        .or_else(|| t.strip_prefix("Nr."));
    if let Some(rest) = rest {
        let rest = rest.trim_start();
        let number: String = rest.chars().take_while(char::is_ascii_digit).collect();
        let after = &rest[number.len()..];
        if number.is_empty() || !(after.is_empty() || after.starts_with(char::is_whitespace)) {
            return None;
        }
        return Some((number, after.trim().to_string()));
    }
    let word = t.split_whitespace().next()?;
    let after = t[word.len()..].trim();
    let letters = word.len() <= 4 && word.chars().all(|c| c.is_ascii_uppercase());
    let title_caps = after.is_empty()
        || after
            .split_whitespace()
            .next()
            .is_some_and(|w| w.len() > 1 && w.chars().all(char::is_uppercase));
    (letters && title_caps && (after.is_empty() || after.len() > 4))
        .then(|| (word.to_string(), after.to_string()))
}

/// `Aan de Voorzitter van de Tweede Kamer der Staten-Generaal`.
fn addressee(t: &str) -> Option<Chamber> {
    t.starts_with("Aan de ").then(|| chamber_named(t)).flatten()
}

pub(super) fn chamber_named(t: &str) -> Option<Chamber> {
    if t.contains("Eerste Kamer der Staten-Generaal") {
        Some(Chamber::EersteKamer)
    } else if t.contains("Tweede Kamer der Staten-Generaal") {
        Some(Chamber::TweedeKamer)
    } else {
        None
    }
}

/// `Den Haag, 22 februari 2019` (or `’s-Gravenhage, …`): the date.
pub(super) fn date_line(t: &str) -> Option<String> {
    let t = t.trim();
    let rest = ["Den Haag,", "’s-Gravenhage,", "'s-Gravenhage,"]
        .iter()
        .find_map(|p| t.strip_prefix(p))?;
    pdftext::dutch_date(rest)
}

/// `Vergaderjaar 2018–2019` (or in a page footer): `2018-2019`.
fn year_in(t: &str) -> Option<String> {
    let lower = t.to_lowercase();
    let at = lower.find("vergaderjaar ")? + "vergaderjaar ".len();
    let word: String = lower[at..].chars().take(9).collect();
    let (a, b) = word.split_once(['-', '–'])?;
    let ok = a.len() == 4
        && a.chars().all(|c| c.is_ascii_digit())
        && b.len() == 4
        && b.chars().all(|c| c.is_ascii_digit());
    ok.then(|| format!("{a}-{b}"))
}

/// Page furniture anywhere in the text: the page footer, the chamber and
/// year printed at a page's top, the publication's number and ISSN. The
/// year, when a line gives it.
fn furniture(layout: &mut Layout) -> Option<String> {
    let mut year = None;
    for i in 0..layout.kinds.len() {
        if layout.kinds[i] != Kind::Running {
            continue;
        }
        let t = layout.lines()[i].trim();
        let bare = t.trim_matches(|c: char| c == '|' || c.is_whitespace() || c.is_ascii_digit());
        let is = [
            "Tweede Kamer der Staten-Generaal",
            "Eerste Kamer der Staten-Generaal",
        ]
        .contains(&bare)
            || (t.starts_with("Vergaderjaar ") && year_in(t).is_some() && t.len() < 30)
            || ((t.starts_with("Tweede Kamer, vergaderjaar ")
                || t.starts_with("Eerste Kamer, vergaderjaar "))
                && t.len() < 90)
            || (t.starts_with("kst-") && !t.contains(' '))
            || t.starts_with("ISSN ")
            || is_place_and_year(t);
        if is {
            if year.is_none() {
                year = year_in(t);
            }
            layout.kinds[i] = Kind::Furniture;
        }
    }
    year
}

/// `’s-Gravenhage 2019`, printed under the publication's number.
fn is_place_and_year(t: &str) -> bool {
    ["’s-Gravenhage ", "'s-Gravenhage "].iter().any(|p| {
        t.strip_prefix(p)
            .is_some_and(|y| y.len() == 4 && y.chars().all(|c| c.is_ascii_digit()))
    })
}

/// The footnotes at the end: numbered lines from `1`, in order, each
/// perhaps going on on the lines right under it, and nothing but
/// furniture after them. Read from the end back, so a numbered line in
/// the text is never taken.
fn footnotes(layout: &mut Layout) {
    let n = layout.kinds.len();
    let mut expected: Option<u32> = None;
    let mut starts: Vec<(usize, u32)> = Vec::new();
    let mut going_on = false;
    let mut first = None;
    let mut i = n;
    while i > 0 {
        i -= 1;
        match layout.kinds[i] {
            Kind::Running => {}
            Kind::Blank => {
                // A line going on after a blank belongs to no footnote.
                if going_on {
                    return;
                }
                continue;
            }
            _ => continue,
        }
        let t = layout.lines()[i];
        let number = t
            .split_once(char::is_whitespace)
            .and_then(|(num, _)| num.parse::<u32>().ok())
            .filter(|k| expected.is_none_or(|e| *k == e) && *k >= 1);
        match number {
            Some(k) => {
                starts.push((i, k));
                going_on = false;
                if k == 1 {
                    first = Some(i);
                    break;
                }
                expected = Some(k - 1);
            }
            None => going_on = true,
        }
    }
    let Some(first) = first else { return };
    // The first footnote stands after a blank line or furniture.
    if first > 0 && layout.kinds[first - 1] == Kind::Running {
        return;
    }
    starts.reverse();
    for (k, &(start, number)) in starts.iter().enumerate() {
        let end = starts.get(k + 1).map_or(n, |s| s.0);
        let mut body = Vec::new();
        for l in start..end {
            if layout.kinds[l] != Kind::Running {
                continue;
            }
            layout.kinds[l] = Kind::Footnote;
            let line = layout.lines()[l];
            let text = if l == start {
                line.split_once(char::is_whitespace)
                    .map_or("", |(_, rest)| rest)
            } else {
                line
            };
            body.push((l + 1, text));
        }
        layout.footnotes.insert(number, body);
    }
}

/// The signature above the footnotes: a role ending in a comma and a name,
/// on two lines or on one (`De Minister van …, F.B.J. Grapperhaus`),
/// perhaps for more than one signatory.
fn signature(layout: &mut Layout) {
    let running: Vec<usize> = (0..layout.kinds.len())
        .filter(|&i| layout.kinds[i] == Kind::Running)
        .collect();
    let mut pairs: Vec<(Vec<usize>, String, String)> = Vec::new();
    let mut k = running.len();
    while k > 0 {
        let last = layout.lines()[running[k - 1]].trim();
        if let Some((role, name)) = one_line_signature(last) {
            pairs.push((vec![running[k - 1]], role, name));
            k -= 1;
            continue;
        }
        if k >= 2 {
            let role = layout.lines()[running[k - 2]].trim();
            if is_role(role) && is_name(last) {
                pairs.push((
                    vec![running[k - 2], running[k - 1]],
                    role.to_string(),
                    last.to_string(),
                ));
                k -= 2;
                continue;
            }
        }
        break;
    }
    pairs.reverse();
    for (lines, role, name) in pairs {
        for l in lines {
            layout.kinds[l] = Kind::Signature;
        }
        layout.signatures.push((role, name));
    }
}

pub(super) fn is_role(t: &str) -> bool {
    t.ends_with(',')
        && t.chars().count() <= 100
        && (t.starts_with("De ") || t.starts_with("Het ") || t.starts_with("Namens "))
        && !t.trim_end_matches(',').contains(". ")
}

pub(super) fn is_name(t: &str) -> bool {
    !t.is_empty()
        && t.chars().count() <= 60
        && !t.ends_with([',', '.', ':', ';'])
        && t.starts_with(char::is_uppercase)
}

/// `De Minister van Justitie en Veiligheid, F.B.J. Grapperhaus`.
pub(super) fn one_line_signature(t: &str) -> Option<(String, String)> {
    let (role, name) = t.rsplit_once(", ")?;
    let role = format!("{role},");
    (is_role(&role) && is_name(name) && !name.contains(" van de "))
        .then(|| (role, name.to_string()))
}

#[cfg(test)]
mod tests;
