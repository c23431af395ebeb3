//! Case 2 of issue 15: a FIFO (or another non-regular file) where a file
//! is read must be refused with a message, never waited on.

#![cfg(unix)]

use super::{Sandbox, mkfifo, project, run_cmd};

#[test]
fn check_refuses_a_fifo_in_the_dossier_folder_promptly() {
    let s = Sandbox::new();
    let dir = s.path("d");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::copy(project("dossiers/c7.toml"), dir.join("c7.toml")).unwrap();
    mkfifo(&dir.join("zz.toml"));
    let (code, out, _) = s.run(&["check", dir.to_str().unwrap()]);
    assert_eq!(code, 1, "{out}");
    assert!(out.contains("zz.toml") && out.contains("FIFO"), "{out}");
}

#[test]
fn a_fifo_as_a_file_target_is_refused() {
    let s = Sandbox::new();
    s.write(
        "d/a.toml",
        "[dossier]\nid = \"a\"\ntitle = \"A\"\n\n[[section]]\nid = \"a/s\"\ntitle = \"S\"\nfile = \"s.txt\"\n",
    );
    mkfifo(&s.path("d/s.txt"));
    let (code, out, _) = s.run(&["check", s.path("d").to_str().unwrap()]);
    assert_eq!(code, 1, "{out}");
    assert!(out.contains("s.txt") && out.contains("FIFO"), "{out}");
}

#[test]
fn a_fifo_as_the_config_file_is_refused() {
    let s = Sandbox::new();
    mkfifo(&s.path("cfg.toml"));
    let (code, _, err) = s.run(&["--config", s.path("cfg.toml").to_str().unwrap(), "list"]);
    assert_eq!(code, 1, "{err}");
    assert!(err.contains("cfg.toml") && err.contains("FIFO"), "{err}");
}

#[test]
fn a_fifo_as_a_note_file_is_reported_and_the_store_read_only() {
    let s = Sandbox::new();
    let (code, _, err) = s.run(&["notes", "add", "--target", "ebsp", "--body", "x"]);
    assert_eq!(code, 0, "{err}");
    mkfifo(&s.path("store/pijp.toml"));
    let (code, out, err) = s.run(&["notes", "list"]);
    assert_eq!(code, 1, "{out}{err}");
    assert!(err.contains("pijp.toml") && err.contains("FIFO"), "{err}");
}

#[test]
fn fifos_in_the_cache_folder_are_passed_over() {
    let s = Sandbox::new();
    let cache = s.path("cache");
    let with_cache = |args: &[&str]| run_cmd(s.cmd().env("DOSSIER_CACHE_DIR", &cache).args(args));
    let (code, first, err) = with_cache(&["search", "marokko"]);
    assert_eq!(code, 0, "{err}");
    let mut replaced = 0;
    // Every file of the cache, the search index's folders included.
    let mut folders = vec![cache.clone()];
    while let Some(dir) = folders.pop() {
        for entry in std::fs::read_dir(&dir).unwrap() {
            let p = entry.unwrap().path();
            if p.is_dir() {
                folders.push(p);
                continue;
            }
            std::fs::remove_file(&p).unwrap();
            mkfifo(&p);
            replaced += 1;
        }
    }
    assert!(replaced > 0, "no cache files were written");
    let (code, again, err) = with_cache(&["search", "marokko"]);
    assert_eq!(code, 0, "{err}");
    assert_eq!(again, first);
}
