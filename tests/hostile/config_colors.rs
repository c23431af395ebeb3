//! Case 6 of issue 15: bad colours and unknown `[colors]` keys in
//! `config.toml` are reported with their line by every command, not only
//! by the interface.

use super::Sandbox;

#[test]
fn a_bad_colour_is_reported_with_its_line() {
    let s = Sandbox::new();
    let c = s.write(
        "c.toml",
        "language = \"en\"\n[colors]\naccent = \"mauve-ish\"\n",
    );
    let (code, out, err) = s.run(&["--config", c.to_str().unwrap(), "list"]);
    assert_eq!(code, 1, "{out}{err}");
    assert!(
        err.contains("c.toml:3:10: `mauve-ish` is not a colour"),
        "{err}"
    );
}

#[test]
fn an_unknown_colour_role_is_reported_with_its_line() {
    let s = Sandbox::new();
    let c = s.write(
        "c.toml",
        "[colors]\naccent = \"cyan\"\nachtergrond = \"blue\"\n",
    );
    let (code, out, err) = s.run(&["--config", c.to_str().unwrap(), "list"]);
    assert_eq!(code, 1, "{out}{err}");
    assert!(
        err.contains("c.toml:3:1: unknown colour role `achtergrond`"),
        "{err}"
    );
}

#[test]
fn good_colours_pass() {
    let s = Sandbox::new();
    let c = s.write(
        "c.toml",
        "[colors]\naccent = \"light-red\"\nnote = \"#102030\"\n",
    );
    let (code, _, err) = s.run(&["--config", c.to_str().unwrap(), "list"]);
    assert_eq!(code, 0, "{err}");
}
