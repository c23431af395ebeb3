//! The status bar: mode, message or prompt, active find and filter, key hints.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use unicode_width::UnicodeWidthStr;

use crate::tui::action::Action;
use crate::tui::help::{CONFIRM_HINTS, EDITOR_HINTS, EXPORT_HINTS, OVERVIEW_HINTS, describe};
use crate::tui::mode::Mode;
use crate::tui::state::{Reading, Screen, State};
use dossier_core::messages::messages;

pub fn render(s: &State, frame: &mut Frame, area: Rect) {
    // A prompt being typed stays in the status bar under the help.
    let (mode, prompt) = match s.prompt() {
        Some(Reading::FindPrompt) => (
            messages(s.lang).browse.modes.find,
            Some(format!(
                "{}{}▏",
                messages(s.lang).browse.find_prompt,
                s.find.query
            )),
        ),
        Some(_) => (
            messages(s.lang).browse.modes.filter,
            Some(format!(
                "{}{}▏  ({})",
                messages(s.lang).browse.filter_prompt,
                s.filter,
                messages(s.lang).browse.filter_hint
            )),
        ),
        // The mode in force, the annotation screens' included.
        None => (super::help::mode_name(s.mode(), s.lang), None),
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
                1 => format!("1 {}", messages(s.lang).browse.hit),
                _ => format!("{cur}/{n} {}", messages(s.lang).browse.hits),
            };
            // `…` while the text is still being searched.
            let more = if s.finding() { "…" } else { "" };
            spans.push(Span::styled(
                format!("/{} {counted}{more}  ", s.find.query),
                s.theme.accent,
            ));
            if n == 0 {
                // The phrase may be in a section or footnote of this dossier.
                // Its key on the reading screen, also while selecting.
                let mode = Some(s.mode()).filter(|m| Mode::PANES.contains(m));
                let finder = s
                    .keymap
                    .table(mode.unwrap_or(Mode::Text))
                    .first(Action::Finder);
                spans.push(Span::styled(
                    format!("({finder}: {})  ", messages(s.lang).browse.finder),
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
                format!("{}: {}  ", messages(s.lang).browse.filter, s.filter),
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
    let mode = s.mode();
    let table = s.keymap.table(mode);
    let k = |a: Action| table.first(a);
    let l = |a: Action| crate::tui::help::words(messages(s.lang), a);
    let hint = |a: Action| format!("{} {}", k(a), l(a).split(" /").next().unwrap_or(""));
    let close = format!("{} {}", k(Action::Close), messages(s.lang).keys.close);
    let list: Vec<String> = match &s.screen {
        Screen::Peek(_) => vec![
            format!("{} {}", k(Action::Open), messages(s.lang).keys.open),
            close,
        ],
        Screen::Help { .. } => vec![format!("{}/{}", k(Action::Down), k(Action::Up)), close],
        Screen::LoadError(_) => vec![close],
        // Typing the timeline's filter: the filter prompt's keys.
        Screen::Timeline { typing: true, .. } => vec![
            format!("{} {}", k(Action::Done), messages(s.lang).keys.finished),
            format!("{} {}", k(Action::ClearPrompt), l(Action::ClearPrompt)),
            format!("{} {}", k(Action::Cancel), messages(s.lang).keys.close),
        ],
        Screen::Timeline { .. } => vec![
            format!("{}/{}", k(Action::Down), k(Action::Up)),
            format!("{} {}", k(Action::Open), messages(s.lang).keys.open),
            format!(
                "{} {}",
                k(Action::FilterTimeline),
                messages(s.lang).browse.filter.to_lowercase()
            ),
            close,
        ],
        Screen::Finder(_) => vec![
            format!(
                "{}/{} {}",
                k(Action::Up),
                k(Action::Down),
                messages(s.lang).keys.choose
            ),
            format!("{} {}", k(Action::Open), messages(s.lang).keys.open),
            format!("{} {}", k(Action::Cancel), messages(s.lang).keys.close),
            format!("{} {}", k(Action::Help), messages(s.lang).keys.all_keys),
        ],
        Screen::Editor(_) | Screen::Overview | Screen::Export(_) => {
            let words = match mode {
                Mode::Editor => EDITOR_HINTS,
                Mode::Overview => OVERVIEW_HINTS,
                Mode::Export => EXPORT_HINTS,
                _ => CONFIRM_HINTS,
            };
            vec![crate::tui::help::hints(&s.keymap, mode, s.lang, words)]
        }
        Screen::Read(Reading::Selecting(_)) => {
            let sel = |a: Action, what: &str| format!("{} {what}", k(a));
            let w = &messages(s.lang).keys;
            let said = |a: Action| format!("{} {}", k(a), describe(mode, a, s.lang));
            vec![
                sel(Action::ExtendWordForward, w.word),
                sel(Action::ExtendSentenceForward, w.sentence),
                sel(Action::ExtendParagraphForward, w.paragraph),
                said(Action::Annotate),
                said(Action::DropSelection),
                format!("{} {}", k(Action::Help), messages(s.lang).keys.all_keys),
            ]
        }
        // The prompts show themselves instead of hints.
        Screen::Read(_) => [
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
