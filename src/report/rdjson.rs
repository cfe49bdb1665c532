//! `--format rdjson`: reviewdog's Diagnostic Result JSON (`reviewdog -f=rdjson`).
//!
//! reviewdog counts columns in UTF-8 bytes (its `Position.column`), unlike our other formats,
//! so positions here are byte columns. End positions are exclusive. Fixes become
//! `suggestions`, which reviewdog can post as suggested changes.

use super::FileReport;
use crate::diagnostic::Severity;
use serde_json::{Value, json};
use std::ops::Range;

pub fn render_rdjson(files: &[FileReport]) -> String {
    let mut diagnostics = Vec::new();
    for f in files {
        for d in &f.diagnostics {
            let mut message = d.message.clone();
            if let Some(help) = &d.help {
                message.push_str("\nhelp: ");
                message.push_str(help);
            }
            let mut out = json!({
                "message": message,
                "location": {"path": f.path, "range": range(f, &d.range)},
                "severity": severity(d.severity),
                "code": {"value": d.rule},
            });
            if let Some(fix) = &d.fix {
                let suggestions: Vec<Value> = fix
                    .edits
                    .iter()
                    .map(|e| json!({"range": range(f, &e.range), "text": e.replacement}))
                    .collect();
                out["suggestions"] = json!(suggestions);
            }
            if !d.related.is_empty() {
                let related: Vec<Value> = d
                    .related
                    .iter()
                    .map(|r| {
                        json!({"message": r.message,
                               "location": {"path": f.path, "range": range(f, &r.range)}})
                    })
                    .collect();
                out["related_locations"] = json!(related);
            }
            diagnostics.push(out);
        }
    }
    let out = json!({
        "source": {"name": "factlint"},
        "diagnostics": diagnostics,
    });
    let mut text = serde_json::to_string_pretty(&out).unwrap_or_default();
    text.push('\n');
    text
}

fn range(f: &FileReport, r: &Range<usize>) -> Value {
    let (sl, sc) = f.line_byte_col(r.start);
    let (el, ec) = f.line_byte_col(r.end.max(r.start));
    json!({"start": {"line": sl, "column": sc}, "end": {"line": el, "column": ec}})
}

fn severity(s: Severity) -> &'static str {
    match s {
        Severity::Error => "ERROR",
        Severity::Warning => "WARNING",
        Severity::Info => "INFO",
    }
}
