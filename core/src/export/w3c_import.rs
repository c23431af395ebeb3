//! Reading W3C Web Annotations back into notes: what [`super::w3c`] writes,
//! and what other tools write where it maps onto a note (textual bodies, a
//! target that is a node of these dossiers).

use serde_json::{Map, Value};

use super::w3c::{NOTE_URN, decode, parse_node_uri};
use crate::annotation::{Annotation, Kind, Quote, Status, Target};

/// One problem, with the id of the annotation it concerns when known (to
/// find its place in the file).
pub(crate) struct Problem {
    pub id: Option<String>,
    pub message: String,
}

/// The annotations of a collection (pages embedded), an array or one
/// annotation.
pub(crate) fn parse(doc: &Value) -> Result<Vec<Annotation>, Problem> {
    let problem = |message: String| Problem { id: None, message };
    let items: Vec<&Value> = match doc {
        Value::Array(items) => items.iter().collect(),
        Value::Object(o) if has_type(o, "AnnotationCollection") => {
            let mut items = Vec::new();
            let mut page = o.get("first");
            while let Some(p) = page {
                let Value::Object(p) = p else {
                    return Err(problem("the collection's pages are given by link only; an export with the annotations in it is needed".into()));
                };
                match p.get("items") {
                    Some(Value::Array(list)) => items.extend(list.iter()),
                    _ => return Err(problem("an AnnotationPage without `items`".into())),
                }
                page = p.get("next");
            }
            items
        }
        Value::Object(o) if has_type(o, "Annotation") => vec![doc],
        _ => return Err(problem("not a W3C Web Annotation document: expected an AnnotationCollection, an Annotation or an array of them".into())),
    };
    items
        .into_iter()
        .enumerate()
        .map(|(i, v)| {
            let id = v.get("id").and_then(Value::as_str).map(str::to_string);
            annotation(v).map_err(|m| Problem {
                message: format!(
                    "annotation {} ({}): {m}",
                    i + 1,
                    id.as_deref().unwrap_or("no id")
                ),
                id,
            })
        })
        .collect()
}

fn has_type(o: &Map<String, Value>, name: &str) -> bool {
    match o.get("type") {
        Some(Value::String(t)) => t == name,
        Some(Value::Array(ts)) => ts.iter().any(|t| t.as_str() == Some(name)),
        _ => false,
    }
}

/// A value or an array of values, as JSON-LD allows for most properties.
fn many(v: Option<&Value>) -> Vec<&Value> {
    match v {
        None | Some(Value::Null) => Vec::new(),
        Some(Value::Array(a)) => a.iter().collect(),
        Some(one) => vec![one],
    }
}

fn string<'a>(o: &'a Map<String, Value>, key: &str) -> Result<Option<&'a str>, String> {
    match o.get(key) {
        None | Some(Value::Null) => Ok(None),
        Some(Value::String(s)) => Ok(Some(s)),
        Some(_) => Err(format!("`{key}` must be a string")),
    }
}

fn annotation(v: &Value) -> Result<Annotation, String> {
    let Value::Object(o) = v else {
        return Err("not an object".into());
    };
    if !has_type(o, "Annotation") {
        return Err("its `type` is not Annotation".into());
    }
    let raw_id = string(o, "id")?.ok_or("it has no `id`")?;
    let id = match raw_id.strip_prefix(NOTE_URN) {
        Some(rest) => decode(rest).ok_or("its `id` has a broken percent-escape")?,
        None => local_id(raw_id),
    };
    let (body, tags) = bodies(o)?;
    let target = target(o)?;
    let kind = match string(o, "dossier:kind")? {
        Some(k) => Kind::parse(k).ok_or_else(|| format!("unknown kind `{k}`"))?,
        None if many(o.get("motivation"))
            .iter()
            .any(|m| m.as_str() == Some("questioning")) =>
        {
            Kind::Question
        }
        None => Kind::Note,
    };
    let status = match string(o, "dossier:status")? {
        Some(s) => Status::parse(s).ok_or_else(|| format!("unknown status `{s}`"))?,
        None => Status::Open,
    };
    let owner = string(o, "dossier:owner")?.map(str::to_string);
    let due = match string(o, "dossier:due")? {
        Some(d) => Some(
            d.parse::<jiff::civil::Date>()
                .map_err(|e| format!("`dossier:due` is not a date (YYYY-MM-DD): {e}"))?,
        ),
        None => None,
    };
    let time = |key: &str| -> Result<Option<jiff::Timestamp>, String> {
        string(o, key)?
            .map(|t| {
                t.parse::<jiff::Timestamp>()
                    .map_err(|e| format!("`{key}` is not a date and time: {e}"))
            })
            .transpose()
    };
    let (created, updated) = match (time("created")?, time("modified")?) {
        (Some(c), Some(m)) => (c, m),
        (Some(t), None) | (None, Some(t)) => (t, t),
        (None, None) => {
            return Err(
                "it has neither `created` nor `modified`, so it cannot be merged by time".into(),
            );
        }
    };
    let author = creator(o.get("creator"));
    Ok(Annotation {
        id,
        target,
        kind,
        body,
        tags,
        status,
        owner,
        due,
        author,
        created,
        updated,
    })
}

/// An id for an annotation made elsewhere: kept if it can name a note as
/// ours do (letters, digits, `-`, `_`, `.`), else `w3c-` and a hash of it,
/// the same every time, so importing it again finds the same note.
fn local_id(iri: &str) -> String {
    let plain = !iri.is_empty()
        && iri.len() <= 128
        && !iri.starts_with('.')
        && iri
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.'));
    if plain {
        return iri.to_string();
    }
    // FNV-1a: stable across versions and platforms, unlike std's hasher.
    let hash = iri.bytes().fold(0xcbf2_9ce4_8422_2325_u64, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    });
    format!("w3c-{hash:016x}")
}

/// The note's text (commenting bodies, and `bodyValue`) and its tags.
fn bodies(o: &Map<String, Value>) -> Result<(String, Vec<String>), String> {
    let mut texts = Vec::new();
    let mut tags = Vec::new();
    if let Some(v) = string(o, "bodyValue")? {
        texts.push(v.to_string());
    }
    for (i, b) in many(o.get("body")).into_iter().enumerate() {
        let Value::Object(b) = b else {
            return Err(format!(
                "body {} is a link, not text; only textual bodies can be imported",
                i + 1
            ));
        };
        let Some(value) = string(b, "value")? else {
            return Err(format!(
                "body {} has no text (`value`); only textual bodies can be imported",
                i + 1
            ));
        };
        if many(b.get("purpose"))
            .iter()
            .any(|p| p.as_str() == Some("tagging"))
        {
            tags.push(value.to_string());
        } else {
            texts.push(value.to_string());
        }
    }
    Ok((texts.join("\n\n"), tags))
}

fn target(o: &Map<String, Value>) -> Result<Target, String> {
    let targets = many(o.get("target"));
    let [t] = targets.as_slice() else {
        return Err(format!(
            "it has {} targets; a note has exactly one",
            targets.len()
        ));
    };
    let (source, scope, selectors) = match t {
        Value::String(s) => (s.as_str(), None, Vec::new()),
        Value::Object(t) => {
            let source = string(t, "source")?
                .or(string(t, "id")?)
                .ok_or("its target has no `source`")?;
            (source, string(t, "scope")?, many(t.get("selector")))
        }
        _ => return Err("its target is neither a link nor an object".into()),
    };
    let not_ours = |uri: &str| {
        format!(
            "the target `{uri}` is not a node of these dossiers (expected urn:dossier:LETTER:NODE)"
        )
    };
    let (_, node) = parse_node_uri(source).ok_or_else(|| not_ours(source))?;
    let dossier = match scope {
        Some(s) => parse_node_uri(s).ok_or_else(|| not_ours(s))?.1,
        None => node.split('/').next().unwrap_or(&node).to_string(),
    };
    Ok(Target {
        dossier,
        node,
        quote: quote(&selectors)?,
    })
}

/// A passage from a TextQuoteSelector, placed by a TextPositionSelector
/// (beside it, or refining it) where there is one; without one the offsets
/// are unknown (0 to the quote's length) and the passage is found again by
/// its text. A position selector that ends before it starts is refused,
/// also where there is no quote to place.
fn quote(selectors: &[&Value]) -> Result<Option<Quote>, String> {
    let objects: Vec<&Map<String, Value>> =
        selectors.iter().filter_map(|s| s.as_object()).collect();
    let refining = objects
        .iter()
        .flat_map(|s| many(s.get("refinedBy")))
        .filter_map(Value::as_object);
    let positions: Vec<&Map<String, Value>> = objects
        .iter()
        .copied()
        .chain(refining)
        .filter(|s| has_type(s, "TextPositionSelector"))
        .collect();
    let mut placed = None;
    for p in &positions {
        let pos = |k: &str| {
            p.get(k)
                .and_then(Value::as_u64)
                .and_then(|n| usize::try_from(n).ok())
                .ok_or(format!("its TextPositionSelector has no whole `{k}`"))
        };
        let (start, end) = (pos("start")?, pos("end")?);
        if start > end {
            return Err(format!(
                "its passage ends ({end}) before it starts ({start})"
            ));
        }
        placed.get_or_insert((start, end));
    }
    let Some(q) = objects.iter().find(|s| has_type(s, "TextQuoteSelector")) else {
        return Ok(None);
    };
    let exact = string(q, "exact")?
        .ok_or("its TextQuoteSelector has no `exact`")?
        .to_string();
    let prefix = string(q, "prefix")?.unwrap_or_default().to_string();
    let suffix = string(q, "suffix")?.unwrap_or_default().to_string();
    let (start, end) = placed.unwrap_or((0, exact.chars().count()));
    let ambiguous = q
        .get("dossier:ambiguous")
        .and_then(Value::as_bool)
        .unwrap_or(false);
    Ok(Some(Quote {
        exact,
        prefix,
        suffix,
        start,
        end,
        ambiguous,
    }))
}

/// The creator's name: a name or nickname, else the id; empty if none.
fn creator(v: Option<&Value>) -> String {
    let Some(first) = many(v).into_iter().next() else {
        return String::new();
    };
    match first {
        Value::String(s) => s.clone(),
        Value::Object(c) => ["name", "nickname", "id"]
            .iter()
            .find_map(|k| c.get(*k).and_then(Value::as_str))
            .unwrap_or_default()
            .to_string(),
        _ => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn foreign_annotations_map_onto_notes() {
        let doc = serde_json::json!({
            "@context": "http://www.w3.org/ns/anno.jsonld",
            "id": "http://example.org/anno/1",
            "type": "Annotation",
            "motivation": "questioning",
            "bodyValue": "Waarom?",
            "target": {"source": "urn:dossier:7010422:ebsp/fn-2", "selector": {"type": "TextQuoteSelector", "exact": "Kamerstuk"}},
            "modified": "2025-12-18T10:00:00Z"
        });
        let notes = parse(&doc).ok().unwrap();
        let n = &notes[0];
        assert_eq!(n.id, local_id("http://example.org/anno/1"));
        assert!(n.id.starts_with("w3c-") && n.id.len() == 20, "{}", n.id);
        assert_eq!(
            (n.kind, n.body.as_str(), n.created),
            (Kind::Question, "Waarom?", n.updated)
        );
        assert_eq!(
            (n.target.dossier.as_str(), n.target.node.as_str()),
            ("ebsp", "ebsp/fn-2")
        );
        let q = n.target.quote.as_ref().unwrap();
        assert_eq!((q.start, q.end), (0, 9));
    }

    #[test]
    fn what_cannot_be_a_note_is_refused() {
        let base = serde_json::json!({"id": "a", "type": "Annotation", "created": "2025-12-18T10:00:00Z", "target": "urn:dossier:-:b"});
        let with = |k: &str, v: serde_json::Value| {
            let mut d = base.clone();
            d[k] = v;
            parse(&d).err().map(|p| p.message).unwrap_or_default()
        };
        assert!(
            with("target", "https://example.org/page".into())
                .contains("not a node of these dossiers")
        );
        assert!(with("body", "https://example.org/image.png".into()).contains("link, not text"));
        assert!(with("created", "gisteren".into()).contains("not a date and time"));
        assert!(with("dossier:kind", "memo".into()).contains("unknown kind"));
        assert!(
            with(
                "target",
                serde_json::json!(["urn:dossier:-:b", "urn:dossier:-:c"])
            )
            .contains("2 targets")
        );
        assert!(parse(&base).is_ok());
    }

    #[test]
    fn a_position_that_ends_before_it_starts_is_refused_wherever_it_is() {
        let with = |selector: serde_json::Value| {
            let d = serde_json::json!({"id": "a", "type": "Annotation", "created": "2025-12-18T10:00:00Z",
                "target": {"source": "urn:dossier:-:b", "selector": selector}});
            parse(&d).err().map(|p| p.message).unwrap_or_default()
        };
        let backwards = serde_json::json!({"type": "TextPositionSelector", "start": 9, "end": 3});
        let quote = serde_json::json!({"type": "TextQuoteSelector", "exact": "Enhanced"});
        for selector in [
            serde_json::json!([quote.clone(), backwards.clone()]),
            backwards.clone(),
            serde_json::json!({"type": "TextQuoteSelector", "exact": "Enhanced", "refinedBy": backwards}),
        ] {
            assert!(
                with(selector.clone()).contains("ends (3) before it starts (9)"),
                "{selector}"
            );
        }
        let refined = serde_json::json!({"type": "TextQuoteSelector", "exact": "Enhanced",
            "refinedBy": {"type": "TextPositionSelector", "start": 4, "end": 12}});
        let d = serde_json::json!({"id": "a", "type": "Annotation", "created": "2025-12-18T10:00:00Z",
            "target": {"source": "urn:dossier:-:b", "selector": refined}});
        let Ok(mut notes) = parse(&d) else {
            panic!("refused")
        };
        let q = notes.remove(0).target.quote.unwrap();
        assert_eq!((q.start, q.end), (4, 12));
        assert!(with(quote).is_empty());
    }
}
