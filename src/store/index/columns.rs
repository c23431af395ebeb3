//! The terms a collector's documents hold in a fast text column, read
//! from the column's dictionary for the ords it gathered.

use tantivy::columnar::StrColumn;

/// The terms of a column's `ords`, each once, in the order of their ords
/// (which is the terms' order): the dictionary read once, front to back,
/// rather than searched for each. `None` when it cannot be read.
pub(super) fn terms(
    column: &StrColumn,
    ords: impl Iterator<Item = u64>,
) -> Option<Vec<(u64, String)>> {
    let mut sorted: Vec<u64> = ords.collect();
    sorted.sort_unstable();
    sorted.dedup();
    let mut out = Vec::with_capacity(sorted.len());
    let mut next = sorted.iter();
    column
        .dictionary()
        .sorted_ords_to_term_cb(&sorted, |term| {
            if let Some(&ord) = next.next() {
                out.push((ord, String::from_utf8_lossy(term).into_owned()));
            }
        })
        .ok()?;
    (out.len() == sorted.len()).then_some(out)
}
