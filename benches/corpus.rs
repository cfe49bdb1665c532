//! Throughput over a corpus of real Markdown, against the parse floor.
//!
//! ```text
//! FACTLINT_CORPUS=../shared/corpus cargo bench --bench corpus
//! ```
//!
//! Reports in one run, each the median of `FACTLINT_BENCH_RUNS` (default 5) runs:
//! - the parse floor: read every file and iterate pulldown-cmark's events with offsets,
//!   with the options factlint uses;
//! - factlint's full check with the default rules on one thread, then on every core;
//! - each as seconds, files/s, MB/s and a ratio to the floor.
//!
//! Files are found as `factlint check DIR` finds them; the rules are loaded once, as the
//! command line does. Without a corpus the benchmark says so and exits successfully.

#[path = "timing.rs"]
mod timing;

/// The allocator of the `factlint` binary, so that both rows measure what the command does.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

use factlint::document::markdown_options;
use factlint::files::{self, Target};
use factlint::rules::Rules;
use rayon::prelude::*;
use std::hint::black_box;
use std::time::Duration;

fn main() {
    let Some(dir) = timing::corpus("corpus") else {
        return;
    };
    let (targets, errors) = files::discover(std::slice::from_ref(&dir));
    for e in &errors {
        eprintln!("warning: {e}");
    }
    let bytes: u64 = targets
        .iter()
        .filter_map(|t| std::fs::metadata(&t.path).ok())
        .map(|m| m.len())
        .sum();
    let rules = Rules::defaults().unwrap_or_else(|e| panic!("default rules: {e}"));
    let runs = timing::runs(5);
    let cores = std::thread::available_parallelism().map_or(1, usize::from);
    println!(
        "corpus: {} ({} files, {:.1} MB); {runs} runs each, median; {cores} cores",
        dir.display(),
        targets.len(),
        bytes as f64 / 1e6
    );

    let floor = timing::median(runs, || {
        for t in &targets {
            parse_only(t);
        }
    });
    let single = timing::median(runs, || {
        for t in &targets {
            check(t, &rules);
        }
    });
    let pool = rayon::ThreadPoolBuilder::new()
        .build()
        .unwrap_or_else(|e| panic!("thread pool: {e}"));
    let parallel = timing::median(runs, || {
        pool.install(|| targets.par_iter().for_each(|t| check(t, &rules)));
    });

    let row = |name: &str, d: Duration| {
        let s = timing::secs(d);
        println!(
            "{name:<28} {s:>8.3} s {:>9.0} files/s {:>7.1} MB/s {:>6.2}x floor",
            targets.len() as f64 / s,
            bytes as f64 / 1e6 / s,
            s / timing::secs(floor)
        );
    };
    row("parse floor (1 thread)", floor);
    row("check (1 thread)", single);
    row(&format!("check ({cores} threads)"), parallel);
    println!(
        "speed-up on {cores} threads: {:.2}x",
        timing::secs(single) / timing::secs(parallel)
    );
}

fn read(t: &Target) -> Option<String> {
    files::read(t, u64::MAX).ok()
}

fn parse_only(t: &Target) {
    let Some(text) = read(t) else { return };
    let parser = pulldown_cmark::Parser::new_ext(&text, markdown_options());
    for (event, range) in parser.into_offset_iter() {
        black_box((event, range));
    }
}

fn check(t: &Target, rules: &Rules) {
    let Some(text) = read(t) else { return };
    black_box(factlint::check_text(&text, rules));
}
