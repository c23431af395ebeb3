//! The words the human-readable formats (Markdown, HTML) use, in Dutch and
//! English, and how they show dates and times.

use crate::annotation::{Annotation, Kind, Status};

/// The language of an export's headings and labels.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Lang {
    #[default]
    Nl,
    En,
}

/// Every fixed text of an export.
pub(crate) struct Labels {
    pub title: &'static str,
    pub generated_by: &'static str,
    pub empty: &'static str,
    pub general: &'static str,
    pub source: &'static str,
    pub cited_in: &'static str,
    pub letter: &'static str,
    pub letter_reference: &'static str,
    pub unknown_node: &'static str,
    pub tags: &'static str,
    pub owner: &'static str,
    pub due: &'static str,
    pub by: &'static str,
    pub updated: &'static str,
    pub detached: &'static str,
    pub id: &'static str,
    months: [&'static str; 12],
    kinds: [&'static str; 4],
    statuses: [&'static str; 2],
}

const NL: Labels = Labels {
    title: "Notities",
    generated_by: "Geëxporteerd uit dossier",
    empty: "Geen notities.",
    general: "Algemeen",
    source: "Bron",
    cited_in: "aangehaald in",
    letter: "Kamerbrief van",
    letter_reference: "kenmerk",
    unknown_node: "niet (meer) in de dossiers",
    tags: "Tags",
    owner: "Eigenaar",
    due: "Uiterlijk",
    by: "Door",
    updated: "bijgewerkt",
    detached: "De passage staat niet meer in de tekst.",
    id: "id",
    months: [
        "januari",
        "februari",
        "maart",
        "april",
        "mei",
        "juni",
        "juli",
        "augustus",
        "september",
        "oktober",
        "november",
        "december",
    ],
    kinds: ["Notitie", "Vraag", "Toezegging", "Actie"],
    statuses: ["open", "afgerond"],
};

const EN: Labels = Labels {
    title: "Notes",
    generated_by: "Exported from dossier",
    empty: "No notes.",
    general: "General",
    source: "Source",
    cited_in: "cited in",
    letter: "Letter to parliament of",
    letter_reference: "reference",
    unknown_node: "no longer in the dossiers",
    tags: "Tags",
    owner: "Owner",
    due: "Due",
    by: "By",
    updated: "updated",
    detached: "The passage is no longer in the text.",
    id: "id",
    months: [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ],
    kinds: ["Note", "Question", "Commitment (toezegging)", "Action"],
    statuses: ["open", "done"],
};

impl Lang {
    pub(crate) fn labels(self) -> &'static Labels {
        match self {
            Lang::Nl => &NL,
            Lang::En => &EN,
        }
    }

    /// `2025-12-17` → `17 december 2025` (or `17 December 2025`).
    pub fn long_date(self, iso: &str) -> String {
        self.labels().long_date(iso)
    }

    /// `1 notitie`, `3 notities` (or `1 note`, `3 notes`).
    pub fn count(self, n: usize) -> String {
        match (self, n) {
            (Lang::Nl, 1) => "1 notitie".into(),
            (Lang::Nl, n) => format!("{n} notities"),
            (Lang::En, 1) => "1 note".into(),
            (Lang::En, n) => format!("{n} notes"),
        }
    }

    /// The language code for `<html lang>`.
    pub fn code(self) -> &'static str {
        match self {
            Lang::Nl => "nl",
            Lang::En => "en",
        }
    }
}

impl Labels {
    pub fn kind(&self, kind: Kind) -> &'static str {
        match kind {
            Kind::Note => self.kinds[0],
            Kind::Question => self.kinds[1],
            Kind::Toezegging => self.kinds[2],
            Kind::Action => self.kinds[3],
        }
    }

    pub fn status(&self, status: Status) -> &'static str {
        match status {
            Status::Open => self.statuses[0],
            Status::Done => self.statuses[1],
        }
    }

    /// `2025-12-17` → `17 december 2025`; anything else as given.
    pub fn long_date(&self, iso: &str) -> String {
        match iso.trim().parse::<jiff::civil::Date>() {
            Ok(d) => {
                let month = usize::try_from(d.month() - 1)
                    .ok()
                    .and_then(|m| self.months.get(m))
                    .copied()
                    .unwrap_or("");
                format!("{} {month} {}", d.day(), d.year())
            }
            Err(_) => iso.to_string(),
        }
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_read_as_written_in_each_language() {
        assert_eq!(
            Lang::Nl.labels().long_date("2025-12-17"),
            "17 december 2025"
        );
        assert_eq!(Lang::En.labels().long_date("2025-03-01"), "1 March 2025");
        assert_eq!(Lang::Nl.labels().long_date("eind 2025"), "eind 2025");
    }
}
