//! `--format human`: codespan-reporting diagnostics, primary label on the claim and secondary
//! labels on what it contradicts.

use super::excerpt::Views;
use super::{FileReport, Summary};
use crate::diagnostic::Severity;
use codespan_reporting::diagnostic::{Diagnostic as CsDiagnostic, Label, Severity as CsSeverity};
use codespan_reporting::term::termcolor::{Ansi, NoColor, WriteColor};
use codespan_reporting::term::{self, Config};
use std::io::Write;

/// Renders every file's diagnostics and a closing summary line.
pub fn render_human(files: &[FileReport], color: bool) -> Vec<u8> {
    render_human_with(files, color, true)
}

/// Renders every file's diagnostics, and the summary line when `summary` is set.
pub fn render_human_with(files: &[FileReport], color: bool, summary: bool) -> Vec<u8> {
    let mut out = Vec::new();
    // Writing to a vector cannot fail.
    let _ = write_human(files, color, summary, &mut out);
    out
}

/// Writes every file's diagnostics to `out` one by one, and the summary line when
/// `summary` is set.
pub fn write_human(
    files: &[FileReport],
    color: bool,
    summary: bool,
    out: &mut dyn Write,
) -> std::io::Result<()> {
    if color {
        write_diagnostics(files, &mut Ansi::new(&mut *out))?;
    } else {
        write_diagnostics(files, &mut NoColor::new(&mut *out))?;
    }
    if summary {
        out.write_all(summary_line(files).as_bytes())?;
    }
    Ok(())
}

fn write_diagnostics(files: &[FileReport], out: &mut dyn WriteColor) -> std::io::Result<()> {
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
            // A failure to write ends the report; any other (a range outside the file, which
            // the clamping above rules out) skips the diagnostic rather than the report.
            if let Err(codespan_reporting::files::Error::Io(e)) =
                term::emit_to_write_style(out, &config, &views, &diag)
            {
                return Err(e);
            }
        }
    }
    Ok(())
}

/// "3 files checked: 1 error, 2 warnings, 0 infos".
fn summary_line(files: &[FileReport]) -> String {
    let s = Summary::of(files);
    let total = s.errors + s.warnings + s.infos;
    if total == 0 {
        format!("{} checked, no problems found\n", plural(s.files, "file"))
    } else {
        format!(
            "{} checked: {}, {}, {}\n",
            plural(s.files, "file"),
            plural(s.errors, "error"),
            plural(s.warnings, "warning"),
            plural(s.infos, "info")
        )
    }
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
