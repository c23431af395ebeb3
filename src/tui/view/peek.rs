//! A footnote, annex or reference in a popup, without leaving the text.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph, Wrap};

use dossier_core::NodeIdx;

use super::centered;
use crate::tui::state::State;
use dossier_core::messages::messages;

pub fn render(s: &State, node: NodeIdx, frame: &mut Frame, area: Rect) {
    let n = s.corpus.node(node);
    let mut lines: Vec<Line> = Vec::new();
    if let Some(r) = &n.reference {
        lines.push(Line::styled(r.citation(), s.theme.muted));
    }
    if let Some(d) = &n.description {
        lines.push(Line::raw(d.to_string()));
    }
    if let Some(u) = &n.url {
        lines.push(Line::styled(u.to_string(), s.theme.link));
    }
    match s.corpus.body(node) {
        Ok(body) => {
            for p in &body.paragraphs {
                lines.push(Line::raw(p.plain()));
                lines.push(Line::raw(""));
            }
        }
        // Said by the interface, in its style, not shown as the text.
        Err(e) => {
            lines.push(Line::styled(
                messages(s.lang).browse.unreadable,
                s.theme.error,
            ));
            let reason = dossier_core::text::sanitize_line(&e.reason);
            lines.push(Line::styled(reason, s.theme.error));
            lines.push(Line::raw(""));
        }
    }
    let empty = s.corpus.body(node).is_ok_and(|d| d.is_empty());
    if empty && n.kind == dossier_core::NodeKind::Annex {
        lines.push(Line::styled(
            messages(s.lang).shared.no_annex_text,
            s.theme.muted,
        ));
    }
    lines.push(Line::from(vec![
        Span::styled("Enter", s.theme.accent),
        Span::raw(" → "),
        Span::raw(n.id.clone()),
        Span::styled(
            format!(" · Esc {}", messages(s.lang).keys.close),
            s.theme.muted,
        ),
    ]));
    let w = area.width.saturating_sub(8).min(76);
    // As tall as the wrapped text and the border, no taller.
    let inner_w = usize::from(w.saturating_sub(2).max(1));
    let wrapped: usize = lines
        .iter()
        .map(|l| {
            let text: String = l.spans.iter().map(|sp| sp.content.as_ref()).collect();
            textwrap::wrap(&text, inner_w).len().max(1)
        })
        .sum();
    let h = u16::try_from(wrapped + 2)
        .unwrap_or(u16::MAX)
        .min(area.height.saturating_sub(2));
    let r = centered(area, w, h);
    frame.render_widget(Clear, r);
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(s.theme.accent)
        .title(format!(" {} ", n.title));
    frame.render_widget(
        Paragraph::new(lines).wrap(Wrap { trim: true }).block(block),
        r,
    );
}

/// A dossier file that failed to load: where, and what is wrong.
pub fn render_error(s: &State, i: usize, frame: &mut Frame, area: Rect) {
    let Some(e) = s.corpus.errors.get(i) else {
        return;
    };
    // Messages can quote the broken file: clean them like all file text.
    let file = dossier_core::text::sanitize_line(&e.file);
    let place = match e.position {
        Some(p) => format!("{file}:{}:{}", p.line, p.col),
        None => file,
    };
    let lines = vec![
        Line::styled(place, s.theme.accent),
        Line::raw(""),
        Line::raw(dossier_core::text::sanitize_line(&e.message)),
        Line::raw(""),
        Line::styled("dossier check", s.theme.muted),
    ];
    let r = centered(
        area,
        area.width.saturating_sub(8).min(76),
        9.min(area.height),
    );
    frame.render_widget(Clear, r);
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(s.theme.error)
        .title(format!(" ⚠ {} ", messages(s.lang).browse.load_error));
    frame.render_widget(
        Paragraph::new(lines).wrap(Wrap { trim: true }).block(block),
        r,
    );
}
