//! The rows of the tree: dossiers › sections, annexes, footnotes and the
//! references they cite, narrowed by the filter (fuzzy text, `#tag`,
//! `@country`), with failed files as error rows at the end.

use std::collections::HashSet;

use dossier_core::text::{fold, fold_char};
use dossier_core::{Corpus, NodeIdx, NodeKind};
use fuzzy_matcher::FuzzyMatcher;
use fuzzy_matcher::skim::SkimMatcherV2;

use super::state::{RowItem, State, TreeRow};

/// The children a node shows in the tree: for a dossier also the
/// references it cites.
pub fn children(c: &Corpus, node: NodeIdx) -> impl Iterator<Item = NodeIdx> + '_ {
    let n = c.node(node);
    let cited = if n.kind.is_root() {
        c.references_cited_by(node)
    } else {
        &[]
    };
    n.children.iter().chain(cited).copied()
}

/// A parsed filter: words to match fuzzily in titles, tags, countries.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Filter {
    pub text: String,
    pub tags: Vec<String>,
    pub countries: Vec<String>,
    /// `text` folded, once rather than for every node matched.
    folded: String,
}

impl Filter {
    pub fn parse(s: &str) -> Filter {
        let mut f = Filter::default();
        let mut words = Vec::new();
        for w in s.split_whitespace() {
            if let Some(t) = w.strip_prefix('#').filter(|t| !t.is_empty()) {
                f.tags.push(fold(t));
            } else if let Some(c) = w.strip_prefix('@').filter(|c| !c.is_empty()) {
                f.countries.push(fold(c));
            } else {
                words.push(w);
            }
        }
        f.text = words.join(" ");
        f.folded = fold(&f.text);
        f
    }

    /// As [`Filter::parse`], but plain text that is the whole name of a
    /// country or a tag in the corpus (`Italië`, `migratie`) filters by it,
    /// as `@Italië` or `#migratie` would: that is what a reader means.
    pub fn parse_in(s: &str, c: &Corpus) -> Filter {
        let mut f = Filter::parse(s);
        if f.text.is_empty() {
            return f;
        }
        let text = fold(&f.text);
        // Folding is a character for a character: a name is compared as it
        // folds, without a string made of it, and most differ at once —
        // this runs over every tag of every node on each keystroke.
        let is_text = |name: &str| name.chars().map(fold_char).eq(text.chars());
        // The list of country names, not the corpus's: it is short, and
        // with thousands of dossiers collecting the corpus's names on every
        // keystroke was slower than the filtering itself.
        if dossier_core::countries::known_countries().any(is_text) {
            f.countries.push(text);
            f.text.clear();
            f.folded.clear();
        } else if c.nodes.iter().flat_map(|n| &n.tags).any(|t| is_text(t)) {
            f.tags.push(text);
            f.text.clear();
            f.folded.clear();
        }
        f
    }

    pub fn is_empty(&self) -> bool {
        self.text.is_empty() && self.tags.is_empty() && self.countries.is_empty()
    }

    /// Whether `node` itself matches: its tags and countries, and its
    /// title or id holding the text's characters in order, which is when the
    /// matcher matches. Which characters matched is found only for the rows
    /// drawn ([`Filter::positions`]): a filtering pass over thousands of
    /// dossiers runs no matcher.
    pub fn matches(&self, c: &Corpus, node: NodeIdx) -> bool {
        let n = c.node(node);
        // Multi-word tags ("georganiseerde criminaliteit") match on a prefix
        // of any word run, so `#georg` finds them. Names are compared as
        // they fold, without a folded copy: this runs for every node.
        if !self.tags.is_empty() {
            let root = c.root_of(node).map_or(&[][..], |r| &c.node(r).tags[..]);
            let tags = || n.tags.iter().chain(root);
            if !self.tags.iter().all(|want| {
                tags().any(|t| folds_to_prefix(t, want, ' ') || folds_to_prefix(t, want, '-'))
            }) {
                return false;
            }
        }
        if !self.countries.is_empty()
            && !self
                .countries
                .iter()
                .all(|want| n.countries.iter().any(|t| folds_to_prefix(t, want, ' ')))
        {
            return false;
        }
        if self.text.is_empty() {
            return true;
        }
        self.may_match(&n.title) || self.may_match(&n.id)
    }

    /// Whether `text` holds the folded query's characters in order, spaces
    /// too, which is exactly when the matcher matches it.
    fn may_match(&self, text: &str) -> bool {
        let query = &self.folded;
        // ASCII titles, most of them, are searched a letter at a time in
        // either case with memchr (the folded query is lower case).
        if text.is_ascii() && query.is_ascii() {
            let mut rest = text.as_bytes();
            for q in query.bytes() {
                match memchr::memchr2(q, q.to_ascii_uppercase(), rest) {
                    Some(at) => rest = &rest[at + 1..],
                    None => return false,
                }
            }
            return true;
        }
        let mut want = query.chars().peekable();
        for ch in text.chars().map(fold_char) {
            if want.peek() == Some(&ch) {
                want.next();
            }
        }
        want.peek().is_none()
    }

    /// The characters of `title` the filter's text matched, for
    /// highlighting; none when it has no text or the title does not match.
    pub fn positions(&self, title: &str) -> Vec<usize> {
        if self.folded.is_empty() || !self.may_match(title) {
            return Vec::new();
        }
        // A fresh matcher per text: fuzzy-matcher 0.3.7 carries state between calls.
        SkimMatcherV2::default()
            .fuzzy_indices(&fold(title), &self.folded)
            .map(|(_, idx)| idx)
            .unwrap_or_default()
    }
}

/// Whether `name`, folded and with its spaces as `space`, starts with
/// `prefix` (already folded).
fn folds_to_prefix(name: &str, prefix: &str, space: char) -> bool {
    let mut name = name
        .chars()
        .map(fold_char)
        .map(|c| if c == ' ' { space } else { c });
    prefix.chars().all(|p| name.next() == Some(p))
}

/// Recomputes the visible rows from the expanded set and the filter, and
/// keeps the selection on the same node where it can.
pub fn rebuild(s: &mut State) {
    let keep = s.selected_row().map(|r| r.item);
    let c = s.corpus.clone();
    let filter = Filter::parse_in(&s.filter, &c);
    let mut rows = Vec::new();
    if filter.is_empty() {
        for &root in &c.roots {
            push_expanded(&c, root, 0, &s.expanded, &mut rows);
        }
    } else {
        rows = filtered_rows(&c, &filter);
    }
    for i in 0..c.errors.len() {
        rows.push(TreeRow {
            item: RowItem::Error(i),
            depth: 0,
            has_children: false,
            expanded: false,
            hit: false,
        });
    }
    s.rows = rows;
    s.tree_filter = filter;
    s.tree_selected = keep
        .and_then(|k| s.rows.iter().position(|r| r.item == k))
        .unwrap_or(s.tree_selected)
        .min(s.rows.len().saturating_sub(1));
}

fn push_expanded(
    c: &Corpus,
    node: NodeIdx,
    depth: usize,
    expanded: &HashSet<NodeIdx>,
    rows: &mut Vec<TreeRow>,
) {
    let open = expanded.contains(&node);
    let has_children = children(c, node).next().is_some();
    rows.push(TreeRow {
        item: RowItem::Node(node),
        depth,
        has_children,
        expanded: open,
        hit: false,
    });
    if open {
        for k in children(c, node) {
            push_expanded(c, k, depth + 1, expanded, rows);
        }
    }
}

/// Every node the filter matches, with its ancestors, all shown expanded,
/// dossier by dossier in order. A pass reads every title and spends most
/// of its time waiting for memory, so on a large corpus the dossiers are
/// shared out between the cores, each taking a run of them.
fn filtered_rows(c: &Corpus, f: &Filter) -> Vec<TreeRow> {
    /// Dossiers below which one thread does it all.
    const PER_THREAD: usize = 1_000;
    let threads = std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .min(c.roots.len() / PER_THREAD);
    filtered_rows_on(c, f, threads)
}

/// [`filtered_rows`] on `threads` threads (one at least).
fn filtered_rows_on(c: &Corpus, f: &Filter, threads: usize) -> Vec<TreeRow> {
    let rows_of = |roots: &[NodeIdx]| {
        let mut rows = Vec::new();
        for &root in roots {
            push_filtered(c, root, 0, f, &mut rows);
        }
        rows
    };
    if threads <= 1 || c.roots.is_empty() {
        return rows_of(&c.roots);
    }
    std::thread::scope(|s| {
        let parts: Vec<_> = c
            .roots
            .chunks(c.roots.len().div_ceil(threads))
            .map(|roots| s.spawn(move || rows_of(roots)))
            .collect();
        let mut rows = Vec::new();
        for part in parts {
            rows.extend(part.join().unwrap_or_else(|e| std::panic::resume_unwind(e)));
        }
        rows
    })
}

/// Pushes `node` if it or something under it matches; returns whether it did.
fn push_filtered(
    c: &Corpus,
    node: NodeIdx,
    depth: usize,
    f: &Filter,
    rows: &mut Vec<TreeRow>,
) -> bool {
    let at = rows.len();
    let own_matches = f.matches(c, node);
    rows.push(TreeRow {
        item: RowItem::Node(node),
        depth,
        // Set below, once it is known what under it the filter kept.
        has_children: false,
        expanded: false,
        hit: own_matches,
    });
    let mut any = false;
    // A reference hangs under each dossier that cites it: nothing under it.
    if c.node(node).kind != NodeKind::Reference {
        for k in children(c, node) {
            any |= push_filtered(c, k, depth + 1, f, rows);
        }
    }
    if !own_matches && !any {
        rows.truncate(at);
        return false;
    }
    // Only the children the filter kept count: no open marker over nothing.
    rows[at].has_children = any;
    rows[at].expanded = any;
    true
}

/// Expands the ancestors of `node` and selects its row.
pub fn reveal(s: &mut State, node: NodeIdx) {
    let c = s.corpus.clone();
    let path = c.path(node);
    for &p in &path[..path.len().saturating_sub(1)] {
        s.expanded.insert(p);
    }
    // References hang under the dossier they were reached from.
    if c.node(node).kind == NodeKind::Reference
        && let Some(open) = s.open.and_then(|o| c.root_of(o))
    {
        s.expanded.insert(open);
    }
    rebuild(s);
    if let Some(i) = s.rows.iter().position(|r| r.item == RowItem::Node(node)) {
        s.tree_selected = i;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn filters_parse_tags_and_countries() {
        let f = Filter::parse("ebsp #Migratie @italie");
        assert_eq!(f.text, "ebsp");
        assert_eq!(f.tags, vec!["migratie"]);
        assert_eq!(f.countries, vec!["italie"]);
        assert!(Filter::parse("  ").is_empty());
    }

    #[test]
    fn a_country_or_tag_typed_as_text_filters_by_it() {
        let c = crate::store::dossiers::load_built_in();
        let f = Filter::parse_in("Italië", &c);
        assert_eq!(
            (f.text.as_str(), f.countries),
            ("", vec!["italie".to_string()])
        );
        let f = Filter::parse_in("grensbeheer", &c);
        assert_eq!(f.tags, vec!["grensbeheer"]);
        // Anything else stays a fuzzy title search.
        assert_eq!(Filter::parse_in("itali", &c).text, "itali");
    }

    /// The ids of the nodes that match `query` by themselves.
    fn matching_ids(c: &Corpus, query: &str) -> Vec<String> {
        let f = Filter::parse(query);
        (0..c.nodes.len())
            .filter(|&i| f.matches(c, i))
            .map(|i| c.node(i).id.clone())
            .collect()
    }

    #[test]
    fn titles_match_ignoring_case_and_accents_with_or_without_non_ascii() {
        let c = crate::store::dossiers::load_built_in();
        let find = |query: &str| matching_ids(&c, query);
        // An ASCII title, upper case in the title, lower in the query.
        assert!(find("ebsp").contains(&"ebsp".to_string()));
        assert!(find("ENHANCED border").contains(&"ebsp".to_string()));
        // A title with `ë`, matched by a plain `e`.
        assert!(find("ministeriele").contains(&"c7".to_string()));
        // A letter the title lacks, in either kind of title.
        assert!(!find("ebspq").contains(&"ebsp".to_string()));
        assert!(!find("ministerielez").contains(&"c7".to_string()));
        assert!(find("qxqxq").is_empty());
        // Matched positions are those of the title's characters.
        let f = Filter::parse("ebsp");
        let ebsp = c.get("ebsp").unwrap();
        let title: Vec<char> = c.node(ebsp).title.chars().collect();
        assert!(f.matches(&c, ebsp));
        let picked: String = f
            .positions(&c.node(ebsp).title)
            .iter()
            .map(|&i| title[i].to_ascii_lowercase())
            .collect();
        assert_eq!(picked, "ebsp");
    }

    #[test]
    fn tags_and_countries_match_on_a_folded_prefix_sections_by_their_dossier() {
        let c = crate::store::dossiers::load_built_in();
        let find = |query: &str| matching_ids(&c, query);
        // A multi-word tag, by its first word's start or written with a dash.
        for q in ["#georg", "#Georganiseerde-crim", "#GEORGANISEERDE CRIM"] {
            let ids = find(q);
            assert!(ids.contains(&"c7".to_string()), "{q}: {ids:?}");
            assert!(!ids.contains(&"ebsp".to_string()), "{q}: {ids:?}");
        }
        // A section has its dossier's tags.
        let c7_sections: Vec<String> = c
            .nodes
            .iter()
            .filter(|n| n.id.starts_with("c7/"))
            .map(|n| n.id.clone())
            .collect();
        assert!(!c7_sections.is_empty());
        let tagged = find("#ondermijning");
        assert!(
            c7_sections.iter().all(|id| tagged.contains(id)),
            "{tagged:?}"
        );
        // A country by the start of its name, accents and case aside.
        let italy = find("@italie");
        assert!(!italy.is_empty());
        assert_eq!(find("@ITALI"), italy);
        assert_eq!(find("@Italië"), italy);
        assert!(find("@italiq").is_empty());
        // A prefix longer than the name does not match.
        assert!(!folds_to_prefix("Italië", "italiee", ' '));
        assert!(folds_to_prefix("raad van europa", "raad-van", '-'));
    }

    proptest::proptest! {
        /// The filtering pass keeps a title exactly when the matcher, which
        /// finds the characters to highlight, matches it.
        #[test]
        fn the_pass_keeps_exactly_what_the_matcher_matches(
            title in "[a-eA-EëéÉç \\-]{0,30}|\\PC{0,30}",
            query in "[a-eëÉç]{1,3}( [a-eç]{1,2})?",
        ) {
            let f = Filter::parse(&query);
            let matched = SkimMatcherV2::default()
                .fuzzy_indices(&fold(&title), &f.folded)
                .is_some();
            proptest::prop_assert_eq!(f.may_match(&title), matched);
            proptest::prop_assert_eq!(!f.positions(&title).is_empty(), matched);
        }
    }

    #[test]
    fn the_filtered_tree_is_the_same_on_any_number_of_threads() {
        let c = crate::store::dossiers::load_built_in();
        for query in ["ebsp", "#migratie", "@italie", "raad", "e", "qqq"] {
            let f = Filter::parse_in(query, &c);
            let one = filtered_rows_on(&c, &f, 1);
            for threads in 2..=c.roots.len() + 1 {
                assert_eq!(
                    filtered_rows_on(&c, &f, threads),
                    one,
                    "{query} on {threads}"
                );
            }
        }
        assert!(!filtered_rows_on(&c, &Filter::parse("ebsp"), 1).is_empty());
    }
}
