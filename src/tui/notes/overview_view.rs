//! The overview overlay: the filters in force and the notes that pass.

use dossier_core::annotation::{Annotation, Status};
use dossier_core::note_index::NoteIndex;
use dossier_core::text::sanitize_line;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, List, ListItem, ListState, Paragraph};

use super::overview::{FACETS, Facet, Overview, Sort};
use crate::tui::theme::Theme;
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

/// `today`: a note still open whose due date is before it is overdue.
pub fn render(
    o: &Overview,
    hints: &str,
    (notes, index): (&[Annotation], &NoteIndex),
    today: jiff::civil::Date,
    (lang, theme): (Lang, &Theme),
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
            theme.selection
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
    let nl = lang == Lang::Nl;
    if o.filter.open_actions {
        spans.push(Span::styled(
            if nl {
                "open toezeggingen en acties"
            } else {
                "open commitments and actions"
            },
            theme.title,
        ));
        spans.push(Span::raw("  "));
    }
    spans.push(Span::raw(format!(
        "{}: {}",
        if nl { "volgorde" } else { "order" },
        match (o.sort, nl) {
            (Sort::Written, true) => "geschreven",
            (Sort::Written, false) => "written",
            (Sort::Due, true) => "uiterlijk",
            (Sort::Due, false) => "due",
            (Sort::Dossier, _) => "dossier",
        }
    )));
    frame.render_widget(
        Paragraph::new(Line::from(spans)).wrap(ratatui::widgets::Wrap { trim: false }),
        rows[0],
    );
    let owner_w = shown
        .iter()
        .filter_map(|&i| notes[i].owner.as_deref())
        .map(|o| sanitize_line(o).chars().count())
        .max()
        .unwrap_or(0)
        .clamp(8, 16);
    let mut items: Vec<ListItem> = vec![ListItem::new(Line::styled(
        columns(
            [
                if nl { "soort" } else { "kind" },
                "status",
                if nl { "eigenaar" } else { "owner" },
                if nl { "uiterlijk" } else { "due" },
                if nl {
                    "onderdeel · notitie"
                } else {
                    "section · note"
                },
            ],
            owner_w,
        ),
        theme.title.add_modifier(Modifier::UNDERLINED),
    ))];
    items.extend(
        shown
            .iter()
            .map(|&i| item(notes, index, i, (lang, theme), today, owner_w)),
    );
    let list = List::new(items).highlight_style(theme.selection);
    let mut state = ListState::default();
    if !shown.is_empty() {
        // Below the header row.
        state.select(Some(o.selected.min(shown.len() - 1) + 1));
    }
    frame.render_stateful_widget(list, rows[1], &mut state);
    frame.render_widget(
        Paragraph::new(Span::styled(
            crate::tui::mode::fit(hints, rows[2].width),
            theme.muted,
        )),
        rows[2],
    );
}

/// Kind, status, owner and due date in columns, then where and what.
fn columns(cells: [&str; 5], owner_w: usize) -> String {
    let fit = |t: &str, w: usize| {
        let t: String = t.chars().take(w).collect();
        format!("{t:<w$}")
    };
    format!(
        "{}{} {} {} {} {}",
        " ".repeat(2),
        fit(cells[0], 10),
        fit(cells[1], 9),
        fit(cells[2], owner_w),
        fit(cells[3], 10),
        cells[4]
    )
}

fn item(
    notes: &[Annotation],
    index: &NoteIndex,
    i: usize,
    (lang, theme): (Lang, &Theme),
    today: jiff::civil::Date,
    owner_w: usize,
) -> ListItem<'static> {
    let a = &notes[i];
    let attached = index.get(i).is_some_and(|p| p.anchor.is_attached());
    let overdue = a.status == Status::Open && a.due.is_some_and(|d| d < today);
    let owner = a.owner.as_deref().map(sanitize_line).unwrap_or_default();
    let due = a.due.map(|d| d.to_string()).unwrap_or_default();
    let mut what = sanitize_line(&a.target.node);
    if !attached {
        what.push_str(if lang == Lang::Nl {
            " (losgeraakt)"
        } else {
            " (detached)"
        });
    }
    let row = columns(
        [
            lang.kind(a.kind),
            lang.status(a.status),
            &owner,
            &due,
            &format!(
                "{what} · {}",
                sanitize_line(a.body.lines().next().unwrap_or(""))
            ),
        ],
        owner_w,
    );
    // Overdue: marked in words too, for a screen without colour.
    let style = if overdue {
        theme.error
    } else {
        Style::default()
    };
    // The first column marks an overdue note, for a screen without colour.
    let row = if overdue {
        format!("⚠{}", row.get(1..).unwrap_or(""))
    } else {
        row
    };
    let mut lines = vec![Line::styled(row, style)];
    if let Some(q) = &a.target.quote {
        lines.push(Line::styled(
            format!("  “{}”", sanitize_line(&q.exact)),
            theme.muted.add_modifier(Modifier::ITALIC),
        ));
    }
    ListItem::new(lines)
}
