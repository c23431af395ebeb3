//! The hash that proves a cache file's bytes are the ones written, and
//! readers and writers that hash what passes through them.

use std::io::{self, Read, Write};

pub(super) struct HashingReader<R> {
    pub(super) inner: R,
    pub(super) hash: Hash64,
    pub(super) read: u64,
}

impl<R: Read> Read for HashingReader<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.hash.update(&buf[..n]);
        self.read += n as u64;
        Ok(n)
    }
}

/// A stream hashed as it is read cannot skip: every byte must pass.
impl<R> io::Seek for HashingReader<R> {
    fn seek(&mut self, _: io::SeekFrom) -> io::Result<u64> {
        Err(io::Error::new(
            io::ErrorKind::Unsupported,
            "a payload read whole is not skipped",
        ))
    }
}

/// Passes bytes on to `inner`, hashing and counting them.
pub(super) struct HashingWriter<W> {
    pub(super) inner: W,
    pub(super) hash: Hash64,
    pub(super) written: u64,
}

impl<W: Write> Write for HashingWriter<W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        let n = self.inner.write(buf)?;
        self.hash.update(&buf[..n]);
        self.written += n as u64;
        Ok(n)
    }
    fn flush(&mut self) -> io::Result<()> {
        self.inner.flush()
    }
}

/// A fast 64-bit hash for detecting changed or damaged bytes (not an
/// adversary): each 8-byte word is mixed in with a rotate, xor and an odd
/// multiply, which are all bijective, so changing any one word always
/// changes the result; the length and a final avalanche close it. The same
/// bytes give the same hash however they are split across `update` calls.
#[derive(Debug, Clone)]
pub(super) struct Hash64 {
    /// Four lanes, word `i` going to lane `i % 4`: four independent chains
    /// of multiplies run side by side in the processor, about three times
    /// as fast as one over the hundreds of megabytes of a large cache.
    lanes: [u64; 4],
    words: u64,
    pending: [u8; 8],
    pending_len: usize,
    len: u64,
}

impl Hash64 {
    const K: u64 = 0x9E37_79B9_7F4A_7C15;

    pub(super) fn new() -> Hash64 {
        Hash64 {
            lanes: [
                0x243F_6A88_85A3_08D3,
                0x1319_8A2E_0370_7344,
                0xA409_3822_299F_31D0,
                0x082E_FA98_EC4E_6C89,
            ],
            words: 0,
            pending: [0; 8],
            pending_len: 0,
            len: 0,
        }
    }

    #[inline]
    fn mix(state: u64, w: u64) -> u64 {
        (state.rotate_left(23) ^ w).wrapping_mul(Self::K)
    }

    #[inline]
    fn word(&mut self, w: u64) {
        let lane = (self.words & 3) as usize;
        self.lanes[lane] = Self::mix(self.lanes[lane], w);
        self.words += 1;
    }

    pub(super) fn update(&mut self, mut data: &[u8]) {
        self.len += data.len() as u64;
        if self.pending_len > 0 {
            let take = (8 - self.pending_len).min(data.len());
            self.pending[self.pending_len..self.pending_len + take].copy_from_slice(&data[..take]);
            self.pending_len += take;
            data = &data[take..];
            if self.pending_len < 8 {
                return;
            }
            self.word(u64::from_le_bytes(self.pending));
            self.pending_len = 0;
        }
        let mut chunks = data.chunks_exact(8);
        for c in &mut chunks {
            self.word(u64::from_le_bytes([
                c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7],
            ]));
        }
        let rest = chunks.remainder();
        self.pending[..rest.len()].copy_from_slice(rest);
        self.pending_len = rest.len();
    }

    pub(super) fn finish(&self) -> u64 {
        let mut s = self.clone();
        if s.pending_len > 0 {
            let mut last = [0; 8];
            last[..s.pending_len].copy_from_slice(&s.pending[..s.pending_len]);
            s.word(u64::from_le_bytes(last) ^ 0xFF);
        }
        // Each lane goes in through a bijective step, so a change to any
        // one word still changes the result.
        let mut z = s.lanes[0];
        for &lane in &s.lanes[1..] {
            z = Self::mix(z, lane);
        }
        z = Self::mix(z, s.len);
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
}
