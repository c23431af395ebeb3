//! The status bar: mode, message or prompt, active find and filter, key hints.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use unicode_width::UnicodeWidthStr;

use crate::tui::action::Action;
use crate::tui::i18n::{self, T, t};
use crate::tui::state::{Overlay, State};

pub fn render(s: &State, frame: &mut Frame, area: Rect) {
    let (mode, prompt) = if s.find.editing {
        (
            T::ModeFind,
            Some(format!("{}{}▏", t(s.lang, T::FindPrompt), s.find.query)),
        )
    } else if s.filter_editing {
        (
            T::ModeFilter,
            Some(format!(
                "{}{}▏  ({})",
                t(s.lang, T::FilterPrompt),
                s.filter,
                t(s.lang, T::FilterHint)
            )),
        )
    } else {
        match &s.overlay {
            Overlay::Help => (T::ModeHelp, None),
            Overlay::Finder(_) => (T::ModeFinder, None),
            Overlay::Peek(_) => (T::ModePeek, None),
            Overlay::LoadError(_) => (T::ModeError, None),
            Overlay::Timeline(_) => (T::ModeTimeline, None),
            Overlay::None => (
                crate::tui::notes_bridge::mode(s).unwrap_or(T::ModeRead),
                None,
            ),
        }
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
            spans.push(Span::styled(
                format!("/{} {cur}/{n} {}  ", s.find.query, t(s.lang, T::Hits)),
                s.theme.accent,
            ));
            if n == 0 {
                // The phrase may be in a section or footnote of this dossier.
                let finder = s.keymap.first(Action::Finder);
                spans.push(Span::styled(
                    format!("({finder}: {})  ", t(s.lang, T::Finder)),
                    s.theme.muted,
                ));
            }
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
    let k = |a: Action| s.keymap.first(a);
    let l = |a: Action| i18n::action(s.lang, a);
    let hint = |a: Action| format!("{} {}", k(a), l(a).split(" /").next().unwrap_or(""));
    let close = format!("{} {}", k(Action::Cancel), t(s.lang, T::Close));
    let list: Vec<String> = match &s.overlay {
        Overlay::Peek(_) => vec![
            format!("{} {}", k(Action::Open), t(s.lang, T::OpenIt)),
            close,
        ],
        Overlay::Help => vec![format!("{}/{}", k(Action::Down), k(Action::Up)), close],
        Overlay::LoadError(_) => vec![close],
        Overlay::Timeline(_) => vec![
            format!("{}/{}", k(Action::Down), k(Action::Up)),
            format!("{} {}", k(Action::Open), t(s.lang, T::OpenIt)),
            close,
        ],
        // The finder's prompt keys are fixed: see `input.rs`.
        Overlay::Finder(_) => vec![
            format!("↑/↓ {}", t(s.lang, T::Choose)),
            format!("Enter {}", t(s.lang, T::OpenIt)),
            format!("Esc {}", t(s.lang, T::Close)),
        ],
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
