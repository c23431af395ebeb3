//! A cache file: a magic number, the key with its length and hash, then the
//! payload with its length and hash. Written beside its place and renamed
//! there, so a reader never sees half a file; read as a stream.

use std::fs;
use std::io::{self, BufReader, BufWriter, Read, Seek, SeekFrom, Write};
use std::path::Path;

use super::hash::{Hash64, HashingReader, HashingWriter};
use super::key::Key;

const MAGIC: &[u8; 16] = b"dossier-cache\0\0\x0a";

pub(super) type Opened = ((BufReader<fs::File>, u64), Option<Key>);

/// Opens a cache file and reads its key (see [`read_key`]). The error is
/// the reason, for [`super::Outcome::Rebuilt`].
pub(super) fn open_cached(path: &Path) -> Result<Opened, String> {
    let file = match crate::store::regular::open(path) {
        Ok(f) => f,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Err("no cache yet".into()),
        Err(e) => return Err(format!("cannot open the cache: {e}")),
    };
    let file_len = file.metadata().map_err(|e| e.to_string())?.len();
    let mut r = BufReader::with_capacity(1 << 20, file);
    let (key, header_len) = read_key(&mut r, file_len)?;
    Ok(((r, file_len - header_len), key))
}

/// Reads a cache file's magic and key, the key checked against its own
/// hash (it is `None` when damaged). Returns it and the bytes read.
fn read_key(r: &mut impl Read, file_len: u64) -> Result<(Option<Key>, u64), String> {
    let truncated = |_| "the cache file is truncated".to_string();
    let key_len = read_magic_and_key_len(r)?;
    let key_hash = read_u64(r).map_err(truncated)?;
    if key_len > file_len.saturating_sub(32) {
        return Err("the cache file is truncated".into());
    }
    // No larger than the file, as checked above.
    let mut bytes = Vec::with_capacity(usize::try_from(key_len).unwrap_or(0));
    r.take(key_len)
        .read_to_end(&mut bytes)
        .map_err(|e| format!("cannot read the cache: {e}"))?;
    if bytes.len() as u64 != key_len {
        return Err("the cache file is truncated".into());
    }
    let mut h = Hash64::new();
    h.update(&bytes);
    let key = (h.finish() == key_hash)
        .then(|| Key::from_bytes(&bytes, 0))
        .flatten();
    Ok((key, 32 + key_len))
}

/// Decodes the payload as it is read, hashing it on the way; the result is
/// returned only if the length and hash match.
pub(super) fn read_payload<T>(
    path: &Path,
    mut r: BufReader<fs::File>,
    rest: u64,
    whole: bool,
    decode: impl FnOnce(&mut dyn ReadSeek, Payload) -> io::Result<T>,
) -> Result<T, String> {
    let truncated = |_| "the cache file is truncated".to_string();
    let payload_len = read_u64(&mut r).map_err(truncated)?;
    let payload_hash = read_u64(&mut r).map_err(truncated)?;
    if rest != 16u64.saturating_add(payload_len) {
        return Err("the cache file is truncated or too long".into());
    }
    let payload = Payload {
        path: path.to_path_buf(),
        start: r.stream_position().map_err(|e| e.to_string())?,
        file: r.get_ref().try_clone().map_err(|e| e.to_string())?,
    };
    if !whole {
        // The decoder checks each part it reads against the part's own
        // hash, and skips what it leaves in the file.
        return decode(&mut r, payload).map_err(|e| format!("the cache file is damaged: {e}"));
    }
    let mut hashing = HashingReader {
        inner: r.take(payload_len),
        hash: Hash64::new(),
        read: 0,
    };
    let decoded = decode(&mut hashing, payload);
    // Hash whatever the decoder left unread, so the check covers it all.
    io::copy(&mut hashing, &mut io::sink()).map_err(|e| format!("cannot read the cache: {e}"))?;
    if hashing.read != payload_len || hashing.hash.finish() != payload_hash {
        return Err("the cache file is damaged".into());
    }
    decoded.map_err(|e| format!("the cache file is damaged: {e}"))
}

/// What a payload is read through: a stream that can skip what it does
/// not need (one read whole and hashed cannot: see [`read_payload`]).
pub(super) trait ReadSeek: Read + Seek {}

impl<T: Read + Seek> ReadSeek for T {}

/// Where a payload being read is: the file's path (for messages), the open
/// file (a handle of its own) and the offset the payload starts at, for a
/// decoder that reads parts of it again later.
pub(super) struct Payload {
    pub(super) path: std::path::PathBuf,
    pub(super) file: fs::File,
    pub(super) start: u64,
}

/// Writes a cache file next to its final place and renames it there, so a
/// reader never sees half a file.
pub(super) fn write_cached(
    dir: &Path,
    path: &Path,
    key: &[u8],
    payload: impl FnOnce(&mut dyn Write) -> io::Result<()>,
) -> io::Result<()> {
    fs::create_dir_all(dir)?;
    let mut tmp = tempfile::NamedTempFile::new_in(dir)?;
    {
        let file = tmp.as_file_mut();
        let mut w = BufWriter::with_capacity(1 << 20, &mut *file);
        let mut key_hash = Hash64::new();
        key_hash.update(key);
        w.write_all(MAGIC)?;
        w.write_all(&(key.len() as u64).to_le_bytes())?;
        w.write_all(&key_hash.finish().to_le_bytes())?;
        w.write_all(key)?;
        // The payload's length and hash go before it: written once it has
        // streamed to the file, so that it is never held whole in memory
        // (hundreds of megabytes for a large folder).
        let lengths_at = (MAGIC.len() + 16 + key.len()) as u64;
        w.write_all(&[0; 16])?;
        let mut body = HashingWriter {
            inner: &mut w,
            hash: Hash64::new(),
            written: 0,
        };
        payload(&mut body)?;
        let (len, hash) = (body.written, body.hash.finish());
        w.flush()?;
        drop(w);
        file.seek(SeekFrom::Start(lengths_at))?;
        file.write_all(&len.to_le_bytes())?;
        file.write_all(&hash.to_le_bytes())?;
    }
    tmp.persist(path).map_err(|e| e.error)?;
    Ok(())
}

/// Reads the magic number and the key's length that start a cache file.
fn read_magic_and_key_len(r: &mut impl Read) -> Result<u64, String> {
    let truncated = |_| "the cache file is truncated".to_string();
    let mut magic = [0; 16];
    r.read_exact(&mut magic).map_err(truncated)?;
    if &magic != MAGIC {
        return Err("the cache file is of another format".into());
    }
    read_u64(r).map_err(truncated)
}

pub(super) fn read_u64(r: &mut impl Read) -> io::Result<u64> {
    let mut b = [0; 8];
    r.read_exact(&mut b)?;
    Ok(u64::from_le_bytes(b))
}
