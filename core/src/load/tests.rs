use super::*;

fn file(path: &str, text: &str) -> SourceFile {
    SourceFile {
        path: path.into(),
        text: text.into(),
    }
}

const LETTER: &str = r#"
[dossier]
id = "brief"
kind = "letter"
title = "Brief"
text = '''
Opening.
'''

[letter]
date = "2025-12-17"
reference = "7010422"
"#;

const TOPIC: &str = r#"
[dossier]
id = "ebsp"
title = "EBSP"
source = "brief"
tags = ["migratie"]
text = '''
Zoals gemeld[2](ebsp/fn-2), de VS.
Met Italië.
'''

[[section]]
id = "ebsp/uitkomst"
title = "Uitkomst"
text = "Zie [Kamerstuk 32317-973](kamerstuk-32317-973)."

[[footnote]]
id = "ebsp/fn-2"
number = 2
text = "Kamerstuk [32317-973](kamerstuk-32317-973)"
"#;

const REFS: &str = r#"
[[reference]]
id = "kamerstuk-32317-973"
title = "Kamerstuk 32317-973"
kind = "kamerstuk"
dossier_number = "32317"
number = "973"
"#;

fn good() -> Vec<SourceFile> {
    vec![
        file("brief.toml", LETTER),
        file("ebsp.toml", TOPIC),
        file("refs.toml", REFS),
    ]
}

fn errors(files: Vec<SourceFile>) -> Vec<String> {
    load(&files, &NoFiles)
        .errors
        .iter()
        .map(|e| e.to_string())
        .collect()
}

#[test]
fn a_good_folder_loads_with_links_and_backlinks() {
    let c = load(&good(), &NoFiles);
    assert!(c.errors.is_empty(), "{:?}", c.errors);
    let ebsp = c.get("ebsp").unwrap();
    assert_eq!(
        c.body(ebsp).unwrap().plain(),
        "Zoals gemeld2, de VS. Met Italië."
    );
    assert_eq!(c.node(ebsp).countries, vec!["Italië"]);
    assert_eq!(c.roots, vec![c.get("brief").unwrap(), ebsp]);
    assert_eq!(c.letter_of(c.get("ebsp/fn-2").unwrap()), c.get("brief"));
    let ks = c.get("kamerstuk-32317-973").unwrap();
    let from: Vec<&str> = c.backlinks[ks]
        .iter()
        .map(|b| c.node(b.from).id.as_str())
        .collect();
    assert_eq!(from, vec!["ebsp/uitkomst", "ebsp/fn-2"]);
    assert_eq!(c.references_cited_by(ebsp), vec![ks]);
    assert!(c.references_cited_by(c.get("brief").unwrap()).is_empty());
    assert!(
        c.references_cited_by(c.get("ebsp/uitkomst").unwrap())
            .is_empty()
    );
    // Found once and kept: the same answer again, and afresh after the
    // nodes are indexed again.
    assert_eq!(c.references_cited_by(ebsp), vec![ks]);
    let mut again = c.clone();
    again.reindex();
    assert_eq!(again.references_cited_by(ebsp), vec![ks]);
}

#[test]
fn unknown_fields_are_refused_with_their_position() {
    let bad = TOPIC.replace(
        "tags = [\"migratie\"]",
        "tags = [\"migratie\"]\ncolour = \"red\"",
    );
    let errs = errors(vec![
        file("brief.toml", LETTER),
        file("ebsp.toml", &bad),
        file("refs.toml", REFS),
    ]);
    assert_eq!(errs.len(), 1, "{errs:?}");
    assert!(
        errs[0].starts_with("ebsp.toml:7:1: unknown field `colour`"),
        "{}",
        errs[0]
    );
}

#[test]
fn missing_required_fields_are_named() {
    let bad = TOPIC.replace("title = \"EBSP\"\n", "");
    let errs = errors(vec![file("brief.toml", LETTER), file("ebsp.toml", &bad)]);
    assert!(
        errs.iter()
            .any(|e| e.starts_with("ebsp.toml:2:1:") && e.contains("missing field `title`")),
        "{errs:?}"
    );
}

#[test]
fn one_broken_file_does_not_hide_the_others() {
    let mut files = good();
    files.push(file("broken.toml", "[dossier\nid = 1"));
    let c = load(&files, &NoFiles);
    assert!(c.get("ebsp").is_some());
    assert_eq!(c.errors.len(), 1);
    assert!(
        c.errors[0].to_string().starts_with("broken.toml:1:"),
        "{}",
        c.errors[0]
    );
}

#[test]
fn ids_defined_twice_across_files_are_reported_with_the_first_place() {
    let mut files = good();
    files.push(file("zz-copy.toml", TOPIC));
    let errs = errors(files);
    assert_eq!(
        errs,
        vec![
            "zz-copy.toml:3:6: dossier `ebsp` is defined twice: first in ebsp.toml:3:6; this file is skipped"
        ]
    );
}

#[test]
fn links_to_missing_ids_are_reported_at_the_link() {
    let bad = TOPIC.replace("(kamerstuk-32317-973).\"", "(kamerstuk-1).\"");
    let c = load(
        &[
            file("brief.toml", LETTER),
            file("ebsp.toml", &bad),
            file("refs.toml", REFS),
        ],
        &NoFiles,
    );
    let errs: Vec<String> = c.errors.iter().map(|e| e.to_string()).collect();
    assert_eq!(
        errs,
        vec!["ebsp.toml:15:13: link to `kamerstuk-1`, which is not defined in any dossier file"]
    );
    // The broken link is kept as its words, not as a dead link.
    assert_eq!(
        c.by_id("ebsp/uitkomst")
            .unwrap()
            .document()
            .unwrap()
            .links()
            .count(),
        0
    );
}

#[test]
fn link_positions_inside_multiline_strings_are_exact() {
    let bad = TOPIC.replace("(ebsp/fn-2)", "(ebsp/fn-9)");
    let errs = errors(vec![
        file("brief.toml", LETTER),
        file("ebsp.toml", &bad),
        file("refs.toml", REFS),
    ]);
    assert_eq!(
        errs,
        vec!["ebsp.toml:8:13: link to `ebsp/fn-9`, which is not defined in any dossier file"]
    );
}

#[test]
fn markup_errors_carry_their_position() {
    let bad = TOPIC.replace("Met Italië.", "Met [Italië.");
    let errs = errors(vec![file("brief.toml", LETTER), file("ebsp.toml", &bad)]);
    assert!(
        errs[0].starts_with("ebsp.toml:9:5: `[` opens a link"),
        "{errs:?}"
    );
}

#[test]
fn file_references_may_not_leave_the_folder() {
    for path in ["../etc/passwd", "/etc/passwd", "a/../../b"] {
        let bad = TOPIC.replace(
            "text = \"Zie [Kamerstuk 32317-973](kamerstuk-32317-973).\"",
            &format!("file = \"{path}\""),
        );
        let errs = errors(vec![
            file("brief.toml", LETTER),
            file("ebsp.toml", &bad),
            file("refs.toml", REFS),
        ]);
        assert!(
            errs.iter().any(|e| e.starts_with("ebsp.toml:15:8:")
                && (e.contains("leaves the dossier folder") || e.contains("absolute"))),
            "{path}: {errs:?}"
        );
    }
}

#[test]
fn control_characters_are_made_visible_at_load() {
    let evil = TOPIC
        .replace("title = \"EBSP\"", "title = \"EB\\u001b[2JSP\\u202e\"")
        .replace("text = \"Zie", "text = \"Met \\u001bc\\u0007Italië. Zie");
    let c = load(
        &[
            file("brief.toml", LETTER),
            file("ebsp.toml", &evil),
            file("refs.toml", REFS),
        ],
        &NoFiles,
    );
    let n = c.by_id("ebsp").unwrap();
    assert_eq!(n.title, "EB␛[2JSP<U+202E>");
    assert!(
        c.by_id("ebsp/uitkomst")
            .unwrap()
            .document()
            .unwrap()
            .plain()
            .starts_with("Met ␛c␇Italië. Zie")
    );
    // A raw escape character is not even valid TOML: the file is refused.
    let raw = TOPIC.replace("Met Italië.", "Met \u{1b}[31mItalië.");
    assert_eq!(
        errors(vec![file("brief.toml", LETTER), file("ebsp.toml", &raw)]).len(),
        1
    );
}

#[test]
fn ids_must_sit_under_their_dossier() {
    let bad = TOPIC.replace("id = \"ebsp/uitkomst\"", "id = \"c7/uitkomst\"");
    let errs = errors(vec![
        file("brief.toml", LETTER),
        file("ebsp.toml", &bad),
        file("refs.toml", REFS),
    ]);
    assert!(
        errs.iter()
            .any(|e| e.starts_with("ebsp.toml:13:6:") && e.contains("must be `ebsp/`")),
        "{errs:?}"
    );
}

#[test]
fn empty_and_pathological_files_are_errors_not_panics() {
    let deep = "a = ".to_string() + &"[".repeat(100_000);
    for text in ["", "   \n", "\u{0}\u{1}\u{2}", &deep, "a = 1\na = 2"] {
        let c = load(&[file("x.toml", text)], &NoFiles);
        assert_eq!(c.errors.len(), 1, "{text:.20}");
        assert_eq!(c.errors[0].file, "x.toml");
    }
}

#[test]
fn many_errors_in_one_file_each_have_their_own_position() {
    // Ids before links, then bad ids after links: positions are asked out
    // of file order, and across many marks of a long file.
    let mut text = String::from(LETTER);
    let sections = 1000;
    for i in 0..sections {
        let id = if i % 2 == 0 {
            format!("brief/s{i}")
        } else {
            format!("s{i}")
        };
        text.push_str(&format!(
            "\n[[section]]\nid = \"{id}\"\ntitle = \"é{i}\"\ntext = \"[a](x{i}) [b](brief)\"\n"
        ));
    }
    let c = load(&[file("brief.toml", &text)], &NoFiles);
    let errs: Vec<String> = c.errors.iter().map(|e| e.to_string()).collect();
    assert_eq!(
        errs.len(),
        sections,
        "one per section: a bad id or a missing link"
    );
    let line_of = |needle: &str| text[..text.find(needle).unwrap()].matches('\n').count() + 1;
    for (i, e) in errs.iter().enumerate() {
        let expected = if i % 2 == 0 {
            format!(
                "brief.toml:{}:9: link to `x{i}`",
                line_of(&format!("[a](x{i})"))
            )
        } else {
            format!(
                "brief.toml:{}:6: `s{i}` is not a valid id here",
                line_of(&format!("\"s{i}\""))
            )
        };
        assert!(e.starts_with(&expected), "{e} is not {expected}");
    }
    // The missing links became text; the good ones stay links.
    let s = c.by_id("brief/s998").unwrap();
    assert_eq!(
        s.document()
            .unwrap()
            .links()
            .map(|(_, _, t)| t)
            .collect::<Vec<_>>(),
        ["brief"]
    );
}

#[test]
fn a_folder_loaded_in_batches_and_freed_as_it_goes_equals_one_loaded_whole() {
    // More files than a batch holds, with links from the first file to the
    // last and back, a duplicate id in the last batch, and the files given
    // out of order.
    let mut files = good();
    for i in 0..(BATCH + 100) {
        let next = (i + 1) % (BATCH + 100);
        files.push(file(
            &format!("t{i:05}.toml"),
            &format!(
                "[dossier]\nid = \"t{i}\"\ntitle = \"T {i}\"\nsource = \"brief\"\ntext = \"Zie [volgende](t{next}).\"\n"
            ),
        ));
    }
    files.push(file(
        "z-dup.toml",
        "[dossier]\nid = \"t3\"\ntitle = \"Dubbel\"\n",
    ));
    files.reverse();
    let whole = load(&files, &NoFiles);
    let owned = load_owned(files, &NoFiles);
    assert_eq!(owned.nodes, whole.nodes);
    assert_eq!(owned.roots, whole.roots);
    assert_eq!(owned.backlinks, whole.backlinks);
    assert_eq!(owned.errors.len(), 1, "{:?}", owned.errors);
    assert_eq!(
        owned
            .errors
            .iter()
            .map(|e| e.to_string())
            .collect::<Vec<_>>(),
        whole
            .errors
            .iter()
            .map(|e| e.to_string())
            .collect::<Vec<_>>()
    );
    // The last file's link reaches the first.
    let last = owned.get(&format!("t{}", BATCH + 99)).unwrap();
    let first = owned.get("t0").unwrap();
    assert!(owned.backlinks[first].iter().any(|b| b.from == last));
}

#[test]
fn files_read_by_the_loader_load_as_files_given_with_their_text() {
    // More files than a batch, read on the loader's threads; one that
    // cannot be read is a problem of that file, and the others still load.
    let mut files = good();
    for i in 0..(BATCH + 10) {
        files.push(file(
            &format!("t{i:05}.toml"),
            &format!(
                "[dossier]\nid = \"t{i}\"\ntitle = \"T {i}\"\nsource = \"brief\"\ntext = \"Zie [brief](brief).\"\n"
            ),
        ));
    }
    let texts: std::collections::HashMap<String, String> = files
        .iter()
        .map(|f| (f.path.clone(), f.text.clone()))
        .collect();
    let mut paths: Vec<String> = texts.keys().cloned().collect();
    paths.push("weg.toml".into());
    let read = |p: &str| {
        texts
            .get(p)
            .cloned()
            .ok_or_else(|| LoadError::whole_file(p, "cannot open: gone"))
    };
    let read_here = load_paths(paths, &read, &NoFiles);
    let given = load(&files, &NoFiles);
    assert_eq!(read_here.nodes, given.nodes);
    assert_eq!(read_here.roots, given.roots);
    assert_eq!(read_here.backlinks, given.backlinks);
    assert_eq!(
        read_here
            .errors
            .iter()
            .map(|e| e.to_string())
            .collect::<Vec<_>>(),
        ["weg.toml: cannot open: gone"]
    );
}

// --- the library: documents, aliases, references across files -----------

const DOC_978: &str = r#"
[dossier]
id = "kst-32317-978"
kind = "document"
title = "Agenda"
aliases = ["agenda-oud"]
text = "Tekst."

[document]
type = "Agenda"
date = "2025-11-21"
chamber = "tweede-kamer"
dossier_number = "32317"
number = "978"

[[section]]
id = "kst-32317-978/ebsp"
title = "EBSP"

[[footnote]]
id = "kst-32317-978/fn-1"
number = 1

[[reference]]
id = "kamerstuk-32317-973"
title = "Kamerstuk 32317-973"
kind = "kamerstuk"
dossier_number = "32317"
number = "973"
"#;

fn messages(c: &Corpus) -> Vec<String> {
    c.errors.iter().map(ToString::to_string).collect()
}

#[test]
fn a_document_has_its_identity_and_answers_to_its_aliases() {
    let c = load(
        &[file("a.toml", DOC_978), file("refs.toml", REFS)],
        &NoFiles,
    );
    assert!(c.errors.is_empty(), "{:?}", messages(&c));
    let doc = c.get("agenda-oud").unwrap();
    assert_eq!(c.node(doc).id, "kst-32317-978");
    let meta = c.node(doc).letter.as_deref().unwrap();
    assert_eq!(meta.doc_type, "agenda");
    assert_eq!(meta.kamerstuk.as_ref().unwrap().id(), "kst-32317-978");
    assert_eq!(
        meta.url.as_deref(),
        Some("https://zoek.officielebekendmakingen.nl/kst-32317-978.html")
    );
    // The reference repeated in two files is one node.
    assert_eq!(c.references.len(), 1);
    // A footnote without text is kept, empty, not refused.
    assert!(
        c.by_id("kst-32317-978/fn-1")
            .unwrap()
            .document()
            .unwrap()
            .is_empty()
    );
}

#[test]
fn a_reference_opens_its_document_and_the_document_is_cited_through_it() {
    let cited = DOC_978
        .replace("\"973\"", "\"978\"")
        .replace("32317-973", "32317-978");
    let citing = r#"
[dossier]
id = "brief"
kind = "letter"
title = "Brief"
text = "Zie [32317-978](kamerstuk-32317-978)."

[letter]
date = "2025-12-17"
reference = "1"
"#;
    let c = load(&[file("a.toml", &cited), file("b.toml", citing)], &NoFiles);
    assert!(c.errors.is_empty(), "{:?}", messages(&c));
    let r = c.get("kamerstuk-32317-978").unwrap();
    let doc = c.get("kst-32317-978").unwrap();
    assert_eq!(c.opens(r), Some(doc));
    let from: Vec<&str> = c.backlinks[doc]
        .iter()
        .map(|b| c.node(b.from).id.as_str())
        .collect();
    assert_eq!(from, ["brief"]);
    // Newest document first, each followed by its topics.
    let roots: Vec<&str> = c.roots.iter().map(|&r| c.node(r).id.as_str()).collect();
    assert_eq!(roots, ["brief", "kst-32317-978"]);
}

#[test]
fn library_mistakes_are_reported_with_their_position() {
    let cases = [
        (
            DOC_978.replace("chamber = \"tweede-kamer\"", "chamber = \"senaat\""),
            "`chamber` is",
        ),
        (
            DOC_978.replace("number = \"978\"\n", ""),
            "`dossier_number` needs `number`",
        ),
        (
            DOC_978.replace("number = 1\n", "number = 1\ntext = \"  \"\n"),
            "the footnote's text is empty",
        ),
        (
            DOC_978.replace(
                "aliases = [\"agenda-oud\"]",
                "aliases = [\"kst-32317-978/ebsp\"]",
            ),
            "defined twice",
        ),
        (
            DOC_978.replace("number = \"973\"", "number = \"974\""),
            "defined twice, for two Kamerstukken",
        ),
    ];
    for (text, want) in cases {
        let c = load(&[file("a.toml", &text), file("refs.toml", REFS)], &NoFiles);
        let m = messages(&c);
        assert!(
            m.iter().any(|e| e.contains(want) && e.contains(".toml:")),
            "{want}: {m:?}"
        );
    }
}

#[test]
fn a_file_with_several_problems_reports_each_and_adds_no_node() {
    let bad = TOPIC
        .replace(
            "tags = [\"migratie\"]",
            "tags = [\"migratie\"]\nkleur = \"rood\"",
        )
        .replace("id = \"ebsp/uitkomst\"", "id = \"Uitkomst\"")
        + "\n[[annex]]\nid = \"ebsp/b1\"\ntitle = \"B\"\nnummer = 1\n";
    let c = load(
        &[
            file("brief.toml", LETTER),
            file("ebsp.toml", &bad),
            file("refs.toml", REFS),
        ],
        &NoFiles,
    );
    let errs: Vec<String> = c.errors.iter().map(|e| e.to_string()).collect();
    assert_eq!(errs.len(), 3, "{errs:?}");
    assert!(
        errs[0].starts_with("ebsp.toml:7:1: unknown field `kleur`"),
        "{errs:?}"
    );
    assert!(
        errs[1].starts_with("ebsp.toml:14:6: `Uitkomst` is not a valid id"),
        "{errs:?}"
    );
    assert!(errs[2].contains("unknown field `nummer`"), "{errs:?}");
    assert!(c.get("ebsp").is_none(), "a broken file adds no nodes");
}

#[test]
fn an_annex_has_parts_and_footnotes_of_its_own() {
    let doc = format!(
        "{DOC_978}{}",
        r#"
[[annex]]
id = "kst-32317-978/bijlage-1"
label = "Bijlage 1"
title = "Verslag"
text = "Zie deel twee[1](kst-32317-978/bijlage-1/fn-1)."

[[annex.section]]
id = "kst-32317-978/bijlage-1/deel-2"
title = "Deel twee"
text = "Tekst van deel twee."

[[annex.footnote]]
id = "kst-32317-978/bijlage-1/fn-1"
number = 1
text = "De voetnoot van de bijlage."
"#
    );
    let c = load(&[file("a.toml", &doc), file("refs.toml", REFS)], &NoFiles);
    assert!(c.errors.is_empty(), "{:?}", messages(&c));
    let annex = c.get("kst-32317-978/bijlage-1").unwrap();
    let kids: Vec<&str> = c
        .node(annex)
        .children
        .iter()
        .map(|&k| c.node(k).id.as_str())
        .collect();
    assert_eq!(
        kids,
        [
            "kst-32317-978/bijlage-1/deel-2",
            "kst-32317-978/bijlage-1/fn-1"
        ]
    );
    // Document › annex › footnote, cited from the annex's text.
    let footnote = c.get("kst-32317-978/bijlage-1/fn-1").unwrap();
    assert_eq!(c.path(footnote).len(), 3);
    assert_eq!(c.backlinks[footnote].len(), 1);
}

#[test]
fn documents_of_one_day_stand_by_number_not_as_text() {
    let doc = |number: &str| {
        file(
            &format!("kst-36471-{number}.toml"),
            &format!(
                "[dossier]\nid = \"kst-36471-{number}\"\nkind = \"document\"\n\
                 title = \"Motie nr. {number}\"\ntext = \"Tekst.\"\n\n\
                 [document]\ntype = \"motie\"\ndate = \"2025-06-04\"\n\
                 dossier_number = \"36471\"\nnumber = \"{number}\"\nyear = \"2024-2025\"\n"
            ),
        )
    };
    let c = load(&[doc("5"), doc("14"), doc("9")], &NoFiles);
    assert!(c.errors.is_empty(), "{:?}", c.errors);
    let ids: Vec<&str> = c.roots.iter().map(|&r| c.node(r).id.as_str()).collect();
    // Newest first: on one day the higher number first.
    assert_eq!(ids, ["kst-36471-14", "kst-36471-9", "kst-36471-5"]);
}
