//! The interface as plain data. The update function changes it; the view
//! only reads it.

use std::collections::HashSet;
use std::sync::Arc;

use dossier_core::search::Hit;
use dossier_core::{Corpus, NodeIdx};

use dossier_core::annotation::Annotation;

use super::keymap::Keymap;
use super::layout::ReaderLayout;
use super::mode::Mode;
use super::notes::editor::NoteEditor;
use super::notes::export_dialog::ExportDialog;
use super::notes::overview::Overview;
use super::theme::Theme;
use dossier_core::lang::Lang;
use dossier_core::tree::{Group, Grouping, TreeFilter as Filter};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pane {
    Tree,
    Reader,
    Notes,
}

/// One row of the tree as shown.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TreeRow {
    pub item: RowItem,
    pub depth: usize,
    pub has_children: bool,
    pub expanded: bool,
    /// Whether the node matched the filter itself, not only something
    /// under it (its title's matched characters are found when drawn).
    pub hit: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RowItem {
    Node(NodeIdx),
    /// A heading of the tree: index into `State::groups`.
    Group(usize),
    /// A dossier file that failed to load: index into `corpus.errors`.
    Error(usize),
}

/// Where the reader was, for back and forward.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Place {
    pub node: NodeIdx,
    pub scroll: usize,
    pub link: Option<usize>,
}

/// Find in the open text (its prompt is [`Reading::FindPrompt`]).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Find {
    pub query: String,
    /// Hits as (paragraph, first char, end char), in reading order.
    pub hits: Vec<(usize, usize, usize)>,
    pub current: usize,
    /// The search of the open text while it goes on: a window at a time
    /// (see [`crate::tui::update::find_more`]), dropped by the next key.
    pub job: Option<dossier_core::find::FindJob>,
    /// The view moves to the first hit at or after its top once found.
    pub jump: bool,
}

/// The fuzzy finder over everything.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Finder {
    pub query: String,
    pub hits: Vec<Hit>,
    pub selected: usize,
    /// The query the shown hits answer, and whether they are final.
    pub shown_query: String,
    pub done: bool,
    /// Enter came before the final results of the query typed: the best
    /// of them opens when they arrive.
    pub open_when_ready: bool,
}

/// A passage being selected: (paragraph, char) of its anchor and of its
/// moving end.
pub type Selection = ((usize, usize), (usize, usize));

/// What the three panes are doing when nothing is over them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Reading {
    #[default]
    Browse,
    /// A passage being selected (`v`).
    Selecting(Selection),
    /// Typing the find in the open text (`/`); the query is `State::find`.
    FindPrompt,
    /// Typing the tree filter (`f`); the filter is `State::filter`.
    FilterPrompt,
}

/// The note editor as a screen: the note, what it replaces, and where
/// saving or cancelling goes back to.
#[derive(Debug, Clone)]
pub struct EditorScreen {
    pub editor: NoteEditor,
    /// The note as stored, when an existing one is edited.
    pub before: Option<Annotation>,
    /// Opened from the overview: saving or cancelling goes back there.
    pub from_overview: bool,
}

/// The screen in force, with the data only it has. One value, so two
/// screens that exclude each other (the finder and the note editor) cannot
/// both be up; the mode is read off it ([`Screen::mode`]).
#[derive(Debug, Clone)]
pub enum Screen {
    /// The tree, the text and the notes pane.
    Read(Reading),
    /// The fuzzy finder over the library.
    Finder(Finder),
    /// A footnote, annex or reference in a popup.
    Peek(NodeIdx),
    /// A dossier file that failed to load: index into `corpus.errors`.
    LoadError(usize),
    /// The documents by date: the selected one's index in the documents
    /// shown, and whether keys type into its filter.
    Timeline {
        at: usize,
        typing: bool,
    },
    /// The keys of the screen under it, scrolled to row `scroll`; closing
    /// it brings that screen back.
    Help {
        over: Box<Screen>,
        scroll: usize,
    },
    Editor(Box<EditorScreen>),
    /// All annotations (its filter is `NotesUi::overview`, kept closed).
    Overview,
    Export(ExportDialog),
}

impl Default for Screen {
    fn default() -> Screen {
        Screen::Read(Reading::Browse)
    }
}

impl Screen {
    /// The mode in force on this screen, with `focus` the pane that has
    /// the focus.
    pub fn mode(&self, focus: Pane) -> Mode {
        match self {
            Screen::Read(Reading::Browse) => match focus {
                Pane::Tree => Mode::Tree,
                Pane::Reader => Mode::Text,
                Pane::Notes => Mode::Notes,
            },
            Screen::Read(Reading::Selecting(_)) => Mode::Select,
            Screen::Read(Reading::FindPrompt) => Mode::Find,
            Screen::Read(Reading::FilterPrompt) => Mode::Filter,
            Screen::Finder(_) => Mode::Finder,
            Screen::Peek(_) => Mode::Peek,
            Screen::LoadError(_) => Mode::Error,
            // Typing the timeline's filter: the keys of the tree's.
            Screen::Timeline { typing: true, .. } => Mode::Filter,
            Screen::Timeline { .. } => Mode::Timeline,
            Screen::Help { .. } => Mode::Help,
            Screen::Editor(e) if e.editor.confirming => Mode::Confirm,
            Screen::Editor(_) => Mode::Editor,
            Screen::Overview => Mode::Overview,
            Screen::Export(d) if d.confirming => Mode::Confirm,
            Screen::Export(_) => Mode::Export,
        }
    }

    /// The screen under the help, if it is up; else this one.
    pub fn base(&self) -> &Screen {
        match self {
            Screen::Help { over, .. } => over.base(),
            other => other,
        }
    }

    /// Whether this is one of the annotation screens (editor, overview,
    /// export), which take every key.
    pub fn is_notes(&self) -> bool {
        matches!(
            self,
            Screen::Editor(_) | Screen::Overview | Screen::Export(_)
        )
    }
}

/// The annotation screens' data that outlives them.
#[derive(Debug, Clone, Default)]
pub struct NotesUi {
    /// The overview's filter and order, kept while it is closed (the
    /// export dialog offers its filter).
    pub overview: Overview,
    /// Written into each new note.
    pub author: String,
}

/// Characters to mark in the open text after a finder jump: (paragraph, char).
pub type Marks = Vec<(usize, usize)>;

/// The roots the library's index matches for a filter's text (every word
/// whole or as a word's start, no typos), in no order: what the tree
/// filter and the timeline find in the documents' text. Given once the
/// index is open.
pub type TextMatch = Arc<dyn Fn(&str) -> Vec<NodeIdx> + Send + Sync>;

pub struct State {
    pub corpus: Arc<Corpus>,
    pub lang: Lang,
    pub keymap: Keymap,
    pub theme: Theme,
    pub focus: Pane,
    pub expanded: HashSet<NodeIdx>,
    /// How the top of the tree is grouped, its groups, and the keys of
    /// those the user closed.
    pub grouping: Grouping,
    pub groups: Vec<Group>,
    /// The grouping `groups` were made for: they are made again only when
    /// it changes (the corpus does not), not on every fold.
    pub groups_of: Option<Grouping>,
    pub collapsed_groups: HashSet<String>,
    /// The timeline's filter, kept while it is closed.
    pub timeline_filter: String,
    /// The documents the timeline shows, oldest first: those of
    /// `timeline_filter` unless `timeline_stale`.
    pub timeline: Vec<NodeIdx>,
    /// The timeline's filter changed (or the index came) and `timeline`
    /// does not show it yet: see [`super::update::settle`].
    pub timeline_stale: bool,
    /// The documents' text as the filters search it, once the library's
    /// index is open; until then they match titles and labels alone.
    pub text_match: Option<TextMatch>,
    pub rows: Vec<TreeRow>,
    pub tree_selected: usize,
    pub filter: String,
    /// `filter` as parsed for the rows shown.
    pub tree_filter: Filter,
    pub open: Option<NodeIdx>,
    pub layout: ReaderLayout,
    pub scroll: usize,
    pub link: Option<usize>,
    pub marks: Marks,
    /// Width and height of the reader's text area, set by the loop.
    pub reader_size: (u16, u16),
    pub tree_height: u16,
    /// Whether the screen has room for the notes pane; set by the loop.
    pub notes_visible: bool,
    /// The whole terminal, width and height; set by the loop.
    pub term_size: (u16, u16),
    /// The tree's width chosen with `w`, in percent; `None` follows the
    /// window.
    pub tree_pct: Option<u16>,
    /// All of a node's details above its text, not one line (`i`).
    pub details: bool,
    pub back: Vec<Place>,
    pub forward: Vec<Place>,
    pub find: Find,
    /// The screen in force.
    pub screen: Screen,
    pub message: Option<String>,
    pub quit: bool,
    /// The annotations as last read from the store, placed in the corpus.
    pub notes: crate::app::notes::Loaded,
    pub notes_selected: usize,
    /// Highlight ranges of annotated passages, per paragraph of the open node.
    pub note_ranges: Vec<Vec<(usize, usize)>>,
    /// The tree filter changed and `rows` do not show it yet: see
    /// [`super::update::settle`].
    pub rows_stale: bool,
    /// The overview's filter and the author of new notes.
    pub notes_ui: NotesUi,
}

impl State {
    /// Lays the open node out again when it or the width changed.
    pub fn relayout(&mut self) {
        let Some(node) = self.open else { return };
        let width = self.reader_size.0.max(1);
        if self.layout.node != node
            || self.layout.width != width
            || self.layout.lang != Some(self.lang)
            || self.layout.lines.is_empty()
        {
            // At a new width the same node keeps the text at the top in view.
            let anchor = (self.layout.node == node)
                .then(|| self.layout.lines.get(self.scroll))
                .flatten()
                .and_then(|l| l.segs.iter().find_map(|g| g.para.map(|p| (p, g.start))));
            let key = self
                .keymap
                .table(Mode::Text)
                .first(super::action::Action::Details);
            let details = if self.details {
                super::layout::Details::All
            } else {
                super::layout::Details::Line(&key)
            };
            self.layout = super::layout::layout_with(&self.corpus, node, width, self.lang, details);
            if let Some((p, c)) = anchor
                && let Some(line) = self.layout.line_of(p, c)
            {
                self.scroll = line;
            }
            self.refresh_note_ranges();
        }
        self.clamp_scroll();
    }

    /// Called by the loop when the terminal size changes.
    pub fn resize(&mut self, reader: (u16, u16), tree_height: u16) {
        self.reader_size = reader;
        self.tree_height = tree_height;
        self.relayout();
    }

    pub fn max_scroll(&self) -> usize {
        self.layout
            .lines
            .len()
            .saturating_sub(usize::from(self.reader_size.1.max(1)))
    }

    pub fn clamp_scroll(&mut self) {
        self.scroll = self.scroll.min(self.max_scroll());
    }

    pub fn place(&self) -> Option<Place> {
        self.open.map(|node| Place {
            node,
            scroll: self.scroll,
            link: self.link,
        })
    }

    /// Recomputes the highlights of annotated passages in the open node.
    pub fn refresh_note_ranges(&mut self) {
        self.note_ranges = match self.open {
            Some(node) => match self.corpus.body(node) {
                Ok(doc) => {
                    let ranges = self.notes.index.highlights(node, &self.notes.notes);
                    super::notes::annotate::per_paragraph(doc, &ranges)
                }
                // Nothing to highlight in a text that cannot be read.
                Err(_) => Vec::new(),
            },
            None => Vec::new(),
        };
    }

    /// Replaces the annotations shown (after a load or a change).
    pub fn set_notes(&mut self, notes: crate::app::notes::Loaded) {
        self.notes = notes;
        self.refresh_note_ranges();
    }

    pub fn selected_row(&self) -> Option<&TreeRow> {
        self.rows.get(self.tree_selected)
    }

    /// Whether a find is still searching the open text.
    pub fn finding(&self) -> bool {
        self.find.job.is_some()
    }

    /// The mode in force.
    pub fn mode(&self) -> Mode {
        self.screen.mode(self.focus)
    }

    /// The mode of the screen under the help (or of the screen in force).
    pub fn base_mode(&self) -> Mode {
        self.screen.base().mode(self.focus)
    }

    /// The passage being selected, also under the help.
    pub fn selection(&self) -> Option<Selection> {
        match self.screen.base() {
            Screen::Read(Reading::Selecting(sel)) => Some(*sel),
            _ => None,
        }
    }

    /// Lets a selection go (the reader stays).
    pub fn drop_selection(&mut self) {
        if let Screen::Read(r @ Reading::Selecting(_)) = &mut self.screen {
            *r = Reading::Browse;
        }
    }

    /// Whether keys type into the find or the filter prompt (also under
    /// the help).
    pub fn prompt(&self) -> Option<Reading> {
        match self.screen.base() {
            Screen::Read(r @ (Reading::FindPrompt | Reading::FilterPrompt)) => Some(*r),
            _ => None,
        }
    }
}

impl State {
    /// Where the reader is, to be reopened at the next start.
    pub fn resume_place(&self) -> Option<crate::store::resume::Place> {
        let node = self.open?;
        let top = self
            .layout
            .lines
            .get(self.scroll)
            .and_then(|l| l.segs.iter().find_map(|g| g.para.map(|p| (p, g.start))));
        Some(crate::store::resume::Place {
            node: self.corpus.node(node).id.clone(),
            paragraph: top.map(|(p, _)| p),
            char: top.map_or(0, |(_, c)| c),
            line: self.scroll,
        })
    }
}
