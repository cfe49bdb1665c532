//! `--format github`: GitHub Actions workflow commands, which the runner turns into
//! annotations on the pull request.
//!
//! `::warning file=F,line=L,col=C,endLine=L,endColumn=C,title=T::message`, one line per
//! diagnostic. Messages quote the document, so everything is escaped as GitHub's toolkit
//! does (`escapeData` / `escapeProperty`): no line break survives, so no document text can
//! start a workflow command of its own.

use super::FileReport;
use crate::diagnostic::Severity;
use std::fmt::Write;

pub fn render_github(files: &[FileReport]) -> String {
    let mut out = String::new();
    for f in files {
        for d in &f.diagnostics {
            let (a, b) = f.span(&d.range);
            let command = match d.severity {
                Severity::Error => "error",
                Severity::Warning => "warning",
                Severity::Info => "notice",
            };
            let mut message = d.message.clone();
            for r in &d.related {
                let at = f.line_col(r.range.start);
                let _ = write!(message, "\n{}:{}: {}", at.line, at.column, r.message);
            }
            if let Some(help) = &d.help {
                let _ = write!(message, "\nhelp: {help}");
            }
            let title = format!("factlint {}/{}", d.category, d.rule);
            let _ = writeln!(
                out,
                "::{command} file={},line={},col={},endLine={},endColumn={},title={}::{}",
                escape_property(&f.path),
                a.line,
                a.column,
                b.line,
                b.column,
                escape_property(&title),
                escape_data(&message)
            );
        }
    }
    out
}

/// The toolkit's `escapeData`: `%`, CR and LF.
pub(crate) fn escape_data(s: &str) -> String {
    s.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// The toolkit's `escapeProperty`: as data, plus `:` and `,`.
pub(crate) fn escape_property(s: &str) -> String {
    escape_data(s).replace(':', "%3A").replace(',', "%2C")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_like_the_toolkit() {
        assert_eq!(escape_data("50% a\r\nb"), "50%25 a%0D%0Ab");
        assert_eq!(escape_property("a:b,c%0A"), "a%3Ab%2Cc%250A");
    }
}
