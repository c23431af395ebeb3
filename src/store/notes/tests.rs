use dossier_core::annotation::{Kind, Quote, Status, Target};

use super::*;

/// A full annotation, every field set.
pub(crate) fn sample(id: &str, body: &str) -> Annotation {
    let t = jiff::Timestamp::from_second(1_765_000_000).unwrap();
    Annotation {
        id: id.into(),
        target: Target {
            dossier: "ebsp".into(),
            node: "ebsp/uitkomst-onderhandelingen".into(),
            quote: Quote::capture("Het kabinet steunt het tweetrapssysteem.", 23, 39),
        },
        kind: Kind::Toezegging,
        body: body.into(),
        tags: vec!["grensbeheer".into()],
        status: Status::Open,
        owner: Some("DGM".into()),
        due: Some(jiff::civil::date(2026, 1, 31)),
        author: "Ans".into(),
        created: t,
        updated: t,
    }
}

fn store() -> (tempfile::TempDir, NotesStore) {
    let dir = tempfile::tempdir().unwrap();
    let s = NotesStore::open(dir.path().join("notes")).unwrap();
    (dir, s)
}

#[test]
fn a_missing_folder_is_an_empty_store() {
    let (_d, s) = store();
    let snap = s.load().unwrap();
    assert!(snap.notes.is_empty() && snap.is_writable());
}

#[test]
fn add_save_remove_and_restore() {
    let (_d, s) = store();
    let a = sample("n1", "eerste");
    s.add(&a).unwrap();
    assert!(matches!(s.add(&a), Err(StoreError::Exists(_))));
    let mut b = a.clone();
    b.body = "gewijzigd".into();
    s.save(&b).unwrap();
    assert_eq!(s.load().unwrap().notes, vec![b.clone()]);
    let gone = s.remove("n1").unwrap();
    assert_eq!(gone, b);
    assert!(s.load().unwrap().notes.is_empty());
    // The deleted note is kept on disk, and can be put back.
    assert_eq!(std::fs::read_dir(s.dir().join(DELETED)).unwrap().count(), 1);
    s.save(&gone).unwrap();
    assert_eq!(s.load().unwrap().notes, vec![b]);
    assert!(matches!(s.remove("n9"), Err(StoreError::NotFound(_))));
}

#[test]
fn notes_come_in_order_of_creation() {
    let (_d, s) = store();
    let mut late = sample("a-late", "x");
    late.created = jiff::Timestamp::from_second(1_800_000_000).unwrap();
    s.add(&late).unwrap();
    s.add(&sample("z-early", "y")).unwrap();
    let ids: Vec<String> = s.load().unwrap().notes.into_iter().map(|a| a.id).collect();
    assert_eq!(ids, ["z-early", "a-late"]);
}

#[test]
fn a_bad_file_makes_the_store_read_only_and_is_kept() {
    let (_d, s) = store();
    s.add(&sample("n1", "x")).unwrap();
    let bad = s.file_of("n2");
    std::fs::write(&bad, "id = \"n2\"\nkind = 3\n").unwrap();
    let snap = s.load().unwrap();
    assert_eq!(snap.notes.len(), 1);
    assert_eq!(snap.errors.len(), 1);
    assert!(
        snap.errors[0]
            .to_string()
            .starts_with(&format!("{}:2:8:", bad.display())),
        "{}",
        snap.errors[0]
    );
    for result in [
        s.add(&sample("n3", "x")),
        s.save(&sample("n2", "x")),
        s.remove("n1").map(|_| ()),
    ] {
        let e = result.unwrap_err();
        assert!(matches!(e, StoreError::Corrupt(_)));
        assert!(e.to_string().contains("read-only"), "{e}");
    }
    assert_eq!(
        std::fs::read_to_string(&bad).unwrap(),
        "id = \"n2\"\nkind = 3\n"
    );
    assert!(!s.file_of("n3").exists());
}

#[test]
fn a_file_named_for_another_id_is_an_error() {
    let (_d, s) = store();
    s.add(&sample("n1", "x")).unwrap();
    std::fs::rename(s.file_of("n1"), s.file_of("n2")).unwrap();
    let snap = s.load().unwrap();
    assert!(
        snap.errors[0]
            .message
            .contains("differs from the file name"),
        "{}",
        snap.errors[0]
    );
}

#[test]
fn other_files_are_ignored() {
    let (_d, s) = store();
    s.add(&sample("n1", "x")).unwrap();
    std::fs::write(s.dir().join("LEESMIJ.txt"), "hallo").unwrap();
    std::fs::write(s.dir().join(".tmp-half"), "id = ").unwrap();
    let snap = s.load().unwrap();
    assert_eq!((snap.notes.len(), snap.errors.len()), (1, 0));
}

#[test]
fn ids_must_be_safe_file_names() {
    for bad in ["", "../x", ".hidden", "a/b", "urn:uuid:1", "é"] {
        assert!(!is_valid_id(bad), "{bad}");
    }
    assert!(is_valid_id("n1abc-xyz_2.v"));
    let (_d, s) = store();
    assert!(matches!(
        s.add(&sample("../x", "x")),
        Err(StoreError::BadId(_))
    ));
}

#[test]
fn a_file_is_not_a_store() {
    let dir = tempfile::tempdir().unwrap();
    let f = dir.path().join("notes.toml");
    std::fs::write(&f, "").unwrap();
    assert!(matches!(
        NotesStore::open(&f),
        Err(StoreError::NotAFolder(_))
    ));
}

#[test]
fn the_location_follows_flag_then_config_then_data_folder() {
    let mut c = Config::default();
    assert_eq!(
        location(Some(Path::new("x")), &c).unwrap(),
        PathBuf::from("x")
    );
    c.notes = "mijn-notities".into();
    c.file = Some(PathBuf::from("/etc/dossier/config.toml"));
    assert_eq!(
        location(None, &c).unwrap(),
        PathBuf::from("/etc/dossier/mijn-notities")
    );
    c.notes = "/srv/notes".into();
    assert_eq!(location(None, &c).unwrap(), PathBuf::from("/srv/notes"));
    c.notes = String::new();
    if let Some(d) = crate::store::paths::user_data_dir() {
        assert_eq!(location(None, &c).unwrap(), d.join("notes"));
    }
}
