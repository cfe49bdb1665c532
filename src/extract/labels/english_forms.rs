//! English forms: the agent of a passive ("is sent by the client"), the object of a verb of
//! use ("treats the token stream as its input") and relative clauses ("the oxide, which
//! serves as the cathode"; "the 2019 cohort, which the model never saw, served as …").

use super::clause::clause_start;
use super::forms::Found;
use super::{LabelForm, Subject, english};
use crate::extract::text::words;
use std::ops::Range;

/// The phrase that introduces the agent of a passive ("sent by the client").
const AGENT: &str = "by";
/// The phrase after the object of a verb of use ("treats X as its input").
const ACTIVE: &str = "as";
/// Verbs whose object takes the label in "VERB X as LABEL".
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
        if phrase == AGENT {
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
pub(super) fn noun_phrase_before(text: &str, span: Range<usize>) -> Option<Range<usize>> {
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
