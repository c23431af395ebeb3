//! The words the human-readable formats (Markdown, HTML) use, in Dutch and
//! English, and how they show dates and times.

use crate::annotation::{Annotation, Kind, Status};
use crate::lang::capitalised;

pub use crate::lang::Lang;

/// Every fixed text of an export.
pub(crate) struct Labels {
    pub title: &'static str,
    pub generated_by: &'static str,
    pub empty: &'static str,
    pub general: &'static str,
    pub source: &'static str,
    pub cited_in: &'static str,
    /// Between a document's kind and its date: `Motie van 4 juni 2025`.
    pub of: &'static str,
    pub letter_reference: &'static str,
    pub unknown_node: &'static str,
    pub tags: &'static str,
    pub owner: &'static str,
    pub due: &'static str,
    pub by: &'static str,
    pub updated: &'static str,
    pub detached: &'static str,
    pub id: &'static str,
    lang: Lang,
}

const NL: Labels = Labels {
    title: "Notities",
    generated_by: "Geëxporteerd uit dossier",
    empty: "Geen notities.",
    general: "Algemeen",
    source: "Bron",
    cited_in: "aangehaald in",
    of: "van",
    letter_reference: "kenmerk",
    unknown_node: "niet (meer) in de dossiers",
    tags: "Tags",
    owner: "Eigenaar",
    due: "Uiterlijk",
    by: "Door",
    updated: "bijgewerkt",
    detached: "De passage staat niet meer in de tekst.",
    id: "id",
    lang: Lang::Nl,
};

const EN: Labels = Labels {
    title: "Notes",
    generated_by: "Exported from dossier",
    empty: "No notes.",
    general: "General",
    source: "Source",
    cited_in: "cited in",
    of: "of",
    letter_reference: "reference",
    unknown_node: "no longer in the dossiers",
    tags: "Tags",
    owner: "Owner",
    due: "Due",
    by: "By",
    updated: "updated",
    detached: "The passage is no longer in the text.",
    id: "id",
    lang: Lang::En,
};

/// The table of an export's texts in a language.
pub(crate) fn labels(lang: Lang) -> &'static Labels {
    match lang {
        Lang::Nl => &NL,
        Lang::En => &EN,
    }
}

impl Labels {
    /// A kind as a heading names it: `Vraag`, `Question`.
    pub fn kind(&self, kind: Kind) -> String {
        capitalised(self.lang.kind(kind))
    }

    pub fn lang(&self) -> Lang {
        self.lang
    }

    pub fn status(&self, status: Status) -> &'static str {
        self.lang.status(status)
    }

    /// `2025-12-17` → `17 december 2025`; anything else as given.
    pub fn long_date(&self, iso: &str) -> String {
        self.lang.long_date(iso)
    }

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
