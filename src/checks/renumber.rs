//! Shared logic of the numbering checks: where a sequence of numbers breaks, how to describe
//! it, and the fix that renumbers the rest of the sequence.

use crate::diagnostic::{Applicability, Edit, Fix};
use std::ops::Range;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Break {
    Duplicate,
    Skipped,
    OutOfOrder,
}

#[derive(Debug, Clone, Copy)]
pub struct SequenceBreak {
    /// Index of the item whose number breaks the sequence.
    pub index: usize,
    pub kind: Break,
    /// The number the item should have, following its predecessor.
    pub expected: u32,
}

/// Every place where a number does not follow its predecessor by one.
pub fn breaks(values: &[u32]) -> Vec<SequenceBreak> {
    values
        .windows(2)
        .enumerate()
        .filter_map(|(i, w)| {
            let (prev, cur) = (w[0], w[1]);
            let expected = prev.checked_add(1)?;
            let kind = if cur == expected {
                return None;
            } else if cur == prev {
                Break::Duplicate
            } else if cur > expected {
                Break::Skipped
            } else {
                Break::OutOfOrder
            };
            Some(SequenceBreak {
                index: i + 1,
                kind,
                expected,
            })
        })
        .collect()
}

/// Describes a break: `shown` renders a number as the document writes it.
pub fn describe(kind: Break, value: &str, previous: &str, expected: &str) -> String {
    match kind {
        Break::Duplicate => {
            format!("{value} repeats the previous number {previous}; expected {expected}")
        }
        Break::Skipped => format!("{value} follows {previous}, skipping {expected}"),
        Break::OutOfOrder => format!("{value} comes after {previous}; expected {expected}"),
    }
}

pub fn previous_label(kind: Break) -> &'static str {
    match kind {
        Break::Duplicate => "the same number here",
        Break::Skipped | Break::OutOfOrder => "previous number here",
    }
}

/// Renumbers items `from..` so that the whole sequence counts up from its first value.
/// `value_ranges[i]` is where item i's number is written; `render` writes a number.
pub fn renumber_fix(
    values: &[u32],
    value_ranges: &[Range<usize>],
    from: usize,
    render: impl Fn(u32) -> Option<String>,
) -> Option<Fix> {
    let first = *values.first()?;
    let mut edits = Vec::new();
    for (i, (&value, range)) in values.iter().zip(value_ranges).enumerate().skip(from) {
        let wanted = first.checked_add(u32::try_from(i).ok()?)?;
        if wanted != value {
            edits.push(Edit {
                range: range.clone(),
                replacement: render(wanted)?,
            });
        }
    }
    (!edits.is_empty()).then(|| Fix {
        message: "renumber the sequence".to_string(),
        applicability: Applicability::Safe,
        edits,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_breaks() {
        let b = breaks(&[1, 1, 2, 4, 3]);
        let kinds: Vec<_> = b.iter().map(|b| (b.index, b.kind, b.expected)).collect();
        assert_eq!(
            kinds,
            vec![
                (1, Break::Duplicate, 2),
                (3, Break::Skipped, 3),
                (4, Break::OutOfOrder, 5)
            ]
        );
    }

    #[test]
    fn fix_renumbers_the_rest() {
        let fix =
            renumber_fix(&[1, 3, 4], &[0..1, 5..6, 9..10], 1, |n| Some(n.to_string())).unwrap();
        let edits: Vec<_> = fix
            .edits
            .iter()
            .map(|e| (e.range.start, e.replacement.as_str()))
            .collect();
        assert_eq!(edits, vec![(5, "2"), (9, "3")]);
    }
}
