//! The help overlay: the actions of the mode in force with their keys,
//! from the same table the key dispatch reads, what they do and their
//! names in `config.toml`. Two columns where the screen is wide enough;
//! `j`/`k` scroll it, never past its last row.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph};

use crate::tui::help::{self, Row, rows as help_rows};
use crate::tui::mode::Mode;
use crate::tui::state::State;
use dossier_core::lang::Lang;
use dossier_core::messages::messages;

pub fn render(s: &State, mode: Mode, scroll: usize, frame: &mut Frame, area: Rect) {
    let entries = help_rows(&s.keymap, s.lang, mode);
    let g = help::geometry(&entries, area);
    let key_w = g.key_w;
    let title = format!(
        " {} · {} · Esc {} · j/k ",
        messages(s.lang).browse.help_title,
        mode_name(mode, s.lang),
        messages(s.lang).keys.close
    );
    let block = Block::default()
        .borders(Borders::ALL)
        .title(title)
        .border_style(s.theme.accent);
    let inner = block.inner(g.box_area);
    frame.render_widget(Clear, g.box_area);
    frame.render_widget(block, g.box_area);
    let line = |r: &Row| {
        let mut spans = vec![
            Span::styled(format!("{:>key_w$}  ", r.keys), s.theme.accent),
            Span::raw(r.what.clone()),
        ];
        if !r.name.is_empty() {
            spans.push(Span::styled(format!("  {}", r.name), s.theme.muted));
        }
        Line::from(spans)
    };
    let skip = scroll.min(help::max_scroll(&s.keymap, s.lang, mode, s.term_size));
    let rows = usize::from(inner.height);
    // The last row says so when keys are left below it.
    let column = |part: &[Row]| -> Vec<Line> {
        let rest = part.len().saturating_sub(skip);
        if rest <= rows {
            return part.iter().skip(skip).map(line).collect();
        }
        let mut v: Vec<Line> = part
            .iter()
            .skip(skip)
            .take(rows.saturating_sub(1))
            .map(line)
            .collect();
        v.push(Line::styled(
            format!("{:>key_w$}  +{}", "↓", rest - rows.saturating_sub(1)),
            s.theme.muted,
        ));
        v
    };
    if g.two {
        let half = entries.len().div_ceil(2);
        let [left, right] =
            Layout::horizontal([Constraint::Percentage(50), Constraint::Percentage(50)])
                .areas(inner);
        frame.render_widget(Paragraph::new(column(&entries[..half])), left);
        frame.render_widget(Paragraph::new(column(&entries[half..])), right);
    } else {
        frame.render_widget(Paragraph::new(column(&entries)), inner);
    }
}

/// The mode's name as the status bar shows it.
pub fn mode_name(mode: Mode, lang: Lang) -> &'static str {
    let n = &messages(lang).browse.modes;
    match mode {
        Mode::Tree | Mode::Text | Mode::Notes => n.read,
        Mode::Select => n.select,
        Mode::Peek => n.peek,
        Mode::Error => n.error,
        Mode::Timeline => n.timeline,
        Mode::Find => n.find,
        Mode::Filter => n.filter,
        Mode::Finder => n.finder,
        Mode::Help => n.help,
        Mode::Editor => n.editor,
        Mode::Overview => n.overview,
        Mode::Export => n.export,
        Mode::Confirm => n.confirm,
    }
}
