//! The mode in force, and the keys that work in it: the one table the key
//! dispatch and the help overlay both read, so help lists exactly the keys
//! that do something.

use dossier_core::lang::Lang;
use dossier_core::messages::messages;

use super::action::Action;
use super::keymap::Defaults;
use super::state::{Overlay, State};

mod defaults;
mod hints;
use defaults::{
    CONFIRM, EDITOR, ERROR, EXPORT, FILTER, FIND, FINDER, HELP, OVERVIEW, PEEK, READ, SELECT,
    TIMELINE,
};
pub use hints::{
    CONFIRM_HINTS, EDITOR_HINTS, EXPORT_HINTS, OVERVIEW_HINTS, fit, help_entries, hints, keyed,
};

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Mode {
    /// Browsing the tree, the text and the notes pane.
    Read,
    /// Selecting a passage (`v`).
    Select,
    /// A footnote or annex in a popup.
    Peek,
    /// A file that failed to load, in a popup.
    Error,
    /// Typing a query: find in the text, the tree filter, the finder.
    Find,
    Filter,
    Finder,
    /// The documents by date (`t`).
    Timeline,
    /// The help overlay itself.
    Help,
    /// The annotation screens: the note editor, the overview of all notes
    /// and the export dialog.
    Editor,
    Overview,
    Export,
    /// A question to answer with yes or no (throw a note's text away,
    /// overwrite a file).
    Confirm,
}

/// What a printable key that no action takes does in a mode.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unbound {
    /// Nothing.
    Ignored,
    /// It types ([`Action::Type`]).
    Types,
    /// It goes to the text field as it is ([`Action::Key`]), cursor keys
    /// and all.
    Edits,
}

impl Mode {
    /// The screens whose keys are their own, under `[keys.<name>]`.
    pub const OWN_KEYS: [Mode; 7] = [
        Mode::Find,
        Mode::Filter,
        Mode::Finder,
        Mode::Editor,
        Mode::Overview,
        Mode::Export,
        Mode::Confirm,
    ];

    /// The mode in force, from the state alone.
    pub fn of(s: &State) -> Mode {
        use super::notes::screen::Screen;
        if let Overlay::Help(_) = s.overlay {
            return Mode::Help;
        }
        match &s.notes_ui.screen {
            Screen::Editor { editor, .. } if editor.confirming => return Mode::Confirm,
            Screen::Export(d) if d.confirming => return Mode::Confirm,
            Screen::Editor { .. } => return Mode::Editor,
            Screen::Overview => return Mode::Overview,
            Screen::Export(_) => return Mode::Export,
            Screen::None => {}
        }
        match &s.overlay {
            Overlay::Help(_) => Mode::Help,
            Overlay::Finder(_) => Mode::Finder,
            Overlay::Peek(_) => Mode::Peek,
            Overlay::LoadError(_) => Mode::Error,
            // Typing the timeline's filter: the keys of the tree's.
            Overlay::Timeline(_) if s.timeline_typing => Mode::Filter,
            Overlay::Timeline(_) => Mode::Timeline,
            Overlay::None if s.find.editing => Mode::Find,
            Overlay::None if s.filter_editing => Mode::Filter,
            Overlay::None if s.selection.is_some() => Mode::Select,
            Overlay::None => Mode::Read,
        }
    }

    /// The name of a screen with its own keys in `config.toml`.
    pub fn name(self) -> &'static str {
        match self {
            Mode::Read => "read",
            Mode::Select => "select",
            Mode::Peek => "peek",
            Mode::Error => "error",
            Mode::Find => "find",
            Mode::Filter => "filter",
            Mode::Finder => "finder",
            Mode::Timeline => "timeline",
            Mode::Help => "help",
            Mode::Editor => "editor",
            Mode::Overview => "overview",
            Mode::Export => "export",
            Mode::Confirm => "confirm",
        }
    }

    /// The built-in keys of a screen with its own keys; empty for the
    /// others (their keys are `[keys]`, see `keymap::DEFAULTS`).
    pub fn defaults(self) -> Defaults {
        match self {
            Mode::Find => FIND,
            Mode::Filter => FILTER,
            Mode::Finder => FINDER,
            Mode::Editor => EDITOR,
            Mode::Overview => OVERVIEW,
            Mode::Export => EXPORT,
            Mode::Confirm => CONFIRM,
            _ => &[],
        }
    }

    /// The actions whose keys work in this mode.
    pub fn actions(self) -> std::borrow::Cow<'static, [Action]> {
        use std::borrow::Cow::Borrowed;
        match self {
            Mode::Read => Borrowed(READ.as_slice()),
            Mode::Select => Borrowed(SELECT),
            Mode::Peek => Borrowed(PEEK),
            Mode::Error => Borrowed(ERROR),
            Mode::Timeline => Borrowed(TIMELINE),
            Mode::Help => Borrowed(HELP),
            own => own.defaults().iter().map(|(a, _)| *a).collect(),
        }
    }

    /// Whether a key bound to `a` in this mode's keymap works here: the
    /// reading modes share `[keys]` and each takes some of its actions; a
    /// screen's own table holds only actions of that screen.
    pub fn takes(self, a: Action) -> bool {
        Mode::OWN_KEYS.contains(&self) || self.actions().contains(&a)
    }

    /// What a printable key that no action takes does here.
    pub fn unbound(self) -> Unbound {
        match self {
            Mode::Find | Mode::Filter | Mode::Finder | Mode::Overview | Mode::Export => {
                Unbound::Types
            }
            Mode::Editor => Unbound::Edits,
            _ => Unbound::Ignored,
        }
    }

    /// Lines of the help that are not an action's keys.
    pub fn notes(self, lang: Lang) -> Vec<(String, String)> {
        let k = &messages(lang).keys;
        let row = |key: &str, what: &str| (key.to_string(), what.to_string());
        let mut out = match self {
            Mode::Find | Mode::Filter | Mode::Finder => vec![row("letters", k.typing)],
            Mode::Overview => vec![row("letters", k.filter_by_text)],
            Mode::Export => vec![row("letters", k.type_file_name)],
            Mode::Editor => vec![row("letters, ← → ↑ ↓ …", k.edit_text_and_fields)],
            _ => Vec::new(),
        };
        if self == Mode::Finder {
            out.push(row("'woord ^begin eind$ !niet a | b", k.finder_syntax));
        }
        if !self.actions().contains(&Action::Quit) {
            out.push(row("Ctrl-c", k.actions.quit));
        }
        out
    }

    /// What an action does in this mode, for the help.
    pub fn label(self, a: Action, lang: Lang) -> &'static str {
        let m = messages(lang);
        let (k, w) = (&m.keys, &m.keys.actions);
        match (self, a) {
            (Mode::Select, Action::Expand) => k.select_char_on,
            (Mode::Select, Action::Collapse) => k.select_char_back,
            (Mode::Select, Action::NextLink) => k.select_word_on,
            (Mode::Select, Action::PrevLink) => k.select_word_back,
            (Mode::Select, Action::NextSentence) => k.select_sentence_on,
            (Mode::Select, Action::PrevSentence) => k.select_sentence_back,
            (Mode::Select, Action::NextParagraph) => k.select_paragraph_end,
            (Mode::Select, Action::PrevParagraph) => k.select_paragraph_start,
            (Mode::Select, Action::Down) => k.select_line_on,
            (Mode::Select, Action::Up) => k.select_line_back,
            (Mode::Select, Action::Select | Action::Cancel) => k.drop_selection,
            (Mode::Select, Action::Annotate) => k.annotate_passage,
            (Mode::Select, Action::Edit) => k.attach_note,
            (Mode::Help, Action::Cancel | Action::Help) => k.close_help,
            (Mode::Peek | Mode::Timeline, Action::Open) => k.open_it,
            (Mode::Timeline, Action::Timeline) => k.close_timeline,
            (Mode::Peek | Mode::Error, Action::Cancel) | (Mode::Error, Action::Open) => k.close,
            (Mode::Finder, Action::Open) => k.open_it,
            (Mode::Find | Mode::Filter, Action::Open) => k.finished,
            (Mode::Find | Mode::Filter | Mode::Finder, Action::Cancel) => k.cancel,
            (Mode::Find | Mode::Filter | Mode::Finder, Action::Erase) => w.erase,
            (Mode::Finder, Action::Up) => w.find_prev,
            (Mode::Finder, Action::Down) => w.find_next,
            (Mode::Filter, Action::Down) => k.done_to_tree,
            (Mode::Editor, Action::Save) => w.save,
            (Mode::Editor, Action::Cancel) => k.editor_cancel,
            (Mode::Editor | Mode::Export, Action::NextField) => w.next_field,
            (Mode::Editor | Mode::Export, Action::PrevField) => w.prev_field,
            (Mode::Editor, Action::NextValue) => k.next_kind_or_status,
            (Mode::Editor, Action::PrevValue) => k.prev_kind_or_status,
            (Mode::Editor, Action::Down) => k.next_suggestion,
            (Mode::Editor, Action::Up) => k.prev_suggestion,
            (Mode::Editor, Action::Open) => k.take_tag,
            (Mode::Overview, Action::Down) => k.next_note,
            (Mode::Overview, Action::Up) => k.prev_note,
            (Mode::Overview, Action::Open) => k.go_to_note,
            (Mode::Overview, Action::ActionList) => w.action_list,
            (Mode::Overview, Action::Sort) => k.sort_orders,
            (Mode::Overview, Action::NextField) => k.next_filter,
            (Mode::Overview, Action::PrevField) => k.prev_filter,
            (Mode::Overview, Action::NextValue) => k.next_filter_value,
            (Mode::Overview, Action::PrevValue) => k.prev_filter_value,
            (Mode::Overview, Action::Erase) => k.clear_filter,
            (Mode::Overview, Action::Edit) => k.edit_the_note,
            (Mode::Overview, Action::Delete) => k.delete_the_note,
            (Mode::Overview | Mode::Export, Action::Cancel) => k.close,
            (Mode::Export, Action::NextValue) => k.next_format_or_scope,
            (Mode::Export, Action::PrevValue) => k.prev_format_or_scope,
            (Mode::Export, Action::Erase) => w.erase,
            (Mode::Export, Action::Open) => k.export,
            (Mode::Confirm, Action::Yes) => m.shared.yes,
            (Mode::Confirm, Action::No) => m.shared.no,
            (_, Action::Help) if Mode::OWN_KEYS.contains(&self) => w.help,
            _ => hints::reading(m, a),
        }
    }
}

#[cfg(test)]
mod tests;
