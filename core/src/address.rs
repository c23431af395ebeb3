//! Where a node is published: the official address a reader opens in the
//! browser, and the citation a copied passage carries.

use crate::export::{Source, note_source_of};
use crate::lang::Lang;
use crate::model::{Corpus, NodeIdx};

/// The official address of a node: its own (an annex's, a reference's),
/// else that of the Kamerstuk a reference cites, else that of the
/// document it is in.
pub fn address(c: &Corpus, idx: NodeIdx) -> Option<String> {
    let n = c.node(idx);
    if let Some(u) = &n.url {
        return Some(u.to_string());
    }
    if let Some(r) = &n.reference {
        return Some(r.kamerstuk().url());
    }
    let doc = c.letter_of(idx)?;
    let m = c.node(doc).letter.as_deref()?;
    m.url
        .clone()
        .or_else(|| m.kamerstuk.as_ref().map(|k| k.url()))
}

/// How a passage of node `idx` is cited: `Brief van 17 december 2025,
/// Kamerstukken II 2025/26, 32317, nr. 987, kenmerk 7010422`.
pub fn citation(c: &Corpus, idx: NodeIdx, lang: Lang) -> Option<String> {
    let dossier = c
        .root_of(idx)
        .map(|r| c.node(r).id.clone())
        .unwrap_or_default();
    let source: Source = note_source_of(c, &dossier, idx);
    crate::export::cite(&source, lang)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::export::tests::corpus;

    #[test]
    fn a_reference_is_at_its_kamerstuk_and_a_topic_cites_its_letter() {
        let c = corpus();
        assert_eq!(
            address(&c, c.get("ref-1").unwrap()).as_deref(),
            Some("https://zoek.officielebekendmakingen.nl/kst-32317-978.html")
        );
        let cite = citation(&c, c.get("b/s1").unwrap(), Lang::Nl).unwrap();
        assert!(cite.starts_with("Brief van 17 december 2025"), "{cite}");
        assert!(cite.contains("kenmerk 7010422"), "{cite}");
    }
}
