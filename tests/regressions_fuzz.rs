//! Inputs that made factlint hang or panic, found by the random-input loop
//! (`tests/random_inputs.rs`) and `cargo fuzz`; each must now finish quietly.

use factlint::diagnostic::validate;
use factlint::rules::{Rules, parse_file};
use std::time::{Duration, Instant};

const DOCUMENT: &str = include_str!("../fixtures/aigc-survey.md");

fn check_with_rules(rules_toml: &str, document: &str) {
    let start = Instant::now();
    let mut rules = Rules::defaults().expect("default rules");
    rules.merge(parse_file("r.toml", rules_toml).expect("parses"));
    rules.finish();
    let diagnostics = factlint::check_text(document, &rules);
    validate(document, &diagnostics).unwrap_or_else(|e| panic!("{e}"));
    assert!(start.elapsed() < Duration::from_secs(10), "too slow");
}

/// An empty proposal word looped forever in the year extractor's word search.
#[test]
fn empty_proposal_word() {
    check_with_rules("[claims]\nproposal = [\"\"]\n", DOCUMENT);
    check_with_rules(
        "[claims]\nproposal = [\"\"]\n",
        "GPT-3于2020年发布。BERT, 2018.\n",
    );
}

/// An empty CJK-side label looped forever in the label-assignment extractor.
#[test]
fn empty_label() {
    let rules = "[[label-pairs]]\nlabels = [\"\", \"负样本\"]\n";
    check_with_rules(
        rules,
        "真实数据作为判别器的正样本，生成数据作为判别器的负样本。\n",
    );
    check_with_rules(rules, DOCUMENT);
}

/// An empty work alias: its search stepped one byte, which can land inside a multi-byte
/// char. Not seen to fail (an empty match at a word boundary ends the search first); kept
/// beside the two real finds because it is the same kind of input.
#[test]
fn empty_work_alias() {
    let rules = "[[works]]\ntitle = \"Attention Is All You Need\"\nyear = 2017\naliases = [\"\"]\n";
    let document = "éa model was proposed in 2017.\n\nIt [1] works.\n\n## References\n\n[1] Attention Is All You Need. 2017.\n";
    check_with_rules(rules, document);
    check_with_rules(rules, DOCUMENT);
}

/// cargo-fuzz (markdown target): an IEEE reference whose closing quote is `”` put the venue's
/// start inside that quote, and reporting a year mismatch against it panicked. The input the
/// fuzzer found, and the same mistake in an ordinary document.
#[test]
fn venue_after_a_closing_quote() {
    let found = include_bytes!("fuzz-inputs/venue-inside-closing-quote.bin");
    let text = String::from_utf8_lossy(found);
    let rules = Rules::defaults().expect("default rules");
    let diagnostics = factlint::check_text(&text, &rules);
    validate(&text, &diagnostics).unwrap_or_else(|e| panic!("{e}"));

    let md = "The Transformer [1] was proposed in 2016.\n\n## References\n\n\
              [1] A. Vaswani, “Attention Is All You Need,” NeurIPS, 2017.\n";
    let messages: Vec<String> = factlint::check_text(md, &rules)
        .into_iter()
        .map(|d| d.message)
        .collect();
    assert_eq!(
        messages,
        ["text says 2016; reference [1] says NeurIPS 2017"]
    );
}
