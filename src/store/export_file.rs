//! Writing an export file: whole or not at all. The export goes to a
//! temporary file beside the target, which is synced and then renamed over
//! it, so an interrupted export never leaves half a file and an existing
//! file is only replaced by a complete one.

use std::io::{self, Write};
use std::path::Path;

/// Writes `path` with what `fill` writes. The error names the file.
pub fn write(
    path: &Path,
    fill: impl FnOnce(&mut dyn Write) -> io::Result<()>,
) -> Result<(), String> {
    let fail = |e: io::Error| format!("{}: cannot write the export: {e}", path.display());
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    let mut tmp = tempfile::Builder::new()
        .prefix(".dossier-export")
        .tempfile_in(dir)
        .map_err(fail)?;
    {
        let mut out = io::BufWriter::new(tmp.as_file_mut());
        fill(&mut out).and_then(|()| out.flush()).map_err(fail)?;
    }
    tmp.as_file().sync_all().map_err(fail)?;
    tmp.persist(path).map_err(|e| fail(e.error))?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_failed_export_leaves_the_old_file_and_no_temporary() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("notes.md");
        std::fs::write(&path, "oud").unwrap();
        let e = write(&path, |out| {
            out.write_all(b"half")?;
            Err(io::Error::other("disk full"))
        })
        .unwrap_err();
        assert!(
            e.contains("notes.md: cannot write the export: disk full"),
            "{e}"
        );
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "oud");
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
        write(&path, |out| out.write_all(b"nieuw")).unwrap();
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "nieuw");
    }
}
