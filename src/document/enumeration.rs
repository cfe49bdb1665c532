//! Inline enumerations inside paragraphs: `(1)…(2)`, `（1）`, `1)`, `①②`, `(a)`, `a)`,
//! `(i)(ii)`, `一、二、`, `第一，第二，`, `firstly/secondly`.
//!
//! A marker only opens a sequence in a "strict" place (start of a block, after punctuation);
//! the next expected value is accepted anywhere a word may start, while an unexpected value
//! must again stand in a strict place. That keeps references such as "Eq. (3)" or "from (1)
//! and (3)" out of the model. Sequences run through the paragraphs of one section; a first
//! value after two or more markers, or at the start of a block, opens a new sequence.

use super::Document;
use super::block::Block;
use super::numbering::{chinese_number, is_chinese_digit, roman_value};
use super::sentences::{is_abbreviation, is_cjk};
use std::ops::Range;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum EnumStyle {
    /// `(1)`, `（1）`.
    ParenDigit,
    /// `1)`, `1）`.
    RightParenDigit,
    Circled,
    /// `(a)`; `upper` for `(A)`.
    ParenLetter {
        upper: bool,
    },
    RightParenLetter {
        upper: bool,
    },
    ParenRoman {
        upper: bool,
    },
    /// `一、`.
    ChineseComma,
    /// `（一）`.
    ChineseParen,
    /// `第一，`.
    ChineseOrdinal,
    /// `Firstly`, `Secondly`.
    EnglishOrdinal,
}

impl EnumStyle {
    /// The text of `value` in this style, as it replaces the value token of a marker.
    pub fn render(self, value: u32, like: &str) -> Option<String> {
        Some(match self {
            EnumStyle::ParenDigit | EnumStyle::RightParenDigit => value.to_string(),
            EnumStyle::Circled => char::from_u32(0x2460 + value.checked_sub(1)?)
                .filter(|_| value <= 20)?
                .to_string(),
            EnumStyle::ParenLetter { upper } | EnumStyle::RightParenLetter { upper } => {
                let c = char::from_u32(
                    u32::from(if upper { b'A' } else { b'a' }) + value.checked_sub(1)?,
                )?;
                if value > 26 {
                    return None;
                }
                c.to_string()
            }
            EnumStyle::ParenRoman { upper } => {
                let r = ROMAN.get(value.checked_sub(1)? as usize)?;
                if upper {
                    r.to_uppercase()
                } else {
                    (*r).to_string()
                }
            }
            EnumStyle::ChineseComma | EnumStyle::ChineseParen | EnumStyle::ChineseOrdinal => {
                chinese_numeral(value)?
            }
            EnumStyle::EnglishOrdinal => {
                let word = ORDINALS.get(value.checked_sub(1)? as usize)?.0;
                let ly = like.to_lowercase().ends_with("ly");
                let mut w = if ly {
                    format!("{word}ly")
                } else {
                    word.to_string()
                };
                if like.starts_with(char::is_uppercase) {
                    w = capitalize(&w);
                }
                w
            }
        })
    }

    fn family(self) -> u8 {
        match self {
            EnumStyle::ParenDigit => 0,
            EnumStyle::RightParenDigit => 1,
            EnumStyle::Circled => 2,
            EnumStyle::ParenLetter { upper } => 3 + u8::from(upper),
            EnumStyle::RightParenLetter { upper } => 5 + u8::from(upper),
            EnumStyle::ParenRoman { upper } => 7 + u8::from(upper),
            EnumStyle::ChineseComma => 9,
            EnumStyle::ChineseParen => 10,
            EnumStyle::ChineseOrdinal => 11,
            EnumStyle::EnglishOrdinal => 12,
        }
    }
}

const ROMAN: [&str; 12] = [
    "i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x", "xi", "xii",
];
const ORDINALS: [(&str, u32); 6] = [
    ("first", 1),
    ("second", 2),
    ("third", 3),
    ("fourth", 4),
    ("fifth", 5),
    ("sixth", 6),
];

fn capitalize(w: &str) -> String {
    let mut c = w.chars();
    c.next()
        .map(|f| f.to_uppercase().chain(c).collect())
        .unwrap_or_default()
}

pub fn chinese_numeral(n: u32) -> Option<String> {
    const D: [&str; 10] = ["", "一", "二", "三", "四", "五", "六", "七", "八", "九"];
    Some(match n {
        1..=9 => D[n as usize].to_string(),
        10 => "十".to_string(),
        11..=19 => format!("十{}", D[(n % 10) as usize]),
        20..=99 => format!("{}十{}", D[(n / 10) as usize], D[(n % 10) as usize]),
        _ => return None,
    })
}

#[derive(Debug, Clone)]
pub struct Marker {
    pub block: usize,
    /// The whole marker, in block text and in the source.
    pub text_range: Range<usize>,
    pub range: Range<usize>,
    /// The value token (`3` in `(3)`), in the source.
    pub value_range: Range<usize>,
    pub value_text: String,
    pub value: u32,
}

#[derive(Debug, Clone)]
pub struct Enumeration {
    pub style: EnumStyle,
    pub section: Option<usize>,
    pub markers: Vec<Marker>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Place {
    /// At the start of the block or after punctuation: may open or break a sequence.
    Strict,
    /// After a word or space: may only continue a sequence.
    Lax,
}

#[derive(Debug)]
struct Candidate {
    style: EnumStyle,
    value: u32,
    marker: Marker,
    place: Place,
}

pub fn find_enumerations(doc: &Document<'_>) -> Vec<Enumeration> {
    let mut done: Vec<Enumeration> = Vec::new();
    let mut open: Vec<(Enumeration, bool)> = Vec::new();
    let mut section = None;
    for (index, block) in doc.blocks.iter().enumerate() {
        if block.section != section || matches!(block.kind, super::BlockKind::Heading(_)) {
            done.extend(open.drain(..).map(|(e, _)| e));
            section = block.section;
        }
        let in_toc = doc
            .toc
            .as_ref()
            .is_some_and(|t| t.range.contains(&block.range.start));
        if block.footnote.is_some() || in_toc || doc.in_bibliography(block.range.start) {
            continue;
        }
        // "First, … Second, …" enumerates within one paragraph; the next paragraph's
        // "First," is a new enumeration, not a repeat.
        done.extend(
            open.extract_if(.., |(e, _)| e.style == EnumStyle::EnglishOrdinal)
                .map(|(e, _)| e),
        );
        for group in candidates(block, index) {
            place(&mut open, &mut done, group, section);
        }
    }
    done.extend(open.into_iter().map(|(e, _)| e));
    done.retain(|e| e.markers.len() >= 2);
    done
}

/// Adds one marker (given as its alternative readings) to the open sequences.
fn place(
    open: &mut Vec<(Enumeration, bool)>,
    done: &mut Vec<Enumeration>,
    group: Vec<Candidate>,
    section: Option<usize>,
) {
    // Prefer a reading that continues an open sequence, then one that starts a sequence.
    let continues = |c: &Candidate| {
        open.iter().position(|(e, _)| {
            e.style.family() == c.style.family()
                && e.markers.last().is_some_and(|m| m.value + 1 == c.value)
        })
    };
    if let Some((i, pos)) = group
        .iter()
        .enumerate()
        .find_map(|(i, c)| continues(c).map(|p| (i, p)))
    {
        let c = group.into_iter().nth(i);
        if let Some(c) = c {
            open[pos].0.markers.push(c.marker);
        }
        return;
    }
    let Some(c) = group
        .into_iter()
        .min_by_key(|c| (c.value != 1, c.place == Place::Lax))
    else {
        return;
    };
    let existing = open
        .iter()
        .position(|(e, _)| e.style.family() == c.style.family());
    match existing {
        None => {
            if c.value == 1 && c.place == Place::Strict {
                open.push((new_seq(c, section), true));
            }
        }
        Some(pos) => {
            let len = open[pos].0.markers.len();
            let restart = len >= 2 || c.style == EnumStyle::EnglishOrdinal;
            if c.value == 1 && restart {
                let (finished, _) = open.remove(pos);
                done.push(finished);
                if c.place == Place::Strict {
                    open.push((new_seq(c, section), true));
                }
            } else if c.place == Place::Strict {
                open[pos].0.markers.push(c.marker);
            }
        }
    }
}

fn new_seq(c: Candidate, section: Option<usize>) -> Enumeration {
    Enumeration {
        style: c.style,
        section,
        markers: vec![c.marker],
    }
}

/// Every marker candidate in a block, grouped by position (one group per position, holding
/// its alternative readings, e.g. `(i)` as a letter and as a roman numeral).
fn candidates(block: &Block, index: usize) -> Vec<Vec<Candidate>> {
    let text = &block.text;
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut depth: i32 = 0;
    // An ordinal ("Firstly", "Second,") counts only where a sentence or clause starts: at
    // the start of the block or after . ! ? ; : (half- or full-width) and white space.
    ordinal_after(&mut out, block, index, 0, depth);
    let mut i = 0;
    while i < bytes.len() {
        let Some(skip) = bytes[i..].iter().position(|&b| STOPS[usize::from(b)]) else {
            break;
        };
        i += skip;
        let b = bytes[i];
        if matches!(b, b'.' | b'!' | b'?' | b';' | b':') {
            i += 1;
            ordinal_after(&mut out, block, index, i, depth);
            continue;
        }
        // The other stops are ( ) and the lead bytes of three-byte characters, of which
        // only （ ） ①…⑳ 第 、 and 。！？；： matter: the rest are stepped over undecoded.
        let c = match (b, bytes.get(i + 1..i + 3)) {
            (b'(', _) => '(',
            (b')', _) => ')',
            (0xE2, Some([0x91, 0xA0..=0xB3]))
            | (0xE3, Some([0x80, 0x81 | 0x82]))
            | (0xE7, Some([0xAC, 0xAC]))
            | (0xEF, Some([0xBC, 0x81 | 0x88 | 0x89 | 0x9A | 0x9B | 0x9F])) => {
                match text[i..].chars().next() {
                    Some(c) => c,
                    None => break,
                }
            }
            _ => {
                i += 3;
                continue;
            }
        };
        match c {
            '(' | '（' | '①'..='⑳' | '第' => push_group(&mut out, block, index, i, c, depth),
            // "3)", "b）": a marker may start at each of the (at most three) letters and
            // digits before.
            ')' | '）' if depth <= 0 => {
                let run = bytes[..i]
                    .iter()
                    .rev()
                    .take_while(|b| b.is_ascii_alphanumeric())
                    .take(3)
                    .count();
                for (j, &b) in bytes.iter().enumerate().take(i).skip(i - run) {
                    push_group(&mut out, block, index, j, char::from(b), depth);
                }
            }
            // "三、": a marker may start at each of the (at most three) numerals before.
            '、' => {
                let run: Vec<(usize, char)> = text[..i]
                    .char_indices()
                    .rev()
                    .take_while(|&(_, ch)| is_chinese_digit(ch))
                    .take(3)
                    .collect();
                for &(s, ch) in run.iter().rev() {
                    push_group(&mut out, block, index, s, ch, depth);
                }
            }
            '。' | '！' | '？' | '；' | '：' => {
                i += c.len_utf8();
                ordinal_after(&mut out, block, index, i, depth);
                continue;
            }
            _ => {}
        }
        match c {
            '(' | '（' => depth += 1,
            // Markers like 1） close nothing: depth never goes below zero.
            ')' | '）' => depth = (depth - 1).max(0),
            _ => {}
        }
        i += c.len_utf8();
    }
    out
}

/// Reads an English ordinal at the first word after white space from byte `at`, if that
/// word has an ordinal's length (five to eight letters, "first" to "secondly").
fn ordinal_after(
    out: &mut Vec<Vec<Candidate>>,
    block: &Block,
    index: usize,
    at: usize,
    depth: i32,
) {
    if depth > 0 {
        return;
    }
    let text = &block.text;
    let Some((offset, c)) = text[at..].char_indices().find(|(_, c)| !c.is_whitespace()) else {
        return;
    };
    let start = at + offset;
    if !starts_ordinal(c) {
        return;
    }
    let len = text.as_bytes()[start..]
        .iter()
        .take_while(|b| b.is_ascii_alphanumeric())
        .count();
    if (5..=8).contains(&len) {
        push_group(out, block, index, start, c, depth);
    }
}

/// The bytes where a marker may start or parentheses open or close: the first letters of
/// the ordinals, `(` and `)`, and the lead bytes of （ ） ① … ⑳ 第 、 (EF, E2, E7, E3).
/// Letters and digits before a closing parenthesis are read back from it.
static STOPS: [bool; 256] = crate::pattern::byte_set(b"().!?;:\xE2\xE3\xE7\xEF");

/// The readings of a marker at `i` (whose char is `c`), as one group, if it has any.
fn push_group(
    out: &mut Vec<Vec<Candidate>>,
    block: &Block,
    index: usize,
    i: usize,
    c: char,
    depth: i32,
) {
    let text = &block.text;
    let group = read_marker(text, i, c, depth)
        .into_iter()
        .filter_map(|(style, value, len, value_range)| {
            let place = place_of(text, i, style)?;
            let text_range = i..i + len;
            Some(Candidate {
                style,
                value,
                marker: Marker {
                    block: index,
                    range: block.source_range(text_range.clone()),
                    value_range: block.source_range(value_range.clone()),
                    value_text: text[value_range].to_string(),
                    text_range,
                    value,
                },
                place,
            })
        })
        .collect::<Vec<_>>();
    if !group.is_empty() {
        out.push(group);
    }
}

/// Whether an ordinal of [`ORDINALS`] may start with `c`.
fn starts_ordinal(c: char) -> bool {
    matches!(c.to_ascii_lowercase(), 'f' | 's' | 't')
}

type Reading = (EnumStyle, u32, usize, Range<usize>);

/// Readings of a marker starting at byte `i` (whose char is `c`).
fn read_marker(text: &str, i: usize, c: char, depth: i32) -> Vec<Reading> {
    let rest = &text[i..];
    let mut out = Vec::new();
    match c {
        '(' | '（' => {
            let inner_start = i + c.len_utf8();
            let inner: String = text[inner_start..]
                .chars()
                .take_while(|ch| ch.is_alphanumeric())
                .take(6)
                .collect();
            let after = inner_start + inner.len();
            let close = text[after..].chars().next();
            if !matches!(close, Some(')' | '）')) || inner.is_empty() {
                return out;
            }
            let len = after + close.map_or(0, char::len_utf8) - i;
            let vr = inner_start..after;
            if let Ok(n) = inner.parse::<u32>() {
                if n > 0 && n < 100 {
                    out.push((EnumStyle::ParenDigit, n, len, vr));
                }
            } else if inner.chars().all(is_chinese_digit) {
                if let Some(n) = chinese_number(&inner) {
                    out.push((EnumStyle::ChineseParen, n, len, vr));
                }
            } else if inner.len() == 1 && inner.chars().all(|ch| ch.is_ascii_alphabetic()) {
                let ch = inner.chars().next().unwrap_or('a');
                let upper = ch.is_ascii_uppercase();
                let n = u32::from(ch.to_ascii_lowercase() as u8 - b'a' + 1);
                out.push((EnumStyle::ParenLetter { upper }, n, len, vr.clone()));
                if let Some(r) = roman_value(&inner)
                    .filter(|_| matches!(ch.to_ascii_lowercase(), 'i' | 'v' | 'x'))
                {
                    out.push((EnumStyle::ParenRoman { upper }, r, len, vr));
                }
            } else if inner.chars().all(|ch| matches!(ch, 'i' | 'v' | 'x'))
                || inner.chars().all(|ch| matches!(ch, 'I' | 'V' | 'X'))
            {
                let upper = inner.starts_with(char::is_uppercase);
                if let Some(r) = roman_value(&inner).filter(|&r| r <= 12) {
                    out.push((EnumStyle::ParenRoman { upper }, r, len, vr));
                }
            }
        }
        '①'..='⑳' => {
            let n = c as u32 - 0x2460 + 1;
            out.push((EnumStyle::Circled, n, c.len_utf8(), i..i + c.len_utf8()));
        }
        '0'..='9' | 'a'..='z' | 'A'..='Z' if depth <= 0 => {
            let word = &rest[..rest
                .bytes()
                .take_while(u8::is_ascii_alphanumeric)
                .take(3)
                .count()];
            let after = i + word.len();
            let close = text[after..].chars().next();
            if matches!(close, Some(')' | '）')) {
                let len = word.len() + close.map_or(0, char::len_utf8);
                if let Ok(n) = word.parse::<u32>() {
                    if n > 0 && n < 100 {
                        out.push((EnumStyle::RightParenDigit, n, len, i..after));
                    }
                } else if word.len() == 1 && c.is_ascii_alphabetic() {
                    let upper = c.is_ascii_uppercase();
                    let n = u32::from(c.to_ascii_lowercase() as u8 - b'a' + 1);
                    out.push((EnumStyle::RightParenLetter { upper }, n, len, i..after));
                }
            }
            if c.is_ascii_alphabetic() {
                out.extend(english_ordinal(text, i));
            }
        }
        '第' => {
            let digits: String = text[i + c.len_utf8()..]
                .chars()
                .take_while(|ch| is_chinese_digit(*ch))
                .take(3)
                .collect();
            let vs = i + c.len_utf8();
            let after = vs + digits.len();
            if let (Some(n), Some(p)) = (chinese_number(&digits), text[after..].chars().next())
                && "，,、：:".contains(p)
            {
                out.push((EnumStyle::ChineseOrdinal, n, after - i, vs..after));
            }
        }
        _ if is_chinese_digit(c) => {
            let digits: String = rest
                .chars()
                .take_while(|ch| is_chinese_digit(*ch))
                .take(3)
                .collect();
            let after = i + digits.len();
            if let (Some(n), Some('、')) = (chinese_number(&digits), text[after..].chars().next())
            {
                let before = text[..i].chars().next_back();
                if before.is_none_or(|b| "。；：:;\n".contains(b) || b.is_whitespace()) {
                    out.push((
                        EnumStyle::ChineseComma,
                        n,
                        after + '、'.len_utf8() - i,
                        i..after,
                    ));
                }
            }
        }
        _ => {}
    }
    out
}

fn english_ordinal(text: &str, i: usize) -> Option<Reading> {
    // Inside a word is never the start of a sentence.
    if text[..i].ends_with(|c: char| c.is_ascii_alphanumeric()) {
        return None;
    }
    // The longest ordinal is "secondly": a longer word is none, and is not read further.
    let len = text[i..]
        .bytes()
        .take(9)
        .take_while(u8::is_ascii_alphabetic)
        .count();
    if len > 8 {
        return None;
    }
    let word = &text[i..i + len];
    let (base, ly) = match len
        .checked_sub(2)
        .filter(|&cut| word[cut..].eq_ignore_ascii_case("ly"))
    {
        Some(cut) => (&word[..cut], true),
        None => (word, false),
    };
    let value = ORDINALS
        .iter()
        .find(|(w, _)| w.eq_ignore_ascii_case(base))?
        .1;
    let after = i + word.len();
    let next = text[after..].chars().next();
    // "Firstly" anywhere a sentence starts; "First," only capitalised and followed by a comma.
    let ok = if ly {
        matches!(next, Some(',' | '，' | ' '))
    } else {
        word.starts_with(char::is_uppercase) && matches!(next, Some(',' | '，'))
    };
    let before = text[..i].trim_end().chars().next_back();
    let sentence_start = before.is_none_or(|b| ".!?;:。！？；：\n".contains(b));
    (ok && sentence_start).then_some((EnumStyle::EnglishOrdinal, value, word.len(), i..after))
}

/// Where a marker at `i` stands, or `None` if it cannot be a marker there (glued to a word,
/// inside parentheses of its own, after an abbreviation like "Eq.").
fn place_of(text: &str, i: usize, style: EnumStyle) -> Option<Place> {
    let before = &text[..i];
    let Some(prev) = before.chars().next_back() else {
        return Some(Place::Strict);
    };
    let trimmed = before.trim_end();
    let prev_solid = trimmed.chars().next_back();
    let last_word: String = trimmed
        .chars()
        .rev()
        .take_while(|c| c.is_alphabetic())
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect();
    // "…; and (iv) air drag": a conjunction before the last marker of a list.
    let conjunction = matches!(last_word.as_str(), "and" | "or")
        || ["以及", "和", "及", "或"]
            .iter()
            .any(|c| trimmed.ends_with(c));
    if conjunction && !matches!(style, EnumStyle::EnglishOrdinal) {
        return Some(Place::Strict);
    }
    match prev_solid {
        None => return Some(Place::Strict),
        Some(p) if "：:；;，,。、！？!?\n".contains(p) => return Some(Place::Strict),
        Some('.') if !is_abbreviation(&trimmed[..trimmed.len() - 1]) => {
            return Some(Place::Strict);
        }
        _ => {}
    }
    if prev == '\n' {
        return Some(Place::Strict);
    }
    if matches!(style, EnumStyle::ChineseComma | EnumStyle::EnglishOrdinal) {
        return Some(Place::Strict);
    }
    if prev.is_whitespace()
        || (is_cjk(prev)
            && !matches!(
                style,
                EnumStyle::RightParenDigit | EnumStyle::RightParenLetter { .. }
            ))
    {
        return Some(Place::Lax);
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Whether a closing parenthesis (`)` or `）`) starts at byte `at`.
    fn closes_at(bytes: &[u8], at: usize) -> bool {
        bytes[at..].starts_with(b")") || bytes[at..].starts_with("）".as_bytes())
    }

    static OLD_STOPS: [bool; 256] = crate::pattern::byte_set(b"fstFST()\xE2\xE3\xE7\xEF");

    /// The scan as first written, stopping at every f, s and t (the ordinals' first
    /// letters): the oracle for [`candidates`], which looks for ordinals only where a
    /// sentence or clause starts.
    #[allow(clippy::all)]
    fn candidates_as_first_written(block: &Block, index: usize) -> Vec<Vec<Candidate>> {
        let text = &block.text;
        let bytes = text.as_bytes();
        let mut out = Vec::new();
        let mut depth: i32 = 0;
        let mut i = 0;
        while i < bytes.len() {
            let Some(skip) = bytes[i..].iter().position(|&b| OLD_STOPS[usize::from(b)]) else {
                break;
            };
            i += skip;
            let b = bytes[i];
            if b.is_ascii_alphabetic() {
                // The first letter of an ordinal: at a word's start ("Firstly"), the word is read
                // whole, with the `3)`-style markers at its end; inside a word, nothing starts.
                if i > 0 && bytes[i - 1].is_ascii_alphanumeric() {
                    // Nor at any later letter of the word: step over it whole.
                    i += bytes[i..]
                        .iter()
                        .take_while(|b| b.is_ascii_alphanumeric())
                        .count();
                    continue;
                }
                let end = i + bytes[i..]
                    .iter()
                    .take_while(|b| b.is_ascii_alphanumeric())
                    .count();
                if depth <= 0 {
                    let tail = if closes_at(bytes, end) {
                        end.saturating_sub(3).max(i)
                    } else {
                        end
                    };
                    // Whole, the word can only be an ordinal ("first" to "secondly"); its last
                    // letters, before a parenthesis, are read below.
                    if tail > i && (5..=8).contains(&(end - i)) {
                        push_group(&mut out, block, index, i, char::from(b), depth);
                    }
                    for (j, &b) in bytes.iter().enumerate().take(end).skip(tail) {
                        push_group(&mut out, block, index, j, char::from(b), depth);
                    }
                }
                i = end;
                continue;
            }
            // The other stops are ( ) and the lead bytes of three-byte characters, of which
            // only （ ） ①…⑳ 第 、 matter: the rest are stepped over undecoded.
            let c = match (b, bytes.get(i + 1..i + 3)) {
                (b'(', _) => '(',
                (b')', _) => ')',
                (0xE2, Some([0x91, 0xA0..=0xB3]))
                | (0xE3, Some([0x80, 0x81]))
                | (0xE7, Some([0xAC, 0xAC]))
                | (0xEF, Some([0xBC, 0x88 | 0x89])) => match text[i..].chars().next() {
                    Some(c) => c,
                    None => break,
                },
                _ => {
                    i += 3;
                    continue;
                }
            };
            match c {
                '(' | '（' | '①'..='⑳' | '第' => {
                    push_group(&mut out, block, index, i, c, depth)
                }
                // "3)", "b）": a marker may start at each of the (at most three) letters and
                // digits before, unless their word starts like an ordinal and was read whole.
                ')' | '）' if depth <= 0 => {
                    let run = bytes[..i]
                        .iter()
                        .rev()
                        .take_while(|b| b.is_ascii_alphanumeric())
                        .count();
                    let start = i - run;
                    if run > 0 && !starts_ordinal(char::from(bytes[start])) {
                        for (j, &b) in bytes.iter().enumerate().take(i).skip(i - run.min(3)) {
                            push_group(&mut out, block, index, j, char::from(b), depth);
                        }
                    }
                }
                // "三、": a marker may start at each of the (at most three) numerals before.
                '、' => {
                    let run: Vec<(usize, char)> = text[..i]
                        .char_indices()
                        .rev()
                        .take_while(|&(_, ch)| is_chinese_digit(ch))
                        .take(3)
                        .collect();
                    for &(s, ch) in run.iter().rev() {
                        push_group(&mut out, block, index, s, ch, depth);
                    }
                }
                _ => {}
            }
            match c {
                '(' | '（' => depth += 1,
                // Markers like 1） close nothing: depth never goes below zero.
                ')' | '）' => depth = (depth - 1).max(0),
                _ => {}
            }
            i += c.len_utf8();
        }
        out
    }

    proptest::proptest! {
        #[test]
        fn candidates_are_those_of_the_first_scan(
            text in "([a-z0-9]{1,3}|First|firstly|Second|SECONDLY|third|Fourth|fifth|sixthly|thirdly|state|Firstly2|[.!?;:。！？；：(（] ?(First|Secondly|Third|fourthly|Fifth|Sixth|Seventh|Status|[a-c1-3])[,， )）]|[ .!?;:,()\\n]|（|）|①|⑳|第|三|二|、|。|！|？|；|：|，|\u{3000}|é){0,30}"
        ) {
            let doc = crate::document::Document::parse(&text, &Default::default());
            for (index, block) in doc.blocks.iter().enumerate() {
                let new = format!("{:?}", candidates(block, index));
                let old = format!("{:?}", candidates_as_first_written(block, index));
                proptest::prop_assert_eq!(new, old, "{}", block.text);
            }
        }
    }

    #[test]
    fn every_ordinal_passes_the_first_letter_filter() {
        for (w, _) in ORDINALS {
            assert!(starts_ordinal(w.chars().next().unwrap_or(' ')), "{w}");
            assert!(
                starts_ordinal(capitalize(w).chars().next().unwrap_or(' ')),
                "{w}"
            );
            // The scan reads a word whole as an ordinal only at these lengths.
            assert!((5..=8).contains(&w.len()) && (5..=8).contains(&(w.len() + 2)));
        }
    }

    /// The scan steps over three-byte characters by their bytes: every marker character of
    /// the grammar must still be seen, each reading where a full decode would find it.
    #[test]
    fn the_byte_scan_sees_every_marker_character() {
        let mut chars: Vec<char> = ('①'..='⑳').collect();
        chars.extend(['（', '）', '第', '、']);
        for c in chars {
            let mut buf = [0; 4];
            let bytes = c.encode_utf8(&mut buf).as_bytes();
            assert_eq!(bytes.len(), 3, "{c}");
            assert!(STOPS[usize::from(bytes[0])], "{c}");
        }
        let block = |text: &str| {
            let mut b = Block::new(super::super::BlockKind::Paragraph, 0);
            b.push(text, 0..text.len(), text);
            b
        };
        let values = |text: &str| -> Vec<(u32, String)> {
            let b = block(text);
            candidates(&b, 0)
                .into_iter()
                .flatten()
                .map(|c| (c.value, text[c.marker.text_range].to_string()))
                .collect()
        };
        let text = "开始，“引号”说明：① 甲 ⑳ 乙\n第三，丙（2）丁\n三、戊。Firstly, a. Second, b.";
        assert_eq!(
            values(text),
            [
                (1, "①".to_string()),
                (20, "⑳".to_string()),
                (3, "第三".to_string()),
                (2, "（2）".to_string()),
                (3, "三、".to_string()),
                (1, "Firstly".to_string()),
                (2, "Second".to_string()),
            ]
        );
    }
}
