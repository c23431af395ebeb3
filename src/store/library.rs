//! The library folder that `dossier import` writes: reading a source
//! safely (regular files only, within the size limit, UTF-8; a PDF through
//! `pdftotext`), and writing one document file whole or not at all.

use std::fs;
use std::io::{self, Read, Write};
use std::path::{Path, PathBuf};
use std::process::Command;

use dossier_core::Position;

/// `~/.local/share/dossier/library` on Linux.
pub fn default_dir() -> Option<PathBuf> {
    super::paths::user_data_dir().map(|d| d.join("library"))
}

/// Why a source cannot be read, with a position where there is one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Refusal {
    pub position: Option<Position>,
    pub message: String,
}

impl Refusal {
    fn whole(message: impl Into<String>) -> Refusal {
        Refusal {
            position: None,
            message: message.into(),
        }
    }
}

/// Reads a source's bytes: `-` is standard input; anything else must be a
/// regular file (a FIFO or device is refused before it is opened, so it is
/// never waited on) of at most `cap` bytes. A PDF (as the import's format
/// detection decides) becomes its text through `pdftotext`; every other
/// format is the core's to read.
pub fn read_source(path: &Path, cap: u64) -> Result<Vec<u8>, Refusal> {
    let bytes = if path == Path::new("-") {
        read_capped(io::stdin().lock(), cap)?
    } else {
        // A FIFO or device is refused before it is opened, and what was
        // opened is checked again (see `regular`).
        let file = super::regular::open(path).map_err(|e| match e.kind() {
            io::ErrorKind::InvalidInput => Refusal::whole(format!("{e}: only files are imported")),
            _ => Refusal::whole(format!("cannot read: {e}")),
        })?;
        let len = file
            .metadata()
            .map_err(|e| Refusal::whole(format!("cannot read: {e}")))?
            .len();
        if len > cap {
            return Err(over(len, cap));
        }
        read_capped(file, cap)?
    };
    let extension = path.extension().and_then(|e| e.to_str());
    if dossier_core::import::detect(&bytes, extension) == Ok(dossier_core::import::Format::Pdf) {
        return pdf_text(path, &bytes, cap).map(String::into_bytes);
    }
    Ok(bytes)
}

fn over(len: u64, cap: u64) -> Refusal {
    Refusal::whole(format!(
        "the source is {len} bytes, over the limit of {cap} bytes (max_file_size in config.toml)"
    ))
}

fn read_capped(reader: impl Read, cap: u64) -> Result<Vec<u8>, Refusal> {
    let mut bytes = Vec::new();
    reader
        .take(cap + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| Refusal::whole(format!("cannot read: {e}")))?;
    if bytes.len() as u64 > cap {
        return Err(Refusal::whole(format!(
            "the source is over the limit of {cap} bytes (max_file_size in config.toml)"
        )));
    }
    Ok(bytes)
}

fn utf8(bytes: Vec<u8>) -> Result<String, Refusal> {
    String::from_utf8(bytes).map_err(|e| {
        let valid = e.utf8_error().valid_up_to();
        let before = String::from_utf8_lossy(&e.as_bytes()[..valid]).into_owned();
        Refusal {
            position: Some(Position::of_offset(&before, valid)),
            message: format!("the source is not UTF-8 text (invalid byte at offset {valid})"),
        }
    })
}

/// A PDF's text, as `pdftotext` gives it without `-layout` (the form of
/// `dossiers/source/`: lines in reading order, the page header after the
/// text it interrupts).
fn pdf_text(path: &Path, bytes: &[u8], cap: u64) -> Result<String, Refusal> {
    let how = "make its text with `pdftotext -enc UTF-8 LETTER.pdf LETTER.txt` and import that";
    let mut child = match Command::new("pdftotext")
        .args(["-enc", "UTF-8", "-", "-"])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
    {
        Ok(c) => c,
        Err(_) => {
            return Err(Refusal::whole(format!(
                "{} is a PDF, read through pdftotext, which is not installed: install the \
package poppler-utils (`apt install poppler-utils`, `brew install poppler`), or {how}",
                path.display()
            )));
        }
    };
    // Feed the PDF from a thread, so a full output pipe cannot stall both.
    let input = bytes.to_vec();
    let stdin = child.stdin.take();
    let feeder = std::thread::spawn(move || {
        if let Some(mut s) = stdin {
            let _ = s.write_all(&input);
        }
    });
    let stdout = child.stdout.take();
    let text = match stdout {
        Some(out) => read_capped(out, cap),
        None => Err(Refusal::whole("pdftotext gave no output")),
    };
    let _ = feeder.join();
    let status = child
        .wait()
        .map_err(|e| Refusal::whole(format!("pdftotext failed: {e}")))?;
    let text = text?;
    if !status.success() {
        return Err(Refusal::whole(format!(
            "pdftotext could not read the PDF ({status}): {how}"
        )));
    }
    utf8(text)
}

/// What writing a document did.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Outcome {
    /// A new file.
    Created,
    /// The file held another version of the document: replaced.
    Replaced,
    /// The file already held exactly this: left alone.
    Unchanged,
}

/// What writing would do, without writing.
pub fn plan(dir: &Path, file_name: &str, text: &str) -> Outcome {
    match fs::read(dir.join(file_name)) {
        Ok(old) if old == text.as_bytes() => Outcome::Unchanged,
        Ok(_) => Outcome::Replaced,
        Err(_) => Outcome::Created,
    }
}

/// Writes `dir/file_name` whole: a temporary file beside it, synced, then
/// renamed into place, and the folder synced. The same text again writes
/// nothing.
pub fn write_document(dir: &Path, file_name: &str, text: &str) -> Result<Outcome, String> {
    write_documents(dir, &[(file_name, text)])
        .pop()
        .unwrap_or_else(|| Err("nothing to write".into()))
}

/// Writes many documents whole, each as [`write_document`] does, with the
/// syncs shared: every temporary file is written, then all are made
/// durable at once (one `syncfs` on Linux, else each file synced), then
/// each is renamed into place and the folder synced once. 8,000 documents
/// cost two syncs instead of 16,000. A file whose write fails is left
/// alone; the others still go in.
pub fn write_documents(dir: &Path, docs: &[(&str, &str)]) -> Vec<Result<Outcome, String>> {
    let fail =
        |name: &str, e: io::Error| format!("{}: cannot write: {e}", dir.join(name).display());
    if let Err(e) = fs::create_dir_all(dir) {
        return docs
            .iter()
            .map(|(n, _)| Err(fail(n, io::Error::new(e.kind(), e.to_string()))))
            .collect();
    }
    let mut results: Vec<Result<Outcome, String>> = Vec::with_capacity(docs.len());
    let mut pending: Vec<(usize, tempfile::NamedTempFile)> = Vec::new();
    for (i, (name, text)) in docs.iter().enumerate() {
        let outcome = plan(dir, name, text);
        if outcome == Outcome::Unchanged {
            results.push(Ok(outcome));
            continue;
        }
        match temporary(dir, text) {
            Ok(tmp) => {
                pending.push((i, tmp));
                results.push(Ok(outcome));
            }
            Err(e) => results.push(Err(fail(name, e))),
        }
    }
    if pending.is_empty() {
        return results;
    }
    if !sync_all_at_once(dir) {
        for (i, tmp) in &pending {
            if let Err(e) = tmp.as_file().sync_all() {
                results[*i] = Err(fail(docs[*i].0, e));
            }
        }
    }
    for (i, tmp) in pending {
        if results[i].is_err() {
            continue;
        }
        if let Err(e) = tmp.persist(dir.join(docs[i].0)) {
            results[i] = Err(fail(docs[i].0, e.error));
        }
    }
    // The new names are the documents: a failure here leaves the files
    // written, only their names perhaps not yet on disk.
    let _ = super::notes::durable::sync_dir(dir);
    results
}

/// A temporary file in `dir` holding `text`, not yet synced. Not `*.toml`:
/// a reader of the folder never sees it.
fn temporary(dir: &Path, text: &str) -> io::Result<tempfile::NamedTempFile> {
    let mut tmp = tempfile::Builder::new()
        .prefix(".dossier-import")
        .suffix(".tmp")
        .tempfile_in(dir)?;
    tmp.as_file_mut().write_all(text.as_bytes())?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        tmp.as_file()
            .set_permissions(fs::Permissions::from_mode(0o644))?;
    }
    Ok(tmp)
}

/// Makes everything written to the folder's file system durable in one
/// call, where the system has one (`syncfs` on Linux).
fn sync_all_at_once(dir: &Path) -> bool {
    #[cfg(target_os = "linux")]
    {
        if let Ok(d) = fs::File::open(dir) {
            return rustix::fs::syncfs(&d).is_ok();
        }
    }
    let _ = dir;
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn writing_twice_changes_nothing_and_a_new_version_replaces() {
        let dir = tempfile::tempdir().unwrap();
        let lib = dir.path().join("lib");
        assert_eq!(
            write_document(&lib, "a.toml", "x = 1\n"),
            Ok(Outcome::Created)
        );
        let before = fs::metadata(lib.join("a.toml"))
            .unwrap()
            .modified()
            .unwrap();
        assert_eq!(
            write_document(&lib, "a.toml", "x = 1\n"),
            Ok(Outcome::Unchanged)
        );
        let after = fs::metadata(lib.join("a.toml"))
            .unwrap()
            .modified()
            .unwrap();
        assert_eq!(before, after);
        assert_eq!(
            write_document(&lib, "a.toml", "x = 2\n"),
            Ok(Outcome::Replaced)
        );
        assert_eq!(fs::read_to_string(lib.join("a.toml")).unwrap(), "x = 2\n");
        let names: Vec<_> = fs::read_dir(&lib)
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(names, ["a.toml"], "no temporary file is left");
    }

    #[test]
    fn sources_that_are_not_files_or_too_large_or_not_utf8_are_refused() {
        let dir = tempfile::tempdir().unwrap();
        let big = dir.path().join("big.xml");
        fs::write(&big, vec![b'a'; 100]).unwrap();
        assert!(
            read_source(&big, 10)
                .unwrap_err()
                .message
                .contains("over the limit")
        );
        assert!(
            read_source(dir.path(), 10)
                .unwrap_err()
                .message
                .contains("a folder")
        );
        let bad = dir.path().join("bad.txt");
        fs::write(&bad, b"ok\n\xff").unwrap();
        // The bytes are read; the import's format detection refuses them,
        // with the position of the first byte that is not UTF-8.
        let bytes = read_source(&bad, 100).unwrap();
        let e = dossier_core::import::detect(&bytes, Some("txt")).unwrap_err();
        assert_eq!((e.line, e.col), (Some(2), Some(1)));
        assert!(
            e.message
                .contains("not UTF-8 text (invalid byte at offset 3)")
        );
    }
}
