//! `--format rdjson`: reviewdog's Diagnostic Result JSON (`reviewdog -f=rdjson`).
//!
//! reviewdog counts columns in UTF-8 bytes (its `Position.column`), unlike our other formats,
//! so positions here are byte columns. End positions are exclusive. Fixes become
//! `suggestions`, which reviewdog can post as suggested changes.
//!
//! Serialised from borrowed structs (field order is the output's) to the output one by one,
//! without a list or a `serde_json::Value` tree: a report may hold hundreds of thousands of
//! diagnostics.

use super::{FileReport, Lazy, each_finding, write_pretty, written};
use crate::diagnostic::Severity;
use serde::Serialize;
use std::ops::Range;

#[derive(Serialize)]
struct Output<D> {
    source: Source,
    diagnostics: D,
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
    written(|out| write_rdjson(files, out))
}

/// Writes the report to `out` as it is serialised.
pub fn write_rdjson(files: &[FileReport], out: &mut dyn std::io::Write) -> std::io::Result<()> {
    let diagnostics = || each_finding(files, diagnostic);
    let report = Output {
        source: Source { name: "factlint" },
        diagnostics: Lazy(diagnostics),
    };
    write_pretty(out, &report)
}

fn diagnostic<'a>(f: &'a FileReport, d: &'a crate::diagnostic::Diagnostic) -> RdDiagnostic<'a> {
    let mut message = d.message.clone();
    if let Some(help) = &d.help {
        message.push_str("\nhelp: ");
        message.push_str(help);
    }
    RdDiagnostic {
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
    }
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
