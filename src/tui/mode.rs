//! The mode in force, and the keys that work in it: the one table the key
//! dispatch and the help overlay both read, so help lists exactly the keys
//! that do something.

use dossier_core::lang::Lang;

use super::action::Action;
use super::i18n;
use super::state::{Overlay, State};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
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
    /// The annotation screens; their keys are fixed (see `notes/`).
    Editor,
    Overview,
    Export,
}

/// In a prompt every printable key types; these do the rest.
const FIND_KEYS: &[(&str, Action)] = &[
    ("enter", Action::Open),
    ("esc", Action::Cancel),
    ("backspace", Action::Erase),
    ("f1", Action::Help),
];

/// The tree filter: also down into the tree.
const FILTER_KEYS: &[(&str, Action)] = &[
    ("enter", Action::Open),
    ("esc", Action::Cancel),
    ("backspace", Action::Erase),
    ("down", Action::Down),
    ("tab", Action::Down),
    ("f1", Action::Help),
];

/// The finder: also up and down its hits, with fzf's keys too.
const FINDER_KEYS: &[(&str, Action)] = &[
    ("enter", Action::Open),
    ("esc", Action::Cancel),
    ("backspace", Action::Erase),
    ("up", Action::Up),
    ("down", Action::Down),
    ("tab", Action::Down),
    ("ctrl-p", Action::Up),
    ("ctrl-n", Action::Down),
    ("ctrl-k", Action::Up),
    ("ctrl-j", Action::Down),
    ("f1", Action::Help),
];

/// The fixed keys of a prompt mode; empty for the others.
pub fn prompt_keys(mode: Mode) -> &'static [(&'static str, Action)] {
    match mode {
        Mode::Find => FIND_KEYS,
        Mode::Filter => FILTER_KEYS,
        Mode::Finder => FINDER_KEYS,
        _ => &[],
    }
}

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

impl Mode {
    /// The mode of the browsing screens, from the state alone (the
    /// annotation screens are the notes session's to say).
    pub fn of(s: &State) -> Mode {
        match &s.overlay {
            Overlay::Help(_) => Mode::Help,
            Overlay::Finder(_) => Mode::Finder,
            Overlay::Peek(_) => Mode::Peek,
            Overlay::LoadError(_) => Mode::Error,
            Overlay::Timeline(_) => Mode::Timeline,
            Overlay::None if s.find.editing => Mode::Find,
            Overlay::None if s.filter_editing => Mode::Filter,
            Overlay::None if s.selection.is_some() => Mode::Select,
            Overlay::None => Mode::Read,
        }
    }

    /// The actions the keymap's keys do in this mode; empty for the modes
    /// whose keys are fixed.
    pub fn actions(self) -> &'static [Action] {
        match self {
            Mode::Read => &READ,
            Mode::Select => SELECT,
            Mode::Peek => PEEK,
            Mode::Error => ERROR,
            Mode::Timeline => TIMELINE,
            Mode::Help => HELP,
            Mode::Find
            | Mode::Filter
            | Mode::Finder
            | Mode::Editor
            | Mode::Overview
            | Mode::Export => &[],
        }
    }

    /// Keys that work in this mode outside the keymap, with what they do.
    pub fn fixed_keys(self, lang: Lang) -> Vec<(String, String)> {
        let nl = lang == Lang::Nl;
        let pick = |d: &str, e: &str| if nl { d.to_string() } else { e.to_string() };
        let prompt = |keys: &[(&str, Action)]| -> Vec<(String, String)> {
            keys.iter()
                .map(|(k, a)| {
                    let key = super::keymap::Key::parse(k).map_or_else(|e| e, |k| k.to_string());
                    (key, prompt_label(self, *a, lang))
                })
                .collect()
        };
        let mut out = match self {
            Mode::Find | Mode::Filter => prompt(prompt_keys(self)),
            Mode::Finder => {
                let mut v = prompt(prompt_keys(self));
                v.push((
                    "'woord ^begin eind$ !niet a | b".into(),
                    pick(
                        "exact, begin, eind, niet, of",
                        "exact, prefix, suffix, not, or",
                    ),
                ));
                v
            }
            Mode::Editor => super::notes::editor::KEYS
                .iter()
                .map(|(k, d, e)| (k.to_string(), pick(d, e)))
                .collect(),
            Mode::Overview => super::notes::overview::KEYS
                .iter()
                .map(|(k, d, e)| (k.to_string(), pick(d, e)))
                .collect(),
            Mode::Export => super::notes::export_dialog::KEYS
                .iter()
                .map(|(k, d, e)| (k.to_string(), pick(d, e)))
                .collect(),
            _ => Vec::new(),
        };
        if matches!(self, Mode::Find | Mode::Filter | Mode::Finder) {
            out.insert(0, (pick("letters", "letters"), pick("typen", "type")));
        }
        if self.actions().is_empty() {
            out.push(("Ctrl-c".into(), i18n::action(lang, Action::Quit).into()));
        }
        out
    }

    /// What an action does in this mode, for the help.
    pub fn label(self, a: Action, lang: Lang) -> &'static str {
        let nl = lang == Lang::Nl;
        match (self, a) {
            (Mode::Select, Action::Expand) => {
                pick(nl, "einde een teken verder", "end one character on")
            }
            (Mode::Select, Action::Collapse) => {
                pick(nl, "einde een teken terug", "end one character back")
            }
            (Mode::Select, Action::NextLink) => {
                pick(nl, "einde een woord verder", "end one word on")
            }
            (Mode::Select, Action::PrevLink) => {
                pick(nl, "einde een woord terug", "end one word back")
            }
            (Mode::Select, Action::NextSentence) => {
                pick(nl, "einde een zin verder", "end one sentence on")
            }
            (Mode::Select, Action::PrevSentence) => {
                pick(nl, "einde een zin terug", "end one sentence back")
            }
            (Mode::Select, Action::NextParagraph) => {
                pick(nl, "einde tot eind alinea", "end to the paragraph's end")
            }
            (Mode::Select, Action::PrevParagraph) => pick(
                nl,
                "einde naar begin alinea",
                "end to the paragraph's start",
            ),
            (Mode::Select, Action::Down) => pick(nl, "einde een regel verder", "end one line on"),
            (Mode::Select, Action::Up) => pick(nl, "einde een regel terug", "end one line back"),
            (Mode::Select, Action::Select | Action::Cancel) => {
                pick(nl, "selectie loslaten", "drop the selection")
            }
            (Mode::Select, Action::Annotate) => {
                pick(nl, "passage annoteren", "annotate the passage")
            }
            (Mode::Select, Action::Edit) => pick(
                nl,
                "notitie aan deze passage koppelen",
                "attach the note to this passage",
            ),
            (Mode::Help, Action::Cancel | Action::Help) => {
                pick(nl, "hulp sluiten", "close the help")
            }
            (Mode::Peek | Mode::Timeline, Action::Open) => pick(nl, "openen", "open it"),
            (Mode::Timeline, Action::Timeline) => {
                pick(nl, "tijdlijn sluiten", "close the timeline")
            }
            (Mode::Peek | Mode::Error, Action::Cancel) | (Mode::Error, Action::Open) => {
                pick(nl, "sluiten", "close")
            }
            _ => i18n::action(lang, a),
        }
    }
}

fn pick(nl: bool, d: &'static str, e: &'static str) -> &'static str {
    if nl { d } else { e }
}

fn prompt_label(mode: Mode, a: Action, lang: Lang) -> String {
    let nl = lang == Lang::Nl;
    match (mode, a) {
        (Mode::Finder, Action::Open) => pick(nl, "openen", "open it"),
        (_, Action::Open) => pick(nl, "klaar", "done"),
        (_, Action::Cancel) => pick(nl, "annuleren", "cancel"),
        (_, Action::Erase) => pick(nl, "teken wissen", "erase a character"),
        (Mode::Finder, Action::Up) => pick(nl, "vorige treffer", "previous hit"),
        (Mode::Finder, Action::Down) => pick(nl, "volgende treffer", "next hit"),
        (Mode::Filter, Action::Down) => pick(nl, "klaar, naar de boom", "done, to the tree"),
        (_, Action::Help) => pick(nl, "deze hulp", "this help"),
        _ => pick(nl, "—", "—"),
    }
    .to_string()
}

/// The help's rows for a mode: the keymap's keys of its actions, then its
/// fixed keys. An action without a key is left out.
pub fn help_entries(s: &State, mode: Mode) -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = mode
        .actions()
        .iter()
        .map(|&a| (s.keymap.describe(a), mode.label(a, s.lang).to_string()))
        .filter(|(k, _)| !k.is_empty())
        .collect();
    out.extend(mode.fixed_keys(s.lang));
    out
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;
    use std::sync::Arc;

    use super::*;
    use crate::tui::input::action_for;
    use crate::tui::keymap::{Key, Keymap, to_event};
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
            Mode::Editor | Mode::Overview | Mode::Export => unreachable!(),
        }
        assert_eq!(Mode::of(&s), mode);
        s
    }

    const MODES: [Mode; 9] = [
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
    fn help_lists_exactly_the_keys_that_work_in_each_mode() {
        for mode in MODES {
            let s = in_mode(mode);
            let shown = listed(&s, mode);
            // Every key of the keymap and of the prompts, tried in the mode.
            let mut tried: BTreeSet<Key> = s.keymap.bindings().map(|(k, _)| k).collect();
            for m in MODES {
                for (k, _) in prompt_keys(m) {
                    tried.insert(Key::parse(k).unwrap());
                }
            }
            for k in tried {
                // Ctrl-c is the loop's, before any mode (`always_quits`).
                let works = crate::tui::input::always_quits(&to_event(k))
                    || action_for(&s, to_event(k)).is_some();
                let typed = matches!(action_for(&s, to_event(k)), Some(Action::Type(_)));
                if typed {
                    continue; // letters type in a prompt; help says so
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
}
