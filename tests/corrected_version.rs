//! A corrected version of a document never moves a note: the letter with
//! sections Europol / Nederlandse positie / Frontex / Nederlandse positie /
//! Migratie, notes on the Frontex position and on Migratie, then the
//! version with a new item "Drones" (and its own position) on top and the
//! EBSP sentence turned round.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // test code

use std::path::PathBuf;

use assert_cmd::Command;
use serde_json::Value;

const DOC: &str = "kst-32317-990";
const FRONTEX_NL: &str =
    "Nederland kan instemmen met het voorstel, mits de lidstaten zeggenschap houden.";
const EBSP: &str = "Nederland steunt het EBSP-mandaat zonder voorbehoud.";

fn letter(items: &[(&str, &str)]) -> String {
    let body: String = items
        .iter()
        .map(|(h, t)| format!("<divisie><kop><titel>{h}</titel></kop><al>{t}</al></divisie>\n"))
        .collect();
    format!(
        r#"<?xml version="1.0" encoding="UTF-8"?>
<officiele-publicatie>
  <metadata>
    <meta name="DC.identifier" content="{DOC}"/>
    <meta name="OVERHEIDop.dossiernummer" content="32317"/>
    <meta name="OVERHEIDop.ondernummer" content="990"/>
    <meta name="DC.type" scheme="OVERHEIDop.KamerstukTypen" content="Brief"/>
    <meta name="DCTERMS.issued" content="2025-12-17"/>
    <meta name="OVERHEIDop.documenttitel" content="Verslag JBZ-Raad"/>
  </metadata>
  <kamerstuk>
    <dossier><dossiernummer><dossiernr>32 317</dossiernr></dossiernummer><titel>JBZ-Raad</titel></dossier>
    <stuk>
      <stuknr>Nr. <ondernummer>990</ondernummer></stuknr>
      <titel>BRIEF VAN DE MINISTER</titel>
      <algemeen><vrije-tekst><tekst>
        <al>Hierbij ontvangt u het verslag van de Raad.</al>
{body}      </tekst></vrije-tekst></algemeen>
    </stuk>
  </kamerstuk>
</officiele-publicatie>
"#
    )
}

fn first() -> String {
    letter(&[
        ("Europol", "De Raad sprak over het mandaat van Europol."),
        (
            "Nederlandse positie",
            "Nederland steunt een sterker Europol binnen de grenzen van het Verdrag.",
        ),
        (
            "Frontex",
            "De Commissie stelde een herziening van de Frontex-verordening voor.",
        ),
        ("Nederlandse positie", FRONTEX_NL),
        (
            "Migratie",
            &format!("Over de buitengrenzen het volgende. {EBSP} De Raad komt in maart terug."),
        ),
    ])
}

fn corrected() -> String {
    first()
        .replace(
            "<divisie><kop><titel>Europol",
            "<divisie><kop><titel>Drones</titel></kop><al>De Raad besprak de inzet van drones.</al></divisie>\n\
             <divisie><kop><titel>Nederlandse positie</titel></kop><al>Nederland wacht de effectbeoordeling af.</al></divisie>\n\
             <divisie><kop><titel>Europol",
        )
        .replace(EBSP, "Frankrijk steunt de motie over grensbewaking niet.")
}

struct Home {
    dir: tempfile::TempDir,
}

impl Home {
    fn new() -> Home {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("config.toml"), "author = \"Tester\"\n").unwrap();
        Home { dir }
    }

    fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    fn cmd(&self) -> Command {
        let mut c = Command::cargo_bin("dossier").unwrap();
        c.arg("--config")
            .arg(self.path("config.toml"))
            .arg("--notes")
            .arg(self.path("notes"))
            .env("HOME", self.dir.path())
            .env("XDG_DATA_HOME", self.path("data"))
            .env("XDG_STATE_HOME", self.path("state"))
            .env("DOSSIER_NO_CACHE", "1")
            .current_dir(self.dir.path());
        c
    }

    fn read(&self, args: &[&str]) -> String {
        let out = self
            .cmd()
            .arg("--dossiers")
            .arg(self.path("lib"))
            .args(args)
            .assert()
            .success()
            .get_output()
            .stdout
            .clone();
        String::from_utf8(out).unwrap()
    }

    fn import(&self, name: &str, text: &str, json: bool) -> String {
        let src = self.path(name);
        std::fs::write(&src, text).unwrap();
        let mut c = self.cmd();
        c.arg("import")
            .arg(&src)
            .arg("--into")
            .arg(self.path("lib"));
        if json {
            c.arg("--json");
        }
        let out = c.assert().success().get_output().stdout.clone();
        String::from_utf8(out).unwrap()
    }

    fn add(&self, node: &str, quote: Option<&str>, body: &str) -> String {
        let mut args = vec!["notes", "add", "--target", node, "--body", body];
        if let Some(q) = quote {
            args.extend(["--quote", q]);
        }
        self.read(&args).trim().to_string()
    }
}

/// The ids of the document's sections titled `title`, in order.
fn sections_titled(list: &str, title: &str) -> Vec<String> {
    let v: Value = serde_json::from_str(list).unwrap();
    let doc = v
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["id"] == DOC)
        .unwrap();
    let mut out = Vec::new();
    let mut stack: Vec<&Value> = doc["sections"].as_array().unwrap().iter().rev().collect();
    while let Some(s) = stack.pop() {
        if s["title"] == title {
            out.push(s["id"].as_str().unwrap().to_string());
        }
        if let Some(children) = s["sections"].as_array() {
            stack.extend(children.iter().rev());
        }
    }
    out
}

fn note<'a>(notes: &'a [Value], id: &str) -> &'a Value {
    notes.iter().find(|n| n["id"] == id).unwrap()
}

#[test]
fn a_corrected_version_leaves_the_frontex_notes_on_frontex_and_detaches_the_ebsp_note() {
    let home = Home::new();
    home.import("v1.xml", &first(), false);
    let positions = sections_titled(&home.read(&["list", "--json"]), "Nederlandse positie");
    assert_eq!(positions.len(), 2, "{positions:?}");
    let frontex = &positions[1];
    assert!(home.read(&["show", frontex]).contains(FRONTEX_NL));
    let migratie = format!("{DOC}/migratie");
    let quoted = home.add(
        frontex,
        Some("kan instemmen met het voorstel"),
        "Welke zeggenschap?",
    );
    let whole = home.add(frontex, None, "Positie toelichten in het debat");
    let ebsp = home.add(&migratie, Some("steunt"), "Steun zonder voorbehoud noteren");

    let report = home.import("v2.xml", &corrected(), true);
    let entries: Value = serde_json::from_str(&report).unwrap();
    assert_eq!(entries[0]["outcome"], "replaced", "{report}");
    assert_eq!(
        entries[0]["notes"],
        serde_json::json!({"reanchored": 0, "moved": 2, "detached": 1}),
        "{report}"
    );

    let notes: Vec<Value> = serde_json::from_str(&home.read(&["notes", "list", "--json"])).unwrap();
    for id in [&quoted, &whole] {
        let n = note(&notes, id);
        assert_eq!(n["anchored"], true, "{n}");
        let node = n["target"]["node"].as_str().unwrap();
        let shown = home.read(&["show", node]);
        assert!(shown.contains(FRONTEX_NL), "{id} on {node}:\n{shown}");
    }
    let n = note(&notes, &ebsp);
    assert_eq!(n["anchored"], false, "{n}");
    // Shown with its old quote and the words it stood among.
    assert_eq!(n["target"]["quote"]["exact"], "steunt");
    assert!(
        n["target"]["quote"]["suffix"]
            .as_str()
            .unwrap()
            .starts_with(" het EBSP-mandaat"),
        "{n}"
    );

    let listed = home.read(&["notes", "list"]);
    assert!(
        listed.contains(
            "Stond in: “…grenzen het volgende. Nederland steunt het EBSP-mandaat zonder voorbeh…”"
        ),
        "{listed}"
    );

    // The text report says the same; importing it again changes nothing.
    let again = home.import("v2.xml", &corrected(), false);
    assert!(again.contains(": unchanged"), "{again}");
    assert!(!again.contains("notes:"), "{again}");
}

#[test]
fn the_text_report_names_what_became_of_the_notes() {
    let home = Home::new();
    home.import("v1.xml", &first(), false);
    let positions = sections_titled(&home.read(&["list", "--json"]), "Nederlandse positie");
    home.add(&positions[1], None, "Positie toelichten");
    home.add(&format!("{DOC}/migratie"), Some("steunt"), "Steun");
    // --dry-run says what would become of them, and writes nothing.
    let before = std::fs::read(home.path("lib").join(format!("{DOC}.toml"))).unwrap();
    std::fs::write(home.path("v2.xml"), corrected()).unwrap();
    let out = home
        .cmd()
        .args(["import", "v2.xml", "--dry-run", "--into"])
        .arg(home.path("lib"))
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let out = String::from_utf8(out).unwrap();
    assert!(
        out.contains(
            "v2.xml: notes would be: 0 re-anchored, 1 moved with their section, 1 detached"
        ),
        "{out}"
    );
    assert_eq!(
        std::fs::read(home.path("lib").join(format!("{DOC}.toml"))).unwrap(),
        before
    );
    let out = home.import("v2.xml", &corrected(), false);
    assert!(
        out.contains("v2.xml: notes: 0 re-anchored, 1 moved with their section, 1 detached"),
        "{out}"
    );
}

#[test]
fn ids_stored_under_the_earlier_numbering_keep_finding_their_section() {
    // A library written when equal headings were numbered through the
    // document: the Frontex position was `nederlandse-positie-2`.
    let home = Home::new();
    home.import("v1.xml", &first(), false);
    let file = home.path("lib").join(format!("{DOC}.toml"));
    let old = std::fs::read_to_string(&file)
        .unwrap()
        .replace(
            &format!("{DOC}/europol/nederlandse-positie\""),
            &format!("{DOC}/nederlandse-positie\""),
        )
        .replace(
            &format!("{DOC}/frontex/nederlandse-positie\""),
            &format!("{DOC}/nederlandse-positie-2\""),
        );
    std::fs::write(&file, old).unwrap();
    let frontex = format!("{DOC}/nederlandse-positie-2");
    assert!(home.read(&["show", &frontex]).contains(FRONTEX_NL));
    let quoted = home.add(
        &frontex,
        Some("kan instemmen met het voorstel"),
        "Zeggenschap?",
    );
    let whole = home.add(&frontex, None, "Toelichten");

    let report = home.import("v2.xml", &corrected(), true);
    let entries: Value = serde_json::from_str(&report).unwrap();
    assert_eq!(
        entries[0]["notes"],
        serde_json::json!({"reanchored": 0, "moved": 2, "detached": 0}),
        "{report}"
    );
    // The old id is an alias of the Frontex position now; the file loads
    // and checks clean.
    assert!(home.read(&["show", &frontex]).contains(FRONTEX_NL));
    let notes: Vec<Value> = serde_json::from_str(&home.read(&["notes", "list", "--json"])).unwrap();
    for id in [&quoted, &whole] {
        let n = note(&notes, id);
        assert_eq!(n["anchored"], true, "{n}");
        assert_eq!(n["target"]["node"], frontex.as_str());
    }
    home.cmd()
        .arg("check")
        .arg(home.path("lib"))
        .assert()
        .success();
}
