//! `dossier notes import FILE`: our JSON export, a `notes list --json`
//! listing or W3C Web Annotations, as any bytes. No panic.

#![no_main]

use dossier_core::export::parse;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    if let Err(e) = parse("import.json", text) {
        assert!(e.position.is_some(), "{e}");
    }
});
