//! Keys ⇄ actions. Built-in defaults, replaced per action by `[keys]` in
//! `config.toml`; a key bound to two actions is an error that points at the
//! line. Key names: `q`, `ctrl-p`, `alt-left`, `shift-tab`, `enter`, `f1`.

use std::collections::BTreeMap;

use dossier_core::LoadError;

use super::action::Action;
use super::mode::Mode;
use crate::store::config::{Config, KeyEntry, KeyList};

mod key;
pub use key::{Key, KeyCodeOrd, to_event};
#[cfg(test)]
pub use key::{Named, parse_sequence};

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

#[cfg(test)]
mod tests;
