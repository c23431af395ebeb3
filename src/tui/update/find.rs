//! Find in the open text (`/`): the query typed, the search a window at a
//! time, the view moved to the hits.

use super::super::state::{Find, Reading, Screen, State};
use super::scroll_to;
use crate::tui::action::Action;
use dossier_core::messages::messages;

pub(super) fn find_prompt(s: &mut State, a: Action) {
    match a {
        Action::Type(c) => {
            s.find.query.push(c);
            refind(s, true);
        }
        Action::Erase => {
            s.find.query.pop();
            refind(s, true);
        }
        Action::ClearPrompt => {
            s.find.query.clear();
            refind(s, false);
        }
        Action::Done => s.screen = Screen::Read(Reading::Browse),
        Action::Cancel => {
            s.find = Find::default();
            s.screen = Screen::Read(Reading::Browse);
        }
        _ => {}
    }
}

/// The characters of the open text a find searches before the screen is
/// drawn again and keys are read: a few milliseconds' work.
pub const FIND_WINDOW: usize = 64 * 1024;

/// Starts the find of the query in the open text again, dropping the one
/// under way; the first window is searched at once, the rest by
/// [`find_more`] between frames. With `jump`, the view moves to the first
/// hit at or after its top.
pub(super) fn refind(s: &mut State, jump: bool) {
    s.find.hits.clear();
    s.find.current = 0;
    s.find.jump = jump;
    s.find.job = match s.open.map(|node| s.corpus.body(node)) {
        Some(Ok(_)) => Some(dossier_core::find::FindJob::new(&s.find.query)),
        // The reader says why; the notice is no text to find in.
        Some(Err(_)) => {
            if !s.find.query.is_empty() {
                s.message = Some(messages(s.lang).browse.unreadable_here.into());
            }
            None
        }
        None => None,
    };
    find_more(s, FIND_WINDOW);
}

/// Searches about `budget` more characters of the open text for the find
/// under way: its hits join those shown, and the view moves to the first
/// one at or after its top as soon as it is found (to the first of all
/// when the search ends with none after it).
pub fn find_more(s: &mut State, budget: usize) {
    let Some(mut job) = s.find.job.take() else {
        s.find.jump = false;
        return;
    };
    let done = match s.open.map(|node| s.corpus.body(node)) {
        Some(Ok(doc)) => job.step(doc, budget),
        _ => true,
    };
    let first_new = s.find.hits.len();
    s.find.hits.append(&mut job.hits);
    if !done {
        s.find.job = Some(job);
    }
    if s.find.jump {
        // The first hit at or after the text at the top of the view: the
        // hits are in reading order, so it is found by halving, and the
        // view's place is read once, not the line of every hit.
        let new = &s.find.hits[first_new..];
        let after_top = top_of_view(s)
            .map(|top| new.partition_point(|&(p, c, _)| (p, c) < top))
            .filter(|&i| i < new.len());
        if let Some(i) = after_top {
            s.find.current = first_new + i;
        }
        if after_top.is_some() || (done && !s.find.hits.is_empty()) {
            s.find.jump = false;
            jump_to_hit(s);
        }
    }
}

/// The paragraph and character of the first text at or below the top of
/// the view.
fn top_of_view(s: &State) -> Option<(usize, usize)> {
    s.layout
        .lines
        .iter()
        .skip(s.scroll)
        .flat_map(|l| l.segs.iter())
        .find_map(|seg| seg.para.map(|p| (p, seg.start)))
}

/// Moves the view to the current hit.
fn jump_to_hit(s: &mut State) {
    let Some(&(p, c, _)) = s.find.hits.get(s.find.current) else {
        return;
    };
    if let Some(line) = s.layout.line_of(p, c) {
        scroll_to(s, line);
    }
}

pub(super) fn step_hit(s: &mut State, forward: bool) {
    let n = s.find.hits.len();
    if n == 0 {
        s.message = Some(messages(s.lang).browse.no_hits.into());
        return;
    }
    s.find.current = if forward {
        (s.find.current + 1) % n
    } else {
        (s.find.current + n - 1) % n
    };
    jump_to_hit(s);
}
