use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::*;
use crate::store::config;
use crate::tui::action::Action;
use crate::tui::key::{parse_sequence, to_event};

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
    let act = |s: &str| km.table(Mode::Tree).action(&Key::parse(s).unwrap());
    assert_eq!(act("?"), Some(Action::Help));
    assert_eq!(act("ctrl-p"), Some(Action::Finder));
    assert_eq!(act("backspace"), Some(Action::Back));
    assert_eq!(act("alt-right"), Some(Action::Forward));
    assert_eq!(act("N"), Some(Action::FindPrev));
    assert_eq!(km.table(Mode::Tree).describe(Action::Down), "j / ↓");
}

#[test]
fn user_bindings_replace_the_defaults_of_their_action() {
    let c = config::parse("c.toml", "[keys]\nquit = [\"Q\", \"ctrl-q\"]\n")
        .unwrap()
        .config;
    let km = Keymap::from_config(&c).unwrap();
    assert_eq!(
        km.table(Mode::Tree).action(&Key::parse("ctrl-q").unwrap()),
        Some(Action::Quit)
    );
    assert_eq!(km.table(Mode::Tree).action(&Key::parse("q").unwrap()), None);
    // Ctrl-c quits whatever the file says, and help lists it.
    assert_eq!(
        km.table(Mode::Tree).describe(Action::Quit),
        "Q / Ctrl-q / Ctrl-c"
    );
    // Two actions may trade their keys when both are rebound.
    let c = config::parse("c.toml", "[keys]\nquit = \"f\"\nfilter = \"q\"\n")
        .unwrap()
        .config;
    let km = Keymap::from_config(&c).unwrap();
    assert_eq!(
        km.table(Mode::Tree).action(&Key::parse("f").unwrap()),
        Some(Action::Quit)
    );
    assert_eq!(
        km.table(Mode::Tree).action(&Key::parse("q").unwrap()),
        Some(Action::Filter)
    );
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

fn keymap(text: &str) -> Keymap {
    let c = config::parse("c.toml", text).unwrap().config;
    Keymap::from_config(&c).unwrap()
}

fn action_in(km: &Keymap, mode: Mode, key: &str) -> Option<Action> {
    km.table(mode).action(&Key::parse(key).unwrap())
}

#[test]
fn every_modes_built_in_keys_are_whole() {
    for mode in Mode::ALL {
        let defaults = defaults::of(mode);
        let table = Table::build(&defaults, &[]).unwrap();
        for b in &defaults {
            assert!(!table.keys(b.action).is_empty(), "{mode:?} {:?}", b.action);
        }
    }
}

#[test]
fn rebinding_one_action_changes_one_behaviour() {
    // The tree's unfold moves to `L`; `l` still steps to the next link in
    // the text and moves a selection's end by a character.
    let km = keymap("[keys]\nexpand_node = \"L\"\n");
    assert_eq!(action_in(&km, Mode::Tree, "L"), Some(Action::ExpandNode));
    assert_eq!(action_in(&km, Mode::Tree, "l"), None);
    assert_eq!(action_in(&km, Mode::Notes, "L"), Some(Action::ExpandNode));
    assert_eq!(action_in(&km, Mode::Text, "l"), Some(Action::NextLink));
    assert_eq!(action_in(&km, Mode::Text, "L"), None);
    assert_eq!(
        action_in(&km, Mode::Select, "l"),
        Some(Action::ExtendCharForward)
    );
    // A selection's step by a line, in its own table: `j` still moves
    // down in the tree and scrolls the help.
    let km = keymap("[keys.select]\nextend_line_down = \"J\"\n");
    assert_eq!(
        action_in(&km, Mode::Select, "J"),
        Some(Action::ExtendLineDown)
    );
    assert_eq!(action_in(&km, Mode::Select, "j"), None);
    assert_eq!(action_in(&km, Mode::Tree, "j"), Some(Action::Down));
    assert_eq!(action_in(&km, Mode::Help, "j"), Some(Action::Down));
    // One pane's table: Enter follows links in the text only.
    let km = keymap("[keys.text]\nfollow_link = \"o\"\noverview = \"ctrl-o\"\n");
    assert_eq!(action_in(&km, Mode::Text, "o"), Some(Action::FollowLink));
    assert_eq!(action_in(&km, Mode::Text, "enter"), None);
    assert_eq!(action_in(&km, Mode::Tree, "enter"), Some(Action::Open));
    assert_eq!(action_in(&km, Mode::Tree, "o"), Some(Action::Overview));
}

#[test]
fn the_names_of_before_the_split_rebind_what_they_bound_then() {
    // `expand` was the tree's unfold, the text's next link and the
    // selection's step by a character: it still rebinds all three.
    let km = keymap("[keys]\nexpand = \"L\"\n");
    assert_eq!(action_in(&km, Mode::Tree, "L"), Some(Action::ExpandNode));
    assert_eq!(action_in(&km, Mode::Text, "L"), Some(Action::NextLink));
    assert_eq!(action_in(&km, Mode::Text, "]"), Some(Action::NextLink));
    assert_eq!(
        action_in(&km, Mode::Select, "L"),
        Some(Action::ExtendCharForward)
    );
    for mode in [Mode::Tree, Mode::Text, Mode::Select] {
        assert_eq!(action_in(&km, mode, "l"), None, "{mode:?}");
    }
    // `next_link` was the link's step and the selection's by a word; the
    // text keeps `l` for links, as before.
    let km = keymap("[keys]\nnext_link = \"<\"\n");
    assert_eq!(action_in(&km, Mode::Text, "<"), Some(Action::NextLink));
    assert_eq!(action_in(&km, Mode::Text, "l"), Some(Action::NextLink));
    assert_eq!(
        action_in(&km, Mode::Select, "<"),
        Some(Action::ExtendWordForward)
    );
    // `cancel` cleared the find, let a selection go and closed the popups.
    let km = keymap("[keys]\ncancel = \"ctrl-g\"\n");
    assert_eq!(
        action_in(&km, Mode::Tree, "ctrl-g"),
        Some(Action::ClearSearch)
    );
    assert_eq!(
        action_in(&km, Mode::Select, "ctrl-g"),
        Some(Action::DropSelection)
    );
    assert_eq!(
        action_in(&km, Mode::Select, "v"),
        Some(Action::DropSelection)
    );
    for mode in [Mode::Peek, Mode::Error, Mode::Timeline, Mode::Help] {
        assert_eq!(
            action_in(&km, mode, "ctrl-g"),
            Some(Action::Close),
            "{mode:?}"
        );
        assert_eq!(action_in(&km, mode, "esc"), None, "{mode:?}");
    }
    // The screens' own tables: `open` ended the filter's typing, and so
    // did `down`.
    let km = keymap("[keys.filter]\nopen = \"ctrl-j\"\n\n[keys.export]\nopen = \"ctrl-w\"\n");
    assert_eq!(action_in(&km, Mode::Filter, "ctrl-j"), Some(Action::Done));
    assert_eq!(action_in(&km, Mode::Filter, "enter"), None);
    assert_eq!(action_in(&km, Mode::Filter, "down"), Some(Action::Done));
    assert_eq!(
        action_in(&km, Mode::Export, "ctrl-w"),
        Some(Action::WriteExport)
    );
    // A new name is not read in an old way: `close` in [keys] is the
    // popups' and the help's, and nothing else.
    let km = keymap("[keys]\nclose = \"ctrl-g\"\n");
    assert_eq!(action_in(&km, Mode::Tree, "esc"), Some(Action::ClearSearch));
    assert_eq!(action_in(&km, Mode::Peek, "ctrl-g"), Some(Action::Close));
    assert_eq!(action_in(&km, Mode::Help, "?"), None);
}

#[test]
fn a_name_no_table_knows_is_reported() {
    let err = |text: &str| {
        let c = config::parse("c.toml", text).unwrap().config;
        Keymap::from_config(&c).unwrap_err().to_string()
    };
    let e = err("[keys.tree]\nfollow_link = \"o\"\n");
    assert!(
        e.starts_with("c.toml:2:1: unknown action `follow_link` in [keys.tree]"),
        "{e}"
    );
    // The old names are for the tables that had them.
    let e = err("[keys.select]\nexpand = \"L\"\n");
    assert!(
        e.contains("unknown action `expand` in [keys.select]"),
        "{e}"
    );
    assert!(e.contains("extend_char_forward"), "{e}");
}
