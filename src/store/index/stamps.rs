//! The stamps the index holds of the files it was made from (one marker
//! document per file), read from fast fields: read from the stored
//! documents, whose blocks hold the units' passages between the markers,
//! they took a quarter of an import's time at 100,000 documents.

use std::collections::{BTreeMap, HashMap};

use tantivy::collector::{Collector, SegmentCollector};
use tantivy::columnar::StrColumn;
use tantivy::query::TermQuery;
use tantivy::schema::IndexRecordOption;
use tantivy::{DocId, Index, Score, SegmentOrdinal, SegmentReader, Term};

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
        self.ords
            .iter()
            .filter_map(|(g, s)| Some((groups.get(g)?.clone(), stamps.get(s)?.clone())))
            .collect()
    }
}

/// The terms of a column's `ords`, by ord: the dictionary read once, front
/// to back, rather than searched for each.
fn terms(column: &StrColumn, ords: impl Iterator<Item = u64>) -> Option<HashMap<u64, String>> {
    let mut sorted: Vec<u64> = ords.collect();
    sorted.sort_unstable();
    sorted.dedup();
    let mut out = HashMap::with_capacity(sorted.len());
    let mut next = sorted.iter();
    column
        .dictionary()
        .sorted_ords_to_term_cb(&sorted, |term| {
            if let Some(&ord) = next.next() {
                out.insert(ord, String::from_utf8_lossy(term).into_owned());
            }
        })
        .ok()?;
    (out.len() == sorted.len()).then_some(out)
}
