//! The status bar: mode, message or prompt, active find and filter, key hints.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use unicode_width::UnicodeWidthStr;

use crate::tui::action::Action;
use crate::tui::help::{CONFIRM_HINTS, EDITOR_HINTS, EXPORT_HINTS, OVERVIEW_HINTS, describe};
use crate::tui::i18n::{self, T, t};
use crate::tui::mode::Mode;
use crate::tui::state::{Reading, Screen, State};

pub fn render(s: &State, frame: &mut Frame, area: Rect) {
    // A prompt being typed stays in the status bar under the help.
    let (mode, prompt) = match s.prompt() {
        Some(Reading::FindPrompt) => (
            T::ModeFind,
            Some(format!("{}{}▏", t(s.lang, T::FindPrompt), s.find.query)),
        ),
        Some(_) => (
            T::ModeFilter,
            Some(format!(
                "{}{}▏  ({})",
                t(s.lang, T::FilterPrompt),
                s.filter,
                t(s.lang, T::FilterHint)
            )),
        ),
        // The mode in force, the annotation screens' included.
        None => (super::help::mode_name(s.mode()), None),
    };
    let mut spans = vec![
        Span::styled(format!(" {} ", t(s.lang, mode)), s.theme.selection),
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
                1 => format!("1 {}", t(s.lang, T::Hit)),
                _ => format!("{cur}/{n} {}", t(s.lang, T::Hits)),
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
                    format!("({finder}: {})  ", t(s.lang, T::Finder)),
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
                format!("{}: {}  ", t(s.lang, T::Filter), s.filter),
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
    let l = |a: Action| i18n::action(s.lang, a);
    let hint = |a: Action| format!("{} {}", k(a), l(a).split(" /").next().unwrap_or(""));
    let close = format!("{} {}", k(Action::Close), t(s.lang, T::Close));
    let list: Vec<String> = match &s.screen {
        Screen::Peek(_) => vec![
            format!("{} {}", k(Action::Open), t(s.lang, T::OpenIt)),
            close,
        ],
        Screen::Help { .. } => vec![format!("{}/{}", k(Action::Down), k(Action::Up)), close],
        Screen::LoadError(_) => vec![close],
        // Typing the timeline's filter: the filter prompt's keys.
        Screen::Timeline { typing: true, .. } => vec![
            format!("{} {}", k(Action::Done), t(s.lang, T::Done)),
            format!("{} {}", k(Action::ClearPrompt), l(Action::ClearPrompt)),
            format!("{} {}", k(Action::Cancel), t(s.lang, T::Close)),
        ],
        Screen::Timeline { .. } => vec![
            format!("{}/{}", k(Action::Down), k(Action::Up)),
            format!("{} {}", k(Action::Open), t(s.lang, T::OpenIt)),
            format!(
                "{} {}",
                k(Action::FilterTimeline),
                t(s.lang, T::Filter).to_lowercase()
            ),
            close,
        ],
        Screen::Finder(_) => vec![
            format!(
                "{}/{} {}",
                k(Action::Up),
                k(Action::Down),
                t(s.lang, T::Choose)
            ),
            format!("{} {}", k(Action::Open), t(s.lang, T::OpenIt)),
            format!("{} {}", k(Action::Cancel), t(s.lang, T::Close)),
            format!("{} {}", k(Action::Help), t(s.lang, T::AllKeys)),
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
            let sel = |a: Action, what: T| format!("{} {}", k(a), t(s.lang, what));
            let said = |a: Action| format!("{} {}", k(a), describe(mode, a, s.lang));
            vec![
                sel(Action::ExtendWordForward, T::Word),
                sel(Action::ExtendSentenceForward, T::Sentence),
                sel(Action::ExtendParagraphForward, T::Paragraph),
                said(Action::Annotate),
                said(Action::DropSelection),
                format!("{} {}", k(Action::Help), t(s.lang, T::AllKeys)),
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
