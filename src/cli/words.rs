//! The fixed words of the commands' plain-text output, in Dutch and
//! English (`language` in `config.toml`). The words of the note vocabulary
//! (kinds, statuses, dates) come from `dossier_core::lang`. JSON output
//! and ids are the same in either language: they are a contract.

use dossier_core::lang::Lang;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum W {
    /// "Source: TYPE REF of DATE (ID)".
    Source,
    /// Between a document and its date.
    Of,
    Document,
    Dossier,
    Reference,
    NoFootnoteText,
    AlsoIn,
    NotInLibrary,
    Sender,
    Signed,
    Tags,
    Countries,
    Citation,
    Description,
    NoAnnexText,
    Contents,
    Links,
    CitedBy,
    References,
    Passage,
    NodeGone,
    PassageGone,
    /// Before the words a detached passage stood among.
    StoodIn,
    Owner,
    Due,
    Changed,
    NoNotesIn,
}

pub(crate) fn word(lang: Lang, w: W) -> &'static str {
    use W::*;
    match lang {
        Lang::Nl => match w {
            Source => "Bron",
            Of => "van",
            Document => "Document",
            Dossier => "Dossier",
            Reference => "Kenmerk",
            NoFootnoteText => "(De tekst van deze voetnoot staat niet in de bron.)",
            AlsoIn => "Ook in",
            NotInLibrary => "(Dit document staat niet in de bibliotheek; zie de URL hierboven.)",
            Sender => "Afzender",
            Signed => "Ondertekend",
            Tags => "Tags",
            Countries => "Landen",
            Citation => "Citeerwijze",
            Description => "Omschrijving",
            NoAnnexText => "(De brief bevat de tekst van deze bijlage niet.)",
            Contents => "Inhoud",
            Links => "Links",
            CitedBy => "Geciteerd door",
            References => "referenties",
            Passage => "Passage",
            NodeGone => "Losgeraakt: dit onderdeel bestaat niet meer",
            PassageGone => "Losgeraakt: de passage staat niet meer in de tekst",
            StoodIn => "Stond in",
            Owner => "Eigenaar",
            Due => "Uiterlijk",
            Changed => "gewijzigd",
            NoNotesIn => "geen notities in",
        },
        Lang::En => match w {
            Source => "Source",
            Of => "of",
            Document => "Document",
            Dossier => "Dossier",
            Reference => "Reference",
            NoFootnoteText => "(The source does not give the text of this footnote.)",
            AlsoIn => "Also in",
            NotInLibrary => "(This document is not in the library; see the URL above.)",
            Sender => "Sender",
            Signed => "Signed",
            Tags => "Tags",
            Countries => "Countries",
            Citation => "Citation",
            Description => "Description",
            NoAnnexText => "(The letter does not include the text of this annex.)",
            Contents => "Contents",
            Links => "Links",
            CitedBy => "Cited by",
            References => "references",
            Passage => "Passage",
            NodeGone => "Detached: this part no longer exists",
            PassageGone => "Detached: the passage is no longer in the text",
            StoodIn => "Stood in",
            Owner => "Owner",
            Due => "Due",
            Changed => "changed",
            NoNotesIn => "no notes in",
        },
    }
}
