//! Count claims: a number announcing the items that follow (`包含三个部分：`, `the following
//! four steps:`), paired with the list or inline enumeration right after the colon.

use crate::document::Document;
use crate::document::numbering::{chinese_number, is_chinese_digit};
use crate::document::sentences::is_cjk;
use crate::hash::HashMap;
use std::ops::Range;

#[derive(Debug, Clone)]
pub struct CountClaim {
    /// Source range of the count word (`三`, `four`).
    pub range: Range<usize>,
    pub count: u32,
    pub word: String,
    /// Source ranges of the items that follow.
    pub items: Vec<Range<usize>>,
    /// The items are numbered (an ordered list or inline markers): a list longer than
    /// announced is then a contradiction, not an added remark.
    pub numbered: bool,
}

const CLASSIFIERS: &[&str] = &[
    "个", "种", "类", "项", "步", "条", "点", "部分", "层", "级", "方面", "阶段", "过程", "环节",
    "要素", "原则", "条件", "特点", "大类", "部", "类型", "方法", "件",
];

pub fn extract(doc: &Document<'_>) -> Vec<CountClaim> {
    let mut out = Vec::new();
    let starts = EnumerationStarts::of(doc);
    for (b, block) in super::prose_blocks(doc, false) {
        let text = &block.text;
        // `:`, or the last byte of `：` (EF BC 9A; 9A ends few other characters, while EF
        // leads every full-width comma).
        let bytes = text.as_bytes();
        for hit in memchr::memchr2_iter(b':', 0x9A, bytes) {
            let (colon, c) = if bytes[hit] == b':' {
                (hit, ':')
            } else if hit >= 2 && bytes[hit - 2..hit] == [0xEF, 0xBC] {
                (hit - 2, '：')
            } else {
                continue;
            };
            let Some((count, word)) = count_before(text, colon) else {
                continue;
            };
            let after = colon + c.len_utf8();
            let items = if text[after..].trim().is_empty() {
                list_after(doc, b)
            } else {
                inline_after(doc, &starts, b, after).map(|i| (i, true))
            };
            if let Some((items, numbered)) = items {
                out.push(CountClaim {
                    range: block.source_range(word.clone()),
                    count,
                    word: text[word].to_string(),
                    items,
                    numbered,
                });
            }
        }
    }
    out
}

/// The count announced before a colon, within the same clause.
fn count_before(text: &str, colon: usize) -> Option<(u32, Range<usize>)> {
    let start = clause_start(text, colon);
    let clause = &text[start..colon];
    // Chinese: a numeral with a classifier, then at most a short noun before the colon. Only
    // the clause's last run of digits is read.
    let digit = |c: char| is_chinese_digit(c) || c.is_ascii_digit();
    if let Some((last, c)) = clause.char_indices().rev().find(|&(_, c)| digit(c)) {
        let end_idx = last + c.len_utf8();
        let i = clause[..last]
            .char_indices()
            .rev()
            .take_while(|&(_, c)| digit(c))
            .last()
            .map_or(last, |(k, _)| k);
        // "第二个" is an ordinal, not a count.
        if !clause[..i].ends_with('第')
            && let Some(value) = classified_count(clause, i..end_idx)?
        {
            return Some((value, start + i..start + end_idx));
        }
    }
    // English: a number word, at most five words before the colon.
    for (between, w) in clause.split_whitespace().rev().enumerate().take(6) {
        let at = w.as_ptr() as usize - clause.as_ptr() as usize;
        // Number words are ASCII: an ASCII word is compared without lower-casing a copy.
        let lower = (!w.is_ascii()).then(|| w.to_lowercase());
        let is = |e: &str| {
            lower
                .as_deref()
                .map_or(w.eq_ignore_ascii_case(e), |l| l == e)
        };
        if (1..=5).contains(&between)
            && let Some((_, v)) = super::quantities::NUMBER_WORDS
                .iter()
                .find(|(e, v)| is(e) && (2..=10).contains(v))
        {
            return Some((*v, start + at..start + at + w.len()));
        }
    }
    None
}

/// The count the digits at `digits` of `clause` announce: 2 to 20 with a classifier, then at
/// most a short noun before the colon. `Some(None)` when they announce none, `None` when
/// they are not a number.
fn classified_count(clause: &str, digits: Range<usize>) -> Option<Option<u32>> {
    let number = &clause[digits.clone()];
    let value = number
        .parse::<u32>()
        .ok()
        .or_else(|| chinese_number(number))?;
    let tail = clause[digits.end..].trim_start();
    let classified = CLASSIFIERS.iter().any(|c| tail.starts_with(c));
    // "按照 3-5 个人吃的量：" is a range and a different noun, not a count of items.
    let in_range = clause[..digits.start]
        .trim_end()
        .ends_with(['-', '~', '～', '到', '至', '–']);
    let short = tail.chars().count() <= 10
        && !tail.contains('的')
        && !in_range
        && tail
            .chars()
            .all(|c| is_cjk(c) || c.is_ascii_alphanumeric() || c == ' ');
    let counts = classified && short && (2..=20).contains(&value) && !tail.contains("次");
    Some(counts.then_some(value))
}

/// Where the clause ending at `colon` starts: after the last sentence or clause stop before
/// it (`。；;.!?！？:：` or a line break), read on bytes.
fn clause_start(text: &str, colon: usize) -> usize {
    let bytes = &text.as_bytes()[..colon];
    for (i, &b) in bytes.iter().enumerate().rev() {
        match b {
            b';' | b'.' | b'!' | b'?' | b'\n' | b':' => return i + 1,
            // The last byte of 。(E3 80 82), ！(EF BC 81), ：(EF BC 9A), ；(EF BC 9B), ？(EF BC 9F).
            0x82 | 0x81 | 0x9A | 0x9B | 0x9F if i >= 2 => {
                let three = &bytes[i - 2..=i];
                if matches!(
                    three,
                    [0xE3, 0x80, 0x82] | [0xEF, 0xBC, 0x81 | 0x9A | 0x9B | 0x9F]
                ) {
                    return i + 1;
                }
            }
            _ => {}
        }
    }
    0
}

/// The items of the list that starts right after block `b`, and whether they are numbered.
fn list_after(doc: &Document<'_>, b: usize) -> Option<(Vec<Range<usize>>, bool)> {
    let next = doc.blocks.get(b + 1)?;
    let (mut list, _) = next.item?;
    let here = &doc.blocks[b];
    // The outermost list that starts after this block.
    while let Some((parent, _)) = doc.lists[list].parent {
        if doc.lists[parent].range.start < here.range.end {
            break;
        }
        list = parent;
    }
    let l = &doc.lists[list];
    if l.range.start < here.range.end || here.item.is_some_and(|(hl, _)| hl == list) {
        return None;
    }
    let mut items: Vec<Range<usize>> = l.items.iter().map(|i| i.range.clone()).collect();
    // An ordered list cut by display math or code goes on in the next list that starts at
    // the following number, with no paragraph in between.
    let mut end = l.range.end;
    let mut next_number = l.start.map(|s| s + l.items.len() as u64);
    for (k, next) in doc.lists.iter().enumerate().skip(list + 1) {
        if next.range.start < end || next.parent != l.parent {
            continue;
        }
        // Blocks are in document order: look only at those between the two lists.
        let from = doc.blocks.partition_point(|b| b.range.start < end);
        let prose_between = doc.blocks[from..]
            .iter()
            .take_while(|b| b.range.start < next.range.start)
            .any(|b| {
                b.range.end <= next.range.start && b.text.chars().any(|c| c.is_alphanumeric())
            });
        // Numbering proves that a list goes on after a paragraph; bullets need adjacency.
        let continues = match next_number {
            Some(_) => next.start == next_number,
            None => !next.ordered && !prose_between,
        };
        if !continues {
            break;
        }
        items.extend(next.items.iter().map(|i| i.range.clone()));
        next_number = next_number
            .and(next.start)
            .map(|s| s + next.items.len() as u64);
        end = next.range.end;
        let _ = k;
    }
    Some((items, l.ordered))
}

/// The markers of an inline enumeration that starts after `at` in block `b`.
fn inline_after(
    doc: &Document<'_>,
    starts: &EnumerationStarts,
    b: usize,
    at: usize,
) -> Option<Vec<Range<usize>>> {
    let e = &doc.enumerations[starts.first_from(b, at)?];
    let gap = &doc.blocks[b].text[at..e.markers[0].text_range.start];
    if gap.trim().chars().nth(2).is_some() {
        return None;
    }
    Some(e.markers.iter().map(|m| m.range.clone()).collect())
}

/// Where the document's enumerations start, by block: the enumeration a colon announces is
/// found by bisection, not by reading every enumeration for every colon.
struct EnumerationStarts {
    /// Per block: the starts (in the block's text) in increasing order, and for each, the
    /// least index into `Document::enumerations` of the enumerations starting there or later.
    by_block: HashMap<usize, (Vec<usize>, Vec<usize>)>,
}

impl EnumerationStarts {
    fn of(doc: &Document<'_>) -> Self {
        let mut lists: HashMap<usize, Vec<(usize, usize)>> = HashMap::default();
        for (index, e) in doc.enumerations.iter().enumerate() {
            if let Some(m) = e.markers.first() {
                lists
                    .entry(m.block)
                    .or_default()
                    .push((m.text_range.start, index));
            }
        }
        let by_block = lists
            .into_iter()
            .map(|(block, mut list)| {
                list.sort_unstable();
                let starts = list.iter().map(|&(s, _)| s).collect();
                let mut least: Vec<usize> = list.iter().map(|&(_, i)| i).collect();
                for k in (0..least.len().saturating_sub(1)).rev() {
                    least[k] = least[k].min(least[k + 1]);
                }
                (block, (starts, least))
            })
            .collect();
        EnumerationStarts { by_block }
    }

    /// The first enumeration (in the document's order) starting in block `b` at or after
    /// `at`.
    fn first_from(&self, b: usize, at: usize) -> Option<usize> {
        let (starts, least) = self.by_block.get(&b)?;
        least.get(starts.partition_point(|&s| s < at)).copied()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// `count_before`'s scans as first written (collecting the clause's characters and
    /// words); the test of the digits found is shared.
    fn count_before_reference(text: &str, colon: usize) -> Option<(u32, Range<usize>)> {
        let start = text[..colon]
            .char_indices()
            .rev()
            .find(|(_, c)| {
                matches!(
                    c,
                    '。' | '；' | ';' | '.' | '!' | '?' | '！' | '？' | '\n' | ':' | '：'
                )
            })
            .map_or(0, |(i, c)| i + c.len_utf8());
        let clause = &text[start..colon];
        // Chinese: a numeral with a classifier, then at most a short noun before the colon.
        let chars: Vec<(usize, char)> = clause.char_indices().collect();
        for (k, &(i, c)) in chars.iter().enumerate().rev() {
            if !is_chinese_digit(c) && !c.is_ascii_digit() {
                continue;
            }
            let run_end = chars[k..]
                .iter()
                .take_while(|(_, c)| is_chinese_digit(*c) || c.is_ascii_digit())
                .count();
            let (end_idx, _) = chars
                .get(k + run_end)
                .copied()
                .unwrap_or((clause.len(), ' '));
            let run_start = chars[..k]
                .iter()
                .rev()
                .take_while(|(_, c)| is_chinese_digit(*c) || c.is_ascii_digit())
                .count();
            if run_start > 0 {
                continue;
            }
            if clause[..i].ends_with('第') {
                // "第二个" is an ordinal, not a count.
                break;
            }
            if let Some(value) = classified_count(clause, i..end_idx)? {
                return Some((value, start + i..start + end_idx));
            }
            break;
        }
        // English: a number word, at most five words before the colon.
        let words: Vec<(usize, &str)> = clause
            .split_whitespace()
            .map(|w| (w.as_ptr() as usize - clause.as_ptr() as usize, w))
            .collect();
        let n = words.len();
        for (k, (at, w)) in words.iter().enumerate().rev().take(6) {
            let lower = w.to_lowercase();
            if let Some((_, v)) = crate::extract::quantities::NUMBER_WORDS
                .iter()
                .find(|(e, v)| *e == lower && (2..=10).contains(v))
            {
                let between = n - k - 1;
                if (1..=5).contains(&between) {
                    return Some((*v, start + at..start + at + w.len()));
                }
            }
        }
        None
    }

    proptest! {
        /// The byte-level clause search and the single backward pass find what the first
        /// version found, at every colon.
        #[test]
        fn count_before_is_unchanged(
            pieces in proptest::collection::vec(prop_oneof![
                Just("三"), Just("二十"), Just("第"), Just("个"), Just("部分"), Just("的"),
                Just("次"), Just("3"), Just("12"), Just("-"), Just("到"), Just(" "),
                Just("："), Just(":"), Just("。"), Just("；"), Just("？"), Just("!"), Just("\n"),
                Just("three"), Just("Four"), Just("main"), Just("steps"), Just("方法"),
                Just("x"), Just("é"), Just("，"), Just("."),
            ], 0..24)
        ) {
            let text: String = pieces.concat();
            for (colon, c) in text.char_indices() {
                if matches!(c, ':' | '：') {
                    prop_assert_eq!(count_before(&text, colon), count_before_reference(&text, colon));
                }
            }
        }
    }

    #[test]
    fn counts_announced_before_a_colon() {
        let t = "模型包含三个部分：";
        assert_eq!(count_before(t, t.len() - 3), Some((3, 12..15)));
        let t = "It has the following four main steps:";
        assert_eq!(count_before(t, t.len() - 1), Some((4, 21..25)));
        let t = "第二个部分：";
        assert_eq!(count_before(t, t.len() - 3), None);
        let t = "Step one. Three: ";
        assert_eq!(count_before(t, 15), None);
    }
}
