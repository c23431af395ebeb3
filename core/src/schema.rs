//! The dossier file format, as serde reads it. Unknown fields are refused,
//! and every value that a later check may complain about keeps its span so
//! the complaint can name the line and column. See `dossiers/README.md`.

use serde::Deserialize;
use toml::Spanned;

/// One `.toml` file under the dossier folder.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DossierFile {
    pub dossier: Option<Spanned<DossierRaw>>,
    /// The document's identity: `[document]`, or `[letter]` as older files
    /// name it.
    #[serde(alias = "document")]
    pub letter: Option<Spanned<LetterRaw>>,
    #[serde(default)]
    pub section: Vec<Spanned<SectionRaw>>,
    #[serde(default)]
    pub annex: Vec<Spanned<AnnexRaw>>,
    #[serde(default)]
    pub footnote: Vec<Spanned<FootnoteRaw>>,
    #[serde(default)]
    pub reference: Vec<Spanned<ReferenceRaw>>,
}

#[derive(Debug, Deserialize, Clone, Copy, PartialEq, Eq, Default)]
#[serde(rename_all = "lowercase")]
pub enum DossierKindRaw {
    #[default]
    Topic,
    /// A document of the library: a letter, motie, agenda or report.
    Document,
    /// What older files call a document.
    Letter,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DossierRaw {
    pub id: Spanned<String>,
    pub title: String,
    #[serde(default)]
    pub kind: DossierKindRaw,
    /// For topics: the id of the letter dossier they come from.
    pub source: Option<Spanned<String>>,
    pub order: Option<i64>,
    #[serde(default)]
    pub tags: Vec<String>,
    /// Ids this node was known by before: they keep resolving to it.
    #[serde(default)]
    pub aliases: Vec<Spanned<String>>,
    /// Ids of sections an earlier version of the document had and this
    /// one has not: never given to another section, so a note on one stays
    /// detached.
    #[serde(default)]
    pub retired: Vec<String>,
    pub text: Option<Spanned<String>>,
    pub file: Option<Spanned<String>>,
}

/// A document's identity (`[document]`, or `[letter]` in older files).
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LetterRaw {
    /// Left out for a Kamerstuk that gives none: it then has `year`.
    pub date: Option<Spanned<String>>,
    /// The ministry's own reference ("Onze referentie").
    pub reference: Option<String>,
    /// `brief`, `motie`, `agenda`, `verslag`, …; `brief` when left out.
    #[serde(rename = "type")]
    pub doc_type: Option<String>,
    /// `tweede-kamer` (the default) or `eerste-kamer`.
    pub chamber: Option<Spanned<String>>,
    /// The Kamerstuk dossier with its sub-number: `32317`, `21501-04`.
    pub dossier_number: Option<Spanned<String>>,
    /// The document's number in that dossier: `987`, or `A`.
    pub number: Option<String>,
    /// The vergaderjaar: `2025-2026`.
    pub year: Option<String>,
    /// The Kamerstuk dossier's title: `JBZ-Raad`.
    pub dossier_title: Option<String>,
    /// A rijkswet's number, `R2188`, where the dossier is one's.
    pub rijkswet: Option<String>,
    /// What it is about, word for word from its text.
    pub subject: Option<String>,
    /// Who submitted it, as the document spells them.
    #[serde(default)]
    pub submitters: Vec<String>,
    pub url: Option<String>,
    #[serde(default)]
    pub sender: Vec<String>,
    pub return_address: Option<String>,
    #[serde(default)]
    pub signatory: Vec<SignatoryRaw>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SignatoryRaw {
    pub role: String,
    pub name: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SectionRaw {
    pub id: Spanned<String>,
    /// Ids the section was known by in earlier versions of its document.
    #[serde(default)]
    pub aliases: Vec<Spanned<String>>,
    pub title: String,
    pub text: Option<Spanned<String>>,
    pub file: Option<Spanned<String>>,
    #[serde(default)]
    pub section: Vec<Spanned<SectionRaw>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AnnexRaw {
    pub id: Spanned<String>,
    pub title: String,
    pub label: Option<String>,
    pub url: Option<String>,
    pub text: Option<Spanned<String>>,
    pub file: Option<Spanned<String>>,
    /// The annex's own parts, as `[[annex.section]]`.
    #[serde(default)]
    pub section: Vec<Spanned<SectionRaw>>,
    /// The annex's own footnotes, as `[[annex.footnote]]`.
    #[serde(default)]
    pub footnote: Vec<Spanned<FootnoteRaw>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FootnoteRaw {
    pub id: Spanned<String>,
    pub number: u32,
    /// Left out when the source does not give the footnote's text.
    pub text: Option<Spanned<String>>,
}

#[derive(Debug, Deserialize, Clone, Copy, PartialEq, Eq)]
#[serde(rename_all = "lowercase")]
pub enum ReferenceKindRaw {
    Kamerstuk,
    Motie,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ReferenceRaw {
    pub id: Spanned<String>,
    pub title: String,
    pub kind: ReferenceKindRaw,
    pub dossier_number: String,
    pub number: String,
    /// `tweede-kamer` (the default) or `eerste-kamer`.
    pub chamber: Option<Spanned<String>>,
    pub year: Option<String>,
    pub description: Option<String>,
    pub url: Option<String>,
}
