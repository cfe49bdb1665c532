//! Reporters: each output format in its own file, all reading the same diagnostics.
//! Reporters never look at Markdown; they see file names, source text and diagnostics.

mod excerpt;
mod github;
mod human;
mod json;
mod junit;
mod rdjson;
mod sarif;
mod statistics;

pub use github::render_github;
pub use human::{render_human, render_human_with, write_human};
pub use json::{render_json, write_json};
pub use junit::render_junit;
pub use rdjson::{render_rdjson, write_rdjson};
pub use sarif::{render_sarif, write_sarif};
pub use statistics::render_statistics;

use crate::checks::{self, CheckMeta};
use crate::diagnostic::{Diagnostic, Severity};
use crate::document::{LineCol, LineIndex};

/// The findings of one checked file.
#[derive(Debug)]
pub struct FileReport {
    /// The name as given on the command line or found under a directory (`-` for stdin).
    pub path: String,
    /// The checked text; let go of for a clean file ([`FileReport::release_clean_source`]).
    source: String,
    /// The length of the checked text in bytes, kept when the text is let go of.
    source_len: usize,
    /// Built on the first position asked for: a file without findings needs none.
    lines: std::sync::OnceLock<LineIndex>,
    pub diagnostics: Vec<Diagnostic>,
}

impl FileReport {
    pub fn new(path: String, source: String, diagnostics: Vec<Diagnostic>) -> FileReport {
        FileReport {
            path,
            source_len: source.len(),
            source,
            lines: std::sync::OnceLock::new(),
            diagnostics,
        }
    }

    /// The checked text (empty once let go of: a file without findings).
    pub fn source(&self) -> &str {
        &self.source
    }

    /// The length of the checked text in bytes, even when the text was let go of.
    pub fn source_len(&self) -> usize {
        self.source_len
    }

    /// Lets go of the text of a file without findings: no report reads it (SARIF reports
    /// only its length), and a run over a large tree then holds the texts of the files with
    /// findings only, not of every file until the report is written.
    pub fn release_clean_source(&mut self) {
        if self.diagnostics.is_empty() {
            self.source = String::new();
        }
    }

    pub(crate) fn lines(&self) -> &LineIndex {
        self.lines.get_or_init(|| LineIndex::new(&self.source))
    }

    pub fn line_col(&self, offset: usize) -> LineCol {
        self.lines().line_col(&self.source, offset)
    }

    /// 1-based line and 1-based column counted in UTF-8 bytes (for formats that want bytes).
    pub fn line_byte_col(&self, offset: usize) -> (usize, usize) {
        let offset = offset.min(self.source.len());
        let lines = self.lines();
        let line = lines.line_of(offset);
        (line + 1, offset - lines.line_start(line) + 1)
    }

    /// Start and end positions of a range; an empty range ends where it starts.
    pub fn span(&self, range: &std::ops::Range<usize>) -> (LineCol, LineCol) {
        (
            self.line_col(range.start),
            self.line_col(range.end.max(range.start)),
        )
    }
}

/// Counts by severity across files.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Summary {
    pub files: usize,
    pub errors: usize,
    pub warnings: usize,
    pub infos: usize,
}

impl Summary {
    pub fn of(files: &[FileReport]) -> Summary {
        let mut s = Summary {
            files: files.len(),
            ..Summary::default()
        };
        for d in files.iter().flat_map(|f| &f.diagnostics) {
            match d.severity {
                Severity::Error => s.errors += 1,
                Severity::Warning => s.warnings += 1,
                Severity::Info => s.infos += 1,
            }
        }
        s
    }
}

/// A sequence serialised as it is produced: a report's entries (possibly hundreds of
/// thousands) are written one by one, never held as a list or a document in memory.
pub(crate) struct Lazy<F>(pub F);

impl<F, I> serde::Serialize for Lazy<F>
where
    F: Fn() -> I,
    I: IntoIterator,
    I::Item: serde::Serialize,
{
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq((self.0)())
    }
}

/// Every finding of `files` in report order, as `item` renders it with its file.
pub(crate) fn each_finding<'a, T>(
    files: &'a [FileReport],
    item: impl Fn(&'a FileReport, &'a Diagnostic) -> T + Copy + 'a,
) -> impl Iterator<Item = T> + 'a {
    files
        .iter()
        .flat_map(move |f| f.diagnostics.iter().map(move |d| item(f, d)))
}

/// Writes `value` as pretty JSON and a newline.
pub(crate) fn write_pretty(
    out: &mut dyn std::io::Write,
    value: &impl serde::Serialize,
) -> std::io::Result<()> {
    serde_json::to_writer_pretty(&mut *out, value)?;
    out.write_all(b"\n")
}

/// What a writer received, as text (the writers only write UTF-8).
pub(crate) fn written(
    write: impl FnOnce(&mut dyn std::io::Write) -> std::io::Result<()>,
) -> String {
    let mut bytes = Vec::new();
    // Writing to a vector cannot fail, and JSON is UTF-8.
    let _ = write(&mut bytes);
    String::from_utf8(bytes).unwrap_or_default()
}

/// Every rule a diagnostic can carry: the checks, then the pseudo-checks.
pub fn rule_metas() -> impl Iterator<Item = &'static CheckMeta> {
    checks::ALL
        .iter()
        .map(|c| c.meta())
        .chain([&crate::suppress::UNUSED_SUPPRESSION])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_a_clean_file_lets_go_of_its_text() {
        let mut clean = FileReport::new("a.md".into(), "# A\n".into(), Vec::new());
        clean.release_clean_source();
        assert_eq!((clean.source(), clean.source_len()), ("", 4));

        let text = "A [9].\n";
        let d = Diagnostic {
            rule: "citation-undefined",
            category: crate::diagnostic::Category::Citation,
            severity: Severity::Error,
            range: 2..5,
            message: "no reference [9]".into(),
            related: Vec::new(),
            help: None,
            fix: None,
        };
        let mut flagged = FileReport::new("b.md".into(), text.into(), vec![d]);
        flagged.release_clean_source();
        assert_eq!((flagged.source(), flagged.source_len()), (text, text.len()));
        assert_eq!(flagged.line_col(3).line, 1);
    }
}
