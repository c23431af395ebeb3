//! The rows of the tree: dossiers › sections, annexes, footnotes and the
//! references they cite, narrowed by the filter (fuzzy text, `#tag`,
//! `@country`), with failed files as error rows at the end.

use std::collections::HashSet;

pub(crate) use dossier_core::tree::TreeFilter as Filter;
pub(crate) use dossier_core::tree::{Group, Grouping};
use dossier_core::tree::{children, groups};
use dossier_core::{Corpus, NodeIdx, NodeKind};

use super::state::{RowItem, State, TextMatch, TreeRow};

/// Recomputes the visible rows from the expanded set and the filter, and
/// keeps the selection on the same node where it can.
pub fn rebuild(s: &mut State) {
    let keep = s.selected_row().map(|r| r.item);
    let c = s.corpus.clone();
    let filter = filter_of(s, &c);
    ensure_groups(s);
    s.rows = rows_of(&c, &s.groups, &filter, &s.collapsed_groups, &s.expanded);
    s.tree_filter = filter;
    s.tree_selected = keep
        .and_then(|k| s.rows.iter().position(|r| r.item == k))
        .unwrap_or(s.tree_selected)
        .min(s.rows.len().saturating_sub(1));
}

/// The tree's filter, parsed: the one in force when its words are the
/// same (what the index found is not asked again at every fold), else
/// with what the index finds now.
fn filter_of(s: &State, c: &Corpus) -> Filter {
    let parsed = Filter::parse_in(&s.filter, c);
    if parsed.same_words(&s.tree_filter)
        && (s.tree_filter.found().is_some() || s.text_match.is_none())
    {
        return s.tree_filter.clone();
    }
    with_text(parsed, s.text_match.as_ref())
}

/// `f`, also matching the roots whose text the index matches for its
/// words; `f` itself without an index, or without words.
fn with_text(f: Filter, text_match: Option<&TextMatch>) -> Filter {
    match text_match {
        Some(find) if !f.text.is_empty() => {
            let found = find(&f.text);
            f.with_found(found)
        }
        _ => f,
    }
}

/// Makes the groups if they are not those of the grouping in force.
fn ensure_groups(s: &mut State) {
    if s.groups_of != Some(s.grouping) {
        s.groups = groups(&s.corpus, s.grouping);
        s.groups_of = Some(s.grouping);
    }
}

/// The tree for a filter typed, made off the interface's thread (see
/// [`super::filter_worker`]): what [`rebuild`] makes of a filter that is
/// not empty, which opens every group and node that holds a match.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Filtered {
    pub text: String,
    pub grouping: Grouping,
    pub groups: Vec<Group>,
    pub rows: Vec<TreeRow>,
    pub filter: Filter,
}

/// [`Filtered`] for `text` over `c` grouped as `grouping`, with what
/// `text_match` finds in the documents' text.
pub fn filtered(
    c: &Corpus,
    grouping: Grouping,
    text: &str,
    text_match: Option<&TextMatch>,
) -> Filtered {
    filtered_in(c, grouping, groups(c, grouping), text, text_match)
}

/// [`filtered`] over `groups` already made for `grouping` (the tree's
/// own, handed over rather than made again for every key: a pass over
/// every document).
pub fn filtered_in(
    c: &Corpus,
    grouping: Grouping,
    groups: Vec<Group>,
    text: &str,
    text_match: Option<&TextMatch>,
) -> Filtered {
    let filter = with_text(Filter::parse_in(text, c), text_match);
    let rows = rows_of(c, &groups, &filter, &HashSet::new(), &HashSet::new());
    Filtered {
        text: text.to_string(),
        grouping,
        groups,
        rows,
        filter,
    }
}

/// Shows a [`Filtered`] tree if it is for the filter and grouping the
/// tree has now (a later key makes it stale), with the selection on the
/// first row that matched by itself (where it was, when the same filter
/// came again with what the index found); returns whether it was shown.
pub fn show_filtered(s: &mut State, f: Filtered) -> bool {
    if f.text != s.filter || f.grouping != s.grouping || s.rows_stale {
        return false;
    }
    let again = f.filter.same_words(&s.tree_filter);
    let keep = s.selected_row().map(|r| r.item).filter(|_| again);
    s.groups = f.groups;
    s.groups_of = Some(f.grouping);
    s.rows = f.rows;
    s.tree_filter = f.filter;
    s.tree_selected = keep
        .and_then(|k| s.rows.iter().position(|r| r.item == k))
        .or_else(|| s.rows.iter().position(|r| r.hit))
        .unwrap_or(s.tree_selected)
        .min(s.rows.len().saturating_sub(1));
    true
}

/// The rows of `groups`: every group and node that holds a match of a
/// filter, or those the user opened when there is none.
fn rows_of(
    c: &Corpus,
    groups: &[Group],
    filter: &Filter,
    collapsed: &HashSet<String>,
    expanded: &HashSet<NodeIdx>,
) -> Vec<TreeRow> {
    let mut rows = Vec::new();
    for (gi, g) in groups.iter().enumerate() {
        let at = rows.len();
        let open = !filter.is_empty() || !collapsed.contains(&g.key);
        rows.push(TreeRow {
            item: RowItem::Group(gi),
            depth: 0,
            has_children: !g.members.is_empty(),
            expanded: open,
            hit: false,
        });
        if filter.is_empty() {
            if open {
                for &m in &g.members {
                    push_expanded(c, m, 1, expanded, &mut rows);
                }
            }
        } else {
            let kept = filtered_rows(c, filter, &g.members);
            if kept.is_empty() {
                rows.truncate(at);
            }
            rows.extend(kept);
        }
    }
    for i in 0..c.errors.len() {
        rows.push(TreeRow {
            item: RowItem::Error(i),
            depth: 0,
            has_children: false,
            expanded: false,
            hit: false,
        });
    }
    rows
}

fn push_expanded(
    c: &Corpus,
    node: NodeIdx,
    depth: usize,
    expanded: &HashSet<NodeIdx>,
    rows: &mut Vec<TreeRow>,
) {
    let open = expanded.contains(&node);
    let has_children = children(c, node).next().is_some();
    rows.push(TreeRow {
        item: RowItem::Node(node),
        depth,
        has_children,
        expanded: open,
        hit: false,
    });
    if open {
        for k in children(c, node) {
            push_expanded(c, k, depth + 1, expanded, rows);
        }
    }
}

/// Every node under `tops` (a group's members) that the filter matches,
/// with its ancestors, all shown expanded, in order. A pass reads every
/// title and spends most of its time waiting for memory, so on a large
/// corpus the members are shared out between the cores, each taking a run
/// of them.
fn filtered_rows(c: &Corpus, f: &Filter, tops: &[NodeIdx]) -> Vec<TreeRow> {
    /// Dossiers below which one thread does it all.
    const PER_THREAD: usize = 1_000;
    let threads = std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .min(tops.len() / PER_THREAD);
    filtered_rows_on(c, f, tops, threads)
}

/// [`filtered_rows`] on `threads` threads (one at least).
fn filtered_rows_on(c: &Corpus, f: &Filter, tops: &[NodeIdx], threads: usize) -> Vec<TreeRow> {
    let rows_of = |roots: &[NodeIdx]| {
        let mut rows = Vec::new();
        for &root in roots {
            push_filtered(c, root, 1, f, &mut rows);
        }
        rows
    };
    if threads <= 1 || tops.is_empty() {
        return rows_of(tops);
    }
    std::thread::scope(|s| {
        let parts: Vec<_> = tops
            .chunks(tops.len().div_ceil(threads))
            .map(|roots| s.spawn(move || rows_of(roots)))
            .collect();
        let mut rows = Vec::new();
        for part in parts {
            rows.extend(part.join().unwrap_or_else(|e| std::panic::resume_unwind(e)));
        }
        rows
    })
}

/// Pushes `node` if it or something under it matches; returns whether it did.
fn push_filtered(
    c: &Corpus,
    node: NodeIdx,
    depth: usize,
    f: &Filter,
    rows: &mut Vec<TreeRow>,
) -> bool {
    let at = rows.len();
    let own_matches = f.matches(c, node);
    rows.push(TreeRow {
        item: RowItem::Node(node),
        depth,
        // Set below, once it is known what under it the filter kept.
        has_children: false,
        expanded: false,
        hit: own_matches,
    });
    let mut any = false;
    // A reference hangs under each dossier that cites it: nothing under it.
    if c.node(node).kind != NodeKind::Reference {
        for k in children(c, node) {
            any |= push_filtered(c, k, depth + 1, f, rows);
        }
    }
    if !own_matches && !any {
        rows.truncate(at);
        return false;
    }
    // Only the children the filter kept count: no open marker over nothing.
    rows[at].has_children = any;
    rows[at].expanded = any;
    true
}

/// Closes every group and every node: the tree as a list of its groups.
pub fn fold_all(s: &mut State) {
    s.expanded.clear();
    s.collapsed_groups = s.groups.iter().map(|g| g.key.clone()).collect();
    rebuild(s);
}

/// Opens every group (their documents stay closed).
pub fn unfold_all(s: &mut State) {
    s.collapsed_groups.clear();
    rebuild(s);
}

/// Closes the groups that do not hold the open node: a library of
/// thousands of documents starts as a list of its dossiers, with the one
/// being read open.
pub fn fold_others(s: &mut State) {
    let c = s.corpus.clone();
    let top = s.open.and_then(|o| c.letter_of(o).or(c.root_of(o)));
    ensure_groups(s);
    s.collapsed_groups = s
        .groups
        .iter()
        .filter(|g| !top.is_some_and(|t| g.members.contains(&t)))
        .map(|g| g.key.clone())
        .collect();
    rebuild(s);
}

/// Expands the ancestors of `node` and selects its row.
pub fn reveal(s: &mut State, node: NodeIdx) {
    let c = s.corpus.clone();
    // A reference hangs under each dossier that cites it: the one the
    // reader came from if it does, else the first.
    let cites =
        |root: NodeIdx| c.node(root).kind.is_root() && c.references_cited_by(root).contains(&node);
    let under = (c.node(node).kind == NodeKind::Reference)
        .then(|| {
            s.back
                .last()
                .and_then(|p| c.root_of(p.node))
                .filter(|&r| cites(r))
                .or_else(|| (0..c.nodes.len()).find(|&r| cites(r)))
        })
        .flatten();
    for at in under.into_iter().chain([node]) {
        let path = c.path(at);
        let ancestors = if at == node {
            &path[..path.len().saturating_sub(1)]
        } else {
            &path[..]
        };
        for &p in ancestors {
            s.expanded.insert(p);
        }
        // A topic hangs under its document, and the document in its group.
        if let Some(doc) = c.root_of(at).and_then(|r| c.node(r).source) {
            s.expanded.insert(doc);
        }
        // The groups of the last rebuild: the grouping is the same.
        let top = c.letter_of(at).or(c.root_of(at));
        for g in &s.groups {
            if top.is_some_and(|t| g.members.contains(&t)) {
                s.collapsed_groups.remove(&g.key);
            }
        }
    }
    rebuild(s);
    if let Some(i) = s.rows.iter().position(|r| r.item == RowItem::Node(node)) {
        s.tree_selected = i;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_filtered_tree_is_the_same_on_any_number_of_threads() {
        let c = crate::store::dossiers::load_built_in();
        for query in ["ebsp", "#migratie", "@italie", "raad", "e", "qqq"] {
            let f = Filter::parse_in(query, &c);
            let one = filtered_rows_on(&c, &f, &c.roots, 1);
            for threads in 2..=c.roots.len() + 1 {
                assert_eq!(
                    filtered_rows_on(&c, &f, &c.roots, threads),
                    one,
                    "{query} on {threads}"
                );
            }
        }
        assert!(!filtered_rows_on(&c, &Filter::parse("ebsp"), &c.roots, 1).is_empty());
    }
}
