//! The words of the annotation screens, in Dutch and English.

use dossier_core::lang::Lang;

/// A phrase with the keys in force put in: `{undo}` is the first key of
/// an action of the text, `{overview.delete}` one of another mode's.
pub fn keyed(lang: Lang, t: Text, keymap: &crate::tui::keymap::Keymap) -> String {
    use crate::tui::action::Action;
    use crate::tui::mode::Mode;
    let phrase = text(lang, t);
    let mut out = String::with_capacity(phrase.len());
    let mut rest = phrase;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let Some(len) = rest[open..].find('}') else {
            break;
        };
        let name = &rest[open + 1..open + len];
        let (mode, action) = match name.split_once('.') {
            Some((m, a)) => (Mode::ALL.into_iter().find(|x| x.name() == m), a),
            None => (Some(Mode::Text), name),
        };
        let key = mode.zip(Action::from_name(action)).map(|(m, a)| {
            let table = keymap.table(m);
            // Yes is offered as the language's own letter when bound
            // (j = ja, y = yes).
            let own = if lang == Lang::Nl { 'j' } else { 'y' };
            match table
                .keys(a)
                .iter()
                .find(|k| a == Action::Yes && k.code == crate::tui::key::KeyCodeOrd::Char(own))
            {
                Some(k) => k.to_string(),
                None => table.first(a),
            }
        });
        out.push_str(key.as_deref().unwrap_or(name));
        rest = &rest[open + len + 1..];
    }
    out.push_str(rest);
    out
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
    ConfirmDiscard,
    Overwrite,
    Detached,
    Notes,
    NoNotes,
    Saved,
    Deleted,
    /// Deleted in the overview, whose keys type: its own undo key.
    DeletedHere,
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
            ConfirmDiscard => "Tekst weggooien? {confirm.yes} = ja, {confirm.no} = nee",
            Overwrite => {
                "Dit bestand bestaat al. Overschrijven? {confirm.yes} = ja, {confirm.no} = nee"
            }
            Detached => {
                "losgeraakt: de passage staat niet meer in de tekst ({select} selecteer, {select.attach_note} koppel opnieuw)"
            }
            Notes => "Notities",
            NoNotes => "Geen notities. {annotate} = annoteren",
            Saved => "Notitie opgeslagen",
            Deleted => "Notitie verwijderd ({undo} = ongedaan maken)",
            DeletedHere => "Notitie verwijderd ({overview.undo} = ongedaan maken)",
            Undone => "Ongedaan gemaakt",
            NothingToUndo => "Niets om ongedaan te maken",
            ReadOnly => "Notities zijn alleen-lezen",
            KeptAsDraft => "Niet opgeslagen; bewaard als concept",
            PaneHidden => {
                "Het notitiepaneel past niet op dit scherm: {overview} = overzicht, daar {overview.delete}"
            }
            FocusNotes => "Kies eerst een notitie in het notitiepaneel ({next_pane})",
            DraftOffer => {
                "Niet-opgeslagen concept van de vorige keer hersteld: {editor.save} slaat op, {editor.cancel} gooit weg"
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
            ConfirmDiscard => "Discard the text? {confirm.yes} = yes, {confirm.no} = no",
            Overwrite => "This file exists. Overwrite it? {confirm.yes} = yes, {confirm.no} = no",
            Detached => {
                "detached: the passage is no longer in the text ({select} select, {select.attach_note} attach again)"
            }
            Notes => "Notes",
            NoNotes => "No notes. {annotate} = annotate",
            Saved => "Note saved",
            Deleted => "Note deleted ({undo} = undo)",
            DeletedHere => "Note deleted ({overview.undo} = undo)",
            Undone => "Undone",
            NothingToUndo => "Nothing to undo",
            ReadOnly => "Notes are read-only",
            KeptAsDraft => "Not saved; kept as a draft",
            PaneHidden => {
                "The notes pane does not fit this screen: {overview} = overview, {overview.delete} there"
            }
            FocusNotes => "First choose a note in the notes pane ({next_pane})",
            DraftOffer => {
                "Unsaved draft from last time restored: {editor.save} saves, {editor.cancel} discards"
            }
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tui::keymap::Keymap;

    fn keymap(config: &str) -> Keymap {
        let c = crate::store::config::parse("c.toml", config)
            .unwrap()
            .config;
        Keymap::from_config(&c).unwrap()
    }

    #[test]
    fn phrases_name_the_keys_in_force() {
        let built_in = Keymap::default();
        assert_eq!(
            keyed(Lang::Nl, Text::NoNotes, &built_in),
            "Geen notities. a = annoteren"
        );
        assert_eq!(
            keyed(Lang::En, Text::ConfirmDiscard, &built_in),
            "Discard the text? y = yes, n = no"
        );
        assert_eq!(
            keyed(Lang::Nl, Text::ConfirmDiscard, &built_in),
            "Tekst weggooien? j = ja, n = nee"
        );
        let rebound = keymap(
            "[keys]\nannotate = \"A\"\nnext_pane = \"ctrl-t\"\n\n\
             [keys.editor]\nsave = \"ctrl-w\"\n\n[keys.overview]\ndelete = \"ctrl-x\"\n",
        );
        assert_eq!(
            keyed(Lang::Nl, Text::NoNotes, &rebound),
            "Geen notities. A = annoteren"
        );
        assert_eq!(
            keyed(Lang::En, Text::DraftOffer, &rebound),
            "Unsaved draft from last time restored: Ctrl-w saves, Esc discards"
        );
        assert_eq!(
            keyed(Lang::En, Text::PaneHidden, &rebound),
            "The notes pane does not fit this screen: o = overview, Ctrl-x there"
        );
        assert_eq!(
            keyed(Lang::En, Text::FocusNotes, &rebound),
            "First choose a note in the notes pane (Ctrl-t)"
        );
    }
}
