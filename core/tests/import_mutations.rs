//! The import on mutated sources, on the stable toolchain: the real
//! official XML, the bundled letter's PDF text and a letter with many
//! footnotes, each cut, doubled in part, spliced and sprinkled with the
//! notations the import looks for, by a seeded generator. For each: no
//! panic; a refusal with a 1-based position or none; an import whose proof
//! passes writes a file the loader reads without error; no message carries
//! a raw control character; and the work stays within a constant times
//! the source's size (see `dossier_core::work`).
//!
//! By default a fixed number of rounds per seed; `DOSSIER_FUZZ_SECONDS=N`
//! runs for N seconds instead (CI does), `DOSSIER_FUZZ_SEED=S` starts from
//! another seed. A failure names the seed and round that make it again.
//! The cargo-fuzz targets in `fuzz/` search further with nightly.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // test code

use std::time::{Duration, Instant};

use dossier_core::import::{self, report::Severity};
use dossier_core::load::{self, NoFiles, SourceFile};

const ROUNDS: u64 = 60;

/// Steps allowed per byte of source (and a floor for tiny ones).
const STEPS_PER_BYTE: u64 = 200;
const STEPS_FLOOR: u64 = 200_000;

/// What the import looks for, to splice in.
const PIECES: &[&str] = &[
    "1",
    "2",
    "23",
    "20191",
    " a1a1a1a1a1a1",
    "Bijlagen 1, 2 en 3",
    "Bijlage 4 ",
    "Kamerstuk 32317-973",
    "Kamerstukken II 2024/25, 21 501-20, nr. 2245",
    "32317- 978",
    "motie 21501-04-287",
    "vergaderjaar 2024-2025, ",
    " - ",
    "\n\n",
    "\n",
    "\u{c}",
    "Pagina 2 van 3\n",
    "Datum\n17 december 2025\n",
    "Onze referentie\n7010422\n",
    "https://www.example.nl/x\n",
    ": Joint Statement | Gov\n",
    "<",
    ">",
    "&amp;",
    "&#x202e;",
    "<al>",
    "</al>",
    "<noot>",
    "</noot>",
    "<extref doc=\"kst-32317-973\">x</extref>",
    "<kop><titel>Kop</titel></kop>",
    "\u{2028}",
    "\u{200b}",
    "\u{feff}",
    "é",
    "ĳ",
    "'''",
    "\\",
    "\"",
    "De minister van Justitie,\nNaam\n",
];

/// xorshift64*: small, seeded, the same on every machine.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            0
        } else {
            (self.next() % n as u64) as usize
        }
    }
}

/// A character boundary of `text` near a random place.
fn place(rng: &mut Rng, text: &str) -> usize {
    let mut at = rng.below(text.len() + 1);
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

fn mutate(rng: &mut Rng, text: &str) -> String {
    let mut out = text.to_string();
    for _ in 0..1 + rng.below(6) {
        let a = place(rng, &out);
        let b = place(rng, &out);
        let (a, b) = (a.min(b), a.max(b));
        match rng.below(5) {
            // Cut.
            0 => {
                let mut end = b.min(a + 400);
                while !out.is_char_boundary(end) {
                    end -= 1;
                }
                out.replace_range(a..end, "");
            }
            // A part doubled, up to 64 KiB.
            1 => {
                let mut end = b.min(a + (1 << 16));
                while !out.is_char_boundary(end) {
                    end -= 1;
                }
                let part = out[a..end].to_string();
                out.insert_str(end, &part);
            }
            // The end cut off.
            2 => out.truncate(b),
            // A piece, or many of one.
            _ => {
                let piece = PIECES[rng.below(PIECES.len())];
                let times = if rng.below(4) == 0 {
                    1 + rng.below(2_000)
                } else {
                    1
                };
                out.insert_str(a, &piece.repeat(times));
            }
        }
    }
    out
}

fn sources() -> Vec<(String, String)> {
    let root = concat!(env!("CARGO_MANIFEST_DIR"), "/..");
    let mut out = Vec::new();
    let mut names: Vec<_> = std::fs::read_dir(format!("{root}/tests/fixtures/op-xml"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "xml"))
        .collect();
    names.sort();
    for p in names {
        out.push((
            p.display().to_string(),
            std::fs::read_to_string(&p).unwrap(),
        ));
    }
    let letter = format!("{root}/dossiers/source/kamerbrief-7010422.txt");
    out.push((letter.clone(), std::fs::read_to_string(&letter).unwrap()));
    // A letter with 400 footnotes, their markers glued to words.
    let body: Vec<String> = (1..=400).map(|n| format!("voorstel{n}")).collect();
    let notes: Vec<String> = (1..=400)
        .map(|n| format!("{n} Kamerstuk 32317-{n}."))
        .collect();
    out.push((
        "many footnotes".into(),
        format!(
            " > Retouradres Postbus 20301 2500 EH   Den Haag\n\n{}.\n\n{}\n\n\n\nDirectie\n\nDatum\n\
             17 december 2025\n\nOnze referentie\n7010422\n\nPagina 1 van 1\n\n\
             De minister van Justitie en Veiligheid,\n\nD.M. van Weel\n",
            body.join(" "),
            notes.join("\n")
        ),
    ));
    out
}

/// Checks one source; true when it was imported (not refused).
fn check(what: &str, text: &str) -> bool {
    let (result, steps) = dossier_core::work::counted(|| import::import(text));
    let allowed = STEPS_FLOOR + STEPS_PER_BYTE * text.len() as u64;
    assert!(
        steps <= allowed,
        "{what}: {steps} steps for {} bytes",
        text.len()
    );
    match result {
        Ok(done) => {
            let files = [SourceFile {
                path: done.file_name.clone(),
                text: done.toml.clone(),
            }];
            let corpus = load::load(&files, &NoFiles);
            if done.report.of(Severity::Problem).next().is_none() {
                assert!(corpus.errors.is_empty(), "{what}: {:?}", corpus.errors);
            }
            for w in &done.report.findings {
                assert!(!w.render().chars().any(|c| c.is_control()), "{what}: {w:?}");
            }
            true
        }
        Err(e) => {
            assert!(
                e.line.is_none_or(|l| l >= 1) && e.col.is_none_or(|c| c >= 1),
                "{what}: {e:?}"
            );
            assert!(
                !e.to_string().chars().any(|c| c.is_control()),
                "{what}: {e:?}"
            );
            false
        }
    }
}

#[test]
fn mutated_sources_import_or_are_refused_in_bounded_work() {
    let seconds = std::env::var("DOSSIER_FUZZ_SECONDS")
        .ok()
        .and_then(|s| s.parse::<u64>().ok());
    let seed = std::env::var("DOSSIER_FUZZ_SEED")
        .ok()
        .and_then(|s| s.parse::<u64>().ok())
        .unwrap_or(0x5eed);
    let sources = sources();
    let until = seconds.map(|s| Instant::now() + Duration::from_secs(s));
    let (mut round, mut imported) = (0u64, 0u64);
    loop {
        let done = match until {
            Some(t) => Instant::now() >= t,
            None => round >= ROUNDS,
        };
        if done {
            break;
        }
        // Each round its own generator, so a failure is made again from
        // its seed and round alone.
        let mut rng = Rng((seed ^ round.wrapping_mul(0x9E37_79B9_7F4A_7C15)) | 1);
        let (name, text) = &sources[rng.below(sources.len())];
        let mutated = mutate(&mut rng, text);
        let what = format!("seed {seed} round {round} ({name})");
        match std::panic::catch_unwind(|| check(&what, &mutated)) {
            Ok(done) => imported += u64::from(done),
            Err(_) => {
                // Kept for a test of its own.
                let kept = concat!(env!("CARGO_TARGET_TMPDIR"), "/import-mutation-failure.txt");
                let _ = std::fs::write(kept, &mutated);
                panic!("{what}: the source is kept in {kept}");
            }
        }
        round += 1;
    }
    eprintln!("{round} mutated sources, {imported} imported, the others refused (seed {seed})");
}
