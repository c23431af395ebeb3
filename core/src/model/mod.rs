//! The loaded corpus: every dossier, section, footnote, annex and reference
//! as a node in one arena, addressed by stable slug ids, with the links
//! between them and the backlinks computed across dossiers.

mod body;
mod corpus;
mod document;
mod meta;
mod node;

pub use body::{Body, BodyError, BodySource, LazyBody};
pub use corpus::{Backlink, Corpus};
pub use document::{Document, Links, LinksOnly, PARAGRAPH_SEPARATOR, Paragraph, Span};
pub use meta::{LetterMeta, ReferenceMeta, Signatory};
pub use node::{Node, NodeKind, share_file_names};

pub use crate::identity::{Chamber, Kamerstuk};

/// Index of a node in [`Corpus::nodes`].
pub type NodeIdx = usize;
