//! The stamps the index holds of the files it was made from (one marker
//! document per file), read from fast fields: read from the stored
//! documents, whose blocks hold the units' passages between the markers,
//! they took a quarter of an import's time at 100,000 documents.

use std::collections::BTreeMap;

use tantivy::collector::{Collector, SegmentCollector};
use tantivy::columnar::StrColumn;
use tantivy::query::TermQuery;
use tantivy::schema::IndexRecordOption;
use tantivy::{DocId, Index, Score, SegmentOrdinal, SegmentReader, Term};

use super::columns::terms;
use super::engine::{Error, Fields};

/// Each file's key and stamp as the index last saw them. A segment whose
/// columns cannot be read gives none of its files: they are read again.
pub(super) fn markers(index: &Index, f: Fields) -> Result<BTreeMap<String, String>, Error> {
    let searcher = index.reader()?.searcher();
    let q = TermQuery::new(
        Term::from_field_text(f.kind, "file"),
        IndexRecordOption::Basic,
    );
    Ok(searcher.search(&q, &Pairs)?.into_iter().collect())
}

/// Collects the group and stamp of every marker.
struct Pairs;

struct SegmentPairs {
    columns: Option<(StrColumn, StrColumn)>,
    ords: Vec<(u64, u64)>,
}

impl Collector for Pairs {
    type Fruit = Vec<(String, String)>;
    type Child = SegmentPairs;

    fn for_segment(
        &self,
        _: SegmentOrdinal,
        segment: &SegmentReader,
    ) -> tantivy::Result<SegmentPairs> {
        let fast = segment.fast_fields();
        Ok(SegmentPairs {
            columns: fast.str("group")?.zip(fast.str("stamp")?),
            ords: Vec::new(),
        })
    }

    fn requires_scoring(&self) -> bool {
        false
    }

    fn merge_fruits(&self, fruits: Vec<Vec<(String, String)>>) -> tantivy::Result<Self::Fruit> {
        Ok(fruits.concat())
    }
}

impl SegmentCollector for SegmentPairs {
    type Fruit = Vec<(String, String)>;

    fn collect(&mut self, doc: DocId, _: Score) {
        if let Some((group, stamp)) = &self.columns
            && let (Some(g), Some(s)) = (group.term_ords(doc).next(), stamp.term_ords(doc).next())
        {
            self.ords.push((g, s));
        }
    }

    fn harvest(self) -> Self::Fruit {
        let Some((group, stamp)) = &self.columns else {
            return Vec::new();
        };
        let groups = terms(group, self.ords.iter().map(|p| p.0));
        let stamps = terms(stamp, self.ords.iter().map(|p| p.1));
        let (Some(groups), Some(stamps)) = (groups, stamps) else {
            return Vec::new();
        };
        let of = |terms: &[(u64, String)], ord: u64| {
            let i = terms.binary_search_by_key(&ord, |t| t.0).ok()?;
            Some(terms[i].1.clone())
        };
        self.ords
            .iter()
            .filter_map(|&(g, s)| Some((of(&groups, g)?, of(&stamps, s)?)))
            .collect()
    }
}
