//! Work grows linearly with document size: checks one large document made of the fixture
//! corpus (`fixtures/corpus/*.md`, concatenated) repeated 1, 2, 4 and 8 times.
//!
//! ```text
//! cargo bench --bench scaling
//! ```
//!
//! Prints the median time of each size and the time per copy, which stays flat when the
//! work is linear (a quadratic step would double it with each doubling).

#[path = "timing.rs"]
mod timing;

/// The allocator of the `factlint` binary, so that both rows measure what the command does.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

use factlint::rules::Rules;
use std::hint::black_box;

fn main() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/corpus");
    let mut paths: Vec<_> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "md"))
        .collect();
    paths.sort();
    let base: String = paths
        .iter()
        .filter_map(|p| std::fs::read_to_string(p).ok())
        .map(|t| t + "\n")
        .collect();
    let rules = Rules::defaults().unwrap_or_else(|e| panic!("default rules: {e}"));
    let runs = timing::runs(5);
    println!(
        "one copy: {} files, {:.0} KB; {runs} runs each, median",
        paths.len(),
        base.len() as f64 / 1e3
    );
    let mut first = None;
    for copies in [1, 2, 4, 8] {
        let doc = base.repeat(copies);
        let t = timing::secs(timing::median(runs, || {
            black_box(factlint::check_text(&doc, &rules));
        }));
        let per_copy = t / copies as f64;
        let first = *first.get_or_insert(per_copy);
        println!(
            "{copies}x ({:>6.0} KB) {:>8.3} s  {:>7.4} s per copy  ({:.2}x the 1x rate)",
            doc.len() as f64 / 1e3,
            t,
            per_copy,
            per_copy / first
        );
    }
}
