//! What the library adds to a cold start: on a generated library of 10,000
//! topics in 1,250 documents (a few Kamerstuk dossiers, half the references
//! citing documents of the library), loading every file against the pass
//! that links them across documents — ids and earlier ids, documents by
//! Kamerstuk, topics by document, backlinks with those through references.
//!
//! `cargo bench --bench library` (see BENCHMARKS.md for figures).

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // test code

use std::sync::OnceLock;

use dossier_core::Corpus;
use dossier_core::load::{NoFiles, SourceFile, load};

#[allow(dead_code)]
#[path = "../examples/gen_corpus.rs"]
mod gen_corpus;

const TOPICS: usize = 10_000;

fn main() {
    divan::main();
}

fn files() -> &'static Vec<SourceFile> {
    static FILES: OnceLock<Vec<SourceFile>> = OnceLock::new();
    FILES.get_or_init(|| {
        gen_corpus::generate(TOPICS, 777)
            .files
            .into_iter()
            .map(|(path, text)| SourceFile { path, text })
            .collect()
    })
}

fn corpus() -> &'static Corpus {
    static CORPUS: OnceLock<Corpus> = OnceLock::new();
    CORPUS.get_or_init(|| load(files(), &NoFiles))
}

/// Parsing and checking every file: what a cold start does.
#[divan::bench(sample_count = 5, sample_size = 1)]
fn load_every_file() -> Corpus {
    load(files(), &NoFiles)
}

/// Linking across documents, alone: a part of [`load_every_file`].
#[divan::bench(sample_count = 10, sample_size = 1)]
fn link_the_library(bencher: divan::Bencher) {
    bencher
        .with_inputs(|| corpus().clone())
        .bench_local_values(|mut c| {
            c.reindex();
            c
        });
}
