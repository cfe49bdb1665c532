//! Sentence splitting for Chinese and English prose.
//!
//! Chinese sentences end at 。！？； (and their half-width forms before CJK text); English ones
//! at `.`, `!` or `?` followed by white space, except after abbreviations ("et al.", "e.g.",
//! "Fig."), initials, and inside numbers ("3.14", "v1.2").

use std::ops::Range;

const ABBREVIATIONS: &[&str] = &[
    "al", "e.g", "i.e", "eg", "ie", "etc", "fig", "figs", "eq", "eqs", "tab", "sec", "ch", "no",
    "vs", "cf", "ref", "refs", "approx", "dr", "mr", "mrs", "ms", "prof", "st", "vol", "pp", "p",
    "ed", "eds", "inc", "ltd", "co", "corp", "jr", "sr", "jan", "feb", "mar", "apr", "jun", "jul",
    "aug", "sep", "sept", "oct", "nov", "dec", "u.s", "ph.d", "resp", "e.t.c", "op", "art", "def",
    "thm", "lem", "prop", "cor", "alg", "ex", "viz",
];

/// The bytes that may start a sentence end: `.`, `!`, `?`, `;`, a newline, and the lead
/// bytes of `。` (E3) and of `！？；` (EF).
static ENDS: [bool; 256] = crate::pattern::byte_set(b".!?;\n\xE3\xEF");

/// Splits `text` into sentence ranges covering every non-blank part of it.
pub fn split(text: &str) -> Vec<Range<usize>> {
    let bytes = text.as_bytes();
    let char_at = |i: usize| text.get(i..).and_then(|r| r.chars().next());
    let mut out = Vec::new();
    let mut start = 0;
    let mut i = 0;
    while i < bytes.len() {
        // Only . ! ? ; and a newline, or the full-width marks (lead bytes E3 and EF) end a
        // sentence: jump to the next such byte.
        let Some(skip) = bytes[i..].iter().position(|&b| ENDS[usize::from(b)]) else {
            break;
        };
        i += skip;
        let Some(c) = char_at(i) else { break };
        let end = i + c.len_utf8();
        let boundary = match c {
            '。' | '！' | '？' | '；' | '\n' => true,
            '.' | '!' | '?' | ';' => match char_at(end) {
                None => true,
                Some(n) if n.is_whitespace() || is_cjk(n) => {
                    c != '.' || !is_abbreviation(&text[start..i])
                }
                _ => false,
            },
            _ => false,
        };
        i = end;
        if boundary {
            // Keep closing quotes and brackets with the sentence they close.
            while let Some(n) = char_at(i) {
                if matches!(n, '”' | '"' | '’' | '\'' | ')' | '）' | '」' | '』') {
                    i += n.len_utf8();
                } else {
                    break;
                }
            }
            push(&mut out, text, start, i);
            start = i;
        }
    }
    push(&mut out, text, start, text.len());
    out
}

fn push(out: &mut Vec<Range<usize>>, text: &str, start: usize, end: usize) {
    let slice = &text[start..end];
    let lead = slice.len() - slice.trim_start().len();
    let trail = slice.len() - slice.trim_end().len();
    if lead + trail < slice.len() {
        out.push(start + lead..end - trail);
    }
}

/// Whether the text before a period ends with an abbreviation or an initial.
pub(crate) fn is_abbreviation(before: &str) -> bool {
    let start = before
        .char_indices()
        .rev()
        .take_while(|&(_, c)| c.is_alphanumeric() || c == '.')
        .last()
        .map_or(before.len(), |(k, _)| k);
    let word = &before[start..];
    let mut chars = word.chars();
    let Some(first) = chars.next() else {
        return false;
    };
    let single_initial = chars.next().is_none() && first.is_uppercase();
    // The abbreviations are ASCII without a `k`: no other character lower-cases to one.
    single_initial || ABBREVIATIONS.iter().any(|a| a.eq_ignore_ascii_case(word))
}

pub fn is_cjk(c: char) -> bool {
    matches!(c as u32,
        0x4E00..=0x9FFF | 0x3400..=0x4DBF | 0x20000..=0x2A6DF | 0xF900..=0xFAFF | 0x3040..=0x30FF)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sentences(text: &str) -> Vec<&str> {
        split(text).into_iter().map(|r| &text[r]).collect()
    }

    #[test]
    fn abbreviations_compare_without_case_folding() {
        // The Kelvin sign is the only letter outside ASCII that lower-cases into it ("k").
        assert!(
            ABBREVIATIONS
                .iter()
                .all(|a| a.is_ascii() && !a.contains('k'))
        );
        assert!(is_abbreviation("see Fig") && is_abbreviation("E.G") && is_abbreviation("J"));
        assert!(!is_abbreviation("the end") && !is_abbreviation(""));
    }

    #[test]
    fn english_abbreviations_and_numbers() {
        assert_eq!(
            sentences("Vaswani et al. proposed it in v1.2 (see Fig. 3). Pi is 3.14! Next?"),
            vec![
                "Vaswani et al. proposed it in v1.2 (see Fig. 3).",
                "Pi is 3.14!",
                "Next?"
            ]
        );
    }

    #[test]
    fn chinese_punctuation() {
        assert_eq!(
            sentences("第一句。第二句！“引号。”第三句；尾"),
            vec!["第一句。", "第二句！", "“引号。”", "第三句；", "尾"]
        );
    }
}
