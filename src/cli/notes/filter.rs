//! The filters of `notes list` and `notes export`, checked once and then
//! applied to each annotation.

use dossier_core::annotation::{Annotation, Kind, Status, normalise_tag};

use super::FilterArgs;

/// A filter whose values are known to be valid.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Filter {
    pub dossier: Option<String>,
    /// Normalised as tags are.
    pub tag: Option<String>,
    pub kind: Option<Kind>,
    pub status: Option<Status>,
}

/// A filter value that is not one of the known ones: bad usage (exit 2).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{0}")]
pub struct UsageError(pub String);

impl Filter {
    pub fn parse(args: &FilterArgs) -> Result<Filter, UsageError> {
        let kind = match args.kind.as_deref() {
            None => None,
            Some(k) => Some(Kind::parse(k).ok_or_else(|| {
                UsageError(format!(
                    "unknown kind `{}`: use note, question, toezegging or action",
                    dossier_core::text::sanitize_line(k)
                ))
            })?),
        };
        let status = match args.status.as_deref() {
            None => None,
            Some(s) => Some(Status::parse(s).ok_or_else(|| {
                UsageError(format!(
                    "unknown status `{}`: use open or done",
                    dossier_core::text::sanitize_line(s)
                ))
            })?),
        };
        Ok(Filter {
            dossier: args
                .dossier
                .as_deref()
                .map(|d| d.trim().trim_end_matches('/').to_string()),
            tag: args.tag.as_deref().map(normalise_tag),
            kind,
            status,
        })
    }

    pub fn matches(&self, a: &Annotation) -> bool {
        self.dossier.as_ref().is_none_or(|d| &a.target.dossier == d)
            && self
                .tag
                .as_ref()
                .is_none_or(|t| a.tags.iter().any(|x| &normalise_tag(x) == t))
            && self.kind.is_none_or(|k| a.kind == k)
            && self.status.is_none_or(|s| a.status == s)
    }
}

#[cfg(test)]
mod tests {
    use dossier_core::annotation::Target;

    use super::*;

    fn note(dossier: &str, kind: Kind, status: Status, tags: &[&str]) -> Annotation {
        let t = jiff::Timestamp::UNIX_EPOCH;
        Annotation {
            id: "n1".into(),
            target: Target {
                dossier: dossier.into(),
                node: dossier.into(),
                quote: None,
            },
            kind,
            body: String::new(),
            tags: tags.iter().map(|s| s.to_string()).collect(),
            status,
            owner: None,
            due: None,
            author: "a".into(),
            created: t,
            updated: t,
        }
    }

    fn args(
        dossier: Option<&str>,
        tag: Option<&str>,
        kind: Option<&str>,
        status: Option<&str>,
    ) -> FilterArgs {
        FilterArgs {
            dossier: dossier.map(Into::into),
            tag: tag.map(Into::into),
            kind: kind.map(Into::into),
            status: status.map(Into::into),
        }
    }

    fn matches(a: &Annotation, f: &FilterArgs) -> Result<bool, UsageError> {
        Ok(Filter::parse(f)?.matches(a))
    }

    #[test]
    fn every_filter_must_hold() {
        let a = note("ebsp", Kind::Question, Status::Open, &["Grens Beheer"]);
        assert!(matches(&a, &FilterArgs::default()).unwrap());
        assert!(
            matches(
                &a,
                &args(
                    Some("ebsp/"),
                    Some("grens  beheer"),
                    Some("Question"),
                    Some("open")
                )
            )
            .unwrap()
        );
        assert!(!matches(&a, &args(Some("c7"), None, None, None)).unwrap());
        assert!(!matches(&a, &args(None, Some("migratie"), None, None)).unwrap());
        assert!(!matches(&a, &args(None, None, Some("action"), None)).unwrap());
        assert!(!matches(&a, &args(None, None, None, Some("done"))).unwrap());
    }

    #[test]
    fn unknown_values_are_usage_errors() {
        let e = Filter::parse(&args(None, None, Some("memo"), None)).unwrap_err();
        assert!(e.0.contains("unknown kind `memo`"), "{e}");
        assert!(Filter::parse(&args(None, None, None, Some("half"))).is_err());
    }
}
