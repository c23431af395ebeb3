//! The corpus as the cache stores it: the roots and references, then the
//! nodes in blocks, each block in two parts with their lengths — the nodes
//! with their bodies' links alone, in postcard's compact binary form (read
//! on every start: it decodes in half the time of JSON), then the bodies,
//! each in JSON of its own, so that showing one decodes one (read when
//! shown). Blocks are
//! decoded on every core while the next ones are read, so loading a large
//! corpus takes a fraction of decoding one JSON document, and only a few
//! blocks of JSON are in memory at once beside the corpus itself. The
//! interface decodes the first part of each block only and reads a body
//! when it is shown: at 100,000 documents the bodies are 70 % of the
//! bytes, and parsing them for their links was most of a start.

use std::fs;
use std::io::{self, Read, Seek, SeekFrom, Write};
use std::sync::mpsc;
use std::sync::{Arc, Mutex, OnceLock};

use dossier_core::model::{Body, BodySource, Document, Links};
use dossier_core::{Corpus, Node, NodeIdx};

use super::file::ReadSeek;
use super::hash::Hash64;

/// Nodes per block: enough that a block is worth a thread's time, few
/// enough that a large corpus makes many blocks to share out.
const BLOCK: usize = 2048;

/// The cap on one block's length, so a damaged length cannot make the
/// reader allocate without bound.
const MAX_BLOCK_BYTES: u64 = 1 << 30;

#[derive(serde::Serialize, serde::Deserialize)]
struct Head {
    nodes: usize,
    roots: Vec<NodeIdx>,
    references: Vec<NodeIdx>,
    /// The problems the load found, said again on every start served
    /// from the cache.
    errors: Vec<dossier_core::LoadError>,
}

pub fn write(corpus: &Corpus, w: &mut dyn Write) -> io::Result<()> {
    let head = Head {
        nodes: corpus.nodes.len(),
        roots: corpus.roots.clone(),
        references: corpus.references.clone(),
        errors: corpus.errors.clone(),
    };
    put_part(w, &serde_json::to_vec(&head).map_err(io::Error::other)?)?;
    let blocks = corpus.nodes.len().div_ceil(BLOCK);
    w.write_all(&(blocks as u64).to_le_bytes())?;
    for block in corpus.nodes.chunks(BLOCK) {
        let skeletons: Vec<Node<Links>> = block
            .iter()
            .map(|n| n.clone_with_body(n.links_or_none().map(owned_link).collect()))
            .collect();
        put_part(
            w,
            &postcard::to_allocvec(&skeletons).map_err(io::Error::other)?,
        )?;
        put_part(w, &framed_bodies(block)?)?;
    }
    Ok(())
}

fn owned_link((p, label, target): (usize, &str, &str)) -> (usize, Box<str>, Box<str>) {
    (p, label.into(), target.into())
}

/// Where a cache file's payload is, for reading bodies back from it later:
/// the file (the same open file, so a cache file replaced meanwhile does
/// not matter), its path for messages, and the offset of the payload in it.
pub struct Lazy {
    pub path: std::path::PathBuf,
    pub file: fs::File,
    pub payload_start: u64,
}

/// What a decoding thread hands on: a block's nodes, and for a corpus
/// whose bodies are read later, their links and the block's hash.
type Decoded = (usize, Vec<Node>, Vec<Links>);

/// Reads what [`write`] wrote. Any damage is an error, never a panic.
///
/// With `lazy`, the nodes' bodies are not kept: each is read back from the
/// file when first asked for (see [`CacheBodies`]), and the links that the
/// backlinks and the cited references come from are taken before they go.
pub fn read(r: &mut dyn ReadSeek, lazy: Option<Lazy>) -> io::Result<Corpus> {
    let mut r = Counting { inner: r, read: 0 };
    let r = &mut r;
    let head: Head = serde_json::from_slice(&take_part(r)?).map_err(invalid)?;
    let blocks = read_u64(r)?;
    if blocks != head.nodes.div_ceil(BLOCK) as u64 {
        return Err(invalid("the block count does not match the node count"));
    }
    let source = lazy.map(|l| {
        Arc::new(CacheBodies {
            path: l.path,
            file: Mutex::new(l.file),
            payload_start: l.payload_start,
            blocks: OnceLock::new(),
            last: Mutex::new(None),
        })
    });
    let workers = std::thread::available_parallelism().map_or(1, |n| n.get().min(4));
    let (send, receive) = mpsc::sync_channel::<(usize, Vec<u8>, Option<Vec<u8>>)>(workers);
    let receive = Arc::new(Mutex::new(receive));
    let (send_decoded, receive_decoded) = mpsc::channel::<Decoded>();
    let mut places: Vec<(u64, usize, u64)> = Vec::new();
    let (nodes, links) = std::thread::scope(|scope| -> io::Result<_> {
        let handles: Vec<_> = (0..workers)
            .map(|_| {
                let receive = Arc::clone(&receive);
                let decoded = send_decoded.clone();
                let source = source.clone();
                scope.spawn(move || -> io::Result<()> {
                    loop {
                        // The lock is held only to take the next block.
                        let next = match receive.lock() {
                            Ok(r) => r.recv(),
                            Err(_) => return Err(invalid("a decoding thread failed")),
                        };
                        let Ok((i, skeleton, bodies)) = next else {
                            return Ok(());
                        };
                        let skeletons: Vec<Node<Links>> =
                            postcard::from_bytes(&skeleton).map_err(invalid)?;
                        let (mut nodes, links) = match (&source, bodies) {
                            (None, Some(bodies)) => {
                                let docs = frames(&bodies)?
                                    .into_iter()
                                    .map(|r| {
                                        serde_json::from_slice::<Document>(&bodies[r])
                                            .map_err(invalid)
                                    })
                                    .collect::<io::Result<Vec<_>>>()?;
                                if docs.len() != skeletons.len() {
                                    return Err(invalid("a block's bodies do not match its nodes"));
                                }
                                let nodes = skeletons
                                    .into_iter()
                                    .zip(docs)
                                    .map(|(n, mut d)| {
                                        d.paragraphs.shrink_to_fit();
                                        n.with_body(Body::from(d))
                                    })
                                    .collect();
                                (nodes, Vec::new())
                            }
                            // The bodies stay in the file, read when shown.
                            (Some(source), _) => {
                                let mut links = Vec::with_capacity(skeletons.len());
                                let mut nodes = Vec::with_capacity(skeletons.len());
                                for (j, mut n) in skeletons.into_iter().enumerate() {
                                    links.push(std::mem::take(&mut n.body));
                                    let source: Arc<dyn BodySource> = source.clone();
                                    let at = ((i as u64) << 16) | j as u64;
                                    nodes.push(n.with_body(Body::lazy(source, at)));
                                }
                                (nodes, links)
                            }
                            (None, None) => return Err(invalid("a block has no bodies")),
                        };
                        nodes.iter_mut().for_each(shrink);
                        dossier_core::model::share_file_names(&mut nodes);
                        if decoded.send((i, nodes, links)).is_err() {
                            return Ok(());
                        }
                    }
                })
            })
            .collect();
        drop(send_decoded);
        // Blocks join the corpus in order as they are decoded, each freed
        // at once: holding them all and joining them at the end held every
        // node twice at the peak.
        let expected = head.nodes;
        let merger = scope.spawn(move || {
            let mut nodes = Vec::with_capacity(expected.min(1 << 22));
            let mut links = Vec::new();
            let mut waiting = std::collections::BTreeMap::new();
            let mut next = 0;
            for (i, part, part_links) in receive_decoded {
                waiting.insert(i, (part, part_links));
                while let Some((part, part_links)) = waiting.remove(&next) {
                    nodes.extend(part);
                    links.extend(part_links);
                    next += 1;
                }
            }
            (nodes, links, waiting.is_empty())
        });
        let mut read_result = Ok(());
        let lazy = source.is_some();
        for i in 0..blocks as usize {
            let part = take_part(r).and_then(|skeleton| {
                if lazy {
                    // Left in the file: where it is, and the hash to
                    // check it by when a body of it is read.
                    places.push(skip_part(r)?);
                    Ok((skeleton, None))
                } else {
                    Ok((skeleton, Some(take_part(r)?)))
                }
            });
            match part {
                // A closed channel means a decoder failed: its error is
                // reported below.
                Ok((skeleton, bodies)) => {
                    if send.send((i, skeleton, bodies)).is_err() {
                        break;
                    }
                }
                Err(e) => {
                    read_result = Err(e);
                    break;
                }
            }
        }
        drop(send);
        for h in handles {
            match h.join() {
                Ok(Ok(())) => {}
                Ok(Err(e)) => return Err(e),
                Err(_) => return Err(invalid("a decoding thread failed")),
            }
        }
        read_result?;
        match merger.join() {
            Ok((nodes, links, true)) => Ok((nodes, links)),
            _ => Err(invalid("a block is missing")),
        }
    })?;
    if nodes.len() != head.nodes {
        return Err(invalid("the blocks do not hold every node"));
    }
    let in_range = |v: &[NodeIdx]| v.iter().all(|&i| i < nodes.len());
    if !in_range(&head.roots) || !in_range(&head.references) {
        return Err(invalid("a root or reference is out of range"));
    }
    let mut corpus = Corpus::default();
    corpus.nodes = nodes;
    corpus.roots = head.roots;
    corpus.references = head.references;
    corpus.errors = head.errors;
    match source {
        Some(source) => {
            let table = places
                .into_iter()
                .map(|(at, len, hash)| (source.payload_start + at, len, hash))
                .collect();
            let _ = source.blocks.set(table);
            corpus.reindex_with_links(&links);
        }
        None => corpus.reindex(),
    }
    Ok(corpus)
}

/// Counts the bytes read or skipped through it, to know where each
/// block is.
struct Counting<'a> {
    inner: &'a mut dyn ReadSeek,
    read: u64,
}

impl Counting<'_> {
    fn skip(&mut self, n: u64) -> io::Result<()> {
        let by = i64::try_from(n).map_err(|_| invalid("a block is too long"))?;
        self.inner.seek(SeekFrom::Current(by))?;
        self.read += n;
        Ok(())
    }
}

impl Read for Counting<'_> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.read += n as u64;
        Ok(n)
    }
}

/// Bodies read back from the corpus's cache file: the block a node is in
/// is read again and checked against the hash it had when the corpus was
/// loaded (the whole payload's hash was checked then), and the node's body
/// alone decoded. The block's bytes are kept until another block is asked
/// for, so that reading the nodes in order (to build a search index) reads
/// each block once.
pub struct CacheBodies {
    path: std::path::PathBuf,
    file: Mutex<fs::File>,
    payload_start: u64,
    /// Each block's place in the file, length and hash.
    blocks: OnceLock<Vec<(u64, usize, u64)>>,
    /// The block read last, as it is in the file.
    last: Mutex<Option<Block>>,
}

/// A block of bodies read back: which, its bytes, and where each body is
/// in them (found once: reading a block's bodies in order asks for each).
struct Block {
    index: usize,
    bytes: Vec<u8>,
    frames: Vec<std::ops::Range<usize>>,
}

impl CacheBodies {
    fn read_block(&self, block: usize) -> Result<Block, String> {
        let &(offset, len, hash) = self
            .blocks
            .get()
            .and_then(|b| b.get(block))
            .ok_or("no such block in the cache")?;
        let at = |e: &dyn std::fmt::Display| format!("block at byte {offset}: {e}");
        let mut bytes = vec![0; len];
        let mut file = self
            .file
            .lock()
            .map_err(|_| "the cache file is unavailable")?;
        let read = file
            .seek(SeekFrom::Start(offset))
            .and_then(|_| file.read_exact(&mut bytes));
        let mut h = Hash64::new();
        h.update(&bytes);
        if read.is_err() || h.finish() != hash {
            // The corpus was served before its bodies were read: a block
            // found damaged now leaves its texts unread in this run, and
            // the file goes, so that the next start makes it again.
            self.discard(&file);
            let why = read
                .err()
                .map_or("damaged".into(), |e| format!("unreadable ({e})"));
            return Err(at(&format!(
                "the cache file is {why}; it is made again on the next start"
            )));
        }
        let frames = frames(&bytes).map_err(|e| at(&e))?;
        Ok(Block {
            index: block,
            bytes,
            frames,
        })
    }

    /// Removes the cache file at `path` if it is still the one `file` has
    /// open (another start may have written a new one there).
    fn discard(&self, file: &fs::File) {
        let same = match (file.metadata(), fs::metadata(&self.path)) {
            (Ok(open), Ok(named)) => same_file(&open, &named),
            _ => false,
        };
        if same {
            let _ = fs::remove_file(&self.path);
        }
    }
}

#[cfg(unix)]
fn same_file(a: &fs::Metadata, b: &fs::Metadata) -> bool {
    use std::os::unix::fs::MetadataExt;
    (a.dev(), a.ino()) == (b.dev(), b.ino())
}

#[cfg(not(unix))]
fn same_file(a: &fs::Metadata, b: &fs::Metadata) -> bool {
    a.len() == b.len() && a.modified().ok() == b.modified().ok()
}

impl BodySource for CacheBodies {
    /// What went wrong names the cache file and the place in it.
    fn body(&self, at: u64) -> Result<Document, String> {
        self.read_body(at)
            .map_err(|e| format!("{}: {e}", self.path.display()))
    }
}

impl CacheBodies {
    fn read_body(&self, at: u64) -> Result<Document, String> {
        let (block, j) = ((at >> 16) as usize, (at & 0xFFFF) as usize);
        let mut last = self
            .last
            .lock()
            .map_err(|_| "the cache file is unavailable")?;
        let held = match &*last {
            Some(b) if b.index == block => b,
            _ => last.insert(self.read_block(block)?),
        };
        let body = held
            .frames
            .get(j)
            .and_then(|r| held.bytes.get(r.clone()))
            .ok_or("no such node in the cache")?;
        serde_json::from_slice(body).map_err(|e| format!("block {block}, node {j}: {e}"))
    }
}

/// Gives back what decoding reserved and did not use. JSON does not say
/// how long a list is, so each list grows by doubling, from room for four:
/// a node of one paragraph kept room for four. (A paragraph's spans are a
/// boxed slice, exact already.)
fn shrink(node: &mut Node) {
    node.children.shrink_to_fit();
    node.tags.shrink_to_fit();
    node.countries.shrink_to_fit();
}

/// A block's bodies as the cache holds them: how many, each one's length,
/// then each in JSON.
fn framed_bodies(block: &[Node]) -> io::Result<Vec<u8>> {
    let docs = block
        .iter()
        .map(|n| serde_json::to_vec(&n.body).map_err(io::Error::other))
        .collect::<io::Result<Vec<_>>>()?;
    let total: usize = docs.iter().map(Vec::len).sum();
    let mut out = Vec::with_capacity(8 * (docs.len() + 1) + total);
    out.extend_from_slice(&(docs.len() as u64).to_le_bytes());
    for d in &docs {
        out.extend_from_slice(&(d.len() as u64).to_le_bytes());
    }
    for d in docs {
        out.extend_from_slice(&d);
    }
    Ok(out)
}

/// Where in `bytes` each body [`framed_bodies`] wrote is (each still in
/// JSON); lengths that do not add up to the bytes are an error.
fn frames(bytes: &[u8]) -> io::Result<Vec<std::ops::Range<usize>>> {
    let short = || invalid("a block's bodies are cut short");
    let word = |i: usize| -> io::Result<usize> {
        let b = bytes.get(i * 8..i * 8 + 8).ok_or_else(short)?;
        let mut w = [0; 8];
        w.copy_from_slice(b);
        usize::try_from(u64::from_le_bytes(w)).map_err(|_| short())
    };
    let n = word(0)?;
    if n > bytes.len() / 8 {
        return Err(short());
    }
    let mut at = 8 * (n + 1);
    let mut out = Vec::with_capacity(n);
    for i in 0..n {
        let end = at.checked_add(word(i + 1)?).ok_or_else(short)?;
        if end > bytes.len() {
            return Err(short());
        }
        out.push(at..end);
        at = end;
    }
    if at != bytes.len() {
        return Err(invalid("a block's bodies do not fill it"));
    }
    Ok(out)
}

/// A part: its length, its hash, its bytes. Each part is checked on its
/// own, so the interface can read a block's nodes and leave its bodies in
/// the file, checked when they are read.
fn put_part(w: &mut dyn Write, bytes: &[u8]) -> io::Result<()> {
    let mut h = Hash64::new();
    h.update(bytes);
    w.write_all(&(bytes.len() as u64).to_le_bytes())?;
    w.write_all(&h.finish().to_le_bytes())?;
    w.write_all(bytes)
}

fn take_part(r: &mut Counting) -> io::Result<Vec<u8>> {
    let len = read_u64(r)?;
    let hash = read_u64(r)?;
    if len > MAX_BLOCK_BYTES {
        return Err(invalid("a block is too long"));
    }
    let mut bytes = Vec::new();
    r.take(len).read_to_end(&mut bytes)?;
    if bytes.len() as u64 != len {
        return Err(io::Error::new(
            io::ErrorKind::UnexpectedEof,
            "a block is cut short",
        ));
    }
    let mut h = Hash64::new();
    h.update(&bytes);
    if h.finish() != hash {
        return Err(invalid("a block does not match its hash"));
    }
    Ok(bytes)
}

/// Passes over a part: where it is in the payload, its length and hash.
fn skip_part(r: &mut Counting) -> io::Result<(u64, usize, u64)> {
    let len = read_u64(r)?;
    let hash = read_u64(r)?;
    if len > MAX_BLOCK_BYTES {
        return Err(invalid("a block is too long"));
    }
    let at = r.read;
    r.skip(len)?;
    let len = usize::try_from(len).map_err(|_| invalid("a block is too long"))?;
    Ok((at, len, hash))
}

fn read_u64(r: &mut dyn Read) -> io::Result<u64> {
    let mut b = [0; 8];
    r.read_exact(&mut b)?;
    Ok(u64::from_le_bytes(b))
}

fn invalid(e: impl std::fmt::Display) -> io::Error {
    io::Error::new(io::ErrorKind::InvalidData, e.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use dossier_core::load::{NoFiles, SourceFile, load};

    fn corpus(sections: usize) -> Corpus {
        let mut text = String::from(
            "[dossier]\nid = \"d\"\nkind = \"letter\"\ntitle = \"D\"\ntext = \"Zie [s1](d/s1).\"\n\n[letter]\ndate = \"2025-12-17\"\nreference = \"7010422\"\n",
        );
        for i in 0..sections {
            text.push_str(&format!(
                "\n[[section]]\nid = \"d/s{i}\"\ntitle = \"Sectie {i}\"\ntext = \"Italië en [terug](d).\"\n"
            ));
        }
        let c = load(
            &[SourceFile {
                path: "d.toml".into(),
                text,
            }],
            &NoFiles,
        );
        assert!(c.errors.is_empty(), "{:?}", c.errors);
        c
    }

    fn bytes_of(c: &Corpus) -> Vec<u8> {
        let mut out = Vec::new();
        write(c, &mut out).unwrap();
        out
    }

    #[test]
    fn a_corpus_of_many_blocks_reads_back_the_same() {
        let c = corpus(BLOCK * 2 + 7);
        let back = read(&mut io::Cursor::new(bytes_of(&c)), None).unwrap();
        assert_eq!(back.nodes.len(), c.nodes.len());
        assert_eq!(
            serde_json::to_string(&back).unwrap(),
            serde_json::to_string(&c).unwrap()
        );
        // What is not stored is computed again.
        let d = back.get("d").unwrap();
        assert_eq!(back.backlinks[d].len(), BLOCK * 2 + 7);
        assert_eq!(back.get("d/s4100"), c.get("d/s4100"));
    }

    #[test]
    fn kamerstukken_read_back_with_and_without_their_chamber() {
        let file = |id: &str| SourceFile {
            path: format!("{id}.toml"),
            text: format!(
                "[dossier]\nid = \"{id}\"\nkind = \"document\"\ntitle = \"Motie\"\ntext = \"Tekst.\"\n\n[document]\ntype = \"motie\"\ndate = \"2025-06-18\"\ndossier_number = \"21501-20\"\nnumber = \"{}\"\nyear = \"2024-2025\"\nsubmitters = [\"Ceder\"]\n",
                &id[13..]
            ),
        };
        let mut c = load(
            &[file("kst-21501-20-2254"), file("kst-21501-20-2255")],
            &NoFiles,
        );
        assert!(c.errors.is_empty(), "{:?}", c.errors);
        fn chamber(c: &mut Corpus, i: usize) -> &mut Option<dossier_core::identity::Chamber> {
            let m = c.nodes[i].letter.as_mut().unwrap();
            &mut m.kamerstuk.as_mut().unwrap().chamber
        }
        *chamber(&mut c, 1) = Some(dossier_core::identity::Chamber::EersteKamer);
        let back = read(&mut io::Cursor::new(bytes_of(&c)), None).unwrap();
        for i in 0..2 {
            assert_eq!(back.nodes[i].letter, c.nodes[i].letter);
        }
        assert_eq!(*chamber(&mut c.clone(), 0), None);
    }

    #[test]
    fn bodies_left_in_the_file_read_back_each_its_own_in_any_order() {
        let c = corpus(BLOCK + 5);
        let mut file = tempfile::tempfile().unwrap();
        file.write_all(&bytes_of(&c)).unwrap();
        file.seek(SeekFrom::Start(0)).unwrap();
        let lazy = Lazy {
            path: "cache.bin".into(),
            file: file.try_clone().unwrap(),
            payload_start: 0,
        };
        let back = read(&mut file, Some(lazy)).unwrap();
        assert!(format!("{:?}", back.nodes[3].body).contains("not read yet"));
        // Across blocks and back: each node gets its own text.
        for i in [BLOCK + 4, 2, BLOCK, 0, BLOCK + 1, 2] {
            assert_eq!(back.nodes[i].document(), c.nodes[i].document(), "node {i}");
        }
    }

    #[test]
    fn a_body_found_damaged_is_an_error_and_its_cache_file_goes() {
        let c = corpus(3);
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("corpus.bin");
        let bytes = bytes_of(&c);
        fs::write(&path, &bytes).unwrap();
        let mut file = fs::File::open(&path).unwrap();
        let lazy = Lazy {
            path: path.clone(),
            file: file.try_clone().unwrap(),
            payload_start: 0,
        };
        let back = read(&mut file, Some(lazy)).unwrap();
        // The disk changes the last body part after the corpus was served.
        let mut on_disk = fs::OpenOptions::new().write(true).open(&path).unwrap();
        on_disk
            .seek(SeekFrom::Start(bytes.len() as u64 - 5))
            .unwrap();
        on_disk.write_all(b"#").unwrap();
        drop(on_disk);
        let e = back.nodes[1].document().unwrap_err();
        assert!(e.reason.contains("made again on the next start"), "{e}");
        assert!(!path.exists());
    }

    #[test]
    fn bodies_whose_lengths_do_not_add_up_are_errors() {
        let c = corpus(3);
        let good = framed_bodies(&c.nodes).unwrap();
        assert_eq!(frames(&good).unwrap().len(), c.nodes.len());
        let mut long = good.clone();
        long[8..16].copy_from_slice(&u64::MAX.to_le_bytes());
        let mut many = good.clone();
        many[..8].copy_from_slice(&(1u64 << 40).to_le_bytes());
        for bad in [&good[..good.len() - 1], &good[..12], &long, &many, &[][..]] {
            assert!(frames(bad).is_err());
        }
    }

    #[test]
    fn damaged_or_cut_bytes_are_errors() {
        let good = bytes_of(&corpus(BLOCK + 3));
        for cut in [0, 5, 8, 40, good.len() / 2, good.len() - 1] {
            assert!(
                read(&mut io::Cursor::new(&good[..cut]), None).is_err(),
                "cut at {cut}"
            );
        }
        for at in [9, 30, good.len() / 3, good.len() - 10] {
            let mut bad = good.clone();
            bad[at] ^= 0x5a;
            // Either refused or, where the change happens to leave valid
            // JSON, read without a panic.
            let _ = read(&mut io::Cursor::new(&bad[..]), None);
        }
        let mut huge = good.clone();
        huge[..8].copy_from_slice(&u64::MAX.to_le_bytes());
        assert!(read(&mut io::Cursor::new(&huge[..]), None).is_err());
    }
}
