//! What the user means: every key is mapped to one of these through the
//! keymap of the mode in force, and the update function acts on them.
//! Each action does one thing wherever it is bound; nothing here is
//! plumbing.

use super::key::Key;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Action {
    Quit,
    /// Open the help on the keys of the mode in force.
    Help,
    NextPane,
    PrevPane,
    /// Move in what the mode shows: the tree's rows, the text, a list.
    Up,
    Down,
    PageUp,
    PageDown,
    Top,
    Bottom,
    /// Open the item chosen: a tree row (again: fold or unfold it), the
    /// timeline's document, the finder's hit, the node peeked at.
    Open,
    /// Follow the link selected in the text.
    FollowLink,
    /// Go to the passage of the note chosen (notes pane, overview).
    GoToNote,
    /// Unfold / fold the tree's row.
    ExpandNode,
    CollapseNode,
    Back,
    Forward,
    /// Select the next / previous link of the text.
    NextLink,
    PrevLink,
    /// Show the selected link's footnote or annex in a popup.
    Peek,
    Find,
    FindNext,
    FindPrev,
    Finder,
    /// Type the tree's filter.
    Filter,
    /// Type the timeline's filter.
    FilterTimeline,
    /// Clear the find in the text, else the tree's filter.
    ClearSearch,
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
    /// Start selecting a passage.
    Select,
    /// Let the selection go.
    DropSelection,
    /// Move the selection's moving end by a character, word, sentence,
    /// paragraph (to its end or start) or line.
    ExtendCharForward,
    ExtendCharBack,
    ExtendWordForward,
    ExtendWordBack,
    ExtendSentenceForward,
    ExtendSentenceBack,
    ExtendParagraphForward,
    ExtendParagraphBack,
    ExtendLineDown,
    ExtendLineUp,
    /// Annotate the selection, else the open node.
    Annotate,
    /// Edit the note chosen.
    Edit,
    /// Edit the note chosen, its passage moved to the selection.
    AttachNote,
    Delete,
    Undo,
    Overview,
    Export,
    /// Close the popup or screen in force.
    Close,
    /// Leave a prompt or the editor, dropping what was typed.
    Cancel,
    /// End a prompt's typing, keeping what was typed.
    Done,
    /// Erase a character typed.
    Erase,
    /// The overview: erase a character of the text filter, or clear the
    /// filter chosen.
    EraseFilter,
    /// A prompt (find, filter, finder): erase all that is typed.
    ClearPrompt,
    /// The editor: store the note.
    Save,
    /// The next / previous field of the editor, the overview's filters or
    /// the export dialog.
    NextField,
    PrevField,
    /// The field's next / previous value: kind, status, a filter's value,
    /// the export's format or notes.
    NextValue,
    PrevValue,
    /// The editor: take the tag suggested, else go to the next field.
    Accept,
    /// The overview's order: written, due date, dossier.
    Sort,
    /// The overview at the action list: open toezeggingen and actions.
    ActionList,
    /// The overview: mark the chosen note done, or open again.
    ToggleDone,
    /// The export dialog: write the file.
    WriteExport,
    /// The answer to a question (throw the text away? overwrite the file?).
    Yes,
    No,
    /// A character typed into a prompt (finder, find, filter). Not bindable.
    Type(char),
    /// A key that no action of the mode takes, for the editor's text
    /// fields (cursor keys, Ctrl-w …). Not bindable.
    Key(Key),
}

impl Action {
    /// Every action a key can be bound to.
    pub const ALL: [Action; 72] = [
        Action::Quit,
        Action::Help,
        Action::NextPane,
        Action::PrevPane,
        Action::Up,
        Action::Down,
        Action::PageUp,
        Action::PageDown,
        Action::Top,
        Action::Bottom,
        Action::Open,
        Action::FollowLink,
        Action::GoToNote,
        Action::ExpandNode,
        Action::CollapseNode,
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
        Action::FilterTimeline,
        Action::ClearSearch,
        Action::GroupBy,
        Action::TreeWidth,
        Action::Details,
        Action::Timeline,
        Action::FoldAll,
        Action::UnfoldAll,
        Action::Copy,
        Action::OpenAddress,
        Action::Select,
        Action::DropSelection,
        Action::ExtendCharForward,
        Action::ExtendCharBack,
        Action::ExtendWordForward,
        Action::ExtendWordBack,
        Action::ExtendSentenceForward,
        Action::ExtendSentenceBack,
        Action::ExtendParagraphForward,
        Action::ExtendParagraphBack,
        Action::ExtendLineDown,
        Action::ExtendLineUp,
        Action::Annotate,
        Action::Edit,
        Action::AttachNote,
        Action::Delete,
        Action::Undo,
        Action::Overview,
        Action::Export,
        Action::Close,
        Action::Cancel,
        Action::Done,
        Action::Erase,
        Action::EraseFilter,
        Action::ClearPrompt,
        Action::Save,
        Action::NextField,
        Action::PrevField,
        Action::NextValue,
        Action::PrevValue,
        Action::Accept,
        Action::Sort,
        Action::ActionList,
        Action::ToggleDone,
        Action::WriteExport,
        Action::Yes,
        Action::No,
    ];

    /// The name used in `config.toml`.
    pub const fn name(self) -> &'static str {
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
            Action::FollowLink => "follow_link",
            Action::GoToNote => "go_to_note",
            Action::ExpandNode => "expand_node",
            Action::CollapseNode => "collapse_node",
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
            Action::FilterTimeline => "filter_timeline",
            Action::ClearSearch => "clear_search",
            Action::GroupBy => "group_by",
            Action::TreeWidth => "tree_width",
            Action::Details => "details",
            Action::Timeline => "timeline",
            Action::FoldAll => "fold_all",
            Action::UnfoldAll => "unfold_all",
            Action::Copy => "copy",
            Action::OpenAddress => "open_address",
            Action::Select => "select",
            Action::DropSelection => "drop_selection",
            Action::ExtendCharForward => "extend_char_forward",
            Action::ExtendCharBack => "extend_char_back",
            Action::ExtendWordForward => "extend_word_forward",
            Action::ExtendWordBack => "extend_word_back",
            Action::ExtendSentenceForward => "extend_sentence_forward",
            Action::ExtendSentenceBack => "extend_sentence_back",
            Action::ExtendParagraphForward => "extend_paragraph_forward",
            Action::ExtendParagraphBack => "extend_paragraph_back",
            Action::ExtendLineDown => "extend_line_down",
            Action::ExtendLineUp => "extend_line_up",
            Action::Annotate => "annotate",
            Action::Edit => "edit",
            Action::AttachNote => "attach_note",
            Action::Delete => "delete",
            Action::Undo => "undo",
            Action::Overview => "overview",
            Action::Export => "export",
            Action::Close => "close",
            Action::Cancel => "cancel",
            Action::Done => "done",
            Action::Erase => "erase",
            Action::EraseFilter => "erase_filter",
            Action::ClearPrompt => "clear",
            Action::Save => "save",
            Action::NextField => "next_field",
            Action::PrevField => "prev_field",
            Action::NextValue => "next_value",
            Action::PrevValue => "prev_value",
            Action::Accept => "accept",
            Action::Sort => "sort",
            Action::ActionList => "action_list",
            Action::ToggleDone => "toggle_done",
            Action::WriteExport => "write_export",
            Action::Yes => "yes",
            Action::No => "no",
            Action::Type(_) => "type",
            Action::Key(_) => "key",
        }
    }

    pub fn from_name(name: &str) -> Option<Action> {
        Action::ALL.into_iter().find(|a| a.name() == name)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip_and_are_unique() {
        let mut names: Vec<&str> = Action::ALL.iter().map(|a| a.name()).collect();
        for a in Action::ALL {
            assert_eq!(Action::from_name(a.name()), Some(a));
        }
        names.sort();
        names.dedup();
        assert_eq!(names.len(), Action::ALL.len());
    }
}
