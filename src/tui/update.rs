//! `update(state, action) -> effects`: every change of the interface, with
//! no I/O. The loop carries out the effects (searching on the finder's
//! thread) and feeds results back through the `apply_*` functions.

use super::action::Action;
use super::state::{Find, Finder, Overlay, Pane, State};
use super::tree;
use dossier_core::messages::messages;

mod find;
mod finder;
mod reader;
mod rows;
pub use find::{FIND_WINDOW, find_more, finding};
use find::{find_prompt, refind, step_hit};
pub use finder::apply_finder_update;
use finder::finder;
pub use reader::open_node;
use reader::{history, motion, open, peek, scroll_to, step_link};
pub use rows::settle;
use rows::{filter_prompt, set_expanded};

/// Work for the loop.
#[derive(Debug, Clone)]
pub enum Effect {
    /// Run a finder query on the search thread.
    Search(String),
    /// Work on the notes store (see `notes::update`).
    Notes(Box<super::notes::update::NotesOp>),
    /// Put text on the clipboard (see `share`).
    Copy(String),
    /// Open an address in the browser.
    OpenAddress(String),
}

/// The most hits the finder keeps.
pub const FINDER_LIMIT: usize = 200;

pub fn update(s: &mut State, a: Action) -> Vec<Effect> {
    use super::mode::Mode;
    use super::notes::update as notes;
    let mode = Mode::of(s);
    if matches!(
        mode,
        Mode::Editor | Mode::Overview | Mode::Export | Mode::Confirm
    ) {
        return notes::screen(s, a);
    }
    if s.overlay == Overlay::None && notes::takes(s, a) {
        settle(s);
        return notes::act(s, a);
    }
    // Keys typed into the tree filter only change the filter; anything
    // else first brings the tree up to date with it.
    if !(s.filter_editing && matches!(a, Action::Type(_) | Action::Erase | Action::ClearPrompt)) {
        settle(s);
    }
    s.message = None;
    if a == Action::Quit && !in_prompt(s) {
        s.quit = true;
        return Vec::new();
    }
    match s.overlay.clone() {
        Overlay::Help(h) => {
            let most = super::view::help_max_scroll(s, h.mode);
            match a {
                Action::Cancel | Action::Help | Action::Open => s.overlay = *h.over,
                Action::Down => s.help_scroll = (s.help_scroll + 1).min(most),
                Action::PageDown => s.help_scroll = (s.help_scroll + 10).min(most),
                Action::Bottom => s.help_scroll = most,
                Action::Up => s.help_scroll = s.help_scroll.saturating_sub(1),
                Action::PageUp => s.help_scroll = s.help_scroll.saturating_sub(10),
                Action::Top => s.help_scroll = 0,
                _ => {}
            }
            return Vec::new();
        }
        Overlay::Peek(_) | Overlay::LoadError(_) | Overlay::Timeline(_) if a == Action::Help => {
            open_help(s);
            return Vec::new();
        }
        Overlay::Peek(target) => {
            match a {
                Action::Open => {
                    s.overlay = Overlay::None;
                    open_node(s, target, true);
                }
                _ => s.overlay = Overlay::None,
            }
            return Vec::new();
        }
        Overlay::Finder(_) if a == Action::Help => {
            open_help(s);
            return Vec::new();
        }
        Overlay::Finder(f) => return finder(s, f, a),
        Overlay::Timeline(at) if s.timeline_typing => {
            match a {
                Action::Type(c) => s.timeline_filter.push(c),
                Action::Erase => {
                    s.timeline_filter.pop();
                }
                Action::ClearPrompt => s.timeline_filter.clear(),
                Action::Cancel => {
                    s.timeline_filter.clear();
                    s.timeline_typing = false;
                }
                Action::Open | Action::Down => s.timeline_typing = false,
                _ => return Vec::new(),
            }
            // The selection stays inside what is shown.
            let n = super::timeline::shown(s).len();
            s.overlay = Overlay::Timeline(at.min(n.saturating_sub(1)));
            return Vec::new();
        }
        Overlay::Timeline(at) => {
            let docs = super::timeline::shown(s);
            let last = docs.len().saturating_sub(1);
            match a {
                Action::Filter | Action::Find => s.timeline_typing = true,
                Action::Down => s.overlay = Overlay::Timeline((at + 1).min(last)),
                Action::Up => s.overlay = Overlay::Timeline(at.saturating_sub(1)),
                Action::Top | Action::PageUp => s.overlay = Overlay::Timeline(0),
                Action::Bottom | Action::PageDown => s.overlay = Overlay::Timeline(last),
                Action::Open => {
                    s.overlay = Overlay::None;
                    if let Some(&d) = docs.get(at) {
                        open_node(s, d, true);
                    }
                }
                Action::Cancel | Action::Timeline => s.overlay = Overlay::None,
                _ => {}
            }
            return Vec::new();
        }
        Overlay::LoadError(_) => {
            s.overlay = Overlay::None;
            return Vec::new();
        }
        Overlay::None => {}
    }
    if a == Action::Help {
        open_help(s);
        return Vec::new();
    }
    if s.find.editing {
        find_prompt(s, a);
        return Vec::new();
    }
    if s.filter_editing {
        filter_prompt(s, a);
        return Vec::new();
    }
    match a {
        Action::NextPane => s.focus = next_pane(s, true),
        Action::PrevPane => s.focus = next_pane(s, false),
        Action::Up
        | Action::Down
        | Action::PageUp
        | Action::PageDown
        | Action::Top
        | Action::Bottom => motion(s, a),
        Action::Open => open(s),
        Action::Expand if s.focus == Pane::Reader => step_link(s, true),
        Action::Collapse if s.focus == Pane::Reader => step_link(s, false),
        Action::Expand => set_expanded(s, true),
        Action::Collapse => set_expanded(s, false),
        // A link is the reader's: stepping to one from the notes pane
        // takes the focus there, so Enter follows it.
        Action::NextLink | Action::PrevLink => {
            if s.focus == Pane::Notes {
                s.focus = Pane::Reader;
            }
            step_link(s, a == Action::NextLink);
        }
        Action::Back => history(s, false),
        Action::Forward => history(s, true),
        Action::Peek => peek(s),
        Action::Find => {
            s.find = Find {
                editing: true,
                ..Find::default()
            };
            // A new search: the finder's marks no longer say anything.
            s.marks.clear();
        }
        Action::FindNext => step_hit(s, true),
        Action::FindPrev => step_hit(s, false),
        Action::Finder => {
            s.overlay = Overlay::Finder(Finder::default());
        }
        Action::Timeline => {
            // Starts on the document that is open, or the newest.
            let docs = super::timeline::shown(s);
            let here = s.open.and_then(|o| s.corpus.letter_of(o));
            let at = here
                .and_then(|h| docs.iter().position(|&d| d == h))
                .unwrap_or(docs.len().saturating_sub(1));
            s.overlay = Overlay::Timeline(at);
        }
        Action::GroupBy => {
            s.grouping = match s.grouping {
                tree::Grouping::Dossier => tree::Grouping::Theme,
                tree::Grouping::Theme => tree::Grouping::Dossier,
            };
            tree::rebuild(s);
            if let Some(open) = s.open {
                tree::reveal(s, open);
            }
        }
        Action::TreeWidth => {
            let views = super::view::TREE_WIDTHS;
            let at = views.iter().position(|&w| w == s.tree_pct).unwrap_or(0);
            s.tree_pct = views[(at + 1) % views.len()];
            let screen = ratatui::layout::Rect::new(0, 0, s.screen.0, s.screen.1);
            super::resize(s, screen);
            s.message = Some(format!(
                "{}: {}",
                Mode::Read.label(Action::TreeWidth, s.lang),
                s.tree_pct.map_or_else(
                    || messages(s.lang).browse.auto.to_string(),
                    |p| format!("{p}%")
                )
            ));
        }
        Action::Details => {
            s.details = !s.details;
            s.layout.lines.clear();
            s.relayout();
        }
        Action::Filter => {
            s.filter_editing = true;
            s.focus = Pane::Tree;
        }
        Action::Cancel => {
            if !s.find.hits.is_empty() || !s.find.query.is_empty() {
                s.find = Find::default();
            } else if !s.filter.is_empty() {
                s.filter.clear();
                tree::rebuild(s);
            }
            s.marks.clear();
        }
        Action::FoldAll => tree::fold_all(s),
        Action::UnfoldAll => tree::unfold_all(s),
        Action::Copy => return super::share::copy(s),
        Action::OpenAddress => return super::share::open_address(s),
        Action::Help | Action::Quit | Action::Type(_) | Action::Erase | Action::Key(_) => {}
        // The annotation screens' own actions (see `notes::update`).
        Action::Save
        | Action::NextField
        | Action::PrevField
        | Action::NextValue
        | Action::PrevValue
        | Action::Sort
        | Action::ActionList
        | Action::ToggleDone
        | Action::ClearPrompt
        | Action::Yes
        | Action::No => {}
        // Annotation actions are taken by `notes::update::act` first.
        Action::Select
        | Action::Annotate
        | Action::Edit
        | Action::Delete
        | Action::Undo
        | Action::Overview
        | Action::Export
        | Action::NextSentence
        | Action::PrevSentence
        | Action::NextParagraph
        | Action::PrevParagraph => {}
    }
    Vec::new()
}

/// Opens the help on the keys of the mode in force, over what is open.
pub fn open_help(s: &mut State) {
    let mode = super::mode::Mode::of(s);
    open_help_for(s, mode);
}

/// Opens the help on the keys of `mode` (an annotation screen's, which
/// only the notes session knows).
pub fn open_help_for(s: &mut State, mode: super::mode::Mode) {
    let over = Box::new(std::mem::take(&mut s.overlay));
    s.overlay = Overlay::Help(super::state::HelpView { mode, over });
    s.help_scroll = 0;
}

/// Whether keys currently type into a prompt.
pub fn in_prompt(s: &State) -> bool {
    s.find.editing || s.filter_editing || matches!(s.overlay, Overlay::Finder(_))
}

/// The next pane on the screen: a hidden notes pane is skipped.
fn next_pane(s: &State, forward: bool) -> Pane {
    let step = |p: Pane| match (p, forward) {
        (Pane::Tree, true) | (Pane::Notes, false) => Pane::Reader,
        (Pane::Reader, true) | (Pane::Tree, false) => Pane::Notes,
        (Pane::Notes, true) | (Pane::Reader, false) => Pane::Tree,
    };
    let next = step(s.focus);
    if next == Pane::Notes && !s.notes_visible {
        step(next)
    } else {
        next
    }
}

#[cfg(test)]
mod tests;
