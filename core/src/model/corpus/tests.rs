use super::*;
use crate::model::{Body, BodySource, Paragraph, Span};

#[test]
fn every_id_is_found_and_no_other() {
    let node = |id: &str| {
        Node::new(
            id,
            NodeKind::Section,
            String::new(),
            "",
            Document::default(),
        )
    };
    let ids: Vec<String> = (0..5000).map(|i| format!("d{i}/s{}", i % 7)).collect();
    let mut c = Corpus {
        nodes: ids
            .iter()
            .map(|id| node(id))
            .chain([node("d1/s1")])
            .collect(),
        ..Corpus::default()
    };
    c.reindex();
    for (i, id) in ids.iter().enumerate().skip(2) {
        assert_eq!(c.get(id), Some(i), "{id}");
    }
    // A repeated id is found at its later place, as a map would.
    assert_eq!(c.get("d1/s1"), Some(5000));
    for missing in ["", "d5000/s2", "d1/s2", "D1/s1"] {
        assert_eq!(c.get(missing), None, "{missing}");
    }
    assert_eq!(Corpus::default().get("x"), None);
}

#[test]
fn a_held_body_is_no_larger_than_its_document() {
    assert_eq!(std::mem::size_of::<Body>(), std::mem::size_of::<Document>());
}

/// Counts its reads; the body at 7 cannot be read.
struct Source(std::sync::atomic::AtomicUsize);

const GONE: &str = "cache.bin: block at byte 40: gone";

impl BodySource for Source {
    fn body(&self, at: u64) -> Result<Document, String> {
        self.0.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
        if at == 7 {
            return Err(GONE.into());
        }
        Ok(Document {
            paragraphs: vec![Paragraph {
                spans: vec![Span::Text(format!("tekst {at}").into())].into(),
            }],
        })
    }
}

fn reads(source: &Source) -> usize {
    source.0.load(std::sync::atomic::Ordering::SeqCst)
}

#[test]
fn a_lazy_body_is_read_once_and_as_a_document() {
    let source = std::sync::Arc::new(Source(Default::default()));
    let body = Body::lazy(source.clone(), 3);
    assert_eq!(reads(&source), 0);
    assert_eq!(body.get().map(Document::plain), Ok("tekst 3".into()));
    assert_eq!(body.get().map(Document::plain), Ok("tekst 3".into()));
    assert_eq!(reads(&source), 1);
    let mut lazy = Body::lazy(source.clone(), 4);
    assert!(lazy.held_mut().is_none());
    let mut held = Body::from(Document::default());
    assert!(held.held_mut().is_some());
}

#[test]
fn a_body_that_cannot_be_read_is_an_error_naming_its_node_never_text() {
    let source = std::sync::Arc::new(Source(Default::default()));
    let node = |id: &str, at: u64| {
        Node::new(
            id,
            NodeKind::Section,
            "Titel".into(),
            "d.toml",
            Document::default(),
        )
        .with_body(Body::lazy(source.clone(), at))
    };
    let mut c = Corpus {
        nodes: vec![node("d/goed", 3), node("d/kwijt", 7)],
        ..Corpus::default()
    };
    c.reindex_with_links(&[Vec::new(), Vec::new()]);
    let broken = c.get("d/kwijt").unwrap();
    let e = c.body(broken).unwrap_err();
    assert_eq!(e.node, "d/kwijt");
    assert_eq!(e.reason, GONE);
    assert_eq!(
        e.to_string(),
        format!("d/kwijt: the text cannot be read: {GONE}")
    );
    // Asked again (as every frame does), the failure is remembered.
    let before = reads(&source);
    assert_eq!(c.body(broken).unwrap_err(), e);
    assert_eq!(reads(&source), before);
    // No text of the corpus holds the error.
    let good = c.body(c.get("d/goed").unwrap()).unwrap();
    assert_eq!(good.plain(), "tekst 3");
    for n in &c.nodes {
        if let Ok(d) = n.document() {
            assert!(!d.plain().contains("gone"), "{}", d.plain());
        }
    }
    // Nor is it written out as text.
    assert!(serde_json::to_string(&c.nodes[broken]).is_err());
}
