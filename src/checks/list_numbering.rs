use super::renumber::{self, breaks};
use super::{Check, CheckMeta, Context, declare_check};
use crate::diagnostic::Diagnostic;

declare_check! {
    /// An ordered list whose item numbers repeat, skip or go backwards.
    ///
    /// Each item of a Markdown ordered list should be numbered one more than the item before
    /// it, starting from the list's own start number (a list may start at 3). Lists numbered
    /// `1. 1. 1.` (every item the same number, a common lazy style that renderers number
    /// themselves) are accepted. The fix renumbers the items from the first break on.
    ///
    /// Flagged: `1. … 2. … 2. …`, `1. … 2. … 4. …`. Not flagged: `3. … 4. …`, `1. … 1. … 1. …`.
    pub struct ListNumbering {
        id: "list-numbering",
        category: Numbering,
        severity: Warning,
    }
}

impl Check for ListNumbering {
    fn meta(&self) -> &'static CheckMeta {
        &Self::META
    }

    fn run(&self, ctx: &Context<'_, '_>, out: &mut Vec<Diagnostic>) {
        for list in ctx.doc.lists.iter().filter(|l| l.ordered) {
            let values: Vec<u32> = list
                .items
                .iter()
                .filter_map(|i| i.number.and_then(|n| u32::try_from(n).ok()))
                .collect();
            if values.len() != list.items.len() || values.len() < 2 {
                continue;
            }
            if values.iter().all(|&v| v == values[0]) {
                continue;
            }
            let ranges: Vec<_> = list.items.iter().map(|i| i.number_range.clone()).collect();
            for (k, b) in breaks(&values).into_iter().enumerate() {
                let item = &list.items[b.index];
                let prev = &list.items[b.index - 1];
                let message = format!(
                    "list item {}",
                    renumber::describe(
                        b.kind,
                        &format!("{}.", values[b.index]),
                        &format!("{}.", values[b.index - 1]),
                        &format!("{}.", b.expected),
                    )
                );
                let mut d = ctx
                    .diagnostic(item.number_range.clone(), message)
                    .with_related(prev.number_range.clone(), renumber::previous_label(b.kind));
                if k == 0
                    && let Some(fix) =
                        renumber::renumber_fix(&values, &ranges, b.index, |n| Some(n.to_string()))
                {
                    d = d.with_fix(fix);
                }
                out.push(d);
            }
        }
    }
}
