//! `dossier import` on 8,000 official-publication documents: the 40 real
//! moties of `tests/fixtures/op-xml`, each in 200 versions with another
//! document number and a varied sentence, imported (parsed, written as
//! TOML, proved) and written to a library folder, as
//! `dossier import *.xml --into DIR` does.
//!
//! `cargo bench --bench import` (see BENCHMARKS.md for figures).

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // test code

use std::path::PathBuf;
use std::sync::OnceLock;

use dossier::store::library;

const VERSIONS: usize = 200;

fn main() {
    divan::main();
}

/// Every fixture's number in the places it stands, replaced by another.
fn vary(text: &str, number: &str, fixture: usize, k: usize) -> String {
    // Unique across fixtures too: several share a dossier.
    let new = format!("{}{k:03}", fixture + 1);
    text.replace(&format!("-{number}\""), &format!("-{new}\""))
        .replace(&format!("-{number}/"), &format!("-{new}/"))
        .replace(
            &format!("content=\"{number}\""),
            &format!("content=\"{new}\""),
        )
        .replace(
            &format!(">{number}</ondernummer>"),
            &format!(">{new}</ondernummer>"),
        )
        .replace(
            "gehoord de beraadslaging,",
            &format!("gehoord de beraadslaging ({k}),"),
        )
}

fn sources() -> &'static Vec<String> {
    static SOURCES: OnceLock<Vec<String>> = OnceLock::new();
    SOURCES.get_or_init(|| {
        let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/op-xml");
        let mut out = Vec::new();
        let mut entries: Vec<PathBuf> = std::fs::read_dir(dir)
            .expect("the fixtures")
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|x| x == "xml"))
            .collect();
        entries.sort();
        for (i, path) in entries.into_iter().enumerate() {
            let text = std::fs::read_to_string(&path).expect("a fixture");
            let stem = path
                .file_stem()
                .map(|s| s.to_string_lossy().into_owned())
                .unwrap_or_default();
            let number = stem.rsplit('-').next().unwrap_or_default().to_string();
            for k in 0..VERSIONS {
                out.push(vary(&text, &number, i, k));
            }
        }
        let bytes: usize = out.iter().map(String::len).sum();
        eprintln!(
            "{} documents, {:.1} MB of XML",
            out.len(),
            bytes as f64 / 1e6
        );
        out
    })
}

/// Import only: parse, write the TOML, prove it.
#[divan::bench(sample_count = 3)]
fn import_8000_in_memory() -> usize {
    let mut n = 0;
    for s in sources() {
        if let Ok(done) = dossier_core::import::import(s) {
            n += done.toml.len();
        }
    }
    n
}

/// Import, then load each result through the real loader within the size
/// limit, as the command does before it writes (`check_loadable`).
#[divan::bench(sample_count = 3)]
fn import_and_load_back_8000_in_memory() -> usize {
    let mut n = 0;
    for s in sources() {
        if let Ok(done) = dossier_core::import::import(s)
            && library::check_loadable(&done.document.id, &done.file_name, &done.toml, 8 << 20)
                .is_ok()
        {
            n += done.toml.len();
        }
    }
    assert!(n > 0);
    n
}

/// Import and write each file whole into a fresh library folder, as the
/// command does: temporary files, one sync for all, renames, the folder
/// synced.
#[divan::bench(sample_count = 3)]
fn import_8000_to_a_folder(bencher: divan::Bencher) {
    let sources = sources();
    bencher
        .with_inputs(|| tempfile::tempdir().expect("a temporary folder"))
        .bench_local_values(|tmp| {
            let done: Vec<_> = sources
                .iter()
                .filter_map(|s| dossier_core::import::import(s).ok())
                .filter(|d| {
                    library::check_loadable(&d.document.id, &d.file_name, &d.toml, 8 << 20).is_ok()
                })
                .collect();
            let docs: Vec<(&str, &str)> = done
                .iter()
                .map(|d| (d.file_name.as_str(), d.toml.as_str()))
                .collect();
            let written = library::write_documents(tmp.path(), &docs, u64::MAX);
            assert_eq!(
                written.iter().filter(|r| r.is_ok()).count(),
                sources.len(),
                "every version is a document of its own, written"
            );
            tmp
        });
}
