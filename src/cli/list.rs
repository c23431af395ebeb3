//! `dossier list [--json]`: the tree with ids.

use std::io::Write;
use std::process::ExitCode;

use dossier_core::lang::Lang;
use dossier_core::messages::messages;
use dossier_core::tree::attachments;
use dossier_core::{Corpus, NodeIdx, NodeKind};
use serde::Serialize;

use super::output::print_json;

#[derive(Serialize)]
struct DossierJson<'a> {
    id: &'a str,
    title: &'a str,
    kind: &'static str,
    /// A document's kind (`motie`, `brief`, …), the same in every language.
    #[serde(rename = "type", skip_serializing_if = "Option::is_none")]
    doc_type: Option<&'static str>,
    source: Option<&'a str>,
    tags: &'a [String],
    countries: Vec<String>,
    sections: Vec<SectionJson<'a>>,
    annexes: Vec<AnnexJson<'a>>,
}

#[derive(Serialize)]
struct SectionJson<'a> {
    id: &'a str,
    title: &'a str,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    sections: Vec<SectionJson<'a>>,
}

#[derive(Serialize)]
struct AnnexJson<'a> {
    id: &'a str,
    title: &'a str,
    /// `annex`, `footnote` or `reference`.
    kind: &'static str,
}

pub fn run(c: &Corpus, lang: Lang, json: bool) -> anyhow::Result<ExitCode> {
    if json {
        let out: Vec<DossierJson> = c.roots.iter().map(|&r| dossier_json(c, r)).collect();
        print_json(&out)?;
    } else {
        let mut out = std::io::BufWriter::new(std::io::stdout().lock());
        write_tree(c, lang, &mut out)?;
        out.flush()?;
    }
    Ok(ExitCode::SUCCESS)
}

fn dossier_json(c: &Corpus, root: NodeIdx) -> DossierJson<'_> {
    let n = c.node(root);
    let mut countries: Vec<String> = c
        .descendants(root)
        .iter()
        .flat_map(|&i| c.node(i).countries.iter().map(|c| c.to_string()))
        .collect();
    countries.sort();
    countries.dedup();
    DossierJson {
        id: &n.id,
        title: &n.title,
        kind: n.kind.as_str(),
        doc_type: n.doc_kind().map(|k| k.key()),
        source: n.source.map(|s| c.node(s).id.as_str()),
        tags: &n.tags,
        countries,
        sections: sections_json(c, root),
        annexes: attachments(c, root)
            .into_iter()
            .map(|i| AnnexJson {
                id: &c.node(i).id,
                title: &c.node(i).title,
                kind: c.node(i).kind.as_str(),
            })
            .collect(),
    }
}

fn sections_json(c: &Corpus, parent: NodeIdx) -> Vec<SectionJson<'_>> {
    c.node(parent)
        .children
        .iter()
        .filter(|&&i| c.node(i).kind == NodeKind::Section)
        .map(|&i| SectionJson {
            id: &c.node(i).id,
            title: &c.node(i).title,
            sections: sections_json(c, i),
        })
        .collect()
}

/// Writes the indented tree, one node per line: id, then title. Written
/// as it goes rather than built first: at tens of thousands of dossiers
/// the text is tens of megabytes.
fn write_tree(c: &Corpus, lang: Lang, out: &mut impl Write) -> std::io::Result<()> {
    let width = c
        .nodes
        .iter()
        .map(|n| n.id.chars().count())
        .max()
        .unwrap_or(0)
        + 2;
    for &root in &c.roots {
        let n = c.node(root);
        let kind = match n.doc_kind() {
            Some(k) => format!("  ({})", messages(lang).shared.doc_kind(k)),
            None => String::new(),
        };
        writeln!(out, "{:width$}  {}{kind}", n.id, n.title, width = width + 2)?;
        write_sections(c, root, 1, width, out)?;
        for i in attachments(c, root) {
            let m = c.node(i);
            writeln!(out, "  {:width$}  {}  [{}]", m.id, m.title, m.kind.as_str())?;
        }
    }
    if !c.references.is_empty() {
        writeln!(out, "\n{}", messages(lang).commands.references)?;
        for &i in &c.references {
            let m = c.node(i);
            writeln!(out, "  {:width$}  {}", m.id, m.title)?;
        }
    }
    Ok(())
}

fn write_sections(
    c: &Corpus,
    parent: NodeIdx,
    depth: usize,
    width: usize,
    out: &mut impl Write,
) -> std::io::Result<()> {
    for &i in &c.node(parent).children {
        let n = c.node(i);
        if n.kind == NodeKind::Section {
            let pad = "  ".repeat(depth);
            writeln!(
                out,
                "{pad}{:w$}  {}",
                n.id,
                n.title,
                w = (width + 2).saturating_sub(pad.len())
            )?;
            write_sections(c, i, depth + 1, width, out)?;
        }
    }
    Ok(())
}
