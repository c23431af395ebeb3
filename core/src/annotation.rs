//! Annotations: a note, question, commitment (toezegging) or action pinned to
//! a node and, optionally, to an exact passage of its text.

use serde::{Deserialize, Serialize};

use crate::lang::Lang;
use crate::messages::messages;

/// What kind of annotation this is.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, Default,
)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    #[default]
    Note,
    Question,
    /// A commitment made to parliament.
    Toezegging,
    Action,
}

impl Kind {
    pub const ALL: [Kind; 4] = [Kind::Note, Kind::Question, Kind::Toezegging, Kind::Action];

    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Note => "note",
            Kind::Question => "question",
            Kind::Toezegging => "toezegging",
            Kind::Action => "action",
        }
    }

    /// A kind by any of its names, in any case: the stored name (`note`,
    /// `toezegging`) or the word of either language (`notitie`, `vraag`,
    /// `commitment`, `actie`).
    pub fn parse(s: &str) -> Option<Kind> {
        let s = s.trim();
        Kind::ALL.into_iter().find(|&k| {
            k.as_str().eq_ignore_ascii_case(s)
                || Lang::ALL
                    .iter()
                    .any(|&l| messages(l).shared.kind(k).eq_ignore_ascii_case(s))
        })
    }

    /// Toezeggingen and actions have an owner and a due date.
    pub fn has_owner(self) -> bool {
        matches!(self, Kind::Toezegging | Kind::Action)
    }
}

#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, Default,
)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    #[default]
    Open,
    Done,
}

impl Status {
    pub const ALL: [Status; 2] = [Status::Open, Status::Done];

    pub fn as_str(self) -> &'static str {
        match self {
            Status::Open => "open",
            Status::Done => "done",
        }
    }

    /// A status by its stored name or its word in either language
    /// (`open`, `done`, `afgerond`), in any case.
    pub fn parse(s: &str) -> Option<Status> {
        let s = s.trim();
        Status::ALL.into_iter().find(|&st| {
            st.as_str().eq_ignore_ascii_case(s)
                || Lang::ALL
                    .iter()
                    .any(|&l| messages(l).shared.status(st).eq_ignore_ascii_case(s))
        })
    }
}

/// An exact passage: the quoted text, some context on each side, and its
/// place in the node's text, in characters of `Document::plain()`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Quote {
    pub exact: String,
    #[serde(default)]
    pub prefix: String,
    #[serde(default)]
    pub suffix: String,
    /// Character offset of the first quoted character.
    pub start: usize,
    /// Character offset just past the last quoted character.
    pub end: usize,
    /// The words occurred more than once when captured: only the context
    /// can find the passage again, never the words alone.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub ambiguous: bool,
}

/// What an annotation is about.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Target {
    /// The root (dossier or letter) the node belongs to; for references the
    /// dossier the note was made from, else the reference itself.
    pub dossier: String,
    pub node: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub quote: Option<Quote>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Annotation {
    /// Stable and unique across people: see [`new_id`].
    pub id: String,
    pub target: Target,
    #[serde(default)]
    pub kind: Kind,
    pub body: String,
    #[serde(default)]
    pub tags: Vec<String>,
    #[serde(default)]
    pub status: Status,
    /// Who carries a toezegging or action out.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub owner: Option<String>,
    /// When it is due, `YYYY-MM-DD`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub due: Option<jiff::civil::Date>,
    pub author: String,
    pub created: jiff::Timestamp,
    pub updated: jiff::Timestamp,
}

/// A new id: the creation time in milliseconds and random bits, in base 36,
/// so ids sort by creation and two people never make the same one.
/// `entropy` comes from the caller (the core has no randomness source).
pub fn new_id(created: jiff::Timestamp, entropy: u64) -> String {
    let millis = u64::try_from(created.as_millisecond()).unwrap_or(0);
    format!("n{}-{}", base36(millis), base36(entropy & 0xFFFF_FFFF_FFFF))
}

fn base36(mut n: u64) -> String {
    const DIGITS: &[u8; 36] = b"0123456789abcdefghijklmnopqrstuvwxyz";
    let mut out = Vec::new();
    loop {
        out.push(DIGITS[(n % 36) as usize]);
        n /= 36;
        if n == 0 {
            break;
        }
    }
    out.reverse();
    String::from_utf8(out).unwrap_or_default()
}

/// Normalises a tag as typed: trimmed, inner whitespace collapsed, lower case.
pub fn normalise_tag(tag: &str) -> String {
    crate::text::collapse_whitespace(tag).to_lowercase()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_and_statuses_parse_their_names() {
        for k in Kind::ALL {
            assert_eq!(Kind::parse(k.as_str()), Some(k));
        }
        assert_eq!(Kind::parse("Toezegging"), Some(Kind::Toezegging));
        assert_eq!(Kind::parse("memo"), None);
        assert_eq!(Status::parse("DONE"), Some(Status::Done));
        assert_eq!(Status::parse("half"), None);
    }

    #[test]
    fn every_word_of_either_language_is_read() {
        for (word, kind) in [
            ("note", Kind::Note),
            ("notitie", Kind::Note),
            ("question", Kind::Question),
            ("vraag", Kind::Question),
            ("toezegging", Kind::Toezegging),
            ("commitment", Kind::Toezegging),
            ("action", Kind::Action),
            ("actie", Kind::Action),
            (" Vraag ", Kind::Question),
        ] {
            assert_eq!(Kind::parse(word), Some(kind), "{word}");
        }
        for (word, status) in [
            ("open", Status::Open),
            ("done", Status::Done),
            ("afgerond", Status::Done),
            ("Afgerond", Status::Done),
        ] {
            assert_eq!(Status::parse(word), Some(status), "{word}");
        }
    }

    #[test]
    fn ids_differ_by_time_and_entropy() {
        let t = jiff::Timestamp::from_millisecond(1_765_000_000_000).unwrap();
        let a = new_id(t, 1);
        assert_ne!(a, new_id(t, 2));
        assert!(a.starts_with('n'));
        assert_eq!(normalise_tag("  Grens   Beheer "), "grens beheer");
    }
}
