//! Loading benchmarks on a generated folder of 1,000 dossiers (about 50,000
//! titles and passages): parsing the TOML files, and reading the corpus
//! back from the cache.
//!
//! `cargo bench --bench load` (see BENCHMARKS.md for figures).

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // test code

use std::path::PathBuf;
use std::sync::OnceLock;

use dossier::store::cache::{Cache, Outcome};
use dossier::store::dossiers;

#[allow(dead_code)]
#[path = "../examples/gen_corpus.rs"]
mod gen_corpus;

const DOSSIERS: usize = 1_000;
const MAX: u64 = 8 << 20;

fn main() {
    divan::main();
}

/// The generated folder and a warm cache for it, as a user's some seconds
/// after the last change: the files are older than the cache's key by the
/// racy window (else they are hashed again on every load).
fn setup() -> &'static (tempfile::TempDir, PathBuf, Cache) {
    static SETUP: OnceLock<(tempfile::TempDir, PathBuf, Cache)> = OnceLock::new();
    SETUP.get_or_init(|| {
        let tmp = tempfile::tempdir().expect("a temporary folder");
        let folder = tmp.path().join("dossiers");
        std::fs::create_dir(&folder).expect("the dossier folder");
        for (name, text) in gen_corpus::generate(DOSSIERS, 1).files {
            std::fs::write(folder.join(name), text).expect("a dossier file");
        }
        let racy_window = std::time::Duration::from_millis(3_100);
        std::thread::sleep(racy_window);
        let cache = Cache::new(tmp.path().join("cache"));
        let _ = cache.corpus(&folder, MAX);
        (tmp, folder, cache)
    })
}

/// Reading and parsing every file, no cache.
#[divan::bench(sample_count = 5, sample_size = 1)]
fn parse_files(bencher: divan::Bencher) {
    let (_, folder, _) = setup();
    bencher.bench(|| dossiers::load_dir(folder, MAX));
}

/// The corpus from a warm cache (files fingerprinted, JSON read back).
#[divan::bench(sample_count = 10, sample_size = 1)]
fn corpus_from_cache(bencher: divan::Bencher) {
    let (_, folder, cache) = setup();
    bencher.bench(|| {
        let (c, o) = cache.corpus(folder, MAX);
        assert_eq!(o, Outcome::Hit);
        c
    });
}
