//! The first screen, a screen resized and a place reopened: the first
//! document open with its group unfolded, the panes sized to the
//! terminal, the text read last time at the top again.

use std::collections::HashSet;
use std::sync::Arc;

use dossier_core::Corpus;
use dossier_core::lang::Lang;
use dossier_core::tree::TreeFilter;
use ratatui::layout::Rect;

use super::super::geometry;
use super::super::keymap::Keymap;
use super::super::layout::ReaderLayout;
use super::super::state::{Find, NotesUi, Pane, RowItem, Screen, State};
use super::super::theme::Theme;
use super::super::tree;
use super::open_node;

impl State {
    pub fn new(corpus: Arc<Corpus>, lang: Lang, keymap: Keymap, theme: Theme) -> State {
        let mut s = State {
            corpus,
            lang,
            keymap,
            theme,
            focus: Pane::Tree,
            expanded: HashSet::new(),
            grouping: tree::Grouping::default(),
            groups: Vec::new(),
            groups_of: None,
            collapsed_groups: HashSet::new(),
            timeline_filter: String::new(),
            // Made when the timeline is first opened.
            timeline: Vec::new(),
            timeline_stale: true,
            text_match: None,
            rows: Vec::new(),
            tree_selected: 0,
            filter: String::new(),
            tree_filter: TreeFilter::default(),
            open: None,
            layout: ReaderLayout::default(),
            scroll: 0,
            link: None,
            marks: Vec::new(),
            reader_size: (60, 20),
            tree_height: 20,
            notes_visible: true,
            term_size: (80, 24),
            tree_pct: None,
            details: false,
            back: Vec::new(),
            forward: Vec::new(),
            find: Find::default(),
            screen: Screen::default(),
            message: None,
            quit: false,
            notes: crate::app::notes::Loaded::default(),
            notes_selected: 0,
            note_ranges: Vec::new(),
            rows_stale: false,
            notes_ui: NotesUi::default(),
        };
        if let Some(&first) = s.corpus.roots.first() {
            s.expanded.insert(first);
            s.open = Some(first);
        }
        // Folded before the first rows are made: the rows of every
        // document of a large library would be made for nothing.
        tree::fold_others(&mut s);
        // The open document's row, not the heading of its group.
        if let Some(open) = s.open
            && let Some(i) = s.rows.iter().position(|r| r.item == RowItem::Node(open))
        {
            s.tree_selected = i;
        }
        s.relayout();
        s
    }

    /// Reopens a kept place, if its node is still in the library; the
    /// text that was at the top of the view is at the top again.
    pub fn resume_at(&mut self, place: &crate::store::resume::Place) -> bool {
        let Some(node) = self.corpus.get(&place.node) else {
            return false;
        };
        open_node(self, node, false);
        self.scroll = place
            .paragraph
            .and_then(|p| self.layout.line_of(p, place.char))
            .unwrap_or(place.line);
        self.clamp_scroll();
        self.focus = Pane::Reader;
        true
    }
}

/// Tells the state how big the reader and the tree are now.
pub fn resize(s: &mut State, area: Rect) {
    let a = geometry::areas(area, s.tree_pct);
    let text = geometry::reader_text_area(area, s.tree_pct);
    if (text.width, text.height) != s.reader_size
        || a.tree.height.saturating_sub(2) != s.tree_height
    {
        s.resize((text.width, text.height), a.tree.height.saturating_sub(2));
    }
    s.notes_visible = a.notes.height > 0;
    s.term_size = (area.width, area.height);
    if !s.notes_visible && s.focus == Pane::Notes {
        s.focus = Pane::Reader;
    }
}
