//! The search index as the cache keeps it: damaged bytes give an error,
//! never a panic, whether they are checked whole or, as for a sealed cache
//! file, only for bounds; an index that opens can be searched and its hits
//! shown.

#![no_main]

use std::sync::Arc;

use dossier_core::search::{Backing, Check, SearchIndex, snippet};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let backing: Backing = Arc::new(data.to_vec());
    for check in [Check::Whole, Check::Bounds] {
        let Ok(index) = SearchIndex::open(backing.clone(), 0..data.len(), check) else {
            continue;
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
    }
});
