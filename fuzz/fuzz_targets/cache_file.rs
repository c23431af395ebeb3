//! The cache file as a damaged disk could leave it. The corpus cache file
//! of the bundled dossiers is replaced, cut short or changed byte by byte
//! as the input says; loading the folder then gives exactly the dossiers
//! the files hold — a damaged cache is rebuilt, never served — and nothing
//! panics, loading eagerly or with bodies read later. With bodies read
//! later, a damaged body part is found only when read: its texts are
//! errors, never other text, and the next load is the files' own.
//!
//! Input: the first byte picks what to do with the file (`% 3`): 0 replace
//! it with the rest of the input, 1 cut it to the length the next four
//! bytes give, 2 apply the rest as edits of five bytes each (a
//! little-endian offset, a byte to xor in).

#![no_main]

use std::fs;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use dossier::store::cache::Cache;
use dossier::store::dossiers::load_dir;
use dossier_core::Corpus;
use libfuzzer_sys::fuzz_target;

const MAX_FILE_SIZE: u64 = 1 << 20;

struct Setup {
    folder: PathBuf,
    cache: Cache,
    /// The cache file as written for the unchanged folder.
    valid: (PathBuf, Vec<u8>),
    texts: Vec<(String, String)>,
}

/// Every node's id and text, as loaded.
fn texts(c: &Corpus) -> Vec<(String, String)> {
    c.nodes
        .iter()
        .map(|n| {
            (
                n.id.clone(),
                format!(
                    "{}\n{}",
                    n.title,
                    n.document().map_or_else(|e| e.to_string(), |d| d.plain())
                ),
            )
        })
        .collect()
}

fn cache_file(dir: &Path, kind: &str) -> PathBuf {
    fs::read_dir(dir)
        .expect("the cache folder")
        .map(|e| e.expect("an entry").path())
        .find(|p| {
            let name = p.file_name().unwrap_or_default().to_string_lossy();
            name.starts_with(kind) && name.ends_with(".bin")
        })
        .expect("a cache file")
}

fn setup() -> &'static Setup {
    static SETUP: OnceLock<Setup> = OnceLock::new();
    SETUP.get_or_init(|| {
        let root = std::env::temp_dir().join(format!("dossier-fuzz-cache-{}", std::process::id()));
        let folder = root.join("dossiers");
        let cache_dir = root.join("cache");
        let _ = fs::remove_dir_all(&root);
        fs::create_dir_all(&folder).expect("a dossier folder");
        for entry in fs::read_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/../dossiers"))
            .expect("the bundled dossiers")
        {
            let path = entry.expect("an entry").path();
            if path.is_file() {
                fs::copy(&path, folder.join(path.file_name().expect("a name"))).expect("a copy");
            }
        }
        let reference = load_dir(&folder, MAX_FILE_SIZE);
        assert!(reference.errors.is_empty(), "the bundled dossiers load");
        let cache = Cache::new(&cache_dir);
        cache.corpus(&folder, MAX_FILE_SIZE);
        let path = cache_file(&cache_dir, "corpus");
        let bytes = fs::read(&path).expect("a cache file");
        Setup {
            texts: texts(&reference),
            valid: (path, bytes),
            folder,
            cache,
        }
    })
}

fn damaged(valid: &[u8], how: u8, rest: &[u8]) -> Vec<u8> {
    match how % 3 {
        0 => rest.to_vec(),
        1 => {
            let len = rest
                .get(..4)
                .map_or(0, |b| u32::from_le_bytes([b[0], b[1], b[2], b[3]]) as usize);
            valid[..len % (valid.len() + 1)].to_vec()
        }
        _ => {
            let mut bytes = valid.to_vec();
            for edit in rest.chunks_exact(5) {
                let at = u32::from_le_bytes([edit[0], edit[1], edit[2], edit[3]]) as usize;
                let len = bytes.len().max(1);
                if let Some(b) = bytes.get_mut(at % len) {
                    *b ^= edit[4];
                }
            }
            bytes
        }
    }
}

fuzz_target!(|data: &[u8]| {
    let Some((&how, rest)) = data.split_first() else {
        return;
    };
    let s = setup();
    let (path, valid) = &s.valid;
    for lazy in [false, true] {
        fs::write(path, damaged(valid, how, rest)).expect("a cache file written");
        let (corpus, _) = s.cache.corpus_served(&s.folder, MAX_FILE_SIZE, lazy);
        let got = texts(&corpus);
        if got == s.texts {
            continue;
        }
        // Served before its bodies are read, a corpus whose body part is
        // damaged shows those texts as errors, never as other text; the
        // file then goes, and the next load is the files' own.
        assert!(lazy, "the corpus as the files hold it");
        assert_eq!(got.len(), s.texts.len());
        for ((id, text), (want_id, want)) in got.iter().zip(&s.texts) {
            assert_eq!(id, want_id);
            assert!(
                text == want || text.contains("made again on the next start"),
                "{id}: {text}"
            );
        }
        let (again, _) = s.cache.corpus_served(&s.folder, MAX_FILE_SIZE, true);
        assert!(texts(&again) == s.texts, "the files' corpus after the damage");
    }
    // The next input starts from the valid file again.
    fs::write(path, valid).expect("the valid cache file back");
});
