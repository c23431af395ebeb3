//! Reading and writing files: dossiers, configuration, annotations, cache.

pub mod account;
pub mod cache;
pub mod clipboard;
pub mod config;
pub mod dossiers;
pub mod drafts;
pub mod export_file;
pub mod index;
pub mod library;
pub mod notes;
pub mod paths;
pub mod regular;
pub mod resume;
pub mod stamp;
