//! The forms an assignment takes besides "subject, phrase, label": the agent of a passive
//! ("由客户端发送", "is sent by the client"), the object of a verb of use ("treats the token
//! stream as its input"), a relative clause ("the oxide, which serves as the cathode"), a
//! subject set off by commas ("水给出质子，是酸") and a label in brackets ("purple
//! (dominant)", "紫花（显性）").

use super::clause::{clause_start, is_clause_boundary};
use super::{LabelForm, Object, Subject, chinese, english};
use crate::document::sentences::is_cjk;
use crate::extract::text::words;
use std::ops::Range;

/// A label with the subject it was given to, if the subject could be told.
pub(crate) struct Found {
    pub object: Object,
    pub subject: Option<Subject>,
    /// The verb of an agent form ("发送", "sent"): such assignments compare under one verb.
    pub relation: Option<Range<usize>>,
}

/// The phrase that introduces the agent of a passive ("由客户端发送", "sent by the client").
const AGENT: [&str; 2] = ["由", "by"];
/// The phrase after the object of a verb of use ("treats X as its input").
const ACTIVE: &str = "as";
const VERBS_OF_USE: &[&str] = &[
    "treat",
    "treats",
    "treated",
    "treating",
    "use",
    "uses",
    "using",
    "take",
    "takes",
    "took",
    "taking",
    "consume",
    "consumes",
    "consumed",
    "consuming",
    "regard",
    "regards",
    "view",
    "views",
    "viewed",
    "designate",
    "designates",
    "designated",
    "choose",
    "chooses",
    "chose",
    "select",
    "selects",
    "selected",
    "pick",
    "picks",
    "picked",
    "reserve",
    "reserves",
    "reserved",
    "label",
    "labels",
    "mark",
    "marks",
    "keep",
    "keeps",
    "kept",
    "hold",
    "holds",
];
const IRREGULAR_PARTICIPLES: &[&str] = &[
    "sent", "built", "made", "written", "given", "taken", "run", "held", "kept", "chosen", "drawn",
    "known", "seen", "done", "read", "put", "set", "sold", "bought",
];
const BE: &[&str] = &[
    "is", "are", "was", "were", "be", "been", "being", "get", "gets", "got",
];
/// Words that end the noun phrase before a bracket or a relative "which".
const NP_STOPS: &[&str] = &[
    "versus", "vs", "and", "or", "but", "than", "while", "whereas", "to", "from", "with",
    "against", "into", "onto", "in", "on", "at", "by", "for", "over", "under", "through", "like",
    "is", "are", "was", "were", "be", "as",
];
const NP_DETERMINERS: &[&str] = &["the", "a", "an", "its", "their", "this", "these", "each"];
/// Characters that end the subject before a Chinese bracket ("紫花（显性）与白花（隐性）").
const ZH_STOPS: &[char] = &['与', '和', '而', '及', '或', '对', '比', '、'];

pub(super) struct English<'a> {
    pub labels: &'a [LabelForm],
    /// Who uses the objects of "VERB X as LABEL", for "and Y as LABEL" that follows.
    pub active_agent: &'a mut Option<Range<usize>>,
}

impl English<'_> {
    pub(super) fn found(
        mut self,
        text: &str,
        floor: usize,
        phrase: &str,
        at: Range<usize>,
        clause_end: usize,
    ) -> Option<Found> {
        let object = english::object(text, at.end..clause_end, self.labels)?;
        let mut start = clause_start(text, floor, at.start);
        let mut end = at.start;
        let mut relation = None;
        let mut agent = None;
        if phrase == AGENT[1] {
            let p = participle(text, start..at.start)?;
            end = p.start;
            relation = Some(p);
        } else if phrase == ACTIVE {
            let (who, object_start) = self.verb_of_use(text, start..at.start)?;
            start = object_start;
            agent = Some(who);
        }
        if text[start..end].trim().is_empty() {
            (start, end) = set_off(text, floor, start, end);
        }
        let mut subject =
            relative(text, floor, start..end).unwrap_or_else(|| english::subject(text, start..end));
        if let (Some(s), Some(who)) = (&mut subject, agent) {
            s.agent = Some(who);
            s.instrumental = true;
        }
        Some(Found {
            object,
            subject,
            relation,
        })
    }

    /// "A parser treats X as …": the parser and where X starts; "and Y as …" after it keeps
    /// the parser.
    fn verb_of_use(&mut self, text: &str, span: Range<usize>) -> Option<(Range<usize>, usize)> {
        let ws = words(text, span.clone());
        let lower: Vec<String> = ws.iter().map(|w| w.text.to_lowercase()).collect();
        if let Some(v) = lower
            .iter()
            .rposition(|w| VERBS_OF_USE.contains(&w.as_str()))
        {
            let who = ws
                .first()
                .map_or(span.start..span.start, |w| w.range.start..ws[v].range.start);
            *self.active_agent = Some(who.clone());
            return Some((who, ws[v].range.end));
        }
        let who = self.active_agent.clone()?;
        (lower.first()? == "and").then(|| (who, ws[0].range.end))
    }
}

/// The participle before "by" in a passive ("is sent", "are always generated").
fn participle(text: &str, span: Range<usize>) -> Option<Range<usize>> {
    let ws = words(text, span);
    let (last, before) = ws.split_last()?;
    let p = last.text.to_lowercase();
    if !(p.ends_with("ed") || p.ends_with("en") || IRREGULAR_PARTICIPLES.contains(&p.as_str())) {
        return None;
    }
    let aux = before
        .iter()
        .rev()
        .map(|w| w.text.to_lowercase())
        .find(|w| !w.ends_with("ly") && !matches!(w.as_str(), "also" | "then" | "only"))?;
    BE.contains(&aux.as_str()).then(|| last.range.clone())
}

/// "samples from the dataset, labelled fake", "the 2019 cohort, which the model never saw,
/// served as …": the subject is the clause before the comma, past a relative clause.
fn set_off(text: &str, floor: usize, start: usize, end: usize) -> (usize, usize) {
    let (mut start, mut end) = (start, end);
    for _ in 0..2 {
        let Some(comma) = text[floor..start].trim_end().strip_suffix(',') else {
            break;
        };
        end = floor + comma.len();
        start = clause_start(text, floor, end);
        let first = words(text, start..end)
            .first()
            .map(|w| w.text.to_lowercase());
        if !first.is_some_and(|w| matches!(w.as_str(), "which" | "who" | "whom" | "whose")) {
            break;
        }
    }
    (start, end)
}

/// ", which serves as …": the subject is the noun phrase before the comma. `None` when
/// `span` is not a relative clause.
fn relative(text: &str, floor: usize, span: Range<usize>) -> Option<Option<Subject>> {
    let ws = words(text, span.clone());
    let first = ws.first()?.text.to_lowercase();
    if !matches!(first.as_str(), "which" | "who") {
        return None;
    }
    let comma = floor + text[floor..span.start].trim_end().strip_suffix(',')?.len();
    let rest: Vec<String> = ws[1..].iter().map(|w| w.text.to_lowercase()).collect();
    if rest
        .iter()
        .any(|w| w == "not" || w == "never" || w.ends_with("n't"))
    {
        return Some(None);
    }
    let head = noun_phrase_before(text, clause_start(text, floor, comma)..comma)?;
    let mut subject = english::subject(text, head);
    if let Some(s) = &mut subject {
        s.shared |= rest.iter().any(|w| w == "also" || w == "too");
    }
    Some(subject)
}

/// The last noun phrase of `span`: back to a preposition or a conjunction, or through its
/// determiner.
fn noun_phrase_before(text: &str, span: Range<usize>) -> Option<Range<usize>> {
    let ws = words(text, span.clone());
    let last = ws.last()?;
    if !text[last.range.end..span.end].trim().is_empty() {
        return None;
    }
    let mut first = ws.len();
    for (k, w) in ws.iter().enumerate().rev().take(6) {
        let lower = w.text.to_lowercase();
        if NP_STOPS.contains(&lower.as_str()) {
            break;
        }
        first = k;
        if NP_DETERMINERS.contains(&lower.as_str()) {
            break;
        }
    }
    (first < ws.len()).then(|| ws[first].range.start..last.range.end)
}

/// Chinese forms: "X 由客户端发送", "X 作为负样本", and "水给出质子，是酸".
pub(super) fn chinese(
    text: &str,
    floor: usize,
    phrase: &str,
    at: Range<usize>,
    clause_end: usize,
    labels: &[LabelForm],
) -> Option<Found> {
    let (object, relation) = if phrase == AGENT[0] {
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
    for (i, open) in slice
        .char_indices()
        .filter(|&(_, c)| matches!(c, '(' | '（'))
    {
        let inner = sentence.start + i + open.len_utf8();
        let Some(len) = text[inner..sentence.end].find([')', '）']) else {
            continue;
        };
        let raw = &text[inner..inner + len];
        let content = raw.trim();
        let Some(label) = labels.iter().find(|l| whole_label(content, l)) else {
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

fn whole_label(content: &str, label: &LabelForm) -> bool {
    if label.words.is_empty() {
        return content == label.text;
    }
    let lower = content.to_lowercase();
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
