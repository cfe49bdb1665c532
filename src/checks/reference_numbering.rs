use super::renumber::{self, breaks};
use super::{Check, CheckMeta, Context, declare_check};
use crate::diagnostic::Diagnostic;
use crate::document::RefKey;

declare_check! {
    /// Bibliography numbers that repeat, skip or go backwards.
    ///
    /// The numbered entries of the bibliography (`[1]`, `[2]`, … or an ordered list) should
    /// count up by one; a repeated number makes citations ambiguous and a gap usually means a
    /// deleted entry whose citations now point nowhere.
    pub struct ReferenceNumbering {
        id: "reference-numbering",
        category: Citation,
        severity: Warning,
    }
}

impl Check for ReferenceNumbering {
    fn meta(&self) -> &'static CheckMeta {
        &Self::META
    }

    fn run(&self, ctx: &Context<'_, '_>, out: &mut Vec<Diagnostic>) {
        let Some(bib) = &ctx.doc.bibliography else {
            return;
        };
        let numbered: Vec<(u32, &crate::document::Reference)> = bib
            .entries
            .iter()
            .filter_map(|e| match e.key {
                Some(RefKey::Number(n)) => Some((n, e)),
                _ => None,
            })
            .collect();
        let values: Vec<u32> = numbered.iter().map(|(n, _)| *n).collect();
        for b in breaks(&values) {
            let (cur, entry) = numbered[b.index];
            let (prev, prev_entry) = numbered[b.index - 1];
            out.push(
                ctx.diagnostic(
                    entry.key_range.clone(),
                    format!(
                        "reference number {}",
                        renumber::describe(
                            b.kind,
                            &format!("[{cur}]"),
                            &format!("[{prev}]"),
                            &format!("[{}]", b.expected)
                        )
                    ),
                )
                .with_related(
                    prev_entry.key_range.clone(),
                    renumber::previous_label(b.kind),
                ),
            );
        }
    }
}
