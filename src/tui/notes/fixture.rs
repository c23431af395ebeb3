//! A small corpus and notes on it, for the tests of the annotation screens.

use dossier_core::Corpus;
use dossier_core::annotation::{Annotation, Kind, Quote, Status, Target};
use dossier_core::load::{NoFiles, SourceFile, load};

const LETTER: &str = r#"
[dossier]
id = "ebsp"
kind = "letter"
title = "EBSP"
text = '''
Het kabinet steunt het tweetrapssysteem van de Commissie.

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

pub fn corpus() -> Corpus {
    load(
        &[SourceFile {
            path: "ebsp.toml".into(),
            text: LETTER.into(),
        }],
        &NoFiles,
    )
}

/// A note on `node`, pinned to `quote` when it is in the text (and to a
/// passage that is gone otherwise).
pub fn note(c: &Corpus, id: &str, node: &str, quote: Option<&str>, body: &str) -> Annotation {
    let t = jiff::Timestamp::UNIX_EPOCH;
    let quote = quote.map(|q| {
        c.by_id(node)
            .and_then(|n| Quote::find(&n.document().ok()?.plain(), q))
            .unwrap_or(Quote {
                exact: q.into(),
                prefix: String::new(),
                suffix: String::new(),
                start: 0,
                end: q.chars().count(),
                ambiguous: false,
            })
    });
    Annotation {
        id: id.into(),
        target: Target {
            dossier: "ebsp".into(),
            node: node.into(),
            quote,
        },
        kind: Kind::Question,
        body: body.into(),
        tags: vec!["grensbeheer".into()],
        status: Status::Open,
        owner: None,
        due: None,
        author: "ans".into(),
        created: t,
        updated: t,
    }
}
