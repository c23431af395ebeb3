//! The breadcrumb line: where the open node sits, with its kind and id.
//! Long titles are shortened so that the id always shows.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

use crate::tui::state::State;
use dossier_core::messages::messages;

const SEP: &str = " › ";

pub fn render(s: &State, frame: &mut Frame, area: Rect) {
    let Some(open) = s.open else { return };
    let c = &s.corpus;
    let path = c.path(open);
    let node = c.node(open);
    // A document says what it is: brief, motie, agenda.
    let kind = messages(s.lang).shared.node(node);
    let suffix = format!("  ({kind} · {})", node.id);
    let titles: Vec<&str> = path.iter().map(|&n| c.node(n).title.as_str()).collect();
    let room = usize::from(area.width)
        .saturating_sub(suffix.width())
        .saturating_sub(SEP.width() * titles.len().saturating_sub(1));
    let fitted = fit(&titles, room);
    let mut spans = Vec::new();
    for (i, (&n, title)) in path.iter().zip(fitted).enumerate() {
        if i > 0 {
            spans.push(Span::styled(SEP, s.theme.muted));
        }
        let style = if n == open {
            s.theme.title
        } else {
            s.theme.accent
        };
        spans.push(Span::styled(title, style));
    }
    spans.push(Span::styled(suffix, s.theme.muted));
    frame.render_widget(Paragraph::new(Line::from(spans)), area);
}

/// Shortens the longest titles first until all fit in `room` columns.
fn fit(titles: &[&str], room: usize) -> Vec<String> {
    let mut widths: Vec<usize> = titles.iter().map(|t| t.width()).collect();
    // Every title keeps a few columns, even when the line overflows.
    const MIN: usize = 6;
    while widths.iter().sum::<usize>() > room {
        let Some((i, &w)) = widths.iter().enumerate().max_by_key(|&(_, w)| *w) else {
            break;
        };
        if w <= MIN {
            break;
        }
        widths[i] = w - 1;
    }
    titles
        .iter()
        .zip(widths)
        .map(|(t, w)| truncate(t, w))
        .collect()
}

/// `t` cut to `w` columns, ending in `…` when it was cut.
pub fn truncate(t: &str, w: usize) -> String {
    if t.width() <= w {
        return t.to_string();
    }
    let mut out = String::new();
    let mut used = 0;
    for ch in t.chars() {
        let cw = ch.width().unwrap_or(0);
        if used + cw + 1 > w {
            break;
        }
        out.push(ch);
        used += cw;
    }
    out.push('…');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_titles_shrink_to_fit_and_say_so() {
        let f = fit(&["Enhanced Border Security Partnership", "Uitkomst"], 30);
        assert_eq!(f[1], "Uitkomst");
        assert!(f[0].ends_with('…'));
        assert!(f.iter().map(|t| t.width()).sum::<usize>() <= 30);
        assert_eq!(fit(&["kort"], 30), vec!["kort"]);
        // No room at all still leaves a readable stump.
        assert_eq!(fit(&["Ministeriële bijeenkomst"], 0)[0].width(), 6);
    }
}
