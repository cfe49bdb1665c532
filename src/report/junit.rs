//! `--format junit`: JUnit XML, for CI systems that show test reports (GitLab, Jenkins).
//!
//! One `testsuite` per file and one failing `testcase` per diagnostic; a file without
//! findings gets one passing testcase, so it shows as checked. Text is XML-escaped and
//! characters XML 1.0 cannot carry are replaced, so any document text yields a valid file.

use super::FileReport;
use crate::diagnostic::Severity;
use std::fmt::Write;

pub fn render_junit(files: &[FileReport]) -> String {
    let total: usize = files.iter().map(|f| f.diagnostics.len().max(1)).sum();
    let failures: usize = files.iter().map(|f| f.diagnostics.len()).sum();
    let mut out = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    let _ = writeln!(
        out,
        "<testsuites name=\"factlint\" tests=\"{total}\" failures=\"{failures}\" errors=\"0\">"
    );
    for f in files {
        let path = escape(&f.path);
        let n = f.diagnostics.len();
        let _ = writeln!(
            out,
            "  <testsuite name=\"{path}\" tests=\"{}\" failures=\"{n}\" errors=\"0\">",
            n.max(1)
        );
        if n == 0 {
            let _ = writeln!(
                out,
                "    <testcase name=\"factlint\" classname=\"{path}\" file=\"{path}\"/>"
            );
        }
        for d in &f.diagnostics {
            let at = f.line_col(d.range.start);
            let mut body = format!("{}:{}:{}: {}", f.path, at.line, at.column, d.message);
            for r in &d.related {
                let p = f.line_col(r.range.start);
                let _ = write!(body, "\n{}:{}:{}: {}", f.path, p.line, p.column, r.message);
            }
            if let Some(help) = &d.help {
                let _ = write!(body, "\nhelp: {help}");
            }
            let _ = writeln!(
                out,
                "    <testcase name=\"{rule} at {line}:{col}\" classname=\"{path}\" file=\"{path}\" line=\"{line}\">\n      <failure message=\"{message}\" type=\"{severity}\">{body}</failure>\n    </testcase>",
                rule = escape(d.rule),
                line = at.line,
                col = at.column,
                message = escape(&d.message),
                severity = severity(d.severity),
                body = escape(&body),
            );
        }
        out.push_str("  </testsuite>\n");
    }
    out.push_str("</testsuites>\n");
    out
}

fn severity(s: Severity) -> &'static str {
    s.as_str()
}

/// Escapes text for element content and double-quoted attributes. Line breaks and tabs
/// become character references so attribute values keep them; characters not allowed in
/// XML 1.0 become U+FFFD.
pub(crate) fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\n' => out.push_str("&#10;"),
            '\r' => out.push_str("&#13;"),
            '\t' => out.push_str("&#9;"),
            c if allowed(c) => out.push(c),
            _ => out.push('\u{FFFD}'),
        }
    }
    out
}

fn allowed(c: char) -> bool {
    matches!(c, '\u{20}'..='\u{D7FF}' | '\u{E000}'..='\u{FFFD}' | '\u{10000}'..='\u{10FFFF}')
}

#[cfg(test)]
mod tests {
    use super::escape;

    #[test]
    fn escapes_markup_and_drops_forbidden_characters() {
        assert_eq!(
            escape("a<b>&\"c'\n\u{1}\u{FFFE}"),
            "a&lt;b&gt;&amp;&quot;c&apos;&#10;\u{FFFD}\u{FFFD}"
        );
    }
}
