//! The headless commands as a user runs them: `list`, `show`, `check` and
//! `search`, their exit codes, their output, and what they do with broken,
//! hostile or oversized files. Every run is in a fresh folder with its own
//! home, so no file of the machine (config, cache) takes part.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // test code

use std::path::{Path, PathBuf};
use std::time::Duration;

use assert_cmd::Command;
use predicates::prelude::*;
use serde_json::Value;

/// The seven topic dossiers of the letter, and the letter.
const DOSSIER_IDS: [&str; 8] = [
    "kst-32317-987",
    "c7",
    "ct-ontbijt",
    "ebsp",
    "raad-van-europa",
    "marokko",
    "innovatieve-oplossingen",
    "motie-ram",
];

fn project(rel: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(rel)
}

/// A working folder that is also the home: config, cache and data files
/// the program looks for are its own.
struct Sandbox {
    dir: tempfile::TempDir,
}

impl Sandbox {
    fn new() -> Sandbox {
        Sandbox {
            dir: tempfile::tempdir().unwrap(),
        }
    }

    fn path(&self, rel: &str) -> PathBuf {
        self.dir.path().join(rel)
    }

    /// Writes a file under the sandbox, creating its folder.
    fn write(&self, rel: &str, bytes: impl AsRef<[u8]>) -> PathBuf {
        let p = self.path(rel);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(&p, bytes).unwrap();
        p
    }

    /// `dossier` run in the sandbox; a run that takes longer than 20 s
    /// fails the test instead of hanging it.
    fn cmd(&self) -> Command {
        let mut c = Command::new(env!("CARGO_BIN_EXE_dossier"));
        c.current_dir(self.dir.path())
            .env("HOME", self.path("home"))
            .env("XDG_CONFIG_HOME", self.path("home/config"))
            .env("XDG_CACHE_HOME", self.path("home/cache"))
            .env("XDG_DATA_HOME", self.path("home/data"))
            .env("XDG_STATE_HOME", self.path("home/state"))
            .env_remove("DOSSIER_NO_CACHE")
            .env_remove("DOSSIER_CACHE_DIR")
            .timeout(Duration::from_secs(20));
        c
    }

    /// `dossier --dossiers <the project's dossiers>`.
    fn on_dossiers(&self) -> Command {
        let mut c = self.cmd();
        c.arg("--dossiers").arg(project("dossiers"));
        c
    }
}

fn stdout_of(c: &mut Command) -> String {
    let out = c.assert().success().get_output().stdout.clone();
    String::from_utf8(out).unwrap()
}

fn json_of(c: &mut Command) -> Value {
    serde_json::from_str(&stdout_of(c)).unwrap()
}

fn ids(values: &Value) -> Vec<&str> {
    values
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v["id"].as_str().unwrap())
        .collect()
}

// --- usage -----------------------------------------------------------------

#[test]
fn help_and_version_exit_zero() {
    let s = Sandbox::new();
    s.cmd()
        .arg("--help")
        .assert()
        .success()
        .stdout(predicate::str::contains("Usage: dossier"))
        .stdout(predicate::str::contains("check"));
    s.cmd()
        .args(["check", "--help"])
        .assert()
        .success()
        .stdout(predicate::str::contains("FILE:LINE:COL"));
    s.cmd()
        .arg("--version")
        .assert()
        .success()
        .stdout(format!("dossier {}\n", env!("CARGO_PKG_VERSION")));
}

#[test]
fn unknown_subcommands_flags_and_missing_arguments_exit_two() {
    let s = Sandbox::new();
    s.cmd()
        .arg("lijst")
        .assert()
        .code(2)
        .stdout("")
        .stderr(predicate::str::contains("unrecognized subcommand 'lijst'"));
    s.cmd()
        .args(["list", "--xml"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("unexpected argument '--xml'"));
    s.cmd()
        .arg("show")
        .assert()
        .code(2)
        .stderr(predicate::str::contains("<ID>"));
    s.cmd()
        .args(["search", "x", "--limit", "veel"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("--limit"));
}

#[test]
fn the_interface_without_a_terminal_says_so_and_exits_two() {
    let s = Sandbox::new();
    // Standard input and output are pipes here, as in a script.
    s.cmd()
        .write_stdin("q")
        .assert()
        .code(2)
        .stdout("")
        .stderr(predicate::str::contains("the interface needs a terminal"));
}

// --- list ------------------------------------------------------------------

#[test]
fn list_prints_the_tree_with_ids() {
    let s = Sandbox::new();
    let out = stdout_of(s.on_dossiers().arg("list"));
    for id in DOSSIER_IDS {
        assert!(
            out.lines().any(|l| l.starts_with(&format!("{id} "))),
            "{id} is not a root line:\n{out}"
        );
    }
    assert!(out.contains("(brief)"), "the letter is marked:\n{out}");
    assert!(out.contains("  ebsp/uitkomst-onderhandelingen "), "{out}");
    assert!(out.contains("  raad-van-europa/bijlage-1 "), "{out}");
    assert!(out.contains("kamerstuk-32317-973"), "{out}");
}

/// `{id, title, sections:[{id, title, sections?}], annexes:[{id, title, kind}]}`.
fn assert_section_shape(section: &Value) {
    assert!(
        section["id"].is_string() && section["title"].is_string(),
        "{section}"
    );
    if let Some(sub) = section.get("sections") {
        let sub = sub.as_array().unwrap();
        assert!(
            !sub.is_empty(),
            "an empty `sections` is left out: {section}"
        );
        sub.iter().for_each(assert_section_shape);
    }
}

#[test]
fn list_json_is_an_array_of_dossiers_in_the_contract_shape() {
    let s = Sandbox::new();
    let v = json_of(s.on_dossiers().args(["list", "--json"]));
    let dossiers = v.as_array().unwrap();
    assert_eq!(
        ids(&v),
        DOSSIER_IDS,
        "the letter first, then the dossiers in the letter's order"
    );
    for d in dossiers {
        assert!(d["title"].as_str().is_some_and(|t| !t.is_empty()), "{d}");
        d["sections"]
            .as_array()
            .unwrap()
            .iter()
            .for_each(assert_section_shape);
        for a in d["annexes"].as_array().unwrap() {
            assert!(a["id"].is_string() && a["title"].is_string(), "{a}");
            let kind = a["kind"].as_str().unwrap();
            assert!(["annex", "footnote", "reference"].contains(&kind), "{a}");
        }
    }
    let ebsp = dossiers.iter().find(|d| d["id"] == "ebsp").unwrap();
    assert_eq!(
        ids(&ebsp["sections"]),
        [
            "ebsp/uitkomst-onderhandelingen",
            "ebsp/blijvende-inzet-van-nederland-in-de-raad"
        ]
    );
    assert_eq!(ebsp["sections"][0]["title"], "Uitkomst onderhandelingen");
    assert!(ids(&ebsp["annexes"]).contains(&"ebsp/fn-2"), "{ebsp}");
    let letter = &dossiers[0];
    assert_eq!(letter["kind"], "letter");
    assert!(
        letter["title"]
            .as_str()
            .unwrap()
            .contains("17 december 2025"),
        "{letter}"
    );
    let rve = dossiers
        .iter()
        .find(|d| d["id"] == "raad-van-europa")
        .unwrap();
    let annexes: Vec<&Value> = rve["annexes"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|a| a["kind"] == "annex")
        .collect();
    assert_eq!(annexes.len(), 2, "{rve}");
}

#[test]
fn without_a_dossiers_folder_list_shows_the_built_in_dossiers() {
    let s = Sandbox::new();
    assert!(!s.path("dossiers").exists());
    let v = json_of(s.cmd().args(["list", "--json"]));
    assert_eq!(ids(&v), DOSSIER_IDS);
    let plain = stdout_of(s.cmd().arg("list"));
    assert!(plain.contains("ebsp/uitkomst-onderhandelingen"), "{plain}");
    s.cmd()
        .arg("check")
        .assert()
        .success()
        .stdout("")
        .stderr(predicate::str::contains("built-in dossiers"));
}

#[test]
fn a_dossiers_folder_in_the_working_folder_is_used() {
    let s = Sandbox::new();
    for entry in std::fs::read_dir(project("tests/fixtures/escapes")).unwrap() {
        let p = entry.unwrap().path();
        s.write(
            &format!("dossiers/{}", p.file_name().unwrap().to_string_lossy()),
            std::fs::read(&p).unwrap(),
        );
    }
    let v = json_of(s.cmd().args(["list", "--json"]));
    assert_eq!(ids(&v), ["brief", "onderwerp"]);
}

// --- show ------------------------------------------------------------------

#[test]
fn show_prints_a_node_as_plain_text() {
    let s = Sandbox::new();
    let out = stdout_of(s.on_dossiers().args(["show", "ebsp"]));
    let mut lines = out.lines();
    assert_eq!(
        lines.next(),
        Some("Enhanced Border Security Partnership (EBSP)")
    );
    assert_eq!(lines.next(), Some("ebsp · dossier"));
    assert!(
        out.contains("Bron: brief 7010422 van 2025-12-17 (kst-32317-987)"),
        "{out}"
    );
    assert!(out.contains("Tags: migratie, grensbeheer"), "{out}");
    assert!(
        out.contains("Zoals eerder aan uw Kamer gemeld[2], hebben de Verenigde Staten"),
        "the footnote marker reads [2]:\n{out}"
    );
    assert!(
        out.contains("  ebsp/uitkomst-onderhandelingen  Uitkomst onderhandelingen"),
        "{out}"
    );
    assert!(out.contains("  2 → ebsp/fn-2  Voetnoot 2"), "{out}");
    // A trailing slash, as shells complete folders, is forgiven.
    assert_eq!(stdout_of(s.on_dossiers().args(["show", "ebsp/"])), out);
}

#[test]
fn show_json_carries_the_node_its_links_and_what_cites_it() {
    let s = Sandbox::new();
    let v = json_of(s.on_dossiers().args(["show", "ebsp", "--json"]));
    assert_eq!(v["id"], "ebsp");
    assert_eq!(v["kind"], "dossier");
    assert_eq!(v["title"], "Enhanced Border Security Partnership (EBSP)");
    assert_eq!(v["dossier"], "ebsp");
    assert_eq!(v["letter"]["reference"], "7010422");
    assert!(
        v["text"]
            .as_str()
            .unwrap()
            .contains("visumvrijstellingsprogramma"),
        "{v}"
    );
    let links: Vec<&str> = v["links"]
        .as_array()
        .unwrap()
        .iter()
        .map(|l| l["node"].as_str().unwrap())
        .collect();
    assert_eq!(links, ["ebsp/fn-2", "ebsp/fn-3", "ebsp/fn-4"]);

    let k = json_of(
        s.on_dossiers()
            .args(["show", "kamerstuk-32317-973", "--json"]),
    );
    assert_eq!(k["kind"], "reference");
    let citing: Vec<&str> = k["cited_by"]
        .as_array()
        .unwrap()
        .iter()
        .map(|l| l["node"].as_str().unwrap())
        .collect();
    assert!(citing.iter().any(|n| n.starts_with("ebsp/")), "{k}");
    assert!(
        citing
            .iter()
            .any(|n| n.starts_with("innovatieve-oplossingen/")),
        "{k}"
    );
    let plain = stdout_of(s.on_dossiers().args(["show", "kamerstuk-32317-973"]));
    assert!(plain.contains("Geciteerd door:\n  ebsp/"), "{plain}");
}

#[test]
fn show_of_an_unknown_id_exits_one_with_a_message() {
    let s = Sandbox::new();
    s.on_dossiers()
        .args(["show", "ebsp/bestaat-niet"])
        .assert()
        .code(1)
        .stdout("")
        .stderr(
            predicate::str::contains("no node `ebsp/bestaat-niet`")
                .and(predicate::str::contains("dossier list")),
        );
    s.on_dossiers()
        .args(["show", "nope", "--json"])
        .assert()
        .code(1)
        .stdout("");
}

// --- check -----------------------------------------------------------------

#[test]
fn check_passes_on_the_dossiers() {
    let s = Sandbox::new();
    s.cmd()
        .arg("check")
        .arg(project("dossiers"))
        .assert()
        .success()
        .stdout("")
        .stderr(predicate::str::contains("no problems"));
    s.cmd()
        .arg("check")
        .arg(project("tests/fixtures/escapes"))
        .assert()
        .success()
        .stdout("");
}

/// Bytes that look random, with NULs and bytes that are never UTF-8.
fn noise(len: usize) -> Vec<u8> {
    let mut x: u32 = 0x2545_f491;
    (0..len)
        .map(|i| {
            x ^= x << 13;
            x ^= x >> 17;
            x ^= x << 5;
            if i % 7 == 0 { 0 } else { x as u8 }
        })
        .collect()
}

/// The project's dossiers, and one broken file of each kind.
fn broken_folder(s: &Sandbox) -> PathBuf {
    for entry in std::fs::read_dir(project("dossiers")).unwrap() {
        let p = entry.unwrap().path();
        if p.extension().is_some_and(|x| x == "toml") {
            s.write(
                &format!("bad/{}", p.file_name().unwrap().to_string_lossy()),
                std::fs::read(&p).unwrap(),
            );
        }
    }
    s.write("bad/malformed.toml", "[dossier\nid = \"x\"\n");
    s.write(
        "bad/non-utf8.toml",
        b"[dossier]\nid = \"x\"\ntitle = \"caf\xe9\"\n",
    );
    s.write("bad/empty.toml", "");
    s.write("bad/binary.toml", noise(4096));
    s.write("bad/nested.toml", format!("a = {}\n", "[".repeat(100_000)));
    s.write(
        "bad/duplicate-key.toml",
        "[dossier]\nid = \"dubbel\"\ntitle = \"Een\"\ntitle = \"Twee\"\n",
    );
    s.write(
        "bad/zz-kopie-ebsp.toml",
        std::fs::read(project("dossiers/ebsp.toml")).unwrap(),
    );
    s.path("bad")
}

#[test]
fn check_names_every_broken_file_and_its_line_without_panic_or_hang() {
    let s = Sandbox::new();
    let dir = broken_folder(&s);
    let out = s.cmd().arg("check").arg(&dir).assert().code(1);
    let output = out.get_output();
    let stdout = String::from_utf8(output.stdout.clone()).unwrap();
    let stderr = String::from_utf8(output.stderr.clone()).unwrap();
    assert!(!stderr.contains("panicked"), "{stderr}");
    let expect = [
        r"malformed\.toml:1:\d+: ",
        r"non-utf8\.toml:3:\d+: the file is not UTF-8",
        r"empty\.toml: the file is empty",
        r"binary\.toml:\d+:\d+: ",
        r"nested\.toml:1:\d+: ",
        r"duplicate-key\.toml:4:1: duplicate key",
        r"zz-kopie-ebsp\.toml:\d+:\d+: dossier `ebsp` is defined twice: first in .*ebsp\.toml:\d+:\d+",
    ];
    // Lines start with the folder as given; the patterns start after it.
    let relative = stdout.replace(&format!("{}/", dir.display()), "");
    for pattern in expect {
        let re = predicates::str::is_match(format!("(?m)^{pattern}")).unwrap();
        assert!(re.eval(&relative), "no line matches {pattern}:\n{stdout}");
    }
    assert_eq!(
        stdout.lines().count(),
        expect.len(),
        "one problem per broken file, none in the good ones:\n{stdout}"
    );
    assert!(stderr.contains("7 problem(s)"), "{stderr}");
    for name in [
        "malformed.toml",
        "non-utf8.toml",
        "empty.toml",
        "binary.toml",
        "nested.toml",
        "duplicate-key.toml",
        "zz-kopie-ebsp.toml",
    ] {
        assert!(stderr.contains(name), "the summary names {name}: {stderr}");
    }
}

#[test]
fn broken_files_do_not_hide_the_good_ones() {
    let s = Sandbox::new();
    let dir = broken_folder(&s);
    let assert = s
        .cmd()
        .arg("--dossiers")
        .arg(&dir)
        .args(["list", "--json"])
        .assert()
        .success();
    let out = assert.get_output();
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(ids(&v), DOSSIER_IDS);
    let stderr = String::from_utf8(out.stderr.clone()).unwrap();
    assert!(
        stderr.contains("warning: ") && stderr.contains("malformed.toml:1:"),
        "{stderr}"
    );
    s.cmd()
        .arg("--dossiers")
        .arg(&dir)
        .args(["show", "ebsp/uitkomst-onderhandelingen"])
        .assert()
        .success()
        .stdout(predicate::str::contains("tweetrapssysteem"));
}

#[test]
fn check_of_a_missing_folder_exits_one() {
    let s = Sandbox::new();
    s.cmd()
        .args(["check", "bestaat-niet"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("bestaat-niet: not a folder"));
}

#[test]
fn oversized_files_are_refused_with_the_configured_limit() {
    let s = Sandbox::new();
    let config = s.write("eigen.toml", "# small files only\nmax_file_size = 2000\n");
    s.write("d/referenties.toml", "[[reference]]\nid = \"k\"\ntitle = \"K\"\nkind = \"motie\"\ndossier_number = \"1\"\nnumber = \"2\"\n");
    let big = format!(
        "[[reference]]\nid = \"g\"\ntitle = \"G\"\nkind = \"motie\"\ndossier_number = \"1\"\nnumber = \"3\"\n# {}\n",
        "x".repeat(3000)
    );
    s.write("d/groot.toml", &big);
    s.cmd()
        .arg("--config")
        .arg(&config)
        .args(["check", "d"])
        .assert()
        .code(1)
        .stdout(format!("d/groot.toml: the file is {} bytes, over the limit of 2000 bytes (max_file_size in config.toml)\n", big.len()));
    // Under the default limit the same file loads.
    s.cmd().args(["check", "d"]).assert().success();
    // `./config.toml` is read when there is no --config.
    s.write("config.toml", "max_file_size = 100\n");
    s.cmd()
        .args(["check", "d"])
        .assert()
        .code(1)
        .stdout(predicate::str::contains("over the limit of 100 bytes"));
}

#[cfg(unix)]
#[test]
fn symbolic_links_out_of_the_folder_are_refused() {
    use std::os::unix::fs::symlink;
    let s = Sandbox::new();
    s.write("buiten/geheim.txt", "Geheime tekst.");
    s.write("buiten/geheim.toml", "[[reference]]\nid = \"geheim\"\ntitle = \"Geheim\"\nkind = \"motie\"\ndossier_number = \"1\"\nnumber = \"2\"\n");
    s.write("d/binnen.txt", "Tekst van binnen.");
    s.write(
        "d/brief.toml",
        "[dossier]\nid = \"brief\"\nkind = \"letter\"\ntitle = \"Brief\"\nfile = \"link.txt\"\n\n[letter]\ndate = \"2025-12-17\"\nreference = \"1\"\n\n[[section]]\nid = \"brief/binnen\"\ntitle = \"Binnen\"\nfile = \"binnen-link.txt\"\n",
    );
    symlink(s.path("buiten/geheim.txt"), s.path("d/link.txt")).unwrap();
    symlink("binnen.txt", s.path("d/binnen-link.txt")).unwrap();
    symlink(s.path("buiten/geheim.toml"), s.path("d/geheim.toml")).unwrap();
    let out = s
        .cmd()
        .args(["check", "d"])
        .assert()
        .code(1)
        .get_output()
        .stdout
        .clone();
    let out = String::from_utf8(out).unwrap();
    assert!(
        out.contains("d/brief.toml:5:8: `link.txt` leads outside the dossier folder"),
        "{out}"
    );
    assert!(
        out.contains("d/geheim.toml: the file leads outside the dossier folder"),
        "{out}"
    );
    assert_eq!(
        out.lines().count(),
        2,
        "a link that stays inside is fine:\n{out}"
    );
    let listed = stdout_of(s.cmd().args(["--dossiers", "d", "show", "brief"]));
    assert!(!listed.contains("Geheime tekst"), "{listed}");
    s.cmd()
        .args(["--dossiers", "d", "show", "geheim"])
        .assert()
        .code(1);
    s.cmd()
        .args(["--dossiers", "d", "show", "brief/binnen"])
        .assert()
        .success()
        .stdout(predicate::str::contains("Tekst van binnen."));
}

// --- configuration -----------------------------------------------------------

#[test]
fn a_bad_config_value_exits_one_with_its_position() {
    let s = Sandbox::new();
    let config = s.write("c.toml", "language = \"en\"\nmouse = \"ja\"\n");
    for args in [
        &["list"][..],
        &["show", "ebsp"],
        &["check"],
        &["search", "x"],
    ] {
        s.on_dossiers()
            .arg("--config")
            .arg(&config)
            .args(args)
            .assert()
            .code(1)
            .stdout("")
            .stderr(
                predicate::str::is_match(
                    r"c\.toml:2:9: invalid type: string .ja., expected a boolean",
                )
                .unwrap(),
            );
    }
    let not_toml = s.write("d.toml", "language = \"en\"\n\n[keys\n");
    s.on_dossiers()
        .arg("--config")
        .arg(&not_toml)
        .arg("list")
        .assert()
        .code(1)
        .stderr(predicate::str::contains("d.toml:3:"));
    s.on_dossiers()
        .args(["--config", "ontbreekt.toml", "list"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("ontbreekt.toml"));
}

#[test]
fn an_unknown_config_key_is_a_warning_that_names_it() {
    let s = Sandbox::new();
    let config = s.write("c.toml", "language = \"en\"\nmax_filesize = 10\n");
    s.on_dossiers()
        .arg("--config")
        .arg(&config)
        .arg("list")
        .assert()
        .success()
        .stdout(predicate::str::contains("ebsp/uitkomst-onderhandelingen"))
        .stderr(
            predicate::str::contains("warning: ").and(predicate::str::contains(
                "c.toml:2:1: unknown key `max_filesize`",
            )),
        );
}

// --- untrusted text ------------------------------------------------------------

/// What must never reach a terminal: ESC, BEL, the C1 CSI and the
/// right-to-left override.
fn assert_no_raw_controls(what: &str, bytes: &[u8]) {
    let text = String::from_utf8_lossy(bytes);
    assert!(!bytes.contains(&0x1b), "{what}: raw ESC in\n{text}");
    assert!(!bytes.contains(&0x07), "{what}: raw BEL in\n{text}");
    for c in ['\u{202e}', '\u{9b}'] {
        assert!(
            !text.contains(c),
            "{what}: raw U+{:04X} in\n{text}",
            c as u32
        );
    }
}

fn run_clean(mut c: Command, what: &str) -> String {
    let out = c.assert().success().get_output().clone();
    assert_no_raw_controls(&format!("{what} (stdout)"), &out.stdout);
    assert_no_raw_controls(&format!("{what} (stderr)"), &out.stderr);
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn escape_sequences_in_dossiers_never_reach_the_output() {
    let s = Sandbox::new();
    let dir = project("tests/fixtures/escapes");
    let cmd = |args: &[&str]| {
        let mut c = s.cmd();
        c.arg("--dossiers").arg(&dir).args(args);
        c
    };
    let list = run_clean(cmd(&["list"]), "list");
    assert!(
        list.contains("Brief␛[2J met ␇bel en <U+202E>omgekeerd"),
        "{list}"
    );
    let json = run_clean(cmd(&["list", "--json"]), "list --json");
    assert!(json.contains("Onderwerp␛[2J titel<U+202E>"), "{json}");
    for id in [
        "brief",
        "onderwerp",
        "onderwerp/deel",
        "onderwerp/bijlage",
        "onderwerp/fn-1",
        "ref-1",
    ] {
        let plain = run_clean(cmd(&["show", id]), &format!("show {id}"));
        assert!(plain.contains('␛'), "show {id}:\n{plain}");
        run_clean(cmd(&["show", id, "--json"]), &format!("show {id} --json"));
    }
    let brief = run_clean(cmd(&["show", "brief"]), "show brief");
    assert!(
        brief.contains("Opening␛[31m rood ␇ en <U+202E>geheim<U+009B>2J einde."),
        "{brief}"
    );
    assert!(brief.contains("Ondertekend: Naam␇, Rol<U+202E>"), "{brief}");
    // Twice: once building the search cache, once reading it back.
    for round in 0..2 {
        let hits = run_clean(cmd(&["search", "schermwisser"]), "search");
        assert!(
            hits.contains("Schermwisser␛[2J tekst"),
            "round {round}:\n{hits}"
        );
        let exact = run_clean(cmd(&["search", "--exact", "sectietekst"]), "search --exact");
        assert!(
            exact.contains("onderwerp/deel  Deel␇␛[2J"),
            "round {round}:\n{exact}"
        );
        run_clean(cmd(&["search", "2J", "--json"]), "search --json");
    }
}

#[test]
fn escape_sequences_in_broken_files_never_reach_the_output() {
    let s = Sandbox::new();
    s.write(
        "d/id.toml",
        "[dossier]\nid = \"a\\u001b[2Jb\"\ntitle = \"t\"\nsource = \"x\"\n",
    );
    s.write(
        "d/kind.toml",
        "[dossier]\nid = \"ok\"\ntitle = \"t\"\nkind = \"\\u001b[2J\\u202e\"\n",
    );
    s.write(
        "d/key.toml",
        "[dossier]\nid = \"ok3\"\ntitle = \"t\"\nsource = \"x\"\n\"\\u001b]0;titel\\u0007\" = 1\n",
    );
    s.write(
        "d/bron.toml",
        "[dossier]\nid = \"ok2\"\ntitle = \"t\"\nsource = \"x\\u001b[2J\"\n",
    );
    s.write("d/naam\u{1b}[2J\u{202e}.toml", "x");
    for args in [
        &["check", "d"][..],
        &["--dossiers", "d", "list"],
        &["--dossiers", "d", "show", "ok3"],
    ] {
        let mut c = s.cmd();
        c.args(args);
        let out = c.assert().get_output().clone();
        assert_no_raw_controls(&format!("{args:?} (stdout)"), &out.stdout);
        assert_no_raw_controls(&format!("{args:?} (stderr)"), &out.stderr);
    }
    let out = s
        .cmd()
        .args(["check", "d"])
        .assert()
        .code(1)
        .get_output()
        .stdout
        .clone();
    let out = String::from_utf8(out).unwrap();
    assert!(
        out.contains("d/naam␛[2J<U+202E>.toml: not a valid dossier file name"),
        "{out}"
    );
    assert!(
        out.contains("d/id.toml:2:6: `a␛[2Jb` is not a valid dossier id"),
        "{out}"
    );
    // kind.toml has two problems: its kind, and no `source`.
    assert_eq!(out.lines().count(), 6, "{out}");
    // Arguments are echoed cleaned too.
    let out = s
        .on_dossiers()
        .args(["show", "\u{1b}[2J"])
        .assert()
        .code(1)
        .get_output()
        .clone();
    assert_no_raw_controls("show of an id with ESC", &out.stderr);
    assert!(String::from_utf8_lossy(&out.stderr).contains("␛[2J"));
    let out = s
        .on_dossiers()
        .args(["search", "\u{1b}[2J\u{202e}qqqqqqqq"])
        .assert()
        .success()
        .get_output()
        .clone();
    assert_no_raw_controls("search for ESC (stdout)", &out.stdout);
    assert_no_raw_controls("search for ESC (stderr)", &out.stderr);
}

// --- search ----------------------------------------------------------------

#[test]
fn search_json_puts_an_ebsp_node_first_and_finds_italy_without_accents() {
    let s = Sandbox::new();
    let v = json_of(
        s.on_dossiers()
            .args(["search", "tweetrapssysteem", "--json"]),
    );
    let first = &v[0];
    assert_eq!(first["dossier"], "ebsp", "{v}");
    for key in ["node", "title", "snippet"] {
        assert!(first[key].is_string(), "{key} in {first}");
    }
    assert!(first["score"].is_i64(), "{first}");
    assert!(
        first["snippet"]
            .as_str()
            .unwrap()
            .contains("tweetrapssysteem"),
        "{first}"
    );
    let italie = stdout_of(s.on_dossiers().args(["search", "italie"]));
    for id in ["c7/fn-1", "raad-van-europa", "innovatieve-oplossingen"] {
        assert!(
            // A document's line, or a passage's node beneath it.
            italie
                .lines()
                .any(|l| l.trim_start().starts_with(&format!("{id} "))),
            "{id} not found:\n{italie}"
        );
    }
    let limited = json_of(
        s.on_dossiers()
            .args(["search", "italie", "--limit", "1", "--json"]),
    );
    assert_eq!(limited.as_array().unwrap().len(), 1);
    s.on_dossiers()
        .args(["search", "qqqqqqqqqqqq"])
        .assert()
        .success()
        .stdout("")
        .stderr(predicate::str::contains("no hits for `qqqqqqqqqqqq`"));
}
