//! The finder at a million titles and passages, as the interface runs it:
//! one keystroke on the interface thread (the update function, the query
//! handed to the finder's worker, the newest results taken in, and the
//! frame drawn at 120x40), and the time from a keystroke to the complete
//! ranked result on the worker.
//!
//! `cargo bench --bench finder` (see BENCHMARKS.md for figures). Setting up
//! loads 20,000 generated dossiers, which takes a while.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // test code

use std::sync::{Arc, OnceLock};
use std::time::Duration;

use dossier::tui::bench::{
    self as update, Action, Effect, FINDER_LIMIT, Keymap, State, Theme, resize,
};
use dossier_core::Corpus;
use dossier_core::lang::Lang;
use dossier_core::load::{NoFiles, SourceFile, load};
use dossier_core::search::{FinderWorker, SearchIndex};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::layout::Rect;

#[allow(dead_code)]
#[path = "../examples/gen_corpus.rs"]
mod gen_corpus;

fn main() {
    divan::main();
}

/// 20,000 generated dossiers and their index: a little over a million
/// titles and passages.
fn corpus() -> &'static (Arc<Corpus>, Arc<SearchIndex>) {
    static CORPUS: OnceLock<(Arc<Corpus>, Arc<SearchIndex>)> = OnceLock::new();
    CORPUS.get_or_init(|| {
        let files: Vec<SourceFile> = gen_corpus::generate(20_000, 1)
            .files
            .into_iter()
            .map(|(path, text)| SourceFile { path, text })
            .collect();
        let corpus = load(&files, &NoFiles);
        assert!(corpus.errors.is_empty(), "the generated corpus loads");
        let index = SearchIndex::build(&corpus);
        (Arc::new(corpus), Arc::new(index))
    })
}

const W: u16 = 120;
const H: u16 = 40;

/// The interface on the generated corpus, at 120x40.
fn interface() -> State {
    let (corpus, _) = corpus();
    let mut s = State::new(
        Arc::clone(corpus),
        Lang::Nl,
        Keymap::default(),
        Theme::plain(),
    );
    resize(&mut s, Rect::new(0, 0, W, H));
    s
}

/// The interface with the finder open on `query`, its complete results
/// shown, and a worker that has answered it.
fn finder_on(query: &str) -> (State, FinderWorker, Terminal<TestBackend>) {
    let (_, index) = corpus();
    let mut s = interface();
    let mut worker = FinderWorker::spawn(Arc::clone(index));
    update::update(&mut s, Action::Finder);
    for c in query.chars() {
        keystroke(&mut s, &mut worker, Action::Type(c));
    }
    loop {
        match worker.wait_latest(Duration::from_secs(60)) {
            Some(u) if u.done && u.query == query => {
                update::apply_finder_update(&mut s, u);
                break;
            }
            Some(u) => update::apply_finder_update(&mut s, u),
            None => panic!("the finder's worker did not answer"),
        }
    }
    let term = Terminal::new(TestBackend::new(W, H)).expect("a test terminal");
    (s, worker, term)
}

/// What the loop does for one key: update, hand queries to the worker,
/// take in what it has sent back.
fn keystroke(s: &mut State, worker: &mut FinderWorker, a: Action) {
    for e in update::update(s, a) {
        // The finder's keys touch no notes.
        if let Effect::Search(q) = e {
            worker.search(&q, FINDER_LIMIT);
        }
    }
    while let Some(u) = worker.try_latest() {
        update::apply_finder_update(s, u);
    }
}

/// `e` typed and erased in turn, so that every sample is a real change.
fn type_or_erase_e(typed: &mut bool) -> Action {
    *typed = !*typed;
    if *typed {
        Action::Type('e')
    } else {
        Action::Erase
    }
}

/// One key typed into the finder over 1M passages, and the frame drawn:
/// the interface thread's whole share of a keystroke. The list still shows
/// the previous query's hits (the worker answers later), as on screen.
#[divan::bench(sample_count = 30, sample_size = 1)]
fn finder_keystroke_1m(bencher: divan::Bencher) {
    let (mut s, mut worker, mut term) = finder_on("itali");
    let mut typed = false;
    bencher.bench_local(|| {
        keystroke(&mut s, &mut worker, type_or_erase_e(&mut typed));
        term.draw(|f| update::render(&s, f)).expect("a frame");
    });
}

/// From a keystroke to the complete ranked result, on the finder's worker
/// over 1M passages: the time `fzf --filter` is compared with.
#[divan::bench(args = ["tweetrap", "italie", "mrkk", "ko", "raad eur"], sample_count = 5, sample_size = 1)]
fn finder_complete_1m(bencher: divan::Bencher, query: &str) {
    let (_, index) = corpus();
    // A new worker each time: a worker answers a query it has seen from
    // its earlier results, which is what Backspace uses, not what this
    // measures.
    bencher
        .with_inputs(|| FinderWorker::spawn(Arc::clone(index)))
        .bench_local_values(|mut worker| {
            worker.search(query, FINDER_LIMIT);
            loop {
                match worker.wait_latest(Duration::from_secs(60)) {
                    Some(u) if u.done && u.query == query => break u.hits.len(),
                    Some(_) => continue,
                    None => panic!("the finder's worker did not answer"),
                }
            }
        });
}

/// One key typed into the tree's filter over 20,000 dossiers (217,171
/// nodes), and the frame drawn: every node's title is matched again.
#[divan::bench(sample_count = 10, sample_size = 1)]
fn tree_filter_keystroke_20k(bencher: divan::Bencher) {
    let mut s = interface();
    let mut term = Terminal::new(TestBackend::new(W, H)).expect("a test terminal");
    update::update(&mut s, Action::Filter);
    for c in "itali".chars() {
        update::update(&mut s, Action::Type(c));
        update::settle(&mut s);
    }
    let mut typed = false;
    bencher.bench_local(|| {
        update::update(&mut s, type_or_erase_e(&mut typed));
        update::settle(&mut s);
        term.draw(|f| update::render(&s, f)).expect("a frame");
    });
}
