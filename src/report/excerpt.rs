//! What codespan shows of a file: its lines as written, except that a long line is cut to a
//! window around the labels on it. A finding on a line of megabytes (minified or generated
//! text) then prints a few hundred bytes of it, not the whole line once per finding.
//!
//! A diagnostic's labels share one view of the file (one snippet) unless two of them lie on
//! the same long line too far apart for one window; those get views of their own.

use super::FileReport;
use crate::document::line_index::{ceil_char_boundary, floor_char_boundary};
use codespan_reporting::files::{Error, Files};
use std::ops::Range;

/// A line longer than this (in bytes) is cut around its labels.
const LONG_LINE: usize = 1000;
/// Bytes of context kept on each side of the labels of a long line.
const CONTEXT: usize = 120;

/// Views of files' sources, each an id for codespan.
#[derive(Default)]
pub struct Views<'a> {
    views: Vec<View<'a>>,
}

struct View<'a> {
    report: &'a FileReport,
    /// The window shown of each long line with labels: (line index, byte range).
    windows: Vec<(usize, Range<usize>)>,
}

impl<'a> Views<'a> {
    /// Views of `report` for a diagnostic's label ranges: the view of each range, in order.
    pub fn add(&mut self, report: &'a FileReport, ranges: &[Range<usize>]) -> Vec<usize> {
        let lines = report.lines();
        let text = report.source();
        let main = self.views.len();
        self.views.push(View {
            report,
            windows: Vec::new(),
        });
        let mut ids = Vec::with_capacity(ranges.len());
        for range in ranges {
            let line = lines.line_of(range.start);
            let start = lines.line_start(line);
            let end = lines.line_start(line + 1);
            let long = end - start > LONG_LINE && lines.line_of(range.end) == line;
            if !long {
                ids.push(main);
                continue;
            }
            let wanted = range.start.saturating_sub(CONTEXT).max(start)
                ..(range.end + CONTEXT).min(end).max(range.end);
            // The first view with no window on this line, or one whose window the range
            // overlaps (which then grows to hold it); else a view of its own.
            let mut found = None;
            for (id, view) in self.views.iter_mut().enumerate().skip(main) {
                match view.windows.iter_mut().find(|(l, _)| *l == line) {
                    Some((_, w)) if wanted.start <= w.end && w.start <= wanted.end => {
                        w.start = w.start.min(wanted.start);
                        w.end = w.end.max(wanted.end);
                        found = Some(id);
                    }
                    Some(_) => continue,
                    None => {
                        view.windows.push((line, wanted.clone()));
                        found = Some(id);
                    }
                }
                break;
            }
            ids.push(found.unwrap_or_else(|| {
                self.views.push(View {
                    report,
                    windows: vec![(line, wanted)],
                });
                self.views.len() - 1
            }));
        }
        // Windows end on character boundaries.
        for view in &mut self.views[main..] {
            for (_, w) in &mut view.windows {
                w.start = floor_char_boundary(text, w.start);
                w.end = ceil_char_boundary(text, w.end);
            }
        }
        ids
    }

    fn view(&self, id: usize) -> Result<&View<'a>, Error> {
        self.views.get(id).ok_or(Error::FileMissing)
    }
}

impl<'a> Files<'a> for Views<'a> {
    type FileId = usize;
    type Name = &'a str;
    type Source = &'a str;

    fn name(&'a self, id: usize) -> Result<&'a str, Error> {
        Ok(self.view(id)?.report.path.as_str())
    }

    fn source(&'a self, id: usize) -> Result<&'a str, Error> {
        Ok(self.view(id)?.report.source())
    }

    fn line_index(&'a self, id: usize, byte_index: usize) -> Result<usize, Error> {
        Ok(self.view(id)?.report.lines().line_of(byte_index))
    }

    fn line_range(&'a self, id: usize, line_index: usize) -> Result<Range<usize>, Error> {
        let view = self.view(id)?;
        if let Some((_, w)) = view.windows.iter().find(|(l, _)| *l == line_index) {
            return Ok(w.clone());
        }
        let lines = view.report.lines();
        if line_index >= lines.line_count() {
            return Err(Error::LineTooLarge {
                given: line_index,
                max: lines.line_count() - 1,
            });
        }
        Ok(lines.line_start(line_index)..lines.line_start(line_index + 1))
    }

    fn column_number(
        &'a self,
        id: usize,
        line_index: usize,
        byte_index: usize,
    ) -> Result<usize, Error> {
        let view = self.view(id)?;
        let range = self.line_range(id, line_index)?;
        let source = view.report.source();
        if view.windows.iter().any(|(l, _)| *l == line_index) {
            // In a window, columns still count from the line's real start.
            let at = byte_index.clamp(range.start, range.end);
            return Ok(view.report.line_col(at).column);
        }
        Ok(codespan_reporting::files::column_index(source, range, byte_index) + 1)
    }
}
