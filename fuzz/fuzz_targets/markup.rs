//! The inline markup of dossier text: no panic, and every link site points
//! at the `[` that opens it.

#![no_main]

use dossier_core::markup::parse_document;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    match parse_document(text) {
        Ok((doc, sites)) => {
            for s in &sites {
                assert_eq!(text.get(s.offset..s.offset + 1), Some("["), "{s:?}");
                assert!(
                    !s.target.is_empty() && !s.target.contains(char::is_whitespace),
                    "{s:?}"
                );
            }
            assert_eq!(doc.links().count(), sites.len());
        }
        Err(e) => assert!(e.offset <= text.len(), "{e:?}"),
    }
});
