//! Section ids across versions of a document.
//!
//! A first import names each section by its heading under its parent's id
//! (see [`super::slug`]): `…/frontex/nederlandse-positie`. That name is
//! made from the source alone, so it is the same in every library, but a
//! corrected version may shift it (a heading shared with a new sibling, a
//! renumbered parent). So when a corrected version replaces a document the
//! library holds, its sections are matched with the earlier version's, and
//! each matched section answers to every id the earlier one had:
//!
//! - sections are matched under matched parents (the document itself at
//!   the top), never across them;
//! - a section and an earlier one are the same when they have the same
//!   heading, at least three tenths of their words in common, and the same
//!   place: the same nearest sibling before them with another heading
//!   (`Frontex` before `Nederlandse positie`), also once headings only one
//!   version has are passed over — in one version only: an item added or
//!   removed, not one replaced by another;
//! - or the same heading, unique among their siblings in both versions,
//!   and at least half their words in common (a section moved among its
//!   siblings);
//! - or the same place and the same text (a heading corrected);
//! - among several candidates the one that agrees best (heading, half the
//!   words in common, place, words in common, rank among its siblings),
//!   each earlier section once.
//!
//! A matched section is written with the id a first import gives it,
//! unless that id meant another section before; the ids it had are kept as
//! its `aliases`, so notes, links and the command line keep finding it. A
//! new section gets a new id, never one an earlier version used. The ids of
//! sections that are gone are kept in the document's `retired` list, so no
//! later section takes one of them and the notes on them stay detached.

use std::collections::{HashMap, HashSet};
use std::hash::{DefaultHasher, Hash, Hasher};

use crate::load::{NoFiles, SourceFile, load};
use crate::model::Corpus;
use crate::schema::{DossierFile, SectionRaw};

/// How many same-headed siblings on either side of its rank a section is
/// compared with: bounds the work where a heading recurs thousands of
/// times, and is more than any real document repeats one in a row.
const WINDOW: usize = 8;

/// The ids a version's sections are written with.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Carried {
    /// By a section's first-import id: its id and its earlier ids.
    by_fresh: HashMap<String, (String, Vec<String>)>,
    /// Ids of sections earlier versions had and this one has not.
    pub retired: Vec<String>,
}

impl Carried {
    /// The id and earlier ids of the section a first import calls `fresh`.
    pub fn section<'a>(&'a self, fresh: &'a str) -> (&'a str, &'a [String]) {
        match self.by_fresh.get(fresh) {
            Some((id, aliases)) => (id, aliases),
            None => (fresh, &[]),
        }
    }
}

/// The ids for `fresh` (a document's file as a first import writes it)
/// when it replaces `earlier` (the file the library holds). Nothing is
/// carried when the earlier file does not load as the same document.
pub fn carry(earlier: &str, fresh: &str, doc_id: &str) -> Carried {
    let (Some(old), Some(new)) = (Version::read(earlier, doc_id), Version::read(fresh, doc_id))
    else {
        return Carried::default();
    };
    let pairs = match_sections(&old, &new);

    // Every id the earlier version used, for any node, or kept as retired.
    let mut history: HashSet<String> = old.other_ids.iter().cloned().collect();
    for s in &old.secs {
        history.insert(s.id.clone());
        history.extend(s.aliases.iter().cloned());
    }
    let old_retired = old.retired.clone();
    history.extend(old_retired.iter().cloned());
    let fresh_ids: HashSet<&str> = new.secs.iter().map(|s| s.id.as_str()).collect();
    let mut used = history.clone();
    used.extend(new.other_ids.iter().cloned());

    // What the new file says, once each: a damaged earlier file may
    // repeat an id.
    let mut claimed: HashSet<String> = new.other_ids.iter().cloned().collect();
    let another = |fresh: &str, used: &HashSet<String>, claimed: &HashSet<String>| {
        (2..)
            .map(|k| format!("{fresh}-{k}"))
            .find(|c| !used.contains(c) && !claimed.contains(c) && !fresh_ids.contains(c.as_str()))
            .unwrap_or_default()
    };
    let mut by_fresh = HashMap::new();
    let mut old_kept = vec![false; old.secs.len()];
    for (n, o) in pairs.iter().enumerate() {
        let Some(o) = *o else { continue };
        old_kept[o] = true;
        let fresh = &new.secs[n].id;
        let before = &old.secs[o];
        let own = || std::iter::once(&before.id).chain(&before.aliases);
        let mut id = if !history.contains(fresh) || own().any(|i| i == fresh) {
            fresh.clone()
        } else {
            before.id.clone()
        };
        if claimed.contains(&id) {
            id = another(fresh, &used, &claimed);
        }
        claimed.insert(id.clone());
        used.insert(id.clone());
        by_fresh.insert(fresh.clone(), (id, Vec::new()));
    }
    // Earlier ids once every section has its own: an id is never an
    // alias of one section and the id of another.
    for (n, o) in pairs.iter().enumerate() {
        let (Some(o), Some((_, aliases))) = (*o, by_fresh.get_mut(&new.secs[n].id)) else {
            continue;
        };
        let before = &old.secs[o];
        *aliases = std::iter::once(&before.id)
            .chain(&before.aliases)
            .filter(|a| claimed.insert(a.to_string()))
            .cloned()
            .collect();
    }
    for (n, o) in pairs.iter().enumerate() {
        if o.is_some() {
            continue;
        }
        let fresh = &new.secs[n].id;
        if !history.contains(fresh) && !claimed.contains(fresh) {
            claimed.insert(fresh.clone());
            continue;
        }
        // Its first-import id meant something else before: a new one.
        let id = another(fresh, &used, &claimed);
        claimed.insert(id.clone());
        used.insert(id.clone());
        by_fresh.insert(fresh.clone(), (id, Vec::new()));
    }
    let mut seen: HashSet<String> = HashSet::new();
    let gone = old
        .secs
        .iter()
        .zip(&old_kept)
        .filter(|(_, kept)| !**kept)
        .flat_map(|(s, _)| std::iter::once(&s.id).chain(&s.aliases));
    let retired: Vec<String> = old_retired
        .iter()
        .chain(gone)
        .filter(|i| seen.insert(i.to_string()))
        .cloned()
        .collect();
    Carried { by_fresh, retired }
}

/// One document file loaded on its own.
pub(crate) fn load_one(text: &str) -> Corpus {
    let files = [SourceFile {
        path: "document.toml".into(),
        text: text.into(),
    }];
    load(&files, &NoFiles)
}

/// One section, as matching sees it.
struct Sec {
    id: String,
    aliases: Vec<String>,
    /// The heading's slug.
    heading: String,
    /// The heading of the nearest sibling before with another heading.
    before: Option<String>,
    /// Its rank among the siblings with its heading.
    rank: usize,
    /// Hashes of its words, lower case, sorted.
    words: Vec<u64>,
}

/// A version's sections, and which are under which.
struct Version {
    secs: Vec<Sec>,
    /// `children[0]`: the document's own sections; `children[i + 1]`:
    /// section `i`'s.
    children: Vec<Vec<usize>>,
    /// The ids of its other nodes: the document, annexes, footnotes.
    other_ids: Vec<String>,
    retired: Vec<String>,
}

impl Version {
    /// The document file's sections as written (their text in the markup:
    /// both versions are compared alike). `None` when the file does not
    /// parse or is not the document `doc_id`.
    fn read(file: &str, doc_id: &str) -> Option<Version> {
        let parsed: DossierFile = toml::from_str(file).ok()?;
        let head = parsed.dossier?.into_inner();
        if *head.id.get_ref() != doc_id {
            return None;
        }
        // Only ids the loader takes are carried: a damaged file's others
        // are left behind (a section with a bad id, with what is under
        // it, as the loader leaves it).
        let valid = |id: &str| {
            id.strip_prefix(doc_id)
                .and_then(|r| r.strip_prefix('/'))
                .is_some_and(|r| crate::load::valid_slug(r, true))
        };
        let mut v = Version {
            secs: Vec::new(),
            children: vec![Vec::new()],
            other_ids: vec![doc_id.to_string()],
            retired: head.retired.into_iter().filter(|r| valid(r)).collect(),
        };
        v.other_ids
            .extend(head.aliases.into_iter().map(|a| a.into_inner()));
        for a in &parsed.annex {
            let a = a.get_ref();
            v.other_ids.push(a.id.get_ref().clone());
            v.other_ids
                .extend(a.section.iter().map(|s| s.get_ref().id.get_ref().clone()));
            v.other_ids
                .extend(a.footnote.iter().map(|f| f.get_ref().id.get_ref().clone()));
        }
        v.other_ids.extend(
            parsed
                .footnote
                .iter()
                .map(|f| f.get_ref().id.get_ref().clone()),
        );
        // (section, slot in `children` of its parent); pushed in reverse
        // so they come off in the file's order.
        let mut stack: Vec<(&SectionRaw, usize)> = parsed
            .section
            .iter()
            .rev()
            .map(|s| (s.get_ref(), 0))
            .collect();
        while let Some((raw, slot)) = stack.pop() {
            if !valid(raw.id.get_ref()) {
                continue;
            }
            let me = v.secs.len();
            let text = raw
                .text
                .as_ref()
                .map(|t| t.get_ref().as_str())
                .unwrap_or("");
            v.secs.push(Sec {
                id: raw.id.get_ref().clone(),
                aliases: raw
                    .aliases
                    .iter()
                    .map(|a| a.get_ref().clone())
                    .filter(|a| valid(a))
                    .collect(),
                heading: super::slug::slug(&raw.title),
                before: None,
                rank: 0,
                words: words(text),
            });
            v.children[slot].push(me);
            v.children.push(Vec::new());
            stack.extend(raw.section.iter().rev().map(|s| (s.get_ref(), me + 1)));
        }
        for list in &v.children {
            let mut seen: HashMap<String, usize> = HashMap::new();
            let mut before: Option<String> = None;
            for (k, &i) in list.iter().enumerate() {
                if k > 0 {
                    let prev = v.secs[list[k - 1]].heading.clone();
                    if prev != v.secs[i].heading {
                        before = Some(prev);
                    }
                }
                let r = seen.entry(v.secs[i].heading.clone()).or_default();
                v.secs[i].rank = *r;
                *r += 1;
                v.secs[i].before = before.clone();
            }
        }
        Some(v)
    }
}

fn words(text: &str) -> Vec<u64> {
    let mut out: Vec<u64> = text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(|w| {
            let mut h = DefaultHasher::new();
            w.to_lowercase().hash(&mut h);
            h.finish()
        })
        .collect();
    out.sort_unstable();
    out
}

/// Words in common, in thousandths: twice the shared words over both
/// counts (1000 for two empty texts).
fn common(a: &[u64], b: &[u64]) -> u32 {
    if a.is_empty() && b.is_empty() {
        return 1000;
    }
    let (mut i, mut j, mut shared) = (0, 0, 0usize);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                shared += 1;
                i += 1;
                j += 1;
            }
        }
    }
    (2000 * shared / (a.len() + b.len())) as u32
}

/// For each of the `list`'s sections, the heading of the nearest sibling
/// before it with another heading, passing over headings `shared` says the
/// other version lacks.
fn shared_before<'v>(
    v: &'v Version,
    list: &[usize],
    shared: impl Fn(&str) -> bool,
) -> HashMap<usize, Option<&'v str>> {
    let mut out = HashMap::with_capacity(list.len());
    let (mut last, mut distinct): (Option<&str>, Option<&str>) = (None, None);
    for &i in list {
        let h = v.secs[i].heading.as_str();
        out.insert(i, if last != Some(h) { last } else { distinct });
        if shared(h) && last != Some(h) {
            distinct = last;
            last = Some(h);
        }
    }
    out
}

/// How well two sections agree, best greatest: the same heading, half
/// their words in common, the same place, words in common (thousandths),
/// nearness of rank.
type Agreement = (bool, bool, bool, u32, std::cmp::Reverse<usize>);

/// For each section of `new`, the section of `old` it is.
fn match_sections(old: &Version, new: &Version) -> Vec<Option<usize>> {
    let mut pair: Vec<Option<usize>> = vec![None; new.secs.len()];
    let mut taken = vec![false; old.secs.len()];
    // Sibling lists to match: (slot in old.children, slot in new.children).
    let mut queue: Vec<(usize, usize)> = vec![(0, 0)];
    while let Some((os, ns)) = queue.pop() {
        let olds = &old.children[os];
        let news = &new.children[ns];
        let mut by_heading: HashMap<&str, Vec<usize>> = HashMap::new();
        let mut by_words: HashMap<&[u64], Vec<usize>> = HashMap::new();
        for &o in olds {
            by_heading
                .entry(old.secs[o].heading.as_str())
                .or_default()
                .push(o);
            if !old.secs[o].words.is_empty() {
                by_words
                    .entry(old.secs[o].words.as_slice())
                    .or_default()
                    .push(o);
            }
        }
        let mut new_count: HashMap<&str, usize> = HashMap::new();
        for &n in news {
            *new_count.entry(new.secs[n].heading.as_str()).or_default() += 1;
        }
        let old_before = shared_before(old, olds, |h| new_count.contains_key(h));
        let new_before = shared_before(new, news, |h| by_heading.contains_key(h));
        let mut candidates: Vec<(Agreement, usize, usize)> = Vec::new();
        for &n in news {
            let s = &new.secs[n];
            let same = by_heading.get(s.heading.as_str());
            let unique =
                same.is_some_and(|v| v.len() == 1) && new_count.get(s.heading.as_str()) == Some(&1);
            // A bucket holds the siblings with one heading in rank order.
            let near = same.map_or(&[][..], |v| {
                let lo = s.rank.saturating_sub(WINDOW).min(v.len());
                let hi = (s.rank + WINDOW + 1).clamp(lo, v.len());
                &v[lo..hi]
            });
            for &o in near {
                let e = &old.secs[o];
                let words = common(&e.words, &s.words);
                // The same sibling before; or the same once headings only
                // one version has are passed over (an item added, or one
                // removed) — on both sides (Europol gone, Drones come) it
                // is another item. And words in common to show for it: a
                // place alone is taken by whatever is inserted there.
                let place = e.before == s.before;
                let (ob, nb) = (old_before[&o], new_before[&n]);
                let both = ob != e.before.as_deref() && nb != s.before.as_deref();
                let shifted = !both && ob == nb;
                if ((place || shifted) && words >= 300) || (unique && words >= 500) {
                    let key = (
                        true,
                        words >= 500,
                        place || shifted,
                        words,
                        std::cmp::Reverse(e.rank.abs_diff(s.rank)),
                    );
                    candidates.push((key, o, n));
                }
            }
            // A heading corrected: the same text at the same place.
            let retitled = by_words.get(s.words.as_slice()).into_iter().flatten();
            for &o in retitled.take(2 * WINDOW) {
                let e = &old.secs[o];
                if e.heading != s.heading && e.before == s.before {
                    candidates.push(((false, true, true, 1000, std::cmp::Reverse(0)), o, n));
                }
            }
        }
        candidates.sort_by(|a, b| b.0.cmp(&a.0).then(a.2.cmp(&b.2)).then(a.1.cmp(&b.1)));
        for (_, o, n) in candidates {
            if taken[o] || pair[n].is_some() {
                continue;
            }
            taken[o] = true;
            pair[n] = Some(o);
            queue.push((o + 1, n + 1));
        }
    }
    pair
}

#[cfg(test)]
pub(crate) mod tests;
