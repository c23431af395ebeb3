//! What more than one face says: the note vocabulary, the kinds of
//! document and node, dates, and the labels of a document's facts.

use crate::NodeKind;
use crate::annotation::{Kind, Status};
use crate::doc_kind::DocKind;
use crate::model::Node;

pub struct Shared {
    /// The kinds of note, in lower case.
    pub kinds: NoteKinds,
    /// The statuses, in lower case.
    pub open: &'static str,
    pub done: &'static str,
    /// The names of the twelve months, in lower case.
    pub months: [&'static str; 12],
    /// A day, a month's name and a year as a date: `17 december 2025`.
    pub date: fn(i8, &str, i16) -> String,
    /// Where a document gives no date.
    pub date_unknown: &'static str,
    /// `1 notitie`, `3 notities`.
    pub notes_count: fn(usize) -> String,
    /// The kinds of document, in lower case.
    pub doc_kinds: DocKinds,
    /// The kinds of node that are not documents, in lower case.
    pub node_kinds: NodeKinds,
    pub yes: &'static str,
    pub no: &'static str,
    /// `./dossiers` or `./config.toml` of the current folder in use
    /// (`what`) in place of the user's own.
    pub local_notice: fn(&str) -> String,

    // The labels of a document's facts and parts, in `show`, the text
    // pane and the exports.
    pub source: &'static str,
    /// Between a document and its date: `Motie van 4 juni 2025`.
    pub of: &'static str,
    /// Before a letter's own reference, in lower case.
    pub reference: &'static str,
    pub tags: &'static str,
    pub owner: &'static str,
    pub due: &'static str,
    pub countries: &'static str,
    pub citation: &'static str,
    /// A document's official address.
    pub url: &'static str,
    pub contents: &'static str,
    pub cited_by: &'static str,
    /// The other dossiers a node is in.
    pub also_in: &'static str,
    /// The notes, as a title: the export's, the notes pane's.
    pub notes: &'static str,
    /// A dossier as a kind of node, a filter and an order, in lower case.
    pub dossier: &'static str,
    /// An annex whose text the letter does not give.
    pub no_annex_text: &'static str,
    /// A footnote whose text the source does not give.
    pub no_footnote_text: &'static str,
}

pub struct NoteKinds {
    pub note: &'static str,
    pub question: &'static str,
    pub toezegging: &'static str,
    pub action: &'static str,
}

pub struct DocKinds {
    pub brief: &'static str,
    pub motie: &'static str,
    pub amendement: &'static str,
    pub verslag: &'static str,
    pub nota: &'static str,
    pub agenda: &'static str,
    pub wetsvoorstel: &'static str,
    pub memorie: &'static str,
    pub advies: &'static str,
    pub lijst: &'static str,
    pub jaarverslag: &'static str,
    pub kamerstuk: &'static str,
}

/// A letter is named as a document ([`DocKinds::brief`]) and a dossier
/// as [`Shared::dossier`].
pub struct NodeKinds {
    pub section: &'static str,
    pub footnote: &'static str,
    pub annex: &'static str,
    pub reference: &'static str,
}

impl Shared {
    /// A kind of note: `vraag`, `question`.
    pub fn kind(&self, k: Kind) -> &'static str {
        let w = &self.kinds;
        match k {
            Kind::Note => w.note,
            Kind::Question => w.question,
            Kind::Toezegging => w.toezegging,
            Kind::Action => w.action,
        }
    }

    /// A status: `afgerond`, `done`.
    pub fn status(&self, s: Status) -> &'static str {
        match s {
            Status::Open => self.open,
            Status::Done => self.done,
        }
    }

    /// A kind of document: `motie`, `motion`.
    pub fn doc_kind(&self, k: DocKind) -> &'static str {
        let w = &self.doc_kinds;
        match k {
            DocKind::Brief => w.brief,
            DocKind::Motie => w.motie,
            DocKind::Amendement => w.amendement,
            DocKind::Verslag => w.verslag,
            DocKind::Nota => w.nota,
            DocKind::Agenda => w.agenda,
            DocKind::Wetsvoorstel => w.wetsvoorstel,
            DocKind::Memorie => w.memorie,
            DocKind::Advies => w.advies,
            DocKind::Lijst => w.lijst,
            DocKind::Jaarverslag => w.jaarverslag,
            DocKind::Kamerstuk => w.kamerstuk,
        }
    }

    /// A kind of node: `paragraaf`, `section`.
    pub fn node_kind(&self, k: NodeKind) -> &'static str {
        let w = &self.node_kinds;
        match k {
            NodeKind::Letter => self.doc_kinds.brief,
            NodeKind::Dossier => self.dossier,
            NodeKind::Section => w.section,
            NodeKind::Footnote => w.footnote,
            NodeKind::Annex => w.annex,
            NodeKind::Reference => w.reference,
        }
    }

    /// What a node is, as a list names it: a document by its kind
    /// (`motie`, `brief`), any other node by its kind (`paragraaf`).
    pub fn node<B>(&self, n: &Node<B>) -> &'static str {
        match n.doc_kind() {
            Some(k) => self.doc_kind(k),
            None => self.node_kind(n.kind),
        }
    }

    /// `2025-12-17` → `17 december 2025` (or `17 December 2025`); anything
    /// that is not such a date as given.
    pub fn long_date(&self, iso: &str) -> String {
        match iso.trim().parse::<jiff::civil::Date>() {
            Ok(d) => {
                let month = usize::try_from(d.month() - 1)
                    .ok()
                    .and_then(|m| self.months.get(m))
                    .copied()
                    .unwrap_or("");
                (self.date)(d.day(), month, d.year())
            }
            Err(_) => iso.to_string(),
        }
    }

    /// A document's date as [`Shared::long_date`] writes it, or
    /// [`Shared::date_unknown`].
    pub fn document_date(&self, iso: Option<&str>) -> String {
        match iso {
            Some(d) => self.long_date(d),
            None => self.date_unknown.into(),
        }
    }
}
