//! The forms an assignment takes besides "subject, phrase, label": in Chinese, the agent of a
//! passive ("由客户端发送") and a subject set off by a comma ("水给出质子，是酸"); in both
//! languages, a label in brackets ("purple (dominant)", "紫花（显性）"). English forms are in
//! `english_forms`.

use super::clause::{clause_start, is_clause_boundary};
use super::english_forms::noun_phrase_before;
use super::{LabelForm, Object, Subject, chinese};
use crate::document::sentences::is_cjk;
use std::ops::Range;

/// A label with the subject it was given to, if the subject could be told.
pub(crate) struct Found {
    pub object: Object,
    pub subject: Option<Subject>,
    /// The verb of an agent form ("发送", "sent"): such assignments compare under one verb.
    pub relation: Option<Range<usize>>,
}

/// The phrase that introduces the agent of a passive ("由客户端发送").
const AGENT: &str = "由";
/// Characters that end the subject before a Chinese bracket ("紫花（显性）与白花（隐性）").
const ZH_STOPS: &[char] = &['与', '和', '而', '及', '或', '对', '比', '、'];

/// Chinese forms: "X 由客户端发送", "X 作为负样本", and "水给出质子，是酸".
pub(super) fn chinese(
    text: &str,
    floor: usize,
    phrase: &str,
    at: Range<usize>,
    clause_end: usize,
    labels: &[LabelForm],
) -> Option<Found> {
    let (object, relation) = if phrase == AGENT {
        let (object, verb) = agent_object(text, at.end..clause_end, labels)?;
        (object, Some(verb))
    } else {
        (chinese::object(text, at.end..clause_end, labels)?, None)
    };
    let start = clause_start(text, floor, at.start);
    let mut subject = chinese::subject(text, floor, start..at.start);
    if subject.is_none()
        && chinese::bare(&text[start..at.start])
        && let Some(comma) = text[floor..start].strip_suffix(['，', ','])
    {
        // The clause before the comma, unless it is the tail of the previous assignment.
        let previous = clause_start(text, floor, floor + comma.len());
        let opens = text[..previous]
            .trim_end()
            .chars()
            .next_back()
            .is_none_or(is_clause_boundary);
        if opens {
            subject = chinese::subject(text, floor, previous..at.start);
        }
    }
    Some(Found {
        object,
        subject,
        relation,
    })
}

/// "客户端发送" after "由": the label, then a short verb that ends the clause.
fn agent_object(
    text: &str,
    span: Range<usize>,
    labels: &[LabelForm],
) -> Option<(Object, Range<usize>)> {
    let s = &text[span.clone()];
    let at = span.start + (s.len() - s.trim_start().len());
    let label = labels
        .iter()
        .filter(|l| l.words.is_empty() && text[at..span.end].starts_with(l.text.as_str()))
        .max_by_key(|l| l.text.len())?;
    let label_end = at + label.text.len();
    let verb = text[label_end..span.end].trim();
    let n = verb.chars().count();
    // "由生成器和判别器组成" lists parts; "由客户端发送的消息" is a modifier.
    let joined = verb.contains(['和', '与', '及', '或', '、', '的']);
    if !(1..=4).contains(&n) || !verb.chars().all(is_cjk) || joined {
        return None;
    }
    let verb_start = label_end + text[label_end..span.end].find(verb)?;
    let object = Object {
        label: at..label_end,
        pair: label.pair,
        side: label.side,
        qualifier: None,
        shared: false,
    };
    Some((object, verb_start..verb_start + verb.len()))
}

/// Labels in brackets right after their subject: "purple (dominant) versus white
/// (recessive)", "紫花（显性）与白花（隐性）".
pub(super) fn bracketed(text: &str, sentence: Range<usize>, labels: &[LabelForm]) -> Vec<Found> {
    let mut out = Vec::new();
    let slice = &text[sentence.clone()];
    // The closing bracket found for the last opening one: it closes every later opening
    // one before it too (searching again from each would be quadratic in "((((…").
    let mut close: Option<usize> = None;
    for paren in crate::pattern::open_parens(slice) {
        let (i, inner) = (paren.start, sentence.start + paren.end);
        let end = match close {
            Some(c) if c >= inner => c,
            _ => match text[inner..sentence.end].find([')', '）']) {
                Some(len) => inner + len,
                // No closing bracket after this one, so none after any later one.
                None => break,
            },
        };
        close = Some(end);
        let raw = &text[inner..end];
        let content = raw.trim();
        let lower = content.to_lowercase();
        let Some(label) = labels.iter().find(|l| whole_label(content, &lower, l)) else {
            continue;
        };
        let start = inner + (raw.len() - raw.trim_start().len());
        let subject = bracket_subject(text, sentence.start, sentence.start + i);
        out.push(Found {
            object: Object {
                label: start..start + content.len(),
                pair: label.pair,
                side: label.side,
                qualifier: None,
                shared: false,
            },
            subject,
            relation: None,
        });
    }
    out
}

/// Whether the bracket's `content` (and `lower`, its lower-case form) is the label whole, an
/// English one in any case and maybe plural.
fn whole_label(content: &str, lower: &str, label: &LabelForm) -> bool {
    if label.words.is_empty() {
        return content == label.text;
    }
    lower == label.text || lower.strip_suffix('s') == Some(label.text.as_str())
}

/// The words right before a bracket: back to a clause boundary, a conjunction or a
/// preposition ("versus wrinkled", "与白花").
fn bracket_subject(text: &str, floor: usize, open: usize) -> Option<Subject> {
    let before = &text[floor..open];
    let last = before.chars().next_back()?;
    let range = if is_cjk(last) {
        let start = before
            .char_indices()
            .rev()
            .find(|&(_, c)| !is_cjk(c) || is_clause_boundary(c) || ZH_STOPS.contains(&c))
            .map_or(0, |(k, c)| k + c.len_utf8());
        (before[start..].chars().count() <= 12).then_some(floor + start..open)?
    } else if last.is_whitespace() {
        noun_phrase_before(text, clause_start(text, floor, open)..open)?
    } else {
        return None;
    };
    Some(Subject {
        range,
        shared: false,
        agent: None,
        instrumental: false,
    })
}
