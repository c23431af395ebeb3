//! Work that must stay linear in the size of one big input: loading a
//! 7.4 MB paragraph of the bundled letter's own words (drawn at random,
//! seeded), the country scan of that text, the find of the reader in it
//! (one window, and the whole text), and importing a letter's text with
//! 200,000 footnote markers (8 MB).
//!
//! `cargo bench --bench paragraph` (see BENCHMARKS.md for figures).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // test code

use std::sync::OnceLock;

use dossier::store::dossiers;
use dossier_core::Corpus;

const MAX: u64 = 8 << 20;
const PARAGRAPH: usize = 7_400_000;
const MARKERS: usize = 200_000;

fn main() {
    divan::main();
}

/// xorshift64*: the same words on every machine.
fn rng(seed: u64) -> impl FnMut(usize) -> usize {
    let mut s = seed;
    move |n| {
        s ^= s >> 12;
        s ^= s << 25;
        s ^= s >> 27;
        (s.wrapping_mul(0x2545_F491_4F6C_DD1D) % n as u64) as usize
    }
}

fn letter() -> &'static str {
    include_str!("../dossiers/source/kamerbrief-7010422.txt")
}

/// About 7.4 MB of the letter's words at random, on one line.
fn paragraph() -> &'static str {
    static TEXT: OnceLock<String> = OnceLock::new();
    TEXT.get_or_init(|| {
        let words: Vec<&str> = letter()
            .split_whitespace()
            .filter(|w| !w.contains('\''))
            .collect();
        let mut pick = rng(7);
        let mut out = String::with_capacity(PARAGRAPH + 32);
        while out.len() < PARAGRAPH {
            out.push_str(words[pick(words.len())]);
            out.push(' ');
        }
        out
    })
}

/// A folder with one dossier whose text is the paragraph.
fn folder() -> &'static tempfile::TempDir {
    static DIR: OnceLock<tempfile::TempDir> = OnceLock::new();
    DIR.get_or_init(|| {
        let dir = tempfile::tempdir().expect("a temporary folder");
        let toml = format!(
            "[dossier]\nid = \"groot\"\ntitle = \"Groot\"\nsource = \"kst-32317-987\"\ntext = '''\n{}\n'''\n",
            paragraph()
        );
        std::fs::write(dir.path().join("groot.toml"), toml).expect("the dossier file");
        dir
    })
}

fn corpus() -> &'static Corpus {
    static CORPUS: OnceLock<Corpus> = OnceLock::new();
    CORPUS.get_or_init(|| dossiers::load_dir(folder().path(), MAX))
}

/// Reading and loading the 7.4 MB paragraph, no cache.
#[divan::bench(sample_count = 5, sample_size = 1)]
fn load_paragraph(bencher: divan::Bencher) {
    let dir = folder().path();
    bencher.bench(|| dossiers::load_dir(dir, MAX));
}

/// The countries named in the paragraph.
#[divan::bench(sample_count = 10, sample_size = 1)]
fn countries_of_paragraph(bencher: divan::Bencher) {
    let text = paragraph();
    bencher.bench(|| dossier_core::countries::countries_in(text));
}

/// One window of the reader's find for one letter, as between two frames.
#[divan::bench(sample_count = 20, sample_size = 1)]
fn find_one_window(bencher: divan::Bencher) {
    let c = corpus();
    let doc = c
        .body(c.get("groot").expect("the dossier"))
        .expect("its text");
    bencher.bench(|| {
        let mut job = dossier_core::find::FindJob::new("e");
        job.step(doc, 64 * 1024);
        job
    });
}

/// The reader's find for one letter through the whole paragraph.
#[divan::bench(sample_count = 5, sample_size = 1)]
fn find_whole_paragraph(bencher: divan::Bencher) {
    let c = corpus();
    let doc = c
        .body(c.get("groot").expect("the dossier"))
        .expect("its text");
    bencher.bench(|| dossier_core::find::find_in(doc, "e"));
}

/// A letter's PDF text with 200,000 footnote markers glued to words and
/// their footnotes at the foot (about 8 MB).
fn marked_letter() -> &'static str {
    static TEXT: OnceLock<String> = OnceLock::new();
    TEXT.get_or_init(|| {
        let words: Vec<&str> = letter()
            .split_whitespace()
            .filter(|w| w.len() >= 4 && w.chars().all(|c| c.is_lowercase()))
            .collect();
        let mut pick = rng(3);
        let mut out = String::from(" > Retouradres Postbus 20301 2500 EH   Den Haag\n\n");
        let mut width = 0;
        for n in 1..=MARKERS {
            let w = format!("{}{n}", words[pick(words.len())]);
            if width + w.len() > 84 {
                out.push_str(" \n");
                width = 0;
            } else if width > 0 {
                out.push(' ');
            }
            width += w.len() + 1;
            out.push_str(&w);
        }
        out.push_str(".\n\n");
        for n in 1..=MARKERS {
            let (a, b) = (words[pick(words.len())], words[pick(words.len())]);
            out.push_str(&format!("{n} {a} {b}.\n"));
        }
        out.push_str(
            "\n\n\nDirectie Europese Unie\n\nDatum\n17 december 2025\n\nOnze referentie\n7010422\n\n\
             Pagina 1 van 1\n\nDe minister van Justitie en Veiligheid,\n\nD.M. van Weel\n",
        );
        out
    })
}

/// Importing it: parse, markers, write, proof.
#[divan::bench(sample_count = 3, sample_size = 1)]
fn import_many_markers(bencher: divan::Bencher) {
    let text = marked_letter();
    bencher.bench(|| dossier_core::import::import(text));
}
