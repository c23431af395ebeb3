//! The timeline: the library's documents by date, each with its topics;
//! `Enter` opens the one selected.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph};
use unicode_width::UnicodeWidthStr;

use dossier_core::model::Kamerstuk;

use super::centered;
use crate::tui::state::State;
use dossier_core::messages::messages;

pub fn render(s: &State, selected: usize, typing: bool, frame: &mut Frame, area: Rect) {
    let c = &s.corpus;
    let w = area.width.saturating_sub(4).min(100);
    let h = area.height.saturating_sub(2);
    let inner = usize::from(w.saturating_sub(2));
    let docs = crate::tui::timeline::shown(s);
    let mut lines: Vec<Line> = Vec::new();
    let mut selected_line = 0;
    for (i, &d) in docs.iter().enumerate() {
        let n = c.node(d);
        let Some(m) = n.letter.as_deref() else {
            continue;
        };
        let kamerstuk = m
            .kamerstuk
            .as_ref()
            .map(Kamerstuk::numbered)
            .unwrap_or_default();
        let head = format!("{}  {:<16} ", m.numeric_date(s.lang), kamerstuk);
        let room = inner.saturating_sub(head.width() + 2);
        // Kind, submitter and subject: the date and number are in `head`.
        let label = dossier_core::doc_label::DocLabel {
            number: None,
            date: None,
            ..dossier_core::doc_label::DocLabel::of_node(n, s.lang, false).unwrap_or_default()
        };
        let title = dossier_core::text::sanitize_line(&label.fit(room));
        let style = if i == selected {
            selected_line = lines.len();
            s.theme.selection
        } else {
            ratatui::style::Style::default()
        };
        lines.push(Line::from(vec![
            Span::styled(if i == selected { "▶ " } else { "  " }, style),
            Span::styled(head, style.patch(s.theme.muted)),
            Span::styled(title, style),
        ]));
        for topic in c.topics_of(d) {
            let text = format!("      · {}", c.node(topic).title);
            lines.push(Line::styled(
                super::breadcrumb::truncate(&text, inner),
                s.theme.muted,
            ));
        }
    }
    if lines.is_empty() {
        lines.push(Line::styled(
            messages(s.lang).browse.no_documents,
            s.theme.muted,
        ));
    }
    let height = usize::from(h.saturating_sub(2)).max(1);
    let first = selected_line.saturating_sub(height.saturating_sub(2));
    let r = centered(area, w, h);
    frame.render_widget(Clear, r);
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(s.theme.accent)
        .title(if s.timeline_filter.is_empty() && !typing {
            format!(" {} ", messages(s.lang).browse.timeline)
        } else {
            let cursor = if typing { "▏" } else { "" };
            format!(
                " {} · {}: {}{cursor} ",
                messages(s.lang).browse.timeline,
                messages(s.lang).browse.filter,
                dossier_core::text::sanitize_line(&s.timeline_filter)
            )
        })
        .title_bottom(format!(
            " Enter {} · Esc {} ",
            messages(s.lang).keys.open,
            messages(s.lang).keys.close
        ));
    frame.render_widget(
        Paragraph::new(lines)
            .scroll((u16::try_from(first).unwrap_or(u16::MAX), 0))
            .block(block),
        r,
    );
}
