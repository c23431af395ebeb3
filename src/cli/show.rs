//! `dossier show ID [--json]`: one node's page (see
//! [`dossier_core::page`], which the reader draws too) as plain text or
//! JSON.

use std::fmt::Write as _;
use std::process::ExitCode;

use dossier_core::lang::Lang;
use dossier_core::messages::messages;
use dossier_core::model::Span;
use dossier_core::page::{NoText, Page};
use dossier_core::{BodyError, Corpus, NodeIdx, NodeKind};
use serde::Serialize;

use super::output::print_json;

#[derive(Serialize)]
struct ShowJson<'a> {
    id: &'a str,
    kind: &'static str,
    title: &'a str,
    dossier: Option<&'a str>,
    letter: Option<LetterJson<'a>>,
    path: Vec<&'a str>,
    tags: Vec<String>,
    countries: Vec<&'static str>,
    url: Option<&'a str>,
    citation: Option<String>,
    /// For a reference: the document it cites, when the library holds it.
    opens: Option<&'a str>,
    /// For a document: its official identity.
    document: Option<DocumentJson<'a>>,
    text: String,
    links: Vec<LinkJson<'a>>,
    cited_by: Vec<LinkJson<'a>>,
    /// For a topic: the same subject in other documents, newest first.
    also_in: Vec<LinkJson<'a>>,
}

#[derive(Serialize)]
struct LetterJson<'a> {
    id: &'a str,
    date: Option<&'a str>,
    reference: Option<&'a str>,
}

#[derive(Serialize)]
pub(crate) struct DocumentJson<'a> {
    pub id: &'a str,
    #[serde(rename = "type")]
    pub doc_type: &'a str,
    /// `null` for a document that gives no date.
    pub date: Option<&'a str>,
    pub chamber: &'static str,
    pub dossier_number: Option<&'a str>,
    pub number: Option<&'a str>,
    pub year: Option<&'a str>,
    pub dossier_title: Option<&'a str>,
    pub reference: Option<&'a str>,
    pub citation: Option<String>,
    pub url: Option<&'a str>,
    pub title: &'a str,
    /// What it is about, word for word from its text.
    pub subject: Option<&'a str>,
    /// Who submitted it, as the document spells them.
    pub submitters: &'a [String],
    /// A rijkswet's number, `R2188`.
    pub rijkswet: Option<&'a str>,
}

/// A document's identity as JSON; `None` for a node that is not a document.
pub(crate) fn document_json(c: &Corpus, idx: NodeIdx) -> Option<DocumentJson<'_>> {
    let n = c.node(idx);
    let m = n.letter.as_deref()?;
    Some(DocumentJson {
        id: &n.id,
        doc_type: &m.doc_type,
        date: m.date.as_deref(),
        chamber: m.chamber.as_str(),
        dossier_number: m.kamerstuk.as_ref().map(|k| k.dossier.as_str()),
        number: m.kamerstuk.as_ref().map(|k| k.number.as_str()),
        year: m.year.as_deref(),
        dossier_title: m.dossier_title.as_deref(),
        reference: m.reference.as_deref(),
        citation: m.citation(),
        url: m.url.as_deref(),
        title: &n.title,
        subject: m.subject.as_deref(),
        submitters: &m.submitters,
        rijkswet: m.rijkswet.as_deref(),
    })
}

#[derive(Serialize)]
struct LinkJson<'a> {
    label: &'a str,
    node: &'a str,
    title: &'a str,
}

pub fn run(c: &Corpus, lang: Lang, id: &str, json: bool) -> anyhow::Result<ExitCode> {
    let Some(idx) = c.get(id.trim().trim_end_matches('/')) else {
        anyhow::bail!(
            "no node `{}`; `dossier list` shows the ids",
            dossier_core::text::sanitize_line(id)
        );
    };
    // A text that cannot be read is an error, printed as such: nothing
    // is shown in its place.
    if json {
        print_json(&show_json(c, idx)?)?;
    } else {
        super::output::print_text(&show_text(c, idx, lang)?)?;
    }
    Ok(ExitCode::SUCCESS)
}

fn show_json(c: &Corpus, idx: NodeIdx) -> Result<ShowJson<'_>, BodyError> {
    let page = Page::of(c, idx);
    let body = page.body.clone()?;
    let n = page.n;
    Ok(ShowJson {
        id: &n.id,
        kind: n.kind.as_str(),
        title: &n.title,
        dossier: c.root_of(idx).map(|r| c.node(r).id.as_str()),
        letter: page.letter.map(|(l, meta)| LetterJson {
            id: &c.node(l).id,
            date: meta.date.as_deref(),
            reference: meta.reference.as_deref(),
        }),
        path: page
            .path
            .iter()
            .map(|&i| c.node(i).title.as_str())
            .collect(),
        url: n.url.as_deref(),
        citation: page.reference.map(|r| r.citation()),
        opens: page.opens.map(|d| c.node(d).id.as_str()),
        document: document_json(c, idx),
        text: body.plain(),
        links: page
            .links
            .iter()
            .map(|l| LinkJson {
                label: l.label,
                node: l.target_id,
                title: l.target.map_or("", |t| c.node(t).title.as_str()),
            })
            .collect(),
        cited_by: page
            .cited_by
            .iter()
            .map(|b| LinkJson {
                label: &b.label,
                node: &c.node(b.from).id,
                title: &c.node(b.from).title,
            })
            .collect(),
        also_in: page
            .also_in
            .iter()
            .map(|&i| LinkJson {
                label: c.letter_of(i).map_or("", |d| c.node(d).id.as_str()),
                node: &c.node(i).id,
                title: &c.node(i).title,
            })
            .collect(),
        tags: page.tags,
        countries: page.countries,
    })
}

/// The node's [`Page`] as plain text: a header, the paragraphs, then its
/// parts, links and what cites it. Link labels stay in the text; footnote
/// markers show as `[n]` so they are not read as part of a word.
fn show_text(c: &Corpus, idx: NodeIdx, lang: Lang) -> Result<String, BodyError> {
    let m = messages(lang);
    let page = Page::of(c, idx);
    let body = page.body.clone()?;
    let n = page.n;
    let mut out = String::new();
    let path: Vec<&str> = page
        .path
        .iter()
        .map(|&i| c.node(i).title.as_str())
        .collect();
    let _ = writeln!(out, "{}", path.join(" › "));
    let _ = writeln!(out, "{} · {}", n.id, page.kind_label);
    if n.kind != NodeKind::Letter
        && let Some((l, meta)) = page.source()
    {
        let reference = meta.reference.as_deref().unwrap_or_default();
        let _ = writeln!(
            out,
            "{}: {} {reference} {} {} ({})",
            m.shared.source,
            meta.doc_type,
            m.shared.of,
            meta.date_text(),
            c.node(l).id
        );
    }
    if let Some(meta) = page.document {
        let _ = writeln!(
            out,
            "{}: {} {} {}",
            m.commands.document,
            meta.doc_type,
            m.shared.of,
            meta.date_text()
        );
        if let Some(cite) = &page.citation {
            let _ = writeln!(
                out,
                "{}: {cite} ({})",
                m.shared.citation,
                meta.chamber.name()
            );
        }
        if let Some(t) = &meta.dossier_title {
            let _ = writeln!(out, "{}: {t}", m.commands.dossier);
        }
        if let Some(r) = &meta.reference {
            let _ = writeln!(out, "{}: {r}", m.commands.reference);
        }
        if let Some(u) = &meta.url {
            let _ = writeln!(out, "{}: {u}", m.shared.url);
        }
        for s in &meta.sender {
            let _ = writeln!(out, "{}: {s}", m.commands.sender);
        }
        for s in &meta.signatories {
            let _ = writeln!(out, "{}: {}, {}", m.commands.signed, s.name, s.role);
        }
    }
    if !page.tags.is_empty() {
        let _ = writeln!(out, "{}: {}", m.shared.tags, page.tags.join(", "));
    }
    if !page.countries.is_empty() {
        let _ = writeln!(out, "{}: {}", m.shared.countries, page.countries.join(", "));
    }
    if page.reference.is_some()
        && let Some(cite) = &page.citation
    {
        let _ = writeln!(out, "{}: {cite}", m.shared.citation);
    }
    if let Some(d) = page.description {
        let _ = writeln!(out, "{}: {d}", m.commands.description);
    }
    if let Some(u) = &page.address {
        let _ = writeln!(out, "{}: {u}", m.shared.url);
    }
    out.push('\n');
    for p in &body.paragraphs {
        for s in &p.spans {
            match s {
                Span::Link { label, target } if page.is_footnote(target) => {
                    let _ = write!(out, "[{label}]");
                }
                other => out.push_str(other.text()),
            }
        }
        out.push_str("\n\n");
    }
    match page.no_text {
        Some(NoText::Annex) => {
            let _ = write!(out, "({})\n\n", m.shared.no_annex_text);
        }
        Some(NoText::Footnote) => {
            let _ = write!(out, "({})\n\n", m.shared.no_footnote_text);
        }
        None => {}
    }
    if !page.parts.is_empty() {
        let _ = writeln!(out, "{}:", m.shared.contents);
        for &i in &page.parts {
            let m = c.node(i);
            let _ = writeln!(out, "  {}  {}", m.id, m.title);
        }
    }
    if !page.links.is_empty() {
        let _ = writeln!(out, "{}:", m.commands.links);
        for l in &page.links {
            let title = l.target.map_or("", |t| c.node(t).title.as_str());
            let _ = writeln!(out, "  {} → {}  {title}", l.label, l.target_id);
        }
    }
    if !page.cited_by.is_empty() {
        let _ = writeln!(out, "{}:", m.shared.cited_by);
        for b in &page.cited_by {
            let from = c.node(b.from);
            let _ = writeln!(out, "  {}  {}", from.id, from.title);
        }
    }
    if !page.also_in.is_empty() {
        let _ = writeln!(out, "{}:", m.shared.also_in);
        for &i in &page.also_in {
            let doc = c.letter_of(i).map_or("", |d| c.node(d).id.as_str());
            let _ = writeln!(out, "  {}  {} ({doc})", c.node(i).id, c.node(i).title);
        }
    }
    // A reference to a document the library holds shows that document.
    if let Some(doc) = page.opens {
        let _ = writeln!(out, "\n── {} ──\n", c.node(doc).id);
        out.push_str(&show_text(c, doc, lang)?);
    } else if n.kind == NodeKind::Reference {
        out.push_str(m.commands.not_in_library);
        out.push('\n');
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::cache::Cache;

    /// A corpus whose bodies are read from its cache file, which another
    /// program then changed in place: the text of `t` cannot be read.
    fn unreadable() -> (tempfile::TempDir, Corpus) {
        let tmp = tempfile::tempdir().unwrap();
        let folder = tmp.path().join("dossiers");
        std::fs::create_dir(&folder).unwrap();
        std::fs::write(
            folder.join("brief.toml"),
            "[dossier]\nid = \"brief\"\nkind = \"letter\"\ntitle = \"Brief\"\n\
             text = \"Hierbij de brief.\"\n[letter]\ndate = \"2025-12-17\"\nreference = \"1\"\n",
        )
        .unwrap();
        std::fs::write(
            folder.join("t.toml"),
            "[dossier]\nid = \"t\"\ntitle = \"Onderwerp\"\nsource = \"brief\"\n\
             text = \"De Raad sprak over Italië.\"\n",
        )
        .unwrap();
        let cache = Cache::new(tmp.path().join("cache"));
        cache.corpus_served(&folder, 1 << 20, false);
        let (lazy, _) = cache.corpus_served(&folder, 1 << 20, true);
        for e in std::fs::read_dir(tmp.path().join("cache")).unwrap() {
            let path = e.unwrap().path();
            let mut b = std::fs::read(&path).unwrap();
            // The body's text, after the node's own fields (its countries).
            if let Some(at) = b.windows(5).rposition(|w| w == b"Itali") {
                b[at] = b'J';
                std::fs::write(&path, &b).unwrap();
            }
        }
        (tmp, lazy)
    }

    #[test]
    fn a_text_that_cannot_be_read_is_an_error_and_nothing_is_shown_for_it() {
        let (_tmp, c) = unreadable();
        let t = c.get("t").unwrap();
        for e in [
            show_text(&c, t, Lang::En).map(|_| ()).unwrap_err(),
            show_json(&c, t).map(|_| ()).unwrap_err(),
        ] {
            assert_eq!(e.node, "t");
            assert!(e.reason.contains("block at byte"), "{e}");
        }
        // The command fails with that message (printed `dossier: …`, exit 1).
        let e = run(&c, Lang::En, "t", false).unwrap_err().to_string();
        assert!(e.starts_with("t: the text cannot be read: "), "{e}");
        assert!(e.contains("made again on the next start"), "{e}");
    }
}
