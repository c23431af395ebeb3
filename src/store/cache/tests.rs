use std::fs;

use dossier_core::search::SearchIndex;

use super::*;

const LETTER: &str = "[dossier]\nid = \"brief\"\nkind = \"letter\"\ntitle = \"Brief\"\ntext = \"Hierbij de brief.\"\n[letter]\ndate = \"2025-12-17\"\nreference = \"1\"\n";

fn topic(word: &str) -> String {
    format!(
        "[dossier]\nid = \"t\"\ntitle = \"Onderwerp\"\nsource = \"brief\"\ntext = '''\nDe Raad sprak over {word}.\n'''\n"
    )
}

struct Setup {
    _tmp: tempfile::TempDir,
    folder: PathBuf,
    cache: Cache,
}

fn setup() -> Setup {
    let tmp = tempfile::tempdir().unwrap();
    let folder = tmp.path().join("dossiers");
    fs::create_dir(&folder).unwrap();
    fs::write(folder.join("brief.toml"), LETTER).unwrap();
    fs::write(folder.join("t.toml"), topic("Italië")).unwrap();
    let cache = Cache::new(tmp.path().join("cache"));
    Setup {
        _tmp: tmp,
        folder,
        cache,
    }
}

fn cache_files(s: &Setup, kind: &str) -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = fs::read_dir(&s.cache.dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.file_name().unwrap().to_string_lossy().starts_with(kind))
        .collect();
    v.sort();
    v
}

fn text_of(c: &Corpus) -> String {
    c.by_id("t").unwrap().document().unwrap().plain()
}

fn rebuilt(o: &Outcome) -> bool {
    matches!(o, Outcome::Rebuilt(_))
}

#[test]
fn a_second_load_is_served_from_the_cache_and_equals_the_first() {
    let s = setup();
    let (first, o) = s.cache.corpus(&s.folder, 1 << 20);
    assert_eq!(o, Outcome::Rebuilt("no cache yet".into()));
    let (second, o) = s.cache.corpus(&s.folder, 1 << 20);
    assert_eq!(o, Outcome::Hit);
    assert_eq!(first.nodes, second.nodes);
    assert_eq!(first.roots, second.roots);
    assert_eq!(first.backlinks, second.backlinks);
    assert_eq!(second.get("t"), first.get("t"));
}

#[test]
fn a_changed_file_rebuilds_even_with_the_same_size_and_time() {
    let s = setup();
    let path = s.folder.join("t.toml");
    let _ = s.cache.corpus(&s.folder, 1 << 20);
    let before = fs::metadata(&path).unwrap().modified().unwrap();
    // Same length, same modification time: only the content hash tells.
    fs::write(&path, topic("Zwedén")).unwrap();
    assert_eq!(
        fs::metadata(&path).unwrap().len() as usize,
        topic("Italië").len()
    );
    fs::File::options()
        .write(true)
        .open(&path)
        .unwrap()
        .set_modified(before)
        .unwrap();
    let (c, o) = s.cache.corpus(&s.folder, 1 << 20);
    assert!(rebuilt(&o), "{o:?}");
    assert!(text_of(&c).contains("Zwedén"));
}

#[test]
fn an_added_or_removed_file_rebuilds() {
    let s = setup();
    let _ = s.cache.corpus(&s.folder, 1 << 20);
    fs::write(s.folder.join("notes.txt"), "x").unwrap();
    assert!(rebuilt(&s.cache.corpus(&s.folder, 1 << 20).1));
    fs::remove_file(s.folder.join("notes.txt")).unwrap();
    assert!(rebuilt(&s.cache.corpus(&s.folder, 1 << 20).1));
    assert_eq!(s.cache.corpus(&s.folder, 1 << 20).1, Outcome::Hit);
    // Another size limit is another load.
    assert!(rebuilt(&s.cache.corpus(&s.folder, 1 << 19).1));
}

#[test]
fn a_truncated_cache_file_is_rebuilt_not_served() {
    let s = setup();
    let (good, _) = s.cache.corpus(&s.folder, 1 << 20);
    let file = &cache_files(&s, "corpus")[0];
    let bytes = fs::read(file).unwrap();
    for cut in [0, 10, 40, bytes.len() / 2, bytes.len() - 1] {
        fs::write(file, &bytes[..cut]).unwrap();
        let (c, o) = s.cache.corpus(&s.folder, 1 << 20);
        assert!(rebuilt(&o), "cut at {cut}: {o:?}");
        assert_eq!(c.nodes, good.nodes);
    }
    assert_eq!(s.cache.corpus(&s.folder, 1 << 20).1, Outcome::Hit);
}

#[test]
fn a_corrupted_cache_file_is_rebuilt_not_served() {
    let s = setup();
    let (good, _) = s.cache.corpus(&s.folder, 1 << 20);
    let file = &cache_files(&s, "corpus")[0];
    let bytes = fs::read(file).unwrap();
    // Flip one byte at a time across the whole file: header, key, payload.
    for i in (0..bytes.len()).step_by(7) {
        let mut b = bytes.clone();
        b[i] ^= 0x20;
        fs::write(file, &b).unwrap();
        let (c, o) = s.cache.corpus(&s.folder, 1 << 20);
        assert!(rebuilt(&o), "byte {i}: {o:?}");
        assert_eq!(c.nodes, good.nodes, "byte {i}");
    }
    // The payload itself, damaged where it still parses: the hash catches it.
    let at = bytes.windows(5).rposition(|w| w == b"Itali");
    let mut b = bytes.clone();
    b[at.unwrap()] = b'J';
    fs::write(file, &b).unwrap();
    let (c, o) = s.cache.corpus(&s.folder, 1 << 20);
    assert_eq!(o, Outcome::Rebuilt("the cache file is damaged".into()));
    assert!(text_of(&c).contains("Italië"));
}

#[test]
fn a_load_with_errors_is_cached_with_its_errors() {
    let s = setup();
    fs::write(s.folder.join("kapot.toml"), "[dossier\n").unwrap();
    let (first, o) = s.cache.corpus(&s.folder, 1 << 20);
    assert!(rebuilt(&o), "{o:?}");
    assert_eq!(first.errors.len(), 1);
    // Served from the cache, the broken file is still said, in either
    // way of reading, and the good ones are there.
    let (eager, o) = s.cache.corpus(&s.folder, 1 << 20);
    assert_eq!(o, Outcome::Hit);
    assert_eq!(eager.errors, first.errors);
    let (lazy, o) = s.cache.corpus_served(&s.folder, 1 << 20, true);
    assert_eq!(o, Outcome::Hit);
    assert_eq!(lazy.errors, first.errors);
    assert!(text_of(&lazy).contains("Italië"));
    // Mended: read again, no error left.
    fs::write(
        s.folder.join("kapot.toml"),
        topic("Marokko").replace("\"t\"", "\"k\""),
    )
    .unwrap();
    let (mended, o) = s.cache.corpus(&s.folder, 1 << 20);
    assert!(rebuilt(&o), "{o:?}");
    assert!(mended.errors.is_empty(), "{:?}", mended.errors);
}

#[test]
fn the_hash_does_not_depend_on_how_the_bytes_are_split() {
    let data: Vec<u8> = (0..1000u32).map(|i| (i * 7 % 251) as u8).collect();
    let mut whole = Hash64::new();
    whole.update(&data);
    for split in [1, 3, 8, 13, 999] {
        let mut h = Hash64::new();
        for c in data.chunks(split) {
            h.update(c);
        }
        assert_eq!(h.finish(), whole.finish(), "split {split}");
    }
    let mut other = Hash64::new();
    other.update(&data[..999]);
    assert_ne!(other.finish(), whole.finish());
}

/// The stored key of `s`'s folder with `t.toml`'s hash replaced by a wrong
/// one, as if the file had been rewritten after hashing with the same size,
/// time, inode and change time; and the stored time moved `after` ns past
/// the file's modification time.
fn key_with_stale_hash(s: &Setup, after: i128) -> Key {
    let mut key = Key::of(&s.folder, 1 << 20, None).unwrap();
    let i = key.files.find("t.toml").unwrap();
    let stamp = key.files.stamp_mut(i).unwrap();
    stamp.hash ^= 1;
    key.taken = stamp.mtime + after;
    key
}

fn hash_of_t(key: &Key) -> u64 {
    key.files
        .stamp(key.files.find("t.toml").unwrap())
        .unwrap()
        .hash
}

#[test]
fn a_file_modified_within_the_racy_window_of_the_key_is_hashed_again() {
    let s = setup();
    let truth = hash_of_t(&Key::of(&s.folder, 1 << 20, None).unwrap());
    // Inside the window: the metadata match, yet the file is read again,
    // so the edit shows and the cache is not served.
    let racy = key_with_stale_hash(&s, RACY_WINDOW_NS / 2);
    let now = Key::of(&s.folder, 1 << 20, Some(&racy)).unwrap();
    assert_eq!(hash_of_t(&now), truth);
    assert!(!now.same_content(&racy));
    // Well before the key's time, matching metadata are trusted: the
    // stored hash is kept without reading the file.
    let old = key_with_stale_hash(&s, RACY_WINDOW_NS * 10);
    let now = Key::of(&s.folder, 1 << 20, Some(&old)).unwrap();
    assert_eq!(hash_of_t(&now), truth ^ 1);
    assert!(now.same_content(&old));
}

#[test]
fn a_same_size_same_time_edit_inside_the_racy_window_is_never_served() {
    let s = setup();
    let path = s.folder.join("t.toml");
    let (_, o) = s.cache.corpus(&s.folder, 1 << 20);
    assert!(rebuilt(&o), "{o:?}");
    let before = fs::metadata(&path).unwrap().modified().unwrap();
    // Rewritten in place: same inode, same size, modification time put back.
    fs::File::options()
        .write(true)
        .open(&path)
        .unwrap()
        .write_all(topic("Zwedén").as_bytes())
        .unwrap();
    fs::File::options()
        .write(true)
        .open(&path)
        .unwrap()
        .set_modified(before)
        .unwrap();
    let (c, o) = s.cache.corpus(&s.folder, 1 << 20);
    assert!(rebuilt(&o), "{o:?}");
    assert!(text_of(&c).contains("Zwedén"));
}

#[test]
fn a_touched_but_unchanged_file_is_still_served() {
    let s = setup();
    let path = s.folder.join("t.toml");
    let _ = s.cache.corpus(&s.folder, 1 << 20);
    let later =
        fs::metadata(&path).unwrap().modified().unwrap() + std::time::Duration::from_secs(5);
    fs::File::options()
        .write(true)
        .open(&path)
        .unwrap()
        .set_modified(later)
        .unwrap();
    assert_eq!(s.cache.corpus(&s.folder, 1 << 20).1, Outcome::Hit);
}

/// `key` as if it had been taken ten racy windows later, so that nothing
/// in it is too recent to trust.
fn aged(mut key: Key) -> Key {
    key.taken += RACY_WINDOW_NS * 10;
    key
}

#[test]
fn a_directory_unchanged_since_an_old_key_is_not_listed_again() {
    let s = setup();
    let key = Key::of(&s.folder, 1 << 20, None).unwrap();
    let names = |k: &Key| {
        k.files
            .iter()
            .map(|(p, _)| p.to_string())
            .collect::<Vec<_>>()
    };
    assert_eq!(names(&key), ["brief.toml", "t.toml"]);
    // Unchanged, the folder gives the same files, stamps and directories
    // whether it is read or taken from an old key.
    let again = Key::of(&s.folder, 1 << 20, Some(&aged(key.clone()))).unwrap();
    assert_eq!((&again.files, &again.dirs), (&key.files, &key.dirs));
    // A key whose listing lacks a file: while the directory's own stamp is
    // unchanged and old, its listing is taken as it stands ...
    let mut partial = aged(key.clone());
    partial.files.retain(|p| p != "brief.toml");
    assert_eq!(
        names(&Key::of(&s.folder, 1 << 20, Some(&partial)).unwrap()),
        ["t.toml"]
    );
    // ... but a recent one is read again.
    let mut recent = key.clone();
    recent.files.retain(|p| p != "brief.toml");
    assert_eq!(
        names(&Key::of(&s.folder, 1 << 20, Some(&recent)).unwrap()),
        ["brief.toml", "t.toml"]
    );
    // Adding, removing or renaming an entry changes the directory's stamp,
    // in a subdirectory too.
    let old = aged(key);
    fs::create_dir(s.folder.join("sub")).unwrap();
    fs::write(s.folder.join("sub/a.toml"), topic("Marokko")).unwrap();
    let with_sub = Key::of(&s.folder, 1 << 20, Some(&old)).unwrap();
    assert_eq!(names(&with_sub), ["brief.toml", "sub/a.toml", "t.toml"]);
    let old = aged(with_sub);
    assert_eq!(
        names(&Key::of(&s.folder, 1 << 20, Some(&old)).unwrap()),
        ["brief.toml", "sub/a.toml", "t.toml"]
    );
    fs::rename(s.folder.join("sub/a.toml"), s.folder.join("sub/b.toml")).unwrap();
    fs::remove_file(s.folder.join("brief.toml")).unwrap();
    assert_eq!(
        names(&Key::of(&s.folder, 1 << 20, Some(&old)).unwrap()),
        ["sub/b.toml", "t.toml"]
    );
}

#[test]
fn a_corpus_read_lazily_reads_every_body_back_as_it_was() {
    // The letter's own dossiers: footnotes, annexes, references, links.
    let folder = Path::new(env!("CARGO_MANIFEST_DIR")).join("dossiers");
    let tmp = tempfile::tempdir().unwrap();
    let cache = Cache::new(tmp.path());
    let (eager, o) = cache.corpus_served(&folder, 1 << 20, false);
    assert!(rebuilt(&o), "{o:?}");
    let (lazy, o) = cache.corpus_served(&folder, 1 << 20, true);
    assert_eq!(o, Outcome::Hit);
    // What comes from the links is there before any body is read.
    assert!(format!("{:?}", lazy.nodes[1].body).contains("not read yet"));
    assert_eq!(lazy.backlinks, eager.backlinks);
    for &r in &eager.roots {
        assert_eq!(lazy.references_cited_by(r), eager.references_cited_by(r));
    }
    assert!(format!("{:?}", lazy.nodes[1].body).contains("not read yet"));
    // Every body, read now, is the one loaded from the files.
    assert_eq!(lazy.nodes, eager.nodes);
    assert!(!lazy.nodes.iter().all(|n| n.document().unwrap().is_empty()));
}

#[test]
fn a_body_whose_cache_block_changed_after_loading_is_not_shown() {
    let s = setup();
    let (eager, _) = s.cache.corpus(&s.folder, 1 << 20);
    let (lazy, o) = s.cache.corpus_served(&s.folder, 1 << 20, true);
    assert_eq!(o, Outcome::Hit);
    // Another program writes into the cache file in place (this one only
    // ever replaces it): the body read afterwards is not the changed text.
    let file = &cache_files(&s, "corpus")[0];
    let mut b = fs::read(file).unwrap();
    // The body's text: after the node's own fields (its countries).
    let at = b.windows(5).rposition(|w| w == b"Itali").unwrap();
    b[at] = b'J';
    fs::write(file, &b).unwrap();
    // Nor anything else put in its place: an error that names the node,
    // the cache file and where in it.
    let e = lazy.by_id("t").unwrap().document().unwrap_err();
    assert_eq!(e.node, "t");
    assert!(e.reason.starts_with(&file.display().to_string()), "{e}");
    assert!(e.reason.contains("block at byte"), "{e}");
    assert!(e.reason.contains("made again on the next start"), "{e}");
    // The damaged file is gone: the next start makes it again.
    assert!(!file.exists());
    // The search index leaves it out (with the rest of its block) and
    // says so.
    let (index, unreadable) = SearchIndex::build_reporting(&lazy);
    assert!(unreadable.contains(&e), "{unreadable:?}");
    assert!(index.exact("jtali", 5).is_empty());
    assert!(index.exact("changed", 5).is_empty());
    assert!(text_of(&eager).contains("Italië"));
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(64))]

    /// A key reads back as written, whatever its paths and stamps; a key
    /// with a byte changed or cut short never panics, and if it still
    /// reads, its paths are still in order (lookups rely on it).
    #[test]
    fn a_key_reads_back_as_written_and_damaged_bytes_never_panic(
        files in proptest::collection::btree_map(
            "[a-zé_./]{1,16}",
            (proptest::prelude::any::<u64>(), proptest::prelude::any::<i64>(), proptest::prelude::any::<u64>()),
            0..24,
        ),
        at in proptest::prelude::any::<proptest::sample::Index>(),
        cut in proptest::prelude::any::<proptest::sample::Index>(),
        byte in 1..=255u8,
    ) {
        let s = setup();
        let mut key = Key::of(&s.folder, 1 << 20, None).unwrap();
        let mut list = entries::Entries::default();
        for (path, &(size, time, hash)) in &files {
            let stamp = key::Stamp {
                size,
                mtime: time.into(),
                inode: size.rotate_left(7),
                ctime: -i128::from(time),
                hash,
            };
            list.push(path, stamp);
        }
        key.files = list;
        let bytes = key.to_bytes();
        let back = Key::from_bytes(&bytes, key.folder_hash).unwrap();
        proptest::prop_assert!(back.same_content(&key));
        proptest::prop_assert_eq!((&back.files, &back.dirs, back.taken), (&key.files, &key.dirs, key.taken));
        let mut damaged = bytes.clone();
        damaged[at.index(bytes.len())] ^= byte;
        for b in [&damaged[..], &bytes[..cut.index(bytes.len())]] {
            if let Some(k) = Key::from_bytes(b, 0) {
                proptest::prop_assert!(k.files.is_strictly_sorted() && k.dirs.is_strictly_sorted());
            }
        }
    }
}

#[test]
fn the_files_of_the_retired_passage_index_are_removed_when_the_cache_is_written() {
    let s = setup();
    fs::create_dir_all(&s.cache.dir).unwrap();
    let old = s.cache.dir.join("index-00ab00ab00ab00ab.bin");
    let seal = s.cache.dir.join("index-00ab00ab00ab00ab.bin.seal");
    fs::write(&old, b"old index").unwrap();
    fs::write(&seal, b"seal").unwrap();
    // The library index's folder is not one of them.
    fs::create_dir_all(s.cache.dir.join("index")).unwrap();
    let (_, o) = s.cache.corpus(&s.folder, 1 << 20);
    assert!(rebuilt(&o));
    assert!(!old.exists() && !seal.exists());
    assert!(s.cache.dir.join("index").is_dir());
    assert_eq!(cache_files(&s, "corpus").len(), 1);
}

#[test]
fn a_damaged_node_part_is_refused_also_when_the_bodies_are_left_in_the_file() {
    let s = setup();
    s.cache.corpus(&s.folder, 1 << 20);
    let file = &cache_files(&s, "corpus")[0];
    let mut b = fs::read(file).unwrap();
    // The node's title stands in the part the interface reads.
    let at = b.windows(9).position(|w| w == b"Onderwerp").unwrap();
    b[at] = b'X';
    fs::write(file, &b).unwrap();
    let (lazy, o) = s.cache.corpus_served(&s.folder, 1 << 20, true);
    assert!(rebuilt(&o), "{o:?}");
    assert_eq!(lazy.by_id("t").unwrap().title, "Onderwerp");
}
