//! The overview overlay: the filters in force and the notes that pass.

use dossier_core::Corpus;
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
use dossier_core::messages::messages;

fn facet_name(lang: Lang, f: Facet) -> &'static str {
    let m = messages(lang);
    match f {
        Facet::Text => m.notes.text_filter,
        Facet::Dossier => m.shared.dossier,
        Facet::Tag => m.notes.tag,
        Facet::Kind => m.notes.kind_column,
        Facet::Status => m.notes.status_column,
        Facet::Owner => m.notes.owner_column,
        Facet::Author => m.notes.author,
        Facet::Detached => m.notes.detached,
    }
}

fn facet_value(o: &Overview, lang: Lang, f: Facet) -> String {
    let m = messages(lang);
    let any = m.notes.any;
    let yes_no = |b: bool| if b { m.shared.yes } else { m.shared.no };
    let v = &o.filter;
    match f {
        Facet::Text => v.text.clone(),
        Facet::Dossier => v.kamerstuk.clone().unwrap_or_else(|| any.into()),
        Facet::Owner => v.owner.clone().unwrap_or_else(|| any.into()),
        Facet::Tag => v.tag.clone().unwrap_or_else(|| any.into()),
        Facet::Author => v.author.clone().unwrap_or_else(|| any.into()),
        Facet::Kind => v.kind.map_or(any, |k| m.shared.kind(k)).into(),
        Facet::Status => v.status.map_or(any, |s| m.shared.status(s)).into(),
        Facet::Detached => v.detached.map_or(any, yes_no).into(),
    }
}

/// `today`: a note still open whose due date is before it is overdue.
pub fn render(
    o: &Overview,
    hints: &str,
    (notes, index, corpus): (&[Annotation], &NoteIndex, &Corpus),
    today: jiff::civil::Date,
    (lang, theme): (Lang, &Theme),
    frame: &mut Frame,
    screen: Rect,
) {
    let area = super::editor_view::area(screen);
    frame.render_widget(Clear, area);
    let shown = o.shown(notes, index);
    let m = messages(lang);
    let title = m.notes.all_notes;
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
    if o.filter.open_actions {
        spans.push(Span::styled(m.keys.actions.action_list, theme.title));
        spans.push(Span::raw("  "));
    }
    spans.push(Span::raw(format!(
        "{}: {}",
        m.notes.order,
        match o.sort {
            Sort::Written => m.notes.written,
            Sort::Due => m.notes.due_column,
            Sort::Dossier => m.shared.dossier,
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
                m.notes.kind_column,
                m.notes.status_column,
                m.notes.owner_column,
                m.notes.due_column,
                m.notes.section_column,
            ],
            owner_w,
        ),
        theme.title.add_modifier(Modifier::UNDERLINED),
    ))];
    let width = usize::from(rows[1].width);
    items.extend(shown.iter().map(|&i| {
        item(
            (notes, index, corpus),
            i,
            (lang, theme),
            today,
            (owner_w, width),
        )
    }));
    let list = List::new(items).highlight_style(theme.selection);
    let mut state = ListState::default();
    if !shown.is_empty() {
        // Below the header row.
        state.select(Some(o.selected.min(shown.len() - 1) + 1));
    }
    frame.render_stateful_widget(list, rows[1], &mut state);
    frame.render_widget(
        Paragraph::new(Span::styled(
            crate::tui::help::fit(hints, rows[2].width),
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

/// Where a note is, by title: the document's label for a document
/// (`Nr. 287 · Motie Ram`), else the node's title; the id where the node
/// is gone.
fn place(corpus: &Corpus, index: &NoteIndex, i: usize, a: &Annotation, lang: Lang) -> String {
    let Some(n) = index.get(i).and_then(|p| p.node) else {
        return sanitize_line(&a.target.node);
    };
    let node = corpus.node(n);
    match dossier_core::doc_label::DocLabel::of_node(node, lang, true) {
        Some(l) => sanitize_line(&l.fit(40)),
        None => sanitize_line(&node.title),
    }
}

fn item(
    (notes, index, corpus): (&[Annotation], &NoteIndex, &Corpus),
    i: usize,
    (lang, theme): (Lang, &Theme),
    today: jiff::civil::Date,
    (owner_w, width): (usize, usize),
) -> ListItem<'static> {
    let a = &notes[i];
    let attached = index.get(i).is_some_and(|p| p.anchor.is_attached());
    let overdue = a.status == Status::Open && a.due.is_some_and(|d| d < today);
    let owner = a.owner.as_deref().map(sanitize_line).unwrap_or_default();
    // Day first, as the tree writes dates.
    let due = a
        .due
        .map(|d| d.strftime("%d-%m-%Y").to_string())
        .unwrap_or_default();
    let title = place(corpus, index, i, a, lang);
    let m = messages(lang);
    let gone = if attached {
        String::new()
    } else {
        format!(" ({})", m.notes.detached)
    };
    // What the columns before leave, the mark of a detached note kept.
    let room = width.saturating_sub(2 + 10 + 1 + 9 + 1 + owner_w + 1 + 10 + 1 + gone.len());
    let what = format!(
        "{}{gone}",
        dossier_core::doc_label::cut(&title, room.max(8))
    );
    let row = columns(
        [
            m.shared.kind(a.kind),
            m.shared.status(a.status),
            &owner,
            &due,
            &what,
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
    // The note's text under its row, wrapped: three lines at most, the
    // last ending in `…` when there is more.
    let body = sanitize_line(&a.body.split_whitespace().collect::<Vec<_>>().join(" "));
    let room = width.saturating_sub(6).max(10);
    let wrapped = textwrap::wrap(&body, room);
    for (k, l) in wrapped.iter().take(3).enumerate() {
        let more = k == 2 && wrapped.len() > 3;
        let text = if more {
            format!(
                "    {}",
                dossier_core::doc_label::cut(&format!("{l} …"), room)
            )
        } else {
            format!("    {l}")
        };
        lines.push(Line::raw(text));
    }
    if let Some(q) = &a.target.quote {
        lines.push(Line::styled(
            format!("  “{}”", sanitize_line(&q.exact)),
            theme.muted.add_modifier(Modifier::ITALIC),
        ));
    }
    ListItem::new(lines)
}
