//! A node's kind and, for a document, its kind, in the one byte the
//! index keeps per node.

use crate::doc_kind::DocKind;
use crate::model::NodeKind;

/// A node's kind in the low three bits, a document's kind
/// ([`DocKind::code`] + 1) above them.
pub(crate) fn kind_code(k: NodeKind, doc: Option<DocKind>) -> u8 {
    let doc = doc.map_or(0, |d| (d.code() + 1) << 3);
    doc | match k {
        NodeKind::Letter => 0,
        NodeKind::Dossier => 1,
        NodeKind::Section => 2,
        NodeKind::Footnote => 3,
        NodeKind::Annex => 4,
        NodeKind::Reference => 5,
    }
}

/// The document's kind of a node's code, where it is a document.
pub(crate) fn doc_kind_of(c: u8) -> Option<DocKind> {
    (c >> 3).checked_sub(1).and_then(DocKind::from_code)
}

pub(crate) fn kind_of(c: u8) -> Option<NodeKind> {
    if c >> 3 != 0 && doc_kind_of(c).is_none() {
        return None;
    }
    Some(match c & 7 {
        0 => NodeKind::Letter,
        1 => NodeKind::Dossier,
        2 => NodeKind::Section,
        3 => NodeKind::Footnote,
        4 => NodeKind::Annex,
        5 => NodeKind::Reference,
        _ => return None,
    })
}
