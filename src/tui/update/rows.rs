//! The tree's rows: opening and closing them, and the filter prompt that
//! narrows them.

use super::super::state::{Reading, RowItem, Screen, State};
use super::super::tree;
use crate::tui::action::Action;

pub(super) fn set_expanded(s: &mut State, expand: bool) {
    let Some(row) = s.selected_row().cloned() else {
        return;
    };
    if let RowItem::Group(g) = row.item {
        let Some(key) = s.groups.get(g).map(|g| g.key.clone()) else {
            return;
        };
        if expand {
            s.collapsed_groups.remove(&key);
        } else if s.filter.is_empty() {
            s.collapsed_groups.insert(key);
        }
        return tree::rebuild(s);
    }
    let RowItem::Node(n) = row.item else { return };
    if expand && row.has_children {
        s.expanded.insert(n);
    } else if !expand && row.expanded && s.filter.is_empty() {
        s.expanded.remove(&n);
    } else if !expand {
        // On a leaf or a closed node, go to the parent row.
        if let Some(p) = (0..s.tree_selected)
            .rev()
            .find(|&i| s.rows[i].depth < row.depth)
        {
            s.tree_selected = p;
        }
        return;
    }
    tree::rebuild(s);
}

pub(super) fn filter_prompt(s: &mut State, a: Action) {
    match a {
        Action::Type(c) => s.filter.push(c),
        Action::Erase => {
            s.filter.pop();
        }
        Action::ClearPrompt => s.filter.clear(),
        Action::Done => {
            s.screen = Screen::Read(Reading::Browse);
            return;
        }
        Action::Cancel => {
            s.filter.clear();
            s.screen = Screen::Read(Reading::Browse);
        }
        _ => return,
    }
    s.rows_stale = true;
    if s.prompt() != Some(Reading::FilterPrompt) {
        settle(s);
    }
}

/// Brings the tree's rows up to date with the filter (see
/// [`super::settle`]).
pub(super) fn settle(s: &mut State) {
    if !s.rows_stale {
        return;
    }
    s.rows_stale = false;
    tree::rebuild(s);
    // Put the selection on the first row that matched by itself.
    if !s.filter.is_empty()
        && let Some(i) = s.rows.iter().position(|r| r.hit)
    {
        s.tree_selected = i;
    }
}
