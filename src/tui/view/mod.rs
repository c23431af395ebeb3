//! Drawing: reads the state, never changes it. One file per pane or overlay.

pub(crate) mod breadcrumb;
mod finder;
mod help;
mod peek;
mod reader;
mod status;
mod timeline;
mod tree;

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph};

pub use super::geometry::{MIN_HEIGHT, MIN_WIDTH, areas, centered, window};
use super::state::{Pane, Screen, State};
use dossier_core::messages::messages;

pub fn render(s: &State, frame: &mut Frame) {
    let area = frame.area();
    if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
        let msg = Paragraph::new(Line::from(format!(
            "{}: {}×{} < {MIN_WIDTH}×{MIN_HEIGHT}",
            messages(s.lang).browse.too_small,
            area.width,
            area.height
        )))
        .wrap(ratatui::widgets::Wrap { trim: true });
        frame.render_widget(msg, area);
        return;
    }
    let a = areas(area, s.tree_pct);
    breadcrumb::render(s, frame, a.breadcrumb);
    tree::render(s, frame, a.tree);
    reader::render(s, frame, a.reader);
    render_notes(s, frame, a.notes);
    status::render(s, frame, a.status);
    render_screen(s, &s.screen, frame);
}

/// What a screen draws over the panes: a popup, an annotation screen, the
/// help over the screen it was opened on.
fn render_screen(s: &State, screen: &Screen, frame: &mut Frame) {
    let area = frame.area();
    match screen {
        Screen::Read(_) => {}
        Screen::Editor(_) | Screen::Overview | Screen::Export(_) => {
            super::notes::screen::render(s, screen, frame)
        }
        Screen::Help { over, scroll } => {
            render_screen(s, over, frame);
            help::render(s, over.mode(s.focus), *scroll, frame, area);
        }
        Screen::Finder(f) => finder::render(s, f, frame, area),
        Screen::Peek(n) => peek::render(s, *n, frame, area),
        Screen::LoadError(i) => peek::render_error(s, *i, frame, area),
        Screen::Timeline { at, typing } => timeline::render(s, *at, *typing, frame, area),
    }
}

fn render_notes(s: &State, frame: &mut Frame, area: Rect) {
    if area.height == 0 {
        return;
    }
    super::notes_bridge::render_pane(s, frame, area);
}

/// A bordered pane, its border bold when it has the focus.
pub fn pane_block(s: &State, pane: Pane, title: String) -> Block<'static> {
    let style = if s.focus == pane {
        s.theme.accent
    } else {
        s.theme.muted
    };
    Block::default()
        .borders(Borders::ALL)
        .border_style(style)
        .title(Span::styled(title, style))
}

#[cfg(test)]
mod label_tests;
#[cfg(test)]
mod tests;
