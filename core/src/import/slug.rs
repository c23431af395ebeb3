//! Section slugs: lower-case ASCII of the heading, accents stripped, `-`
//! between words.
//!
//! A section's id is its parent's id and its own slug (`…/frontex/
//! nederlandse-positie`), so a heading that recurs under other parents
//! needs no number. Where siblings share a heading, each is named after
//! the nearest sibling before it with another heading (`europol/
//! nederlandse-positie`, `frontex/nederlandse-positie` in a letter whose
//! headings stand at one level), so adding such a section elsewhere
//! renumbers nothing; `-2`, `-3` only where even that is the same.

use std::collections::{HashMap, HashSet};

use unicode_normalization::UnicodeNormalization;

/// The slug of a heading: `Ministeriële conferentie` → `ministeriele-conferentie`.
/// Capped at 80 characters, cut at a word; `sectie` when nothing is left.
pub fn slug(text: &str) -> String {
    let mut out = String::new();
    let mut gap = false;
    for c in text.nfd() {
        if c.is_ascii_alphanumeric() {
            if gap && !out.is_empty() {
                out.push('-');
            }
            gap = false;
            out.push(c.to_ascii_lowercase());
        } else if !is_combining(c) {
            gap = true;
        }
    }
    if out.len() > 80 {
        let cut = out[..80].rfind('-').unwrap_or(80);
        out.truncate(cut);
    }
    if out.is_empty() {
        out.push_str("sectie");
    }
    out
}

fn is_combining(c: char) -> bool {
    matches!(c, '\u{300}'..='\u{36f}')
}

/// Hands out ids unique within one document.
#[derive(Debug, Default)]
pub struct Slugs {
    used: HashSet<String>,
    /// For each slug, the number its next copy tries first: the ones
    /// below it are taken, so many equal headings cost no more each.
    next: std::collections::HashMap<String, usize>,
}

impl Slugs {
    /// Marks a slug as taken (footnote and annex ids).
    pub fn reserve(&mut self, slug: &str) {
        self.used.insert(slug.to_string());
    }

    /// `base`, with `-2`, `-3` when it is taken.
    pub fn claim(&mut self, base: String) -> String {
        let mut candidate = base.clone();
        let mut n = self.next.get(&base).copied().unwrap_or(2);
        while self.used.contains(&candidate) {
            crate::work::add(1);
            candidate = format!("{base}-{n}");
            n += 1;
        }
        self.next.insert(base, n);
        self.used.insert(candidate.clone());
        candidate
    }
}

/// The slugs of sibling headings, in order: each heading's slug, and
/// where siblings share it, the slug of the nearest sibling before with
/// another heading in front (`frontex/nederlandse-positie`).
pub fn sibling_slugs(titles: &[&str]) -> Vec<String> {
    let slugs: Vec<String> = titles.iter().map(|t| slug(t)).collect();
    let mut count: HashMap<&str, usize> = HashMap::new();
    for s in &slugs {
        *count.entry(s.as_str()).or_default() += 1;
    }
    let mut out = Vec::with_capacity(slugs.len());
    // The nearest sibling before the current one with another slug.
    let mut before: Option<&str> = None;
    for (i, s) in slugs.iter().enumerate() {
        if i > 0 && slugs[i - 1] != *s {
            before = Some(slugs[i - 1].as_str());
        }
        let shared = count.get(s.as_str()).is_some_and(|&n| n > 1);
        out.push(match before {
            Some(b) if shared => format!("{b}/{s}"),
            _ => s.clone(),
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_strip_accents_and_stay_unique() {
        assert_eq!(
            slug("Ministeriële conferentie Raad van Europa"),
            "ministeriele-conferentie-raad-van-europa"
        );
        assert_eq!(
            slug("Enhanced Border Security Partnership (EBSP)"),
            "enhanced-border-security-partnership-ebsp"
        );
        assert_eq!(slug("—"), "sectie");
        let mut s = Slugs::default();
        s.reserve("bijlage-1");
        assert_eq!(s.claim(slug("Bijlage 1")), "bijlage-1-2");
        assert_eq!(s.claim(slug("Inleiding")), "inleiding");
        assert_eq!(s.claim(slug("Inleiding")), "inleiding-2");
    }

    #[test]
    fn shared_headings_are_named_after_the_sibling_before() {
        let titles = [
            "Europol",
            "Nederlandse positie",
            "Frontex",
            "Nederlandse positie",
            "Migratie",
        ];
        assert_eq!(
            sibling_slugs(&titles),
            [
                "europol",
                "europol/nederlandse-positie",
                "frontex",
                "frontex/nederlandse-positie",
                "migratie"
            ]
        );
        // A new item with its own position at the top renames neither.
        let mut more = vec!["Drones", "Nederlandse positie"];
        more.extend(titles);
        let got = sibling_slugs(&more);
        assert_eq!(got[1], "drones/nederlandse-positie");
        assert_eq!(got[3], "europol/nederlandse-positie");
        assert_eq!(got[5], "frontex/nederlandse-positie");
        // Consecutive equal headings share the sibling before; the first
        // of all has none.
        assert_eq!(
            sibling_slugs(&["Vraag", "Vraag", "Antwoord", "Vraag"]),
            ["vraag", "vraag", "antwoord", "antwoord/vraag"]
        );
    }
}
