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
    let mut job = FindJob::new(query);
    while !job.step(doc, usize::MAX) {}
    job.hits
}

/// A find that goes through the text a window at a time, so an interface
/// can draw and take keys between windows, and drop the job when the
/// query changes. Its hits are those of [`find_in`], found in order: a
/// window is searched with the few characters after it, so a phrase
/// that crosses into the next window is found where it starts.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FindJob {
    /// The query, folded.
    query: String,
    /// Its length in characters.
    len: usize,
    /// The paragraph being searched, its text, where the next window
    /// starts in it (a byte) and that place as a character.
    para: usize,
    text: Option<String>,
    byte: usize,
    char: usize,
    done: bool,
    /// The occurrences found so far.
    pub hits: Vec<Occurrence>,
}

impl FindJob {
    pub fn new(query: &str) -> FindJob {
        let query = fold(query.trim());
        FindJob {
            len: query.chars().count(),
            done: query.is_empty(),
            query,
            ..FindJob::default()
        }
    }

    /// Whether the whole text has been searched.
    pub fn is_done(&self) -> bool {
        self.done
    }

    /// Searches about `budget` more characters of `doc` (at least one);
    /// true once the whole text has been searched.
    pub fn step(&mut self, doc: &Document, budget: usize) -> bool {
        let mut left = budget.max(1);
        while !self.done && left > 0 {
            let Some(paragraph) = doc.paragraphs.get(self.para) else {
                self.done = true;
                break;
            };
            let text = self.text.get_or_insert_with(|| paragraph.plain());
            if self.byte >= text.len() {
                (self.para, self.text, self.byte, self.char) = (self.para + 1, None, 0, 0);
                continue;
            }
            let rest = &text[self.byte..];
            // The window's start places, and the characters after them
            // that a phrase starting in it may run into.
            let end = byte_after(rest, left);
            let starts = rest[..end].chars().count();
            let tail = end + byte_after(&rest[end..], self.len.saturating_sub(1));
            let hay = fold(&rest[..tail]);
            crate::work::add(tail);
            let (mut next_char, mut next_byte) = (self.char + starts, self.byte + end);
            let (mut from, mut seen_byte, mut seen_char) = (0, 0, 0);
            while let Some(at) = hay[from..].find(&self.query) {
                let byte = from + at;
                seen_char += hay[seen_byte..byte].chars().count();
                seen_byte = byte;
                if seen_char >= starts {
                    break;
                }
                let start = self.char + seen_char;
                self.hits.push((self.para, start, start + self.len));
                from = byte + self.query.len();
                if start + self.len > next_char {
                    // The phrase runs on past the window: go on after it.
                    next_char = start + self.len;
                    next_byte = self.byte + byte_after(rest, seen_char + self.len);
                }
            }
            (self.char, self.byte) = (next_char, next_byte);
            left = left.saturating_sub(starts.max(1));
        }
        self.done
    }
}

/// The byte after the first `n` characters of `text` (its length when it
/// has fewer).
fn byte_after(text: &str, n: usize) -> usize {
    text.char_indices().nth(n).map_or(text.len(), |(i, _)| i)
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

    /// The hits of a find made a window of `budget` characters at a time.
    fn in_windows(doc: &Document, query: &str, budget: usize) -> Vec<Occurrence> {
        let mut job = FindJob::new(query);
        let mut steps = 0;
        while !job.step(doc, budget) {
            steps += 1;
            assert!(steps < 1_000_000, "the find does not end");
        }
        job.hits
    }

    /// The plain way: fold each paragraph whole and search it.
    fn whole(doc: &Document, query: &str) -> Vec<Occurrence> {
        let q = fold(query.trim());
        let mut hits = Vec::new();
        if q.is_empty() {
            return hits;
        }
        for (pi, p) in doc.paragraphs.iter().enumerate() {
            let hay = fold(&p.plain());
            let mut from = 0;
            while let Some(at) = hay[from..].find(&q) {
                let start = hay[..from + at].chars().count();
                hits.push((pi, start, start + q.chars().count()));
                from += at + q.len();
            }
        }
        hits
    }

    fn doc_of(paragraphs: &[&str]) -> Document {
        let text = paragraphs.join("\n\n");
        crate::markup::parse_document(&text).unwrap().0
    }

    #[test]
    fn a_find_in_windows_finds_what_a_whole_find_finds() {
        let doc = doc_of(&[
            "Ééé aaa ÉÉN eeen aaaa Italië itALIE",
            "aa",
            "",
            "Verenigde Staten en ééné aaaaa",
        ]);
        for q in [
            "a", "aa", "aaa", "ee", "een", "italie", " e", "n a", "é", "x",
        ] {
            let want = whole(&doc, q);
            for budget in [1, 2, 3, 5, 7, 100] {
                assert_eq!(
                    in_windows(&doc, q, budget),
                    want,
                    "{q:?} in windows of {budget}"
                );
            }
        }
    }

    proptest::proptest! {
        #[test]
        fn any_text_any_window(
            text in "[aAéÉe ĳ\\n]{0,60}",
            q in "[aeé ]{1,3}",
            budget in 1usize..9,
        ) {
            let doc = doc_of(&[&text]);
            proptest::prop_assert_eq!(in_windows(&doc, &q, budget), whole(&doc, &q));
        }
    }

    #[test]
    fn a_window_costs_its_own_characters_only() {
        // One long paragraph: each window folds about its budget, never
        // the text before it, so the work of a find is linear.
        let text = "a".repeat(200_000);
        let doc = doc_of(&[&text]);
        let mut job = FindJob::new("a");
        let (_, first) = crate::work::counted(|| job.step(&doc, 1_000));
        assert!(first <= 1_100, "{first}");
        let (_, later) = crate::work::counted(|| {
            for _ in 0..100 {
                job.step(&doc, 1_000);
            }
        });
        assert!(later <= 100 * 1_100, "{later}");
        assert_eq!(job.hits.len(), 101_000);
        assert!(!job.is_done());
    }
}
