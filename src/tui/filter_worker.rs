//! The tree filter and the timeline's filter off the interface's thread:
//! over thousands of dossiers a filter (and the library's index asked for
//! its words) takes longer than a keystroke, so the loop hands the filter
//! typed to this thread and shows what it finds when it comes, keeping
//! the old rows meanwhile. Only the newest of the filters waiting, of
//! each kind, is worked on.

use std::sync::Arc;
use std::sync::mpsc::{self, Receiver, Sender, TryRecvError};

use dossier_core::Corpus;

use super::state::{State, TextMatch};
use super::timeline;
use super::tree::{self, Filtered, Grouping};

enum Ask {
    Tree {
        corpus: Arc<Corpus>,
        grouping: Grouping,
        /// The tree's groups when they are those of `grouping`.
        groups: Option<Vec<tree::Group>>,
        text: String,
        text_match: Option<TextMatch>,
    },
    Timeline {
        corpus: Arc<Corpus>,
        text: String,
        text_match: Option<TextMatch>,
    },
}

enum Answer {
    Tree(Filtered),
    Timeline(timeline::Filtered),
}

/// A thread that filters the tree and the timeline; dropping it ends the
/// thread.
pub struct FilterWorker {
    asks: Option<Sender<Ask>>,
    answers: Receiver<Answer>,
}

impl FilterWorker {
    pub fn spawn() -> FilterWorker {
        let (ask_tx, ask_rx) = mpsc::channel::<Ask>();
        let (answer_tx, answer_rx) = mpsc::channel::<Answer>();
        let _ = std::thread::Builder::new()
            .name("dossier-filter".into())
            .spawn(move || {
                // The timeline's labels of the corpus asked last.
                let mut labels: Option<(Arc<Corpus>, timeline::Labels)> = None;
                while let Ok(first) = ask_rx.recv() {
                    let (mut tree_ask, mut timeline_ask) = (None, None);
                    for ask in std::iter::once(first).chain(ask_rx.try_iter()) {
                        match ask {
                            Ask::Tree { .. } => tree_ask = Some(ask),
                            Ask::Timeline { .. } => timeline_ask = Some(ask),
                        }
                    }
                    for ask in [tree_ask, timeline_ask].into_iter().flatten() {
                        if answer_tx.send(answer(ask, &mut labels)).is_err() {
                            return;
                        }
                    }
                }
            });
        FilterWorker {
            asks: Some(ask_tx),
            answers: answer_rx,
        }
    }

    /// Hands a changed filter that is not empty (the tree's, the
    /// timeline's) to the thread and returns true; leaves any other change
    /// to [`super::update::settle`].
    pub fn take(&self, s: &mut State) -> bool {
        let Some(tx) = &self.asks else { return false };
        let mut taken = false;
        if s.rows_stale && !s.filter.is_empty() {
            let ask = Ask::Tree {
                corpus: Arc::clone(&s.corpus),
                grouping: s.grouping,
                groups: (s.groups_of == Some(s.grouping)).then(|| s.groups.clone()),
                text: s.filter.clone(),
                text_match: s.text_match.clone(),
            };
            if tx.send(ask).is_ok() {
                s.rows_stale = false;
                taken = true;
            }
        }
        if s.timeline_stale && !s.timeline_filter.is_empty() {
            let ask = Ask::Timeline {
                corpus: Arc::clone(&s.corpus),
                text: s.timeline_filter.clone(),
                text_match: s.text_match.clone(),
            };
            if tx.send(ask).is_ok() {
                s.timeline_stale = false;
                taken = true;
            }
        }
        taken
    }

    /// Shows the trees and timelines that came for the filters in force;
    /// returns whether one was shown.
    pub fn show(&self, s: &mut State) -> bool {
        let mut shown = false;
        loop {
            match self.answers.try_recv() {
                Ok(a) => shown |= show(s, a),
                Err(TryRecvError::Empty | TryRecvError::Disconnected) => return shown,
            }
        }
    }

    /// Waits up to `timeout` for an answer, for tests.
    #[cfg(test)]
    pub(crate) fn wait(&self, s: &mut State, timeout: std::time::Duration) -> bool {
        match self.answers.recv_timeout(timeout) {
            Ok(a) => show(s, a),
            Err(_) => false,
        }
    }
}

fn answer(ask: Ask, labels: &mut Option<(Arc<Corpus>, timeline::Labels)>) -> Answer {
    match ask {
        Ask::Tree {
            corpus,
            grouping,
            groups,
            text,
            text_match,
        } => {
            let text_match = text_match.as_ref();
            Answer::Tree(match groups {
                Some(groups) => tree::filtered_in(&corpus, grouping, groups, &text, text_match),
                None => tree::filtered(&corpus, grouping, &text, text_match),
            })
        }
        Ask::Timeline {
            corpus,
            text,
            text_match,
        } => {
            if !labels
                .as_ref()
                .is_some_and(|(c, _)| Arc::ptr_eq(c, &corpus))
            {
                *labels = Some((Arc::clone(&corpus), timeline::Labels::of(&corpus)));
            }
            let docs = match labels {
                Some((_, l)) => timeline::filtered_in(&corpus, l, &text, text_match.as_ref()),
                None => timeline::filtered(&corpus, &text, text_match.as_ref()),
            };
            Answer::Timeline(timeline::Filtered { text, docs })
        }
    }
}

fn show(s: &mut State, a: Answer) -> bool {
    match a {
        Answer::Tree(f) => tree::show_filtered(s, f),
        Answer::Timeline(f) => timeline::show_filtered(s, f),
    }
}

impl Drop for FilterWorker {
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
        let worker = FilterWorker::spawn();
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
        let stale = tree::filtered(&on_thread.corpus, on_thread.grouping, "brus", None);
        assert!(!tree::show_filtered(&mut on_thread, stale));
        // An empty filter is left to settle, at once.
        update(&mut on_thread, Action::ClearPrompt);
        assert!(!worker.take(&mut on_thread));
    }

    #[test]
    fn the_index_coming_runs_the_filter_in_force_again_on_the_thread() {
        let worker = FilterWorker::spawn();
        let mut s = state();
        update(&mut s, Action::Filter);
        for c in "werkervaring".chars() {
            update(&mut s, Action::Type(c));
        }
        assert!(worker.take(&mut s));
        assert!(worker.wait(&mut s, Duration::from_secs(30)));
        assert!(!s.rows.iter().any(|r| r.hit));
        // The index is open: the same filter is asked again, and finds
        // the topic whose text holds the word.
        let find = crate::store::index::matching::in_ram(Arc::clone(&s.corpus));
        crate::tui::update::text_match_ready(&mut s, Arc::new(find));
        assert!(worker.take(&mut s));
        assert!(worker.wait(&mut s, Duration::from_secs(30)));
        let hit = s.rows.iter().position(|r| r.hit).expect("a hit");
        assert_eq!(s.tree_selected, hit);
        let crate::tui::state::RowItem::Node(n) = s.rows[hit].item else {
            panic!("a group hit")
        };
        assert_eq!(s.corpus.node(n).id, "marokko");
    }

    #[test]
    fn the_timeline_is_filtered_on_the_thread_and_kept_until_then() {
        let worker = FilterWorker::spawn();
        let mut s = state();
        let find = crate::store::index::matching::in_ram(Arc::clone(&s.corpus));
        crate::tui::update::text_match_ready(&mut s, Arc::new(find));
        update(&mut s, Action::Timeline);
        update(&mut s, Action::FilterTimeline);
        let before = s.timeline.clone();
        assert!(!before.is_empty());
        for c in "qqqzz".chars() {
            update(&mut s, Action::Type(c));
        }
        assert!(worker.take(&mut s));
        assert!(!s.timeline_stale);
        // Settling leaves it to the thread; the rows shown stay.
        settle(&mut s);
        assert_eq!(s.timeline, before);
        assert!(worker.wait(&mut s, Duration::from_secs(30)));
        assert!(s.timeline.is_empty());
        // A timeline for a filter typed further is not shown.
        update(&mut s, Action::Erase);
        let stale = timeline::Filtered {
            text: "qqqz".into(),
            docs: before.clone(),
        };
        assert!(!timeline::show_filtered(&mut s, stale));
        // An empty filter is left to settle, at once.
        update(&mut s, Action::ClearPrompt);
        assert!(!worker.take(&mut s));
        settle(&mut s);
        assert_eq!(s.timeline, before);
    }
}
