//! Keys ⇄ actions, one table per mode: the built-in keys of each mode
//! (`defaults.rs`), replaced per action by `config.toml`. `[keys]` names
//! keys for the reading screens, `[keys.<mode>]` for one mode; a key bound
//! to two actions is an error that points at the line. Key names: `q`,
//! `ctrl-p`, `alt-left`, `shift-tab`, `enter`, `f1`.

use std::collections::BTreeMap;

use dossier_core::LoadError;

use super::key::Key;
use super::mode::Mode;
use crate::store::config::{Config, KeyEntry, KeyList};

pub mod defaults;
mod table;
pub use table::Table;
use table::UserKeys;

/// The key that quits on every screen, whatever `[keys]` says, so the
/// program can always be left from the keyboard.
pub const QUIT_ALWAYS: &str = "ctrl-c";

/// The keys in force: a table per mode.
#[derive(Debug, Clone)]
pub struct Keymap {
    tables: BTreeMap<Mode, Table>,
}

impl Default for Keymap {
    fn default() -> Self {
        let tables = Mode::ALL
            .into_iter()
            .map(|m| {
                let built = Table::build(&defaults::of(m), &[]).unwrap_or_default();
                (m, built)
            })
            .collect();
        Keymap { tables }
    }
}

/// Keys the user wrote for a name: the name, the keys, where they are
/// written and in which table.
#[derive(Debug, Clone)]
pub struct UserKey {
    pub name: String,
    pub keys: Vec<Key>,
    pub at: usize,
    pub table: String,
}

impl Keymap {
    /// Defaults with the user's bindings by action name over them, per
    /// mode. Unknown action names, unparseable keys, a key bound twice
    /// and a key taken from another action's defaults are errors with the
    /// position in `config.toml`.
    pub fn from_config(config: &Config) -> Result<Keymap, LoadError> {
        let mut reading: Vec<UserKey> = Vec::new();
        let mut own: BTreeMap<Mode, Vec<UserKey>> = BTreeMap::new();
        for (name, spanned) in &config.keys {
            let offset = spanned.span().start;
            match spanned.get_ref() {
                KeyEntry::Keys(list) => {
                    if !known_in_keys(name) {
                        let names = names_of(&Mode::READING);
                        return Err(config.error_at(offset, unknown(name, "[keys]", &names)));
                    }
                    reading.push(UserKey {
                        name: name.clone(),
                        keys: parse_list(config, offset, list)?,
                        at: offset,
                        table: "[keys]".into(),
                    });
                }
                KeyEntry::Mode(table) => {
                    let Some(mode) = Mode::ALL.into_iter().find(|m| m.name() == name) else {
                        let names: Vec<&str> = Mode::ALL.iter().map(|m| m.name()).collect();
                        return Err(config.error_at(
                            offset,
                            format!(
                                "unknown screen `[keys.{name}]`; screens with their own keys: {}",
                                names.join(", ")
                            ),
                        ));
                    };
                    let label = format!("[keys.{name}]");
                    let mut user = Vec::new();
                    for (action_name, list) in table {
                        let at =
                            crate::store::config::find_key_from(&config.text, offset, action_name)
                                .unwrap_or(offset);
                        if !known_in_table(mode, action_name) {
                            let names = names_of(&[mode]);
                            return Err(config.error_at(at, unknown(action_name, &label, &names)));
                        }
                        user.push(UserKey {
                            name: action_name.clone(),
                            keys: parse_list(config, at, list)?,
                            at,
                            table: label.clone(),
                        });
                    }
                    own.insert(mode, user);
                }
            }
        }
        let mut tables = BTreeMap::new();
        for mode in Mode::ALL {
            let defaults = defaults::of(mode);
            let from_keys: &[UserKey] = if Mode::READING.contains(&mode) {
                &reading
            } else {
                &[]
            };
            let user = applied(
                mode,
                &defaults,
                from_keys,
                own.get(&mode).map_or(&[], |v| v),
            );
            let table = Table::build(&defaults, &user).map_err(|(at, m)| config.error_at(at, m))?;
            tables.insert(mode, table);
        }
        Ok(Keymap { tables })
    }

    /// The keys of a mode.
    pub fn table(&self, mode: Mode) -> &Table {
        static EMPTY: std::sync::LazyLock<Table> = std::sync::LazyLock::new(Table::default);
        self.tables.get(&mode).unwrap_or(&EMPTY)
    }
}

/// Which default binding of `mode` each user binding replaces: `[keys]`
/// first, then the mode's own table over it. A name used before the
/// actions were split replaces the bindings it named then; any other name
/// is an action's, and replaces that action's keys.
fn applied<'u>(
    mode: Mode,
    defaults: &[defaults::Binding],
    from_keys: &'u [UserKey],
    own: &'u [UserKey],
) -> UserKeys<'u> {
    let mut user: UserKeys = vec![None; defaults.len()];
    let mut apply = |u: &'u UserKey, old_name: bool| {
        for (i, d) in defaults.iter().enumerate() {
            let named = if old_name {
                d.was == u.name
            } else {
                d.action.name() == u.name
            };
            if named {
                user[i] = Some(u);
            }
        }
    };
    for u in from_keys {
        apply(u, defaults::was_in_keys(&u.name));
    }
    for u in own {
        apply(u, defaults::was_in_table(mode, &u.name));
    }
    user
}

/// Whether `[keys]` knows `name`: an action of a reading mode, or a name
/// it had before the actions were split.
fn known_in_keys(name: &str) -> bool {
    defaults::was_in_keys(name) || names_of(&Mode::READING).contains(&name)
}

fn known_in_table(mode: Mode, name: &str) -> bool {
    defaults::was_in_table(mode, name) || names_of(&[mode]).contains(&name)
}

/// The names of the actions bound in `modes`, in order, once each.
fn names_of(modes: &[Mode]) -> Vec<&'static str> {
    let mut names: Vec<&'static str> = Vec::new();
    for &m in modes {
        for b in defaults::of(m) {
            if !names.contains(&b.action.name()) {
                names.push(b.action.name());
            }
        }
    }
    names
}

fn unknown(name: &str, table: &str, known: &[&str]) -> String {
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

#[cfg(test)]
mod tests;
