//! How fast a folder of dossier files loads, next to the TOML parser alone
//! on the same files in the same run (BENCHMARKS.md, "Loading").
//!
//! `cargo run --release -p dossier-core --example load_speed -- DIR [RUNS]`
//!
//! Reads every `*.toml` file of DIR once, then times, best of RUNS (5):
//! `toml::from_str` into tables on every core, the same on one core, and
//! [`dossier_core::load::load_owned`] (which parses on every core).

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // test code

use std::time::{Duration, Instant};

use dossier_core::load::{self, SourceFile};

fn main() {
    let mut args = std::env::args().skip(1);
    let Some(dir) = args.next() else {
        eprintln!("usage: load_speed DIR [RUNS]");
        std::process::exit(2);
    };
    let runs: usize = args.next().and_then(|r| r.parse().ok()).unwrap_or(5);
    let files = read(&dir);
    let bytes: usize = files.iter().map(|f| f.text.len()).sum();
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
    println!(
        "{} files, {:.1} MB, {threads} threads, best of {runs}",
        files.len(),
        bytes as f64 / 1e6
    );
    // LOAD_ONLY=1 times the load alone, for a profile of it.
    let only_load = std::env::var_os("LOAD_ONLY").is_some();
    let toml_all = best(if only_load { 0 } else { runs }, || {
        toml_tables(&files, threads)
    });
    let toml_one = best(if only_load { 0 } else { runs }, || toml_tables(&files, 1));
    let load = best(runs, || {
        let c = load::load_owned(files.clone(), &load::NoFiles);
        assert!(c.errors.is_empty(), "{}", c.errors[0]);
        std::hint::black_box(c.nodes.len());
    });
    let ms = |d: Duration| d.as_secs_f64() * 1e3;
    let show = |what: &str, (wall, cpu): (Duration, Duration)| {
        println!(
            "{what:32} {:8.1} ms wall {:8.1} ms processor",
            ms(wall),
            ms(cpu)
        );
    };
    show(&format!("toml::from_str, {threads} threads"), toml_all);
    show("toml::from_str, 1 thread", toml_one);
    show(&format!("load_owned, {threads} threads"), load);
    println!(
        "ratio load / toml: {:.2} wall ({threads} threads), {:.2} processor",
        ms(load.0) / ms(toml_all.0),
        ms(load.1) / ms(toml_all.1).max(1.0)
    );
}

fn read(dir: &str) -> Vec<SourceFile> {
    let mut paths: Vec<_> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{dir}: {e}"))
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "toml"))
        .collect();
    paths.sort();
    paths
        .into_iter()
        .map(|p| SourceFile {
            text: std::fs::read_to_string(&p).unwrap_or_else(|e| panic!("{}: {e}", p.display())),
            path: p.display().to_string(),
        })
        .collect()
}

/// Parses every file into a table, on `threads` threads.
fn toml_tables(files: &[SourceFile], threads: usize) {
    let chunk = files.len().div_ceil(threads.max(1)).max(1);
    std::thread::scope(|s| {
        for part in files.chunks(chunk) {
            s.spawn(move || {
                for f in part {
                    let t: toml::Table = toml::from_str(&f.text).expect("valid TOML");
                    std::hint::black_box(t);
                }
            });
        }
    });
}

/// The best wall time of `runs` runs, and the processor time of that run
/// (all threads): on a machine shared with other work, the wall time is
/// what a user waits and the processor time what the work costs.
fn best(runs: usize, mut f: impl FnMut()) -> (Duration, Duration) {
    (0..runs)
        .map(|_| {
            let (t, cpu) = (Instant::now(), cpu_time());
            f();
            (t.elapsed(), cpu_time().saturating_sub(cpu))
        })
        .min()
        .unwrap_or_default()
}

/// User and system time of this process so far, from `/proc/self/stat`
/// (zero where there is none).
fn cpu_time() -> Duration {
    let stat = std::fs::read_to_string("/proc/self/stat").unwrap_or_default();
    let after_name = stat.rsplit(')').next().unwrap_or("");
    let fields: Vec<&str> = after_name.split_whitespace().collect();
    let ticks = |i: usize| {
        fields
            .get(i)
            .and_then(|f| f.parse::<u64>().ok())
            .unwrap_or(0)
    };
    // utime and stime are fields 14 and 15 of the line, 12 and 13 after the name.
    Duration::from_millis((ticks(11) + ticks(12)) * 10)
}
