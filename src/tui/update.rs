//! `update(state, action) -> effects`: every change of the interface, with
//! no I/O. The loop carries out the effects (searching on the finder's
//! thread) and feeds results back through the `apply_*` functions.

use dossier_core::NodeKind;
use dossier_core::search::FinderUpdate;

use super::action::Action;
use super::i18n::{T, t};
use super::state::{Find, Finder, Overlay, Pane, Place, RowItem, State};
use super::tree;

mod find;
pub use find::{FIND_WINDOW, find_more, finding};
use find::{find_prompt, refind, step_hit};

/// Work for the loop.
#[derive(Debug, Clone)]
pub enum Effect {
    /// Run a finder query on the search thread.
    Search(String),
    /// Work on the notes store (see `notes::update`).
    Notes(Box<super::notes::update::NotesOp>),
    /// Put text on the clipboard (see `share`).
    Copy(String),
    /// Open an address in the browser.
    OpenAddress(String),
}

/// The most hits the finder keeps.
pub const FINDER_LIMIT: usize = 200;

pub fn update(s: &mut State, a: Action) -> Vec<Effect> {
    use super::mode::Mode;
    use super::notes::update as notes;
    let mode = Mode::of(s);
    if matches!(
        mode,
        Mode::Editor | Mode::Overview | Mode::Export | Mode::Confirm
    ) {
        return notes::screen(s, a);
    }
    if s.overlay == Overlay::None && notes::takes(s, a) {
        settle(s);
        return notes::act(s, a);
    }
    // Keys typed into the tree filter only change the filter; anything
    // else first brings the tree up to date with it.
    if !(s.filter_editing && matches!(a, Action::Type(_) | Action::Erase | Action::ClearPrompt)) {
        settle(s);
    }
    s.message = None;
    if a == Action::Quit && !in_prompt(s) {
        s.quit = true;
        return Vec::new();
    }
    match s.overlay.clone() {
        Overlay::Help(h) => {
            let most = super::view::help_max_scroll(s, h.mode);
            match a {
                Action::Cancel | Action::Help | Action::Open => s.overlay = *h.over,
                Action::Down => s.help_scroll = (s.help_scroll + 1).min(most),
                Action::PageDown => s.help_scroll = (s.help_scroll + 10).min(most),
                Action::Bottom => s.help_scroll = most,
                Action::Up => s.help_scroll = s.help_scroll.saturating_sub(1),
                Action::PageUp => s.help_scroll = s.help_scroll.saturating_sub(10),
                Action::Top => s.help_scroll = 0,
                _ => {}
            }
            return Vec::new();
        }
        Overlay::Peek(_) | Overlay::LoadError(_) | Overlay::Timeline(_) if a == Action::Help => {
            open_help(s);
            return Vec::new();
        }
        Overlay::Peek(target) => {
            match a {
                Action::Open => {
                    s.overlay = Overlay::None;
                    open_node(s, target, true);
                }
                _ => s.overlay = Overlay::None,
            }
            return Vec::new();
        }
        Overlay::Finder(_) if a == Action::Help => {
            open_help(s);
            return Vec::new();
        }
        Overlay::Finder(f) => return finder(s, f, a),
        Overlay::Timeline(at) if s.timeline_typing => {
            match a {
                Action::Type(c) => s.timeline_filter.push(c),
                Action::Erase => {
                    s.timeline_filter.pop();
                }
                Action::ClearPrompt => s.timeline_filter.clear(),
                Action::Cancel => {
                    s.timeline_filter.clear();
                    s.timeline_typing = false;
                }
                Action::Open | Action::Down => s.timeline_typing = false,
                _ => return Vec::new(),
            }
            // The selection stays inside what is shown.
            let n = super::timeline::shown(s).len();
            s.overlay = Overlay::Timeline(at.min(n.saturating_sub(1)));
            return Vec::new();
        }
        Overlay::Timeline(at) => {
            let docs = super::timeline::shown(s);
            let last = docs.len().saturating_sub(1);
            match a {
                Action::Filter | Action::Find => s.timeline_typing = true,
                Action::Down => s.overlay = Overlay::Timeline((at + 1).min(last)),
                Action::Up => s.overlay = Overlay::Timeline(at.saturating_sub(1)),
                Action::Top | Action::PageUp => s.overlay = Overlay::Timeline(0),
                Action::Bottom | Action::PageDown => s.overlay = Overlay::Timeline(last),
                Action::Open => {
                    s.overlay = Overlay::None;
                    if let Some(&d) = docs.get(at) {
                        open_node(s, d, true);
                    }
                }
                Action::Cancel | Action::Timeline => s.overlay = Overlay::None,
                _ => {}
            }
            return Vec::new();
        }
        Overlay::LoadError(_) => {
            s.overlay = Overlay::None;
            return Vec::new();
        }
        Overlay::None => {}
    }
    if a == Action::Help {
        open_help(s);
        return Vec::new();
    }
    if s.find.editing {
        find_prompt(s, a);
        return Vec::new();
    }
    if s.filter_editing {
        filter_prompt(s, a);
        return Vec::new();
    }
    match a {
        Action::NextPane => s.focus = next_pane(s, true),
        Action::PrevPane => s.focus = next_pane(s, false),
        Action::Up
        | Action::Down
        | Action::PageUp
        | Action::PageDown
        | Action::Top
        | Action::Bottom => motion(s, a),
        Action::Open => open(s),
        Action::Expand if s.focus == Pane::Reader => step_link(s, true),
        Action::Collapse if s.focus == Pane::Reader => step_link(s, false),
        Action::Expand => set_expanded(s, true),
        Action::Collapse => set_expanded(s, false),
        // A link is the reader's: stepping to one from the notes pane
        // takes the focus there, so Enter follows it.
        Action::NextLink | Action::PrevLink => {
            if s.focus == Pane::Notes {
                s.focus = Pane::Reader;
            }
            step_link(s, a == Action::NextLink);
        }
        Action::Back => history(s, false),
        Action::Forward => history(s, true),
        Action::Peek => peek(s),
        Action::Find => {
            s.find = Find {
                editing: true,
                ..Find::default()
            };
            // A new search: the finder's marks no longer say anything.
            s.marks.clear();
        }
        Action::FindNext => step_hit(s, true),
        Action::FindPrev => step_hit(s, false),
        Action::Finder => {
            s.overlay = Overlay::Finder(Finder::default());
        }
        Action::Timeline => {
            // Starts on the document that is open, or the newest.
            let docs = super::timeline::shown(s);
            let here = s.open.and_then(|o| s.corpus.letter_of(o));
            let at = here
                .and_then(|h| docs.iter().position(|&d| d == h))
                .unwrap_or(docs.len().saturating_sub(1));
            s.overlay = Overlay::Timeline(at);
        }
        Action::GroupBy => {
            s.grouping = match s.grouping {
                tree::Grouping::Dossier => tree::Grouping::Theme,
                tree::Grouping::Theme => tree::Grouping::Dossier,
            };
            tree::rebuild(s);
            if let Some(open) = s.open {
                tree::reveal(s, open);
            }
        }
        Action::TreeWidth => {
            let views = super::view::TREE_WIDTHS;
            let at = views.iter().position(|&w| w == s.tree_pct).unwrap_or(0);
            s.tree_pct = views[(at + 1) % views.len()];
            let screen = ratatui::layout::Rect::new(0, 0, s.screen.0, s.screen.1);
            super::resize(s, screen);
            s.message = Some(format!(
                "{}: {}",
                super::i18n::action(s.lang, Action::TreeWidth),
                s.tree_pct
                    .map_or_else(|| t(s.lang, T::Auto).to_string(), |p| format!("{p}%"))
            ));
        }
        Action::Details => {
            s.details = !s.details;
            s.layout.lines.clear();
            s.relayout();
        }
        Action::Filter => {
            s.filter_editing = true;
            s.focus = Pane::Tree;
        }
        Action::Cancel => {
            if !s.find.hits.is_empty() || !s.find.query.is_empty() {
                s.find = Find::default();
            } else if !s.filter.is_empty() {
                s.filter.clear();
                tree::rebuild(s);
            }
            s.marks.clear();
        }
        Action::FoldAll => tree::fold_all(s),
        Action::UnfoldAll => tree::unfold_all(s),
        Action::Copy => return super::share::copy(s),
        Action::OpenAddress => return super::share::open_address(s),
        Action::Help | Action::Quit | Action::Type(_) | Action::Erase | Action::Key(_) => {}
        // The annotation screens' own actions (see `notes::update`).
        Action::Save
        | Action::NextField
        | Action::PrevField
        | Action::NextValue
        | Action::PrevValue
        | Action::Sort
        | Action::ActionList
        | Action::ToggleDone
        | Action::ClearPrompt
        | Action::Yes
        | Action::No => {}
        // Annotation actions are taken by `notes::update::act` first.
        Action::Select
        | Action::Annotate
        | Action::Edit
        | Action::Delete
        | Action::Undo
        | Action::Overview
        | Action::Export
        | Action::NextSentence
        | Action::PrevSentence
        | Action::NextParagraph
        | Action::PrevParagraph => {}
    }
    Vec::new()
}

/// Opens the help on the keys of the mode in force, over what is open.
pub fn open_help(s: &mut State) {
    let mode = super::mode::Mode::of(s);
    open_help_for(s, mode);
}

/// Opens the help on the keys of `mode` (an annotation screen's, which
/// only the notes session knows).
pub fn open_help_for(s: &mut State, mode: super::mode::Mode) {
    let over = Box::new(std::mem::take(&mut s.overlay));
    s.overlay = Overlay::Help(super::state::HelpView { mode, over });
    s.help_scroll = 0;
}

/// Whether keys currently type into a prompt.
pub fn in_prompt(s: &State) -> bool {
    s.find.editing || s.filter_editing || matches!(s.overlay, Overlay::Finder(_))
}

/// The next pane on the screen: a hidden notes pane is skipped.
fn next_pane(s: &State, forward: bool) -> Pane {
    let step = |p: Pane| match (p, forward) {
        (Pane::Tree, true) | (Pane::Notes, false) => Pane::Reader,
        (Pane::Reader, true) | (Pane::Tree, false) => Pane::Notes,
        (Pane::Notes, true) | (Pane::Reader, false) => Pane::Tree,
    };
    let next = step(s.focus);
    if next == Pane::Notes && !s.notes_visible {
        step(next)
    } else {
        next
    }
}

fn motion(s: &mut State, a: Action) {
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

fn scroll_to(s: &mut State, line: usize) {
    if !visible(s, line) {
        // Put it a little below the top, so its context shows.
        s.scroll = line.saturating_sub(2);
        s.clamp_scroll();
    }
}

fn open(s: &mut State) {
    match s.focus {
        Pane::Tree => match s.selected_row().map(|r| r.item) {
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
                s.overlay = Overlay::LoadError(i);
            }
            Some(RowItem::Group(_)) => {
                let open = s.rows[s.tree_selected].expanded;
                set_expanded(s, !open);
            }
            None => {}
        },
        Pane::Reader | Pane::Notes => {
            match s.link.and_then(|l| s.layout.links.get(l)).map(|l| l.target) {
                // A reference to a document the library holds opens it.
                Some(target) => open_node(s, s.corpus.opens(target).unwrap_or(target), true),
                None => no_link(s),
            }
        }
    }
}

/// Says why nothing was followed, and which key selects a link.
fn no_link(s: &mut State) {
    s.message = Some(if s.layout.links.is_empty() {
        t(s.lang, T::NoLinks).into()
    } else {
        format!(
            "{} ({} {})",
            t(s.lang, T::NoLink),
            s.keymap.first(Action::NextLink),
            super::i18n::action(s.lang, Action::NextLink)
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

fn history(s: &mut State, forward: bool) {
    let (from, to) = if forward {
        (&mut s.forward, &mut s.back)
    } else {
        (&mut s.back, &mut s.forward)
    };
    let Some(p) = from.pop() else {
        s.message = Some(t(s.lang, T::NoHistory).into());
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

fn set_expanded(s: &mut State, expand: bool) {
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

/// Selects the next or previous link, starting from the view.
fn step_link(s: &mut State, forward: bool) {
    let links = &s.layout.links;
    if links.is_empty() {
        s.message = Some(t(s.lang, T::NoLinks).into());
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

fn peek(s: &mut State) {
    let target = s.link.and_then(|l| s.layout.links.get(l)).map(|l| l.target);
    match target {
        Some(t)
            if matches!(
                s.corpus.node(t).kind,
                NodeKind::Footnote | NodeKind::Annex | NodeKind::Reference
            ) =>
        {
            s.overlay = Overlay::Peek(t)
        }
        Some(t) => open_node(s, t, true),
        None => no_link(s),
    }
}

fn filter_prompt(s: &mut State, a: Action) {
    match a {
        Action::Type(c) => s.filter.push(c),
        Action::Erase => {
            s.filter.pop();
        }
        Action::ClearPrompt => s.filter.clear(),
        Action::Open | Action::Down => {
            s.filter_editing = false;
            return;
        }
        Action::Cancel => {
            s.filter.clear();
            s.filter_editing = false;
        }
        _ => return,
    }
    s.rows_stale = true;
    if !s.filter_editing {
        settle(s);
    }
}

/// Brings the tree's rows up to date with the filter. The loop calls it
/// before drawing, after taking every key that was already waiting: over
/// thousands of dossiers filtering costs more than a keystroke's time,
/// and a burst of typed letters then costs one filtering, not one each.
pub fn settle(s: &mut State) {
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

fn finder(s: &mut State, mut f: Finder, a: Action) -> Vec<Effect> {
    let mut effects = Vec::new();
    match a {
        Action::Type(c) => {
            f.query.push(c);
            f.open_when_ready = false;
            effects.push(Effect::Search(f.query.clone()));
        }
        Action::Erase | Action::ClearPrompt => {
            if a == Action::ClearPrompt {
                f.query.clear();
            } else {
                f.query.pop();
            }
            f.open_when_ready = false;
            effects.push(Effect::Search(f.query.clone()));
        }
        Action::Up => f.selected = f.selected.saturating_sub(1),
        Action::Down => f.selected = (f.selected + 1).min(f.hits.len().saturating_sub(1)),
        Action::Cancel | Action::Finder => {
            s.overlay = Overlay::None;
            return effects;
        }
        // Typed and Enter at once: the hits shown may answer an earlier
        // prefix, or be the best so far. Unless one was chosen with the
        // arrows, the best hit of the whole query opens when it is known.
        Action::Open
            if f.selected == 0 && !f.query.is_empty() && (f.shown_query != f.query || !f.done) =>
        {
            f.open_when_ready = true;
        }
        Action::Open => {
            s.overlay = Overlay::None;
            if let Some(hit) = f.hits.get(f.selected).cloned() {
                // A find of the text left behind does not apply to this one.
                s.find = Find::default();
                open_node(s, hit.node, true);
                if let Some(p) = hit.passage {
                    s.marks = hit.positions.iter().map(|&c| (p, c)).collect();
                    let ch = hit.positions.first().copied().unwrap_or(0);
                    if let Some(line) = s
                        .layout
                        .line_of(p, ch)
                        .or_else(|| s.layout.first_line_of(p))
                    {
                        scroll_to(s, line);
                    }
                }
                s.focus = Pane::Reader;
            }
            return effects;
        }
        _ => {}
    }
    s.overlay = Overlay::Finder(f);
    effects
}

/// Shows the finder's results as they arrive; stale ones are ignored.
pub fn apply_finder_update(s: &mut State, u: FinderUpdate) {
    if let Overlay::Finder(f) = &mut s.overlay
        && u.query == f.query
    {
        f.hits = u.hits;
        f.shown_query = u.query;
        f.done = u.done;
        f.selected = f.selected.min(f.hits.len().saturating_sub(1));
        if f.done && f.open_when_ready {
            f.open_when_ready = false;
            if !f.hits.is_empty() {
                let f = f.clone();
                finder(s, f, Action::Open);
            }
        }
    }
}

#[cfg(test)]
mod tests;
