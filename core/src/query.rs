//! What a user types to search, as fzf's extended syntax reads it, on
//! folded text (lower case, no accents): `word` (the text holds it as it
//! stands), `'word` (the same, said outright), `^word` (begins with it),
//! `word$` (ends with it), `^word$` (is it), `!word` (does not hold it;
//! `!^word`, `!word$` too), and `a | b` (either). Terms are all required.
//!
//! A plain word is matched exactly here, not fuzzily: the finder ranks the
//! texts that hold the typed words above scattered matches, and only falls
//! back to those (see [`dense`]) when no text holds them.

use crate::text::fold_text;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// Anywhere in the text.
    Word,
    /// At its start.
    Prefix,
    /// At its end.
    Suffix,
    /// The whole text.
    Whole,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Term {
    pub kind: Kind,
    pub negate: bool,
    /// Folded, as the text it is compared with.
    pub text: String,
    /// Written with an operator (`'`, `^`, `$`, `!`), not a plain word.
    pub marked: bool,
}

/// Terms that must all match; each a group of alternatives (`a | b`).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Query {
    pub groups: Vec<Vec<Term>>,
}

impl Query {
    pub fn parse(query: &str) -> Query {
        let mut groups: Vec<Vec<Term>> = Vec::new();
        let mut join = false;
        for token in query.split_whitespace() {
            if token == "|" {
                join = !groups.is_empty();
                continue;
            }
            let Some(term) = Term::parse(token) else {
                continue;
            };
            match groups.last_mut() {
                Some(g) if join => g.push(term),
                _ => groups.push(vec![term]),
            }
            join = false;
        }
        Query { groups }
    }

    pub fn is_empty(&self) -> bool {
        self.groups.is_empty()
    }

    /// Plain words only: no operator, no alternatives.
    pub fn is_plain(&self) -> bool {
        self.groups.iter().all(|g| g.len() == 1 && !g[0].marked)
    }

    /// The words of a plain query, in order.
    pub fn words(&self) -> Vec<&str> {
        self.groups
            .iter()
            .filter_map(|g| g.first())
            .map(|t| t.text.as_str())
            .collect()
    }

    /// Whether the folded `text` matches every group, with the character
    /// ranges where the positive terms matched (ascending); `None` if not.
    pub fn matches(&self, text: &str) -> Option<Vec<(usize, usize)>> {
        let mut ranges = Vec::new();
        for group in &self.groups {
            let mut hit = false;
            for term in group {
                match (term.find(text), term.negate) {
                    (Some(r), false) => {
                        ranges.push(r);
                        hit = true;
                        break;
                    }
                    (None, true) => {
                        hit = true;
                        break;
                    }
                    _ => {}
                }
            }
            if !hit {
                return None;
            }
        }
        ranges.sort_unstable();
        Some(ranges)
    }
}

impl Term {
    fn parse(token: &str) -> Option<Term> {
        let (negate, rest) = match token.strip_prefix('!') {
            Some(r) => (true, r),
            None => (false, token),
        };
        let (quoted, rest) = match rest.strip_prefix('\'') {
            Some(r) => (true, r),
            None => (false, rest),
        };
        let (prefix, rest) = match rest.strip_prefix('^') {
            Some(r) if !quoted => (true, r),
            _ => (false, rest),
        };
        let (suffix, rest) = match rest.strip_suffix('$') {
            Some(r) if !quoted && !r.is_empty() => (true, r),
            _ => (false, rest),
        };
        if rest.is_empty() {
            return None;
        }
        Some(Term {
            kind: match (prefix, suffix) {
                (true, true) => Kind::Whole,
                (true, false) => Kind::Prefix,
                (false, true) => Kind::Suffix,
                (false, false) => Kind::Word,
            },
            negate,
            text: fold_text(rest),
            marked: negate || quoted || prefix || suffix,
        })
    }

    /// The character range of the term in the folded `text`: the first
    /// occurrence, or the anchored one.
    pub fn find(&self, text: &str) -> Option<(usize, usize)> {
        let n = self.text.chars().count();
        match self.kind {
            Kind::Word => text
                .find(&self.text)
                .map(|b| text[..b].chars().count())
                .map(|c| (c, c + n)),
            Kind::Prefix => text.starts_with(&self.text).then_some((0, n)),
            Kind::Suffix => text.ends_with(&self.text).then(|| {
                let len = text.chars().count();
                (len - n, len)
            }),
            Kind::Whole => (text == self.text).then_some((0, n)),
        }
    }
}

/// Whether a fuzzy match at character `positions` (ascending) is dense
/// enough to show: no more characters skipped between its first and last
/// than it matched. "kmar" in "Kamerbrief" skips too many.
pub fn dense(positions: &[usize]) -> bool {
    match (positions.first(), positions.last()) {
        (Some(&a), Some(&b)) => b - a < 2 * positions.len(),
        _ => true,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fzf_extended_syntax_parses_as_fzf_users_type_it() {
        let q = Query::parse("'Italië ^raad eur$ !marokko a | b");
        let kinds: Vec<_> = q
            .groups
            .iter()
            .map(|g| {
                g.iter()
                    .map(|t| (t.kind, t.negate, t.text.as_str()))
                    .collect::<Vec<_>>()
            })
            .collect();
        assert_eq!(
            kinds,
            vec![
                vec![(Kind::Word, false, "italie")],
                vec![(Kind::Prefix, false, "raad")],
                vec![(Kind::Suffix, false, "eur")],
                vec![(Kind::Word, true, "marokko")],
                vec![(Kind::Word, false, "a"), (Kind::Word, false, "b")],
            ]
        );
        assert!(!q.is_plain());
        assert!(Query::parse("Dick Schoof").is_plain());
        assert!(Query::parse("  ").is_empty());
        assert!(
            Query::parse("! ^ '").is_empty(),
            "bare operators are nothing"
        );
    }

    #[test]
    fn terms_match_folded_text() {
        let t = "de raad van europa in straatsburg";
        assert_eq!(Query::parse("Europa").matches(t), Some(vec![(12, 18)]));
        assert!(Query::parse("^raad").matches(t).is_none());
        assert!(Query::parse("^de raad").matches(t).is_some());
        assert!(Query::parse("burg$").matches(t).is_some());
        assert!(Query::parse("!marokko europa").matches(t).is_some());
        assert!(Query::parse("!europa").matches(t).is_none());
        assert!(Query::parse("marokko | straats").matches(t).is_some());
        assert!(Query::parse("marokko | italie").matches(t).is_none());
        assert!(
            Query::parse("rda").matches(t).is_none(),
            "no scattered letters"
        );
        assert!(
            Query::parse("^de raad van europa in straatsburg$")
                .matches(t)
                .is_some()
        );
    }

    #[test]
    fn sparse_fuzzy_matches_are_not_dense() {
        assert!(dense(&[0, 1, 2, 3]));
        assert!(dense(&[0, 2, 4, 6]), "as many gaps as letters is the edge");
        assert!(!dense(&[0, 2, 5, 9]));
        assert!(dense(&[]));
    }
}
