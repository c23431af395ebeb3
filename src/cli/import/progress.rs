//! Progress of a long import on stderr, so a batch never looks hung: on a
//! terminal a count redrawn in place per file; into a pipe or a file,
//! plain lines, and only for a long batch (never a carriage return or an
//! escape there).

use std::io::Write;
use std::time::{Duration, Instant};

use dossier_core::text::sanitize_line;

/// A batch of at least this many sources reports its progress also when
/// stderr is not a terminal, one line per this many sources.
pub const LONG_BATCH: usize = 1000;
/// A terminal's count is redrawn at most this often.
const REDRAW: Duration = Duration::from_millis(100);
/// The width of the redrawn line, at most (one less than the terminal's,
/// so it never wraps).
const WIDTH: usize = 72;

pub struct Progress<W: Write> {
    out: W,
    total: usize,
    terminal: bool,
    width: usize,
    last: Option<Instant>,
    drawn: bool,
}

impl Progress<std::io::Stderr> {
    /// Progress for `total` sources on this process's stderr.
    pub fn stderr(total: usize) -> Self {
        use std::io::IsTerminal;
        let err = std::io::stderr();
        let terminal = err.is_terminal();
        let mut p = Progress::new(err, total, terminal);
        if let Some((cols, _)) = terminal
            .then(crossterm::terminal::size)
            .and_then(Result::ok)
        {
            p.width = WIDTH.min(usize::from(cols).saturating_sub(1)).max(20);
        }
        p
    }
}

impl<W: Write> Progress<W> {
    pub fn new(out: W, total: usize, terminal: bool) -> Self {
        Progress {
            out,
            total,
            terminal,
            width: WIDTH,
            last: None,
            drawn: false,
        }
    }

    /// Source `done` of the batch (1-based), `source` as given, is read.
    pub fn step(&mut self, done: usize, source: &str) {
        if self.terminal {
            if self.total < 2 {
                return;
            }
            let due = self.last.is_none_or(|t| t.elapsed() >= REDRAW) || done == self.total;
            if due {
                self.last = Some(Instant::now());
                let head = format!("dossier import: {done}/{} ", self.total);
                let room = self.width.saturating_sub(head.chars().count());
                let name = tail(&sanitize_line(source), room);
                let line = format!("{head}{name}");
                let pad = self.width.saturating_sub(line.chars().count());
                let _ = write!(self.out, "\r{line}{}", " ".repeat(pad));
                let _ = self.out.flush();
                self.drawn = true;
            }
        } else if self.total >= LONG_BATCH && done.is_multiple_of(LONG_BATCH) {
            let _ = writeln!(
                self.out,
                "dossier import: {done} of {} source(s) read",
                self.total
            );
        }
    }

    /// The documents are being written: `count` files.
    pub fn writing(&mut self, count: usize) {
        if self.terminal && self.drawn {
            let line = format!("dossier import: writing {count} file(s)");
            let pad = self.width.saturating_sub(line.chars().count());
            let _ = write!(self.out, "\r{line}{}", " ".repeat(pad));
            let _ = self.out.flush();
        } else if !self.terminal && self.total >= LONG_BATCH {
            let _ = writeln!(self.out, "dossier import: writing {count} file(s)");
        }
    }

    /// Clears the redrawn line, so what follows starts on a clean line.
    pub fn finish(&mut self) {
        if self.terminal && self.drawn {
            let _ = write!(self.out, "\r{}\r", " ".repeat(self.width));
            let _ = self.out.flush();
            self.drawn = false;
        }
    }
}

/// The last `room` characters of `s`, with `…` where it was cut.
fn tail(s: &str, room: usize) -> String {
    let n = s.chars().count();
    if n <= room {
        return s.to_string();
    }
    let keep = room.saturating_sub(1);
    let mut out = String::from("…");
    out.extend(s.chars().skip(n - keep));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_pipe_gets_plain_lines_only_for_a_long_batch() {
        let mut out = Vec::new();
        let mut p = Progress::new(&mut out, 40, false);
        for i in 1..=40 {
            p.step(i, "a.xml");
        }
        p.writing(40);
        p.finish();
        assert!(out.is_empty());

        let mut out = Vec::new();
        let mut p = Progress::new(&mut out, 2500, false);
        for i in 1..=2500 {
            p.step(i, "a.xml");
        }
        p.writing(2500);
        p.finish();
        let s = String::from_utf8(out).unwrap();
        assert_eq!(
            s,
            "dossier import: 1000 of 2500 source(s) read\n\
             dossier import: 2000 of 2500 source(s) read\n\
             dossier import: writing 2500 file(s)\n"
        );
    }

    #[test]
    fn a_terminal_gets_a_count_redrawn_in_place_and_cleared() {
        let mut out = Vec::new();
        let mut p = Progress::new(&mut out, 3, true);
        p.step(1, "een\u{1b}[2J.xml");
        p.step(3, "drie.xml");
        p.finish();
        let s = String::from_utf8(out).unwrap();
        assert!(s.starts_with("\rdossier import: 1/3 een"), "{s:?}");
        assert!(s.contains("\rdossier import: 3/3 drie.xml"), "{s:?}");
        assert!(!s.contains('\u{1b}'), "{s:?}");
        assert!(s.ends_with(&format!("\r{}\r", " ".repeat(WIDTH))));
        assert!(!s.contains('\n'));
    }

    #[test]
    fn a_long_name_keeps_its_end() {
        assert_eq!(tail("abcdef", 4), "…def");
        assert_eq!(tail("abc", 4), "abc");
    }
}
