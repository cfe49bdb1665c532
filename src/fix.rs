//! Applying safe fixes to a text: pure, no I/O. The command line decides where the fixed
//! text goes.
//!
//! A fix is applied whole or not at all. Fixes are taken in document order; one that
//! overlaps an edit already accepted waits for the next pass, where the checks run again on
//! the fixed text, so fixes that depend on each other converge. Every byte outside the edits
//! is kept as it was (line endings, a byte-order mark, a missing final newline).

use crate::diagnostic::{Applicability, Diagnostic, Edit};
use crate::rules::Rules;
use crate::{CheckOptions, check_text_with};

/// Passes after which fixing stops even if fixes still apply (they should converge sooner).
pub const MAX_PASSES: usize = 10;

/// The text after fixing, and how many fixes were applied over all passes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fixed {
    pub text: String,
    pub applied: usize,
}

/// Applies the safe fixes of `diagnostics` to `text` once; `None` when none applies.
pub fn apply_once(text: &str, diagnostics: &[Diagnostic]) -> Option<Fixed> {
    let mut accepted: Vec<&Edit> = Vec::new();
    let mut applied = 0;
    let mut fixes: Vec<_> = diagnostics
        .iter()
        .filter_map(|d| d.fix.as_ref())
        .filter(|f| f.applicability == Applicability::Safe && !f.edits.is_empty())
        .collect();
    fixes.sort_by_key(|f| f.edits.iter().map(|e| e.range.start).min());
    for fix in fixes {
        let valid = fix.edits.iter().all(|e| {
            e.range.start <= e.range.end
                && text.is_char_boundary(e.range.start)
                && text.is_char_boundary(e.range.end)
        });
        let clash = fix.edits.iter().enumerate().any(|(i, e)| {
            accepted.iter().any(|a| overlaps(a, e))
                || fix.edits[..i].iter().any(|other| overlaps(other, e))
        });
        if valid && !clash {
            accepted.extend(&fix.edits);
            applied += 1;
        }
    }
    if applied == 0 {
        return None;
    }
    // From the end backwards, so earlier offsets stay valid.
    accepted.sort_by_key(|e| std::cmp::Reverse((e.range.start, e.range.end)));
    let mut out = text.to_string();
    for edit in accepted {
        out.replace_range(edit.range.clone(), &edit.replacement);
    }
    (out != text).then_some(Fixed { text: out, applied })
}

/// Two edits clash when their ranges share a byte, or both insert at the same place.
fn overlaps(a: &Edit, b: &Edit) -> bool {
    (a.range.start < b.range.end && b.range.start < a.range.end) || a.range.start == b.range.start
}

/// Checks and fixes repeatedly until no safe fix applies (at most [`MAX_PASSES`] passes).
/// Returns `None` when the text needs no fix.
pub fn fix_text(text: &str, rules: &Rules, options: &CheckOptions) -> Option<Fixed> {
    let mut current = Fixed {
        text: text.to_string(),
        applied: 0,
    };
    for _ in 0..MAX_PASSES {
        let diagnostics = check_text_with(&current.text, rules, options);
        match apply_once(&current.text, &diagnostics) {
            Some(next) => {
                current = Fixed {
                    text: next.text,
                    applied: current.applied + next.applied,
                };
            }
            None => break,
        }
    }
    (current.applied > 0 && current.text != text).then_some(current)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostic::{Category, Fix, Severity};

    fn diag(edits: &[(std::ops::Range<usize>, &str)], applicability: Applicability) -> Diagnostic {
        Diagnostic {
            rule: "list-numbering",
            category: Category::Numbering,
            severity: Severity::Warning,
            range: 0..1,
            message: String::new(),
            related: Vec::new(),
            help: None,
            fix: Some(Fix {
                message: String::new(),
                applicability,
                edits: edits
                    .iter()
                    .map(|(r, s)| Edit {
                        range: r.clone(),
                        replacement: (*s).to_string(),
                    })
                    .collect(),
            }),
        }
    }

    #[test]
    fn applies_from_the_end_and_skips_overlaps_and_unsafe_fixes() {
        let text = "a1 b2 c3";
        let diagnostics = [
            diag(&[(1..2, "X"), (4..5, "Y")], Applicability::Safe),
            diag(&[(4..5, "Z")], Applicability::Safe),
            diag(&[(7..8, "W")], Applicability::Unsafe),
            diag(&[(7..8, "long")], Applicability::Safe),
        ];
        let fixed = apply_once(text, &diagnostics).unwrap();
        assert_eq!(fixed.text, "aX bY clong");
        assert_eq!(fixed.applied, 2);
    }

    #[test]
    fn rejects_ranges_off_char_boundaries() {
        let text = "中文";
        assert_eq!(
            apply_once(text, &[diag(&[(1..2, "x")], Applicability::Safe)]),
            None
        );
    }
}
