//! `dossier import` on arbitrary bytes, in whatever format they are taken
//! for (XML, a letter's text or web page, Word): no panic; an import that succeeds writes a file the loader reads with
//! no error, its proof passes (or says why), and every refusal has a
//! 1-based position or none. Error messages carry no raw control
//! characters.

#![no_main]

use dossier_core::import::{self, report::Severity};
use dossier_core::load::{self, NoFiles, SourceFile};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    match import::import_bytes(data, None) {
        Ok(done) => {
            let files = [SourceFile {
                path: done.file_name.clone(),
                text: done.toml.clone(),
            }];
            let corpus = load::load(&files, &NoFiles);
            if done.report.of(Severity::Problem).next().is_none() {
                assert!(corpus.errors.is_empty(), "{:?}\n{}", corpus.errors, done.toml);
            }
            for w in &done.report.findings {
                assert!(!w.render().chars().any(|c| c.is_control()), "{w:?}");
            }
        }
        Err(e) => {
            assert!(e.line.is_none_or(|l| l >= 1) && e.col.is_none_or(|c| c >= 1), "{e:?}");
            assert!(!e.to_string().chars().any(|c| c.is_control()), "{e:?}");
        }
    }
});
