//! The overview overlay: the filters in force and the notes that pass.

use dossier_core::annotation::Annotation;
use dossier_core::note_index::NoteIndex;
use dossier_core::text::sanitize_line;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, List, ListItem, ListState, Paragraph};

use super::overview::{FACETS, Facet, Overview};
use dossier_core::lang::Lang;

fn facet_name(lang: Lang, f: Facet) -> &'static str {
    match (lang, f) {
        (Lang::Nl, Facet::Text) => "zoek",
        (Lang::En, Facet::Text) => "find",
        (_, Facet::Dossier) => "dossier",
        (_, Facet::Tag) => "tag",
        (Lang::Nl, Facet::Kind) => "soort",
        (Lang::En, Facet::Kind) => "kind",
        (_, Facet::Status) => "status",
        (Lang::Nl, Facet::Author) => "auteur",
        (Lang::En, Facet::Author) => "author",
        (Lang::Nl, Facet::Detached) => "losgeraakt",
        (Lang::En, Facet::Detached) => "detached",
    }
}

fn facet_value(o: &Overview, lang: Lang, f: Facet) -> String {
    let any = if lang == Lang::Nl { "alle" } else { "any" };
    let yes_no = |b: bool| match (lang, b) {
        (Lang::Nl, true) => "ja",
        (Lang::Nl, false) => "nee",
        (Lang::En, true) => "yes",
        (Lang::En, false) => "no",
    };
    let v = &o.filter;
    match f {
        Facet::Text => v.text.clone(),
        Facet::Dossier => v.dossier.clone().unwrap_or_else(|| any.into()),
        Facet::Tag => v.tag.clone().unwrap_or_else(|| any.into()),
        Facet::Author => v.author.clone().unwrap_or_else(|| any.into()),
        Facet::Kind => v.kind.map_or(any, |k| lang.kind(k)).into(),
        Facet::Status => v.status.map_or(any, |s| lang.status(s)).into(),
        Facet::Detached => v.detached.map_or(any, yes_no).into(),
    }
}

pub fn render(
    o: &Overview,
    notes: &[Annotation],
    index: &NoteIndex,
    lang: Lang,
    frame: &mut Frame,
    screen: Rect,
) {
    let area = super::editor_view::area(screen);
    frame.render_widget(Clear, area);
    let shown = o.shown(notes, index);
    let title = if lang == Lang::Nl {
        "Alle notities"
    } else {
        "All notes"
    };
    let block = Block::default().borders(Borders::ALL).title(format!(
        " {title} ({}/{}) ",
        shown.len(),
        notes.len()
    ));
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let rows = Layout::vertical([
        Constraint::Length(2),
        Constraint::Min(1),
        Constraint::Length(1),
    ])
    .split(inner);
    let mut spans = Vec::new();
    for f in FACETS {
        let on = o.facet() == f;
        let style = if on {
            Style::default().add_modifier(Modifier::REVERSED)
        } else {
            Style::default()
        };
        spans.push(Span::styled(
            format!(
                "{}: {}",
                facet_name(lang, f),
                sanitize_line(&facet_value(o, lang, f))
            ),
            style,
        ));
        spans.push(Span::raw("  "));
    }
    frame.render_widget(
        Paragraph::new(Line::from(spans)).wrap(ratatui::widgets::Wrap { trim: false }),
        rows[0],
    );
    let items: Vec<ListItem> = shown.iter().map(|&i| item(notes, index, i, lang)).collect();
    let list = List::new(items).highlight_style(Style::default().add_modifier(Modifier::REVERSED));
    let mut state = ListState::default();
    if !shown.is_empty() {
        state.select(Some(o.selected.min(shown.len() - 1)));
    }
    frame.render_stateful_widget(list, rows[1], &mut state);
    let hints = if lang == Lang::Nl {
        "typ: zoeken · Tab: filter · ←/→: waarde · Enter: ga naar · Esc: sluiten"
    } else {
        "type: find · Tab: filter · ←/→: value · Enter: go to · Esc: close"
    };
    frame.render_widget(
        Paragraph::new(Span::styled(
            hints,
            Style::default().add_modifier(Modifier::DIM),
        )),
        rows[2],
    );
}

fn item(notes: &[Annotation], index: &NoteIndex, i: usize, lang: Lang) -> ListItem<'static> {
    let a = &notes[i];
    let attached = index.get(i).is_some_and(|p| p.anchor.is_attached());
    let mut head = vec![
        Span::styled(
            format!("{} · {}", lang.kind(a.kind), lang.status(a.status)),
            Style::default().add_modifier(Modifier::BOLD),
        ),
        Span::raw(format!("  {}", sanitize_line(&a.target.node))),
    ];
    if !attached {
        let word = if lang == Lang::Nl {
            "  (losgeraakt)"
        } else {
            "  (detached)"
        };
        head.push(Span::styled(
            word,
            Style::default().add_modifier(Modifier::DIM),
        ));
    }
    let mut detail = String::new();
    if let Some(q) = &a.target.quote {
        detail.push_str(&format!("“{}” ", sanitize_line(&q.exact)));
    }
    detail.push_str(&sanitize_line(a.body.lines().next().unwrap_or("")));
    ListItem::new(vec![Line::from(head), Line::from(format!("  {detail}"))])
}
