//! Opening a file that must be a regular file. A FIFO, a device or a
//! socket under a dossier's, a note's or the configuration's name would
//! make a plain `open` wait for a writer that never comes (or read without
//! end), so the type is checked before opening, the file is opened without
//! blocking, and the type is checked again on what was opened (the name
//! may have been swapped in between).

use std::fs::{self, File, Metadata};
use std::io::{self, Read};
use std::path::Path;

/// Opens `path` for reading if it is a regular file (symbolic links
/// followed); anything else is an error of kind `InvalidInput` that says
/// what the file is.
pub fn open(path: &Path) -> io::Result<File> {
    refuse_unless_regular(&fs::metadata(path)?)?;
    let file = open_nonblocking(path)?;
    refuse_unless_regular(&file.metadata()?)?;
    Ok(file)
}

/// Reads a regular file whole, at most `cap` bytes: more is an error of
/// kind `FileTooLarge`.
pub fn read_capped(path: &Path, cap: u64) -> io::Result<Vec<u8>> {
    let file = open(path)?;
    let mut bytes = Vec::new();
    file.take(cap.saturating_add(1)).read_to_end(&mut bytes)?;
    if bytes.len() as u64 > cap {
        return Err(io::Error::new(
            io::ErrorKind::FileTooLarge,
            format!("over the limit of {cap} bytes"),
        ));
    }
    Ok(bytes)
}

/// Reads a regular file whole (see [`read_capped`] for a bounded read).
pub fn read(path: &Path) -> io::Result<Vec<u8>> {
    read_capped(path, u64::MAX - 1)
}

#[cfg(unix)]
fn open_nonblocking(path: &Path) -> io::Result<File> {
    use std::os::unix::fs::OpenOptionsExt;
    fs::OpenOptions::new()
        .read(true)
        .custom_flags(rustix::fs::OFlags::NONBLOCK.bits() as i32)
        .open(path)
}

#[cfg(not(unix))]
fn open_nonblocking(path: &Path) -> io::Result<File> {
    File::open(path)
}

fn refuse_unless_regular(meta: &Metadata) -> io::Result<()> {
    if meta.is_file() {
        return Ok(());
    }
    Err(io::Error::new(
        io::ErrorKind::InvalidInput,
        format!("not a regular file but {}", kind_of(meta)),
    ))
}

fn kind_of(meta: &Metadata) -> &'static str {
    let t = meta.file_type();
    if t.is_dir() {
        return "a folder";
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if t.is_fifo() {
            return "a FIFO (named pipe)";
        }
        if t.is_socket() {
            return "a socket";
        }
        if t.is_char_device() || t.is_block_device() {
            return "a device";
        }
    }
    "a special file"
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;

    #[test]
    fn a_fifo_is_refused_without_waiting_for_a_writer() {
        let dir = tempfile::tempdir().unwrap();
        let fifo = dir.path().join("zz.toml");
        rustix::fs::mkfifoat(
            rustix::fs::CWD,
            &fifo,
            rustix::fs::Mode::RUSR | rustix::fs::Mode::WUSR,
        )
        .unwrap();
        let e = open(&fifo).unwrap_err();
        assert_eq!(e.kind(), io::ErrorKind::InvalidInput);
        assert!(e.to_string().contains("FIFO"), "{e}");
    }

    #[test]
    fn a_device_and_a_folder_are_refused() {
        assert!(open(Path::new("/dev/zero")).is_err());
        assert!(open(Path::new("/")).is_err());
    }

    #[test]
    fn a_regular_file_reads_and_the_cap_holds() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("a");
        fs::write(&p, b"12345").unwrap();
        assert_eq!(read(&p).unwrap(), b"12345");
        assert_eq!(read_capped(&p, 5).unwrap(), b"12345");
        let e = read_capped(&p, 4).unwrap_err();
        assert_eq!(e.kind(), io::ErrorKind::FileTooLarge);
    }
}
