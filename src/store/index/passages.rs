//! A result's best passages: those holding most of the query's words,
//! whole words counting more than parts of words, each cut to a snippet
//! around its matches.

use dossier_core::search::snippet;
use dossier_core::text::fold;

use super::query::Plan;
use super::units::Shown;

/// One passage of a result, ready to show.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Passage {
    /// The node the passage is in.
    pub node: String,
    pub node_title: String,
    /// The paragraph in the node; `None` for the node's title.
    pub paragraph: Option<usize>,
    /// Raw text from a file: cleaned where shown.
    pub snippet: String,
    /// Character positions of the matches in the snippet.
    pub positions: Vec<usize>,
}

/// At most `n` passages of `shown`, best first, each cut to about
/// `width` characters. A result found only through a typo shows its
/// first passage.
pub fn best(shown: &Shown, plan: &Plan, n: usize, width: usize) -> Vec<Passage> {
    ranked(shown, plan, n)
        .into_iter()
        .filter_map(|(i, positions)| {
            let (node, paragraph, text) = shown.passages.get(i)?;
            let (id, title) = shown.nodes.get(*node as usize)?;
            let (snippet, positions) = snippet(text, &positions, width);
            Some(Passage {
                node: id.clone(),
                node_title: title.clone(),
                paragraph: paragraph.map(|p| p as usize),
                snippet,
                positions,
            })
        })
        .collect()
}

/// At most `n` passages of `shown` (indices in its `passages`), best first,
/// each with the character positions of its matches in its whole text.
pub fn ranked(shown: &Shown, plan: &Plan, n: usize) -> Vec<(usize, Vec<usize>)> {
    scored(shown, plan, n)
        .into_iter()
        .map(|(i, _, positions)| (i, positions))
        .collect()
}

/// [`ranked`], with each passage's score: 3 for each of the query's words
/// it holds as a word, 1 for each it holds as part of a word.
pub fn scored(shown: &Shown, plan: &Plan, n: usize) -> Vec<(usize, u32, Vec<usize>)> {
    let words: Vec<&str> = plan
        .atoms()
        .flat_map(|a| a.words.iter().map(String::as_str))
        .collect();
    let mut scored: Vec<(u32, usize, Vec<usize>)> = Vec::new();
    for (i, (_, _, text)) in shown.passages.iter().enumerate() {
        let (score, positions) = score(text, &words);
        if score > 0 {
            scored.push((score, i, positions));
        }
    }
    // The result's own title is on the result's line: a passage of its
    // text says more, when one matches.
    if scored.iter().any(|(_, i, _)| *i != 0) {
        scored.retain(|(_, i, _)| *i != 0);
    }
    scored.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
    if scored.is_empty() {
        let first = shown.passages.iter().position(|(_, p, _)| p.is_some());
        scored.extend(first.map(|i| (0, i, Vec::new())));
    }
    scored
        .into_iter()
        .take(n)
        .map(|(score, i, positions)| (i, score, positions))
        .collect()
}

/// Whether `text` holds every word of the plan as a word.
pub fn holds_every_word(text: &str, plan: &Plan) -> bool {
    let words: Vec<&str> = plan
        .atoms()
        .flat_map(|a| a.words.iter().map(String::as_str))
        .collect();
    !words.is_empty() && score(text, &words).0 == 3 * words.len() as u32
}

/// A passage's score for the words: 3 for each word it holds as a word, 1
/// for each it holds as part of a word; and the character positions of
/// the matches.
fn score(text: &str, words: &[&str]) -> (u32, Vec<usize>) {
    let folded: Vec<char> = fold(text).chars().collect();
    let mut total = 0;
    let mut positions = Vec::new();
    for w in words {
        let w: Vec<char> = w.chars().collect();
        if w.is_empty() || w.len() > folded.len() {
            continue;
        }
        let mut best = 0;
        for start in 0..=folded.len() - w.len() {
            if folded[start..start + w.len()] != w[..] {
                continue;
            }
            let before = start == 0 || !folded[start - 1].is_alphanumeric();
            let end = start + w.len();
            let after = end == folded.len() || !folded[end].is_alphanumeric();
            best = best.max(if before && after { 3 } else { 1 });
            if positions.len() < 64 {
                positions.extend(start..end);
            }
        }
        total += best;
    }
    positions.sort_unstable();
    positions.dedup();
    (total, positions)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::index::query::parse;

    fn shown(texts: &[&str]) -> Shown {
        Shown {
            title: "Titel".into(),
            kind: "letter".into(),
            nodes: vec![("doc".into(), "Titel".into())],
            passages: texts
                .iter()
                .enumerate()
                .map(|(i, t)| (0, (i > 0).then(|| i as u32 - 1), t.to_string()))
                .collect(),
        }
    }

    #[test]
    fn whole_words_make_the_best_passage() {
        let s = shown(&[
            "Titel",
            "Het lid Kahraman spreekt.",
            "De motie van het lid Ram over mensensmokkel.",
        ]);
        let best = best(&s, &parse("Ram"), 2, 100);
        assert_eq!(best[0].paragraph, Some(1), "{best:?}");
        assert_eq!(best.len(), 2);
        let p = &best[0];
        let matched: String = p
            .positions
            .iter()
            .map(|&i| p.snippet.chars().nth(i).unwrap())
            .collect();
        assert_eq!(matched, "Ram");
    }

    #[test]
    fn a_result_without_a_matching_passage_shows_its_first() {
        let s = shown(&["Titel", "Eerste alinea.", "Tweede."]);
        let best = best(&s, &parse("mensensmokel"), 3, 100);
        assert_eq!(best.len(), 1);
        assert_eq!(best[0].snippet, "Eerste alinea.");
    }
}
