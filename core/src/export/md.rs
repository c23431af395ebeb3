//! Markdown for speaking notes and e-mail: grouped by dossier and node in
//! document order, each note with its passage as a quote, its kind, status,
//! tags, author and date, and the source cited. Text from notes and dossiers
//! is escaped so that it renders as written, never as Markdown or HTML.

use std::io::{self, Write};

use super::Options;
use super::group::{DocSource, Entry, Section, Source, group};
use crate::Corpus;
use crate::annotation::Annotation;
use crate::messages::{Messages, capitalised, messages};
use crate::text::{sanitize, sanitize_line};

pub fn write(
    mut out: impl Write,
    notes: &[Annotation],
    corpus: &Corpus,
    options: &Options,
) -> io::Result<()> {
    let m = messages(options.lang);
    writeln!(out, "# {}", m.shared.notes)?;
    writeln!(out)?;
    writeln!(
        out,
        "*{} · {}*",
        m.export.generated_by,
        (m.shared.notes_count)(notes.len())
    )?;
    if notes.is_empty() {
        writeln!(out)?;
        writeln!(out, "{}", m.export.empty)?;
    }
    for g in group(notes, corpus, options.anchored) {
        writeln!(out)?;
        writeln!(out, "## {}", inline(&g.title))?;
        for section in &g.sections {
            write_section(&mut out, section, m, options)?;
        }
    }
    Ok(())
}

fn write_section(
    out: &mut impl Write,
    section: &Section,
    m: &Messages,
    options: &Options,
) -> io::Result<()> {
    writeln!(out)?;
    let heading = if section.heading.is_empty() {
        m.export.general
    } else {
        &section.heading
    };
    if section.known {
        writeln!(out, "### {}", inline(heading))?;
    } else {
        writeln!(out, "### {} ({})", inline(heading), m.export.unknown_node)?;
    }
    if let Some(cite) = citation(&section.source, m) {
        writeln!(out)?;
        writeln!(out, "{}: {}", m.shared.source, inline(&cite))?;
    }
    for entry in &section.notes {
        write_note(out, entry, m, options)?;
    }
    Ok(())
}

/// The source as a reader cites it: `Kamerstukken II 2025/26, 32317, nr. 978
/// (aangehaald in Brief van 17 december 2025, Kamerstukken II 2025/26,
/// 32317, nr. 987, kenmerk 7010422)`; a note in a motie of the library:
/// `Motie van 4 juni 2025, Kamerstukken II 2024/25, 21501-04, nr. 287`.
pub(crate) fn citation(source: &Source, m: &Messages) -> Option<String> {
    let document = source.document.as_ref().map(|d| document_citation(d, m));
    match (&source.kamerstuk, document) {
        (Some(k), Some(d)) => Some(format!("{k} ({} {d})", m.export.cited_in)),
        (Some(k), None) => Some(k.clone()),
        (None, d) => d,
    }
}

/// A document by its kind, date, official citation and the ministry's
/// reference beside it: `Brief van 17 december 2025, Kamerstukken II
/// 2025/26, 32317, nr. 987, kenmerk 7010422`.
pub(crate) fn document_citation(d: &DocSource, m: &Messages) -> String {
    let mut out = capitalised(m.shared.doc_kind(d.kind));
    if !d.date.trim().is_empty() {
        out.push_str(&format!(" {} {}", m.shared.of, m.shared.long_date(&d.date)));
    }
    if let Some(c) = &d.citation {
        out.push_str(&format!(", {c}"));
    }
    if let Some(r) = d
        .reference
        .as_ref()
        .filter(|r| Some(*r) != d.citation.as_ref())
    {
        out.push_str(&format!(", {} {r}", m.shared.reference));
    }
    out
}

fn write_note(
    out: &mut impl Write,
    entry: &Entry,
    m: &Messages,
    options: &Options,
) -> io::Result<()> {
    let n = entry.note;
    writeln!(out)?;
    writeln!(
        out,
        "#### {} · {}",
        capitalised(m.shared.kind(n.kind)),
        m.shared.status(n.status)
    )?;
    if let Some(q) = &n.target.quote {
        writeln!(out)?;
        writeln!(out, "{}", block(&q.exact, "> "))?;
        if !entry.anchored {
            writeln!(out)?;
            writeln!(out, "*{}*", m.export.detached)?;
        }
    }
    // Empty as shown: a body of control characters alone (a vertical tab)
    // is shown as their symbols, so it is not left out.
    if !sanitize(&n.body).trim().is_empty() {
        writeln!(out)?;
        writeln!(out, "{}", block(&n.body, ""))?;
    }
    writeln!(out)?;
    if !n.tags.is_empty() {
        let tags: Vec<String> = n.tags.iter().map(|t| inline(t)).collect();
        writeln!(out, "- {}: {}", m.shared.tags, tags.join(", "))?;
    }
    if let Some(owner) = &n.owner {
        writeln!(out, "- {}: {}", m.shared.owner, inline(owner))?;
    }
    if let Some(due) = n.due {
        writeln!(
            out,
            "- {}: {}",
            m.shared.due,
            m.shared.long_date(&due.to_string())
        )?;
    }
    let by = m.export.written_by(&inline(&n.author), n, &options.tz);
    writeln!(out, "- {by}")?;
    writeln!(out, "- {}: {}", m.export.id, inline(&n.id))?;
    Ok(())
}

/// Text of several lines as Markdown: empty lines separate paragraphs, other
/// line breaks stay line breaks; every line starts with `prefix` (`> ` for a
/// quote).
pub fn block(text: &str, prefix: &str) -> String {
    let clean = sanitize(&text.replace("\r\n", "\n"));
    let mut paragraphs: Vec<String> = Vec::new();
    let mut lines: Vec<String> = Vec::new();
    for line in clean.split('\n') {
        if line.is_empty() {
            if !lines.is_empty() {
                paragraphs.push(lines.join(&format!("\\\n{prefix}")));
                lines.clear();
            }
        } else {
            lines.push(escape_line(line));
        }
    }
    if !lines.is_empty() {
        paragraphs.push(lines.join(&format!("\\\n{prefix}")));
    }
    let separator = format!("\n{}\n{prefix}", prefix.trim_end());
    format!("{prefix}{}", paragraphs.join(&separator))
}

/// One line of text (titles, tags, names) as Markdown.
pub fn inline(text: &str) -> String {
    escape_line(&sanitize_line(text))
}

/// Escapes one line: the characters Markdown gives a meaning anywhere get a
/// backslash, list and heading markers at the start of the line too, and
/// spaces and tabs at either end (which Markdown would drop, or read as
/// code) become character references.
fn escape_line(line: &str) -> String {
    let chars: Vec<char> = line.chars().collect();
    let lead = chars.iter().take_while(|c| matches!(c, ' ' | '\t')).count();
    let trail = chars[lead..]
        .iter()
        .rev()
        .take_while(|c| matches!(c, ' ' | '\t'))
        .count();
    let mut out = String::with_capacity(line.len() + 8);
    let mut only_digits = true;
    for (i, &c) in chars.iter().enumerate() {
        if i < lead || i >= chars.len() - trail {
            out.push_str(if c == '\t' { "&#9;" } else { "&#32;" });
            continue;
        }
        let at_start = i == lead;
        let escape = match c {
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '#' | '|' | '~' | '&' | '!' | '='
            | '^' | '$' | '{' | '}' => true,
            '-' | '+' => at_start || chars.get(i + 1) == Some(&'-'),
            '.' | ')' => only_digits && i > lead,
            _ => false,
        };
        if escape {
            out.push('\\');
        }
        out.push(c);
        only_digits &= c.is_ascii_digit();
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_is_escaped_and_line_breaks_kept() {
        assert_eq!(
            inline("*vet* <b> & 1. [x](y)"),
            "\\*vet\\* \\<b\\> \\& 1. \\[x\\](y)"
        );
        assert_eq!(inline("1. punt"), "1\\. punt");
        assert_eq!(inline("- item"), "\\- item");
        assert_eq!(inline("    code"), "&#32;&#32;&#32;&#32;code");
        assert_eq!(block("a\nb\n\nc", "> "), "> a\\\n> b\n>\n> c");
        assert_eq!(block("regel\x1b[31m", ""), "regel␛\\[31m");
    }
}
