//! The official identity of a parliamentary document: its Kamerstuk
//! dossier and number, its chamber, and the identifier and address that
//! officielebekendmakingen.nl gives it (`kst-32317-987`). One type for
//! every use: read from any notation the documents write
//! ([`Kamerstuk::parse`], see [`crate::citation`]), and written as an id,
//! a reference's id, an address, an official citation or a short form.

use serde::{Deserialize, Serialize};

/// The chamber a Kamerstuk belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Chamber {
    #[default]
    TweedeKamer,
    EersteKamer,
}

impl Chamber {
    /// As written in a file: `tweede-kamer`, `eerste-kamer`.
    pub fn as_str(self) -> &'static str {
        match self {
            Chamber::TweedeKamer => "tweede-kamer",
            Chamber::EersteKamer => "eerste-kamer",
        }
    }

    /// `tweede-kamer`, `Tweede Kamer`, `II`, and the same for the Eerste
    /// Kamer; case is ignored.
    pub fn parse(s: &str) -> Option<Chamber> {
        let s = s.trim().to_ascii_lowercase().replace([' ', '_'], "-");
        match s.as_str() {
            "tweede-kamer" | "tk" | "ii" => Some(Chamber::TweedeKamer),
            "eerste-kamer" | "ek" | "i" => Some(Chamber::EersteKamer),
            _ => None,
        }
    }

    /// The chamber's name, as the interface and exports show it.
    pub fn name(self) -> &'static str {
        match self {
            Chamber::TweedeKamer => "Tweede Kamer",
            Chamber::EersteKamer => "Eerste Kamer",
        }
    }

    /// The numeral of an official citation: `Kamerstukken II`.
    pub fn numeral(self) -> &'static str {
        match self {
            Chamber::TweedeKamer => "II",
            Chamber::EersteKamer => "I",
        }
    }
}

/// A Kamerstuk: dossier number (with its sub-number, as printed
/// officially) and document number, and the chamber when a notation named
/// it.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Deserialize)]
pub struct Kamerstuk {
    /// `32317`, `21501-04`, `36410-VI`, `19637/36045`.
    pub dossier: String,
    /// `987`, or an Eerste Kamer letter such as `A`.
    pub number: String,
    /// The chamber, where the notation says (`Kamerstukken I …`, a lettered
    /// number).
    #[serde(default)]
    pub chamber: Option<Chamber>,
}

/// Written without a chamber it does not state where people read it
/// (JSON, TOML); a binary form, read by position, writes every field.
impl Serialize for Kamerstuk {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let skip = s.is_human_readable() && self.chamber.is_none();
        let mut k = s.serialize_struct("Kamerstuk", if skip { 2 } else { 3 })?;
        k.serialize_field("dossier", &self.dossier)?;
        k.serialize_field("number", &self.number)?;
        if skip {
            k.skip_field("chamber")?;
        } else {
            k.serialize_field("chamber", &self.chamber)?;
        }
        k.end()
    }
}

impl Kamerstuk {
    /// A Kamerstuk of no stated chamber.
    pub fn new(dossier: impl Into<String>, number: impl Into<String>) -> Kamerstuk {
        Kamerstuk {
            dossier: dossier.into(),
            number: number.into(),
            chamber: None,
        }
    }

    /// One notation, the whole of `text`: `Kamerstuk 32317-973`,
    /// `Kamerstukken II 2024/25, 21 501-20, nr. 2245`, `kst-32317-978`,
    /// `motie 21501-04-287`… (see [`crate::citation::parse`]).
    pub fn parse(text: &str) -> Option<Kamerstuk> {
        crate::citation::parse(text)
    }

    /// The official identifier in lower case: `kst-32317-987`,
    /// `kst-36410-vi-60`. A document printed in two dossiers
    /// (`19637/36045`) is published under the first.
    pub fn id(&self) -> String {
        format!("kst-{}", self.key())
    }

    /// The identifier without its `kst-`: what two notations of one
    /// Kamerstuk have in common.
    pub fn key(&self) -> String {
        let mut key = self.dossier_key();
        key.push('-');
        key.extend(normalised(&self.number));
        key
    }

    /// `32317`, `36410-vi`: the dossier part of [`Kamerstuk::key`], which
    /// the documents of one Kamerstuk dossier share.
    pub fn dossier_key(&self) -> String {
        let dossier = self.dossier.split('/').next().unwrap_or_default();
        normalised(dossier).collect()
    }

    /// `kamerstuk-32317-978`: the id of a reference to it (both dossiers
    /// of a document printed in two).
    pub fn reference_id(&self) -> String {
        let tail = format!("{}-{}", self.dossier, self.number);
        format!(
            "kamerstuk-{}",
            tail.to_ascii_lowercase().replace(['/', ' '], "-")
        )
    }

    /// `32317-978`, `19637/36045-3478`: the short form titles use.
    pub fn short(&self) -> String {
        format!("{}-{}", self.dossier, self.number)
    }

    /// Dossier and number as lists show them: `32317 nr. 987`.
    pub fn numbered(&self) -> String {
        format!("{} nr. {}", self.dossier, self.number)
    }

    /// Where officielebekendmakingen.nl publishes it, with the identifier
    /// as that site spells it (Roman numerals in capitals).
    pub fn url(&self) -> String {
        let dossier = self.dossier.split('/').next().unwrap_or_default();
        let clean = |s: &str| -> String { s.chars().filter(|c| !c.is_whitespace()).collect() };
        format!(
            "https://zoek.officielebekendmakingen.nl/kst-{}-{}.html",
            clean(dossier),
            clean(&self.number)
        )
    }

    /// The official citation: `Kamerstukken II 2025/26, 32317, nr. 987`;
    /// without a known vergaderjaar, `Kamerstukken II, 32317, nr. 987`.
    pub fn citation(&self, chamber: Chamber, year: Option<&str>) -> String {
        // A begrotingshoofdstuk is cited after a space (`36410 VI`), a
        // sub-number after its hyphen (`21501-04`).
        let dossier = match self.dossier.split_once('-') {
            Some((d, sub)) if sub.chars().all(|c| c.is_ascii_alphabetic()) => format!("{d} {sub}"),
            _ => self.dossier.clone(),
        };
        let number = &self.number;
        let numeral = chamber.numeral();
        // Eerste Kamer documents are numbered with letters: `36410 VI, A`.
        let nr = if number.chars().all(|c| c.is_ascii_digit()) {
            format!("nr. {number}")
        } else {
            number.clone()
        };
        match year.and_then(short_year) {
            Some(y) => format!("Kamerstukken {numeral} {y}, {dossier}, {nr}"),
            None => format!("Kamerstukken {numeral}, {dossier}, {nr}"),
        }
    }
}

/// `2025-2026` → `2025/26`.
pub fn short_year(year: &str) -> Option<String> {
    let (a, b) = year.split_once(['-', '/'])?;
    let b = b.trim();
    let all_digits = a.chars().chain(b.chars()).all(|c| c.is_ascii_digit());
    match (a.len(), b.len()) {
        (4, 4) if all_digits => Some(format!("{a}/{}", &b[2..])),
        (4, 2) if all_digits => Some(format!("{a}/{b}")),
        _ => None,
    }
}

/// A notation's part as keys hold it: without spaces, in lower case.
fn normalised(s: &str) -> impl Iterator<Item = char> + '_ {
    s.chars()
        .filter(|c| !c.is_whitespace())
        .map(|c| c.to_ascii_lowercase())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_leaves_out_a_chamber_not_stated() {
        let mut k = Kamerstuk::new("21501-20", "2254");
        let json = serde_json::to_string(&k).unwrap();
        assert_eq!(json, r#"{"dossier":"21501-20","number":"2254"}"#);
        assert_eq!(serde_json::from_str::<Kamerstuk>(&json).unwrap(), k);
        k.chamber = Some(Chamber::EersteKamer);
        let json = serde_json::to_string(&k).unwrap();
        assert!(json.ends_with(r#""chamber":"eerste-kamer"}"#), "{json}");
        assert_eq!(serde_json::from_str::<Kamerstuk>(&json).unwrap(), k);
    }

    fn ks(d: &str, n: &str) -> Kamerstuk {
        Kamerstuk::new(d, n)
    }

    #[test]
    fn every_form_of_one_kamerstuk() {
        let k = Kamerstuk::parse("Kamerstukken II 2024/25, 19 637/ 36 045, nr. 3478").unwrap();
        assert_eq!(k.id(), "kst-19637-3478");
        assert_eq!(k.reference_id(), "kamerstuk-19637-36045-3478");
        assert_eq!(k.short(), "19637/36045-3478");
        assert_eq!(k.numbered(), "19637/36045 nr. 3478");
        assert_eq!(
            k.url(),
            "https://zoek.officielebekendmakingen.nl/kst-19637-3478.html"
        );
        assert_eq!(k.chamber, Some(Chamber::TweedeKamer));
        assert_eq!(
            k.citation(Chamber::TweedeKamer, Some("2024-2025")),
            "Kamerstukken II 2024/25, 19637/36045, nr. 3478"
        );
        assert_eq!(
            Kamerstuk::parse("kst-32317-978").map(|k| k.key()),
            Some("32317-978".into())
        );
    }

    #[test]
    fn identifiers_are_the_official_ones_in_lower_case() {
        assert_eq!(ks("32317", "987").id(), "kst-32317-987");
        assert_eq!(ks("21501-04", "287").id(), "kst-21501-04-287");
        assert_eq!(ks("36410-VI", "60").id(), "kst-36410-vi-60");
        assert_eq!(ks("21 501-20", "2245").id(), "kst-21501-20-2245");
        assert_eq!(ks("19637/36045", "3478").id(), "kst-19637-3478");
    }

    #[test]
    fn addresses_keep_the_official_spelling() {
        assert_eq!(
            ks("36410-VI", "60").url(),
            "https://zoek.officielebekendmakingen.nl/kst-36410-VI-60.html"
        );
    }

    #[test]
    fn citations_name_the_chamber_from_the_data() {
        let k = ks("32317", "978");
        assert_eq!(
            k.citation(Chamber::TweedeKamer, Some("2025-2026")),
            "Kamerstukken II 2025/26, 32317, nr. 978"
        );
        assert_eq!(
            k.citation(Chamber::TweedeKamer, None),
            "Kamerstukken II, 32317, nr. 978"
        );
        assert_eq!(
            ks("36410-VI", "A").citation(Chamber::EersteKamer, Some("2023-2024")),
            "Kamerstukken I 2023/24, 36410 VI, A"
        );
        assert_eq!(
            ks("21501-04", "287").citation(Chamber::TweedeKamer, None),
            "Kamerstukken II, 21501-04, nr. 287"
        );
    }

    #[test]
    fn chambers_read_as_people_write_them() {
        for s in ["tweede-kamer", "Tweede Kamer", "II", "tk"] {
            assert_eq!(Chamber::parse(s), Some(Chamber::TweedeKamer), "{s}");
        }
        for s in ["eerste-kamer", "Eerste Kamer", "I"] {
            assert_eq!(Chamber::parse(s), Some(Chamber::EersteKamer), "{s}");
        }
        assert_eq!(Chamber::parse("senaat"), None);
    }
}
