//! Every message lives in the catalogue (`core/src/messages`): no code
//! elsewhere picks between a Dutch and an English text. A choice of words
//! by language written inline — `pick(nl, "…", "…")`, `if nl { "…" }`,
//! `Lang::Nl => "…"` — is what this refuses, in `src/` and `core/src/`
//! outside tests.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // test code

use std::path::{Path, PathBuf};

fn sources(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        if path.is_dir() {
            if name != "tests" && name != "messages" {
                sources(&path, out);
            }
        } else if name.ends_with(".rs") && name != "tests.rs" && !name.ends_with("_tests.rs") {
            out.push(path);
        }
    }
}

/// The lines of `text` that choose words by language: a `pick(…)`, or a
/// line that names a language (or a `nl` flag) where it or the next line
/// holds a string.
fn inline_choices(text: &str) -> Vec<(usize, String)> {
    // Test modules at the end of a file may name words in either language.
    let code = text.split("#[cfg(test)]").next().unwrap_or("");
    let lines: Vec<&str> = code.lines().collect();
    let mut found = Vec::new();
    for (i, line) in lines.iter().enumerate() {
        let code = line.split("//").next().unwrap_or("");
        let picks = code
            .match_indices("pick(")
            .any(|(at, _)| !code[..at].ends_with(|c: char| c.is_alphanumeric() || c == '_'));
        let chooses = code.contains("Lang::Nl")
            || code.contains("Lang::En")
            || code
                .split(|c: char| !c.is_alphanumeric() && c != '_')
                .any(|w| w == "nl");
        let next = lines.get(i + 1).map_or("", |l| l.trim_start());
        let string = code.contains('"') || next.contains('"');
        if picks || (chooses && string) {
            found.push((i + 1, line.trim().to_string()));
        }
    }
    found
}

#[test]
fn no_words_are_chosen_by_language_outside_the_catalogue() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    sources(&root.join("src"), &mut files);
    sources(&root.join("core/src"), &mut files);
    assert!(files.len() > 100, "found only {} files", files.len());
    let mut bad = Vec::new();
    for f in &files {
        let text = std::fs::read_to_string(f).unwrap();
        for (line, code) in inline_choices(&text) {
            bad.push(format!("{}:{line}: {code}", f.display()));
        }
    }
    assert!(
        bad.is_empty(),
        "words chosen by language outside core/src/messages; \
         add them to the catalogue instead:\n{}",
        bad.join("\n")
    );
}

#[test]
fn the_check_sees_the_phrasebook_styles_it_refuses() {
    for text in [
        "let p = |d, e| pick(nl, d, e);",
        "let nl = lang == Lang::Nl;\nlet t = if nl { \"ja\" } else { \"yes\" };",
        "match lang {\n    Lang::Nl => \"notitie\",\n    Lang::En => \"note\",\n}",
        "(Lang::Nl, true) => format!(\"{n} notities\"),",
        "let any = if lang == Lang::Nl { \"alle\" } else { \"any\" };",
    ] {
        assert!(!inline_choices(text).is_empty(), "{text}");
    }
    for text in [
        "write_in(Lang::En, path, fill)",
        "let m = messages(lang);\nlet t = m.shared.yes;",
        "#[cfg(test)]\nmod tests {\n    assert_eq!(t(Lang::Nl), \"ja\");\n}",
    ] {
        assert!(inline_choices(text).is_empty(), "{text}");
    }
}
