//! The annotations pane: the notes of the open node, one block each, the
//! selected one marked.

use dossier_core::NodeIdx;
use dossier_core::annotation::Annotation;
use dossier_core::note_index::NoteIndex;
use dossier_core::text::sanitize_line;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, List, ListItem, ListState, Paragraph, Wrap};
use unicode_width::UnicodeWidthStr;

use super::annotate::notes_on;
use crate::tui::help::keyed;
use dossier_core::lang::Lang;
use dossier_core::messages::messages;

/// What the pane needs to draw.
pub struct PaneView<'a> {
    pub notes: &'a [Annotation],
    pub index: &'a NoteIndex,
    pub node: Option<NodeIdx>,
    /// Position in the node's notes.
    pub selected: usize,
    pub focused: bool,
    pub lang: Lang,
    pub theme: &'a crate::tui::theme::Theme,
    /// For the keys named in its phrases.
    pub keymap: &'a crate::tui::keymap::Keymap,
}

pub fn render(v: &PaneView, frame: &mut Frame, area: Rect) {
    let shown = v.node.map(|n| notes_on(v.index, n)).unwrap_or_default();
    // As the other panes: the accent when it has the focus.
    let border = if v.focused {
        v.theme.accent
    } else {
        v.theme.muted
    };
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(border)
        .title(format!(
            " {} ({}) ",
            messages(v.lang).shared.notes,
            shown.len()
        ));
    if shown.is_empty() {
        let empty = Paragraph::new(Span::styled(
            keyed(v.lang, messages(v.lang).notes.no_notes, v.keymap),
            v.theme.muted,
        ))
        .wrap(Wrap { trim: true })
        .block(block);
        frame.render_widget(empty, area);
        return;
    }
    let width = usize::from(area.width.saturating_sub(2)).max(1);
    // A list shows nothing of an item taller than itself: in a low pane
    // each note keeps only its first lines.
    let rows = usize::from(area.height.saturating_sub(2)).max(1);
    let chosen = v.selected.min(shown.len() - 1);
    let items: Vec<ListItem> = shown
        .iter()
        .enumerate()
        .map(|(at, &i)| item(v, i, width, rows, at == chosen))
        .collect();
    let list = List::new(items)
        .block(block)
        .highlight_style(v.theme.selection);
    let mut state = ListState::default();
    state.select(Some(v.selected.min(shown.len() - 1)));
    frame.render_stateful_widget(list, area, &mut state);
}

/// One note: its kind and status, owner and due date, the quote and the
/// start of the text, wrapped to the pane's `width`, at most `rows` lines.
/// The chosen note shows its whole quote.
fn item(v: &PaneView, i: usize, width: usize, rows: usize, chosen: bool) -> ListItem<'static> {
    let a = &v.notes[i];
    let attached = v.index.get(i).is_some_and(|p| p.anchor.is_attached());
    let mut head = vec![Span::styled(
        format!(
            "{} · {}",
            messages(v.lang).shared.kind(a.kind),
            messages(v.lang).shared.status(a.status)
        ),
        v.theme.title,
    )];
    // Who and when right under the kind: a low pane never cuts them off.
    let who = (a.owner.is_some() || a.due.is_some()).then(|| {
        let who = a.owner.as_deref().map(sanitize_line).unwrap_or_default();
        // Day first, as the tree writes dates.
        let due = a
            .due
            .map(|d| format!(" {}", d.strftime("%d-%m-%Y")))
            .unwrap_or_default();
        format!("→ {who}{due}")
    });
    if !a.tags.is_empty() {
        head.push(Span::raw(format!(
            "  #{}",
            a.tags
                .iter()
                .map(|t| sanitize_line(t))
                .collect::<Vec<_>>()
                .join(" #")
        )));
    }
    let mut lines = vec![Line::from(head)];
    if let Some(who) = who {
        for l in wrapped(&who, width, 2) {
            lines.push(Line::from(Span::styled(l, v.theme.accent)));
        }
    }
    if let Some(q) = &a.target.quote {
        let style = if attached {
            Style::default().add_modifier(Modifier::ITALIC)
        } else {
            Style::default().add_modifier(Modifier::CROSSED_OUT)
        };
        let most = if chosen { rows } else { 2 };
        // A detached passage shows the words it stood among, so the reader
        // can tell what it was and select it again where it now stands.
        let shown = if attached || (q.prefix.is_empty() && q.suffix.is_empty()) {
            format!("“{}”", sanitize_line(&q.exact))
        } else {
            format!(
                "…{}“{}”{}…",
                sanitize_line(&q.prefix),
                sanitize_line(&q.exact),
                sanitize_line(&q.suffix)
            )
        };
        for l in wrapped(&shown, width, most) {
            lines.push(Line::from(Span::styled(l, style)));
        }
    }
    if !attached {
        lines.push(Line::from(Span::styled(
            keyed(v.lang, messages(v.lang).notes.detached_hint, v.keymap),
            v.theme.muted,
        )));
    }
    let body: Vec<String> = a.body.lines().map(sanitize_line).collect();
    for l in wrapped(&body.join(" "), width, 4) {
        lines.push(Line::from(l));
    }
    lines.push(Line::from(""));
    lines.truncate(rows);
    ListItem::new(lines)
}

/// `t` wrapped to `width` columns, at most `max` lines, the last ending in
/// `…` when some was left out.
fn wrapped(t: &str, width: usize, max: usize) -> Vec<String> {
    let mut lines: Vec<String> = textwrap::wrap(t, width)
        .into_iter()
        .map(|l| l.into_owned())
        .collect();
    if lines.len() > max {
        lines.truncate(max);
        if let Some(last) = lines.last_mut() {
            while last.width() + 1 > width && last.pop().is_some() {}
            last.push('…');
        }
    }
    lines
}

#[cfg(test)]
mod tests;
