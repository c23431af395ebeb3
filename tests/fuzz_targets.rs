//! The fuzz targets live outside the workspace (they need nightly and
//! libFuzzer), so `cargo test` does not build them; this checks the files
//! they build in are still where they say, so a renamed dossier cannot
//! leave them unbuildable unnoticed.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // test code

use std::path::Path;

#[test]
fn every_file_a_fuzz_target_includes_exists() {
    let targets = Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz/fuzz_targets");
    let mut checked = 0;
    for entry in std::fs::read_dir(&targets).unwrap() {
        let path = entry.unwrap().path();
        let text = std::fs::read_to_string(&path).unwrap();
        for part in text.split("include_str!(\"").skip(1) {
            let rel = part.split('"').next().unwrap();
            let included = targets.join(rel);
            assert!(
                included.is_file(),
                "{} includes {rel}, which is not there",
                path.display()
            );
            checked += 1;
        }
    }
    assert!(
        checked > 0,
        "no fuzz target includes a file: is the folder right?"
    );
}
