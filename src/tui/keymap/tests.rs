use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::*;
use crate::store::config;

#[test]
fn keys_parse_and_display() {
    assert_eq!(Key::parse("ctrl-p").unwrap().to_string(), "Ctrl-p");
    assert_eq!(Key::parse("alt-left").unwrap().to_string(), "Alt-←");
    assert_eq!(Key::parse("shift-g").unwrap(), Key::parse("G").unwrap());
    assert_eq!(Key::parse("F1").unwrap().to_string(), "F1");
    assert_eq!(Key::parse("space").unwrap().to_string(), "Space");
    assert!(Key::parse("ctrl-nonsense").is_err());
}

#[test]
fn events_map_to_the_same_keys_as_names() {
    for name in [
        "q",
        "ctrl-p",
        "alt-right",
        "shift-tab",
        "G",
        "?",
        "enter",
        "backspace",
        "f5",
    ] {
        let k = Key::parse(name).unwrap();
        assert_eq!(Key::from_event(to_event(k)), Some(k), "{name}");
    }
    // A terminal reports `?` with shift held; it is still `?`.
    let ev = KeyEvent::new(KeyCode::Char('?'), KeyModifiers::SHIFT);
    assert_eq!(Key::from_event(ev), Some(Key::parse("?").unwrap()));
}

#[test]
fn defaults_follow_the_product() {
    let km = Keymap::default();
    let act = |s: &str| km.action(&Key::parse(s).unwrap());
    assert_eq!(act("?"), Some(Action::Help));
    assert_eq!(act("ctrl-p"), Some(Action::Finder));
    assert_eq!(act("backspace"), Some(Action::Back));
    assert_eq!(act("alt-right"), Some(Action::Forward));
    assert_eq!(act("N"), Some(Action::FindPrev));
    assert_eq!(km.describe(Action::Down), "j / ↓");
}

#[test]
fn user_bindings_replace_the_defaults_of_their_action() {
    let c = config::parse("c.toml", "[keys]\nquit = [\"Q\", \"ctrl-q\"]\n")
        .unwrap()
        .config;
    let km = Keymap::from_config(&c).unwrap();
    assert_eq!(
        km.action(&Key::parse("ctrl-q").unwrap()),
        Some(Action::Quit)
    );
    assert_eq!(km.action(&Key::parse("q").unwrap()), None);
    // Ctrl-c quits whatever the file says, and help lists it.
    assert_eq!(km.describe(Action::Quit), "Q / Ctrl-q / Ctrl-c");
    // Two actions may trade their keys when both are rebound.
    let c = config::parse("c.toml", "[keys]\nquit = \"f\"\nfilter = \"q\"\n")
        .unwrap()
        .config;
    let km = Keymap::from_config(&c).unwrap();
    assert_eq!(km.action(&Key::parse("f").unwrap()), Some(Action::Quit));
    assert_eq!(km.action(&Key::parse("q").unwrap()), Some(Action::Filter));
}

#[test]
fn a_binding_that_takes_a_default_key_is_reported_with_its_line() {
    // `filter = "q"` would leave quit without its key.
    let c = config::parse("c.toml", "[keys]\nhelp = \"h\"\nfilter = \"q\"\n")
        .unwrap()
        .config;
    let e = Keymap::from_config(&c).unwrap_err().to_string();
    assert!(
        e.starts_with("c.toml:2:8:") || e.starts_with("c.toml:3:10:"),
        "{e}"
    );
    let c = config::parse("c.toml", "[keys]\nfilter = \"q\"\n")
        .unwrap()
        .config;
    let e = Keymap::from_config(&c).unwrap_err().to_string();
    assert!(
        e.starts_with("c.toml:2:10: key `q` is the default key of `quit`"),
        "{e}"
    );
    let c = config::parse("c.toml", "[keys]\n\nquit = \"f\"\n")
        .unwrap()
        .config;
    let e = Keymap::from_config(&c).unwrap_err().to_string();
    assert!(
        e.starts_with("c.toml:3:8: key `f` is the default key of `filter`"),
        "{e}"
    );
    // Ctrl-c is not for anything but quitting; no action is left keyless.
    let c = config::parse("c.toml", "[keys]\nfinder = \"ctrl-c\"\n")
        .unwrap()
        .config;
    assert!(
        Keymap::from_config(&c)
            .unwrap_err()
            .to_string()
            .contains("always quits")
    );
    let c = config::parse("c.toml", "[keys]\nexport = []\n")
        .unwrap()
        .config;
    assert!(
        Keymap::from_config(&c)
            .unwrap_err()
            .to_string()
            .contains("`export` has no key")
    );
}

#[test]
fn conflicts_and_bad_names_point_at_the_line() {
    let c = config::parse("c.toml", "[keys]\nquit = \"z\"\nhelp = \"z\"\n")
        .unwrap()
        .config;
    let e = Keymap::from_config(&c).unwrap_err().to_string();
    assert!(
        e.starts_with("c.toml:3:8: key `z` is bound to both `quit` and `help`")
            || e.starts_with("c.toml:2:8: key `z` is bound to both"),
        "{e}"
    );
    let c = config::parse("c.toml", "[keys]\n\nfly = \"z\"\n")
        .unwrap()
        .config;
    assert!(
        Keymap::from_config(&c)
            .unwrap_err()
            .to_string()
            .starts_with("c.toml:3:7: unknown action `fly`")
    );
    let c = config::parse("c.toml", "[keys]\nquit = \"ctrl-banana\"\n")
        .unwrap()
        .config;
    assert!(
        Keymap::from_config(&c)
            .unwrap_err()
            .to_string()
            .contains("`ctrl-banana` is not a key")
    );
}

#[test]
fn sequences_parse_named_keys_and_text() {
    let evs = parse_sequence("<c-p>ab<enter>").unwrap();
    assert_eq!(evs.len(), 4);
    assert_eq!(
        evs[0],
        KeyEvent::new(KeyCode::Char('p'), KeyModifiers::CONTROL)
    );
    assert_eq!(evs[3].code, KeyCode::Enter);
}
