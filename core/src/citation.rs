//! Kamerstuk citations in every notation the documents use, each turned to
//! one identifier: `Kamerstuk 32317-973`, `Kamerstukken II 2024/25, 21 501-20,
//! nr. 2245`, `32317- 978`, `kst-32317-978`, `motie 21501-04-287`,
//! `19637/36045-3478`, `36410-VI, nr. 60`, `Kamerstukken I 2023/24, 36410 VI, A`.
//!
//! A dossier number has five digits (`32317`, printed `32 317` too), so a
//! span of years such as `2021-2027` is never taken for a citation.

pub use crate::identity::Chamber;

/// What a citation names: the one Kamerstuk identity type, under the
/// name the readers of citations have used for it.
pub use crate::identity::Kamerstuk as KstId;

/// One notation, the whole of `text`, to its identifier. Leading words
/// (`Kamerstuk`, `Kamerstukken II 2024/25,`, `motie`) are read, a final full
/// stop is allowed; anything else around the citation makes it `None`.
pub fn parse(text: &str) -> Option<KstId> {
    let text = text.trim().trim_end_matches('.').trim_end();
    if let Some(rest) = strip_prefix_ci(text, "kst-") {
        return parse_identifier(rest);
    }
    let (chamber, start) = preamble(text);
    let (end, mut id) = match_at(text, start)?;
    if !text[end..].trim().is_empty() {
        return None;
    }
    if chamber.is_some() {
        id.chamber = chamber;
    }
    Some(id)
}

/// `21501-20-2241`, `36410-VI-60`, `36410-vi-a` (after `kst-`): the last part
/// is the number, the rest the dossier.
fn parse_identifier(rest: &str) -> Option<KstId> {
    let (dossier, number) = rest.rsplit_once('-')?;
    let mut parts = dossier.split('-');
    let main = parts.next()?;
    if main.len() < 4 || !main.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let mut out = main.to_string();
    for part in parts {
        if !is_sub_number(part) {
            return None;
        }
        out.push('-');
        out.push_str(&part.to_ascii_uppercase());
    }
    let number = normalise_number(number)?;
    let chamber = number
        .starts_with(|c: char| c.is_ascii_alphabetic())
        .then_some(Chamber::EersteKamer);
    Some(KstId {
        dossier: out,
        number,
        chamber,
    })
}

/// A citation found in running text: where it stands and what it names.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Found {
    /// Byte range of the citation's numbers in the text (`32 317, nr. 878`).
    pub start: usize,
    pub end: usize,
    pub id: KstId,
}

/// Every citation in `text`, in order. The range covers the numbers only,
/// not a leading `Kamerstuk`, so a link can be made of exactly them.
pub fn find_all(text: &str) -> Vec<Found> {
    crate::work::add(text.len());
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        let starts_here = bytes[i].is_ascii_digit()
            && (i == 0 || !is_word_byte(bytes[i - 1]))
            && text.is_char_boundary(i);
        if starts_here && let Some((end, mut id)) = match_at(text, i) {
            if id.chamber.is_none() {
                id.chamber = chamber_before(&text[..i]);
            }
            out.push(Found { start: i, end, id });
            i = end;
            continue;
        }
        i += 1;
    }
    out
}

fn is_word_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'-' || b == b'/' || b >= 0x80
}

/// `Kamerstukken I 2023/24, ` just before a citation says its chamber.
fn chamber_before(before: &str) -> Option<Chamber> {
    let from = before.char_indices().rev().nth(39).map_or(0, |(i, _)| i);
    let tail = &before[from..];
    let pos = tail.rfind("Kamerstukken ")?;
    let (chamber, start) = preamble(&tail[pos..]);
    if tail[pos + start..].trim().is_empty() {
        chamber
    } else {
        None
    }
}

/// Reads leading words: `Kamerstuk(ken)`, `motie`, a chamber (`I`, `II`), a
/// vergaderjaar (`2024/25`, `2024-2025`) and a comma. Returns the chamber
/// and where the numbers start.
fn preamble(text: &str) -> (Option<Chamber>, usize) {
    let mut pos = 0;
    let mut chamber = None;
    loop {
        let rest = &text[pos..];
        let skipped = rest.len() - rest.trim_start().len();
        let rest = rest.trim_start();
        let word_end = rest
            .find(|c: char| c.is_whitespace() || c == ',')
            .unwrap_or(rest.len());
        let word = &rest[..word_end];
        let lower = word.to_lowercase();
        let taken = match lower.as_str() {
            "kamerstuk" | "kamerstukken" | "motie" | "tweede" | "eerste" | "kamer" => true,
            "ii" if word == "II" => {
                chamber = Some(Chamber::TweedeKamer);
                true
            }
            "i" if word == "I" => {
                chamber = Some(Chamber::EersteKamer);
                true
            }
            _ => is_year(word),
        };
        if !taken || word.is_empty() {
            return (chamber, pos + skipped);
        }
        pos += skipped + word_end;
        if text[pos..].starts_with(',') {
            pos += 1;
        }
    }
}

fn is_year(word: &str) -> bool {
    let Some((a, b)) = word.split_once(['/', '-']) else {
        return false;
    };
    a.len() == 4
        && a.bytes().all(|c| c.is_ascii_digit())
        && (b.len() == 2 || b.len() == 4)
        && b.bytes().all(|c| c.is_ascii_digit())
}

/// A cursor over the text for the matcher.
struct Cursor<'a> {
    text: &'a str,
    pos: usize,
}

impl Cursor<'_> {
    fn rest(&self) -> &str {
        crate::work::add(1);
        &self.text[self.pos..]
    }

    fn spaces(&mut self) -> usize {
        let rest = self.rest();
        let n = rest.len() - rest.trim_start_matches([' ', '\u{a0}', '\t']).len();
        crate::work::add(n);
        self.pos += n;
        n
    }

    fn eat(&mut self, s: &str) -> bool {
        if self.rest().starts_with(s) {
            self.pos += s.len();
            true
        } else {
            false
        }
    }

    fn digits(&mut self) -> &str {
        let rest = self.rest();
        let n = rest.bytes().take_while(u8::is_ascii_digit).count();
        crate::work::add(n);
        let out = &self.text[self.pos..self.pos + n];
        self.pos += n;
        out
    }

    fn alnum(&mut self) -> &str {
        let rest = self.rest();
        let n = rest.bytes().take_while(u8::is_ascii_alphanumeric).count();
        crate::work::add(n);
        let out = &self.text[self.pos..self.pos + n];
        self.pos += n;
        out
    }
}

/// A five-digit dossier number, `32317` or `32 317`.
fn dossier_main(c: &mut Cursor) -> Option<String> {
    let save = c.pos;
    let first = c.digits().to_string();
    if first.len() == 5 {
        return Some(first);
    }
    if first.len() == 2 {
        let mid = c.pos;
        if c.spaces() == 1 {
            let second = c.digits().to_string();
            if second.len() == 3 && !c.rest().starts_with(|ch: char| ch.is_ascii_digit()) {
                return Some(format!("{first}{second}"));
            }
        }
        c.pos = mid;
    }
    c.pos = save;
    None
}

fn is_sub_number(part: &str) -> bool {
    !part.is_empty() && part.len() <= 6 && part.bytes().all(|b| b.is_ascii_alphanumeric())
}

fn is_roman(part: &str) -> bool {
    !part.is_empty()
        && part.len() <= 6
        && part
            .bytes()
            .all(|b| matches!(b, b'I' | b'V' | b'X' | b'L' | b'C'))
}

/// A document number: digits, or one to three letters (Eerste Kamer).
fn normalise_number(number: &str) -> Option<String> {
    let number = number.trim();
    let digits =
        !number.is_empty() && number.len() <= 6 && number.bytes().all(|b| b.is_ascii_digit());
    let letters =
        (1..=3).contains(&number.len()) && number.bytes().all(|b| b.is_ascii_alphabetic());
    if digits {
        Some(number.trim_start_matches('0').to_string()).filter(|n| !n.is_empty())
    } else if letters {
        Some(number.to_ascii_uppercase())
    } else {
        None
    }
}

/// Matches a citation's numbers starting at `start`: returns where it ends.
fn match_at(text: &str, start: usize) -> Option<(usize, KstId)> {
    let mut c = Cursor { text, pos: start };
    let mut dossier = dossier_main(&mut c)?;
    // A joint dossier: `19637/36045`, `19 637/ 36 045`.
    let save = c.pos;
    c.spaces();
    if c.eat("/") {
        c.spaces();
        match dossier_main(&mut c) {
            Some(second) => {
                dossier.push('/');
                dossier.push_str(&second);
            }
            None => c.pos = save,
        }
    } else {
        c.pos = save;
    }
    // Hyphenated parts: sub-numbers, and (without `nr.`) the number last.
    let mut parts: Vec<String> = Vec::new();
    loop {
        let save = c.pos;
        c.spaces();
        if c.eat("-") {
            c.spaces();
            let part = c.alnum().to_string();
            if is_sub_number(&part) && !c.rest().starts_with(|ch: char| ch.is_alphanumeric()) {
                parts.push(part);
                continue;
            }
        }
        c.pos = save;
        break;
    }
    // `36410 VI, A`: a budget chapter after a space.
    if parts.is_empty() {
        let save = c.pos;
        if c.spaces() == 1 {
            let part = c.alnum().to_string();
            if is_roman(&part) && c.rest().starts_with(',') {
                parts.push(part);
            } else {
                c.pos = save;
            }
        } else {
            c.pos = save;
        }
    }
    // `, nr. 973`, ` nr. 973`, `, A`.
    let save = c.pos;
    c.eat(",");
    c.spaces();
    let explicit = if c.eat("nr.") || c.eat("nr ") || c.eat("Nr.") {
        c.spaces();
        let number = c.alnum().to_string();
        normalise_number(&number).filter(|_| !c.rest().starts_with(|ch: char| ch.is_alphanumeric()))
    } else if c.text[save..].starts_with(',') && c.pos > save + 1 {
        let letters = c.alnum().to_string();
        let ok = (1..=2).contains(&letters.len())
            && letters.bytes().all(|b| b.is_ascii_uppercase())
            && !c
                .rest()
                .starts_with(|ch: char| ch.is_alphanumeric() || ch == '.');
        ok.then_some(letters)
    } else {
        None
    };
    let (number, end) = match explicit {
        Some(number) => (number, c.pos),
        None => {
            c.pos = save;
            let last = parts.pop()?;
            (normalise_number(&last)?, c.pos)
        }
    };
    for part in parts {
        dossier.push('-');
        if part.bytes().all(|b| b.is_ascii_digit()) {
            dossier.push_str(&part);
        } else {
            dossier.push_str(&part.to_ascii_uppercase());
        }
    }
    let chamber = number
        .starts_with(|ch: char| ch.is_ascii_alphabetic())
        .then_some(Chamber::EersteKamer);
    Some((
        end,
        KstId {
            dossier,
            number,
            chamber,
        },
    ))
}

fn strip_prefix_ci<'a>(text: &'a str, prefix: &str) -> Option<&'a str> {
    let head = text.get(..prefix.len())?;
    head.eq_ignore_ascii_case(prefix)
        .then(|| &text[prefix.len()..])
}

#[cfg(test)]
mod tests;
