//! A small corpus and notes on it, for the tests of the annotation screens.

use dossier_core::Corpus;
use dossier_core::annotation::{Annotation, Kind, Quote, Status, Target};
use dossier_core::load::{NoFiles, SourceFile, load};

const LETTER: &str = r#"
[dossier]
id = "ebsp"
kind = "letter"
title = "EBSP"
text = '''
Het kabinet steunt het tweetrapssysteem van de Commissie.

Een tweede alinea over Marokko.
'''

[[section]]
id = "ebsp/uitkomst"
title = "Uitkomst"
text = "De Raad besloot."

[letter]
date = "2025-12-17"
reference = "7010422"
"#;

pub fn corpus() -> Corpus {
    load(
        &[SourceFile {
            path: "ebsp.toml".into(),
            text: LETTER.into(),
        }],
        &NoFiles,
    )
}

/// A note on `node`, pinned to `quote` when it is in the text (and to a
/// passage that is gone otherwise).
pub fn note(c: &Corpus, id: &str, node: &str, quote: Option<&str>, body: &str) -> Annotation {
    let t = jiff::Timestamp::UNIX_EPOCH;
    let quote = quote.map(|q| {
        c.by_id(node)
            .and_then(|n| Quote::find(&n.document().ok()?.plain(), q))
            .unwrap_or(Quote {
                exact: q.into(),
                prefix: String::new(),
                suffix: String::new(),
                start: 0,
                end: q.chars().count(),
                ambiguous: false,
            })
    });
    Annotation {
        id: id.into(),
        target: Target {
            dossier: "ebsp".into(),
            node: node.into(),
            quote,
        },
        kind: Kind::Question,
        body: body.into(),
        tags: vec!["grensbeheer".into()],
        status: Status::Open,
        owner: None,
        due: None,
        author: "ans".into(),
        created: t,
        updated: t,
    }
}

/// A key as the text area names it, as the keymap names it.
pub fn key_of(input: &ratatui_textarea::Input) -> Option<crate::tui::key::Key> {
    use crate::tui::key::{Key, KeyCodeOrd, Named};
    use ratatui_textarea::Key as T;
    let code = match input.key {
        T::Char(c) => KeyCodeOrd::Char(c),
        T::F(n) => KeyCodeOrd::F(n),
        T::Enter => KeyCodeOrd::Named(Named::Enter),
        T::Esc => KeyCodeOrd::Named(Named::Esc),
        T::Backspace => KeyCodeOrd::Named(Named::Backspace),
        T::Tab => KeyCodeOrd::Named(Named::Tab),
        T::Left => KeyCodeOrd::Named(Named::Left),
        T::Right => KeyCodeOrd::Named(Named::Right),
        T::Up => KeyCodeOrd::Named(Named::Up),
        T::Down => KeyCodeOrd::Named(Named::Down),
        T::Home => KeyCodeOrd::Named(Named::Home),
        T::End => KeyCodeOrd::Named(Named::End),
        T::PageUp => KeyCodeOrd::Named(Named::PageUp),
        T::PageDown => KeyCodeOrd::Named(Named::PageDown),
        T::Delete => KeyCodeOrd::Named(Named::Delete),
        _ => return None,
    };
    // Shifted letters arrive as capitals, as from the terminal.
    let shift = input.shift && !matches!(code, KeyCodeOrd::Char(c) if c.is_alphabetic());
    Some(Key {
        code,
        ctrl: input.ctrl,
        alt: input.alt,
        shift,
    })
}

/// The action of a key on a screen with the built-in keys, as the
/// interface resolves it: a bound key's action, else a printable key types.
pub fn screen_action(
    mode: crate::tui::mode::Mode,
    input: &ratatui_textarea::Input,
) -> Option<crate::tui::action::Action> {
    use crate::tui::action::Action;
    use crate::tui::key::KeyCodeOrd;
    let key = key_of(input)?;
    let keymap = crate::tui::keymap::Keymap::default();
    keymap.table(mode).action(&key).or(match key.code {
        KeyCodeOrd::Char(c) if !key.ctrl && !key.alt => Some(Action::Type(c)),
        _ => None,
    })
}
