//! The index's ranking and its life on disk, on small libraries made here.

use std::path::Path;

use super::engine::{LibraryIndex, Loaded};
use super::query::{exact, parse};
use super::units::{Shown, Unit};

/// A document unit: id, title, people, idents and paragraphs.
fn unit(id: &str, title: &str, people: &[&str], idents: &[&str], paras: &[&str]) -> Unit {
    let mut passages = vec![(0, None, title.to_string())];
    passages.extend(
        paras
            .iter()
            .enumerate()
            .map(|(i, p)| (0, Some(i as u32), p.to_string())),
    );
    Unit {
        id: id.into(),
        file: format!("/lib/{id}.toml"),
        title: title.into(),
        people: people.iter().map(|p| p.to_string()).collect(),
        dossier_title: String::new(),
        idents: idents.iter().map(|i| i.to_string()).collect(),
        shown: Shown {
            title: title.into(),
            kind: "letter".into(),
            nodes: vec![(id.into(), title.into())],
            passages,
        },
    }
}

fn library() -> Vec<Unit> {
    let mut v = vec![unit(
        "kst-21501-04-287",
        "Motie van het lid Ram over organisaties in de keten van mensensmokkel",
        &["Ram"],
        &["21501-04-287", "21501", "21501-04"],
        &["Verzoekt de regering organisaties in de keten van mensensmokkel aan te pakken."],
    )];
    for n in 0..8 {
        v.push(unit(
            &format!("kst-36600-v-{n}"),
            &format!("Motie van het lid Kahraman over motie {n}"),
            &["Kahraman"],
            &[&format!("36600-v-{n}"), "36600", "36600-v"],
            &[
                "De Kamer, gehoord de beraadslaging, verzoekt de regering deze motie uit te voeren.",
                "KAHRAMAN",
            ],
        ));
    }
    for n in 0..4 {
        v.push(unit(
            &format!("kst-21501-20-{}", 2240 + n),
            &format!("Geannoteerde agenda Raad {n}"),
            &["Minister"],
            &[&format!("21501-20-{}", 2240 + n), "21501", "21501-20"],
            &["De Raad spreekt over de interne markt."],
        ));
    }
    v.push(unit(
        "kst-32317-1",
        "Verslag JBZ-Raad",
        &[],
        &["32317-1", "32317"],
        &[
            "Zie ook Kamerstuk 21501-20, nr. 2241 over de wapenexport.",
            "Een tweede alinea.",
            "Over Israël sprak de Raad later.",
        ],
    ));
    v
}

fn index() -> LibraryIndex {
    LibraryIndex::in_ram(Loaded {
        units: library(),
        warnings: Vec::new(),
    })
    .unwrap()
}

fn ids(index: &LibraryIndex, q: &str) -> Vec<String> {
    index
        .search(&parse(q), 20)
        .unwrap()
        .into_iter()
        .map(|f| f.id)
        .collect()
}

#[test]
fn motie_ram_puts_the_motie_of_member_ram_first() {
    let i = index();
    let found = ids(&i, "motie Ram");
    assert_eq!(found[0], "kst-21501-04-287", "{found:?}");
    // Parts of words still find, after the whole words.
    assert!(found.len() > 1, "{found:?}");
}

#[test]
fn a_dossier_number_lists_that_dossiers_documents_first() {
    let i = index();
    for q in ["21501-20", "21 501-20"] {
        let found = ids(&i, q);
        let first: Vec<&str> = found.iter().take(4).map(String::as_str).collect();
        assert!(
            first.iter().all(|id| id.starts_with("kst-21501-20-")),
            "{q}: {found:?}"
        );
        // The document that cites it comes after them.
        assert_eq!(found.get(4).map(String::as_str), Some("kst-32317-1"), "{q}");
    }
    for q in [
        "kst-21501-20-2241",
        "21 501-20, nr. 2241",
        "Kamerstukken II 2024/25, 21501-20, nr. 2241",
    ] {
        assert_eq!(ids(&i, q)[0], "kst-21501-20-2241", "{q}");
    }
}

#[test]
fn words_in_different_paragraphs_find_the_document_once() {
    let i = index();
    assert_eq!(ids(&i, "wapenexport Israël"), ["kst-32317-1"]);
    assert_eq!(ids(&i, "JBZ-Raad"), ["kst-32317-1"]);
}

#[test]
fn a_typo_is_forgiven_when_the_words_as_typed_find_nothing() {
    let i = index();
    assert_eq!(ids(&i, "mensensmokel")[0], "kst-21501-04-287");
    // Not when they find enough: exact words only.
    assert!(ids(&i, "'mensensmokel").is_empty());
}

#[test]
fn fzf_syntax_and_exact_phrases() {
    let i = index();
    let not = ids(&i, "motie !Kahraman");
    assert_eq!(not, ["kst-21501-04-287"]);
    let either = ids(&i, "wapenexport | mensensmokkel");
    assert_eq!(either.len(), 2, "{either:?}");
    let phrase = i.search(&exact("interne markt"), 20).unwrap();
    assert_eq!(phrase.len(), 4);
    assert!(i.search(&exact("markt interne"), 20).unwrap().is_empty());
    assert_eq!(ids(&i, "^mensens")[0], "kst-21501-04-287");
    assert_eq!(ids(&i, "smokkel$")[0], "kst-21501-04-287");
}

/// The ids every unit a filter's text matches, sorted.
fn matching(index: &LibraryIndex, q: &str) -> Vec<String> {
    let mut ids = index.matching(&parse(q)).unwrap();
    ids.sort();
    ids
}

#[test]
fn a_filter_matches_every_unit_holding_each_word_whole_or_as_a_start() {
    let i = index();
    // A word of the text alone, in every unit that holds it.
    let heard = matching(&i, "beraadslaging");
    assert_eq!(heard.len(), 8, "{heard:?}");
    assert!(heard.iter().all(|id| id.starts_with("kst-36600-v-")));
    // Every word, in any field, as the start of a word.
    assert_eq!(matching(&i, "wapenexp Israël"), ["kst-32317-1"]);
    assert_eq!(matching(&i, "JBZ-Raad"), ["kst-32317-1"]);
    assert_eq!(matching(&i, "32317"), ["kst-32317-1"]);
    assert_eq!(matching(&i, "motie").len(), 9);
    // No typo and no part of a word: a filter shows no near misses.
    assert!(matching(&i, "mensensmokel").is_empty());
    assert!(matching(&i, "smokkel").is_empty());
    assert!(matching(&i, "qqq").is_empty());
    assert!(matching(&i, "").is_empty());
    // fzf's syntax as search reads it.
    assert_eq!(matching(&i, "'smokkel"), ["kst-21501-04-287"]);
    assert_eq!(matching(&i, "smokkel$"), ["kst-21501-04-287"]);
    assert_eq!(matching(&i, "motie !Kahraman"), ["kst-21501-04-287"]);
    assert_eq!(
        matching(&i, "wapenexport | mensensmokkel"),
        ["kst-21501-04-287", "kst-32317-1"]
    );
    assert!(matching(&i, "!motie").is_empty());
}

#[test]
fn a_filter_matches_all_units_not_the_best_few() {
    let units: Vec<Unit> = (0..500)
        .map(|n| {
            unit(
                &format!("d-{n}"),
                "Brief",
                &[],
                &[],
                &["Over de begroting."],
            )
        })
        .collect();
    let i = LibraryIndex::in_ram(Loaded {
        units,
        warnings: Vec::new(),
    })
    .unwrap();
    assert_eq!(i.matching(&parse("begroting")).unwrap().len(), 500);
    assert_eq!(i.matching(&parse("begr")).unwrap().len(), 500);
}

/// The sources of a library on disk: a stamp per unit's file.
fn sources(units: &[Unit], stamp: &str) -> Vec<(String, String)> {
    units
        .iter()
        .map(|u| (u.file.clone(), stamp.to_string()))
        .collect()
}

fn open(dir: &Path, units: &[Unit], stamp: &str, loads: &mut usize) -> LibraryIndex {
    let mut load = |_: Option<&[String]>| {
        *loads += 1;
        Loaded {
            units: units.to_vec(),
            warnings: vec!["a.toml:1:1: kapot".into()],
        }
    };
    LibraryIndex::open(dir, &sources(units, stamp), &mut load).unwrap()
}

#[test]
fn a_second_start_reads_no_file_and_a_changed_file_is_indexed_again() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("index");
    std::fs::create_dir(&dir).unwrap();
    let mut units = library();
    let mut loads = 0;
    let first = open(&dir, &units, "1", &mut loads);
    assert_eq!(first.len(), units.len());
    drop(first);
    let again = open(&dir, &units, "1", &mut loads);
    assert_eq!(loads, 1, "the second start loads nothing");
    assert_eq!(again.warnings(), ["a.toml:1:1: kapot"]);
    drop(again);
    // One file changed: its unit is replaced, the others stay.
    units[0].shown.passages[1].2 = "Nu over drugssmokkel.".into();
    let mut srcs = sources(&units, "1");
    srcs[0].1 = "2".into();
    let mut load = |_: Option<&[String]>| Loaded {
        units: units.clone(),
        warnings: Vec::new(),
    };
    let updated = LibraryIndex::open(&dir, &srcs, &mut load).unwrap();
    assert_eq!(updated.len(), units.len());
    assert_eq!(ids(&updated, "drugssmokkel"), ["kst-21501-04-287"]);
    assert!(ids(&updated, "'keten organisaties aan").is_empty());
    drop(updated);
    // One file removed: its unit goes.
    let fewer: Vec<Unit> = units[1..].to_vec();
    let mut srcs = sources(&fewer, "1");
    srcs.retain(|s| s.0 != units[0].file);
    let mut load = |_: Option<&[String]>| Loaded {
        units: fewer.clone(),
        warnings: Vec::new(),
    };
    let removed = LibraryIndex::open(&dir, &srcs, &mut load).unwrap();
    assert_eq!(removed.len(), fewer.len());
    assert!(ids(&removed, "drugssmokkel").is_empty());
}

#[test]
fn a_broken_index_is_rebuilt_and_an_uncommitted_one_is_not_used() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("index");
    std::fs::create_dir(&dir).unwrap();
    let units = library();
    let mut loads = 0;
    drop(open(&dir, &units, "1", &mut loads));
    // A writer that adds documents and dies before its commit: the index
    // answers as before.
    {
        let index = tantivy::Index::open_in_dir(&dir).unwrap();
        let w: tantivy::IndexWriter = index.writer_with_num_threads(1, 15_000_000).unwrap();
        let body = index.schema().get_field("body").unwrap();
        let kind = index.schema().get_field("kind").unwrap();
        w.add_document(tantivy::doc!(kind => "unit", body => "spookwoord"))
            .unwrap();
        drop(w);
    }
    let i = open(&dir, &units, "1", &mut loads);
    assert!(ids(&i, "spookwoord").is_empty());
    assert_eq!(loads, 1);
    drop(i);
    // The meta file cut short: the index is built again.
    std::fs::write(dir.join("meta.json"), "{\"segm").unwrap();
    let i = open(&dir, &units, "1", &mut loads);
    assert_eq!(loads, 2);
    assert_eq!(ids(&i, "motie Ram")[0], "kst-21501-04-287");
    drop(i);
    // Segment files gone: built again too.
    for e in std::fs::read_dir(&dir).unwrap() {
        let p = e.unwrap().path();
        if p.extension().is_some_and(|x| x == "idx") {
            std::fs::remove_file(p).unwrap();
        }
    }
    let mut load = |_: Option<&[String]>| Loaded {
        units: units.clone(),
        warnings: Vec::new(),
    };
    let i = LibraryIndex::open(&dir, &sources(&units, "1"), &mut load).unwrap();
    assert_eq!(ids(&i, "motie Ram")[0], "kst-21501-04-287");
}

#[test]
fn an_index_written_by_another_program_is_built_again() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("index");
    std::fs::create_dir(&dir).unwrap();
    let units = library();
    let mut loads = 0;
    drop(open(&dir, &units, "1", &mut loads));
    // Another build wrote it: same files, units of another shape.
    {
        let index = tantivy::Index::open_in_dir(&dir).unwrap();
        let mut w: tantivy::IndexWriter = index.writer_with_num_threads(1, 15_000_000).unwrap();
        // Its units gone (say, read another way), its stamps kept.
        let kind = index.schema().get_field("kind").unwrap();
        w.delete_term(tantivy::Term::from_field_text(kind, "unit"));
        let mut c = w.prepare_commit().unwrap();
        c.set_payload("{\"digest\": \"x\", \"program\": \"older\", \"warnings\": []}");
        c.commit().unwrap();
    }
    let i = open(&dir, &units, "1", &mut loads);
    assert_eq!(loads, 2);
    assert_eq!(i.len(), units.len());
}

#[test]
fn an_index_read_unmapped_survives_its_files_truncated_underfoot() {
    use super::engine::Reading;
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("index");
    std::fs::create_dir(&dir).unwrap();
    let units = library();
    let srcs = sources(&units, "1");
    let mut load = |_: Option<&[String]>| Loaded {
        units: units.clone(),
        warnings: Vec::new(),
    };
    drop(LibraryIndex::open_with(&dir, &srcs, &mut load, Reading::Unmapped).unwrap());
    // Opened again as the interface does: from the files, not built.
    let mut built = false;
    let mut load = |_: Option<&[String]>| {
        built = true;
        Loaded {
            units: Vec::new(),
            warnings: Vec::new(),
        }
    };
    let i = LibraryIndex::open_with(&dir, &srcs, &mut load, Reading::Unmapped).unwrap();
    assert!(!built);
    assert_eq!(ids(&i, "mensensmokkel"), ["kst-21501-04-287"]);
    // Another program empties every file of the index: a mapped index
    // would end the process with SIGBUS on the next read; this one
    // answers with an error or with what it still holds.
    for e in std::fs::read_dir(&dir).unwrap() {
        let p = e.unwrap().path();
        std::fs::OpenOptions::new()
            .write(true)
            .open(&p)
            .unwrap()
            .set_len(0)
            .unwrap();
    }
    for q in ["wapenexport", "Kahraman motie", "21501-20", "mensensmokel"] {
        let _ = i.search(&parse(q), 10);
    }
}

#[test]
fn the_digest_of_the_files_is_their_stamps_in_any_order() {
    let files: Vec<(String, String)> = (0..50)
        .map(|i| (format!("lib/kst-{i}.toml"), format!("{i}:1.0:1.0:{i}")))
        .collect();
    let mut reversed = files.clone();
    reversed.reverse();
    assert_eq!(
        super::engine::digest(&files),
        super::engine::digest(&reversed)
    );
    // One file written again, one removed, one stamp moved to another
    // file: each a different digest.
    let mut touched = files.clone();
    touched[7].1 = "7:2.0:2.0:7".into();
    assert_ne!(
        super::engine::digest(&files),
        super::engine::digest(&touched)
    );
    assert_ne!(
        super::engine::digest(&files),
        super::engine::digest(&files[1..])
    );
    let mut swapped = files.clone();
    let stamp = swapped[3].1.clone();
    swapped[3].1 = swapped[4].1.clone();
    swapped[4].1 = stamp;
    assert_ne!(
        super::engine::digest(&files),
        super::engine::digest(&swapped)
    );
}
