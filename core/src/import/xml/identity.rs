//! Who a Kamerstuk is: its number, dossier, chamber, vergaderjaar, date,
//! type and titles, from the metadata (`meta[@name]`) or, when the file
//! carries only `externMetadataRecord`, from the body's `kamerstukkop`,
//! `dossiernummer`, `ondernummer` and `datumtekst`.

use std::collections::HashMap;

use roxmltree::Node;

use super::super::{Document, ImportError, Report};
use super::kind;
use super::{Src, child, trim_value};
use crate::citation::{self, Chamber};

/// `meta[@name]` values, several per name where the file repeats one.
pub(super) struct Meta<'a> {
    values: HashMap<&'a str, Vec<(&'a str, &'a str)>>,
}

impl<'a> Meta<'a> {
    pub(super) fn read(root: Node<'a, 'a>) -> Meta<'a> {
        let mut values: HashMap<&str, Vec<(&str, &str)>> = HashMap::new();
        if let Some(metadata) = child(root, "metadata") {
            for m in metadata.children().filter(|n| n.has_tag_name("meta")) {
                if let (Some(name), Some(content)) = (m.attribute("name"), m.attribute("content")) {
                    let scheme = trim_value(m.attribute("scheme").unwrap_or(""));
                    values
                        .entry(trim_value(name))
                        .or_default()
                        .push((scheme, trim_value(content)));
                }
            }
        }
        Meta { values }
    }

    pub(super) fn get(&self, name: &str) -> Option<&'a str> {
        self.all(name).next()
    }

    /// Every non-empty value of a name, in the file's order.
    pub(super) fn all(&self, name: &str) -> impl Iterator<Item = &'a str> + '_ {
        self.values
            .get(name)
            .into_iter()
            .flatten()
            .map(|(_, v)| *v)
            .filter(|v| !v.is_empty())
    }

    fn get_scheme(&self, name: &str, scheme: &str) -> Option<&'a str> {
        self.values
            .get(name)?
            .iter()
            .find(|(s, v)| *s == scheme && !v.is_empty())
            .map(|(_, v)| *v)
    }
}

/// The identity part of a [`Document`], and the printed title (`MOTIE VAN
/// HET LID …`) the label is made from where the metadata gives none.
pub(super) struct Identity {
    pub doc: Document,
    pub printed_title: Option<String>,
    /// Whether the metadata gave the title (with its subject).
    pub titled_by_metadata: bool,
}

pub(super) fn identity(
    src: &Src,
    meta: &Meta,
    kamerstuk: Node,
    report: &mut Report,
) -> Result<Identity, ImportError> {
    let line = src.line(kamerstuk);
    let kop = child(kamerstuk, "kamerstukkop");
    let dossier = child(kamerstuk, "dossier");
    let stuk = child(kamerstuk, "stuk");
    let kop_line = |kind: &str| {
        kop.and_then(|k| {
            k.children()
                .find(|n| {
                    n.has_tag_name("tekstregel")
                        && n.attribute("inhoud").map(trim_value) == Some(kind)
                })
                .map(|n| super::super::collapse(&src.all_text(n)))
        })
    };
    let body_dossier = dossier
        .and_then(|d| child(d, "dossiernummer"))
        .map(|n| dossier_number(src, n));
    let body_number = stuk
        .and_then(|s| child(s, "stuknr"))
        .and_then(|s| child(s, "ondernummer"))
        .map(|n| super::super::collapse(&src.all_text(n)));

    let from_identifier = meta
        .get("DC.identifier")
        .filter(|v| v.to_ascii_lowercase().starts_with("kst-"))
        .and_then(citation::parse);
    let dossier_number = meta
        .get("OVERHEIDop.dossiernummer")
        .map(str::to_string)
        .or(body_dossier)
        .or_else(|| from_identifier.as_ref().map(|k| k.dossier.clone()));
    let number = meta
        .get("OVERHEIDop.ondernummer")
        .map(str::to_string)
        .or(body_number)
        .or_else(|| from_identifier.as_ref().map(|k| k.number.clone()));
    let (Some(dossier_number), Some(number)) = (dossier_number, number) else {
        return Err(ImportError::at(
            line,
            1,
            "not a Kamerstuk: neither the metadata nor the body gives its dossier number and number",
        ));
    };
    let (dossier_number, rijkswet) = split_rijkswet(&dossier_number);
    let Some(mut kst) = citation::parse(&format!("{dossier_number}, nr. {number}"))
        .or_else(|| citation::parse(&format!("kst-{dossier_number}-{number}")))
    else {
        return Err(ImportError::at(
            line,
            1,
            format!("not a Kamerstuk: `{dossier_number}` nr. `{number}` is not a Kamerstuk number"),
        ));
    };
    let chamber = match kop_line("kamernummer").as_deref() {
        Some("1") => Some(Chamber::EersteKamer),
        Some("2") => Some(Chamber::TweedeKamer),
        _ => match kop_line("kameraanduiding") {
            Some(k) if k.starts_with("Eerste") => Some(Chamber::EersteKamer),
            Some(k) if k.starts_with("Tweede") => Some(Chamber::TweedeKamer),
            _ => match meta.get("DC.creator") {
                Some(c) if c.starts_with("Eerste") => Some(Chamber::EersteKamer),
                Some(c) if c.starts_with("Tweede") => Some(Chamber::TweedeKamer),
                _ => kst.chamber,
            },
        },
    };
    kst.chamber = chamber;
    let year = meta
        .get("OVERHEIDop.vergaderjaar")
        .map(str::to_string)
        .or_else(|| {
            kop_line("vergaderjaar")
                .map(|v| v.trim_start_matches("Vergaderjaar").trim().to_string())
        })
        .filter(|y| !y.is_empty());
    let datumtekst = stuk.and_then(|s| child(s, "datumtekst"));
    let body_date = datumtekst
        .and_then(|d| d.descendants().find(|n| n.has_tag_name("datum")))
        .and_then(|d| d.attribute("isodatum"))
        .map(|d| trim_value(d).to_string());
    let text_date = datumtekst.and_then(|d| date_in_text(&src.all_text(d)));
    // The first of the dates given that is a real one: a day that does
    // not exist (`2025-03-40`) would be written into a file no loader
    // reads.
    let date = [
        meta.get("DCTERMS.issued").map(str::to_string),
        body_date,
        text_date,
        meta.get("OVERHEIDop.datumOntvangst").map(str::to_string),
        meta.get("DCTERMS.available").map(str::to_string),
    ]
    .into_iter()
    .flatten()
    .find(|d| is_iso_date(d));
    let date = match (date, &year) {
        (Some(d), _) => d,
        (None, Some(y)) => {
            report.warn(
                datumtekst.map_or(line, |d| src.line(d)),
                "no-date",
                format!(
                    "the Kamerstuk gives no date (neither DCTERMS.issued nor a date in datumtekst): \
                     written without one, in vergaderjaar {y}"
                ),
            );
            String::new()
        }
        (None, None) => {
            return Err(ImportError::at(
                line,
                1,
                "the Kamerstuk gives no date and no vergaderjaar (neither DCTERMS.issued, \
                 datumtekst nor OVERHEIDop.vergaderjaar or kamerstukkop)",
            ));
        }
    };
    let printed_title = stuk
        .and_then(|s| child(s, "titel"))
        .map(|t| super::super::collapse(&src.all_text(t)))
        .filter(|t| !t.is_empty());
    let meta_title = meta
        .get("OVERHEIDop.documenttitel")
        .map(super::super::collapse);
    let titled_by_metadata = meta_title.is_some();
    let title = meta_title
        .or_else(|| printed_title.clone())
        .unwrap_or_else(|| format!("Kamerstuk {}", kst.short()));
    let doc_type = doc_type(meta, printed_title.as_deref(), report, line);
    let dossier_title = meta
        .get("OVERHEIDop.dossiertitel")
        .map(super::super::collapse)
        .or_else(|| {
            dossier
                .and_then(|d| child(d, "titel"))
                .map(|t| super::super::collapse(&src.all_text(t)))
        })
        .filter(|t| !t.is_empty());
    Ok(Identity {
        doc: Document {
            id: kst.id(),
            kst: Some(kst),
            title,
            doc_type,
            date,
            chamber,
            year,
            dossier_title,
            rijkswet,
            ..Document::default()
        },
        printed_title,
        titled_by_metadata,
    })
}

/// The type from the metadata's `DC.type` when the list knows it, else
/// from the whole printed title; a value the list does not know is
/// reported, never written.
fn doc_type(meta: &Meta, title: Option<&str>, report: &mut Report, line: usize) -> String {
    let given = meta.get_scheme("DC.type", "OVERHEIDop.KamerstukTypen");
    if let Some(value) = given {
        if let Some(k) = kind::exact_type(value) {
            return k.to_string();
        }
        report.warn(
            line,
            "unknown-type",
            format!(
                "DC.type `{value}` is not a Kamerstuk type the import knows: the type is taken from the title"
            ),
        );
    }
    if let Some(k) = title.and_then(kind::known_type) {
        return k.to_string();
    }
    report.warn(
        line,
        "unknown-type",
        "the document's type is not in the metadata nor its title: written as `kamerstuk`",
    );
    "kamerstuk".into()
}

/// `dossiernr` with its `raadnr` or `begrotingshoofdstuk`: `21501-20`,
/// `36410-VI`; a rijkswet's `(R2188)` stays with it, for
/// [`split_rijkswet`].
fn dossier_number(src: &Src, node: Node) -> String {
    let squeeze = |n: Node| -> String {
        src.all_text(n)
            .chars()
            .filter(|c| !c.is_whitespace())
            .collect()
    };
    let mut out: String = child(node, "dossiernr").map(squeeze).unwrap_or_default();
    for part in ["raadnr", "begrotingshoofdstuk", "dossierref", "rijkswetnr"] {
        if let Some(n) = child(node, part) {
            let t = squeeze(n);
            if !t.is_empty() {
                out.push('-');
                out.push_str(&t);
            }
        }
    }
    out
}

/// `36455-(R2188)` → (`36455`, `R2188`): a rijkswet's number belongs to
/// its dossier, not to the Kamerstuk's identity (`kst-36455-11`).
pub(super) fn split_rijkswet(dossier: &str) -> (String, Option<String>) {
    let mut rijkswet = None;
    let mut kept: Vec<&str> = Vec::new();
    for part in dossier.split(['-', ' ', ';']).filter(|p| !p.is_empty()) {
        let inner = part.trim_start_matches('(').trim_end_matches(')');
        let is_r = inner.len() > 1
            && inner.starts_with(['R', 'r'])
            && inner[1..].bytes().all(|b| b.is_ascii_digit());
        if is_r && rijkswet.is_none() && !kept.is_empty() {
            rijkswet = Some(format!("R{}", &inner[1..]));
        } else {
            kept.push(part);
        }
    }
    match rijkswet {
        Some(r) => (kept.join("-"), Some(r)),
        None => (dossier.to_string(), None),
    }
}

/// `YYYY-MM-DD`, and a day the calendar has.
pub(super) fn is_iso_date(d: &str) -> bool {
    let b = d.as_bytes();
    b.len() == 10
        && b[4] == b'-'
        && b[7] == b'-'
        && b.iter()
            .enumerate()
            .all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit())
        && jiff::civil::Date::strptime("%Y-%m-%d", d).is_ok()
}

/// A Dutch date in running text, also printed without its spaces:
/// `Voorgesteld 3 december 2024`, `Voorgesteld 3december 2024`,
/// `3 december2024` → `2024-12-03`. The first real day wins.
pub(super) fn date_in_text(text: &str) -> Option<String> {
    // Tokens: runs of digits and runs of letters, whatever stands between.
    let mut tokens: Vec<String> = Vec::new();
    let mut current = String::new();
    let mut digits = false;
    for c in text.chars().take(400) {
        let is_digit = c.is_ascii_digit();
        if c.is_alphanumeric() {
            if !current.is_empty() && is_digit != digits {
                tokens.push(std::mem::take(&mut current));
            }
            digits = is_digit;
            current.extend(c.to_lowercase());
        } else if !current.is_empty() {
            tokens.push(std::mem::take(&mut current));
        }
    }
    if !current.is_empty() {
        tokens.push(current);
    }
    tokens.windows(3).find_map(|w| {
        let day: u32 = w[0].parse().ok().filter(|d| (1..=31).contains(d))?;
        let month = crate::messages::NL
            .shared
            .months
            .iter()
            .position(|m| *m == w[1])?
            + 1;
        let year: u32 = w[2]
            .parse()
            .ok()
            .filter(|y| (1800..=2200).contains(y) && w[2].len() == 4)?;
        let iso = format!("{year:04}-{month:02}-{day:02}");
        is_iso_date(&iso).then_some(iso)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_printed_with_or_without_spaces() {
        for (text, want) in [
            ("Voorgesteld 3 december 2024", Some("2024-12-03")),
            ("Voorgesteld 3december 2024", Some("2024-12-03")),
            ("Voorgesteld 3december2024", Some("2024-12-03")),
            (
                "Voorgesteld\u{a0}17\u{a0}juni\u{a0}2025",
                Some("2025-06-17"),
            ),
            ("Ontvangen 31 februari 2025", None),
            ("Voorgesteld", None),
            ("12 december 99", None),
        ] {
            assert_eq!(date_in_text(text).as_deref(), want, "{text}");
        }
    }

    #[test]
    fn a_rijkswet_number_is_kept_apart_from_the_dossier() {
        assert_eq!(
            split_rijkswet("36455-(R2188)"),
            ("36455".into(), Some("R2188".into()))
        );
        assert_eq!(
            split_rijkswet("36455 (R2188)"),
            ("36455".into(), Some("R2188".into()))
        );
        assert_eq!(split_rijkswet("21501-20"), ("21501-20".into(), None));
        assert_eq!(split_rijkswet("36410-VI"), ("36410-VI".into(), None));
        assert_eq!(split_rijkswet("R2188"), ("R2188".into(), None));
    }
}
