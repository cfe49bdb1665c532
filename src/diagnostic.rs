//! Findings as data: no rendering here. Reporters in `report/` turn these into text.

use serde::Serialize;
use std::fmt;
use std::ops::Range;

/// How serious a finding is. Ordered so that `Error > Warning > Info`.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, serde::Deserialize,
)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Info,
    Warning,
    Error,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Info => "info",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The families of problems factlint knows; every check belongs to exactly one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Category {
    Numbering,
    Citation,
    Year,
    Quantity,
    Label,
    Acronym,
    Toc,
    Author,
    Term,
    /// Findings about factlint's own inline directives (an unused suppression).
    Suppression,
}

impl Category {
    pub fn as_str(self) -> &'static str {
        match self {
            Category::Numbering => "numbering",
            Category::Citation => "citation",
            Category::Year => "year",
            Category::Quantity => "quantity",
            Category::Label => "label",
            Category::Acronym => "acronym",
            Category::Toc => "toc",
            Category::Author => "author",
            Category::Term => "term",
            Category::Suppression => "suppression",
        }
    }
}

impl fmt::Display for Category {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A secondary location: the thing the primary claim contradicts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Related {
    pub range: Range<usize>,
    pub message: String,
}

/// One replacement of a byte range of the source.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Edit {
    pub range: Range<usize>,
    pub replacement: String,
}

/// Whether a fix may be applied without asking the writer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Applicability {
    Safe,
    Unsafe,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fix {
    pub message: String,
    pub applicability: Applicability,
    pub edits: Vec<Edit>,
}

/// A finding in one document. Ranges are byte offsets into that document's text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    pub rule: &'static str,
    pub category: Category,
    pub severity: Severity,
    pub range: Range<usize>,
    pub message: String,
    pub related: Vec<Related>,
    pub help: Option<String>,
    pub fix: Option<Fix>,
}

impl Diagnostic {
    pub fn with_related(mut self, range: Range<usize>, message: impl Into<String>) -> Self {
        self.related.push(Related {
            range,
            message: message.into(),
        });
        self
    }

    pub fn with_help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }

    pub fn with_fix(mut self, fix: Fix) -> Self {
        self.fix = Some(fix);
        self
    }
}

/// Checks what every run must guarantee about its diagnostics for `text`: each range
/// (primary, related and fix edits) lies within the text on char boundaries with
/// `start <= end`, and the diagnostics come sorted by position. For tests and fuzzing;
/// the message says which diagnostic broke which rule.
pub fn validate(text: &str, diagnostics: &[Diagnostic]) -> Result<(), String> {
    let check = |what: &str, d: &Diagnostic, r: &Range<usize>| {
        let ok = r.start <= r.end
            && r.end <= text.len()
            && text.is_char_boundary(r.start)
            && text.is_char_boundary(r.end);
        if ok {
            Ok(())
        } else {
            Err(format!(
                "{}: {what} range {r:?} is not a char range of the {}-byte text ({})",
                d.rule,
                text.len(),
                d.message
            ))
        }
    };
    for d in diagnostics {
        check("primary", d, &d.range)?;
        for r in &d.related {
            check("related", d, &r.range)?;
        }
        for e in d.fix.iter().flat_map(|f| &f.edits) {
            check("fix edit", d, &e.range)?;
        }
    }
    if let Some(w) = diagnostics
        .windows(2)
        .find(|w| w[0].range.start > w[1].range.start)
    {
        return Err(format!(
            "unsorted: {} at {:?} before {} at {:?}",
            w[0].rule, w[0].range, w[1].rule, w[1].range
        ));
    }
    Ok(())
}
