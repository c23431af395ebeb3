//! A letter's published web page (the HTML of its page on
//! officielebekendmakingen.nl or tweedekamer.nl) made into the text a
//! reader sees, then read as a letter in its published layout
//! ([`super::published`]).
//!
//! Blocks (`p`, `div`, headings, list items, table rows) become paragraphs
//! separated by a blank line; a table row's cells are joined by ` | `;
//! `br` breaks a line; scripts, styles, navigation and the site footer are
//! left out; entities are decoded. A footnote number printed in a block of
//! its own is joined to the footnote's text (`1` + `Kamerstuk …` →
//! `1 Kamerstuk …`). The parse keeps a stack of open elements, never
//! recursing, so no depth of nesting can exhaust it.
//!
//! Lines in the import's findings are lines of that text, not of the HTML.

use super::{Document, ImportError, Report, Transcript, published};

const SKIPPED: [&str; 12] = [
    "script", "style", "head", "nav", "noscript", "template", "svg", "form", "button", "select",
    "iframe", "footer",
];

const BLOCKS: [&str; 27] = [
    "p",
    "div",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "ul",
    "ol",
    "dl",
    "dt",
    "dd",
    "table",
    "tr",
    "section",
    "article",
    "main",
    "header",
    "blockquote",
    "pre",
    "address",
    "figure",
    "caption",
    "hr",
    "body",
];

pub fn parse(html: &str, report: &mut Report) -> Result<(Document, Transcript), ImportError> {
    let text = to_text(html)?;
    if text.trim().is_empty() {
        return Err(not_a_kamerstuk());
    }
    if !published::looks_published(&text) {
        return Err(not_a_kamerstuk());
    }
    published::parse(&text, report)
}

fn not_a_kamerstuk() -> ImportError {
    ImportError::whole(format!(
        "a web page, but not a Kamerstuk's: no dossier heading with `Nr. …` and no \
`Den Haag, <date>` found in its text ({})",
        super::format::ACCEPTED
    ))
}

/// The page's text, blocks separated by blank lines.
pub(super) fn to_text(html: &str) -> Result<String, ImportError> {
    let dom = tl::parse(html, tl::ParserOptions::default())
        .map_err(|e| ImportError::whole(format!("the web page cannot be read: {e}")))?;
    let parser = dom.parser();
    let mut out = Text::default();
    // (node, entering): children are pushed in reverse so they come out in order.
    let mut stack: Vec<(tl::NodeHandle, bool)> =
        dom.children().iter().rev().map(|h| (*h, true)).collect();
    let mut cells: Vec<usize> = Vec::new();
    while let Some((handle, entering)) = stack.pop() {
        let Some(node) = handle.get(parser) else {
            continue;
        };
        match node {
            tl::Node::Raw(bytes) => {
                let raw = bytes.as_utf8_str();
                out.inline(&html_escape::decode_html_entities(&raw));
            }
            tl::Node::Comment(_) => {}
            tl::Node::Tag(tag) => {
                let name = tag.name().as_utf8_str().to_ascii_lowercase();
                if SKIPPED.contains(&name.as_str()) {
                    continue;
                }
                let in_cell = !cells.is_empty();
                if entering {
                    match name.as_str() {
                        "br" => out.line_break(),
                        "tr" => {
                            out.block();
                            cells.push(0);
                        }
                        "td" | "th" => {
                            if let Some(c) = cells.last_mut() {
                                if *c > 0 {
                                    out.inline(" | ");
                                }
                                *c += 1;
                            }
                        }
                        n if BLOCKS.contains(&n) && !in_cell => out.block(),
                        n if BLOCKS.contains(&n) => out.inline(" "),
                        _ => {}
                    }
                    stack.push((handle, false));
                    let children: Vec<tl::NodeHandle> =
                        tag.children().top().iter().copied().collect();
                    stack.extend(children.into_iter().rev().map(|c| (c, true)));
                } else {
                    match name.as_str() {
                        "tr" => {
                            cells.pop();
                            out.block();
                        }
                        n if BLOCKS.contains(&n) && !in_cell => out.block(),
                        _ => {}
                    }
                }
            }
        }
    }
    Ok(join_note_numbers(&out.finish()))
}

/// Text being built: inline whitespace collapsed, blocks apart.
#[derive(Default)]
struct Text {
    out: String,
    /// A space is owed before the next word.
    space: bool,
}

impl Text {
    fn inline(&mut self, s: &str) {
        for (i, word) in s.split(is_html_space).enumerate() {
            if i > 0 {
                self.space = true;
            }
            if word.is_empty() {
                continue;
            }
            if self.space && !self.out.is_empty() && !self.out.ends_with('\n') {
                self.out.push(' ');
            }
            self.space = false;
            self.out.push_str(word);
        }
    }

    fn line_break(&mut self) {
        self.out.push('\n');
        self.space = false;
    }

    fn block(&mut self) {
        let trimmed = self.out.trim_end_matches([' ', '\n']).len();
        self.out.truncate(trimmed);
        if !self.out.is_empty() {
            self.out.push_str("\n\n");
        }
        self.space = false;
    }

    fn finish(mut self) -> String {
        self.block();
        let end = self.out.trim_end().len();
        self.out.truncate(end);
        self.out.push('\n');
        self.out
    }
}

/// HTML's whitespace (no-break space is text).
fn is_html_space(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\n' | '\r' | '\u{c}')
}

/// A footnote number in a block of its own joined to the text after it.
fn join_note_numbers(text: &str) -> String {
    let lines: Vec<&str> = text.lines().collect();
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    while i < lines.len() {
        let t = lines[i].trim();
        let is_number = !t.is_empty() && t.len() <= 3 && t.chars().all(|c| c.is_ascii_digit());
        if is_number {
            let mut j = i + 1;
            while j < lines.len() && lines[j].trim().is_empty() {
                j += 1;
            }
            if let Some(next) = lines.get(j)
                && next.trim().starts_with(|c: char| !c.is_ascii_digit())
            {
                out.push_str(t);
                out.push(' ');
                out.push_str(next.trim());
                out.push('\n');
                i = j + 1;
                continue;
            }
        }
        out.push_str(lines[i]);
        out.push('\n');
        i += 1;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blocks_become_paragraphs_and_furniture_is_left_out() {
        let html = "<!DOCTYPE html><html><head><title>x</title><script>var a = 1;</script></head>\
<body><nav><a>Zoeken</a></nav><div><p>Een  <b>zin</b>\n met&nbsp;spaties &amp; meer.</p>\
<table><tr><td>a</td><td><p>b</p></td></tr></table>\
<ol><li><span>1</span></li><li>Kamerstuk 32 317, nr. 530</li></ol></div><footer>Over deze site</footer></body></html>";
        let text = to_text(html).unwrap();
        assert_eq!(
            text,
            "Een zin met\u{a0}spaties & meer.\n\na | b\n\n1 Kamerstuk 32 317, nr. 530\n"
        );
    }

    #[test]
    fn deep_nesting_does_not_exhaust_the_stack() {
        let html = "<div>".repeat(200_000) + "x";
        assert_eq!(to_text(&html).unwrap(), "x\n");
    }

    #[test]
    fn a_web_page_that_is_not_a_kamerstuk_is_refused_in_words() {
        let mut r = Report::default();
        let e = parse(
            "<!DOCTYPE html><html><body><h1>Welkom</h1><p>Onze openingstijden.</p></body></html>",
            &mut r,
        )
        .unwrap_err()
        .to_string();
        assert!(e.starts_with("a web page, but not a Kamerstuk's"), "{e}");
        assert!(e.contains(".docx"), "{e}");
    }
}
