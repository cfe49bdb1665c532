use super::{Check, CheckMeta, Context, declare_check};
use crate::diagnostic::Diagnostic;

declare_check! {
    /// A count that disagrees with the items listed right after it.
    ///
    /// `包含三个部分：` followed by two list items, `the following four steps:` followed by
    /// three, `分为两个过程：(1)…` with a different number of inline markers. The count may be
    /// a digit, a Chinese numeral with a classifier (个, 种, 类, 步…) or an English number
    /// word; the items are the list that starts right after the colon (its top level only)
    /// or the inline enumeration that follows it.
    pub struct CountMismatch {
        id: "count-mismatch",
        category: Quantity,
        severity: Warning,
    }
}

impl Check for CountMismatch {
    fn meta(&self) -> &'static CheckMeta {
        &Self::META
    }

    fn run(&self, ctx: &Context<'_, '_>, out: &mut Vec<Diagnostic>) {
        for claim in ctx.claims.counts() {
            let n = claim.items.len();
            let count = claim.count as usize;
            // Fewer items than announced: one item is usually a formatting accident, and a
            // count far above the items groups them ("12 个板块" over three ranges). More
            // items: only a numbered or parallel list, not one that adds remarks.
            let contradicts = if n < count {
                n > 1 && count <= 2 * n
            } else {
                n > count && claim.numbered
            };
            if !contradicts {
                continue;
            }
            let Some(last) = claim.items.last() else {
                continue;
            };
            let items = if n == 1 {
                "1 item follows".to_string()
            } else {
                format!("{n} items follow")
            };
            out.push(
                ctx.diagnostic(
                    claim.range.clone(),
                    format!(
                        "text announces {} (\"{}\"), but {items}",
                        claim.count, claim.word
                    ),
                )
                .with_related(
                    first_line(ctx.doc.text, last),
                    format!("the last of the {n} items"),
                )
                .with_help("make the count match the list, or complete the list"),
            );
        }
    }
}

fn first_line(text: &str, range: &std::ops::Range<usize>) -> std::ops::Range<usize> {
    let slice = text.get(range.clone()).unwrap_or("");
    let end = slice.find('\n').map_or(range.end, |p| range.start + p);
    range.start..end
}
