//! The kinds of parliamentary document — motie, amendement, brief,
//! verslag, … — as one vocabulary every face uses: the tree, the finder,
//! the timeline, `list`, `search --json` and the exports. A document's
//! metadata keeps its type as the source gives it (`nota naar aanleiding
//! van het verslag`, `gewijzigde motie`); [`DocKind::of`] reads the kind
//! from it.

use crate::lang::Lang;

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

    /// The stable name, the same in every language: what `--json` writes.
    pub fn key(self) -> &'static str {
        self.name(Lang::Nl)
    }

    /// The kind as `lang` names it, in lower case: `motie`, `motion`.
    pub fn name(self, lang: Lang) -> &'static str {
        use DocKind::*;
        match (lang, self) {
            (Lang::Nl, Brief) => "brief",
            (Lang::Nl, Motie) => "motie",
            (Lang::Nl, Amendement) => "amendement",
            (Lang::Nl, Verslag) => "verslag",
            (Lang::Nl, Nota) => "nota",
            (Lang::Nl, Agenda) => "agenda",
            (Lang::Nl, Wetsvoorstel) => "wetsvoorstel",
            (Lang::Nl, Memorie) => "memorie van toelichting",
            (Lang::Nl, Advies) => "advies",
            (Lang::Nl, Lijst) => "lijst",
            (Lang::Nl, Jaarverslag) => "jaarverslag",
            (Lang::Nl, Kamerstuk) => "kamerstuk",
            (Lang::En, Brief) => "letter",
            (Lang::En, Motie) => "motion",
            (Lang::En, Amendement) => "amendment",
            (Lang::En, Verslag) => "report",
            (Lang::En, Nota) => "memorandum",
            (Lang::En, Agenda) => "agenda",
            (Lang::En, Wetsvoorstel) => "bill",
            (Lang::En, Memorie) => "explanatory memorandum",
            (Lang::En, Advies) => "advice",
            (Lang::En, Lijst) => "list",
            (Lang::En, Jaarverslag) => "annual report",
            (Lang::En, Kamerstuk) => "parliamentary paper",
        }
    }

    /// The name as a label starts: `Motie`, `Motion`.
    pub fn label(self, lang: Lang) -> String {
        let mut chars = self.name(lang).chars();
        chars
            .next()
            .map(|c| c.to_uppercase().chain(chars).collect())
            .unwrap_or_default()
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
    fn each_kind_has_a_name_per_language_and_a_code() {
        for k in DocKind::ALL {
            assert_eq!(DocKind::from_code(k.code()), Some(k));
            assert_eq!(DocKind::of(k.name(Lang::Nl)), k, "{k:?}");
            assert!(!k.name(Lang::En).is_empty());
        }
        assert_eq!(DocKind::Motie.label(Lang::Nl), "Motie");
        assert_eq!(DocKind::Motie.label(Lang::En), "Motion");
        assert_eq!(DocKind::Motie.key(), "motie");
    }
}
