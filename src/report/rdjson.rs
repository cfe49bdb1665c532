//! `--format rdjson`: reviewdog's Diagnostic Result JSON (`reviewdog -f=rdjson`).
//!
//! reviewdog counts columns in UTF-8 bytes (its `Position.column`), unlike our other formats,
//! so positions here are byte columns. End positions are exclusive. Fixes become
//! `suggestions`, which reviewdog can post as suggested changes.
//!
//! Serialised from borrowed structs (field order is the output's) without building a
//! `serde_json::Value` tree: a report may hold hundreds of thousands of diagnostics.

use super::FileReport;
use crate::diagnostic::Severity;
use serde::Serialize;
use std::ops::Range;

#[derive(Serialize)]
struct Output<'a> {
    source: Source,
    diagnostics: Vec<RdDiagnostic<'a>>,
}

#[derive(Serialize)]
struct Source {
    name: &'static str,
}

#[derive(Serialize)]
struct RdDiagnostic<'a> {
    message: String,
    location: Location<'a>,
    severity: &'static str,
    code: Code<'a>,
    #[serde(skip_serializing_if = "Option::is_none")]
    suggestions: Option<Vec<Suggestion<'a>>>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    related_locations: Vec<Related<'a>>,
}

#[derive(Serialize)]
struct Location<'a> {
    path: &'a str,
    range: RdRange,
}

#[derive(Serialize)]
struct Code<'a> {
    value: &'a str,
}

#[derive(Serialize)]
struct Suggestion<'a> {
    range: RdRange,
    text: &'a str,
}

#[derive(Serialize)]
struct Related<'a> {
    message: &'a str,
    location: Location<'a>,
}

#[derive(Serialize)]
struct RdRange {
    start: Position,
    end: Position,
}

#[derive(Serialize)]
struct Position {
    line: usize,
    column: usize,
}

pub fn render_rdjson(files: &[FileReport]) -> String {
    let mut diagnostics = Vec::new();
    for f in files {
        for d in &f.diagnostics {
            let mut message = d.message.clone();
            if let Some(help) = &d.help {
                message.push_str("\nhelp: ");
                message.push_str(help);
            }
            diagnostics.push(RdDiagnostic {
                message,
                location: Location {
                    path: &f.path,
                    range: range(f, &d.range),
                },
                severity: severity(d.severity),
                code: Code { value: d.rule },
                suggestions: d.fix.as_ref().map(|fix| {
                    fix.edits
                        .iter()
                        .map(|e| Suggestion {
                            range: range(f, &e.range),
                            text: &e.replacement,
                        })
                        .collect()
                }),
                related_locations: d
                    .related
                    .iter()
                    .map(|r| Related {
                        message: &r.message,
                        location: Location {
                            path: &f.path,
                            range: range(f, &r.range),
                        },
                    })
                    .collect(),
            });
        }
    }
    let out = Output {
        source: Source { name: "factlint" },
        diagnostics,
    };
    let mut text = serde_json::to_string_pretty(&out).unwrap_or_default();
    text.push('\n');
    text
}

fn range(f: &FileReport, r: &Range<usize>) -> RdRange {
    let (sl, sc) = f.line_byte_col(r.start);
    let (el, ec) = f.line_byte_col(r.end.max(r.start));
    RdRange {
        start: Position {
            line: sl,
            column: sc,
        },
        end: Position {
            line: el,
            column: ec,
        },
    }
}

fn severity(s: Severity) -> &'static str {
    match s {
        Severity::Error => "ERROR",
        Severity::Warning => "WARNING",
        Severity::Info => "INFO",
    }
}
