//! The help overlay: every action with the keys in force, from the keymap.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph, Wrap};

use super::centered;
use crate::tui::action::Action;
use crate::tui::i18n::{self, T, t};
use crate::tui::state::State;

pub fn render(s: &State, frame: &mut Frame, area: Rect) {
    let mut lines: Vec<Line> = Vec::new();
    let width = Action::ALL
        .iter()
        .map(|&a| s.keymap.describe(a).chars().count())
        .max()
        .unwrap_or(8)
        .min(24);
    for a in Action::ALL {
        let keys = s.keymap.describe(a);
        if keys.is_empty() {
            continue;
        }
        lines.push(Line::from(vec![
            Span::styled(format!("{keys:>width$}  "), s.theme.accent),
            Span::raw(i18n::action(s.lang, a)),
        ]));
    }
    let box_area = centered(area, 64, area.height.saturating_sub(2));
    let title = format!(
        " {} · Esc {} ",
        t(s.lang, T::HelpTitle),
        t(s.lang, T::Close)
    );
    frame.render_widget(Clear, box_area);
    frame.render_widget(
        Paragraph::new(lines).wrap(Wrap { trim: false }).block(
            Block::default()
                .borders(Borders::ALL)
                .title(title)
                .border_style(s.theme.accent),
        ),
        box_area,
    );
}
