//! `dossier import`: the 40 official-publication fixtures, the bundled
//! letter's text, and every refusal (each writes nothing).

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // test code

use std::path::{Path, PathBuf};

use assert_cmd::Command;
use predicates::prelude::*;

fn fixtures() -> Vec<PathBuf> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/op-xml");
    let mut v: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "xml"))
        .collect();
    v.sort();
    v
}

fn dossier(home: &Path) -> Command {
    let mut c = Command::cargo_bin("dossier").unwrap();
    c.env("HOME", home)
        .env("XDG_DATA_HOME", home.join("data"))
        .env("XDG_CONFIG_HOME", home.join("config"));
    c.current_dir(home);
    c
}

fn names(dir: &Path) -> Vec<String> {
    let mut v: Vec<String> = std::fs::read_dir(dir)
        .map(|r| {
            r.map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
                .collect()
        })
        .unwrap_or_default();
    v.sort();
    v
}

#[test]
fn all_forty_fixtures_import_without_warnings_and_are_found() {
    let tmp = tempfile::tempdir().unwrap();
    let lib = tmp.path().join("lib");
    let out = dossier(tmp.path())
        .arg("import")
        .args(fixtures())
        .arg("--into")
        .arg(&lib)
        .assert()
        .success()
        .stderr(
            predicate::str::contains("imported 40 document(s)")
                .and(predicate::str::contains("0 warning(s)")),
        )
        .get_output()
        .stdout
        .clone();
    let out = String::from_utf8(out).unwrap();
    assert!(!out.contains("warning:"), "{out}");
    assert_eq!(names(&lib).len(), 40);
    dossier(tmp.path())
        .arg("check")
        .arg(&lib)
        .assert()
        .success();
    dossier(tmp.path())
        .args(["--dossiers"])
        .arg(&lib)
        .args(["search", "Iron Dome", "--exact"])
        .assert()
        .success()
        .stdout(predicate::str::contains("kst-21501-02-3170"));

    // Again: nothing changes.
    let before = std::fs::read(lib.join("kst-21501-02-3170.toml")).unwrap();
    dossier(tmp.path())
        .arg("import")
        .args(fixtures())
        .arg("--into")
        .arg(&lib)
        .assert()
        .success()
        .stderr(predicate::str::contains("0 new, 0 replaced, 40 unchanged"));
    assert_eq!(
        before,
        std::fs::read(lib.join("kst-21501-02-3170.toml")).unwrap()
    );
}

#[test]
fn a_corrected_version_replaces_its_file_with_the_same_ids() {
    let tmp = tempfile::tempdir().unwrap();
    let lib = tmp.path().join("lib");
    let src = &fixtures()[0];
    dossier(tmp.path())
        .arg("import")
        .arg(src)
        .arg("--into")
        .arg(&lib)
        .assert()
        .success();
    let fixed = tmp.path().join("fixed.xml");
    let text = std::fs::read_to_string(src)
        .unwrap()
        .replace("gehoord de beraadslaging", "gehoord de beraadslagingen");
    std::fs::write(&fixed, text).unwrap();
    dossier(tmp.path())
        .arg("import")
        .arg(&fixed)
        .arg("--into")
        .arg(&lib)
        .assert()
        .success()
        .stdout(predicate::str::contains(": replaced"));
    assert_eq!(names(&lib).len(), 1);
    let file = std::fs::read_to_string(lib.join(&names(&lib)[0])).unwrap();
    assert!(file.contains("beraadslagingen"));
}

#[test]
fn dry_run_writes_nothing_and_json_reports() {
    let tmp = tempfile::tempdir().unwrap();
    let lib = tmp.path().join("lib");
    let letter =
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("dossiers/source/kamerbrief-7010422.txt");
    dossier(tmp.path())
        .arg("import")
        .arg(&letter)
        .args(["--dry-run", "--into"])
        .arg(&lib)
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "kamerbrief-7010422.toml: would be written",
        ))
        .stdout(predicate::str::contains(":61: warning:"));
    assert!(!lib.exists());
    let out = dossier(tmp.path())
        .arg("import")
        .arg(&letter)
        .args(["--dry-run", "--json", "--into"])
        .arg(&lib)
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let v: serde_json::Value = serde_json::from_slice(&out).unwrap();
    assert_eq!(v[0]["id"], "kamerbrief-7010422");
    assert_eq!(v[0]["outcome"], "created");
    assert_eq!(v[0]["findings"][0]["code"], "maybe-heading");
    assert_eq!(v[0]["findings"][0]["line"], 61);
    assert!(!lib.exists());
}

#[test]
fn standard_input_is_a_source() {
    let tmp = tempfile::tempdir().unwrap();
    let lib = tmp.path().join("lib");
    dossier(tmp.path())
        .args(["import", "-", "--into"])
        .arg(&lib)
        .write_stdin(std::fs::read(&fixtures()[1]).unwrap())
        .assert()
        .success();
    assert_eq!(names(&lib).len(), 1);
}

#[test]
fn without_into_the_library_is_in_the_data_directory() {
    let tmp = tempfile::tempdir().unwrap();
    dossier(tmp.path())
        .arg("import")
        .arg(&fixtures()[0])
        .assert()
        .success();
    assert_eq!(names(&tmp.path().join("data/dossier/library")).len(), 1);
}

/// Imports a good fixture and `bad` together: `bad` is refused with
/// `reason`, named on the line before the summary; the good one is written
/// (unless `extra` makes it fail too: `written` files in the end).
fn refused_with(tmp: &Path, bad: &Path, reason: &str, extra: &[&str], written: usize) {
    let lib = tmp.join("lib");
    let out = dossier(tmp)
        .args(extra)
        .arg("import")
        .arg(&fixtures()[0])
        .arg(bad)
        .arg("--into")
        .arg(&lib)
        .timeout(std::time::Duration::from_secs(60))
        .assert()
        .code(1)
        .stdout(predicate::str::contains(reason))
        .get_output()
        .stderr
        .clone();
    let err = String::from_utf8(out).unwrap();
    let lines: Vec<&str> = err.lines().collect();
    let summary = lines[lines.len() - 1];
    assert!(summary.contains(&format!("{written} new")), "{err}");
    assert!(summary.contains("refused"), "{err}");
    let named = lines[lines.len() - 2];
    assert!(
        named.starts_with("dossier import: refused: ")
            && named.contains(&*bad.display().to_string())
            && named.contains(reason.rsplit("refused: ").next().unwrap_or(reason)),
        "{err}"
    );
    assert_eq!(
        names(&lib).len(),
        written,
        "only the good source is written"
    );
}

fn refused(tmp: &Path, bad: &Path, reason: &str, extra: &[&str]) {
    refused_with(tmp, bad, reason, extra, 1);
}

#[test]
fn malformed_xml_is_refused_with_its_position() {
    let tmp = tempfile::tempdir().unwrap();
    let bad = tmp.path().join("bad.xml");
    std::fs::write(
        &bad,
        "<?xml version=\"1.0\"?>\n<officiele-publicatie>\n  <kamerstuk>\n</officiele-publicatie>\n",
    )
    .unwrap();
    refused(
        tmp.path(),
        &bad,
        "bad.xml: refused: 4:1: malformed XML: expected 'kamerstuk' tag",
        &[],
    );
}

#[test]
fn a_dtd_is_refused() {
    let tmp = tempfile::tempdir().unwrap();
    let bad = tmp.path().join("dtd.xml");
    std::fs::write(
        &bad,
        "<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>\n<x>&e;</x>\n",
    )
    .unwrap();
    refused(tmp.path(), &bad, "malformed XML", &[]);
}

#[test]
fn a_publication_that_is_not_a_kamerstuk_is_refused() {
    let tmp = tempfile::tempdir().unwrap();
    let bad = tmp.path().join("stcrt.xml");
    std::fs::write(
        &bad,
        "<officiele-publicatie>\n<staatscourant/>\n</officiele-publicatie>\n",
    )
    .unwrap();
    refused(tmp.path(), &bad, "not a Kamerstuk", &[]);
}

#[test]
fn a_text_cut_off_in_mid_sentence_is_refused() {
    let tmp = tempfile::tempdir().unwrap();
    let letter = std::fs::read_to_string(
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("dossiers/source/kamerbrief-7010422.txt"),
    )
    .unwrap();
    let cut = &letter[..letter.find("diplomatieke vertrouwelijkheid").unwrap()];
    let bad = tmp.path().join("cut.txt");
    std::fs::write(&bad, cut).unwrap();
    refused(tmp.path(), &bad, "ends in mid-sentence", &[]);
}

#[test]
fn a_source_over_the_size_limit_is_refused() {
    let tmp = tempfile::tempdir().unwrap();
    let config = tmp.path().join("small.toml");
    std::fs::write(&config, "max_file_size = 2000\n").unwrap();
    let bad = tmp.path().join("big.xml");
    std::fs::write(&bad, format!("<x>{}</x>", "a".repeat(5000))).unwrap();
    let config = config.to_string_lossy().into_owned();
    refused_with(
        tmp.path(),
        &bad,
        "over the limit of 2000 bytes",
        &["--config", &config],
        0,
    );
}

#[cfg(unix)]
#[test]
fn a_fifo_is_refused_and_never_waited_on() {
    let tmp = tempfile::tempdir().unwrap();
    let fifo = tmp.path().join("pipe.xml");
    rustix::fs::mknodat(
        rustix::fs::CWD,
        &fifo,
        rustix::fs::FileType::Fifo,
        rustix::fs::Mode::from_raw_mode(0o600),
        0,
    )
    .unwrap();
    refused(tmp.path(), &fifo, "a FIFO", &[]);
}

#[test]
fn a_pdf_without_pdftotext_says_how_to_make_the_text() {
    let tmp = tempfile::tempdir().unwrap();
    let pdf = tmp.path().join("brief.pdf");
    std::fs::write(&pdf, b"%PDF-1.7\n%binary\n").unwrap();
    let lib = tmp.path().join("lib");
    dossier(tmp.path())
        .env("PATH", "")
        .arg("import")
        .arg(&pdf)
        .arg("--into")
        .arg(&lib)
        .assert()
        .code(1)
        .stdout(predicate::str::contains("pdftotext -enc UTF-8"));
    assert!(!lib.exists());
}

#[test]
fn control_characters_never_reach_the_terminal() {
    let tmp = tempfile::tempdir().unwrap();
    let bad = tmp.path().join("evil\u{1b}[2J.xml");
    std::fs::write(&bad, "<x>\u{1b}]0;title\u{7}</x").unwrap();
    let lib = tmp.path().join("lib");
    let assert = dossier(tmp.path())
        .arg("import")
        .arg(&bad)
        .arg("--into")
        .arg(&lib)
        .assert()
        .code(1);
    let out = assert.get_output();
    for stream in [&out.stdout, &out.stderr] {
        let s = String::from_utf8_lossy(stream);
        assert!(!s.contains('\u{1b}') && !s.contains('\u{7}'), "{s:?}");
    }
}

fn published(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/published")
        .join(name)
}

#[test]
fn letters_as_published_import_from_their_text_and_their_web_page() {
    let tmp = tempfile::tempdir().unwrap();
    let lib = tmp.path().join("lib");
    // The same letter as text and as its page: one document, the second
    // import changes nothing.
    dossier(tmp.path())
        .arg("import")
        .arg(published("tk-32317-542.txt"))
        .arg(published("ek-32317-OO.txt"))
        .arg("--into")
        .arg(&lib)
        .assert()
        .success()
        .stdout(
            predicate::str::contains("tk-32317-542.txt -> kst-32317-542.toml: written").and(
                predicate::str::contains("ek-32317-OO.txt -> kst-32317-oo.toml: written"),
            ),
        );
    assert_eq!(names(&lib), ["kst-32317-542.toml", "kst-32317-oo.toml"]);
    let out = dossier(tmp.path())
        .arg("import")
        .arg(published("tk-32317-542.html"))
        .arg("--into")
        .arg(&lib)
        .arg("--json")
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let v: serde_json::Value = serde_json::from_slice(&out).unwrap();
    assert_eq!(v[0]["id"], "kst-32317-542");
    assert_eq!(v[0]["outcome"], "unchanged", "{v}");
}

/// A Word document written here: a letter in the published layout with one
/// footnote.
fn word_letter() -> Vec<u8> {
    use std::io::Write;
    let w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
    let p = |t: &str| format!("<w:p><w:r><w:t xml:space=\"preserve\">{t}</w:t></w:r></w:p>");
    let body = [
        p("32 317 JBZ-Raad"),
        p("Nr. 542 BRIEF VAN DE MINISTER VAN JUSTITIE EN VEILIGHEID"),
        p("Aan de Voorzitter van de Tweede Kamer der Staten-Generaal"),
        p("Den Haag, 22 februari 2019"),
        "<w:p><w:r><w:t>Hierbij bied ik u de agenda aan.</w:t></w:r><w:r><w:footnoteReference w:id=\"1\"/></w:r></w:p>"
            .to_string(),
        p("De Minister van Justitie en Veiligheid,"),
        p("F.B.J. Grapperhaus"),
    ]
    .concat();
    let notes = format!(
        "<w:footnotes xmlns:w=\"{w}\"><w:footnote w:id=\"1\"><w:p><w:r><w:footnoteRef/></w:r><w:r><w:t xml:space=\"preserve\"> Kamerstuk 32 317, nr. 530</w:t></w:r></w:p></w:footnote></w:footnotes>"
    );
    let mut out = std::io::Cursor::new(Vec::new());
    let mut zip = zip::ZipWriter::new(&mut out);
    let options = zip::write::SimpleFileOptions::default();
    zip.start_file("word/document.xml", options).unwrap();
    write!(
        zip,
        "<w:document xmlns:w=\"{w}\"><w:body>{body}</w:body></w:document>"
    )
    .unwrap();
    zip.start_file("word/footnotes.xml", options).unwrap();
    zip.write_all(notes.as_bytes()).unwrap();
    zip.finish().unwrap();
    out.into_inner()
}

#[test]
fn a_word_letter_imports_with_its_footnote() {
    let tmp = tempfile::tempdir().unwrap();
    let src = tmp.path().join("brief.docx");
    std::fs::write(&src, word_letter()).unwrap();
    let lib = tmp.path().join("lib");
    dossier(tmp.path())
        .arg("import")
        .arg(&src)
        .arg("--into")
        .arg(&lib)
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "brief.docx -> kst-32317-542.toml: written",
        ));
    let toml = std::fs::read_to_string(lib.join("kst-32317-542.toml")).unwrap();
    assert!(
        toml.contains("Kamerstuk 32 317, nr. 530") || toml.contains("32 317, nr. 530"),
        "{toml}"
    );
    assert!(toml.contains("[[footnote]]"), "{toml}");
}

#[test]
fn what_is_no_document_is_refused_naming_the_formats() {
    // Each in a library of its own: the good source beside it is new there.
    let check = |name: &str, bytes: &[u8], reason: &str| {
        let tmp = tempfile::tempdir().unwrap();
        let bad = tmp.path().join(name);
        std::fs::write(&bad, bytes).unwrap();
        refused(tmp.path(), &bad, reason, &[]);
    };
    let page = b"<!DOCTYPE html>\n<html><head><title>Nieuws</title></head><body><p>Welkom op onze site.</p></body></html>\n";
    check("pagina.html", page, "a web page, but not a Kamerstuk's");
    check("leeg.txt", b"", "the source is empty");
    let jpeg = b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01";
    check("foto.jpg", jpeg, "a binary file");
    check("foto.jpg", jpeg, "Word documents (.docx)");
}

#[test]
fn a_pdf_without_pdftotext_names_the_package_to_install() {
    let tmp = tempfile::tempdir().unwrap();
    let pdf = tmp.path().join("brief.pdf");
    std::fs::write(&pdf, b"%PDF-1.7\n%binary\n").unwrap();
    let lib = tmp.path().join("lib");
    dossier(tmp.path())
        .env("PATH", "")
        .arg("import")
        .arg(&pdf)
        .arg("--into")
        .arg(&lib)
        .assert()
        .code(1)
        .stdout(predicate::str::contains(
            "install the package poppler-utils",
        ));
    assert!(!lib.exists());
}
