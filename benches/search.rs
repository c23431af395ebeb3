//! Search benchmarks on generated Dutch policy text (the corpus generator of
//! `examples/gen_corpus.rs`): building the index, fuzzy queries at 10k, 100k
//! and 1M titles and passages, an exact phrase, and one chunk of the
//! finder's incremental search.
//!
//! `cargo bench --bench search` (see BENCHMARKS.md for figures).

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // test code

use std::sync::OnceLock;

use dossier_core::search::{FuzzySearch, SearchIndex};

#[allow(dead_code)]
#[path = "../examples/gen_corpus.rs"]
mod gen_corpus;

fn main() {
    divan::main();
}

/// 20,000 dossiers: a little over a million titles and passages.
fn lines() -> &'static [String] {
    static LINES: OnceLock<Vec<String>> = OnceLock::new();
    LINES.get_or_init(|| gen_corpus::generate(20_000, 1).lines)
}

fn index(n: usize) -> &'static SearchIndex {
    static INDEXES: OnceLock<Vec<(usize, SearchIndex)>> = OnceLock::new();
    let all = INDEXES.get_or_init(|| {
        [10_000, 100_000, 1_000_000]
            .iter()
            .map(|&n| {
                (
                    n,
                    SearchIndex::from_texts(lines()[..n].iter().map(String::as_str)),
                )
            })
            .collect()
    });
    &all.iter()
        .find(|(m, _)| *m == n)
        .expect("a prepared size")
        .1
}

const SIZES: [usize; 3] = [10_000, 100_000, 1_000_000];

#[divan::bench(args = [100_000, 1_000_000], sample_count = 5, sample_size = 1)]
fn build_index(bencher: divan::Bencher, n: usize) {
    let texts = &lines()[..n];
    bencher.bench(|| SearchIndex::from_texts(texts.iter().map(String::as_str)));
}

/// A rare word: the prefilter skips most items.
#[divan::bench(args = SIZES, sample_count = 10, sample_size = 1)]
fn fuzzy_rare(bencher: divan::Bencher, n: usize) {
    let ix = index(n);
    bencher.bench(|| ix.fuzzy("tweetrap", 20));
}

/// A name with accents, typed without them.
#[divan::bench(args = SIZES, sample_count = 10, sample_size = 1)]
fn fuzzy_italie(bencher: divan::Bencher, n: usize) {
    let ix = index(n);
    bencher.bench(|| ix.fuzzy("italie", 20));
}

/// Two common letters: most items match and are scored.
#[divan::bench(args = SIZES, sample_count = 10, sample_size = 1)]
fn fuzzy_ko(bencher: divan::Bencher, n: usize) {
    let ix = index(n);
    bencher.bench(|| ix.fuzzy("ko", 20));
}

#[divan::bench(args = SIZES, sample_count = 10, sample_size = 1)]
fn exact_phrase(bencher: divan::Bencher, n: usize) {
    let ix = index(n);
    bencher.bench(|| ix.exact("raad van europa", 20));
}

/// What the finder does between two looks at the keyboard: one chunk of
/// 8,192 items of the incremental search, and the best hits so far.
#[divan::bench(sample_count = 20, sample_size = 1)]
fn finder_chunk_1m(bencher: divan::Bencher) {
    let ix = index(1_000_000);
    bencher.bench(|| {
        let mut s = FuzzySearch::new(ix, "italie", 50);
        s.step(8_192);
        s.hits()
    });
}

/// One paragraph of 7.5 MB of Dutch words (within the default file size
/// limit), searched with long queries: each passage is scored on a bounded
/// window, so this stays far under a second (issue 15).
fn huge_paragraph() -> &'static SearchIndex {
    static INDEX: OnceLock<SearchIndex> = OnceLock::new();
    INDEX.get_or_init(|| {
        const WORDS: &[&str] = &[
            "de",
            "raad",
            "van",
            "europa",
            "migratie",
            "grensbewaking",
            "nederland",
            "heeft",
            "ingezet",
            "op",
            "samenwerking",
            "met",
            "marokko",
            "terugkeer",
            "ministers",
            "hebben",
            "gesproken",
            "over",
            "ondermijnende",
            "criminaliteit",
            "en",
            "het",
        ];
        let mut text = String::with_capacity(7_500_100);
        let mut x: u64 = 1;
        while text.len() < 7_500_000 {
            x = x
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1_442_695_040_888_963_407);
            text.push_str(WORDS[(x >> 33) as usize % WORDS.len()]);
            text.push(' ');
        }
        SearchIndex::from_texts(["Groot", text.as_str()])
    })
}

#[divan::bench(
    args = [
        "samenwerkingmetmarokkoterugkeero",
        "raad europa migratie terugkeer marokko ministers",
        "grensbewakingondermijnendecriminaliteitsamenwerkingmarokkomig",
    ],
    sample_count = 10,
    sample_size = 1
)]
fn fuzzy_huge_paragraph(bencher: divan::Bencher, query: &str) {
    let ix = huge_paragraph();
    bencher.bench(|| ix.fuzzy(query, 20));
}
