//! Clause boundaries and sentence topics for label extraction.

use super::normalize;
use std::ops::Range;

pub(super) fn is_clause_boundary(c: char) -> bool {
    matches!(
        c,
        ',' | '，'
            | ';'
            | '；'
            | ':'
            | '：'
            | '('
            | ')'
            | '（'
            | '）'
            | '。'
            | '—'
            | '!'
            | '！'
            | '['
            | ']'
            | '\n'
    )
}

pub(super) fn clause_start(text: &str, floor: usize, at: usize) -> usize {
    let slice = &text[floor..at];
    slice
        .char_indices()
        .rev()
        .find(|&(i, c)| is_clause_boundary(c) && !empty_parens(slice, i, c))
        .map_or(floor, |(i, c)| floor + i + c.len_utf8())
}

/// "connect()": a call in prose, not a parenthesis.
pub(super) fn empty_parens(s: &str, i: usize, c: char) -> bool {
    (c == '(' && s[i..].starts_with("()")) || (c == ')' && s[..i].ends_with('('))
}

pub(super) fn word_bounded(text: &str, start: usize, end: usize) -> bool {
    let before = text[..start].chars().next_back();
    let after = text[end..].chars().next();
    !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
}

/// A sentence's leading topic clause ("在 MoCo 中，", "For the discriminator,"), normalised,
/// or empty: assignments under different topics are in different contexts.
pub(super) fn topic(text: &str, sentence: &Range<usize>) -> String {
    const OPENERS: &[&str] = &[
        "在",
        "对于",
        "对",
        "针对",
        "而在",
        "而对于",
        "in ",
        "for ",
        "within ",
        "under ",
        "with ",
    ];
    let slice = &text[sentence.clone()];
    let Some((i, _)) = slice.char_indices().find(|&(_, c)| matches!(c, ',' | '，')) else {
        return String::new();
    };
    let head = slice[..i].trim();
    // (No character outside ASCII lower-cases to a letter of an opener.)
    let opens = |o: &&str| {
        head.as_bytes()
            .get(..o.len())
            .is_some_and(|h| h.eq_ignore_ascii_case(o.as_bytes()))
    };
    if OPENERS.iter().any(opens) {
        normalize(head)
    } else {
        String::new()
    }
}
