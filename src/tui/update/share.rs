//! Passing what is read on: which text `y` copies (the passage selected
//! with its citation) and which address `O` opens; the loop carries the
//! effects out (`share.rs`).

use dossier_core::address;

use super::super::notes::annotate::selection_quote;
use super::super::state::State;
use super::Effect;
use dossier_core::messages::messages;

/// The text `y` copies: the selected passage in quotation marks with the
/// citation of its document and the node's title, else the open node's
/// title with that citation.
fn copy_text(s: &State) -> Option<String> {
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
fn address_to_open(s: &State) -> Option<String> {
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
            s.message = Some(messages(s.lang).browse.no_address.to_string());
            Vec::new()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tui::action::Action;
    use crate::tui::update::update;

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
