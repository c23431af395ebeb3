//! The note editor's fields as typed, and turning them into an annotation.
//! Kept apart from any widget so it can be tested on its own.

use crate::annotation::{Annotation, Kind, Status, normalise_tag};

/// The fields around the editor's text.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct NoteForm {
    pub kind: Kind,
    pub status: Status,
    /// Comma-separated, as typed.
    pub tags: String,
    pub owner: String,
    /// As typed: `YYYY-MM-DD` or `DD-MM-YYYY`, or empty.
    pub due: String,
}

/// A field that does not hold what it must.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum FormError {
    #[error("the due date `{0}` is not a date: write 2026-01-31 or 31-01-2026")]
    Due(String),
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
    /// `now`. Owner and due date are kept for the kinds that have them only.
    pub fn apply(
        &self,
        base: &Annotation,
        body: &str,
        now: jiff::Timestamp,
    ) -> Result<Annotation, FormError> {
        let due = parse_due(&self.due)?;
        let owner = Some(self.owner.trim().to_string()).filter(|o| !o.is_empty());
        let keeps = self.kind.has_owner();
        Ok(Annotation {
            kind: self.kind,
            status: self.status,
            body: body.trim_end().to_string(),
            tags: parse_tags(&self.tags),
            owner: if keeps { owner } else { None },
            due: if keeps { due } else { None },
            updated: now,
            ..base.clone()
        })
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

/// A due date as typed; empty is none.
pub fn parse_due(text: &str) -> Result<Option<jiff::civil::Date>, FormError> {
    let t = text.trim();
    if t.is_empty() {
        return Ok(None);
    }
    if let Ok(d) = t.parse::<jiff::civil::Date>() {
        return Ok(Some(d));
    }
    // The Dutch order, day first.
    let parts: Vec<&str> = t.split(['-', '/', '.']).collect();
    if let [d, m, y] = parts.as_slice()
        && y.len() == 4
        && let (Ok(d), Ok(m), Ok(y)) = (d.parse::<i8>(), m.parse::<i8>(), y.parse::<i16>())
        && let Ok(date) = jiff::civil::Date::new(y, m, d)
    {
        return Ok(Some(date));
    }
    Err(FormError::Due(t.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::annotation::Target;

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
        // A plain note has no owner or due date.
        let plain = NoteForm {
            kind: Kind::Note,
            ..form.clone()
        }
        .apply(&base(), "x", now)
        .unwrap();
        assert_eq!((plain.owner, plain.due), (None, None));
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
}
