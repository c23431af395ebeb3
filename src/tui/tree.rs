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

    /// Whether `node` matches; the title's matched characters when it does.
    pub fn matches(&self, c: &Corpus, node: NodeIdx) -> Option<Vec<usize>> {
        let n = c.node(node);
        // Multi-word tags ("georganiseerde criminaliteit") match on a prefix
        // of any word run, so `#georg` finds them.
        if !self.tags.is_empty() {
            let tags: Vec<String> = c.tags_of(node).iter().map(|t| fold(t)).collect();
            if !self.tags.iter().all(|want| {
                tags.iter().any(|t| {
                    t.starts_with(want.as_str()) || t.replace(' ', "-").starts_with(want.as_str())
                })
            }) {
                return None;
            }
        }
        if !self.countries.is_empty() {
            let countries: Vec<String> = n.countries.iter().map(|t| fold(t)).collect();
            if !self
                .countries
                .iter()
                .all(|want| countries.iter().any(|t| t.starts_with(want.as_str())))
            {
                return None;
            }
        }
        if self.text.is_empty() {
            return Some(Vec::new());
        }
        let query = &self.folded;
        // Most titles lack the query's letters in order: they are passed
        // over without folding them or starting a matcher. Spaces in the
        // query are not needed in the title, as for the matcher.
        let may_match = |text: &str| {
            // ASCII titles, most of them, are compared byte by byte.
            if text.is_ascii() && query.is_ascii() {
                let mut want = query.bytes().filter(|&q| q != b' ').peekable();
                for b in text.bytes() {
                    if want.peek() == Some(&b.to_ascii_lowercase()) {
                        want.next();
                    }
                }
                return want.peek().is_none();
            }
            let mut want = query.chars().filter(|q| *q != ' ').peekable();
            for ch in text.chars().map(fold_char) {
                if want.peek() == Some(&ch) {
                    want.next();
                }
            }
            want.peek().is_none()
        };
        if !may_match(&n.title) && !may_match(&n.id) {
            return None;
        }
        let title = fold(&n.title);
        // A fresh matcher per text: fuzzy-matcher 0.3.7 carries state between calls.
        let matcher = SkimMatcherV2::default();
        matcher
            .fuzzy_indices(&title, query)
            .or_else(|| {
                matcher
                    .fuzzy_indices(&fold(&n.id), query)
                    .map(|_| (0, Vec::new()))
            })
            .map(|(_, idx)| idx)
    }
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
        // Every node that matches, with its ancestors; all shown expanded.
        for &root in &c.roots {
            push_filtered(&c, root, 0, &filter, &mut rows);
        }
    }
    for i in 0..c.errors.len() {
        rows.push(TreeRow {
            item: RowItem::Error(i),
            depth: 0,
            has_children: false,
            expanded: false,
            matched: Vec::new(),
        });
    }
    s.rows = rows;
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
        matched: Vec::new(),
    });
    if open {
        for k in children(c, node) {
            push_expanded(c, k, depth + 1, expanded, rows);
        }
    }
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
    let own = f.matches(c, node);
    let own_matches = own.is_some();
    rows.push(TreeRow {
        item: RowItem::Node(node),
        depth,
        // Set below, once it is known what under it the filter kept.
        has_children: false,
        expanded: false,
        matched: own.unwrap_or_default(),
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

    #[test]
    fn titles_match_ignoring_case_and_accents_with_or_without_non_ascii() {
        let c = crate::store::dossiers::load_built_in();
        let find = |query: &str| -> Vec<String> {
            let f = Filter::parse(query);
            (0..c.nodes.len())
                .filter(|&i| f.matches(&c, i).is_some())
                .map(|i| c.node(i).id.clone())
                .collect()
        };
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
        let picked: String = f
            .matches(&c, ebsp)
            .unwrap()
            .iter()
            .map(|&i| title[i].to_ascii_lowercase())
            .collect();
        assert_eq!(picked, "ebsp");
    }
}
