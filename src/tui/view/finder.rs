//! The fuzzy finder: the query, and the hits with their kind and the
//! matched characters highlighted.

use dossier_core::search::snippet;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, List, ListItem, ListState, Paragraph};
use unicode_width::UnicodeWidthStr;

use super::centered;
use super::tree::merge;
use crate::tui::state::{Finder, State};
use dossier_core::messages::messages;

pub fn render(s: &State, f: &Finder, frame: &mut Frame, area: Rect) {
    let w = area.width.saturating_sub(4).min(110);
    let h = area.height.saturating_sub(2);
    let r = centered(area, w, h);
    frame.render_widget(Clear, r);
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(s.theme.accent)
        .title(format!(" {} ", messages(s.lang).browse.finder));
    let inner = block.inner(r);
    frame.render_widget(block, r);
    let [input, list_area] =
        Layout::vertical([Constraint::Length(1), Constraint::Min(0)]).areas(inner);
    let count = if f.query.is_empty() {
        String::new()
    } else if !f.done || f.shown_query != f.query {
        format!("  {}", messages(s.lang).browse.searching)
    } else if f.hits.is_empty() {
        format!("  {}", messages(s.lang).browse.no_hits)
    } else {
        let b = &messages(s.lang).browse;
        let word = if f.hits.len() == 1 { b.hit } else { b.hits };
        format!("  {} {word}", f.hits.len())
    };
    frame.render_widget(
        Paragraph::new(Line::from(vec![
            Span::styled(messages(s.lang).browse.finder_prompt, s.theme.accent),
            Span::raw(format!("{}▏", f.query)),
            Span::styled(count, s.theme.muted),
        ])),
        input,
    );
    let text_w = usize::from(list_area.width.saturating_sub(2));
    // Snippets and marks only for the hits on screen.
    let (first, end) = super::window(f.selected, f.hits.len(), usize::from(list_area.height));
    let items: Vec<ListItem> = f.hits[first..end]
        .iter()
        .map(|hit| {
            let node = s.corpus.node(hit.node);
            // A document's one topic is shown as the document.
            let doc = node
                .source
                .filter(|&d| node.letter.is_none() && s.corpus.topics_from(d).len() == 1)
                .map_or(node, |d| s.corpus.node(d));
            let kind = messages(s.lang).shared.node(doc);
            let mut spans = vec![Span::styled(format!("{kind:<9} "), s.theme.muted)];
            // A document by its number, kind, submitter, date and subject:
            // the titles of moties are much alike.
            let label = dossier_core::doc_label::DocLabel::of_node(doc, s.lang, true);
            match hit.passage {
                None if label.is_some() => {
                    let fitted = label.as_ref().map(|l| l.fit(text_w.saturating_sub(10)));
                    let fitted = dossier_core::text::sanitize_line(&fitted.unwrap_or_default());
                    // The label is not the title the hit's positions count
                    // in: the query's words are marked where they stand.
                    let marks = word_marks(&fitted, &f.shown_query);
                    spans.extend(marked(&fitted, &marks, s));
                }
                None => spans.extend(marked(&node.title, &hit.positions, s)),
                Some(p) => {
                    let para = node
                        .document()
                        .ok()
                        .and_then(|d| d.paragraphs.get(p))
                        .map(|x| x.plain())
                        .unwrap_or_default();
                    let title = match &label {
                        Some(l) => dossier_core::text::sanitize_line(&l.fit(34)),
                        None => super::breadcrumb::truncate(&node.title, 28),
                    };
                    spans.push(Span::styled(format!("{title} · "), s.theme.title));
                    let room = text_w.saturating_sub(10 + title.width() + 3).max(10);
                    let (snip, pos) = snippet(&para, &hit.positions, room);
                    spans.extend(marked(&snip, &pos, s));
                }
            }
            ListItem::new(Line::from(merge(spans)))
        })
        .collect();
    let list = List::new(items)
        .highlight_style(s.theme.selection)
        .highlight_symbol("▶ ");
    let mut ls = ListState::default();
    ls.select(if f.hits.is_empty() {
        None
    } else {
        Some(f.selected.saturating_sub(first))
    });
    frame.render_stateful_widget(list, list_area, &mut ls);
}

/// The characters of `text` inside an occurrence of one of the words of
/// `query` (fzf's marks aside), case and accents aside.
pub fn word_marks(text: &str, query: &str) -> Vec<usize> {
    use dossier_core::text::fold_char;
    let hay: Vec<char> = text.chars().map(fold_char).collect();
    let mut out = Vec::new();
    for word in query.split_whitespace() {
        let w: Vec<char> = word
            .trim_matches(['\'', '^', '$', '!', '|'])
            .chars()
            .map(fold_char)
            .collect();
        if w.is_empty() || w.len() > hay.len() {
            continue;
        }
        for i in 0..=hay.len() - w.len() {
            if hay[i..i + w.len()] == w[..] {
                out.extend(i..i + w.len());
            }
        }
    }
    out.sort_unstable();
    out.dedup();
    out
}

fn marked<'a>(text: &str, positions: &[usize], s: &State) -> Vec<Span<'a>> {
    text.chars()
        .enumerate()
        .map(|(i, c)| {
            if positions.contains(&i) {
                Span::styled(c.to_string(), s.theme.highlight)
            } else {
                Span::raw(c.to_string())
            }
        })
        .collect()
}
