//! Text from files is untrusted. It is cleaned once, where it is loaded, so
//! nothing downstream (interface, command line, export) has to think about
//! escape sequences; and it is folded for matching that ignores case and
//! accents.

/// Makes control characters, escape sequences, bidirectional controls and
/// invisible characters visible instead of passing them on. Newline and
/// tab are kept.
///
/// - C0 controls become their Control Pictures (`␛` for ESC, `␀` for NUL),
///   so an escape sequence prints as `␛[31m`, harmless and noticeable;
/// - DEL becomes `␡`;
/// - C1 controls, bidirectional overrides, embeddings, isolates and marks,
///   the line and paragraph separators and every other format character
///   (zero-width spaces and joiners, the word joiner, the byte order mark,
///   the soft hyphen, tags) become `<U+XXXX>`.
pub fn sanitize(input: &str) -> String {
    if is_clean(input) {
        return input.to_owned();
    }
    let mut out = String::with_capacity(input.len() + 8);
    for c in input.chars() {
        push_clean(&mut out, c);
    }
    out
}

/// [`sanitize`] of text already owned: kept as it is when it is clean, as
/// nearly all text is.
pub fn sanitize_boxed(input: Box<str>) -> Box<str> {
    if is_clean(&input) {
        return input;
    }
    sanitize(&input).into()
}

/// Like [`sanitize`] but also turns newlines and tabs into visible marks:
/// for one-line contexts such as titles, ids and table cells.
pub fn sanitize_line(input: &str) -> String {
    if is_clean(input) && !input.contains(['\n', '\t']) {
        return input.to_owned();
    }
    let mut out = String::with_capacity(input.len());
    for c in input.chars() {
        match c {
            '\n' => out.push('␤'),
            '\t' => out.push(' '),
            _ => push_clean(&mut out, c),
        }
    }
    out
}

/// Whether [`sanitize`] would leave the text as it is: eight bytes at a
/// time while they are printable ASCII, as nearly all text is, and a
/// character at a time where they are not.
fn is_clean(input: &str) -> bool {
    let bytes = input.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        if let Some(chunk) = bytes.get(i..i + 8) {
            let mut w = [0u8; 8];
            w.copy_from_slice(chunk);
            if printable_ascii(u64::from_le_bytes(w)) {
                i += 8;
                continue;
            }
        }
        let b = bytes[i];
        if b < 0x80 {
            if (b < 0x20 && b != b'\n' && b != b'\t') || b == 0x7f {
                return false;
            }
            i += 1;
            continue;
        }
        let Some(c) = input[i..].chars().next() else {
            return true;
        };
        if needs_cleaning(c) {
            return false;
        }
        i += c.len_utf8();
    }
    true
}

/// Whether all eight bytes of `w` are printable ASCII (0x20 to 0x7e).
fn printable_ascii(w: u64) -> bool {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    // A byte below 0x20 borrows into its high bit when 0x20 is taken off
    // it; a byte of 0x7f or more has its high bit set once 0x01 is added
    // (the bytes are below 0x80 by then, so nothing carries).
    let below = w.wrapping_sub(ONES * 0x20) & !w;
    let above = w.wrapping_add(ONES);
    (w | below | above) & HIGH == 0
}

fn needs_cleaning(c: char) -> bool {
    (c.is_control() && c != '\n' && c != '\t') || is_bidi_control(c) || is_invisible(c)
}

fn push_clean(out: &mut String, c: char) {
    let code = c as u32;
    match c {
        '\n' | '\t' => out.push(c),
        _ if code < 0x20 => out.push(char::from_u32(0x2400 + code).unwrap_or('\u{FFFD}')),
        '\u{7F}' => out.push('␡'),
        _ if c.is_control() || is_bidi_control(c) || is_invisible(c) => {
            out.push_str(&format!("<U+{code:04X}>"));
        }
        _ => out.push(c),
    }
}

/// Characters that change the display order of text around them.
/// A key that orders text with numbers in it as people do: runs of
/// digits by their value, so `kst-36471-5` comes before `kst-36471-14`.
pub fn natural_key(text: &str) -> Vec<NaturalPart> {
    let mut out = Vec::new();
    let mut chars = text.chars().peekable();
    while let Some(&c) = chars.peek() {
        if c.is_ascii_digit() {
            let mut digits = String::new();
            while let Some(&d) = chars.peek().filter(|d| d.is_ascii_digit()) {
                digits.push(d);
                chars.next();
            }
            let trimmed = digits.trim_start_matches('0');
            // Longer runs are larger numbers: no overflow on any length.
            out.push(NaturalPart::Number(trimmed.len(), trimmed.to_string()));
        } else {
            let mut word = String::new();
            while let Some(&d) = chars.peek().filter(|d| !d.is_ascii_digit()) {
                word.push(d);
                chars.next();
            }
            out.push(NaturalPart::Text(word));
        }
    }
    out
}

/// A piece of a [`natural_key`].
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub enum NaturalPart {
    Number(usize, String),
    Text(String),
}

pub fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{061C}' | '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// Characters a terminal shows as nothing, or as a line break, or that
/// shift the columns after them: the line and paragraph separators
/// (U+2028, U+2029) and the format characters (Unicode category Cf) —
/// the soft hyphen, zero-width space, joiners, word joiner, invisible
/// operators, the byte order mark, interlinear annotation marks, the
/// Arabic, Syriac and Egyptian format marks, musical and shorthand format
/// controls, and the tag characters. Bidirectional controls, also Cf, are
/// [`is_bidi_control`].
pub fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{00AD}'
            | '\u{0600}'..='\u{0605}'
            | '\u{06DD}'
            | '\u{070F}'
            | '\u{0890}'..='\u{0891}'
            | '\u{08E2}'
            | '\u{180E}'
            | '\u{200B}'..='\u{200D}'
            | '\u{2028}'..='\u{2029}'
            | '\u{2060}'..='\u{2065}'
            | '\u{206A}'..='\u{206F}'
            | '\u{FEFF}'
            | '\u{FFF9}'..='\u{FFFB}'
            | '\u{110BD}'
            | '\u{110CD}'
            | '\u{13430}'..='\u{1343F}'
            | '\u{1BCA0}'..='\u{1BCA3}'
            | '\u{1D173}'..='\u{1D17A}'
            | '\u{E0001}'
            | '\u{E0020}'..='\u{E007F}'
    )
}

/// Collapses every run of whitespace (line breaks from the source included)
/// into one space and trims the ends: a paragraph as the reader should see it.
pub fn collapse_whitespace(input: &str) -> String {
    let mut out = String::with_capacity(input.len());
    Collapse::default().push(&mut out, input);
    out
}

/// [`collapse_whitespace`] over text that comes in pieces, with things
/// that are not text between them (links): a space is written between two
/// words only once the second one comes, so none ends the text.
#[derive(Debug, Default, Clone, Copy)]
pub struct Collapse {
    /// Whitespace came since the last word.
    pending: bool,
    /// A word came (into this text or, as an [`Collapse::atom`], beside it).
    started: bool,
    /// A character came that [`sanitize`] would change.
    dirty: bool,
}

impl Collapse {
    /// Appends `input` to `out`, its whitespace collapsed.
    pub fn push(&mut self, out: &mut String, input: &str) {
        let bytes = input.as_bytes();
        let mut i = 0;
        while i < bytes.len() {
            // Words with single spaces between them, copied whole.
            let start = i;
            loop {
                while i < bytes.len() && ASCII_WORD[usize::from(bytes[i])] {
                    i += 1;
                }
                if i > start
                    && bytes.get(i) == Some(&b' ')
                    && bytes
                        .get(i + 1)
                        .is_some_and(|&b| ASCII_WORD[usize::from(b)])
                {
                    i += 2;
                    continue;
                }
                match bytes.get(i) {
                    Some(&b) if b >= 0x80 => {
                        let c = input[i..].chars().next().unwrap_or(' ');
                        if !c.is_whitespace() {
                            self.dirty |= needs_cleaning(c);
                            i += c.len_utf8();
                            continue;
                        }
                    }
                    Some(&b) if !is_ascii_space(b) => {
                        // A control character, part of the word.
                        self.dirty = true;
                        i += 1;
                        continue;
                    }
                    _ => {}
                }
                break;
            }
            if i > start {
                self.atom(out);
                out.push_str(&input[start..i]);
                continue;
            }
            // Whitespace: one ASCII byte, or a character that is not ASCII.
            self.pending = true;
            i += input[i..].chars().next().map_or(1, char::len_utf8);
        }
    }

    /// Something that is not whitespace comes next (a word, or a link
    /// beside the text): the space before it, if one is due.
    pub fn atom(&mut self, out: &mut String) {
        if self.pending && self.started {
            out.push(' ');
        }
        self.pending = false;
        self.started = true;
    }

    /// Appends one character that is not whitespace.
    pub fn push_char(&mut self, out: &mut String, c: char) {
        self.dirty |= needs_cleaning(c);
        self.atom(out);
        out.push(c);
    }

    /// Whether a character came that [`sanitize`] would change: when not,
    /// the text needs no cleaning.
    pub fn dirty(&self) -> bool {
        self.dirty
    }
}

/// ASCII whitespace, as `char::is_whitespace` has it.
fn is_ascii_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | 0x0b | 0x0c | b'\r')
}

/// ASCII bytes that are neither whitespace (`char::is_whitespace`) nor
/// control characters; every byte from 0x80 on is false, to be decoded.
const ASCII_WORD: [bool; 256] = {
    let mut t = [false; 256];
    let mut b = 0x21;
    while b < 0x7f {
        t[b] = true;
        b += 1;
    }
    t
};

/// Folds one character for matching: lower case, without diacritics
/// (`Ë` → `e`). Always one character for one, so positions in a folded
/// string are the positions in the original, counted in characters.
pub fn fold_char(c: char) -> char {
    if c.is_ascii() {
        return c.to_ascii_lowercase();
    }
    let mut base = c;
    let mut first = true;
    unicode_normalization::char::decompose_canonical(c, |d| {
        if first {
            base = d;
            first = false;
        }
    });
    base.to_lowercase().next().unwrap_or(base)
}

/// Folds a string character by character; see [`fold_char`].
pub fn fold(input: &str) -> String {
    input.chars().map(fold_char).collect()
}

/// Folds one character as search text and queries are folded: whitespace
/// becomes a space, the rest as [`fold_char`].
#[inline]
pub fn fold_text_char(c: char) -> char {
    if c.is_whitespace() { ' ' } else { fold_char(c) }
}

/// Folds text for matching (search, the tree's filter, the notes'
/// filter): a query and the text it is matched in are folded alike, one
/// character for one; see [`fold_text_char`].
pub fn fold_text(s: &str) -> String {
    s.chars().map(fold_text_char).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn natural_order_puts_5_before_14() {
        let mut ids = vec!["kst-36471-14", "kst-36471-5", "kst-36471-100", "kst-3647-9"];
        ids.sort_by_key(|i| natural_key(i));
        assert_eq!(
            ids,
            ["kst-3647-9", "kst-36471-5", "kst-36471-14", "kst-36471-100"]
        );
    }
    use proptest::prelude::*;

    #[test]
    fn escape_sequences_become_visible() {
        assert_eq!(sanitize("a\u{1b}[31mrood"), "a␛[31mrood");
        assert_eq!(sanitize("bell\u{7}"), "bell␇");
        assert_eq!(sanitize("del\u{7f}"), "del␡");
        assert_eq!(sanitize("c1\u{9b}2J"), "c1<U+009B>2J");
        assert_eq!(sanitize("\u{202E}txt"), "<U+202E>txt");
        assert_eq!(
            sanitize(
                "a\u{2028}b\u{2029}c\u{200B}d\u{200C}\u{200D}e\u{2060}f\u{FEFF}g\u{AD}h\u{E0041}"
            ),
            "a<U+2028>b<U+2029>c<U+200B>d<U+200C><U+200D>e<U+2060>f<U+FEFF>g<U+00AD>h<U+E0041>"
        );
        assert_eq!(sanitize_line("titel\u{2028}"), "titel<U+2028>");
        assert_eq!(sanitize("geïnformeerd — “ja” €"), "geïnformeerd — “ja” €");
        assert_eq!(sanitize("regel\nnieuw\tveld"), "regel\nnieuw\tveld");
    }

    #[test]
    fn sanitize_line_shows_line_breaks() {
        assert_eq!(sanitize_line("a\nb\tc\u{1b}"), "a␤b c␛");
    }

    #[test]
    fn folding_ignores_case_and_accents() {
        assert_eq!(fold("Italië"), "italie");
        assert_eq!(fold("ÉÉN Curaçao"), "een curacao");
        assert_eq!(
            fold("geïnformeerd").chars().count(),
            "geïnformeerd".chars().count()
        );
    }

    #[test]
    fn whitespace_collapses_to_single_spaces() {
        assert_eq!(
            collapse_whitespace("  een\n  twee\t drie \n"),
            "een twee drie"
        );
    }

    proptest! {
        #[test]
        fn sanitized_text_has_no_terminal_controls(s in any::<String>()) {
            let clean = sanitize(&s);
            prop_assert!(!clean.chars().any(|c| (c.is_control() && c != '\n' && c != '\t') || is_bidi_control(c)));
            let line = sanitize_line(&s);
            prop_assert!(!line.chars().any(|c| c.is_control() || is_bidi_control(c)));
        }

        #[test]
        fn collapsing_equals_splitting_at_whitespace(s in any::<String>()) {
            let words: Vec<&str> = s.split_whitespace().collect();
            prop_assert_eq!(collapse_whitespace(&s), words.join(" "));
        }

        #[test]
        fn clean_text_is_kept_and_other_text_cleaned(s in any::<String>()) {
            let slow: String = {
                let mut out = String::new();
                for c in s.chars() {
                    push_clean(&mut out, c);
                }
                out
            };
            prop_assert_eq!(&sanitize(&s), &slow);
            prop_assert_eq!(&*sanitize_boxed(s.clone().into()), slow.as_str());
        }

        /// Mostly printable ASCII, as dossier text is, so that the checks
        /// eight bytes at a time meet controls, DEL and wider characters
        /// at every place in a word.
        #[test]
        fn the_fast_checks_agree_with_the_plain_ones(
            s in "([ -~]{0,20}[\\x00-\\x1f\\x7f\\u{80}-\\u{9f}\\u{a0}\\u{85}\\u{200e}\\u{2069}ëï\\t\\n\\r ]?){0,8}"
        ) {
            prop_assert_eq!(is_clean(&s), s.chars().all(|c| !needs_cleaning(c)));
            let words: Vec<&str> = s.split_whitespace().collect();
            prop_assert_eq!(collapse_whitespace(&s), words.join(" "));
        }

        #[test]
        fn folding_keeps_the_character_count(s in any::<String>()) {
            prop_assert_eq!(fold(&s).chars().count(), s.chars().count());
        }
    }
}
