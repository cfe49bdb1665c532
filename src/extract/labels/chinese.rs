//! Chinese assignments: "其生成的数据作为判别器的负样本", "将A视为正例".

use super::clause::is_clause_boundary;
use super::{LabelForm, Object, Subject, is_quote_or_markup};
use std::ops::Range;
use words::{
    ADVERBS, CONDITIONS, CUTS, DETERMINERS, LEADING, NEGATIONS, NOT_QUALIFIER, PRONOUNS, SHARED,
    TAILS, WORDS_NOT_PREFIXED,
};

mod words;

pub(super) fn object(text: &str, span: Range<usize>, labels: &[LabelForm]) -> Option<Object> {
    let obj = &text[span.clone()];
    let mut best: Option<(usize, &LabelForm)> = None;
    // An empty label (possible in a user's rules file) labels nothing.
    for l in labels
        .iter()
        .filter(|l| l.words.is_empty() && !l.text.is_empty())
    {
        let mut from = 0;
        while let Some(p) = obj[from..].find(l.text.as_str()) {
            let at = from + p;
            if valid_tail(&obj[at + l.text.len()..]) {
                let better =
                    best.is_none_or(|(s, b)| at < s || (at == s && l.text.len() > b.text.len()));
                if better {
                    best = Some((at, l));
                }
                break;
            }
            from = at + l.text.len();
        }
    }
    let (at, label) = best?;
    let qualifier = qualifier(obj, at)?;
    if labels
        .iter()
        .any(|l| l.pair == label.pair && obj[..at].contains(l.text.as_str()))
    {
        return None;
    }
    Some(Object {
        label: span.start + at..span.start + at + label.text.len(),
        pair: label.pair,
        side: label.side,
        qualifier: qualifier.map(|q| span.start + q.start..span.start + q.end),
        shared: false,
    })
}

fn valid_tail(after: &str) -> bool {
    let after = after.trim_start_matches(|c: char| c.is_whitespace() || is_quote_or_markup(c));
    after.is_empty() || TAILS.iter().any(|t| after.starts_with(t))
}

/// The qualifier before the label (`Some(None)` when there is none); `None` when the words
/// before the label are not a qualifier.
fn qualifier(obj: &str, at: usize) -> Option<Option<Range<usize>>> {
    let mut q = trim(obj, 0..at);
    loop {
        let before = q.clone();
        q = strip_suffix(obj, q, DETERMINERS);
        q = strip_suffix(obj, q, &["的"]);
        q = strip_prefix(obj, q, DETERMINERS);
        q = trim(obj, q);
        if q == before {
            break;
        }
    }
    let s = &obj[q.clone()];
    if s.is_empty() {
        return Some(None);
    }
    if s.contains(NOT_QUALIFIER) || s.chars().count() > 12 {
        return None;
    }
    Some(Some(q))
}

/// `floor` is where the sentence (or the text after the previous assignment) starts.
pub(super) fn subject(text: &str, floor: usize, span: Range<usize>) -> Option<Subject> {
    let mut r = trim(text, span);
    let s = &text[r.clone()];
    if CONDITIONS.iter().any(|c| s.contains(c)) || s.starts_with('当') {
        return None;
    }
    // "而B也作为负样本" contrasts B with the subject before: "也" does not make it shared.
    let contrast = text[r.clone()].contains('而');
    for cut in CUTS {
        if let Some(p) = text[r.clone()].rfind(cut) {
            r.start += p + cut.len();
        }
    }
    let mut agent = None;
    if let Some(p) = text[r.clone()].rfind('被')
        && !text[r.start + p..].starts_with("被动")
    {
        let after = r.start + p + '被'.len_utf8();
        let a = trim(text, after..r.end);
        if !a.is_empty() {
            agent = Some(a);
            r.end = r.start + p;
        }
    }
    for marker in ["将", "把"] {
        if let Some(p) = text[r.clone()].rfind(marker)
            && !text[..r.start + p].ends_with('即')
            && !text[r.start + p + marker.len()..].starts_with(['来', '要'])
        {
            r.start += p + marker.len();
        }
    }
    // "以X作为输入": whoever takes X (the words before "以") is the context.
    let mut instrumental = false;
    let lead = strip_prefix(text, trim(text, r.clone()), &["而", "并", "且", "并且"]);
    let s = &text[lead.clone()];
    if ["以", "用"].iter().any(|m| s.starts_with(m))
        && !WORDS_NOT_PREFIXED.iter().any(|w| s.starts_with(w))
    {
        agent = Some(floor_agent(text, floor, lead.start));
        instrumental = true;
    }
    let mut shared = false;
    loop {
        let before = r.clone();
        r = trim(text, r);
        let list = strip_prefix(text, r.clone(), &["和", "与", "及", "以及", "或"]);
        if list != r {
            // "…和文本作为输入": the end of a list of subjects.
            shared = true;
            r = list;
        }
        r = strip_prefix(text, r, LEADING);
        let s = &text[r.clone()];
        if NEGATIONS.iter().any(|n| s.ends_with(n)) {
            return None;
        }
        let stripped = strip_suffix(text, r.clone(), SHARED);
        if stripped != r {
            shared = !contrast;
            r = stripped;
        }
        r = strip_suffix(text, r, ADVERBS);
        if r == before {
            break;
        }
    }
    let s = &text[r.clone()];
    if s.is_empty() || PRONOUNS.contains(&s) || units(s) > 30 {
        return None;
    }
    let r = antecedent(text, floor, r);
    let s = &text[r.clone()];
    shared |= listed(s)
        || s.ends_with('等')
        || s.contains(['均', '都'])
        || ["同时", "所有", "全部"].iter().any(|w| s.contains(w));
    Some(Subject {
        range: r,
        shared,
        agent,
        instrumental,
    })
}

/// Only words that modify a verb ("也", "同样", "则"): the subject is elsewhere.
pub(super) fn bare(s: &str) -> bool {
    let mut s = s.trim();
    loop {
        let before = s;
        for w in SHARED.iter().chain(ADVERBS) {
            s = s.strip_suffix(w).unwrap_or(s).trim_end();
        }
        if s == before {
            return s.is_empty();
        }
    }
}

/// "该电极" after "在连接电源正极的电极上": the electrode meant, not the word "该".
fn antecedent(text: &str, floor: usize, r: Range<usize>) -> Range<usize> {
    const PREPOSITIONS: &[char] = &['在', '从', '向', '对', '于', '把', '将', '被', '由', '当'];
    let s = &text[r.clone()];
    let Some(noun) = ["该", "这个", "此", "这一"]
        .iter()
        .find_map(|p| s.strip_prefix(p))
        .filter(|n| !n.is_empty())
    else {
        return r;
    };
    let Some(p) = text[floor..r.start].rfind(noun) else {
        return r;
    };
    let before = &text[floor..floor + p];
    let start = before
        .char_indices()
        .rev()
        .find(|&(_, c)| is_clause_boundary(c) || PREPOSITIONS.contains(&c))
        .map_or(0, |(k, c)| k + c.len_utf8());
    let found = trim(text, floor + start..floor + p + noun.len());
    if found.is_empty() { r } else { found }
}

/// A list of subjects ("A和B", "A的特征与B的特征"), not a conjunction inside a modifier
/// ("调用 listen() 与 accept() 的主机": the host is one).
fn listed(s: &str) -> bool {
    s.char_indices()
        .filter(|&(_, c)| matches!(c, '和' | '与' | '及' | '或' | '、' | '跟'))
        .any(|(i, _)| s[..i].contains('的') || !s[i..].contains('的'))
}

/// Length in characters, an ASCII word ("listen()") counting as one.
fn units(s: &str) -> usize {
    let mut n = 0;
    let mut in_word = false;
    for c in s.chars() {
        let ascii = c.is_ascii() && !c.is_whitespace();
        let continues_word = ascii && in_word;
        n += usize::from(!c.is_whitespace() && !continues_word);
        in_word = ascii;
    }
    n
}

fn trim(text: &str, r: Range<usize>) -> Range<usize> {
    let s = &text[r.clone()];
    let start = s.len() - s.trim_start_matches(is_space_or_quote).len();
    let end = s.trim_end_matches(is_space_or_quote).len().max(start);
    r.start + start..r.start + end
}

fn is_space_or_quote(c: char) -> bool {
    c.is_whitespace() || is_quote_or_markup(c) || c == '，'
}

fn strip_prefix(text: &str, r: Range<usize>, words: &[&str]) -> Range<usize> {
    let s = &text[r.clone()];
    if WORDS_NOT_PREFIXED.iter().any(|w| s.starts_with(w)) {
        return r;
    }
    match words
        .iter()
        .filter(|w| s.starts_with(*w))
        .map(|w| w.len())
        .max()
    {
        Some(n) => r.start + n..r.end,
        None => r,
    }
}

fn strip_suffix(text: &str, r: Range<usize>, words: &[&str]) -> Range<usize> {
    let s = &text[r.clone()];
    match words
        .iter()
        .filter(|w| s.ends_with(*w))
        .map(|w| w.len())
        .max()
    {
        Some(n) => r.start..r.end - n,
        None => r,
    }
}

/// The words before an instrumental "以"/"用" back to `floor`, without punctuation and
/// conjunctions; possibly empty.
fn floor_agent(text: &str, floor: usize, at: usize) -> Range<usize> {
    let mut r = floor..at;
    let s = &text[r.clone()];
    let start = s.len()
        - s.trim_start_matches(|c: char| !c.is_alphanumeric() || matches!(c, '而' | '并'))
            .len();
    r.start += start;
    let s = &text[r.clone()];
    r.end = r.start
        + s.trim_end_matches(|c: char| !c.is_alphanumeric() || c == '可')
            .len();
    r
}
