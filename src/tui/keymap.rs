//! Keys ⇄ actions. Built-in defaults, replaced per action by `[keys]` in
//! `config.toml`; a key bound to two actions is an error that points at the
//! line. Key names: `q`, `ctrl-p`, `alt-left`, `shift-tab`, `enter`, `f1`.

use std::collections::BTreeMap;

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use dossier_core::LoadError;

use super::action::Action;
use crate::store::config::Config;

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

/// The built-in keys of each action (PRODUCT.md's defaults).
pub const DEFAULTS: &[(Action, &[&str])] = &[
    (Action::Help, &["?", "f1"]),
    (Action::Quit, &["q"]),
    (Action::NextPane, &["tab"]),
    (Action::PrevPane, &["shift-tab"]),
    (Action::Up, &["k", "up"]),
    (Action::Down, &["j", "down"]),
    (Action::PageUp, &["pageup", "ctrl-b"]),
    (Action::PageDown, &["pagedown", "ctrl-f", "space"]),
    (Action::Top, &["g", "home"]),
    (Action::Bottom, &["G", "end"]),
    (Action::Open, &["enter"]),
    (Action::Collapse, &["h", "left"]),
    (Action::Expand, &["l", "right"]),
    (Action::Back, &["backspace", "alt-left"]),
    (Action::Forward, &["alt-right"]),
    (Action::NextLink, &["]"]),
    (Action::PrevLink, &["["]),
    (Action::Peek, &["p"]),
    (Action::Find, &["/"]),
    (Action::FindNext, &["n"]),
    (Action::FindPrev, &["N"]),
    (Action::Finder, &["ctrl-p"]),
    (Action::Filter, &["f"]),
    (Action::GroupBy, &["T"]),
    (Action::Timeline, &["t"]),
    (Action::Select, &["v"]),
    (Action::Annotate, &["a"]),
    (Action::Edit, &["e"]),
    (Action::Delete, &["d"]),
    (Action::Undo, &["u"]),
    (Action::Overview, &["o"]),
    (Action::Export, &["x"]),
    (Action::Cancel, &["esc"]),
];

/// The keys in force for the browsing screens.
#[derive(Debug, Clone)]
pub struct Keymap {
    by_key: BTreeMap<Key, Action>,
    by_action: BTreeMap<Action, Vec<Key>>,
}

impl Default for Keymap {
    fn default() -> Self {
        Keymap::build_with(&BTreeMap::new()).unwrap_or_else(|_| Keymap {
            by_key: BTreeMap::new(),
            by_action: BTreeMap::new(),
        })
    }
}

impl Keymap {
    /// Defaults with the user's bindings by action name over them. Unknown
    /// action names, unparseable keys and a key bound twice are errors with
    /// the position in `config.toml`.
    pub fn from_config(config: &Config) -> Result<Keymap, LoadError> {
        let mut user: BTreeMap<Action, (Vec<Key>, usize)> = BTreeMap::new();
        for (name, spanned) in &config.keys {
            let offset = spanned.span().start;
            let Some(action) = Action::from_name(name) else {
                let known: Vec<&str> = Action::ALL.iter().map(|a| a.name()).collect();
                return Err(config.error_at(
                    offset,
                    format!(
                        "unknown action `{name}` in [keys]; actions: {}",
                        known.join(", ")
                    ),
                ));
            };
            let mut keys = Vec::new();
            for k in spanned.get_ref().keys() {
                keys.push(Key::parse(k).map_err(|e| config.error_at(offset, e))?);
            }
            user.insert(action, (keys, offset));
        }
        Keymap::build_with(&user).map_err(|(offset, msg)| config.error_at(offset, msg))
    }

    fn build_with(user: &BTreeMap<Action, (Vec<Key>, usize)>) -> Result<Keymap, (usize, String)> {
        let mut by_key: BTreeMap<Key, Action> = BTreeMap::new();
        let mut by_action: BTreeMap<Action, Vec<Key>> = BTreeMap::new();
        // User bindings first, so a default that clashes with one gives way.
        for (&action, (keys, offset)) in user {
            for &k in keys {
                if let Some(&other) = by_key.get(&k)
                    && other != action
                {
                    return Err((
                        *offset,
                        format!(
                            "key `{k}` is bound to both `{}` and `{}`",
                            other.name(),
                            action.name()
                        ),
                    ));
                }
                by_key.insert(k, action);
                by_action.entry(action).or_default().push(k);
            }
        }
        for &(action, keys) in DEFAULTS {
            if user.contains_key(&action) {
                continue;
            }
            for k in keys {
                let Ok(k) = Key::parse(k) else { continue };
                if by_key.contains_key(&k) {
                    continue;
                }
                by_key.insert(k, action);
                by_action.entry(action).or_default().push(k);
            }
        }
        Ok(Keymap { by_key, by_action })
    }

    pub fn action(&self, key: &Key) -> Option<Action> {
        self.by_key.get(key).copied()
    }

    pub fn keys(&self, action: Action) -> &[Key] {
        self.by_action.get(&action).map_or(&[], Vec::as_slice)
    }

    /// `j / ↓` — the keys of an action as the help shows them.
    pub fn describe(&self, action: Action) -> String {
        let keys: Vec<String> = self.keys(action).iter().map(|k| k.to_string()).collect();
        keys.join(" / ")
    }

    /// The first key of an action, for hints.
    pub fn first(&self, action: Action) -> String {
        self.keys(action)
            .first()
            .map_or_else(|| "—".into(), |k| k.to_string())
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

/// The terminal event a key stands for.
#[cfg(test)]
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::config;

    #[test]
    fn keys_parse_and_display() {
        assert_eq!(Key::parse("ctrl-p").unwrap().to_string(), "Ctrl-p");
        assert_eq!(Key::parse("alt-left").unwrap().to_string(), "Alt-←");
        assert_eq!(Key::parse("shift-g").unwrap(), Key::parse("G").unwrap());
        assert_eq!(Key::parse("F1").unwrap().to_string(), "F1");
        assert_eq!(Key::parse("space").unwrap().to_string(), "Space");
        assert!(Key::parse("ctrl-nonsense").is_err());
    }

    #[test]
    fn events_map_to_the_same_keys_as_names() {
        for name in [
            "q",
            "ctrl-p",
            "alt-right",
            "shift-tab",
            "G",
            "?",
            "enter",
            "backspace",
            "f5",
        ] {
            let k = Key::parse(name).unwrap();
            assert_eq!(Key::from_event(to_event(k)), Some(k), "{name}");
        }
        // A terminal reports `?` with shift held; it is still `?`.
        let ev = KeyEvent::new(KeyCode::Char('?'), KeyModifiers::SHIFT);
        assert_eq!(Key::from_event(ev), Some(Key::parse("?").unwrap()));
    }

    #[test]
    fn defaults_follow_the_product() {
        let km = Keymap::default();
        let act = |s: &str| km.action(&Key::parse(s).unwrap());
        assert_eq!(act("?"), Some(Action::Help));
        assert_eq!(act("ctrl-p"), Some(Action::Finder));
        assert_eq!(act("backspace"), Some(Action::Back));
        assert_eq!(act("alt-right"), Some(Action::Forward));
        assert_eq!(act("N"), Some(Action::FindPrev));
        assert_eq!(km.describe(Action::Down), "j / ↓");
    }

    #[test]
    fn user_bindings_replace_the_defaults_of_their_action() {
        let c = config::parse("c.toml", "[keys]\nquit = [\"x\", \"ctrl-c\"]\n")
            .unwrap()
            .config;
        let km = Keymap::from_config(&c).unwrap();
        assert_eq!(
            km.action(&Key::parse("ctrl-c").unwrap()),
            Some(Action::Quit)
        );
        assert_eq!(km.action(&Key::parse("q").unwrap()), None);
        // `x` was export's default: the user's choice wins, export keeps none.
        assert_eq!(km.action(&Key::parse("x").unwrap()), Some(Action::Quit));
        assert!(km.keys(Action::Export).is_empty());
    }

    #[test]
    fn conflicts_and_bad_names_point_at_the_line() {
        let c = config::parse("c.toml", "[keys]\nquit = \"z\"\nhelp = \"z\"\n")
            .unwrap()
            .config;
        let e = Keymap::from_config(&c).unwrap_err().to_string();
        assert!(
            e.starts_with("c.toml:3:8: key `z` is bound to both `quit` and `help`")
                || e.starts_with("c.toml:2:8: key `z` is bound to both"),
            "{e}"
        );
        let c = config::parse("c.toml", "[keys]\n\nfly = \"z\"\n")
            .unwrap()
            .config;
        assert!(
            Keymap::from_config(&c)
                .unwrap_err()
                .to_string()
                .starts_with("c.toml:3:7: unknown action `fly`")
        );
        let c = config::parse("c.toml", "[keys]\nquit = \"ctrl-banana\"\n")
            .unwrap()
            .config;
        assert!(
            Keymap::from_config(&c)
                .unwrap_err()
                .to_string()
                .contains("`ctrl-banana` is not a key")
        );
    }

    #[test]
    fn sequences_parse_named_keys_and_text() {
        let evs = parse_sequence("<c-p>ab<enter>").unwrap();
        assert_eq!(evs.len(), 4);
        assert_eq!(
            evs[0],
            KeyEvent::new(KeyCode::Char('p'), KeyModifiers::CONTROL)
        );
        assert_eq!(evs[3].code, KeyCode::Enter);
    }
}
