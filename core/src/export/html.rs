//! One self-contained HTML page for reading, printing and pasting into a
//! word processor: a charset, inline CSS, no scripts (and a content policy
//! that forbids them), every text escaped. Same grouping as the Markdown.

use std::io::{self, Write};

use html_escape::encode_text;

use super::Options;
use super::group::{Entry, Section, group};
use super::md::citation;
use crate::Corpus;
use crate::annotation::Annotation;
use crate::messages::{Messages, capitalised, messages};
use crate::text::{sanitize, sanitize_line};

const STYLE: &str = "\
body{font-family:Georgia,'Times New Roman',serif;max-width:48em;margin:2em auto;padding:0 1em;line-height:1.45;color:#111}
h1,h2,h3,h4{font-family:Helvetica,Arial,sans-serif;line-height:1.2}
h2{border-bottom:2px solid #154273;padding-bottom:.2em;margin-top:2em}
h3{margin-top:1.5em}
h4{margin:0 0 .4em;font-size:1em}
.source,.meta{color:#444;font-size:.9em}
article{border-left:4px solid #8fa8c8;padding:.2em 0 .2em 1em;margin:1em 0}
article.kind-question{border-color:#c88f00}
article.kind-toezegging{border-color:#a90061}
article.kind-action{border-color:#39870c}
article.status-done h4{color:#555}
blockquote{margin:.5em 0;padding:.2em .8em;background:#f3f5f8;font-style:italic}
.detached{color:#a90061}
ul.meta{list-style:none;padding:0;margin:.4em 0}
@media print{body{margin:0;max-width:none}article{break-inside:avoid}h2,h3{break-after:avoid}}
";

pub fn write(
    mut out: impl Write,
    notes: &[Annotation],
    corpus: &Corpus,
    options: &Options,
) -> io::Result<()> {
    let m = messages(options.lang);
    writeln!(out, "<!DOCTYPE html>")?;
    writeln!(out, "<html lang=\"{}\">", m.code)?;
    writeln!(out, "<head>")?;
    writeln!(out, "<meta charset=\"utf-8\">")?;
    writeln!(
        out,
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">"
    )?;
    writeln!(
        out,
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
    )?;
    writeln!(out, "<title>{}</title>", m.shared.notes)?;
    writeln!(out, "<style>\n{STYLE}</style>")?;
    writeln!(out, "</head>")?;
    writeln!(out, "<body>")?;
    writeln!(out, "<h1>{}</h1>", m.shared.notes)?;
    writeln!(
        out,
        "<p class=\"meta\">{} · {}</p>",
        m.export.generated_by,
        (m.shared.notes_count)(notes.len())
    )?;
    if notes.is_empty() {
        writeln!(out, "<p>{}</p>", m.export.empty)?;
    }
    for g in group(notes, corpus, options.anchored) {
        writeln!(out, "<section class=\"dossier\">")?;
        writeln!(out, "<h2>{}</h2>", text(&g.title))?;
        for section in &g.sections {
            write_section(&mut out, section, m, options)?;
        }
        writeln!(out, "</section>")?;
    }
    writeln!(out, "</body>")?;
    writeln!(out, "</html>")
}

fn write_section(
    out: &mut impl Write,
    section: &Section,
    m: &Messages,
    options: &Options,
) -> io::Result<()> {
    writeln!(out, "<section class=\"node\">")?;
    let heading = if section.heading.is_empty() {
        m.export.general
    } else {
        &section.heading
    };
    if section.known {
        writeln!(out, "<h3>{}</h3>", text(heading))?;
    } else {
        writeln!(
            out,
            "<h3>{} ({})</h3>",
            text(heading),
            m.export.unknown_node
        )?;
    }
    if let Some(cite) = citation(&section.source, m) {
        writeln!(
            out,
            "<p class=\"source\">{}: {}</p>",
            m.shared.source,
            text(&cite)
        )?;
    }
    for entry in &section.notes {
        write_note(out, entry, m, options)?;
    }
    writeln!(out, "</section>")
}

fn write_note(
    out: &mut impl Write,
    entry: &Entry,
    m: &Messages,
    options: &Options,
) -> io::Result<()> {
    let n = entry.note;
    writeln!(
        out,
        "<article class=\"note kind-{} status-{}\">",
        n.kind.as_str(),
        n.status.as_str()
    )?;
    writeln!(
        out,
        "<h4>{} · {}</h4>",
        capitalised(m.shared.kind(n.kind)),
        m.shared.status(n.status)
    )?;
    if let Some(q) = &n.target.quote {
        writeln!(out, "<blockquote>{}</blockquote>", paragraphs(&q.exact))?;
        if !entry.anchored {
            writeln!(out, "<p class=\"detached\">{}</p>", m.export.detached)?;
        }
    }
    // Empty as shown: a body of control characters alone (a vertical tab)
    // is shown as their symbols, so it is not left out.
    if !sanitize(&n.body).trim().is_empty() {
        writeln!(out, "<div class=\"body\">{}</div>", paragraphs(&n.body))?;
    }
    writeln!(out, "<ul class=\"meta\">")?;
    if !n.tags.is_empty() {
        let tags: Vec<String> = n.tags.iter().map(|t| text(t)).collect();
        writeln!(out, "<li>{}: {}</li>", m.shared.tags, tags.join(", "))?;
    }
    if let Some(owner) = &n.owner {
        writeln!(out, "<li>{}: {}</li>", m.shared.owner, text(owner))?;
    }
    if let Some(due) = n.due {
        writeln!(
            out,
            "<li>{}: {}</li>",
            m.shared.due,
            text(&m.shared.long_date(&due.to_string()))
        )?;
    }
    let by = m.export.written_by(&text(&n.author), n, &options.tz);
    writeln!(out, "<li>{by}</li>")?;
    writeln!(out, "<li>{}: {}</li>", m.export.id, text(&n.id))?;
    writeln!(out, "</ul>")?;
    writeln!(out, "</article>")
}

/// One line of text, escaped.
fn text(s: &str) -> String {
    encode_text(&sanitize_line(s)).into_owned()
}

/// Text of several lines: empty lines separate paragraphs, other line
/// breaks become `<br>`.
fn paragraphs(s: &str) -> String {
    let clean = sanitize(&s.replace("\r\n", "\n"));
    let mut out = String::new();
    for para in clean
        .split("\n\n")
        .map(|p| p.trim_matches('\n'))
        .filter(|p| !p.is_empty())
    {
        let lines: Vec<String> = para
            .split('\n')
            .map(|line| encode_text(line).into_owned())
            .collect();
        out.push_str("<p>");
        out.push_str(&lines.join("<br>"));
        out.push_str("</p>");
    }
    out
}
