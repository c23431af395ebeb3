//! The time the tree filter and the timeline wait for the library's
//! index: every unit a filter's text matches (`LibraryIndex::matching`),
//! and those ids as roots of the corpus, read unmapped as the interface
//! reads the index; then the whole filtering of the tree and of the
//! timeline (as the interface's thread would do it for a key), without
//! the index and with it; and the timeline's filter as the filters'
//! thread does it, its labels made once. Median of 10 runs per query.
//!
//! `cargo run --release --example filter_answer -- [DIR]`: the library
//! folder DIR, or the user's library as the interface opens it
//! (BENCHMARKS.md).

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // measuring code

use std::sync::Arc;
use std::time::{Duration, Instant};

use dossier::store::dossiers::{self, Origin};
use dossier::store::index::{self, engine::Reading, matching, query};
use dossier::tui::bench::{
    Action, Keymap, Labels, State, TextMatch, Theme, settle, text_match_ready,
    timeline_filtered_in, update,
};
use dossier_core::lang::Lang;
use dossier_core::tree::TreeFilter;

const QUERIES: &[&str] = &[
    "Nigeria",
    "motie",
    "mensenrechten Nigeria",
    "JBZ-Raad",
    "32317",
    "m",
    "'igeria",
    "Nigeria | Ghana",
    "Nigeria !motie",
];

fn main() {
    let origin = match std::env::args().nth(1) {
        Some(dir) => Origin::Folder(dir.into()),
        None => dossiers::choose(None),
    };
    let max = 64 * 1024 * 1024;
    let t = Instant::now();
    let corpus = Arc::new(dossiers::load_origin(&origin, max));
    println!(
        "{} roots loaded in {:.1} s",
        corpus.roots.len(),
        t.elapsed().as_secs_f64()
    );
    let t = Instant::now();
    let ix =
        index::open_with(&origin, max, &mut || Arc::clone(&corpus), Reading::Unmapped).unwrap();
    println!("index opened in {:.1} ms", ms(t.elapsed()));
    println!(
        "{:<24} {:>8} {:>10} {:>10}",
        "query", "units", "ids", "roots"
    );
    for q in QUERIES {
        let plan = query::parse(q);
        let ids = median(|| ix.matching(&plan).unwrap().len());
        let roots = median(|| matching::roots_matching(&ix, &corpus, q).len());
        println!(
            "{q:<24} {:>8} {:>8.2} ms {:>7.2} ms",
            ids.0,
            ms(ids.1),
            ms(roots.1)
        );
    }
    let ix = Arc::new(ix);
    let searched = Arc::clone(&corpus);
    let find: TextMatch = Arc::new(move |q: &str| matching::roots_matching(&ix, &searched, q));
    let state = || {
        State::new(
            Arc::clone(&corpus),
            Lang::Nl,
            Keymap::default(),
            Theme::plain(),
        )
    };
    let (mut titles, mut text) = (state(), state());
    text_match_ready(&mut text, find.clone());
    let t = Instant::now();
    let labels = Labels::of(&corpus);
    println!("timeline labels made in {:.1} ms", ms(t.elapsed()));
    println!(
        "{:<24} {:>20} {:>20} {:>20} {:>20} {:>20}",
        "query",
        "tree: titles",
        "tree: + text",
        "timeline: labels",
        "timeline: + text",
        "labels made once"
    );
    for q in QUERIES {
        let mut cells = Vec::new();
        for s in [&mut titles, &mut text] {
            let (rows, t) = median(|| {
                // Not the filter in force: the index is asked again.
                s.tree_filter = TreeFilter::default();
                filter(s, &[Action::Filter, Action::ClearPrompt], q);
                s.rows.iter().filter(|r| r.hit).count()
            });
            cells.push(format!("{rows:>7} {:>8.1} ms", ms(t)));
        }
        for s in [&mut titles, &mut text] {
            let (docs, t) = median(|| {
                filter(
                    s,
                    &[
                        Action::Timeline,
                        Action::FilterTimeline,
                        Action::ClearPrompt,
                    ],
                    q,
                );
                let n = s.timeline.len();
                update(s, Action::Done);
                update(s, Action::Close);
                n
            });
            cells.push(format!("{docs:>7} {:>8.1} ms", ms(t)));
        }
        let (docs, t) = median(|| timeline_filtered_in(&corpus, &labels, q, Some(&find)).len());
        cells.push(format!("{docs:>7} {:>8.1} ms", ms(t)));
        println!("{q:<24} {}", cells.join(" "));
    }
}

/// Opens a filter with `open`, types `q` into it and filters as the
/// filters' thread does.
fn filter(s: &mut State, open: &[Action], q: &str) {
    for &a in open {
        update(s, a);
    }
    for c in q.chars() {
        update(s, Action::Type(c));
    }
    settle(s);
}

/// What `f` gives and its median time over 10 runs.
fn median(mut f: impl FnMut() -> usize) -> (usize, Duration) {
    let mut n = 0;
    let mut times: Vec<Duration> = (0..10)
        .map(|_| {
            let t = Instant::now();
            n = std::hint::black_box(f());
            t.elapsed()
        })
        .collect();
    times.sort();
    (n, times[times.len() / 2])
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}
