//! Carries out the annotation screens' effects on the notes service (the
//! one the command line uses too): the one place where the interface's
//! notes touch a file. The loop hands it each [`NotesOp`] and gives what
//! came of it back to the update function.

use std::path::Path;

use dossier_core::Corpus;
use dossier_core::annotation::Annotation;
use dossier_core::export::Format;
use dossier_core::lang::Lang;

use super::editor::NoteEditor;
use crate::app::notes::{NotesService, SaveError, Unsaved};
use crate::store::export_file;
use crate::store::notes::StoreError;
use crate::tui::state::{EditorScreen, Screen, State};
use crate::tui::update::Effect;
use crate::tui::update::notes::{self, Change, Done, NotesOp};
use dossier_core::messages::messages;

pub struct Runner {
    /// `None` when the store could not be opened: nothing is written.
    notes: Option<NotesService>,
}

impl Runner {
    /// Opens the store and shows its notes; a draft left by an earlier run
    /// is offered back in the editor, with a word on why it is open.
    pub fn open(
        service: Result<NotesService, StoreError>,
        author: String,
        s: &mut State,
    ) -> Runner {
        s.notes_ui.author = author;
        let mut io = match service {
            Ok(io) => io,
            Err(e) => {
                s.message = Some(e.to_string());
                return Runner { notes: None };
            }
        };
        let loaded = io.load(&s.corpus);
        if let Some(e) = loaded.errors.first() {
            s.message = Some(format!("{}: {e}", messages(s.lang).notes.read_only));
        }
        s.set_notes(loaded);
        // Drafts that cannot be read are left where they are.
        let pending = io.pending_drafts().into_iter().find(|p| p.draft.is_ok());
        if let Some(p) = pending
            && let Ok(d) = &p.draft
        {
            let mut editor = NoteEditor::from_draft(&Unsaved::from(d));
            editor.notice = Some(crate::tui::help::keyed(
                s.lang,
                messages(s.lang).notes.draft_offer,
                &s.keymap,
            ));
            let before = d
                .editing
                .then(|| s.notes.notes.iter().find(|a| a.id == d.note.id).cloned())
                .flatten();
            // The old draft goes only once this run has journalled it: a
            // crash right now must not lose it.
            if io
                .write_draft(&editor.unsaved())
                .is_ok_and(|now| now != p.path)
            {
                io.forget_draft(&p.path);
            }
            s.screen = Screen::Editor(Box::new(EditorScreen {
                editor,
                before,
                from_overview: false,
            }));
        }
        Runner { notes: Some(io) }
    }

    /// A runner on `store` whose drafts stay in `store/drafts`, on a fixed
    /// clock and counted ids, for tests.
    #[cfg(test)]
    pub fn for_test(store: &std::path::Path, s: &mut State) -> Runner {
        use crate::app::notes::{CountedIds, FixedClock};
        let service = crate::store::notes::NotesStore::open(store).map(|st| {
            let clock = FixedClock(jiff::Timestamp::from_second(1_765_000_000).unwrap_or_default());
            let mut service = NotesService::with(st, clock, CountedIds { next: 1, step: 1 });
            service.use_journal(crate::store::drafts::Journal::in_dirs(vec![
                store.join("drafts"),
            ]));
            service
        });
        Runner::open(service, "Tester".into(), s)
    }

    /// Carries out the notes effects among `effects`, each outcome given
    /// back to the update function at once; the others (searches) are
    /// returned for the loop.
    pub fn run_effects(&mut self, s: &mut State, effects: Vec<Effect>) -> Vec<Effect> {
        let mut rest = Vec::new();
        for e in effects {
            match e {
                Effect::Notes(op) => {
                    let d = self.run(*op, &s.corpus, s.lang);
                    notes::done(s, d);
                }
                other => rest.push(other),
            }
        }
        rest
    }

    /// Carries out one operation.
    pub fn run(&mut self, op: NotesOp, corpus: &Corpus, lang: Lang) -> Done {
        if let NotesOp::Export {
            format,
            delimiter,
            path,
            notes,
        } = &op
        {
            return Done::Exported(perform((*format, *delimiter), path, notes, corpus, lang));
        }
        let Some(io) = self.notes.as_mut() else {
            return match op {
                NotesOp::Save { .. } | NotesOp::Delete(_) | NotesOp::Undo => {
                    Done::NotSaved(messages(lang).notes.read_only.to_string())
                }
                _ => Done::Quiet,
            };
        };
        match op {
            NotesOp::Save { note, before } => match match &before {
                None => io.add(&note),
                Some(b) => io.edit(b, &note),
            } {
                Ok(_) => Done::Changed {
                    notes: io.load(corpus),
                    said: Change::Saved,
                },
                Err(SaveError::KeptAsDraft { error, draft }) => {
                    let kept = draft
                        .map(|d| format!(" ({})", d.display()))
                        .unwrap_or_default();
                    Done::NotSaved(format!(
                        "{error} — {}{kept}",
                        messages(lang).notes.kept_as_draft
                    ))
                }
                Err(SaveError::Refused(why)) => Done::NotSaved(why.to_string()),
            },
            NotesOp::WriteDraft(unsaved) => {
                // A failure leaves the text in the editor; the next
                // keystroke tries again.
                let _ = io.write_draft(&unsaved);
                Done::Quiet
            }
            NotesOp::DiscardDraft => {
                io.discard_draft();
                Done::Quiet
            }
            NotesOp::Delete(id) => match io.delete(&id) {
                Ok(_) => Done::Changed {
                    notes: io.load(corpus),
                    said: Change::Deleted,
                },
                Err(why) => Done::Failed {
                    notes: Some(io.load(corpus)),
                    why: why.to_string(),
                },
            },
            NotesOp::Undo => match io.undo() {
                Ok(Some(_)) => Done::Changed {
                    notes: io.load(corpus),
                    said: Change::Undone,
                },
                Ok(None) => Done::NothingToUndo,
                Err(why) => Done::Failed {
                    notes: Some(io.load(corpus)),
                    why: why.to_string(),
                },
            },
            NotesOp::Export { .. } => Done::Quiet,
        }
    }
}

/// Writes the export and says how it went: the line for the status bar,
/// or why it failed, for the dialog (which then stays open).
pub fn perform(
    (format, delimiter): (Format, u8),
    path: &Path,
    notes: &[Annotation],
    corpus: &Corpus,
    lang: Lang,
) -> Result<String, String> {
    let written = export_file::export(path, format, notes, corpus, (lang, delimiter));
    let shown = dossier_core::text::sanitize_line(&path.display().to_string());
    let m = messages(lang);
    match written {
        Ok(()) => Ok((m.export.exported)(
            &(m.shared.notes_count)(notes.len()),
            &shown,
        )),
        Err(e) => Err((m.notes.export_failed)(&dossier_core::text::sanitize_line(
            &e,
        ))),
    }
}
