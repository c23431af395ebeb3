//! The reader's text laid out for a width: a node's page (see
//! [`dossier_core::page`], which `dossier show` prints too) as wrapped
//! lines of segments that remember which paragraph and character they show
//! and which link they belong to. Built once per (node, width) and kept in
//! the state, so scrolling never re-wraps.

use dossier_core::model::Span;
use dossier_core::page::{NoText, Page};
use dossier_core::{Corpus, NodeIdx, NodeKind};
use unicode_width::UnicodeWidthChar;

use dossier_core::lang::Lang;
use dossier_core::messages::{capitalised, messages};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SegStyle {
    Body,
    Title,
    Muted,
    Link,
    /// A footnote marker, shown in superscript digits.
    Marker,
    /// What the interface says in place of a text it cannot read: not part
    /// of any paragraph, so nothing of it is selected, found or annotated.
    Notice,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Seg {
    pub text: String,
    pub style: SegStyle,
    /// The paragraph of the node's body this shows, and the character it
    /// starts at; `None` for headers and lists.
    pub para: Option<usize>,
    pub start: usize,
    pub link: Option<usize>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct LayoutLine {
    pub segs: Vec<Seg>,
}

/// A followable place in the reader.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReaderLink {
    pub target: NodeIdx,
    /// The first line it appears on.
    pub line: usize,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ReaderLayout {
    pub node: NodeIdx,
    pub width: u16,
    pub lang: Option<Lang>,
    pub lines: Vec<LayoutLine>,
    pub links: Vec<ReaderLink>,
}

impl ReaderLayout {
    /// The line showing character `ch` of paragraph `para`.
    pub fn line_of(&self, para: usize, ch: usize) -> Option<usize> {
        let mut best = None;
        for (i, l) in self.lines.iter().enumerate() {
            for s in &l.segs {
                if s.para == Some(para) && s.start <= ch {
                    best = Some(i);
                }
            }
            if best.is_some() && l.segs.iter().any(|s| s.para.is_some_and(|p| p > para)) {
                break;
            }
        }
        best
    }

    /// The first line of paragraph `para`.
    pub fn first_line_of(&self, para: usize) -> Option<usize> {
        self.lines
            .iter()
            .position(|l| l.segs.iter().any(|s| s.para == Some(para)))
    }
}

const SUPERSCRIPT: [char; 10] = ['⁰', '¹', '²', '³', '⁴', '⁵', '⁶', '⁷', '⁸', '⁹'];

pub fn superscript(label: &str) -> String {
    label
        .chars()
        .map(|c| c.to_digit(10).map_or(c, |d| SUPERSCRIPT[d as usize]))
        .collect()
}

/// How much of a node's details (letter, citation, tags, countries) goes
/// above its text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Details<'a> {
    /// Every detail on its own lines.
    All,
    /// One line, ending in the key that shows them all when cut.
    Line(&'a str),
}

/// Lays out `node` for `width` columns, with all its details.
#[cfg(test)]
pub fn layout(c: &Corpus, node: NodeIdx, width: u16, lang: Lang) -> ReaderLayout {
    layout_with(c, node, width, lang, Details::All)
}

/// Lays out `node` for `width` columns, with its details as `details` says.
pub fn layout_with(
    c: &Corpus,
    node: NodeIdx,
    width: u16,
    lang: Lang,
    details: Details<'_>,
) -> ReaderLayout {
    let words = messages(lang);
    let w = usize::from(width.max(1));
    let mut b = Builder {
        lines: Vec::new(),
        links: Vec::new(),
        width: w,
    };
    let page = Page::of(c, node);
    let n = page.n;
    b.text_line(&n.title, SegStyle::Title);
    let parts = header(&page, lang, details == Details::All);
    match details {
        Details::All => {
            for (text, style) in &parts {
                b.text_line(text, *style);
            }
        }
        Details::Line(key) if !parts.is_empty() => {
            // Text first: the details as one line, cut with a sign of
            // what the key shows.
            let line: Vec<&str> = parts.iter().map(|(t, _)| t.as_str()).collect();
            let line = line.join(" · ");
            let more = format!(" ({key} {})", words.keys.details);
            let shown = if line.chars().count() + more.chars().count() <= w {
                line
            } else {
                let room = w.saturating_sub(more.chars().count() + 1);
                let cut: String = line.chars().take(room).collect();
                format!("{cut}…{more}")
            };
            b.text_line(&shown, SegStyle::Muted);
        }
        Details::Line(_) => {}
    }
    b.blank();
    let body = match &page.body {
        Ok(body) => *body,
        Err(e) => {
            b.text_line(words.browse.unreadable, SegStyle::Notice);
            // The reason (the cache file, where in it, what went wrong);
            // the node is the one the breadcrumb names.
            let reason = dossier_core::text::sanitize_line(&e.reason);
            b.text_line(&reason, SegStyle::Notice);
            b.text_line(words.browse.unreadable_hint, SegStyle::Notice);
            b.blank();
            &dossier_core::model::Document::default()
        }
    };
    // The page's links, in the order the text holds them.
    let mut page_links = page.links.iter();
    for (pi, p) in body.paragraphs.iter().enumerate() {
        let mut atoms: Vec<(char, SegStyle, Option<usize>)> = Vec::new();
        for span in &p.spans {
            match span {
                Span::Text(text) => atoms.extend(text.chars().map(|ch| (ch, SegStyle::Body, None))),
                Span::Link { label, .. } => {
                    let Some(link) = page_links.next() else {
                        continue;
                    };
                    let Some(t) = link.target else {
                        atoms.extend(label.chars().map(|ch| (ch, SegStyle::Body, None)));
                        continue;
                    };
                    let li = b.links.len();
                    b.links.push(ReaderLink {
                        target: t,
                        line: usize::MAX,
                    });
                    if link.footnote {
                        atoms.extend(
                            superscript(label)
                                .chars()
                                .map(|ch| (ch, SegStyle::Marker, Some(li))),
                        );
                    } else {
                        atoms.extend(label.chars().map(|ch| (ch, SegStyle::Link, Some(li))));
                    }
                }
            }
        }
        b.wrap(&atoms, Some(pi));
        b.blank();
    }
    match page.no_text {
        Some(NoText::Annex) => {
            b.text_line(words.shared.no_annex_text, SegStyle::Muted);
            b.blank();
        }
        Some(NoText::Footnote) => {
            b.text_line(words.shared.no_footnote_text, SegStyle::Muted);
            b.blank();
        }
        None => {}
    }
    if n.kind == NodeKind::Reference {
        match page.opens {
            Some(doc) => {
                b.text_line(words.browse.opens_document, SegStyle::Title);
                b.link_line("  → ", &c.node(doc).title, doc);
            }
            None => {
                b.text_line(words.browse.not_in_library, SegStyle::Muted);
                if let Some(u) = dossier_core::address::address(c, node) {
                    b.text_line(&format!("  {u}"), SegStyle::Body);
                }
            }
        }
        b.blank();
    }
    if let Some(meta) = page.document
        && !meta.signatories.is_empty()
    {
        b.text_line(words.browse.signed_by, SegStyle::Title);
        for s in &meta.signatories {
            b.text_line(&format!("  {} — {}", s.role, s.name), SegStyle::Body);
        }
        b.blank();
    }
    if !page.parts.is_empty() {
        b.text_line(words.shared.contents, SegStyle::Title);
        for &i in &page.parts {
            let m = c.node(i);
            b.link_line(
                "  • ",
                &format!("{} ({})", m.title, words.shared.node(m)),
                i,
            );
        }
        b.blank();
    }
    if !page.cited_by.is_empty() {
        b.text_line(words.shared.cited_by, SegStyle::Title);
        for bl in &page.cited_by {
            let from = c.node(bl.from);
            let root = c
                .root_of(bl.from)
                .filter(|&r| r != bl.from)
                .map(|r| format!(" — {}", c.node(r).title))
                .unwrap_or_default();
            b.link_line("  ← ", &format!("{}{root}", from.title), bl.from);
        }
        b.blank();
    }
    if !page.also_in.is_empty() {
        b.text_line(words.shared.also_in, SegStyle::Title);
        for &i in &page.also_in {
            let doc = c
                .letter_of(i)
                .and_then(|d| c.node(d).letter.as_deref().map(|m| (d, m)))
                .map(|(d, m)| {
                    format!(
                        " — {} {}",
                        words.shared.document_date(m.date.as_deref()),
                        c.node(d).id
                    )
                })
                .unwrap_or_default();
            b.link_line("  ↔ ", &format!("{}{doc}", c.node(i).title), i);
        }
        b.blank();
    }
    while b.lines.last().is_some_and(|l| l.segs.is_empty()) {
        b.lines.pop();
    }
    ReaderLayout {
        node,
        width,
        lang: Some(lang),
        lines: b.lines,
        links: b.links,
    }
}

/// The details of a node's page, each with its style: the letter it is
/// in, sender, citation, description, address, tags and countries.
/// On one line (`!all`) the countries are counted, not named: the text
/// below names them already.
fn header(page: &Page<'_>, lang: Lang, all: bool) -> Vec<(String, SegStyle)> {
    let words = &messages(lang).shared;
    let mut out = Vec::new();
    if let Some((_, meta)) = page.letter {
        // `Brief 17 december 2025 · Kamerstukken II 2025/26, 32317, nr. 987
        // · kenmerk 7010422 · signatories`: what the document gives.
        let mut parts = vec![format!(
            "{} {}",
            capitalised(words.doc_kind(meta.kind())),
            words.document_date(meta.date.as_deref())
        )];
        parts.extend(meta.citation());
        if let Some(r) = &meta.reference {
            parts.push(format!("{} {r}", words.reference));
        }
        if !meta.signatories.is_empty() {
            let names: Vec<&str> = meta.signatories.iter().map(|s| s.name.as_str()).collect();
            parts.push(names.join(", "));
        }
        let line = parts.join(" · ");
        out.push((line, SegStyle::Muted));
    }
    if let Some(meta) = page.document {
        for s in &meta.sender {
            out.push((s.clone(), SegStyle::Muted));
        }
    }
    if page.reference.is_some()
        && let Some(cite) = &page.citation
    {
        out.push((format!("{}: {cite}", words.citation), SegStyle::Muted));
    }
    if let Some(d) = page.description {
        out.push((d.to_string(), SegStyle::Body));
    }
    if let Some(u) = &page.address {
        out.push((format!("{}: {u}", words.url), SegStyle::Muted));
    }
    if !page.tags.is_empty() {
        out.push((
            format!("{}: {}", words.tags, page.tags.join(", ")),
            SegStyle::Muted,
        ));
    }
    let countries = &page.countries;
    if !countries.is_empty() && !all {
        out.push((
            format!("{}: {}", words.countries, countries.len()),
            SegStyle::Muted,
        ));
    } else if !countries.is_empty() {
        out.push((
            format!("{}: {}", words.countries, countries.join(", ")),
            SegStyle::Muted,
        ));
    }
    out
}

struct Builder {
    lines: Vec<LayoutLine>,
    links: Vec<ReaderLink>,
    width: usize,
}

impl Builder {
    fn blank(&mut self) {
        if self.lines.last().is_some_and(|l| !l.segs.is_empty()) {
            self.lines.push(LayoutLine::default());
        }
    }

    fn text_line(&mut self, text: &str, style: SegStyle) {
        let atoms: Vec<(char, SegStyle, Option<usize>)> =
            text.chars().map(|c| (c, style, None)).collect();
        self.wrap(&atoms, None);
    }

    fn link_line(&mut self, prefix: &str, text: &str, target: NodeIdx) {
        let li = self.links.len();
        self.links.push(ReaderLink {
            target,
            line: usize::MAX,
        });
        let mut atoms: Vec<(char, SegStyle, Option<usize>)> =
            prefix.chars().map(|c| (c, SegStyle::Muted, None)).collect();
        atoms.extend(text.chars().map(|c| (c, SegStyle::Link, Some(li))));
        self.wrap(&atoms, None);
    }

    /// Greedy word wrap by display width; words longer than a line are cut.
    fn wrap(&mut self, atoms: &[(char, SegStyle, Option<usize>)], para: Option<usize>) {
        let width = |c: char| c.width().unwrap_or(0);
        let mut start = 0;
        while start < atoms.len() {
            // Skip the spaces a line would begin with.
            while start < atoms.len() && atoms[start].0 == ' ' && start > 0 {
                start += 1;
            }
            let mut used = 0;
            let mut end = start;
            let mut last_break = None;
            while end < atoms.len() {
                let cw = width(atoms[end].0);
                if used + cw > self.width {
                    break;
                }
                if atoms[end].0 == ' ' {
                    last_break = Some(end);
                }
                used += cw;
                end += 1;
            }
            if end < atoms.len()
                && let Some(br) = last_break
                && br > start
            {
                end = br;
            }
            if end == start {
                end = start + 1;
            }
            self.push_line(&atoms[start..end], para, start);
            start = end;
        }
    }

    fn push_line(
        &mut self,
        atoms: &[(char, SegStyle, Option<usize>)],
        para: Option<usize>,
        offset: usize,
    ) {
        let line_no = self.lines.len();
        let mut segs: Vec<Seg> = Vec::new();
        for (i, &(ch, style, link)) in atoms.iter().enumerate() {
            if let Some(li) = link
                && let Some(l) = self.links.get_mut(li)
                && l.line == usize::MAX
            {
                l.line = line_no;
            }
            match segs.last_mut() {
                Some(s) if s.style == style && s.link == link => s.text.push(ch),
                _ => segs.push(Seg {
                    text: ch.to_string(),
                    style,
                    para,
                    start: offset + i,
                    link,
                }),
            }
        }
        self.lines.push(LayoutLine { segs });
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use unicode_width::UnicodeWidthStr;

    fn corpus() -> Corpus {
        crate::store::dossiers::load_built_in()
    }

    #[test]
    fn lines_fit_the_width_and_keep_every_character() {
        let c = corpus();
        let node = c.get("ebsp").unwrap();
        for width in [1u16, 7, 40, 80, 200] {
            let l = layout(&c, node, width, Lang::Nl);
            for line in &l.lines {
                let w: usize = line.segs.iter().map(|s| s.text.width()).sum();
                assert!(w <= usize::from(width), "{w} > {width}");
            }
            // The first paragraph, put back together, is the paragraph.
            let text: String = l
                .lines
                .iter()
                .flat_map(|li| li.segs.iter())
                .filter(|s| s.para == Some(0))
                .map(|s| s.text.as_str())
                .collect::<Vec<_>>()
                .join(" ");
            let squeeze = |t: &str| t.chars().filter(|c| !c.is_whitespace()).collect::<String>();
            let para = c.body(node).unwrap().paragraphs[0]
                .plain()
                .replace("gemeld2", "gemeld²");
            assert_eq!(squeeze(&text), squeeze(&para), "width {width}");
        }
    }

    #[test]
    fn footnote_markers_are_superscript_links() {
        let c = corpus();
        let l = layout(&c, c.get("ebsp").unwrap(), 80, Lang::Nl);
        let marker = l
            .lines
            .iter()
            .flat_map(|li| li.segs.iter())
            .find(|s| s.style == SegStyle::Marker)
            .unwrap();
        assert_eq!(marker.text, "²");
        let link = &l.links[marker.link.unwrap()];
        assert_eq!(c.node(link.target).id, "ebsp/fn-2");
        assert_ne!(link.line, usize::MAX);
    }

    #[test]
    fn annexes_without_text_say_so_and_show_who_cites_them() {
        let c = corpus();
        let l = layout(
            &c,
            c.get("raad-van-europa/bijlage-1").unwrap(),
            80,
            Lang::En,
        );
        let all: String = l
            .lines
            .iter()
            .flat_map(|li| li.segs.iter())
            .map(|s| s.text.as_str())
            .collect();
        assert!(all.contains("The letter does not include the text of this annex."));
        assert!(all.contains("Cited by"));
        assert!(
            l.links
                .iter()
                .any(|k| c.node(k.target).id == "raad-van-europa")
        );
    }

    #[test]
    fn a_reference_shows_its_official_address_as_show_prints_it() {
        let c = corpus();
        let node = c.get("kamerstuk-32317-973").unwrap();
        let l = layout(&c, node, 120, Lang::Nl);
        let all: String = l
            .lines
            .iter()
            .flat_map(|li| li.segs.iter())
            .map(|s| s.text.as_str())
            .collect();
        assert!(
            all.contains("https://zoek.officielebekendmakingen.nl/kst-32317-973.html"),
            "{all}"
        );
    }
}
