//! The words of the annotation screens, in Dutch and English.

use dossier_core::annotation::{Kind, Status};

use crate::store::config::Language;

pub fn kind(lang: Language, k: Kind) -> &'static str {
    match (lang, k) {
        (Language::Nl, Kind::Note) => "notitie",
        (Language::Nl, Kind::Question) => "vraag",
        (Language::Nl, Kind::Toezegging) => "toezegging",
        (Language::Nl, Kind::Action) => "actie",
        (Language::En, Kind::Note) => "note",
        (Language::En, Kind::Question) => "question",
        (Language::En, Kind::Toezegging) => "commitment",
        (Language::En, Kind::Action) => "action",
    }
}

pub fn status(lang: Language, s: Status) -> &'static str {
    match (lang, s) {
        (Language::Nl, Status::Open) => "open",
        (Language::Nl, Status::Done) => "afgerond",
        (Language::En, Status::Open) => "open",
        (Language::En, Status::Done) => "done",
    }
}

/// A fixed phrase of the annotation screens.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Text {
    NewNote,
    EditNote,
    Kind,
    Status,
    Tags,
    Owner,
    Due,
    WholeNode,
    Hints,
    ConfirmDiscard,
    Detached,
    Notes,
    NoNotes,
    Saved,
    Deleted,
    Undone,
    NothingToUndo,
    ReadOnly,
    KeptAsDraft,
    DraftOffer,
}

pub fn text(lang: Language, t: Text) -> &'static str {
    use Text::*;
    match lang {
        Language::Nl => match t {
            NewNote => "Nieuwe notitie",
            EditNote => "Notitie bewerken",
            Kind => "Soort",
            Status => "Status",
            Tags => "Tags",
            Owner => "Eigenaar",
            Due => "Uiterlijk",
            WholeNode => "over het hele onderdeel",
            Hints => "Ctrl-s opslaan · Esc annuleren · Tab volgend veld · ←/→ kiezen",
            ConfirmDiscard => "Tekst weggooien? j = ja, n = nee",
            Detached => {
                "losgeraakt: de passage staat niet meer in de tekst (v selecteer, e koppel opnieuw)"
            }
            Notes => "Notities",
            NoNotes => "Geen notities. a = annoteren",
            Saved => "Notitie opgeslagen",
            Deleted => "Notitie verwijderd (u = ongedaan maken)",
            Undone => "Ongedaan gemaakt",
            NothingToUndo => "Niets om ongedaan te maken",
            ReadOnly => "Notities zijn alleen-lezen",
            KeptAsDraft => "Niet opgeslagen; bewaard als concept",
            DraftOffer => {
                "Niet-opgeslagen concept van de vorige keer hersteld: Ctrl-s slaat op, Esc gooit weg"
            }
        },
        Language::En => match t {
            NewNote => "New note",
            EditNote => "Edit note",
            Kind => "Kind",
            Status => "Status",
            Tags => "Tags",
            Owner => "Owner",
            Due => "Due",
            WholeNode => "on the whole section",
            Hints => "Ctrl-s save · Esc cancel · Tab next field · ←/→ choose",
            ConfirmDiscard => "Discard the text? y = yes, n = no",
            Detached => "detached: the passage is no longer in the text (v select, e attach again)",
            Notes => "Notes",
            NoNotes => "No notes. a = annotate",
            Saved => "Note saved",
            Deleted => "Note deleted (u = undo)",
            Undone => "Undone",
            NothingToUndo => "Nothing to undo",
            ReadOnly => "Notes are read-only",
            KeptAsDraft => "Not saved; kept as a draft",
            DraftOffer => "Unsaved draft from last time restored: Ctrl-s saves, Esc discards",
        },
    }
}
