//! The two languages the program speaks, and the words of the note
//! vocabulary in each: one table, used by every face and every format, and
//! read back by [`crate::annotation::Kind::parse`] and
//! [`crate::annotation::Status::parse`] in either language.

use serde::Deserialize;

use crate::annotation::{Kind, Status};

/// The language of interface text, command output and exports
/// (`language` in `config.toml`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    #[default]
    Nl,
    En,
}

impl Lang {
    pub const ALL: [Lang; 2] = [Lang::Nl, Lang::En];

    /// A kind as this language names it, in lower case: `vraag`, `question`.
    pub fn kind(self, k: Kind) -> &'static str {
        match (self, k) {
            (Lang::Nl, Kind::Note) => "notitie",
            (Lang::Nl, Kind::Question) => "vraag",
            (Lang::Nl, Kind::Toezegging) => "toezegging",
            (Lang::Nl, Kind::Action) => "actie",
            (Lang::En, Kind::Note) => "note",
            (Lang::En, Kind::Question) => "question",
            (Lang::En, Kind::Toezegging) => "commitment",
            (Lang::En, Kind::Action) => "action",
        }
    }

    /// A status as this language names it, in lower case: `afgerond`, `done`.
    pub fn status(self, s: Status) -> &'static str {
        match (self, s) {
            (_, Status::Open) => "open",
            (Lang::Nl, Status::Done) => "afgerond",
            (Lang::En, Status::Done) => "done",
        }
    }

    /// The names of the twelve months, in lower case.
    pub fn months(self) -> &'static [&'static str; 12] {
        match self {
            Lang::Nl => &[
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
            Lang::En => &[
                "january",
                "february",
                "march",
                "april",
                "may",
                "june",
                "july",
                "august",
                "september",
                "october",
                "november",
                "december",
            ],
        }
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

    /// The language code, for `<html lang>`.
    pub fn code(self) -> &'static str {
        match self {
            Lang::Nl => "nl",
            Lang::En => "en",
        }
    }

    /// A document's date as [`Lang::long_date`] writes it; `datum
    /// onbekend` (`date unknown`) for one that gives none.
    pub fn document_date(self, iso: Option<&str>) -> String {
        match (iso, self) {
            (Some(d), _) => self.long_date(d),
            (None, Lang::Nl) => "datum onbekend".into(),
            (None, Lang::En) => "date unknown".into(),
        }
    }

    /// `2025-12-17` → `17 december 2025` (or `17 December 2025`); anything
    /// that is not such a date as given.
    pub fn long_date(self, iso: &str) -> String {
        match iso.trim().parse::<jiff::civil::Date>() {
            Ok(d) => {
                let month = usize::try_from(d.month() - 1)
                    .ok()
                    .and_then(|m| self.months().get(m))
                    .copied()
                    .unwrap_or("");
                let month = match self {
                    Lang::Nl => month.to_string(),
                    Lang::En => capitalised(month),
                };
                format!("{} {month} {}", d.day(), d.year())
            }
            Err(_) => iso.to_string(),
        }
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
mod tests {
    use super::*;

    #[test]
    fn every_word_reads_back_as_what_it_names() {
        for lang in Lang::ALL {
            for k in Kind::ALL {
                assert_eq!(Kind::parse(lang.kind(k)), Some(k), "{lang:?} {k:?}");
            }
            for s in Status::ALL {
                assert_eq!(Status::parse(lang.status(s)), Some(s), "{lang:?} {s:?}");
            }
        }
    }

    #[test]
    fn dates_read_as_written_in_each_language() {
        assert_eq!(Lang::Nl.long_date("2025-12-17"), "17 december 2025");
        assert_eq!(Lang::En.long_date("2025-03-01"), "1 March 2025");
        assert_eq!(Lang::Nl.long_date("eind 2025"), "eind 2025");
        assert_eq!(capitalised("ëen"), "Ëen");
    }

    #[test]
    fn the_configuration_names_the_languages_in_lower_case() {
        #[derive(Deserialize)]
        struct C {
            language: Lang,
        }
        let c: C = toml::from_str("language = \"en\"").unwrap();
        assert_eq!(c.language, Lang::En);
        assert!(toml::from_str::<C>("language = \"fr\"").is_err());
    }
}
