//! The export dialog (`x`): a format, which notes (the overview's current
//! filter, or all), a file name, a question before a file is overwritten,
//! and the outcome as one line for the status bar. The dialog itself does
//! no I/O: whether a file exists is asked of the caller, and [`perform`]
//! writes the file.

use std::path::{Path, PathBuf};

use dossier_core::Corpus;
use dossier_core::annotation::Annotation;
use dossier_core::export::Format;
use dossier_core::note_index::{NoteFilter, NoteIndex};
use ratatui_textarea::{Input, Key};

use crate::store::export_file;
use dossier_core::lang::Lang;

/// Which notes go out.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    /// Those that pass the overview's filter.
    Filtered,
    All,
}

/// The field that the arrow keys and typing change.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    Format,
    Scope,
    Path,
}

pub const FIELDS: [Field; 3] = [Field::Format, Field::Scope, Field::Path];

/// What the caller should do after a key.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    Nothing,
    Close,
    /// Write the export, then close and show [`perform`]'s message.
    Export {
        format: Format,
        scope: Scope,
        path: PathBuf,
    },
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExportDialog {
    pub format: Format,
    pub scope: Scope,
    pub path: String,
    pub field: Field,
    /// The file exists: waiting for yes or no.
    pub confirming: bool,
    /// The path was typed, not the default: changing the format then only
    /// changes its extension.
    edited: bool,
    lang: Lang,
}

impl ExportDialog {
    /// A dialog for Markdown; the current filter is the default when there
    /// is one.
    pub fn new(lang: Lang, filter: &NoteFilter) -> ExportDialog {
        let scope = if *filter == NoteFilter::default() {
            Scope::All
        } else {
            Scope::Filtered
        };
        let format = Format::Md;
        ExportDialog {
            format,
            scope,
            path: default_path(lang, format),
            field: Field::Format,
            confirming: false,
            edited: false,
            lang,
        }
    }

    pub fn input(&mut self, input: Input, exists: &dyn Fn(&Path) -> bool) -> Outcome {
        if self.confirming {
            return match input.key {
                Key::Char('y' | 'j' | 'Y' | 'J') => self.request(),
                Key::Char('n' | 'N') | Key::Esc => {
                    self.confirming = false;
                    Outcome::Nothing
                }
                _ => Outcome::Nothing,
            };
        }
        match input.key {
            Key::Esc => return Outcome::Close,
            Key::Enter => {
                if self.path.trim().is_empty() {
                    return Outcome::Nothing;
                }
                if exists(&expand(&self.path)) {
                    self.confirming = true;
                    return Outcome::Nothing;
                }
                return self.request();
            }
            Key::Tab | Key::Down | Key::Up => {
                let at = FIELDS.iter().position(|f| *f == self.field).unwrap_or(0);
                let back = input.shift || input.key == Key::Up;
                self.field =
                    FIELDS[if back { at + FIELDS.len() - 1 } else { at + 1 } % FIELDS.len()];
            }
            Key::Left | Key::Right if self.field != Field::Path => {
                let by = if input.key == Key::Right {
                    1
                } else {
                    Format::ALL.len() - 1
                };
                match self.field {
                    Field::Format => {
                        let at = Format::ALL
                            .iter()
                            .position(|f| *f == self.format)
                            .unwrap_or(0);
                        self.set_format(Format::ALL[(at + by) % Format::ALL.len()]);
                    }
                    _ => {
                        self.scope = if self.scope == Scope::All {
                            Scope::Filtered
                        } else {
                            Scope::All
                        }
                    }
                }
            }
            Key::Backspace => {
                self.field = Field::Path;
                self.path.pop();
                self.edited = true;
            }
            Key::Char(c) if !input.ctrl && !input.alt => {
                // Typing always edits the file name.
                self.field = Field::Path;
                self.path.push(c);
                self.edited = true;
            }
            _ => {}
        }
        Outcome::Nothing
    }

    fn set_format(&mut self, format: Format) {
        let old = self.format;
        self.format = format;
        if !self.edited {
            self.path = default_path(self.lang, format);
        } else if let Some(stem) = self.path.strip_suffix(&format!(".{}", old.extension())) {
            self.path = format!("{stem}.{}", format.extension());
        }
    }

    fn request(&mut self) -> Outcome {
        self.confirming = false;
        Outcome::Export {
            format: self.format,
            scope: self.scope,
            path: expand(&self.path),
        }
    }
}

fn default_path(lang: Lang, format: Format) -> String {
    let stem = if lang == Lang::Nl {
        "notities"
    } else {
        "notes"
    };
    format!("{stem}.{}", format.extension())
}

/// `~/…` is the home folder, as in a shell.
fn expand(path: &str) -> PathBuf {
    let path = path.trim();
    match (path.strip_prefix("~/"), std::env::var_os("HOME")) {
        (Some(rest), Some(home)) => PathBuf::from(home).join(rest),
        _ => PathBuf::from(path),
    }
}

/// The notes a scope takes, in the store's order.
pub fn chosen(
    scope: Scope,
    filter: &NoteFilter,
    notes: &[Annotation],
    index: &NoteIndex,
) -> Vec<Annotation> {
    match scope {
        Scope::All => notes.to_vec(),
        Scope::Filtered => filter
            .apply(notes, index)
            .into_iter()
            .filter_map(|i| notes.get(i).cloned())
            .collect(),
    }
}

/// Writes the export and says how it went, for the status bar.
pub fn perform(
    format: Format,
    path: &Path,
    notes: &[Annotation],
    corpus: &Corpus,
    lang: Lang,
) -> String {
    let written = export_file::export(path, format, notes, corpus, lang);
    let shown = dossier_core::text::sanitize_line(&path.display().to_string());
    match (written, lang) {
        (Ok(()), Lang::Nl) => {
            format!("{} geëxporteerd naar {shown}", Lang::Nl.count(notes.len()))
        }
        (Ok(()), Lang::En) => {
            format!("{} exported to {shown}", Lang::En.count(notes.len()))
        }
        (Err(e), Lang::Nl) => {
            format!("Export mislukt: {}", dossier_core::text::sanitize_line(&e))
        }
        (Err(e), Lang::En) => {
            format!("Export failed: {}", dossier_core::text::sanitize_line(&e))
        }
    }
}

#[cfg(test)]
mod tests;
