//! The corpus as the cache stores it: the nodes in blocks of JSON, each
//! with its length, then the roots and references. Blocks are decoded on
//! every core while the next ones are read, so loading a large corpus takes
//! a fraction of decoding one JSON document, and only a few blocks of JSON
//! are in memory at once beside the corpus itself.

use std::io::{self, Read, Write};
use std::sync::mpsc;
use std::sync::{Arc, Mutex};

use dossier_core::{Corpus, Node, NodeIdx};

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
}

pub fn write(corpus: &Corpus, w: &mut dyn Write) -> io::Result<()> {
    let head = Head {
        nodes: corpus.nodes.len(),
        roots: corpus.roots.clone(),
        references: corpus.references.clone(),
    };
    put(w, &serde_json::to_vec(&head).map_err(io::Error::other)?)?;
    let blocks = corpus.nodes.len().div_ceil(BLOCK);
    w.write_all(&(blocks as u64).to_le_bytes())?;
    for block in corpus.nodes.chunks(BLOCK) {
        put(w, &serde_json::to_vec(block).map_err(io::Error::other)?)?;
    }
    Ok(())
}

/// Reads what [`write`] wrote. Any damage is an error, never a panic.
pub fn read(r: &mut dyn Read) -> io::Result<Corpus> {
    let head: Head = serde_json::from_slice(&take(r)?).map_err(invalid)?;
    let blocks = read_u64(r)?;
    if blocks != head.nodes.div_ceil(BLOCK) as u64 {
        return Err(invalid("the block count does not match the node count"));
    }
    let workers = std::thread::available_parallelism().map_or(1, |n| n.get().min(4));
    let (send, receive) = mpsc::sync_channel::<(usize, Vec<u8>)>(workers);
    let receive = Arc::new(Mutex::new(receive));
    let (send_decoded, receive_decoded) = mpsc::channel::<(usize, Vec<Node>)>();
    let nodes = std::thread::scope(|scope| -> io::Result<Vec<Node>> {
        let handles: Vec<_> = (0..workers)
            .map(|_| {
                let receive = Arc::clone(&receive);
                let decoded = send_decoded.clone();
                scope.spawn(move || -> io::Result<()> {
                    loop {
                        // The lock is held only to take the next block.
                        let next = match receive.lock() {
                            Ok(r) => r.recv(),
                            Err(_) => return Err(invalid("a decoding thread failed")),
                        };
                        let Ok((i, bytes)) = next else { return Ok(()) };
                        let mut nodes: Vec<Node> =
                            serde_json::from_slice(&bytes).map_err(invalid)?;
                        nodes.iter_mut().for_each(shrink);
                        dossier_core::model::share_file_names(&mut nodes);
                        if decoded.send((i, nodes)).is_err() {
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
            let mut waiting = std::collections::BTreeMap::new();
            let mut next = 0;
            for (i, part) in receive_decoded {
                waiting.insert(i, part);
                while let Some(part) = waiting.remove(&next) {
                    nodes.extend(part);
                    next += 1;
                }
            }
            (nodes, waiting.is_empty())
        });
        let mut read_result = Ok(());
        for i in 0..blocks as usize {
            match take(r) {
                // A closed channel means a decoder failed: its error is
                // reported below.
                Ok(bytes) => {
                    if send.send((i, bytes)).is_err() {
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
            Ok((nodes, true)) => Ok(nodes),
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
    corpus.reindex();
    Ok(corpus)
}

/// Gives back what decoding reserved and did not use. JSON does not say
/// how long a list is, so each list grows by doubling, from room for four:
/// a node of one paragraph kept room for four. (A paragraph's spans are a
/// boxed slice, exact already.)
fn shrink(node: &mut Node) {
    node.children.shrink_to_fit();
    node.tags.shrink_to_fit();
    node.countries.shrink_to_fit();
    node.body.paragraphs.shrink_to_fit();
}

fn put(w: &mut dyn Write, bytes: &[u8]) -> io::Result<()> {
    w.write_all(&(bytes.len() as u64).to_le_bytes())?;
    w.write_all(bytes)
}

fn take(r: &mut dyn Read) -> io::Result<Vec<u8>> {
    let len = read_u64(r)?;
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
    Ok(bytes)
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
        let back = read(&mut bytes_of(&c).as_slice()).unwrap();
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
    fn damaged_or_cut_bytes_are_errors() {
        let good = bytes_of(&corpus(BLOCK + 3));
        for cut in [0, 5, 8, 40, good.len() / 2, good.len() - 1] {
            assert!(read(&mut &good[..cut]).is_err(), "cut at {cut}");
        }
        for at in [9, 30, good.len() / 3, good.len() - 10] {
            let mut bad = good.clone();
            bad[at] ^= 0x5a;
            // Either refused or, where the change happens to leave valid
            // JSON, read without a panic.
            let _ = read(&mut bad.as_slice());
        }
        let mut huge = good.clone();
        huge[..8].copy_from_slice(&u64::MAX.to_le_bytes());
        assert!(read(&mut huge.as_slice()).is_err());
    }
}
