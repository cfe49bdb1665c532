//! Label assignments: a subject, a phrase from `[claims] label-assignment`, an optional
//! context qualifier and a label from one of the `[[label-pairs]]`:
//! "真实数据作为判别器的正样本", "real images serve as positive samples for the discriminator".
//!
//! Extraction is deliberately narrow: the label must end the noun phrase after the phrase
//! ("作为负样本的比例" and "serves as the input layer" are not assignments), and clauses
//! that are negated, conditional, questions or that assign to an unknown referent ("它",
//! "which") yield nothing. A missed assignment costs a finding; a wrong one costs trust.

mod chinese;
mod english;

use super::prose_blocks;
use crate::document::{Block, Document};
use crate::rules::Rules;
use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use std::ops::Range;

/// One label given to one subject.
#[derive(Debug, Clone)]
pub struct Assignment {
    pub block: usize,
    /// The subject, in block text coordinates.
    pub subject: Range<usize>,
    /// The label occurrence, in block text coordinates.
    pub label: Range<usize>,
    /// Index into `Rules::label_pairs`, and which of its two labels.
    pub pair: usize,
    pub side: usize,
    /// The subject normalised for comparison (no leading "其", "the"; lower case).
    pub subject_key: String,
    /// The qualifier as written ("判别器", "the discriminator"), if any.
    pub qualifier: Option<String>,
    /// Qualifier and sentence topic, normalised: assignments compare only within a context.
    pub context: String,
    /// The writer signals that the label is shared ("也", "都", "also", "A and B").
    pub shared: bool,
}

/// A label as the extractors match it.
pub(crate) struct LabelForm {
    pair: usize,
    side: usize,
    text: String,
    /// Lower-case words of an ASCII label; empty for a CJK label.
    words: Vec<String>,
}

/// What follows an assignment phrase: the label and its qualifier.
pub(crate) struct Object {
    label: Range<usize>,
    pair: usize,
    side: usize,
    qualifier: Option<Range<usize>>,
    /// A "too", "as well" after the label.
    shared: bool,
}

/// What precedes an assignment phrase.
pub(crate) struct Subject {
    range: Range<usize>,
    shared: bool,
    /// Who assigns the label ("被判别器视为"): a context when there is no qualifier.
    agent: Option<Range<usize>>,
    /// "以X作为输入": the agent is who uses X, never shown as a qualifier.
    instrumental: bool,
}

/// The matchers of label assignments, built once per rules (see `Rules::derived`).
pub(crate) struct Extractor {
    phrases: AhoCorasick,
    /// Whether each phrase is English (ASCII).
    phrase_ascii: Vec<bool>,
    labels: Vec<LabelForm>,
}

/// Every label assignment in the document's prose, in text order.
pub fn assignments(doc: &Document<'_>, rules: &Rules) -> Vec<Assignment> {
    let key = (&rules.label_assignment, &rules.label_pairs);
    let ex = rules.derived.labels.get(
        |(a, p)| (a, p) == key,
        || (key.0.clone(), key.1.clone()),
        || Extractor::new(rules),
    );
    let Some(ex) = ex.as_ref() else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for (index, block) in prose_blocks(doc, false) {
        for sentence in &block.sentences {
            ex.sentence(doc, index, block, sentence.clone(), &mut out);
        }
    }
    out
}

impl Extractor {
    fn new(rules: &Rules) -> Option<Extractor> {
        if rules.label_assignment.is_empty() || rules.label_pairs.is_empty() {
            return None;
        }
        let phrase_text: Vec<&str> = rules.label_assignment.iter().map(String::as_str).collect();
        let phrases = AhoCorasickBuilder::new()
            .match_kind(MatchKind::LeftmostLongest)
            .ascii_case_insensitive(true)
            .build(&phrase_text)
            .ok()?;
        let mut labels = Vec::new();
        for (pair, p) in rules.label_pairs.iter().enumerate() {
            for (side, text) in p.labels.iter().enumerate() {
                let words = if text.is_ascii() {
                    text.split_whitespace().map(str::to_lowercase).collect()
                } else {
                    Vec::new()
                };
                labels.push(LabelForm {
                    pair,
                    side,
                    text: text.clone(),
                    words,
                });
            }
        }
        Some(Extractor {
            phrases,
            phrase_ascii: phrase_text.iter().map(|p| p.is_ascii()).collect(),
            labels,
        })
    }

    fn sentence(
        &self,
        doc: &Document<'_>,
        index: usize,
        block: &Block,
        sentence: Range<usize>,
        out: &mut Vec<Assignment>,
    ) {
        let text = block.text.as_str();
        let slice = &text[sentence.clone()];
        if slice.contains(['?', '？']) {
            return;
        }
        let topic = topic(text, &sentence);
        // The next subject starts after the previous assignment's object.
        let mut floor = sentence.start;
        for m in self.phrases.find_iter(slice) {
            let (start, end) = (sentence.start + m.start(), sentence.start + m.end());
            if start < floor {
                continue;
            }
            let english = self.phrase_ascii[m.pattern().as_usize()];
            if english && !word_bounded(text, start, end) {
                continue;
            }
            let clause_end = clause_end(text, end, sentence.end);
            let object = if english {
                english::object(text, end..clause_end, &self.labels)
            } else {
                chinese::object(text, end..clause_end, &self.labels)
            };
            let Some(object) = object else { continue };
            let mut subject_end = start;
            let floor_before = floor;
            let mut clause_start = clause_start(text, floor, start);
            if english && text[clause_start..start].trim().is_empty() {
                // A participle after a comma ("samples from the dataset, labelled fake")
                // describes the clause before it.
                if let Some(comma) = text[floor..clause_start].trim_end().strip_suffix(',') {
                    let end = floor + comma.len();
                    clause_start = self::clause_start(text, floor, end);
                    subject_end = end;
                }
            }
            floor = object.label.end;
            let subject = if english {
                english::subject(text, clause_start..subject_end)
            } else {
                chinese::subject(text, floor_before, clause_start..start)
            };
            let Some(subject) = subject else { continue };
            let agent = subject.agent.map(|a| source_text(doc, block, a));
            let qualifier = object
                .qualifier
                .map(|q| source_text(doc, block, q))
                .or_else(|| agent.clone().filter(|_| !subject.instrumental));
            let mut context = qualifier.as_deref().map(normalize).unwrap_or_default();
            if subject.instrumental {
                let agent = agent.as_deref().map(normalize).unwrap_or_default();
                context = format!("{context}|by:{agent}");
            }
            if !topic.is_empty() {
                context = format!("{context}|{topic}");
            }
            let subject_key = subject_key(&source_text(doc, block, subject.range.clone()));
            out.push(Assignment {
                block: index,
                subject: subject.range,
                label: object.label,
                pair: object.pair,
                side: object.side,
                subject_key,
                qualifier,
                context,
                shared: subject.shared || object.shared,
            });
        }
    }
}

/// The block text of `range` as the source writes it (code spans included), trimmed.
pub fn source_text(doc: &Document<'_>, block: &Block, range: Range<usize>) -> String {
    let src = block.source_range(range);
    doc.text
        .get(src)
        .unwrap_or_default()
        .trim_matches(|c: char| c.is_whitespace() || matches!(c, '*' | '_'))
        .to_string()
}

/// A subject for comparison: normalised, without a leading possessive ("其", "its").
fn subject_key(subject: &str) -> String {
    let key = normalize(subject);
    for possessive in ["其", "它的", "它们的", "its", "their"] {
        if let Some(rest) = key.strip_prefix(possessive)
            && !rest.is_empty()
            && !rest.starts_with(['他', '它', '余', '中'])
        {
            return rest.to_string();
        }
    }
    key
}

/// Lower case, no white space, no markup or quotes, no leading article.
pub fn normalize(s: &str) -> String {
    let lower = s.to_lowercase();
    let mut t = lower.trim();
    for article in ["the ", "a ", "an "] {
        if let Some(rest) = t.strip_prefix(article) {
            t = rest;
        }
    }
    t.chars()
        .filter(|c| !c.is_whitespace() && !is_quote_or_markup(*c))
        .collect()
}

pub(crate) fn is_quote_or_markup(c: char) -> bool {
    matches!(
        c,
        '"' | '\''
            | '“'
            | '”'
            | '‘'
            | '’'
            | '「'
            | '」'
            | '『'
            | '』'
            | '《'
            | '》'
            | '*'
            | '_'
            | '`'
    )
}

fn is_clause_boundary(c: char) -> bool {
    matches!(
        c,
        ',' | '，'
            | ';'
            | '；'
            | ':'
            | '：'
            | '('
            | ')'
            | '（'
            | '）'
            | '。'
            | '—'
            | '!'
            | '！'
            | '['
            | ']'
            | '\n'
    )
}

fn clause_start(text: &str, floor: usize, at: usize) -> usize {
    let slice = &text[floor..at];
    slice
        .char_indices()
        .rev()
        .find(|&(i, c)| is_clause_boundary(c) && !empty_parens(slice, i, c))
        .map_or(floor, |(i, c)| floor + i + c.len_utf8())
}

/// "connect()": a call in prose, not a parenthesis.
fn empty_parens(s: &str, i: usize, c: char) -> bool {
    (c == '(' && s[i..].starts_with("()")) || (c == ')' && s[..i].ends_with('('))
}

fn clause_end(text: &str, from: usize, limit: usize) -> usize {
    text[from..limit]
        .char_indices()
        .find(|&(_, c)| is_clause_boundary(c) || c == '.')
        .map_or(limit, |(i, _)| from + i)
}

fn word_bounded(text: &str, start: usize, end: usize) -> bool {
    let before = text[..start].chars().next_back();
    let after = text[end..].chars().next();
    !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
}

/// A sentence's leading topic clause ("在 MoCo 中，", "For the discriminator,"), normalised,
/// or empty: assignments under different topics are in different contexts.
fn topic(text: &str, sentence: &Range<usize>) -> String {
    const OPENERS: &[&str] = &[
        "在",
        "对于",
        "对",
        "针对",
        "而在",
        "而对于",
        "in ",
        "for ",
        "within ",
        "under ",
        "with ",
    ];
    let slice = &text[sentence.clone()];
    let Some((i, _)) = slice.char_indices().find(|&(_, c)| matches!(c, ',' | '，')) else {
        return String::new();
    };
    let head = slice[..i].trim();
    let lower = head.to_lowercase();
    if OPENERS.iter().any(|o| lower.starts_with(o)) {
        normalize(head)
    } else {
        String::new()
    }
}
