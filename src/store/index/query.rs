//! What a query asks, before it meets the index: fzf's syntax (`'exact`,
//! `^prefix`, `suffix$`, `!not`, `a | b`) over words folded as the index
//! folds them, and every notation of a Kamerstuk turned into one
//! identity (`21 501-20, nr. 2245`, `kst-21501-20-2245` and
//! `Kamerstukken II 2024/25, 21501-20, nr. 2245` are all `21501-20-2245`).

use dossier_core::text::fold;

/// How an atom's words are matched.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// Plain words: whole words, then words they start, then words they
    /// are part of, then (when that finds little) words a typo away.
    Plain,
    /// `'word`: the word, or a word it is part of; no typos.
    Exact,
    /// `^word`: a word that starts so.
    Prefix,
    /// `word$`: a word that ends so.
    Suffix,
    /// `'^word$` or `--exact`: the whole word or phrase only.
    Whole,
}

/// One thing the query asks for: words (a phrase when several), or a
/// Kamerstuk identity.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Atom {
    /// Folded words, in order.
    pub words: Vec<String>,
    pub mode: Mode,
    /// A dossier number or Kamerstuk in the index's notation
    /// (`21501-20`, `21501-20-2245`, `36410-vi`), when the atom is one.
    pub ident: Option<String>,
}

/// A query: every group must match (each group: any of its atoms), and
/// no `not` atom may.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Plan {
    pub groups: Vec<Vec<Atom>>,
    pub not: Vec<Atom>,
}

impl Plan {
    pub fn is_empty(&self) -> bool {
        self.groups.is_empty()
    }

    /// Every atom that must or may match, for showing passages.
    pub fn atoms(&self) -> impl Iterator<Item = &Atom> {
        self.groups.iter().flatten()
    }
}

/// The words of a text as the index holds them: folded, split at every
/// character that is not a letter or a digit.
pub fn words(text: &str) -> Vec<String> {
    fold(text)
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_string)
        .collect()
}

/// `--exact`: the query as one phrase of whole words.
pub fn exact(query: &str) -> Plan {
    let words = words(query);
    if words.is_empty() {
        return Plan::default();
    }
    Plan {
        groups: vec![vec![Atom {
            words,
            mode: Mode::Whole,
            ident: None,
        }]],
        not: Vec::new(),
    }
}

/// Parses a query in fzf's extended syntax, citations first.
pub fn parse(query: &str) -> Plan {
    let tokens = citations(query);
    let mut plan = Plan::default();
    let mut group: Vec<Atom> = Vec::new();
    let mut or_next = false;
    for token in tokens {
        if token == "|" {
            or_next = !group.is_empty();
            continue;
        }
        let (negated, t) = match token.strip_prefix('!') {
            Some(rest) => (true, rest),
            None => (false, token.as_str()),
        };
        let Some(atom) = atom(t) else {
            continue;
        };
        if negated {
            plan.not.push(atom);
            continue;
        }
        if or_next {
            group.push(atom);
            or_next = false;
        } else {
            if !group.is_empty() {
                plan.groups.push(std::mem::take(&mut group));
            }
            group.push(atom);
        }
    }
    if !group.is_empty() {
        plan.groups.push(group);
    }
    plan
}

/// One token of the query as an atom; `None` when it holds no word.
fn atom(token: &str) -> Option<Atom> {
    if let Some(ident) = ident_of(token) {
        return Some(Atom {
            words: words(&ident),
            mode: Mode::Whole,
            ident: Some(ident),
        });
    }
    let (quoted, t) = match token.strip_prefix('\'') {
        Some(rest) => (true, rest),
        None => (false, token),
    };
    let (prefix, t) = match t.strip_prefix('^') {
        Some(rest) => (true, rest),
        None => (false, t),
    };
    let (suffix, t) = match t.strip_suffix('$') {
        Some(rest) => (true, rest),
        None => (false, t),
    };
    let mode = match (quoted, prefix, suffix) {
        (_, true, true) => Mode::Whole,
        (_, true, false) => Mode::Prefix,
        (_, false, true) => Mode::Suffix,
        (true, false, false) => Mode::Exact,
        (false, false, false) => Mode::Plain,
    };
    let words = words(t);
    (!words.is_empty()).then_some(Atom {
        words,
        mode,
        ident: None,
    })
}

/// A dossier number or Kamerstuk, in the index's notation: `32317`,
/// `21501-20`, `kst-21501-20-2245` → `21501-20-2245`, `36410-VI` →
/// `36410-vi`. Four digits or more start it; a year (`2025`) reads as
/// one too, and finds what holds it as a word.
pub fn ident_of(token: &str) -> Option<String> {
    let t = token.trim_end_matches([',', '.', ';', ':', ')']);
    let t = t.trim_start_matches('(');
    let lower = t.to_lowercase();
    let t = lower.strip_prefix("kst-").unwrap_or(&lower);
    let mut parts = t.split('-');
    let first = parts.next()?;
    if first.len() < 4 || !first.chars().all(|c| c.is_ascii_digit()) {
        return None;
    }
    if !parts.all(|p| !p.is_empty() && p.chars().all(|c| c.is_ascii_alphanumeric())) {
        return None;
    }
    Some(t.to_string())
}

/// The query's tokens, with the notations of a citation joined into one
/// token: `21 501-20, nr. 2245` → `21501-20-2245`; `Kamerstukken II
/// 2024/25,` before a number is left out.
fn citations(query: &str) -> Vec<String> {
    let raw: Vec<&str> = query.split_whitespace().collect();
    let mut out: Vec<String> = Vec::new();
    let mut i = 0;
    while i < raw.len() {
        let t = raw[i];
        let lower = t.to_lowercase();
        // `Kamerstukken II 2024/25,`: the chamber and the year say nothing
        // the number does not.
        if lower == "kamerstukken" || lower == "kamerstuk" {
            i += 1;
            if raw.get(i).is_some_and(|n| matches!(*n, "I" | "II")) {
                i += 1;
            }
            if raw.get(i).is_some_and(|y| is_year(y)) {
                i += 1;
            }
            continue;
        }
        // `21 501-20`: a dossier number printed with a thousands space.
        let mut token = t.to_string();
        if t.len() <= 2
            && t.chars().all(|c| c.is_ascii_digit())
            && let Some(next) = raw.get(i + 1)
            && next.len() >= 3
            && next.chars().take(3).all(|c| c.is_ascii_digit())
            && next.chars().nth(3).is_none_or(|c| !c.is_ascii_digit())
        {
            token = format!("{t}{next}");
            i += 1;
        }
        i += 1;
        // `…, nr. 2245`: the document's number.
        if ident_of(&token).is_some()
            && raw
                .get(i)
                .is_some_and(|n| n.eq_ignore_ascii_case("nr.") || n.eq_ignore_ascii_case("nr"))
            && let Some(number) = raw.get(i + 1)
        {
            let number = number.trim_end_matches([',', '.', ';']);
            if !number.is_empty() && number.chars().all(|c| c.is_ascii_alphanumeric()) {
                let dossier = token.trim_end_matches([',', '.']);
                token = format!("{dossier}-{number}");
                i += 2;
            }
        }
        out.push(token);
    }
    out
}

/// `2024/25,` or `2024-2025`.
fn is_year(t: &str) -> bool {
    let t = t.trim_end_matches(',');
    t.len() >= 7
        && t.chars().take(4).all(|c| c.is_ascii_digit())
        && matches!(t.chars().nth(4), Some('/' | '-'))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn idents(q: &str) -> Vec<Option<String>> {
        parse(q).atoms().map(|a| a.ident.clone()).collect()
    }

    #[test]
    fn every_notation_of_a_citation_is_one_identity() {
        let want = vec![Some("21501-20-2245".to_string())];
        for q in [
            "kst-21501-20-2245",
            "21 501-20, nr. 2245",
            "21501-20, nr. 2245",
            "Kamerstukken II 2024/25, 21501-20, nr. 2245",
            "21501-20-2245",
        ] {
            assert_eq!(idents(q), want, "{q}");
        }
        assert_eq!(idents("21 501-20"), vec![Some("21501-20".to_string())]);
        assert_eq!(
            idents("36 410-VI, nr. 87"),
            vec![Some("36410-vi-87".to_string())]
        );
        assert_eq!(idents("32317"), vec![Some("32317".to_string())]);
    }

    #[test]
    fn fzf_syntax_gives_modes_groups_and_negations() {
        let p = parse("'exact ^pre suf$ !niet a | b motie");
        let modes: Vec<Mode> = p.groups.iter().map(|g| g[0].mode).collect();
        assert_eq!(
            modes,
            [
                Mode::Exact,
                Mode::Prefix,
                Mode::Suffix,
                Mode::Plain,
                Mode::Plain
            ]
        );
        assert_eq!(p.groups[3].len(), 2, "{p:?}");
        assert_eq!(p.groups[3][1].words, ["b"]);
        assert_eq!(p.not[0].words, ["niet"]);
    }

    #[test]
    fn words_are_folded_and_split() {
        assert_eq!(words("Israël, JBZ-Raad"), ["israel", "jbz", "raad"]);
        assert_eq!(parse("Israël").groups[0][0].words, ["israel"]);
        assert_eq!(exact("Iron Dome").groups[0][0].words, ["iron", "dome"]);
        assert!(parse("  !").is_empty());
    }
}
