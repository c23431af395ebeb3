//! Merging another person's notes into one's own, by id: new notes are
//! added, a newer version (by `updated`) replaces an older one, identical
//! ones change nothing, and where the two cannot be ordered or ours is newer
//! the difference is reported and ours kept. The author and creation time
//! of a note already held are never changed by a merge: a note stays the
//! note of whoever wrote it.

use std::collections::HashMap;

use crate::annotation::Annotation;

/// Why an incoming note was not taken although it differs from ours.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ConflictReason {
    /// Ours was changed later than theirs.
    OursNewer,
    /// Both were changed at the same moment but differ.
    SameTime,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Conflict {
    pub id: String,
    pub reason: ConflictReason,
}

/// What a merge would do. `added` and `updated` hold the notes to store.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct MergeReport {
    pub added: Vec<Annotation>,
    pub updated: Vec<Annotation>,
    pub unchanged: Vec<String>,
    pub conflicts: Vec<Conflict>,
}

impl MergeReport {
    /// Whether storing the result would change anything.
    pub fn changes_nothing(&self) -> bool {
        self.added.is_empty() && self.updated.is_empty()
    }
}

/// Compares `incoming` with `existing`; changes neither. Notes are taken
/// in the order given, so a file with two versions of one note ends with
/// the newer one.
pub fn merge(existing: &[Annotation], incoming: &[Annotation]) -> MergeReport {
    let mut current: HashMap<&str, Annotation> = existing
        .iter()
        .map(|n| (n.id.as_str(), n.clone()))
        .collect();
    let mut added: Vec<&str> = Vec::new();
    let mut updated: Vec<&str> = Vec::new();
    let mut report = MergeReport::default();
    for incoming_note in incoming {
        let id = incoming_note.id.as_str();
        let Some(ours) = current.get(id) else {
            added.push(id);
            current.insert(id, incoming_note.clone());
            continue;
        };
        let mut theirs = incoming_note.clone();
        theirs.author.clone_from(&ours.author);
        theirs.created = ours.created;
        if &theirs == ours {
            report.unchanged.push(theirs.id);
        } else if theirs.updated > ours.updated {
            if !added.contains(&id) && !updated.contains(&id) {
                updated.push(id);
            }
            current.insert(id, theirs);
        } else {
            let reason = if theirs.updated < ours.updated {
                ConflictReason::OursNewer
            } else {
                ConflictReason::SameTime
            };
            report.conflicts.push(Conflict {
                id: theirs.id,
                reason,
            });
        }
    }
    let take = |ids: &[&str]| {
        ids.iter()
            .filter_map(|id| current.get(id).cloned())
            .collect::<Vec<_>>()
    };
    report.added = take(&added);
    report.updated = take(&updated);
    report
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::export::tests::note;

    fn later(mut n: Annotation, secs: i64, body: &str) -> Annotation {
        n.updated = n
            .updated
            .checked_add(jiff::SignedDuration::from_secs(secs))
            .unwrap();
        n.body = body.to_string();
        n
    }

    #[test]
    fn new_notes_are_added_and_a_second_import_changes_nothing() {
        let theirs = vec![note("a", "b", "b/s1"), note("b", "b", "b")];
        let r = merge(&[], &theirs);
        assert_eq!(r.added, theirs);
        let r = merge(&theirs, &theirs);
        assert!(r.changes_nothing());
        assert_eq!(r.unchanged, ["a", "b"]);
        assert!(r.conflicts.is_empty());
    }

    #[test]
    fn the_newer_version_wins_and_the_author_stays() {
        let ours = note("a", "b", "b/s1");
        let mut theirs = later(ours.clone(), 60, "hun versie");
        theirs.author = "Collega".into();
        let r = merge(std::slice::from_ref(&ours), std::slice::from_ref(&theirs));
        assert_eq!(r.updated.len(), 1);
        assert_eq!(r.updated[0].body, "hun versie");
        assert_eq!(r.updated[0].author, ours.author);
        // Ours newer: kept, reported.
        let newer_ours = later(ours.clone(), 120, "onze versie");
        let r = merge(std::slice::from_ref(&newer_ours), &[theirs]);
        assert!(r.changes_nothing());
        assert_eq!(
            r.conflicts,
            [Conflict {
                id: "a".into(),
                reason: ConflictReason::OursNewer
            }]
        );
        // Same moment, different text: cannot tell, ours kept.
        let same_time = later(ours.clone(), 0, "anders");
        let r = merge(&[ours], &[same_time]);
        assert!(r.changes_nothing());
        assert_eq!(r.conflicts[0].reason, ConflictReason::SameTime);
    }

    #[test]
    fn two_versions_in_one_file_end_with_the_newer() {
        let a = note("a", "b", "b/s1");
        let r = merge(
            &[],
            &[
                a.clone(),
                later(a.clone(), 5, "nieuw"),
                later(a, 1, "tussen"),
            ],
        );
        assert_eq!(r.added.len(), 1);
        assert_eq!(r.added[0].body, "nieuw");
        assert!(r.updated.is_empty());
        assert_eq!(r.conflicts.len(), 1);
    }
}
