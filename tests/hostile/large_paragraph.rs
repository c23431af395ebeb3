//! Case 1 of issue 15: one paragraph of 7.5 MB (within the default size
//! limit) must not make fuzzy search take seconds or gigabytes. Before the
//! fix a 61-letter query aborted on an 8.3 GB allocation.

use std::sync::mpsc;
use std::time::Duration;

use dossier_core::search::SearchIndex;

use super::Sandbox;

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
    "verslag",
    "kamer",
    "brief",
];

/// About `bytes` of Dutch words in one line, the same every run.
pub fn paragraph(bytes: usize) -> String {
    let mut out = String::with_capacity(bytes + 32);
    let mut x: u64 = 0x9e37_79b9_7f4a_7c15;
    while out.len() < bytes {
        x = x
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        out.push_str(WORDS[(x >> 33) as usize % WORDS.len()]);
        out.push(' ');
    }
    out
}

const QUERIES: [&str; 3] = [
    "samenwerkingmetmarokkoterugkeero",
    "raad europa migratie terugkeer marokko ministers",
    "grensbewakingondermijnendecriminaliteitsamenwerkingmarokkomig",
];

/// Runs `f` on a thread; fails the test if it takes longer than `limit`.
fn within<T: Send + 'static>(limit: Duration, f: impl FnOnce() -> T + Send + 'static) -> T {
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        let _ = tx.send(f());
    });
    rx.recv_timeout(limit)
        .unwrap_or_else(|_| panic!("did not finish within {limit:?}"))
}

#[test]
fn fuzzy_search_in_one_huge_paragraph_is_bounded() {
    let text = paragraph(7_500_000);
    let hits = within(Duration::from_secs(30), move || {
        let index = SearchIndex::from_texts(["Titel", text.as_str()]);
        QUERIES
            .iter()
            .map(|q| index.fuzzy(q, 10).len())
            .collect::<Vec<_>>()
    });
    // The long queries match within a window of the paragraph.
    assert_eq!(hits, [1, 1, 1]);
}

#[test]
fn the_search_command_on_a_huge_paragraph_returns() {
    let s = Sandbox::new();
    let mut file = String::from("[dossier]\nid = \"groot\"\ntitle = \"Groot\"\ntext = '''\n");
    file.push_str(&paragraph(7_500_000));
    file.push_str("\n'''\n");
    s.write("d/groot.toml", file);
    for q in QUERIES {
        let out = s
            .bare()
            .args(["--dossiers", s.path("d").to_str().unwrap(), "search", q])
            .timeout(Duration::from_secs(30))
            .output()
            .unwrap();
        assert!(
            out.status.code().is_some(),
            "`search {q}` was killed: {:?}",
            out.status
        );
    }
}
