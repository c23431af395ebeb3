//! The annotate flow in a real terminal, as a new user would go through it:
//! the binary runs in tmux, keys are sent, the screen is read back. Without
//! tmux these tests fail, saying so: they never pass untested (`.ci/run`
//! installs tmux).

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // test code

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

struct Tmux {
    socket: String,
}

impl Tmux {
    /// Fails the test when tmux is not installed.
    fn require() {
        let here = Command::new("tmux")
            .arg("-V")
            .output()
            .is_ok_and(|o| o.status.success());
        assert!(
            here,
            "tmux is not installed: this test drives the interface in it \
             (install tmux, as .ci/run does, or leave the test out with --skip)"
        );
    }

    fn start(name: &str, home: &Path, store: &Path) -> Tmux {
        let t = Tmux {
            socket: format!("dossier-test-{name}-{}", std::process::id()),
        };
        let bin = assert_cmd::cargo::cargo_bin("dossier");
        let dossiers = Path::new(env!("CARGO_MANIFEST_DIR")).join("dossiers");
        let config = home.join("config.toml");
        std::fs::write(&config, "author = \"Tester\"\nlanguage = \"nl\"\n").unwrap();
        let status = Command::new("tmux")
            .args([
                "-L",
                &t.socket,
                "new-session",
                "-d",
                "-x",
                "100",
                "-y",
                "30",
            ])
            .args([
                "-e",
                &format!("XDG_STATE_HOME={}", home.join("state").display()),
            ])
            .arg(bin)
            .arg("--dossiers")
            .arg(dossiers)
            .arg("--config")
            .arg(config)
            .arg("--notes")
            .arg(store)
            .status()
            .unwrap();
        assert!(status.success());
        t.wait_for("Dossiers");
        t
    }

    fn keys(&self, keys: &[&str]) {
        let status = Command::new("tmux")
            .args(["-L", &self.socket, "send-keys", "-t", "0"])
            .args(keys)
            .status()
            .unwrap();
        assert!(status.success());
    }

    fn text(&self, text: &str) {
        let status = Command::new("tmux")
            .args(["-L", &self.socket, "send-keys", "-t", "0", "-l", text])
            .status()
            .unwrap();
        assert!(status.success());
    }

    fn screen(&self, escapes: bool) -> String {
        let mut c = Command::new("tmux");
        c.args(["-L", &self.socket, "capture-pane", "-p", "-t", "0"]);
        if escapes {
            c.arg("-e");
        }
        String::from_utf8_lossy(&c.output().unwrap().stdout).into_owned()
    }

    /// Waits until the screen shows `what`; fails with the screen after a
    /// generous while (the program is slow only on a loaded machine).
    fn wait_for(&self, what: &str) -> String {
        let start = Instant::now();
        loop {
            let s = self.screen(false);
            if s.contains(what) {
                return s;
            }
            assert!(
                start.elapsed() < Duration::from_secs(20),
                "waited for {what:?}; the screen:\n{s}"
            );
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    fn pid(&self) -> String {
        let out = Command::new("tmux")
            .args([
                "-L",
                &self.socket,
                "display-message",
                "-p",
                "-t",
                "0",
                "#{pane_pid}",
            ])
            .output()
            .unwrap();
        String::from_utf8_lossy(&out.stdout).trim().to_string()
    }

    fn running(&self) -> bool {
        Command::new("tmux")
            .args(["-L", &self.socket, "has-session"])
            .status()
            .is_ok_and(|s| s.success())
    }

    fn wait_gone(&self) {
        let start = Instant::now();
        while self.running() {
            assert!(
                start.elapsed() < Duration::from_secs(20),
                "the program did not end"
            );
            std::thread::sleep(Duration::from_millis(50));
        }
    }
}

impl Drop for Tmux {
    fn drop(&mut self) {
        let _ = Command::new("tmux")
            .args(["-L", &self.socket, "kill-server"])
            .status();
    }
}

fn list_json(home: &Path, store: &Path) -> Vec<serde_json::Value> {
    let out = Command::new(assert_cmd::cargo::cargo_bin("dossier"))
        .arg("--dossiers")
        .arg(Path::new(env!("CARGO_MANIFEST_DIR")).join("dossiers"))
        .arg("--config")
        .arg(home.join("config.toml"))
        .arg("--notes")
        .arg(store)
        .args(["notes", "list", "--json"])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap()
}

/// Opens the section with tweetrapssysteem and finds the word in it.
fn to_the_passage(t: &Tmux) {
    t.keys(&["C-p"]);
    t.text("tweetrapssysteem");
    t.wait_for("Uitkomst onderhandelingen");
    t.keys(&["Enter"]);
    t.wait_for("(paragraaf · ebsp/uitkomst");
    t.keys(&["/"]);
    t.text("tweetrapssysteem");
    t.keys(&["Enter"]);
    t.wait_for("1 treffer");
}

fn home() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path().join("notes");
    (dir, store)
}

#[test]
fn a_new_user_annotates_a_passage_and_finds_it_highlighted_next_time() {
    Tmux::require();
    let (dir, store) = home();
    let t = Tmux::start("annotate", dir.path(), &store);
    to_the_passage(&t);
    t.keys(&["v"]);
    t.wait_for("SELECTIE");
    t.keys(&["a"]);
    t.wait_for("Nieuwe notitie");
    t.text("Wat betekent dit voor de Marechaussee?");
    let s = t.wait_for("Marechaussee?");
    assert!(s.contains("“tweetrapssysteem”"), "{s}");
    t.keys(&["C-s"]);
    t.wait_for("Notitie opgeslagen");
    t.keys(&["q"]);
    t.wait_gone();

    let list = list_json(dir.path(), &store);
    assert_eq!(list.len(), 1);
    assert_eq!(list[0]["target"]["quote"]["exact"], "tweetrapssysteem");
    assert_eq!(list[0]["body"], "Wat betekent dit voor de Marechaussee?");
    assert_eq!(list[0]["anchored"], true);

    // Next start: the passage is highlighted (the note style) without any
    // search, and the pane lists the note.
    // It reopens where the user left (resume), and no search marks the word.
    let t = Tmux::start("again", dir.path(), &store);
    t.wait_for("(paragraaf · ebsp/uitkomst");
    t.keys(&["C-f"]);
    t.wait_for("Notities (1)");
    t.wait_for("alleen via een tweetrapssysteem");
    let plain = t.screen(false);
    let coloured = t.screen(true);
    assert!(plain.contains("tweetrapssysteem"), "{plain}");
    // In colour the word, and only the word, has a style of its own: the
    // escape sequences start right before it and end right after it.
    let styled = coloured
        .lines()
        .any(|l| l.contains("via een \u{1b}[") && l.contains("mtweetrapssysteem\u{1b}["));
    assert!(styled, "{coloured}");
    t.keys(&["q"]);
    t.wait_gone();
}

#[cfg(unix)]
#[test]
fn sigterm_while_typing_keeps_the_draft_for_the_next_start() {
    Tmux::require();
    let (dir, store) = home();
    let t = Tmux::start("term", dir.path(), &store);
    to_the_passage(&t);
    t.keys(&["v", "a"]);
    t.wait_for("Nieuwe notitie");
    t.text("Halverwege een gedachte");
    t.wait_for("Halverwege een gedachte");
    let status = Command::new("kill")
        .args(["-TERM", &t.pid()])
        .status()
        .unwrap();
    assert!(status.success());
    t.wait_gone();
    assert!(
        list_json(dir.path(), &store).is_empty(),
        "nothing was saved"
    );

    let t = Tmux::start("restore", dir.path(), &store);
    let s = t.wait_for("Halverwege een gedachte");
    assert!(
        s.contains("“tweetrapssysteem”") && s.contains("concept"),
        "{s}"
    );
    t.text(" afgemaakt.");
    t.keys(&["C-s"]);
    t.wait_for("Notitie opgeslagen");
    t.keys(&["q"]);
    t.wait_gone();
    let list = list_json(dir.path(), &store);
    assert_eq!(list.len(), 1);
    assert_eq!(list[0]["body"], "Halverwege een gedachte afgemaakt.");
}
