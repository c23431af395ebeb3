//! Bounds a source is held to before its tree is built, and line numbers
//! found without scanning the source again.
//!
//! The XML parser keeps each element's attributes apart by comparing every
//! new one with those before it, and the reader walks elements within
//! elements: a source that nests 30,000 deep or gives one element 100,000
//! attributes would cost the stack or the square of its size. One pass over
//! the bytes refuses both, at the element where the bound is passed.

use super::super::ImportError;

/// Elements within elements. Real Kamerstukken nest about 10 deep (a
/// footnote in a list item in a table in a nested `divisie`); far more is
/// no document.
pub const MAX_DEPTH: usize = 100;

/// Attributes on one element: real ones carry at most a handful.
pub const MAX_ATTRIBUTES: usize = 64;

/// Refuses a source that nests deeper than [`MAX_DEPTH`] or gives an
/// element more than [`MAX_ATTRIBUTES`] attributes, with the line and
/// column of that element. What is not well-formed is left to the parser.
pub fn check(text: &str) -> Result<(), ImportError> {
    let b = text.as_bytes();
    let mut i = 0;
    let mut depth = 0usize;
    while let Some(off) = memchr::memchr(b'<', &b[i..]) {
        let start = i + off;
        let rest = &b[start..];
        let skip_to = |from: usize, end: &[u8]| {
            memchr::memmem::find(&b[from..], end).map_or(b.len(), |k| from + k + end.len())
        };
        if rest.starts_with(b"<!--") {
            i = skip_to(start + 4, b"-->");
        } else if rest.starts_with(b"<![CDATA[") {
            i = skip_to(start + 9, b"]]>");
        } else if rest.starts_with(b"<?") {
            i = skip_to(start + 2, b"?>");
        } else if rest.starts_with(b"<!") {
            i = skip_to(start + 2, b">");
        } else if rest.starts_with(b"</") {
            depth = depth.saturating_sub(1);
            i = skip_to(start + 2, b">");
        } else {
            let (end, attributes) = start_tag(b, start + 1);
            if attributes > MAX_ATTRIBUTES {
                let (line, col) = position(text, start);
                return Err(ImportError::at(
                    line,
                    col,
                    format!(
                        "an element with {attributes} attributes: more than {MAX_ATTRIBUTES} is no Kamerstuk"
                    ),
                ));
            }
            let empty = end > 0 && b.get(end - 1) == Some(&b'/');
            if !empty {
                depth += 1;
                if depth > MAX_DEPTH {
                    let (line, col) = position(text, start);
                    return Err(ImportError::at(
                        line,
                        col,
                        format!(
                            "elements nested more than {MAX_DEPTH} deep: no Kamerstuk nests so deep"
                        ),
                    ));
                }
            }
            i = (end + 1).min(b.len());
        }
        if i >= b.len() {
            break;
        }
    }
    Ok(())
}

/// From just after `<`: the index of the tag's closing `>` (or the end),
/// and how many attributes (`=` outside quotes) the tag holds.
fn start_tag(b: &[u8], from: usize) -> (usize, usize) {
    let mut quote: Option<u8> = None;
    let mut attributes = 0;
    let mut j = from;
    while j < b.len() {
        let c = b[j];
        match quote {
            Some(q) => {
                // A quoted value runs to its closing quote: jump there.
                match memchr::memchr(q, &b[j..]) {
                    Some(k) => j += k,
                    None => return (b.len(), attributes),
                }
                quote = None;
            }
            None => match c {
                b'"' | b'\'' => quote = Some(c),
                b'=' => attributes += 1,
                b'>' => return (j, attributes),
                _ => {}
            },
        }
        j += 1;
    }
    (b.len(), attributes)
}

/// 1-based line and column (in characters) of a byte offset.
pub fn position(text: &str, pos: usize) -> (usize, usize) {
    let pos = pos.min(text.len());
    let before = &text.as_bytes()[..pos];
    let line = memchr::memchr_iter(b'\n', before).count() + 1;
    let line_start = memchr::memrchr(b'\n', before).map_or(0, |k| k + 1);
    let col = text
        .get(line_start..pos)
        .map_or(1, |s| s.chars().count() + 1);
    (line, col)
}

/// The byte offsets where lines start, and where the last lookup ended:
/// the walks ask for lines in the source's order, so each lookup moves on
/// from the last and a whole walk costs the number of lines, where the
/// parser's own lookup counts the lines from the start each time (the
/// square of the size over a document).
#[derive(Debug)]
pub struct Lines {
    starts: Vec<usize>,
    at: std::cell::Cell<usize>,
}

impl Lines {
    pub fn new(text: &str) -> Lines {
        let mut starts = vec![0];
        starts.extend(memchr::memchr_iter(b'\n', text.as_bytes()).map(|k| k + 1));
        Lines {
            starts,
            at: std::cell::Cell::new(0),
        }
    }

    /// 1-based line of a byte offset, and the steps taken to find it.
    pub fn line(&self, pos: usize) -> (usize, u64) {
        let mut i = self.at.get();
        let mut steps = 1;
        while i + 1 < self.starts.len() && self.starts[i + 1] <= pos {
            i += 1;
            steps += 1;
        }
        while i > 0 && self.starts[i] > pos {
            i -= 1;
            steps += 1;
        }
        self.at.set(i);
        (i + 1, steps)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_and_positions() {
        let text = "a\nbc\n\nd";
        let lines = Lines::new(text);
        assert_eq!(
            [0, 1, 2, 4, 5, 6, 0, 6, 3].map(|p| lines.line(p).0),
            [1, 1, 2, 2, 3, 4, 1, 4, 2]
        );
        assert_eq!(position(text, 3), (2, 2));
        assert_eq!(position("é\né€x", 8), (2, 3));
    }

    #[test]
    fn deep_nesting_is_refused_where_it_passes_the_bound() {
        let deep = format!("<a>\n{}{}</a>", "<b>".repeat(30_000), "</b>".repeat(30_000));
        let e = check(&deep).unwrap_err();
        assert_eq!((e.line, e.col), (Some(2), Some(3 * (MAX_DEPTH - 1) + 1)));
        assert!(e.message.contains("nested more than 100 deep"), "{e}");
        // As deep as allowed, with comments, CDATA and quoted `>` and `<`
        // that are no tags: accepted.
        let ok = format!(
            "<?xml version=\"1.0\"?><!-- <<<< --><a x=\"<>\" y='>'>{}<![CDATA[<b><b>]]>{}</a>",
            "<b>".repeat(MAX_DEPTH - 1),
            "</b>".repeat(MAX_DEPTH - 1)
        );
        assert_eq!(check(&ok), Ok(()));
        let siblings = format!("<a>{}</a>", "<b><c/></b>".repeat(10_000));
        assert_eq!(check(&siblings), Ok(()));
    }

    #[test]
    fn too_many_attributes_are_refused() {
        let attrs: String = (0..=MAX_ATTRIBUTES)
            .map(|k| format!(" a{k}=\"=\""))
            .collect();
        let e = check(&format!("<a>\n <b{attrs}/></a>")).unwrap_err();
        assert_eq!((e.line, e.col), (Some(2), Some(2)));
        let fine: String = (0..MAX_ATTRIBUTES).map(|k| format!(" a{k}='='")).collect();
        assert_eq!(check(&format!("<a{fine}/>")), Ok(()));
    }
}
