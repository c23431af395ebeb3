//! The search index as the cache keeps it: damaged bytes give an error,
//! never a panic; an index that reads can be searched and its hits shown.

#![no_main]

use dossier_core::search::{SearchIndex, snippet};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(index) = SearchIndex::read_from(&mut &data[..]) else {
        return;
    };
    for query in ["a", "ita", "e a"] {
        for hit in index
            .fuzzy(query, 5)
            .iter()
            .chain(index.exact(query, 5).iter())
        {
            let _ = index.node(hit.node);
            let _ = index.title(hit.node);
            let _ = snippet(index.text(hit), &hit.positions, 40);
        }
    }
});
