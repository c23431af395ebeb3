//! JSON that is safe to print and exact to read back. serde_json escapes
//! the C0 controls but writes DEL, the C1 controls and the bidirectional
//! controls as they are, and a terminal acts on those. Here they are
//! written as `\uXXXX` escapes too: every JSON reader gives back the same
//! string, and nothing in the output moves a terminal.

use std::io::{self, Write};

use serde::Serialize;

use crate::text::is_bidi_control;

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
            out.push_str(&format!("\\u{:04x}", c as u32));
        } else {
            out.push(c);
        }
    }
    out
}

/// serde_json escapes the C0 controls within strings itself, so a line
/// break in its output is the indentation's and stays.
fn is_raw_control(c: char) -> bool {
    (c.is_control() && !matches!(c, '\n' | '\t' | '\r')) || is_bidi_control(c)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

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
