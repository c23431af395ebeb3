//! Case 6 of issue 15: temporary files and empty draft locks left by
//! killed or disk-full writers are cleaned when the store is opened, once
//! old enough that no live writer can be using them.

use std::fs::File;
use std::time::{Duration, SystemTime};

use super::Sandbox;

fn aged(path: &std::path::Path, bytes: &[u8]) {
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(path, bytes).unwrap();
    File::options()
        .write(true)
        .open(path)
        .unwrap()
        .set_modified(SystemTime::now() - Duration::from_secs(2 * 3600))
        .unwrap();
}

#[test]
fn stale_litter_goes_on_open_and_fresh_files_stay() {
    let s = Sandbox::new();
    let (code, _, err) = s.run(&["notes", "add", "--target", "ebsp", "--body", "blijft"]);
    assert_eq!(code, 0, "{err}");
    let store = s.path("store");
    for i in 0..90 {
        aged(&store.join(format!(".tmp-{i:04}")), b"half geschreven");
    }
    aged(&store.join("drafts/.n1-12-34.toml.lock"), b"");
    let live_tmp = store.join(".tmp-bezig");
    std::fs::write(&live_tmp, b"wordt geschreven").unwrap();
    let kept_draft = store.join("drafts/n2-12-34.toml");
    aged(&kept_draft, b"x");
    aged(&store.join("drafts/.n2-12-34.toml.lock"), b"");

    let (code, out, err) = s.run(&["notes", "list"]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("blijft"), "{out}");
    let left: Vec<String> = std::fs::read_dir(&store)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with(".tmp-"))
        .collect();
    assert_eq!(left, [".tmp-bezig"], "only the live temporary stays");
    assert!(!store.join("drafts/.n1-12-34.toml.lock").exists());
    assert!(kept_draft.exists() && store.join("drafts/.n2-12-34.toml.lock").exists());
}
