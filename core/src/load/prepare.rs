//! One dossier file worked out on its own, with no other file in sight:
//! parsed, its nodes built with their cleaned text, links and countries,
//! and every mistake that needs no other file found. This is nearly all of
//! a load's work, and it runs on every core; what is left — ids and links
//! across files — is [`Step`]s applied in file order.

use toml::Spanned;

use crate::countries::countries_in;
use crate::error::{LoadError, Position, Positions};
use crate::markup::parse_clean_document;
use crate::model::Signatory;
use crate::model::{Chamber, Document, Kamerstuk, LetterMeta, Node, NodeKind, ReferenceMeta};
use crate::schema::{
    AnnexRaw, DossierFile, DossierKindRaw, FootnoteRaw, ReferenceKindRaw, ReferenceRaw, SectionRaw,
};
use crate::text::sanitize_line;

use super::{Resolver, SourceFile, check_relative_path, string_content_start, valid_slug};

const CHAMBER_HELP: &str = "`chamber` is \"tweede-kamer\" or \"eerste-kamer\"";

/// What a file adds, in the order its checks ran.
pub(super) enum Step {
    /// The file's dossier id: when another file has it, the rest of this
    /// file is skipped.
    Gate {
        id: String,
        pos: Position,
        file: String,
    },
    Error(LoadError),
    Node(Box<NewNode>),
}

/// A node to add, unless its id is taken.
pub(super) struct NewNode {
    pub node: Node,
    /// Where its id stands.
    pub pos: Position,
    /// Its links' targets, where each stands.
    pub links: Vec<(String, Position)>,
    pub place: Place,
    /// How many of the steps after this one belong under it: they are
    /// skipped when it is not added.
    pub under: usize,
}

pub(super) enum Place {
    /// The file's dossier, with what only a dossier has.
    Root {
        aliases: Vec<(String, Position)>,
        order: Option<i64>,
        source: Option<(String, Position)>,
    },
    /// Under the file's `n`th node (counted from 0, the dossier).
    Under(usize),
    Reference,
}

/// The steps of one file that parsed (or of the part of it that did).
pub(super) fn prepare(
    file: &SourceFile,
    parsed: &DossierFile,
    resolver: &dyn Resolver,
) -> Vec<Step> {
    let mut f = FileWork {
        path: &file.path,
        text: &file.text,
        positions: Positions::new(&file.text),
        resolver,
        steps: Vec::new(),
        nodes: 0,
    };
    f.file(parsed);
    f.steps
}

struct FileWork<'a> {
    path: &'a str,
    text: &'a str,
    /// Errors and links come mostly in file order: see [`Positions`].
    positions: Positions<'a>,
    resolver: &'a dyn Resolver,
    steps: Vec<Step>,
    /// Node steps so far.
    nodes: usize,
}

impl FileWork<'_> {
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

    fn error(&mut self, e: LoadError) {
        self.steps.push(Step::Error(e));
    }

    /// Adds a node step; returns its place in `steps`, to set its `under`
    /// once what belongs under it is known, and its number among the nodes.
    fn node(
        &mut self,
        node: Node,
        id_offset: usize,
        links: Vec<(String, Position)>,
        place: Place,
    ) -> (usize, usize) {
        let pos = self.pos(id_offset);
        self.steps.push(Step::Node(Box::new(NewNode {
            node,
            pos,
            links,
            place,
            under: 0,
        })));
        self.nodes += 1;
        (self.steps.len() - 1, self.nodes - 1)
    }

    /// Sets the `under` of the node step at `at`: every step since.
    fn close(&mut self, at: usize) {
        let under = self.steps.len() - at - 1;
        if let Some(Step::Node(n)) = self.steps.get_mut(at) {
            n.under = under;
        }
    }

    fn file(&mut self, parsed: &DossierFile) {
        if parsed.dossier.is_none() {
            if let Some(l) = &parsed.letter {
                let e = self.err(
                    l.span().start,
                    "a [letter] table belongs in a file with a [dossier] of kind = \"letter\"",
                );
                return self.error(e);
            }
            if let Some(s) = parsed
                .section
                .first()
                .map(|s| s.span().start)
                .or_else(|| parsed.annex.first().map(|s| s.span().start))
                .or_else(|| parsed.footnote.first().map(|s| s.span().start))
            {
                let e = self.err(
                    s,
                    "sections, annexes and footnotes need a [dossier] table in the same file",
                );
                return self.error(e);
            }
            if parsed.reference.is_empty() {
                return self.error(LoadError::whole_file(
                    self.path,
                    "nothing to load: the file has no [dossier] table and no [[reference]] entries",
                ));
            }
        }
        if let Some(d) = &parsed.dossier {
            let Some(root_id) = self.dossier(parsed, d) else {
                return;
            };
            for s in &parsed.section {
                self.section(0, &root_id, s);
            }
            for a in &parsed.annex {
                self.annex(&root_id, a);
            }
            for n in &parsed.footnote {
                self.footnote(0, &root_id, n);
            }
        }
        for r in &parsed.reference {
            self.reference(r);
        }
    }

    /// The dossier's steps; its id if the rest of the file may follow.
    fn dossier(
        &mut self,
        parsed: &DossierFile,
        d: &Spanned<crate::schema::DossierRaw>,
    ) -> Option<String> {
        let span = d.span();
        let d = d.get_ref();
        let kind = match d.kind {
            DossierKindRaw::Topic => NodeKind::Dossier,
            DossierKindRaw::Document | DossierKindRaw::Letter => NodeKind::Letter,
        };
        let id = d.id.get_ref();
        if !valid_slug(id, false) {
            let e = self.err(
                d.id.span().start,
                format!("`{id}` is not a valid dossier id: use lower-case letters, digits and `-`"),
            );
            self.error(e);
            return None;
        }
        let pos = self.pos(d.id.span().start);
        self.steps.push(Step::Gate {
            id: id.clone(),
            pos,
            file: self.path.to_string(),
        });
        let letter = match (kind, &parsed.letter) {
            (NodeKind::Letter, Some(l)) => match letter_meta(self, l) {
                Ok(m) => Some(m),
                Err(e) => {
                    self.error(e);
                    return None;
                }
            },
            (NodeKind::Letter, None) => {
                let e = self.err(span.start, "a dossier of kind = \"document\" (or \"letter\") needs a [document] table with at least its date");
                self.error(e);
                return None;
            }
            (_, Some(l)) => {
                let e = self.err(
                    l.span().start,
                    "a [document] or [letter] table needs kind = \"document\" in [dossier]",
                );
                self.error(e);
                return None;
            }
            _ => None,
        };
        let (body, links) = self.body(d.text.as_ref(), d.file.as_ref());
        let mut node = new_node(id, kind, &d.title, self.path, body);
        node.tags = d
            .tags
            .iter()
            .map(|t| sanitize_line(t.trim()))
            .filter(|t| !t.is_empty())
            .collect();
        node.letter = letter.map(Box::new);
        let aliases = d
            .aliases
            .iter()
            .map(|a| (a.get_ref().clone(), self.pos(a.span().start)))
            .collect();
        let source = d
            .source
            .as_ref()
            .map(|s| (s.get_ref().clone(), self.pos(s.span().start)));
        let source_error = match (kind, &d.source) {
            (NodeKind::Dossier, None) => Some(self.err(
                d.id.span().start,
                "a topic dossier needs `source`: the id of the letter it comes from",
            )),
            (NodeKind::Letter, Some(s)) => {
                Some(self.err(s.span().start, "a letter has no `source`"))
            }
            _ => None,
        };
        let place = Place::Root {
            aliases,
            order: d.order,
            source: source.filter(|_| kind == NodeKind::Dossier),
        };
        self.node(node, d.id.span().start, links, place);
        if let Some(e) = source_error {
            self.error(e);
        }
        Some(id.clone())
    }

    fn section(&mut self, parent: usize, root_id: &str, s: &Spanned<SectionRaw>) {
        let raw = s.get_ref();
        if !self.check_child_id(&raw.id, root_id) {
            return;
        }
        let (body, links) = self.body(raw.text.as_ref(), raw.file.as_ref());
        let mut node = new_node(
            raw.id.get_ref(),
            NodeKind::Section,
            &raw.title,
            self.path,
            body,
        );
        for a in &raw.aliases {
            if self.check_child_id(a, root_id) {
                node.aliases.push(a.get_ref().as_str().into());
            }
        }
        let (at, me) = self.node(node, raw.id.span().start, links, Place::Under(parent));
        for child in &raw.section {
            self.section(me, root_id, child);
        }
        self.close(at);
    }

    fn annex(&mut self, root_id: &str, a: &Spanned<AnnexRaw>) {
        let raw = a.get_ref();
        if !self.check_child_id(&raw.id, root_id) {
            return;
        }
        let (body, links) = self.body(raw.text.as_ref(), raw.file.as_ref());
        let mut node = new_node(
            raw.id.get_ref(),
            NodeKind::Annex,
            &raw.title,
            self.path,
            body,
        );
        node.url = raw.url.as_deref().map(|t| sanitize_line(t).into());
        node.label = raw.label.as_deref().map(|t| sanitize_line(t).into());
        let (at, me) = self.node(node, raw.id.span().start, links, Place::Under(0));
        // An annex may have parts and footnotes of its own.
        for sec in &raw.section {
            self.section(me, root_id, sec);
        }
        for n in &raw.footnote {
            self.footnote(me, root_id, n);
        }
        self.close(at);
    }

    fn footnote(&mut self, parent: usize, root_id: &str, n: &Spanned<FootnoteRaw>) {
        let raw = n.get_ref();
        if !self.check_child_id(&raw.id, root_id) {
            return;
        }
        let (body, links) = match &raw.text {
            Some(t) if t.get_ref().trim().is_empty() => {
                let e = self.err(
                    t.span().start,
                    "the footnote's text is empty: leave `text` out when the source does not give it",
                );
                return self.error(e);
            }
            Some(t) => match self.parse_text(t) {
                Some(x) => x,
                None => return,
            },
            None => (Document::default(), Vec::new()),
        };
        let mut node = new_node(
            raw.id.get_ref(),
            NodeKind::Footnote,
            &format!("Voetnoot {}", raw.number),
            self.path,
            body,
        );
        node.number = Some(raw.number);
        self.node(node, raw.id.span().start, links, Place::Under(parent));
    }

    fn reference(&mut self, r: &Spanned<ReferenceRaw>) {
        let raw = r.get_ref();
        if !valid_slug(raw.id.get_ref(), false) {
            let e = self.err(raw.id.span().start, format!("`{}` is not a valid reference id: use lower-case letters, digits and `-`, without `/`", raw.id.get_ref()));
            return self.error(e);
        }
        let chamber = match &raw.chamber {
            None => Chamber::default(),
            Some(c) => match Chamber::parse(c.get_ref()) {
                Some(c) => c,
                None => {
                    let e = self.err(c.span().start, CHAMBER_HELP);
                    return self.error(e);
                }
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
        let mut node = new_node(
            raw.id.get_ref(),
            NodeKind::Reference,
            &raw.title,
            self.path,
            Document::default(),
        );
        node.url = raw.url.as_deref().map(|t| sanitize_line(t).into());
        node.description = raw.description.as_deref().map(|t| sanitize_line(t).into());
        node.reference = Some(Box::new(meta));
        self.node(node, raw.id.span().start, Vec::new(), Place::Reference);
    }

    fn check_child_id(&mut self, id: &Spanned<String>, root_id: &str) -> bool {
        let value = id.get_ref();
        let ok = value
            .strip_prefix(root_id)
            .and_then(|r| r.strip_prefix('/'))
            .is_some_and(|rest| valid_slug(rest, true));
        if !ok {
            let e = self.err(id.span().start, format!("`{value}` is not a valid id here: it must be `{root_id}/` followed by lower-case letters, digits, `-` and `/`"));
            self.error(e);
        }
        ok
    }

    /// The body of a node from `text = …` or `file = …` (at most one).
    fn body(
        &mut self,
        text: Option<&Spanned<String>>,
        file: Option<&Spanned<String>>,
    ) -> (Document, Vec<(String, Position)>) {
        match (text, file) {
            (Some(_), Some(p)) => {
                let e = self.err(p.span().start, "give either `text` or `file`, not both");
                self.error(e);
                (Document::default(), Vec::new())
            }
            (Some(t), None) => self.parse_text(t).unwrap_or_default(),
            (None, Some(p)) => self.read_file(p).unwrap_or_default(),
            (None, None) => (Document::default(), Vec::new()),
        }
    }

    fn parse_text(&mut self, t: &Spanned<String>) -> Option<(Document, Vec<(String, Position)>)> {
        let base = string_content_start(self.text, t.span().start);
        match parse_clean_document(t.get_ref()) {
            Ok((doc, sites)) => {
                let links = sites
                    .into_iter()
                    .map(|s| (sanitize_line(&s.target), self.pos(base + s.offset)))
                    .collect();
                Some((doc, links))
            }
            Err(e) => {
                let pos = self.pos(base + e.offset);
                self.error(LoadError {
                    file: self.path.to_string(),
                    position: Some(pos),
                    message: e.message,
                });
                None
            }
        }
    }

    fn read_file(&mut self, p: &Spanned<String>) -> Option<(Document, Vec<(String, Position)>)> {
        let rel = p.get_ref();
        if let Err(why) = check_relative_path(rel) {
            let e = self.err(p.span().start, why);
            self.error(e);
            return None;
        }
        let content = match self.resolver.read(rel) {
            Ok(c) => c,
            Err(why) => {
                let e = self.err(p.span().start, why);
                self.error(e);
                return None;
            }
        };
        let positions = Positions::new(&content);
        match parse_clean_document(&content) {
            Ok((doc, sites)) => {
                let links = sites
                    .into_iter()
                    .map(|s| (sanitize_line(&s.target), positions.at(s.offset)))
                    .collect();
                Some((doc, links))
            }
            Err(e) => {
                self.error(LoadError {
                    file: rel.to_string(),
                    position: Some(positions.at(e.offset)),
                    message: e.message,
                });
                None
            }
        }
    }
}

/// A node with its title cleaned and the countries its title and text
/// name.
fn new_node(id: &str, kind: NodeKind, title: &str, file: &str, body: Document) -> Node {
    let title = sanitize_line(&crate::text::collapse_whitespace(title));
    let mut text = String::with_capacity(title.len() + 1);
    text.push_str(&title);
    text.push('\n');
    for (i, p) in body.paragraphs.iter().enumerate() {
        if i > 0 {
            text.push_str(crate::model::PARAGRAPH_SEPARATOR);
        }
        for s in &p.spans {
            text.push_str(s.text());
        }
    }
    let mut node = Node::new(id, kind, title, file, body);
    node.countries = countries_in(&text);
    node
}

fn letter_meta(
    f: &FileWork,
    l: &Spanned<crate::schema::LetterRaw>,
) -> Result<LetterMeta, LoadError> {
    let at = l.span().start;
    let l = l.get_ref();
    let date = match &l.date {
        Some(d) => {
            if jiff::civil::Date::strptime("%Y-%m-%d", d.get_ref()).is_err() {
                return Err(f.err(
                    d.span().start,
                    format!("`{}` is not a date: write it as YYYY-MM-DD", d.get_ref()),
                ));
            }
            Some(d.get_ref().clone())
        }
        None if l.year.as_deref().is_some_and(|y| !y.trim().is_empty()) => None,
        None => {
            return Err(f.err(
                at,
                "a document needs `date` (YYYY-MM-DD), or `year` (its vergaderjaar) when it gives no date",
            ));
        }
    };
    let chamber = match &l.chamber {
        None => Chamber::default(),
        Some(c) => {
            Chamber::parse(c.get_ref()).ok_or_else(|| f.err(c.span().start, CHAMBER_HELP))?
        }
    };
    let kamerstuk = match (&l.dossier_number, &l.number) {
        (Some(d), Some(n)) => Some(Kamerstuk::new(
            sanitize_line(d.get_ref().trim()),
            sanitize_line(n.trim()),
        )),
        (None, None) => None,
        (Some(d), None) => {
            return Err(f.err(
                d.span().start,
                "`dossier_number` needs `number`: the document's number in that dossier",
            ));
        }
        (None, Some(_)) => {
            return Err(f.err(
                at,
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
        date,
        reference: line(&l.reference),
        doc_type: line(&l.doc_type)
            .map(|t| t.to_lowercase())
            .unwrap_or_else(|| "brief".into()),
        chamber,
        kamerstuk,
        year: line(&l.year),
        dossier_title: line(&l.dossier_title),
        rijkswet: line(&l.rijkswet),
        subject: line(&l.subject),
        submitters: l
            .submitters
            .iter()
            .map(|s| sanitize_line(s.trim()))
            .filter(|s| !s.is_empty())
            .collect(),
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
