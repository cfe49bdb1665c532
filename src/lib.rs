//! factlint: lint technical articles for internal contradictions.
//!
//! The library API is [`check_text`]: Markdown in, diagnostics out, no I/O. The command line
//! (`cli`) owns files, configuration and reporting.

pub mod checks;
pub mod cli;
pub mod config;
pub mod diagnostic;
pub mod document;
pub mod extract;
pub mod files;
pub mod fix;
pub mod hash;
pub mod pattern;
pub mod report;
pub mod rules;
pub mod suppress;

use diagnostic::Diagnostic;
use document::Document;
use rules::Rules;

/// Settings of one check run beyond the rules.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct CheckOptions {
    /// Report inline suppressions that suppressed nothing (`unused-suppression`).
    pub report_unused_suppressions: bool,
}

/// Checks one Markdown document with the given rules, honouring inline suppressions.
/// Diagnostics come sorted by position, then check id.
pub fn check_text(text: &str, rules: &Rules) -> Vec<Diagnostic> {
    check_text_with(text, rules, &CheckOptions::default())
}

/// [`check_text`] with options.
pub fn check_text_with(text: &str, rules: &Rules, options: &CheckOptions) -> Vec<Diagnostic> {
    // A byte-order mark would hide a heading on the first line; three spaces of the same
    // length keep every offset while letting the Markdown parser see the line as written.
    let unbommed;
    let text = match text.strip_prefix('\u{FEFF}') {
        Some(rest) => {
            unbommed = format!("   {rest}");
            unbommed.as_str()
        }
        None => text,
    };
    let doc = Document::parse(text, &rules.model_options());
    let diagnostics = checks::run_all(&doc, rules);
    let mut diagnostics = suppress::apply(
        text,
        &doc.comments,
        rules,
        diagnostics,
        options.report_unused_suppressions,
    );
    sort(&mut diagnostics);
    diagnostics
}

pub fn sort(diagnostics: &mut [Diagnostic]) {
    diagnostics.sort_by(|a, b| {
        (a.range.start, a.rule, a.range.end, &a.message).cmp(&(
            b.range.start,
            b.rule,
            b.range.end,
            &b.message,
        ))
    });
}
