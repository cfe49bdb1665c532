//! Citation markers in prose: `[3]`, `[3,5]`, `[3-5]`, `[3–5]`, `［3］`, `【3】`, `[^note]`.
//!
//! Markdown links and images never reach block text as brackets, and task-list markers are
//! events of their own, so a bracket group seen here is a citation candidate. Groups that
//! hold a 0, a decimal or an implausible range (`[1-100]`, an interval) are not citations.

use super::block::Block;
use crate::pattern::open_parens;
use nom::branch::alt;
use nom::bytes::complete::{tag, take_while1};
use nom::character::complete::{char, digit1, one_of, space0};
use nom::combinator::{map, map_res, opt};
use nom::multi::separated_list1;
use nom::sequence::{delimited, preceded, terminated};
use nom::{IResult, Parser};
use regex::Regex;
use std::ops::Range;
use std::sync::LazyLock;

#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum CiteTarget {
    Number(u32),
    Label(String),
    /// "(Vaswani et al., 2017)": the first author's surname (case-folded, no diacritics)
    /// and the year.
    AuthorYear(String, u16),
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

/// A surname in an author-year citation: capitalised Latin letters, hyphens, apostrophes.
const SURNAME: &str = r"(?:(?:van|von|de|der|da|di|le|la|du)\s+)?[A-Z][\p{Latin}'’\-]+";

/// "(Vaswani et al., 2017; Devlin et al., 2019)", "(Kingma & Welling, 2014)",
/// "（Vaswani 等，2017）".
static PARENTHETICAL: LazyLock<Regex> = LazyLock::new(|| {
    crate::pattern::constant(&format!(
        r"(?P<name>{SURNAME})(?:\s+et\s+al\.?|\s*等人?|\s+(?:and|&)\s+{SURNAME}|\s*(?:和|与|及)\s*{SURNAME})?\s*[,，]\s*(?P<year>(?:1[5-9]|20)\d\d)[a-z]?"
    ))
});
/// "Vaswani et al. (2017)", "Kingma and Welling (2014)".
static NARRATIVE: LazyLock<Regex> = LazyLock::new(|| {
    crate::pattern::constant(&format!(
        r"(?P<name>{SURNAME})(?:\s+et\s+al\.?|\s*等人?|\s+(?:and|&)\s+{SURNAME}|\s*(?:和|与|及)\s*{SURNAME})?\s*[(（]\s*(?P<year>(?:1[5-9]|20)\d\d)[a-z]?\s*[)）]"
    ))
});

fn author_year(name: &str, year: &str) -> Option<CiteTarget> {
    let y = year.parse().ok()?;
    let surname = super::entry::fold_diacritics(name.split_whitespace().last()?);
    Some(CiteTarget::AuthorYear(surname, y))
}

/// Whether `text` holds four digits that can be a year of [`PARENTHETICAL`] and
/// [`NARRATIVE`] (1500 to 2099).
fn has_year(text: &str) -> bool {
    let bytes = text.as_bytes();
    memchr::memchr2_iter(b'1', b'2', bytes).any(|i| bytes.get(i..i + 4).is_some_and(is_year))
}

/// Whether four bytes are such a year.
fn is_year(w: &[u8]) -> bool {
    matches!(w, [b'1', b'5'..=b'9', c, d] | [b'2', b'0', c, d] if c.is_ascii_digit() && d.is_ascii_digit())
}

/// Whether an opening parenthesis of `text` is followed, after white space, by a year of
/// [`NARRATIVE`]: every narrative citation has one ("Vaswani et al. (2017)").
fn has_year_in_parens(text: &str) -> bool {
    open_parens(text).any(|open| {
        text[open.end..]
            .trim_start()
            .as_bytes()
            .get(..4)
            .is_some_and(is_year)
    })
}

/// Author-year citations in a text.
pub fn scan_author_year(text: &str) -> Vec<(Range<usize>, Vec<CiteTarget>)> {
    let mut out: Vec<(Range<usize>, Vec<CiteTarget>)> = Vec::new();
    // Every form has a parenthesis, a capital and a year: most blocks need no regex search.
    if open_parens(text).next().is_none()
        || !has_year(text)
        || !text.bytes().any(|b| b.is_ascii_uppercase())
    {
        return out;
    }
    let narrative = has_year_in_parens(text).then(|| NARRATIVE.captures_iter(text));
    for m in narrative.into_iter().flatten() {
        let (Some(all), Some(name), Some(year)) = (m.get(0), m.name("name"), m.name("year")) else {
            continue;
        };
        if let Some(t) = author_year(name.as_str(), year.as_str()) {
            out.push((all.range(), vec![t]));
        }
    }
    // Parenthetical groups: every "Name, 2017" inside one pair of parentheses.
    for paren in open_parens(text) {
        let (open, inner_start) = (paren.start, paren.end);
        // Citations are short: look for the closing parenthesis within 300 bytes only, so
        // a run of unclosed parentheses stays linear.
        let window =
            super::line_index::floor_char_boundary(text, (inner_start + 301).min(text.len()));
        let Some(close) = text[inner_start..window]
            .find([')', '）'])
            .map(|p| inner_start + p)
        else {
            continue;
        };
        let inner = &text[inner_start..close];
        if inner.len() <= 300
            && has_year(inner)
            && !out.iter().any(|(r, _)| r.start < close && open < r.end)
        {
            let targets: Vec<CiteTarget> = inner
                .split([';', '；'])
                .filter_map(|part| {
                    let m = PARENTHETICAL.captures(part.trim())?;
                    // The whole part must be the citation ("see also" prefixes aside).
                    let whole = m.get(0)?;
                    let rest = part.trim()[whole.end()..].trim();
                    (rest.is_empty())
                        .then(|| author_year(m.name("name")?.as_str(), m.name("year")?.as_str()))?
                })
                .collect();
            if !targets.is_empty() {
                let close_len = text[close..].chars().next().map_or(1, char::len_utf8);
                out.push((open..close + close_len, targets));
            }
        }
    }
    out.sort_by_key(|(r, _)| r.start);
    out
}

/// All citation groups in a text, with their ranges.
pub fn scan(text: &str) -> Vec<(Range<usize>, Vec<CiteTarget>)> {
    let mut out = scan_author_year(text);
    // `[`, or the first byte of `［` or `【` (UTF-8 EF BC BB and E3 80 90).
    let bytes = text.as_bytes();
    for i in memchr::memchr3_iter(b'[', 0xEF, 0xE3, bytes) {
        let opens = bytes[i] == b'['
            || bytes[i..].starts_with("［".as_bytes())
            || bytes[i..].starts_with("【".as_bytes());
        if !opens {
            continue;
        }
        let rest = &text[i..];
        if let Ok((after, targets)) = citation(rest) {
            let end = i + (rest.len() - after.len());
            out.push((i..end, targets));
        }
    }
    out.sort_by_key(|(r, _)| r.start);
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

    #[test]
    fn the_year_filter_admits_exactly_the_years_of_the_patterns() {
        let year = regex::Regex::new(r"(?:1[5-9]|20)\d\d").unwrap_or_else(|e| panic!("{e}"));
        for y in 1000..3000 {
            let s = format!("x{y}x");
            assert_eq!(has_year(&s), year.is_match(&s), "{s}");
        }
    }

    /// The filter in front of [`NARRATIVE`] passes every text it matches.
    #[test]
    fn the_narrative_filter_passes_every_narrative_citation() {
        let texts = [
            "Vaswani et al. (2017)",
            "Vaswani et al.( 2017a )",
            "Kingma and Welling\t(\n2014)",
            "Vaswani 等（2017）",
            "Vaswani 等（\u{3000}2017）",
            "Vaswani （ 1999b）",
            "Smith (1500)",
            "Smith (2099)",
        ];
        for t in texts {
            assert!(NARRATIVE.is_match(t), "{t}");
            assert!(has_year_in_parens(t), "{t}");
            assert!(open_parens(t).next().is_some(), "{t}");
        }
        for t in [
            "Smith (see 2017)",
            "Smith 2017 (x)",
            "Smith (1499)",
            "Smith (2100)",
            "Smith (20",
            "Smith (20中",
        ] {
            assert!(!NARRATIVE.is_match(t), "{t}");
            assert!(!has_year_in_parens(t), "{t}");
        }
        // Other characters with the lead byte of （ are not parentheses.
        assert!(open_parens("，：）").next().is_none());
    }

    proptest::proptest! {
        /// Generated near-citations: the filter never rejects one the pattern matches.
        #[test]
        fn the_narrative_filter_never_rejects_a_match(
            t in "[A-Za-z中 ]{0,6}( et al\\.?| 等| and Li)?[ \t\u{3000}\n]{0,2}[(（][ \t\u{3000}]{0,2}[0-9]{3,4}[a-z中]?[ \u{3000}]{0,2}[)）]?"
        ) {
            if NARRATIVE.is_match(&t) {
                proptest::prop_assert!(has_year_in_parens(&t));
            }
        }

        /// The year search skips to the digits that can start a year, and finds what a
        /// scan of every four bytes finds.
        #[test]
        fn has_year_as_every_window(t in "[0-9a中]{0,12}") {
            let every = t.as_bytes().windows(4).any(is_year);
            proptest::prop_assert_eq!(has_year(&t), every, "{}", t);
        }
    }

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
    fn author_year_forms() {
        let t = |s: &str| scan(s).into_iter().map(|(_, t)| t).collect::<Vec<_>>();
        let ay = |s: &str, y| CiteTarget::AuthorYear(s.to_string(), y);
        assert_eq!(
            t("the Transformer (Vaswani et al., 2017) and BERT"),
            vec![vec![ay("vaswani", 2017)]]
        );
        assert_eq!(
            t("(Kingma & Welling, 2014; Rezende et al., 2014)"),
            vec![vec![ay("kingma", 2014), ay("rezende", 2014)]]
        );
        assert_eq!(
            t("as Krizhevsky et al. (2012) showed"),
            vec![vec![ay("krizhevsky", 2012)]]
        );
        assert_eq!(
            t("Transformer（Vaswani 等，2017）"),
            vec![vec![ay("vaswani", 2017)]]
        );
        assert!(t("released (in 2017) and (see Fig. 2)").is_empty());
    }

    #[test]
    fn non_citations() {
        assert!(targets("interval [0, 1] and [1-100] and [x] and [1.5]").is_empty());
    }
}
