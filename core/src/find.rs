//! Finding a phrase in the text that is open: every place it occurs, case
//! and accents aside, as the reader's `/` shows them.

use crate::model::Document;
use crate::text::fold;

/// One place the phrase occurs: paragraph, and the characters of that
/// paragraph's text it covers, `start..end`.
pub type Occurrence = (usize, usize, usize);

/// Every occurrence of `query` (trimmed) in `doc`, paragraph by paragraph,
/// in order, not overlapping; none for an empty query. Folding maps a
/// character to a character, so positions in the folded text are positions
/// in the text.
pub fn find_in(doc: &Document, query: &str) -> Vec<Occurrence> {
    let q = fold(query.trim());
    let mut hits = Vec::new();
    if q.is_empty() {
        return hits;
    }
    let qlen = q.chars().count();
    for (pi, p) in doc.paragraphs.iter().enumerate() {
        let hay = fold(&p.plain());
        let mut from = 0;
        while let Some(at) = hay[from..].find(&q) {
            let byte = from + at;
            let start = hay[..byte].chars().count();
            hits.push((pi, start, start + qlen));
            from = byte + q.len();
        }
    }
    hits
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::bundled;

    #[test]
    fn every_place_is_found_ignoring_case_and_accents() {
        let c = bundled();
        let doc = c.body(c.get("c7/fn-1").unwrap()).unwrap();
        let hits = find_in(doc, "  ITALIE ");
        assert!(!hits.is_empty());
        for &(p, s, e) in &hits {
            let text: String = doc.paragraphs[p]
                .plain()
                .chars()
                .skip(s)
                .take(e - s)
                .collect();
            assert_eq!(fold(&text), "italie", "{text}");
        }
        assert!(find_in(doc, " ").is_empty());
        assert!(find_in(doc, "qqqxq").is_empty());
    }

    #[test]
    fn occurrences_do_not_overlap_and_keep_their_order() {
        let c = crate::export::tests::corpus();
        let doc = c.body(c.get("b/s1").unwrap()).unwrap();
        // "De Commissie voert de onderhandelingen."
        assert_eq!(
            find_in(doc, "de"),
            [(0, 0, 2), (0, 19, 21), (0, 24, 26), (0, 30, 32)]
        );
        assert_eq!(find_in(doc, "ee").len(), 0);
    }
}
