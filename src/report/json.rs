//! `--format json`: one object with a summary and every diagnostic, positions 1-based with
//! columns counted in Unicode characters.

use super::{FileReport, Summary};
use crate::diagnostic::Diagnostic;
use serde_json::{Value, json};

pub fn render_json(files: &[FileReport]) -> String {
    let s = Summary::of(files);
    let diagnostics: Vec<Value> = files
        .iter()
        .flat_map(|f| f.diagnostics.iter().map(move |d| diagnostic(f, d)))
        .collect();
    let out = json!({
        "version": 1,
        "summary": {"files": s.files, "errors": s.errors, "warnings": s.warnings, "infos": s.infos},
        "diagnostics": diagnostics,
    });
    let mut text = serde_json::to_string_pretty(&out).unwrap_or_default();
    text.push('\n');
    text
}

fn position(f: &FileReport, range: &std::ops::Range<usize>) -> (usize, usize, usize, usize) {
    let (a, b) = f.span(range);
    (a.line, a.column, b.line, b.column)
}

pub(crate) fn diagnostic(f: &FileReport, d: &Diagnostic) -> Value {
    let (line, column, end_line, end_column) = position(f, &d.range);
    let related: Vec<Value> = d
        .related
        .iter()
        .map(|r| {
            let (line, column, end_line, end_column) = position(f, &r.range);
            json!({"file": f.path, "line": line, "column": column, "end_line": end_line,
                   "end_column": end_column, "message": r.message})
        })
        .collect();
    let fix = d.fix.as_ref().map(|fix| {
        let edits: Vec<Value> = fix
            .edits
            .iter()
            .map(|e| {
                let (line, column, end_line, end_column) = position(f, &e.range);
                json!({"line": line, "column": column, "end_line": end_line, "end_column": end_column,
                       "offset": e.range.start, "end_offset": e.range.end, "replacement": e.replacement})
            })
            .collect();
        json!({"message": fix.message, "applicability": fix.applicability, "edits": edits})
    });
    json!({
        "file": f.path,
        "rule": d.rule,
        "category": d.category,
        "severity": d.severity,
        "message": d.message,
        "line": line, "column": column, "end_line": end_line, "end_column": end_column,
        "related": related,
        "help": d.help,
        "fix": fix,
    })
}
