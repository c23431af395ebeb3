//! `update(state, action) -> effects`: every change of the interface, with
//! no I/O. The loop carries out the effects (searching on the finder's
//! thread) and feeds results back through the `apply_*` functions.

use super::action::Action;
use super::i18n::{T, t};
use super::state::{Find, Finder, Pane, Reading, Screen, State};
use super::tree;

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
    use super::notes::update as notes;
    if s.screen.is_notes() {
        return notes::screen(s, a);
    }
    if matches!(s.screen, Screen::Read(_)) && notes::takes(s, a) {
        settle(s);
        return notes::act(s, a);
    }
    // Keys typed into the tree filter only change the filter; anything
    // else first brings the tree up to date with it.
    let typing = matches!(a, Action::Type(_) | Action::Erase | Action::ClearPrompt);
    if !(s.prompt() == Some(Reading::FilterPrompt) && typing) {
        settle(s);
    }
    s.message = None;
    if a == Action::Quit && !in_prompt(s) {
        s.quit = true;
        return Vec::new();
    }
    let screen = std::mem::take(&mut s.screen);
    match screen {
        Screen::Help { over, scroll } => {
            let most = super::view::help_max_scroll(s, over.mode());
            let scroll = match a {
                Action::Cancel | Action::Help | Action::Open => {
                    s.screen = *over;
                    return Vec::new();
                }
                Action::Down => (scroll + 1).min(most),
                Action::PageDown => (scroll + 10).min(most),
                Action::Bottom => most,
                Action::Up => scroll.saturating_sub(1),
                Action::PageUp => scroll.saturating_sub(10),
                Action::Top => 0,
                _ => scroll,
            };
            s.screen = Screen::Help { over, scroll };
            return Vec::new();
        }
        screen @ (Screen::Peek(_)
        | Screen::LoadError(_)
        | Screen::Timeline { .. }
        | Screen::Finder(_))
            if a == Action::Help =>
        {
            s.screen = screen;
            open_help(s);
            return Vec::new();
        }
        Screen::Peek(target) => {
            if a == Action::Open {
                open_node(s, target, true);
            }
            return Vec::new();
        }
        Screen::Finder(f) => return finder(s, f, a),
        Screen::Timeline { at, typing: true } => {
            let typing = match a {
                Action::Type(c) => {
                    s.timeline_filter.push(c);
                    true
                }
                Action::Erase => {
                    s.timeline_filter.pop();
                    true
                }
                Action::ClearPrompt => {
                    s.timeline_filter.clear();
                    true
                }
                Action::Cancel => {
                    s.timeline_filter.clear();
                    false
                }
                Action::Open | Action::Down => false,
                _ => {
                    s.screen = Screen::Timeline { at, typing: true };
                    return Vec::new();
                }
            };
            // The selection stays inside what is shown.
            let n = super::timeline::shown(s).len();
            let at = at.min(n.saturating_sub(1));
            s.screen = Screen::Timeline { at, typing };
            return Vec::new();
        }
        Screen::Timeline { at, typing: false } => {
            let docs = super::timeline::shown(s);
            let last = docs.len().saturating_sub(1);
            let at = match a {
                Action::Filter | Action::Find => {
                    s.screen = Screen::Timeline { at, typing: true };
                    return Vec::new();
                }
                Action::Down => (at + 1).min(last),
                Action::Up => at.saturating_sub(1),
                Action::Top | Action::PageUp => 0,
                Action::Bottom | Action::PageDown => last,
                Action::Open => {
                    if let Some(&d) = docs.get(at) {
                        open_node(s, d, true);
                    }
                    return Vec::new();
                }
                Action::Cancel | Action::Timeline => return Vec::new(),
                _ => at,
            };
            s.screen = Screen::Timeline { at, typing: false };
            return Vec::new();
        }
        Screen::LoadError(_) => return Vec::new(),
        other => s.screen = other,
    }
    if a == Action::Help {
        open_help(s);
        return Vec::new();
    }
    match s.screen {
        Screen::Read(Reading::FindPrompt) => {
            find_prompt(s, a);
            return Vec::new();
        }
        Screen::Read(Reading::FilterPrompt) => {
            filter_prompt(s, a);
            return Vec::new();
        }
        _ => {}
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
            let views = super::view::TREE_WIDTHS;
            let at = views.iter().position(|&w| w == s.tree_pct).unwrap_or(0);
            s.tree_pct = views[(at + 1) % views.len()];
            let screen = ratatui::layout::Rect::new(0, 0, s.term_size.0, s.term_size.1);
            super::resize(s, screen);
            s.message = Some(format!(
                "{}: {}",
                super::i18n::action(s.lang, Action::TreeWidth),
                s.tree_pct
                    .map_or_else(|| t(s.lang, T::Auto).to_string(), |p| format!("{p}%"))
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
    let over = Box::new(std::mem::take(&mut s.screen));
    s.screen = Screen::Help { over, scroll: 0 };
}

/// Whether keys currently type into a prompt.
pub fn in_prompt(s: &State) -> bool {
    s.prompt().is_some() || matches!(s.screen, Screen::Finder(_))
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
