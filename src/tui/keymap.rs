//! Keys ⇄ actions. Built-in defaults, replaced per action by `[keys]` in
//! `config.toml`; a key bound to two actions is an error that points at the
//! line. Key names: `q`, `ctrl-p`, `alt-left`, `shift-tab`, `enter`, `f1`.

use std::collections::BTreeMap;

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use dossier_core::LoadError;

use super::action::Action;
use super::mode::Mode;
use crate::store::config::{Config, KeyEntry, KeyList};

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

/// The built-in keys of the reading screens (PRODUCT.md's defaults).
pub const DEFAULTS: Defaults = &[
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
    (Action::TreeWidth, &["w"]),
    (Action::Details, &["i"]),
    (Action::Timeline, &["t"]),
    (Action::FoldAll, &["-"]),
    (Action::UnfoldAll, &["+", "="]),
    (Action::Copy, &["y"]),
    (Action::OpenAddress, &["O"]),
    (Action::Select, &["v"]),
    (Action::NextSentence, &[")"]),
    (Action::PrevSentence, &["("]),
    (Action::NextParagraph, &["}"]),
    (Action::PrevParagraph, &["{"]),
    (Action::Annotate, &["a"]),
    (Action::Edit, &["e"]),
    (Action::Delete, &["d"]),
    (Action::Undo, &["u"]),
    (Action::Overview, &["o"]),
    (Action::Export, &["x"]),
    (Action::Cancel, &["esc"]),
];

/// The key that quits on every screen, whatever `[keys]` says, so the
/// program can always be left from the keyboard.
pub const QUIT_ALWAYS: &str = "ctrl-c";

/// Built-in keys by action.
pub type Defaults = &'static [(Action, &'static [&'static str])];

/// The keys of one set of screens: which action each key does.
#[derive(Debug, Clone, Default)]
pub struct Table {
    by_key: BTreeMap<Key, Action>,
    by_action: BTreeMap<Action, Vec<Key>>,
}

/// The keys in force: those of the reading screens (`[keys]`), and those
/// of each screen with its own keys (`[keys.editor]`, see `mode.rs`).
#[derive(Debug, Clone)]
pub struct Keymap {
    main: Table,
    own: BTreeMap<Mode, Table>,
}

impl Default for Keymap {
    fn default() -> Self {
        let mut own = BTreeMap::new();
        for mode in Mode::OWN_KEYS {
            own.insert(
                mode,
                Table::build(mode.defaults(), &BTreeMap::new()).unwrap_or_default(),
            );
        }
        Keymap {
            main: Table::build(DEFAULTS, &BTreeMap::new()).unwrap_or_default(),
            own,
        }
    }
}

/// The user's keys for some actions: the keys and where they are written.
type UserKeys = BTreeMap<Action, (Vec<Key>, usize)>;

impl Keymap {
    /// Defaults with the user's bindings by action name over them, per
    /// screen. Unknown action names, unparseable keys, a key bound twice
    /// and a key taken from another action's defaults are errors with the
    /// position in `config.toml`.
    pub fn from_config(config: &Config) -> Result<Keymap, LoadError> {
        let mut main_user = UserKeys::new();
        let mut keymap = Keymap::default();
        for (name, spanned) in &config.keys {
            let offset = spanned.span().start;
            match spanned.get_ref() {
                KeyEntry::Keys(list) => {
                    let action = Action::from_name(name)
                        .filter(|a| Action::ALL.contains(a))
                        .ok_or_else(|| {
                            config.error_at(offset, unknown(name, "[keys]", &Action::ALL))
                        })?;
                    main_user.insert(action, (parse_list(config, offset, list)?, offset));
                }
                KeyEntry::Mode(table) => {
                    let Some(mode) = Mode::OWN_KEYS.into_iter().find(|m| m.name() == name) else {
                        let names: Vec<&str> = Mode::OWN_KEYS.iter().map(|m| m.name()).collect();
                        return Err(config.error_at(
                            offset,
                            format!(
                                "unknown screen `[keys.{name}]`; screens with their own keys: {}",
                                names.join(", ")
                            ),
                        ));
                    };
                    let allowed: Vec<Action> = mode.defaults().iter().map(|(a, _)| *a).collect();
                    let mut user = UserKeys::new();
                    for (action_name, list) in table {
                        let at =
                            crate::store::config::find_key_from(&config.text, offset, action_name)
                                .unwrap_or(offset);
                        let action = Action::from_name(action_name)
                            .filter(|a| allowed.contains(a))
                            .ok_or_else(|| {
                                config.error_at(
                                    at,
                                    unknown(action_name, &format!("[keys.{name}]"), &allowed),
                                )
                            })?;
                        user.insert(action, (parse_list(config, at, list)?, at));
                    }
                    let table = Table::build(mode.defaults(), &user)
                        .map_err(|(at, msg)| config.error_at(at, msg))?;
                    keymap.own.insert(mode, table);
                }
            }
        }
        keymap.main = Table::build(DEFAULTS, &main_user)
            .map_err(|(offset, msg)| config.error_at(offset, msg))?;
        Ok(keymap)
    }

    /// The keys of a mode: its own, or those of the reading screens.
    pub fn table(&self, mode: Mode) -> &Table {
        self.own.get(&mode).unwrap_or(&self.main)
    }

    /// Every key of the reading screens, with its action.
    pub fn bindings(&self) -> impl Iterator<Item = (Key, Action)> + '_ {
        self.main.bindings()
    }

    pub fn action(&self, key: &Key) -> Option<Action> {
        self.main.action(key)
    }

    pub fn describe(&self, action: Action) -> String {
        self.main.describe(action)
    }

    pub fn first(&self, action: Action) -> String {
        self.main.first(action)
    }
}

fn unknown(name: &str, table: &str, known: &[Action]) -> String {
    let known: Vec<&str> = known.iter().map(|a| a.name()).collect();
    format!(
        "unknown action `{name}` in {table}; actions: {}",
        known.join(", ")
    )
}

fn parse_list(config: &Config, offset: usize, list: &KeyList) -> Result<Vec<Key>, LoadError> {
    list.keys()
        .into_iter()
        .map(|k| Key::parse(k).map_err(|e| config.error_at(offset, e)))
        .collect()
}

impl Table {
    /// `defaults` with `user`'s keys replacing those of the actions it
    /// names; an error with its offset when a key would be lost or taken.
    fn build(defaults: Defaults, user: &UserKeys) -> Result<Table, (usize, String)> {
        let mut by_key: BTreeMap<Key, Action> = BTreeMap::new();
        let mut by_action: BTreeMap<Action, Vec<Key>> = BTreeMap::new();
        let quit_key = Key::parse(QUIT_ALWAYS).map_err(|e| (0, e))?;
        for (&action, (keys, offset)) in user {
            if keys.is_empty() {
                return Err((
                    *offset,
                    format!("`{}` has no key left; give it one", action.name()),
                ));
            }
            for &k in keys {
                if k == quit_key && action != Action::Quit {
                    return Err((
                        *offset,
                        format!(
                            "`{k}` always quits and cannot be bound to `{}`",
                            action.name()
                        ),
                    ));
                }
                // A default key of an action the user left alone would
                // silently leave that action (perhaps quit) without it.
                if let Some(&(other, _)) = defaults.iter().find(|(a, ks)| {
                    *a != action
                        && !user.contains_key(a)
                        && ks.iter().any(|d| Key::parse(d).is_ok_and(|d| d == k))
                }) {
                    return Err((
                        *offset,
                        format!(
                            "key `{k}` is the default key of `{}`: bind `{}` to another key \
                             in [keys] too, or choose another key for `{}`",
                            other.name(),
                            other.name(),
                            action.name()
                        ),
                    ));
                }
            }
        }
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
        for &(action, keys) in defaults {
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
        // Ctrl-c quits whatever the file says (the loop sees to it on
        // every screen); the reading screens list it with quit's keys.
        if defaults.iter().any(|(a, _)| *a == Action::Quit)
            && let std::collections::btree_map::Entry::Vacant(e) = by_key.entry(quit_key)
        {
            e.insert(Action::Quit);
            by_action.entry(Action::Quit).or_default().push(quit_key);
        }
        // A default that gave way to a rebound action's key can leave an
        // action with none: say so rather than lose it.
        for &(action, _) in defaults {
            if !by_action.contains_key(&action) {
                let offset = user.values().map(|(_, o)| *o).min().unwrap_or(0);
                return Err((
                    offset,
                    format!(
                        "`{}` has no key left: its default keys are all taken in [keys]",
                        action.name()
                    ),
                ));
            }
        }
        Ok(Table { by_key, by_action })
    }

    /// Every key bound, with its action.
    pub fn bindings(&self) -> impl Iterator<Item = (Key, Action)> + '_ {
        self.by_key.iter().map(|(k, a)| (*k, *a))
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
        let c = config::parse("c.toml", "[keys]\nquit = [\"Q\", \"ctrl-q\"]\n")
            .unwrap()
            .config;
        let km = Keymap::from_config(&c).unwrap();
        assert_eq!(
            km.action(&Key::parse("ctrl-q").unwrap()),
            Some(Action::Quit)
        );
        assert_eq!(km.action(&Key::parse("q").unwrap()), None);
        // Ctrl-c quits whatever the file says, and help lists it.
        assert_eq!(km.describe(Action::Quit), "Q / Ctrl-q / Ctrl-c");
        // Two actions may trade their keys when both are rebound.
        let c = config::parse("c.toml", "[keys]\nquit = \"f\"\nfilter = \"q\"\n")
            .unwrap()
            .config;
        let km = Keymap::from_config(&c).unwrap();
        assert_eq!(km.action(&Key::parse("f").unwrap()), Some(Action::Quit));
        assert_eq!(km.action(&Key::parse("q").unwrap()), Some(Action::Filter));
    }

    #[test]
    fn a_binding_that_takes_a_default_key_is_reported_with_its_line() {
        // `filter = "q"` would leave quit without its key.
        let c = config::parse("c.toml", "[keys]\nhelp = \"h\"\nfilter = \"q\"\n")
            .unwrap()
            .config;
        let e = Keymap::from_config(&c).unwrap_err().to_string();
        assert!(
            e.starts_with("c.toml:2:8:") || e.starts_with("c.toml:3:10:"),
            "{e}"
        );
        let c = config::parse("c.toml", "[keys]\nfilter = \"q\"\n")
            .unwrap()
            .config;
        let e = Keymap::from_config(&c).unwrap_err().to_string();
        assert!(
            e.starts_with("c.toml:2:10: key `q` is the default key of `quit`"),
            "{e}"
        );
        let c = config::parse("c.toml", "[keys]\n\nquit = \"f\"\n")
            .unwrap()
            .config;
        let e = Keymap::from_config(&c).unwrap_err().to_string();
        assert!(
            e.starts_with("c.toml:3:8: key `f` is the default key of `filter`"),
            "{e}"
        );
        // Ctrl-c is not for anything but quitting; no action is left keyless.
        let c = config::parse("c.toml", "[keys]\nfinder = \"ctrl-c\"\n")
            .unwrap()
            .config;
        assert!(
            Keymap::from_config(&c)
                .unwrap_err()
                .to_string()
                .contains("always quits")
        );
        let c = config::parse("c.toml", "[keys]\nexport = []\n")
            .unwrap()
            .config;
        assert!(
            Keymap::from_config(&c)
                .unwrap_err()
                .to_string()
                .contains("`export` has no key")
        );
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
