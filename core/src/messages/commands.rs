//! The fixed words of the commands' plain-text output (`show`, `list`,
//! `notes list`). JSON output and ids are the same in either language:
//! they are a contract.

pub struct Commands {
    /// Before a document's kind and date when the node is the document.
    pub document: &'static str,
    /// Before a dossier's title.
    pub dossier: &'static str,
    /// Before a letter's own reference, as a label.
    pub reference: &'static str,
    pub sender: &'static str,
    pub signed: &'static str,
    pub description: &'static str,
    pub links: &'static str,
    /// A cited document that is not in the library.
    pub not_in_library: &'static str,
    /// Above the documents the letter cites, in `list`.
    pub references: &'static str,
    /// Before a note's quoted passage.
    pub passage: &'static str,
    /// A note whose node no longer exists.
    pub node_gone: &'static str,
    /// A note whose passage is no longer in the text.
    pub passage_gone: &'static str,
    /// Before the words a detached passage stood among.
    pub stood_in: &'static str,
    /// Before when a note last changed.
    pub changed: &'static str,
    /// Before a notes folder without notes.
    pub no_notes_in: &'static str,
}
