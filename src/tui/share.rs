//! Passing what is read on: a passage copied with its citation, and a
//! document's official address opened in the browser. The update side
//! (which text, which address) is here without I/O; [`run`] carries the
//! effects out.

use std::io::Write;

use dossier_core::address;

use super::i18n::{T, t};
use super::notes::annotate::selection_quote;
use super::state::State;
use super::update::Effect;

/// The text `y` copies: the selected passage in quotation marks with the
/// citation of its document and the node's title, else the open node's
/// title with that citation.
pub fn copy_text(s: &State) -> Option<String> {
    let open = s.open?;
    let c = &s.corpus;
    let node = c.node(open);
    let quote = s.selection().and_then(|(a, b)| {
        let doc = node.document().ok()?;
        selection_quote(doc, a, b).map(|q| q.exact)
    });
    let cite = address::citation(c, open, s.lang);
    let place = dossier_core::text::sanitize_line(&node.title);
    let source = match cite {
        Some(cite) => format!("{cite} — {place}"),
        None => place,
    };
    Some(match quote {
        Some(q) => format!("“{q}”\n({source})"),
        None => source,
    })
}

pub fn copy(s: &mut State) -> Vec<Effect> {
    match copy_text(s) {
        Some(text) => {
            s.drop_selection();
            vec![Effect::Copy(text)]
        }
        None => Vec::new(),
    }
}

/// The address `O` opens: the selected link's node's, else the open
/// node's.
pub fn address_to_open(s: &State) -> Option<String> {
    let c = &s.corpus;
    let linked = s.link.and_then(|l| s.layout.links.get(l)).map(|l| l.target);
    linked
        .and_then(|n| address::address(c, n))
        .or_else(|| s.open.and_then(|o| address::address(c, o)))
}

pub fn open_address(s: &mut State) -> Vec<Effect> {
    match address_to_open(s) {
        Some(url) => vec![Effect::OpenAddress(url)],
        None => {
            s.message = Some(t(s.lang, T::NoAddress).to_string());
            Vec::new()
        }
    }
}

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
                    t(s.lang, T::Copied),
                    t(s.lang, T::InFile),
                    path.display()
                ),
                Err(_) => t(s.lang, T::Copied).to_string(),
            });
        }
        Effect::OpenAddress(url) => {
            s.message = Some(match crate::store::clipboard::open_in_browser(url) {
                Ok(()) => format!("{} {url}", t(s.lang, T::Opening)),
                Err(e) => format!("{} {url}: {e}", t(s.lang, T::CannotOpen)),
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
    use crate::tui::action::Action;
    use crate::tui::update::update;

    #[test]
    fn osc52_carries_the_text_in_base64() {
        let mut out = Vec::new();
        osc52(&mut out, "Ram").unwrap();
        assert_eq!(out, b"\x1b]52;c;UmFt\x07");
    }

    #[test]
    fn y_copies_the_open_node_with_its_official_citation() {
        let c = std::sync::Arc::new(crate::store::dossiers::load_built_in());
        let mut s = State::new(
            c.clone(),
            dossier_core::lang::Lang::Nl,
            crate::tui::keymap::Keymap::default(),
            crate::tui::theme::Theme::plain(),
        );
        let ebsp = c.get("ebsp").unwrap();
        s.open = Some(ebsp);
        s.relayout();
        let effects = update(&mut s, Action::Copy);
        let [Effect::Copy(text)] = effects.as_slice() else {
            panic!("{effects:?}");
        };
        assert!(
            text.contains("Kamerstukken II 2025/26, 32317, nr. 987, kenmerk 7010422"),
            "{text}"
        );
        assert!(
            text.contains("Enhanced Border Security Partnership"),
            "{text}"
        );
    }

    #[test]
    fn o_opens_a_references_official_address() {
        let c = std::sync::Arc::new(crate::store::dossiers::load_built_in());
        let mut s = State::new(
            c.clone(),
            dossier_core::lang::Lang::Nl,
            crate::tui::keymap::Keymap::default(),
            crate::tui::theme::Theme::plain(),
        );
        s.open = c.get("kamerstuk-32317-978");
        s.relayout();
        let effects = update(&mut s, Action::OpenAddress);
        assert!(
            matches!(effects.as_slice(), [Effect::OpenAddress(u)] if u == "https://zoek.officielebekendmakingen.nl/kst-32317-978.html"),
            "{effects:?}"
        );
    }
}
