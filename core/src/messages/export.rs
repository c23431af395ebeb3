//! The words of the exports (Markdown, HTML, CSV), how they show a note's
//! author and moments, and what goes wrong writing one.

use crate::annotation::Annotation;

pub struct Export {
    pub generated_by: &'static str,
    /// An export without notes.
    pub empty: &'static str,
    /// Notes on the letter as a whole.
    pub general: &'static str,
    /// Between a document and where it is cited.
    pub cited_in: &'static str,
    /// A note on a node the dossiers no longer have.
    pub unknown_node: &'static str,
    /// Before a note's author.
    pub by: &'static str,
    /// Before when a note last changed.
    pub updated: &'static str,
    /// A note whose passage is no longer in the text.
    pub detached: &'static str,
    /// Before a note's id.
    pub id: &'static str,
    /// The header of a sheet, column for column the same in each language:
    /// the note, then its document (official citation, kind, date).
    pub csv_header: [&'static str; 18],
    /// The separator a spreadsheet set to this language expects.
    pub csv_delimiter: u8,
    /// `count` notes (as [`super::Shared::notes_count`] says it) written to
    /// `path`.
    pub exported: fn(count: &str, path: &str) -> String,
    /// The export to `path` failed for `reason`.
    pub cannot_write: fn(path: &str, reason: &str) -> String,
    /// The export to `path` failed: its folder `dir` does not exist.
    pub no_folder: fn(path: &str, dir: &str) -> String,
    /// Why a file could not be written, in this language; `None` leaves
    /// the system's own words.
    pub io_reason: fn(std::io::ErrorKind) -> Option<&'static str>,
}

impl Export {
    /// A moment as a reader wants it: date and minutes in the chosen zone.
    pub fn moment(&self, at: jiff::Timestamp, tz: &jiff::tz::TimeZone) -> String {
        at.to_zoned_datetime(tz.clone())
            .strftime("%Y-%m-%d %H:%M")
            .to_string()
    }

    /// Who wrote a note and when, and when it last changed if it did:
    /// "by AUTHOR, MOMENT (updated MOMENT)". `author` comes as the format
    /// writing it escapes it.
    pub fn written_by(&self, author: &str, n: &Annotation, tz: &jiff::tz::TimeZone) -> String {
        let mut by = format!("{} {author}, {}", self.by, self.moment(n.created, tz));
        if n.updated != n.created {
            by.push_str(&format!(
                " ({} {})",
                self.updated,
                self.moment(n.updated, tz)
            ));
        }
        by
    }
}
