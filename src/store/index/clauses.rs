//! How a [`Plan`] becomes tantivy's query: each atom's words in every
//! text field, whole, as the start of a word, as a part of one or a typo
//! away as far as the search reaches.

use tantivy::Term;
use tantivy::query::{
    BooleanQuery, BoostQuery, FuzzyTermQuery, Occur, PhraseQuery, Query, RegexQuery, TermQuery,
};
use tantivy::schema::IndexRecordOption;

use super::engine::Fields;
use super::query::{Atom, Mode, Plan};

/// How far an atom's words reach.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Reach {
    /// A level of the ranking: 0 whole words, 1 also words they start,
    /// 2 also words they are part of, 3 also words a typo away.
    Level(u8),
    /// A filter's: whole words and words they start (with `'word` words
    /// it is part of, with `word$` words it ends); never a typo, and no
    /// ranking.
    Filter,
}

pub(super) fn plan_query(f: Fields, plan: &Plan, reach: Reach) -> Option<Box<dyn Query>> {
    let mut clauses: Vec<(Occur, Box<dyn Query>)> = vec![(
        Occur::Must,
        Box::new(TermQuery::new(
            Term::from_field_text(f.kind, "unit"),
            IndexRecordOption::Basic,
        )),
    )];
    for group in &plan.groups {
        let any: Vec<(Occur, Box<dyn Query>)> = group
            .iter()
            .filter_map(|a| atom_query(f, a, reach))
            .map(|q| (Occur::Should, q))
            .collect();
        if any.is_empty() {
            return None;
        }
        clauses.push((Occur::Must, Box::new(BooleanQuery::new(any))));
    }
    // Words typed together rank higher where they stand together
    // (`Europese Raad`, `Iron Dome`).
    let together: Vec<String> = plan
        .groups
        .iter()
        .filter_map(|g| match g.as_slice() {
            [a] if a.ident.is_none() && a.mode != Mode::Whole => Some(a.words.clone()),
            _ => None,
        })
        .flatten()
        .collect();
    if together.len() >= 2 && reach != Reach::Filter {
        for (field, boost) in [(f.title, 3.0), (f.dossier, 3.0), (f.body, 1.0)] {
            let phrase = PhraseQuery::new(
                together
                    .iter()
                    .map(|w| Term::from_field_text(field, w))
                    .collect(),
            );
            clauses.push((
                Occur::Should,
                Box::new(BoostQuery::new(Box::new(phrase), boost)),
            ));
        }
    }
    for a in &plan.not {
        if let Some(q) = atom_query(f, a, Reach::Level(2)) {
            clauses.push((Occur::MustNot, q));
        }
    }
    Some(Box::new(BooleanQuery::new(clauses)))
}

/// An atom at a reach: every way it may match up to it.
fn atom_query(f: Fields, a: &Atom, reach: Reach) -> Option<Box<dyn Query>> {
    let level = match reach {
        Reach::Level(level) => level,
        Reach::Filter if a.mode == Mode::Plain => 1,
        Reach::Filter => 2,
    };
    let text_fields = [
        (f.title, 3.0),
        (f.people, 3.0),
        (f.dossier, 2.0),
        (f.body, 1.0),
    ];
    let mut any: Vec<(Occur, Box<dyn Query>)> = Vec::new();
    if let Some(ident) = &a.ident {
        let q = TermQuery::new(
            Term::from_field_text(f.ident, ident),
            IndexRecordOption::Basic,
        );
        any.push((Occur::Should, Box::new(BoostQuery::new(Box::new(q), 8.0))));
    }
    for (field, boost) in text_fields {
        let whole: Box<dyn Query> = match a.words.as_slice() {
            [] => continue,
            [w] => Box::new(TermQuery::new(
                Term::from_field_text(field, w),
                IndexRecordOption::WithFreqs,
            )),
            words => Box::new(PhraseQuery::new(
                words
                    .iter()
                    .map(|w| Term::from_field_text(field, w))
                    .collect(),
            )),
        };
        any.push((Occur::Should, Box::new(BoostQuery::new(whole, boost))));
        let [w] = a.words.as_slice() else {
            continue;
        };
        let w = w.as_str();
        let escaped = regex_escape(w);
        let mut add = |pattern: String, weight: f32| {
            if let Ok(q) = RegexQuery::from_pattern(&pattern, field) {
                any.push((
                    Occur::Should,
                    Box::new(BoostQuery::new(Box::new(q), boost * weight)),
                ));
            }
        };
        let prefix = matches!(a.mode, Mode::Plain | Mode::Exact | Mode::Prefix);
        let part = matches!(a.mode, Mode::Plain | Mode::Exact) && w.chars().count() >= 3;
        let suffix = a.mode == Mode::Suffix;
        if level >= 1 && prefix {
            add(format!("{escaped}.+"), 0.5);
        }
        if level >= 2 && part {
            add(format!(".+{escaped}.*"), 0.2);
        }
        if level >= 2 && suffix {
            add(format!(".+{escaped}"), 0.2);
        }
        let len = w.chars().count();
        if level >= 3 && a.mode == Mode::Plain && len >= 4 {
            let distance = if len >= 8 { 2 } else { 1 };
            let q = FuzzyTermQuery::new(Term::from_field_text(field, w), distance, true);
            any.push((
                Occur::Should,
                Box::new(BoostQuery::new(Box::new(q), boost * 0.1)),
            ));
        }
    }
    (!any.is_empty()).then(|| Box::new(BooleanQuery::new(any)) as Box<dyn Query>)
}

fn regex_escape(w: &str) -> String {
    let mut out = String::with_capacity(w.len());
    for c in w.chars() {
        if !c.is_alphanumeric() {
            out.push('\\');
        }
        out.push(c);
    }
    out
}
