//! Every phrase of the browsing screens, in Dutch and English. The
//! annotation screens keep theirs in `notes::labels`.

use dossier_core::NodeKind;

use super::action::Action;
use crate::store::config::Language;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum T {
    Tree,
    Reader,
    Help,
    HelpTitle,
    Finder,
    FinderPrompt,
    FindPrompt,
    FilterPrompt,
    FilterHint,
    NoHits,
    Hits,
    NoText,
    CitedBy,
    Contents,
    Letter,
    Date,
    Reference,
    SignedBy,
    OpensDocument,
    NotInLibrary,
    NoFootnoteText,
    AlsoIn,
    Source,
    LoadError,
    Filter,
    ModeRead,
    ModeFind,
    ModeFinder,
    ModeFilter,
    ModeHelp,
    ModePeek,
    ModeError,
    ModeSelect,
    NoLink,
    NoLinks,
    TooSmall,
    OpenIt,
    Choose,
    NoHistory,
    Line,
    Tags,
    Countries,
    Url,
    Citation,
    Close,
    Searching,
    Loading,
}

pub fn t(lang: Language, t: T) -> &'static str {
    use T::*;
    match lang {
        Language::Nl => match t {
            Tree => "Dossiers",
            Reader => "Tekst",
            Help => "help",
            HelpTitle => "Toetsen",
            Finder => "Zoeken in alles",
            FinderPrompt => "Zoek: ",
            FindPrompt => "Zoek in tekst: ",
            FilterPrompt => "Filter: ",
            FilterHint => "tekst, #tag of @land",
            NoHits => "geen treffers",
            Hits => "treffers",
            NoText => "De brief bevat de tekst van deze bijlage niet.",
            CitedBy => "Geciteerd door",
            Contents => "Inhoud",
            Letter => "Brief",
            Date => "datum",
            Reference => "kenmerk",
            SignedBy => "Ondertekend door",
            OpensDocument => "Het document in de bibliotheek",
            NotInLibrary => {
                "Dit document staat niet in de bibliotheek; het adres hierboven is de officiële vindplaats."
            }
            NoFootnoteText => "De bron geeft de tekst van deze voetnoot niet.",
            AlsoIn => "Ook in",
            Source => "Bron",
            LoadError => "Kon niet laden",
            Filter => "filter",
            ModeRead => "LEZEN",
            ModeFind => "ZOEKEN",
            ModeFinder => "VINDER",
            ModeFilter => "FILTER",
            ModeHelp => "HELP",
            ModePeek => "VOORBEELD",
            ModeError => "FOUT",
            ModeSelect => "SELECTIE",
            NoLink => "geen link geselecteerd",
            NoLinks => "deze tekst heeft geen links",
            TooSmall => "venster te klein",
            OpenIt => "openen",
            Choose => "kiezen",
            NoHistory => "geen geschiedenis",
            Line => "regel",
            Tags => "Tags",
            Countries => "Landen",
            Url => "URL",
            Citation => "Citeerwijze",
            Close => "sluiten",
            Searching => "zoekt…",
            Loading => "dossiers laden uit",
        },
        Language::En => match t {
            Tree => "Dossiers",
            Reader => "Text",
            Help => "help",
            HelpTitle => "Keys",
            Finder => "Find anywhere",
            FinderPrompt => "Find: ",
            FindPrompt => "Find in text: ",
            FilterPrompt => "Filter: ",
            FilterHint => "text, #tag or @country",
            NoHits => "no hits",
            Hits => "hits",
            NoText => "The letter does not include the text of this annex.",
            CitedBy => "Cited by",
            Contents => "Contents",
            Letter => "Letter",
            Date => "date",
            Reference => "reference",
            SignedBy => "Signed by",
            OpensDocument => "The document in the library",
            NotInLibrary => {
                "This document is not in the library; the address above is where it is published."
            }
            NoFootnoteText => "The source does not give the text of this footnote.",
            AlsoIn => "Also in",
            Source => "Source",
            LoadError => "Could not load",
            Filter => "filter",
            ModeRead => "READ",
            ModeFind => "FIND",
            ModeFinder => "FINDER",
            ModeFilter => "FILTER",
            ModeHelp => "HELP",
            ModePeek => "PEEK",
            ModeError => "ERROR",
            ModeSelect => "SELECT",
            NoLink => "no link selected",
            NoLinks => "this text has no links",
            TooSmall => "window too small",
            OpenIt => "open",
            Choose => "choose",
            NoHistory => "no history",
            Line => "line",
            Tags => "Tags",
            Countries => "Countries",
            Url => "URL",
            Citation => "Citation",
            Close => "close",
            Searching => "searching…",
            Loading => "loading dossiers from",
        },
    }
}

pub fn kind(lang: Language, k: NodeKind) -> &'static str {
    match (lang, k) {
        (Language::Nl, NodeKind::Letter) => "brief",
        (Language::Nl, NodeKind::Dossier) => "dossier",
        (Language::Nl, NodeKind::Section) => "paragraaf",
        (Language::Nl, NodeKind::Footnote) => "voetnoot",
        (Language::Nl, NodeKind::Annex) => "bijlage",
        (Language::Nl, NodeKind::Reference) => "kamerstuk",
        (Language::En, NodeKind::Letter) => "letter",
        (Language::En, NodeKind::Dossier) => "dossier",
        (Language::En, NodeKind::Section) => "section",
        (Language::En, NodeKind::Footnote) => "footnote",
        (Language::En, NodeKind::Annex) => "annex",
        (Language::En, NodeKind::Reference) => "reference",
    }
}

/// What an action does, for the help overlay.
pub fn action(lang: Language, a: Action) -> &'static str {
    use Action::*;
    match lang {
        Language::Nl => match a {
            Quit => "afsluiten",
            Help => "deze hulp",
            NextPane => "volgend paneel",
            PrevPane => "vorig paneel",
            Up => "omhoog",
            Down => "omlaag",
            PageUp => "pagina omhoog",
            PageDown => "pagina omlaag",
            Top => "naar begin",
            Bottom => "naar eind",
            Open => "openen / link volgen",
            Collapse => "inklappen; in tekst vorige link",
            Expand => "uitklappen; in tekst volgende link",
            Back => "terug",
            Forward => "vooruit",
            NextLink => "volgende link",
            PrevLink => "vorige link",
            Peek => "voetnoot of bijlage bekijken",
            Find => "zoeken in de tekst",
            FindNext => "volgende treffer",
            FindPrev => "vorige treffer",
            Finder => "zoeken in alles",
            Filter => "boom filteren (tekst, #tag, @land)",
            Select => "passage selecteren",
            Annotate => "annoteren",
            Edit => "notitie bewerken",
            Delete => "notitie verwijderen",
            Undo => "ongedaan maken",
            Overview => "alle annotaties",
            Export => "annotaties exporteren",
            Cancel => "annuleren / sluiten",
            Type(_) | Erase => "",
        },
        Language::En => match a {
            Quit => "quit",
            Help => "this help",
            NextPane => "next pane",
            PrevPane => "previous pane",
            Up => "up",
            Down => "down",
            PageUp => "page up",
            PageDown => "page down",
            Top => "to the top",
            Bottom => "to the end",
            Open => "open / follow link",
            Collapse => "collapse; in text previous link",
            Expand => "expand; in text next link",
            Back => "back",
            Forward => "forward",
            NextLink => "next link",
            PrevLink => "previous link",
            Peek => "peek at footnote or annex",
            Find => "find in the text",
            FindNext => "next hit",
            FindPrev => "previous hit",
            Finder => "find anywhere",
            Filter => "filter the tree (text, #tag, @country)",
            Select => "select a passage",
            Annotate => "annotate",
            Edit => "edit note",
            Delete => "delete note",
            Undo => "undo",
            Overview => "all annotations",
            Export => "export annotations",
            Cancel => "cancel / close",
            Type(_) | Erase => "",
        },
    }
}

/// `2025-12-17` → `17 december 2025` (or `17 December 2025`), as the
/// exports write it.
pub fn long_date(lang: Language, iso: &str) -> String {
    let lang = match lang {
        Language::Nl => dossier_core::export::Lang::Nl,
        Language::En => dossier_core::export::Lang::En,
    };
    lang.long_date(iso)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_read_naturally() {
        assert_eq!(long_date(Language::Nl, "2025-12-17"), "17 december 2025");
        assert_eq!(long_date(Language::En, "2025-12-07"), "7 December 2025");
        assert_eq!(long_date(Language::En, "garbage"), "garbage");
    }
}
