//! `--format human`: codespan-reporting diagnostics, primary label on the claim and secondary
//! labels on what it contradicts.

use super::excerpt::Views;
use super::{FileReport, Summary};
use crate::diagnostic::Severity;
use codespan_reporting::diagnostic::{Diagnostic as CsDiagnostic, Label, Severity as CsSeverity};
use codespan_reporting::term::{self, Config, termcolor::Buffer};

/// Renders every file's diagnostics and a closing summary line.
pub fn render_human(files: &[FileReport], color: bool) -> Vec<u8> {
    render_human_with(files, color, true)
}

/// Renders every file's diagnostics, and the summary line when `summary` is set.
pub fn render_human_with(files: &[FileReport], color: bool, summary: bool) -> Vec<u8> {
    let mut buffer = if color {
        Buffer::ansi()
    } else {
        Buffer::no_color()
    };
    let config = Config::default();
    for f in files {
        if f.diagnostics.is_empty() {
            continue;
        }
        for d in &f.diagnostics {
            let len = f.source_len();
            let clamp =
                |r: &std::ops::Range<usize>| r.start.min(len)..r.end.min(len).max(r.start.min(len));
            let ranges: Vec<std::ops::Range<usize>> = std::iter::once(&d.range)
                .chain(d.related.iter().map(|r| &r.range))
                .map(clamp)
                .collect();
            let mut views = Views::default();
            let ids = views.add(f, &ranges);
            let mut labels =
                vec![Label::primary(ids[0], ranges[0].clone()).with_message(primary_message(d))];
            labels.extend(d.related.iter().enumerate().map(|(k, r)| {
                Label::secondary(ids[k + 1], ranges[k + 1].clone()).with_message(r.message.clone())
            }));
            let mut notes = Vec::new();
            if let Some(help) = &d.help {
                notes.push(format!("help: {help}"));
            }
            if let Some(fix) = &d.fix {
                notes.push(format!("fix ({}): {}", applicability(fix), fix.message));
            }
            let diag = CsDiagnostic::new(severity(d.severity))
                .with_message(&d.message)
                .with_code(format!("{}/{}", d.category, d.rule))
                .with_labels(labels)
                .with_notes(notes);
            // A rendering failure can only come from a range outside the file, which the
            // clamping above rules out; skip the diagnostic rather than abort the report.
            let _ = term::emit_to_write_style(&mut buffer, &config, &views, &diag);
        }
    }
    let mut out = buffer.into_inner();
    if !summary {
        return out;
    }
    let s = Summary::of(files);
    let total = s.errors + s.warnings + s.infos;
    let line = if total == 0 {
        format!("{} checked, no problems found\n", plural(s.files, "file"))
    } else {
        format!(
            "{} checked: {}, {}, {}\n",
            plural(s.files, "file"),
            plural(s.errors, "error"),
            plural(s.warnings, "warning"),
            plural(s.infos, "info")
        )
    };
    out.extend_from_slice(line.as_bytes());
    out
}

fn primary_message(d: &crate::diagnostic::Diagnostic) -> String {
    match d.category {
        crate::diagnostic::Category::Numbering => "this number".into(),
        crate::diagnostic::Category::Citation => "here".into(),
        crate::diagnostic::Category::Toc => "here".into(),
        _ => "this claim".into(),
    }
}

fn applicability(fix: &crate::diagnostic::Fix) -> &'static str {
    match fix.applicability {
        crate::diagnostic::Applicability::Safe => "safe",
        crate::diagnostic::Applicability::Unsafe => "unsafe",
    }
}

fn severity(s: Severity) -> CsSeverity {
    match s {
        Severity::Error => CsSeverity::Error,
        Severity::Warning => CsSeverity::Warning,
        Severity::Info => CsSeverity::Note,
    }
}

fn plural(n: usize, word: &str) -> String {
    if n == 1 {
        format!("1 {word}")
    } else {
        format!("{n} {word}s")
    }
}
