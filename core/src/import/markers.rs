//! Footnote markers in a letter's running text: where each footnote's
//! number stands glued to a word or punctuation, in footnote order.

use std::collections::{BTreeMap, HashMap};

use super::Report;

/// Where footnote `n`'s marker stands: paragraph index → (byte offset, n).
/// Each footnote's marker is the first place after the previous one's
/// where its number stands as a marker. The places are found in one pass
/// over the paragraphs (a number can stand as a marker only at the start
/// of a run of digits, or after a year that opens it), so a footnote whose
/// marker is missing costs no new scan of the text.
pub fn find(
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
