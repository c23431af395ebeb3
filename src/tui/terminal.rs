//! Entering and leaving the terminal's full-screen mode, so that it is
//! restored on quit, on a panic (ratatui's hook) and on SIGTERM/SIGHUP.

use std::io::{self, Write};
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

use crossterm::event::{DisableMouseCapture, EnableMouseCapture};
use crossterm::execute;
use ratatui::DefaultTerminal;

/// The signal that asked us to stop, or 0.
pub struct Signals {
    pub caught: Arc<AtomicUsize>,
}

impl Signals {
    /// Watches SIGTERM, SIGHUP and SIGINT; the loop polls [`Signals::pending`].
    pub fn install() -> io::Result<Signals> {
        let caught = Arc::new(AtomicUsize::new(0));
        #[cfg(unix)]
        for sig in [
            signal_hook::consts::SIGTERM,
            signal_hook::consts::SIGHUP,
            signal_hook::consts::SIGINT,
        ] {
            signal_hook::flag::register_usize(sig, Arc::clone(&caught), sig as usize)?;
        }
        Ok(Signals { caught })
    }

    pub fn pending(&self) -> Option<i32> {
        match self.caught.load(Ordering::Relaxed) {
            0 => None,
            n => i32::try_from(n).ok(),
        }
    }
}

pub fn enter(mouse: bool) -> DefaultTerminal {
    let terminal = ratatui::init();
    if mouse {
        let _ = execute!(io::stdout(), EnableMouseCapture);
    }
    terminal
}

pub fn leave(mouse: bool) {
    if mouse {
        let _ = execute!(io::stdout(), DisableMouseCapture);
    }
    ratatui::restore();
    let _ = io::stdout().flush();
}
