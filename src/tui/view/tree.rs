//! The tree pane.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{List, ListItem, ListState};
use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

use super::pane_block;
use crate::tui::i18n::{T, t};
use crate::tui::state::{Pane, RowItem, State, TreeRow};
use crate::tui::tree::Grouping;

pub fn render(s: &State, frame: &mut Frame, area: Rect) {
    let title = title(s, usize::from(area.width.saturating_sub(2)));
    let block = pane_block(s, Pane::Tree, title);
    // Only the rows on screen are drawn: a tree of thousands of dossiers
    // costs no more per frame than a tree of ten.
    let (first, end) = super::window(
        s.tree_selected,
        s.rows.len(),
        usize::from(area.height.saturating_sub(2)),
    );
    let width = usize::from(area.width.saturating_sub(2));
    let items: Vec<ListItem> = s.rows[first..end]
        .iter()
        .map(|r| ListItem::new(row_line(s, r, width)))
        .collect();
    let list = List::new(items)
        .block(block)
        .highlight_style(if s.focus == Pane::Tree {
            s.theme.selection
        } else {
            s.theme.selection.patch(s.theme.muted)
        });
    let mut ls = ListState::default();
    ls.select(Some(s.tree_selected.saturating_sub(first)));
    frame.render_stateful_widget(list, area, &mut ls);
}

/// The pane's title in `width` columns. A filter in force is what the
/// title must show: the pane's name gives way to it first, and a filter
/// longer than the pane ends in `…`, so it is never cut without a sign.
fn title(s: &State, width: usize) -> String {
    let tree = t(s.lang, T::Tree);
    if s.filter.is_empty() {
        return format!(" {tree} ");
    }
    let filter = t(s.lang, T::Filter);
    let full = format!(" {tree} · {filter}: {} ", s.filter);
    if full.width() <= width {
        return full;
    }
    let text = format!("{filter}: {}", s.filter);
    format!(
        " {} ",
        super::breadcrumb::truncate(&text, width.saturating_sub(2))
    )
}

/// One row of the tree; a title longer than `width` columns ends in `…`.
fn row_line<'a>(s: &'a State, r: &'a TreeRow, width: usize) -> Line<'a> {
    // One column a level: documents and their topics sit two levels down.
    let indent = " ".repeat(r.depth);
    match r.item {
        RowItem::Error(i) => {
            // The file first: in a narrow pane it is what tells rows apart.
            let Some(e) = s.corpus.errors.get(i) else {
                return Line::raw("");
            };
            let file = format!(
                "⚠ {}",
                dossier_core::text::sanitize_line(short_file(&e.file))
            );
            let rest = format!(
                " — {}: {}",
                t(s.lang, T::LoadError),
                dossier_core::text::sanitize_line(&e.message)
            );
            let file = super::breadcrumb::truncate(&file, width);
            let rest = super::breadcrumb::truncate(&rest, width.saturating_sub(file.width()));
            Line::from(vec![
                Span::styled(file, s.theme.error),
                Span::styled(rest, s.theme.muted),
            ])
        }
        RowItem::Group(g) => {
            let marker = if r.expanded { "▾ " } else { "▸ " };
            let label = match s.groups.get(g).and_then(|g| g.label.as_deref()) {
                Some(l) => dossier_core::text::sanitize_line(l),
                None => match s.grouping {
                    Grouping::Dossier => t(s.lang, T::OtherDocuments).to_string(),
                    Grouping::Theme => t(s.lang, T::NoTheme).to_string(),
                },
            };
            let label = super::breadcrumb::truncate(&label, width.saturating_sub(2));
            Line::from(vec![
                Span::styled(marker, s.theme.muted),
                Span::styled(label, s.theme.title),
            ])
        }
        RowItem::Node(n) => {
            let marker = if !r.has_children {
                "  "
            } else if r.expanded {
                "▾ "
            } else {
                "▸ "
            };
            let badge = crate::tui::notes_bridge::count_badge(s, n);
            let mut spans = vec![Span::raw(indent), Span::styled(marker, s.theme.muted)];
            let open = s.open == Some(n);
            let base = if open {
                s.theme.title
            } else {
                Style::default()
            };
            // Before the title, so long titles cut at the pane's edge
            // still show how many notes they hold.
            if let Some(b) = badge {
                spans.push(Span::styled(format!("[{b}] "), s.theme.accent));
            }
            let used: usize = spans.iter().map(|sp| sp.content.width()).sum();
            let room = width.saturating_sub(used);
            let title = row_title(s, n);
            let cut = title.width() > room;
            // Only rows on screen are drawn, so only theirs are matched.
            let matched = if r.hit {
                s.tree_filter.positions(&title)
            } else {
                Vec::new()
            };
            let mut taken = 0;
            for (i, ch) in title.chars().enumerate() {
                let cw = ch.width().unwrap_or(0);
                if cut && taken + cw + 1 > room {
                    spans.push(Span::styled("…", base));
                    break;
                }
                taken += cw;
                let style = if matched.contains(&i) {
                    base.patch(s.theme.highlight)
                } else {
                    base
                };
                spans.push(Span::styled(ch.to_string(), style));
            }
            Line::from(merge(spans))
        }
    }
}

/// What a node's row says: its title, but for a document in a Kamerstuk
/// dossier's group its number, date and type (`Nr. 987 · 17-12-2025 ·
/// Brief`): the group already names the dossier, and the titles of
/// a dossier's documents are much alike.
fn row_title(s: &State, n: dossier_core::NodeIdx) -> std::borrow::Cow<'_, str> {
    let node = s.corpus.node(n);
    match (&node.letter, s.grouping) {
        (Some(m), Grouping::Dossier) if m.kamerstuk.is_some() => {
            let number = m.kamerstuk.as_ref().map_or("", |k| k.number.as_str());
            let mut kind = m.doc_type.clone();
            if let Some(first) = kind.get(..1) {
                kind = first.to_uppercase() + &kind[1..];
            }
            // The date as numbers: a narrow pane keeps it whole.
            let date: Vec<&str> = m.date.split('-').rev().collect();
            std::borrow::Cow::Owned(format!("Nr. {number} · {} · {kind}", date.join("-")))
        }
        _ => std::borrow::Cow::Borrowed(&node.title),
    }
}

fn short_file(path: &str) -> &str {
    path.rsplit(['/', '\\']).next().unwrap_or(path)
}

/// Joins neighbouring spans of one style, to keep the buffer small.
pub fn merge(spans: Vec<Span<'_>>) -> Vec<Span<'_>> {
    let mut out: Vec<Span> = Vec::with_capacity(spans.len());
    for sp in spans {
        match out.last_mut() {
            Some(last) if last.style == sp.style => {
                last.content = format!("{}{}", last.content, sp.content).into()
            }
            _ => out.push(sp),
        }
    }
    out
}
