//! The real binary in a pseudo-terminal of 100×30, as a user's terminal
//! runs it: keys go in as the bytes a terminal sends, and what the program
//! writes is replayed on a small screen model to know what the user sees.
//! Every wait is bounded; nothing here asserts a timing.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // test code
#![cfg(target_os = "linux")]

use std::fs::File;
use std::io::{ErrorKind, Read, Write};
use std::os::fd::{AsRawFd, FromRawFd, OwnedFd, RawFd};
use std::os::unix::process::CommandExt;
use std::path::Path;
use std::process::{Child, Command, ExitStatus, Stdio};
use std::sync::{Arc, Condvar, Mutex};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use rustix::fs::{Mode, OFlags};
use rustix::process::{Pid, Signal};
use rustix::pty::{OpenptFlags, grantpt, openpt, ptsname, unlockpt};
use rustix::termios::{Termios, Winsize};

use screen::Screen;

/// Generous: the program answers in milliseconds, but the machine may be
/// busy compiling.
const WAIT: Duration = Duration::from_secs(10);
const COLS: u16 = 100;
const ROWS: u16 = 30;
const CTRL_P: &[u8] = b"\x10";
const CTRL_S: &[u8] = b"\x13";
const ENTER: &[u8] = b"\r";
const BACKSPACE: &[u8] = b"\x7f";
const LEAVE_ALT: &[u8] = b"\x1b[?1049l";
const ENTER_ALT: &[u8] = b"\x1b[?1049h";
/// ratatui ends every frame by hiding the cursor (this program never shows
/// it); a frame arrives in several writes, so only output ending here is a
/// whole screen.
const FRAME_END: &[u8] = b"\x1b[?25l";

/// What the program wrote so far, and whether its side of the terminal is
/// closed.
#[derive(Default)]
struct Output {
    bytes: Vec<u8>,
    closed: bool,
}

type Shared = Arc<(Mutex<Output>, Condvar)>;

/// The program running on a pseudo-terminal.
struct Pty {
    child: Child,
    keys: File,
    /// Our copy of the terminal's side: it keeps the terminal alive after
    /// the program ends, so its settings can be read.
    terminal: Option<OwnedFd>,
    output: Shared,
    reader: Option<JoinHandle<()>>,
    /// The reader thread's descriptor of the terminal's far side (the one
    /// a terminal emulator holds), to hang up on the program.
    reader_fd: RawFd,
    /// The terminal's settings before the program started, and after it
    /// ended.
    before: Termios,
    after: Option<Termios>,
}

/// A home of its own for each test: configuration, cache, state (drafts)
/// and data stay inside it.
fn environment(cmd: &mut Command, home: &Path) {
    cmd.env_clear()
        .env("TERM", "xterm-256color")
        .env("HOME", home)
        .env("USER", "tester")
        .env("XDG_CONFIG_HOME", home.join("config"))
        .env("XDG_CACHE_HOME", home.join("cache"))
        .env("XDG_STATE_HOME", home.join("state"))
        .env("XDG_DATA_HOME", home.join("data"))
        .current_dir(env!("CARGO_MANIFEST_DIR"));
    if let Some(path) = std::env::var_os("PATH") {
        cmd.env("PATH", path);
    }
}

impl Pty {
    /// Starts `dossier --notes NOTES` in the repository, so `./dossiers` is
    /// what it shows.
    fn start(home: &Path, notes: &Path) -> Pty {
        Pty::start_with(home, notes, &[])
    }

    /// [`Pty::start`] with more arguments.
    fn start_with(home: &Path, notes: &Path, args: &[&std::ffi::OsStr]) -> Pty {
        let master = openpt(OpenptFlags::RDWR | OpenptFlags::NOCTTY | OpenptFlags::CLOEXEC)
            .expect("a pseudo-terminal");
        grantpt(&master).unwrap();
        unlockpt(&master).unwrap();
        let name = ptsname(&master, Vec::new()).unwrap();
        let terminal = rustix::fs::open(
            name.as_c_str(),
            OFlags::RDWR | OFlags::NOCTTY | OFlags::CLOEXEC,
            Mode::empty(),
        )
        .unwrap();
        rustix::termios::tcsetwinsize(
            &terminal,
            Winsize {
                ws_row: ROWS,
                ws_col: COLS,
                ws_xpixel: 0,
                ws_ypixel: 0,
            },
        )
        .unwrap();
        let before = rustix::termios::tcgetattr(&terminal).unwrap();

        let mut cmd = Command::new(env!("CARGO_BIN_EXE_dossier"));
        cmd.arg("--notes").arg(notes).args(args);
        environment(&mut cmd, home);
        cmd.stdin(Stdio::from(terminal.try_clone().unwrap()))
            .stdout(Stdio::from(terminal.try_clone().unwrap()))
            .stderr(Stdio::from(terminal.try_clone().unwrap()));
        // SAFETY: between fork and exec the closure makes two system calls
        // through rustix, which neither allocates nor takes locks.
        unsafe {
            cmd.pre_exec(|| {
                // A session of its own, with this terminal as its
                // controlling terminal, as a shell would start it.
                rustix::process::setsid()?;
                rustix::process::ioctl_tiocsctty(rustix::stdio::stdin())?;
                Ok(())
            });
        }
        let child = cmd.spawn().expect("the dossier binary starts");
        drop(cmd);

        let master = File::from(master);
        let reader_fd = master.as_raw_fd();
        let keys = master.try_clone().unwrap();
        let output: Shared = Arc::default();
        let shared = Arc::clone(&output);
        let reader = std::thread::spawn(move || read_all(master, &shared));
        Pty {
            child,
            keys,
            terminal: Some(terminal),
            output,
            reader: Some(reader),
            reader_fd,
            before,
            after: None,
        }
    }

    fn send(&mut self, bytes: &[u8]) {
        self.keys.write_all(bytes).unwrap();
        self.keys.flush().unwrap();
    }

    fn bytes(&self) -> Vec<u8> {
        self.output.0.lock().unwrap().bytes.clone()
    }

    fn screen(&self) -> Screen {
        Screen::replay(&self.bytes(), usize::from(COLS), usize::from(ROWS))
    }

    /// Waits until the screen satisfies `ok`; fails showing the screen.
    fn wait_for(&self, what: &str, ok: impl Fn(&Screen) -> bool) -> Screen {
        let deadline = Instant::now() + WAIT;
        let (lock, changed) = &*self.output;
        let mut out = lock.lock().unwrap();
        loop {
            let screen = Screen::replay(&out.bytes, usize::from(COLS), usize::from(ROWS));
            if out.bytes.ends_with(FRAME_END) && ok(&screen) {
                return screen;
            }
            let now = Instant::now();
            assert!(
                now < deadline && !out.closed,
                "waited for {what}; the screen:\n{}",
                screen.text()
            );
            out = changed.wait_timeout(out, deadline - now).unwrap().0;
        }
    }

    fn wait_text(&self, text: &str) -> Screen {
        self.wait_for(&format!("{text:?}"), |s| s.text().contains(text))
    }

    /// Waits for the program to end, then for the last of its output.
    fn wait_exit(&mut self) -> ExitStatus {
        let deadline = Instant::now() + WAIT;
        let status = loop {
            if let Some(status) = self.child.try_wait().unwrap() {
                break status;
            }
            assert!(
                Instant::now() < deadline,
                "the program did not end; the screen:\n{}",
                self.screen().text()
            );
            std::thread::sleep(Duration::from_millis(10));
        };
        // The settings the program left, then, with the program gone,
        // closing our copy of the terminal lets the reader see the end of
        // the output.
        if let Some(fd) = self.terminal.take() {
            self.after = Some(rustix::termios::tcgetattr(&fd).unwrap());
        }
        let (lock, changed) = &*self.output;
        let out = lock.lock().unwrap();
        let (out, _) = changed
            .wait_timeout_while(out, WAIT, |o| !o.closed)
            .unwrap();
        assert!(out.closed, "the terminal stayed open after the program");
        drop(out);
        if let Some(r) = self.reader.take() {
            r.join().unwrap();
        }
        status
    }

    /// The terminal's settings now equal those it had before the program
    /// (echo, canonical mode, signals are back on).
    fn assert_settings_restored(&self) {
        let now = self.after.as_ref().expect("the program has ended");
        assert_eq!(now.local_modes, self.before.local_modes);
        assert_eq!(now.input_modes, self.before.input_modes);
        assert_eq!(now.output_modes, self.before.output_modes);
        assert!(
            now.local_modes
                .contains(rustix::termios::LocalModes::ECHO | rustix::termios::LocalModes::ICANON)
        );
    }

    /// Closes the terminal as a window that is closed would: every
    /// descriptor of its far side now points at /dev/null instead, and the
    /// kernel hangs up the program's side.
    fn hang_up(&mut self) {
        let null =
            rustix::fs::open("/dev/null", OFlags::RDWR | OFlags::CLOEXEC, Mode::empty()).unwrap();
        for fd in [self.keys.as_raw_fd(), self.reader_fd] {
            // SAFETY: both numbers are open descriptors that this test owns
            // (the key writer, and the reader thread's file, which stays
            // open until that thread ends); dup2 replaces what they refer
            // to, and `forget` leaves them open for their owners to close.
            let mut target = unsafe { OwnedFd::from_raw_fd(fd) };
            rustix::io::dup2(&null, &mut target).unwrap();
            std::mem::forget(target);
        }
    }

    /// Waits for the program to end, without reading the terminal's
    /// settings (after a hang-up there are none to read).
    fn wait_gone(&mut self) -> ExitStatus {
        let deadline = Instant::now() + WAIT;
        loop {
            if let Some(status) = self.child.try_wait().unwrap() {
                return status;
            }
            assert!(
                Instant::now() < deadline,
                "the program did not end after its terminal hung up"
            );
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    fn pid(&self) -> Pid {
        Pid::from_child(&self.child)
    }
}

impl Drop for Pty {
    fn drop(&mut self) {
        // A failed test must not leave the program running.
        if let Ok(None) = self.child.try_wait() {
            let _ = self.child.kill();
            let _ = self.child.wait();
        }
    }
}

fn read_all(mut master: File, shared: &Shared) {
    let mut buf = [0u8; 8192];
    loop {
        let n = match master.read(&mut buf) {
            Ok(n) => n,
            Err(e) if e.kind() == ErrorKind::Interrupted => continue,
            // EIO: every copy of the terminal's side is closed.
            Err(_) => 0,
        };
        let (lock, changed) = &**shared;
        let mut out = lock.lock().unwrap();
        if n == 0 {
            out.closed = true;
            changed.notify_all();
            return;
        }
        out.bytes.extend_from_slice(&buf[..n]);
        changed.notify_all();
    }
}

fn find_last(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).rposition(|w| w == needle)
}

/// The program left the alternate screen last and drew nothing after it:
/// what follows is at most a few control sequences (showing the cursor).
fn assert_left_alternate_screen(out: &[u8]) {
    let left = find_last(out, LEAVE_ALT).expect("the alternate screen was left");
    let entered = find_last(out, ENTER_ALT).expect("the alternate screen was entered");
    assert!(
        entered < left,
        "entered the alternate screen again at the end"
    );
    let rest = &out[left + LEAVE_ALT.len()..];
    assert!(
        screen::only_control_sequences(rest),
        "drawn after leaving the alternate screen: {:?}",
        String::from_utf8_lossy(rest)
    );
}

fn dirs() -> (tempfile::TempDir, std::path::PathBuf) {
    let home = tempfile::tempdir().unwrap();
    let notes = home.path().join("notes");
    (home, notes)
}

/// `Ctrl-p`, `tweetrap`, the finder's hits, `Enter`: the section is open.
fn find_tweetrap(t: &mut Pty) -> Screen {
    t.send(CTRL_P);
    t.wait_text("Zoek: ▏");
    t.send(b"tweetrap");
    // The hit count shows once the hits answer the whole query.
    t.wait_for("the hits for tweetrap", |s| {
        s.rows()
            .iter()
            .any(|r| r.contains("Zoek: tweetrap▏") && r.contains(" treffer") && !r.contains("geen"))
    });
    t.send(ENTER);
    let s = t.wait_text("(paragraaf · ebsp/uitkomst-onderhandelingen)");
    assert!(!s.text().contains("Zoek: "), "{}", s.text());
    s
}

#[test]
fn find_follow_back_and_quit_restores_the_terminal() {
    let (home, notes) = dirs();
    let mut t = Pty::start(home.path(), &notes);
    t.wait_text("Dossiers");
    let s = find_tweetrap(&mut t);
    assert!(s.text().contains("tweetrapssysteem"), "{}", s.text());
    assert!(
        s.rows()[ROWS as usize - 1].contains("LEZEN"),
        "{}",
        s.text()
    );

    t.send(BACKSPACE);
    let s = t.wait_text("Hierbij bieden wij");
    assert!(s.text().contains("(brief · kst-32317-987)"), "{}", s.text());

    t.send(b"q");
    let status = t.wait_exit();
    assert_eq!(status.code(), Some(0), "{status:?}");
    t.assert_settings_restored();
    let out = t.bytes();
    assert_left_alternate_screen(&out);
    assert!(!t.screen().alternate(), "still on the alternate screen");
}

#[test]
fn ctrl_c_quits_from_a_prompt_where_q_types() {
    let (home, notes) = dirs();
    let mut t = Pty::start(home.path(), &notes);
    t.wait_text("Dossiers");
    t.send(CTRL_P);
    t.wait_text("Zoek: ▏");
    t.send(b"q");
    t.wait_text("Zoek: q▏");
    t.send(b"\x03");
    let status = t.wait_exit();
    assert_eq!(status.code(), Some(0), "{status:?}");
    t.assert_settings_restored();
}

#[test]
fn a_footnote_leads_to_the_kamerstuk_it_cites_and_back() {
    let (home, notes) = dirs();
    // The bundled dossiers and the library fixtures in one folder.
    let dir = home.path().join("library");
    std::fs::create_dir_all(&dir).unwrap();
    for folder in ["dossiers", "tests/fixtures/library"] {
        let from = Path::new(env!("CARGO_MANIFEST_DIR")).join(folder);
        for e in std::fs::read_dir(from).unwrap() {
            let p = e.unwrap().path();
            if p.extension().is_some_and(|x| x == "toml") {
                std::fs::copy(&p, dir.join(p.file_name().unwrap())).unwrap();
            }
        }
    }
    let mut t = Pty::start_with(
        home.path(),
        &notes,
        &["--dossiers".as_ref(), dir.as_os_str()],
    );
    t.wait_text("Dossiers");
    // Footnote 2 of the EBSP topic, from the finder.
    t.send(CTRL_P);
    t.wait_text("Zoek: ▏");
    t.send(b"voetnoot 2");
    t.wait_for("the hits for voetnoot 2", |s| {
        s.rows().iter().any(|r| {
            r.contains("Zoek: voetnoot 2▏") && r.contains(" treffer") && !r.contains("geen")
        })
    });
    t.send(ENTER);
    t.wait_text("(voetnoot · ebsp/fn-2)");
    t.wait_for("the finder closed", |s| !s.text().contains("Zoek:"));
    // Its second link is Kamerstuk 32317-978: Enter opens that document.
    t.send(b"]]");
    t.send(ENTER);
    let s = t.wait_text("Testtekst: deze agenda");
    assert!(s.text().contains("kst-32317-978"), "{}", s.text());
    // And back to the footnote.
    t.send(BACKSPACE);
    t.wait_text("(voetnoot · ebsp/fn-2)");
    t.send(b"q");
    assert_eq!(t.wait_exit().code(), Some(0));
}

#[test]
fn an_index_truncated_underfoot_does_not_crash_the_interface() {
    let (home, notes) = dirs();
    // A first run writes the cache; the second opens its search index.
    let mut t = Pty::start(home.path(), &notes);
    t.wait_text("Dossiers");
    t.send(CTRL_P);
    t.send(b"italie");
    t.wait_for("the hits", |s| s.text().contains(" treffers"));
    t.send(b"\x1b");
    t.wait_for("the finder closed", |s| !s.text().contains("Zoek:"));
    t.send(b"q");
    assert_eq!(t.wait_exit().code(), Some(0));
    // The library's index: a folder of files under the cache.
    let indexes = home.path().join("cache/dossier/index");
    let files: Vec<std::path::PathBuf> = std::fs::read_dir(&indexes)
        .expect("the library's index is cached")
        .flat_map(|d| std::fs::read_dir(d.unwrap().path()).unwrap())
        .map(|e| e.unwrap().path())
        .filter(|p| p.is_file())
        .collect();
    assert!(files.len() > 2, "{files:?}");
    let mut t = Pty::start(home.path(), &notes);
    t.wait_text("Dossiers");
    // Opened once the finder has asked for it.
    t.send(CTRL_P);
    t.send(b"brus");
    t.wait_for("the hits", |s| s.text().contains(" treffer"));
    t.send(b"\x1b");
    t.wait_for("the finder closed", |s| !s.text().contains("Zoek:"));
    // Another program empties every file of it.
    for f in &files {
        std::fs::OpenOptions::new()
            .write(true)
            .open(f)
            .unwrap()
            .set_len(0)
            .unwrap();
    }
    t.send(CTRL_P);
    t.send(b"italie");
    // An answer (no hits, the index said damaged), not a crash.
    t.wait_for("an answer", |s| {
        s.text().contains("Zoek: italie▏") && s.text().contains("treffer")
    });
    t.wait_text("De zoekindex is gewijzigd");
    t.send(b"\x1b");
    t.wait_for("the finder closed", |s| !s.text().contains("Zoek:"));
    t.send(b"q");
    let status = t.wait_exit();
    assert_eq!(status.code(), Some(0), "{status:?}");
    t.assert_settings_restored();
}

#[test]
fn sigterm_ends_with_143_and_restores_the_terminal() {
    let (home, notes) = dirs();
    let mut t = Pty::start(home.path(), &notes);
    t.wait_text("Dossiers");
    // In the middle of something: the finder is open with a query.
    t.send(CTRL_P);
    t.send(b"brus");
    t.wait_text("Zoek: brus▏");
    rustix::process::kill_process(t.pid(), Signal::TERM).unwrap();
    let status = t.wait_exit();
    assert_eq!(status.code(), Some(128 + 15), "{status:?}");
    t.assert_settings_restored();
    assert_left_alternate_screen(&t.bytes());
}

#[test]
fn sigquit_ends_with_131_and_restores_the_terminal() {
    let (home, notes) = dirs();
    let mut t = Pty::start(home.path(), &notes);
    t.wait_text("Dossiers");
    t.send(CTRL_P);
    t.send(b"brus");
    t.wait_text("Zoek: brus▏");
    rustix::process::kill_process(t.pid(), Signal::QUIT).unwrap();
    let status = t.wait_exit();
    assert_eq!(status.code(), Some(128 + 3), "{status:?}");
    t.assert_settings_restored();
    assert_left_alternate_screen(&t.bytes());
}

/// Waits until the program has stopped (as a shell's job control sees).
fn wait_stopped(t: &Pty) {
    let found =
        rustix::process::waitpid(Some(t.pid()), rustix::process::WaitOptions::UNTRACED).unwrap();
    assert!(
        found.is_some_and(|(_, s)| s.stopped()),
        "the program did not stop: {found:?}"
    );
}

#[test]
fn ctrl_z_suspends_with_the_terminal_given_back_and_fg_resumes_in_raw_mode() {
    let (home, notes) = dirs();
    let mut t = Pty::start(home.path(), &notes);
    t.wait_text("Dossiers");
    t.send(b"\x1a");
    wait_stopped(&t);
    let fd = t.terminal.as_ref().expect("the terminal is open");
    let stopped = rustix::termios::tcgetattr(fd).unwrap();
    assert!(
        stopped
            .local_modes
            .contains(rustix::termios::LocalModes::ECHO | rustix::termios::LocalModes::ICANON),
        "raw mode was left on while suspended"
    );
    // The reader thread may not have read the last bytes yet.
    let deadline = Instant::now() + WAIT;
    while find_last(&t.bytes(), LEAVE_ALT).is_none() && Instant::now() < deadline {
        std::thread::sleep(Duration::from_millis(20));
    }
    assert_left_alternate_screen(&t.bytes());
    let before = t.bytes().len();
    // `fg`: the shell continues the job.
    rustix::process::kill_process(t.pid(), Signal::CONT).unwrap();
    let deadline = Instant::now() + WAIT;
    loop {
        let out = t.bytes();
        let redrawn =
            find_last(&out, ENTER_ALT).is_some_and(|at| at >= before) && out.ends_with(FRAME_END);
        if redrawn {
            break;
        }
        assert!(
            Instant::now() < deadline,
            "no redraw after the resume: {:?}; after the stop: {:?}",
            t.child.try_wait(),
            String::from_utf8_lossy(&out[before.min(out.len())..])
        );
        std::thread::sleep(Duration::from_millis(20));
    }
    let fd = t.terminal.as_ref().expect("the terminal is open");
    let resumed = rustix::termios::tcgetattr(fd).unwrap();
    assert!(
        !resumed
            .local_modes
            .contains(rustix::termios::LocalModes::ICANON),
        "resumed in cooked mode"
    );
    assert!(
        t.screen().text().contains("Dossiers"),
        "{}",
        t.screen().text()
    );
    // Keys work without Enter: `q` alone quits.
    t.send(b"q");
    let status = t.wait_exit();
    assert_eq!(status.code(), Some(0), "{status:?}");
    t.assert_settings_restored();
}

#[test]
fn a_terminal_that_hangs_up_ends_the_program_with_129() {
    let (home, notes) = dirs();
    let mut t = Pty::start(home.path(), &notes);
    t.wait_text("Dossiers");
    // Typing in the finder when the window is closed.
    t.send(CTRL_P);
    t.send(b"brus");
    t.wait_text("Zoek: brus▏");
    t.hang_up();
    let status = t.wait_gone();
    assert_eq!(status.code(), Some(128 + 1), "{status:?}");
}

#[test]
fn a_note_on_a_passage_is_saved_and_listed() {
    let (home, notes) = dirs();
    let mut t = Pty::start(home.path(), &notes);
    t.wait_text("Dossiers");
    find_tweetrap(&mut t);
    t.send(b"/tweetrapssysteem");
    t.send(ENTER);
    t.wait_text("/tweetrapssysteem 1 treffer");
    t.send(b"v");
    t.wait_text("SELECTIE");
    t.send(b"a");
    t.wait_text("Nieuwe notitie");
    t.send("Wat betekent dit voor de Koninklijke Marechaussee?".as_bytes());
    t.wait_text("Koninklijke Marechaussee?");
    t.send(CTRL_S);
    t.wait_text("Notitie opgeslagen");
    t.send(b"q");
    let status = t.wait_exit();
    assert_eq!(status.code(), Some(0), "{status:?}");
    t.assert_settings_restored();
    assert_left_alternate_screen(&t.bytes());

    let mut list = Command::new(env!("CARGO_BIN_EXE_dossier"));
    list.arg("--notes")
        .arg(&notes)
        .args(["notes", "list", "--json"]);
    environment(&mut list, home.path());
    let out = list.stdin(Stdio::null()).output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let notes = json.as_array().expect("a list of notes");
    assert_eq!(notes.len(), 1, "{json:#}");
    let note = &notes[0];
    assert_eq!(note["target"]["quote"]["exact"], "tweetrapssysteem");
    assert_eq!(note["anchored"], true);
    assert_eq!(
        note["body"],
        "Wat betekent dit voor de Koninklijke Marechaussee?"
    );
}

/// Just enough of a terminal to know what the user sees: the cursor moves,
/// clears and text that ratatui's crossterm backend writes, and the switch
/// to and from the alternate screen. Colours and other attributes are
/// skipped.
mod screen {
    use unicode_width::UnicodeWidthChar;

    type Grid = Vec<Vec<String>>;

    pub struct Screen {
        width: usize,
        height: usize,
        main: Grid,
        alt: Grid,
        on_alt: bool,
        row: usize,
        col: usize,
    }

    fn blank(width: usize, height: usize) -> Grid {
        vec![vec![" ".to_string(); width]; height]
    }

    /// Reads one control sequence after ESC; returns the CSI parameters
    /// and final character when it is one.
    fn escape(chars: &mut std::iter::Peekable<std::str::Chars<'_>>) -> Option<(String, char)> {
        match chars.next()? {
            '[' => {
                let mut params = String::new();
                for c in chars.by_ref() {
                    if ('\u{40}'..='\u{7e}').contains(&c) {
                        return Some((params, c));
                    }
                    params.push(c);
                }
                None
            }
            // Operating system commands end with BEL or ESC \.
            ']' => {
                while let Some(c) = chars.next() {
                    if c == '\u{7}' {
                        break;
                    }
                    if c == '\u{1b}' {
                        chars.next();
                        break;
                    }
                }
                None
            }
            '(' | ')' => {
                chars.next();
                None
            }
            _ => None,
        }
    }

    /// Whether `bytes` holds nothing but control sequences: nothing drawn.
    pub fn only_control_sequences(bytes: &[u8]) -> bool {
        let text = String::from_utf8_lossy(bytes);
        let mut chars = text.chars().peekable();
        while let Some(c) = chars.next() {
            if c == '\u{1b}' {
                escape(&mut chars);
            } else if !c.is_control() {
                return false;
            }
        }
        true
    }

    impl Screen {
        pub fn replay(bytes: &[u8], width: usize, height: usize) -> Screen {
            let mut s = Screen {
                width,
                height,
                main: blank(width, height),
                alt: blank(width, height),
                on_alt: false,
                row: 0,
                col: 0,
            };
            // An unfinished character at the very end shows as U+FFFD
            // until the rest arrives.
            let text = String::from_utf8_lossy(bytes);
            let mut chars = text.chars().peekable();
            while let Some(c) = chars.next() {
                match c {
                    '\u{1b}' => {
                        if let Some((params, last)) = escape(&mut chars) {
                            s.csi(&params, last);
                        }
                    }
                    '\r' => s.col = 0,
                    '\n' => s.line_feed(),
                    '\u{8}' => s.col = s.col.saturating_sub(1),
                    c if c.is_control() => {}
                    c => s.put(c),
                }
            }
            s
        }

        fn grid(&mut self) -> &mut Grid {
            if self.on_alt {
                &mut self.alt
            } else {
                &mut self.main
            }
        }

        fn line_feed(&mut self) {
            if self.row + 1 < self.height {
                self.row += 1;
            } else {
                let w = self.width;
                let g = self.grid();
                g.remove(0);
                g.push(vec![" ".to_string(); w]);
            }
        }

        fn put(&mut self, c: char) {
            let w = c.width().unwrap_or(0);
            if w == 0 {
                return;
            }
            if self.col + w > self.width {
                self.col = 0;
                self.line_feed();
            }
            let (row, col) = (self.row, self.col);
            let g = self.grid();
            g[row][col] = c.to_string();
            if w == 2 && col + 1 < g[row].len() {
                g[row][col + 1] = String::new();
            }
            self.col += w;
        }

        fn clear(&mut self, rows: std::ops::Range<usize>, from_col: usize) {
            let w = self.width;
            let g = self.grid();
            for (i, r) in g.iter_mut().enumerate().take(rows.end).skip(rows.start) {
                let start = if i == rows.start { from_col } else { 0 };
                for cell in r.iter_mut().take(w).skip(start) {
                    *cell = " ".to_string();
                }
            }
        }

        fn csi(&mut self, params: &str, last: char) {
            let private = params.starts_with('?');
            let nums: Vec<usize> = params
                .trim_start_matches('?')
                .split(';')
                .map(|p| p.parse().unwrap_or(0))
                .collect();
            let n = |i: usize| nums.get(i).copied().filter(|&v| v > 0).unwrap_or(1);
            let (h, w) = (self.height, self.width);
            match last {
                'H' | 'f' => {
                    self.row = (n(0) - 1).min(h - 1);
                    self.col = (n(1) - 1).min(w - 1);
                }
                'A' => self.row = self.row.saturating_sub(n(0)),
                'B' => self.row = (self.row + n(0)).min(h - 1),
                'C' => self.col = (self.col + n(0)).min(w - 1),
                'D' => self.col = self.col.saturating_sub(n(0)),
                'G' => self.col = (n(0) - 1).min(w - 1),
                'd' => self.row = (n(0) - 1).min(h - 1),
                'J' => match nums[0] {
                    0 => self.clear(self.row..h, self.col),
                    1 => self.clear(0..self.row + 1, 0),
                    _ => self.clear(0..h, 0),
                },
                'K' => match nums[0] {
                    0 => self.clear(self.row..self.row + 1, self.col),
                    _ => self.clear(self.row..self.row + 1, 0),
                },
                'h' | 'l' if private => {
                    for m in &nums {
                        if matches!(m, 47 | 1047 | 1049) {
                            self.on_alt = last == 'h';
                            if self.on_alt {
                                self.alt = blank(w, h);
                            }
                        }
                    }
                }
                _ => {}
            }
        }

        /// The rows of the screen shown now.
        pub fn rows(&self) -> Vec<String> {
            let g = if self.on_alt { &self.alt } else { &self.main };
            g.iter().map(|r| r.concat()).collect()
        }

        pub fn text(&self) -> String {
            self.rows().join("\n")
        }

        pub fn alternate(&self) -> bool {
            self.on_alt
        }
    }
}

#[test]
fn the_first_screen_says_the_dossiers_come_from_this_folder() {
    // Started in the repository: its ./dossiers and ./config.toml are used.
    let (home, notes) = dirs();
    let mut t = Pty::start(home.path(), &notes);
    let s = t.wait_text("Dossiers");
    let status = &s.rows()[ROWS as usize - 1];
    assert!(
        status.contains("./dossiers") && status.contains("uit deze map"),
        "{}",
        s.text()
    );
    t.send(b"q");
    assert_eq!(t.wait_exit().code(), Some(0));
}

#[test]
fn the_tree_filter_typed_narrows_the_tree() {
    let (home, notes) = dirs();
    let mut t = Pty::start(home.path(), &notes);
    let s = t.wait_text("Dossiers");
    assert!(s.text().contains("CT-ontbijt"), "{}", s.text());
    t.send(b"f");
    t.send(b"marokko");
    // The filtered tree comes from the filter's thread.
    t.wait_for("the tree filtered", |s| {
        s.text().contains("Samenwerking met Marokk") && !s.text().contains("CT-ontbijt")
    });
    t.send(ENTER);
    t.send(b"q");
    assert_eq!(t.wait_exit().code(), Some(0));
}

#[test]
fn the_tree_filter_finds_a_word_of_a_text_once_the_index_is_open() {
    // `tweetrap` is in no title: only in the text of the EBSP topic, which
    // the library's index finds once the finder's thread has opened it.
    let (home, notes) = dirs();
    let mut t = Pty::start(home.path(), &notes);
    let s = t.wait_text("Dossiers");
    assert!(s.text().contains("CT-ontbijt"), "{}", s.text());
    t.send(b"f");
    t.send(b"tweetrap");
    t.wait_for("the topic whose text holds the word", |s| {
        s.text().contains("Enhanced Border") && !s.text().contains("CT-ontbijt")
    });
    t.send(ENTER);
    t.send(b"q");
    assert_eq!(t.wait_exit().code(), Some(0));
}
