//! Which annotation screen is up (the note editor, the overview, the
//! export dialog), as part of the interface's state, and its drawing.

use dossier_core::annotation::Annotation;
use ratatui::Frame;

use super::editor::NoteEditor;
use super::export_dialog::ExportDialog;
use super::overview::Overview;
use super::{editor_view, export_dialog_view, overview_view};
use crate::tui::mode::{EDITOR_HINTS, EXPORT_HINTS, Mode, OVERVIEW_HINTS, hints, keyed};
use crate::tui::state::State;
use dossier_core::messages::messages;

/// The annotation screen that is up, if any.
// One in the state: boxing the dialog would save nothing.
#[allow(clippy::large_enum_variant)]
#[derive(Debug, Clone, Default)]
pub enum Screen {
    #[default]
    None,
    Editor {
        editor: Box<NoteEditor>,
        /// The note as stored, when an existing one is edited.
        before: Option<Annotation>,
    },
    Overview,
    Export(ExportDialog),
}

/// The annotation screens' part of the state.
#[derive(Debug, Clone, Default)]
pub struct NotesUi {
    pub screen: Screen,
    /// The overview's filter and order, kept while it is closed (the
    /// export dialog offers its filter).
    pub overview: Overview,
    /// Written into each new note.
    pub author: String,
    /// The editor was opened from the overview: saving or cancelling goes
    /// back there.
    pub from_overview: bool,
}

/// Draws the annotation screen that is up over the browsing screens.
pub fn render(s: &State, frame: &mut Frame) {
    let area = frame.area();
    let ui = &s.notes_ui;
    let hints = |mode, words| hints(&s.keymap, mode, s.lang, words);
    match &ui.screen {
        Screen::None => {}
        Screen::Editor { editor, .. } => {
            let hints = if editor.confirming {
                keyed(s.lang, messages(s.lang).notes.confirm_discard, &s.keymap)
            } else {
                hints(Mode::Editor, EDITOR_HINTS)
            };
            editor_view::render(editor, (s.lang, &s.theme), &hints, frame, area)
        }
        Screen::Overview => overview_view::render(
            &ui.overview,
            &hints(Mode::Overview, OVERVIEW_HINTS),
            (&s.notes.notes, &s.notes.index, &s.corpus),
            jiff::Timestamp::now()
                .to_zoned_datetime(jiff::tz::TimeZone::system())
                .date(),
            (s.lang, &s.theme),
            frame,
            area,
        ),
        Screen::Export(d) => {
            let filtered = ui.overview.shown(&s.notes.notes, &s.notes.index).len();
            let counts = (filtered, s.notes.notes.len());
            let how = (s.lang, &s.theme);
            let hints = if d.confirming {
                keyed(s.lang, messages(s.lang).notes.overwrite, &s.keymap)
            } else {
                hints(Mode::Export, EXPORT_HINTS)
            };
            export_dialog_view::render(d, &ui.overview.filter, counts, how, &hints, frame, area);
        }
    }
}
