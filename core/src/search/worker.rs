//! The finder's search thread: fuzzy queries run off the input thread, in
//! chunks, and a newer query drops the one in progress.

use std::collections::{HashMap, VecDeque};
use std::sync::Arc;
use std::sync::mpsc::{self, Receiver, RecvTimeoutError, Sender, TryRecvError};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use super::{FuzzySearch, Hit, SearchIndex};

/// Titles and passages scored between two looks at the request channel:
/// small enough to drop a stale query within a few milliseconds, large
/// enough to keep both cores busy.
const CHUNK: usize = 8_192;

/// How often a query in progress shows its best hits so far.
const PARTIAL_EVERY: Duration = Duration::from_millis(60);

/// Complete result sets kept, so that going back to an earlier query
/// (Backspace) answers at once.
const REMEMBERED: usize = 64;

/// Results for one query: the best so far after the first chunk and then
/// every [`PARTIAL_EVERY`], and the complete result when done.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FinderUpdate {
    /// The number [`FinderWorker::search`] returned for the query.
    pub generation: u64,
    pub query: String,
    /// The best hits so far, best first, with match positions.
    pub hits: Vec<Hit>,
    /// Titles and passages scored so far, and in all.
    pub scanned: usize,
    pub total: usize,
    /// True in the last update of a query: `hits` is the final result.
    pub done: bool,
}

struct Request {
    generation: u64,
    query: String,
    limit: usize,
}

/// A thread that answers fuzzy queries on an index.
///
/// For an interface: on each keystroke call [`FinderWorker::search`]; on
/// each frame drain [`FinderWorker::try_latest`] and show the hits of the
/// newest update (or use [`FinderWorker::updates`] with `recv_timeout` in
/// an event loop). Updates for older queries are dropped by `try_latest`,
/// a new query interrupts the one in progress between chunks, and complete
/// results are remembered, so returning to an earlier query is instant.
/// Dropping the worker stops its thread.
///
/// ```
/// # use std::sync::Arc;
/// # use dossier_core::search::{SearchIndex, FinderWorker};
/// let mut worker = FinderWorker::spawn(Arc::new(SearchIndex::from_texts(["Italië", "Marokko"])));
/// let generation = worker.search("mar", 20);
/// let update = loop {
///     let u = worker.updates().recv().unwrap();
///     if u.generation == generation && u.done { break u; }
/// };
/// assert_eq!(update.hits.len(), 1);
/// ```
pub struct FinderWorker {
    requests: Option<Sender<Request>>,
    updates: Receiver<FinderUpdate>,
    generation: u64,
    thread: Option<JoinHandle<()>>,
}

impl FinderWorker {
    pub fn spawn(index: Arc<SearchIndex>) -> FinderWorker {
        FinderWorker::spawn_with(move || index)
    }

    /// A worker whose thread first makes its index with `make` (building
    /// it from a corpus takes a while at scale), so the caller need not
    /// wait: queries asked meanwhile are answered once the index is ready.
    pub fn spawn_with<F>(make: F) -> FinderWorker
    where
        F: FnOnce() -> Arc<SearchIndex> + Send + 'static,
    {
        let (req_tx, req_rx) = mpsc::channel::<Request>();
        let (upd_tx, upd_rx) = mpsc::channel::<FinderUpdate>();
        let thread = std::thread::Builder::new()
            .name("dossier-finder".into())
            .spawn(move || run(&make(), &req_rx, &upd_tx))
            .ok();
        FinderWorker {
            requests: Some(req_tx),
            updates: upd_rx,
            generation: 0,
            thread,
        }
    }

    /// A worker that answers each query whole with `rank` (query, limit →
    /// hits, best first), made on its thread by `make`: for a search that
    /// is fast enough not to need chunks, such as a full-text index.
    pub fn spawn_ranked<F, R>(make: F) -> FinderWorker
    where
        F: FnOnce() -> R + Send + 'static,
        R: Fn(&str, usize) -> Vec<Hit>,
    {
        let (req_tx, req_rx) = mpsc::channel::<Request>();
        let (upd_tx, upd_rx) = mpsc::channel::<FinderUpdate>();
        let thread = std::thread::Builder::new()
            .name("dossier-finder".into())
            .spawn(move || {
                let rank = make();
                while let Ok(mut request) = req_rx.recv() {
                    // Only the newest of the queries waiting matters.
                    while let Ok(newer) = req_rx.try_recv() {
                        request = newer;
                    }
                    let hits = rank(&request.query, request.limit);
                    let update = FinderUpdate {
                        generation: request.generation,
                        query: request.query,
                        scanned: hits.len(),
                        total: hits.len(),
                        hits,
                        done: true,
                    };
                    if upd_tx.send(update).is_err() {
                        return;
                    }
                }
            })
            .ok();
        FinderWorker {
            requests: Some(req_tx),
            updates: upd_rx,
            generation: 0,
            thread,
        }
    }

    /// Starts a query, dropping any in progress; returns its generation,
    /// which its updates carry.
    pub fn search(&mut self, query: &str, limit: usize) -> u64 {
        self.generation += 1;
        if let Some(tx) = &self.requests {
            let _ = tx.send(Request {
                generation: self.generation,
                query: query.to_string(),
                limit,
            });
        }
        self.generation
    }

    /// The generation of the last query asked.
    pub fn generation(&self) -> u64 {
        self.generation
    }

    /// The newest update for the newest query that has arrived, without
    /// waiting; older updates are discarded.
    pub fn try_latest(&self) -> Option<FinderUpdate> {
        let mut latest = None;
        loop {
            match self.updates.try_recv() {
                Ok(u) if u.generation == self.generation => latest = Some(u),
                Ok(_) => {}
                Err(TryRecvError::Empty | TryRecvError::Disconnected) => return latest,
            }
        }
    }

    /// Waits up to `timeout` for an update of the newest query.
    pub fn wait_latest(&self, timeout: Duration) -> Option<FinderUpdate> {
        let deadline = std::time::Instant::now() + timeout;
        loop {
            let left = deadline.saturating_duration_since(std::time::Instant::now());
            match self.updates.recv_timeout(left) {
                Ok(u) if u.generation == self.generation => {
                    // Take anything newer that is already there.
                    return Some(self.try_latest().unwrap_or(u));
                }
                Ok(_) => {}
                Err(RecvTimeoutError::Timeout | RecvTimeoutError::Disconnected) => return None,
            }
        }
    }

    /// The raw channel of updates, for an event loop that selects on it.
    pub fn updates(&self) -> &Receiver<FinderUpdate> {
        &self.updates
    }
}

impl Drop for FinderWorker {
    fn drop(&mut self) {
        // Closing the request channel ends the thread after its chunk. It
        // is not waited for: it may still be building its index, and
        // nothing it holds needs a tidy end.
        self.requests = None;
        drop(self.thread.take());
    }
}

fn run(index: &SearchIndex, requests: &Receiver<Request>, updates: &Sender<FinderUpdate>) {
    let mut remembered: HashMap<(String, usize), Vec<Hit>> = HashMap::new();
    let mut order: VecDeque<(String, usize)> = VecDeque::new();
    let mut pending: Option<Request> = None;
    loop {
        let request = match pending.take() {
            Some(r) => r,
            None => match requests.recv() {
                Ok(r) => r,
                Err(_) => return,
            },
        };
        // Only the newest of the queries waiting matters.
        let mut request = request;
        while let Ok(newer) = requests.try_recv() {
            request = newer;
        }
        let key = (request.query.clone(), request.limit);
        // A query answered before, or that texts hold as typed (found at
        // once, memchr-fast), is answered whole; a fuzzy search, a chunk
        // at a time, only when neither.
        let whole = match remembered.get(&key) {
            Some(hits) => Some(hits.clone()),
            None => index
                .find_exact(&request.query, request.limit)
                .inspect(|hits| {
                    remember(&mut remembered, &mut order, key.clone(), hits.clone());
                }),
        };
        if let Some(hits) = whole {
            let total = index.len();
            let update = FinderUpdate {
                generation: request.generation,
                query: request.query,
                hits,
                scanned: total,
                total,
                done: true,
            };
            if updates.send(update).is_err() {
                return;
            }
            continue;
        }
        let mut search = FuzzySearch::new(index, &request.query, request.limit);
        let mut last_sent: Option<Instant> = None;
        loop {
            let done = search.step(CHUNK);
            let (scanned, total) = search.progress();
            // The best hits so far go out after the first chunk and then a
            // few times a second: their match positions cost more than a
            // chunk's scoring when taken after every chunk.
            let due = last_sent.is_none_or(|t| t.elapsed() >= PARTIAL_EVERY);
            if !done && !due {
                match requests.try_recv() {
                    Ok(newer) => {
                        pending = Some(newer);
                        break;
                    }
                    Err(TryRecvError::Empty) => continue,
                    Err(TryRecvError::Disconnected) => return,
                }
            }
            last_sent = Some(Instant::now());
            let mut hits = search.hits();
            // Scattered letters that are mostly gaps are not shown.
            hits.retain(|h| crate::query::dense(&h.positions));
            if done {
                remember(&mut remembered, &mut order, key.clone(), hits.clone());
            }
            let update = FinderUpdate {
                generation: request.generation,
                query: request.query.clone(),
                hits,
                scanned,
                total,
                done,
            };
            if updates.send(update).is_err() {
                return;
            }
            if done {
                break;
            }
            match requests.try_recv() {
                Ok(newer) => {
                    pending = Some(newer);
                    break;
                }
                Err(TryRecvError::Empty) => {}
                Err(TryRecvError::Disconnected) => return,
            }
        }
    }
}

/// Keeps a complete result for when the same query comes again.
fn remember(
    remembered: &mut HashMap<(String, usize), Vec<Hit>>,
    order: &mut VecDeque<(String, usize)>,
    key: (String, usize),
    hits: Vec<Hit>,
) {
    remembered.insert(key.clone(), hits);
    order.push_back(key);
    if order.len() > REMEMBERED
        && let Some(old) = order.pop_front()
    {
        remembered.remove(&old);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_ranked_worker_answers_the_newest_query_whole() {
        let mut worker = FinderWorker::spawn_ranked(|| {
            |q: &str, limit: usize| -> Vec<Hit> {
                (0..limit.min(q.len()))
                    .map(|i| Hit {
                        node: i,
                        passage: None,
                        score: 0,
                        positions: Vec::new(),
                    })
                    .collect()
            }
        });
        worker.search("ab", 10);
        let g = worker.search("abc", 10);
        let u = worker
            .wait_latest(Duration::from_secs(10))
            .expect("an answer");
        assert_eq!((u.generation, u.done, u.hits.len()), (g, true, 3));
    }
}
