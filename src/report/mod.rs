//! Reporters: each output format in its own file, all reading the same diagnostics.
//! Reporters never look at Markdown; they see file names, source text and diagnostics.

mod human;
mod json;

pub use human::render_human;
pub use json::render_json;

use crate::diagnostic::{Diagnostic, Severity};
use crate::document::{LineCol, LineIndex};

/// The findings of one checked file.
#[derive(Debug)]
pub struct FileReport {
    /// The name as given on the command line or found under a directory (`-` for stdin).
    pub path: String,
    pub source: String,
    pub lines: LineIndex,
    pub diagnostics: Vec<Diagnostic>,
}

impl FileReport {
    pub fn new(path: String, source: String, diagnostics: Vec<Diagnostic>) -> FileReport {
        let lines = LineIndex::new(&source);
        FileReport {
            path,
            source,
            lines,
            diagnostics,
        }
    }

    pub fn line_col(&self, offset: usize) -> LineCol {
        self.lines.line_col(&self.source, offset)
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
