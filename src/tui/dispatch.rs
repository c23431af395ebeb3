//! Where a key goes, decided in one place for the loop and for the tests:
//! Ctrl-c quits from everywhere (an open note kept as a draft); Ctrl-z
//! suspends outside the annotation screens; every other key becomes an
//! action of the mode in force (see `input.rs`) for the update function.

use crossterm::event::{KeyEvent, KeyEventKind};

use super::input;
use super::state::State;
use super::update::{self, Effect};

/// What the loop does after a key.
#[derive(Debug)]
pub enum Routed {
    /// Work for the loop (a search, a change to the notes store).
    Effects(Vec<Effect>),
    /// Ctrl-z: give the terminal back and stop.
    Suspend,
}

pub fn key(s: &mut State, k: KeyEvent) -> Routed {
    if k.kind == KeyEventKind::Release {
        return Routed::Effects(Vec::new());
    }
    // Ctrl-c leaves from every screen; an open note stays as a draft,
    // offered again at the next start.
    if input::always_quits(&k) {
        s.quit = true;
        return Routed::Effects(super::update::notes::keep_draft(s));
    }
    let typing_a_note = s.screen.is_notes();
    if !typing_a_note && super::terminal::is_suspend_key(&k) {
        return Routed::Suspend;
    }
    match input::action_for(s, k) {
        Some(a) => Routed::Effects(update::update(s, a)),
        None => Routed::Effects(Vec::new()),
    }
}

#[cfg(test)]
mod tests;
