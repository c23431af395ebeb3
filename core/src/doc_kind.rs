//! The kinds of parliamentary document — motie, amendement, brief,
//! verslag, … — as one vocabulary every face uses: the tree, the finder,
//! the timeline, `list`, `search --json` and the exports. A document's
//! metadata keeps its type as the source gives it (`nota naar aanleiding
//! van het verslag`, `gewijzigde motie`); [`DocKind::of`] reads the kind
//! from it.

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum DocKind {
    Brief,
    Motie,
    Amendement,
    Verslag,
    Nota,
    Agenda,
    Wetsvoorstel,
    Memorie,
    Advies,
    Lijst,
    Jaarverslag,
    /// A Kamerstuk of another or an unknown type.
    Kamerstuk,
}

impl DocKind {
    pub const ALL: [DocKind; 12] = [
        DocKind::Brief,
        DocKind::Motie,
        DocKind::Amendement,
        DocKind::Verslag,
        DocKind::Nota,
        DocKind::Agenda,
        DocKind::Wetsvoorstel,
        DocKind::Memorie,
        DocKind::Advies,
        DocKind::Lijst,
        DocKind::Jaarverslag,
        DocKind::Kamerstuk,
    ];

    /// The kind of a document whose type reads `doc_type`, as the metadata
    /// or the title gives it: `Motie`, `gewijzigde motie`, `Brief
    /// regering`, `Nota naar aanleiding van het verslag`. The first known
    /// word decides; `gewijzigd(e)` and `nader` are passed over.
    pub fn of(doc_type: &str) -> DocKind {
        let lower = doc_type.to_lowercase();
        for word in lower.split(|c: char| !c.is_alphanumeric()) {
            let kind = match word {
                "brief" | "letter" | "kamerbrief" => DocKind::Brief,
                "motie" | "motion" => DocKind::Motie,
                "amendement" | "amendment" => DocKind::Amendement,
                "verslag" | "report" => DocKind::Verslag,
                "nota" => DocKind::Nota,
                "agenda" | "geannoteerde" => DocKind::Agenda,
                "voorstel" | "wetsvoorstel" => DocKind::Wetsvoorstel,
                "memorie" => DocKind::Memorie,
                "advies" => DocKind::Advies,
                "lijst" => DocKind::Lijst,
                "jaarverslag" => DocKind::Jaarverslag,
                "kamerstuk" => DocKind::Kamerstuk,
                _ => continue,
            };
            return kind;
        }
        DocKind::Kamerstuk
    }

    /// The stable name, the same in every language: what `--json` writes
    /// and the search index keeps. Its Dutch name today, but a contract:
    /// it does not follow the catalogue's words.
    pub fn key(self) -> &'static str {
        use DocKind::*;
        match self {
            Brief => "brief",
            Motie => "motie",
            Amendement => "amendement",
            Verslag => "verslag",
            Nota => "nota",
            Agenda => "agenda",
            Wetsvoorstel => "wetsvoorstel",
            Memorie => "memorie van toelichting",
            Advies => "advies",
            Lijst => "lijst",
            Jaarverslag => "jaarverslag",
            Kamerstuk => "kamerstuk",
        }
    }

    /// A one-byte code, for the search index.
    pub fn code(self) -> u8 {
        DocKind::ALL.iter().position(|&k| k == self).unwrap_or(0) as u8
    }

    pub fn from_code(c: u8) -> Option<DocKind> {
        DocKind::ALL.get(c as usize).copied()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn types_as_sources_write_them_have_one_kind() {
        assert_eq!(DocKind::of("Motie"), DocKind::Motie);
        assert_eq!(DocKind::of("gewijzigde motie"), DocKind::Motie);
        assert_eq!(DocKind::of("brief"), DocKind::Brief);
        assert_eq!(DocKind::of("Brief regering"), DocKind::Brief);
        assert_eq!(
            DocKind::of("Nota naar aanleiding van het verslag"),
            DocKind::Nota
        );
        assert_eq!(DocKind::of("Gewijzigd amendement"), DocKind::Amendement);
        assert_eq!(DocKind::of("iets anders"), DocKind::Kamerstuk);
        assert_eq!(DocKind::of(""), DocKind::Kamerstuk);
    }

    #[test]
    fn each_kind_has_a_key_a_name_per_language_and_a_code() {
        use crate::messages::{EN, NL};
        for k in DocKind::ALL {
            assert_eq!(DocKind::from_code(k.code()), Some(k));
            assert_eq!(DocKind::of(k.key()), k, "{k:?}");
            assert_eq!(NL.shared.doc_kind(k), k.key(), "{k:?}");
            assert!(!EN.shared.doc_kind(k).is_empty());
        }
        assert_eq!(DocKind::Motie.key(), "motie");
    }
}
