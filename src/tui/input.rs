//! From a key event to an action, through the table of the mode in force
//! (`mode.rs`): prompts take typed characters and their few fixed keys,
//! every other screen goes through the keymap, and only the actions that
//! work in the mode get through.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::action::Action;
use super::keymap::Key;
use super::mode::{Mode, prompt_keys};
use super::state::State;

pub fn action_for(s: &State, ev: KeyEvent) -> Option<Action> {
    let mode = Mode::of(s);
    let key = Key::from_event(ev);
    let fixed = prompt_keys(mode);
    if !fixed.is_empty() {
        let named = key.and_then(|k| {
            fixed
                .iter()
                .find(|(name, _)| Key::parse(name).is_ok_and(|n| n == k))
                .map(|&(_, a)| a)
        });
        let plain = !ev
            .modifiers
            .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT);
        return named.or(match ev.code {
            KeyCode::Char(c) if plain && !c.is_control() => Some(Action::Type(c)),
            _ => None,
        });
    }
    key.and_then(|k| s.keymap.action(&k))
        .filter(|a| mode.actions().contains(a))
}

/// Ctrl-c, which quits on every screen (see [`super::keymap::QUIT_ALWAYS`]).
pub fn always_quits(ev: &KeyEvent) -> bool {
    ev.kind != crossterm::event::KeyEventKind::Release
        && ev.code == KeyCode::Char('c')
        && ev.modifiers.contains(KeyModifiers::CONTROL)
}

/// F1 on an annotation screen opens the help on its keys (`mode`).
pub fn notes_help(ev: &KeyEvent, mode: Option<Mode>) -> Option<Mode> {
    (ev.code == KeyCode::F(1)).then_some(mode).flatten()
}
