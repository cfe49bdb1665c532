//! Text helpers shared by the extractors: words, clauses, URLs.

use crate::document::sentences::is_cjk;
use std::ops::Range;

/// An ASCII-script word (letters, digits, inner hyphens and apostrophes) with its range.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Word<'a> {
    pub range: Range<usize>,
    pub text: &'a str,
    pub case: Case,
}

/// The capitals of a word as scanned (signs trimmed from its end are never capitals),
/// read on its bytes while scanning it so that callers need not read it again.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Case {
    /// The first char is an ASCII capital.
    pub first_upper: bool,
    /// A later char is an ASCII capital.
    pub later_upper: bool,
    /// The word as scanned has a char beyond ASCII (its capitals are not recorded).
    pub non_ascii: bool,
}

/// Latin-script words of `text` within `range`, skipping URLs, e-mail addresses and paths.
pub fn words(text: &str, range: Range<usize>) -> Vec<Word<'_>> {
    Words::new(text, range).collect()
}

/// The words of [`words`] one at a time, for passes that need no list of them.
pub struct Words<'a> {
    text: &'a str,
    /// The end of the range read.
    end: usize,
    /// The next byte to read.
    at: usize,
}

impl<'a> Words<'a> {
    pub fn new(text: &'a str, range: Range<usize>) -> Words<'a> {
        Words {
            text,
            end: range.end,
            at: range.start,
        }
    }
}

impl<'a> Iterator for Words<'a> {
    type Item = Word<'a>;

    fn next(&mut self) -> Option<Word<'a>> {
        let slice = &self.text[..self.end];
        let bytes = slice.as_bytes();
        loop {
            // The next word's first char: ASCII bytes are read as they are; only other
            // chars below U+3000 are decoded (see `char_at`).
            let mut start = self.at;
            let mut case = Case::default();
            let first_len = loop {
                let b = *bytes.get(start)?;
                if b.is_ascii_alphanumeric() {
                    case.first_upper = b.is_ascii_uppercase();
                    break 1;
                }
                let len = if b < 0x80 {
                    1
                } else {
                    let (c, len) = char_at(slice, start)?;
                    if is_word_char(c) {
                        case.non_ascii = true;
                        break len;
                    }
                    len
                };
                start += len;
            };
            // The word runs over letters, digits and inner signs.
            let mut end = start + first_len;
            let mut signs = false;
            while let Some(&b) = bytes.get(end) {
                if b.is_ascii_alphanumeric() {
                    case.later_upper |= b.is_ascii_uppercase();
                    end += 1;
                } else if INNER[usize::from(b)] {
                    signs = true;
                    end += 1;
                } else if b >= 0x80
                    && let Some((n, len)) = char_at(slice, end)
                    && (n == '’' || is_word_char(n))
                {
                    case.non_ascii = true;
                    signs |= n == '’';
                    end += len;
                } else {
                    break;
                }
            }
            self.at = end;
            // Most words hold no sign: nothing to trim, nothing to rule out.
            if !signs {
                return Some(Word {
                    range: start..end,
                    text: &slice[start..end],
                    case,
                });
            }
            let token = slice[start..end].trim_end_matches(['-', '\'', '’', '.', ':', '/']);
            let end = start + token.len();
            // URLs, paths, domains and identifiers are not prose words (one pass for all signs).
            let (mut dot, mut other) = (false, false);
            for b in token.bytes() {
                match b {
                    b'.' => dot = true,
                    b'/' | b'@' | b'_' | b':' => other = true,
                    _ => {}
                }
            }
            if other || (dot && token.contains("..")) {
                continue;
            }
            if dot && !token.bytes().all(|b| b.is_ascii_digit() || b == b'.') {
                // "e.g" stays a word; "github.com" does not.
                if token.split('.').any(|p| p.len() > 2) {
                    continue;
                }
            }
            return Some(Word {
                range: start..end,
                text: token,
                case,
            });
        }
    }
}

/// The ASCII signs that may stand inside a word ("isn't", "e.g", "github.com/x", "a_b");
/// a word holding one of the last four, or two dots in a row, is not a prose word.
static INNER: [bool; 256] = crate::pattern::byte_set(b"-'./@_:");

/// The character at byte `i` of `s` and its length; a character at or above U+3000 (a
/// lead byte from 0xE3), never part of a word, is returned as U+3000 without decoding.
fn char_at(s: &str, i: usize) -> Option<(char, usize)> {
    let lead = *s.as_bytes().get(i)?;
    match lead {
        0..0x80 => Some((char::from(lead), 1)),
        0xE3..0xF0 => Some(('\u{3000}', 3)),
        0xF0.. => Some(('\u{3000}', 4)),
        _ => s[i..].chars().next().map(|c| (c, c.len_utf8())),
    }
}

fn is_word_char(c: char) -> bool {
    // Cheapest tests first: most characters are ASCII or CJK (at or above U+3000).
    c.is_ascii_alphanumeric()
        || (!c.is_ascii() && (c as u32) < 0x3000 && !is_cjk(c) && c.is_alphabetic())
}

/// Splits a sentence into clauses at commas, semicolons, colons and parentheses, so that
/// "ImageNet (released in 2009)" keeps its year away from the clause before it.
pub fn clauses(text: &str, sentence: Range<usize>) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let bytes = &text.as_bytes()[..sentence.end];
    let mut start = sentence.start;
    let mut at = sentence.start;
    // Only , ; : ( ) and the full-width ，；：（） (lead byte EF) end a clause; 、 joins the
    // items of a list inside one clause.
    while let Some(skip) = bytes[at..]
        .iter()
        .position(|&b| CLAUSE_STOPS[usize::from(b)])
    {
        at += skip;
        let len = match (bytes[at], bytes.get(at + 1..at + 3)) {
            // "5,000", "10:30": the digit after may lie past the sentence's end.
            (b',' | b':', _) if text.as_bytes().get(at + 1).is_some_and(u8::is_ascii_digit) => 0,
            (b',' | b':' | b';' | b'(' | b')', _) => 1,
            // ，；：（）
            (0xEF, Some([0xBC, 0x8C | 0x9B | 0x9A | 0x88 | 0x89])) => 3,
            _ => 0,
        };
        if len > 0 {
            if !text[start..at].trim().is_empty() {
                out.push(start..at);
            }
            start = at + len;
        }
        at += 1;
    }
    if !text[start..sentence.end].trim().is_empty() {
        out.push(start..sentence.end);
    }
    out
}

/// The bytes that may end a clause: `,;:()` and the lead byte of `，；：（）`.
static CLAUSE_STOPS: [bool; 256] = crate::pattern::byte_set(b",;:()\xEF");

pub fn is_capitalized(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase)
}

/// Whether the word at `offset` starts its sentence (only punctuation or markup before it).
pub fn starts_sentence(text: &str, sentence: &Range<usize>, offset: usize) -> bool {
    text[sentence.start..offset]
        .chars()
        .all(|c| !c.is_alphanumeric() && !is_cjk(c))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_skip_urls_and_paths() {
        let t = "Use GitHub at github.com/x or https://a.b/c, e.g. PyTorch-2 isn't foo_bar.";
        let w: Vec<&str> = words(t, 0..t.len()).into_iter().map(|w| w.text).collect();
        assert_eq!(
            w,
            vec!["Use", "GitHub", "at", "or", "e.g", "PyTorch-2", "isn't"]
        );
    }

    /// The scan as first written, char by char: the oracle for the byte scan of `Words`.
    fn words_char_by_char(text: &str) -> Vec<(Range<usize>, &str)> {
        let mut out = Vec::new();
        let mut at = 0;
        while let Some((c, len)) = char_at(text, at) {
            if !is_word_char(c) {
                at += len;
                continue;
            }
            let start = at;
            let mut end = at + len;
            while let Some((n, len)) = char_at(text, end) {
                let inner = matches!(n, '-' | '\'' | '’' | '.' | '/' | '@' | '_' | ':');
                if is_word_char(n) || inner {
                    end += len;
                } else {
                    break;
                }
            }
            at = end;
            let token = text[start..end].trim_end_matches(['-', '\'', '’', '.', ':', '/']);
            let (dot, other) = (token.contains('.'), token.contains(['/', '@', '_', ':']));
            if other || (dot && token.contains("..")) {
                continue;
            }
            if dot
                && !token.bytes().all(|b| b.is_ascii_digit() || b == b'.')
                && token.split('.').any(|p| p.len() > 2)
            {
                continue;
            }
            out.push((start..start + token.len(), token));
        }
        out
    }

    proptest::proptest! {
        #[test]
        fn words_are_read_as_char_by_char(
            text in "([a-zA-Z0-9]{1,4}|GitHub|[A-Z]{2}s|[ .,:;/@_'’\\-]|é|Ü|ß|ж|中文|。|—|…|ﬁ|😀|\u{2028}){0,40}"
        ) {
            let words: Vec<Word<'_>> = Words::new(&text, 0..text.len()).collect();
            for w in &words {
                let first = w.text.chars().next().map_or(0, char::len_utf8);
                proptest::prop_assert_eq!(w.case.first_upper, w.text.as_bytes()[0].is_ascii_uppercase());
                proptest::prop_assert_eq!(w.case.later_upper, w.text[first..].bytes().any(|b| b.is_ascii_uppercase()));
                proptest::prop_assert!(w.text.is_ascii() || w.case.non_ascii);
            }
            let fast: Vec<(Range<usize>, &str)> = words.into_iter().map(|w| (w.range, w.text)).collect();
            proptest::prop_assert_eq!(fast, words_char_by_char(&text));
        }
    }

    /// Clauses as first split, char by char: the oracle for the byte scan of `clauses`.
    fn clauses_char_by_char(text: &str, sentence: Range<usize>) -> Vec<Range<usize>> {
        let next_is_digit = |at: usize| {
            text[at..]
                .chars()
                .next()
                .is_some_and(|c| c.is_ascii_digit())
        };
        let mut out = Vec::new();
        let mut start = sentence.start;
        for (i, c) in text[sentence.clone()].char_indices() {
            let at = sentence.start + i;
            let boundary = matches!(c, '，' | '；' | ';' | '：' | '(' | ')' | '（' | '）')
                || (c == ',' && !next_is_digit(at + 1))
                || (c == ':' && !next_is_digit(at + 1));
            if boundary {
                if text[start..at].trim().chars().count() > 0 {
                    out.push(start..at);
                }
                start = at + c.len_utf8();
            }
        }
        if text[start..sentence.end].trim().chars().count() > 0 {
            out.push(start..sentence.end);
        }
        out
    }

    proptest::proptest! {
        #[test]
        fn clauses_are_split_as_char_by_char(
            text in "([a-z0-9]{1,3}|[ ,;:()]|，|；|：|（|）|、|。|！|＂|ｚ|中|\u{3000}){0,30}",
            cut in 0usize..4,
        ) {
            // A sentence ending before the text does (the next char may be a digit).
            let end = text.char_indices().rev().nth(cut).map_or(text.len(), |(i, _)| i);
            proptest::prop_assert_eq!(clauses(&text, 0..end), clauses_char_by_char(&text, 0..end));
        }
    }

    #[test]
    fn clauses_split_at_punctuation() {
        let t = "流模型[3]于2014年被提出，它和VAE同期 (released in 2009)";
        let c: Vec<&str> = clauses(t, 0..t.len())
            .into_iter()
            .map(|r| t[r].trim())
            .collect();
        assert_eq!(
            c,
            vec!["流模型[3]于2014年被提出", "它和VAE同期", "released in 2009"]
        );
    }
}
