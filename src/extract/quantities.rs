//! Quantities in prose and titles: a number (digits, `5,000`, `2.5`, `14×14`, number words,
//! `six-factor`) with its unit (`KiB`, `km`, `位`, `平方度`) and the words that say what it
//! measures (the noun after it, or the attribute before `is`/`为`), plus the named things
//! (`x86-64`, `ERA5`, `HDFS`) of its clause.

use super::text::clauses;
use crate::document::line_index::{ceil_char_boundary, floor_char_boundary};
use crate::document::sentences::is_cjk;
use std::ops::Range;

#[derive(Debug, Clone)]
pub struct Quantity {
    /// Range of the number and its unit in the text it was read from.
    pub range: Range<usize>,
    /// The value, normalised for comparison (`5000`, `14x14`).
    pub value: String,
    pub unit: Option<&'static str>,
    /// Content words (singular, lower case) and CJK bigrams of what is measured.
    pub concepts: Vec<String>,
    /// Named things in the clause (tokens with capitals or digits), shared by the
    /// quantities of one clause.
    pub entities: std::sync::Arc<[String]>,
    /// Written with digits (not a number word).
    pub digits: bool,
    /// Given as the value of an attribute ("the base page is 4 KiB", "视场约为 115 平方度").
    pub defined: bool,
    /// A category rather than a measurement: a unit joined by a hyphen (`64-bit`), a bound
    /// of a range (`30-60 seconds`), or a number in a question.
    pub categorical: bool,
}

const UNITS: &[(&str, &str)] = &[
    ("KiB", "KiB"),
    ("MiB", "MiB"),
    ("GiB", "GiB"),
    ("TiB", "TiB"),
    ("KB", "KB"),
    ("kB", "KB"),
    ("MB", "MB"),
    ("GB", "GB"),
    ("TB", "TB"),
    ("PB", "PB"),
    ("km", "km"),
    ("cm", "cm"),
    ("mm", "mm"),
    ("nm", "nm"),
    ("μm", "um"),
    ("kg", "kg"),
    ("mg", "mg"),
    ("ms", "ms"),
    ("μs", "us"),
    ("ns", "ns"),
    ("GHz", "GHz"),
    ("MHz", "MHz"),
    ("kHz", "kHz"),
    ("Hz", "Hz"),
    ("kW", "kW"),
    ("MW", "MW"),
    ("mAh", "mAh"),
    ("ppm", "ppm"),
    ("°C", "C"),
    ("K", "K"),
    ("V", "V"),
    ("W", "W"),
    ("bits", "bit"),
    ("bit", "bit"),
    ("bytes", "byte"),
    ("byte", "byte"),
    ("years", "year"),
    ("year", "year"),
    ("days", "day"),
    ("day", "day"),
    ("hours", "hour"),
    ("hour", "hour"),
    ("minutes", "minute"),
    ("seconds", "second"),
    ("minute", "minute"),
    ("second", "second"),
    ("kelvin", "K"),
    ("m", "m"),
    ("s", "s"),
    ("g", "g"),
    ("%", "%"),
    ("平方度", "deg2"),
    ("千米", "km"),
    ("公里", "km"),
    ("字节", "byte"),
    ("位", "bit"),
    ("比特", "bit"),
    ("小时", "hour"),
    ("分钟", "minute"),
    ("秒", "second"),
    ("天", "day"),
    ("年", "year"),
    ("米", "m"),
    ("度", "deg"),
    ("克", "g"),
    ("千克", "kg"),
    ("伏", "V"),
    ("瓦", "W"),
];

pub const NUMBER_WORDS: &[(&str, u32)] = &[
    ("one", 1),
    ("two", 2),
    ("three", 3),
    ("four", 4),
    ("five", 5),
    ("six", 6),
    ("seven", 7),
    ("eight", 8),
    ("nine", 9),
    ("ten", 10),
    ("eleven", 11),
    ("twelve", 12),
    ("twenty", 20),
];

const STOP: &[&str] = &[
    "and", "or", "of", "in", "the", "a", "an", "to", "for", "with", "is", "are", "was", "were",
    "per", "each", "that", "which", "from", "at", "on", "by", "as", "than", "more", "less",
    "about", "into", "its", "their", "this", "these", "it", "be", "been", "has", "have", "had",
    "drawn", "above", "below", "only", "also", "we", "can", "will", "so",
];

/// Which quantities a caller wants.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Wanted {
    All,
    /// Measurements only: digits with a unit other than a percent sign.
    Measured,
}

/// All quantities of a sentence (or a title) in `range` of `text`.
pub fn mentions(text: &str, range: Range<usize>) -> Vec<Quantity> {
    mentions_of(text, range, Wanted::All)
}

/// The quantities of `range` of `text` that the caller wants.
pub fn mentions_of(text: &str, range: Range<usize>, wanted: Wanted) -> Vec<Quantity> {
    let mut out = Vec::new();
    let measured = wanted == Wanted::Measured;
    // Only a digit or a number word starts a number: a sentence without either holds none.
    let may_start = |b: &u8| b.is_ascii_digit() || (!measured && may_start_number_word(*b));
    let bytes = text.as_bytes();
    if !bytes[range.clone()].iter().any(may_start) {
        return out;
    }
    for clause in clauses(text, range) {
        // The clause's named things, read once and only for a clause with a quantity.
        let mut clause_entities: Option<std::sync::Arc<[String]>> = None;
        let mut i = clause.start;
        while i < clause.end {
            // Numbers start with an ASCII digit or letter, at the start of a word: skip to
            // the next such byte (every other byte, UTF-8 sequences included, is passed).
            let Some(k) = bytes[i..clause.end].iter().position(may_start) else {
                break;
            };
            i += k;
            let b = bytes[i];
            let c = char::from(b);
            if i > 0 && bytes[i - 1].is_ascii_alphanumeric() {
                i += 1;
                continue;
            }
            let starts_word = text[..i]
                .chars()
                .next_back()
                .is_none_or(|p| !p.is_alphanumeric() || is_cjk(p));
            if starts_word && let Some((value, after)) = number_at(text, i, clause.end) {
                let (unit, after_unit) = unit_at(text, after, clause.end);
                if measured && matches!(unit, None | Some("%")) {
                    i = after.max(i + 1);
                    continue;
                }
                // "500 km/s/Mpc": a compound unit is not the unit read here.
                let compound = text[after_unit..].starts_with(['/', '·', '^']);
                let digits = c.is_ascii_digit();
                let hyphenated = text[after..after_unit].starts_with('-');
                let in_range = text[..i].ends_with(['-', '–', '~', '～'])
                    || text[after..].starts_with(['-', '–', '~', '～']) && !hyphenated;
                let mut concepts = noun_after(text, after_unit, clause.end);
                let attribute = attribute_before(text, clause.start, i);
                let defined = !attribute.is_empty();
                concepts.extend(attribute);
                if (unit.is_some() || !concepts.is_empty()) && !compound {
                    out.push(Quantity {
                        range: i..after_unit.max(after),
                        value,
                        unit,
                        concepts,
                        entities: clause_entities
                            .get_or_insert_with(|| entities(&text[clause.clone()]).into())
                            .clone(),
                        digits,
                        defined,
                        categorical: hyphenated || in_range,
                    });
                }
                i = after.max(i + c.len_utf8());
                continue;
            }
            i += c.len_utf8();
        }
    }
    out
}

/// The first letter of a number word of [`NUMBER_WORDS`], in either case.
fn may_start_number_word(b: u8) -> bool {
    matches!(
        b.to_ascii_lowercase(),
        b'o' | b't' | b'f' | b's' | b'e' | b'n'
    )
}

/// A number at `i`: digits (`5,000`, `2.5`), a dimension (`14×14`), a number word (`six`,
/// `six-factor`). Returns the normalised value and where the number ends.
fn number_at(text: &str, i: usize, end: usize) -> Option<(String, usize)> {
    let rest = &text[i..end];
    let digits = rest
        .char_indices()
        .take_while(|(k, c)| {
            c.is_ascii_digit()
                || (matches!(c, ',' | '.')
                    && rest[k + 1..].starts_with(|d: char| d.is_ascii_digit()))
        })
        .last()
        .map(|(k, c)| k + c.len_utf8());
    if let Some(n) = digits {
        let first = rest[..n].replace(',', "");
        let end_at = i + n;
        let tail = &text[end_at..end];
        let sep = tail.trim_start_matches(' ');
        for x in ['×', 'x', 'X', '*', '乘'] {
            if let Some(after) = sep.strip_prefix(x) {
                let after = after.trim_start_matches(' ');
                let m = after.bytes().take_while(u8::is_ascii_digit).count();
                if m > 0 {
                    let second = &after[..m];
                    let consumed = tail.len() - (after.len() - m);
                    return Some((format!("{first}x{second}"), i + n + consumed));
                }
            }
        }
        // A year or a version is not a measured quantity.
        let year = first.len() == 4
            && (first.starts_with("19") || first.starts_with("20"))
            && !text[end_at..end]
                .trim_start()
                .starts_with(|c: char| c.is_ascii_alphabetic() && c != 'K');
        return (!year).then(|| (normalise(&first), end_at));
    }
    let len = rest.bytes().take_while(u8::is_ascii_alphabetic).count();
    let word = &rest[..len];
    let (_, v) = NUMBER_WORDS
        .iter()
        .find(|(w, _)| w.eq_ignore_ascii_case(word))?;
    Some((v.to_string(), i + len))
}

fn normalise(n: &str) -> String {
    match n.parse::<f64>() {
        Ok(v) => format!("{v}"),
        Err(_) => n.to_string(),
    }
}

fn unit_at(text: &str, at: usize, end: usize) -> (Option<&'static str>, usize) {
    let rest = &text[at..end];
    let trimmed = rest.trim_start_matches([' ', '\u{a0}', '-']);
    let skip = rest.len() - trimmed.len();
    // A unit starts with the text's first byte, or with its lower case for a word unit: the
    // other units are ruled out on one byte.
    let Some(&first) = trimmed.as_bytes().first() else {
        return (None, at);
    };
    let folded = first.to_ascii_lowercase();
    for (written, unit) in UNITS {
        let lead = written.as_bytes()[0];
        if lead != first && lead != folded {
            continue;
        }
        // Word units match in any case ("Years"); symbols only as written ("K" is not "k").
        let word = written.len() >= 3 && written.chars().all(|c| c.is_ascii_lowercase());
        let stripped = if word {
            trimmed
                .get(..written.len())
                .filter(|p| p.eq_ignore_ascii_case(written))
                .map(|_| &trimmed[written.len()..])
        } else {
            trimmed.strip_prefix(written)
        };
        if let Some(after) = stripped {
            let boundary = after
                .chars()
                .next()
                .is_none_or(|c| !c.is_ascii_alphanumeric());
            if boundary {
                return (Some(unit), at + skip + written.len());
            }
        }
    }
    (None, at)
}

/// What follows the number: English content words (`base pages`, `high-redshift
/// supernovae`, `-factor model`), or a CJK noun after an optional 的 (`数据块`, `持有期`).
fn noun_after(text: &str, at: usize, end: usize) -> Vec<String> {
    let rest = &text[at..end];
    let rest = rest.trim_start_matches([' ', '-']);
    let rest = rest.strip_prefix("的").unwrap_or(rest).trim_start();
    if rest.starts_with(is_cjk) {
        let noun: String = rest
            .chars()
            .take_while(|c| {
                is_cjk(*c) && !"的是和与在中上下以为对了也只都就将把被从到".contains(*c)
            })
            .take(6)
            .collect();
        return bigrams(&noun);
    }
    let rest = &rest[..floor_char_boundary(rest, WORDS_WINDOW)];
    let mut out = Vec::new();
    for w in rest.split(|c: char| c.is_whitespace()).take(4) {
        // "patch,并对每个patch": the word ends where Latin script ends.
        let w = w
            .split(|c: char| !(c.is_ascii_alphanumeric() || c == '-'))
            .next()
            .unwrap_or("");
        let w = w.trim_matches('-');
        let lower = w.to_lowercase();
        if lower.is_empty()
            || STOP.contains(&lower.as_str())
            || !lower.chars().any(char::is_alphabetic)
            || w.chars().any(is_cjk)
        {
            break;
        }
        for part in lower.split('-').filter(|p| p.len() > 1) {
            out.push(singular(part));
        }
    }
    out
}

/// How far from a number its words are read: the five words before it and the four after
/// it are far shorter in prose, and a clause without spaces ("[1][2][3,5]…") would otherwise
/// be read whole for every number in it.
const WORDS_WINDOW: usize = 512;

/// The attribute a number is given as: "the base page is 4 KiB", "视场约为 115 平方度".
fn attribute_before(text: &str, clause_start: usize, at: usize) -> Vec<String> {
    let before = text[clause_start..at].trim_end();
    for verb in ["约为", "为", "是", "达到", "达"] {
        if let Some(head) = before.strip_suffix(verb) {
            let head = head.trim_end().trim_end_matches(['约', '固', '定']);
            let noun: String = head
                .chars()
                .rev()
                .take_while(|c| is_cjk(*c) && *c != '的')
                .take(6)
                .collect::<Vec<_>>()
                .into_iter()
                .rev()
                .collect();
            return bigrams(&noun);
        }
    }
    // The verb must be one of the last two words and the attribute is at most three words
    // before it: five words from the end are all that is read (the clause may be long).
    let from = ceil_char_boundary(before, before.len().saturating_sub(WORDS_WINDOW));
    let last: Vec<&str> = before[from..].split_whitespace().rev().take(5).collect();
    if let Some(verb) = last
        .iter()
        .take(2)
        .position(|w| matches!(*w, "is" | "are" | "was" | "equals" | "="))
    {
        return last[verb + 1..]
            .iter()
            .take(3)
            .map(|w| {
                w.trim_matches(|c: char| !c.is_alphanumeric())
                    .to_lowercase()
            })
            .filter(|w| !w.is_empty() && !STOP.contains(&w.as_str()))
            .map(|w| singular(&w))
            .collect();
    }
    Vec::new()
}

/// CJK nouns compare by their bigrams and their characters (`块大小` and `数据块` share 块).
fn bigrams(s: &str) -> Vec<String> {
    const COMMON: &str = "的个数量大小长度多少高低新老一二三四五六七八九十";
    let chars: Vec<char> = s.chars().collect();
    let mut out: Vec<String> = chars.windows(2).map(|w| w.iter().collect()).collect();
    out.extend(
        chars
            .iter()
            .filter(|c| !COMMON.contains(**c))
            .map(|c| format!("{c}·")),
    );
    out
}

pub fn singular(w: &str) -> String {
    if let Some(stem) = w.strip_suffix("ies") {
        return format!("{stem}y");
    }
    if w.ends_with("ss") || w.len() <= 3 {
        return w.to_string();
    }
    if let Some(stem) = w.strip_suffix("ae") {
        return format!("{stem}a");
    }
    w.strip_suffix('s').unwrap_or(w).to_string()
}

/// Tokens naming things: with a capital after the first letter, a digit, or all capitals.
fn entities(clause: &str) -> Vec<String> {
    clause
        .split(|c: char| !(c.is_ascii_alphanumeric() || c == '-'))
        .filter(|t| t.len() >= 2 && t.chars().any(|c| c.is_ascii_alphabetic()))
        .filter(|t| {
            t.chars()
                .skip(1)
                .any(|c| c.is_ascii_uppercase() || c.is_ascii_digit())
                || t.chars()
                    .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == '-')
        })
        .filter(|t| !UNITS.iter().any(|(w, _)| w == t))
        .map(str::to_string)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_number_word_filter_admits_every_number_word() {
        for (w, _) in NUMBER_WORDS {
            assert!(may_start_number_word(w.as_bytes()[0]), "{w}");
            assert!(may_start_number_word(w.to_uppercase().as_bytes()[0]), "{w}");
        }
    }

    fn q(s: &str) -> Vec<(String, Option<&'static str>, Vec<String>)> {
        mentions(s, 0..s.len())
            .into_iter()
            .map(|q| (q.value, q.unit, q.concepts))
            .collect()
    }

    #[test]
    fn reads_quantities() {
        assert_eq!(
            q("The 8 KiB base pages of x86-64")[0],
            ("8".into(), Some("KiB"), vec!["base".into(), "page".into()])
        );
        assert_eq!(
            q("On x86-64 the base page is 4 KiB")[0].2,
            vec!["page".to_string(), "base".into()]
        );
        assert_eq!(q("splits images into 14×14 pixel patches")[0].0, "14x14");
        assert_eq!(q("ViT将图像分为14*14的patch")[0].0, "14x14");
        assert_eq!(
            q("The six-factor model")[0],
            ("6".into(), None, vec!["factor".into(), "model".into()])
        );
        assert_eq!(q("视场约为 115 平方度")[0].1, Some("deg2"));
        assert_eq!(
            q("Measurements from 42 High-Redshift Supernovae")[0].2,
            vec!["high".to_string(), "redshift".into(), "supernova".into()]
        );
    }
}
