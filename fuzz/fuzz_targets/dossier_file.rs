//! One arbitrary dossier file, loaded beside the real letter and references
//! so that ids, links and sources are checked across files too. `file = "…"`
//! references read the same bytes back.

#![no_main]

use dossier_core::load::{Resolver, SourceFile, load};
use dossier_core::text::is_bidi_control;
use libfuzzer_sys::fuzz_target;

const LETTER: &str = include_str!("../../dossiers/kst-32317-987.toml");
const REFERENCES: &str = include_str!("../../dossiers/referenties.toml");

struct Echo(String);

impl Resolver for Echo {
    fn read(&self, _rel: &str) -> Result<String, String> {
        Ok(self.0.clone())
    }
}

fn printable(s: &str) -> bool {
    !s.chars().any(|c| c.is_control() || is_bidi_control(c))
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let files = [
        SourceFile {
            path: "kst-32317-987.toml".into(),
            text: LETTER.into(),
        },
        SourceFile {
            path: "referenties.toml".into(),
            text: REFERENCES.into(),
        },
        SourceFile {
            path: "fuzz.toml".into(),
            text: text.into(),
        },
    ];
    let corpus = load(&files, &Echo(text.to_string()));
    for e in &corpus.errors {
        let shown = e.to_string();
        assert!(
            printable(&shown),
            "an error prints raw control characters: {shown:?}"
        );
        if let Some(p) = e.position {
            assert!(p.line >= 1 && p.col >= 1, "{shown}");
        }
    }
    for n in &corpus.nodes {
        assert!(
            printable(&n.id) && printable(&n.title),
            "{:?} {:?}",
            n.id,
            n.title
        );
        let body = n.document().map(|d| d.plain()).unwrap_or_default();
        assert!(
            !body
                .chars()
                .any(|c| (c.is_control() && c != '\n' && c != '\t') || is_bidi_control(c)),
            "{body:?}"
        );
    }
});
