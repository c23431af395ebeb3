//! Builds a [`Corpus`] from the text of dossier files. Each file is parsed on
//! its own, so one broken file is reported and the others still load; ids,
//! links and sources are then checked across files.

use std::collections::{HashMap, HashSet};

use toml::Spanned;

use crate::countries::countries_in;
use crate::error::{LoadError, Position, Positions};
use crate::markup::parse_document;
use crate::model::{
    Chamber, Corpus, Document, Kamerstuk, LetterMeta, Node, NodeIdx, NodeKind, ReferenceMeta,
    Signatory, Span,
};

const CHAMBER_HELP: &str = "`chamber` is \"tweede-kamer\" or \"eerste-kamer\"";
use crate::schema::{
    AnnexRaw, DossierFile, DossierKindRaw, FootnoteRaw, ReferenceKindRaw, ReferenceRaw, SectionRaw,
};
use crate::text::{sanitize, sanitize_line};

mod diagnose;
pub use diagnose::{Broken, MAX_PER_FILE};

/// A dossier file: its path relative to the dossier folder, and its text.
#[derive(Debug, Clone)]
pub struct SourceFile {
    pub path: String,
    pub text: String,
}

/// Reads the text files a dossier refers to with `file = "…"`. The core has
/// no file system; the caller decides what reading means.
pub trait Resolver {
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

/// Files parsed at a time before they are added: the parsed form of a
/// file is larger than its text, and thousands of them held at once were
/// most of the memory a large load took.
const BATCH: usize = 1_024;

/// As [`load`], taking the files: each batch is freed once it is added,
/// so that the texts of a large folder are not all held until the end.
pub fn load_owned(mut files: Vec<SourceFile>, resolver: &dyn Resolver) -> Corpus {
    files.sort_by(|a, b| a.path.cmp(&b.path));
    let threads = threads_for(files.len());
    let mut b = Builder::default();
    let mut files = files.into_iter();
    loop {
        let batch: Vec<SourceFile> = files.by_ref().take(BATCH).collect();
        if batch.is_empty() {
            break;
        }
        b.add_batch(&batch, threads, resolver);
    }
    b.finish()
}

/// How many threads parse a load of `files` files: all cores when there
/// are enough files for it to pay (parsing TOML is most of the work of
/// loading), else one.
fn threads_for(files: usize) -> usize {
    if files < 64 {
        return 1;
    }
    std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .min(8)
}

/// Parses files on `threads` threads; a parser that fails on a file (a
/// thread that panics) makes an error of each of its files.
fn parse_all(files: &[SourceFile], threads: usize) -> Vec<Result<DossierFile, Box<Broken>>> {
    if threads < 2 {
        return files.iter().map(parse_file).collect();
    }
    let chunk = files.len().div_ceil(threads);
    std::thread::scope(|scope| {
        let handles: Vec<_> = files
            .chunks(chunk)
            .map(|part| scope.spawn(move || part.iter().map(parse_file).collect::<Vec<_>>()))
            .collect();
        handles
            .into_iter()
            .zip(files.chunks(chunk))
            .flat_map(|(h, part)| {
                h.join().unwrap_or_else(|_| {
                    part.iter()
                        .map(|f| {
                            Err(Box::new(Broken {
                                errors: vec![LoadError::whole_file(
                                    &f.path,
                                    "the parser failed on this file",
                                )],
                                partial: None,
                            }))
                        })
                        .collect()
                })
            })
            .collect()
    })
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

#[derive(Default)]
struct Builder {
    nodes: Vec<Node>,
    ids: HashMap<String, (NodeIdx, String, Position)>,
    links: Vec<PendingLink>,
    sources: Vec<(NodeIdx, String, String, Position)>,
    errors: Vec<LoadError>,
    orders: HashMap<NodeIdx, i64>,
}

struct PendingLink {
    node: NodeIdx,
    target: String,
    file: String,
    position: Position,
}

/// Where a text value came from, to turn offsets in it into file positions.
struct TextSource<'a> {
    file: &'a str,
    positions: &'a Positions<'a>,
    base: usize,
}

impl Builder {
    /// Parses a batch of files (in sorted order) on `threads` threads and
    /// adds them.
    fn add_batch(&mut self, batch: &[SourceFile], threads: usize, resolver: &dyn Resolver) {
        for (file, parsed) in batch.iter().zip(parse_all(batch, threads)) {
            self.add_file(file, parsed, resolver);
        }
    }

    fn add_file(
        &mut self,
        file: &SourceFile,
        parsed: Result<DossierFile, Box<Broken>>,
        resolver: &dyn Resolver,
    ) {
        let parsed = match parsed {
            Ok(p) => p,
            Err(broken) => {
                let Broken { errors, partial } = *broken;
                let room = diagnose::MAX_PER_FILE.saturating_sub(errors.len());
                self.errors.extend(errors);
                // The tables that did parse are checked on their own, in a
                // builder of their own: a broken file adds no nodes.
                if let Some(p) = partial {
                    let mut alone = Builder::default();
                    alone.add_file(file, Ok(p), resolver);
                    self.errors.extend(alone.errors.into_iter().take(room));
                }
                return;
            }
        };
        let f = FileCtx {
            path: &file.path,
            text: &file.text,
            positions: Positions::new(&file.text),
        };

        if parsed.dossier.is_none() {
            if let Some(l) = &parsed.letter {
                return self.errors.push(f.err(
                    l.span().start,
                    "a [letter] table belongs in a file with a [dossier] of kind = \"letter\"",
                ));
            }
            if let Some(s) = parsed
                .section
                .first()
                .map(|s| s.span().start)
                .or_else(|| parsed.annex.first().map(|s| s.span().start))
                .or_else(|| parsed.footnote.first().map(|s| s.span().start))
            {
                return self.errors.push(f.err(
                    s,
                    "sections, annexes and footnotes need a [dossier] table in the same file",
                ));
            }
            if parsed.reference.is_empty() {
                return self.errors.push(LoadError::whole_file(
                    &file.path,
                    "nothing to load: the file has no [dossier] table and no [[reference]] entries",
                ));
            }
        }

        let mut root = None;
        if let Some(d) = &parsed.dossier {
            let span = d.span();
            let d = d.get_ref();
            let kind = match d.kind {
                DossierKindRaw::Topic => NodeKind::Dossier,
                DossierKindRaw::Document | DossierKindRaw::Letter => NodeKind::Letter,
            };
            if !valid_slug(d.id.get_ref(), false) {
                return self.errors.push(f.err(
                    d.id.span().start,
                    format!(
                        "`{}` is not a valid dossier id: use lower-case letters, digits and `-`",
                        d.id.get_ref()
                    ),
                ));
            }
            if let Some((_, first_file, pos)) = self.ids.get(d.id.get_ref()) {
                let msg = format!(
                    "dossier `{}` is defined twice: first in {first_file}:{}:{}; this file is skipped",
                    d.id.get_ref(),
                    pos.line,
                    pos.col
                );
                return self.errors.push(f.err(d.id.span().start, msg));
            }
            let letter = match (kind, &parsed.letter) {
                (NodeKind::Letter, Some(l)) => match letter_meta(&f, l) {
                    Ok(m) => Some(m),
                    Err(e) => return self.errors.push(e),
                },
                (NodeKind::Letter, None) => {
                    return self.errors.push(f.err(span.start, "a dossier of kind = \"document\" (or \"letter\") needs a [document] table with at least its date"));
                }
                (_, Some(l)) => {
                    return self.errors.push(f.err(
                        l.span().start,
                        "a [document] or [letter] table needs kind = \"document\" in [dossier]",
                    ));
                }
                _ => None,
            };
            let body = self.body(&f, resolver, d.text.as_ref(), d.file.as_ref(), span.start);
            let mut node = new_node(d.id.get_ref(), kind, &d.title, file, body.0);
            node.tags = d
                .tags
                .iter()
                .map(|t| sanitize_line(t.trim()))
                .filter(|t| !t.is_empty())
                .collect();
            node.letter = letter.map(Box::new);
            let mut aliases = Vec::new();
            for a in &d.aliases {
                if !valid_slug(a.get_ref(), true) {
                    self.errors.push(f.err(
                        a.span().start,
                        format!(
                            "`{}` is not a valid id: use lower-case letters, digits, `-` and `/`",
                            a.get_ref()
                        ),
                    ));
                } else if let Some((_, first_file, pos)) = self.ids.get(a.get_ref()) {
                    let msg = format!(
                        "id `{}` is defined twice: first in {first_file}:{}:{}",
                        a.get_ref(),
                        pos.line,
                        pos.col
                    );
                    self.errors.push(f.err(a.span().start, msg));
                } else {
                    aliases.push((a.get_ref().clone(), f.pos(a.span().start)));
                }
            }
            node.aliases = aliases.iter().map(|(a, _)| a.as_str().into()).collect();
            let idx = self.push(node, &f, d.id.span().start, body.1);
            if let Some(i) = idx {
                for (a, pos) in aliases {
                    self.ids.insert(a, (i, file.path.clone(), pos));
                }
            }
            if let Some(i) = idx {
                self.nodes[i].root = None;
                if let Some(o) = d.order {
                    self.orders.insert(i, o);
                }
                match (kind, &d.source) {
                    (NodeKind::Dossier, Some(s)) => {
                        self.sources.push((
                            i,
                            s.get_ref().clone(),
                            file.path.clone(),
                            f.pos(s.span().start),
                        ));
                    }
                    (NodeKind::Dossier, None) => self.errors.push(f.err(
                        d.id.span().start,
                        "a topic dossier needs `source`: the id of the letter it comes from",
                    )),
                    (_, Some(s)) => self
                        .errors
                        .push(f.err(s.span().start, "a letter has no `source`")),
                    _ => {}
                }
            }
            root = idx;
        }

        if let Some(root) = root {
            let root_id = self.nodes[root].id.clone();
            for s in &parsed.section {
                self.section(&f, resolver, root, root, &root_id, s);
            }
            for a in &parsed.annex {
                self.annex(&f, resolver, root, &root_id, a);
            }
            for n in &parsed.footnote {
                self.footnote(&f, root, root, &root_id, n);
            }
        }
        for r in &parsed.reference {
            self.reference(&f, r);
        }
    }

    fn section(
        &mut self,
        f: &FileCtx,
        resolver: &dyn Resolver,
        root: NodeIdx,
        parent: NodeIdx,
        root_id: &str,
        s: &Spanned<SectionRaw>,
    ) {
        let raw = s.get_ref();
        if !self.check_child_id(f, &raw.id, root_id) {
            return;
        }
        let (body, links) = self.body(
            f,
            resolver,
            raw.text.as_ref(),
            raw.file.as_ref(),
            s.span().start,
        );
        let node = new_node(
            raw.id.get_ref(),
            NodeKind::Section,
            &raw.title,
            &f.source(),
            body,
        );
        if let Some(i) = self.push(node, f, raw.id.span().start, links) {
            self.attach(i, root, parent);
            for child in &raw.section {
                self.section(f, resolver, root, i, root_id, child);
            }
        }
    }

    fn annex(
        &mut self,
        f: &FileCtx,
        resolver: &dyn Resolver,
        root: NodeIdx,
        root_id: &str,
        a: &Spanned<AnnexRaw>,
    ) {
        let raw = a.get_ref();
        if !self.check_child_id(f, &raw.id, root_id) {
            return;
        }
        let (body, links) = self.body(
            f,
            resolver,
            raw.text.as_ref(),
            raw.file.as_ref(),
            a.span().start,
        );
        let mut node = new_node(
            raw.id.get_ref(),
            NodeKind::Annex,
            &raw.title,
            &f.source(),
            body,
        );
        node.url = raw.url.as_deref().map(|t| sanitize_line(t).into());
        node.label = raw.label.as_deref().map(|t| sanitize_line(t).into());
        if let Some(i) = self.push(node, f, raw.id.span().start, links) {
            self.attach(i, root, root);
            // An annex may have parts and footnotes of its own.
            for sec in &raw.section {
                self.section(f, resolver, root, i, root_id, sec);
            }
            for n in &raw.footnote {
                self.footnote(f, root, i, root_id, n);
            }
        }
    }

    fn footnote(
        &mut self,
        f: &FileCtx,
        root: NodeIdx,
        parent: NodeIdx,
        root_id: &str,
        n: &Spanned<FootnoteRaw>,
    ) {
        let raw = n.get_ref();
        if !self.check_child_id(f, &raw.id, root_id) {
            return;
        }
        let (body, links) = match &raw.text {
            Some(t) if t.get_ref().trim().is_empty() => {
                return self.errors.push(f.err(
                    t.span().start,
                    "the footnote's text is empty: leave `text` out when the source does not give it",
                ));
            }
            Some(t) => match self.parse_text(f, t) {
                Some(x) => x,
                None => return,
            },
            None => (Document::default(), Vec::new()),
        };
        let mut node = new_node(
            raw.id.get_ref(),
            NodeKind::Footnote,
            &format!("Voetnoot {}", raw.number),
            &f.source(),
            body,
        );
        node.number = Some(raw.number);
        if let Some(i) = self.push(node, f, raw.id.span().start, links) {
            self.attach(i, root, parent);
        }
    }

    fn reference(&mut self, f: &FileCtx, r: &Spanned<ReferenceRaw>) {
        let raw = r.get_ref();
        if !valid_slug(raw.id.get_ref(), false) {
            return self.errors.push(f.err(raw.id.span().start, format!("`{}` is not a valid reference id: use lower-case letters, digits and `-`, without `/`", raw.id.get_ref())));
        }
        let chamber = match &raw.chamber {
            None => Chamber::default(),
            Some(c) => match Chamber::parse(c.get_ref()) {
                Some(c) => c,
                None => return self.errors.push(f.err(c.span().start, CHAMBER_HELP)),
            },
        };
        let meta = ReferenceMeta {
            kind: match raw.kind {
                ReferenceKindRaw::Kamerstuk => "kamerstuk".into(),
                ReferenceKindRaw::Motie => "motie".into(),
            },
            dossier_number: sanitize_line(&raw.dossier_number),
            number: sanitize_line(&raw.number),
            chamber,
            year: raw.year.as_deref().map(sanitize_line),
        };
        // Every document repeats the references it cites: one that names
        // the same Kamerstuk again is the same reference.
        if let Some(&(i, ..)) = self.ids.get(raw.id.get_ref())
            && let Some(known) = self.nodes[i].reference.as_deref()
        {
            if known.kamerstuk().key() != meta.kamerstuk().key() {
                let msg = format!(
                    "reference `{}` is defined twice, for two Kamerstukken ({} and {})",
                    raw.id.get_ref(),
                    known.kamerstuk().id(),
                    meta.kamerstuk().id()
                );
                self.errors.push(f.err(raw.id.span().start, msg));
            }
            let n = &mut self.nodes[i];
            if n.description.is_none() {
                n.description = raw.description.as_deref().map(|t| sanitize_line(t).into());
            }
            if let Some(r) = n.reference.as_deref_mut()
                && r.year.is_none()
            {
                r.year = meta.year;
            }
            return;
        }
        let mut node = new_node(
            raw.id.get_ref(),
            NodeKind::Reference,
            &raw.title,
            &f.source(),
            Document::default(),
        );
        node.url = raw.url.as_deref().map(|t| sanitize_line(t).into());
        node.description = raw.description.as_deref().map(|t| sanitize_line(t).into());
        node.reference = Some(Box::new(meta));
        self.push(node, f, raw.id.span().start, Vec::new());
    }

    fn attach(&mut self, child: NodeIdx, root: NodeIdx, parent: NodeIdx) {
        self.nodes[child].root = Some(root);
        self.nodes[child].parent = Some(parent);
        self.nodes[parent].children.push(child);
    }

    fn check_child_id(&mut self, f: &FileCtx, id: &Spanned<String>, root_id: &str) -> bool {
        let value = id.get_ref();
        let ok = value
            .strip_prefix(root_id)
            .and_then(|r| r.strip_prefix('/'))
            .is_some_and(|rest| valid_slug(rest, true));
        if !ok {
            self.errors.push(f.err(id.span().start, format!("`{value}` is not a valid id here: it must be `{root_id}/` followed by lower-case letters, digits, `-` and `/`")));
        }
        ok
    }

    /// Adds a node unless its id is taken; returns its index.
    fn push(
        &mut self,
        node: Node,
        f: &FileCtx,
        id_offset: usize,
        links: Vec<(String, Position)>,
    ) -> Option<NodeIdx> {
        let pos = f.pos(id_offset);
        if let Some((_, first_file, first)) = self.ids.get(&node.id) {
            let msg = format!(
                "id `{}` is defined twice: first in {first_file}:{}:{}",
                node.id, first.line, first.col
            );
            self.errors.push(LoadError {
                file: f.path.to_string(),
                position: Some(pos),
                message: msg,
            });
            return None;
        }
        let idx = self.nodes.len();
        self.ids
            .insert(node.id.clone(), (idx, f.path.to_string(), pos));
        for (target, position) in links {
            self.links.push(PendingLink {
                node: idx,
                target,
                file: f.path.to_string(),
                position,
            });
        }
        self.nodes.push(node);
        Some(idx)
    }

    /// The body of a node from `text = …` or `file = …` (at most one).
    fn body(
        &mut self,
        f: &FileCtx,
        resolver: &dyn Resolver,
        text: Option<&Spanned<String>>,
        file: Option<&Spanned<String>>,
        table: usize,
    ) -> (Document, Vec<(String, Position)>) {
        match (text, file) {
            (Some(_), Some(p)) => {
                self.errors
                    .push(f.err(p.span().start, "give either `text` or `file`, not both"));
                (Document::default(), Vec::new())
            }
            (Some(t), None) => self.parse_text(f, t).unwrap_or_default(),
            (None, Some(p)) => self.read_file(f, resolver, p).unwrap_or_default(),
            (None, None) => {
                let _ = table;
                (Document::default(), Vec::new())
            }
        }
    }

    fn parse_text(
        &mut self,
        f: &FileCtx,
        t: &Spanned<String>,
    ) -> Option<(Document, Vec<(String, Position)>)> {
        let base = string_content_start(f.text, t.span().start);
        self.parse_markup(
            TextSource {
                file: f.path,
                positions: &f.positions,
                base,
            },
            t.get_ref(),
        )
    }

    fn read_file(
        &mut self,
        f: &FileCtx,
        resolver: &dyn Resolver,
        p: &Spanned<String>,
    ) -> Option<(Document, Vec<(String, Position)>)> {
        let rel = p.get_ref();
        if let Err(why) = check_relative_path(rel) {
            self.errors.push(f.err(p.span().start, why));
            return None;
        }
        match resolver.read(rel) {
            Ok(content) => self.parse_markup(
                TextSource {
                    file: rel,
                    positions: &Positions::new(&content),
                    base: 0,
                },
                &content,
            ),
            Err(why) => {
                self.errors.push(f.err(p.span().start, why));
                None
            }
        }
    }

    fn parse_markup(
        &mut self,
        src: TextSource,
        raw: &str,
    ) -> Option<(Document, Vec<(String, Position)>)> {
        match parse_document(raw) {
            Ok((doc, sites)) => {
                let links = sites
                    .into_iter()
                    .map(|s| {
                        (
                            sanitize_line(&s.target),
                            src.positions.at(src.base + s.offset),
                        )
                    })
                    .collect();
                Some((clean_document(doc), links))
            }
            Err(e) => {
                self.errors.push(LoadError {
                    file: src.file.to_string(),
                    position: Some(src.positions.at(src.base + e.offset)),
                    message: e.message,
                });
                None
            }
        }
    }

    fn finish(mut self) -> Corpus {
        // Links to ids that do not exist become plain text, and are reported.
        let mut missing: Vec<(NodeIdx, String)> = Vec::new();
        for link in std::mem::take(&mut self.links) {
            if !self.ids.contains_key(&link.target) {
                self.errors.push(LoadError {
                    file: link.file.clone(),
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
            unlink(&mut self.nodes[group[0].0].body, &targets);
        }
        for (node, source, file, position) in std::mem::take(&mut self.sources) {
            match self.ids.get(&source) {
                Some(&(s, ..)) if self.nodes[s].kind == NodeKind::Letter => {
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
        for node in &mut self.nodes {
            let mut text = node.title.clone();
            text.push('\n');
            text.push_str(&node.body.plain());
            node.countries = countries_in(&text);
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
        let date = |i: NodeIdx| nodes[i].letter.as_ref().map(|m| m.date.clone());
        docs.sort_by(|&a, &b| date(b).cmp(&date(a)).then(nodes[a].id.cmp(&nodes[b].id)));
        let mut topics: Vec<NodeIdx> = (0..nodes.len())
            .filter(|&i| nodes[i].kind == NodeKind::Dossier)
            .collect();
        topics.sort_by_key(|&i| {
            (
                self.orders.get(&i).copied().unwrap_or(i64::MAX),
                nodes[i].id.clone(),
            )
        });
        let mut by_source: HashMap<Option<NodeIdx>, Vec<NodeIdx>> = HashMap::new();
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

struct FileCtx<'a> {
    path: &'a str,
    text: &'a str,
    /// Errors and links come mostly in file order: see [`Positions`].
    positions: Positions<'a>,
}

impl FileCtx<'_> {
    fn err(&self, offset: usize, message: impl Into<String>) -> LoadError {
        LoadError {
            file: self.path.to_string(),
            position: Some(self.pos(offset)),
            message: message.into(),
        }
    }
    fn pos(&self, offset: usize) -> Position {
        self.positions.at(offset)
    }
    fn source(&self) -> SourceFile {
        SourceFile {
            path: self.path.to_string(),
            text: String::new(),
        }
    }
}

fn new_node(id: &str, kind: NodeKind, title: &str, file: &SourceFile, body: Document) -> Node {
    let title = sanitize_line(&crate::text::collapse_whitespace(title));
    Node::new(id, kind, title, &file.path, body)
}

fn letter_meta(
    f: &FileCtx,
    l: &Spanned<crate::schema::LetterRaw>,
) -> Result<LetterMeta, LoadError> {
    let l = l.get_ref();
    let date = l.date.get_ref();
    if jiff::civil::Date::strptime("%Y-%m-%d", date).is_err() {
        return Err(f.err(
            l.date.span().start,
            format!("`{date}` is not a date: write it as YYYY-MM-DD"),
        ));
    }
    let chamber = match &l.chamber {
        None => Chamber::default(),
        Some(c) => {
            Chamber::parse(c.get_ref()).ok_or_else(|| f.err(c.span().start, CHAMBER_HELP))?
        }
    };
    let kamerstuk = match (&l.dossier_number, &l.number) {
        (Some(d), Some(n)) => Some(Kamerstuk {
            dossier: sanitize_line(d.get_ref().trim()),
            number: sanitize_line(n.trim()),
        }),
        (None, None) => None,
        (Some(d), None) => {
            return Err(f.err(
                d.span().start,
                "`dossier_number` needs `number`: the document's number in that dossier",
            ));
        }
        (None, Some(_)) => {
            return Err(f.err(
                l.date.span().start,
                "`number` needs `dossier_number`: the Kamerstuk dossier it belongs to",
            ));
        }
    };
    let url = l
        .url
        .as_deref()
        .map(sanitize_line)
        .or_else(|| kamerstuk.as_ref().map(Kamerstuk::url));
    let line = |s: &Option<String>| {
        s.as_deref()
            .map(|t| sanitize_line(t.trim()))
            .filter(|t| !t.is_empty())
    };
    Ok(LetterMeta {
        date: date.clone(),
        reference: line(&l.reference),
        doc_type: line(&l.doc_type)
            .map(|t| t.to_lowercase())
            .unwrap_or_else(|| "brief".into()),
        chamber,
        kamerstuk,
        year: line(&l.year),
        dossier_title: line(&l.dossier_title),
        url,
        sender: l.sender.iter().map(|s| sanitize_line(s)).collect(),
        return_address: l.return_address.as_deref().map(sanitize_line),
        signatories: l
            .signatory
            .iter()
            .map(|s| Signatory {
                role: sanitize_line(&s.role),
                name: sanitize_line(&s.name),
            })
            .collect(),
    })
}

/// Cleans every piece of text in a parsed document (see [`sanitize`]).
fn clean_document(doc: Document) -> Document {
    let paragraphs = doc
        .paragraphs
        .into_iter()
        .map(|p| crate::model::Paragraph {
            spans: p
                .spans
                .into_iter()
                .map(|s| match s {
                    Span::Text(t) => Span::Text(sanitize(&t).into()),
                    Span::Link { label, target } => Span::Link {
                        label: sanitize_line(&label).into(),
                        target: sanitize_line(&target).into(),
                    },
                })
                .collect(),
        })
        .collect();
    Document { paragraphs }
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
fn valid_slug(id: &str, nested: bool) -> bool {
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
