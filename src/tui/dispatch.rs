//! Where a key goes, decided in one place for the loop and for the tests:
//! Ctrl-c quits from everywhere; the help, once open, takes every key; an
//! annotation screen takes its keys (F1 opens its help); otherwise the key
//! becomes an action of the mode in force (see `mode.rs`), which the
//! notes session takes when it is about a note or a selection, and the
//! update function otherwise.

use crossterm::event::{KeyEvent, KeyEventKind};

use super::input;
use super::notes::session::Session;
use super::state::{Overlay, State};
use super::update::{self, Effect};

/// What the loop does after a key.
#[derive(Debug, PartialEq, Eq)]
pub enum Routed {
    /// Work for the loop (a search for the finder's thread).
    Effects(Vec<Effect>),
    /// Ctrl-z: give the terminal back and stop.
    Suspend,
}

pub fn key(s: &mut State, notes: &mut Session, k: KeyEvent) -> Routed {
    if k.kind == KeyEventKind::Release {
        return Routed::Effects(Vec::new());
    }
    // Ctrl-c leaves from every screen; an open note stays as a draft,
    // offered again at the next start.
    if input::always_quits(&k) {
        notes.keep_draft();
        s.quit = true;
        return Routed::Effects(Vec::new());
    }
    let help_open = matches!(s.overlay, Overlay::Help(_));
    if !help_open && notes.wants_keys(s) {
        if let Some(mode) = input::notes_help(&k, notes.mode()) {
            update::open_help_for(s, mode);
        } else {
            update::settle(s);
            notes.key(s, k);
        }
        return Routed::Effects(Vec::new());
    }
    if super::terminal::is_suspend_key(&k) {
        return Routed::Suspend;
    }
    match input::action_for(s, k) {
        Some(a) if s.overlay == Overlay::None && notes.handles(a, s) => {
            update::settle(s);
            notes.act(s, a);
            Routed::Effects(Vec::new())
        }
        Some(a) => Routed::Effects(update::update(s, a)),
        None => Routed::Effects(Vec::new()),
    }
}

#[cfg(test)]
mod tests;
