use super::*;
use crate::annotation::{Quote, Target};
use crate::load::{NoFiles, SourceFile, load};

const TOPIC: &str = r#"
[dossier]
id = "ebsp"
kind = "letter"
title = "EBSP"
tags = ["migratie"]
text = '''
Het kabinet steunt het tweetrapssysteem.

Een tweede alinea over Marokko.
'''

[[section]]
id = "ebsp/uitkomst"
title = "Uitkomst"
text = "De Raad besloot."

[letter]
date = "2025-12-17"
reference = "7010422"
"#;

fn corpus() -> Corpus {
    let c = load(
        &[SourceFile {
            path: "ebsp.toml".into(),
            text: TOPIC.into(),
        }],
        &NoFiles,
    );
    assert!(c.errors.is_empty(), "{:?}", c.errors);
    c
}

fn note(node: &str, quote: Option<&str>, c: &Corpus) -> Annotation {
    let t = jiff::Timestamp::UNIX_EPOCH;
    let quote = quote.map(|q| {
        c.by_id(node)
            .and_then(|n| Quote::find(&n.document().ok()?.plain(), q))
            .unwrap_or(Quote {
                exact: q.into(),
                prefix: String::new(),
                suffix: String::new(),
                start: 0,
                end: 1,
                ambiguous: false,
            })
    });
    Annotation {
        id: format!("n-{node}"),
        target: Target {
            dossier: "ebsp".into(),
            node: node.into(),
            quote,
        },
        kind: Kind::Note,
        body: format!("over {node}"),
        tags: vec![],
        status: Status::Open,
        owner: None,
        due: None,
        author: "ans".into(),
        created: t,
        updated: t,
    }
}

#[test]
fn notes_are_placed_counted_and_highlighted() {
    let c = corpus();
    let notes = vec![
        note("ebsp", Some("tweetrapssysteem"), &c),
        note("ebsp/uitkomst", None, &c),
        note("ebsp", Some("verdwenen zin"), &c),
        note("ebsp/weg", None, &c),
    ];
    let idx = NoteIndex::build(&c, &notes);
    let root = c.get("ebsp").unwrap();
    let sec = c.get("ebsp/uitkomst").unwrap();
    assert_eq!(idx.count_under(root), 3);
    assert_eq!(idx.count_under(sec), 1);
    assert_eq!(idx.on_node(root).count(), 2);
    assert_eq!(idx.highlights(root, &notes), vec![(23, 39)]);
    assert!(idx.highlights(sec, &notes).is_empty());
    let detached: Vec<usize> = idx.detached().map(|p| p.note).collect();
    assert_eq!(detached, [2, 3]);
    assert_eq!(idx.get(3).unwrap().node, None);
}

#[test]
fn offsets_map_to_paragraphs_and_back() {
    let c = corpus();
    let doc = c.by_id("ebsp").unwrap().document().unwrap();
    let plain = doc.plain();
    let second = plain.find("Een").unwrap();
    assert_eq!(paragraph_position(doc, second), Some((1, 0)));
    assert_eq!(plain_offset(doc, 1, 0), Some(second));
    assert_eq!(plain_offset(doc, 1, 999), None);
    // A range across the paragraph break is cut in two.
    assert_eq!(
        paragraph_ranges(doc, 23, second + 3),
        vec![(0, 23, 40), (1, 0, 3)]
    );
}

#[test]
fn the_overview_filters_and_ranks() {
    let c = corpus();
    let mut a = note("ebsp", Some("tweetrapssysteem"), &c);
    a.tags = vec!["Grensbeheer".into()];
    a.kind = Kind::Question;
    let mut b = note("ebsp/uitkomst", None, &c);
    b.status = Status::Done;
    b.author = "bert".into();
    b.owner = Some("DGM Migratie".into());
    let d = note("ebsp", Some("verdwenen zin"), &c);
    let notes = vec![a, b, d];
    let idx = NoteIndex::build(&c, &notes);
    let all = NoteFilter::default();
    assert_eq!(all.apply(&notes, &idx), [0, 1, 2]);
    let f = |f: NoteFilter| f.apply(&notes, &idx);
    assert_eq!(
        f(NoteFilter {
            tag: Some("grensbeheer".into()),
            ..all.clone()
        }),
        [0]
    );
    assert_eq!(
        f(NoteFilter {
            kind: Some(Kind::Question),
            ..all.clone()
        }),
        [0]
    );
    assert_eq!(
        f(NoteFilter {
            status: Some(Status::Done),
            ..all.clone()
        }),
        [1]
    );
    assert_eq!(
        f(NoteFilter {
            author: Some("bert".into()),
            ..all.clone()
        }),
        [1]
    );
    assert_eq!(
        f(NoteFilter {
            detached: Some(true),
            ..all.clone()
        }),
        [2]
    );
    // The owner as written, case and accents aside.
    assert_eq!(
        f(NoteFilter {
            owner: Some("dgm migratie".into()),
            ..all.clone()
        }),
        [1]
    );
    // No note is in a Kamerstuk dossier of this corpus.
    assert!(
        f(NoteFilter {
            kamerstuk: Some("32317".into()),
            ..all.clone()
        })
        .is_empty()
    );
    assert_eq!(
        f(NoteFilter {
            detached: Some(false),
            ..all.clone()
        }),
        [0, 1]
    );
    assert_eq!(
        f(NoteFilter {
            text: "TWtrap".into(),
            ..all.clone()
        }),
        [0]
    );
    assert_eq!(
        f(NoteFilter {
            dossier: Some("c7".into()),
            ..all
        }),
        Vec::<usize>::new()
    );
}

#[test]
fn tags_complete_from_those_in_use() {
    let c = corpus();
    let mut a = note("ebsp", None, &c);
    a.tags = vec!["grensbeheer".into(), "gegevens".into()];
    let mut b = note("ebsp", None, &c);
    b.tags = vec!["Grensbeheer".into()];
    assert_eq!(
        complete_tag(&[a.clone(), b], "g"),
        ["grensbeheer", "gegevens"]
    );
    assert_eq!(complete_tag(&[a], "gegevens"), Vec::<String>::new());
}

#[test]
fn the_command_line_filters_read_words_of_either_language() {
    let c = corpus();
    let mut a = note("ebsp", None, &c);
    a.kind = Kind::Question;
    a.tags = vec!["Grens Beheer".into()];
    let notes = vec![a];
    let index = NoteIndex::build(&c, &notes);
    let passes = |d, t, k, s| {
        NoteFilter::from_words(d, t, k, s)
            .unwrap()
            .apply(&notes, &index)
            .len()
            == 1
    };
    assert!(passes(None, None, None, None));
    assert!(passes(
        Some("ebsp/"),
        Some("grens  beheer"),
        Some("Question"),
        Some("open")
    ));
    assert!(passes(None, None, Some("vraag"), None));
    assert!(!passes(Some("c7"), None, None, None));
    assert!(!passes(None, Some("migratie"), None, None));
    assert!(!passes(None, None, Some("actie"), None));
    assert!(!passes(None, None, None, Some("afgerond")));
    let e = NoteFilter::from_words(None, None, Some("memo"), None).unwrap_err();
    assert!(e.to_string().contains("unknown kind `memo`"), "{e}");
    assert!(NoteFilter::from_words(None, None, None, Some("half")).is_err());
}

#[test]
fn notes_on_a_text_that_cannot_be_read_are_on_their_node_and_reported() {
    struct Unreadable;
    impl crate::model::BodySource for Unreadable {
        fn body(&self, _at: u64) -> Result<Document, String> {
            Err("corpus.bin: block at byte 431: vernield".into())
        }
    }
    let mut c = corpus();
    let notes = vec![note("ebsp", Some("Italië"), &c), note("ebsp", None, &c)];
    let i = c.get("ebsp").unwrap();
    c.nodes[i].body = crate::model::Body::lazy(std::sync::Arc::new(Unreadable), 0);
    let idx = NoteIndex::build(&c, &notes);
    assert_eq!(idx.on_node(i).count(), 2);
    assert!(idx.highlights(i, &notes).is_empty());
    // Asked once per node, however many notes it has.
    assert_eq!(idx.unreadable().len(), 1);
    assert_eq!(idx.unreadable()[0].node, "ebsp");
}
