//! The note editor: a multi-line text on ratatui-textarea, and the fields
//! kind, status, tags (completed from the tags in use), owner and due date.
//! It takes key input and says what happened; saving, drafts and the store
//! are left to the caller, so the editor itself does no I/O.
//!
//! The editor holds the note as written, control characters and all: a
//! note whose status alone changes is stored byte for byte as it was.
//! Cleaning for the terminal happens where it is drawn (see
//! [`super::editor_view`]).

use dossier_core::annotation::{Annotation, Kind, Status};
use dossier_core::note_form::NoteForm;
use dossier_core::note_index::complete_tag;
use ratatui::style::Style;
use ratatui_textarea::{CursorMove, Input, TextArea, WrapMode};

use crate::app::notes::Unsaved;
use crate::tui::action::Action;
use crate::tui::key::Key as KeymapKey;

/// Where the keys go.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    Body,
    Kind,
    Status,
    Tags,
    Owner,
    Due,
}

/// What a key did.
// One per key press, consumed at once: boxing would save nothing.
#[allow(clippy::large_enum_variant)]
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    /// Nothing that matters outside the editor.
    Nothing,
    /// The note changed: write the draft.
    Changed,
    /// Store this annotation; the editor stays open until the caller
    /// confirms it is stored.
    Save(Annotation),
    /// Close without saving (asked first when text would be lost).
    Cancel,
}

#[derive(Debug, Clone)]
pub struct NoteEditor {
    /// The note as it was when the editor opened.
    pub base: Annotation,
    pub is_new: bool,
    body: TextArea<'static>,
    tags: TextArea<'static>,
    owner: TextArea<'static>,
    due: TextArea<'static>,
    kind: Kind,
    status: Status,
    pub focus: Field,
    /// Asking whether to throw the text away.
    pub confirming: bool,
    /// Why the last save was refused.
    pub error: Option<String>,
    /// The field that refused it, for the message in the interface's
    /// language.
    pub form_error: Option<dossier_core::note_form::FormError>,
    /// Why the editor is open without being asked, shown above the
    /// note (a draft restored from an earlier run).
    pub notice: Option<String>,
    /// Completions for the tag being typed, and the chosen one.
    pub suggestions: Vec<String>,
    pub chosen: usize,
    /// The text and fields when opened, to know whether anything would be
    /// lost.
    pristine: (String, NoteForm),
}

/// A one-line field, holding the text as written (the view cleans what it
/// draws).
fn line_area(text: &str) -> TextArea<'static> {
    let mut t = TextArea::new(vec![text.to_string()]);
    t.set_cursor_line_style(Style::default());
    t.move_cursor(CursorMove::End);
    t
}

impl NoteEditor {
    /// An editor on `note`: a new one (`is_new`) or an existing one.
    pub fn new(note: Annotation, is_new: bool) -> NoteEditor {
        let form = NoteForm::from_note(&note);
        Self::with(note, is_new, form)
    }

    /// An editor that continues a draft left behind.
    pub fn from_draft(draft: &Unsaved) -> NoteEditor {
        let mut form = NoteForm::from_note(&draft.note);
        form.due = draft.due_text.clone();
        let mut e = Self::with(draft.note.clone(), !draft.editing, form);
        // Restored text is not saved yet: leaving should ask.
        e.pristine.0 = String::new();
        e
    }

    fn with(note: Annotation, is_new: bool, form: NoteForm) -> NoteEditor {
        // Split on line feeds only, so that joining them gives the body
        // back exactly (a carriage return stays at its line's end).
        let lines: Vec<String> = note.body.split('\n').map(str::to_string).collect();
        let mut body = TextArea::new(lines);
        body.set_cursor_line_style(Style::default());
        body.set_wrap_mode(WrapMode::WordOrGlyph);
        body.move_cursor(CursorMove::Bottom);
        body.move_cursor(CursorMove::End);
        let pristine = (note.body.clone(), form.clone());
        NoteEditor {
            base: note,
            is_new,
            body,
            tags: line_area(&form.tags),
            owner: line_area(&form.owner),
            due: line_area(&form.due),
            kind: form.kind,
            status: form.status,
            focus: Field::Body,
            confirming: false,
            form_error: None,
            error: None,
            notice: None,
            suggestions: Vec::new(),
            chosen: 0,
            pristine,
        }
    }

    pub fn body_area(&self) -> &TextArea<'static> {
        &self.body
    }

    pub fn line_field(&self, f: Field) -> Option<&TextArea<'static>> {
        match f {
            Field::Tags => Some(&self.tags),
            Field::Owner => Some(&self.owner),
            Field::Due => Some(&self.due),
            _ => None,
        }
    }

    /// The body as it stands, exactly as written.
    pub fn body_text(&self) -> String {
        self.body.lines().join("\n")
    }

    pub fn form(&self) -> NoteForm {
        NoteForm {
            kind: self.kind,
            status: self.status,
            tags: self.tags.lines().concat(),
            owner: self.owner.lines().concat(),
            due: self.due.lines().concat(),
        }
    }

    /// Whether closing now would lose something typed.
    pub fn is_dirty(&self) -> bool {
        let body = self.body_text();
        body.trim_end() != self.pristine.0.trim_end() || self.form() != self.pristine.1
    }

    /// The fields in the order Tab visits them; owner and due date for the
    /// kinds that have them, and for a note that holds them.
    pub fn fields(&self) -> Vec<Field> {
        let mut f = vec![Field::Body, Field::Kind, Field::Status, Field::Tags];
        if self.form().shows_owner() {
            f.extend([Field::Owner, Field::Due]);
        }
        f
    }

    fn step_focus(&mut self, forward: bool) {
        let fields = self.fields();
        let at = fields.iter().position(|&f| f == self.focus).unwrap_or(0);
        let n = fields.len();
        self.focus = fields[if forward {
            (at + 1) % n
        } else {
            (at + n - 1) % n
        }];
    }

    /// Whether the field in focus takes `a`; if not, its key edits the
    /// text (Enter is a new line in the note, ← moves the cursor).
    pub fn takes(&self, a: Action) -> bool {
        match a {
            Action::Save
            | Action::Cancel
            | Action::NextField
            | Action::PrevField
            | Action::Help
            | Action::Yes
            | Action::No => true,
            Action::NextValue | Action::PrevValue => {
                matches!(self.focus, Field::Kind | Field::Status)
            }
            Action::Up | Action::Down => self.focus == Field::Tags && !self.suggestions.is_empty(),
            Action::Accept => self.focus != Field::Body,
            _ => false,
        }
    }

    /// Acts on one action. `notes` are those in the store, for completing
    /// tags.
    pub fn act(&mut self, a: Action, notes: &[Annotation]) -> Outcome {
        if self.confirming {
            return match a {
                Action::Yes => Outcome::Cancel,
                Action::No => {
                    self.confirming = false;
                    Outcome::Nothing
                }
                _ => Outcome::Nothing,
            };
        }
        match a {
            Action::Save => return self.save(),
            Action::Cancel => {
                if self.is_dirty() {
                    self.confirming = true;
                    return Outcome::Nothing;
                }
                return Outcome::Cancel;
            }
            Action::NextField | Action::PrevField => {
                self.step_focus(a == Action::NextField);
                return Outcome::Nothing;
            }
            _ => {}
        }
        self.error = None;
        let changed = match (self.focus, a) {
            (Field::Kind | Field::Status, Action::NextValue | Action::PrevValue) => {
                self.cycle(if a == Action::NextValue { 1 } else { -1 });
                true
            }
            (Field::Tags, Action::Up | Action::Down | Action::Accept) => self.tag_action(a),
            (Field::Kind | Field::Status | Field::Owner | Field::Due, Action::Accept) => {
                self.step_focus(true);
                false
            }
            (Field::Body, Action::Key(k)) => self.body.input(to_input(k)),
            (Field::Tags, Action::Key(k)) => self.tag_input(to_input(k), notes),
            (Field::Owner, Action::Key(k)) => self.owner.input(to_input(k)),
            (Field::Due, Action::Key(k)) => self.due.input(to_input(k)),
            _ => false,
        };
        if changed {
            Outcome::Changed
        } else {
            Outcome::Nothing
        }
    }

    /// The note to store. Its times (and a new note's id) are the notes
    /// service's to give when it stores it.
    fn save(&mut self) -> Outcome {
        match self
            .form()
            .apply(&self.base, &self.body_text(), self.base.updated)
        {
            Ok(a) => {
                self.error = None;
                Outcome::Save(a)
            }
            Err(e) => {
                // In the interface's language: see `update::screen`.
                self.error = Some(e.to_string());
                self.form_error = Some(e);
                self.focus = Field::Due;
                Outcome::Nothing
            }
        }
    }

    /// The next (or previous) kind or status.
    fn cycle(&mut self, step: isize) {
        if self.focus == Field::Kind {
            let all = Kind::ALL;
            let at = all.iter().position(|&k| k == self.kind).unwrap_or(0) as isize;
            self.kind = all[(at + step).rem_euclid(all.len() as isize) as usize];
        } else {
            self.status = match self.status {
                Status::Open => Status::Done,
                Status::Done => Status::Open,
            };
        }
    }

    /// Up and down the suggested tags; Enter takes one (or, with none,
    /// goes on to the next field).
    fn tag_action(&mut self, a: Action) -> bool {
        let n = self.suggestions.len();
        match a {
            Action::Down if n > 0 => {
                self.chosen = (self.chosen + 1) % n;
                false
            }
            Action::Up if n > 0 => {
                self.chosen = (self.chosen + n - 1) % n;
                false
            }
            Action::Accept => match self.suggestions.get(self.chosen).cloned() {
                Some(tag) => {
                    let mut form = self.form();
                    form.complete_tag(&tag);
                    self.tags = line_area(&form.tags);
                    self.suggestions.clear();
                    self.chosen = 0;
                    true
                }
                None => {
                    self.step_focus(true);
                    false
                }
            },
            _ => false,
        }
    }

    /// Typing in the tags field, with completions from the tags in use.
    fn tag_input(&mut self, input: Input, notes: &[Annotation]) -> bool {
        let changed = self.tags.input(input);
        if changed {
            let form = self.form();
            let typed = form.current_tag();
            self.suggestions = if typed.is_empty() {
                Vec::new()
            } else {
                complete_tag(notes, typed)
            };
            self.suggestions.truncate(5);
            self.chosen = 0;
        }
        changed
    }

    /// The draft to journal: the note as it stands, with the due date as
    /// typed.
    pub fn unsaved(&self) -> Unsaved {
        let form = self.form();
        let mut note = self.base.clone();
        note.body = self.body_text();
        note.kind = form.kind;
        note.status = form.status;
        note.tags = dossier_core::note_form::parse_tags(&form.tags);
        note.owner = Some(form.owner.trim().to_string()).filter(|o| !o.is_empty());
        note.due = dossier_core::note_form::parse_due(&form.due).ok().flatten();
        Unsaved {
            note,
            editing: !self.is_new,
            due_text: form.due,
        }
    }
}

/// A key for the text area, as the terminal would have given it.
fn to_input(k: KeymapKey) -> Input {
    Input::from(crate::tui::key::to_event(k))
}

#[cfg(test)]
mod tests;
