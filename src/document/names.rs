//! Personal names in reference entries: splitting an author list, telling initials from
//! surnames, and folding names for comparison (case, diacritics).

use super::entry::{Author, ParsedEntry};
use nom::character::complete::{one_of, satisfy};
use nom::combinator::opt;
use nom::multi::many1;
use nom::sequence::terminated;
use nom::{IResult, Parser};
use std::ops::Range;

/// Whether a segment reads as a list of personal names rather than a title.
pub fn looks_like_authors(seg: &str) -> bool {
    let seg = seg.trim();
    if seg.is_empty() || seg.contains(':') || seg.contains('：') {
        return false;
    }
    if seg.contains("et al") || seg.ends_with('等') || seg.contains("等.") {
        return true;
    }
    let chunks = split_names(seg);
    if chunks.is_empty() {
        return false;
    }
    chunks.iter().all(|(_, name)| {
        let words: Vec<&str> = name.split_whitespace().collect();
        let cjk = name
            .chars()
            .all(|c| super::sentences::is_cjk(c) || c == '·');
        cjk && name.chars().count() <= 5
            || (1..=4).contains(&words.len())
                && words.iter().all(|w| {
                    w.starts_with(|c: char| c.is_uppercase())
                        || matches!(
                            *w,
                            "van" | "von" | "de" | "der" | "da" | "di" | "la" | "le" | "du" | "den"
                        )
                })
    }) && (chunks.len() > 1 || seg.split_whitespace().count() <= 4)
}

/// Splits an author list into (range, name) chunks.
fn split_names<'a>(seg: &'a str) -> Vec<(Range<usize>, &'a str)> {
    let mut out = Vec::new();
    let mut start = 0;
    let push = |s: usize, e: usize, out: &mut Vec<(Range<usize>, &'a str)>| {
        let piece = &seg[s..e];
        let lead = piece.len() - piece.trim_start().len();
        let trimmed = piece.trim();
        let trimmed = trimmed
            .trim_start_matches("and ")
            .trim_start_matches("& ")
            .trim();
        let cut = piece.find(trimmed).unwrap_or(lead);
        let is_etal = trimmed.is_empty()
            || trimmed.starts_with("et al")
            || matches!(trimmed, "等" | "等人" | "others");
        if !is_etal {
            out.push((
                s + cut..s + cut + trimmed.len(),
                &seg[s + cut..s + cut + trimmed.len()],
            ));
        }
    };
    let bytes: Vec<(usize, char)> = seg.char_indices().collect();
    let mut k = 0;
    while k < bytes.len() {
        let (i, c) = bytes[k];
        let sep_len = if matches!(c, ',' | '，' | '、' | ';' | '；' | '&') {
            c.len_utf8()
        } else if seg[i..].starts_with(" and ") {
            4
        } else {
            0
        };
        if sep_len > 0 {
            push(start, i, &mut out);
            start = i + sep_len;
        }
        k += 1;
    }
    push(start, seg.len(), &mut out);
    out
}

pub(super) fn parse_authors(text: &str, seg: Range<usize>, out: &mut ParsedEntry) {
    let s = &text[seg.clone()];
    out.et_al = s.contains("et al") || s.contains('等') || s.contains("others");
    let chunks = split_names(s);
    let mut k = 0;
    while k < chunks.len() {
        let (r, name) = &chunks[k];
        // "Surname, Given" or APA "Surname, A. B.": merge with the next chunk.
        let single = !name.contains(' ') && !is_initials(name);
        if single
            && let Some((r2, next)) = chunks.get(k + 1)
            && (is_initials(next) || !next.contains(' '))
        {
            out.authors.push(Author {
                name: format!("{name}, {next}"),
                range: seg.start + r.start..seg.start + r2.end,
            });
            k += 2;
            continue;
        }
        out.authors.push(Author {
            name: (*name).to_string(),
            range: seg.start + r.start..seg.start + r.end,
        });
        k += 1;
    }
}

fn is_initials(s: &str) -> bool {
    fn initial(i: &str) -> IResult<&str, char> {
        terminated(satisfy(char::is_uppercase), opt(one_of(".-"))).parse(i)
    }
    let t: String = s.split_whitespace().collect();
    !t.is_empty()
        && many1(initial)
            .parse(t.as_str())
            .is_ok_and(|(rest, _)| rest.is_empty())
}

/// The surname of an author as written: "Vaswani, A." → vaswani, "Ashish Vaswani" → vaswani,
/// "Vaswani A" (compact, initials after) → vaswani. Case-folded, without diacritics.
pub fn surname(name: &str) -> String {
    let name = name.trim();
    if let Some((before, _)) = name.split_once(',') {
        return fold_diacritics(before.trim());
    }
    let words: Vec<&str> = name.split_whitespace().collect();
    let initials = |w: &str| w.len() <= 3 && w.chars().all(|c| c.is_uppercase() || c == '.');
    match words.as_slice() {
        [] => String::new(),
        [first, rest @ ..] if !rest.is_empty() && rest.iter().all(|w| initials(w)) => {
            fold_diacritics(first)
        }
        [.., last] => fold_diacritics(last.trim_end_matches('.')),
    }
}

/// Lower-case name tokens without diacritics: "Erdős, P." → ["erdos", "p"].
pub fn name_tokens(name: &str) -> Vec<String> {
    name.split(|c: char| c.is_whitespace() || matches!(c, ',' | '.' | '-' | '·'))
        .filter(|t| !t.is_empty())
        .map(fold_diacritics)
        .collect()
}

pub fn fold_diacritics(s: &str) -> String {
    // Lower-case first, so that capitals with marks (Ö, É) fold too.
    s.chars()
        .flat_map(char::to_lowercase)
        .flat_map(|c| {
            let base = match c {
                'á' | 'à' | 'â' | 'ä' | 'ã' | 'å' | 'ā' => 'a',
                'é' | 'è' | 'ê' | 'ë' | 'ē' | 'ě' => 'e',
                'í' | 'ì' | 'î' | 'ï' | 'ī' => 'i',
                'ó' | 'ò' | 'ô' | 'ö' | 'õ' | 'ő' | 'ø' | 'ō' => 'o',
                'ú' | 'ù' | 'û' | 'ü' | 'ű' | 'ū' => 'u',
                'ç' | 'č' | 'ć' => 'c',
                'ñ' | 'ń' => 'n',
                'š' | 'ś' => 's',
                'ž' | 'ź' | 'ż' => 'z',
                'ł' => 'l',
                'ý' | 'ÿ' => 'y',
                'ř' => 'r',
                'ğ' => 'g',
                _ => c,
            };
            base.to_lowercase()
        })
        .collect()
}
