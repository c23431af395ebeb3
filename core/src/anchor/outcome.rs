//! What a new version of a document did to the notes on it: found again
//! where they were, moved with their section, or detached.

use std::collections::HashMap;

use serde::Serialize;

use super::{Anchor, resolve};
use crate::annotation::Annotation;
use crate::import::ids::load_one;
use crate::model::{Corpus, NodeIdx};

/// Counts over the notes that were attached to the earlier version; notes
/// already detached before are left out.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct NoteOutcomes {
    /// Found again on their section, which stands where it stood.
    pub reanchored: usize,
    /// Found again on their section, which now stands elsewhere in the
    /// document or has another id (the note's id still finds it).
    pub moved: usize,
    /// Their section, or their passage with its context, is gone.
    pub detached: usize,
}

impl NoteOutcomes {
    pub fn total(&self) -> usize {
        self.reanchored + self.moved + self.detached
    }

    /// `2 re-anchored, 1 moved with their section, 1 detached`.
    pub fn render(&self) -> String {
        format!(
            "{} re-anchored, {} moved with their section, {} detached",
            self.reanchored, self.moved, self.detached
        )
    }
}

/// One document replaced: its id, the earlier file and the new one.
#[derive(Debug, Clone, Copy)]
pub struct Replaced<'a> {
    pub id: &'a str,
    pub earlier: &'a str,
    pub now: &'a str,
}

/// For each replaced document, what became of the notes on it. A note is
/// on a document when its node's id is the document's or under it (a
/// section's earlier id included).
pub fn outcomes(notes: &[Annotation], replaced: &[Replaced]) -> Vec<NoteOutcomes> {
    let by_id: HashMap<&str, usize> = replaced
        .iter()
        .enumerate()
        .map(|(i, r)| (r.id, i))
        .collect();
    let mut on: Vec<Vec<&Annotation>> = vec![Vec::new(); replaced.len()];
    for a in notes {
        let head = a.target.node.split('/').next().unwrap_or("");
        if let Some(&i) = by_id.get(head) {
            on[i].push(a);
        }
    }
    replaced
        .iter()
        .zip(on)
        .map(|(r, notes)| {
            if notes.is_empty() {
                return NoteOutcomes::default();
            }
            let old = load_one(r.earlier);
            let new = load_one(r.now);
            let mut out = NoteOutcomes::default();
            for a in notes {
                match outcome(&old, &new, a) {
                    Some(Outcome::Reanchored) => out.reanchored += 1,
                    Some(Outcome::Moved) => out.moved += 1,
                    Some(Outcome::Detached) => out.detached += 1,
                    None => {}
                }
            }
            out
        })
        .collect()
}

enum Outcome {
    Reanchored,
    Moved,
    Detached,
}

/// `None` for a note that was not attached before.
fn outcome(old: &Corpus, new: &Corpus, a: &Annotation) -> Option<Outcome> {
    let was = old.get(&a.target.node)?;
    if !attached(old, was, a) {
        return None;
    }
    let Some(now) = new.get(&a.target.node) else {
        return Some(Outcome::Detached);
    };
    if !attached(new, now, a) {
        return Some(Outcome::Detached);
    }
    let same_id = new.node(now).id == old.node(was).id;
    Some(if same_id && place(old, was) == place(new, now) {
        Outcome::Reanchored
    } else {
        Outcome::Moved
    })
}

fn attached(c: &Corpus, node: NodeIdx, a: &Annotation) -> bool {
    match (&a.target.quote, c.body(node)) {
        (None, _) => true,
        (Some(q), Ok(d)) => resolve(q, &d.plain()) != Anchor::Detached,
        (Some(_), Err(_)) => false,
    }
}

/// Where a node stands: its rank among its parent's children of its kind,
/// for it and each parent up to the document.
fn place(c: &Corpus, node: NodeIdx) -> Vec<usize> {
    let mut out = Vec::new();
    let mut at = node;
    while let Some(p) = c.node(at).parent {
        let kind = c.node(at).kind;
        let rank = c
            .node(p)
            .children
            .iter()
            .filter(|&&k| c.node(k).kind == kind)
            .position(|&k| k == at)
            .unwrap_or(0);
        out.push(rank);
        at = p;
    }
    out
}

#[cfg(test)]
mod tests;
