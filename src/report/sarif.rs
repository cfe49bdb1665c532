//! `--format sarif`: SARIF 2.1.0 for code-scanning tools (GitHub code scanning and others).
//!
//! One run; the driver lists every rule (checks and pseudo-checks) with its documentation,
//! so `ruleIndex` is stable across runs. Columns count Unicode code points, which the run
//! declares with `columnKind`. Secondary labels become `relatedLocations`, fixes `fixes`.

use super::{FileReport, rule_metas};
use crate::diagnostic::{Diagnostic, Fix, Severity};
use serde_json::{Value, json};
use std::ops::Range;

const SCHEMA: &str = "https://json.schemastore.org/sarif-2.1.0.json";

pub fn render_sarif(files: &[FileReport]) -> String {
    let metas: Vec<_> = rule_metas().collect();
    let rules: Vec<Value> = metas
        .iter()
        .map(|m| {
            json!({
                "id": m.id,
                "name": m.id,
                "shortDescription": {"text": m.summary()},
                "fullDescription": {"text": m.docs.trim_end()},
                "help": {"text": m.docs.trim_end(), "markdown": m.docs.trim_end()},
                "defaultConfiguration": {"level": level(m.severity)},
                "properties": {"category": m.category.as_str(), "tags": [m.category.as_str()]},
            })
        })
        .collect();
    let mut results = Vec::new();
    for f in files {
        for d in &f.diagnostics {
            let index = metas.iter().position(|m| m.id == d.rule);
            results.push(result(f, d, index));
        }
    }
    let artifacts: Vec<Value> = files
        .iter()
        .map(|f| json!({"location": {"uri": uri(&f.path)}, "length": f.source_len()}))
        .collect();
    let out = json!({
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {
                "name": "factlint",
                "version": env!("CARGO_PKG_VERSION"),
                "rules": rules,
            }},
            "artifacts": artifacts,
            "columnKind": "unicodeCodePoints",
            "results": results,
        }],
    });
    let mut text = serde_json::to_string_pretty(&out).unwrap_or_default();
    text.push('\n');
    text
}

fn result(f: &FileReport, d: &Diagnostic, index: Option<usize>) -> Value {
    let mut message = d.message.clone();
    if let Some(help) = &d.help {
        message.push_str("\nhelp: ");
        message.push_str(help);
    }
    let related: Vec<Value> = d
        .related
        .iter()
        .enumerate()
        .map(|(i, r)| {
            let mut loc = location(f, &r.range);
            loc["id"] = json!(i + 1);
            loc["message"] = json!({"text": r.message});
            loc
        })
        .collect();
    let mut out = json!({
        "ruleId": d.rule,
        "level": level(d.severity),
        "message": {"text": message},
        "locations": [location(f, &d.range)],
        "properties": {"category": d.category.as_str()},
    });
    if let Some(i) = index {
        out["ruleIndex"] = json!(i);
    }
    if !related.is_empty() {
        out["relatedLocations"] = json!(related);
    }
    if let Some(fix) = &d.fix {
        out["fixes"] = json!([self::fix(f, fix)]);
    }
    out
}

fn fix(f: &FileReport, fix: &Fix) -> Value {
    let replacements: Vec<Value> = fix
        .edits
        .iter()
        .map(|e| json!({"deletedRegion": region(f, &e.range), "insertedContent": {"text": e.replacement}}))
        .collect();
    json!({
        "description": {"text": format!("{} ({})", fix.message, applicability(fix))},
        "artifactChanges": [{"artifactLocation": {"uri": uri(&f.path)}, "replacements": replacements}],
    })
}

fn applicability(fix: &Fix) -> &'static str {
    match fix.applicability {
        crate::diagnostic::Applicability::Safe => "safe",
        crate::diagnostic::Applicability::Unsafe => "unsafe",
    }
}

fn location(f: &FileReport, range: &Range<usize>) -> Value {
    json!({"physicalLocation": {
        "artifactLocation": {"uri": uri(&f.path)},
        "region": region(f, range),
    }})
}

/// A region in lines and code-point columns; the end column is exclusive, as in SARIF.
fn region(f: &FileReport, range: &Range<usize>) -> Value {
    let (a, b) = f.span(range);
    json!({"startLine": a.line, "startColumn": a.column, "endLine": b.line, "endColumn": b.column})
}

fn level(s: Severity) -> &'static str {
    match s {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "note",
    }
}

/// A relative URI reference for a path: separators become `/`, and every byte outside the
/// unreserved set is percent-encoded (spaces, CJK names, a `:` that would read as a scheme).
pub(crate) fn uri(path: &str) -> String {
    let path = path.replace('\\', "/");
    let path = path.strip_prefix("./").unwrap_or(&path);
    let mut out = String::with_capacity(path.len());
    for b in path.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~' | b'/') {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}
