use super::renumber::{self, breaks};
use super::{Check, CheckMeta, Context, declare_check};
use crate::diagnostic::Diagnostic;

declare_check! {
    /// An inline enumeration whose markers repeat, skip or go backwards.
    ///
    /// Enumerations written inside paragraphs — `(1)…(2)`, `（1）`, `1)`, `①②`, `(a)`, `(i)`,
    /// `一、二、`, `第一，第二，`, `firstly/secondly` — should count up by one. A sequence runs
    /// through the paragraphs of one section; a new heading, or a first marker after a
    /// complete sequence, starts a new one. Markers glued to words (`f(1)`), inside math or
    /// code, or after "Eq." are not read as enumeration markers. The fix renumbers the
    /// markers from the first break on.
    ///
    /// Flagged: `分为两个过程：(1)前向扩散；(1)反向扩散`. Not flagged: `(1) a (2) b` in one
    /// section and `(1) c (2) d` in the next.
    pub struct EnumerationNumbering {
        id: "enumeration-numbering",
        category: Numbering,
        severity: Warning,
    }
}

impl Check for EnumerationNumbering {
    fn meta(&self) -> &'static CheckMeta {
        &Self::META
    }

    fn run(&self, ctx: &Context<'_, '_>, out: &mut Vec<Diagnostic>) {
        for e in &ctx.doc.enumerations {
            let values: Vec<u32> = e.markers.iter().map(|m| m.value).collect();
            let ranges: Vec<_> = e.markers.iter().map(|m| m.value_range.clone()).collect();
            let show = |i: usize| ctx.doc.text[e.markers[i].range.clone()].to_string();
            for (k, b) in breaks(&values).into_iter().enumerate() {
                let like = &e.markers[b.index].value_text;
                let expected_value = e
                    .style
                    .render(b.expected, like)
                    .unwrap_or_else(|| b.expected.to_string());
                let marker_text = show(b.index);
                let expected = marker_text.replacen(like.as_str(), &expected_value, 1);
                let message = format!(
                    "enumeration marker {}",
                    renumber::describe(b.kind, &marker_text, &show(b.index - 1), &expected)
                );
                let mut d = ctx
                    .diagnostic(e.markers[b.index].range.clone(), message)
                    .with_related(
                        e.markers[b.index - 1].range.clone(),
                        renumber::previous_label(b.kind),
                    );
                if k == 0
                    && let Some(fix) = renumber::renumber_fix(&values, &ranges, b.index, |n| {
                        e.style.render(n, like)
                    })
                {
                    d = d.with_fix(fix);
                }
                out.push(d);
            }
        }
    }
}
