//! Where the time of a check run goes, over the corpus: the model, then each check (with
//! the claims it asks for), against the parse floor.
//!
//! ```text
//! FACTLINT_CORPUS=../shared/corpus cargo bench --bench checks
//! ```
//!
//! Files are read once, before timing. Each row is the best of `FACTLINT_BENCH_RUNS`
//! (default 3) runs over all files; a check's row includes the claims it extracts first
//! (claims are extracted lazily, so a kind shared by two checks is charged to the first).
//! Without a corpus the benchmark says so and exits successfully.

#[path = "timing.rs"]
mod timing;

/// The allocator of the `factlint` binary, so that the rows measure what the command does.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

use factlint::checks::{ALL, Context};
use factlint::document::{Document, markdown_options};
use factlint::extract::Claims;
use factlint::files;
use factlint::rules::Rules;
use std::hint::black_box;
use std::time::{Duration, Instant};

fn main() {
    let Some(dir) = timing::corpus("checks") else {
        return;
    };
    let (targets, _) = files::discover(std::slice::from_ref(&dir));
    let texts: Vec<String> = targets
        .iter()
        .filter_map(|t| files::read(t, u64::MAX).ok())
        .collect();
    let rules = Rules::defaults().unwrap_or_else(|e| panic!("default rules: {e}"));
    let options = rules.model_options();
    let runs = timing::runs(3);

    let mut floor = Duration::MAX;
    let mut model = Duration::MAX;
    let mut per_check = vec![Duration::MAX; ALL.len()];
    for _ in 0..runs {
        let start = Instant::now();
        for text in &texts {
            let parser = pulldown_cmark::Parser::new_ext(text, markdown_options());
            for event in parser.into_offset_iter() {
                black_box(event);
            }
        }
        floor = floor.min(start.elapsed());
        let mut model_run = Duration::ZERO;
        let mut check_run = vec![Duration::ZERO; ALL.len()];
        for text in &texts {
            let start = Instant::now();
            let doc = Document::parse(text, &options);
            model_run += start.elapsed();
            let claims = Claims::new(&doc, &rules);
            for (k, check) in ALL.iter().enumerate() {
                let meta = check.meta();
                let ctx = Context {
                    doc: &doc,
                    rules: &rules,
                    claims: &claims,
                    meta,
                    severity: meta.severity,
                };
                let start = Instant::now();
                let mut out = Vec::new();
                check.run(&ctx, &mut out);
                black_box(out);
                check_run[k] += start.elapsed();
            }
        }
        model = model.min(model_run);
        for (best, run) in per_check.iter_mut().zip(check_run) {
            *best = (*best).min(run);
        }
    }
    let row = |name: &str, d: Duration| {
        println!(
            "{name:<28} {:>8.3} s {:>6.2}x floor",
            timing::secs(d),
            timing::secs(d) / timing::secs(floor)
        );
    };
    println!(
        "corpus: {} ({} files); best of {runs} runs; files read before timing",
        dir.display(),
        texts.len()
    );
    row("pulldown-cmark events", floor);
    row("document model", model);
    for (check, d) in ALL.iter().zip(&per_check) {
        row(check.meta().id, *d);
    }
    let total = model + per_check.iter().sum::<Duration>();
    row("model and all checks", total);
}
