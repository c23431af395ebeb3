#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // test code
//! The interface's modules in layers: plain data (state, mode, action) at
//! the bottom, the keymap on it, the updates per screen on those, the
//! views on top, and the loop and its effect runners over all. This test
//! reads the paths of `src/tui/**/*.rs` (`use crate::tui::…`, `use
//! super::…`, and the same paths written inline), builds the graph of the
//! interface's modules and fails on a cycle: a module that depends, by
//! some road, on itself. Test code (`#[cfg(test)]`) is left out.
//!
//! The units of the graph are the modules directly under `tui` (a module
//! with its submodules is one unit: `update` holds `update::reader`), and
//! those under `tui::notes`, a folder of the annotation screens' own
//! modules; `tui` itself is the loop.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// A module's path from its file: `src/tui/update/reader.rs` is
/// `tui::update::reader`, `src/tui/view/mod.rs` is `tui::view`.
fn module_of(root: &Path, file: &Path) -> Vec<String> {
    let rel = file.strip_prefix(root).unwrap().with_extension("");
    let mut parts: Vec<String> = std::iter::once("tui".to_string())
        .chain(rel.iter().map(|p| p.to_string_lossy().into_owned()))
        .collect();
    if parts.last().is_some_and(|l| l == "mod") {
        parts.pop();
    }
    parts
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for e in std::fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        if p.is_dir() {
            rust_files(&p, out);
        } else if p.extension().is_some_and(|x| x == "rs") {
            out.push(p);
        }
    }
}

/// The text of `src` without comments, string and character literals
/// (blanked, so lines keep their numbers), and without the items marked
/// `#[cfg(test)]`; with the names of the test-only modules it declares.
fn production_code(src: &str) -> (String, Vec<String>) {
    let chars: Vec<char> = src.chars().collect();
    let mut code = String::with_capacity(src.len());
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let next = chars.get(i + 1).copied();
        if c == '/' && next == Some('/') {
            while i < chars.len() && chars[i] != '\n' {
                i += 1;
            }
        } else if c == '/' && next == Some('*') {
            while i + 1 < chars.len() && !(chars[i] == '*' && chars[i + 1] == '/') {
                code.push(if chars[i] == '\n' { '\n' } else { ' ' });
                i += 1;
            }
            i += 2;
        } else if c == 'r' && (next == Some('"') || next == Some('#')) && {
            let mut j = i + 1;
            while chars.get(j) == Some(&'#') {
                j += 1;
            }
            chars.get(j) == Some(&'"')
        } {
            let mut hashes = 0;
            i += 1;
            while chars[i] == '#' {
                hashes += 1;
                i += 1;
            }
            i += 1;
            loop {
                if i >= chars.len() {
                    break;
                }
                if chars[i] == '"' && (1..=hashes).all(|k| chars.get(i + k) == Some(&'#')) {
                    i += 1 + hashes;
                    break;
                }
                code.push(if chars[i] == '\n' { '\n' } else { ' ' });
                i += 1;
            }
            code.push_str("\"\"");
        } else if c == '"' {
            i += 1;
            while i < chars.len() && chars[i] != '"' {
                if chars[i] == '\\' {
                    i += 1;
                }
                if chars.get(i) == Some(&'\n') {
                    code.push('\n');
                }
                i += 1;
            }
            i += 1;
            code.push_str("\"\"");
        } else if c == '\''
            && (chars.get(i + 2) == Some(&'\'')
                || (next == Some('\\') && chars[i + 2..].iter().take(10).any(|&x| x == '\'')))
        {
            // A character literal ('{', '\n', '\u{1F}'), not a lifetime.
            i += 1;
            while i < chars.len() && chars[i] != '\'' {
                if chars[i] == '\\' {
                    i += 1;
                }
                i += 1;
            }
            i += 1;
            code.push_str("' '");
        } else {
            code.push(c);
            i += 1;
        }
    }
    // The items under `#[cfg(test)]`: a line ending in `;`, or a block.
    let mut out = String::with_capacity(code.len());
    let mut test_mods = Vec::new();
    let mut rest = code.as_str();
    while let Some(at) = rest.find("#[cfg(test)]") {
        out.push_str(&rest[..at]);
        let item = &rest[at..];
        let end = match (item.find(';'), item.find('{')) {
            (Some(semi), Some(brace)) if semi < brace => semi + 1,
            (Some(semi), None) => semi + 1,
            (_, Some(brace)) => {
                let mut depth = 0;
                let mut end = item.len();
                for (k, ch) in item[brace..].char_indices() {
                    match ch {
                        '{' => depth += 1,
                        '}' => {
                            depth -= 1;
                            if depth == 0 {
                                end = brace + k + 1;
                                break;
                            }
                        }
                        _ => {}
                    }
                }
                end
            }
            (None, None) => item.len(),
        };
        let skipped = &item[..end];
        let words: Vec<&str> = skipped
            .split(|c: char| !(c.is_alphanumeric() || c == '_'))
            .filter(|w| !w.is_empty())
            .collect();
        if let Some(m) = words.iter().position(|w| *w == "mod")
            && skipped.trim_end().ends_with(';')
        {
            test_mods.push(words[m + 1].to_string());
        }
        out.extend(skipped.chars().filter(|&c| c == '\n'));
        rest = &item[end..];
    }
    out.push_str(rest);
    (out, test_mods)
}

/// Every path that starts at `crate::tui`, `super`, `self` or a submodule
/// the file declares (`mod x;` … `x::f()`), with the line it is on: those
/// of `use` declarations expanded (`use super::{a, b::c}`), and those
/// written inline.
fn paths(code: &str) -> Vec<(usize, Vec<String>)> {
    let mut out = Vec::new();
    let line_of = |at: usize| code[..at].matches('\n').count() + 1;
    // `use` trees.
    let mut search = 0;
    while let Some(found) = find_word(code, "use", search) {
        let Some(semi) = code[found..].find(';') else {
            break;
        };
        let tree: String = code[found + 3..found + semi]
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        for p in expand(&tree) {
            out.push((line_of(found), p));
        }
        search = found + semi;
    }
    // Inline paths, whatever statement they are in.
    let bytes = code.as_bytes();
    let children: Vec<String> = code
        .lines()
        .filter_map(|l| {
            let l = l.trim();
            let rest = l
                .strip_prefix("pub(crate) mod ")
                .or_else(|| l.strip_prefix("pub mod "))
                .or_else(|| l.strip_prefix("mod "))?;
            rest.strip_suffix(';').map(|n| format!("{n}::"))
        })
        .collect();
    let starts = ["crate::tui::", "super::", "self::"].map(String::from);
    for start in starts.iter().chain(&children) {
        let start = start.as_str();
        let mut from = 0;
        while let Some(k) = code[from..].find(start) {
            let at = from + k;
            from = at + start.len();
            if at > 0
                && (bytes[at - 1].is_ascii_alphanumeric()
                    || bytes[at - 1] == b'_'
                    || bytes[at - 1] == b':')
            {
                continue;
            }
            let text = code[at..]
                .split(|c: char| !(c.is_alphanumeric() || c == '_' || c == ':'))
                .next()
                .unwrap_or("");
            // `super::{a, b}` is a `use` tree, read above.
            if text.ends_with("::") {
                continue;
            }
            let mut path: Vec<String> = text
                .split("::")
                .filter(|s| !s.is_empty())
                .map(str::to_string)
                .collect();
            if children.iter().any(|c| c == start) {
                path.insert(0, "self".into());
            }
            out.push((line_of(at), path));
        }
    }
    out
}

fn find_word(code: &str, word: &str, from: usize) -> Option<usize> {
    let bytes = code.as_bytes();
    let mut at = from;
    while let Some(k) = code[at..].find(word) {
        let i = at + k;
        let before = i == 0 || !(bytes[i - 1].is_ascii_alphanumeric() || bytes[i - 1] == b'_');
        let after = bytes
            .get(i + word.len())
            .is_some_and(|b| b.is_ascii_whitespace());
        if before && after {
            return Some(i);
        }
        at = i + word.len();
    }
    None
}

/// The paths of a `use` tree: `super::{a, b::{c, d}}` is `super::a`,
/// `super::b::c`, `super::b::d`; `x as y` is `x`.
fn expand(tree: &str) -> Vec<Vec<String>> {
    let tree = tree.trim();
    let Some(open) = tree.find('{') else {
        let path = tree.split(" as ").next().unwrap_or(tree);
        return vec![
            path.split("::")
                .map(str::trim)
                .filter(|s| !s.is_empty() && *s != "*" && *s != "self")
                .map(str::to_string)
                .collect(),
        ];
    };
    let prefix: Vec<String> = tree[..open]
        .split("::")
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_string)
        .collect();
    let inner = &tree[open + 1..tree.rfind('}').unwrap_or(tree.len())];
    // Split at the commas outside braces.
    let mut parts = Vec::new();
    let (mut depth, mut last) = (0, 0);
    for (i, c) in inner.char_indices() {
        match c {
            '{' => depth += 1,
            '}' => depth -= 1,
            ',' if depth == 0 => {
                parts.push(&inner[last..i]);
                last = i + 1;
            }
            _ => {}
        }
    }
    parts.push(&inner[last..]);
    parts
        .into_iter()
        .filter(|p| !p.trim().is_empty())
        .flat_map(expand)
        .map(|tail| prefix.iter().cloned().chain(tail).collect())
        .collect()
}

/// The module a path names, from module `here`: the longest known module
/// it starts with; `None` for a path outside the interface.
fn resolve(here: &[String], path: &[String], known: &BTreeSet<Vec<String>>) -> Option<Vec<String>> {
    let mut base: Vec<String>;
    let mut rest = path;
    match rest.first().map(String::as_str) {
        Some("crate") => {
            if rest.get(1).map(String::as_str) != Some("tui") {
                return None;
            }
            base = vec!["tui".into()];
            rest = &rest[2..];
        }
        Some("super") => {
            base = here.to_vec();
            while rest.first().map(String::as_str) == Some("super") {
                // Past `tui` only from a module written inline in it (the
                // benchmarks' `bench`), whose parent is `tui`.
                if base.len() > 1 {
                    base.pop();
                }
                rest = &rest[1..];
            }
        }
        Some("self") => {
            base = here.to_vec();
            rest = &rest[1..];
        }
        _ => return None,
    }
    let mut best = base.clone();
    for seg in rest {
        base.push(seg.clone());
        if known.contains(&base) {
            best = base.clone();
        } else {
            break;
        }
    }
    Some(best)
}

/// The unit of the graph a module belongs to.
fn unit(module: &[String]) -> String {
    let depth = if module.get(1).map(String::as_str) == Some("notes") {
        3
    } else {
        2
    };
    module[..module.len().min(depth)].join("::")
}

/// The units a view may sit over: it reads the state.
fn is_view(unit: &str) -> bool {
    unit == "tui::view"
        || unit == "tui::notes_bridge"
        || unit == "tui::notes::pane"
        || unit == "tui::notes::screen"
        || unit.ends_with("_view")
}

struct Graph {
    /// unit → unit it depends on → where (file:line) it does.
    edges: BTreeMap<String, BTreeMap<String, String>>,
}

fn graph() -> Graph {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/tui");
    let mut files = Vec::new();
    rust_files(&root, &mut files);
    files.sort();
    let mut code_of = BTreeMap::new();
    let mut test_only: BTreeSet<Vec<String>> = BTreeSet::new();
    for f in &files {
        let module = module_of(&root, f);
        let (code, tests) = production_code(&std::fs::read_to_string(f).unwrap());
        for t in tests {
            let mut m = module.clone();
            m.push(t);
            test_only.insert(m);
        }
        code_of.insert(module, (f.clone(), code));
    }
    // A module under a test-only module is test code too.
    code_of.retain(|m, _| !test_only.iter().any(|t| m.starts_with(t)));
    let known: BTreeSet<Vec<String>> = code_of.keys().cloned().collect();
    let mut edges: BTreeMap<String, BTreeMap<String, String>> = BTreeMap::new();
    for (module, (file, code)) in &code_of {
        let from = unit(module);
        edges.entry(from.clone()).or_default();
        for (line, path) in paths(code) {
            let Some(target) = resolve(module, &path, &known) else {
                continue;
            };
            let to = unit(&target);
            if to != from {
                let rel = file
                    .strip_prefix(Path::new(env!("CARGO_MANIFEST_DIR")))
                    .unwrap();
                edges
                    .entry(from.clone())
                    .or_default()
                    .entry(to)
                    .or_insert_with(|| format!("{}:{line}", rel.display()));
            }
        }
    }
    Graph { edges }
}

/// The strongly connected components with more than one unit (Tarjan).
fn cycles(g: &Graph) -> Vec<Vec<String>> {
    struct T<'a> {
        g: &'a Graph,
        index: BTreeMap<&'a str, usize>,
        low: BTreeMap<&'a str, usize>,
        stack: Vec<&'a str>,
        on: BTreeSet<&'a str>,
        out: Vec<Vec<String>>,
    }
    fn visit<'a>(t: &mut T<'a>, v: &'a str) {
        let n = t.index.len();
        t.index.insert(v, n);
        t.low.insert(v, n);
        t.stack.push(v);
        t.on.insert(v);
        for w in t.g.edges.get(v).into_iter().flat_map(|e| e.keys()) {
            let w = w.as_str();
            if !t.index.contains_key(w) {
                visit(t, w);
                let lw = t.low[w];
                let lv = t.low.get_mut(v).unwrap();
                *lv = (*lv).min(lw);
            } else if t.on.contains(w) {
                let iw = t.index[w];
                let lv = t.low.get_mut(v).unwrap();
                *lv = (*lv).min(iw);
            }
        }
        if t.low[v] == t.index[v] {
            let mut scc = Vec::new();
            while let Some(w) = t.stack.pop() {
                t.on.remove(w);
                scc.push(w.to_string());
                if w == v {
                    break;
                }
            }
            if scc.len() > 1 {
                scc.sort();
                t.out.push(scc);
            }
        }
    }
    let mut t = T {
        g,
        index: BTreeMap::new(),
        low: BTreeMap::new(),
        stack: Vec::new(),
        on: BTreeSet::new(),
        out: Vec::new(),
    };
    for v in g.edges.keys() {
        if !t.index.contains_key(v.as_str()) {
            visit(&mut t, v);
        }
    }
    t.out
}

#[test]
fn the_interfaces_modules_depend_on_each_other_one_way() {
    let g = graph();
    if std::env::var_os("TUI_LAYERS_PRINT").is_some() {
        for (a, to) in &g.edges {
            for (b, at) in to {
                eprintln!("{a} -> {b} ({at})");
            }
        }
    }
    assert!(
        g.edges.len() > 20,
        "the modules were not found: {:?}",
        g.edges.keys()
    );
    let mut report = Vec::new();
    for scc in cycles(&g) {
        // What a view needs from the state is no knot.
        if scc.len() == 2 && scc.iter().any(|u| u == "tui::state") && scc.iter().any(|u| is_view(u))
        {
            continue;
        }
        let mut lines = vec![format!("cycle among {}:", scc.join(", "))];
        for a in &scc {
            for (b, at) in &g.edges[a] {
                if scc.contains(b) {
                    lines.push(format!("  {a} -> {b} ({at})"));
                }
            }
        }
        report.push(lines.join("\n"));
    }
    assert!(report.is_empty(), "\n{}", report.join("\n"));
}

#[test]
fn views_only_read_and_the_data_stands_on_nothing_above_it() {
    let g = graph();
    let above_views = [
        "tui",
        "tui::update",
        "tui::dispatch",
        "tui::tree",
        "tui::filter_worker",
        "tui::notes::runner",
        "tui::share",
    ];
    for (from, to) in &g.edges {
        if is_view(from) {
            for bad in above_views {
                assert!(!to.contains_key(bad), "{from} uses {bad} ({})", to[bad]);
            }
        }
    }
    // Plain data: the state, the mode, the actions, the keys.
    let data = ["tui::state", "tui::mode", "tui::action", "tui::key"];
    let updates = [
        "tui::update",
        "tui::dispatch",
        "tui::input",
        "tui::tree",
        "tui::timeline",
        "tui::help",
        "tui::keymap",
    ];
    for d in data {
        let to = g.edges.get(d).cloned().unwrap_or_default();
        for bad in updates.iter().chain(&above_views) {
            if *bad == "tui::keymap" && d == "tui::state" {
                continue; // the state holds the keys in force
            }
            assert!(!to.contains_key(*bad), "{d} uses {bad} ({})", to[*bad]);
        }
        for v in to.keys() {
            assert!(!is_view(v), "{d} uses the view {v} ({})", to[v]);
        }
    }
}
