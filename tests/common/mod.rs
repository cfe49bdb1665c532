//! Shared helpers of the integration tests: expectation markers and a compact, diff-friendly
//! rendering of diagnostics.

#![allow(dead_code)]

use factlint::diagnostic::Diagnostic;
use factlint::document::LineIndex;
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

/// `(line, token)` pairs from `<!-- expect: a, b -->` markers; tokens are check ids or
/// categories.
pub fn expectations(text: &str) -> BTreeSet<(usize, String)> {
    let mut out = BTreeSet::new();
    for (i, line) in text.lines().enumerate() {
        let mut rest = line;
        while let Some(p) = rest.find("<!--") {
            let after = &rest[p + 4..];
            let Some(end) = after.find("-->") else { break };
            let body = after[..end].trim();
            if let Some(list) = body.strip_prefix("expect:") {
                for token in list.split(',') {
                    let token = token.trim();
                    if !token.is_empty() {
                        out.insert((i + 1, token.to_string()));
                    }
                }
            }
            rest = &after[end + 3..];
        }
    }
    out
}

/// Compares diagnostics with the markers: every diagnostic needs a marker (its rule id or
/// category) on its line, every marker a diagnostic. Returns a description of mismatches.
pub fn compare(text: &str, diagnostics: &[Diagnostic]) -> Vec<String> {
    let idx = LineIndex::new(text);
    let mut expected = expectations(text);
    let mut problems = Vec::new();
    for d in diagnostics {
        let line = idx.line_col(text, d.range.start).line;
        let by_rule = (line, d.rule.to_string());
        let by_category = (line, d.category.to_string());
        if !expected.remove(&by_rule) && !expected.remove(&by_category) {
            problems.push(format!(
                "unexpected {} at line {line}: {}",
                d.rule, d.message
            ));
        }
    }
    for (line, token) in expected {
        problems.push(format!("missing {token} at line {line}"));
    }
    problems
}

/// One line per diagnostic (plus its related labels and fix), with 1-based positions.
pub fn render(text: &str, diagnostics: &[Diagnostic]) -> String {
    let idx = LineIndex::new(text);
    let pos = |o: usize| {
        let lc = idx.line_col(text, o);
        format!("{}:{}", lc.line, lc.column)
    };
    let mut out = String::new();
    for d in diagnostics {
        out.push_str(&format!(
            "{}-{} {} {}: {}\n",
            pos(d.range.start),
            pos(d.range.end),
            d.severity,
            d.rule,
            d.message
        ));
        for r in &d.related {
            out.push_str(&format!(
                "    related {}-{}: {}\n",
                pos(r.range.start),
                pos(r.range.end),
                r.message
            ));
        }
        if let Some(fix) = &d.fix {
            for e in &fix.edits {
                out.push_str(&format!(
                    "    fix {}-{}: {:?}\n",
                    pos(e.range.start),
                    pos(e.range.end),
                    e.replacement
                ));
            }
        }
    }
    if out.is_empty() {
        out.push_str("(no diagnostics)\n");
    }
    out
}

/// Markdown files under a fixtures directory, sorted.
pub fn markdown_files(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        let Ok(entries) = std::fs::read_dir(&d) else {
            continue;
        };
        for e in entries.flatten() {
            let p = e.path();
            if p.is_dir() {
                stack.push(p);
            } else if p.extension().is_some_and(|x| x == "md")
                && p.file_name().is_some_and(|n| n != "README.md")
            {
                out.push(p);
            }
        }
    }
    out.sort();
    out
}

pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The seed article, and the diagnostics of one check on it with the default rules.
pub fn seed_findings(rule: &str) -> (String, Vec<Diagnostic>, String) {
    let text =
        std::fs::read_to_string(root().join("fixtures/aigc-survey.md")).expect("seed fixture");
    let rules = factlint::rules::Rules::defaults().expect("default rules");
    let all = factlint::check_text(&text, &rules);
    let rendered = render(&text, &all);
    let found = all.into_iter().filter(|d| d.rule == rule).collect();
    (text, found, rendered)
}
