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
}
