//! The status bar: mode, message or prompt, active find and filter, key hints.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use unicode_width::UnicodeWidthStr;

use crate::tui::action::Action;
use crate::tui::mode::{CONFIRM_HINTS, EDITOR_HINTS, EXPORT_HINTS, Mode, OVERVIEW_HINTS};
use crate::tui::state::{Overlay, State};
use dossier_core::messages::messages;

pub fn render(s: &State, frame: &mut Frame, area: Rect) {
    let words = messages(s.lang);
    let (mode, prompt) = if s.find.editing {
        (
            words.browse.modes.find,
            Some(format!("{}{}▏", words.browse.find_prompt, s.find.query)),
        )
    } else if s.filter_editing {
        (
            words.browse.modes.filter,
            Some(format!(
                "{}{}▏  ({})",
                words.browse.filter_prompt, s.filter, words.browse.filter_hint
            )),
        )
    } else {
        // The mode in force, the annotation screens' included.
        (super::help::mode_name(Mode::of(s), s.lang), None)
    };
    let mut spans = vec![
        Span::styled(format!(" {mode} "), s.theme.selection),
        Span::raw(" "),
    ];
    if let Some(p) = prompt {
        spans.push(Span::raw(p));
    } else if let Some(m) = &s.message {
        spans.push(Span::styled(m.clone(), s.theme.accent));
    } else {
        if !s.find.query.is_empty() {
            let n = s.find.hits.len();
            let cur = if n == 0 { 0 } else { s.find.current + 1 };
            let counted = match n {
                1 => format!("1 {}", words.browse.hit),
                _ => format!("{cur}/{n} {}", words.browse.hits),
            };
            // `…` while the text is still being searched.
            let more = if crate::tui::update::finding(s) {
                "…"
            } else {
                ""
            };
            spans.push(Span::styled(
                format!("/{} {counted}{more}  ", s.find.query),
                s.theme.accent,
            ));
            if n == 0 {
                // The phrase may be in a section or footnote of this dossier.
                let finder = s.keymap.first(Action::Finder);
                spans.push(Span::styled(
                    format!("({finder}: {})  ", words.browse.finder),
                    s.theme.muted,
                ));
            }
        }
        if let Some(l) = s.link.and_then(|l| s.layout.links.get(l)) {
            let node = s.corpus.node(l.target);
            let name = dossier_core::text::sanitize_line(&node.title);
            spans.push(Span::styled(
                format!("→ {}  ", super::breadcrumb::truncate(&name, 40)),
                s.theme.accent,
            ));
        }
        if !s.filter.is_empty() {
            spans.push(Span::styled(
                format!("{}: {}  ", words.browse.filter, s.filter),
                s.theme.accent,
            ));
        }
        let used: usize = spans.iter().map(|sp| sp.width()).sum();
        let room = usize::from(area.width).saturating_sub(used);
        spans.push(Span::styled(hints(s, room), s.theme.muted));
    }
    frame.render_widget(Paragraph::new(Line::from(spans)), area);
}

/// The few keys that matter most on the screen shown, in the keys in
/// force; as many whole hints as fit in `room` columns.
fn hints(s: &State, room: usize) -> String {
    let words = messages(s.lang);
    let k = |a: Action| s.keymap.first(a);
    let l = |a: Action| Mode::Read.label(a, s.lang);
    let hint = |a: Action| format!("{} {}", k(a), l(a).split(" /").next().unwrap_or(""));
    let close = format!("{} {}", k(Action::Cancel), words.keys.close);
    let mode = Mode::of(s);
    let list: Vec<String> = match &s.overlay {
        Overlay::Peek(_) => vec![format!("{} {}", k(Action::Open), words.keys.open), close],
        Overlay::Help(_) => vec![format!("{}/{}", k(Action::Down), k(Action::Up)), close],
        Overlay::LoadError(_) => vec![close],
        // Typing the timeline's filter: the filter prompt's keys.
        Overlay::Timeline(_) if s.timeline_typing => {
            let f = s.keymap.table(Mode::Filter);
            vec![
                format!("{} {}", f.first(Action::Open), words.keys.finished),
                format!(
                    "{} {}",
                    f.first(Action::ClearPrompt),
                    l(Action::ClearPrompt)
                ),
                format!("{} {}", f.first(Action::Cancel), words.keys.close),
            ]
        }
        Overlay::Timeline(_) => vec![
            format!("{}/{}", k(Action::Down), k(Action::Up)),
            format!("{} {}", k(Action::Open), words.keys.open),
            format!(
                "{} {}",
                k(Action::Filter),
                words.browse.filter.to_lowercase()
            ),
            close,
        ],
        // The prompts' keys are their own: see `mode.rs`.
        Overlay::Finder(_) => {
            let f = s.keymap.table(Mode::Finder);
            vec![
                format!(
                    "{}/{} {}",
                    f.first(Action::Up),
                    f.first(Action::Down),
                    words.keys.choose
                ),
                format!("{} {}", f.first(Action::Open), words.keys.open),
                format!("{} {}", f.first(Action::Cancel), words.keys.close),
                format!("{} {}", f.first(Action::Help), words.keys.all_keys),
            ]
        }
        _ if Mode::OWN_KEYS.contains(&mode) && !matches!(mode, Mode::Find | Mode::Filter) => {
            let words = match mode {
                Mode::Editor => EDITOR_HINTS,
                Mode::Overview => OVERVIEW_HINTS,
                Mode::Export => EXPORT_HINTS,
                _ => CONFIRM_HINTS,
            };
            vec![crate::tui::mode::hints(&s.keymap, mode, s.lang, words)]
        }
        Overlay::None if s.selection.is_some() => {
            let m = Mode::Select;
            let sel = |a: Action, what: &str| format!("{} {what}", k(a));
            let w = &words.keys;
            vec![
                sel(Action::NextLink, w.word),
                sel(Action::NextSentence, w.sentence),
                sel(Action::NextParagraph, w.paragraph),
                format!(
                    "{} {}",
                    k(Action::Annotate),
                    m.label(Action::Annotate, s.lang)
                ),
                format!("{} {}", k(Action::Cancel), m.label(Action::Cancel, s.lang)),
                format!("{} {}", k(Action::Help), words.keys.all_keys),
            ]
        }
        Overlay::None if s.find.editing || s.filter_editing => {
            let p = s.keymap.table(mode);
            vec![
                format!("{} {}", p.first(Action::Open), words.keys.finished),
                format!("{} {}", p.first(Action::Cancel), words.keys.close),
                format!("{} {}", p.first(Action::Help), words.keys.all_keys),
            ]
        }
        Overlay::None => [
            Action::Help,
            Action::Finder,
            Action::Find,
            Action::NextLink,
            Action::Annotate,
            Action::Quit,
        ]
        .iter()
        .map(|&a| hint(a))
        .collect(),
    };
    list.into_iter().fold(String::new(), |acc, h| {
        let next = if acc.is_empty() {
            h
        } else {
            format!("{acc} · {h}")
        };
        if next.width() <= room { next } else { acc }
    })
}
