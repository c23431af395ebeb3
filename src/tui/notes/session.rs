//! The annotation screens in the running interface: the store behind them,
//! the selection, the editor, the overview and the export dialog. The loop
//! hands this the keys while one of its screens is open, and the
//! annotation actions at any time.

use crossterm::event::KeyEvent;
use dossier_core::Corpus;
use dossier_core::annotation::Annotation;
use ratatui::Frame;
use ratatui_textarea::Input;

use dossier_core::motion::{
    next_sentence_end, next_sentence_start, next_word_end, next_word_start, prev_sentence_end,
    prev_sentence_start, prev_word_end, prev_word_start,
};

use dossier_core::note_form::new_note;

use super::annotate::selection_quote;
use super::editor::{NoteEditor, Outcome as EditorOutcome};
use super::export_dialog::{ExportDialog, Outcome as ExportOutcome, chosen, perform};
use super::io::{NotesIo, Saved};
use super::labels::{self, Text};
use super::overview::{Outcome as OverviewOutcome, Overview};
use super::pane::notes_on;
use super::{editor_view, export_dialog_view, overview_view};
use crate::store::notes::{NotesStore, StoreError, entropy, now};
use crate::tui::action::Action;
use crate::tui::state::{Pane, State};
use crate::tui::update::open_node;

/// The annotation screen that is up, if any.
#[allow(clippy::large_enum_variant)]
enum Screen {
    None,
    Editor {
        editor: NoteEditor,
        before: Option<Annotation>,
    },
    Overview,
    Export(ExportDialog),
}

pub struct Session {
    io: Option<NotesIo>,
    screen: Screen,
    overview: Overview,
    author: String,
}

impl Session {
    /// Opens the store and shows its notes; a draft left by an earlier run
    /// is offered back in the editor.
    pub fn open(store: Result<NotesStore, StoreError>, author: String, s: &mut State) -> Session {
        let mut session = Session {
            io: None,
            screen: Screen::None,
            overview: Overview::default(),
            author,
        };
        match store {
            Ok(st) => {
                let mut io = NotesIo::new(st);
                let loaded = io.load(&s.corpus);
                if let Some(e) = loaded.errors.first() {
                    s.message = Some(format!("{}: {e}", labels::text(s.lang, Text::ReadOnly)));
                }
                s.set_notes(loaded);
                // Drafts that cannot be read are left where they are.
                let pending = io.pending_drafts().into_iter().find(|p| p.draft.is_ok());
                if let Some(p) = pending
                    && let Ok(d) = &p.draft
                {
                    let mut editor = NoteEditor::from_draft(d);
                    editor.notice = Some(labels::text(s.lang, Text::DraftOffer).to_string());
                    let before = d
                        .editing
                        .then(|| s.notes.notes.iter().find(|a| a.id == d.note.id).cloned())
                        .flatten();
                    // The old draft goes only once this run has journalled
                    // it: a crash right now must not lose it.
                    if io.write_draft(&editor).is_ok_and(|now| now != p.path) {
                        io.forget_draft(&p.path);
                    }
                    session.screen = Screen::Editor { editor, before };
                }
                session.io = Some(io);
            }
            Err(e) => s.message = Some(e.to_string()),
        }
        session
    }

    /// Whether keys go to an annotation screen rather than the keymap.
    pub fn wants_keys(&self, _s: &State) -> bool {
        !matches!(self.screen, Screen::None)
    }

    /// A session on `store` whose drafts stay in `store/drafts`, for tests.
    #[cfg(test)]
    pub fn for_test(store: &std::path::Path, s: &mut State) -> Session {
        let mut session = Session::open(NotesStore::open(store), "Tester".into(), s);
        if let Some(io) = session.io.as_mut() {
            io.use_journal(crate::store::drafts::Journal::in_dirs(vec![
                store.join("drafts"),
            ]));
        }
        session
    }

    /// The mode of the annotation screen that is up, if any.
    pub fn mode(&self) -> Option<crate::tui::mode::Mode> {
        use crate::tui::mode::Mode;
        match self.screen {
            Screen::None => None,
            Screen::Editor { .. } => Some(Mode::Editor),
            Screen::Overview => Some(Mode::Overview),
            Screen::Export(_) => Some(Mode::Export),
        }
    }

    /// Whether this layer takes the action.
    pub fn handles(&self, a: Action, s: &State) -> bool {
        match a {
            Action::Select
            | Action::Annotate
            | Action::Edit
            | Action::Delete
            | Action::Undo
            | Action::Overview
            | Action::Export => true,
            Action::Up | Action::Down | Action::Open => {
                s.focus == Pane::Notes || (s.selection.is_some() && a != Action::Open)
            }
            Action::Expand
            | Action::Collapse
            | Action::Cancel
            | Action::NextLink
            | Action::PrevLink
            | Action::NextSentence
            | Action::PrevSentence
            | Action::NextParagraph
            | Action::PrevParagraph => s.selection.is_some(),
            _ => false,
        }
    }

    pub fn act(&mut self, s: &mut State, a: Action) {
        s.message = None;
        if s.selection.is_some() && self.extend(s, a) {
            return;
        }
        match a {
            Action::Select => self.start_selection(s),
            Action::Annotate => self.annotate(s),
            // Only a note the user sees is deleted: the one chosen in the
            // notes pane, which is shown and has the focus. (The editor
            // shows the note it opens, so `e` needs no such rule.)
            Action::Delete if !s.notes_visible => {
                s.message = Some(labels::text(s.lang, Text::PaneHidden).to_string());
            }
            Action::Delete if s.focus != Pane::Notes => {
                s.message = Some(labels::text(s.lang, Text::FocusNotes).to_string());
            }
            Action::Edit => {
                if let Some(i) = self.selected_note(s) {
                    let note = s.notes.notes[i].clone();
                    let mut edited = note.clone();
                    // With a passage selected, the note moves to it: this is
                    // how a detached note is attached again by hand.
                    if let (Some((a, b)), Some(open)) = (s.selection, s.open)
                        && let Ok(doc) = s.corpus.body(open)
                        && let Some(q) = selection_quote(doc, a, b)
                    {
                        edited.target.quote = Some(q);
                        s.selection = None;
                    }
                    self.screen = Screen::Editor {
                        editor: NoteEditor::new(edited, false),
                        before: Some(note),
                    };
                }
            }
            Action::Delete => {
                if let (Some(i), Some(io)) = (self.selected_note(s), self.io.as_mut()) {
                    let id = s.notes.notes[i].id.clone();
                    s.message = Some(match io.delete(&id) {
                        Ok(()) => labels::text(s.lang, Text::Deleted).to_string(),
                        Err(e) => e,
                    });
                    self.reload(s);
                }
            }
            Action::Undo => {
                if let Some(io) = self.io.as_mut() {
                    s.message = Some(match io.undo() {
                        Ok(Some(_)) => labels::text(s.lang, Text::Undone).to_string(),
                        Ok(None) => labels::text(s.lang, Text::NothingToUndo).to_string(),
                        Err(e) => e,
                    });
                    self.reload(s);
                }
            }
            Action::Overview => self.screen = Screen::Overview,
            Action::Export => {
                self.screen = Screen::Export(ExportDialog::new(s.lang, &self.overview.filter))
            }
            Action::Up => s.notes_selected = s.notes_selected.saturating_sub(1),
            Action::Down => {
                let n = s.open.map_or(0, |o| notes_on(&s.notes.index, o).len());
                s.notes_selected = (s.notes_selected + 1).min(n.saturating_sub(1));
            }
            Action::Open => {
                if let Some(i) = self.selected_note(s) {
                    jump(s, i);
                }
            }
            _ => {}
        }
    }

    /// Moves the selection's moving end; `false` if the action is not a motion.
    fn extend(&mut self, s: &mut State, a: Action) -> bool {
        let Some((anchor, (p, c))) = s.selection else {
            return false;
        };
        let Some(open) = s.open else { return false };
        let Ok(doc) = s.corpus.body(open) else {
            return false;
        };
        let len = |p: usize| {
            doc.paragraphs
                .get(p)
                .map_or(0, |x| x.plain().chars().count())
        };
        let line = usize::from(s.reader_size.0.max(10));
        let to = match a {
            Action::Expand => {
                if c + 1 < len(p) {
                    (p, c + 1)
                } else if p + 1 < doc.paragraphs.len() {
                    (p + 1, 0)
                } else {
                    (p, c)
                }
            }
            Action::Collapse => {
                if c > 0 {
                    (p, c - 1)
                } else if p > 0 {
                    (p - 1, len(p - 1).saturating_sub(1))
                } else {
                    (p, c)
                }
            }
            // The moving end is inclusive: after the anchor it is a word's
            // last character, before it a word's first.
            Action::NextLink if (p, c) >= anchor => {
                (p, next_word_end(&doc.paragraphs[p].plain(), c))
            }
            Action::NextLink => (p, next_word_start(&doc.paragraphs[p].plain(), c)),
            Action::PrevLink if (p, c) > anchor => {
                let end = prev_word_end(&doc.paragraphs[p].plain(), c);
                (p, if (p, end) < anchor { anchor.1 } else { end })
            }
            Action::PrevLink => (p, prev_word_start(&doc.paragraphs[p].plain(), c)),
            Action::NextSentence if (p, c) >= anchor => {
                (p, next_sentence_end(&doc.paragraphs[p].plain(), c))
            }
            Action::NextSentence => (p, next_sentence_start(&doc.paragraphs[p].plain(), c)),
            Action::PrevSentence if (p, c) > anchor => {
                match prev_sentence_end(&doc.paragraphs[p].plain(), c) {
                    Some(end) if (p, end) >= anchor => (p, end),
                    _ => anchor,
                }
            }
            Action::PrevSentence => (p, prev_sentence_start(&doc.paragraphs[p].plain(), c)),
            // A paragraph step goes to the paragraph's end (or start), and
            // from there to the next (or previous) one's.
            Action::NextParagraph => {
                let end = len(p).saturating_sub(1);
                if c < end || p + 1 >= doc.paragraphs.len() {
                    (p, end)
                } else {
                    (p + 1, len(p + 1).saturating_sub(1))
                }
            }
            Action::PrevParagraph if (p, c) > anchor => {
                if p > anchor.0 {
                    (p - 1, len(p - 1).saturating_sub(1))
                } else {
                    anchor
                }
            }
            Action::PrevParagraph => {
                if c > 0 || p == 0 {
                    (p, 0)
                } else {
                    (p - 1, 0)
                }
            }
            Action::Down => (p, (c + line).min(len(p).saturating_sub(1))),
            Action::Up => (p, c.saturating_sub(line)),
            Action::Cancel | Action::Select => {
                s.selection = None;
                return true;
            }
            _ => return false,
        };
        s.selection = Some((anchor, to));
        true
    }

    /// Starts a selection at the current find hit (selecting it), the
    /// passage the finder jumped to, or the first paragraph in view.
    fn start_selection(&mut self, s: &mut State) {
        let Some(open) = s.open else { return };
        let Ok(doc) = s.corpus.body(open) else {
            return unreadable(s);
        };
        if doc.paragraphs.is_empty() {
            s.message = Some(labels::text(s.lang, Text::WholeNode).to_string());
            return;
        }
        let marked = s.marks.first().map(|&(p, _)| p).map(|p| {
            let chars = s.marks.iter().filter(|m| m.0 == p).map(|m| m.1);
            (
                (p, chars.clone().min().unwrap_or(0)),
                (p, chars.max().unwrap_or(0)),
            )
        });
        let sel = match s.find.hits.get(s.find.current) {
            Some(&(p, a, b)) if !s.find.query.is_empty() => {
                ((p, a), (p, b.saturating_sub(1).max(a)))
            }
            // The passage the finder jumped to.
            _ if marked.is_some() => marked.unwrap_or_default(),
            _ => {
                let p = s
                    .layout
                    .lines
                    .iter()
                    .skip(s.scroll)
                    .flat_map(|l| l.segs.iter())
                    .find_map(|seg| seg.para)
                    .unwrap_or(0);
                let end = next_word_end(&doc.paragraphs[p].plain(), 0);
                ((p, 0), (p, end))
            }
        };
        s.selection = Some(sel);
        s.focus = Pane::Reader;
    }

    fn annotate(&mut self, s: &mut State) {
        let Some(open) = s.open else { return };
        if s.notes.is_read_only() {
            s.message = Some(labels::text(s.lang, Text::ReadOnly).to_string());
            return;
        }
        let Ok(doc) = s.corpus.body(open) else {
            return unreadable(s);
        };
        let quote = s.selection.and_then(|(a, b)| selection_quote(doc, a, b));
        s.selection = None;
        let t = now();
        let note = new_note(&s.corpus, open, quote, self.author.clone(), t, entropy());
        self.screen = Screen::Editor {
            editor: NoteEditor::new(note, true),
            before: None,
        };
    }

    fn selected_note(&self, s: &State) -> Option<usize> {
        let open = s.open?;
        notes_on(&s.notes.index, open)
            .get(s.notes_selected)
            .copied()
    }

    fn reload(&mut self, s: &mut State) {
        if let Some(io) = &self.io {
            s.set_notes(io.load(&s.corpus));
        }
    }

    /// A key for the open annotation screen.
    pub fn key(&mut self, s: &mut State, ev: KeyEvent) {
        let input = Input::from(ev);
        match std::mem::replace(&mut self.screen, Screen::None) {
            Screen::None => {}
            Screen::Editor { mut editor, before } => {
                match editor.input(input, &s.notes.notes, now()) {
                    EditorOutcome::Nothing => self.screen = Screen::Editor { editor, before },
                    EditorOutcome::Changed => {
                        if let Some(io) = self.io.as_mut() {
                            let _ = io.write_draft(&editor);
                        }
                        self.screen = Screen::Editor { editor, before };
                    }
                    EditorOutcome::Cancel => {
                        if let Some(io) = self.io.as_mut() {
                            io.discard_draft();
                        }
                    }
                    EditorOutcome::Save(note) => self.save(s, editor, before, note),
                }
            }
            Screen::Overview => match self.overview.input(input, &s.notes.notes, &s.notes.index) {
                OverviewOutcome::Nothing => self.screen = Screen::Overview,
                OverviewOutcome::Close => {}
                OverviewOutcome::Jump(i) => jump(s, i),
                OverviewOutcome::Edit(i) => {
                    if let Some(note) = s.notes.notes.get(i).cloned() {
                        self.screen = Screen::Editor {
                            editor: NoteEditor::new(note.clone(), false),
                            before: Some(note),
                        };
                    }
                }
                OverviewOutcome::Delete(i) => {
                    if let (Some(note), Some(io)) = (s.notes.notes.get(i), self.io.as_mut()) {
                        let id = note.id.clone();
                        s.message = Some(match io.delete(&id) {
                            Ok(()) => labels::text(s.lang, Text::Deleted).to_string(),
                            Err(e) => e,
                        });
                        self.reload(s);
                    }
                    self.screen = Screen::Overview;
                }
            },
            Screen::Export(mut d) => match d.input(input, &|p| p.exists()) {
                ExportOutcome::Nothing => self.screen = Screen::Export(d),
                ExportOutcome::Close => {}
                ExportOutcome::Export {
                    format,
                    scope,
                    path,
                    delimiter,
                } => {
                    let notes =
                        chosen(scope, &self.overview.filter, &s.notes.notes, &s.notes.index);
                    match perform((format, delimiter), &path, &notes, &s.corpus, s.lang) {
                        Ok(done) => s.message = Some(done),
                        Err(why) => {
                            d.error = Some(why);
                            self.screen = Screen::Export(d);
                        }
                    }
                }
            },
        }
    }

    fn save(
        &mut self,
        s: &mut State,
        mut editor: NoteEditor,
        before: Option<Annotation>,
        note: Annotation,
    ) {
        let Some(io) = self.io.as_mut() else {
            editor.error = Some(labels::text(s.lang, Text::ReadOnly).to_string());
            self.screen = Screen::Editor { editor, before };
            return;
        };
        match io.save(&note, before.as_ref(), &editor) {
            Saved::Stored => {
                s.message = Some(labels::text(s.lang, Text::Saved).to_string());
                self.reload(s);
            }
            Saved::KeptAsDraft { error, draft } => {
                let kept = draft
                    .map(|d| format!(" ({})", d.display()))
                    .unwrap_or_default();
                editor.error = Some(format!(
                    "{error} — {}{kept}",
                    labels::text(s.lang, Text::KeptAsDraft)
                ));
                self.screen = Screen::Editor { editor, before };
            }
            Saved::Refused(why) => {
                editor.error = Some(why);
                self.screen = Screen::Editor { editor, before };
            }
        }
    }

    /// On SIGTERM or SIGHUP: the editor's text is kept in the journal.
    pub fn keep_draft(&mut self) {
        if let (Screen::Editor { editor, .. }, Some(io)) = (&self.screen, self.io.as_mut()) {
            let _ = io.write_draft(editor);
        }
    }

    pub fn render(&self, s: &State, frame: &mut Frame) {
        let area = frame.area();
        match &self.screen {
            Screen::None => {}
            Screen::Editor { editor, .. } => {
                editor_view::render(editor, (s.lang, &s.theme), frame, area)
            }
            Screen::Overview => overview_view::render(
                &self.overview,
                (&s.notes.notes, &s.notes.index),
                jiff::Timestamp::now()
                    .to_zoned_datetime(jiff::tz::TimeZone::system())
                    .date(),
                (s.lang, &s.theme),
                frame,
                area,
            ),
            Screen::Export(d) => {
                let filtered = self.overview.shown(&s.notes.notes, &s.notes.index).len();
                let counts = (filtered, s.notes.notes.len());
                let how = (s.lang, &s.theme);
                export_dialog_view::render(d, &self.overview.filter, counts, how, frame, area);
            }
        }
    }
}

/// Says that the open text could not be read, so there is nothing to
/// select or annotate in it.
fn unreadable(s: &mut State) {
    let says = crate::tui::i18n::t(s.lang, crate::tui::i18n::T::UnreadableHere);
    s.message = Some(says.to_string());
}

/// Opens the node of note `i` at its passage.
fn jump(s: &mut State, i: usize) {
    let Some(placed) = s.notes.index.get(i).copied() else {
        return;
    };
    let Some(node) = placed.node else { return };
    open_node(s, node, true);
    if let Some((start, _)) = placed.anchor.range() {
        let doc: &Corpus = &s.corpus;
        if let Ok(body) = doc.body(node)
            && let Some((p, c)) = dossier_core::note_index::paragraph_position(body, start)
            && let Some(line) = s.layout.line_of(p, c)
        {
            s.scroll = line.saturating_sub(2);
            s.clamp_scroll();
        }
    }
    s.focus = Pane::Reader;
}

#[cfg(test)]
mod tests;
