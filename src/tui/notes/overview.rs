//! The overview of all annotations: filters by Kamerstuk dossier, tag,
//! kind, status, owner, author and detached, a fuzzy text filter, `Enter`
//! to jump to one, one key to mark it done (or open again).

use dossier_core::annotation::{Annotation, Kind, Status};
use dossier_core::note_index::{NoteFilter, NoteIndex};

use crate::tui::action::Action;

/// The filter the arrow keys change.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Facet {
    Text,
    Dossier,
    Tag,
    Kind,
    Status,
    Owner,
    Author,
    Detached,
}

pub const FACETS: [Facet; 8] = [
    Facet::Text,
    Facet::Dossier,
    Facet::Tag,
    Facet::Kind,
    Facet::Status,
    Facet::Owner,
    Facet::Author,
    Facet::Detached,
];

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    Nothing,
    /// Go to note `i` (an index into the notes).
    Jump(usize),
    /// Edit note `i` in the editor.
    Edit(usize),
    /// Delete note `i` (kept for undo).
    Delete(usize),
    /// Mark note `i` done, or open again.
    ToggleDone(usize),
    /// Take the last change back.
    Undo,
    Close,
}

/// The order of the list.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Sort {
    /// As written, the oldest first (or the best text match first).
    #[default]
    Written,
    /// By due date, the soonest first; notes without one last.
    Due,
    /// By dossier, then section.
    Dossier,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Overview {
    pub filter: NoteFilter,
    pub sort: Sort,
    pub facet: usize,
    /// Position in the filtered list.
    pub selected: usize,
}

impl Overview {
    pub fn facet(&self) -> Facet {
        FACETS[self.facet % FACETS.len()]
    }

    /// The notes shown, as indexes into `notes`, in the chosen order.
    pub fn shown(&self, notes: &[Annotation], index: &NoteIndex) -> Vec<usize> {
        let mut shown = self.filter.apply(notes, index);
        match self.sort {
            Sort::Written => {}
            // Stable sorts: ties keep the filter's order.
            Sort::Due => shown.sort_by_key(|&i| (notes[i].due.is_none(), notes[i].due)),
            Sort::Dossier => shown.sort_by(|&a, &b| {
                let (a, b) = (&notes[a].target, &notes[b].target);
                (&a.dossier, &a.node).cmp(&(&b.dossier, &b.node))
            }),
        }
        shown
    }

    pub fn act(&mut self, a: Action, notes: &[Annotation], index: &NoteIndex) -> Outcome {
        let shown = self.shown(notes, index);
        let chosen = shown.get(self.selected).copied();
        match a {
            Action::Close => return Outcome::Close,
            Action::GoToNote => return chosen.map_or(Outcome::Nothing, Outcome::Jump),
            // The note chosen here, where it is seen: also where the
            // notes pane does not fit the screen.
            Action::Edit => return chosen.map_or(Outcome::Nothing, Outcome::Edit),
            Action::Delete => return chosen.map_or(Outcome::Nothing, Outcome::Delete),
            Action::ToggleDone => return chosen.map_or(Outcome::Nothing, Outcome::ToggleDone),
            Action::Undo => return Outcome::Undo,
            Action::Down => self.selected = (self.selected + 1).min(shown.len().saturating_sub(1)),
            Action::Up => self.selected = self.selected.saturating_sub(1),
            Action::NextField | Action::PrevField => {
                let n = FACETS.len();
                self.facet = if a == Action::PrevField {
                    (self.facet + n - 1) % n
                } else {
                    (self.facet + 1) % n
                };
            }
            Action::NextValue | Action::PrevValue if self.facet() != Facet::Text => {
                self.step(notes, index, if a == Action::NextValue { 1 } else { -1 });
                self.selected = 0;
            }
            Action::EraseFilter => {
                if self.facet() == Facet::Text {
                    self.filter.text.pop();
                } else {
                    self.clear_facet();
                }
                self.selected = 0;
            }
            // The action list at one key: open toezeggingen and actions.
            Action::ActionList => {
                self.filter.open_actions = !self.filter.open_actions;
                if self.filter.open_actions && self.sort == Sort::Written {
                    self.sort = Sort::Due;
                }
                self.selected = 0;
            }
            Action::Sort => {
                self.sort = match self.sort {
                    Sort::Written => Sort::Due,
                    Sort::Due => Sort::Dossier,
                    Sort::Dossier => Sort::Written,
                };
                self.selected = 0;
            }
            Action::Type(c) => {
                // Letters always go to the text filter.
                self.facet = 0;
                self.filter.text.push(c);
                self.selected = 0;
            }
            _ => {}
        }
        Outcome::Nothing
    }

    fn clear_facet(&mut self) {
        let facet = self.facet();
        let f = &mut self.filter;
        match facet {
            Facet::Text => f.text.clear(),
            Facet::Dossier => f.kamerstuk = None,
            Facet::Owner => f.owner = None,
            Facet::Tag => f.tag = None,
            Facet::Kind => f.kind = None,
            Facet::Status => f.status = None,
            Facet::Author => f.author = None,
            Facet::Detached => f.detached = None,
        }
    }

    /// Moves the current facet to the next or previous value; "any" sits
    /// before the first.
    fn step(&mut self, notes: &[Annotation], index: &NoteIndex, by: isize) {
        let facet = self.facet();
        let f = &mut self.filter;
        match facet {
            Facet::Text => {}
            // The Kamerstuk dossiers the notes are in: 32317, 21501-04.
            Facet::Dossier => {
                let mut numbers: Vec<String> = (0..notes.len())
                    .filter_map(|i| index.kamerstuk_of(i).map(str::to_string))
                    .collect();
                numbers.sort_by_key(|n| dossier_core::text::natural_key(n));
                numbers.dedup();
                f.kamerstuk = cycle(&numbers, &f.kamerstuk, by)
            }
            Facet::Owner => {
                f.owner = cycle(
                    &values(notes, |a| a.owner.iter().cloned().collect()),
                    &f.owner,
                    by,
                )
            }
            Facet::Tag => f.tag = cycle(&values(notes, |a| a.tags.clone()), &f.tag, by),
            Facet::Author => {
                f.author = cycle(&values(notes, |a| vec![a.author.clone()]), &f.author, by)
            }
            Facet::Kind => f.kind = cycle(&Kind::ALL, &f.kind, by),
            Facet::Status => f.status = cycle(&[Status::Open, Status::Done], &f.status, by),
            Facet::Detached => f.detached = cycle(&[true, false], &f.detached, by),
        }
    }
}

/// The distinct values some field takes in the notes, sorted.
fn values(notes: &[Annotation], of: impl Fn(&Annotation) -> Vec<String>) -> Vec<String> {
    let mut v: Vec<String> = notes.iter().flat_map(of).collect();
    v.sort();
    v.dedup();
    v
}

/// The value after (or before) `current` in `any, options...`, round.
fn cycle<T: Clone + PartialEq>(options: &[T], current: &Option<T>, by: isize) -> Option<T> {
    let n = options.len() as isize + 1;
    let at = match current {
        None => 0,
        Some(c) => options
            .iter()
            .position(|o| o == c)
            .map_or(0, |p| p as isize + 1),
    };
    let next = (at + by).rem_euclid(n);
    if next == 0 {
        None
    } else {
        options.get(next as usize - 1).cloned()
    }
}

#[cfg(test)]
mod tests;
