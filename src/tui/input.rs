//! From a key event to an action, through the keymap of the mode in force
//! (`State::mode`): a key bound in the mode is its action; a printable key no
//! action takes types in a prompt, the overview and the export dialog, and
//! edits the text in the note editor; anything else does nothing.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::action::Action;
use super::key::{Key, KeyCodeOrd};
use super::mode::{Mode, Unbound};
use super::state::{Screen, State};

pub fn action_for(s: &State, ev: KeyEvent) -> Option<Action> {
    let mode = s.mode();
    let key = Key::from_event(ev)?;
    let bound = s.keymap.table(mode).action(&key);
    // In the editor the field in focus decides: ← chooses a kind, or moves
    // the cursor in the text.
    if let (Mode::Editor, Screen::Editor(e)) = (mode, &s.screen) {
        return Some(match bound {
            Some(a) if e.editor.takes(a) => a,
            _ => Action::Key(key),
        });
    }
    bound.or(match (mode.unbound(), key.code) {
        (Unbound::Types, KeyCodeOrd::Char(c)) if !key.ctrl && !key.alt && !c.is_control() => {
            Some(Action::Type(c))
        }
        (Unbound::Edits, _) => Some(Action::Key(key)),
        _ => None,
    })
}

/// Ctrl-c, which quits on every screen (see [`super::keymap::QUIT_ALWAYS`]).
pub fn always_quits(ev: &KeyEvent) -> bool {
    ev.kind != crossterm::event::KeyEventKind::Release
        && ev.code == KeyCode::Char('c')
        && ev.modifiers.contains(KeyModifiers::CONTROL)
}
