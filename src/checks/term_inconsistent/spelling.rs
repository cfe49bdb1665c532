//! Spelling statistics and findings of `term-inconsistent`: which spelling to suggest, and
//! the diagnostic for each occurrence that differs from it.

use super::super::Context;
use crate::diagnostic::{Applicability, Diagnostic, Edit, Fix, Severity};
use crate::extract::terms::Token;
use crate::hash::HashMap;
use std::ops::Range;

/// Why a spelling is suggested.
#[derive(Debug, Clone, Copy)]
pub enum Basis {
    Canonical,
    Majority,
    First,
}

/// One occurrence of a name: its tokens and its spelling as it counts for comparison.
pub struct Occurrence {
    pub first: usize,
    pub len: usize,
    pub form: String,
}

#[derive(Debug)]
pub struct Finding {
    /// The tokens of the occurrence (source ranges are mapped only for findings).
    span: Range<usize>,
    written: String,
    suggested: String,
    basis: Basis,
    /// Occurrences of the suggested spelling in the document.
    count: usize,
    /// One occurrence of another spelling (its tokens): the suggested one if the document
    /// has it.
    other: Option<(Range<usize>, String)>,
}

/// The spelling to suggest from the most common class of `occs` (ties: the first used), if
/// the occurrences fall into more than one class.
pub fn majority(
    occs: &[Occurrence],
    class: impl Fn(&Occurrence) -> String,
) -> Option<(String, Basis)> {
    // (class, occurrences) in order of first use.
    let mut counts: Vec<(String, usize)> = Vec::new();
    for o in occs {
        let c = class(o);
        match counts.iter_mut().find(|(x, _)| *x == c) {
            Some(entry) => entry.1 += 1,
            None => counts.push((c, 1)),
        }
    }
    if counts.len() < 2 {
        return None;
    }
    let best = counts.iter().map(|c| c.1).max()?;
    let tie = counts.iter().filter(|c| c.1 == best).count() > 1;
    let (winner, _) = counts.iter().find(|c| c.1 == best)?;
    let members: Vec<&Occurrence> = occs.iter().filter(|o| class(o) == *winner).collect();
    let form = most_frequent(members.iter().copied())?;
    Some((form, if tie { Basis::First } else { Basis::Majority }))
}

/// The most frequent spelling among `occs`, the first used on a tie.
pub fn most_frequent<'o>(occs: impl IntoIterator<Item = &'o Occurrence> + Clone) -> Option<String> {
    let mut counts: HashMap<&str, usize> = HashMap::default();
    for o in occs.clone() {
        *counts.entry(o.form.as_str()).or_default() += 1;
    }
    let top = counts.values().copied().max()?;
    occs.into_iter()
        .find(|o| counts.get(o.form.as_str()) == Some(&top))
        .map(|o| o.form.clone())
}

pub fn report(
    occs: &[Occurrence],
    bad: impl Fn(&&Occurrence) -> bool,
    suggested: &str,
    basis: Basis,
    flagged: &mut [bool],
    out: &mut Vec<Finding>,
) {
    let span = |o: &Occurrence| o.first..o.first + o.len;
    let count = occs.iter().filter(|o| o.form == suggested).count();
    for o in occs.iter().filter(&bad) {
        if flagged[o.first..o.first + o.len].iter().any(|&f| f) {
            continue;
        }
        flagged[o.first..o.first + o.len].fill(true);
        let other = occs
            .iter()
            .find(|x| x.form == suggested)
            .or_else(|| occs.iter().find(|x| x.form != o.form))
            .map(|x| (span(x), x.form.clone()));
        out.push(Finding {
            span: span(o),
            written: o.form.clone(),
            suggested: suggested.to_string(),
            basis,
            count,
            other,
        });
    }
}

impl Finding {
    pub fn diagnostic(self, ctx: &Context<'_, '_>, tokens: &[Token<'_>]) -> Diagnostic {
        let source = |span: &Range<usize>| {
            tokens[span.start].source_range(ctx.doc).start
                ..tokens[span.end - 1].source_range(ctx.doc).end
        };
        let Finding {
            span,
            written,
            suggested: s,
            basis,
            count,
            other,
        } = self;
        let message = match (&other, count) {
            (Some((_, o)), 0) => format!(
                "\"{written}\" is written \"{o}\" elsewhere in this document; the canonical spelling is \"{s}\""
            ),
            _ => {
                let times = if count == 1 { "time" } else { "times" };
                format!(
                    "\"{written}\" is written \"{s}\" elsewhere in this document ({count} {times})"
                )
            }
        };
        let why = match basis {
            Basis::Canonical => "the canonical spelling in the rules",
            Basis::Majority => "the spelling this document uses most",
            Basis::First => "the spelling this document uses first",
        };
        let range = source(&span);
        let mut d = ctx.diagnostic(range.clone(), message);
        // Without a canonical spelling in the rules, the document's own majority is only a
        // guess at the right name; an all-lower-case form ("python 文件", "pip install
        // langchain") may be the name of a command or package. Both are reported one level
        // lower than the check's severity.
        let identifier_like = !written.chars().any(char::is_uppercase);
        if !matches!(basis, Basis::Canonical) || identifier_like {
            d.severity = match d.severity {
                Severity::Error => Severity::Warning,
                Severity::Warning | Severity::Info => Severity::Info,
            };
        }
        if let Some((r, o)) = other {
            d = d.with_related(source(&r), format!("written \"{o}\" here"));
        }
        d = d.with_help(format!("write \"{s}\", {why}"));
        // Markup inside the name ("**Stable** diffusion") would be lost by a replacement.
        if ctx.doc.text.get(range.clone()) == Some(written.as_str()) {
            d = d.with_fix(Fix {
                message: format!("write \"{s}\""),
                applicability: Applicability::Unsafe,
                edits: vec![Edit {
                    range,
                    replacement: s,
                }],
            });
        }
        d
    }
}
