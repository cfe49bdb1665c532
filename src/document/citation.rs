//! Citation markers in prose: `[3]`, `[3,5]`, `[3-5]`, `[3–5]`, `［3］`, `【3】`, `[^note]`.
//!
//! Markdown links and images never reach block text as brackets, and task-list markers are
//! events of their own, so a bracket group seen here is a citation candidate. Groups that
//! hold a 0, a decimal or an implausible range (`[1-100]`, an interval) are not citations.

use super::block::Block;
use nom::branch::alt;
use nom::bytes::complete::{tag, take_while1};
use nom::character::complete::{char, digit1, one_of, space0};
use nom::combinator::{map, map_res, opt};
use nom::multi::separated_list1;
use nom::sequence::{delimited, preceded, terminated};
use nom::{IResult, Parser};
use std::ops::Range;

#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum CiteTarget {
    Number(u32),
    Label(String),
}

#[derive(Debug, Clone)]
pub struct Citation {
    pub block: usize,
    /// Range in the block's text.
    pub text_range: Range<usize>,
    /// Range in the source.
    pub range: Range<usize>,
    pub targets: Vec<CiteTarget>,
}

const MAX_RANGE_SPAN: u32 = 50;

pub fn find_citations(blocks: &[Block]) -> Vec<Citation> {
    let mut out = Vec::new();
    for (index, block) in blocks.iter().enumerate() {
        for (text_range, targets) in scan(&block.text) {
            out.push(Citation {
                block: index,
                range: block.source_range(text_range.clone()),
                text_range,
                targets,
            });
        }
    }
    out
}

/// All citation groups in a text, with their ranges.
pub fn scan(text: &str) -> Vec<(Range<usize>, Vec<CiteTarget>)> {
    let mut out = Vec::new();
    for (i, c) in text.char_indices() {
        if !matches!(c, '[' | '［' | '【') {
            continue;
        }
        let rest = &text[i..];
        if let Ok((after, targets)) = citation(rest) {
            let end = i + (rest.len() - after.len());
            out.push((i..end, targets));
        }
    }
    out
}

fn citation(s: &str) -> IResult<&str, Vec<CiteTarget>> {
    alt((footnote, numeric)).parse(s)
}

fn footnote(s: &str) -> IResult<&str, Vec<CiteTarget>> {
    map(
        delimited(
            tag("[^"),
            take_while1(|c: char| !c.is_whitespace() && c != ']' && c != '['),
            char(']'),
        ),
        |label: &str| vec![CiteTarget::Label(label.to_string())],
    )
    .parse(s)
}

fn numeric(s: &str) -> IResult<&str, Vec<CiteTarget>> {
    let (rest, open) = one_of("[［【").parse(s)?;
    let close = match open {
        '[' => ']',
        '［' => '］',
        _ => '】',
    };
    let (rest, _) = space0(rest)?;
    let (rest, groups) = terminated(
        separated_list1(delimited(space0, one_of(",，、;；"), space0), item),
        preceded(space0, char(close)),
    )
    .parse(rest)?;
    let mut targets = Vec::new();
    for (a, b) in groups {
        let b = b.unwrap_or(a);
        if a == 0 || b < a || b - a > MAX_RANGE_SPAN {
            return Err(nom::Err::Error(nom::error::Error::new(
                s,
                nom::error::ErrorKind::Verify,
            )));
        }
        targets.extend((a..=b).map(CiteTarget::Number));
    }
    Ok((rest, targets))
}

fn item(s: &str) -> IResult<&str, (u32, Option<u32>)> {
    let number = || map_res(digit1, str::parse::<u32>);
    (
        number(),
        opt(preceded(
            delimited(space0, one_of("-–—~～"), space0),
            number(),
        )),
    )
        .parse(s)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn targets(s: &str) -> Vec<Vec<CiteTarget>> {
        scan(s).into_iter().map(|(_, t)| t).collect()
    }

    #[test]
    fn forms() {
        use CiteTarget::*;
        assert_eq!(
            targets("ViT [7] and [3,5]"),
            vec![vec![Number(7)], vec![Number(3), Number(5)]]
        );
        assert_eq!(
            targets("见[3-5]"),
            vec![vec![Number(3), Number(4), Number(5)]]
        );
        assert_eq!(
            targets("见［2］【4】"),
            vec![vec![Number(2)], vec![Number(4)]]
        );
        assert_eq!(targets("x[^note]"), vec![vec![Label("note".into())]]);
    }

    #[test]
    fn non_citations() {
        assert!(targets("interval [0, 1] and [1-100] and [x] and [1.5]").is_empty());
    }
}
