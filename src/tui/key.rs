//! One key: its name parsed (`ctrl-p`, `shift-tab`, `f1`) and shown, and
//! its terminal event both ways.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

/// A key with its modifiers, normalised so that `shift-a` and `A` are one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Key {
    pub code: KeyCodeOrd,
    pub ctrl: bool,
    pub alt: bool,
    pub shift: bool,
}

/// `KeyCode` with the ordering a map needs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum KeyCodeOrd {
    Char(char),
    F(u8),
    Named(Named),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Named {
    Enter,
    Esc,
    Backspace,
    Tab,
    Left,
    Right,
    Up,
    Down,
    Home,
    End,
    PageUp,
    PageDown,
    Delete,
    Insert,
}

const NAMES: &[(&str, Named)] = &[
    ("enter", Named::Enter),
    ("esc", Named::Esc),
    ("backspace", Named::Backspace),
    ("tab", Named::Tab),
    ("left", Named::Left),
    ("right", Named::Right),
    ("up", Named::Up),
    ("down", Named::Down),
    ("home", Named::Home),
    ("end", Named::End),
    ("pageup", Named::PageUp),
    ("pagedown", Named::PageDown),
    ("delete", Named::Delete),
    ("insert", Named::Insert),
];

impl Key {
    /// From a terminal key event; `None` for keys we never bind.
    pub fn from_event(ev: KeyEvent) -> Option<Key> {
        let m = ev.modifiers;
        let mut shift = m.contains(KeyModifiers::SHIFT);
        let code = match ev.code {
            KeyCode::Char(c) => {
                // Shifted letters arrive as capitals: the capital is the key.
                if c.is_alphabetic() || !c.is_ascii_alphanumeric() {
                    shift = false;
                }
                KeyCodeOrd::Char(c)
            }
            KeyCode::F(n) => KeyCodeOrd::F(n),
            KeyCode::BackTab => {
                shift = true;
                KeyCodeOrd::Named(Named::Tab)
            }
            KeyCode::Enter => KeyCodeOrd::Named(Named::Enter),
            KeyCode::Esc => KeyCodeOrd::Named(Named::Esc),
            KeyCode::Backspace => KeyCodeOrd::Named(Named::Backspace),
            KeyCode::Tab => KeyCodeOrd::Named(Named::Tab),
            KeyCode::Left => KeyCodeOrd::Named(Named::Left),
            KeyCode::Right => KeyCodeOrd::Named(Named::Right),
            KeyCode::Up => KeyCodeOrd::Named(Named::Up),
            KeyCode::Down => KeyCodeOrd::Named(Named::Down),
            KeyCode::Home => KeyCodeOrd::Named(Named::Home),
            KeyCode::End => KeyCodeOrd::Named(Named::End),
            KeyCode::PageUp => KeyCodeOrd::Named(Named::PageUp),
            KeyCode::PageDown => KeyCodeOrd::Named(Named::PageDown),
            KeyCode::Delete => KeyCodeOrd::Named(Named::Delete),
            KeyCode::Insert => KeyCodeOrd::Named(Named::Insert),
            _ => return None,
        };
        Some(Key {
            code,
            ctrl: m.contains(KeyModifiers::CONTROL),
            alt: m.contains(KeyModifiers::ALT),
            shift,
        })
    }

    /// Parses `ctrl-p`, `alt-left`, `shift-tab`, `?`, `G`, `f1`, `space`.
    pub fn parse(s: &str) -> Result<Key, String> {
        let lower = s.trim().to_lowercase();
        let mut key = Key {
            code: KeyCodeOrd::Char(' '),
            ctrl: false,
            alt: false,
            shift: false,
        };
        let mut rest = s.trim();
        let mut rest_lower = lower.as_str();
        loop {
            let (prefix, flag) = if rest_lower.starts_with("ctrl-") || rest_lower.starts_with("c-")
            {
                (
                    if rest_lower.starts_with("ctrl-") {
                        5
                    } else {
                        2
                    },
                    0,
                )
            } else if rest_lower.starts_with("alt-") || rest_lower.starts_with("m-") {
                (if rest_lower.starts_with("alt-") { 4 } else { 2 }, 1)
            } else if rest_lower.starts_with("shift-") || rest_lower.starts_with("s-") {
                (
                    if rest_lower.starts_with("shift-") {
                        6
                    } else {
                        2
                    },
                    2,
                )
            } else {
                break;
            };
            if rest.len() <= prefix {
                break;
            }
            match flag {
                0 => key.ctrl = true,
                1 => key.alt = true,
                _ => key.shift = true,
            }
            rest = &rest[prefix..];
            rest_lower = &rest_lower[prefix..];
        }
        let mut chars = rest.chars();
        key.code = match (chars.next(), chars.next()) {
            (Some(c), None) => {
                let c = if key.ctrl || key.alt {
                    c.to_ascii_lowercase()
                } else {
                    c
                };
                if key.shift && c.is_alphabetic() {
                    key.shift = false;
                    KeyCodeOrd::Char(c.to_uppercase().next().unwrap_or(c))
                } else {
                    KeyCodeOrd::Char(c)
                }
            }
            _ if rest_lower == "space" => KeyCodeOrd::Char(' '),
            _ if rest_lower.starts_with('f')
                && rest_lower[1..]
                    .parse::<u8>()
                    .is_ok_and(|n| (1..=24).contains(&n)) =>
            {
                KeyCodeOrd::F(rest_lower[1..].parse().unwrap_or(1))
            }
            _ => match NAMES
                .iter()
                .find(|(n, _)| *n == rest_lower || (*n == "esc" && rest_lower == "escape"))
            {
                Some((_, named)) => KeyCodeOrd::Named(*named),
                None => {
                    return Err(format!(
                        "`{s}` is not a key (examples: q, ctrl-p, alt-left, shift-tab, enter, esc, f1, space)"
                    ));
                }
            },
        };
        Ok(key)
    }
}

impl std::fmt::Display for Key {
    /// The short form shown in the help and the status bar: `Ctrl-p`, `Alt-←`.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if self.ctrl {
            f.write_str("Ctrl-")?;
        }
        if self.alt {
            f.write_str("Alt-")?;
        }
        if self.shift {
            f.write_str("Shift-")?;
        }
        match self.code {
            KeyCodeOrd::Char(' ') => f.write_str("Space"),
            KeyCodeOrd::Char(c) => write!(f, "{c}"),
            KeyCodeOrd::F(n) => write!(f, "F{n}"),
            KeyCodeOrd::Named(n) => f.write_str(match n {
                Named::Enter => "Enter",
                Named::Esc => "Esc",
                Named::Backspace => "Backspace",
                Named::Tab => "Tab",
                Named::Left => "←",
                Named::Right => "→",
                Named::Up => "↑",
                Named::Down => "↓",
                Named::Home => "Home",
                Named::End => "End",
                Named::PageUp => "PgUp",
                Named::PageDown => "PgDn",
                Named::Delete => "Del",
                Named::Insert => "Ins",
            }),
        }
    }
}

/// Parses `"<c-p>tweetrap<enter>"` into key events, for tests:
/// `<…>` holds one named key, everything else is typed characters.
#[cfg(test)]
pub fn parse_sequence(s: &str) -> Result<Vec<KeyEvent>, String> {
    let mut out = Vec::new();
    let mut chars = s.chars();
    while let Some(c) = chars.next() {
        if c == '<' {
            let name: String = chars.by_ref().take_while(|&c| c != '>').collect();
            out.push(to_event(Key::parse(&name)?));
        } else {
            out.push(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE));
        }
    }
    Ok(out)
}

/// The terminal event a key stands for (the note editor's text area takes
/// the keys no action takes as such events).
pub fn to_event(k: Key) -> KeyEvent {
    let mut m = KeyModifiers::NONE;
    if k.ctrl {
        m |= KeyModifiers::CONTROL;
    }
    if k.alt {
        m |= KeyModifiers::ALT;
    }
    if k.shift {
        m |= KeyModifiers::SHIFT;
    }
    let code = match k.code {
        KeyCodeOrd::Char(c) => KeyCode::Char(c),
        KeyCodeOrd::F(n) => KeyCode::F(n),
        KeyCodeOrd::Named(n) => match n {
            Named::Enter => KeyCode::Enter,
            Named::Esc => KeyCode::Esc,
            Named::Backspace => KeyCode::Backspace,
            Named::Tab if k.shift => KeyCode::BackTab,
            Named::Tab => KeyCode::Tab,
            Named::Left => KeyCode::Left,
            Named::Right => KeyCode::Right,
            Named::Up => KeyCode::Up,
            Named::Down => KeyCode::Down,
            Named::Home => KeyCode::Home,
            Named::End => KeyCode::End,
            Named::PageUp => KeyCode::PageUp,
            Named::PageDown => KeyCode::PageDown,
            Named::Delete => KeyCode::Delete,
            Named::Insert => KeyCode::Insert,
        },
    };
    KeyEvent::new(code, m)
}
