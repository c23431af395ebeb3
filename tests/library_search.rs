//! `dossier search` over a library: documents as results, each once,
//! ranked by their fields; the index kept in the cache and used, updated
//! or rebuilt on the next start, never giving a wrong answer.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // test code

use std::path::{Path, PathBuf};
use std::time::Duration;

use assert_cmd::Command;
use serde_json::Value;

struct Home {
    dir: tempfile::TempDir,
}

impl Home {
    fn new() -> Home {
        Home {
            dir: tempfile::tempdir().unwrap(),
        }
    }

    fn path(&self, rel: &str) -> PathBuf {
        self.dir.path().join(rel)
    }

    fn cmd(&self) -> Command {
        let mut c = Command::new(env!("CARGO_BIN_EXE_dossier"));
        c.current_dir(self.dir.path())
            .env("HOME", self.path("home"))
            .env("XDG_CONFIG_HOME", self.path("home/config"))
            .env("XDG_CACHE_HOME", self.path("home/cache"))
            .env("XDG_DATA_HOME", self.path("home/data"))
            .env("XDG_STATE_HOME", self.path("home/state"))
            .env_remove("DOSSIER_NO_CACHE")
            .env_remove("DOSSIER_CACHE_DIR")
            .timeout(Duration::from_secs(60));
        c
    }

    fn search(&self, lib: &Path, query: &str) -> Vec<Value> {
        let out = self
            .cmd()
            .arg("--dossiers")
            .arg(lib)
            .args(["search", query, "--json"])
            .assert()
            .success()
            .get_output()
            .stdout
            .clone();
        let v: Value = serde_json::from_slice(&out).unwrap();
        v.as_array().unwrap().clone()
    }
}

fn ids(hits: &[Value]) -> Vec<String> {
    hits.iter()
        .map(|h| h["dossier"].as_str().unwrap().to_string())
        .collect()
}

/// A motie of the library as the import writes it.
fn motie(lib: &Path, dossier: &str, number: &str, member: &str, subject: &str, text: &str) {
    let id = format!("kst-{}-{number}", dossier.to_lowercase());
    std::fs::create_dir_all(lib).unwrap();
    std::fs::write(
        lib.join(format!("{id}.toml")),
        format!(
            "[dossier]\nid = \"{id}\"\nkind = \"document\"\n\
             title = \"Motie van het lid {member} over {subject}\"\n\
             text = '''\n{text}\n'''\n\n\
             [document]\ntype = \"motie\"\ndate = \"2025-06-04\"\n\
             dossier_number = \"{dossier}\"\nnumber = \"{number}\"\nyear = \"2024-2025\"\n\n\
             [[document.signatory]]\nrole = \"lid\"\nname = \"{member}\"\n"
        ),
    )
    .unwrap();
}

fn small_library(lib: &Path) {
    motie(
        lib,
        "21501-04",
        "287",
        "Ram",
        "organisaties in de keten van mensensmokkel",
        "De Kamer,\n\nverzoekt de regering de keten van mensensmokkel aan te pakken,\n\nen gaat over tot de orde van de dag.",
    );
    for n in 0..6 {
        motie(
            lib,
            "36600-V",
            &format!("{}", 40 + n),
            "Kahraman",
            &format!("onderwerp {n}"),
            "De Kamer,\n\nconstaterende dat het lid KAHRAMAN deze motie indient,\n\nverzoekt de regering deze motie uit te voeren.",
        );
    }
    for n in 0..3 {
        motie(
            lib,
            "21501-20",
            &format!("{}", 2240 + n),
            "Van Dijk",
            &format!("de Raad {n}"),
            "Over de wapenexport.\n\nEen alinea tussendoor.\n\nEn over Israël ten slotte.",
        );
    }
}

#[test]
fn motie_ram_comes_first_and_no_document_twice() {
    let h = Home::new();
    let lib = h.path("lib");
    small_library(&lib);
    let hits = h.search(&lib, "motie Ram");
    let found = ids(&hits);
    assert_eq!(found[0], "kst-21501-04-287", "{found:?}");
    let mut unique = found.clone();
    unique.sort();
    unique.dedup();
    assert_eq!(unique.len(), found.len(), "{found:?}");
    // Each result carries its passages; the contract's fields are there.
    let first = &hits[0];
    for key in ["dossier", "node", "title", "snippet"] {
        assert!(first[key].is_string(), "{key} in {first}");
    }
    assert!(first["score"].is_i64());
    assert!(first["passages"].as_array().is_some_and(|p| !p.is_empty()));
}

#[test]
fn a_dossier_number_lists_its_documents_and_words_across_paragraphs_find() {
    let h = Home::new();
    let lib = h.path("lib");
    small_library(&lib);
    let mut found = ids(&h.search(&lib, "21501-20"));
    found.sort();
    assert_eq!(
        found,
        [
            "kst-21501-20-2240",
            "kst-21501-20-2241",
            "kst-21501-20-2242"
        ]
    );
    assert_eq!(
        ids(&h.search(&lib, "Kamerstukken II 2024/25, 21 501-20, nr. 2241")),
        ["kst-21501-20-2241"]
    );
    assert_eq!(ids(&h.search(&lib, "wapenexport Israël")).len(), 3);
    assert_eq!(ids(&h.search(&lib, "mensensmokel"))[0], "kst-21501-04-287");
}

fn index_dirs(h: &Home) -> Vec<PathBuf> {
    let root = h.path("home/cache/dossier/index");
    let root = if root.is_dir() {
        root
    } else {
        h.path("home/cache/index")
    };
    std::fs::read_dir(&root)
        .unwrap_or_else(|e| panic!("{}: {e}", root.display()))
        .map(|e| e.unwrap().path())
        .collect()
}

#[test]
fn a_changed_library_and_a_broken_index_never_give_a_wrong_answer() {
    let h = Home::new();
    let lib = h.path("lib");
    small_library(&lib);
    assert_eq!(ids(&h.search(&lib, "motie Ram"))[0], "kst-21501-04-287");
    let dirs = index_dirs(&h);
    assert_eq!(dirs.len(), 1, "{dirs:?}");
    // A document written behind the index's back (an import killed before
    // it reached the index): the next start finds it.
    motie(
        &lib,
        "32317",
        "990",
        "Ellian",
        "drugssmokkel",
        "Over drugssmokkel.",
    );
    assert_eq!(ids(&h.search(&lib, "drugssmokkel")), ["kst-32317-990"]);
    // A document removed: gone from the answers.
    std::fs::remove_file(lib.join("kst-32317-990.toml")).unwrap();
    assert!(ids(&h.search(&lib, "drugssmokkel")).is_empty());
    // The index's meta file cut short: rebuilt, the same answer.
    std::fs::write(dirs[0].join("meta.json"), "{\"segments\": [").unwrap();
    assert_eq!(ids(&h.search(&lib, "motie Ram"))[0], "kst-21501-04-287");
    // Its segments gone: rebuilt too.
    for e in std::fs::read_dir(&dirs[0]).unwrap() {
        let p = e.unwrap().path();
        if p.extension().is_some_and(|x| x == "idx" || x == "store") {
            std::fs::remove_file(p).unwrap();
        }
    }
    assert_eq!(ids(&h.search(&lib, "motie Ram"))[0], "kst-21501-04-287");
}

#[test]
fn an_import_killed_midway_leaves_an_index_the_next_start_can_use() {
    let h = Home::new();
    let lib = h.path("lib");
    small_library(&lib);
    assert_eq!(ids(&h.search(&lib, "motie Ram"))[0], "kst-21501-04-287");
    let fixtures = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/op-xml");
    let xml: Vec<PathBuf> = std::fs::read_dir(&fixtures)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "xml"))
        .collect();
    // Kill the import at several moments: each time the next search
    // answers from the files as they are.
    for delay in [5u64, 30, 120] {
        let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_dossier"))
            .current_dir(h.dir.path())
            .env("HOME", h.path("home"))
            .env("XDG_CACHE_HOME", h.path("home/cache"))
            .env("XDG_DATA_HOME", h.path("home/data"))
            .env("XDG_CONFIG_HOME", h.path("home/config"))
            .arg("import")
            .args(&xml)
            .arg("--into")
            .arg(&lib)
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .unwrap();
        std::thread::sleep(Duration::from_millis(delay));
        let _ = child.kill();
        let _ = child.wait();
        let found = ids(&h.search(&lib, "motie Ram"));
        assert_eq!(found[0], "kst-21501-04-287", "after {delay} ms: {found:?}");
        // Every document the folder holds is found by its identity.
        for e in std::fs::read_dir(&lib).unwrap() {
            let name = e.unwrap().file_name().to_string_lossy().into_owned();
            let Some(id) = name.strip_suffix(".toml") else {
                continue;
            };
            let hits = ids(&h.search(&lib, id));
            assert_eq!(
                hits.first().map(String::as_str),
                Some(id),
                "after {delay} ms"
            );
        }
    }
}

/// The cache files of the corpus a start without `--dossiers` reads.
fn default_corpus_caches(h: &Home) -> Vec<PathBuf> {
    let Ok(entries) = std::fs::read_dir(h.path("home/cache/dossier")) else {
        return Vec::new();
    };
    entries
        .map(|e| e.unwrap().path())
        .filter(|p| {
            p.file_name()
                .is_some_and(|n| n.to_string_lossy().starts_with("built-in-corpus-"))
        })
        .collect()
}

#[test]
fn the_default_library_starts_from_its_cache_and_never_from_a_stale_one() {
    let h = Home::new();
    let lib = h.path("home/data/dossier/library");
    small_library(&lib);
    let list = |h: &Home| {
        let out = h.cmd().arg("list").assert().success().get_output().clone();
        String::from_utf8(out.stdout).unwrap()
    };
    let first = list(&h);
    assert!(first.contains("kst-21501-04-287"), "{first}");
    // The built-in letter and the library, cached together.
    assert_eq!(default_corpus_caches(&h).len(), 1);
    assert_eq!(list(&h), first);
    // A library file changed behind the cache's back: the next start
    // shows the file as it is now.
    motie(
        &lib,
        "21501-04",
        "287",
        "Ram",
        "de keten van drugssmokkel",
        "Over drugssmokkel.",
    );
    let changed = list(&h);
    assert!(changed.contains("drugssmokkel"), "{changed}");
    assert_ne!(changed, first);
    // The cache file cut short: the library is read again, the same list.
    let cache = &default_corpus_caches(&h)[0];
    let bytes = std::fs::read(cache).unwrap();
    std::fs::write(cache, &bytes[..bytes.len() / 2]).unwrap();
    assert_eq!(list(&h), changed);
}
