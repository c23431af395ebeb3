//! One annotation file of the notes store, as raw bytes: no panic, and what
//! reads also writes and reads back the same.

#![no_main]

use dossier::store::notes::{decode, encode};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(note) = decode("n.toml", data) {
        let text = encode(&note).expect("a note that was read can be written");
        let again = decode("n.toml", text.as_bytes()).expect("a written note reads back");
        assert_eq!(again, note);
    }
});
