//! The dossier domain: dossiers as a tree of nodes with linked documents,
//! the letter they come from, countries named, and search over all of it.
//!
//! This crate knows no terminal and no file system: the loader takes file
//! contents from its caller, so the same code serves the command line, the
//! interface, the tests and the fuzz targets.

pub mod address;
pub mod anchor;
pub mod annotation;
pub mod citation;
pub mod countries;
pub mod doc_kind;
pub mod doc_label;
pub mod error;
pub mod export;
pub mod fast_hash;
pub mod find;
pub mod identity;
pub mod import;
pub mod lang;
pub mod load;
pub mod markup;
pub mod messages;
pub mod model;
pub mod motion;
pub mod note_form;
pub mod note_index;
pub mod page;
pub mod query;
pub mod schema;
pub mod search;
pub mod text;
pub mod tree;
pub mod work;

#[cfg(test)]
mod testing;

pub use error::{LoadError, Position};
pub use model::{BodyError, Corpus, Node, NodeIdx, NodeKind};
