//! A line on the terminal while the dossiers load, shown only when loading
//! takes long: a first start on thousands of files parses them all and
//! writes the cache, and a terminal left blank for seconds looks hung.

use std::io::{IsTerminal, Write};
use std::sync::mpsc::{self, RecvTimeoutError};
use std::thread::JoinHandle;
use std::time::Duration;

/// How long loading may take before the notice shows.
pub const AFTER: Duration = Duration::from_millis(300);

/// Shows its text after a delay, until dropped; then takes it away again.
pub struct Notice {
    done: Option<mpsc::Sender<()>>,
    thread: Option<JoinHandle<()>>,
}

impl Notice {
    /// A notice on standard error, when it is a terminal, cut to one line
    /// of it so that it can be taken away whole.
    pub fn on_stderr(text: &str) -> Notice {
        if !std::io::stderr().is_terminal() {
            return Notice {
                done: None,
                thread: None,
            };
        }
        let width = crossterm::terminal::size().map_or(80, |(w, _)| usize::from(w));
        let line = crate::tui::view::breadcrumb::truncate(text, width.saturating_sub(1).max(1));
        Notice::to(std::io::stderr(), AFTER, line)
    }

    /// `line` written to `out`, with a line break, once `delay` has passed
    /// without the notice being dropped; on the drop, the line is taken
    /// away again (cursor up one line, erase it). Ended before that (an
    /// interrupt), it leaves the prompt on a line of its own.
    pub fn to(mut out: impl Write + Send + 'static, delay: Duration, line: String) -> Notice {
        let (done, wait) = mpsc::channel::<()>();
        let thread = std::thread::spawn(move || {
            if wait.recv_timeout(delay) != Err(RecvTimeoutError::Timeout) {
                return;
            }
            let _ = writeln!(out, "{line}");
            let _ = out.flush();
            // Until the notice is dropped (the sender gone).
            let _ = wait.recv();
            let _ = write!(out, "\x1b[1A\r\x1b[2K");
            let _ = out.flush();
        });
        Notice {
            done: Some(done),
            thread: Some(thread),
        }
    }
}

impl Drop for Notice {
    fn drop(&mut self) {
        // The line is gone before anything else is written.
        drop(self.done.take());
        if let Some(t) = self.thread.take() {
            let _ = t.join();
        }
    }
}

#[cfg(test)]
mod tests {
    use std::sync::{Arc, Mutex};
    use std::time::Instant;

    use super::*;

    #[derive(Clone, Default)]
    struct Shared(Arc<Mutex<Vec<u8>>>);

    impl Write for Shared {
        fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
            self.0.lock().unwrap().extend_from_slice(buf);
            Ok(buf.len())
        }
        fn flush(&mut self) -> std::io::Result<()> {
            Ok(())
        }
    }

    impl Shared {
        fn text(&self) -> String {
            String::from_utf8(self.0.lock().unwrap().clone()).unwrap()
        }
    }

    #[test]
    fn a_quick_load_shows_nothing() {
        let out = Shared::default();
        drop(Notice::to(
            out.clone(),
            Duration::from_secs(60),
            "laden".into(),
        ));
        assert_eq!(out.text(), "");
    }

    #[test]
    fn a_slow_load_shows_the_line_and_clears_it_when_done() {
        let out = Shared::default();
        let notice = Notice::to(out.clone(), Duration::ZERO, "laden".into());
        let start = Instant::now();
        while !out.text().ends_with('\n') && start.elapsed() < Duration::from_secs(10) {
            std::thread::sleep(Duration::from_millis(5));
        }
        assert_eq!(out.text(), "laden\n");
        drop(notice);
        assert_eq!(out.text(), "laden\n\x1b[1A\r\x1b[2K");
    }
}
