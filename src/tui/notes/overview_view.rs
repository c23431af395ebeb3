//! The overview overlay: the filters in force and the notes that pass.

use dossier_core::annotation::Annotation;
use dossier_core::note_index::NoteIndex;
use dossier_core::text::sanitize_line;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, List, ListItem, ListState, Paragraph};

use super::labels;
use super::overview::{FACETS, Facet, Overview};
use crate::store::config::Language;

fn facet_name(lang: Language, f: Facet) -> &'static str {
    match (lang, f) {
        (Language::Nl, Facet::Text) => "zoek",
        (Language::En, Facet::Text) => "find",
        (_, Facet::Dossier) => "dossier",
        (_, Facet::Tag) => "tag",
        (Language::Nl, Facet::Kind) => "soort",
        (Language::En, Facet::Kind) => "kind",
        (_, Facet::Status) => "status",
        (Language::Nl, Facet::Author) => "auteur",
        (Language::En, Facet::Author) => "author",
        (Language::Nl, Facet::Detached) => "losgeraakt",
        (Language::En, Facet::Detached) => "detached",
    }
}

fn facet_value(o: &Overview, lang: Language, f: Facet) -> String {
    let any = if lang == Language::Nl { "alle" } else { "any" };
    let yes_no = |b: bool| match (lang, b) {
        (Language::Nl, true) => "ja",
        (Language::Nl, false) => "nee",
        (Language::En, true) => "yes",
        (Language::En, false) => "no",
    };
    let v = &o.filter;
    match f {
        Facet::Text => v.text.clone(),
        Facet::Dossier => v.dossier.clone().unwrap_or_else(|| any.into()),
        Facet::Tag => v.tag.clone().unwrap_or_else(|| any.into()),
        Facet::Author => v.author.clone().unwrap_or_else(|| any.into()),
        Facet::Kind => v.kind.map_or(any, |k| labels::kind(lang, k)).into(),
        Facet::Status => v.status.map_or(any, |s| labels::status(lang, s)).into(),
        Facet::Detached => v.detached.map_or(any, yes_no).into(),
    }
}

pub fn render(
    o: &Overview,
    notes: &[Annotation],
    index: &NoteIndex,
    lang: Language,
    frame: &mut Frame,
    screen: Rect,
) {
    let area = super::editor_view::area(screen);
    frame.render_widget(Clear, area);
    let shown = o.shown(notes, index);
    let title = if lang == Language::Nl {
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
    let hints = if lang == Language::Nl {
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

fn item(notes: &[Annotation], index: &NoteIndex, i: usize, lang: Language) -> ListItem<'static> {
    let a = &notes[i];
    let attached = index.get(i).is_some_and(|p| p.anchor.is_attached());
    let mut head = vec![
        Span::styled(
            format!(
                "{} · {}",
                labels::kind(lang, a.kind),
                labels::status(lang, a.status)
            ),
            Style::default().add_modifier(Modifier::BOLD),
        ),
        Span::raw(format!("  {}", sanitize_line(&a.target.node))),
    ];
    if !attached {
        let word = if lang == Language::Nl {
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
