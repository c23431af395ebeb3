//! The `dossier` program: the file store, the command line and the terminal
//! interface, on top of the domain in `dossier-core`.

pub mod app;
pub mod cli;
pub mod store;
pub mod tui;

pub use dossier_core as core;
