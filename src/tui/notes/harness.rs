//! The annotation flows as the loop runs them, for tests: keys through the
//! dispatch, actions through the update function, and the notes effects
//! carried out on a real store at once.

use crossterm::event::KeyEvent;

use super::runner::Runner;
use crate::tui::action::Action;
use crate::tui::dispatch::{self, Routed};
use crate::tui::mode::Mode;
use crate::tui::state::{Screen, State};

pub struct Session {
    pub runner: Runner,
}

impl Session {
    /// On `store`, its drafts kept in `store/drafts`.
    pub fn for_test(store: &std::path::Path, s: &mut State) -> Session {
        Session {
            runner: Runner::for_test(store, s),
        }
    }

    /// Whether the notes layer of the update function takes `a` now.
    pub fn handles(&self, a: Action, s: &State) -> bool {
        crate::tui::update::notes::takes(s, a)
    }

    /// An action through the update function, its effects carried out.
    pub fn act(&mut self, s: &mut State, a: Action) {
        let effects = crate::tui::update::update(s, a);
        self.runner.run_effects(s, effects);
    }

    /// A key as the loop routes it, its effects carried out.
    pub fn key(&mut self, s: &mut State, ev: KeyEvent) {
        if let Routed::Effects(e) = dispatch::key(s, ev) {
            self.runner.run_effects(s, e);
        }
    }

    /// The annotation screen's mode, if one is up.
    pub fn mode(&self, s: &State) -> Option<Mode> {
        match s.screen.base() {
            Screen::Editor(_) => Some(Mode::Editor),
            Screen::Overview => Some(Mode::Overview),
            Screen::Export(_) => Some(Mode::Export),
            _ => None,
        }
    }

    pub fn wants_keys(&self, s: &State) -> bool {
        self.mode(s).is_some()
    }
}
