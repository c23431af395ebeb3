//! The tree filter off the interface's thread: over thousands of dossiers
//! a filter takes longer than a keystroke, so the loop hands the filter
//! typed to this thread and shows its tree when it comes, keeping the old
//! rows meanwhile. Only the newest of the filters waiting is worked on.

use std::sync::Arc;
use std::sync::mpsc::{self, Receiver, Sender, TryRecvError};

use dossier_core::Corpus;

use super::state::State;
use super::tree::{self, Filtered, Grouping};

struct Ask {
    corpus: Arc<Corpus>,
    grouping: Grouping,
    /// The tree's groups when they are those of `grouping`.
    groups: Option<Vec<tree::Group>>,
    text: String,
}

/// A thread that filters the tree; dropping it ends the thread.
pub struct TreeWorker {
    asks: Option<Sender<Ask>>,
    trees: Receiver<Filtered>,
}

impl TreeWorker {
    pub fn spawn() -> TreeWorker {
        let (ask_tx, ask_rx) = mpsc::channel::<Ask>();
        let (tree_tx, tree_rx) = mpsc::channel::<Filtered>();
        let _ = std::thread::Builder::new()
            .name("dossier-tree".into())
            .spawn(move || {
                while let Ok(mut ask) = ask_rx.recv() {
                    while let Ok(newer) = ask_rx.try_recv() {
                        ask = newer;
                    }
                    let f = match ask.groups {
                        Some(groups) => {
                            tree::filtered_in(&ask.corpus, ask.grouping, groups, &ask.text)
                        }
                        None => tree::filtered(&ask.corpus, ask.grouping, &ask.text),
                    };
                    if tree_tx.send(f).is_err() {
                        return;
                    }
                }
            });
        TreeWorker {
            asks: Some(ask_tx),
            trees: tree_rx,
        }
    }

    /// Hands a changed filter that is not empty to the thread and returns
    /// true; leaves any other change to [`super::update::settle`].
    pub fn take(&self, s: &mut State) -> bool {
        if !s.rows_stale || s.filter.is_empty() {
            return false;
        }
        let Some(tx) = &self.asks else { return false };
        let ask = Ask {
            corpus: Arc::clone(&s.corpus),
            grouping: s.grouping,
            groups: (s.groups_of == Some(s.grouping)).then(|| s.groups.clone()),
            text: s.filter.clone(),
        };
        if tx.send(ask).is_err() {
            return false;
        }
        s.rows_stale = false;
        true
    }

    /// Shows the trees that came for the filter the tree has now; returns
    /// whether one was shown.
    pub fn show(&self, s: &mut State) -> bool {
        let mut shown = false;
        loop {
            match self.trees.try_recv() {
                Ok(f) => shown |= tree::show_filtered(s, f),
                Err(TryRecvError::Empty | TryRecvError::Disconnected) => return shown,
            }
        }
    }

    /// Waits up to `timeout` for a tree, for tests.
    #[cfg(test)]
    fn wait(&self, s: &mut State, timeout: std::time::Duration) -> bool {
        match self.trees.recv_timeout(timeout) {
            Ok(f) => tree::show_filtered(s, f),
            Err(_) => false,
        }
    }
}

impl Drop for TreeWorker {
    fn drop(&mut self) {
        self.asks = None;
    }
}

#[cfg(test)]
mod tests {
    use std::time::Duration;

    use super::*;
    use crate::tui::action::Action;
    use crate::tui::update::{settle, update};

    fn state() -> State {
        let corpus = Arc::new(crate::store::dossiers::load_built_in());
        let mut s = State::new(
            corpus,
            dossier_core::lang::Lang::Nl,
            crate::tui::keymap::Keymap::default(),
            crate::tui::theme::Theme::plain(),
        );
        s.resize((60, 20), 20);
        s
    }

    #[test]
    fn the_filtered_tree_comes_from_the_thread_as_settle_makes_it() {
        let worker = TreeWorker::spawn();
        let mut on_thread = state();
        let mut here = state();
        for s in [&mut on_thread, &mut here] {
            update(s, Action::Filter);
            for c in "brus".chars() {
                update(s, Action::Type(c));
            }
        }
        settle(&mut here);
        let before = on_thread.rows.clone();
        assert!(worker.take(&mut on_thread));
        // The rows shown stay until the tree comes.
        assert_eq!(on_thread.rows, before);
        assert!(worker.wait(&mut on_thread, Duration::from_secs(30)));
        assert_eq!(on_thread.rows, here.rows);
        assert_eq!(on_thread.tree_selected, here.tree_selected);
        assert_ne!(on_thread.rows, before);
        // A tree for a filter typed further is not shown.
        update(&mut on_thread, Action::Type('x'));
        let stale = tree::filtered(&on_thread.corpus, on_thread.grouping, "brus");
        assert!(!tree::show_filtered(&mut on_thread, stale));
        // An empty filter is left to settle, at once.
        update(&mut on_thread, Action::ClearPrompt);
        assert!(!worker.take(&mut on_thread));
    }
}
