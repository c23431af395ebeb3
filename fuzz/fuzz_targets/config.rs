//! `config.toml`: no panic; an error or warning always has a position.

#![no_main]

use dossier::store::config::parse;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    match parse("config.toml", text) {
        Ok(loaded) => {
            assert!(loaded.config.max_file_size > 0);
            for w in &loaded.warnings {
                assert!(w.position.is_some(), "{w}");
            }
        }
        Err(e) => assert!(e.position.is_some(), "{e}"),
    }
});
