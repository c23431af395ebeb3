//! The annotation actions as part of the one update function: the notes
//! pane, annotating, the editor, the overview and the export dialog (and
//! the selection's steps, `selection.rs`). Nothing here touches a file or reads a clock: saving, deleting,
//! undoing, drafts and exports are effects ([`NotesOp`]) the loop runs on
//! the notes service (which gives a new note its id and times), and what
//! came of them comes back through [`done`].

use std::path::PathBuf;

use dossier_core::annotation::Annotation;
use dossier_core::export::Format;
use dossier_core::note_form::new_note;

use super::super::notes::annotate::{notes_on, selection_quote};
use super::super::notes::editor::{NoteEditor, Outcome as EditorOutcome};
use super::super::notes::export_dialog::{ExportDialog, Outcome as ExportOutcome, chosen};
use super::super::notes::overview::Outcome as OverviewOutcome;
use super::selection::{extend, start_selection};
use super::{Effect, open_help, open_node};
use crate::app::notes::{Loaded, Unsaved};
use crate::tui::action::Action;
use crate::tui::help::keyed;
use crate::tui::state::{EditorScreen, Pane, Screen, State};
use dossier_core::lang::Lang;
use dossier_core::messages::messages;

/// Work on the notes store, for the loop to do.
// One per key at most, consumed at once (and boxed in `Effect`).
#[allow(clippy::large_enum_variant)]
#[derive(Debug, Clone)]
pub enum NotesOp {
    /// Store the editor's note: new, or replacing `before`.
    Save {
        note: Annotation,
        before: Option<Annotation>,
    },
    /// Journal what the editor holds, so no keystroke is lost in a crash.
    WriteDraft(Unsaved),
    /// The editor closed without saving: its draft goes.
    DiscardDraft,
    /// Delete a note (into `deleted/`, ready to be undone).
    Delete(String),
    Undo,
    /// Write these notes to a file.
    Export {
        format: Format,
        delimiter: u8,
        path: PathBuf,
        notes: Vec<Annotation>,
    },
}

/// What a store operation changed, to be said.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Change {
    Saved,
    Deleted,
    Undone,
}

impl Change {
    fn phrase(self, lang: Lang) -> &'static str {
        let m = &messages(lang).notes;
        match self {
            Change::Saved => m.saved,
            Change::Deleted => m.deleted,
            Change::Undone => m.undone,
        }
    }
}

/// What came of a [`NotesOp`].
#[derive(Debug, Clone)]
pub enum Done {
    /// The store changed: the notes as read back, and what to say.
    Changed { notes: Loaded, said: Change },
    /// Undo found nothing to take back.
    NothingToUndo,
    /// The note was not stored, and why; the editor stays open.
    NotSaved(String),
    /// A delete or undo failed: why, and the notes as they now are.
    Failed { notes: Option<Loaded>, why: String },
    /// The export's line for the status bar, or why it failed.
    Exported(Result<String, String>),
    /// Nothing to show (a draft written or thrown away).
    Quiet,
}

fn op(o: NotesOp) -> Vec<Effect> {
    vec![Effect::Notes(Box::new(o))]
}

/// Whether a browsing action is about a note or a selection, for [`act`].
pub fn takes(s: &State, a: Action) -> bool {
    // A prompt being typed (find, tree filter) takes its own keys: Enter
    // ends it whichever pane has the focus.
    if s.prompt().is_some() {
        return false;
    }
    match a {
        Action::Select
        | Action::Annotate
        | Action::Edit
        | Action::AttachNote
        | Action::Delete
        | Action::Undo
        | Action::Overview
        | Action::Export
        | Action::GoToNote => true,
        // The notes pane's list.
        Action::Up | Action::Down => s.focus == Pane::Notes,
        Action::DropSelection
        | Action::ExtendCharForward
        | Action::ExtendCharBack
        | Action::ExtendWordForward
        | Action::ExtendWordBack
        | Action::ExtendSentenceForward
        | Action::ExtendSentenceBack
        | Action::ExtendParagraphForward
        | Action::ExtendParagraphBack
        | Action::ExtendLineDown
        | Action::ExtendLineUp => s.selection().is_some(),
        _ => false,
    }
}

/// A browsing action about a note or a selection.
pub fn act(s: &mut State, a: Action) -> Vec<Effect> {
    s.message = None;
    if extend(s, a) {
        return Vec::new();
    }
    match a {
        Action::Select => start_selection(s),
        Action::Annotate => annotate(s),
        // Only a note the user sees is deleted: the one chosen in the
        // notes pane, which is shown and has the focus. (The editor shows
        // the note it opens, so `e` needs no such rule.)
        Action::Delete if !s.notes_visible => {
            s.message = Some(keyed(s.lang, messages(s.lang).notes.pane_hidden, &s.keymap));
        }
        Action::Delete if s.focus != Pane::Notes => {
            s.message = Some(keyed(s.lang, messages(s.lang).notes.focus_notes, &s.keymap));
        }
        Action::Delete => {
            if let Some(i) = selected_note(s) {
                return op(NotesOp::Delete(s.notes.notes[i].id.clone()));
            }
        }
        Action::Edit | Action::AttachNote => {
            if let Some(i) = selected_note(s) {
                let note = s.notes.notes[i].clone();
                let mut edited = note.clone();
                // Attached: the note moves to the passage selected; this
                // is how a detached note is attached again by hand.
                if let (Action::AttachNote, Some((a, b)), Some(open)) = (a, s.selection(), s.open)
                    && let Ok(doc) = s.corpus.body(open)
                    && let Some(q) = selection_quote(doc, a, b)
                {
                    edited.target.quote = Some(q);
                    s.drop_selection();
                }
                open_editor(s, NoteEditor::new(edited, false), Some(note), false);
            }
        }
        Action::Undo => return op(NotesOp::Undo),
        Action::Overview => s.screen = Screen::Overview,
        Action::Export => {
            s.screen = Screen::Export(ExportDialog::new(s.lang, &s.notes_ui.overview.filter))
        }
        Action::Up => s.notes_selected = s.notes_selected.saturating_sub(1),
        Action::Down => {
            let n = s.open.map_or(0, |o| notes_on(&s.notes.index, o).len());
            s.notes_selected = (s.notes_selected + 1).min(n.saturating_sub(1));
        }
        Action::GoToNote => {
            if let Some(i) = selected_note(s) {
                jump(s, i);
            }
        }
        _ => {}
    }
    Vec::new()
}

fn open_editor(s: &mut State, editor: NoteEditor, before: Option<Annotation>, from_overview: bool) {
    s.screen = Screen::Editor(Box::new(EditorScreen {
        editor,
        before,
        from_overview,
    }));
}

/// An action on the annotation screen that is up (its help, F1, is
/// opened here too, over it).
pub fn screen(s: &mut State, a: Action) -> Vec<Effect> {
    if a == Action::Help {
        open_help(s);
        return Vec::new();
    }
    match std::mem::take(&mut s.screen) {
        Screen::Editor(mut e) => {
            let outcome = e.editor.act(a, &s.notes.notes);
            if let Some(err) = e.editor.form_error.take() {
                e.editor.error = Some(err.message(s.lang));
            }
            match outcome {
                EditorOutcome::Nothing => {
                    s.screen = Screen::Editor(e);
                    Vec::new()
                }
                EditorOutcome::Changed => {
                    let draft = NotesOp::WriteDraft(e.editor.unsaved());
                    s.screen = Screen::Editor(e);
                    op(draft)
                }
                EditorOutcome::Cancel => {
                    if e.from_overview {
                        s.screen = Screen::Overview;
                    }
                    op(NotesOp::DiscardDraft)
                }
                // The editor stays open until the store says it is stored.
                EditorOutcome::Save(note) => {
                    let save = NotesOp::Save {
                        note,
                        before: e.before.clone(),
                    };
                    s.screen = Screen::Editor(e);
                    op(save)
                }
            }
        }
        Screen::Overview => {
            let outcome = s.notes_ui.overview.act(a, &s.notes.notes, &s.notes.index);
            s.screen = Screen::Overview;
            match outcome {
                OverviewOutcome::Nothing => {}
                OverviewOutcome::Close => s.screen = Screen::default(),
                OverviewOutcome::Jump(i) => {
                    s.screen = Screen::default();
                    jump(s, i);
                }
                OverviewOutcome::Edit(i) => {
                    if let Some(note) = s.notes.notes.get(i).cloned() {
                        open_editor(s, NoteEditor::new(note.clone(), false), Some(note), true);
                    }
                }
                // Done (or open again) in one key, stored as an edit.
                OverviewOutcome::ToggleDone(i) => {
                    if let Some(before) = s.notes.notes.get(i).cloned() {
                        let mut note = before.clone();
                        note.status = match note.status {
                            dossier_core::annotation::Status::Done => {
                                dossier_core::annotation::Status::Open
                            }
                            dossier_core::annotation::Status::Open => {
                                dossier_core::annotation::Status::Done
                            }
                        };
                        // The service stamps `updated`.
                        return op(NotesOp::Save {
                            note,
                            before: Some(before),
                        });
                    }
                }
                OverviewOutcome::Undo => return op(NotesOp::Undo),
                OverviewOutcome::Delete(i) => {
                    if let Some(note) = s.notes.notes.get(i) {
                        return op(NotesOp::Delete(note.id.clone()));
                    }
                }
            }
            Vec::new()
        }
        Screen::Export(mut d) => {
            let outcome = d.act(a, &|p| p.exists());
            s.screen = Screen::Export(d);
            match outcome {
                ExportOutcome::Nothing => Vec::new(),
                ExportOutcome::Close => {
                    s.screen = Screen::default();
                    Vec::new()
                }
                // The dialog stays until the file is written: a failure
                // keeps the path typed.
                ExportOutcome::Export {
                    format,
                    scope,
                    path,
                    delimiter,
                } => {
                    let notes = chosen(
                        scope,
                        &s.notes_ui.overview.filter,
                        &s.notes.notes,
                        &s.notes.index,
                    );
                    op(NotesOp::Export {
                        format,
                        delimiter,
                        path,
                        notes,
                    })
                }
            }
        }
        other => {
            s.screen = other;
            Vec::new()
        }
    }
}

/// What came of a store operation, back into the state.
pub fn done(s: &mut State, d: Done) {
    match d {
        Done::Changed { notes, said } => {
            s.set_notes(notes);
            s.message = Some(keyed(s.lang, said.phrase(s.lang), &s.keymap));
            // A save closes the editor, back to the overview where it was
            // opened from; a delete leaves the overview up, and says
            // which of its keys takes it back.
            if let Screen::Editor(e) = &s.screen
                && said == Change::Saved
            {
                s.screen = if e.from_overview {
                    Screen::Overview
                } else {
                    Screen::default()
                };
            }
            if matches!(s.screen, Screen::Overview) && said == Change::Deleted {
                s.message = Some(keyed(
                    s.lang,
                    messages(s.lang).notes.deleted_here,
                    &s.keymap,
                ));
            }
        }
        Done::NothingToUndo => {
            s.message = Some(messages(s.lang).notes.nothing_to_undo.to_string());
        }
        Done::NotSaved(why) => match &mut s.screen {
            Screen::Editor(e) => e.editor.error = Some(why),
            _ => s.message = Some(why),
        },
        Done::Failed { notes, why } => {
            if let Some(n) = notes {
                s.set_notes(n);
            }
            s.message = Some(why);
        }
        Done::Exported(Ok(line)) => {
            if matches!(s.screen, Screen::Export(_)) {
                s.screen = Screen::default();
            }
            s.message = Some(line);
        }
        Done::Exported(Err(why)) => match &mut s.screen {
            Screen::Export(d) => d.error = Some(why),
            _ => s.message = Some(why),
        },
        Done::Quiet => {}
    }
}

/// Ctrl-c, or a signal: the note being written stays as a draft, offered
/// again at the next start.
pub fn keep_draft(s: &State) -> Vec<Effect> {
    match s.screen.base() {
        Screen::Editor(e) => op(NotesOp::WriteDraft(e.editor.unsaved())),
        _ => Vec::new(),
    }
}

fn annotate(s: &mut State) {
    let Some(open) = s.open else { return };
    if s.notes.is_read_only() {
        s.message = Some(messages(s.lang).notes.read_only.to_string());
        return;
    }
    let Ok(doc) = s.corpus.body(open) else {
        return unreadable(s);
    };
    let quote = s.selection().and_then(|(a, b)| selection_quote(doc, a, b));
    s.drop_selection();
    // Unstamped: the notes service gives it its id and times when it
    // stores it.
    let note = new_note(
        &s.corpus,
        open,
        quote,
        s.notes_ui.author.clone(),
        jiff::Timestamp::UNIX_EPOCH,
        0,
    );
    open_editor(s, NoteEditor::new(note, true), None, false);
}

fn selected_note(s: &State) -> Option<usize> {
    let open = s.open?;
    notes_on(&s.notes.index, open)
        .get(s.notes_selected)
        .copied()
}

/// Says that the open text could not be read, so there is nothing to
/// select or annotate in it.
pub(super) fn unreadable(s: &mut State) {
    let says = messages(s.lang).browse.unreadable_here;
    s.message = Some(says.to_string());
}

/// Opens the node of note `i` at its passage.
fn jump(s: &mut State, i: usize) {
    let Some(placed) = s.notes.index.get(i).copied() else {
        return;
    };
    let Some(node) = placed.node else { return };
    open_node(s, node, true);
    if let Some((start, _)) = placed.anchor.range()
        && let Ok(doc) = s.corpus.body(node)
        && let Some((p, c)) = dossier_core::note_index::paragraph_position(doc, start)
        && let Some(line) = s.layout.line_of(p, c)
    {
        s.scroll = line.saturating_sub(2);
        s.clamp_scroll();
    }
    s.focus = Pane::Reader;
}

#[cfg(test)]
mod tests;
#[cfg(test)]
mod verbatim;
