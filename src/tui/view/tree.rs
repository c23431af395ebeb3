//! The tree pane.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{List, ListItem, ListState};
use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

use super::pane_block;
use crate::tui::state::{Pane, RowItem, State, TreeRow};
use dossier_core::messages::messages;
use dossier_core::tree::Grouping;

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
    let shown = &s.rows[first..end];
    // Rows of one level whose titles would be cut to the same text keep
    // their ends instead, where siblings differ (`Kamerstuk …32317-973`).
    let cut: Vec<Option<String>> = shown
        .iter()
        .map(|r| match r.item {
            RowItem::Node(n) => {
                let room = width.saturating_sub(r.depth + 2 + badge_width(s, n));
                let title = row_title(s, n, room);
                (title.width() > room).then(|| super::breadcrumb::truncate(&title, room))
            }
            _ => None,
        })
        .collect();
    let items: Vec<ListItem> = shown
        .iter()
        .enumerate()
        .map(|(i, r)| {
            let twin = cut[i].as_ref().is_some_and(|c| {
                shown
                    .iter()
                    .zip(&cut)
                    .enumerate()
                    .any(|(j, (o, oc))| j != i && o.depth == r.depth && oc.as_ref() == Some(c))
            });
            ListItem::new(row_line(s, r, width, twin))
        })
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
    let tree = messages(s.lang).browse.tree;
    if s.filter.is_empty() {
        return format!(" {tree} ");
    }
    let filter = messages(s.lang).browse.filter;
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

/// Columns of a node's notes badge (`[2] `), none without notes.
fn badge_width(s: &State, n: dossier_core::NodeIdx) -> usize {
    crate::tui::notes_bridge::count_badge(s, n).map_or(0, |b| format!("[{b}] ").width())
}

/// Which characters of a title cut to `room` columns are shown: its start
/// and `…`; or, for a row whose cut text a sibling shares (`keep_end`),
/// its first word, `…` and as much of its end as fits. `None` in the
/// list stands for the `…`.
fn shown_chars(title: &str, room: usize, keep_end: bool) -> Vec<Option<(usize, char)>> {
    let chars: Vec<(usize, char)> = title.chars().enumerate().collect();
    let widths: Vec<usize> = chars.iter().map(|(_, c)| c.width().unwrap_or(0)).collect();
    if widths.iter().sum::<usize>() <= room {
        return chars.into_iter().map(Some).collect();
    }
    let room = room.saturating_sub(1);
    let mut out = Vec::new();
    if keep_end {
        let word = chars.iter().take_while(|(_, c)| !c.is_whitespace()).count();
        let head = if word < room / 2 { word + 1 } else { 0 };
        let mut used: usize = widths[..head].iter().sum();
        let mut tail = chars.len();
        while tail > head && used + widths[tail - 1] <= room {
            tail -= 1;
            used += widths[tail];
        }
        out.extend(chars[..head].iter().copied().map(Some));
        out.push(None);
        out.extend(chars[tail..].iter().copied().map(Some));
        return out;
    }
    let mut used = 0;
    for (i, &(at, c)) in chars.iter().enumerate() {
        if used + widths[i] > room {
            break;
        }
        used += widths[i];
        out.push(Some((at, c)));
    }
    out.push(None);
    out
}

/// One row of the tree; a title longer than `width` columns ends in `…`,
/// or keeps its end where a sibling would read the same (`keep_end`).
fn row_line<'a>(s: &'a State, r: &'a TreeRow, width: usize, keep_end: bool) -> Line<'a> {
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
                messages(s.lang).browse.load_error,
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
                    Grouping::Dossier => messages(s.lang).browse.other_documents.to_string(),
                    Grouping::Theme => messages(s.lang).browse.no_theme.to_string(),
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
            let title = row_title(s, n, room);
            // Only rows on screen are drawn, so only theirs are matched.
            let matched = if r.hit {
                s.tree_filter.positions(&title)
            } else {
                Vec::new()
            };
            for shown in shown_chars(&title, room, keep_end) {
                let Some((i, ch)) = shown else {
                    spans.push(Span::styled("…", base));
                    continue;
                };
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

/// What a node's row says in `room` columns: its title, but for a
/// document its number, kind, submitter or sender, date and subject
/// (`Nr. 287 · Motie Ram · 15-05-2025 · organisaties…`), fitted to the
/// room: in a Kamerstuk dossier's group the group names the dossier, and
/// the titles of a dossier's documents are much alike.
fn row_title(s: &State, n: dossier_core::NodeIdx, room: usize) -> std::borrow::Cow<'_, str> {
    let node = s.corpus.node(n);
    match &node.letter {
        Some(m) if m.kamerstuk.is_some() => {
            let grouped = s.grouping == Grouping::Dossier;
            let label = dossier_core::doc_label::DocLabel::of_node(node, s.lang, !grouped)
                .unwrap_or_default();
            std::borrow::Cow::Owned(dossier_core::text::sanitize_line(&label.fit(room)))
        }
        // A footnote by its first words: "Voetnoot 2" alone says nothing.
        _ if node.kind == dossier_core::NodeKind::Footnote => {
            let first: Vec<String> = node
                .document()
                .ok()
                .and_then(|d| d.paragraphs.first())
                .map(|p| p.plain())
                .unwrap_or_default()
                .split_whitespace()
                .take(8)
                .map(str::to_string)
                .collect();
            if first.is_empty() {
                std::borrow::Cow::Borrowed(&node.title)
            } else {
                let number = node.title.rsplit(' ').next().unwrap_or(&node.title);
                // The marker as the text shows it: `² Kamerstuk 32317…`.
                std::borrow::Cow::Owned(format!(
                    "{} {}",
                    crate::tui::layout::superscript(number),
                    dossier_core::text::sanitize_line(&first.join(" "))
                ))
            }
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
