//! Regular expressions written in the source as constants.

use regex::Regex;

/// Compiles a constant pattern. The patterns are fixed at compile time and exercised by the
/// unit tests; should one ever fail to compile, the result is a regex that matches nothing
/// rather than a panic.
pub fn constant(pattern: &str) -> Regex {
    Regex::new(pattern).unwrap_or_else(|_| never())
}

fn never() -> Regex {
    Regex::new(r"[^\s\S]").unwrap_or_else(|_| never())
}
