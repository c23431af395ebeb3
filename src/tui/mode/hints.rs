//! The hint lines of the annotation screens, from the keys in force, and
//! the help's rows for a mode.

use dossier_core::lang::Lang;

use super::super::action::Action;
use super::super::state::State;
use super::{Mode, pick};

/// The short words of a screen's hint line, by action: (Dutch, English).
pub type HintWords = &'static [(&'static [Action], &'static str, &'static str)];

pub const EDITOR_HINTS: HintWords = &[
    (&[Action::Save], "opslaan", "save"),
    (&[Action::Cancel], "annuleren", "cancel"),
    (&[Action::Help], "toetsen", "keys"),
    (&[Action::NextField], "volgend veld", "next field"),
    (&[Action::PrevValue, Action::NextValue], "kiezen", "choose"),
];

pub const OVERVIEW_HINTS: HintWords = &[
    (&[Action::Help], "toetsen", "keys"),
    (&[Action::Open], "ga naar", "go to"),
    (&[Action::ToggleDone], "afgerond", "done"),
    (&[Action::ActionList], "open acties", "open actions"),
    (&[Action::NextField], "filter", "filter"),
    (&[Action::PrevValue, Action::NextValue], "waarde", "value"),
    (&[Action::Sort], "volgorde", "order"),
    (&[Action::Cancel], "sluiten", "close"),
];

pub const EXPORT_HINTS: HintWords = &[
    (&[Action::NextField], "veld", "field"),
    (&[Action::PrevValue, Action::NextValue], "kiezen", "choose"),
    (&[Action::Open], "exporteren", "export"),
    (&[Action::Cancel], "sluiten", "close"),
    (&[Action::Help], "toetsen", "keys"),
];

pub const CONFIRM_HINTS: HintWords = &[(&[Action::Yes], "ja", "yes"), (&[Action::No], "nee", "no")];

/// A screen's hint line from the keys in force: each action's first key
/// and a word, so a rebound key is shown as it is.
pub fn hints(
    keymap: &super::super::keymap::Keymap,
    mode: Mode,
    lang: Lang,
    words: HintWords,
) -> String {
    let table = keymap.table(mode);
    words
        .iter()
        .filter_map(|&(actions, d, e)| {
            // Yes as the language's own letter where it is bound (j = ja,
            // y = yes), as the question itself offers it.
            let own = if lang == Lang::Nl { 'j' } else { 'y' };
            let keys: Option<Vec<String>> = actions
                .iter()
                .map(|&a| {
                    let keys = table.keys(a);
                    let first = keys.first();
                    keys.iter()
                        .find(|k| {
                            a == Action::Yes
                                && k.code == super::super::keymap::KeyCodeOrd::Char(own)
                        })
                        .or(first)
                        .map(|k| k.to_string())
                })
                .collect();
            Some(format!(
                "{} {}",
                keys?.join("/"),
                pick(lang == Lang::Nl, d, e)
            ))
        })
        .collect::<Vec<_>>()
        .join(" · ")
}

/// As many whole hints of a hint line as fit in `width` columns: a hint
/// cut in half names a key without what it does.
pub fn fit(hints: &str, width: u16) -> String {
    let mut out = String::new();
    for hint in hints.split(" · ") {
        let with = if out.is_empty() {
            hint.to_string()
        } else {
            format!("{out} · {hint}")
        };
        if unicode_width::UnicodeWidthStr::width(with.as_str()) > usize::from(width) {
            break;
        }
        out = with;
    }
    out
}

/// The help's rows for a mode: the keys of its actions as bound now, then
/// its other lines. An action without a key is left out.
pub fn help_entries(s: &State, mode: Mode) -> Vec<(String, String)> {
    let table = s.keymap.table(mode);
    let mut out: Vec<(String, String)> = mode
        .actions()
        .iter()
        .map(|&a| (table.describe(a), mode.label(a, s.lang).to_string()))
        .filter(|(k, _)| !k.is_empty())
        .collect();
    out.extend(mode.notes(s.lang));
    out
}
