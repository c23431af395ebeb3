//! Entering and leaving the terminal's full-screen mode, so that it is
//! restored on quit, on a panic (ratatui's hook) and on SIGTERM, SIGHUP and
//! SIGQUIT; and suspending on SIGTSTP (or `Ctrl-z`, which raw mode turns
//! into a key) with the terminal given back, resuming in full-screen mode.

use std::io::{self, IsTerminal, Write};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::time::Duration;

use crossterm::event::{DisableMouseCapture, EnableMouseCapture};
use crossterm::execute;
use ratatui::DefaultTerminal;

/// How often the watch looks for a signal or a terminal that has gone.
const WATCH_EVERY: Duration = Duration::from_millis(200);

/// How long the loop has to end by itself after a signal, restoring the
/// terminal, before the watch ends the process.
const GRACE: Duration = Duration::from_secs(1);

const SIGHUP: i32 = 1;

/// The signal that asked us to stop, or 0.
pub struct Signals {
    pub caught: Arc<AtomicUsize>,
    /// Whether SIGTSTP asked us to suspend.
    suspend: Arc<AtomicBool>,
    /// Whether standard input was a terminal at the start.
    was_terminal: bool,
}

impl Signals {
    /// Watches SIGTERM, SIGHUP, SIGINT and SIGQUIT, and SIGTSTP; the loop
    /// polls [`Signals::pending`] and [`Signals::take_suspend`].
    pub fn install() -> io::Result<Signals> {
        let caught = Arc::new(AtomicUsize::new(0));
        let suspend = Arc::new(AtomicBool::new(false));
        #[cfg(unix)]
        {
            for sig in [
                signal_hook::consts::SIGTERM,
                signal_hook::consts::SIGHUP,
                signal_hook::consts::SIGINT,
                signal_hook::consts::SIGQUIT,
            ] {
                signal_hook::flag::register_usize(sig, Arc::clone(&caught), sig as usize)?;
            }
            signal_hook::flag::register(signal_hook::consts::SIGTSTP, Arc::clone(&suspend))?;
        }
        Ok(Signals {
            caught,
            suspend,
            was_terminal: io::stdin().is_terminal(),
        })
    }

    /// Whether the terminal the program started on has gone.
    pub fn hung_up(&self) -> bool {
        self.was_terminal && !io::stdin().is_terminal()
    }

    /// Ends the process if the loop cannot: when a signal has come or the
    /// terminal has gone (its window closed, the connection dropped) and
    /// the loop has not ended within [`GRACE`]. A terminal that hangs up
    /// makes crossterm's reader spin on end-of-file without returning to
    /// the loop, so the loop never sees the signal. Nothing is lost by
    /// ending here: the note editor's text is already in the drafts
    /// journal, and a hung-up terminal has nothing to restore.
    pub fn watch_for_hangup(&self) {
        let caught = Arc::clone(&self.caught);
        let was_terminal = self.was_terminal;
        let watch = move || {
            loop {
                std::thread::sleep(WATCH_EVERY);
                let sig = caught.load(Ordering::Relaxed);
                let hung_up = was_terminal && !io::stdin().is_terminal();
                if sig != 0 || hung_up {
                    break;
                }
            }
            std::thread::sleep(GRACE);
            let sig = match caught.load(Ordering::Relaxed) {
                0 => SIGHUP,
                n => i32::try_from(n).unwrap_or(SIGHUP),
            };
            std::process::exit(128 + sig);
        };
        // Without the thread the program still works; it only cannot end
        // itself on a hang-up.
        let _ = std::thread::Builder::new()
            .name("hangup-watch".into())
            .spawn(watch);
    }

    /// Whether a suspend was asked for since the last call.
    pub fn take_suspend(&self) -> bool {
        self.suspend.swap(false, Ordering::Relaxed)
    }

    /// Asks for a suspend, as SIGTSTP does (for `Ctrl-z` as a key).
    pub fn request_suspend(&self) {
        self.suspend.store(true, Ordering::Relaxed);
    }

    pub fn pending(&self) -> Option<i32> {
        match self.caught.load(Ordering::Relaxed) {
            0 => None,
            n => i32::try_from(n).ok(),
        }
    }
}

/// Full-screen mode, raw keys and (if asked) the mouse; an error, not a
/// panic, when the terminal refuses.
pub fn enter(mouse: bool) -> io::Result<DefaultTerminal> {
    let terminal = ratatui::try_init().inspect_err(|_| {
        let _ = crossterm::terminal::disable_raw_mode();
    })?;
    if mouse {
        let _ = execute!(io::stdout(), EnableMouseCapture);
    }
    Ok(terminal)
}

/// `Ctrl-z`: in raw mode the terminal sends it as a key, not as SIGTSTP.
pub fn is_suspend_key(k: &crossterm::event::KeyEvent) -> bool {
    use crossterm::event::{KeyCode, KeyModifiers};
    k.code == KeyCode::Char('z') && k.modifiers == KeyModifiers::CONTROL
}

/// Gives the terminal back, stops the process as SIGTSTP would, and when
/// it is continued (`fg`) takes the terminal again; the caller redraws.
pub fn suspend(term: &mut DefaultTerminal, mouse: bool) -> io::Result<()> {
    if mouse {
        let _ = execute!(io::stdout(), DisableMouseCapture);
    }
    let _ = term.show_cursor();
    let _ = execute!(io::stdout(), crossterm::terminal::LeaveAlternateScreen);
    let _ = crossterm::terminal::disable_raw_mode();
    let _ = io::stdout().flush();
    #[cfg(unix)]
    signal_hook::low_level::emulate_default_handler(signal_hook::consts::SIGTSTP)?;
    crossterm::terminal::enable_raw_mode()?;
    execute!(io::stdout(), crossterm::terminal::EnterAlternateScreen)?;
    if mouse {
        let _ = execute!(io::stdout(), EnableMouseCapture);
    }
    let _ = term.hide_cursor();
    // Not `term.clear()`, which asks the terminal where its cursor is and
    // waits for the answer: the screen is cleared here, and with both of
    // ratatui's buffers blank the next frame is drawn whole.
    execute!(
        io::stdout(),
        crossterm::terminal::Clear(crossterm::terminal::ClearType::All)
    )?;
    term.swap_buffers();
    Ok(())
}

/// Gives the terminal back as it was. Every step is tried even if one
/// fails, and nothing is printed: the terminal may be gone, and printing
/// to it would fail in turn.
pub fn leave(mut term: DefaultTerminal, mouse: bool) {
    if mouse {
        let _ = execute!(io::stdout(), DisableMouseCapture);
    }
    let _ = term.show_cursor();
    // Not dropped: a terminal that could not show its cursor says so on
    // stderr when dropped, and that stderr may be the terminal that is gone.
    std::mem::forget(term);
    let _ = crossterm::terminal::disable_raw_mode();
    let _ = execute!(io::stdout(), crossterm::terminal::LeaveAlternateScreen);
    let _ = io::stdout().flush();
}
