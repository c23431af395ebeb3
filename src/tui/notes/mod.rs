//! The annotation screens: the note editor, the annotations pane, the
//! overview and the export dialog, with their words in Dutch and English.

pub mod annotate;
pub mod editor;
pub mod editor_view;
pub mod export_dialog;
pub mod export_dialog_view;
pub mod overview;
pub mod overview_view;
pub mod pane;
pub mod runner;
pub mod screen;

#[cfg(test)]
pub(crate) mod fixture;
#[cfg(test)]
pub(crate) mod harness;
