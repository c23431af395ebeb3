//! The mode in force: which keymap a key is looked up in and which keys
//! the help lists. A plain projection of the screen in force and, on the
//! reading screen, of the pane with the focus (see `State::mode`).

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Mode {
    /// Reading, the focus on the tree, on the text or on the notes pane.
    Tree,
    Text,
    Notes,
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
    /// It types ([`super::action::Action::Type`]).
    Types,
    /// It goes to the text field as it is ([`super::action::Action::Key`]),
    /// cursor keys and all.
    Edits,
}

impl Mode {
    pub const ALL: [Mode; 15] = [
        Mode::Tree,
        Mode::Text,
        Mode::Notes,
        Mode::Select,
        Mode::Peek,
        Mode::Error,
        Mode::Timeline,
        Mode::Help,
        Mode::Find,
        Mode::Filter,
        Mode::Finder,
        Mode::Editor,
        Mode::Overview,
        Mode::Export,
        Mode::Confirm,
    ];

    /// The modes whose keys `[keys]` in `config.toml` names: the three
    /// panes and, under the names used before each action did one thing,
    /// the selection, the popups, the timeline and the help.
    pub const READING: [Mode; 8] = [
        Mode::Tree,
        Mode::Text,
        Mode::Notes,
        Mode::Select,
        Mode::Peek,
        Mode::Error,
        Mode::Timeline,
        Mode::Help,
    ];

    /// The three panes of the reading screen, whose `[keys]` are the same
    /// unless a pane's own table says otherwise.
    pub const PANES: [Mode; 3] = [Mode::Tree, Mode::Text, Mode::Notes];

    /// The name of its table in `config.toml`: `[keys.<name>]`.
    pub fn name(self) -> &'static str {
        match self {
            Mode::Tree => "tree",
            Mode::Text => "text",
            Mode::Notes => "notes",
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
}
