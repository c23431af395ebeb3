//! The drawing of the annotation screen in force (the note editor, the
//! overview, the export dialog) over the browsing screens.

use ratatui::Frame;

use super::{editor_view, export_dialog_view, overview_view};
use crate::tui::help::{EDITOR_HINTS, EXPORT_HINTS, OVERVIEW_HINTS, hints, keyed};
use crate::tui::mode::Mode;
use crate::tui::state::{Screen, State};
use dossier_core::messages::messages;

/// Draws `screen` if it is an annotation screen.
pub fn render(s: &State, screen: &Screen, frame: &mut Frame) {
    let area = frame.area();
    let ui = &s.notes_ui;
    let hints = |mode, words| hints(&s.keymap, mode, s.lang, words);
    match screen {
        Screen::Editor(e) => {
            let editor = &e.editor;
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
        _ => {}
    }
}
