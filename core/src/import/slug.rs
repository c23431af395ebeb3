//! Section slugs: lower-case ASCII of the heading, accents stripped, `-`
//! between words, made unique within the document with `-2`, `-3`.

use std::collections::HashSet;

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

/// Hands out slugs unique within one document.
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

    /// The slug of `text`, with `-2`, `-3` when it is taken.
    pub fn unique(&mut self, text: &str) -> String {
        let base = slug(text);
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
        assert_eq!(s.unique("Bijlage 1"), "bijlage-1-2");
        assert_eq!(s.unique("Inleiding"), "inleiding");
        assert_eq!(s.unique("Inleiding"), "inleiding-2");
    }
}
