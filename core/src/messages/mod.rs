//! Every message the program shows, in each language it speaks: one
//! catalogue per language (`en.rs`, `nl.rs`) for every face — the command
//! line, the interface and the exports. Each message is a field of
//! [`Messages`], so a language that lacks one does not compile. A message
//! with values is a function that puts them in.
//!
//! The command line's errors stay English and are written where they
//! arise; the words of the note vocabulary (kinds, statuses, months) are
//! also read back, by [`crate::annotation::Kind::parse`],
//! [`crate::annotation::Status::parse`] and [`crate::note_form`].

mod browse;
mod commands;
mod en;
mod export;
mod keys;
mod nl;
mod notes;
mod shared;

pub use browse::{Browse, ModeNames};
pub use commands::Commands;
pub use en::EN;
pub use export::Export;
pub use keys::{ActionWords, Keys};
pub use nl::NL;
pub use notes::Notes;
pub use shared::{DocKinds, NodeKinds, NoteKinds, Shared};

use crate::lang::Lang;

/// One language's messages, by face.
pub struct Messages {
    /// The language's code, for `<html lang>`.
    pub code: &'static str,
    /// What more than one face says: the note vocabulary, document kinds,
    /// dates and the labels of a document's facts.
    pub shared: Shared,
    /// The commands' plain-text output.
    pub commands: Commands,
    /// The exports (Markdown, HTML, CSV) and writing them to a file.
    pub export: Export,
    /// The interface's reading screens: tree, text, finder, timeline.
    pub browse: Browse,
    /// What keys do: the help, the hint lines, the status bar's hints.
    pub keys: Keys,
    /// The annotation screens: notes pane, editor, overview, export dialog.
    pub notes: Notes,
}

/// The catalogue of a language.
pub fn messages(lang: Lang) -> &'static Messages {
    match lang {
        Lang::Nl => &NL,
        Lang::En => &EN,
    }
}

/// `word` with its first letter in upper case.
pub fn capitalised(word: &str) -> String {
    let mut chars = word.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests;
