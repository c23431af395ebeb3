//! The index's files read with `pread` rather than memory-mapped: a file
//! that another program truncates while the interface runs gives a read
//! error (no hits), where a mapped one would end the program with SIGBUS.
//! Writes, locks and the meta file go through tantivy's own directory.

use std::fs::File;
use std::io;
use std::ops::Range;
use std::os::unix::fs::FileExt;
use std::path::Path;
use std::sync::Arc;

use tantivy::directory::error::{DeleteError, OpenDirectoryError, OpenReadError, OpenWriteError};
use tantivy::directory::{
    Directory, DirectoryLock, FileHandle, Lock, MmapDirectory, OwnedBytes, WatchCallback,
    WatchHandle, WritePtr,
};
use tantivy::schema::Schema;
use tantivy::{HasLen, Index};

/// How the index's files are read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reading {
    /// Memory-mapped: fastest, for a command that ends soon after.
    Mapped,
    /// A range at a time ([`Unmapped`]): a file truncated by another
    /// program is an error, not a SIGBUS; for the interface.
    Unmapped,
}

impl Reading {
    pub(super) fn open(self, dir: &Path) -> tantivy::Result<Index> {
        match self {
            Reading::Mapped => Index::open_in_dir(dir),
            Reading::Unmapped => Index::open(Unmapped::open(dir)?),
        }
    }

    pub(super) fn create(self, dir: &Path, schema: Schema) -> tantivy::Result<Index> {
        match self {
            Reading::Mapped => Index::create_in_dir(dir, schema),
            Reading::Unmapped => Index::create(
                Unmapped::open(dir)?,
                schema,
                tantivy::IndexSettings::default(),
            ),
        }
    }
}

/// A folder whose files are read a range at a time.
#[derive(Clone, Debug)]
pub struct Unmapped {
    inner: MmapDirectory,
    root: std::path::PathBuf,
}

impl Unmapped {
    pub fn open(root: &Path) -> Result<Unmapped, OpenDirectoryError> {
        Ok(Unmapped {
            inner: MmapDirectory::open(root)?,
            root: root.to_path_buf(),
        })
    }
}

/// One file, its length as it was when opened.
#[derive(Debug)]
struct Reads {
    file: File,
    len: usize,
}

impl HasLen for Reads {
    fn len(&self) -> usize {
        self.len
    }
}

impl FileHandle for Reads {
    fn read_bytes(&self, range: Range<usize>) -> io::Result<OwnedBytes> {
        if range.start > range.end || range.end > self.len {
            return Err(io::Error::new(
                io::ErrorKind::InvalidInput,
                "a range past the end of the index file",
            ));
        }
        let mut buffer = vec![0; range.end - range.start];
        // A file shortened since it was opened ends the read early: an
        // error, never bytes that are not there.
        self.file.read_exact_at(&mut buffer, range.start as u64)?;
        Ok(OwnedBytes::new(buffer))
    }
}

impl Directory for Unmapped {
    fn get_file_handle(&self, path: &Path) -> Result<Arc<dyn FileHandle>, OpenReadError> {
        let full = self.root.join(path);
        let file = File::open(&full).map_err(|e| match e.kind() {
            io::ErrorKind::NotFound => OpenReadError::FileDoesNotExist(path.to_path_buf()),
            _ => OpenReadError::wrap_io_error(e, full.clone()),
        })?;
        let len = file
            .metadata()
            .map_err(|e| OpenReadError::wrap_io_error(e, full.clone()))?
            .len();
        let len = usize::try_from(len).map_err(|_| {
            OpenReadError::wrap_io_error(io::Error::other("index file too large"), full)
        })?;
        Ok(Arc::new(Reads { file, len }))
    }

    fn delete(&self, path: &Path) -> Result<(), DeleteError> {
        self.inner.delete(path)
    }

    fn exists(&self, path: &Path) -> Result<bool, OpenReadError> {
        self.inner.exists(path)
    }

    fn open_write(&self, path: &Path) -> Result<WritePtr, OpenWriteError> {
        self.inner.open_write(path)
    }

    fn atomic_read(&self, path: &Path) -> Result<Vec<u8>, OpenReadError> {
        self.inner.atomic_read(path)
    }

    fn atomic_write(&self, path: &Path, data: &[u8]) -> io::Result<()> {
        self.inner.atomic_write(path, data)
    }

    fn sync_directory(&self) -> io::Result<()> {
        self.inner.sync_directory()
    }

    fn acquire_lock(
        &self,
        lock: &Lock,
    ) -> Result<DirectoryLock, tantivy::directory::error::LockError> {
        self.inner.acquire_lock(lock)
    }

    fn watch(&self, watch_callback: WatchCallback) -> tantivy::Result<WatchHandle> {
        self.inner.watch(watch_callback)
    }
}
