//! factlint: lint technical articles for internal contradictions.
//!
//! The library API is [`check_text`]: Markdown in, diagnostics out, no I/O. The command line
//! (`cli`) owns files, configuration and reporting.

pub mod checks;
pub mod cli;
pub mod diagnostic;
pub mod document;
pub mod extract;
pub mod files;
pub mod report;
pub mod rules;

use diagnostic::Diagnostic;
use document::Document;
use rules::Rules;

/// Checks one Markdown document with the given rules. Diagnostics come sorted by position,
/// then check id.
pub fn check_text(text: &str, rules: &Rules) -> Vec<Diagnostic> {
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
    let mut diagnostics = checks::run_all(&doc, rules);
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
