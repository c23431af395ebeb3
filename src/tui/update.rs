//! `update(state, action) -> effects`: every change of the interface, with
//! no I/O. The loop carries out the effects (searching on the finder's
//! thread) and feeds results back through the `apply_*` functions.

use super::action::Action;
use super::state::{Find, Finder, Pane, Reading, Screen, State};
use super::tree;
use dossier_core::messages::messages;

mod find;
mod finder;
pub mod notes;
mod popups;
mod reader;
mod rows;
mod selection;
mod share;
mod start;
pub use find::{FIND_WINDOW, find_more};
use find::{find_prompt, refind, step_hit};
pub use finder::apply_finder_update;
use finder::finder;
pub use reader::open_node;
use reader::{follow_link, history, motion, open_row, peek, scroll_to, step_link};
use rows::{filter_prompt, set_expanded};
pub use start::resize;

/// Work for the loop.
#[derive(Debug, Clone)]
pub enum Effect {
    /// Run a finder query on the search thread.
    Search(String),
    /// Work on the notes store (see `update/notes.rs`).
    Notes(Box<notes::NotesOp>),
    /// Put text on the clipboard (see `share`).
    Copy(String),
    /// Open an address in the browser.
    OpenAddress(String),
}

/// The most hits the finder keeps.
pub const FINDER_LIMIT: usize = 200;

pub fn update(s: &mut State, a: Action) -> Vec<Effect> {
    if s.screen.is_notes() {
        return notes::screen(s, a);
    }
    if matches!(s.screen, Screen::Read(_)) && notes::takes(s, a) {
        settle(s);
        return notes::act(s, a);
    }
    // Keys typed into the tree's or the timeline's filter only change the
    // filter; anything else first brings both up to date with theirs.
    let typing = matches!(a, Action::Type(_) | Action::Erase | Action::ClearPrompt);
    let filtering = s.prompt() == Some(Reading::FilterPrompt)
        || matches!(s.screen, Screen::Timeline { typing: true, .. });
    if !(filtering && typing) {
        settle(s);
    }
    s.message = None;
    match a {
        Action::Quit => {
            s.quit = true;
            return Vec::new();
        }
        Action::Help if !matches!(s.screen, Screen::Help { .. }) => {
            open_help(s);
            return Vec::new();
        }
        _ => {}
    }
    match s.screen {
        Screen::Read(Reading::FindPrompt) => find_prompt(s, a),
        Screen::Read(Reading::FilterPrompt) => filter_prompt(s, a),
        Screen::Read(_) => return browse(s, a),
        _ => match std::mem::take(&mut s.screen) {
            Screen::Finder(f) => return finder(s, f, a),
            Screen::Help { over, scroll } => popups::help(s, *over, scroll, a),
            Screen::Peek(target) => popups::peek(s, target, a),
            Screen::LoadError(i) => popups::load_error(s, i, a),
            Screen::Timeline { at, typing } => popups::timeline(s, at, typing, a),
            other => s.screen = other,
        },
    }
    Vec::new()
}

/// The reading screen's actions, the selection's and the notes' aside
/// (see `update/notes.rs`).
fn browse(s: &mut State, a: Action) -> Vec<Effect> {
    match a {
        Action::NextPane => s.focus = next_pane(s, true),
        Action::PrevPane => s.focus = next_pane(s, false),
        Action::Up
        | Action::Down
        | Action::PageUp
        | Action::PageDown
        | Action::Top
        | Action::Bottom => motion(s, a),
        Action::Open => open_row(s),
        Action::FollowLink => follow_link(s),
        Action::ExpandNode => set_expanded(s, true),
        Action::CollapseNode => set_expanded(s, false),
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
            s.find = Find::default();
            s.screen = Screen::Read(Reading::FindPrompt);
            // A new search: the finder's marks no longer say anything.
            s.marks.clear();
        }
        Action::FindNext => step_hit(s, true),
        Action::FindPrev => step_hit(s, false),
        Action::Finder => {
            s.screen = Screen::Finder(Finder::default());
        }
        Action::Timeline => {
            // Starts on the document that is open, or the newest.
            let docs = super::timeline::shown(s);
            let here = s.open.and_then(|o| s.corpus.letter_of(o));
            let at = here
                .and_then(|h| docs.iter().position(|&d| d == h))
                .unwrap_or(docs.len().saturating_sub(1));
            s.screen = Screen::Timeline { at, typing: false };
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
            let views = super::geometry::TREE_WIDTHS;
            let at = views.iter().position(|&w| w == s.tree_pct).unwrap_or(0);
            s.tree_pct = views[(at + 1) % views.len()];
            let screen = ratatui::layout::Rect::new(0, 0, s.term_size.0, s.term_size.1);
            resize(s, screen);
            s.message = Some(format!(
                "{}: {}",
                super::help::words(messages(s.lang), Action::TreeWidth),
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
            s.screen = Screen::Read(Reading::FilterPrompt);
            s.focus = Pane::Tree;
        }
        Action::ClearSearch => {
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
        Action::Copy => return share::copy(s),
        Action::OpenAddress => return share::open_address(s),
        // The other modes' actions.
        _ => {}
    }
    Vec::new()
}

/// Brings the tree's rows and the timeline up to date with their filters.
/// The loop calls it before drawing, after taking every key that was
/// already waiting: over thousands of dossiers filtering costs more than
/// a keystroke's time, and a burst of typed letters then costs one
/// filtering, not one each. A filter that is not empty is handed to the
/// filters' thread instead, where there is one (see `tui::filter_worker`).
pub fn settle(s: &mut State) {
    rows::settle(s);
    super::timeline::settle(s);
}

/// The library's index is open: the filters find the documents' text
/// from now on, and a filter in force is run again.
pub fn text_match_ready(s: &mut State, text_match: super::state::TextMatch) {
    s.text_match = Some(text_match);
    s.rows_stale |= !s.filter.is_empty();
    s.timeline_stale |= !s.timeline_filter.is_empty();
}

/// Opens the help on the keys of the mode in force, over what is open.
pub fn open_help(s: &mut State) {
    let over = Box::new(std::mem::take(&mut s.screen));
    s.screen = Screen::Help { over, scroll: 0 };
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
#[cfg(test)]
mod text_tests;
