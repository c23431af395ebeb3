//! From a key event to an action: prompts take typed characters, every
//! other screen goes through the keymap.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::action::Action;
use super::keymap::Key;
use super::state::State;
use super::update::in_prompt;

pub fn action_for(s: &State, ev: KeyEvent) -> Option<Action> {
    if in_prompt(s) {
        let ctrl = ev.modifiers.contains(KeyModifiers::CONTROL);
        return match ev.code {
            KeyCode::Esc => Some(Action::Cancel),
            KeyCode::Enter => Some(Action::Open),
            KeyCode::Backspace => Some(Action::Erase),
            KeyCode::Up => Some(Action::Up),
            KeyCode::Down | KeyCode::Tab => Some(Action::Down),
            KeyCode::Char('p') | KeyCode::Char('k') if ctrl => Some(Action::Up),
            KeyCode::Char('n') | KeyCode::Char('j') if ctrl => Some(Action::Down),
            KeyCode::Char('c') if ctrl => Some(Action::Cancel),
            KeyCode::Char(c) if !ctrl && !c.is_control() => Some(Action::Type(c)),
            _ => None,
        };
    }
    Key::from_event(ev).and_then(|k| s.keymap.action(&k))
}
