//! Moving through a text a word at a time, in characters, as the
//! selection of a passage does.

/// The last character of the next word after `from`: white space after
/// `from` is skipped, then the word is followed to its end. Stays within
/// the text; 0 for an empty one.
pub fn next_word_end(text: &str, from: usize) -> usize {
    let chars: Vec<char> = text.chars().collect();
    let mut i = from + 1;
    while i < chars.len() && chars[i].is_whitespace() {
        i += 1;
    }
    while i + 1 < chars.len() && !chars[i + 1].is_whitespace() {
        i += 1;
    }
    i.min(chars.len().saturating_sub(1))
}

/// The first character of the word at or before `from`: white space before
/// it is skipped, then the word is followed back to its start.
pub fn prev_word_start(text: &str, from: usize) -> usize {
    let chars: Vec<char> = text.chars().collect();
    let mut i = from.min(chars.len().saturating_sub(1));
    while i > 0 && chars[i - 1].is_whitespace() {
        i -= 1;
    }
    while i > 0 && !chars[i - 1].is_whitespace() {
        i -= 1;
    }
    i
}

/// The last character of the word before the one at `from`: the end a
/// selection shrinks back to by a word. The word at `from` is left, white
/// space before it skipped. Stays at `from` when no word is before it.
pub fn prev_word_end(text: &str, from: usize) -> usize {
    let chars: Vec<char> = text.chars().collect();
    let Some(last) = chars.len().checked_sub(1) else {
        return 0;
    };
    let start = from.min(last);
    // Back to the white space before the word at `from`, then over it.
    let Some(gap) = (0..=start).rev().find(|&i| chars[i].is_whitespace()) else {
        return from;
    };
    (0..gap)
        .rev()
        .find(|&i| !chars[i].is_whitespace())
        .unwrap_or(from)
}

/// The first character of the word after the one at `from`: the start a
/// selection made backwards shrinks forward to. Stays at `from` when no
/// word follows.
pub fn next_word_start(text: &str, from: usize) -> usize {
    let chars: Vec<char> = text.chars().collect();
    let mut i = from;
    while i < chars.len() && !chars[i].is_whitespace() {
        i += 1;
    }
    while i < chars.len() && chars[i].is_whitespace() {
        i += 1;
    }
    if i < chars.len() { i } else { from }
}

/// Whether `chars[i]` ends a sentence: `.`, `!` or `?` followed by white
/// space and a capital (or a digit, quote or bracket), or by the end of
/// the text. "nr. 987" and "o.a. de" are not sentence ends.
fn ends_sentence(chars: &[char], i: usize) -> bool {
    if !matches!(chars.get(i), Some('.' | '!' | '?')) {
        return false;
    }
    let mut j = i + 1;
    // A closing quote or bracket belongs to the sentence it ends.
    while matches!(chars.get(j), Some('"' | '\'' | '”' | '’' | ')')) {
        j += 1;
    }
    if j >= chars.len() {
        return true;
    }
    if !chars[j].is_whitespace() {
        return false;
    }
    while j < chars.len() && chars[j].is_whitespace() {
        j += 1;
    }
    chars
        .get(j)
        .is_none_or(|c| c.is_uppercase() || matches!(c, '"' | '“' | '(' | '‘'))
}

/// The last character of the sentence that ends after `from` (its full
/// stop); the text's last character when no sentence end follows.
pub fn next_sentence_end(text: &str, from: usize) -> usize {
    let chars: Vec<char> = text.chars().collect();
    let last = chars.len().saturating_sub(1);
    (from + 1..chars.len())
        .find(|&i| ends_sentence(&chars, i))
        .map_or(last, |i| {
            let mut i = i;
            while matches!(chars.get(i + 1), Some('"' | '\'' | '”' | '’' | ')')) {
                i += 1;
            }
            i
        })
}

/// The last character of the sentence before the one `from` is in: the
/// end a selection shrinks back to by a sentence. `None` when `from` is in
/// the first sentence.
pub fn prev_sentence_end(text: &str, from: usize) -> Option<usize> {
    let chars: Vec<char> = text.chars().collect();
    let from = from.min(chars.len());
    // The end of the sentence `from` closes does not count.
    (0..from)
        .rev()
        .find(|&i| ends_sentence(&chars, i))
        .map(|i| {
            let mut i = i;
            while i + 1 < from && matches!(chars.get(i + 1), Some('"' | '\'' | '”' | '’' | ')'))
            {
                i += 1;
            }
            i
        })
}

/// The first character of the sentence `from` is in, or of the one before
/// when `from` is already at a sentence's start.
pub fn prev_sentence_start(text: &str, from: usize) -> usize {
    let chars: Vec<char> = text.chars().collect();
    let start_of = |at: usize| -> usize {
        let mut i = (0..at)
            .rev()
            .find(|&i| ends_sentence(&chars, i))
            .map_or(0, |i| i + 1);
        while i < chars.len() && (chars[i].is_whitespace() || matches!(chars[i], '"' | '”' | ')'))
        {
            i += 1;
        }
        i.min(at)
    };
    let from = from.min(chars.len());
    let here = start_of(from);
    if here < from {
        return here;
    }
    match (0..here).rev().find(|&i| ends_sentence(&chars, i)) {
        Some(end) => start_of(end),
        None => here,
    }
}

/// The first character of the sentence after the one `from` is in;
/// `from` when none follows.
pub fn next_sentence_start(text: &str, from: usize) -> usize {
    let chars: Vec<char> = text.chars().collect();
    match (from..chars.len()).find(|&i| ends_sentence(&chars, i)) {
        Some(mut i) => {
            i += 1;
            while i < chars.len()
                && !chars[i].is_alphanumeric()
                && !matches!(chars[i], '"' | '“' | '(')
            {
                i += 1;
            }
            if i < chars.len() { i } else { from }
        }
        None => from,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_are_stepped_over_forwards_and_back() {
        let t = "De  Commissie voert";
        // From "D": to the "e" of "De", then the last letter of "Commissie".
        assert_eq!(next_word_end(t, 0), 1);
        assert_eq!(next_word_end(t, 1), 12);
        assert_eq!(next_word_end(t, 12), 18);
        assert_eq!(next_word_end(t, 18), 18, "the end stays the end");
        assert_eq!(prev_word_start(t, 18), 14);
        assert_eq!(prev_word_start(t, 14), 4);
        assert_eq!(prev_word_start(t, 4), 0);
        assert_eq!(prev_word_start(t, 0), 0);
        assert_eq!(prev_word_start(t, 99), 14, "past the end: the last word");
        assert_eq!(next_word_end("", 0), 0);
        assert_eq!(prev_word_start("", 5), 0);
        // Characters, not bytes.
        assert_eq!(next_word_end("één twee", 0), 2);
    }

    #[test]
    fn sentences_are_stepped_over_without_stopping_at_abbreviations() {
        let t = "Zie Kamerstuk nr. 987 van 2025. De Raad besloot! Wat nu? Niets.";
        let end1 = next_sentence_end(t, 0);
        assert_eq!(&t[..=end1], "Zie Kamerstuk nr. 987 van 2025.");
        let end2 = next_sentence_end(t, end1);
        assert_eq!(
            &t[..=end2],
            "Zie Kamerstuk nr. 987 van 2025. De Raad besloot!"
        );
        assert_eq!(prev_sentence_end(t, end2), Some(end1));
        assert_eq!(prev_sentence_end(t, end1), None);
        let last = t.chars().count() - 1;
        assert_eq!(next_sentence_end(t, last - 2), last);
        assert_eq!(next_sentence_end(t, last), last, "the end stays the end");
        assert_eq!(next_sentence_start(t, 0), 32);
        assert_eq!(&t[32..34], "De");
        assert_eq!(prev_sentence_start(t, 40), 32);
        assert_eq!(prev_sentence_start(t, 32), 0);
        assert_eq!(next_sentence_end("", 0), 0);
        assert_eq!(prev_sentence_start("", 3), 0);
    }

    #[test]
    fn a_word_step_back_from_the_end_lands_on_the_previous_word_end() {
        let t = "Daarnaast blijft Nederland";
        // "Daarnaast blijft" then `]` to "Nederland": `[` must give back
        // "Daarnaast blijft", not keep the "N".
        let end = next_word_end(t, 15);
        assert_eq!(end, 25);
        assert_eq!(prev_word_end(t, end), 15);
        assert_eq!(prev_word_end(t, 15), 8);
        assert_eq!(prev_word_end(t, 8), 8, "no word before: stays");
        assert_eq!(prev_word_end("", 3), 0);
        assert_eq!(next_word_start(t, 0), 10);
        assert_eq!(next_word_start(t, 10), 17);
        assert_eq!(next_word_start(t, 17), 17, "no word after: stays");
    }
}
