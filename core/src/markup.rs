//! The inline markup of dossier text: paragraphs separated by blank lines,
//! and links written `[label](target-id)`. `\[`, `\]` and `\\` stand for
//! themselves. Everything else is the letter's text, verbatim.

use crate::model::{Document, Paragraph, Span};
use crate::text::{Collapse, collapse_whitespace, sanitize, sanitize_line};

/// Where a link stands in the raw text, for validating its target.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LinkSite {
    pub target: String,
    /// Byte offset of the `[` in the raw text.
    pub offset: usize,
}

/// A markup mistake at a byte offset of the raw text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MarkupError {
    pub offset: usize,
    pub message: String,
}

/// Parses raw text into paragraphs of text and links. Line breaks inside a
/// paragraph are undone (they are layout, not wording).
pub fn parse_document(raw: &str) -> Result<(Document, Vec<LinkSite>), MarkupError> {
    parse(raw, false)
}

/// [`parse_document`], with every piece of text cleaned for display (see
/// [`crate::text::sanitize`]; link labels and targets as one line):
/// the text of a dossier as the loader keeps it. The check for what needs
/// cleaning is part of the one pass over the text.
pub fn parse_clean_document(raw: &str) -> Result<(Document, Vec<LinkSite>), MarkupError> {
    parse(raw, true)
}

fn parse(raw: &str, clean: bool) -> Result<(Document, Vec<LinkSite>), MarkupError> {
    let mut paragraphs = Vec::new();
    let mut sites = Vec::new();
    // One buffer for the text and one for the spans, reused: each piece
    // is then copied out at its size, so nothing grows or shrinks.
    let mut pieces = Pieces {
        text: String::with_capacity(raw.len()),
        spans: Vec::new(),
        clean,
    };
    for (start, block) in blocks(raw) {
        let paragraph = parse_paragraph(block, start, &mut pieces, &mut sites)?;
        if !paragraph.spans.is_empty() {
            paragraphs.push(paragraph);
        }
    }
    Ok((Document { paragraphs }, sites))
}

/// The buffers a paragraph is gathered in.
struct Pieces {
    text: String,
    spans: Vec<Span>,
    /// Whether text is cleaned (see [`parse_clean_document`]).
    clean: bool,
}

impl Pieces {
    /// Ends the text gathered so far as a span, if there is any.
    fn end_text(&mut self) {
        if !self.text.is_empty() {
            self.spans.push(Span::Text(self.text.as_str().into()));
            self.text.clear();
        }
    }
}

/// Splits at blank lines, yielding each block with its byte offset.
fn blocks(raw: &str) -> Vec<(usize, &str)> {
    let mut out = Vec::new();
    let mut block_start: Option<usize> = None;
    let mut offset = 0;
    let mut from = 0;
    let ends = memchr::memchr_iter(b'\n', raw.as_bytes()).map(|i| i + 1);
    let lines = ends
        .chain((!raw.ends_with('\n') && !raw.is_empty()).then_some(raw.len()))
        .map(|end| {
            let line = &raw[from..end];
            from = end;
            line
        });
    for line in lines {
        if line.trim().is_empty() {
            if let Some(s) = block_start.take() {
                out.push((s, &raw[s..offset]));
            }
        } else if block_start.is_none() {
            block_start = Some(offset);
        }
        offset += line.len();
    }
    if let Some(s) = block_start {
        out.push((s, &raw[s..]));
    }
    out
}

/// One paragraph: its text with whitespace collapsed across it (a link is
/// a word of its own), in one pass that copies the text between markup
/// whole.
fn parse_paragraph(
    block: &str,
    base: usize,
    pieces: &mut Pieces,
    sites: &mut Vec<LinkSite>,
) -> Result<Paragraph, MarkupError> {
    let mut ws = Collapse::default();
    let bytes = block.as_bytes();
    let mut at = 0;
    pieces.text.clear();
    pieces.spans.clear();
    while let Some(k) = memchr::memchr3(b'[', b']', b'\\', &bytes[at..]) {
        let i = at + k;
        ws.push(&mut pieces.text, &block[at..i]);
        match bytes[i] {
            b'\\' => match bytes.get(i + 1) {
                Some(&next @ (b'[' | b']' | b'\\')) => {
                    ws.push_char(&mut pieces.text, char::from(next));
                    at = i + 2;
                }
                _ => {
                    ws.push_char(&mut pieces.text, '\\');
                    at = i + 1;
                }
            },
            b'[' => {
                let (label, target, end) =
                    parse_link(block, i).map_err(|(at, message)| MarkupError {
                        offset: base + at,
                        message,
                    })?;
                ws.atom(&mut pieces.text);
                pieces.end_text();
                sites.push(LinkSite {
                    target: target.clone(),
                    offset: base + i,
                });
                let (label, target) = if pieces.clean {
                    (sanitize_line(&label), sanitize_line(&target))
                } else {
                    (label, target)
                };
                pieces.spans.push(Span::Link {
                    label: label.into(),
                    target: target.into(),
                });
                at = end;
            }
            _ => {
                return Err(MarkupError {
                    offset: base + i,
                    message: "`]` without a `[` before it; write `\\]` for a literal bracket"
                        .into(),
                });
            }
        }
    }
    ws.push(&mut pieces.text, &block[at..]);
    pieces.end_text();
    if pieces.clean && ws.dirty() {
        for span in &mut pieces.spans {
            if let Span::Text(t) = span {
                *t = sanitize(t).into();
            }
        }
    }
    Ok(Paragraph {
        spans: pieces.spans.drain(..).collect(),
    })
}

/// Parses `[label](target)` starting at `open`; returns label, target and
/// the byte offset just past `)`.
fn parse_link(block: &str, open: usize) -> Result<(String, String, usize), (usize, String)> {
    let rest = &block[open + 1..];
    let mut label = String::new();
    let mut close = None;
    let mut chars = rest.char_indices();
    while let Some((i, c)) = chars.next() {
        match c {
            '\\' => {
                if let Some((_, n)) = chars.next() {
                    label.push(n);
                }
            }
            '[' => return Err((open, "a link label cannot contain `[`; write `\\[`".into())),
            ']' => {
                close = Some(open + 1 + i);
                break;
            }
            _ => label.push(c),
        }
    }
    let close = close.ok_or((
        open,
        "`[` opens a link that is never closed with `](target)`; write `\\[` for a literal bracket"
            .to_string(),
    ))?;
    let after = &block[close + 1..];
    if !after.starts_with('(') {
        return Err((
            open,
            "a link needs its target right after the label: `[label](target-id)`".into(),
        ));
    }
    let end_rel = after.find(')').ok_or((
        close + 1,
        "the link target is never closed with `)`".to_string(),
    ))?;
    let target = after[1..end_rel].trim().to_string();
    if target.is_empty() || target.contains(char::is_whitespace) {
        return Err((close + 1, format!("`{target}` is not a node id")));
    }
    let label = collapse_whitespace(&label);
    if label.is_empty() {
        return Err((open, "a link needs a label".into()));
    }
    Ok((label, target, close + 1 + end_rel + 1))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn plain(raw: &str) -> Vec<String> {
        parse_document(raw)
            .unwrap()
            .0
            .paragraphs
            .iter()
            .map(|p| p.plain())
            .collect()
    }

    #[test]
    fn blank_lines_separate_paragraphs_and_line_breaks_are_undone() {
        assert_eq!(plain("een\ntwee\n\n  drie  \n"), vec!["een twee", "drie"]);
    }

    #[test]
    fn links_keep_their_label_in_the_text() {
        let (doc, sites) = parse_document("gemeld[2](ebsp/fn-2), hebben\nde [VS](x) ").unwrap();
        assert_eq!(doc.paragraphs[0].plain(), "gemeld2, hebben de VS");
        assert_eq!(
            sites,
            vec![
                LinkSite {
                    target: "ebsp/fn-2".into(),
                    offset: 6
                },
                LinkSite {
                    target: "x".into(),
                    offset: 32
                },
            ]
        );
        assert!(
            matches!(&doc.paragraphs[0].spans[1], Span::Link { label, target } if &**label == "2" && &**target == "ebsp/fn-2")
        );
    }

    #[test]
    fn escaped_brackets_are_text() {
        assert_eq!(plain(r"a \[b\] c \\ d"), vec![r"a [b] c \ d"]);
    }

    #[test]
    fn broken_links_report_their_offset() {
        assert_eq!(parse_document("ab [c").unwrap_err().offset, 3);
        assert_eq!(parse_document("ab\n\nc]").unwrap_err().offset, 5);
        assert!(parse_document("[c] d").is_err());
        assert!(parse_document("[c](a b)").is_err());
        assert!(parse_document("[](a)").is_err());
    }

    #[test]
    fn a_paragraph_without_markup_is_its_text_collapsed() {
        assert_eq!(plain("  een\n\ttwee  drie\n"), vec!["een twee drie"]);
        assert_eq!(plain("a [b](x)\n c"), vec!["a b c"]);
        assert!(parse_document(" \n\t\n").unwrap().0.is_empty());
    }

    // The paragraph parser as it was before it collapsed whitespace in the
    // same pass: the reference the new one is checked against.
    fn previous_paragraph(
        block: &str,
        base: usize,
    ) -> Result<(Paragraph, Vec<LinkSite>), MarkupError> {
        // Most paragraphs hold no link and no escape: their text is the block's,
        // its whitespace collapsed.
        if memchr::memchr3(b'[', b']', b'\\', block.as_bytes()).is_none() {
            let text = collapse_whitespace(block);
            let spans: Box<[Span]> = if text.is_empty() {
                Box::default()
            } else {
                Box::new([Span::Text(text.into())])
            };
            return Ok((Paragraph { spans }, Vec::new()));
        }
        let mut spans: Vec<Span> = Vec::new();
        let mut sites = Vec::new();
        let mut text = String::new();
        let mut chars = block.char_indices().peekable();
        while let Some((i, c)) = chars.next() {
            match c {
                '\\' => match chars.peek() {
                    Some(&(_, next @ ('[' | ']' | '\\'))) => {
                        text.push(next);
                        chars.next();
                    }
                    _ => text.push('\\'),
                },
                '[' => {
                    let (label, target, end) =
                        parse_link(block, i).map_err(|(at, message)| MarkupError {
                            offset: base + at,
                            message,
                        })?;
                    if !text.is_empty() {
                        spans.push(Span::Text(std::mem::take(&mut text).into()));
                    }
                    sites.push(LinkSite {
                        target: target.clone(),
                        offset: base + i,
                    });
                    spans.push(Span::Link {
                        label: label.into(),
                        target: target.into(),
                    });
                    while chars.peek().is_some_and(|&(j, _)| j < end) {
                        chars.next();
                    }
                }
                ']' => {
                    return Err(MarkupError {
                        offset: base + i,
                        message: "`]` without a `[` before it; write `\\]` for a literal bracket"
                            .into(),
                    });
                }
                _ => text.push(c),
            }
        }
        if !text.is_empty() {
            spans.push(Span::Text(text.into()));
        }
        Ok((normalise_spaces(spans), sites))
    }

    /// Collapses whitespace runs across span boundaries, and trims the paragraph.
    fn normalise_spaces(spans: Vec<Span>) -> Paragraph {
        let mut out: Vec<Span> = Vec::with_capacity(spans.len());
        let mut pending_space = false;
        for span in spans {
            match span {
                Span::Text(t) => {
                    let starts_ws = t.starts_with(char::is_whitespace);
                    let ends_ws = t.ends_with(char::is_whitespace);
                    let core = collapse_whitespace(&t);
                    let mut piece = String::new();
                    if (pending_space || starts_ws) && !out.is_empty() {
                        piece.push(' ');
                    }
                    piece.push_str(&core);
                    pending_space = ends_ws && !core.is_empty()
                        || (core.is_empty() && (pending_space || starts_ws));
                    if core.is_empty() {
                        continue;
                    }
                    out.push(Span::Text(piece.into()));
                }
                link @ Span::Link { .. } => {
                    if pending_space && !out.is_empty() {
                        out.push(Span::Text(" ".into()));
                    }
                    pending_space = false;
                    out.push(link);
                }
            }
        }
        merge_texts(out)
    }

    fn merge_texts(spans: Vec<Span>) -> Paragraph {
        let mut out: Vec<Span> = Vec::with_capacity(spans.len());
        for span in spans {
            match (out.last_mut(), span) {
                (Some(Span::Text(prev)), Span::Text(t)) => *prev = format!("{prev}{t}").into(),
                (_, s) => out.push(s),
            }
        }
        Paragraph { spans: out.into() }
    }

    /// [`parse_document`] with [`previous_paragraph`].
    fn previous_document(raw: &str) -> Result<(Document, Vec<LinkSite>), MarkupError> {
        let mut paragraphs = Vec::new();
        let mut sites = Vec::new();
        for (start, block) in blocks(raw) {
            let (paragraph, mut block_sites) = previous_paragraph(block, start)?;
            if !paragraph.spans.is_empty() {
                paragraphs.push(paragraph);
            }
            sites.append(&mut block_sites);
        }
        Ok((Document { paragraphs }, sites))
    }

    use proptest::prelude::Strategy;

    proptest::proptest! {
        #[test]
        fn parses_as_the_previous_parser_did(
            pieces in proptest::collection::vec(
                proptest::prop_oneof![
                    proptest::string::string_regex(r"[a-zë\u{a0}\u{85}\u{2009}\u{1f} \t\n\r\[\]\\()]{0,10}").unwrap(),
                    proptest::sample::select(vec![
                        "[a](x)", "[ b  c ](d/e)", " [f](g) ", "\\[", "\\]", "\\\\", "\\q",
                        "\n\n", "\n \n", "  ", "\u{a0}", "[", "]", "](", "[h]( i )", "[](j)",
                        "woord", "geïnformeerd", "\r\n",
                    ]).prop_map(String::from),
                ],
                0..14,
            )
        ) {
            let raw = pieces.concat();
            proptest::prop_assert_eq!(parse_document(&raw), previous_document(&raw));
        }
    }

    /// The cleaning as the loader did it after parsing.
    fn cleaned_after(doc: Document) -> Document {
        let paragraphs = doc
            .paragraphs
            .into_iter()
            .map(|p| Paragraph {
                spans: p
                    .spans
                    .iter()
                    .map(|s| match s {
                        Span::Text(t) => Span::Text(sanitize(t).into()),
                        Span::Link { label, target } => Span::Link {
                            label: sanitize_line(label).into(),
                            target: sanitize_line(target).into(),
                        },
                    })
                    .collect(),
            })
            .collect();
        Document { paragraphs }
    }

    proptest::proptest! {
        #[test]
        fn cleaning_while_parsing_equals_cleaning_after(
            pieces in proptest::collection::vec(
                proptest::prop_oneof![
                    proptest::string::string_regex(r"[a-zë\x00-\x1f\x7f\u{80}-\u{9f}\u{200e}\u{202e}\u{a0}\u{85} \t\n]{0,10}").unwrap(),
                    proptest::sample::select(vec![
                        "[a](x)", "[b\u{1b}c](d)", "[e](f\u{7f})", " [\u{202e}g](h) ", "\\[",
                        "\n\n", "woord", "\u{1b}[31m", "geïnformeerd",
                    ]).prop_map(String::from),
                ],
                0..12,
            )
        ) {
            let raw = pieces.concat();
            let after = parse_document(&raw).map(|(d, s)| (cleaned_after(d), s));
            proptest::prop_assert_eq!(parse_clean_document(&raw), after);
        }
    }

    #[test]
    fn spaces_around_links_stay_single() {
        assert_eq!(plain("a  [b](x)  c"), vec!["a b c"]);
        assert_eq!(plain("[b](x) c"), vec!["b c"]);
        assert_eq!(plain("a [b](x)[c](y)."), vec!["a bc."]);
    }
}
