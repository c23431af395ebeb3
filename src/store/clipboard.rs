//! The effects of passing text on: a copied passage kept in a file (for a
//! terminal that does not take OSC 52), and an address handed to the
//! desktop's browser.

use std::io;
use std::path::PathBuf;
use std::process::{Command, Stdio};

/// Writes `text` to `clipboard.txt` in the user's state folder, and says
/// where.
pub fn save(text: &str) -> io::Result<PathBuf> {
    let dir = super::paths::user_state_dir()
        .ok_or_else(|| io::Error::new(io::ErrorKind::NotFound, "no state folder"))?;
    std::fs::create_dir_all(&dir)?;
    let path = dir.join("clipboard.txt");
    std::fs::write(&path, text)?;
    Ok(path)
}

/// The program that opens an address: `open` on macOS, `xdg-open`
/// elsewhere, or `$BROWSER` where set.
fn opener() -> String {
    if let Ok(b) = std::env::var("BROWSER")
        && !b.trim().is_empty()
    {
        return b;
    }
    if cfg!(target_os = "macos") {
        "open".into()
    } else {
        "xdg-open".into()
    }
}

/// Starts the browser on `url` without waiting for it and without letting
/// it write over the screen.
pub fn open_in_browser(url: &str) -> io::Result<()> {
    let mut child = Command::new(opener())
        .arg(url)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()?;
    // Reaped on a thread of its own: the interface does not wait.
    std::thread::spawn(move || child.wait());
    Ok(())
}
