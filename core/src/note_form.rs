//! The one note vocabulary both faces speak: a note's fields as typed (in
//! the editor or on the command line), read the same way — kinds and
//! statuses in Dutch or English, tags, owner, due dates in the forms people
//! write — and turned into an annotation; the constructor of a new note.
//! Kept apart from any widget so it can be tested on its own.

use crate::annotation::{Annotation, Kind, Quote, Status, Target, new_id, normalise_tag};
use crate::lang::Lang;
use crate::messages::{EN, messages};
use crate::model::{Corpus, NodeIdx};

/// The fields around the editor's text.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct NoteForm {
    pub kind: Kind,
    pub status: Status,
    /// Comma-separated, as typed.
    pub tags: String,
    pub owner: String,
    /// As typed (see [`parse_due`]), or empty.
    pub due: String,
}

/// A field that does not hold what it must. As an error it speaks
/// English, as the command line's errors do throughout.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum FormError {
    #[error("{}", (EN.notes.bad_due)(.0))]
    Due(String),
    #[error("{}", (EN.notes.bad_kind)(.0))]
    Kind(String),
    #[error("{}", (EN.notes.bad_status)(.0))]
    Status(String),
}

impl FormError {
    /// The message in `lang`, for the interface.
    pub fn message(&self, lang: Lang) -> String {
        let m = &messages(lang).notes;
        match self {
            FormError::Due(d) => (m.bad_due)(d),
            FormError::Kind(k) => (m.bad_kind)(k),
            FormError::Status(s) => (m.bad_status)(s),
        }
    }
}

impl NoteForm {
    pub fn from_note(a: &Annotation) -> NoteForm {
        NoteForm {
            kind: a.kind,
            status: a.status,
            tags: a.tags.join(", "),
            owner: a.owner.clone().unwrap_or_default(),
            due: a.due.map(|d| d.to_string()).unwrap_or_default(),
        }
    }

    /// `base` with the fields and `body` applied and `updated` set to
    /// `now`. An owner or due date is kept whatever the kind: it is the
    /// writer's, and a question may have to be answered by a date too.
    /// A field left as `base` shows it keeps `base`'s value byte for byte
    /// (a note is stored as written; only what was typed is read).
    pub fn apply(
        &self,
        base: &Annotation,
        body: &str,
        now: jiff::Timestamp,
    ) -> Result<Annotation, FormError> {
        let was = NoteForm::from_note(base);
        Ok(Annotation {
            kind: self.kind,
            status: self.status,
            body: if body == base.body {
                base.body.clone()
            } else {
                body.trim_end().to_string()
            },
            tags: if self.tags == was.tags {
                base.tags.clone()
            } else {
                parse_tags(&self.tags)
            },
            owner: if self.owner == was.owner {
                base.owner.clone()
            } else {
                parse_owner(&self.owner)
            },
            due: if self.due == was.due {
                base.due
            } else {
                parse_due(&self.due)?
            },
            updated: now,
            ..base.clone()
        })
    }

    /// Whether the owner and due date are worth showing: the kind has them,
    /// or the note holds them.
    pub fn shows_owner(&self) -> bool {
        self.kind.has_owner() || !self.owner.trim().is_empty() || !self.due.trim().is_empty()
    }

    /// The tag being typed: what follows the last comma.
    pub fn current_tag(&self) -> &str {
        self.tags.rsplit(',').next().unwrap_or("").trim_start()
    }

    /// Replaces the tag being typed by `tag`, ready for the next one.
    pub fn complete_tag(&mut self, tag: &str) {
        let keep = self.tags.rfind(',').map_or(0, |i| i + 1);
        self.tags.truncate(keep);
        if keep > 0 {
            self.tags.push(' ');
        }
        self.tags.push_str(tag);
        self.tags.push_str(", ");
    }
}

/// Changes to a note as words, as the command line gives them: each field
/// given replaces the note's, each left out keeps it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct NoteChanges {
    pub body: Option<String>,
    pub kind: Option<String>,
    pub status: Option<String>,
    /// Replaces every tag when given (an empty list removes them).
    pub tags: Option<Vec<String>>,
    /// Empty removes the owner.
    pub owner: Option<String>,
    /// Empty removes the due date.
    pub due: Option<String>,
}

/// [`NoteChanges`] read and checked: nothing in it can fail any more.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CheckedChanges {
    pub body: Option<String>,
    pub kind: Option<Kind>,
    pub status: Option<Status>,
    pub tags: Option<Vec<String>>,
    pub owner: Option<Option<String>>,
    pub due: Option<Option<jiff::civil::Date>>,
}

impl NoteChanges {
    /// Reads every word, before anything is loaded or written.
    pub fn check(&self) -> Result<CheckedChanges, FormError> {
        Ok(CheckedChanges {
            body: self.body.clone(),
            kind: self.kind.as_deref().map(parse_kind).transpose()?,
            status: self.status.as_deref().map(parse_status).transpose()?,
            tags: self.tags.as_ref().map(|t| parse_tags(&t.join(","))),
            owner: self.owner.as_deref().map(parse_owner),
            due: self.due.as_deref().map(parse_due).transpose()?,
        })
    }
}

impl CheckedChanges {
    /// Whether anything would change at all.
    pub fn is_empty(&self) -> bool {
        *self == CheckedChanges::default()
    }

    /// `base` with the changes made; `updated` is `now` when anything
    /// differs, else `base` comes back as it was.
    pub fn apply(&self, base: &Annotation, now: jiff::Timestamp) -> Annotation {
        let mut a = base.clone();
        if let Some(b) = &self.body {
            a.body = b.trim_end().to_string();
        }
        if let Some(k) = self.kind {
            a.kind = k;
        }
        if let Some(s) = self.status {
            a.status = s;
        }
        if let Some(t) = &self.tags {
            a.tags = t.clone();
        }
        if let Some(o) = &self.owner {
            a.owner = o.clone();
        }
        if let Some(d) = self.due {
            a.due = d;
        }
        if a != *base {
            a.updated = now;
        }
        a
    }
}

/// A new note on `node` of `corpus`, optionally on a passage of it, with
/// the defaults of the vocabulary (an open note, no tags) and an empty
/// body. `entropy` makes its id unique (see [`new_id`]).
pub fn new_note(
    corpus: &Corpus,
    node: NodeIdx,
    quote: Option<Quote>,
    author: String,
    now: jiff::Timestamp,
    entropy: u64,
) -> Annotation {
    let n = corpus.node(node);
    let dossier = corpus
        .root_of(node)
        .map_or_else(|| n.id.clone(), |r| corpus.node(r).id.clone());
    Annotation {
        id: new_id(now, entropy),
        target: Target {
            dossier,
            node: n.id.clone(),
            quote,
        },
        kind: Kind::default(),
        body: String::new(),
        tags: Vec::new(),
        status: Status::default(),
        owner: None,
        due: None,
        author,
        created: now,
        updated: now,
    }
}

/// A kind in either language (see [`Kind::parse`]).
pub fn parse_kind(text: &str) -> Result<Kind, FormError> {
    Kind::parse(text).ok_or_else(|| FormError::Kind(crate::text::sanitize_line(text.trim())))
}

/// A status in either language (see [`Status::parse`]).
pub fn parse_status(text: &str) -> Result<Status, FormError> {
    Status::parse(text).ok_or_else(|| FormError::Status(crate::text::sanitize_line(text.trim())))
}

/// An owner as typed: trimmed; empty is none.
pub fn parse_owner(text: &str) -> Option<String> {
    Some(text.trim().to_string()).filter(|o| !o.is_empty())
}

/// Tags from comma-separated text: normalised, without empties or repeats.
pub fn parse_tags(text: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for t in text.split(',').map(normalise_tag) {
        if !t.is_empty() && !out.contains(&t) {
            out.push(t);
        }
    }
    out
}

/// A due date as people write it; empty is none. `2026-01-15`,
/// `15-01-2026` (also with `/` or `.`), and `15 januari 2026` or
/// `15 January 2026` (a month's name in either language, or its first
/// three letters, in any case).
pub fn parse_due(text: &str) -> Result<Option<jiff::civil::Date>, FormError> {
    let t = text.trim();
    if t.is_empty() {
        return Ok(None);
    }
    if let Ok(d) = t.parse::<jiff::civil::Date>() {
        return Ok(Some(d));
    }
    day_first(t)
        .or_else(|| with_month_name(t))
        .map(Some)
        .ok_or_else(|| FormError::Due(crate::text::sanitize_line(t)))
}

/// `15-01-2026`, `15/01/2026`, `15.01.2026`: the Dutch order, day first.
fn day_first(t: &str) -> Option<jiff::civil::Date> {
    let parts: Vec<&str> = t.split(['-', '/', '.']).collect();
    let [d, m, y] = parts.as_slice() else {
        return None;
    };
    if y.len() != 4 {
        return None;
    }
    let (d, m, y) = (
        d.parse::<i8>().ok()?,
        m.parse::<i8>().ok()?,
        y.parse::<i16>().ok()?,
    );
    jiff::civil::Date::new(y, m, d).ok()
}

/// `15 januari 2026`, `15 Jan 2026`, `15 january, 2026`.
fn with_month_name(t: &str) -> Option<jiff::civil::Date> {
    let words: Vec<&str> = t
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|w| !w.is_empty())
        .collect();
    let [d, m, y] = words.as_slice() else {
        return None;
    };
    if y.len() != 4 {
        return None;
    }
    let d = d.trim_end_matches('.').parse::<i8>().ok()?;
    let y = y.parse::<i16>().ok()?;
    let m = month_number(m)?;
    jiff::civil::Date::new(y, m, d).ok()
}

/// The month a name means, in either language: whole (`maart`, `March`)
/// or its first three letters (`mrt` too, as Dutch abbreviates it).
fn month_number(name: &str) -> Option<i8> {
    let name = name.trim_end_matches('.').to_lowercase();
    if name == "mrt" {
        return Some(3);
    }
    let found = Lang::ALL.iter().find_map(|&l| {
        messages(l)
            .shared
            .months
            .iter()
            .position(|&m| m == name || (name.chars().count() == 3 && m.starts_with(&name)))
    })?;
    i8::try_from(found + 1).ok()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::annotation::Target;

    #[test]
    fn form_errors_speak_the_language_asked() {
        let e = FormError::Due("eind januari".into());
        let nl = e.message(Lang::Nl);
        assert!(
            nl.starts_with("de datum `eind januari` is geen datum"),
            "{nl}"
        );
        assert!(!nl.contains("the due date"), "{nl}");
        assert!(e.message(Lang::En).starts_with("the due date"));
    }

    fn base() -> Annotation {
        let t = jiff::Timestamp::UNIX_EPOCH;
        Annotation {
            id: "n1".into(),
            target: Target {
                dossier: "ebsp".into(),
                node: "ebsp".into(),
                quote: None,
            },
            kind: Kind::Note,
            body: String::new(),
            tags: vec![],
            status: Status::Open,
            owner: None,
            due: None,
            author: "ans".into(),
            created: t,
            updated: t,
        }
    }

    #[test]
    fn fields_left_as_they_were_keep_the_note_byte_for_byte() {
        let a = Annotation {
            body: "rood\u{1b}[31m\r\n  ".into(),
            tags: vec!["Grens, Beheer ".into()],
            owner: Some(" DGM\u{202e} ".into()),
            ..base()
        };
        let mut form = NoteForm::from_note(&a);
        form.status = Status::Done;
        let now = jiff::Timestamp::UNIX_EPOCH;
        let b = form.apply(&a, &a.body, now).unwrap();
        assert_eq!(b.status, Status::Done);
        assert_eq!((&b.body, &b.tags, &b.owner), (&a.body, &a.tags, &a.owner));
        // What is typed is read as ever.
        let c = form.apply(&a, "nieuw  \n", now).unwrap();
        assert_eq!(c.body, "nieuw");
    }

    #[test]
    fn fields_become_the_annotation() {
        let now = jiff::Timestamp::from_second(1_765_000_000).unwrap();
        let form = NoteForm {
            kind: Kind::Action,
            status: Status::Done,
            tags: "Grens, , migratie,grens".into(),
            owner: " DGM ".into(),
            due: "31-01-2026".into(),
        };
        let a = form.apply(&base(), "Bellen met BZ.\n\n", now).unwrap();
        assert_eq!(a.body, "Bellen met BZ.");
        assert_eq!(a.tags, ["grens", "migratie"]);
        assert_eq!(a.owner.as_deref(), Some("DGM"));
        assert_eq!(a.due, Some(jiff::civil::date(2026, 1, 31)));
        assert_eq!(
            (a.kind, a.status, a.updated, a.created),
            (Kind::Action, Status::Done, now, base().created)
        );
        assert_eq!(NoteForm::from_note(&a).due, "2026-01-31");
        // A plain note keeps an owner and a due date it was given.
        let plain = NoteForm {
            kind: Kind::Note,
            ..form.clone()
        }
        .apply(&base(), "x", now)
        .unwrap();
        assert_eq!(plain.owner.as_deref(), Some("DGM"));
        assert!(plain.due.is_some());
        let bad = NoteForm {
            due: "volgende week".into(),
            ..form
        };
        assert_eq!(
            bad.apply(&base(), "x", now),
            Err(FormError::Due("volgende week".into()))
        );
        assert_eq!(
            parse_due("31-02-2026"),
            Err(FormError::Due("31-02-2026".into()))
        );
    }

    #[test]
    fn the_tag_being_typed_is_completed() {
        let mut f = NoteForm {
            tags: "migratie, gre".into(),
            ..NoteForm::default()
        };
        assert_eq!(f.current_tag(), "gre");
        f.complete_tag("grensbeheer");
        assert_eq!(f.tags, "migratie, grensbeheer, ");
        assert_eq!(f.current_tag(), "");
        let mut g = NoteForm {
            tags: "gr".into(),
            ..NoteForm::default()
        };
        g.complete_tag("grens");
        assert_eq!(g.tags, "grens, ");
    }

    #[test]
    fn due_dates_are_read_in_the_forms_people_write() {
        let jan15 = Some(jiff::civil::date(2026, 1, 15));
        for typed in [
            "2026-01-15",
            "15-01-2026",
            "15/01/2026",
            "15.1.2026",
            "15 januari 2026",
            "15 Januari 2026",
            "15 january 2026",
            "15 January 2026",
            "15 jan 2026",
            "15 jan. 2026",
            " 15  januari, 2026 ",
        ] {
            assert_eq!(parse_due(typed), Ok(jan15), "{typed}");
        }
        assert_eq!(
            parse_due("3 mrt 2026"),
            Ok(Some(jiff::civil::date(2026, 3, 3)))
        );
        assert_eq!(
            parse_due("31 mei 2026"),
            Ok(Some(jiff::civil::date(2026, 5, 31)))
        );
        assert_eq!(
            parse_due("1 October 2026"),
            Ok(Some(jiff::civil::date(2026, 10, 1)))
        );
        assert_eq!(parse_due(""), Ok(None));
        for bad in [
            "31 februari 2026",
            "15 janu 2026",
            "15 januari 26",
            "morgen",
            "15-01-26",
        ] {
            assert!(parse_due(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn kinds_and_statuses_are_read_in_either_language() {
        assert_eq!(parse_kind("vraag"), Ok(Kind::Question));
        assert_eq!(parse_kind("Commitment"), Ok(Kind::Toezegging));
        assert_eq!(parse_status("afgerond"), Ok(Status::Done));
        assert_eq!(parse_kind("memo"), Err(FormError::Kind("memo".into())));
        let e = parse_status("half").unwrap_err().to_string();
        assert!(e.contains("unknown status `half`"), "{e}");
    }

    #[test]
    fn changes_replace_only_what_they_name() {
        let now = jiff::Timestamp::from_second(1_765_000_000).unwrap();
        let mut a = base();
        a.tags = vec!["grens".into()];
        a.owner = Some("DGM".into());
        let none = NoteChanges::default().check().unwrap();
        assert!(none.is_empty());
        assert_eq!(none.apply(&a, now), a, "nothing changed, nothing updated");
        let c = NoteChanges {
            kind: Some("actie".into()),
            status: Some("afgerond".into()),
            due: Some("15 januari 2026".into()),
            owner: Some(" ".into()),
            tags: Some(vec!["Migratie".into(), "migratie".into()]),
            body: None,
        }
        .check()
        .unwrap();
        let b = c.apply(&a, now);
        assert_eq!((b.kind, b.status), (Kind::Action, Status::Done));
        assert_eq!(b.due, Some(jiff::civil::date(2026, 1, 15)));
        assert_eq!(b.owner, None);
        assert_eq!(b.tags, ["migratie"]);
        assert_eq!((b.body.as_str(), b.updated), ("", now));
        let bad = NoteChanges {
            due: Some("31-02-2026".into()),
            ..NoteChanges::default()
        };
        assert_eq!(bad.check(), Err(FormError::Due("31-02-2026".into())));
    }

    #[test]
    fn a_new_note_belongs_to_the_dossier_of_its_node() {
        let c = crate::export::tests::corpus();
        let node = c.get("b/s1").unwrap();
        let now = jiff::Timestamp::from_second(1_765_000_000).unwrap();
        let a = new_note(&c, node, None, "ans".into(), now, 7);
        assert_eq!(
            (a.target.dossier.as_str(), a.target.node.as_str()),
            ("b", "b/s1")
        );
        assert_eq!(
            (a.kind, a.status, a.created, a.updated),
            (Kind::Note, Status::Open, now, now)
        );
        assert_ne!(a.id, new_note(&c, node, None, "ans".into(), now, 8).id);
        let r = c.get("ref-1").unwrap();
        assert_eq!(
            new_note(&c, r, None, "ans".into(), now, 1).target.dossier,
            "ref-1"
        );
    }
}
