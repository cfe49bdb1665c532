//! `--format json`: one object with a summary and every diagnostic, positions 1-based with
//! columns counted in Unicode characters.
//!
//! Written from borrowed structs to the output as they are serialised (no list of them and no
//! `serde_json::Value` tree): a report of hundreds of thousands of findings needs no memory
//! of its size.

use super::{FileReport, Lazy, Summary, each_finding, write_pretty, written};
use crate::diagnostic::{Applicability, Category, Diagnostic, Severity};
use serde::Serialize;

#[derive(Serialize)]
struct Output<D> {
    version: u32,
    summary: SummaryOut,
    diagnostics: D,
}

#[derive(Serialize)]
struct SummaryOut {
    files: usize,
    errors: usize,
    warnings: usize,
    infos: usize,
}

/// Field order is the output's order.
#[derive(Serialize)]
struct DiagnosticOut<'a> {
    file: &'a str,
    rule: &'a str,
    category: Category,
    severity: Severity,
    message: &'a str,
    line: usize,
    column: usize,
    end_line: usize,
    end_column: usize,
    related: Vec<RelatedOut<'a>>,
    help: Option<&'a str>,
    fix: Option<FixOut<'a>>,
}

#[derive(Serialize)]
struct RelatedOut<'a> {
    file: &'a str,
    line: usize,
    column: usize,
    end_line: usize,
    end_column: usize,
    message: &'a str,
}

#[derive(Serialize)]
struct FixOut<'a> {
    message: &'a str,
    applicability: Applicability,
    edits: Vec<EditOut<'a>>,
}

#[derive(Serialize)]
struct EditOut<'a> {
    line: usize,
    column: usize,
    end_line: usize,
    end_column: usize,
    offset: usize,
    end_offset: usize,
    replacement: &'a str,
}

pub fn render_json(files: &[FileReport]) -> String {
    written(|out| write_json(files, out))
}

/// Writes the report to `out` as it is serialised.
pub fn write_json(files: &[FileReport], out: &mut dyn std::io::Write) -> std::io::Result<()> {
    let s = Summary::of(files);
    let diagnostics = || each_finding(files, diagnostic);
    let report = Output {
        version: 1,
        summary: SummaryOut {
            files: s.files,
            errors: s.errors,
            warnings: s.warnings,
            infos: s.infos,
        },
        diagnostics: Lazy(diagnostics),
    };
    write_pretty(out, &report)
}

fn position(f: &FileReport, range: &std::ops::Range<usize>) -> (usize, usize, usize, usize) {
    let (a, b) = f.span(range);
    (a.line, a.column, b.line, b.column)
}

fn diagnostic<'a>(f: &'a FileReport, d: &'a Diagnostic) -> DiagnosticOut<'a> {
    let (line, column, end_line, end_column) = position(f, &d.range);
    let related = d
        .related
        .iter()
        .map(|r| {
            let (line, column, end_line, end_column) = position(f, &r.range);
            RelatedOut {
                file: &f.path,
                line,
                column,
                end_line,
                end_column,
                message: &r.message,
            }
        })
        .collect();
    let fix = d.fix.as_ref().map(|fix| FixOut {
        message: &fix.message,
        applicability: fix.applicability,
        edits: fix
            .edits
            .iter()
            .map(|e| {
                let (line, column, end_line, end_column) = position(f, &e.range);
                EditOut {
                    line,
                    column,
                    end_line,
                    end_column,
                    offset: e.range.start,
                    end_offset: e.range.end,
                    replacement: &e.replacement,
                }
            })
            .collect(),
    });
    DiagnosticOut {
        file: &f.path,
        rule: d.rule,
        category: d.category,
        severity: d.severity,
        message: &d.message,
        line,
        column,
        end_line,
        end_column,
        related,
        help: d.help.as_deref(),
        fix,
    }
}
