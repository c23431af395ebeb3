//! The finder overlay: the query typed, its hits as they arrive, and the
//! chosen hit opened.

use dossier_core::search::FinderUpdate;

use super::super::state::{Find, Finder, Pane, Screen, State};
use super::{Effect, open_node, scroll_to};
use crate::tui::action::Action;

/// The finder's keys; `f` is the finder taken off the screen, which is the
/// reader's until it is put back.
pub(super) fn finder(s: &mut State, mut f: Finder, a: Action) -> Vec<Effect> {
    s.screen = Screen::default();
    let mut effects = Vec::new();
    match a {
        Action::Type(c) => {
            f.query.push(c);
            f.open_when_ready = false;
            effects.push(Effect::Search(f.query.clone()));
        }
        Action::Erase | Action::ClearPrompt => {
            if a == Action::ClearPrompt {
                f.query.clear();
            } else {
                f.query.pop();
            }
            f.open_when_ready = false;
            effects.push(Effect::Search(f.query.clone()));
        }
        Action::Up => f.selected = f.selected.saturating_sub(1),
        Action::Down => f.selected = (f.selected + 1).min(f.hits.len().saturating_sub(1)),
        Action::Cancel => return effects,
        // Typed and Enter at once: the hits shown may answer an earlier
        // prefix, or be the best so far. Unless one was chosen with the
        // arrows, the best hit of the whole query opens when it is known.
        Action::Open
            if f.selected == 0 && !f.query.is_empty() && (f.shown_query != f.query || !f.done) =>
        {
            f.open_when_ready = true;
        }
        Action::Open => {
            if let Some(hit) = f.hits.get(f.selected).cloned() {
                // A find of the text left behind does not apply to this one.
                s.find = Find::default();
                open_node(s, hit.node, true);
                if let Some(p) = hit.passage {
                    s.marks = hit.positions.iter().map(|&c| (p, c)).collect();
                    let ch = hit.positions.first().copied().unwrap_or(0);
                    if let Some(line) = s
                        .layout
                        .line_of(p, ch)
                        .or_else(|| s.layout.first_line_of(p))
                    {
                        scroll_to(s, line);
                    }
                }
                s.focus = Pane::Reader;
            }
            return effects;
        }
        _ => {}
    }
    s.screen = Screen::Finder(f);
    effects
}

/// Shows the finder's results as they arrive; stale ones are ignored.
pub fn apply_finder_update(s: &mut State, u: FinderUpdate) {
    if let Screen::Finder(f) = &mut s.screen
        && u.query == f.query
    {
        f.hits = u.hits;
        f.shown_query = u.query;
        f.done = u.done;
        f.selected = f.selected.min(f.hits.len().saturating_sub(1));
        if f.done && f.open_when_ready {
            f.open_when_ready = false;
            if !f.hits.is_empty() {
                let f = f.clone();
                finder(s, f, Action::Open);
            }
        }
    }
}
