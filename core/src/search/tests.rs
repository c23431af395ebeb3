use proptest::prelude::*;

use super::exact::reference_exact;
use super::fuzzy::Pattern;
use super::*;
use crate::load::{NoFiles, SourceFile, load};

/// Words as the letter writes them, with accents, capitals and digits.
const WORDS: &[&str] = &[
    "de",
    "het",
    "een",
    "van",
    "en",
    "Raad",
    "Italië",
    "Marokko",
    "migratie",
    "georganiseerde",
    "criminaliteit",
    "Kamer",
    "tweetrapssysteem",
    "EBSP",
    "grensbeheer",
    "Commissie",
    "België",
    "Curaçao",
    "geïnformeerd",
    "32317-973",
    "JBZ-Raad",
    "ondermijnende",
    "samenwerking",
    "Denemarken",
    "asielprocedure",
    "ÉÉN",
    "coöperatie",
    "Zweden",
    "mensenhandel",
    "—",
];

/// A small deterministic generator, so failures reproduce.
struct Lcg(u64);

impl Lcg {
    fn next(&mut self) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        self.0 >> 33
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

fn sentences(n: usize, seed: u64) -> Vec<String> {
    let mut r = Lcg(seed);
    (0..n)
        .map(|_| {
            let len = 1 + r.below(30);
            (0..len)
                .map(|_| WORDS[r.below(WORDS.len())])
                .collect::<Vec<_>>()
                .join(" ")
        })
        .collect()
}

fn index_of(texts: &[String]) -> SearchIndex {
    SearchIndex::from_texts(texts.iter().map(String::as_str))
}

const QUERIES: &[&str] = &[
    "ital", "italie", "ko", "RAAD", "mrkk", "tweetrap", "32317", "de", "e", "zz", "cur", "één",
    "ge in", "", "—", "x",
];

#[test]
fn fast_fuzzy_equals_the_reference_on_a_large_generated_corpus() {
    // Large enough for both the skipping prefilter and several threads.
    let texts = sentences(40_000, 7);
    let index = index_of(&texts);
    for q in QUERIES {
        for limit in [1, 10, 200] {
            assert_eq!(
                index.fuzzy(q, limit),
                reference_fuzzy(&index, q, limit),
                "query {q:?}, limit {limit}"
            );
        }
    }
}

#[test]
fn chunked_search_ends_with_the_same_hits() {
    let texts = sentences(5_000, 11);
    let index = index_of(&texts);
    for q in ["raad", "ko", "mrk"] {
        let mut s = FuzzySearch::new(&index, q, 25);
        while !s.step(777) {}
        assert_eq!(s.hits(), index.fuzzy(q, 25), "{q}");
    }
}

#[test]
fn fast_exact_equals_the_reference() {
    let texts = sentences(40_000, 3);
    let index = index_of(&texts);
    for q in [
        "raad",
        "italie  de",
        "de",
        "32317-973",
        "curacao",
        "een een",
        "zz",
        " ",
        "e",
    ] {
        let fast: Vec<(usize, i64)> = index
            .exact(q, 50)
            .iter()
            .map(|h| (h.node, h.score))
            .collect();
        assert_eq!(fast, reference_exact(&index, q, 50), "{q:?}");
    }
}

#[test]
fn the_folded_copy_lines_up_with_the_text() {
    let texts = sentences(500, 5);
    let index = index_of(&texts);
    assert_eq!(index.len(), texts.len());
    for (i, text) in texts.iter().enumerate() {
        let t = index.item_text(i);
        let f = index.item_folded(i);
        assert_eq!(t, text);
        assert_eq!(f, crate::text::fold(t));
    }
}

#[test]
fn accents_and_case_are_ignored() {
    let index = SearchIndex::from_texts(["De Raad in Italië", "Marokko", "CURAÇAO"]);
    let hits = index.fuzzy("italie", 10);
    assert_eq!(hits.len(), 1);
    assert_eq!(hits[0].node, 0);
    let text = index.text(&hits[0]);
    let matched: String = hits[0]
        .positions
        .iter()
        .map(|&p| text.chars().nth(p).unwrap())
        .collect();
    assert_eq!(matched, "Italië");
    assert_eq!(index.exact("curacao", 10)[0].node, 2);
    assert_eq!(
        index.exact("RAAD   in", 10)[0].positions,
        (3..10).collect::<Vec<_>>()
    );
}

#[test]
fn ties_put_titles_first_then_document_order() {
    let files = [SourceFile {
        path: "a.toml".into(),
        text: "[dossier]\nid = \"a\"\nkind = \"letter\"\ntitle = \"Zweden\"\ntext = \"Zweden\"\n[letter]\ndate = \"2025-12-17\"\nreference = \"1\"\n[[section]]\nid = \"a/b\"\ntitle = \"Zweden\"\ntext = \"Zweden\\n\\nZweden\"\n".into(),
    }];
    let corpus = load(&files, &NoFiles);
    assert!(corpus.errors.is_empty(), "{:?}", corpus.errors);
    let index = SearchIndex::build(&corpus);
    let got: Vec<(usize, Option<usize>)> = index
        .fuzzy("zweden", 10)
        .iter()
        .map(|h| (h.node, h.passage))
        .collect();
    assert_eq!(
        got,
        vec![
            (0, None),
            (1, None),
            (0, Some(0)),
            (1, Some(0)),
            (1, Some(1))
        ]
    );
    let got: Vec<(usize, Option<usize>)> = index
        .exact("zweden", 10)
        .iter()
        .map(|h| (h.node, h.passage))
        .collect();
    assert_eq!(
        got,
        vec![
            (0, None),
            (1, None),
            (0, Some(0)),
            (1, Some(0)),
            (1, Some(1))
        ]
    );
    assert_eq!(index.title(1), "Zweden");
    assert_eq!(index.node(1).map(|n| n.id), Some("a/b"));
}

#[test]
fn positions_are_found_for_every_scored_hit() {
    // The fast path scores with `fuzzy_match` and asks for positions later
    // with `fuzzy_indices`. In fuzzy-matcher 0.3.7 the two can give
    // different scores for the same text (the two-row matrix of
    // `fuzzy_match` reads stale cells), but they always agree on whether it
    // matches; the score reported is `fuzzy_match`'s, as the reference's.
    for t in sentences(2_000, 9) {
        let m = super::fuzzy::matcher();
        let f = crate::text::fold(&t);
        for q in ["ital", "raad", "ko", "gcr"] {
            let a = fuzzy_matcher::FuzzyMatcher::fuzzy_match(&m, &f, q);
            let b = fuzzy_matcher::FuzzyMatcher::fuzzy_indices(&m, &f, q).map(|(s, _)| s);
            assert_eq!(a.is_some(), b.is_some(), "{f:?} {q}");
        }
    }
}

#[test]
fn the_finder_worker_falls_back_to_dense_fuzzy_matches_when_nothing_holds_the_query() {
    let index = std::sync::Arc::new(index_of(&sentences(20_000, 7)));
    let mut w = FinderWorker::spawn(index.clone());
    let g = w.search("rdaa", 10);
    let last = loop {
        let u = w
            .wait_latest(std::time::Duration::from_secs(30))
            .expect("an update");
        assert_eq!(u.generation, g);
        if u.done {
            break u;
        }
    };
    assert!(index.find_exact("rdaa", 10).is_none());
    assert_eq!(last.hits, index.find("rdaa", 10));
    assert!(last.hits.iter().all(|h| crate::query::dense(&h.positions)));
}

#[test]
fn the_finder_worker_answers_the_newest_query() {
    let index = std::sync::Arc::new(index_of(&sentences(50_000, 13)));
    let mut w = FinderWorker::spawn(index.clone());
    w.search("r", 10);
    w.search("ra", 10);
    let g = w.search("raad", 10);
    let last = loop {
        let u = w
            .wait_latest(std::time::Duration::from_secs(30))
            .expect("an update");
        assert_eq!(u.generation, g);
        if u.done {
            break u;
        }
    };
    assert_eq!(last.query, "raad");
    assert_eq!(last.hits, index.find("raad", 10));
    // Asked again, it comes from memory, complete at once.
    let g = w.search("raad", 10);
    let again = w.wait_latest(std::time::Duration::from_secs(30)).unwrap();
    assert!(again.done && again.generation == g);
    assert_eq!(again.hits, last.hits);
}

#[test]
fn a_worker_that_builds_its_index_answers_queries_asked_before_it_is_ready() {
    let texts = sentences(20_000, 5);
    let (ready_tx, ready_rx) = std::sync::mpsc::channel::<()>();
    let built = texts.clone();
    let mut w = FinderWorker::spawn_with(move || {
        // Not ready until the query below has been asked.
        let _ = ready_rx.recv();
        std::sync::Arc::new(index_of(&built))
    });
    let g = w.search("raad", 10);
    assert!(w.try_latest().is_none());
    ready_tx.send(()).unwrap();
    let last = loop {
        let u = w
            .wait_latest(std::time::Duration::from_secs(30))
            .expect("an update");
        if u.done {
            break u;
        }
    };
    assert_eq!(last.generation, g);
    assert_eq!(last.hits, index_of(&texts).find("raad", 10));
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn prefilter_accepts_exactly_what_the_matcher_matches(text in "\\PC{0,40}", query in "\\PC{0,4}") {
        let folded = crate::text::fold(&text).replace(char::is_whitespace, " ");
        let pattern = Pattern::new(&query);
        let m = super::fuzzy::matcher();
        let matched = fuzzy_matcher::FuzzyMatcher::fuzzy_match(&m, &folded, &pattern.text).is_some();
        prop_assert_eq!(pattern.accepts(folded.as_bytes()), matched);
    }

    #[test]
    fn fuzzy_equals_reference_on_random_text(texts in proptest::collection::vec("[a-eA-EëéÉ ç\\-]{0,30}", 0..60), query in "[a-eëÉ ç]{0,3}", limit in 0usize..12) {
        let index = index_of(&texts);
        prop_assert_eq!(index.fuzzy(&query, limit), reference_fuzzy(&index, &query, limit));
    }

    #[test]
    fn exact_equals_reference_on_random_text(texts in proptest::collection::vec("[abAB ë]{0,30}", 0..60), query in "[abë ]{1,3}") {
        let index = index_of(&texts);
        let fast: Vec<(usize, i64)> = index.exact(&query, 20).iter().map(|h| (h.node, h.score)).collect();
        prop_assert_eq!(fast, reference_exact(&index, &query, 20));
    }

    #[test]
    fn snippets_keep_the_matched_characters(text in "[a-z ë]{0,120}", start in 0usize..120, len in 1usize..6, width in 1usize..50) {
        let n = text.chars().count();
        prop_assume!(start + len <= n);
        let positions: Vec<usize> = (start..start + len).collect();
        let (s, p) = snippet(&text, &positions, width);
        prop_assert!(s.chars().count() <= width.max(1));
        let chars: Vec<char> = text.chars().collect();
        let shown: Vec<char> = s.chars().collect();
        for &q in &p {
            prop_assert!(q < shown.len());
        }
        // Every shown position is one of the matched characters.
        let originals: Vec<char> = positions.iter().map(|&i| chars[i]).collect();
        for &q in &p {
            prop_assert!(originals.contains(&shown[q]));
        }
        // The first match is shown whenever there is room for it.
        if width >= 3 {
            prop_assert!(!p.is_empty());
        }
    }
}

/// A body source that cannot read anything.
struct Unreadable;

impl crate::model::BodySource for Unreadable {
    fn body(&self, _at: u64) -> Result<crate::model::Document, String> {
        Err("cache.bin: block at byte 40: vernield bestand".into())
    }
}

#[test]
fn a_body_that_cannot_be_read_is_left_out_and_reported_never_found() {
    use crate::model::{Body, Document, Node, Paragraph, Span};
    let text = |t: &str| Document {
        paragraphs: vec![Paragraph {
            spans: vec![Span::Text(t.into())].into(),
        }],
    };
    let mut c = Corpus::default();
    c.nodes = vec![
        Node::new(
            "d/goed",
            NodeKind::Section,
            "Goed".into(),
            "d.toml",
            text("leesbaar"),
        ),
        Node::new(
            "d/kwijt",
            NodeKind::Section,
            "Kwijt".into(),
            "d.toml",
            Document::default(),
        )
        .with_body(Body::lazy(std::sync::Arc::new(Unreadable), 0)),
    ];
    c.reindex_with_links(&[Vec::new(), Vec::new()]);
    let (index, unreadable) = SearchIndex::build_reporting(&c);
    assert_eq!(unreadable.len(), 1);
    assert_eq!(unreadable[0].node, "d/kwijt");
    for word in ["vernield", "bestand", "cache", "block", "read", "gelezen"] {
        assert!(index.exact(word, 10).is_empty(), "{word}");
        assert!(index.find(word, 10).is_empty(), "{word}");
    }
    // The rest is indexed, the unreadable node's title too.
    assert_eq!(index.exact("leesbaar", 10).len(), 1);
    assert_eq!(index.exact("kwijt", 10).len(), 1);
}
