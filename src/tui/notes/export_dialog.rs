//! The export dialog (`x`): a format, which notes (the overview's current
//! filter, or all), a file name, a question before a file is overwritten,
//! and the outcome as one line for the status bar. The dialog itself does
//! no I/O: whether a file exists is asked of the caller, and the notes
//! runner writes the file (`runner::perform`).

use std::path::{Path, PathBuf};

use crate::tui::action::Action;
use dossier_core::annotation::Annotation;
use dossier_core::export::Format;
use dossier_core::note_index::{NoteFilter, NoteIndex};

use dossier_core::lang::Lang;
use dossier_core::messages::messages;

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
    /// The CSV cell separator; only for CSV.
    Delimiter,
    Scope,
    Path,
}

pub const FIELDS: [Field; 4] = [Field::Format, Field::Delimiter, Field::Scope, Field::Path];

/// What the caller should do after a key.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    Nothing,
    Close,
    /// Write the export, then close and show what came of it.
    Export {
        format: Format,
        scope: Scope,
        path: PathBuf,
        /// Between CSV cells.
        delimiter: u8,
    },
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExportDialog {
    pub format: Format,
    /// Between CSV cells: `,`, or `;` for a spreadsheet set to Dutch.
    pub delimiter: u8,
    pub scope: Scope,
    pub path: String,
    pub field: Field,
    /// The file exists: waiting for yes or no.
    pub confirming: bool,
    /// Why the last export failed; the dialog stays open with the path.
    pub error: Option<String>,
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
            // A Dutch interface most likely means a spreadsheet set to Dutch.
            delimiter: messages(lang).export.csv_delimiter,
            scope,
            path: default_path(lang, format),
            field: Field::Format,
            confirming: false,
            error: None,
            edited: false,
            lang,
        }
    }

    pub fn act(&mut self, a: Action, exists: &dyn Fn(&Path) -> bool) -> Outcome {
        self.error = None;
        if self.confirming {
            return match a {
                Action::Yes => self.request(),
                Action::No => {
                    self.confirming = false;
                    Outcome::Nothing
                }
                _ => Outcome::Nothing,
            };
        }
        match a {
            Action::Close => return Outcome::Close,
            Action::WriteExport => {
                if self.path.trim().is_empty() {
                    return Outcome::Nothing;
                }
                if exists(&expand(&self.path)) {
                    self.confirming = true;
                    return Outcome::Nothing;
                }
                return self.request();
            }
            Action::NextField | Action::PrevField => loop {
                let at = FIELDS.iter().position(|f| *f == self.field).unwrap_or(0);
                let n = FIELDS.len();
                self.field = FIELDS[if a == Action::PrevField {
                    at + n - 1
                } else {
                    at + 1
                } % n];
                // The separator is a field of CSV only.
                if self.field != Field::Delimiter || self.format == Format::Csv {
                    break;
                }
            },
            Action::NextValue | Action::PrevValue if self.field != Field::Path => {
                let by = if a == Action::NextValue {
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
                    Field::Delimiter => {
                        self.delimiter = if self.delimiter == b',' { b';' } else { b',' };
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
            Action::Erase => {
                self.field = Field::Path;
                self.path.pop();
                self.edited = true;
            }
            Action::Type(c) => {
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
            delimiter: self.delimiter,
        }
    }
}

fn default_path(lang: Lang, format: Format) -> String {
    format!("{}.{}", messages(lang).notes.file_stem, format.extension())
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

#[cfg(test)]
mod tests;
