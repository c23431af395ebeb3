//! The search index over the real dossiers (no command line): the hits the
//! foundation issue asks for, fast paths equal to the reference, and the
//! index read back from its bytes.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // test code

use std::collections::BTreeSet;
use std::path::Path;

use dossier::store::dossiers;
use dossier_core::Corpus;
use dossier_core::search::{SearchIndex, reference_fuzzy, snippet};

fn corpus() -> Corpus {
    let c = dossiers::load_dir(
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("dossiers")
            .as_path(),
        8 << 20,
    );
    assert!(c.errors.is_empty(), "{:?}", c.errors);
    c
}

fn dossiers_of(c: &Corpus, hits: &[dossier_core::search::Hit]) -> BTreeSet<String> {
    hits.iter()
        .filter_map(|h| c.root_of(h.node))
        .map(|r| c.node(r).id.clone())
        .collect()
}

#[test]
fn tweetrapssysteem_puts_an_ebsp_node_first() {
    let c = corpus();
    let index = SearchIndex::build(&c);
    for query in ["tweetrapssysteem", "tweetrap"] {
        let hits = index.fuzzy(query, 10);
        let first = hits.first().expect("a hit");
        assert_eq!(
            c.root_of(first.node).map(|r| c.node(r).id.as_str()),
            Some("ebsp"),
            "{query}"
        );
        let text = index.text(first);
        let matched: String = first
            .positions
            .iter()
            .map(|&p| text.chars().nth(p).unwrap())
            .collect();
        assert_eq!(matched.to_lowercase(), query);
    }
}

#[test]
fn italie_finds_c7_raad_van_europa_and_innovatieve_oplossingen() {
    let c = corpus();
    let index = SearchIndex::build(&c);
    let fuzzy = index.fuzzy("italie", 50);
    let exact = index.exact("italie", 50);
    for hits in [&fuzzy, &exact] {
        let found = dossiers_of(&c, hits);
        for d in ["c7", "raad-van-europa", "innovatieve-oplossingen"] {
            assert!(found.contains(d), "{d} not in {found:?}");
        }
    }
    // The C7 footnote that lists the countries.
    assert!(
        exact
            .iter()
            .any(|h| c.node(h.node).id.starts_with("c7/fn-")),
        "{exact:?}"
    );
    // Every exact hit shows the word in its snippet.
    for h in &exact {
        let (s, p) = snippet(index.text(h), &h.positions, 80);
        let shown: String = p.iter().map(|&i| s.chars().nth(i).unwrap()).collect();
        assert!(shown.contains("Italië"), "{s:?} {p:?}");
    }
}

#[test]
fn a_kamerstuk_is_found_by_its_number() {
    let c = corpus();
    let index = SearchIndex::build(&c);
    let hits = index.exact("32317", 100);
    assert!(
        hits.iter()
            .any(|h| c.node(h.node).id == "kamerstuk-32317-973"),
        "{hits:?}"
    );
}

#[test]
fn on_the_real_dossiers_the_fast_path_equals_the_reference() {
    let c = corpus();
    let index = SearchIndex::build(&c);
    for q in [
        "italie",
        "raad",
        "ebsp",
        "mrk",
        "a",
        "migratie",
        "kamerstuk 32317",
        "ë",
        "",
    ] {
        assert_eq!(index.fuzzy(q, 25), reference_fuzzy(&index, q, 25), "{q:?}");
    }
}

/// Names, countries, Kamerstukken and phrases of the bundled letter: what
/// a policy officer types into the finder.
const PRECISION_QUERIES: [&str; 20] = [
    "Eurocommissaris",
    "Brunner",
    "Ram",
    "Secretaris-Generaal",
    "Italië",
    "Marokko",
    "Denemarken",
    "Polen",
    "België",
    "Verenigde Staten",
    "32317-973",
    "32317-978",
    "21501-20-2245",
    "30573-227",
    "19637-3477",
    "tweetrapssysteem",
    "Raad van Europa",
    "ondermijnende criminaliteit",
    "mensensmokkel",
    "kaderovereenkomst",
];

/// Of the first 10 hits of each query, how many hold the query (folded),
/// and how many there are.
fn precision(
    index: &SearchIndex,
    search: impl Fn(&str) -> Vec<dossier_core::search::Hit>,
) -> (usize, usize, Vec<String>, Vec<(usize, usize)>) {
    let fold = |s: &str| dossier_core::text::fold(s).replace(char::is_whitespace, " ");
    let (mut good, mut shown, mut misses, mut each) = (0, 0, Vec::new(), Vec::new());
    for q in PRECISION_QUERIES {
        let hits = search(q);
        assert!(!hits.is_empty(), "{q}: no hits");
        let (mut g, mut n) = (0, 0);
        for h in hits.iter().take(10) {
            n += 1;
            if fold(index.text(h)).contains(&fold(q)) {
                g += 1;
            } else {
                misses.push(format!("{q}: {}", index.text(h)));
            }
        }
        good += g;
        shown += n;
        each.push((g, n));
    }
    (good, shown, misses, each)
}

/// The precision figure of BENCHMARKS.md:
/// `cargo test --test search precision -- --nocapture`.
#[test]
fn precision_every_first_ten_hit_holds_the_query() {
    let c = corpus();
    let index = SearchIndex::build(&c);
    let (good, shown, misses, each) = precision(&index, |q| index.find(q, 50));
    let (fgood, fshown, _, feach) = precision(&index, |q| index.fuzzy(q, 50));
    for ((q, (g, n)), (fg, fname)) in PRECISION_QUERIES.iter().zip(&each).zip(&feach) {
        println!("| `{q}` | {g}/{n} | {fg}/{fname} |");
    }
    println!(
        "precision at 10 over {} queries: exact-first {good}/{shown} ({:.0}%), fuzzy {fgood}/{fshown} ({:.0}%)",
        PRECISION_QUERIES.len(),
        100.0 * good as f64 / shown as f64,
        100.0 * fgood as f64 / fshown as f64
    );
    assert!(misses.is_empty(), "{misses:#?}");
}
