//! A dossier file that does not deserialise as a whole: find its other
//! problems too, instead of only the first one serde meets. Only files that
//! failed come here, so a clean load pays nothing for it.
//!
//! A syntax error stops the TOML parser; the tables before the one it is in
//! are parsed again on their own and checked. Each table is deserialised on
//! its own, and a key that serde refuses is taken out and the table tried
//! again, so five unknown or mistyped keys give five messages. What did
//! deserialise comes back as a partial file, for the checks of the loader.

use serde::Deserialize;
use serde::de::DeserializeOwned;
use toml::Spanned;
use toml::de::{DeTable, DeValue, ValueDeserializer};

use super::SourceFile;
use crate::error::LoadError;
use crate::schema::{AnnexRaw, DossierFile, FootnoteRaw, ReferenceRaw};

/// At most this many problems are collected from one broken file.
pub const MAX_PER_FILE: usize = 20;

/// The TOML parser's nesting limit (tables, arrays and dotted keys).
const NESTING_LIMIT: usize = 80;

const TOP_LEVEL: &str =
    "`dossier`, `document`, `letter`, `section`, `annex`, `footnote`, `reference`";

/// A file that did not load: its problems, and the part that did parse.
#[derive(Debug)]
pub struct Broken {
    pub errors: Vec<LoadError>,
    /// The tables that deserialised (without the keys at fault), when the
    /// file's `[dossier]` and `[document]` tables are among them.
    pub partial: Option<DossierFile>,
}

/// An error from the TOML crate as a [`LoadError`] at its real position.
pub fn toml_error(file: &SourceFile, e: &toml::de::Error) -> LoadError {
    let offset = e
        .span()
        .map(|s| s.start)
        .or_else(|| deep_key(&file.text))
        .unwrap_or(0);
    LoadError::at(&file.path, &file.text, offset, e.message().trim())
}

/// The problems of `file`, whose first problem is `first`.
pub fn diagnose(file: &SourceFile, first: &toml::de::Error) -> Broken {
    let mut c = Collector {
        file,
        errors: Vec::new(),
    };
    let table = match DeTable::parse(&file.text) {
        Ok(t) => Some(t),
        Err(e) => {
            let at = toml_error(file, &e);
            let offset = e.span().map(|s| s.start).or_else(|| deep_key(&file.text));
            c.errors.push(at);
            offset.and_then(|o| DeTable::parse(&file.text[..table_start(&file.text, o)]).ok())
        }
    };
    let partial = table.and_then(|t| c.tables(t.get_ref()));
    if c.errors.is_empty() {
        c.errors.push(toml_error(file, first));
    }
    c.errors.truncate(MAX_PER_FILE);
    Broken {
        errors: c.errors,
        partial,
    }
}

struct Collector<'a> {
    file: &'a SourceFile,
    errors: Vec<LoadError>,
}

impl Collector<'_> {
    fn full(&self) -> bool {
        self.errors.len() >= MAX_PER_FILE
    }

    /// Checks each top-level table; returns what deserialised.
    fn tables(&mut self, root: &DeTable<'_>) -> Option<DossierFile> {
        let mut out = DossierFile {
            dossier: None,
            letter: None,
            section: Vec::new(),
            annex: Vec::new(),
            footnote: Vec::new(),
            reference: Vec::new(),
        };
        let mut head_failed = false;
        for (key, value) in root.iter() {
            match &**key.get_ref() {
                "dossier" => {
                    out.dossier = self.one(value);
                    head_failed |= out.dossier.is_none();
                }
                "letter" | "document" => {
                    out.letter = self.one(value);
                    head_failed |= out.letter.is_none();
                }
                "section" => out.section = self.many(value),
                "annex" => out.annex = self.many::<AnnexRaw>(value),
                "footnote" => out.footnote = self.many::<FootnoteRaw>(value),
                "reference" => out.reference = self.many::<ReferenceRaw>(value),
                other => self.errors.push(LoadError::at(
                    &self.file.path,
                    &self.file.text,
                    key.span().start,
                    format!("unknown field `{other}`, expected one of {TOP_LEVEL}"),
                )),
            }
        }
        if head_failed {
            // Without its head the rest of the file would only be reported
            // as orphaned: check its references alone.
            out.dossier = None;
            out.letter = None;
            out.section.clear();
            out.annex.clear();
            out.footnote.clear();
        }
        let has_any = out.dossier.is_some() || !out.reference.is_empty();
        has_any.then_some(out)
    }

    /// `[[name]]` entries, each checked on its own.
    fn many<T: DeserializeOwned>(&mut self, value: &Spanned<DeValue<'_>>) -> Vec<Spanned<T>> {
        match value.get_ref() {
            DeValue::Array(items) => items.iter().filter_map(|v| self.one(v)).collect(),
            _ => self
                .one::<Vec<Spanned<T>>>(value)
                .map_or_else(Vec::new, |v| v.into_inner()),
        }
    }

    /// One table: on each refusal the key at fault is taken out and the
    /// table tried again, while the problem can be pinned on a key. Returns
    /// the table without those keys, if it then deserialises.
    fn one<T: DeserializeOwned>(&mut self, value: &Spanned<DeValue<'_>>) -> Option<Spanned<T>> {
        let mut value = value.clone();
        let mut removed: Vec<String> = Vec::new();
        loop {
            let e = match Spanned::<T>::deserialize(ValueDeserializer::from(value.clone())) {
                Ok(t) => return Some(t),
                Err(e) => e,
            };
            // A key taken out for its value is not missing as well.
            let missing = e.message().strip_prefix("missing field `");
            if missing.is_some_and(|m| removed.iter().any(|k| m.starts_with(&format!("{k}`")))) {
                return None;
            }
            self.errors.push(toml_error(self.file, &e));
            let at = e.span().map(|s| s.start);
            let DeValue::Table(t) = value.get_mut() else {
                return None;
            };
            let culprit = at.and_then(|at| {
                t.iter()
                    .find(|(k, v)| k.span().contains(&at) || v.span().contains(&at))
                    .map(|(k, _)| k.clone())
            });
            match culprit {
                Some(k) if !self.full() => {
                    removed.push(k.get_ref().to_string());
                    t.remove(&k);
                }
                _ => return None,
            }
        }
    }
}

/// Where the table holding byte `offset` starts: the line of the nearest
/// table header at or before it, so that a table cut by a syntax error is
/// left out whole.
fn table_start(text: &str, offset: usize) -> usize {
    let offset = offset.min(text.len());
    let line = text[..offset].rfind('\n').map_or(0, |i| i + 1);
    if text[line..].trim_start().starts_with('[') {
        return line;
    }
    text[..line].rfind("\n[").map_or(0, |i| i + 1)
}

/// The start of the first line whose key has more dotted parts than the
/// parser nests: it reports that without a place.
fn deep_key(text: &str) -> Option<usize> {
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        let key = line.split(['=', '#']).next().unwrap_or_default();
        if key.matches('.').count() + 1 >= NESTING_LIMIT {
            return Some(offset + line.len() - line.trim_start().len());
        }
        offset += line.len();
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn broken(text: &str) -> Broken {
        let file = SourceFile {
            path: "x.toml".into(),
            text: text.into(),
        };
        let first = toml::from_str::<DossierFile>(text).unwrap_err();
        diagnose(&file, &first)
    }

    fn shown(b: &Broken) -> Vec<String> {
        b.errors.iter().map(|e| e.to_string()).collect()
    }

    #[test]
    fn every_refused_key_of_a_table_is_reported() {
        let b = broken(
            "[dossier]\nid = \"x\"\ncolour = 1\ntitle = 3\nsize = 2\n\n[[section]]\nid = \"x/a\"\ntitle = \"A\"\nwho = 1\n\n[[section]]\nid = \"x/b\"\n",
        );
        let e = shown(&b);
        assert_eq!(e.len(), 5, "{e:?}");
        assert!(
            e.iter()
                .any(|e| e.starts_with("x.toml:3:1: unknown field `colour`"))
        );
        assert!(e.iter().any(|e| e.starts_with("x.toml:4:9: invalid type")));
        assert!(
            e.iter()
                .any(|e| e.starts_with("x.toml:5:1: unknown field `size`"))
        );
        assert!(
            e.iter()
                .any(|e| e.starts_with("x.toml:10:1: unknown field `who`"))
        );
        assert!(
            e.iter()
                .any(|e| e.starts_with("x.toml:12:1:") && e.contains("missing field `title`")),
            "{e:?}"
        );
    }

    #[test]
    fn tables_before_a_syntax_error_are_still_checked() {
        let b = broken(
            "[[reference]]\nid = \"r\"\ntitle = \"R\"\nkind = \"boek\"\ndossier_number = \"1\"\nnumber = \"2\"\n\n[[reference]]\nid = \"s\"\ntitle = \n",
        );
        let e = shown(&b);
        assert_eq!(e.len(), 2, "{e:?}");
        assert!(e.iter().any(|e| e.starts_with("x.toml:10:")), "{e:?}");
        assert!(
            e.iter()
                .any(|e| e.starts_with("x.toml:4:8: unknown variant `boek`")),
            "{e:?}"
        );
    }

    #[test]
    fn problems_are_capped_per_file() {
        let mut text = String::from("[dossier]\nid = \"x\"\ntitle = \"X\"\n");
        for i in 0..100 {
            text.push_str(&format!("k{i} = 1\n"));
        }
        assert_eq!(broken(&text).errors.len(), MAX_PER_FILE);
    }

    #[test]
    fn a_key_nested_too_deep_is_placed_at_its_line() {
        let text = format!("[dossier]\nid = \"x\"\n  {}b = 1\n", "a.".repeat(100));
        let b = broken(&text);
        assert!(
            b.errors[0].to_string().starts_with("x.toml:3:3:"),
            "{:?}",
            b.errors
        );
    }

    #[test]
    fn what_deserialised_is_handed_on() {
        let b = broken(
            "[dossier]\nid = \"x\"\ntitle = \"X\"\nsource = \"b\"\n\n[[section]]\nid = \"x/a\"\ntitle = \"A\"\n\n[[section]]\nid = \"x/b\"\ntitel = \"B\"\n",
        );
        let p = b.partial.unwrap();
        assert!(p.dossier.is_some());
        assert_eq!(p.section.len(), 1);
    }
}
