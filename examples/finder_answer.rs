//! The finder's answer time on a library folder: the rows for a query
//! from the library's index, read unmapped as the interface reads it and
//! mapped as `dossier search` does, median of 20 runs per query.
//!
//! `cargo run --release --example finder_answer -- DIR` (BENCHMARKS.md).

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // measuring code

use std::sync::Arc;
use std::time::{Duration, Instant};

use dossier::store::dossiers::{self, Origin};
use dossier::store::index::{self, engine::Reading, finder};

const QUERIES: &[&str] = &[
    "motie Ram",
    "21501-20",
    "wapenexport Israël",
    "mensensmokel",
    "de",
];

fn main() {
    let dir = std::env::args().nth(1).expect("a library folder");
    let origin = Origin::Folder(dir.into());
    let max = 64 * 1024 * 1024;
    let corpus = Arc::new(dossiers::load_origin(&origin, max));
    println!("{} documents", corpus.roots.len());
    for reading in [Reading::Unmapped, Reading::Mapped] {
        let t = Instant::now();
        let ix = index::open_with(&origin, max, &mut || Arc::clone(&corpus), reading).unwrap();
        println!("{reading:?}: opened in {:.1} ms", ms(t.elapsed()));
        for q in QUERIES {
            let mut times: Vec<Duration> = (0..20)
                .map(|_| {
                    let t = Instant::now();
                    let rows = finder::rows(&ix, &corpus, q, 200);
                    std::hint::black_box(rows);
                    t.elapsed()
                })
                .collect();
            times.sort();
            println!("  {q:<22} {:.2} ms", ms(times[times.len() / 2]));
        }
    }
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}
