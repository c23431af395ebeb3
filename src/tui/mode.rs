//! The mode in force, and the keys that work in it: the one table the key
//! dispatch and the help overlay both read, so help lists exactly the keys
//! that do something.

use dossier_core::lang::Lang;

use super::action::Action;
use super::i18n;
use super::keymap::Defaults;

mod defaults;
mod hints;
use defaults::{
    CONFIRM, EDITOR, ERROR, EXPORT, FILTER, FIND, FINDER, HELP, OVERVIEW, PEEK, READ, SELECT,
    TIMELINE,
};
pub use hints::{
    CONFIRM_HINTS, EDITOR_HINTS, EXPORT_HINTS, OVERVIEW_HINTS, fit, help_entries, hints,
};

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Mode {
    /// Browsing the tree, the text and the notes pane.
    Read,
    /// Selecting a passage (`v`).
    Select,
    /// A footnote or annex in a popup.
    Peek,
    /// A file that failed to load, in a popup.
    Error,
    /// Typing a query: find in the text, the tree filter, the finder.
    Find,
    Filter,
    Finder,
    /// The documents by date (`t`).
    Timeline,
    /// The help overlay itself.
    Help,
    /// The annotation screens: the note editor, the overview of all notes
    /// and the export dialog.
    Editor,
    Overview,
    Export,
    /// A question to answer with yes or no (throw a note's text away,
    /// overwrite a file).
    Confirm,
}

/// What a printable key that no action takes does in a mode.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unbound {
    /// Nothing.
    Ignored,
    /// It types ([`Action::Type`]).
    Types,
    /// It goes to the text field as it is ([`Action::Key`]), cursor keys
    /// and all.
    Edits,
}

impl Mode {
    /// The screens whose keys are their own, under `[keys.<name>]`.
    pub const OWN_KEYS: [Mode; 7] = [
        Mode::Find,
        Mode::Filter,
        Mode::Finder,
        Mode::Editor,
        Mode::Overview,
        Mode::Export,
        Mode::Confirm,
    ];

    /// The name of a screen with its own keys in `config.toml`.
    pub fn name(self) -> &'static str {
        match self {
            Mode::Read => "read",
            Mode::Select => "select",
            Mode::Peek => "peek",
            Mode::Error => "error",
            Mode::Find => "find",
            Mode::Filter => "filter",
            Mode::Finder => "finder",
            Mode::Timeline => "timeline",
            Mode::Help => "help",
            Mode::Editor => "editor",
            Mode::Overview => "overview",
            Mode::Export => "export",
            Mode::Confirm => "confirm",
        }
    }

    /// The built-in keys of a screen with its own keys; empty for the
    /// others (their keys are `[keys]`, see `keymap::DEFAULTS`).
    pub fn defaults(self) -> Defaults {
        match self {
            Mode::Find => FIND,
            Mode::Filter => FILTER,
            Mode::Finder => FINDER,
            Mode::Editor => EDITOR,
            Mode::Overview => OVERVIEW,
            Mode::Export => EXPORT,
            Mode::Confirm => CONFIRM,
            _ => &[],
        }
    }

    /// The actions whose keys work in this mode.
    pub fn actions(self) -> std::borrow::Cow<'static, [Action]> {
        use std::borrow::Cow::Borrowed;
        match self {
            Mode::Read => Borrowed(READ.as_slice()),
            Mode::Select => Borrowed(SELECT),
            Mode::Peek => Borrowed(PEEK),
            Mode::Error => Borrowed(ERROR),
            Mode::Timeline => Borrowed(TIMELINE),
            Mode::Help => Borrowed(HELP),
            own => own.defaults().iter().map(|(a, _)| *a).collect(),
        }
    }

    /// Whether a key bound to `a` in this mode's keymap works here: the
    /// reading modes share `[keys]` and each takes some of its actions; a
    /// screen's own table holds only actions of that screen.
    pub fn takes(self, a: Action) -> bool {
        Mode::OWN_KEYS.contains(&self) || self.actions().contains(&a)
    }

    /// What a printable key that no action takes does here.
    pub fn unbound(self) -> Unbound {
        match self {
            Mode::Find | Mode::Filter | Mode::Finder | Mode::Overview | Mode::Export => {
                Unbound::Types
            }
            Mode::Editor => Unbound::Edits,
            _ => Unbound::Ignored,
        }
    }

    /// Lines of the help that are not an action's keys.
    pub fn notes(self, lang: Lang) -> Vec<(String, String)> {
        let nl = lang == Lang::Nl;
        let row =
            |k: &str, d: &'static str, e: &'static str| (k.to_string(), pick(nl, d, e).to_string());
        let mut out = match self {
            Mode::Find | Mode::Filter | Mode::Finder => {
                vec![row("letters", "typen", "type")]
            }
            Mode::Overview => vec![row("letters", "op tekst filteren", "filter by text")],
            Mode::Export => vec![row("letters", "bestandsnaam typen", "type the file name")],
            Mode::Editor => vec![row(
                "letters, ← → ↑ ↓ …",
                "tekst en velden bewerken",
                "edit the text and fields",
            )],
            _ => Vec::new(),
        };
        if self == Mode::Finder {
            out.push(row(
                "'woord ^begin eind$ !niet a | b",
                "exact, begin, eind, niet, of",
                "exact, prefix, suffix, not, or",
            ));
        }
        if !self.actions().contains(&Action::Quit) {
            out.push(("Ctrl-c".into(), i18n::action(lang, Action::Quit).into()));
        }
        out
    }

    /// What an action does in this mode, for the help.
    pub fn label(self, a: Action, lang: Lang) -> &'static str {
        let nl = lang == Lang::Nl;
        let p = |d: &'static str, e: &'static str| pick(nl, d, e);
        match (self, a) {
            (Mode::Select, Action::Expand) => p("einde een teken verder", "end one character on"),
            (Mode::Select, Action::Collapse) => {
                p("einde een teken terug", "end one character back")
            }
            (Mode::Select, Action::NextLink) => p("einde een woord verder", "end one word on"),
            (Mode::Select, Action::PrevLink) => p("einde een woord terug", "end one word back"),
            (Mode::Select, Action::NextSentence) => {
                p("einde een zin verder", "end one sentence on")
            }
            (Mode::Select, Action::PrevSentence) => {
                p("einde een zin terug", "end one sentence back")
            }
            (Mode::Select, Action::NextParagraph) => {
                p("einde tot eind alinea", "end to the paragraph's end")
            }
            (Mode::Select, Action::PrevParagraph) => {
                p("einde naar begin alinea", "end to the paragraph's start")
            }
            (Mode::Select, Action::Down) => p("einde een regel verder", "end one line on"),
            (Mode::Select, Action::Up) => p("einde een regel terug", "end one line back"),
            (Mode::Select, Action::Select | Action::Cancel) => {
                p("selectie loslaten", "drop the selection")
            }
            (Mode::Select, Action::Annotate) => p("passage annoteren", "annotate the passage"),
            (Mode::Select, Action::Edit) => p(
                "notitie aan deze passage koppelen",
                "attach the note to this passage",
            ),
            (Mode::Help, Action::Cancel | Action::Help) => p("hulp sluiten", "close the help"),
            (Mode::Peek | Mode::Timeline, Action::Open) => p("openen", "open it"),
            (Mode::Timeline, Action::Timeline) => p("tijdlijn sluiten", "close the timeline"),
            (Mode::Peek | Mode::Error, Action::Cancel) | (Mode::Error, Action::Open) => {
                p("sluiten", "close")
            }
            (Mode::Finder, Action::Open) => p("openen", "open it"),
            (Mode::Find | Mode::Filter, Action::Open) => p("klaar", "done"),
            (Mode::Find | Mode::Filter | Mode::Finder, Action::Cancel) => p("annuleren", "cancel"),
            (Mode::Find | Mode::Filter | Mode::Finder, Action::Erase) => {
                p("teken wissen", "erase a character")
            }
            (Mode::Finder, Action::Up) => p("vorige treffer", "previous hit"),
            (Mode::Finder, Action::Down) => p("volgende treffer", "next hit"),
            (Mode::Filter, Action::Down) => p("klaar, naar de boom", "done, to the tree"),
            (Mode::Editor, Action::Save) => p("opslaan", "save"),
            (Mode::Editor, Action::Cancel) => p(
                "annuleren (vraagt eerst bij tekst)",
                "cancel (asks first if text would go)",
            ),
            (Mode::Editor | Mode::Export, Action::NextField) => p("volgend veld", "next field"),
            (Mode::Editor | Mode::Export, Action::PrevField) => p("vorig veld", "previous field"),
            (Mode::Editor, Action::NextValue) => {
                p("soort of status: volgende", "kind or status: the next one")
            }
            (Mode::Editor, Action::PrevValue) => p(
                "soort of status: vorige",
                "kind or status: the previous one",
            ),
            (Mode::Editor, Action::Down) => p("tags: volgende suggestie", "tags: next suggestion"),
            (Mode::Editor, Action::Up) => p("tags: vorige suggestie", "tags: previous suggestion"),
            (Mode::Editor, Action::Open) => p(
                "tag kiezen; in een veld: volgend veld",
                "take the tag; in a field: next field",
            ),
            (Mode::Overview, Action::Down) => p("volgende notitie", "next note"),
            (Mode::Overview, Action::Up) => p("vorige notitie", "previous note"),
            (Mode::Overview, Action::Open) => p("naar de notitie", "go to the note"),
            (Mode::Overview, Action::ActionList) => p(
                "open toezeggingen en acties",
                "open commitments and actions",
            ),
            (Mode::Overview, Action::Sort) => p(
                "sorteren: geschreven, uiterlijk, dossier",
                "sort: written, due, dossier",
            ),
            (Mode::Overview, Action::NextField) => p("volgend filter", "next filter"),
            (Mode::Overview, Action::PrevField) => p("vorig filter", "previous filter"),
            (Mode::Overview, Action::NextValue) => {
                p("filter: volgende waarde", "filter: next value")
            }
            (Mode::Overview, Action::PrevValue) => {
                p("filter: vorige waarde", "filter: previous value")
            }
            (Mode::Overview, Action::Erase) => p("filter wissen", "clear the filter"),
            (Mode::Overview, Action::Edit) => p("notitie bewerken", "edit the note"),
            (Mode::Overview, Action::Delete) => p(
                "notitie verwijderen (u: terug)",
                "delete the note (u: undo)",
            ),
            (Mode::Overview | Mode::Export, Action::Cancel) => p("sluiten", "close"),
            (Mode::Export, Action::NextValue) => {
                p("formaat of notities: volgende", "format or notes: next")
            }
            (Mode::Export, Action::PrevValue) => {
                p("formaat of notities: vorige", "format or notes: previous")
            }
            (Mode::Export, Action::Erase) => p("teken wissen", "erase a character"),
            (Mode::Export, Action::Open) => p("exporteren", "export"),
            (Mode::Confirm, Action::Yes) => p("ja", "yes"),
            (Mode::Confirm, Action::No) => p("nee", "no"),
            (_, Action::Help) if Mode::OWN_KEYS.contains(&self) => p("deze hulp", "this help"),
            _ => i18n::action(lang, a),
        }
    }
}

fn pick(nl: bool, d: &'static str, e: &'static str) -> &'static str {
    if nl { d } else { e }
}

#[cfg(test)]
mod tests;
