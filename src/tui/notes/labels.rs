//! The words of the annotation screens, in Dutch and English.

use dossier_core::lang::Lang;

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
    PaneHidden,
    FocusNotes,
}

pub fn text(lang: Lang, t: Text) -> &'static str {
    use Text::*;
    match lang {
        Lang::Nl => match t {
            NewNote => "Nieuwe notitie",
            EditNote => "Notitie bewerken",
            Kind => "Soort",
            Status => "Status",
            Tags => "Tags",
            Owner => "Eigenaar",
            Due => "Uiterlijk",
            WholeNode => "over het hele onderdeel",
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
            PaneHidden => "Het notitiepaneel past niet op dit scherm: o = overzicht, daar Ctrl-d",
            FocusNotes => "Kies eerst een notitie in het notitiepaneel (Tab)",
            DraftOffer => {
                "Niet-opgeslagen concept van de vorige keer hersteld: Ctrl-s slaat op, Esc gooit weg"
            }
        },
        Lang::En => match t {
            NewNote => "New note",
            EditNote => "Edit note",
            Kind => "Kind",
            Status => "Status",
            Tags => "Tags",
            Owner => "Owner",
            Due => "Due",
            WholeNode => "on the whole section",
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
            PaneHidden => "The notes pane does not fit this screen: o = overview, Ctrl-d there",
            FocusNotes => "First choose a note in the notes pane (Tab)",
            DraftOffer => "Unsaved draft from last time restored: Ctrl-s saves, Esc discards",
        },
    }
}
