//! Checks: each declared once (id, category, default severity, documentation) in its own
//! file, and listed in `ALL`. A check reads the shared document model and pushes
//! diagnostics; it never prints.

use crate::diagnostic::{Category, Diagnostic, Severity};
use crate::document::Document;
use crate::extract::Claims;
use crate::rules::Rules;
use std::ops::Range;

mod acronym_expansion;
mod author_mismatch;
mod citation_undefined;
mod count_mismatch;
mod enumeration_numbering;
mod heading_numbering;
mod label_conflict;
mod list_numbering;
mod quantity_mismatch;
mod reference_numbering;
mod reference_uncited;
mod renumber;
mod term_inconsistent;
mod toc_mismatch;
mod year_mismatch;

/// What a check is, for `factlint rules`, `factlint explain`, configuration and SARIF.
#[derive(Debug)]
pub struct CheckMeta {
    pub id: &'static str,
    pub category: Category,
    pub severity: Severity,
    /// The check's documentation (its doc comment); the first line is its summary.
    pub docs: &'static str,
}

impl CheckMeta {
    /// The first paragraph of the documentation, on one line.
    pub fn summary(&self) -> String {
        self.docs
            .lines()
            .map(str::trim)
            .take_while(|l| !l.is_empty())
            .collect::<Vec<_>>()
            .join(" ")
    }
}

/// Declares a check type with its metadata; the doc comment becomes its documentation.
macro_rules! declare_check {
    (
        $(#[doc = $doc:literal])*
        pub struct $name:ident {
            id: $id:literal,
            category: $category:ident,
            severity: $severity:ident $(,)?
        }
    ) => {
        $(#[doc = $doc])*
        pub struct $name;

        impl $name {
            pub const META: $crate::checks::CheckMeta = $crate::checks::CheckMeta {
                id: $id,
                category: $crate::diagnostic::Category::$category,
                severity: $crate::diagnostic::Severity::$severity,
                docs: concat!($($doc, "\n"),*),
            };
        }
    };
}
pub(crate) use declare_check;

/// What a check sees while it runs.
pub struct Context<'a, 'd> {
    pub doc: &'a Document<'d>,
    pub rules: &'a Rules,
    pub claims: &'a Claims<'a, 'd>,
    pub meta: &'static CheckMeta,
    pub severity: Severity,
}

impl Context<'_, '_> {
    /// A diagnostic of this check at `range`.
    pub fn diagnostic(&self, range: Range<usize>, message: impl Into<String>) -> Diagnostic {
        Diagnostic {
            rule: self.meta.id,
            category: self.meta.category,
            severity: self.severity,
            range,
            message: message.into(),
            related: Vec::new(),
            help: None,
            fix: None,
        }
    }
}

pub trait Check: Sync {
    fn meta(&self) -> &'static CheckMeta;
    fn run(&self, ctx: &Context<'_, '_>, out: &mut Vec<Diagnostic>);
}

/// Every check, in the order `factlint rules` lists them.
pub static ALL: &[&dyn Check] = &[
    &list_numbering::ListNumbering,
    &enumeration_numbering::EnumerationNumbering,
    &heading_numbering::HeadingNumbering,
    &citation_undefined::CitationUndefined,
    &reference_uncited::ReferenceUncited,
    &reference_numbering::ReferenceNumbering,
    &toc_mismatch::TocMismatch,
    &year_mismatch::YearMismatch,
    &author_mismatch::AuthorMismatch,
    &quantity_mismatch::QuantityMismatch,
    &count_mismatch::CountMismatch,
    &label_conflict::LabelConflict,
    &term_inconsistent::TermInconsistent,
    &acronym_expansion::AcronymExpansion,
];

pub fn find(id: &str) -> Option<&'static dyn Check> {
    ALL.iter().copied().find(|c| c.meta().id == id)
}

/// Runs every enabled check on a document.
pub fn run_all(doc: &Document<'_>, rules: &Rules) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    let claims = Claims::new(doc, rules);
    for check in ALL {
        let meta = check.meta();
        if let Some(severity) = rules.effective(meta) {
            let ctx = Context {
                doc,
                rules,
                claims: &claims,
                meta,
                severity,
            };
            check.run(&ctx, &mut out);
        }
    }
    out
}

/// "1st", "2nd", "3rd", "4th".
pub fn ordinal(n: usize) -> String {
    let suffix = match (n % 10, n % 100) {
        (1, 11) | (2, 12) | (3, 13) => "th",
        (1, _) => "st",
        (2, _) => "nd",
        (3, _) => "rd",
        _ => "th",
    };
    format!("{n}{suffix}")
}
