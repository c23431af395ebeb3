//! Where each part of the screen goes: the panes for a terminal's size,
//! the rows of a list in view, a centred popup. Plain arithmetic on
//! rectangles, for the views that draw there and the update that sizes
//! the reader.

use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::widgets::{Block, Borders};

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

/// The text area inside the reader's border.
pub fn reader_text_area(area: Rect, tree_pct: Option<u16>) -> Rect {
    Block::default()
        .borders(Borders::ALL)
        .inner(areas(area, tree_pct).reader)
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
