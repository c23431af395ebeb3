//! Every unit a filter's text matches, for the tree filter and the
//! timeline: not the best few the finder ranks, but all of them, each
//! holding every word whole or as a word's start (never a word a typo
//! away: a filter shows no near misses). Read from the ids' fast field,
//! not from the stored documents, which hold every passage.

use tantivy::collector::{Collector, SegmentCollector};
use tantivy::columnar::StrColumn;
use tantivy::{DocId, Score, SegmentOrdinal, SegmentReader};

use dossier_core::{Corpus, NodeIdx};

use super::LibraryIndex;
use super::clauses::{Reach, plan_query};
use super::columns::terms;
use super::engine::Error;
use super::query::{self, Plan};

impl LibraryIndex {
    /// The ids of every unit that matches `plan` as a filter does (see
    /// [`Reach::Filter`]), in no order.
    pub fn matching(&self, plan: &Plan) -> Result<Vec<String>, Error> {
        if plan.is_empty() {
            return Ok(Vec::new());
        }
        let Some(q) = plan_query(self.f, plan, Reach::Filter) else {
            return Ok(Vec::new());
        };
        self.reader.searcher().search(&q, &Ids)
    }
}

/// The roots of `corpus` whose units the index matches for a filter's
/// text (fzf's syntax as [`query::parse`] reads it), in no order. None
/// when the index cannot be read: the filter then matches as it would
/// without it.
pub fn roots_matching(index: &LibraryIndex, corpus: &Corpus, text: &str) -> Vec<NodeIdx> {
    index
        .matching(&query::parse(text))
        .unwrap_or_default()
        .iter()
        .filter_map(|id| corpus.get(id))
        .collect()
}

/// Collects the id of every document matched.
struct Ids;

struct SegmentIds {
    column: Option<StrColumn>,
    ords: Vec<u64>,
}

impl Collector for Ids {
    type Fruit = Vec<String>;
    type Child = SegmentIds;

    fn for_segment(
        &self,
        _: SegmentOrdinal,
        segment: &SegmentReader,
    ) -> tantivy::Result<SegmentIds> {
        Ok(SegmentIds {
            column: segment.fast_fields().str("id")?,
            ords: Vec::new(),
        })
    }

    fn requires_scoring(&self) -> bool {
        false
    }

    fn merge_fruits(&self, fruits: Vec<Vec<String>>) -> tantivy::Result<Vec<String>> {
        Ok(fruits.concat())
    }
}

impl SegmentCollector for SegmentIds {
    type Fruit = Vec<String>;

    fn collect(&mut self, doc: DocId, _: Score) {
        if let Some(c) = &self.column {
            self.ords.extend(c.term_ords(doc));
        }
    }

    fn harvest(self) -> Vec<String> {
        self.column
            .as_ref()
            .and_then(|c| terms(c, self.ords.into_iter()))
            .map(|ids| ids.into_iter().map(|(_, id)| id).collect())
            .unwrap_or_default()
    }
}

/// [`roots_matching`] on an index of `corpus` made in memory, for tests.
#[cfg(test)]
pub(crate) fn in_ram(
    corpus: std::sync::Arc<Corpus>,
) -> impl Fn(&str) -> Vec<NodeIdx> + Send + Sync {
    let index = LibraryIndex::in_ram(super::loaded(&corpus)).unwrap_or_else(|e| panic!("{e}"));
    move |text: &str| roots_matching(&index, &corpus, text)
}
