//! The annotation screens: the notes pane, the editor, the overview of
//! all notes and the export dialog, and what a note's fields refuse.
//!
//! A phrase may name keys as `{action}` (a reading action) or
//! `{screen.action}` (one of a screen's own): the interface puts in the
//! key bound to it.

pub struct Notes {
    pub new_note: &'static str,
    pub edit_note: &'static str,
    /// The editor's fields.
    pub kind: &'static str,
    pub status: &'static str,
    /// A note on a whole node, not on a passage.
    pub whole_node: &'static str,
    pub confirm_discard: &'static str,
    pub overwrite: &'static str,
    /// A note in the pane whose passage is no longer in the text.
    pub detached_hint: &'static str,
    pub no_notes: &'static str,
    pub saved: &'static str,
    pub deleted: &'static str,
    /// Deleted in the overview, whose keys type: its own undo key.
    pub deleted_here: &'static str,
    pub undone: &'static str,
    pub nothing_to_undo: &'static str,
    pub read_only: &'static str,
    pub kept_as_draft: &'static str,
    pub draft_offer: &'static str,
    pub pane_hidden: &'static str,
    pub focus_notes: &'static str,

    // The overview: its filters, order and columns, in lower case.
    pub all_notes: &'static str,
    /// The filter on a note's text.
    pub text_filter: &'static str,
    pub tag: &'static str,
    pub kind_column: &'static str,
    pub status_column: &'static str,
    pub owner_column: &'static str,
    pub due_column: &'static str,
    pub section_column: &'static str,
    pub author: &'static str,
    pub detached: &'static str,
    pub attached: &'static str,
    /// A filter that lets every note through.
    pub any: &'static str,
    pub order: &'static str,
    /// The order in which notes were written.
    pub written: &'static str,

    // The export dialog.
    pub export_title: &'static str,
    pub format: &'static str,
    pub separator: &'static str,
    pub file: &'static str,
    /// The separators a sheet may have.
    pub semicolon: &'static str,
    pub comma: &'static str,
    /// No filter in force.
    pub no_filter: &'static str,
    /// The notes the overview's filter (`what`) lets through, of all.
    pub scope_filtered: fn(what: &str, filtered: usize, total: usize) -> String,
    pub scope_all: fn(total: usize) -> String,
    /// The file name an export is offered, before its extension.
    pub file_stem: &'static str,
    pub export_failed: fn(why: &str) -> String,

    // A field that does not hold what it must.
    pub bad_due: fn(&str) -> String,
    pub bad_kind: fn(&str) -> String,
    pub bad_status: fn(&str) -> String,
}
