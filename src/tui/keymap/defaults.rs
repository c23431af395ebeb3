//! The built-in keys of every mode (PRODUCT.md's defaults). Each binding
//! also says under which name its keys were rebound in `config.toml`
//! before every action did one thing (`expand` was the tree's unfold, the
//! text's next link and the selection's step by a character), so a file
//! written then still rebinds what it did.

use super::super::action::Action;
use super::super::mode::Mode;

/// One built-in binding: an action, its keys, and the name those keys
/// were rebound by before (`was`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Binding {
    pub action: Action,
    pub keys: &'static [&'static str],
    pub was: &'static str,
}

const fn b(action: Action, keys: &'static [&'static str]) -> Binding {
    Binding {
        action,
        keys,
        was: action.name(),
    }
}

const fn was(action: Action, keys: &'static [&'static str], was: &'static str) -> Binding {
    Binding { action, keys, was }
}

/// The three panes begin alike.
const PANES_HEAD: &[Binding] = &[
    b(Action::Help, &["?", "f1"]),
    b(Action::Quit, &["q"]),
    b(Action::NextPane, &["tab"]),
    b(Action::PrevPane, &["shift-tab"]),
    b(Action::Up, &["k", "up"]),
    b(Action::Down, &["j", "down"]),
    b(Action::PageUp, &["pageup", "ctrl-b"]),
    b(Action::PageDown, &["pagedown", "ctrl-f", "space"]),
    b(Action::Top, &["g", "home"]),
    b(Action::Bottom, &["G", "end"]),
];

/// Folding the tree's rows: `h` and `l` in the tree and the notes pane.
const FOLD: &[Binding] = &[
    was(Action::CollapseNode, &["h", "left"], "collapse"),
    was(Action::ExpandNode, &["l", "right"], "expand"),
];

const HISTORY_AND_LINKS: &[Binding] = &[
    b(Action::Back, &["backspace", "alt-left"]),
    b(Action::Forward, &["alt-right"]),
    b(Action::NextLink, &["]"]),
    b(Action::PrevLink, &["["]),
];

/// In the text `h` and `l` step through the links.
const TEXT_LINKS: &[Binding] = &[
    was(Action::NextLink, &["l", "right"], "expand"),
    was(Action::PrevLink, &["h", "left"], "collapse"),
];

const PANES_TAIL: &[Binding] = &[
    b(Action::Peek, &["p"]),
    b(Action::Find, &["/"]),
    b(Action::FindNext, &["n"]),
    b(Action::FindPrev, &["N"]),
    b(Action::Finder, &["ctrl-p"]),
    b(Action::Filter, &["f"]),
    b(Action::GroupBy, &["T"]),
    b(Action::Timeline, &["t"]),
    b(Action::FoldAll, &["-"]),
    b(Action::UnfoldAll, &["+", "="]),
    b(Action::Copy, &["y"]),
    b(Action::OpenAddress, &["O"]),
    b(Action::TreeWidth, &["w"]),
    b(Action::Details, &["i"]),
    b(Action::Select, &["v"]),
    b(Action::Annotate, &["a"]),
    b(Action::Edit, &["e"]),
    b(Action::Delete, &["d"]),
    b(Action::Undo, &["u"]),
    b(Action::Overview, &["o"]),
    b(Action::Export, &["x"]),
    was(Action::ClearSearch, &["esc"], "cancel"),
];

const SELECT: &[Binding] = &[
    was(Action::ExtendCharForward, &["l", "right"], "expand"),
    was(Action::ExtendCharBack, &["h", "left"], "collapse"),
    was(Action::ExtendWordForward, &["]"], "next_link"),
    was(Action::ExtendWordBack, &["["], "prev_link"),
    was(Action::ExtendSentenceForward, &[")"], "next_sentence"),
    was(Action::ExtendSentenceBack, &["("], "prev_sentence"),
    was(Action::ExtendParagraphForward, &["}"], "next_paragraph"),
    was(Action::ExtendParagraphBack, &["{"], "prev_paragraph"),
    was(Action::ExtendLineDown, &["j", "down"], "down"),
    was(Action::ExtendLineUp, &["k", "up"], "up"),
    b(Action::Annotate, &["a"]),
    was(Action::AttachNote, &["e"], "edit"),
    b(Action::Copy, &["y"]),
    was(Action::DropSelection, &["esc"], "cancel"),
    was(Action::DropSelection, &["v"], "select"),
    b(Action::Help, &["?", "f1"]),
    b(Action::Quit, &["q"]),
];

const PEEK: &[Binding] = &[
    b(Action::Open, &["enter"]),
    was(Action::Close, &["esc"], "cancel"),
    b(Action::Help, &["?", "f1"]),
    b(Action::Quit, &["q"]),
];

const ERROR: &[Binding] = &[
    was(Action::Close, &["esc"], "cancel"),
    was(Action::Close, &["enter"], "open"),
    b(Action::Help, &["?", "f1"]),
    b(Action::Quit, &["q"]),
];

const TIMELINE: &[Binding] = &[
    was(Action::FilterTimeline, &["f"], "filter"),
    was(Action::FilterTimeline, &["/"], "find"),
    b(Action::Down, &["j", "down"]),
    b(Action::Up, &["k", "up"]),
    b(Action::Top, &["g", "home"]),
    was(Action::Top, &["pageup", "ctrl-b"], "page_up"),
    b(Action::Bottom, &["G", "end"]),
    was(
        Action::Bottom,
        &["pagedown", "ctrl-f", "space"],
        "page_down",
    ),
    b(Action::Open, &["enter"]),
    was(Action::Close, &["esc"], "cancel"),
    was(Action::Close, &["t"], "timeline"),
    b(Action::Help, &["?", "f1"]),
    b(Action::Quit, &["q"]),
];

const HELP: &[Binding] = &[
    b(Action::Down, &["j", "down"]),
    b(Action::Up, &["k", "up"]),
    b(Action::PageDown, &["pagedown", "ctrl-f", "space"]),
    b(Action::PageUp, &["pageup", "ctrl-b"]),
    b(Action::Top, &["g", "home"]),
    b(Action::Bottom, &["G", "end"]),
    was(Action::Close, &["esc"], "cancel"),
    was(Action::Close, &["?", "f1"], "help"),
    b(Action::Quit, &["q"]),
];

/// The prompts: every printable key not bound here types.
const FIND: &[Binding] = &[
    was(Action::Done, &["enter"], "open"),
    b(Action::Cancel, &["esc"]),
    b(Action::Erase, &["backspace"]),
    b(Action::ClearPrompt, &["ctrl-u"]),
    b(Action::Help, &["f1"]),
];

const FILTER: &[Binding] = &[
    was(Action::Done, &["enter"], "open"),
    b(Action::Cancel, &["esc"]),
    b(Action::Erase, &["backspace"]),
    b(Action::ClearPrompt, &["ctrl-u"]),
    was(Action::Done, &["down", "tab"], "down"),
    b(Action::Help, &["f1"]),
];

/// The finder: also up and down its hits, with fzf's keys too.
const FINDER: &[Binding] = &[
    b(Action::Open, &["enter"]),
    b(Action::Cancel, &["esc"]),
    b(Action::Erase, &["backspace"]),
    b(Action::ClearPrompt, &["ctrl-u"]),
    b(Action::Up, &["up", "ctrl-p", "ctrl-k"]),
    b(Action::Down, &["down", "tab", "ctrl-n", "ctrl-j"]),
    b(Action::Help, &["f1"]),
];

/// The editor: keys no action takes edit the text (see
/// `NoteEditor::takes`, which says which actions the field in focus takes).
const EDITOR: &[Binding] = &[
    b(Action::Save, &["ctrl-s"]),
    b(Action::Cancel, &["esc"]),
    b(Action::NextField, &["tab"]),
    b(Action::PrevField, &["shift-tab"]),
    b(Action::NextValue, &["right", "space", "l"]),
    b(Action::PrevValue, &["left", "h"]),
    b(Action::Down, &["down"]),
    b(Action::Up, &["up"]),
    was(Action::Accept, &["enter"], "open"),
    b(Action::Help, &["f1"]),
];

/// The overview: printable keys not bound here type into its text filter.
const OVERVIEW: &[Binding] = &[
    b(Action::Down, &["down", "ctrl-n"]),
    b(Action::Up, &["up", "ctrl-p"]),
    was(Action::GoToNote, &["enter"], "open"),
    b(Action::ActionList, &["ctrl-a"]),
    b(Action::Sort, &["ctrl-o"]),
    b(Action::NextField, &["tab"]),
    b(Action::PrevField, &["shift-tab"]),
    b(Action::NextValue, &["right"]),
    b(Action::PrevValue, &["left"]),
    was(Action::EraseFilter, &["backspace"], "erase"),
    b(Action::Edit, &["ctrl-e"]),
    b(Action::Delete, &["ctrl-d"]),
    b(Action::ToggleDone, &["ctrl-t"]),
    b(Action::Undo, &["ctrl-z"]),
    was(Action::Close, &["esc"], "cancel"),
    b(Action::Help, &["f1"]),
];

/// The export dialog: printable keys not bound here type the file name.
const EXPORT: &[Binding] = &[
    b(Action::NextField, &["tab", "down"]),
    b(Action::PrevField, &["shift-tab", "up"]),
    b(Action::NextValue, &["right"]),
    b(Action::PrevValue, &["left"]),
    b(Action::Erase, &["backspace"]),
    was(Action::WriteExport, &["enter"], "open"),
    was(Action::Close, &["esc"], "cancel"),
    b(Action::Help, &["f1"]),
];

const CONFIRM: &[Binding] = &[
    b(Action::Yes, &["j", "y", "J", "Y"]),
    b(Action::No, &["n", "N", "esc"]),
    b(Action::Help, &["f1"]),
];

/// The built-in keys of `mode`, in the order the help lists them.
pub fn of(mode: Mode) -> Vec<Binding> {
    let parts: &[&[Binding]] = match mode {
        Mode::Tree => &[
            PANES_HEAD,
            &[b(Action::Open, &["enter"])],
            FOLD,
            HISTORY_AND_LINKS,
            PANES_TAIL,
        ],
        Mode::Text => &[
            PANES_HEAD,
            &[was(Action::FollowLink, &["enter"], "open")],
            HISTORY_AND_LINKS,
            TEXT_LINKS,
            PANES_TAIL,
        ],
        Mode::Notes => &[
            PANES_HEAD,
            &[was(Action::GoToNote, &["enter"], "open")],
            FOLD,
            HISTORY_AND_LINKS,
            PANES_TAIL,
        ],
        Mode::Select => &[SELECT],
        Mode::Peek => &[PEEK],
        Mode::Error => &[ERROR],
        Mode::Timeline => &[TIMELINE],
        Mode::Help => &[HELP],
        Mode::Find => &[FIND],
        Mode::Filter => &[FILTER],
        Mode::Finder => &[FINDER],
        Mode::Editor => &[EDITOR],
        Mode::Overview => &[OVERVIEW],
        Mode::Export => &[EXPORT],
        Mode::Confirm => &[CONFIRM],
    };
    parts.concat()
}

/// The modes whose table in `config.toml` existed before the actions
/// were split; their old names are read by what they bound then.
pub const OLD_TABLES: [Mode; 7] = [
    Mode::Find,
    Mode::Filter,
    Mode::Finder,
    Mode::Editor,
    Mode::Overview,
    Mode::Export,
    Mode::Confirm,
];

/// Whether `name` was an action's name under `[keys]` before the actions
/// were split.
pub fn was_in_keys(name: &str) -> bool {
    Mode::READING
        .into_iter()
        .any(|m| of(m).iter().any(|b| b.was == name))
}

/// Whether `name` was an action's name in `mode`'s own table before.
pub fn was_in_table(mode: Mode, name: &str) -> bool {
    OLD_TABLES.contains(&mode) && of(mode).iter().any(|b| b.was == name)
}
