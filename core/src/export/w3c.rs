//! The W3C Web Annotation Data Model: an `AnnotationCollection` (JSON-LD)
//! whose items are the notes, each an `Annotation` with
//!
//! - `TextualBody` bodies: the note (`purpose: commenting`) and one per tag
//!   (`purpose: tagging`);
//! - a `SpecificResource` target: `source` the node's stable URI, `scope`
//!   the dossier the note was made in, and for a passage a
//!   `TextQuoteSelector` (exact, prefix, suffix) and a `TextPositionSelector`
//!   (start, end, in characters of the node's text);
//! - `creator`, `created`, `modified`, a `motivation`;
//! - kind, status, owner, due date (and on a quote whether its words were
//!   ambiguous) as `dossier:` terms (an extra context
//!   defines the prefix), so that our own import loses nothing.
//!
//! URIs (docs/export-formats.md):
//! a node is `urn:dossier:<letter reference>:<node id>`, e.g.
//! `urn:dossier:7010422:ebsp/uitkomst-onderhandelingen` (`-` where the
//! letter is not known); a note is `urn:dossier:note:<note id>`. Anything
//! but letters, digits and `-._~/` is percent-encoded.

use std::io::{self, Write};

use serde_json::{Value, json};

use crate::Corpus;
use crate::annotation::{Annotation, Kind};

pub const CONTEXT: &str = "http://www.w3.org/ns/anno.jsonld";
/// What the `dossier:` prefix stands for.
pub const TERMS: &str = "urn:dossier:terms:";
pub const URN: &str = "urn:dossier:";
pub const NOTE_URN: &str = "urn:dossier:note:";
/// Stands for the letter reference where none is known.
pub const NO_LETTER: &str = "-";
pub const COLLECTION_ID: &str = "urn:dossier:notes";

pub fn write(mut out: impl Write, notes: &[Annotation], corpus: &Corpus) -> io::Result<()> {
    let items: Vec<Value> = notes.iter().map(|n| annotation(n, corpus)).collect();
    let mut collection = json!({
        "@context": CONTEXT,
        "id": COLLECTION_ID,
        "type": "AnnotationCollection",
        "label": "dossier notes",
        "total": items.len(),
    });
    if !items.is_empty() {
        collection["first"] = json!({
            "id": format!("{COLLECTION_ID}:page-1"),
            "type": "AnnotationPage",
            "startIndex": 0,
            "items": items,
        });
    }
    super::safe_json::to_writer_pretty(&mut out, &collection)?;
    writeln!(out)
}

/// One note as a W3C Annotation.
pub fn annotation(n: &Annotation, corpus: &Corpus) -> Value {
    let mut bodies = vec![
        json!({"type": "TextualBody", "purpose": "commenting", "format": "text/plain", "value": n.body}),
    ];
    bodies.extend(
        n.tags
            .iter()
            .map(|t| json!({"type": "TextualBody", "purpose": "tagging", "value": t})),
    );
    let mut target = json!({
        "type": "SpecificResource",
        "source": node_uri(corpus, &n.target.dossier, &n.target.node),
        "scope": node_uri(corpus, &n.target.dossier, &n.target.dossier),
    });
    // The document by its official citation and kind, for the reader.
    let source = super::group::note_source(corpus, n).to_json();
    if source.as_object().is_some_and(|o| !o.is_empty()) {
        target["dossier:document"] = source;
    }
    if let Some(q) = &n.target.quote {
        let mut quote = json!({"type": "TextQuoteSelector", "exact": q.exact});
        if !q.prefix.is_empty() {
            quote["prefix"] = json!(q.prefix);
        }
        if !q.suffix.is_empty() {
            quote["suffix"] = json!(q.suffix);
        }
        if q.ambiguous {
            quote["dossier:ambiguous"] = json!(true);
        }
        target["selector"] =
            json!([quote, {"type": "TextPositionSelector", "start": q.start, "end": q.end}]);
    }
    let motivation = if n.kind == Kind::Question {
        "questioning"
    } else {
        "commenting"
    };
    let mut a = json!({
        "@context": [CONTEXT, {"dossier": TERMS}],
        "id": format!("{NOTE_URN}{}", encode(&n.id)),
        "type": "Annotation",
        "motivation": motivation,
        "created": n.created.to_string(),
        "modified": n.updated.to_string(),
        "creator": {"type": "Person", "name": n.author},
        "body": bodies,
        "target": target,
        "dossier:kind": n.kind.as_str(),
        "dossier:status": n.status.as_str(),
    });
    if let Some(owner) = &n.owner {
        a["dossier:owner"] = json!(owner);
    }
    if let Some(due) = n.due {
        a["dossier:due"] = json!(due.to_string());
    }
    a
}

/// The stable URI of a node: its letter's reference and its id. The letter
/// is the node's own, or for a reference the one of the dossier the note was
/// made in.
pub fn node_uri(corpus: &Corpus, dossier: &str, node: &str) -> String {
    let letter_of = |id: &str| corpus.get(id).and_then(|i| corpus.letter_of(i));
    let reference = letter_of(node)
        .or_else(|| letter_of(dossier))
        .and_then(|l| corpus.node(l).letter.as_ref())
        .and_then(|m| {
            m.reference
                .as_deref()
                .map(|r| r.trim().to_string())
                .filter(|r| !r.is_empty())
                .or_else(|| m.kamerstuk.as_ref().map(|k| k.id()))
        })
        .unwrap_or_else(|| NO_LETTER.to_string());
    format!("{URN}{}:{}", encode(&reference), encode(node))
}

/// Splits a node URI into its letter reference and node id.
pub fn parse_node_uri(uri: &str) -> Option<(String, String)> {
    let rest = uri.strip_prefix(URN)?;
    let (reference, node) = rest.split_once(':')?;
    let node = decode(node)?;
    if node.is_empty() || reference == "note" {
        return None;
    }
    Some((decode(reference)?, node))
}

/// Percent-encodes all but unreserved characters and `/`.
pub fn encode(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~' | b'/') {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// Undoes [`encode`]; `None` for a broken escape or bytes that are not UTF-8.
pub fn decode(s: &str) -> Option<String> {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = std::str::from_utf8(bytes.get(i + 1..i + 3)?).ok()?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn uris_encode_and_decode() {
        assert_eq!(encode("ebsp/fn-2"), "ebsp/fn-2");
        assert_eq!(encode("a b:ë"), "a%20b%3A%C3%AB");
        assert_eq!(decode("a%20b%3A%C3%AB").as_deref(), Some("a b:ë"));
        assert_eq!(decode("%zz"), None);
        assert_eq!(decode("%C3"), None);
        assert_eq!(
            parse_node_uri("urn:dossier:7010422:ebsp/fn-2"),
            Some(("7010422".into(), "ebsp/fn-2".into()))
        );
        assert_eq!(parse_node_uri("urn:dossier:note:n1"), None);
        assert_eq!(parse_node_uri("https://example.org/x"), None);
    }

    #[test]
    fn node_uris_name_the_letter() {
        let c = crate::export::tests::corpus();
        assert_eq!(node_uri(&c, "b", "b/s1"), "urn:dossier:7010422:b/s1");
        assert_eq!(node_uri(&c, "b", "ref-1"), "urn:dossier:7010422:ref-1");
        assert_eq!(node_uri(&c, "ref-1", "ref-1"), "urn:dossier:-:ref-1");
    }
}
