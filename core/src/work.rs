//! A count of the steps the import's passes take over their input: bytes
//! scanned, characters compared, items visited. Tests hold it linear (a
//! source twice as big takes at most twice the steps, within a constant)
//! without timing anything; the benchmarks give the seconds.
//!
//! One counter per thread, so tests running side by side do not mix their
//! counts. Counting costs one thread-local add per scan, not per byte.

use std::cell::Cell;

thread_local! {
    static STEPS: Cell<u64> = const { Cell::new(0) };
}

/// Adds `n` steps to this thread's count.
pub fn add(n: usize) {
    STEPS.with(|s| s.set(s.get().saturating_add(n as u64)));
}

/// Runs `f` and returns what it returned with the steps it took.
pub fn counted<T>(f: impl FnOnce() -> T) -> (T, u64) {
    let before = STEPS.with(Cell::get);
    let out = f();
    let after = STEPS.with(Cell::get);
    (out, after.saturating_sub(before))
}
