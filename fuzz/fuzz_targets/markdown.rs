//! Any bytes as a Markdown document (decoded lossily), every check on, fixes applied:
//! no panic, and every diagnostic range a char range of the text, in order.

#![no_main]

use factlint::rules::Rules;
use factlint::{CheckOptions, check_text_with, diagnostic, fix};
use libfuzzer_sys::fuzz_target;
use std::sync::LazyLock;

static RULES: LazyLock<Rules> =
    LazyLock::new(|| Rules::defaults().unwrap_or_else(|e| panic!("default rules: {e}")));

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let options = CheckOptions {
        report_unused_suppressions: true,
    };
    let diagnostics = check_text_with(&text, &RULES, &options);
    if let Err(e) = diagnostic::validate(&text, &diagnostics) {
        panic!("{e}");
    }
    if let Some(fixed) = fix::fix_text(&text, &RULES, &options) {
        let again = check_text_with(&fixed.text, &RULES, &options);
        if let Err(e) = diagnostic::validate(&fixed.text, &again) {
            panic!("after fixes: {e}");
        }
    }
});
