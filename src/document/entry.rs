//! Reference entries parsed into authors, title, venue, year and URL.
//!
//! Tolerant of the common styles: "A. Author, B. Author. Title. Venue, 2019.", APA
//! ("Author, A., & Author, B. (2019). Title."), IEEE (`A. Author, "Title," in Venue, 2019`),
//! GB/T 7714 (`Author A, Author B. Title[J]. Venue, 2019`), bare URLs. Whatever cannot be
//! recognised stays `None`; the raw text is always kept by the caller.

use nom::branch::alt;
use nom::bytes::complete::tag;
use nom::character::complete::{char, one_of};
use nom::combinator::{opt, recognize};
use nom::multi::many1;
use nom::sequence::terminated;
use nom::{IResult, Parser};
use std::ops::Range;

use super::names::parse_authors;
pub use super::names::{fold_diacritics, looks_like_authors, name_tokens, surname};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Author {
    /// The name as written in the entry.
    pub name: String,
    /// Range of the name in the entry text.
    pub range: Range<usize>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ParsedEntry {
    pub authors: Vec<Author>,
    /// The entry lists only the first authors ("et al.", "等").
    pub et_al: bool,
    pub title: Option<Range<usize>>,
    pub venue: Option<Range<usize>>,
    pub year: Option<(u16, Range<usize>)>,
    pub url: Option<Range<usize>>,
}

pub fn parse(text: &str) -> ParsedEntry {
    let mut out = ParsedEntry {
        url: find_url(text),
        ..ParsedEntry::default()
    };
    out.year = find_year(text, out.url.as_ref());
    let body_end = out.url.as_ref().map_or(text.len(), |u| u.start);
    let segments = segments(&text[..body_end]);
    if segments.is_empty() {
        return out;
    }
    // IEEE: a quoted title; authors before it.
    if let Some((q, after_quote)) = quoted(text) {
        out.title = Some(q.clone());
        let open = text[..q.start]
            .char_indices()
            .next_back()
            .map_or(0, |(i, _)| i);
        parse_authors(text, 0..open, &mut out);
        out.venue = Some(after_quote..body_end).filter(|r| r.start < r.end);
        return out;
    }
    // GB/T 7714: the title ends at a type tag such as [J] or [C].
    let gbt = segments
        .iter()
        .position(|s| gbt_tag(&text[s.clone()]).is_some());
    let (authors_seg, title_seg) = if let Some(i) = gbt {
        let seg = segments[i].clone();
        let tag_at = gbt_tag(&text[seg.clone()]).unwrap_or(seg.len());
        let title = seg.start..seg.start + tag_at;
        (if i > 0 { Some(0) } else { None }, Some(title))
    } else if let Some(i) = apa_year_segment(text, &segments) {
        // "Authors (2019). Title." — the authors end where the year's parenthesis opens.
        let seg = &segments[i];
        if let Some(p) = text[seg.clone()].rfind('(').filter(|&p| p > 0 && i == 0) {
            parse_authors(text, seg.start..seg.start + p, &mut out);
        }
        (Some(0).filter(|_| i > 0), segments.get(i + 1).cloned())
    } else if segments.len() >= 2 && looks_like_authors(&text[segments[0].clone()]) {
        (Some(0), Some(segments[1].clone()))
    } else {
        (None, Some(segments[0].clone()))
    };
    if let Some(a) = authors_seg {
        parse_authors(text, segments[a].clone(), &mut out);
    }
    if let Some(t) = title_seg.filter(|t| !is_only_year_or_venue(&text[t.clone()])) {
        let after = t.end;
        out.title = Some(trim_range(text, t));
        let venue = trim_range(text, after..body_end);
        out.venue = Some(venue).filter(|v| v.start < v.end);
    }
    out
}

fn trim_range(text: &str, r: Range<usize>) -> Range<usize> {
    let s = &text[r.clone()];
    let trim = |c: char| c.is_whitespace() || matches!(c, '.' | ',' | '，' | '。' | '．' | '/');
    let lead = s.len() - s.trim_start_matches(trim).len();
    let tail = s.len() - s.trim_end_matches(trim).len();
    if lead + tail >= s.len() {
        return r.start..r.start;
    }
    r.start + lead..r.end - tail
}

fn find_url(text: &str) -> Option<Range<usize>> {
    let start = ["https://", "http://", "www."]
        .iter()
        .filter_map(|p| text.find(p))
        .min()?;
    let len = text[start..]
        .find(|c: char| c.is_whitespace() || matches!(c, '>' | '）' | '，' | '。'))
        .unwrap_or(text.len() - start);
    Some(start..start + len)
}

/// The publication year: a year in parentheses (APA) if any, else the last plausible year
/// outside the URL and outside arXiv identifiers.
fn find_year(text: &str, url: Option<&Range<usize>>) -> Option<(u16, Range<usize>)> {
    let bytes = text.as_bytes();
    let mut found = Vec::new();
    let mut i = 0;
    while i + 4 <= bytes.len() {
        let window = &bytes[i..i + 4];
        let digit_before = i > 0 && bytes[i - 1].is_ascii_digit();
        let digit_after = bytes.get(i + 4).is_some_and(u8::is_ascii_digit);
        let arxiv_id =
            bytes.get(i + 4) == Some(&b'.') && bytes.get(i + 5).is_some_and(u8::is_ascii_digit);
        if window.iter().all(u8::is_ascii_digit)
            && is_year_prefix(window)
            && !digit_before
            && !digit_after
            && !arxiv_id
            && !url.is_some_and(|u| u.contains(&i))
        {
            let parenthesised = i > 0 && matches!(bytes[i - 1], b'(');
            if let Ok(y) = text[i..i + 4].parse::<u16>() {
                found.push((y, i..i + 4, parenthesised));
            }
            i += 4;
        } else {
            i += 1;
        }
    }
    found
        .iter()
        .find(|f| f.2)
        .or(found.last())
        .map(|(y, r, _)| (*y, r.clone()))
}

/// Whether four digits read as a plausible publication year, 1500–2099.
pub fn is_year_prefix(digits: &[u8]) -> bool {
    matches!(digits, [b'1', b'5'..=b'9', ..] | [b'2', b'0', ..])
}

/// Splits at sentence-like periods that are not initials, "et al." or abbreviations.
fn segments(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    for (k, &(i, c)) in chars.iter().enumerate() {
        let next = chars.get(k + 1).map(|x| x.1);
        let boundary = match c {
            '.' | '?' | '!' => {
                next.is_none_or(char::is_whitespace)
                    && (c != '.'
                        || !is_initial_or_abbrev(&text[start..i])
                        || (out.is_empty()
                            && is_compact_author_list(&text[start..i], &text[i + 1..])))
            }
            '。' | '．' => true,
            _ => false,
        };
        if boundary {
            let end = i + c.len_utf8();
            let seg = if c == '?' || c == '!' {
                start..end
            } else {
                start..i
            };
            if !text[seg.clone()].trim().is_empty() {
                out.push(trim_ws(text, seg));
            }
            start = end;
        }
    }
    if !text[start..].trim().is_empty() {
        out.push(trim_ws(text, start..text.len()));
    }
    out
}

/// GB/T 7714 author lists put initials after surnames without periods ("Dean J, Ghemawat
/// S."): there the period after the last initial ends the list.
fn is_compact_author_list(s: &str, rest: &str) -> bool {
    let names: Vec<&str> = s
        .split([',', '，'])
        .map(str::trim)
        .filter(|n| !n.is_empty())
        .collect();
    // "Ian J. Goodfellow, …": one name whose initial is followed by the rest of the name.
    let continues = rest
        .split_whitespace()
        .next()
        .is_some_and(|w| w.ends_with(',') || w.ends_with('.'));
    !names.is_empty()
        && (names.len() > 1 || !continues)
        && names.iter().all(|n| {
            let words: Vec<&str> = n.split_whitespace().collect();
            let compact = words.len() >= 2
                && words[0].chars().next().is_some_and(char::is_uppercase)
                && words[0].chars().skip(1).any(char::is_lowercase)
                && words[1..].iter().all(|w| {
                    (1..=3).contains(&w.len()) && w.chars().all(|c| c.is_ascii_uppercase())
                });
            compact || matches!(*n, "et al" | "等")
        })
}

fn trim_ws(text: &str, r: Range<usize>) -> Range<usize> {
    let s = &text[r.clone()];
    let lead = s.len() - s.trim_start().len();
    let tail = s.len() - s.trim_end().len();
    r.start + lead..r.end - tail
}

fn is_initial_or_abbrev(before: &str) -> bool {
    let word: &str = before
        .rsplit(|c: char| c.is_whitespace() || c == '-' || c == '.')
        .next()
        .unwrap_or("");
    let initial = word.chars().count() == 1 && word.chars().all(char::is_uppercase);
    initial
        || matches!(
            word.to_lowercase().as_str(),
            "vol"
                | "no"
                | "pp"
                | "proc"
                | "conf"
                | "int"
                | "intl"
                | "j"
                | "trans"
                | "eds"
                | "ed"
                | "inc"
                | "jr"
                | "st"
                | "dept"
                | "univ"
                | "adv"
        )
}

/// A quoted title (trimmed) and where the text after its closing quote starts.
fn quoted(text: &str) -> Option<(Range<usize>, usize)> {
    for (open, close) in [('“', '”'), ('"', '"'), ('「', '」')] {
        if let Some(a) = text.find(open) {
            let from = a + open.len_utf8();
            if let Some(b) = text[from..].find(close) {
                let r = trim_range(text, from..from + b);
                if r.end > r.start {
                    return Some((r, from + b + close.len_utf8()));
                }
            }
        }
    }
    None
}

/// Offset (within `seg`) of a GB/T 7714 document-type tag such as `[J]` or `[EB/OL]`.
fn gbt_tag(seg: &str) -> Option<usize> {
    let mut from = 0;
    while let Some(i) = seg[from..].find('[') {
        let at = from + i;
        if let Ok((_, _)) = gbt_code(&seg[at..]) {
            return Some(at);
        }
        from = at + 1;
    }
    None
}

fn gbt_code(s: &str) -> IResult<&str, &str> {
    recognize((
        char('['),
        many1(terminated(
            one_of("JCMDRAPSNZGK"),
            opt(alt((tag("/OL"), tag("/ol")))),
        )),
        opt(recognize((tag("EB"), tag("/OL")))),
        char(']'),
    ))
    .parse(s)
    .or_else(|_: nom::Err<nom::error::Error<&str>>| {
        recognize((char('['), tag("EB/OL"), char(']'))).parse(s)
    })
}

/// Index of the APA segment `(2019)` right after the authors.
fn apa_year_segment(text: &str, segments: &[Range<usize>]) -> Option<usize> {
    segments.iter().position(|s| {
        let t = text[s.clone()].trim();
        let inner = t.strip_prefix('(').and_then(|t| t.strip_suffix(')'));
        inner.is_some_and(starts_with_year)
            || t.ends_with(')')
                && t.rfind('(').is_some_and(|p| {
                    let y = &t[p + 1..t.len() - 1];
                    starts_with_year(y) && p > 0
                })
    })
}

fn starts_with_year(s: &str) -> bool {
    s.as_bytes()
        .get(..4)
        .is_some_and(|b| b.iter().all(u8::is_ascii_digit))
}

fn is_only_year_or_venue(seg: &str) -> bool {
    let t = seg.trim();
    t.chars().all(|c| {
        c.is_ascii_digit() || c.is_whitespace() || matches!(c, ',' | '(' | ')' | ':' | '-')
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Found by cargo-fuzz: the venue started one byte after the title, inside a closing
    /// quote of three bytes, and slicing it panicked.
    #[test]
    fn the_venue_starts_after_the_closing_quote() {
        for text in [
            "A. Author, “A Title,” Venue, 2020.",
            "A. Author, “A Title ” Venue, 2020.",
            "A. Author, \"A Title \" Venue, 2020.",
            "A. Author, 「标题」会议, 2020.",
        ] {
            let p = parse(text);
            let venue = p.venue.unwrap_or_else(|| panic!("no venue in {text}"));
            let venue = text
                .get(venue)
                .unwrap_or_else(|| panic!("venue not a slice of {text}"));
            assert!(
                venue.trim_start().starts_with(['V', '会', ',']),
                "{text}: {venue:?}"
            );
        }
    }

    fn show(text: &str) -> (Vec<String>, Option<&str>, Option<u16>) {
        let p = parse(text);
        (
            p.authors.iter().map(|a| a.name.clone()).collect(),
            p.title.map(|t| &text[t]),
            p.year.map(|y| y.0),
        )
    }

    #[test]
    fn plain_style() {
        let (a, t, y) = show(
            "Laurent Dinh, David Krueger, Yoshua Bengio. NICE: Non-linear Independent Components Estimation. ICLR (Workshop), 2015.",
        );
        assert_eq!(a, vec!["Laurent Dinh", "David Krueger", "Yoshua Bengio"]);
        assert_eq!(
            t,
            Some("NICE: Non-linear Independent Components Estimation")
        );
        assert_eq!(y, Some(2015));
        let (a, t, _) = show(
            "Ian J. Goodfellow, Jean Pouget-Abadie, Mehdi Mirza, et al. Generative Adversarial Nets. NIPS, 2014.",
        );
        assert_eq!(a[0], "Ian J. Goodfellow");
        assert_eq!(t, Some("Generative Adversarial Nets"));
        let (a, _, _) =
            show("DP Kingma and Max Welling. Auto-Encoding Variational Bayes. ICLR, 2014.");
        assert_eq!(a, vec!["DP Kingma", "Max Welling"]);
    }

    #[test]
    fn surname_first_and_apa() {
        let (a, t, y) = show(
            "Brown, Tom, Benjamin Mann, Nick Ryder, et al. Language models are few-shot learners. NIPS, 2020.",
        );
        assert_eq!(a[0], "Brown, Tom");
        assert_eq!(t, Some("Language models are few-shot learners"));
        assert_eq!(y, Some(2020));
        let (a, t, y) = show(
            "Vaswani, A., Shazeer, N., & Parmar, N. (2017). Attention is all you need. In NeurIPS.",
        );
        assert_eq!(a, vec!["Vaswani, A.", "Shazeer, N.", "Parmar, N."]);
        assert_eq!(t, Some("Attention is all you need"));
        assert_eq!(y, Some(2017));
    }

    #[test]
    fn gbt_and_ieee() {
        let (a, t, y) = show(
            "Vaswani A, Shazeer N, Parmar N, et al. Attention is all you need[C]//Advances in NIPS. 2017: 5998-6008.",
        );
        assert_eq!(a[0], "Vaswani A");
        assert_eq!(t, Some("Attention is all you need"));
        assert_eq!(y, Some(2017));
        let (a, t, y) = show(
            "A. Vaswani, N. Shazeer, and N. Parmar, \"Attention is all you need,\" in Proc. NeurIPS, 2017, pp. 5998–6008.",
        );
        assert_eq!(a, vec!["A. Vaswani", "N. Shazeer", "N. Parmar"]);
        assert_eq!(t, Some("Attention is all you need"));
        assert_eq!(y, Some(2017));
    }

    #[test]
    fn compact_chinese_style() {
        let (a, t, y) = show(
            "Dean J, Ghemawat S. MapReduce: Simplified Data Processing on Large Clusters[C]//OSDI. 2004: 137-150.",
        );
        assert_eq!(a, vec!["Dean J", "Ghemawat S"]);
        assert_eq!(
            t,
            Some("MapReduce: Simplified Data Processing on Large Clusters")
        );
        assert_eq!(y, Some(2004));
        let (a, _, _) =
            show("Watson J D, Crick F H C. Molecular structure of nucleic acids. Nature, 1953.");
        assert_eq!(a, vec!["Watson J D", "Crick F H C"]);
    }

    #[test]
    fn url_and_title_only() {
        let p = parse("https://openai.com/research/gpt-4");
        assert!(p.url.is_some() && p.authors.is_empty() && p.year.is_none());
        let (a, t, y) = show(
            "Radford Alec, Karthik Narasimhan, Tim Salimans, et al. Improving language understanding by generative pre-training. 2018.",
        );
        assert_eq!(a.len(), 3);
        assert_eq!(
            t,
            Some("Improving language understanding by generative pre-training")
        );
        assert_eq!(y, Some(2018));
    }
}
