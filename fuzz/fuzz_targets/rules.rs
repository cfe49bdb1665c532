//! Any bytes as a rules file: parsing returns a rules error or rules, never panics, and
//! rules that parse check a document that exercises every check without panicking.

#![no_main]

use factlint::rules::{Rules, parse_file};
use factlint::{check_text, diagnostic};
use libfuzzer_sys::fuzz_target;

const DOCUMENT: &str = include_str!("../../fixtures/aigc-survey.md");

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let Ok(file) = parse_file("fuzz.toml", text) else {
        return;
    };
    let mut rules = Rules::empty();
    rules.merge(file);
    rules.finish();
    let diagnostics = check_text(DOCUMENT, &rules);
    if let Err(e) = diagnostic::validate(DOCUMENT, &diagnostics) {
        panic!("{e}");
    }
});
