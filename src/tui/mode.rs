//! The mode in force, and the keys that work in it: the one table the key
//! dispatch and the help overlay both read, so help lists exactly the keys
//! that do something.

use dossier_core::lang::Lang;

use super::action::Action;
use super::i18n;
use super::keymap::Defaults;
use super::state::{Overlay, State};

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

/// The prompts: every printable key not bound here types.
const FIND: Defaults = &[
    (Action::Open, &["enter"]),
    (Action::Cancel, &["esc"]),
    (Action::Erase, &["backspace"]),
    (Action::ClearPrompt, &["ctrl-u"]),
    (Action::Help, &["f1"]),
];

const FILTER: Defaults = &[
    (Action::Open, &["enter"]),
    (Action::Cancel, &["esc"]),
    (Action::Erase, &["backspace"]),
    (Action::ClearPrompt, &["ctrl-u"]),
    (Action::Down, &["down", "tab"]),
    (Action::Help, &["f1"]),
];

/// The finder: also up and down its hits, with fzf's keys too.
const FINDER: Defaults = &[
    (Action::Open, &["enter"]),
    (Action::Cancel, &["esc"]),
    (Action::Erase, &["backspace"]),
    (Action::ClearPrompt, &["ctrl-u"]),
    (Action::Up, &["up", "ctrl-p", "ctrl-k"]),
    (Action::Down, &["down", "tab", "ctrl-n", "ctrl-j"]),
    (Action::Help, &["f1"]),
];

/// The editor: keys no action takes edit the text (see
/// `NoteEditor::takes`, which says which actions the field in focus takes).
const EDITOR: Defaults = &[
    (Action::Save, &["ctrl-s"]),
    (Action::Cancel, &["esc"]),
    (Action::NextField, &["tab"]),
    (Action::PrevField, &["shift-tab"]),
    (Action::NextValue, &["right", "space", "l"]),
    (Action::PrevValue, &["left", "h"]),
    (Action::Down, &["down"]),
    (Action::Up, &["up"]),
    (Action::Open, &["enter"]),
    (Action::Help, &["f1"]),
];

/// The overview: printable keys not bound here type into its text filter.
const OVERVIEW: Defaults = &[
    (Action::Down, &["down", "ctrl-n"]),
    (Action::Up, &["up", "ctrl-p"]),
    (Action::Open, &["enter"]),
    (Action::ActionList, &["ctrl-a"]),
    (Action::Sort, &["ctrl-o"]),
    (Action::NextField, &["tab"]),
    (Action::PrevField, &["shift-tab"]),
    (Action::NextValue, &["right"]),
    (Action::PrevValue, &["left"]),
    (Action::Erase, &["backspace"]),
    (Action::Edit, &["ctrl-e"]),
    (Action::Delete, &["ctrl-d"]),
    (Action::ToggleDone, &["ctrl-t"]),
    (Action::Undo, &["ctrl-z"]),
    (Action::Cancel, &["esc"]),
    (Action::Help, &["f1"]),
];

/// The export dialog: printable keys not bound here type the file name.
const EXPORT: Defaults = &[
    (Action::NextField, &["tab", "down"]),
    (Action::PrevField, &["shift-tab", "up"]),
    (Action::NextValue, &["right"]),
    (Action::PrevValue, &["left"]),
    (Action::Erase, &["backspace"]),
    (Action::Open, &["enter"]),
    (Action::Cancel, &["esc"]),
    (Action::Help, &["f1"]),
];

const CONFIRM: Defaults = &[
    (Action::Yes, &["j", "y", "J", "Y"]),
    (Action::No, &["n", "N", "esc"]),
    (Action::Help, &["f1"]),
];

const SELECT: &[Action] = &[
    Action::Expand,
    Action::Collapse,
    Action::NextLink,
    Action::PrevLink,
    Action::NextSentence,
    Action::PrevSentence,
    Action::NextParagraph,
    Action::PrevParagraph,
    Action::Down,
    Action::Up,
    Action::Annotate,
    Action::Edit,
    Action::Copy,
    Action::Select,
    Action::Cancel,
    Action::Help,
    Action::Quit,
];

const HELP: &[Action] = &[
    Action::Down,
    Action::Up,
    Action::PageDown,
    Action::PageUp,
    Action::Top,
    Action::Bottom,
    Action::Cancel,
    Action::Help,
    Action::Quit,
];

const PEEK: &[Action] = &[Action::Open, Action::Cancel, Action::Help, Action::Quit];
const TIMELINE: &[Action] = &[
    Action::Filter,
    Action::Find,
    Action::Down,
    Action::Up,
    Action::Top,
    Action::PageUp,
    Action::Bottom,
    Action::PageDown,
    Action::Open,
    Action::Cancel,
    Action::Timeline,
    Action::Help,
    Action::Quit,
];
const ERROR: &[Action] = &[Action::Open, Action::Cancel, Action::Help, Action::Quit];

/// Reading: every action but the steps that only a selection takes, in
/// the order of [`Action::ALL`], so an action added there works here.
static READ: std::sync::LazyLock<Vec<Action>> = std::sync::LazyLock::new(|| {
    const SELECTION_ONLY: [Action; 4] = [
        Action::NextSentence,
        Action::PrevSentence,
        Action::NextParagraph,
        Action::PrevParagraph,
    ];
    Action::ALL
        .into_iter()
        .filter(|a| !SELECTION_ONLY.contains(a))
        .collect()
});

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

    /// The mode in force, from the state alone.
    pub fn of(s: &State) -> Mode {
        use super::notes::screen::Screen;
        if let Overlay::Help(_) = s.overlay {
            return Mode::Help;
        }
        match &s.notes_ui.screen {
            Screen::Editor { editor, .. } if editor.confirming => return Mode::Confirm,
            Screen::Export(d) if d.confirming => return Mode::Confirm,
            Screen::Editor { .. } => return Mode::Editor,
            Screen::Overview => return Mode::Overview,
            Screen::Export(_) => return Mode::Export,
            Screen::None => {}
        }
        match &s.overlay {
            Overlay::Help(_) => Mode::Help,
            Overlay::Finder(_) => Mode::Finder,
            Overlay::Peek(_) => Mode::Peek,
            Overlay::LoadError(_) => Mode::Error,
            // Typing the timeline's filter: the keys of the tree's.
            Overlay::Timeline(_) if s.timeline_typing => Mode::Filter,
            Overlay::Timeline(_) => Mode::Timeline,
            Overlay::None if s.find.editing => Mode::Find,
            Overlay::None if s.filter_editing => Mode::Filter,
            Overlay::None if s.selection.is_some() => Mode::Select,
            Overlay::None => Mode::Read,
        }
    }

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

/// The short words of a screen's hint line, by action: (Dutch, English).
pub type HintWords = &'static [(&'static [Action], &'static str, &'static str)];

pub const EDITOR_HINTS: HintWords = &[
    (&[Action::Save], "opslaan", "save"),
    (&[Action::Cancel], "annuleren", "cancel"),
    (&[Action::Help], "toetsen", "keys"),
    (&[Action::NextField], "volgend veld", "next field"),
    (&[Action::PrevValue, Action::NextValue], "kiezen", "choose"),
];

pub const OVERVIEW_HINTS: HintWords = &[
    (&[Action::Help], "toetsen", "keys"),
    (&[Action::Open], "ga naar", "go to"),
    (&[Action::ToggleDone], "afgerond", "done"),
    (&[Action::ActionList], "open acties", "open actions"),
    (&[Action::NextField], "filter", "filter"),
    (&[Action::PrevValue, Action::NextValue], "waarde", "value"),
    (&[Action::Sort], "volgorde", "order"),
    (&[Action::Cancel], "sluiten", "close"),
];

pub const EXPORT_HINTS: HintWords = &[
    (&[Action::NextField], "veld", "field"),
    (&[Action::PrevValue, Action::NextValue], "kiezen", "choose"),
    (&[Action::Open], "exporteren", "export"),
    (&[Action::Cancel], "sluiten", "close"),
    (&[Action::Help], "toetsen", "keys"),
];

pub const CONFIRM_HINTS: HintWords = &[(&[Action::Yes], "ja", "yes"), (&[Action::No], "nee", "no")];

/// A screen's hint line from the keys in force: each action's first key
/// and a word, so a rebound key is shown as it is.
pub fn hints(keymap: &super::keymap::Keymap, mode: Mode, lang: Lang, words: HintWords) -> String {
    let table = keymap.table(mode);
    words
        .iter()
        .filter_map(|&(actions, d, e)| {
            // Yes as the language's own letter where it is bound (j = ja,
            // y = yes), as the question itself offers it.
            let own = if lang == Lang::Nl { 'j' } else { 'y' };
            let keys: Option<Vec<String>> = actions
                .iter()
                .map(|&a| {
                    let keys = table.keys(a);
                    let first = keys.first();
                    keys.iter()
                        .find(|k| {
                            a == Action::Yes && k.code == super::keymap::KeyCodeOrd::Char(own)
                        })
                        .or(first)
                        .map(|k| k.to_string())
                })
                .collect();
            Some(format!(
                "{} {}",
                keys?.join("/"),
                pick(lang == Lang::Nl, d, e)
            ))
        })
        .collect::<Vec<_>>()
        .join(" · ")
}

/// As many whole hints of a hint line as fit in `width` columns: a hint
/// cut in half names a key without what it does.
pub fn fit(hints: &str, width: u16) -> String {
    let mut out = String::new();
    for hint in hints.split(" · ") {
        let with = if out.is_empty() {
            hint.to_string()
        } else {
            format!("{out} · {hint}")
        };
        if unicode_width::UnicodeWidthStr::width(with.as_str()) > usize::from(width) {
            break;
        }
        out = with;
    }
    out
}

fn pick(nl: bool, d: &'static str, e: &'static str) -> &'static str {
    if nl { d } else { e }
}

/// The help's rows for a mode: the keys of its actions as bound now, then
/// its other lines. An action without a key is left out.
pub fn help_entries(s: &State, mode: Mode) -> Vec<(String, String)> {
    let table = s.keymap.table(mode);
    let mut out: Vec<(String, String)> = mode
        .actions()
        .iter()
        .map(|&a| (table.describe(a), mode.label(a, s.lang).to_string()))
        .filter(|(k, _)| !k.is_empty())
        .collect();
    out.extend(mode.notes(s.lang));
    out
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;
    use std::sync::Arc;

    use super::*;
    use crate::tui::input::action_for;
    use crate::tui::keymap::{Key, Keymap, to_event};
    use crate::tui::notes::editor::NoteEditor;
    use crate::tui::notes::export_dialog::ExportDialog;
    use crate::tui::notes::screen::Screen;
    use crate::tui::state::Pane;
    use crate::tui::theme::Theme;
    use crate::tui::update::update;

    fn state() -> State {
        let corpus = Arc::new(crate::store::dossiers::load_built_in());
        let mut s = State::new(corpus, Lang::Nl, Keymap::default(), Theme::plain());
        s.resize((60, 20), 20);
        s
    }

    /// The state in each mode the browsing screens have.
    fn in_mode(mode: Mode) -> State {
        let mut s = state();
        match mode {
            Mode::Read => {}
            Mode::Select => s.selection = Some(((0, 0), (0, 3))),
            Mode::Peek => s.overlay = Overlay::Peek(s.open.unwrap()),
            Mode::Error => s.overlay = Overlay::LoadError(0),
            Mode::Timeline => {
                update(&mut s, Action::Timeline);
            }
            Mode::Help => {
                update(&mut s, Action::Help);
            }
            Mode::Find => {
                update(&mut s, Action::Find);
            }
            Mode::Filter => {
                update(&mut s, Action::Filter);
            }
            Mode::Finder => {
                update(&mut s, Action::Finder);
            }
            Mode::Editor => {
                let open = s.open.unwrap();
                let note = dossier_core::note_form::new_note(
                    &s.corpus,
                    open,
                    None,
                    "T".into(),
                    jiff::Timestamp::UNIX_EPOCH,
                    1,
                );
                s.notes_ui.screen = Screen::Editor {
                    editor: Box::new(NoteEditor::new(note, true)),
                    before: None,
                };
            }
            Mode::Overview => s.notes_ui.screen = Screen::Overview,
            Mode::Export => {
                s.notes_ui.screen = Screen::Export(ExportDialog::new(Lang::Nl, &Default::default()))
            }
            Mode::Confirm => {
                let mut d = ExportDialog::new(Lang::Nl, &Default::default());
                d.confirming = true;
                s.notes_ui.screen = Screen::Export(d);
            }
        }
        assert_eq!(Mode::of(&s), mode);
        s
    }

    const MODES: [Mode; 13] = [
        Mode::Editor,
        Mode::Overview,
        Mode::Export,
        Mode::Confirm,
        Mode::Timeline,
        Mode::Read,
        Mode::Select,
        Mode::Peek,
        Mode::Error,
        Mode::Help,
        Mode::Find,
        Mode::Filter,
        Mode::Finder,
    ];

    /// Every key the help of a mode names, as keys.
    fn listed(s: &State, mode: Mode) -> BTreeSet<Key> {
        help_entries(s, mode)
            .iter()
            .flat_map(|(k, _)| k.split(" / ").map(str::to_string).collect::<Vec<_>>())
            .filter_map(|k| {
                let k = k
                    .replace('↑', "up")
                    .replace('↓', "down")
                    .replace('←', "left")
                    .replace('→', "right");
                Key::parse(&k.replace("PgUp", "pageup").replace("PgDn", "pagedown")).ok()
            })
            .collect()
    }

    #[test]
    fn a_hint_line_keeps_only_whole_hints() {
        let line = "F1 toetsen · Ctrl-a open acties · Enter ga naar";
        assert_eq!(fit(line, 80), line);
        assert_eq!(fit(line, 34), "F1 toetsen · Ctrl-a open acties");
        assert_eq!(fit(line, 33), "F1 toetsen · Ctrl-a open acties");
        assert_eq!(fit(line, 5), "");
    }

    #[test]
    fn help_lists_exactly_the_keys_that_work_in_each_mode() {
        for mode in MODES {
            let s = in_mode(mode);
            let shown = listed(&s, mode);
            // Every key of every mode's keymap, tried in this mode.
            let mut tried: BTreeSet<Key> = BTreeSet::new();
            for m in MODES {
                tried.extend(s.keymap.table(m).bindings().map(|(k, _)| k));
            }
            for k in tried {
                let action = action_for(&s, to_event(k));
                // Ctrl-c is the loop's, before any mode (`always_quits`).
                let works = crate::tui::input::always_quits(&to_event(k)) || action.is_some();
                if matches!(action, Some(Action::Type(_) | Action::Key(_))) {
                    continue; // letters type, keys edit the text; help says so
                }
                assert_eq!(
                    works,
                    shown.contains(&k),
                    "{mode:?}: `{k}` {} but help {}",
                    if works { "works" } else { "does nothing" },
                    if shown.contains(&k) {
                        "lists it"
                    } else {
                        "does not"
                    }
                );
            }
        }
    }

    #[test]
    fn help_in_a_selection_lists_the_selection_keys_and_f1_helps_in_prompts() {
        let mut s = in_mode(Mode::Select);
        s.focus = Pane::Reader;
        let entries = help_entries(&s, Mode::Select);
        let text: Vec<String> = entries.iter().map(|(k, d)| format!("{k} {d}")).collect();
        assert!(
            text.iter().any(|l| l == ") einde een zin verder"),
            "{text:?}"
        );
        assert!(
            text.iter().any(|l| l == "] einde een woord verder"),
            "{text:?}"
        );
        assert!(
            !text.iter().any(|l| l.contains("zoeken in alles")),
            "{text:?}"
        );
        // F1 in the finder shows the finder's keys; closing it keeps the query.
        let mut s = in_mode(Mode::Finder);
        update(&mut s, Action::Type('x'));
        let f1 = action_for(&s, to_event(Key::parse("f1").unwrap())).unwrap();
        update(&mut s, f1);
        assert_eq!(Mode::of(&s), Mode::Help);
        let Overlay::Help(h) = &s.overlay else {
            unreachable!()
        };
        assert_eq!(h.mode, Mode::Finder);
        update(&mut s, Action::Cancel);
        assert!(matches!(&s.overlay, Overlay::Finder(f) if f.query == "x"));
    }

    #[test]
    fn the_status_bar_offers_yes_as_the_question_does() {
        let km = Keymap::default();
        let en = hints(&km, Mode::Confirm, Lang::En, CONFIRM_HINTS);
        assert!(en.starts_with("y yes"), "{en}");
        let nl = hints(&km, Mode::Confirm, Lang::Nl, CONFIRM_HINTS);
        assert!(nl.starts_with("j ja"), "{nl}");
    }
}
