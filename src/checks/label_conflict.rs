use super::{Check, CheckMeta, Context, declare_check};
use crate::diagnostic::Diagnostic;
use crate::extract::labels::{Assignment, assignments, source_text};
use std::collections::BTreeMap;

declare_check! {
    /// Complementary labels (a `[[label-pairs]]` pair) given inconsistently.
    ///
    /// Pairs such as 正样本/负样本, client/server or anode/cathode name two roles that a
    /// writer hands out to different subjects. Within one paragraph or list item, and one
    /// context (the same qualifier: `判别器的负样本`, `negative samples for the
    /// discriminator`, or none), the check reports two mistakes:
    ///
    /// - two different subjects given the same label while the other label of the pair is
    ///   given to nobody: one of them was meant to get the other label;
    /// - one subject given both labels of a pair.
    ///
    /// An assignment is a subject, a phrase from `[claims] label-assignment` (`作为`, `视为`,
    /// `serves as`, `formed`, `构成`) and the label ending the phrase after it. Other forms
    /// count too: the agent of a passive (`由客户端发送`, `is sent by the client`, compared
    /// only under the same verb), the object of a verb of use (`treats the token stream as
    /// its input`), a relative clause (`the oxide, which serves as the anode`), a label in
    /// brackets (`purple (dominant)`, `紫花（显性）`), and `该电极为阳极` with the electrode
    /// named before it.
    ///
    /// Subjects that share a label on purpose are left alone: `A和B作为负样本`,
    /// `B也作为负样本`, `B also serves as a negative sample`. Sharing does not hold when the
    /// writer contrasts the two subjects: `而B也…`, or descriptions with opposite words from
    /// `[[contrast-pairs]]` (`水给出质子，是酸；氨接受质子，也是酸`) or one symbol in two cases
    /// (the alleles `Y` and `y`). Negated, conditional and questioning clauses are left alone.
    ///
    /// Flagged: `其生成的数据作为判别器的负样本，真实数据作为判别器的负样本`.
    /// Not flagged: `生成的数据作为负样本，真实数据作为正样本`, `正样本和负样本的比例`.
    pub struct LabelConflict {
        id: "label-conflict",
        category: Label,
        severity: Warning,
    }
}

impl Check for LabelConflict {
    fn meta(&self) -> &'static CheckMeta {
        &Self::META
    }

    fn run(&self, ctx: &Context<'_, '_>, out: &mut Vec<Diagnostic>) {
        let found = assignments(ctx.doc, ctx.rules);
        let mut groups: BTreeMap<(usize, usize, &str), Vec<&Assignment>> = BTreeMap::new();
        for a in &found {
            groups
                .entry((a.block, a.pair, a.context.as_str()))
                .or_default()
                .push(a);
        }
        for group in groups.values() {
            both_labels(ctx, group, out);
            same_label(ctx, group, out);
        }
    }
}

/// One subject given both labels of the pair.
fn both_labels(ctx: &Context<'_, '_>, group: &[&Assignment], out: &mut Vec<Diagnostic>) {
    let mut first: BTreeMap<(&str, usize), &Assignment> = BTreeMap::new();
    let mut reported: Vec<&str> = Vec::new();
    for a in group {
        let key = a.subject_key.as_str();
        if let Some(other) = first.get(&(key, 1 - a.side))
            && !a.shared
            && !other.shared
            && !reported.contains(&key)
        {
            reported.push(key);
            let (this, that) = (label(ctx, a), label(ctx, other));
            let d = ctx
                .diagnostic(
                    span(ctx, a, a.label.clone()),
                    format!(
                        "\"{}\" is labelled both {that} and {this}{}",
                        subject(ctx, a),
                        context(a)
                    ),
                )
                .with_related(
                    span(ctx, other, other.label.clone()),
                    format!("labelled {that} here"),
                )
                .with_help(format!(
                    "{that} and {this} are complementary labels: a subject gets one of them"
                ));
            out.push(d);
        }
        first.entry((key, a.side)).or_insert(a);
    }
}

/// Different subjects given the same label, the other label given to nobody.
fn same_label(ctx: &Context<'_, '_>, group: &[&Assignment], out: &mut Vec<Diagnostic>) {
    for side in 0..2 {
        let on_side: Vec<&Assignment> = group.iter().copied().filter(|a| a.side == side).collect();
        // The other label given to someone: nothing to report.
        if on_side.len() < 2 || on_side.len() < group.len() {
            continue;
        }
        let first = on_side[0];
        let Some(second) = on_side
            .iter()
            .find(|a| !same_subject(&a.subject_key, &first.subject_key))
        else {
            continue;
        };
        // Sharing signalled ("也", "also") holds unless the two subjects are contrasted.
        let contrasted = contrasted(ctx, first, second);
        if on_side
            .iter()
            .any(|a| a.shared && !(contrasted && std::ptr::eq(*a, *second)))
        {
            continue;
        }
        let this = label(ctx, second);
        let other = &ctx.rules.label_pairs[second.pair].labels[1 - side];
        let d = ctx
            .diagnostic(
                span(ctx, second, second.label.clone()),
                format!(
                    "\"{}\" and \"{}\" are both labelled {this}{}; one of them should be {other}",
                    subject(ctx, second),
                    subject(ctx, first),
                    context(second)
                ),
            )
            .with_related(
                span(ctx, first, first.label.clone()),
                format!(
                    "\"{}\" is labelled {} here",
                    subject(ctx, first),
                    label(ctx, first)
                ),
            )
            .with_help(format!("the complementary label of {this} is {other}"));
        out.push(d);
    }
}

/// Two subjects the writer sets against each other: described with opposite words from
/// `[[contrast-pairs]]` ("给出"/"接受" a proton) or named by one symbol in two cases (the
/// alleles "Y" and "y").
fn contrasted(ctx: &Context<'_, '_>, a: &Assignment, b: &Assignment) -> bool {
    let (x, y) = (subject(ctx, a), subject(ctx, b));
    let opposite = ctx.rules.contrast_pairs.iter().any(|p| {
        let [u, v] = &p.words;
        (x.contains(u.as_str()) && y.contains(v.as_str()))
            || (x.contains(v.as_str()) && y.contains(u.as_str()))
    });
    opposite || symbols(&x).any(|s| symbols(&y).any(|t| s != t && s.eq_ignore_ascii_case(t)))
}

/// Letters standing alone as symbols ("Y", "Rr"), not short English words.
fn symbols(s: &str) -> impl Iterator<Item = &str> {
    const WORDS: &[&str] = &[
        "a", "i", "an", "as", "at", "be", "by", "do", "he", "if", "in", "is", "it", "no", "of",
        "on", "or", "so", "to", "up", "us", "we",
    ];
    s.split(|c: char| !c.is_ascii_alphabetic())
        .filter(|w| (1..=2).contains(&w.len()))
        .filter(|w| !WORDS.contains(&w.to_ascii_lowercase().as_str()))
}

/// The same subject, possibly worded longer once ("生成的图片", "生成器生成的图片").
fn same_subject(a: &str, b: &str) -> bool {
    a == b || a.contains(b) || b.contains(a)
}

fn span(
    ctx: &Context<'_, '_>,
    a: &Assignment,
    range: std::ops::Range<usize>,
) -> std::ops::Range<usize> {
    ctx.doc.blocks[a.block].source_range(range)
}

fn subject(ctx: &Context<'_, '_>, a: &Assignment) -> String {
    source_text(ctx.doc, &ctx.doc.blocks[a.block], a.subject.clone())
}

fn label(ctx: &Context<'_, '_>, a: &Assignment) -> String {
    source_text(ctx.doc, &ctx.doc.blocks[a.block], a.label.clone())
}

fn context(a: &Assignment) -> String {
    a.qualifier
        .as_ref()
        .map(|q| format!(" for {q}"))
        .unwrap_or_default()
}
