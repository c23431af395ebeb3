//! `dossier import` of many sources: the good ones are written, the
//! refused named at the end; folders; two sources with one identity; what
//! the loader would not read back; the library folder read as carefully
//! as a source; interrupted and failed writes.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // test code

use std::path::{Path, PathBuf};
use std::time::Duration;

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
        .env("XDG_CONFIG_HOME", home.join("config"))
        .current_dir(home)
        // A test that would wait for ever fails instead.
        .timeout(Duration::from_secs(120));
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

fn stderr_lines(out: &std::process::Output) -> Vec<String> {
    String::from_utf8_lossy(&out.stderr)
        .lines()
        .map(String::from)
        .collect()
}

/// A motie in the official XML, `kst-{dossier}-{number}`, with `extra`
/// paragraphs after its request.
fn motie(dossier: &str, number: &str, extra: &str) -> String {
    format!(
        r#"<?xml version="1.0" encoding="UTF-8"?>
<officiele-publicatie>
  <metadata>
    <meta name="OVERHEIDop.externMetadataRecord" scheme="" content="https://example.org/metadata.xml"/>
  </metadata>
  <kamerstuk>
    <kamerstukkop>
      <tekstregel inhoud="vergaderjaar">Vergaderjaar 2024-2025</tekstregel>
      <tekstregel inhoud="kameraanduiding">Tweede Kamer der Staten-Generaal</tekstregel>
    </kamerstukkop>
    <dossier>
      <dossiernummer><dossiernr>{dossier}</dossiernr></dossiernummer>
      <titel>Europese Raad</titel>
    </dossier>
    <stuk>
      <stuknr>Nr. <ondernummer kamer="2">{number}</ondernummer></stuknr>
      <titel>MOTIE VAN HET LID CEDER</titel>
      <datumtekst>Voorgesteld <datum isodatum="2024-12-17">17 december 2024</datum></datumtekst>
      <algemeen>
        <vrije-tekst>
          <tekst status="goed">
            <al>De Kamer,</al>
            <al>gehoord de beraadslaging,</al>
            <al>verzoekt de regering om tijdens de Raad aan te dringen op het garanderen van de veiligheid,</al>
            {extra}
            <al>en gaat over tot de orde van de dag.</al>
            <al>Ceder</al>
          </tekst>
        </vrije-tekst>
      </algemeen>
    </stuk>
  </kamerstuk>
</officiele-publicatie>
"#
    )
}

fn write_broken(dir: &Path) -> Vec<PathBuf> {
    let broken = [
        ("broken-1.xml", "<officiele-publicatie>\n<kamerstuk>\n"),
        (
            "broken-2.xml",
            "<officiele-publicatie>\n<staatscourant/>\n</officiele-publicatie>\n",
        ),
        ("broken-3.txt", ""),
    ];
    broken
        .iter()
        .map(|(name, text)| {
            let p = dir.join(name);
            std::fs::write(&p, text).unwrap();
            p
        })
        .collect()
}

#[test]
fn a_batch_writes_the_good_ones_and_names_the_refused_in_its_last_lines() {
    let tmp = tempfile::tempdir().unwrap();
    let lib = tmp.path().join("lib");
    let broken = write_broken(tmp.path());
    let mut sources = fixtures();
    sources.insert(3, broken[0].clone());
    sources.insert(20, broken[1].clone());
    sources.push(broken[2].clone());
    let out = dossier(tmp.path())
        .arg("import")
        .args(&sources)
        .arg("--into")
        .arg(&lib)
        .assert()
        .code(1)
        .get_output()
        .clone();
    assert_eq!(names(&lib).len(), 40, "every good source is written");
    let lines = stderr_lines(&out);
    let n = lines.len();
    assert!(n >= 4, "{lines:?}");
    assert_eq!(
        lines[n - 1],
        format!(
            "dossier import: imported 40 document(s) into {}: 40 new, 0 replaced, 0 unchanged; 3 refused; 0 warning(s)",
            lib.display()
        )
    );
    for (line, bad) in lines[n - 4..n - 1].iter().zip(&broken) {
        assert!(
            line.starts_with(&format!("dossier import: refused: {}: ", bad.display())),
            "{line}"
        );
    }
    assert!(lines[n - 3].contains("not a Kamerstuk"), "{}", lines[n - 3]);

    // Again, with the three mended away: everything is unchanged, exit 0.
    dossier(tmp.path())
        .arg("import")
        .args(fixtures())
        .arg("--into")
        .arg(&lib)
        .assert()
        .success()
        .stderr(predicate::str::contains("40 document(s) into"))
        .stderr(predicate::str::contains(
            "0 new, 0 replaced, 40 unchanged; 0 warning(s)",
        ));
}

#[test]
fn with_json_the_refused_are_in_the_array_and_on_stderr() {
    let tmp = tempfile::tempdir().unwrap();
    let lib = tmp.path().join("lib");
    let broken = write_broken(tmp.path());
    let out = dossier(tmp.path())
        .arg("import")
        .arg(&fixtures()[0])
        .arg(&broken[0])
        .args(["--json", "--into"])
        .arg(&lib)
        .assert()
        .code(1)
        .get_output()
        .clone();
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v[0]["outcome"], "created");
    assert!(v[1]["error"].as_str().unwrap().contains("malformed XML"));
    assert!(v[1].get("outcome").is_none());
    let lines = stderr_lines(&out);
    assert_eq!(lines.len(), 2, "{lines:?}");
    assert!(lines[0].contains("refused") && lines[0].contains("broken-1.xml"));
    assert!(lines[1].contains("1 new") && lines[1].contains("1 refused"));
}

#[test]
fn a_folder_gives_the_sources_directly_in_it() {
    let tmp = tempfile::tempdir().unwrap();
    let src = tmp.path().join("src");
    std::fs::create_dir_all(src.join("sub")).unwrap();
    for f in &fixtures()[..3] {
        std::fs::copy(f, src.join(f.file_name().unwrap())).unwrap();
    }
    // Upper case is a source too; a sub-folder is not read, nor a file of
    // another kind or a hidden one.
    std::fs::copy(&fixtures()[3], src.join("MOTIE.XML")).unwrap();
    std::fs::copy(&fixtures()[4], src.join("sub/kst-in-sub.xml")).unwrap();
    std::fs::copy(&fixtures()[5], src.join(".hidden.xml")).unwrap();
    std::fs::write(src.join("README.md"), "# not a source\n").unwrap();
    let lib = tmp.path().join("lib");
    dossier(tmp.path())
        .arg("import")
        .arg(&src)
        .arg("--into")
        .arg(&lib)
        .assert()
        .success()
        .stderr(predicate::str::contains("imported 4 document(s)"));
    assert_eq!(names(&lib).len(), 4);

    let empty = tmp.path().join("empty");
    std::fs::create_dir(&empty).unwrap();
    dossier(tmp.path())
        .arg("import")
        .arg(&empty)
        .arg("--into")
        .arg(&lib)
        .assert()
        .code(1)
        .stderr(predicate::str::contains(
            "a folder without sources (files ending in .xml",
        ));
}

#[test]
fn two_sources_with_one_identity_and_other_texts_are_both_refused() {
    let tmp = tempfile::tempdir().unwrap();
    let lib = tmp.path().join("lib");
    let a = tmp.path().join("a.xml");
    let b = tmp.path().join("b.xml");
    std::fs::write(&a, motie("36001", "7", "")).unwrap();
    std::fs::write(
        &b,
        motie("36001", "7", "<al>overwegende dat het anders is;</al>"),
    )
    .unwrap();
    let out = dossier(tmp.path())
        .arg("import")
        .arg(&a)
        .arg(&b)
        .arg("--into")
        .arg(&lib)
        .assert()
        .code(1)
        .get_output()
        .clone();
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains(&format!(
            "refused: {}: kst-36001-7 is also given by {}",
            a.display(),
            b.display()
        )),
        "{err}"
    );
    assert!(
        err.contains(&format!(
            "refused: {}: kst-36001-7 is also given by {}",
            b.display(),
            a.display()
        )),
        "{err}"
    );
    assert!(err.contains("0 new") && err.contains("2 refused"), "{err}");
    assert!(names(&lib).is_empty());
}

#[test]
fn the_same_source_twice_is_written_once() {
    let tmp = tempfile::tempdir().unwrap();
    let lib = tmp.path().join("lib");
    let f = &fixtures()[0];
    dossier(tmp.path())
        .arg("import")
        .arg(f)
        .arg(f)
        .arg("--into")
        .arg(&lib)
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "the same document again, written once",
        ))
        .stderr(predicate::str::contains("1 new, 0 replaced, 1 unchanged"));
    assert_eq!(names(&lib).len(), 1);
    // Where the first cannot be written, neither is the second.
    let blocker = tmp.path().join("blocker");
    std::fs::write(&blocker, "").unwrap();
    dossier(tmp.path())
        .arg("import")
        .arg(f)
        .arg(f)
        .arg("--into")
        .arg(blocker.join("lib"))
        .assert()
        .code(1)
        .stderr(predicate::str::contains("0 unchanged; 2 not written"));
}

#[test]
fn a_result_over_the_loaders_limit_is_refused_and_the_earlier_version_stays() {
    let tmp = tempfile::tempdir().unwrap();
    let lib = tmp.path().join("lib");
    let config = tmp.path().join("config.toml");
    std::fs::write(&config, "max_file_size = 20000\n").unwrap();
    let good = tmp.path().join("good.xml");
    std::fs::write(&good, motie("36002", "1", "")).unwrap();
    dossier(tmp.path())
        .arg("import")
        .arg(&good)
        .arg("--into")
        .arg(&lib)
        .assert()
        .success();
    let before = std::fs::read(lib.join("kst-36002-1.toml")).unwrap();
    // Each `[` and `]` is escaped in the library file: 15 KB of source
    // make a file over 20,000 bytes.
    let brackets = format!("<al>{}</al>", "[] ".repeat(5000));
    let big = tmp.path().join("big.xml");
    std::fs::write(&big, motie("36002", "1", &brackets)).unwrap();
    assert!(std::fs::metadata(&big).unwrap().len() < 20000);
    dossier(tmp.path())
        .arg("import")
        .arg(&big)
        .arg("--into")
        .arg(&lib)
        .assert()
        .code(1)
        .stderr(predicate::str::contains(
            "over the limit of 20000 bytes the loader reads",
        ))
        .stderr(predicate::str::contains(
            "0 new, 0 replaced, 0 unchanged; 1 refused",
        ));
    assert_eq!(std::fs::read(lib.join("kst-36002-1.toml")).unwrap(), before);
    dossier(tmp.path())
        .args(["--dossiers"])
        .arg(&lib)
        .arg("documents")
        .assert()
        .success()
        .stdout(predicate::str::contains("36002"));
}

#[test]
fn an_identity_longer_than_a_file_name_is_refused_as_an_identity() {
    let tmp = tempfile::tempdir().unwrap();
    let lib = tmp.path().join("lib");
    let long = tmp.path().join("long.xml");
    std::fs::write(&long, motie(&"9".repeat(5000), "3", "")).unwrap();
    dossier(tmp.path())
        .arg("import")
        .arg(&fixtures()[0])
        .arg(&long)
        .arg("--into")
        .arg(&lib)
        .assert()
        .code(1)
        .stderr(
            predicate::str::contains("refused").and(predicate::str::contains(
                "a library file name may be at most 255 bytes",
            )),
        )
        .stderr(predicate::str::contains("File name too long").not());
    assert_eq!(names(&lib).len(), 1);
}

#[cfg(unix)]
#[test]
fn a_fifo_or_a_device_link_under_the_written_name_is_refused_never_waited_on() {
    let tmp = tempfile::tempdir().unwrap();
    let lib = tmp.path().join("lib");
    std::fs::create_dir(&lib).unwrap();
    let f = &fixtures()[0];
    let name = format!("{}.toml", f.file_stem().unwrap().to_string_lossy());
    rustix::fs::mknodat(
        rustix::fs::CWD,
        lib.join(&name),
        rustix::fs::FileType::Fifo,
        rustix::fs::Mode::from_raw_mode(0o600),
        0,
    )
    .unwrap();
    for dry in [false, true] {
        let mut c = dossier(tmp.path());
        c.arg("import").arg(f).arg("--into").arg(&lib);
        if dry {
            c.arg("--dry-run");
        }
        c.assert().code(1).stderr(predicate::str::contains(format!(
            "the library's {name} is a FIFO (named pipe): left alone"
        )));
    }
    std::fs::remove_file(lib.join(&name)).unwrap();
    std::os::unix::fs::symlink("/dev/zero", lib.join(&name)).unwrap();
    dossier(tmp.path())
        .arg("import")
        .arg(f)
        .arg("--into")
        .arg(&lib)
        .assert()
        .code(1)
        .stderr(predicate::str::contains("is a device: left alone"));
    assert!(
        std::fs::symlink_metadata(lib.join(&name))
            .unwrap()
            .file_type()
            .is_symlink()
    );
}

#[test]
fn an_interrupted_imports_temporary_files_are_removed_by_the_next_import_or_load() {
    let tmp = tempfile::tempdir().unwrap();
    let lib = tmp.path().join("lib");
    std::fs::create_dir(&lib).unwrap();
    let left = [".dossier-importA1b2C3.tmp", ".dossier-importzzzzzz.tmp"];
    let kept = [".dossier-import-notes.txt", "notes.tmp", "kladblok.tmp"];
    for n in left.iter().chain(&kept) {
        std::fs::write(lib.join(n), "half a file").unwrap();
    }
    dossier(tmp.path())
        .arg("import")
        .arg(&fixtures()[0])
        .arg("--into")
        .arg(&lib)
        .assert()
        .success();
    let found = names(&lib);
    assert!(
        found.iter().all(|n| !left.contains(&n.as_str())),
        "{found:?}"
    );
    for k in kept {
        assert!(found.contains(&k.to_string()), "{found:?}");
    }

    // A load of the user's library sweeps them too.
    let user_lib = tmp.path().join("data/dossier/library");
    std::fs::create_dir_all(&user_lib).unwrap();
    for n in left {
        std::fs::write(user_lib.join(n), "half a file").unwrap();
    }
    dossier(tmp.path()).arg("documents").assert().success();
    assert!(names(&user_lib).is_empty(), "{:?}", names(&user_lib));
}

#[test]
fn a_failed_write_names_every_file_not_written_and_ends_with_the_summary() {
    let tmp = tempfile::tempdir().unwrap();
    // The library's place is under a file: no file can be written there
    // (as a full disk, also when the tests run as root).
    let blocker = tmp.path().join("blocker");
    std::fs::write(&blocker, "").unwrap();
    let lib = blocker.join("lib");
    let sources = &fixtures()[..3];
    let out = dossier(tmp.path())
        .arg("import")
        .args(sources)
        .arg("--into")
        .arg(&lib)
        .assert()
        .code(1)
        .get_output()
        .clone();
    let lines = stderr_lines(&out);
    assert_eq!(lines.len(), 4, "{lines:?}");
    for (line, src) in lines.iter().zip(sources) {
        assert!(
            line.starts_with(&format!("dossier import: not written: {}: ", src.display()))
                && line.contains("cannot write"),
            "{line}"
        );
    }
    assert!(
        lines[3].contains("0 new") && lines[3].contains("3 not written"),
        "{}",
        lines[3]
    );
}

#[test]
fn a_document_the_built_in_letter_hides_is_reported() {
    let tmp = tempfile::tempdir().unwrap();
    let letter =
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("dossiers/source/kamerbrief-7010422.txt");
    let out = dossier(tmp.path())
        .arg("import")
        .arg(&letter)
        .arg("--json")
        .assert()
        .success()
        .stderr(predicate::str::contains("1 hidden by a built-in document"))
        .get_output()
        .stdout
        .clone();
    let v: serde_json::Value = serde_json::from_slice(&out).unwrap();
    assert_eq!(v[0]["hidden_by"], "kst-32317-987");
    dossier(tmp.path())
        .arg("import")
        .arg(&letter)
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "not shown: the built-in kst-32317-987 has this identity and is shown instead",
        ));
    // Beside a `./dossiers` folder that holds the letter, its copy is the
    // one shown.
    let folder = tmp.path().join("dossiers");
    std::fs::create_dir(&folder).unwrap();
    let repo = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("dossiers");
    std::fs::copy(
        repo.join("kst-32317-987.toml"),
        folder.join("kst-32317-987.toml"),
    )
    .unwrap();
    dossier(tmp.path())
        .arg("import")
        .arg(&letter)
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "not shown: kst-32317-987 of ./dossiers has this identity",
        ))
        .stderr(predicate::str::contains(
            "1 hidden by a document of ./dossiers",
        ));
    std::fs::remove_dir_all(&folder).unwrap();
    // With another library folder nothing is hidden.
    dossier(tmp.path())
        .arg("import")
        .arg(&letter)
        .arg("--into")
        .arg(tmp.path().join("other"))
        .assert()
        .success()
        .stderr(predicate::str::contains("hidden").not());
}

/// A batch of more documents than the process may hold files open is
/// written whole: the temporary files are synced and renamed a batch at a
/// time, not all held open until one sync at the end.
#[cfg(unix)]
#[test]
fn a_batch_larger_than_the_open_file_limit_is_written_whole() {
    let tmp = tempfile::tempdir().unwrap();
    let src = tmp.path().join("src");
    std::fs::create_dir(&src).unwrap();
    for n in 1..=900 {
        std::fs::write(
            src.join(format!("m{n}.xml")),
            motie("36999", &n.to_string(), ""),
        )
        .unwrap();
    }
    let lib = tmp.path().join("lib");
    let bin = assert_cmd::cargo::cargo_bin("dossier");
    let script = format!(
        "ulimit -n 400 && exec '{}' import '{}' --into '{}'",
        bin.display(),
        src.display(),
        lib.display()
    );
    let out = std::process::Command::new("sh")
        .arg("-c")
        .arg(script)
        .env("HOME", tmp.path())
        .env("XDG_DATA_HOME", tmp.path().join("data"))
        .env("XDG_CONFIG_HOME", tmp.path().join("config"))
        .current_dir(tmp.path())
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{err}");
    assert!(err.contains("900 new"), "{err}");
    assert_eq!(
        names(&lib).iter().filter(|n| n.ends_with(".toml")).count(),
        900
    );
}
