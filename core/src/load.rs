//! Builds a [`Corpus`] from the text of dossier files. Each file is parsed
//! and worked out on its own ([`prepare`]), on every core, so one broken
//! file is reported and the others still load; ids, links and sources are
//! then checked across files, in file order.

use std::collections::HashSet;

use crate::error::{LoadError, Position};
use crate::fast_hash::FastMap;
use crate::model::{Corpus, Document, Node, NodeIdx, NodeKind, Span};

mod diagnose;
mod prepare;

use crate::schema::DossierFile;
pub use diagnose::{Broken, MAX_PER_FILE};
use prepare::{NewNode, Place, Step};

/// A dossier file: its path relative to the dossier folder, and its text.
#[derive(Debug, Clone)]
pub struct SourceFile {
    pub path: String,
    pub text: String,
}

/// Reads the text files a dossier refers to with `file = "…"`. The core has
/// no file system; the caller decides what reading means. Files are worked
/// out on several threads at once, so a resolver is shared between them.
pub trait Resolver: Sync {
    /// `rel` is relative to the dossier folder and has already been checked
    /// to stay inside it lexically (no `..`, not absolute).
    fn read(&self, rel: &str) -> Result<String, String>;
}

/// A resolver for when there are no files beside the dossiers.
pub struct NoFiles;

impl Resolver for NoFiles {
    fn read(&self, rel: &str) -> Result<String, String> {
        Err(format!(
            "cannot read `{rel}`: file references are not available here"
        ))
    }
}

/// Loads every file; problems are collected in [`Corpus::errors`] next to
/// whatever could be loaded.
pub fn load(files: &[SourceFile], resolver: &dyn Resolver) -> Corpus {
    load_owned(files.to_vec(), resolver)
}

/// Files worked out at a time before they are added: the parsed form of a
/// file is larger than its text, and thousands of them held at once were
/// most of the memory a large load took.
const BATCH: usize = 256;

/// As [`load`], taking the files: each batch is freed once it is added,
/// so that the texts of a large folder are not all held until the end.
pub fn load_owned(mut files: Vec<SourceFile>, resolver: &dyn Resolver) -> Corpus {
    files.sort_by(|a, b| a.path.cmp(&b.path));
    load_each(files, |f| work_out(f, resolver), |f| &f.path)
}

/// Reads a dossier file's text, given its path as the loader shows it; a
/// file that cannot be read is a [`LoadError`] of that file.
pub type ReadFile<'a> = dyn Fn(&str) -> Result<String, LoadError> + Sync + 'a;

/// As [`load`], given the files' paths: each file is read by the thread
/// that works it out, and its text freed there once its nodes are built.
/// Memory a thread frees is what its next nodes are made of (the allocator
/// keeps a pool per thread): texts read on one thread and nodes built on
/// others would each take their own room, a third more at 10,000 dossiers.
pub fn load_paths(mut paths: Vec<String>, read: &ReadFile, resolver: &dyn Resolver) -> Corpus {
    paths.sort();
    let work = |path: &String| match read(path) {
        Ok(text) => work_out(
            &SourceFile {
                path: path.clone(),
                text,
            },
            resolver,
        ),
        Err(e) => vec![Step::Error(e)],
    };
    load_each(paths, work, |p| p)
}

/// Works out `items` (files, or what names them) in batches, on every
/// core, and adds them in their order.
fn load_each<T: Sync>(
    items: Vec<T>,
    work: impl Fn(&T) -> Vec<Step> + Sync,
    path: impl Fn(&T) -> &str,
) -> Corpus {
    let threads = threads_for(items.len());
    let mut b = Builder::default();
    let mut items = items.into_iter();
    loop {
        let batch: Vec<T> = items.by_ref().take(BATCH).collect();
        if batch.is_empty() {
            break;
        }
        for steps in prepare_all(&batch, threads, &work, &path) {
            b.apply(steps);
        }
    }
    b.finish()
}

/// How many threads work out a load of `files` files: all cores when there
/// are enough files for it to pay, else one.
fn threads_for(files: usize) -> usize {
    if files < 64 {
        return 1;
    }
    std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .min(8)
}

/// Works out files on `threads` threads, taking files in turn from a shared
/// counter so that no thread idles while another has a long run left; a
/// thread that fails on a file (panics) makes an error of each file it had
/// not finished (named by `path`).
fn prepare_all<T: Sync>(
    files: &[T],
    threads: usize,
    work_out: &(impl Fn(&T) -> Vec<Step> + Sync),
    path: &impl Fn(&T) -> &str,
) -> Vec<Vec<Step>> {
    if threads < 2 {
        return files.iter().map(work_out).collect();
    }
    let next = std::sync::atomic::AtomicUsize::new(0);
    let work = || {
        let mut done = Vec::new();
        loop {
            let i = next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
            let Some(f) = files.get(i) else { break };
            done.push((i, work_out(f)));
        }
        done
    };
    let mut out: Vec<Option<Vec<Step>>> = Vec::new();
    out.resize_with(files.len(), || None);
    std::thread::scope(|scope| {
        let handles: Vec<_> = (0..threads).map(|_| scope.spawn(work)).collect();
        for h in handles {
            // A thread that panicked leaves its files unset: reported below.
            for (i, steps) in h.join().unwrap_or_default() {
                out[i] = Some(steps);
            }
        }
    });
    out.into_iter()
        .zip(files)
        .map(|(steps, f)| {
            steps.unwrap_or_else(|| {
                vec![Step::Error(LoadError::whole_file(
                    path(f),
                    "the parser failed on this file",
                ))]
            })
        })
        .collect()
}

/// Parses one file on its own: the check that needs no other file. A file
/// that fails is looked at again for all its problems (see [`diagnose`]).
pub fn parse_file(file: &SourceFile) -> Result<DossierFile, Box<Broken>> {
    if file.text.trim().is_empty() {
        return Err(Box::new(Broken {
            errors: vec![LoadError::whole_file(
                &file.path,
                "the file is empty: a dossier file needs a [dossier] table or [[reference]] entries",
            )],
            partial: None,
        }));
    }
    toml::from_str::<DossierFile>(&file.text).map_err(|e| Box::new(diagnose::diagnose(file, &e)))
}

/// What one file adds. A file that does not parse adds no nodes, only its
/// problems: those of the parser, then those the checks find in the tables
/// that did parse, checked on their own.
fn work_out(file: &SourceFile, resolver: &dyn Resolver) -> Vec<Step> {
    match parse_file(file) {
        Ok(parsed) => prepare::prepare(file, &parsed, resolver),
        Err(broken) => {
            let Broken { errors, partial } = *broken;
            let room = MAX_PER_FILE.saturating_sub(errors.len());
            let mut steps: Vec<Step> = errors.into_iter().map(Step::Error).collect();
            if let Some(p) = partial {
                let mut alone = Builder::default();
                alone.apply(prepare::prepare(file, &p, resolver));
                steps.extend(alone.errors.into_iter().take(room).map(Step::Error));
            }
            steps
        }
    }
}

#[derive(Default)]
struct Builder {
    nodes: Vec<Node>,
    /// Every id and alias: its node and where it was defined (the file is
    /// the node's).
    ids: FastMap<String, (NodeIdx, Position)>,
    links: Vec<PendingLink>,
    sources: Vec<(NodeIdx, String, Position)>,
    errors: Vec<LoadError>,
    orders: FastMap<NodeIdx, i64>,
}

struct PendingLink {
    node: NodeIdx,
    target: String,
    position: Position,
}

impl Builder {
    /// Adds what one file worked out, checking its ids against the files
    /// before it.
    fn apply(&mut self, steps: Vec<Step>) {
        // The index each of the file's nodes got, `None` where not added.
        let mut added: Vec<Option<NodeIdx>> = Vec::new();
        let mut steps = steps.into_iter();
        while let Some(step) = steps.next() {
            match step {
                Step::Error(e) => self.errors.push(e),
                Step::Gate { id, pos, file } => {
                    if let Some(&(i, first)) = self.ids.get(&id) {
                        let message = format!(
                            "dossier `{id}` is defined twice: first in {}:{}:{}; this file is skipped",
                            self.nodes[i].file, first.line, first.col
                        );
                        self.errors.push(LoadError {
                            file,
                            position: Some(pos),
                            message,
                        });
                        return;
                    }
                }
                Step::Node(n) => {
                    let under = n.under;
                    let idx = self.add(*n, &added);
                    added.push(idx);
                    if idx.is_none() {
                        for s in steps.by_ref().take(under) {
                            if let Step::Node(_) = s {
                                added.push(None);
                            }
                        }
                    }
                }
            }
        }
    }

    /// Adds a node where its place says; its index, if added.
    fn add(&mut self, n: NewNode, added: &[Option<NodeIdx>]) -> Option<NodeIdx> {
        let NewNode {
            node,
            pos,
            links,
            place,
            ..
        } = n;
        match place {
            Place::Root {
                aliases,
                order,
                source,
            } => {
                let aliases = self.check_aliases(&node, aliases);
                let mut node = node;
                node.aliases = aliases.iter().map(|(a, _)| a.as_str().into()).collect();
                let i = self.push(node, pos, links)?;
                for (a, pos) in aliases {
                    self.ids.insert(a, (i, pos));
                }
                if let Some(o) = order {
                    self.orders.insert(i, o);
                }
                if let Some((s, at)) = source {
                    self.sources.push((i, s, at));
                }
                Some(i)
            }
            Place::Under(parent) => {
                let parent = added.get(parent).copied().flatten()?;
                let root = self.nodes[parent].root.unwrap_or(parent);
                // A section's earlier ids (see `import::ids`).
                let aliases = node.aliases.iter().map(|a| (a.to_string(), pos)).collect();
                let aliases = self.check_aliases(&node, aliases);
                let mut node = node;
                node.aliases = aliases.iter().map(|(a, _)| a.as_str().into()).collect();
                let i = self.push(node, pos, links)?;
                for (a, pos) in aliases {
                    self.ids.insert(a, (i, pos));
                }
                self.nodes[i].root = Some(root);
                self.nodes[i].parent = Some(parent);
                self.nodes[parent].children.push(i);
                Some(i)
            }
            Place::Reference => {
                if self.merge_reference(&node, pos) {
                    return None;
                }
                self.push(node, pos, links)
            }
        }
    }

    /// A dossier's earlier ids that are valid and not taken.
    fn check_aliases(
        &mut self,
        node: &Node,
        aliases: Vec<(String, Position)>,
    ) -> Vec<(String, Position)> {
        let mut kept = Vec::new();
        for (a, pos) in aliases {
            let message = if !valid_slug(&a, true) {
                format!("`{a}` is not a valid id: use lower-case letters, digits, `-` and `/`")
            } else if let Some(&(i, first)) = self.ids.get(&a) {
                format!(
                    "id `{a}` is defined twice: first in {}:{}:{}",
                    self.nodes[i].file, first.line, first.col
                )
            } else {
                kept.push((a, pos));
                continue;
            };
            self.errors.push(LoadError {
                file: node.file.to_string(),
                position: Some(pos),
                message,
            });
        }
        kept
    }

    /// Every document repeats the references it cites: one that names the
    /// same Kamerstuk again is the same reference, and adds only what the
    /// first lacked. True when `node` was such a repeat.
    fn merge_reference(&mut self, node: &Node, pos: Position) -> bool {
        let Some(&(i, _)) = self.ids.get(&node.id) else {
            return false;
        };
        let (Some(known), Some(meta)) = (self.nodes[i].reference.as_deref(), &node.reference)
        else {
            return false;
        };
        if known.kamerstuk().key() != meta.kamerstuk().key() {
            let message = format!(
                "reference `{}` is defined twice, for two Kamerstukken ({} and {})",
                node.id,
                known.kamerstuk().id(),
                meta.kamerstuk().id()
            );
            self.errors.push(LoadError {
                file: node.file.to_string(),
                position: Some(pos),
                message,
            });
        }
        let n = &mut self.nodes[i];
        if n.description.is_none() {
            n.description = node.description.clone();
        }
        if let Some(r) = n.reference.as_deref_mut()
            && r.year.is_none()
        {
            r.year = meta.year.clone();
        }
        true
    }

    /// Adds a node unless its id is taken; returns its index.
    fn push(
        &mut self,
        node: Node,
        pos: Position,
        links: Vec<(String, Position)>,
    ) -> Option<NodeIdx> {
        if let Some(&(i, first)) = self.ids.get(&node.id) {
            let msg = format!(
                "id `{}` is defined twice: first in {}:{}:{}",
                node.id, self.nodes[i].file, first.line, first.col
            );
            self.errors.push(LoadError {
                file: node.file.to_string(),
                position: Some(pos),
                message: msg,
            });
            return None;
        }
        let idx = self.nodes.len();
        self.ids.insert(node.id.clone(), (idx, pos));
        self.links
            .extend(links.into_iter().map(|(target, position)| PendingLink {
                node: idx,
                target,
                position,
            }));
        self.nodes.push(node);
        Some(idx)
    }

    fn finish(mut self) -> Corpus {
        // Links to ids that do not exist become plain text, and are reported.
        let mut missing: Vec<(NodeIdx, String)> = Vec::new();
        for link in std::mem::take(&mut self.links) {
            if !self.ids.contains_key(&link.target) {
                self.errors.push(LoadError {
                    file: self.nodes[link.node].file.to_string(),
                    position: Some(link.position),
                    message: format!(
                        "link to `{}`, which is not defined in any dossier file",
                        link.target
                    ),
                });
                missing.push((link.node, link.target));
            }
        }
        // One pass over each node's text, however many of its links miss.
        missing.sort_unstable();
        for group in missing.chunk_by(|a, b| a.0 == b.0) {
            let targets: HashSet<&str> = group.iter().map(|(_, t)| t.as_str()).collect();
            // A loader's bodies are held: it made them.
            if let Some(doc) = self.nodes[group[0].0].body.held_mut() {
                unlink(doc, &targets);
            }
        }
        for (node, source, position) in std::mem::take(&mut self.sources) {
            let file = self.nodes[node].file.to_string();
            match self.ids.get(&source) {
                Some(&(s, _)) if self.nodes[s].kind == NodeKind::Letter => {
                    self.nodes[node].source = Some(s)
                }
                Some(_) => self.errors.push(LoadError {
                    file,
                    position: Some(position),
                    message: format!("source `{source}` is not a letter (kind = \"letter\")"),
                }),
                None => self.errors.push(LoadError {
                    file,
                    position: Some(position),
                    message: format!("source `{source}` is not defined in any dossier file"),
                }),
            }
        }
        let roots = self.roots_in_order();
        let references = (0..self.nodes.len())
            .filter(|&i| self.nodes[i].kind == NodeKind::Reference)
            .collect();
        self.errors.sort_by(|a, b| {
            (&a.file, a.position.map(|p| (p.line, p.col)))
                .cmp(&(&b.file, b.position.map(|p| (p.line, p.col))))
        });
        Corpus::from_parts(self.nodes, roots, references, self.errors)
    }
}

impl Builder {
    /// Documents newest first, each followed by the topics that come from
    /// it in their `order` (order is per document), then topics whose
    /// document is not loaded.
    fn roots_in_order(&self) -> Vec<NodeIdx> {
        let nodes = &self.nodes;
        let mut docs: Vec<NodeIdx> = (0..nodes.len())
            .filter(|&i| nodes[i].kind == NodeKind::Letter)
            .collect();
        // Newest first; on one day the higher number first, by number, not
        // as text (`kst-36471-14` before `kst-36471-5`).
        docs.sort_by_cached_key(|&i| {
            let date = nodes[i].letter.as_ref().map(|m| {
                let (a, b, c, d) = m.sort_key();
                (a.to_string(), b.to_string(), c, d.to_string())
            });
            std::cmp::Reverse((date, crate::text::natural_key(&nodes[i].id)))
        });
        let mut topics: Vec<NodeIdx> = (0..nodes.len())
            .filter(|&i| nodes[i].kind == NodeKind::Dossier)
            .collect();
        topics.sort_by_key(|&i| {
            (
                self.orders.get(&i).copied().unwrap_or(i64::MAX),
                nodes[i].id.clone(),
            )
        });
        let mut by_source: FastMap<Option<NodeIdx>, Vec<NodeIdx>> = FastMap::default();
        for t in topics {
            by_source.entry(nodes[t].source).or_default().push(t);
        }
        let mut roots = Vec::with_capacity(nodes.len().min(docs.len() * 8));
        for d in docs {
            roots.push(d);
            roots.extend(by_source.remove(&Some(d)).unwrap_or_default());
        }
        roots.extend(by_source.remove(&None).unwrap_or_default());
        roots
    }
}

/// Turns links to any of `targets` into their plain label.
fn unlink(doc: &mut Document, targets: &HashSet<&str>) {
    for p in &mut doc.paragraphs {
        for s in &mut p.spans {
            if let Span::Link { label, target: t } = s
                && targets.contains(&**t)
            {
                *s = Span::Text(std::mem::take(label));
            }
        }
    }
}

/// `a-b`, and with `nested`, `a-b/c-d`.
pub(crate) fn valid_slug(id: &str, nested: bool) -> bool {
    let part_ok = |p: &str| {
        !p.is_empty()
            && p.chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
            && !p.starts_with('-')
    };
    if nested {
        id.split('/').all(part_ok)
    } else {
        part_ok(id)
    }
}

/// A path given in a dossier file must stay in the dossier folder.
pub fn check_relative_path(rel: &str) -> Result<(), String> {
    let p = std::path::Path::new(rel);
    if rel.is_empty() {
        return Err("the file path is empty".into());
    }
    if p.is_absolute() || rel.starts_with('/') || rel.starts_with('\\') || rel.contains(':') {
        return Err(format!(
            "`{rel}` is an absolute path: give a path relative to the dossier folder"
        ));
    }
    if p.components()
        .any(|c| matches!(c, std::path::Component::ParentDir))
        || rel.split(['/', '\\']).any(|c| c == "..")
    {
        return Err(format!(
            "`{rel}` leaves the dossier folder (`..`): files must stay inside it"
        ));
    }
    Ok(())
}

/// The byte offset where a TOML string's content starts, given the offset of
/// its opening quote: after `'''`/`"""` and the newline that may follow, or
/// after `'`/`"`.
fn string_content_start(text: &str, quote: usize) -> usize {
    let rest = &text[quote.min(text.len())..];
    let skip = if rest.starts_with("'''") || rest.starts_with("\"\"\"") {
        let after = &rest[3..];
        3 + if after.starts_with("\r\n") {
            2
        } else if after.starts_with('\n') {
            1
        } else {
            0
        }
    } else if rest.starts_with('\'') || rest.starts_with('"') {
        1
    } else {
        0
    };
    quote + skip
}

#[cfg(test)]
mod tests;
