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

/// Splits `text` into sentence ranges covering every non-blank part of it.
pub fn split(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        let end = i + c.len_utf8();
        let boundary = match c {
            '。' | '！' | '？' | '；' | '\n' => true,
            '.' | '!' | '?' | ';' => {
                let next = chars.peek().map(|(_, n)| *n);
                match next {
                    None => true,
                    Some(n) if n.is_whitespace() => c != '.' || !is_abbreviation(&text[start..i]),
                    Some(n) if is_cjk(n) => c != '.' || !is_abbreviation(&text[start..i]),
                    _ => false,
                }
            }
            _ => false,
        };
        if boundary {
            // Keep closing quotes and brackets with the sentence they close.
            let mut stop = end;
            while let Some(&(j, n)) = chars.peek() {
                if matches!(n, '”' | '"' | '’' | '\'' | ')' | '）' | '」' | '』') {
                    stop = j + n.len_utf8();
                    chars.next();
                } else {
                    break;
                }
            }
            push(&mut out, text, start, stop);
            start = stop;
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
    let word: String = before
        .chars()
        .rev()
        .take_while(|c| c.is_alphanumeric() || *c == '.')
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect();
    if word.is_empty() {
        return false;
    }
    let lower = word.to_lowercase();
    let single_initial = word.chars().count() == 1 && word.chars().all(char::is_uppercase);
    single_initial || ABBREVIATIONS.contains(&lower.as_str())
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
