//! Hostile files, faults and signals (issue 15): each case an attack found,
//! run against the real binary or the library, with what must happen.
//! Every run has its own home and a time limit, so a hang fails the test
//! instead of stopping the suite.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // test code

mod check_all;
mod config_colors;
mod controls;
mod fifo;
mod import_checks;
mod import_limits;
mod invisible;
mod large_paragraph;
mod store_litter;

use std::path::{Path, PathBuf};
use std::time::Duration;

use assert_cmd::Command;

/// A folder that is also the home: config, cache, state and data.
pub struct Sandbox {
    dir: tempfile::TempDir,
}

impl Default for Sandbox {
    fn default() -> Sandbox {
        Sandbox::new()
    }
}

impl Sandbox {
    pub fn new() -> Sandbox {
        Sandbox {
            dir: tempfile::tempdir().unwrap(),
        }
    }

    pub fn path(&self, rel: &str) -> PathBuf {
        self.dir.path().join(rel)
    }

    pub fn write(&self, rel: &str, bytes: impl AsRef<[u8]>) -> PathBuf {
        let p = self.path(rel);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(&p, bytes).unwrap();
        p
    }

    /// `dossier` in the sandbox, on the project's dossiers, with its own
    /// notes store; a run over 20 s fails.
    pub fn cmd(&self) -> Command {
        let mut c = self.bare();
        c.arg("--dossiers")
            .arg(project("dossiers"))
            .arg("--notes")
            .arg(self.path("store"));
        c
    }

    /// `dossier` in the sandbox with no arguments.
    pub fn bare(&self) -> Command {
        let mut c = Command::new(env!("CARGO_BIN_EXE_dossier"));
        c.current_dir(self.dir.path())
            .env("HOME", self.path("home"))
            .env("USER", "tester")
            .env("XDG_CONFIG_HOME", self.path("home/config"))
            .env("XDG_CACHE_HOME", self.path("home/cache"))
            .env("XDG_DATA_HOME", self.path("home/data"))
            .env("XDG_STATE_HOME", self.path("home/state"))
            .env_remove("DOSSIER_NO_CACHE")
            .env_remove("DOSSIER_CACHE_DIR")
            .timeout(Duration::from_secs(20));
        c
    }

    /// Runs and returns (exit code, stdout, stderr).
    pub fn run(&self, args: &[&str]) -> (i32, String, String) {
        run_cmd(self.cmd().args(args))
    }

    /// As [`Sandbox::run`], with no arguments but `args`.
    pub fn run_bare(&self, args: &[&str]) -> (i32, String, String) {
        run_cmd(self.bare().args(args))
    }
}

pub fn run_cmd(c: &mut Command) -> (i32, String, String) {
    let out = c.output().unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

pub fn project(rel: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(rel)
}

#[cfg(unix)]
pub fn mkfifo(path: &Path) {
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    rustix::fs::mkfifoat(
        rustix::fs::CWD,
        path,
        rustix::fs::Mode::RUSR | rustix::fs::Mode::WUSR,
    )
    .unwrap();
}

/// Characters a terminal acts on: C0 but line break and tab, DEL, C1, and
/// the bidirectional controls.
pub fn is_terminal_control(c: char) -> bool {
    (c.is_control() && c != '\n' && c != '\t')
        || matches!(c, '\u{061C}' | '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

pub fn assert_no_controls(what: &str, text: &str) {
    assert!(
        !text.chars().any(is_terminal_control),
        "{what} holds a raw control character: {text:?}"
    );
}
