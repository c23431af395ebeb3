//! One annotation as one TOML file: what a person reads, diffs and backs up.

use dossier_core::LoadError;
use dossier_core::annotation::Annotation;

const HEADER: &str = "# An annotation made with dossier: one note per file, named by its id.\n\
# Edit with care; the format is described in docs/notes-store.md.\n\n";

/// The file's text for an annotation.
pub fn encode(a: &Annotation) -> Result<String, toml::ser::Error> {
    let body = toml::to_string_pretty(a)?;
    let end = if body.ends_with('\n') { "" } else { "\n" };
    Ok(format!("{HEADER}{body}{end}"))
}

/// Reads an annotation; `name` is the file, for messages.
pub fn decode(name: &str, bytes: &[u8]) -> Result<Annotation, LoadError> {
    let text = std::str::from_utf8(bytes).map_err(|e| {
        // Point at the first byte that is not UTF-8.
        let valid = std::str::from_utf8(&bytes[..e.valid_up_to()]).unwrap_or_default();
        LoadError::at(name, valid, valid.len(), "not UTF-8 text")
    })?;
    let a: Annotation = toml::from_str(text).map_err(|e| {
        LoadError::at(
            name,
            text,
            e.span().map_or(0, |s| s.start),
            e.message().trim().to_string(),
        )
    })?;
    let problem = if a.id.trim().is_empty() {
        Some(("id", "the id is empty"))
    } else if a.target.node.trim().is_empty() {
        Some(("node", "the target node is empty"))
    } else if a
        .target
        .quote
        .as_ref()
        .is_some_and(|q| q.exact.is_empty() || q.start >= q.end)
    {
        Some(("exact", "the quote is empty"))
    } else {
        None
    };
    match problem {
        Some((key, message)) => Err(LoadError::at(name, text, key_offset(text, key), message)),
        None => Ok(a),
    }
}

/// Where `key = …` starts, to point at it; the file's start otherwise.
pub fn key_offset(text: &str, key: &str) -> usize {
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        let trimmed = line.trim_start();
        if trimmed
            .strip_prefix(key)
            .is_some_and(|rest| rest.trim_start().starts_with('='))
        {
            return offset + line.len() - trimmed.len();
        }
        offset += line.len();
    }
    0
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;
    use crate::store::notes::tests::sample;

    #[test]
    fn the_file_is_readable_toml() {
        let text = encode(&sample("n1", "Eerste regel.\nTweede regel.")).unwrap();
        assert!(text.contains("kind = \"toezegging\""), "{text}");
        assert!(text.contains("exact = \"tweetrapssysteem\""), "{text}");
        assert!(text.contains("Tweede regel."), "{text}");
        assert_eq!(
            decode("n1.toml", text.as_bytes()).unwrap(),
            sample("n1", "Eerste regel.\nTweede regel.")
        );
    }

    #[test]
    fn errors_name_file_line_and_column() {
        let text = encode(&sample("n1", "x"))
            .unwrap()
            .replace("kind = \"toezegging\"", "kind = \"memo\"");
        let line = text.lines().position(|l| l.starts_with("kind")).unwrap() + 1;
        let e = decode("n1.toml", text.as_bytes()).unwrap_err();
        assert!(
            e.to_string()
                .starts_with(&format!("n1.toml:{line}:8: unknown variant `memo`")),
            "{e}"
        );
        let e = decode("n2.toml", b"id = \"n2\"\nbody = \"x\n").unwrap_err();
        assert!(e.to_string().starts_with("n2.toml:2:"), "{e}");
        let e = decode("n3.toml", b"id = \"\xff\"").unwrap_err();
        assert_eq!(e.to_string(), "n3.toml:1:7: not UTF-8 text");
        let empty = encode(&sample(" ", "x")).unwrap();
        assert!(
            decode("n4.toml", empty.as_bytes())
                .unwrap_err()
                .to_string()
                .contains("the id is empty")
        );
    }

    proptest! {
        #[test]
        fn any_text_survives_the_round_trip(body in any::<String>(), tag in any::<String>(), owner in any::<String>()) {
            let mut a = sample("n1", &body);
            a.tags.push(tag);
            a.owner = Some(owner);
            let text = encode(&a).unwrap();
            prop_assert_eq!(decode("n1.toml", text.as_bytes()).unwrap(), a);
        }
    }
}
