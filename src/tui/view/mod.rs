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
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph};

use super::state::{Pane, Screen, State};

/// Where each part of the screen goes, for a terminal of `area`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Areas {
    pub breadcrumb: Rect,
    pub tree: Rect,
    pub reader: Rect,
    pub notes: Rect,
    pub status: Rect,
}

/// Below this the screen shows only a request to enlarge it.
pub const MIN_WIDTH: u16 = 30;
pub const MIN_HEIGHT: u16 = 8;

/// The tree's share of the width the user chose with `w`, in percent;
/// `None` is the default, which follows the window.
pub const TREE_WIDTHS: [Option<u16>; 4] = [None, Some(20), Some(35), Some(50)];

/// Three columns on a wide screen; on a narrow one the annotations go
/// under the reader. The tree takes `tree_pct` percent of the width when
/// set, else a share that grows with the window.
pub fn areas(area: Rect, tree_pct: Option<u16>) -> Areas {
    let [breadcrumb, body, status] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Min(1),
        Constraint::Length(1),
    ])
    .areas(area);
    let chosen = |pct: u16| (body.width * pct / 100).max(16).min(body.width / 2 + 1);
    let tree_w = tree_pct
        .map_or_else(|| (body.width * 3 / 10).clamp(20, 40), chosen)
        .min(body.width);
    if body.width >= 110 {
        // Narrower side columns than on one row of two, so the reader is
        // never narrower on a wide screen than on an 80-column one; the
        // tree still widens with the window, for long titles.
        let tree_w = tree_pct.map_or_else(|| (body.width * 24 / 100).clamp(24, 56), chosen);
        let notes_w = (body.width * 22 / 100).clamp(26, 40);
        let [tree, reader, notes] = Layout::horizontal([
            Constraint::Length(tree_w),
            Constraint::Min(10),
            Constraint::Length(notes_w),
        ])
        .areas(body);
        Areas {
            breadcrumb,
            tree,
            reader,
            notes,
            status,
        }
    } else {
        let [tree, right] =
            Layout::horizontal([Constraint::Length(tree_w), Constraint::Min(1)]).areas(body);
        let notes_h = if right.height >= 18 { 6 } else { 0 };
        let [reader, notes] =
            Layout::vertical([Constraint::Min(1), Constraint::Length(notes_h)]).areas(right);
        Areas {
            breadcrumb,
            tree,
            reader,
            notes,
            status,
        }
    }
}

/// The rows `first..end` of a list of `len` that a pane of `height` rows
/// shows with row `selected` in view: the selection on the last row once
/// it is past the first screen, as ratatui's list scrolls from the top.
pub fn window(selected: usize, len: usize, height: usize) -> (usize, usize) {
    let height = height.max(1);
    let first = selected
        .min(len.saturating_sub(1))
        .saturating_sub(height - 1);
    (first, (first + height).min(len))
}

pub use help::max_scroll as help_max_scroll;

/// The text area inside the reader's border.
pub fn reader_text_area(area: Rect, tree_pct: Option<u16>) -> Rect {
    Block::default()
        .borders(Borders::ALL)
        .inner(areas(area, tree_pct).reader)
}

pub fn render(s: &State, frame: &mut Frame) {
    let area = frame.area();
    if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
        let msg = Paragraph::new(Line::from(format!(
            "{}: {}×{} < {MIN_WIDTH}×{MIN_HEIGHT}",
            super::i18n::t(s.lang, super::i18n::T::TooSmall),
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

/// A centred rectangle of at most `w`×`h` inside `area`.
pub fn centered(area: Rect, w: u16, h: u16) -> Rect {
    let w = w.min(area.width);
    let h = h.min(area.height);
    Rect {
        x: area.x + (area.width - w) / 2,
        y: area.y + (area.height - h) / 2,
        width: w,
        height: h,
    }
}

#[cfg(test)]
mod label_tests;
#[cfg(test)]
mod tests;
