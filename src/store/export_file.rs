//! Writing an export file: whole or not at all. The export goes to a
//! temporary file beside the target, which is synced and then renamed over
//! it, so an interrupted export never leaves half a file and an existing
//! file is only replaced by a complete one.

use std::io::{self, Write};
use std::path::Path;

use dossier_core::annotation::Annotation;
use dossier_core::export::{self, Format, Options};
use dossier_core::lang::Lang;
use dossier_core::messages::messages;
use dossier_core::{Corpus, anchor};

/// Writes `notes` in `format` as a person reads them: headings in `lang`,
/// times in the system's time zone, passages no longer in `corpus` marked,
/// CSV cells separated by `csv_delimiter`. Every export, to a file or to
/// standard output, is written by this.
pub fn export_to(
    out: impl Write,
    format: Format,
    notes: &[Annotation],
    corpus: &Corpus,
    (lang, csv_delimiter): (Lang, u8),
) -> io::Result<()> {
    // Whether each passage is still in the text, found before anything is
    // written: a note on a text that cannot be read cannot be marked
    // either way, so the export fails, naming the node.
    let mut found = std::collections::HashMap::with_capacity(notes.len());
    for a in notes {
        let anchored = anchor::is_anchored(corpus, &a.target).map_err(io::Error::other)?;
        found.insert(a.id.as_str(), anchored);
    }
    let anchored = |a: &Annotation| found.get(a.id.as_str()).copied().unwrap_or(false);
    let options = Options {
        lang,
        tz: jiff::tz::TimeZone::system(),
        anchored: &anchored,
        csv_delimiter,
    };
    export::write(format, out, notes, corpus, &options)
}

/// [`export_to`] a file, whole or not at all (see [`write`]).
pub fn export(
    path: &Path,
    format: Format,
    notes: &[Annotation],
    corpus: &Corpus,
    how: (Lang, u8),
) -> Result<(), String> {
    write_in(how.0, path, |out| {
        export_to(out, format, notes, corpus, how)
    })
}

/// Writes `path` with what `fill` writes. The error names the file.
pub fn write(
    path: &Path,
    fill: impl FnOnce(&mut dyn Write) -> io::Result<()>,
) -> Result<(), String> {
    write_in(Lang::En, path, fill)
}

/// What went wrong, in `lang`, without the name of a temporary file.
fn reason(lang: Lang, e: &io::Error) -> String {
    if let Some(said) = (messages(lang).export.io_reason)(e.kind()) {
        return said.into();
    }
    // The error itself where it names no temporary file (tempfile adds
    // `at path …` to its own).
    let text = e.to_string();
    match text.find(" at path ") {
        Some(i) if i > 0 => text[..i].to_string(),
        _ if text.is_empty() => io::Error::from(e.kind()).to_string(),
        _ => text,
    }
}

/// [`write`], its error in `lang`: a missing folder is named as such.
pub fn write_in(
    lang: Lang,
    path: &Path,
    fill: impl FnOnce(&mut dyn Write) -> io::Result<()>,
) -> Result<(), String> {
    let m = &messages(lang).export;
    let shown = path.display().to_string();
    let fail = |e: io::Error| (m.cannot_write)(&shown, &reason(lang, &e));
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    if !dir.is_dir() {
        return Err((m.no_folder)(&shown, &dir.display().to_string()));
    }
    let mut builder = tempfile::Builder::new();
    builder.prefix(".dossier-export");
    // An export is made to be handed on: it gets the permissions of the
    // file it replaces, or else those of any new file (0666 less the
    // umask), not the temporary file's owner-only 0600.
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(path).map_or(0o666, |m| m.permissions().mode() & 0o7777);
        builder.permissions(std::fs::Permissions::from_mode(mode));
    }
    let mut tmp = builder.tempfile_in(dir).map_err(fail)?;
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

    struct Unreadable;

    impl dossier_core::model::BodySource for Unreadable {
        fn body(&self, _at: u64) -> Result<dossier_core::model::Document, String> {
            Err("corpus.bin: block at byte 431: vernield".into())
        }
    }

    #[test]
    fn notes_on_a_text_that_cannot_be_read_fail_the_export_and_keep_the_old_file() {
        let mut c = crate::store::dossiers::load_built_in();
        let i = c.get("ebsp").unwrap();
        c.nodes[i].body = dossier_core::model::Body::lazy(std::sync::Arc::new(Unreadable), 0);
        let t = jiff::Timestamp::UNIX_EPOCH;
        let note = dossier_core::note_form::new_note(&c, i, None, "Tester".into(), t, 7);
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("notes.md");
        std::fs::write(&path, "oud").unwrap();
        for format in Format::ALL {
            let e = export(
                &path,
                format,
                std::slice::from_ref(&note),
                &c,
                (Lang::Nl, b','),
            )
            .unwrap_err();
            assert!(
                e.contains("ebsp: the text cannot be read: corpus.bin"),
                "{e}"
            );
            assert_eq!(std::fs::read_to_string(&path).unwrap(), "oud");
        }
    }

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
        // A folder that is not there is named, not a temporary file.
        let gone = dir.path().join("geen").join("notes.md");
        let e = write_in(Lang::Nl, &gone, |out| out.write_all(b"x")).unwrap_err();
        assert!(
            e.contains("kan de export niet schrijven: de map ") && e.ends_with("geen bestaat niet"),
            "{e}"
        );
        assert!(!e.contains(".dossier-export"), "{e}");
        let e = write(&gone, |out| out.write_all(b"x")).unwrap_err();
        assert!(
            e.contains("cannot write the export: the folder ")
                && e.ends_with("geen does not exist"),
            "{e}"
        );
        write(&path, |out| out.write_all(b"nieuw")).unwrap();
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "nieuw");
    }

    #[cfg(unix)]
    #[test]
    fn an_export_is_readable_by_others_unless_the_file_it_replaces_was_not() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let mode = |p: &Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
        // A new file: 0666 less the umask, which never takes away the
        // owner's reading and in common set-ups leaves others' reading.
        let new = dir.path().join("new.md");
        write(&new, |out| out.write_all(b"x")).unwrap();
        let probe = dir.path().join("probe");
        std::fs::write(&probe, "").unwrap();
        assert_eq!(mode(&new), mode(&probe), "as any new file");
        // A file that was kept private stays private.
        let private = dir.path().join("private.md");
        std::fs::write(&private, "oud").unwrap();
        std::fs::set_permissions(&private, std::fs::Permissions::from_mode(0o600)).unwrap();
        write(&private, |out| out.write_all(b"nieuw")).unwrap();
        assert_eq!(mode(&private), 0o600);
    }
}
