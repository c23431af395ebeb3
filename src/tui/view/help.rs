//! The help overlay: every action with the keys in force, from the keymap.
//! Two columns where the screen is wide enough; `j`/`k` scroll it.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph};
use unicode_width::UnicodeWidthStr;

use super::centered;
use crate::tui::action::Action;
use crate::tui::i18n::{self, T, t};
use crate::tui::state::State;

pub fn render(s: &State, frame: &mut Frame, area: Rect) {
    let entries: Vec<(String, &str)> = Action::ALL
        .iter()
        .map(|&a| (s.keymap.describe(a), i18n::action(s.lang, a)))
        .filter(|(k, _)| !k.is_empty())
        .collect();
    let key_w = entries
        .iter()
        .map(|(k, _)| k.chars().count())
        .max()
        .unwrap_or(8)
        .min(22);
    // Two columns only where both fit whole, so no description is cut.
    let widest = entries
        .iter()
        .map(|(_, d)| key_w + 2 + d.width())
        .max()
        .unwrap_or(0);
    let two_w = u16::try_from(2 * widest + 4).unwrap_or(u16::MAX);
    let two = area.width >= 100 && area.width >= two_w;
    let box_w = if two {
        two_w.max(110).min(area.width)
    } else {
        70.min(area.width)
    };
    let box_area = centered(area, box_w, area.height.saturating_sub(2));
    let title = format!(
        " {} · Esc {} · j/k ",
        t(s.lang, T::HelpTitle),
        t(s.lang, T::Close)
    );
    let block = Block::default()
        .borders(Borders::ALL)
        .title(title)
        .border_style(s.theme.accent);
    let inner = block.inner(box_area);
    frame.render_widget(Clear, box_area);
    frame.render_widget(block, box_area);
    let line = |(k, d): &(String, &str)| {
        Line::from(vec![
            Span::styled(format!("{k:>key_w$}  "), s.theme.accent),
            Span::raw(d.to_string()),
        ])
    };
    let skip = s.help_scroll.min(entries.len().saturating_sub(1));
    let rows = usize::from(inner.height);
    // The last row says so when keys are left below it.
    let column = |part: &[(String, &str)]| -> Vec<Line> {
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
    if two {
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
