//! Passing what is read on: the loop's side of a passage copied with its
//! citation and of a document's official address opened in the browser.
//! Which text and which address is the update's (`update/share.rs`); this
//! carries the effects out.

use std::io::Write;

use super::state::State;
use super::update::Effect;
use dossier_core::messages::messages;

/// Carries out a copy or an open, and says in the status bar what came
/// of it.
pub fn run(s: &mut State, effect: &Effect) {
    match effect {
        Effect::Copy(text) => {
            // The terminal's clipboard (OSC 52), as helix and neovim use
            // it; a terminal without it ignores the sequence, so the text
            // is in a file too.
            let _ = osc52(&mut std::io::stdout(), text);
            let saved = crate::store::clipboard::save(text);
            s.message = Some(match saved {
                Ok(path) => format!(
                    "{} ({} {})",
                    messages(s.lang).browse.copied,
                    messages(s.lang).browse.in_file,
                    path.display()
                ),
                Err(_) => messages(s.lang).browse.copied.to_string(),
            });
        }
        Effect::OpenAddress(url) => {
            s.message = Some(match crate::store::clipboard::open_in_browser(url) {
                Ok(()) => format!("{} {url}", messages(s.lang).browse.opening),
                Err(e) => format!("{} {url}: {e}", messages(s.lang).browse.cannot_open),
            });
        }
        _ => {}
    }
}

/// Writes the OSC 52 sequence that puts `text` on the clipboard.
pub fn osc52(out: &mut impl Write, text: &str) -> std::io::Result<()> {
    use base64::Engine;
    let encoded = base64::engine::general_purpose::STANDARD.encode(text);
    write!(out, "\x1b]52;c;{encoded}\x07")?;
    out.flush()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn osc52_carries_the_text_in_base64() {
        let mut out = Vec::new();
        osc52(&mut out, "Ram").unwrap();
        assert_eq!(out, b"\x1b]52;c;UmFt\x07");
    }
}
