//! Precision and recall over the fixture corpus (`fixtures/corpus/`): 36 documents, half
//! Chinese and half English, on databases, networking, biology, physics, economics and
//! more, with planted errors marked `<!-- expect: CATEGORY -->` and traps that must stay
//! silent. Prints a table per category; requires recall ≥ 90% and no false finding.

mod common;

use factlint::document::LineIndex;
use factlint::rules::Rules;
use std::collections::{BTreeMap, BTreeSet};

#[derive(Default)]
struct Score {
    true_positives: usize,
    false_negatives: usize,
    false_positives: usize,
}

#[test]
fn corpus_precision_and_recall() {
    let rules = Rules::defaults().expect("default rules");
    let files = common::markdown_files(&common::root().join("fixtures/corpus"));
    assert!(
        files.len() >= 30,
        "the corpus has {} documents",
        files.len()
    );
    let mut scores: BTreeMap<String, Score> = BTreeMap::new();
    let mut misses = Vec::new();
    for path in &files {
        let text = std::fs::read_to_string(path).expect("UTF-8 fixture");
        let idx = LineIndex::new(&text);
        let mut expected: BTreeSet<(usize, String)> = common::expectations(&text);
        for d in factlint::check_text(&text, &rules) {
            let line = idx.line_col(&text, d.range.start).line;
            let category = d.category.to_string();
            let score = scores.entry(category.clone()).or_default();
            if expected.remove(&(line, category.clone())) {
                score.true_positives += 1;
            } else {
                score.false_positives += 1;
                misses.push(format!(
                    "false {category} {}:{line}: {}",
                    path.display(),
                    d.message
                ));
            }
        }
        for (line, category) in expected {
            scores.entry(category.clone()).or_default().false_negatives += 1;
            misses.push(format!("missed {category} {}:{line}", path.display()));
        }
    }
    println!(
        "{:<10} {:>4} {:>4} {:>4} {:>8} {:>9}",
        "category", "tp", "fn", "fp", "recall", "precision"
    );
    let (mut tp, mut fneg, mut fp) = (0, 0, 0);
    for (category, s) in &scores {
        let recall = ratio(s.true_positives, s.true_positives + s.false_negatives);
        let precision = ratio(s.true_positives, s.true_positives + s.false_positives);
        println!(
            "{category:<10} {:>4} {:>4} {:>4} {:>7.1}% {:>8.1}%",
            s.true_positives,
            s.false_negatives,
            s.false_positives,
            recall * 100.0,
            precision * 100.0
        );
        tp += s.true_positives;
        fneg += s.false_negatives;
        fp += s.false_positives;
    }
    println!(
        "{:<10} {tp:>4} {fneg:>4} {fp:>4} {:>7.1}% {:>8.1}%",
        "all",
        ratio(tp, tp + fneg) * 100.0,
        ratio(tp, tp + fp) * 100.0
    );
    for m in &misses {
        println!("{m}");
    }
    for (category, s) in &scores {
        let recall = ratio(s.true_positives, s.true_positives + s.false_negatives);
        assert!(
            recall >= 0.9,
            "{category}: recall {:.1}% is below 90%",
            recall * 100.0
        );
        assert_eq!(s.false_positives, 0, "{category}: false findings");
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 { 1.0 } else { a as f64 / b as f64 }
}
