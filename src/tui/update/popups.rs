//! The screens over the reading screen: the help, a peek at a footnote,
//! a file that failed to load and the timeline. Each is taken off the
//! screen before its action; the reading screen is in force until it is
//! put back.

use super::super::state::{Screen, State};
use super::open_node;
use crate::tui::action::Action;

/// The help over `over`, scrolled to `scroll`: scrolls, or closes.
pub(super) fn help(s: &mut State, over: Screen, scroll: usize, a: Action) {
    let mode = over.mode(s.focus);
    let most = crate::tui::help::max_scroll(&s.keymap, s.lang, mode, s.term_size);
    let scroll = match a {
        Action::Close => {
            s.screen = over;
            return;
        }
        Action::Down => (scroll + 1).min(most),
        Action::PageDown => (scroll + 10).min(most),
        Action::Bottom => most,
        Action::Up => scroll.saturating_sub(1),
        Action::PageUp => scroll.saturating_sub(10),
        Action::Top => 0,
        _ => scroll,
    };
    s.screen = Screen::Help {
        over: Box::new(over),
        scroll,
    };
}

/// A footnote, annex or reference in a popup: opened, or closed.
pub(super) fn peek(s: &mut State, target: usize, a: Action) {
    match a {
        Action::Open => open_node(s, target, true),
        Action::Close => {}
        _ => s.screen = Screen::Peek(target),
    }
}

pub(super) fn load_error(s: &mut State, i: usize, a: Action) {
    if a != Action::Close {
        s.screen = Screen::LoadError(i);
    }
}

/// The documents by date, and the filter typed over them.
pub(super) fn timeline(s: &mut State, at: usize, typing: bool, a: Action) {
    if typing {
        let before = s.timeline_filter.clone();
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
            Action::Done => false,
            _ => true,
        };
        // Filtered before the next frame (see `update::settle`); the
        // selection stays inside what is shown.
        s.timeline_stale |= s.timeline_filter != before;
        let at = at.min(s.timeline.len().saturating_sub(1));
        s.screen = Screen::Timeline { at, typing };
        return;
    }
    let docs = crate::tui::timeline::shown(s);
    let last = docs.len().saturating_sub(1);
    let at = match a {
        Action::FilterTimeline => {
            s.screen = Screen::Timeline { at, typing: true };
            return;
        }
        Action::Down => (at + 1).min(last),
        Action::Up => at.saturating_sub(1),
        Action::Top => 0,
        Action::Bottom => last,
        Action::Open => {
            if let Some(d) = docs.get(at).copied() {
                open_node(s, d, true);
            }
            return;
        }
        Action::Close => return,
        _ => at,
    };
    s.screen = Screen::Timeline { at, typing: false };
}
