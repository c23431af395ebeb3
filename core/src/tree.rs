//! The tree both faces show: which nodes hang under which (a dossier's
//! sections, annexes and footnotes, and the references it cites), and the
//! tree filter's matching (words as they stand, fzf syntax, `#tag`, `@country`).

use std::sync::Arc;

use memchr::memchr2;

use crate::model::{Corpus, NodeIdx, NodeKind};
use crate::query::Query;
use crate::text::{fold, fold_char, fold_text};

/// The children a node shows in the tree: for a document first the topics
/// that come from it, for a dossier also the references it cites.
pub fn children(c: &Corpus, node: NodeIdx) -> impl Iterator<Item = NodeIdx> + '_ {
    let n = c.node(node);
    let cited = if n.kind.is_root() {
        c.references_cited_by(node)
    } else {
        &[]
    };
    let topics = if n.kind == NodeKind::Letter {
        c.topics_from(node)
    } else {
        &[]
    };
    topics.iter().chain(&n.children).chain(cited).copied()
}

/// How the tree groups the library's documents.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Grouping {
    /// By Kamerstuk dossier (`32317 JBZ-Raad`), newest document first.
    #[default]
    Dossier,
    /// By theme tag.
    Theme,
}

/// A heading row of the tree and the documents and topics under it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Group {
    /// What expansion is remembered by: the dossier number or the tag.
    pub key: String,
    /// `32317 JBZ-Raad`, or the tag; `None` for what has no dossier or tag.
    pub label: Option<String>,
    pub members: Vec<NodeIdx>,
}

/// The groups of the top of the tree, in order: by dossier, the group of
/// the newest document first; by theme, tags in alphabetical order. What
/// has no Kamerstuk dossier (or no tag) comes last, in a group of its own.
pub fn groups(c: &Corpus, grouping: Grouping) -> Vec<Group> {
    let (mut groups, rest) = match grouping {
        Grouping::Dossier => by_dossier(c),
        Grouping::Theme => by_theme(c),
    };
    if !rest.is_empty() {
        groups.push(Group {
            key: String::new(),
            label: None,
            members: rest,
        });
    }
    groups
}

/// The groups by Kamerstuk dossier, and the roots of none.
fn by_dossier(c: &Corpus) -> (Vec<Group>, Vec<NodeIdx>) {
    by_dossier_split(c, 4096)
}

/// [`by_dossier`], the roots shared out between two threads when each
/// gets at least `least`, and their groups joined in order: the pass
/// reads each document's metadata from memory the cache has not seen
/// yet, 0.1 s at 100,000 documents on one thread.
fn by_dossier_split(c: &Corpus, least: usize) -> (Vec<Group>, Vec<NodeIdx>) {
    let half = c.roots.len().div_ceil(2);
    let mut a = if half < least {
        by_dossier_of(c, &c.roots)
    } else {
        let (first, second) = c.roots.split_at(half);
        let (mut a, b) = std::thread::scope(|s| {
            let later = s.spawn(|| by_dossier_of(c, second));
            let a = by_dossier_of(c, first);
            (a, later.join().unwrap_or_else(|_| by_dossier_of(c, second)))
        });
        let mut at: crate::fast_hash::FastMap<String, usize> = a
            .groups
            .iter()
            .enumerate()
            .map(|(i, g)| (g.key.clone(), i))
            .collect();
        for (g, title) in b.groups.into_iter().zip(b.titles) {
            match at.get(&g.key) {
                Some(&i) => {
                    a.groups[i].members.extend(g.members);
                    a.titles[i] = a.titles[i].or(title);
                }
                None => {
                    at.insert(g.key.clone(), a.groups.len());
                    a.groups.push(g);
                    a.titles.push(title);
                }
            }
        }
        a.rest.extend(b.rest);
        a
    };
    // The label: the dossier as its first document writes it, and the
    // first dossier title a document gives.
    for (g, title) in a.groups.iter_mut().zip(&a.titles) {
        if let (Some(label), Some(t)) = (&mut g.label, title)
            && !label.contains(' ')
        {
            label.push(' ');
            label.push_str(t);
        }
    }
    (a.groups, a.rest)
}

/// The groups of some roots, each with the first dossier title given.
struct DossierGroups<'c> {
    groups: Vec<Group>,
    titles: Vec<Option<&'c str>>,
    rest: Vec<NodeIdx>,
}

fn by_dossier_of<'c>(c: &'c Corpus, roots: &[NodeIdx]) -> DossierGroups<'c> {
    let mut out = DossierGroups {
        groups: Vec::new(),
        titles: Vec::new(),
        rest: Vec::new(),
    };
    let mut at = crate::fast_hash::FastMap::default();
    for &r in roots {
        let n = c.node(r);
        if n.kind != NodeKind::Letter {
            // Topics hang under their document; one without it is
            // left over.
            if n.source.is_none() {
                out.rest.push(r);
            }
            continue;
        }
        let Some(k) = n.letter.as_ref().and_then(|m| m.kamerstuk.as_ref()) else {
            out.rest.push(r);
            continue;
        };
        let key = k.dossier_key();
        let title = n.letter.as_ref().and_then(|m| m.dossier_title.as_deref());
        let i = match at.get(&key) {
            Some(&i) => i,
            None => {
                out.groups.push(Group {
                    key: key.clone(),
                    label: Some(k.dossier.clone()),
                    members: Vec::new(),
                });
                out.titles.push(None);
                at.insert(key, out.groups.len() - 1);
                out.groups.len() - 1
            }
        };
        out.titles[i] = out.titles[i].or(title);
        out.groups[i].members.push(r);
    }
    out
}

/// The groups by theme tag, in alphabetical order, and the roots of none.
fn by_theme(c: &Corpus) -> (Vec<Group>, Vec<NodeIdx>) {
    let mut groups: Vec<Group> = Vec::new();
    let mut rest = Vec::new();
    let mut at = crate::fast_hash::FastMap::default();
    let mut tags: Vec<&str> = c
        .roots
        .iter()
        .flat_map(|&r| c.node(r).tags.iter().map(String::as_str))
        .collect();
    tags.sort_unstable();
    tags.dedup();
    for t in tags {
        groups.push(Group {
            key: format!("#{t}"),
            label: Some(t.to_string()),
            members: Vec::new(),
        });
        at.insert(t.to_string(), groups.len() - 1);
    }
    for &r in &c.roots {
        let n = c.node(r);
        if n.tags.is_empty() {
            rest.push(r);
        }
        for t in &n.tags {
            if let Some(&i) = at.get(t.as_str()) {
                groups[i].members.push(r);
            }
        }
    }
    (groups, rest)
}

/// A parsed filter: `#tag` and `@country` prefixes, and text that a
/// title (or id) must hold word for word, case and accents aside, in fzf's
/// extended syntax (see [`crate::query`]): `kmar` finds "KMar", not
/// "Kamerbrief". The roots a search index found for the text match too
/// ([`TreeFilter::with_found`]).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TreeFilter {
    pub text: String,
    pub tags: Vec<String>,
    pub countries: Vec<String>,
    /// `text` folded, once rather than for every node matched.
    pub folded: String,
    /// `text` as a query.
    pub query: Query,
    /// The query is plain words, as `Query::is_plain` says, once.
    plain: bool,
    /// The roots whose text holds `text`, sorted; `None` when no index
    /// was asked.
    found: Option<Arc<[NodeIdx]>>,
}

impl TreeFilter {
    pub fn parse(s: &str) -> TreeFilter {
        let mut f = TreeFilter::default();
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
        f.query = Query::parse(&f.text);
        f.plain = f.query.is_plain();
        f
    }

    /// As [`TreeFilter::parse`], but plain text that is the whole name of a
    /// country or a tag in the corpus (`Italië`, `migratie`) filters by it,
    /// as `@Italië` or `#migratie` would: that is what a reader means.
    pub fn parse_in(s: &str, c: &Corpus) -> TreeFilter {
        let mut f = TreeFilter::parse(s);
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
        if crate::countries::known_countries().any(is_text) {
            f.countries.push(text);
            f.text.clear();
            f.folded.clear();
            f.query = Query::default();
        } else if c.nodes.iter().flat_map(|n| &n.tags).any(|t| is_text(t)) {
            f.tags.push(text);
            f.text.clear();
            f.folded.clear();
            f.query = Query::default();
        }
        f
    }

    pub fn is_empty(&self) -> bool {
        self.text.is_empty() && self.tags.is_empty() && self.countries.is_empty()
    }

    /// The filter, also matching `found`: the roots an index of the
    /// documents' text matches for `text` (their tags and countries must
    /// still match).
    pub fn with_found(mut self, mut found: Vec<NodeIdx>) -> TreeFilter {
        found.sort_unstable();
        found.dedup();
        self.found = Some(found.into());
        self
    }

    /// The roots [`TreeFilter::with_found`] gave, if any.
    pub fn found(&self) -> Option<&Arc<[NodeIdx]>> {
        self.found.as_ref()
    }

    /// Whether both filters say the same, whatever an index found.
    pub fn same_words(&self, other: &TreeFilter) -> bool {
        self.text == other.text && self.tags == other.tags && self.countries == other.countries
    }

    /// Whether `node` itself matches: its tags and countries, and its
    /// title or id holding the text's characters in order, which is when the
    /// matcher matches, or (a root) being among those an index found for
    /// the text. Which characters matched is found only for the rows
    /// drawn ([`TreeFilter::positions`]): a filtering pass over thousands of
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
        if self.may_match(&n.title) || self.may_match(&n.id) {
            return true;
        }
        if n.kind.is_root()
            && self
                .found
                .as_ref()
                .is_some_and(|f| f.binary_search(&node).is_ok())
        {
            return true;
        }
        // A document, and each topic of it, is found by its Kamerstuk
        // dossier's title and number too: `JBZ-Raad`, `32317`.
        n.kind.is_root()
            && c.letter_of(node)
                .and_then(|l| c.node(l).letter.as_deref())
                .is_some_and(|m| {
                    m.dossier_title
                        .as_deref()
                        .is_some_and(|t| self.may_match(t))
                        || m.kamerstuk
                            .as_ref()
                            .is_some_and(|k| self.may_match(&k.dossier))
                })
    }

    /// Whether `text` matches the query: holds each word as it stands,
    /// case and accents aside (and the anchors, negations and
    /// alternatives of fzf's syntax).
    pub fn may_match(&self, text: &str) -> bool {
        if self.query.is_empty() {
            return true;
        }
        // Plain words (what is typed nearly always) are looked for without
        // a folded copy of the title: this runs for every node. ASCII
        // titles, most of them, a word at a time in either case with memchr.
        if self.plain {
            let words = self.query.groups.iter().filter_map(|g| g.first());
            return if text.is_ascii() {
                words.into_iter().all(|w| {
                    w.text.is_ascii() && contains_ascii_ci(text.as_bytes(), w.text.as_bytes())
                })
            } else {
                words.into_iter().all(|w| contains_folded(text, &w.text))
            };
        }
        self.query.matches(&fold_text(text)).is_some()
    }

    /// The characters of `title` the filter's text matched, for
    /// highlighting; none when it has no text or the title does not match.
    pub fn positions(&self, title: &str) -> Vec<usize> {
        if self.query.is_empty() {
            return Vec::new();
        }
        let folded = fold_text(title);
        let mut out: Vec<usize> = match self.query.matches(&folded) {
            Some(ranges) => ranges.into_iter().flat_map(|(a, b)| a..b).collect(),
            None => return Vec::new(),
        };
        // Every occurrence of a plain word, not only the first.
        if self.query.is_plain() {
            for w in self.query.words() {
                let n = w.chars().count();
                for (b, _) in folded.match_indices(w) {
                    let c = folded[..b].chars().count();
                    out.extend(c..c + n);
                }
            }
        }
        out.sort_unstable();
        out.dedup();
        out
    }
}

/// Whether `text`, folded character by character, holds `word` (folded),
/// without a folded copy of it.
fn contains_folded(text: &str, word: &str) -> bool {
    let Some(first) = word.chars().next() else {
        return true;
    };
    let mut rest = text;
    while let Some((at, c)) = rest.char_indices().find(|&(_, c)| fold_char(c) == first) {
        let from = &rest[at..];
        let mut hay = from
            .chars()
            .map(|c| if c.is_whitespace() { ' ' } else { fold_char(c) });
        if word.chars().all(|w| hay.next() == Some(w)) {
            return true;
        }
        rest = &from[c.len_utf8()..];
    }
    false
}

/// Whether `hay` holds `needle` (lower-case ASCII), ASCII case aside.
fn contains_ascii_ci(hay: &[u8], needle: &[u8]) -> bool {
    let Some((&first, rest)) = needle.split_first() else {
        return true;
    };
    let mut from = 0;
    while let Some(at) = hay
        .get(from..)
        .and_then(|h| memchr2(first, first.to_ascii_uppercase(), h))
    {
        let start = from + at + 1;
        if hay
            .get(start..start + rest.len())
            .is_some_and(|h| h.eq_ignore_ascii_case(rest))
        {
            return true;
        }
        from = start;
    }
    false
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

/// What a root has besides its sections: its annexes and footnotes, then
/// the references it cites (as `dossier list` shows them).
pub fn attachments(c: &Corpus, root: NodeIdx) -> Vec<NodeIdx> {
    let mut out: Vec<NodeIdx> = c
        .node(root)
        .children
        .iter()
        .copied()
        .filter(|&i| matches!(c.node(i).kind, NodeKind::Annex | NodeKind::Footnote))
        .collect();
    out.extend(c.references_cited_by(root));
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::bundled;

    #[test]
    fn filters_parse_tags_and_countries() {
        let f = TreeFilter::parse("ebsp #Migratie @italie");
        assert_eq!(f.text, "ebsp");
        assert_eq!(f.tags, vec!["migratie"]);
        assert_eq!(f.countries, vec!["italie"]);
        assert!(TreeFilter::parse("  ").is_empty());
    }

    #[test]
    fn a_country_or_tag_typed_as_text_filters_by_it() {
        let c = bundled();
        let f = TreeFilter::parse_in("Italië", &c);
        assert_eq!(
            (f.text.as_str(), f.countries),
            ("", vec!["italie".to_string()])
        );
        let f = TreeFilter::parse_in("grensbeheer", &c);
        assert_eq!(f.tags, vec!["grensbeheer"]);
        // Anything else stays a fuzzy title search.
        assert_eq!(TreeFilter::parse_in("itali", &c).text, "itali");
    }

    /// The ids of the nodes that match `query` by themselves.
    fn matching_ids(c: &Corpus, query: &str) -> Vec<String> {
        let f = TreeFilter::parse(query);
        (0..c.nodes.len())
            .filter(|&i| f.matches(c, i))
            .map(|i| c.node(i).id.clone())
            .collect()
    }

    #[test]
    fn roots_an_index_found_match_within_their_tags() {
        let c = bundled();
        let (ebsp, marokko) = (c.get("ebsp").unwrap(), c.get("marokko").unwrap());
        let f = TreeFilter::parse("qxqxq");
        assert!(!f.matches(&c, ebsp));
        let found = f.clone().with_found(vec![marokko, ebsp, ebsp]);
        assert!(found.matches(&c, ebsp) && found.matches(&c, marokko));
        assert!(found.same_words(&f) && found != f);
        // A section of a root found is not found by itself.
        let section = c.node(ebsp).children[0];
        assert!(!found.matches(&c, section));
        // Tags still narrow.
        let tagged = TreeFilter::parse("qxqxq #geen-tag").with_found(vec![ebsp]);
        assert!(!tagged.matches(&c, ebsp));
    }

    #[test]
    fn titles_match_ignoring_case_and_accents_with_or_without_non_ascii() {
        let c = bundled();
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
        let f = TreeFilter::parse("ebsp");
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
        let c = bundled();
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
        /// The fast pass over ASCII titles keeps a title exactly when the
        /// query matches its folded text, which is what is highlighted.
        #[test]
        fn the_pass_keeps_exactly_what_the_query_matches(
            title in "[a-eA-EëéÉç \\-]{0,30}|\\PC{0,30}",
            query in "[a-eëÉç]{1,3}( [a-eç]{1,2})?",
        ) {
            let f = TreeFilter::parse(&query);
            let matched = f.query.matches(&fold_text(&title)).is_some();
            proptest::prop_assert_eq!(f.may_match(&title), matched);
            proptest::prop_assert_eq!(!f.positions(&title).is_empty(), matched);
        }
    }

    #[test]
    fn the_filter_takes_words_as_they_stand_and_fzf_syntax() {
        let f = TreeFilter::parse("kmar");
        assert!(
            !f.may_match("Kamerbrief"),
            "scattered letters are not a match"
        );
        assert!(f.may_match("Inzet van de KMar"));
        assert!(TreeFilter::parse("^kamer").may_match("Kamerstuk 32317-973"));
        assert!(!TreeFilter::parse("^kamer").may_match("De Kamerbrief"));
        assert!(TreeFilter::parse("973$").may_match("Kamerstuk 32317-973"));
        assert!(!TreeFilter::parse("!973 kamerstuk").may_match("Kamerstuk 32317-973"));
        assert!(TreeFilter::parse("973 | 978").may_match("Kamerstuk 32317-978"));
        assert_eq!(
            TreeFilter::parse("raad").positions("Raad en raad"),
            vec![0, 1, 2, 3, 8, 9, 10, 11]
        );
    }

    #[test]
    fn a_dossier_title_filters_its_documents_and_their_topics() {
        let c = bundled();
        let ebsp = c.get("ebsp").unwrap();
        let letter = c.get("kst-32317-987").unwrap();
        for q in ["JBZ-Raad", "jbz-raad", "32317"] {
            let f = TreeFilter::parse(q);
            assert!(f.matches(&c, ebsp), "{q}");
            assert!(f.matches(&c, letter), "{q}");
        }
        assert!(!TreeFilter::parse("Europese Raad").matches(&c, ebsp));
        // Not every node of the document: its roots, whose parts show.
        let part = c.get("ebsp/uitkomst-onderhandelingen").unwrap();
        assert!(!TreeFilter::parse("JBZ-Raad").matches(&c, part));
    }

    #[test]
    fn groups_made_on_two_threads_are_those_made_on_one() {
        // Documents of three dossiers in turn; one dossier's title given
        // only by a document in the second half.
        let files: Vec<crate::load::SourceFile> = (0..12)
            .map(|n| {
                let dossier = ["21501-20", "32317", "36410-VI"][n % 3];
                let title = match dossier {
                    "32317" if n < 6 => String::new(),
                    "32317" => "dossier_title = \"JBZ-Raad\"\n".to_string(),
                    _ => format!("dossier_title = \"Titel {dossier}\"\n"),
                };
                let id = format!("kst-{}-{}", dossier.to_lowercase(), 100 + n);
                crate::load::SourceFile {
                    path: format!("{id}.toml"),
                    text: format!(
                        "[dossier]\nid = \"{id}\"\nkind = \"document\"\ntitle = \"Motie {n}\"\n\
                         text = \"Tekst.\"\n\n[document]\ntype = \"motie\"\ndate = \"2025-06-04\"\n\
                         dossier_number = \"{dossier}\"\nnumber = \"{}\"\n{title}",
                        100 + n
                    ),
                }
            })
            .collect();
        let c = crate::load::load(&files, &crate::load::NoFiles);
        assert!(c.errors.is_empty(), "{:?}", c.errors);
        let one = by_dossier_split(&c, usize::MAX);
        let two = by_dossier_split(&c, 1);
        assert_eq!(one, two);
        assert_eq!(one.0.len(), 3);
        let labels: Vec<_> = one.0.iter().filter_map(|g| g.label.as_deref()).collect();
        assert!(labels.contains(&"32317 JBZ-Raad"), "{labels:?}");
        assert!(one.0.iter().all(|g| g.members.len() == 4));
    }

    #[test]
    fn a_dossier_shows_its_parts_then_what_it_cites() {
        let c = bundled();
        let ebsp = c.get("ebsp").unwrap();
        let kids: Vec<&str> = children(&c, ebsp).map(|k| c.node(k).id.as_str()).collect();
        assert!(kids.contains(&"ebsp/uitkomst-onderhandelingen"), "{kids:?}");
        let cited = c.references_cited_by(ebsp);
        assert!(!cited.is_empty());
        // The cited references come last, after the dossier's own nodes.
        assert_eq!(
            &kids[kids.len() - cited.len()..],
            &cited
                .iter()
                .map(|&r| c.node(r).id.as_str())
                .collect::<Vec<_>>()[..]
        );
        let att = attachments(&c, ebsp);
        assert!(att.iter().all(|&i| c.node(i).kind != NodeKind::Section));
        assert!(att.ends_with(cited));
        // A section lists no references of its own.
        let part = c.get("ebsp/uitkomst-onderhandelingen").unwrap();
        assert!(children(&c, part).all(|k| c.node(k).kind != NodeKind::Reference));
    }
}
