//! Timing helpers shared by the benchmarks (`#[path]`-included, not a target).

// Each bench uses the helpers it needs.
#![allow(dead_code)]

use std::path::PathBuf;
use std::time::{Duration, Instant};

/// How many times each measurement runs: `FACTLINT_BENCH_RUNS`, default `default`.
pub fn runs(default: usize) -> usize {
    std::env::var("FACTLINT_BENCH_RUNS")
        .ok()
        .and_then(|v| v.parse().ok())
        .filter(|&n| n > 0)
        .unwrap_or(default)
}

/// The median wall time of `runs` calls of `f` (after one warm-up call).
pub fn median(runs: usize, mut f: impl FnMut()) -> Duration {
    f();
    let mut times: Vec<Duration> = (0..runs)
        .map(|_| {
            let start = Instant::now();
            f();
            start.elapsed()
        })
        .collect();
    times.sort();
    times[times.len() / 2]
}

pub fn secs(d: Duration) -> f64 {
    d.as_secs_f64()
}

/// The corpus directory: `FACTLINT_CORPUS`, else `../shared/corpus` beside the crate (as laid
/// out for developers and CI). `None`, after saying so, when it is not a directory.
pub fn corpus(bench: &str) -> Option<PathBuf> {
    const DEFAULT: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/corpus");
    let dir = PathBuf::from(std::env::var("FACTLINT_CORPUS").unwrap_or(DEFAULT.into()));
    if !dir.is_dir() {
        println!(
            "{bench} bench skipped: {} is not a directory (set FACTLINT_CORPUS)",
            dir.display()
        );
        return None;
    }
    Some(dir)
}
