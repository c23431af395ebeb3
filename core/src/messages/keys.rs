//! What keys do: each action in the help, the words of the hint lines
//! and the status bar, and what an action does in a mode of its own.

pub struct Keys {
    /// What each action does, for the help.
    pub actions: ActionWords,

    // The short words after a key in the hint lines and the status bar.
    pub close: &'static str,
    pub open: &'static str,
    pub choose: &'static str,
    /// Ending what is typed, keeping it.
    pub finished: &'static str,
    pub cancel: &'static str,
    /// The help, with every key.
    pub all_keys: &'static str,
    /// The help, from a screen of its own.
    pub keys: &'static str,
    /// The details above the text, all of them.
    pub details: &'static str,
    /// Selecting: the end by word, sentence, paragraph.
    pub word: &'static str,
    pub sentence: &'static str,
    pub paragraph: &'static str,
    /// From the overview to a note's place.
    pub go_to: &'static str,
    pub open_actions: &'static str,
    /// A filter's value.
    pub value: &'static str,
    pub field: &'static str,
    pub export: &'static str,

    // What the actions of the other modes do, and what an action does in
    // a mode where that is said otherwise than while reading.
    pub select_char_on: &'static str,
    pub select_char_back: &'static str,
    pub select_word_on: &'static str,
    pub select_word_back: &'static str,
    pub select_sentence_on: &'static str,
    pub select_sentence_back: &'static str,
    pub select_paragraph_end: &'static str,
    pub select_paragraph_start: &'static str,
    pub select_line_on: &'static str,
    pub select_line_back: &'static str,
    pub drop_selection: &'static str,
    pub annotate_passage: &'static str,
    pub attach_note: &'static str,
    pub close_help: &'static str,
    pub open_it: &'static str,
    pub close_timeline: &'static str,
    /// The editor's cancel, which asks before text would go.
    pub editor_cancel: &'static str,
    pub next_kind_or_status: &'static str,
    pub prev_kind_or_status: &'static str,
    pub next_suggestion: &'static str,
    pub prev_suggestion: &'static str,
    pub take_tag: &'static str,
    pub next_note: &'static str,
    pub prev_note: &'static str,
    pub go_to_note: &'static str,
    /// The overview's orders, in turn.
    pub sort_orders: &'static str,
    pub next_filter: &'static str,
    pub prev_filter: &'static str,
    pub next_filter_value: &'static str,
    pub prev_filter_value: &'static str,
    pub clear_filter: &'static str,
    pub edit_the_note: &'static str,
    pub delete_the_note: &'static str,
    pub next_format_or_scope: &'static str,
    pub prev_format_or_scope: &'static str,

    // The help's lines that are no action's keys.
    /// Letters type.
    pub typing: &'static str,
    pub filter_by_text: &'static str,
    pub type_file_name: &'static str,
    pub edit_text_and_fields: &'static str,
    /// The finder's query syntax: `'word ^start end$ !not a | b`.
    pub finder_syntax: &'static str,
}

/// What each action does while reading (yes and no are
/// [`super::Shared::yes`] and [`super::Shared::no`]).
pub struct ActionWords {
    pub quit: &'static str,
    pub help: &'static str,
    pub next_pane: &'static str,
    pub prev_pane: &'static str,
    pub up: &'static str,
    pub down: &'static str,
    pub page_up: &'static str,
    pub page_down: &'static str,
    pub top: &'static str,
    pub bottom: &'static str,
    /// The item chosen: a tree row, a document, a hit, a footnote.
    pub open: &'static str,
    pub follow_link: &'static str,
    pub collapse_node: &'static str,
    pub expand_node: &'static str,
    pub back: &'static str,
    pub forward: &'static str,
    pub next_link: &'static str,
    pub prev_link: &'static str,
    pub peek: &'static str,
    pub find: &'static str,
    pub find_next: &'static str,
    pub find_prev: &'static str,
    pub finder: &'static str,
    pub filter: &'static str,
    pub filter_timeline: &'static str,
    /// The find in the text, else the tree's filter.
    pub clear_search: &'static str,
    pub group_by: &'static str,
    pub tree_width: &'static str,
    pub details: &'static str,
    pub timeline: &'static str,
    pub fold_all: &'static str,
    pub toggle_done: &'static str,
    pub clear_prompt: &'static str,
    pub unfold_all: &'static str,
    pub copy: &'static str,
    pub open_address: &'static str,
    pub select: &'static str,
    pub annotate: &'static str,
    pub edit: &'static str,
    pub delete: &'static str,
    pub undo: &'static str,
    pub overview: &'static str,
    pub export: &'static str,
    pub erase: &'static str,
    pub save: &'static str,
    pub next_field: &'static str,
    pub prev_field: &'static str,
    pub next_value: &'static str,
    pub prev_value: &'static str,
    pub sort: &'static str,
    /// Also the overview's filter of that name.
    pub action_list: &'static str,
}
