//! A [`Document`] as one library file: the document root, its headings as
//! nested `[[section]]`s, its `[[footnote]]`s, `[[annex]]`es and the
//! `[[reference]]`s it cites. The output depends on the document only (no
//! time, no path), so importing the same source again writes the same bytes.

use std::fmt::Write as _;

use super::ids::Carried;
use super::slug::{Slugs, sibling_slugs};
use super::{Block, Document, Inline};

/// Text lines are wrapped near this width (the loader joins them again).
const WIDTH: usize = 90;

/// The file's TOML, with the ids a first import gives.
pub fn write(doc: &Document) -> String {
    write_with(doc, &Carried::default())
}

/// The file's TOML, its sections' ids as `carried` says (see
/// [`super::ids`]).
pub fn write_with(doc: &Document, carried: &Carried) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "# Imported by `dossier import`: the source's words, verbatim; only its layout is undone."
    );
    let _ = writeln!(out, "\n[dossier]");
    field(&mut out, "id", &doc.id);
    field(&mut out, "kind", "document");
    field(&mut out, "title", &doc.title);
    list(&mut out, "retired", &carried.retired);
    let mut slugs = Slugs::default();
    for f in &doc.footnotes {
        slugs.reserve(&format!("{}/fn-{}", doc.id, f.number));
    }
    for a in &doc.annexes {
        slugs.reserve(&format!("{}/{}", doc.id, a.key));
    }
    let sections = tree(&doc.blocks);
    let lead = paragraphs_text(doc, &sections.lead);
    text_field(&mut out, "text", &lead);

    let _ = writeln!(out, "\n[document]");
    field(&mut out, "type", &doc.doc_type);
    if !doc.date.is_empty() {
        field(&mut out, "date", &doc.date);
    }
    if let Some(chamber) = doc.chamber {
        field(&mut out, "chamber", chamber.as_str());
    }
    if let Some(k) = &doc.kst {
        field(&mut out, "dossier_number", &k.dossier);
        field(&mut out, "number", &k.number);
    }
    optional(&mut out, "year", doc.year.as_deref());
    optional(&mut out, "dossier_title", doc.dossier_title.as_deref());
    optional(&mut out, "rijkswet", doc.rijkswet.as_deref());
    optional(&mut out, "subject", doc.subject.as_deref());
    if !doc.submitters.is_empty() {
        let items: Vec<String> = doc.submitters.iter().map(|s| toml_str(s)).collect();
        let _ = writeln!(out, "submitters = [{}]", items.join(", "));
    }
    optional(&mut out, "reference", doc.reference.as_deref());
    if let Some(k) = &doc.kst {
        field(&mut out, "url", &k.url());
    }
    if !doc.sender.is_empty() {
        let items: Vec<String> = doc.sender.iter().map(|s| toml_str(s)).collect();
        let _ = writeln!(out, "sender = [{}]", items.join(", "));
    }
    optional(&mut out, "return_address", doc.return_address.as_deref());
    for s in &doc.signatories {
        let _ = writeln!(out, "\n[[document.signatory]]");
        field(&mut out, "role", &s.role);
        field(&mut out, "name", &s.name);
    }

    write_sections(
        &mut out,
        doc,
        &sections.children,
        &doc.id,
        "section",
        &mut slugs,
        carried,
    );

    for a in &doc.annexes {
        let _ = writeln!(out, "\n[[annex]]");
        field(&mut out, "id", &format!("{}/{}", doc.id, a.key));
        field(&mut out, "label", &a.label);
        field(&mut out, "title", &a.title);
        optional(&mut out, "url", a.url.as_deref());
    }
    for f in &doc.footnotes {
        let _ = writeln!(out, "\n[[footnote]]");
        field(&mut out, "id", &format!("{}/fn-{}", doc.id, f.number));
        let _ = writeln!(out, "number = {}", f.number);
        let paras: Vec<String> = f.paragraphs.iter().map(|p| inline_text(doc, p)).collect();
        text_field(&mut out, "text", &paras);
    }
    for r in doc.references.values() {
        let _ = writeln!(out, "\n[[reference]]");
        field(&mut out, "id", &r.id.reference_id());
        let title = if r.kind == "motie" {
            "Motie"
        } else {
            "Kamerstuk"
        };
        field(&mut out, "title", &format!("{title} {}", r.id.short()));
        field(&mut out, "kind", r.kind);
        field(&mut out, "dossier_number", &r.id.dossier);
        field(&mut out, "number", &r.id.number);
        if let Some(chamber) = r.id.chamber {
            field(&mut out, "chamber", chamber.as_str());
        }
        optional(&mut out, "year", r.year.as_deref());
        optional(&mut out, "description", r.description.as_deref());
    }
    out
}

/// Headings made a tree: what stands before the first heading, and the
/// sections with their paragraphs and sub-sections.
#[derive(Debug, Default)]
struct Section<'a> {
    title: &'a str,
    lead: Vec<&'a [Inline]>,
    children: Vec<Section<'a>>,
}

fn tree(blocks: &[Block]) -> Section<'_> {
    let mut root = Section::default();
    // The path of open sections, by depth; a heading that skips levels is
    // taken one level below the open one.
    let mut depth = 0usize;
    for block in blocks {
        match block {
            Block::Heading { level, text, .. } => {
                let level = (*level).clamp(1, depth + 1);
                let parent = open_at(&mut root, level - 1);
                parent.children.push(Section {
                    title: text,
                    ..Section::default()
                });
                depth = level;
            }
            Block::Paragraph { inlines, .. } => open_at(&mut root, depth).lead.push(inlines),
            Block::End { level } => depth = depth.min(*level),
        }
    }
    root
}

/// The last open section at `depth` (0 is the document itself).
fn open_at<'s, 'a>(root: &'s mut Section<'a>, depth: usize) -> &'s mut Section<'a> {
    let mut node = root;
    for _ in 0..depth {
        if node.children.is_empty() {
            break;
        }
        let last = node.children.len() - 1;
        node = &mut node.children[last];
    }
    node
}

fn write_sections(
    out: &mut String,
    doc: &Document,
    sections: &[Section],
    parent: &str,
    table: &str,
    slugs: &mut Slugs,
    carried: &Carried,
) {
    let titles: Vec<&str> = sections.iter().map(|s| s.title).collect();
    for (s, own) in sections.iter().zip(sibling_slugs(&titles)) {
        let _ = writeln!(out, "\n[[{table}]]");
        // The id a first import gives; `carried` may keep an earlier one.
        let fresh = slugs.claim(format!("{parent}/{own}"));
        let (id, aliases) = carried.section(&fresh);
        field(out, "id", id);
        list(out, "aliases", aliases);
        field(out, "title", s.title);
        text_field(out, "text", &paragraphs_text(doc, &s.lead));
        write_sections(
            out,
            doc,
            &s.children,
            &fresh,
            &format!("{table}.section"),
            slugs,
            carried,
        );
    }
}

fn paragraphs_text(doc: &Document, paragraphs: &[&[Inline]]) -> Vec<String> {
    paragraphs.iter().map(|p| inline_text(doc, p)).collect()
}

/// A paragraph in the markup: text escaped, markers and citations as links.
pub fn inline_text(doc: &Document, inlines: &[Inline]) -> String {
    let mut s = String::new();
    for inline in inlines {
        match inline {
            Inline::Text(t) => s.push_str(&escape(t)),
            Inline::Note(n) => {
                let _ = write!(s, "[{n}]({}/fn-{n})", doc.id);
            }
            Inline::Cite { label, id } => {
                let _ = write!(s, "[{}]({})", escape(label.trim()), id.reference_id());
            }
            Inline::Annex { label, key } => {
                let _ = write!(s, "[{}]({}/{key})", escape(label.trim()), doc.id);
            }
        }
    }
    super::collapse(&s)
}

/// `[`, `]` and `\` as the markup writes them.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if matches!(c, '[' | ']' | '\\') {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

fn field(out: &mut String, key: &str, value: &str) {
    let _ = writeln!(out, "{key} = {}", toml_str(value));
}

/// A list of strings, when there is any.
fn list(out: &mut String, key: &str, values: &[String]) {
    if !values.is_empty() {
        let items: Vec<String> = values.iter().map(|v| toml_str(v)).collect();
        let _ = writeln!(out, "{key} = [{}]", items.join(", "));
    }
}

fn optional(out: &mut String, key: &str, value: Option<&str>) {
    if let Some(v) = value {
        field(out, key, v);
    }
}

/// Paragraphs as a text value: a literal multi-line string, lines wrapped;
/// a basic string with escapes when the text holds what a literal cannot.
fn text_field(out: &mut String, key: &str, paragraphs: &[String]) {
    let paragraphs: Vec<&String> = paragraphs.iter().filter(|p| !p.is_empty()).collect();
    if paragraphs.is_empty() {
        return;
    }
    let wrapped: Vec<String> = paragraphs.iter().map(|p| wrap(p)).collect();
    let body = wrapped.join("\n\n");
    let literal_ok = !body.contains("'''")
        && !body.ends_with('\'')
        && !body
            .chars()
            .any(|c| c.is_control() && c != '\n' && c != '\t');
    if literal_ok {
        let _ = writeln!(out, "{key} = '''\n{body}\n'''");
    } else {
        let _ = writeln!(out, "{key} = {}", toml_str(&body));
    }
}

/// Greedy wrapping at spaces.
fn wrap(paragraph: &str) -> String {
    let mut out = String::with_capacity(paragraph.len() + paragraph.len() / WIDTH);
    let mut width = 0;
    for word in paragraph.split(' ') {
        let w = word.chars().count();
        if width > 0 && width + 1 + w > WIDTH {
            out.push('\n');
            width = 0;
        } else if width > 0 {
            out.push(' ');
            width += 1;
        }
        out.push_str(word);
        width += w;
    }
    out
}

/// A TOML basic string: quotes, backslashes and control characters escaped.
pub fn toml_str(value: &str) -> String {
    let mut out = String::with_capacity(value.len() + 2);
    out.push('"');
    for c in value.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            c if c.is_control() => {
                let _ = write!(out, "\\u{:04X}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strings_escape_what_toml_must_not_see() {
        assert_eq!(
            toml_str("a \"b\" \\ \u{1b}[31m"),
            "\"a \\\"b\\\" \\\\ \\u001B[31m\""
        );
        let v: toml::Value =
            toml::from_str(&format!("x = {}", toml_str("\u{1b}\u{202e}\r"))).unwrap();
        assert_eq!(v["x"].as_str(), Some("\u{1b}\u{202e}\r"));
    }

    #[test]
    fn text_with_triple_quotes_or_controls_is_a_basic_string() {
        let mut out = String::new();
        text_field(
            &mut out,
            "text",
            &["een ''' twee".into(), "drie\u{7}".into()],
        );
        let v: toml::Value = toml::from_str(&out).unwrap();
        assert_eq!(v["text"].as_str(), Some("een ''' twee\n\ndrie\u{7}"));
    }

    #[test]
    fn markup_characters_are_escaped() {
        assert_eq!(escape(r"a [b] \c"), r"a \[b\] \\c");
    }
}
