//! English assignments: "real images serve as positive samples for the discriminator",
//! "generated images are labelled fake", "the discriminator's negative samples".

use super::{LabelForm, Object, Subject, is_quote_or_markup};
use crate::extract::text::{Word, words};
use std::ops::Range;
use words::{
    AFTER_LABEL, AUXILIARIES, CONDITIONS, CUTS, DETERMINERS, LEADING, NEGATIONS, PREPOSITIONS,
    PRONOUNS, SHARED, VERBS_BEFORE_THAT,
};

mod words;

pub(super) fn object(text: &str, span: Range<usize>, labels: &[LabelForm]) -> Option<Object> {
    let ws = words(text, span.clone());
    let first = ws.first()?;
    if !gap(text, span.start, first.range.start) {
        return None;
    }
    let lower: Vec<String> = ws.iter().map(|w| w.text.to_lowercase()).collect();
    let mut i = usize::from(lower[0] == "as");
    while i < ws.len() && DETERMINERS.contains(&lower[i].as_str()) {
        i += 1;
    }
    let mut qualifier = None;
    if match_label(&lower, i, labels).is_none() {
        let k = (i..ws.len().min(i + 3)).find(|&k| possessive(&lower[k]).is_some())?;
        let end = ws[k].range.start + possessive(ws[k].text)?;
        qualifier = Some(ws[i].range.start..end);
        i = k + 1;
    }
    let (label, n) = match_label(&lower, i, labels)?;
    let j = i + n;
    let label_range = ws[i].range.start..ws[j - 1].range.end;
    let rest = &lower[j..];
    let shared = rest.iter().any(|w| w == "too" || w == "also")
        || rest.windows(2).any(|p| p[0] == "as" && p[1] == "well");
    if j == ws.len() {
        let tail = &text[label_range.end..span.end];
        if !tail
            .chars()
            .all(|c| c.is_whitespace() || is_quote_or_markup(c) || c == '.')
        {
            return None;
        }
    } else {
        if !gap(text, ws[j - 1].range.end, ws[j].range.start) {
            return None;
        }
        let next = lower[j].as_str();
        if PREPOSITIONS.contains(&next) {
            if qualifier.is_none() {
                qualifier = prepositional(&ws, &lower, j + 1);
            }
        } else if next == "and" {
            // "acts as a client and a server": a dual role, not an assignment to compare.
            let mut k = j + 1;
            while k < ws.len() && DETERMINERS.contains(&lower[k].as_str()) {
                k += 1;
            }
            let other = labels
                .iter()
                .any(|l| l.pair == label.pair && match_label_at(&lower, k, l));
            if other {
                return None;
            }
        } else if !(AFTER_LABEL.contains(&next) || next == "too" || next == "as") {
            return None;
        }
    }
    Some(Object {
        label: label_range,
        pair: label.pair,
        side: label.side,
        qualifier,
        shared,
    })
}

fn prepositional(ws: &[Word<'_>], lower: &[String], from: usize) -> Option<Range<usize>> {
    let mut start = from;
    while start < ws.len() && DETERMINERS.contains(&lower[start].as_str()) {
        start += 1;
    }
    let end = (start..ws.len())
        .find(|&k| {
            AFTER_LABEL.contains(&lower[k].as_str()) || PREPOSITIONS.contains(&lower[k].as_str())
        })
        .unwrap_or(ws.len());
    (end > start).then(|| ws[start].range.start..ws[end - 1].range.end)
}

/// Only white space (or quotes) between two offsets.
fn gap(text: &str, from: usize, to: usize) -> bool {
    text[from..to]
        .chars()
        .all(|c| c.is_whitespace() || is_quote_or_markup(c))
}

/// The length of a possessive word without its "'s".
fn possessive(word: &str) -> Option<usize> {
    ["'s", "’s"]
        .iter()
        .find_map(|s| word.strip_suffix(s))
        .map(str::len)
}

fn match_label<'l>(
    lower: &[String],
    at: usize,
    labels: &'l [LabelForm],
) -> Option<(&'l LabelForm, usize)> {
    labels
        .iter()
        .filter(|l| !l.words.is_empty() && match_label_at(lower, at, l))
        .max_by_key(|l| l.words.len())
        .map(|l| (l, l.words.len()))
}

fn match_label_at(lower: &[String], at: usize, label: &LabelForm) -> bool {
    let n = label.words.len();
    if n == 0 || at + n > lower.len() {
        return false;
    }
    label.words.iter().enumerate().all(|(k, w)| {
        let got = &lower[at + k];
        got == w || (k + 1 == n && is_plural(got, w))
    })
}

fn is_plural(got: &str, singular: &str) -> bool {
    got.strip_suffix('s') == Some(singular)
        || got.strip_suffix("es") == Some(singular)
        || got
            .strip_suffix("ies")
            .is_some_and(|stem| singular.strip_suffix('y') == Some(stem))
}

pub(super) fn subject(text: &str, span: Range<usize>) -> Option<Subject> {
    let ws = words(text, span);
    let lower: Vec<String> = ws.iter().map(|w| w.text.to_lowercase()).collect();
    if lower.iter().any(|w| CONDITIONS.contains(&w.as_str())) {
        return None;
    }
    // "that" after a noun starts a relative clause inside the subject ("the host that
    // calls connect()"); after a verb it starts the clause holding the subject.
    let mut start = lower
        .iter()
        .enumerate()
        .rposition(|(k, w)| {
            CUTS.contains(&w.as_str())
                && (w != "that" || k == 0 || VERBS_BEFORE_THAT.contains(&lower[k - 1].as_str()))
        })
        .map_or(0, |p| p + 1);
    let mut end = ws.len();
    let mut shared = false;
    loop {
        let before = (start, end);
        while start < end && LEADING.contains(&lower[start].as_str()) {
            start += 1;
        }
        if start == end {
            return None;
        }
        let last = lower[end - 1].as_str();
        if NEGATIONS.contains(&last) || last.ends_with("n't") || last.ends_with("n’t") {
            return None;
        }
        if SHARED.contains(&last) {
            shared = true;
            end -= 1;
        } else if AUXILIARIES.contains(&last)
            || (last == "well" && end >= 2 && lower[end - 2] == "as")
        {
            end -= 1;
        }
        if (start, end) == before {
            break;
        }
    }
    let words = &lower[start..end];
    if words.is_empty() || words.len() > 10 {
        return None;
    }
    if words.len() == 1 && PRONOUNS.contains(&words[0].as_str()) {
        return None;
    }
    if words.iter().any(|w| w == "which" || w == "who") {
        return None;
    }
    // "between 2014 and 2018" is a range, not a list of subjects.
    let between = words.iter().position(|w| w == "between");
    shared |= words.iter().enumerate().any(|(k, w)| {
        matches!(w.as_str(), "and" | "or" | "both" | "all" | "plus" | "also")
            && !(w == "and" && between.is_some_and(|b| b < k))
    });
    Some(Subject {
        range: ws[start].range.start..ws[end - 1].range.end,
        shared,
        agent: None,
        instrumental: false,
    })
}
