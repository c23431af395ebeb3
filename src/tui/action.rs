//! What the user means: every key is mapped to one of these through the
//! keymap, and the update function acts on them. Nothing here is plumbing.

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Action {
    Quit,
    Help,
    NextPane,
    PrevPane,
    Up,
    Down,
    PageUp,
    PageDown,
    Top,
    Bottom,
    /// Open the node under the cursor, or follow the selected link.
    Open,
    /// Collapse in the tree.
    Collapse,
    /// Expand in the tree.
    Expand,
    Back,
    Forward,
    NextLink,
    PrevLink,
    /// Show the selected link's footnote or annex in a popup.
    Peek,
    Find,
    FindNext,
    FindPrev,
    Finder,
    Filter,
    /// Group the tree by Kamerstuk dossier or by theme tag.
    GroupBy,
    /// The tree's width: following the window, or narrow, wide, wider.
    TreeWidth,
    /// The metadata block above the text: one line, or all of it.
    Details,
    /// The documents of the library by date.
    Timeline,
    /// Close every group and node of the tree / open every group.
    FoldAll,
    UnfoldAll,
    /// Copy the selected passage (else the open node) with its citation.
    Copy,
    /// Open the official address of the selected link's node, else of the
    /// open node, in the browser.
    OpenAddress,
    Select,
    /// In a selection: its moving end to the next / previous sentence or
    /// paragraph end.
    NextSentence,
    PrevSentence,
    NextParagraph,
    PrevParagraph,
    Annotate,
    Edit,
    Delete,
    Undo,
    Overview,
    Export,
    Cancel,
    /// Backspace in a prompt: erase a character (or the overview's filter).
    Erase,
    /// The annotation screens: store the note (editor).
    Save,
    /// The next / previous field of the editor, the overview's filters or
    /// the export dialog.
    NextField,
    PrevField,
    /// The field's next / previous value: kind, status, a filter's value,
    /// the export's format or notes.
    NextValue,
    PrevValue,
    /// The overview's order: written, due date, dossier.
    Sort,
    /// The overview at the action list: open toezeggingen and actions.
    ActionList,
    /// The overview: mark the chosen note done, or open again.
    ToggleDone,
    /// A prompt (find, filter, finder): erase all that is typed.
    ClearPrompt,
    /// The answer to a question (throw the text away? overwrite the file?).
    Yes,
    No,
    /// A character typed into a prompt (finder, find, filter). Not bindable.
    Type(char),
    /// A key that no action of the mode takes, for the editor's text
    /// fields (cursor keys, Ctrl-w …). Not bindable.
    Key(super::keymap::Key),
}

impl Action {
    pub const ALL: [Action; 43] = [
        Action::Help,
        Action::Quit,
        Action::NextPane,
        Action::PrevPane,
        Action::Up,
        Action::Down,
        Action::PageUp,
        Action::PageDown,
        Action::Top,
        Action::Bottom,
        Action::Open,
        Action::Collapse,
        Action::Expand,
        Action::Back,
        Action::Forward,
        Action::NextLink,
        Action::PrevLink,
        Action::Peek,
        Action::Find,
        Action::FindNext,
        Action::FindPrev,
        Action::Finder,
        Action::Filter,
        Action::GroupBy,
        Action::Timeline,
        Action::FoldAll,
        Action::UnfoldAll,
        Action::Copy,
        Action::OpenAddress,
        Action::TreeWidth,
        Action::Details,
        Action::Select,
        Action::NextSentence,
        Action::PrevSentence,
        Action::NextParagraph,
        Action::PrevParagraph,
        Action::Annotate,
        Action::Edit,
        Action::Delete,
        Action::Undo,
        Action::Overview,
        Action::Export,
        Action::Cancel,
    ];

    /// The name used in `config.toml` under `[keys]`.
    pub fn name(self) -> &'static str {
        match self {
            Action::Quit => "quit",
            Action::Help => "help",
            Action::NextPane => "next_pane",
            Action::PrevPane => "prev_pane",
            Action::Up => "up",
            Action::Down => "down",
            Action::PageUp => "page_up",
            Action::PageDown => "page_down",
            Action::Top => "top",
            Action::Bottom => "bottom",
            Action::Open => "open",
            Action::Collapse => "collapse",
            Action::Expand => "expand",
            Action::Back => "back",
            Action::Forward => "forward",
            Action::NextLink => "next_link",
            Action::PrevLink => "prev_link",
            Action::Peek => "peek",
            Action::Find => "find",
            Action::FindNext => "find_next",
            Action::FindPrev => "find_prev",
            Action::Finder => "finder",
            Action::Filter => "filter",
            Action::GroupBy => "group_by",
            Action::TreeWidth => "tree_width",
            Action::Details => "details",
            Action::Timeline => "timeline",
            Action::FoldAll => "fold_all",
            Action::UnfoldAll => "unfold_all",
            Action::Copy => "copy",
            Action::OpenAddress => "open_address",
            Action::Select => "select",
            Action::NextSentence => "next_sentence",
            Action::PrevSentence => "prev_sentence",
            Action::NextParagraph => "next_paragraph",
            Action::PrevParagraph => "prev_paragraph",
            Action::Annotate => "annotate",
            Action::Edit => "edit",
            Action::Delete => "delete",
            Action::Undo => "undo",
            Action::Overview => "overview",
            Action::Export => "export",
            Action::Cancel => "cancel",
            Action::Erase => "erase",
            Action::Save => "save",
            Action::NextField => "next_field",
            Action::PrevField => "prev_field",
            Action::NextValue => "next_value",
            Action::PrevValue => "prev_value",
            Action::Sort => "sort",
            Action::ActionList => "action_list",
            Action::ToggleDone => "toggle_done",
            Action::ClearPrompt => "clear",
            Action::Yes => "yes",
            Action::No => "no",
            Action::Type(_) => "type",
            Action::Key(_) => "key",
        }
    }

    /// The actions only the screens with their own keys take (see
    /// `mode.rs`), bindable under `[keys.<mode>]`.
    pub const SCREEN: [Action; 12] = [
        Action::Erase,
        Action::Save,
        Action::NextField,
        Action::PrevField,
        Action::NextValue,
        Action::PrevValue,
        Action::Sort,
        Action::ActionList,
        Action::ToggleDone,
        Action::ClearPrompt,
        Action::Yes,
        Action::No,
    ];

    pub fn from_name(name: &str) -> Option<Action> {
        Action::ALL
            .into_iter()
            .chain(Action::SCREEN)
            .find(|a| a.name() == name)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip_and_are_unique() {
        let all: Vec<Action> = Action::ALL.into_iter().chain(Action::SCREEN).collect();
        let mut names: Vec<&str> = all.iter().map(|a| a.name()).collect();
        for &a in &all {
            assert_eq!(Action::from_name(a.name()), Some(a));
        }
        names.sort();
        names.dedup();
        assert_eq!(names.len(), all.len());
    }
}
