//! What the keys of a mode do, in words: the help's rows (each action of
//! the mode with its keys as bound, what it does and its name in
//! `config.toml`), where the help goes on the screen, and the annotation
//! screens' hint lines. Read by the views and by the update function (how
//! far the help scrolls).

use dossier_core::lang::Lang;
use ratatui::layout::Rect;
use unicode_width::UnicodeWidthStr;

use super::action::Action;
use super::geometry::centered;
use super::i18n;
use super::key::KeyCodeOrd;
use super::keymap::Keymap;
use super::mode::Mode;

/// One row of the help: the keys, what they do, and the action's name to
/// rebind them by (empty for a row that is no action's).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    pub keys: String,
    pub what: String,
    pub name: &'static str,
}

/// The help's rows for a mode: the keys of its actions as bound now, then
/// its other lines. An action without a key is left out.
pub fn rows(keymap: &Keymap, lang: Lang, mode: Mode) -> Vec<Row> {
    let table = keymap.table(mode);
    let mut out: Vec<Row> = table
        .actions()
        .iter()
        .map(|&a| Row {
            keys: table.describe(a),
            what: describe(mode, a, lang).to_string(),
            name: a.name(),
        })
        .filter(|r| !r.keys.is_empty())
        .collect();
    out.extend(other_lines(mode, lang, table.actions()));
    out
}

/// What an action does in a mode, for the help: its own words, or words
/// that name what it works on here (the finder's hits, the overview's
/// filters).
pub fn describe(mode: Mode, a: Action, lang: Lang) -> &'static str {
    let nl = lang == Lang::Nl;
    let p = |d: &'static str, e: &'static str| pick(nl, d, e);
    match (mode, a) {
        (Mode::Select, Action::Annotate) => p("passage annoteren", "annotate the passage"),
        (Mode::Help, Action::Close) => p("hulp sluiten", "close the help"),
        (Mode::Peek | Mode::Timeline | Mode::Finder, Action::Open) => p("openen", "open it"),
        (Mode::Timeline, Action::Close) => p("tijdlijn sluiten", "close the timeline"),
        (Mode::Finder, Action::Up) => p("vorige treffer", "previous hit"),
        (Mode::Finder, Action::Down) => p("volgende treffer", "next hit"),
        (Mode::Editor, Action::Cancel) => p(
            "annuleren (vraagt eerst bij tekst)",
            "cancel (asks first if text would go)",
        ),
        (Mode::Editor, Action::NextValue) => {
            p("soort of status: volgende", "kind or status: the next one")
        }
        (Mode::Editor, Action::PrevValue) => p(
            "soort of status: vorige",
            "kind or status: the previous one",
        ),
        (Mode::Editor, Action::Down) => p("tags: volgende suggestie", "tags: next suggestion"),
        (Mode::Editor, Action::Up) => p("tags: vorige suggestie", "tags: previous suggestion"),
        (Mode::Overview | Mode::Notes, Action::Down) => p("volgende notitie", "next note"),
        (Mode::Overview | Mode::Notes, Action::Up) => p("vorige notitie", "previous note"),
        (Mode::Overview, Action::Sort) => p(
            "sorteren: geschreven, uiterlijk, dossier",
            "sort: written, due, dossier",
        ),
        (Mode::Overview, Action::NextField) => p("volgend filter", "next filter"),
        (Mode::Overview, Action::PrevField) => p("vorig filter", "previous filter"),
        (Mode::Overview, Action::NextValue) => p("filter: volgende waarde", "filter: next value"),
        (Mode::Overview, Action::PrevValue) => p("filter: vorige waarde", "filter: previous value"),
        (Mode::Overview, Action::Delete) => p(
            "notitie verwijderen (u: terug)",
            "delete the note (u: undo)",
        ),
        (Mode::Export, Action::NextValue) => {
            p("formaat of notities: volgende", "format or notes: next")
        }
        (Mode::Export, Action::PrevValue) => {
            p("formaat of notities: vorige", "format or notes: previous")
        }
        _ => i18n::action(lang, a),
    }
}

/// Lines of the help that are not an action's keys.
fn other_lines(mode: Mode, lang: Lang, actions: &[Action]) -> Vec<Row> {
    let nl = lang == Lang::Nl;
    let row = |k: &str, d: &'static str, e: &'static str| Row {
        keys: k.to_string(),
        what: pick(nl, d, e).to_string(),
        name: "",
    };
    let mut out = match mode {
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
    if mode == Mode::Finder {
        out.push(row(
            "'woord ^begin eind$ !niet a | b",
            "exact, begin, eind, niet, of",
            "exact, prefix, suffix, not, or",
        ));
    }
    if !actions.contains(&Action::Quit) {
        out.push(Row {
            keys: "Ctrl-c".into(),
            what: i18n::action(lang, Action::Quit).into(),
            name: "",
        });
    }
    out
}

fn pick(nl: bool, d: &'static str, e: &'static str) -> &'static str {
    if nl { d } else { e }
}

/// Where the help goes on a screen of `area`, and how it is laid out.
pub struct Geometry {
    pub box_area: Rect,
    pub two: bool,
    pub key_w: usize,
}

/// The width of a row's description and name.
fn text_width(r: &Row) -> usize {
    let name = if r.name.is_empty() {
        0
    } else {
        2 + r.name.width()
    };
    r.what.width() + name
}

pub fn geometry(entries: &[Row], area: Rect) -> Geometry {
    let key_w = entries
        .iter()
        .map(|r| r.keys.width())
        .max()
        .unwrap_or(8)
        .min(22);
    // Two columns only where both fit whole, so no description is cut.
    let widest = entries
        .iter()
        .map(|r| key_w + 2 + text_width(r))
        .max()
        .unwrap_or(0);
    let two_w = u16::try_from(2 * widest + 4).unwrap_or(u16::MAX);
    let two = area.width >= 100 && area.width >= two_w;
    let box_w = if two {
        two_w.max(110).min(area.width)
    } else {
        78.min(area.width)
    };
    Geometry {
        box_area: centered(area, box_w, area.height.saturating_sub(2)),
        two,
        key_w,
    }
}

/// Rows in the longest column, and rows the box shows.
fn extent(entries: &[Row], area: Rect) -> (usize, usize) {
    let g = geometry(entries, area);
    let rows = usize::from(g.box_area.height.saturating_sub(2));
    let column = if g.two {
        entries.len().div_ceil(2)
    } else {
        entries.len()
    };
    (column, rows)
}

/// The furthest the help of `mode` scrolls on a terminal of `size`: its
/// last row at the bottom of the box, never blank space after it.
pub fn max_scroll(keymap: &Keymap, lang: Lang, mode: Mode, size: (u16, u16)) -> usize {
    let area = Rect::new(0, 0, size.0, size.1);
    let (column, shown) = extent(&rows(keymap, lang, mode), area);
    column.saturating_sub(shown)
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
    (&[Action::GoToNote], "ga naar", "go to"),
    (&[Action::ToggleDone], "afgerond", "done"),
    (&[Action::ActionList], "open acties", "open actions"),
    (&[Action::NextField], "filter", "filter"),
    (&[Action::PrevValue, Action::NextValue], "waarde", "value"),
    (&[Action::Sort], "volgorde", "order"),
    (&[Action::Close], "sluiten", "close"),
];

pub const EXPORT_HINTS: HintWords = &[
    (&[Action::NextField], "veld", "field"),
    (&[Action::PrevValue, Action::NextValue], "kiezen", "choose"),
    (&[Action::WriteExport], "exporteren", "export"),
    (&[Action::Close], "sluiten", "close"),
    (&[Action::Help], "toetsen", "keys"),
];

pub const CONFIRM_HINTS: HintWords = &[(&[Action::Yes], "ja", "yes"), (&[Action::No], "nee", "no")];

/// A screen's hint line from the keys in force: each action's first key
/// and a word, so a rebound key is shown as it is.
pub fn hints(keymap: &Keymap, mode: Mode, lang: Lang, words: HintWords) -> String {
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
                        .find(|k| a == Action::Yes && k.code == KeyCodeOrd::Char(own))
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

#[cfg(test)]
mod tests;
