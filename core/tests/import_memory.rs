//! The memory of an import grows in proportion to its source: for each
//! kind of element a letter's text can hold many of, the most memory the
//! import holds at once for a source with 16 times as many is at most
//! about 16 times that for the smaller one (a square would be 256 times).
//! Counted by an allocator that keeps the peak, one kind after another in
//! one test, so no other test's allocations mix in.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // test code

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering::Relaxed};

struct Counting;

static NOW: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

// SAFETY: every call is passed on to the system allocator unchanged; the
// counters only add up the sizes.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, l: Layout) -> *mut u8 {
        let now = NOW.fetch_add(l.size(), Relaxed) + l.size();
        PEAK.fetch_max(now, Relaxed);
        // SAFETY: as the caller promised for `l`.
        unsafe { System.alloc(l) }
    }

    unsafe fn dealloc(&self, p: *mut u8, l: Layout) {
        NOW.fetch_sub(l.size(), Relaxed);
        // SAFETY: `p` came from `alloc` with `l`.
        unsafe { System.dealloc(p, l) }
    }
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

/// The most memory importing `text` held at once beyond what was held
/// before.
fn peak(text: &str) -> usize {
    let before = NOW.load(Relaxed);
    PEAK.store(before, Relaxed);
    let done = dossier_core::import::import(text);
    assert!(done.is_ok(), "{:?}", done.err());
    drop(done);
    PEAK.load(Relaxed) - before
}

fn letter(body: &str, notes: &[String]) -> String {
    format!(
        " > Retouradres Postbus 20301 2500 EH   Den Haag\n\n{body}\n\n{}\n\n\n\nDirectie\n\nDatum\n\
         17 december 2025\n\nOnze referentie\n7010422\n\nPagina 1 van 1\n\n\
         De minister van Justitie en Veiligheid,\n\nD.M. van Weel\n",
        notes.join("\n")
    )
}

fn lines_of(words: impl Iterator<Item = String>) -> String {
    let mut out = String::new();
    for (i, w) in words.enumerate() {
        out.push_str(&w);
        out.push_str(if i % 8 == 7 { " \n" } else { " " });
    }
    out.push_str("einde.");
    out
}

#[test]
fn sixteen_times_the_elements_at_most_about_sixteen_times_the_memory() {
    type Make = fn(usize) -> String;
    let kinds: [(&str, Make); 5] = [
        ("words", |k| {
            letter(&lines_of((0..k).map(|i| format!("woord{}", i % 7))), &[])
        }),
        ("markers and footnotes", |k| {
            let notes: Vec<String> = (1..=k).map(|n| format!("{n} Zie de raad.")).collect();
            letter(&lines_of((1..=k).map(|n| format!("voorstel{n}"))), &notes)
        }),
        ("footnotes without markers", |k| {
            let notes: Vec<String> = (1..=k).map(|n| format!("{n} Zie de raad.")).collect();
            letter(&lines_of((0..k).map(|_| "VS1".to_string())), &notes)
        }),
        ("citations in one footnote", |k| {
            let cites: Vec<String> = (0..k)
                .map(|i| format!("motie - 21501-04-{}", i % 9 + 1))
                .collect();
            letter(
                "Zie hier1.",
                &[format!("1 vergaderjaar 2024-2025, {}.", cites.join(", "))],
            )
        }),
        ("headings", |k| {
            let paras: Vec<String> = (0..k)
                .map(|i| format!("Onderwerp {i}\nDe raad gaat door."))
                .collect();
            letter(&paras.join("\n\n"), &[])
        }),
    ];
    for (kind, make) in kinds {
        let (small, large) = (make(500), make(8_000));
        let (a, b) = (peak(&small), peak(&large));
        // In proportion to the text (numbers get longer), with room for
        // buffers that double as they grow.
        let allowed = 2 * a * large.len() / small.len() + (1 << 20);
        assert!(
            b <= allowed,
            "{kind}: {b} bytes at most for {} bytes of source, {a} for {}",
            large.len(),
            small.len()
        );
    }
}
