//! One mode's keys: its defaults with the user's bindings over them, and
//! the checks that no key is bound twice or lost.

use std::collections::BTreeMap;

use super::super::action::Action;
use super::super::key::Key;
use super::defaults::Binding;
use super::{QUIT_ALWAYS, UserKey};

/// Per default binding, the user's binding that replaces its keys.
pub(super) type UserKeys<'u> = Vec<Option<&'u UserKey>>;

/// The keys of one mode: which action each key does.
#[derive(Debug, Clone, Default)]
pub struct Table {
    by_key: BTreeMap<Key, Action>,
    by_action: BTreeMap<Action, Vec<Key>>,
    /// The mode's actions in the order of its defaults, for the help.
    order: Vec<Action>,
}

impl Table {
    /// `defaults` with the keys of those `user` replaces; an error with
    /// its offset when a key would be lost or taken.
    pub(super) fn build(
        defaults: &[Binding],
        user: &[Option<&UserKey>],
    ) -> Result<Table, (usize, String)> {
        // No user binding for the defaults past the end of `user`.
        let user: UserKeys = (0..defaults.len())
            .map(|i| user.get(i).copied().flatten())
            .collect();
        let user = user.as_slice();
        let quit_key = Key::parse(QUIT_ALWAYS).map_err(|e| (0, e))?;
        let default_keys = |b: &Binding| -> Vec<Key> {
            b.keys.iter().filter_map(|k| Key::parse(k).ok()).collect()
        };
        for (d, u) in defaults.iter().zip(user) {
            let Some(u) = u else { continue };
            if u.keys.is_empty() {
                return Err((u.at, format!("`{}` has no key left; give it one", u.name)));
            }
            // The actions this binding gives its keys to here.
            let own: Vec<Action> = defaults
                .iter()
                .zip(user)
                .filter(|(_, o)| o.is_some_and(|o| std::ptr::eq(o, *u)))
                .map(|(o, _)| o.action)
                .collect();
            for &k in &u.keys {
                if k == quit_key && d.action != Action::Quit {
                    return Err((
                        u.at,
                        format!("`{k}` always quits and cannot be bound to `{}`", u.name),
                    ));
                }
                // A default key of an action the user left alone would
                // silently leave that action (perhaps quit) without it.
                if let Some((other, _)) = defaults.iter().zip(user).find(|(o, ou)| {
                    ou.is_none() && !own.contains(&o.action) && default_keys(o).contains(&k)
                }) {
                    let other = other.action.name();
                    return Err((
                        u.at,
                        format!(
                            "key `{k}` is the default key of `{other}`: bind `{other}` to \
                             another key in {} too, or choose another key for `{}`",
                            u.table, u.name
                        ),
                    ));
                }
            }
        }
        let keys_of = |d: &Binding, u: &Option<&UserKey>| match u {
            Some(u) => u.keys.clone(),
            None => default_keys(d),
        };
        let mut by_key: BTreeMap<Key, Action> = BTreeMap::new();
        let mut named: BTreeMap<Key, &str> = BTreeMap::new();
        // User bindings first, so a default that clashes with one gives way.
        for (d, u) in defaults.iter().zip(user) {
            let Some(u) = u else { continue };
            for &k in &u.keys {
                match by_key.get(&k) {
                    Some(&other) if other != d.action => {
                        let was = named.get(&k).copied().unwrap_or(other.name());
                        return Err((
                            u.at,
                            format!("key `{k}` is bound to both `{was}` and `{}`", u.name),
                        ));
                    }
                    _ => {
                        by_key.insert(k, d.action);
                        named.insert(k, u.name.as_str());
                    }
                }
            }
        }
        for (d, u) in defaults.iter().zip(user) {
            if u.is_none() {
                for k in default_keys(d) {
                    by_key.entry(k).or_insert(d.action);
                }
            }
        }
        // An action's keys in the order its bindings give them.
        let mut by_action: BTreeMap<Action, Vec<Key>> = BTreeMap::new();
        for (d, u) in defaults.iter().zip(user) {
            for k in keys_of(d, u) {
                let keys = by_action.entry(d.action).or_default();
                if by_key.get(&k) == Some(&d.action) && !keys.contains(&k) {
                    keys.push(k);
                }
            }
        }
        by_action.retain(|_, keys| !keys.is_empty());
        // Ctrl-c quits whatever the file says (the loop sees to it on
        // every screen); the modes that quit list it with quit's keys.
        if defaults.iter().any(|d| d.action == Action::Quit)
            && let std::collections::btree_map::Entry::Vacant(e) = by_key.entry(quit_key)
        {
            e.insert(Action::Quit);
            by_action.entry(Action::Quit).or_default().push(quit_key);
        }
        let mut order: Vec<Action> = Vec::new();
        for d in defaults {
            if !order.contains(&d.action) {
                order.push(d.action);
            }
        }
        // A default that gave way to a rebound action's key can leave an
        // action with none: say so rather than lose it.
        for &action in &order {
            if !by_action.contains_key(&action) {
                let first = user.iter().flatten().min_by_key(|u| u.at);
                let (offset, table) = first.map_or((0, "[keys]"), |u| (u.at, u.table.as_str()));
                return Err((
                    offset,
                    format!(
                        "`{}` has no key left: its default keys are all taken in {table}",
                        action.name()
                    ),
                ));
            }
        }
        Ok(Table {
            by_key,
            by_action,
            order,
        })
    }

    /// Every key bound, with its action.
    pub fn bindings(&self) -> impl Iterator<Item = (Key, Action)> + '_ {
        self.by_key.iter().map(|(k, a)| (*k, *a))
    }

    /// The mode's actions, in the order the help lists them.
    pub fn actions(&self) -> &[Action] {
        &self.order
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
