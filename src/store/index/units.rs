//! What the index holds of a corpus: one unit per document (a letter,
//! motie or other Kamerstuk of the library) and per topic of a letter,
//! with the fields a search ranks by and the passages it shows.

use dossier_core::model::LetterMeta;
use dossier_core::{BodyError, Corpus, NodeIdx};
use serde::{Deserialize, Serialize};

/// One search result to be: a root of the tree and everything under it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unit {
    /// The root's id: `kst-21501-04-287`, `ebsp`.
    pub id: String,
    /// The file it was loaded from: an import replaces its units.
    pub file: String,
    /// Title, and the subject where the metadata gives one.
    pub title: String,
    /// Submitters, senders and signatories.
    pub people: Vec<String>,
    /// The Kamerstuk dossier's title, `JBZ-Raad`.
    pub dossier_title: String,
    /// Dossier numbers and Kamerstukken, in the query's notation
    /// ([`super::query::ident_of`]).
    pub idents: Vec<String>,
    /// What is shown and searched as passages.
    pub shown: Shown,
}

/// The stored part of a unit: enough to show a hit without the corpus.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Shown {
    pub title: String,
    pub kind: String,
    /// Id and title of every node under the unit, the root first.
    pub nodes: Vec<(String, String)>,
    /// Node (in `nodes`), paragraph (`None` for the node's title), text.
    pub passages: Vec<(u32, Option<u32>, String)>,
}

/// The units of a corpus, in root order, and the nodes whose text could
/// not be read (indexed by their titles alone).
pub fn of(corpus: &Corpus) -> (Vec<Unit>, Vec<BodyError>) {
    let mut unreadable = Vec::new();
    let units = corpus
        .roots
        .iter()
        .map(|&r| unit(corpus, r, &mut unreadable))
        .collect();
    (units, unreadable)
}

fn unit(c: &Corpus, root: NodeIdx, unreadable: &mut Vec<BodyError>) -> Unit {
    let node = c.node(root);
    let meta: Option<&LetterMeta> = node
        .letter
        .as_deref()
        .or_else(|| node.source.and_then(|s| c.node(s).letter.as_deref()));
    let extra = meta.map(extra_fields).unwrap_or_default();
    let mut title = node.title.clone();
    if let Some(subject) = &extra.subject
        && !title.contains(subject.as_str())
    {
        title.push_str(" — ");
        title.push_str(subject);
    }
    let mut people = extra.submitters.clone();
    if let Some(m) = meta {
        people.extend(m.sender.iter().cloned());
        people.extend(m.signatories.iter().map(|s| s.name.clone()));
    }
    let mut shown = Shown {
        title: node.title.clone(),
        // A document by its kind (`motie`, `brief`, …), a topic as such.
        kind: meta.filter(|_| node.letter.is_some()).map_or_else(
            || node.kind.as_str().to_string(),
            |m| m.kind().key().to_string(),
        ),
        ..Shown::default()
    };
    for (n, i) in c.descendants(root).into_iter().enumerate() {
        let d = c.node(i);
        let n = n as u32;
        shown.nodes.push((d.id.clone(), d.title.clone()));
        shown.passages.push((n, None, d.title.clone()));
        match d.document() {
            Ok(doc) => {
                for (p, para) in doc.paragraphs.iter().enumerate() {
                    let text = para.plain();
                    if !text.trim().is_empty() {
                        shown.passages.push((n, Some(p as u32), text));
                    }
                }
            }
            Err(e) => unreadable.push(e),
        }
    }
    Unit {
        id: node.id.clone(),
        file: node.file.to_string(),
        title,
        people,
        dossier_title: meta
            .and_then(|m| m.dossier_title.clone())
            .unwrap_or_default(),
        idents: meta.map(idents).unwrap_or_default(),
        shown,
    }
}

/// Fields the metadata may carry beyond those this program names: read by
/// name, so that a reader that adds them gets them indexed.
#[derive(Debug, Default, Deserialize)]
struct Extra {
    #[serde(default)]
    subject: Option<String>,
    #[serde(default)]
    submitters: Vec<String>,
}

fn extra_fields(meta: &LetterMeta) -> Extra {
    serde_json::to_value(meta)
        .ok()
        .and_then(|v| serde_json::from_value::<Extra>(v).ok())
        .unwrap_or_default()
}

/// A document's dossier number (with and without its sub-number, each
/// number of a joint dossier) and its Kamerstuk.
fn idents(meta: &LetterMeta) -> Vec<String> {
    let Some(k) = &meta.kamerstuk else {
        return Vec::new();
    };
    let norm = |s: &str| -> String {
        s.chars()
            .filter(|c| !c.is_whitespace())
            .flat_map(char::to_lowercase)
            .collect()
    };
    let mut out = vec![k.key()];
    for dossier in k.dossier.split('/') {
        let d = norm(dossier);
        if let Some((main, _)) = d.split_once('-') {
            out.push(main.to_string());
        }
        out.push(d);
    }
    out.dedup();
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_built_in_letter_gives_its_topics_with_its_identity() {
        let c = crate::store::dossiers::load_built_in();
        let (units, unreadable) = of(&c);
        assert!(unreadable.is_empty());
        let ids: Vec<&str> = units.iter().map(|u| u.id.as_str()).collect();
        for id in ["kst-32317-987", "ebsp", "motie-ram"] {
            assert!(ids.contains(&id), "{ids:?}");
        }
        let ebsp = units.iter().find(|u| u.id == "ebsp").unwrap();
        assert!(ebsp.idents.contains(&"32317-987".to_string()), "{ebsp:?}");
        assert!(ebsp.idents.contains(&"32317".to_string()), "{ebsp:?}");
        assert_eq!(ebsp.shown.nodes[0].0, "ebsp");
        assert!(ebsp.shown.passages.len() > 3);
    }
}
