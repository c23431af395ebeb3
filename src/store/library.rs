//! The library folder that `dossier import` writes: reading a source
//! safely (regular files only, within the size limit, UTF-8; a PDF through
//! `pdftotext`), checking that the loader will read what is written, and
//! writing each document file whole or not at all ([`write`]).

use std::io::{self, Read, Write};
use std::path::{Path, PathBuf};
use std::process::Command;

use dossier_core::Position;
use dossier_core::load::{self, SourceFile};

mod write;
pub use write::{Outcome, WriteError, plan, sweep_if_idle, write_document, write_documents};

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

/// Reads a source as the import takes it: its bytes
/// ([`read_source_bytes`]), a PDF's made text ([`source_bytes`]).
pub fn read_source(path: &Path, cap: u64) -> Result<Vec<u8>, Refusal> {
    let bytes = read_source_bytes(path, cap)?;
    source_bytes(path, bytes, cap)
}

/// A source's bytes: `-` is standard input; anything else must be a
/// regular file (a FIFO or device is refused before it is opened, so it is
/// never waited on) of at most `cap` bytes. What the bytes are is for the
/// import's format detection to say.
pub fn read_source_bytes(path: &Path, cap: u64) -> Result<Vec<u8>, Refusal> {
    if path == Path::new("-") {
        read_capped(io::stdin().lock(), cap)
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
        read_capped(file, cap)
    }
}

/// What the import reads of a source: a PDF (as the import's format
/// detection decides) becomes its text through `pdftotext`; every other
/// format is the core's to read, as it is.
pub fn source_bytes(path: &Path, bytes: Vec<u8>, cap: u64) -> Result<Vec<u8>, Refusal> {
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

/// The longest file name the library writes: 255 bytes is the limit of
/// the common file systems (ext4, XFS, APFS, NTFS in UTF-16 units).
pub const MAX_FILE_NAME: usize = 255;

/// Refuses a document the library could not hold or the loader would not
/// read back: a name longer than a file name may be, a file over the
/// loader's `max_file_size`, a name outside the loader's rule, or a text
/// the real loader reports an error in. What is refused here is never
/// written, so the version in the library stays.
pub fn check_loadable(id: &str, file_name: &str, text: &str, cap: u64) -> Result<(), String> {
    if file_name.len() > MAX_FILE_NAME {
        let shown: String = id.chars().take(40).collect();
        return Err(format!(
            "the identity {shown}… is {} bytes long: a library file name may be at most {MAX_FILE_NAME} bytes",
            id.len()
        ));
    }
    if text.len() as u64 > cap {
        return Err(format!(
            "the library file would be {} bytes, over the limit of {cap} bytes the loader reads (max_file_size in config.toml): not written",
            text.len()
        ));
    }
    if !super::dossiers::valid_file_name(Path::new(file_name)) {
        return Err(format!(
            "{file_name} is not a name the loader reads (lower-case letters, digits, `-` and `_`): not written"
        ));
    }
    let corpus = load::load_owned(
        vec![SourceFile {
            path: file_name.to_string(),
            text: text.to_string(),
        }],
        &load::NoFiles,
    );
    match corpus.errors.first() {
        Some(e) => Err(format!("the written file would not load: {e}: not written")),
        None => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::fs;

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

    #[test]
    fn what_the_loader_would_not_read_back_is_refused() {
        let ok = "[dossier]\nid = \"kst-1-2\"\nkind = \"document\"\ntitle = \"T\"\n\n[document]\ntype = \"brief\"\ndate = \"2025-01-02\"\n";
        assert_eq!(check_loadable("kst-1-2", "kst-1-2.toml", ok, 1000), Ok(()));
        let e = check_loadable("kst-1-2", "kst-1-2.toml", ok, 10).unwrap_err();
        assert!(e.contains("over the limit of 10 bytes"), "{e}");
        let long = format!("kst-{}-1", "9".repeat(5000));
        let e = check_loadable(&long, &format!("{long}.toml"), ok, 1000).unwrap_err();
        assert!(e.contains("5006 bytes long"), "{e}");
        assert!(e.len() < 200, "the identity is not printed whole: {e}");
        let e = check_loadable("kst-1-2", "kst-1-2.toml", "[dossier]\nid = 3\n", 1000).unwrap_err();
        assert!(e.contains("would not load"), "{e}");
    }
}
