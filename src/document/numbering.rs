//! Section numbers at the start of headings and TOC entries: `1.`, `1.2.3`, `一、`, `（一）`,
//! `I.`, `Chapter 3`, `第3章`, `第三节`.

use super::block::Block;
use nom::branch::alt;
use nom::bytes::complete::{tag, take_while1};
use nom::character::complete::{char, digit1, one_of, space0, space1};
use nom::combinator::{map_res, opt, recognize};
use nom::multi::separated_list1;
use nom::sequence::{preceded, terminated};
use nom::{IResult, Parser};
use std::ops::Range;

/// How a number is written; numbers are only compared with numbers of the same style.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum NumberStyle {
    /// `1.`, `1.2`, `1.2.3`, `1、`.
    Decimal,
    /// `一、`.
    Chinese,
    /// `（一）`.
    ChineseParen,
    /// `I.`, `IV.`.
    Roman,
    /// `Chapter 3`, `Part II`, `第3章`, `第三节`: the word is part of the style.
    Word(String),
}

#[derive(Debug, Clone)]
pub struct HeadingNumber {
    pub style: NumberStyle,
    /// The number's components: `[1, 2]` for `1.2`.
    pub parts: Vec<u32>,
    /// Source range of the number text.
    pub range: Range<usize>,
    /// Range of the number text within the heading's block text.
    pub text_range: Range<usize>,
}

impl HeadingNumber {
    pub fn display(&self) -> String {
        self.parts
            .iter()
            .map(u32::to_string)
            .collect::<Vec<_>>()
            .join(".")
    }
}

/// A number prefix parsed from a title: style, parts, the byte length of the number text
/// (without its trailing punctuation) and where the title proper begins.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NumberPrefix {
    pub style: NumberStyle,
    pub parts: Vec<u32>,
    pub number_len: usize,
    pub title_start: usize,
}

pub fn parse_heading_number(block: &Block) -> Option<HeadingNumber> {
    let text = &block.text;
    let lead = text.len() - text.trim_start().len();
    let p = parse_prefix(&text[lead..])?;
    let text_range = lead..lead + p.number_len;
    Some(HeadingNumber {
        style: p.style,
        parts: p.parts,
        range: block.source_range(text_range.clone()),
        text_range,
    })
}

/// Parses a section number at the start of `s`. Requires a title after it, so that version
/// headings (`## 1.2.0`) and years (`## 2024 Roadmap`) are not taken for numbers.
pub fn parse_prefix(s: &str) -> Option<NumberPrefix> {
    let parsers = [word_number, chinese_paren, chinese_comma, roman, decimal];
    for parser in parsers {
        if let Ok((rest, (style, parts, number_len))) = parser(s) {
            let title_start = s.len() - rest.len();
            let title = rest.trim();
            if title.is_empty() || parts.iter().any(|&p| p > 999) {
                return None;
            }
            return Some(NumberPrefix {
                style,
                parts,
                number_len,
                title_start,
            });
        }
    }
    None
}

type Prefix = (NumberStyle, Vec<u32>, usize);

fn decimal(s: &str) -> IResult<&str, Prefix> {
    let (rest, parts) = separated_list1(char('.'), map_res(digit1, str::parse::<u32>)).parse(s)?;
    let number_len = s.len() - rest.len();
    // A single number needs a `.`/`、` after it ("1. Intro"); a dotted one may stand alone
    // before a space ("1.2 Scope"). Components past the first are never 0 (versions are).
    let (rest, sep) = opt(one_of(".、．:：")).parse(rest)?;
    let (rest, spaces) = space0(rest)?;
    if (parts.len() == 1 && sep.is_none())
        || parts.iter().skip(1).any(|&p| p == 0)
        || parts.len() > 6
        || (sep == Some('.')
            && spaces.is_empty()
            && rest.starts_with(|c: char| c.is_ascii_alphanumeric()))
    {
        return Err(nom::Err::Error(nom::error::Error::new(
            s,
            nom::error::ErrorKind::Verify,
        )));
    }
    if parts.len() == 1 && parts[0] > 99 {
        return Err(nom::Err::Error(nom::error::Error::new(
            s,
            nom::error::ErrorKind::Verify,
        )));
    }
    Ok((rest, (NumberStyle::Decimal, parts, number_len)))
}

fn chinese_comma(s: &str) -> IResult<&str, Prefix> {
    let (rest, n) = map_res(take_while1(is_chinese_digit), |d: &str| {
        chinese_number(d).ok_or(())
    })
    .parse(s)?;
    let number_len = s.len() - rest.len();
    let (rest, _) = (space0, terminated(one_of("、．."), space0)).parse(rest)?;
    Ok((rest, (NumberStyle::Chinese, vec![n], number_len)))
}

fn chinese_paren(s: &str) -> IResult<&str, Prefix> {
    let (rest, _) = one_of("（(").parse(s)?;
    let (rest, n) = map_res(take_while1(is_chinese_digit), |d: &str| {
        chinese_number(d).ok_or(())
    })
    .parse(rest)?;
    let (rest, _) = one_of("）)").parse(rest)?;
    let number_len = s.len() - rest.len();
    let (rest, _) = space0(rest)?;
    Ok((rest, (NumberStyle::ChineseParen, vec![n], number_len)))
}

fn roman(s: &str) -> IResult<&str, Prefix> {
    let (rest, r) = take_while1(|c| matches!(c, 'I' | 'V' | 'X' | 'L')).parse(s)?;
    let n = roman_value(r)
        .ok_or_else(|| nom::Err::Error(nom::error::Error::new(s, nom::error::ErrorKind::Verify)))?;
    let number_len = s.len() - rest.len();
    let (rest, _) = terminated(one_of(".、"), space1).parse(rest)?;
    Ok((rest, (NumberStyle::Roman, vec![n], number_len)))
}

fn word_number(s: &str) -> IResult<&str, Prefix> {
    alt((chinese_ordinal_word, english_word)).parse(s)
}

fn chinese_ordinal_word(s: &str) -> IResult<&str, Prefix> {
    let (rest, _) = char('第').parse(s)?;
    let (rest, n) = alt((
        map_res(digit1, str::parse::<u32>),
        map_res(take_while1(is_chinese_digit), |d: &str| {
            chinese_number(d).ok_or(())
        }),
    ))
    .parse(rest)?;
    let (rest, unit) = alt((
        tag("章"),
        tag("节"),
        tag("部分"),
        tag("篇"),
        tag("讲"),
        tag("课"),
        tag("部"),
    ))
    .parse(rest)?;
    let number_len = s.len() - rest.len();
    let (rest, _) = preceded(opt(one_of("、：:．.")), space0).parse(rest)?;
    Ok((
        rest,
        (NumberStyle::Word(unit.to_string()), vec![n], number_len),
    ))
}

fn english_word(s: &str) -> IResult<&str, Prefix> {
    let (rest, word) = alt((
        tag("Chapter"),
        tag("CHAPTER"),
        tag("Part"),
        tag("PART"),
        tag("Lecture"),
        tag("Lesson"),
        tag("Unit"),
    ))
    .parse(s)?;
    let (rest, _) = space1(rest)?;
    let (rest, n) = alt((
        map_res(digit1, str::parse::<u32>),
        map_res(
            recognize(take_while1(|c| matches!(c, 'I' | 'V' | 'X' | 'L'))),
            |r: &str| roman_value(r).ok_or(()),
        ),
    ))
    .parse(rest)?;
    let number_len = s.len() - rest.len();
    let (rest, _) = preceded(opt(one_of(":.：")), space0).parse(rest)?;
    Ok((
        rest,
        (NumberStyle::Word(word.to_lowercase()), vec![n], number_len),
    ))
}

pub fn is_chinese_digit(c: char) -> bool {
    matches!(
        c,
        '零' | '〇'
            | '一'
            | '二'
            | '两'
            | '三'
            | '四'
            | '五'
            | '六'
            | '七'
            | '八'
            | '九'
            | '十'
            | '百'
    )
}

/// Values of Chinese numerals up to 999 (`十二`, `二十`, `一百零五`).
pub fn chinese_number(s: &str) -> Option<u32> {
    let digit = |c: char| -> Option<u32> {
        Some(match c {
            '零' | '〇' => 0,
            '一' => 1,
            '二' | '两' => 2,
            '三' => 3,
            '四' => 4,
            '五' => 5,
            '六' => 6,
            '七' => 7,
            '八' => 8,
            '九' => 9,
            _ => return None,
        })
    };
    if s.is_empty() {
        return None;
    }
    let mut total = 0;
    let mut current = 0;
    let mut seen_unit = false;
    for c in s.chars() {
        match c {
            '十' => {
                total += if current == 0 { 10 } else { current * 10 };
                current = 0;
                seen_unit = true;
            }
            '百' => {
                total += if current == 0 { 100 } else { current * 100 };
                current = 0;
                seen_unit = true;
            }
            _ => {
                let d = digit(c)?;
                if !seen_unit && current > 0 {
                    // Digit strings like 二〇二四 are years, not ordinals.
                    return None;
                }
                current = d;
            }
        }
    }
    Some(total + current).filter(|&n| n > 0)
}

pub fn roman_value(s: &str) -> Option<u32> {
    const TABLE: [&str; 40] = [
        "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII", "XIII", "XIV",
        "XV", "XVI", "XVII", "XVIII", "XIX", "XX", "XXI", "XXII", "XXIII", "XXIV", "XXV", "XXVI",
        "XXVII", "XXVIII", "XXIX", "XXX", "XXXI", "XXXII", "XXXIII", "XXXIV", "XXXV", "XXXVI",
        "XXXVII", "XXXVIII", "XXXIX", "XL",
    ];
    let upper = s.to_ascii_uppercase();
    TABLE.iter().position(|r| *r == upper).map(|i| i as u32 + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parts(s: &str) -> Option<(NumberStyle, Vec<u32>)> {
        parse_prefix(s).map(|p| (p.style, p.parts))
    }

    #[test]
    fn styles() {
        assert_eq!(parts("1. Intro"), Some((NumberStyle::Decimal, vec![1])));
        assert_eq!(parts("1.2 Scope"), Some((NumberStyle::Decimal, vec![1, 2])));
        assert_eq!(parts("一、生成模型"), Some((NumberStyle::Chinese, vec![1])));
        assert_eq!(
            parts("（十二）附录"),
            Some((NumberStyle::ChineseParen, vec![12]))
        );
        assert_eq!(parts("IV. Results"), Some((NumberStyle::Roman, vec![4])));
        assert_eq!(
            parts("第3章 数据"),
            Some((NumberStyle::Word("章".into()), vec![3]))
        );
        assert_eq!(
            parts("Chapter 2: Basics"),
            Some((NumberStyle::Word("chapter".into()), vec![2]))
        );
    }

    #[test]
    fn not_numbers() {
        for s in [
            "3D Rendering",
            "2024 Roadmap",
            "1.2.0",
            "1.0.1 Notes",
            "I am here",
            "v1.2 notes",
            "3.14159",
        ] {
            assert_eq!(parts(s), None, "{s}");
        }
    }
}
