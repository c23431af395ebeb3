//! Where the browsing screens meet the annotations: what the tree, reader
//! and notes pane show of them. The annotation screens themselves live in
//! `notes/`.

use dossier_core::NodeIdx;
use ratatui::Frame;
use ratatui::layout::Rect;

use super::notes::pane::{self, PaneView};
use super::state::{Pane, State};

/// The notes pane: the notes of the open node.
pub fn render_pane(s: &State, frame: &mut Frame, area: Rect) {
    let v = PaneView {
        notes: &s.notes.notes,
        index: &s.notes.index,
        node: s.open,
        selected: s.notes_selected,
        focused: s.focus == Pane::Notes,
        lang: s.lang,
        theme: &s.theme,
        keymap: &s.keymap,
    };
    pane::render(&v, frame, area);
}

/// The number of notes on a node and under it, for the tree.
pub fn count_badge(s: &State, node: NodeIdx) -> Option<usize> {
    Some(s.notes.index.count_under(node)).filter(|&n| n > 0)
}

/// Annotated passages of paragraph `para` of the open node, as character
/// ranges within the paragraph.
pub fn note_ranges(s: &State, para: usize) -> Vec<(usize, usize)> {
    s.note_ranges.get(para).cloned().unwrap_or_default()
}

/// Whether character `c` of paragraph `para` is in the passage being selected.
pub fn selected(s: &State, para: usize, c: usize) -> bool {
    match s.selection() {
        Some((a, b)) => {
            let (from, to) = if a <= b { (a, b) } else { (b, a) };
            (para, c) >= from && (para, c) <= to
        }
        None => false,
    }
}
