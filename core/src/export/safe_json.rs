//! JSON that is safe to print and exact to read back. serde_json escapes
//! the C0 controls but writes DEL, the C1 controls and the bidirectional
//! controls as they are, and a terminal acts on those. Here they are
//! written as `\uXXXX` escapes too: every JSON reader gives back the same
//! string, and nothing in the output moves a terminal.

use std::io::{self, Write};

use serde::Serialize;

use crate::text::{is_bidi_control, is_invisible};

/// Writes `value` as indented JSON, with every control written as an escape.
pub fn to_writer_pretty<W: Write, T: Serialize + ?Sized>(mut out: W, value: &T) -> io::Result<()> {
    let json = serde_json::to_string_pretty(value).map_err(io::Error::other)?;
    out.write_all(escape_controls(&json).as_bytes())
}

/// `value` as one line of JSON, with every control written as an escape.
pub fn to_string<T: Serialize + ?Sized>(value: &T) -> serde_json::Result<String> {
    serde_json::to_string(value).map(|s| escape_controls(&s))
}

/// Rewrites the controls serde_json leaves raw as `\uXXXX`. Only correct
/// on serde_json's own output: outside strings it writes ASCII alone, so
/// every such character stands inside a string, where the escape means it.
fn escape_controls(json: &str) -> String {
    if !json.chars().any(is_raw_control) {
        return json.to_owned();
    }
    let mut out = String::with_capacity(json.len() + 16);
    for c in json.chars() {
        if is_raw_control(c) {
            // Beyond the first plane, as a surrogate pair.
            for unit in c.encode_utf16(&mut [0; 2]) {
                out.push_str(&format!("\\u{unit:04x}"));
            }
        } else {
            out.push(c);
        }
    }
    out
}

/// serde_json escapes the C0 controls within strings itself, so a line
/// break in its output is the indentation's and stays.
fn is_raw_control(c: char) -> bool {
    (c.is_control() && !matches!(c, '\n' | '\t' | '\r')) || is_bidi_control(c) || is_invisible(c)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn separators_and_format_characters_are_escaped() {
        let text = "a\u{2028}b\u{2029}\u{200b}\u{feff}\u{2060}\u{ad}\u{e0041}";
        let s = to_string(text).unwrap();
        assert_eq!(s, r#""a\u2028b\u2029\u200b\ufeff\u2060\u00ad\udb40\udc41""#);
        assert_eq!(serde_json::from_str::<String>(&s).unwrap(), text);
    }

    #[test]
    fn c1_bidi_and_del_are_escaped() {
        let s = to_string("a\u{9b}2J\u{202e}b\u{7f}\u{1b}]52;c;\u{7}\u{2066}\u{61c}").unwrap();
        assert_eq!(
            s,
            r#""a\u009b2J\u202eb\u007f\u001b]52;c;\u0007\u2066\u061c""#
        );
    }

    proptest! {
        #[test]
        fn any_string_reads_back_the_same_and_has_no_raw_control(s in any::<String>()) {
            let mut out = Vec::new();
            to_writer_pretty(&mut out, &vec![s.clone()]).unwrap();
            let text = String::from_utf8(out).unwrap();
            prop_assert!(!text.chars().any(|c| is_raw_control(c) || c == '\t' || c == '\r'));
            let back: Vec<String> = serde_json::from_str(&text).unwrap();
            prop_assert_eq!(back, vec![s]);
        }
    }
}
