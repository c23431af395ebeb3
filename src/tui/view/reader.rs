//! The reader pane: the laid-out text from the scroll position, with links,
//! the selected link, find hits and finder marks styled.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::pane_block;
use super::tree::merge;
use crate::tui::layout::{Seg, SegStyle};
use crate::tui::state::{Pane, State};
use dossier_core::messages::messages;

pub fn render(s: &State, frame: &mut Frame, area: Rect) {
    let total = s.layout.lines.len();
    let h = usize::from(area.height.saturating_sub(2));
    let pos = if total <= h {
        100
    } else {
        (s.scroll + h).min(total) * 100 / total.max(1)
    };
    let title = format!(
        " {} · {} {}/{} · {pos}% ",
        messages(s.lang).browse.reader,
        messages(s.lang).browse.line,
        (s.scroll + 1).min(total.max(1)),
        total
    );
    let block = pane_block(s, Pane::Reader, title);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let lines: Vec<Line> = s
        .layout
        .lines
        .iter()
        .skip(s.scroll)
        .take(usize::from(inner.height))
        .map(|l| {
            Line::from(merge(
                l.segs.iter().flat_map(|seg| styled(s, seg)).collect(),
            ))
        })
        .collect();
    frame.render_widget(Paragraph::new(lines), inner);
}

fn base_style(s: &State, seg: &Seg) -> Style {
    let th = &s.theme;
    let selected = seg.link.is_some() && seg.link == s.link;
    match seg.style {
        _ if selected => th.link_selected,
        SegStyle::Body => Style::default(),
        SegStyle::Title => th.title,
        SegStyle::Muted => th.muted,
        SegStyle::Notice => th.error,
        SegStyle::Link | SegStyle::Marker => th.link,
    }
}

/// The segment cut where highlights begin and end.
fn styled<'a>(s: &State, seg: &'a Seg) -> Vec<Span<'a>> {
    let base = base_style(s, seg);
    let Some(para) = seg.para else {
        return vec![Span::styled(seg.text.as_str(), base)];
    };
    let current = s.find.hits.get(s.find.current).copied();
    let notes = crate::tui::notes_bridge::note_ranges(s, para);
    // The hits that touch this segment: the hits are in reading order
    // and do not overlap, so they are found by halving, not one by one.
    let end = seg.start + seg.text.chars().count();
    let hits = &s.find.hits;
    let from = hits.partition_point(|&(p, _, b)| (p, b) <= (para, seg.start));
    let to = hits.partition_point(|&(p, a, _)| (p, a) < (para, end));
    let hits = &hits[from..to.max(from)];
    let mut out = Vec::new();
    for (i, ch) in seg.text.chars().enumerate() {
        let c = seg.start + i;
        let mut style = base;
        if notes.iter().any(|&(a, b)| a <= c && c < b) {
            style = style.patch(s.theme.note);
        }
        if s.marks.contains(&(para, c)) {
            style = style.patch(s.theme.highlight);
        }
        for &(p, a, b) in hits {
            if p == para && a <= c && c < b {
                let is_current = current == Some((p, a, b));
                style = style.patch(if is_current {
                    s.theme.current_hit
                } else {
                    s.theme.highlight
                });
            }
        }
        if crate::tui::notes_bridge::selected(s, para, c) {
            style = style.patch(s.theme.selection);
        }
        out.push(Span::styled(ch.to_string(), style));
    }
    out
}
