//! Each mode's built-in keys (the screens with keys of their own) and the
//! actions the other modes take, which `[keys]` binds.

use super::super::action::Action;
use super::super::keymap::Defaults;

/// The prompts: every printable key not bound here types.
pub(super) const FIND: Defaults = &[
    (Action::Open, &["enter"]),
    (Action::Cancel, &["esc"]),
    (Action::Erase, &["backspace"]),
    (Action::ClearPrompt, &["ctrl-u"]),
    (Action::Help, &["f1"]),
];

pub(super) const FILTER: Defaults = &[
    (Action::Open, &["enter"]),
    (Action::Cancel, &["esc"]),
    (Action::Erase, &["backspace"]),
    (Action::ClearPrompt, &["ctrl-u"]),
    (Action::Down, &["down", "tab"]),
    (Action::Help, &["f1"]),
];

/// The finder: also up and down its hits, with fzf's keys too.
pub(super) const FINDER: Defaults = &[
    (Action::Open, &["enter"]),
    (Action::Cancel, &["esc"]),
    (Action::Erase, &["backspace"]),
    (Action::ClearPrompt, &["ctrl-u"]),
    (Action::Up, &["up", "ctrl-p", "ctrl-k"]),
    (Action::Down, &["down", "tab", "ctrl-n", "ctrl-j"]),
    (Action::Help, &["f1"]),
];

/// The editor: keys no action takes edit the text (see
/// `NoteEditor::takes`, which says which actions the field in focus takes).
pub(super) const EDITOR: Defaults = &[
    (Action::Save, &["ctrl-s"]),
    (Action::Cancel, &["esc"]),
    (Action::NextField, &["tab"]),
    (Action::PrevField, &["shift-tab"]),
    (Action::NextValue, &["right", "space", "l"]),
    (Action::PrevValue, &["left", "h"]),
    (Action::Down, &["down"]),
    (Action::Up, &["up"]),
    (Action::Open, &["enter"]),
    (Action::Help, &["f1"]),
];

/// The overview: printable keys not bound here type into its text filter.
pub(super) const OVERVIEW: Defaults = &[
    (Action::Down, &["down", "ctrl-n"]),
    (Action::Up, &["up", "ctrl-p"]),
    (Action::Open, &["enter"]),
    (Action::ActionList, &["ctrl-a"]),
    (Action::Sort, &["ctrl-o"]),
    (Action::NextField, &["tab"]),
    (Action::PrevField, &["shift-tab"]),
    (Action::NextValue, &["right"]),
    (Action::PrevValue, &["left"]),
    (Action::Erase, &["backspace"]),
    (Action::Edit, &["ctrl-e"]),
    (Action::Delete, &["ctrl-d"]),
    (Action::ToggleDone, &["ctrl-t"]),
    (Action::Undo, &["ctrl-z"]),
    (Action::Cancel, &["esc"]),
    (Action::Help, &["f1"]),
];

/// The export dialog: printable keys not bound here type the file name.
pub(super) const EXPORT: Defaults = &[
    (Action::NextField, &["tab", "down"]),
    (Action::PrevField, &["shift-tab", "up"]),
    (Action::NextValue, &["right"]),
    (Action::PrevValue, &["left"]),
    (Action::Erase, &["backspace"]),
    (Action::Open, &["enter"]),
    (Action::Cancel, &["esc"]),
    (Action::Help, &["f1"]),
];

pub(super) const CONFIRM: Defaults = &[
    (Action::Yes, &["j", "y", "J", "Y"]),
    (Action::No, &["n", "N", "esc"]),
    (Action::Help, &["f1"]),
];

pub(super) const SELECT: &[Action] = &[
    Action::Expand,
    Action::Collapse,
    Action::NextLink,
    Action::PrevLink,
    Action::NextSentence,
    Action::PrevSentence,
    Action::NextParagraph,
    Action::PrevParagraph,
    Action::Down,
    Action::Up,
    Action::Annotate,
    Action::Edit,
    Action::Copy,
    Action::Select,
    Action::Cancel,
    Action::Help,
    Action::Quit,
];

pub(super) const HELP: &[Action] = &[
    Action::Down,
    Action::Up,
    Action::PageDown,
    Action::PageUp,
    Action::Top,
    Action::Bottom,
    Action::Cancel,
    Action::Help,
    Action::Quit,
];

pub(super) const PEEK: &[Action] = &[Action::Open, Action::Cancel, Action::Help, Action::Quit];
pub(super) const TIMELINE: &[Action] = &[
    Action::Filter,
    Action::Find,
    Action::Down,
    Action::Up,
    Action::Top,
    Action::PageUp,
    Action::Bottom,
    Action::PageDown,
    Action::Open,
    Action::Cancel,
    Action::Timeline,
    Action::Help,
    Action::Quit,
];
pub(super) const ERROR: &[Action] = &[Action::Open, Action::Cancel, Action::Help, Action::Quit];

/// Reading: every action but the steps that only a selection takes, in
/// the order of [`Action::ALL`], so an action added there works here.
pub(super) static READ: std::sync::LazyLock<Vec<Action>> = std::sync::LazyLock::new(|| {
    const SELECTION_ONLY: [Action; 4] = [
        Action::NextSentence,
        Action::PrevSentence,
        Action::NextParagraph,
        Action::PrevParagraph,
    ];
    Action::ALL
        .into_iter()
        .filter(|a| !SELECTION_ONLY.contains(a))
        .collect()
});
