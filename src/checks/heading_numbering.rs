use super::renumber::{self, Break, breaks};
use super::{Check, CheckMeta, Context, declare_check};
use crate::diagnostic::Diagnostic;
use crate::document::{HeadingNumber, NumberStyle};
use std::collections::BTreeMap;

declare_check! {
    /// A numbered heading whose number repeats, skips or goes backwards among its siblings,
    /// or does not belong under its parent section.
    ///
    /// Headings are compared with the siblings under the same parent that are numbered in
    /// the same style (`1.`, `1.2`, `一、`, `（一）`, `I.`, `Chapter 3`, `第3章`), so a document
    /// may number chapters `一、二、` and restart sections `1. 2.` under each. A dotted number
    /// (`2.3`) must start with its parent's number. Groups that count down (changelogs) and
    /// version-like headings (`1.2.0`) are left alone.
    ///
    /// Flagged: `1.1`, `1.2`, `1.4`; `### 2.1` under `## 3.`. Not flagged: `## 3D Rendering`.
    pub struct HeadingNumbering {
        id: "heading-numbering",
        category: Numbering,
        severity: Warning,
    }
}

#[derive(PartialEq, Eq, PartialOrd, Ord)]
struct GroupKey {
    parent: Option<usize>,
    style: String,
    prefix: Vec<u32>,
}

fn style_key(style: &NumberStyle, depth: usize) -> String {
    format!("{style:?}/{depth}")
}

impl Check for HeadingNumbering {
    fn meta(&self) -> &'static CheckMeta {
        &Self::META
    }

    fn run(&self, ctx: &Context<'_, '_>, out: &mut Vec<Diagnostic>) {
        let doc = ctx.doc;
        let mut groups: BTreeMap<GroupKey, Vec<usize>> = BTreeMap::new();
        let mut misplaced_under = crate::hash::HashSet::default();
        for (i, h) in doc.headings.iter().enumerate() {
            let Some(n) = &h.number else { continue };
            let (prefix, _) = n.parts.split_at(n.parts.len() - 1);
            groups
                .entry(GroupKey {
                    parent: h.parent,
                    style: style_key(&n.style, n.parts.len()),
                    prefix: prefix.to_vec(),
                })
                .or_default()
                .push(i);
            self.check_parent(ctx, i, n, &mut misplaced_under, out);
        }
        for members in groups.values() {
            let values: Vec<u32> = members
                .iter()
                .filter_map(|&i| doc.headings[i].number.as_ref())
                .filter_map(|n| n.parts.last().copied())
                .collect();
            let found = breaks(&values);
            let descending = values.windows(2).filter(|w| w[1] < w[0]).count();
            if found.is_empty() || descending * 2 > values.len().saturating_sub(1) {
                continue;
            }
            for b in found {
                let show = |k: usize| {
                    doc.headings[members[k]]
                        .number
                        .as_ref()
                        .map(|n| doc.text[n.range.clone()].to_string())
                        .unwrap_or_default()
                };
                let expected = expected_text(&show(b.index), values[b.index], b.expected);
                let h = &doc.headings[members[b.index]];
                let prev = &doc.headings[members[b.index - 1]];
                let (Some(n), Some(pn)) = (&h.number, &prev.number) else {
                    continue;
                };
                out.push(
                    ctx.diagnostic(
                        n.range.clone(),
                        format!(
                            "heading number {}",
                            renumber::describe(
                                b.kind,
                                &show(b.index),
                                &show(b.index - 1),
                                &expected
                            )
                        ),
                    )
                    .with_related(pn.range.clone(), previous_heading_label(b.kind)),
                );
            }
        }
    }
}

fn previous_heading_label(kind: Break) -> &'static str {
    match kind {
        Break::Duplicate => "the same number on this heading",
        _ => "previous heading",
    }
}

/// The expected number, written like the actual one (`1.4` → `1.3`, `IV` → `III`).
fn expected_text(actual: &str, value: u32, expected: u32) -> String {
    let v = value.to_string();
    if actual.ends_with(&v) {
        format!("{}{}", &actual[..actual.len() - v.len()], expected)
    } else if let Some(chinese) = crate::document::chinese_numeral(expected).filter(|_| {
        actual
            .chars()
            .any(crate::document::numbering::is_chinese_digit)
    }) {
        let digits: String = actual
            .chars()
            .filter(|c| crate::document::numbering::is_chinese_digit(*c))
            .collect();
        actual.replacen(&digits, &chinese, 1)
    } else {
        expected.to_string()
    }
}

impl HeadingNumbering {
    /// A dotted number (`2.3`) must extend the number of its nearest numbered ancestor.
    /// One finding per parent section: its children are usually misnumbered together.
    fn check_parent(
        &self,
        ctx: &Context<'_, '_>,
        i: usize,
        n: &HeadingNumber,
        reported: &mut crate::hash::HashSet<usize>,
        out: &mut Vec<Diagnostic>,
    ) {
        let doc = ctx.doc;
        if n.parts.len() < 2 || n.style != NumberStyle::Decimal {
            return;
        }
        let mut parent = doc.headings[i].parent;
        while let Some(p) = parent {
            if let Some(pn) = &doc.headings[p].number {
                if !matches!(pn.style, NumberStyle::Decimal | NumberStyle::Word(_)) {
                    return;
                }
                let prefix = &n.parts[..n.parts.len() - 1];
                if pn.parts.len() == prefix.len() && pn.parts != prefix && reported.insert(p) {
                    out.push(
                        ctx.diagnostic(
                            n.range.clone(),
                            format!(
                                "heading number {} is not in section {}: expected it to start with {}",
                                doc.text[n.range.clone()].trim_end_matches('.'),
                                pn.display(),
                                pn.display()
                            ),
                        )
                        .with_related(pn.range.clone(), "the enclosing section's number"),
                    );
                }
                return;
            }
            parent = doc.headings[p].parent;
        }
    }
}
