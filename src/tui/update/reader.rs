//! Moving through the panes, opening nodes and following links, peeking
//! at a footnote, and going back and forward through what was read.

use dossier_core::NodeKind;

use super::super::state::{Pane, Place, RowItem, Screen, State};
use super::super::tree;
use super::refind;
use super::rows::set_expanded;
use crate::tui::action::Action;
use dossier_core::messages::messages;

pub(super) fn motion(s: &mut State, a: Action) {
    let page = |h: u16| usize::from(h.max(2)) - 1;
    match s.focus {
        Pane::Tree => {
            let last = s.rows.len().saturating_sub(1);
            let sel = s.tree_selected;
            s.tree_selected = match a {
                Action::Up => sel.saturating_sub(1),
                Action::Down => (sel + 1).min(last),
                Action::PageUp => sel.saturating_sub(page(s.tree_height)),
                Action::PageDown => (sel + page(s.tree_height)).min(last),
                Action::Top => 0,
                _ => last,
            };
        }
        Pane::Reader | Pane::Notes => {
            let h = page(s.reader_size.1);
            s.scroll = match a {
                Action::Up => s.scroll.saturating_sub(1),
                Action::Down => s.scroll + 1,
                Action::PageUp => s.scroll.saturating_sub(h),
                Action::PageDown => s.scroll + h,
                Action::Top => 0,
                _ => usize::MAX,
            };
            s.clamp_scroll();
            // A selected link that scrolled out of view is let go.
            if let Some(l) = s.link.and_then(|l| s.layout.links.get(l))
                && !visible(s, l.line)
            {
                s.link = None;
            }
        }
    }
}

fn visible(s: &State, line: usize) -> bool {
    line >= s.scroll && line < s.scroll + usize::from(s.reader_size.1.max(1))
}

pub(super) fn scroll_to(s: &mut State, line: usize) {
    if !visible(s, line) {
        // Put it a little below the top, so its context shows.
        s.scroll = line.saturating_sub(2);
        s.clamp_scroll();
    }
}

/// Opens the tree's row: a node (again: folds or unfolds it), a group
/// (folds or unfolds it), a file that failed to load (its message).
pub(super) fn open_row(s: &mut State) {
    match s.selected_row().map(|r| r.item) {
        Some(RowItem::Node(n)) => {
            if s.open == Some(n) && s.rows[s.tree_selected].has_children {
                set_expanded(s, !s.rows[s.tree_selected].expanded);
            } else {
                open_node(s, n, true);
                s.expanded.insert(n);
                tree::rebuild(s);
            }
        }
        Some(RowItem::Error(i)) => {
            s.message = s.corpus.errors.get(i).map(|e| e.to_string());
            s.screen = Screen::LoadError(i);
        }
        Some(RowItem::Group(_)) => {
            let open = s.rows[s.tree_selected].expanded;
            set_expanded(s, !open);
        }
        None => {}
    }
}

/// Follows the link selected in the text.
pub(super) fn follow_link(s: &mut State) {
    match s.link.and_then(|l| s.layout.links.get(l)).map(|l| l.target) {
        // A reference to a document the library holds opens it.
        Some(target) => open_node(s, s.corpus.opens(target).unwrap_or(target), true),
        None => no_link(s),
    }
}

/// Says why nothing was followed, and which key selects a link.
pub(super) fn no_link(s: &mut State) {
    s.message = Some(if s.layout.links.is_empty() {
        messages(s.lang).browse.no_links.into()
    } else {
        format!(
            "{} ({} {})",
            messages(s.lang).browse.no_link,
            s.keymap.table(s.mode()).first(Action::NextLink),
            crate::tui::help::words(messages(s.lang), Action::NextLink)
        )
    });
}

/// Opens a node in the reader, remembering where we were.
pub fn open_node(s: &mut State, node: usize, remember: bool) {
    if remember
        && let Some(p) = s.place()
        && s.open != Some(node)
    {
        s.back.push(p);
        s.forward.clear();
    }
    s.open = Some(node);
    s.scroll = 0;
    s.link = None;
    s.marks.clear();
    s.relayout();
    refind(s, false);
    tree::reveal(s, node);
}

fn restore(s: &mut State, p: Place) {
    s.open = Some(p.node);
    s.relayout();
    s.scroll = p.scroll;
    s.clamp_scroll();
    s.link = p.link.filter(|&l| l < s.layout.links.len());
    s.marks.clear();
    refind(s, false);
    tree::reveal(s, p.node);
}

pub(super) fn history(s: &mut State, forward: bool) {
    let (from, to) = if forward {
        (&mut s.forward, &mut s.back)
    } else {
        (&mut s.back, &mut s.forward)
    };
    let Some(p) = from.pop() else {
        s.message = Some(messages(s.lang).browse.no_history.into());
        return;
    };
    if let Some(here) = s.open.map(|node| Place {
        node,
        scroll: s.scroll,
        link: s.link,
    }) {
        to.push(here);
    }
    restore(s, p);
}

/// Selects the next or previous link, starting from the view.
pub(super) fn step_link(s: &mut State, forward: bool) {
    let links = &s.layout.links;
    if links.is_empty() {
        s.message = Some(messages(s.lang).browse.no_links.into());
        return;
    }
    let next = match s.link {
        Some(l) if forward => (l + 1) % links.len(),
        Some(l) => (l + links.len() - 1) % links.len(),
        None if forward => links.iter().position(|l| l.line >= s.scroll).unwrap_or(0),
        None => links
            .iter()
            .rposition(|l| l.line < s.scroll + usize::from(s.reader_size.1))
            .unwrap_or(links.len() - 1),
    };
    s.link = Some(next);
    let line = links[next].line;
    scroll_to(s, line);
    if s.focus == Pane::Tree {
        s.focus = Pane::Reader;
    }
}

pub(super) fn peek(s: &mut State) {
    let target = s.link.and_then(|l| s.layout.links.get(l)).map(|l| l.target);
    match target {
        Some(t)
            if matches!(
                s.corpus.node(t).kind,
                NodeKind::Footnote | NodeKind::Annex | NodeKind::Reference
            ) =>
        {
            s.screen = Screen::Peek(t)
        }
        Some(t) => open_node(s, t, true),
        None => no_link(s),
    }
}
