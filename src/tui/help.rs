//! What the keys of a mode do, in words: the help's rows (each action of
//! the mode with its keys as bound, what it does and its name in
//! `config.toml`), where the help goes on the screen, and the annotation
//! screens' hint lines. Read by the views and by the update function (how
//! far the help scrolls).

use dossier_core::lang::Lang;
use ratatui::layout::Rect;
use unicode_width::UnicodeWidthStr;

use dossier_core::messages::{Messages, messages};

use super::action::Action;
use super::geometry::centered;
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
    let m = messages(lang);
    let (k, w) = (&m.keys, &m.keys.actions);
    match (mode, a) {
        (Mode::Select, Action::Annotate) => k.annotate_passage,
        (Mode::Help, Action::Close) => k.close_help,
        (Mode::Peek | Mode::Timeline | Mode::Finder, Action::Open) => k.open_it,
        (Mode::Timeline, Action::Close) => k.close_timeline,
        (Mode::Finder, Action::Up) => w.find_prev,
        (Mode::Finder, Action::Down) => w.find_next,
        (Mode::Editor, Action::Cancel) => k.editor_cancel,
        (Mode::Editor, Action::NextValue) => k.next_kind_or_status,
        (Mode::Editor, Action::PrevValue) => k.prev_kind_or_status,
        (Mode::Editor, Action::Down) => k.next_suggestion,
        (Mode::Editor, Action::Up) => k.prev_suggestion,
        (Mode::Overview | Mode::Notes, Action::Down) => k.next_note,
        (Mode::Overview | Mode::Notes, Action::Up) => k.prev_note,
        (Mode::Overview, Action::Sort) => k.sort_orders,
        (Mode::Overview, Action::NextField) => k.next_filter,
        (Mode::Overview, Action::PrevField) => k.prev_filter,
        (Mode::Overview, Action::NextValue) => k.next_filter_value,
        (Mode::Overview, Action::PrevValue) => k.prev_filter_value,
        (Mode::Overview, Action::Edit) => k.edit_the_note,
        (Mode::Overview, Action::Delete) => k.delete_the_note,
        (Mode::Export, Action::NextValue) => k.next_format_or_scope,
        (Mode::Export, Action::PrevValue) => k.prev_format_or_scope,
        _ => words(m, a),
    }
}

/// What an action does, in its own words.
pub fn words(m: &Messages, a: Action) -> &'static str {
    use Action::*;
    let (k, w) = (&m.keys, &m.keys.actions);
    match a {
        Quit => w.quit,
        Help => w.help,
        NextPane => w.next_pane,
        PrevPane => w.prev_pane,
        Up => w.up,
        Down => w.down,
        PageUp => w.page_up,
        PageDown => w.page_down,
        Top => w.top,
        Bottom => w.bottom,
        Open => w.open,
        FollowLink => w.follow_link,
        GoToNote => k.go_to_note,
        ExpandNode => w.expand_node,
        CollapseNode => w.collapse_node,
        Back => w.back,
        Forward => w.forward,
        NextLink => w.next_link,
        PrevLink => w.prev_link,
        Peek => w.peek,
        Find => w.find,
        FindNext => w.find_next,
        FindPrev => w.find_prev,
        Finder => w.finder,
        Filter => w.filter,
        FilterTimeline => w.filter_timeline,
        ClearSearch => w.clear_search,
        GroupBy => w.group_by,
        TreeWidth => w.tree_width,
        Details => w.details,
        Timeline => w.timeline,
        FoldAll => w.fold_all,
        UnfoldAll => w.unfold_all,
        Copy => w.copy,
        OpenAddress => w.open_address,
        Select => w.select,
        DropSelection => k.drop_selection,
        ExtendCharForward => k.select_char_on,
        ExtendCharBack => k.select_char_back,
        ExtendWordForward => k.select_word_on,
        ExtendWordBack => k.select_word_back,
        ExtendSentenceForward => k.select_sentence_on,
        ExtendSentenceBack => k.select_sentence_back,
        ExtendParagraphForward => k.select_paragraph_end,
        ExtendParagraphBack => k.select_paragraph_start,
        ExtendLineDown => k.select_line_on,
        ExtendLineUp => k.select_line_back,
        Annotate => w.annotate,
        Edit => w.edit,
        AttachNote => k.attach_note,
        Delete => w.delete,
        Undo => w.undo,
        Overview => w.overview,
        Export => w.export,
        Close => k.close,
        Cancel => k.cancel,
        Done => k.finished,
        Erase => w.erase,
        EraseFilter => k.clear_filter,
        ClearPrompt => w.clear_prompt,
        Save => w.save,
        NextField => w.next_field,
        PrevField => w.prev_field,
        NextValue => w.next_value,
        PrevValue => w.prev_value,
        Accept => k.take_tag,
        Sort => w.sort,
        ActionList => w.action_list,
        ToggleDone => w.toggle_done,
        WriteExport => k.export,
        Yes => m.shared.yes,
        No => m.shared.no,
        Type(_) | Key(_) => "",
    }
}

/// Lines of the help that are not an action's keys.
fn other_lines(mode: Mode, lang: Lang, actions: &[Action]) -> Vec<Row> {
    let k = &messages(lang).keys;
    let row = |keys: &str, what: &str| Row {
        keys: keys.to_string(),
        what: what.to_string(),
        name: "",
    };
    let mut out = match mode {
        Mode::Find | Mode::Filter | Mode::Finder => vec![row("letters", k.typing)],
        Mode::Overview => vec![row("letters", k.filter_by_text)],
        Mode::Export => vec![row("letters", k.type_file_name)],
        Mode::Editor => vec![row("letters, ← → ↑ ↓ …", k.edit_text_and_fields)],
        _ => Vec::new(),
    };
    if mode == Mode::Finder {
        out.push(row("'woord ^begin eind$ !niet a | b", k.finder_syntax));
    }
    if !actions.contains(&Action::Quit) {
        out.push(row("Ctrl-c", k.actions.quit));
    }
    out
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

/// The short words of a screen's hint line, by action.
pub type HintWords = &'static [(&'static [Action], fn(&Messages) -> &'static str)];

pub const EDITOR_HINTS: HintWords = &[
    (&[Action::Save], |m| m.keys.actions.save),
    (&[Action::Cancel], |m| m.keys.cancel),
    (&[Action::Help], |m| m.keys.keys),
    (&[Action::NextField], |m| m.keys.actions.next_field),
    (&[Action::PrevValue, Action::NextValue], |m| m.keys.choose),
];

pub const OVERVIEW_HINTS: HintWords = &[
    (&[Action::Help], |m| m.keys.keys),
    (&[Action::GoToNote], |m| m.keys.go_to),
    (&[Action::ToggleDone], |m| m.shared.done),
    (&[Action::ActionList], |m| m.keys.open_actions),
    (&[Action::NextField], |m| m.browse.filter),
    (&[Action::PrevValue, Action::NextValue], |m| m.keys.value),
    (&[Action::Sort], |m| m.notes.order),
    (&[Action::Close], |m| m.keys.close),
];

pub const EXPORT_HINTS: HintWords = &[
    (&[Action::NextField], |m| m.keys.field),
    (&[Action::PrevValue, Action::NextValue], |m| m.keys.choose),
    (&[Action::WriteExport], |m| m.keys.export),
    (&[Action::Close], |m| m.keys.close),
    (&[Action::Help], |m| m.keys.keys),
];

pub const CONFIRM_HINTS: HintWords = &[
    (&[Action::Yes], |m| m.shared.yes),
    (&[Action::No], |m| m.shared.no),
];

/// The key of `a` in `mode` to name: its first, but for yes the
/// language's own letter where it is bound (j = ja, y = yes), as the
/// question offers it.
fn key_of(keymap: &Keymap, mode: Mode, a: Action, lang: Lang) -> Option<String> {
    let keys = keymap.table(mode).keys(a);
    let own = messages(lang).shared.yes.chars().next();
    keys.iter()
        .find(|k| a == Action::Yes && own.is_some_and(|c| k.code == KeyCodeOrd::Char(c)))
        .or(keys.first())
        .map(|k| k.to_string())
}

/// A screen's hint line from the keys in force: each action's first key
/// and a word, so a rebound key is shown as it is.
pub fn hints(keymap: &Keymap, mode: Mode, lang: Lang, words: HintWords) -> String {
    let m = messages(lang);
    words
        .iter()
        .filter_map(|&(actions, word)| {
            let keys: Option<Vec<String>> = actions
                .iter()
                .map(|&a| key_of(keymap, mode, a, lang))
                .collect();
            Some(format!("{} {}", keys?.join("/"), word(m)))
        })
        .collect::<Vec<_>>()
        .join(" · ")
}

/// A phrase with the keys in force put in: `{undo}` is the key of an
/// action of the text, `{overview.delete}` one of another mode's.
pub fn keyed(lang: Lang, phrase: &str, keymap: &Keymap) -> String {
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
        let key = mode
            .zip(Action::from_name(action))
            .map(|(m, a)| key_of(keymap, m, a, lang).unwrap_or_else(|| keymap.table(m).first(a)));
        out.push_str(key.as_deref().unwrap_or(name));
        rest = &rest[open + len + 1..];
    }
    out.push_str(rest);
    out
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
