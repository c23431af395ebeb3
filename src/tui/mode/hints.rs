//! The hint lines of the annotation screens and the phrases that name
//! keys, from the keys in force, and the help's rows for a mode.

use dossier_core::lang::Lang;
use dossier_core::messages::{Messages, messages};

use super::super::action::Action;
use super::super::keymap::{KeyCodeOrd, Keymap};
use super::super::state::State;
use super::Mode;

/// The short words of a screen's hint line, by action.
pub type HintWords = &'static [(&'static [Action], fn(&Messages) -> &'static str)];

pub const EDITOR_HINTS: HintWords = &[
    (&[Action::Save], |m| m.keys.actions.save),
    (&[Action::Cancel], |m| m.keys.cancel),
    (&[Action::Help], |m| m.keys.keys),
    (&[Action::NextField], |m| m.keys.actions.next_field),
    (&[Action::PrevValue, Action::NextValue], |m| m.keys.choose),
];

pub const OVERVIEW_HINTS: HintWords = &[
    (&[Action::Help], |m| m.keys.keys),
    (&[Action::Open], |m| m.keys.go_to),
    (&[Action::ToggleDone], |m| m.shared.done),
    (&[Action::ActionList], |m| m.keys.open_actions),
    (&[Action::NextField], |m| m.browse.filter),
    (&[Action::PrevValue, Action::NextValue], |m| m.keys.value),
    (&[Action::Sort], |m| m.notes.order),
    (&[Action::Cancel], |m| m.keys.close),
];

pub const EXPORT_HINTS: HintWords = &[
    (&[Action::NextField], |m| m.keys.field),
    (&[Action::PrevValue, Action::NextValue], |m| m.keys.choose),
    (&[Action::Open], |m| m.keys.export),
    (&[Action::Cancel], |m| m.keys.close),
    (&[Action::Help], |m| m.keys.keys),
];

pub const CONFIRM_HINTS: HintWords = &[
    (&[Action::Yes], |m| m.shared.yes),
    (&[Action::No], |m| m.shared.no),
];

/// The key of `a` in `mode` to name: its first, but for yes the
/// language's own letter where it is bound (j = ja, y = yes), as the
/// question offers it.
fn key_of(keymap: &Keymap, mode: Mode, a: Action, lang: Lang) -> Option<String> {
    let table = keymap.table(mode);
    let keys = table.keys(a);
    let own = messages(lang).shared.yes.chars().next();
    keys.iter()
        .find(|k| a == Action::Yes && own.is_some_and(|c| k.code == KeyCodeOrd::Char(c)))
        .or(keys.first())
        .map(|k| k.to_string())
}

/// A screen's hint line from the keys in force: each action's first key
/// and a word, so a rebound key is shown as it is.
pub fn hints(keymap: &Keymap, mode: Mode, lang: Lang, words: HintWords) -> String {
    let m = messages(lang);
    words
        .iter()
        .filter_map(|&(actions, word)| {
            let keys: Option<Vec<String>> = actions
                .iter()
                .map(|&a| key_of(keymap, mode, a, lang))
                .collect();
            Some(format!("{} {}", keys?.join("/"), word(m)))
        })
        .collect::<Vec<_>>()
        .join(" · ")
}

/// A phrase with the keys in force put in: `{undo}` is the key of a
/// reading action, `{overview.delete}` one of a screen's own.
pub fn keyed(lang: Lang, phrase: &str, keymap: &Keymap) -> String {
    let mut out = String::with_capacity(phrase.len());
    let mut rest = phrase;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let Some(len) = rest[open..].find('}') else {
            break;
        };
        let name = &rest[open + 1..open + len];
        let (mode, action) = match name.split_once('.') {
            Some((m, a)) => (Mode::OWN_KEYS.into_iter().find(|x| x.name() == m), a),
            None => (Some(Mode::Read), name),
        };
        let key = mode
            .zip(Action::from_name(action))
            .map(|(m, a)| key_of(keymap, m, a, lang).unwrap_or_else(|| keymap.table(m).first(a)));
        out.push_str(key.as_deref().unwrap_or(name));
        rest = &rest[open + len + 1..];
    }
    out.push_str(rest);
    out
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

/// What an action does while reading.
pub(super) fn reading(m: &Messages, a: Action) -> &'static str {
    use Action::*;
    let w = &m.keys.actions;
    match a {
        Quit => w.quit,
        Help => w.help,
        NextPane => w.next_pane,
        PrevPane => w.prev_pane,
        Up => w.up,
        Down => w.down,
        PageUp => w.page_up,
        PageDown => w.page_down,
        Top => w.top,
        Bottom => w.bottom,
        Open => w.open,
        Collapse => w.collapse,
        Expand => w.expand,
        Back => w.back,
        Forward => w.forward,
        NextLink => w.next_link,
        PrevLink => w.prev_link,
        Peek => w.peek,
        Find => w.find,
        FindNext => w.find_next,
        FindPrev => w.find_prev,
        Finder => w.finder,
        Filter => w.filter,
        GroupBy => w.group_by,
        TreeWidth => w.tree_width,
        Details => w.details,
        Timeline => w.timeline,
        FoldAll => w.fold_all,
        ToggleDone => w.toggle_done,
        ClearPrompt => w.clear_prompt,
        UnfoldAll => w.unfold_all,
        Copy => w.copy,
        OpenAddress => w.open_address,
        Select => w.select,
        NextSentence => w.next_sentence,
        PrevSentence => w.prev_sentence,
        NextParagraph => w.next_paragraph,
        PrevParagraph => w.prev_paragraph,
        Annotate => w.annotate,
        Edit => w.edit,
        Delete => w.delete,
        Undo => w.undo,
        Overview => w.overview,
        Export => w.export,
        Cancel => w.cancel,
        Erase => w.erase,
        Save => w.save,
        NextField => w.next_field,
        PrevField => w.prev_field,
        NextValue => w.next_value,
        PrevValue => w.prev_value,
        Sort => w.sort,
        ActionList => w.action_list,
        Yes => m.shared.yes,
        No => m.shared.no,
        Type(_) | Key(_) => "",
    }
}
