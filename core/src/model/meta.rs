//! Document metadata: a letter's or imported document's identity
//! ([`LetterMeta`]), its signatories, and a cited reference's details.

use super::{Chamber, Kamerstuk};
use crate::messages::NL;

/// A document's identity and what it says about where it comes from. The
/// bundled letter and every imported letter, motie, agenda or report has
/// one.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct LetterMeta {
    /// ISO date, `2025-12-17`; `None` for a Kamerstuk that gives no date
    /// (it has its vergaderjaar: see [`LetterMeta::sort_key`]).
    pub date: Option<String>,
    /// The ministry's own reference ("Onze referentie"), where it has one.
    #[serde(default)]
    pub reference: Option<String>,
    /// `brief`, `motie`, `agenda`, `verslag`, …
    #[serde(default = "default_doc_type")]
    pub doc_type: String,
    #[serde(default)]
    pub chamber: Chamber,
    /// Its Kamerstuk, where it is one.
    #[serde(default)]
    pub kamerstuk: Option<Kamerstuk>,
    /// The vergaderjaar, `2025-2026`.
    #[serde(default)]
    pub year: Option<String>,
    /// The Kamerstuk dossier's title, `JBZ-Raad`.
    #[serde(default)]
    pub dossier_title: Option<String>,
    /// A rijkswet's number, `R2188`, where the dossier is one's.
    #[serde(default)]
    pub rijkswet: Option<String>,
    /// What it is about, word for word from its own text, where the
    /// metadata gave no title with a subject.
    #[serde(default)]
    pub subject: Option<String>,
    /// Who submitted it (a motie's members), as the document spells them.
    #[serde(default)]
    pub submitters: Vec<String>,
    /// The official address: as given, else derived from the Kamerstuk.
    #[serde(default)]
    pub url: Option<String>,
    pub sender: Vec<String>,
    pub return_address: Option<String>,
    pub signatories: Vec<Signatory>,
}

fn default_doc_type() -> String {
    "brief".into()
}

impl LetterMeta {
    /// The document's kind in the one vocabulary every face uses.
    pub fn kind(&self) -> crate::doc_kind::DocKind {
        crate::doc_kind::DocKind::of(&self.doc_type)
    }

    /// The type as a label starts: `Brief`, `Motie`, `Agenda`.
    pub fn type_label(&self) -> String {
        let mut chars = self.doc_type.chars();
        chars
            .next()
            .map(|c| c.to_uppercase().chain(chars).collect())
            .unwrap_or_default()
    }

    /// The date with the day first, in numbers: `17-12-2025`; "date
    /// unknown" in `lang` when the document gives none.
    pub fn numeric_date(&self, lang: crate::lang::Lang) -> String {
        match &self.date {
            Some(d) => {
                let parts: Vec<&str> = d.split('-').rev().collect();
                parts.join("-")
            }
            None => crate::messages::messages(lang).shared.date_unknown.into(),
        }
    }

    /// The ISO date, or `datum onbekend`.
    pub fn date_text(&self) -> &str {
        self.date.as_deref().unwrap_or(NL.shared.date_unknown)
    }

    /// Where the document stands among others by date: its date; one
    /// without a date stands with its vergaderjaar, at the turn of the
    /// calendar year within it (`2024-2025` sorts after every day of 2024
    /// and before 2025), those among themselves by dossier and number.
    pub fn sort_key(&self) -> (&str, &str, u64, &str) {
        match &self.date {
            Some(d) => (d.as_str(), "", 0, ""),
            None => {
                let k = self.kamerstuk.as_ref();
                let number = k.map_or("", |k| k.number.as_str());
                (
                    self.year.as_deref().unwrap_or(""),
                    k.map_or("", |k| k.dossier.as_str()),
                    number.parse().unwrap_or(u64::MAX),
                    number,
                )
            }
        }
    }

    /// `Kamerstukken II 2025/26, 32317, nr. 987`, for a Kamerstuk.
    pub fn citation(&self) -> Option<String> {
        let k = self.kamerstuk.as_ref()?;
        Some(k.citation(self.chamber, self.year.as_deref()))
    }
}

#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Signatory {
    pub role: String,
    pub name: String,
}

#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct ReferenceMeta {
    /// `kamerstuk` or `motie`.
    pub kind: String,
    /// The Kamerstuk dossier number, `32317` or `19637/36045`.
    pub dossier_number: String,
    pub number: String,
    #[serde(default)]
    pub chamber: Chamber,
    /// Parliamentary year as the letter gives it, `2025-2026`.
    pub year: Option<String>,
}

impl ReferenceMeta {
    pub fn kamerstuk(&self) -> Kamerstuk {
        Kamerstuk {
            chamber: Some(self.chamber),
            ..Kamerstuk::new(self.dossier_number.clone(), self.number.clone())
        }
    }

    /// The official citation form, `Kamerstukken II 2025/26, 32317, nr. 978`;
    /// without a known year, `Kamerstukken II, 32317, nr. 978`.
    pub fn citation(&self) -> String {
        self.kamerstuk()
            .citation(self.chamber, self.year.as_deref())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn citations_use_the_official_form() {
        let r = ReferenceMeta {
            kind: "kamerstuk".into(),
            dossier_number: "32317".into(),
            number: "978".into(),
            chamber: Chamber::TweedeKamer,
            year: Some("2025-2026".into()),
        };
        assert_eq!(r.citation(), "Kamerstukken II 2025/26, 32317, nr. 978");
        let r = ReferenceMeta { year: None, ..r };
        assert_eq!(r.citation(), "Kamerstukken II, 32317, nr. 978");
    }
}
