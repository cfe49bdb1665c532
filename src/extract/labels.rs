//! Label assignments: a subject, a phrase from `[claims] label-assignment`, an optional
//! context qualifier and a label from one of the `[[label-pairs]]`:
//! "真实数据作为判别器的正样本", "real images serve as positive samples for the discriminator".
//!
//! Extraction is deliberately narrow: the label must end the noun phrase after the phrase
//! ("作为负样本的比例" and "serves as the input layer" are not assignments), and clauses
//! that are negated, conditional, questions or that assign to an unknown referent ("它",
//! "which") yield nothing. A missed assignment costs a finding; a wrong one costs trust.

mod chinese;
mod clause;
mod english;
mod english_forms;
mod forms;

use super::prose_blocks;
use crate::document::{Block, Document};
use crate::rules::Rules;
use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use clause::{empty_parens, is_clause_boundary, word_bounded};
use forms::Found;
use std::ops::Range;

/// The longest clause (in bytes) an assignment is read in: several times the longest
/// clause of real prose, in English or Chinese.
const MAX_CLAUSE: usize = 1000;

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

/// The matchers of the label rules, built once per rules set and shared by every file.
pub(crate) struct Matchers {
    /// The assignment phrases (`[claims] label-assignment`), leftmost-longest.
    phrases: AhoCorasick,
    /// What every label starts with (an English label's first word, any case; a Chinese
    /// label whole): text without any of them holds no assignment.
    starts: AhoCorasick,
    labels: Vec<LabelForm>,
}

/// The part of the rules [`Matchers`] are built from.
pub(crate) type MatchersKey = (Vec<String>, Vec<[String; 2]>);

impl Matchers {
    fn build(rules: &Rules) -> Option<Matchers> {
        let phrases = AhoCorasickBuilder::new()
            .match_kind(MatchKind::LeftmostLongest)
            .ascii_case_insensitive(true)
            .build(&rules.label_assignment)
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
        // An English label's first word; a one-word label ending in y without it, as its
        // plural "-ies" does (see `english::is_plural`).
        let starts = labels.iter().map(|l| match l.words.as_slice() {
            [w] => w.strip_suffix('y').unwrap_or(w),
            [w, ..] => w.as_str(),
            [] if l.text.is_ascii() => "",
            [] => l.text.as_str(),
        });
        let starts = AhoCorasickBuilder::new()
            .ascii_case_insensitive(true)
            .build(starts)
            .ok()?;
        Some(Matchers {
            phrases,
            starts,
            labels,
        })
    }
}

struct Extractor<'r> {
    m: &'r Matchers,
    phrase_text: &'r [String],
}

/// Every label assignment in the document's prose, in text order.
pub fn assignments(doc: &Document<'_>, rules: &Rules) -> Vec<Assignment> {
    if rules.label_assignment.is_empty() || rules.label_pairs.is_empty() {
        return Vec::new();
    }
    let matchers = matchers(rules);
    let Some(m) = matchers.as_ref() else {
        return Vec::new();
    };
    let ex = Extractor {
        m,
        phrase_text: &rules.label_assignment,
    };
    let mut out = Vec::new();
    for (index, block) in prose_blocks(doc, false) {
        if !ex.may_hold_label(&block.text) {
            continue;
        }
        // Nor does one without an assignment phrase or a bracket ("紫花（显性）").
        let bracket = crate::pattern::open_parens(&block.text).next().is_some();
        if !bracket && !ex.m.phrases.is_match(&block.text) {
            continue;
        }
        let mut topic = String::new();
        let pairs = BlockPairs::default();
        for sentence in &block.sentences {
            // A clause after "；" stays under the topic of the sentence it continues.
            let continues = block.text[..sentence.start]
                .trim_end()
                .ends_with(['；', ';']);
            let own = clause::topic(&block.text, sentence);
            if !continues || !own.is_empty() {
                topic = own;
            }
            let at = (index, block, &pairs);
            ex.sentence(doc, at, sentence.clone(), &topic, &mut out);
        }
    }
    out
}

/// The label matchers of `rules`, from the memo when the label rules are unchanged.
fn matchers(rules: &Rules) -> std::sync::Arc<Option<Matchers>> {
    rules.derived.labels.get(
        |(phrases, pairs)| {
            *phrases == rules.label_assignment
                && pairs.iter().eq(rules.label_pairs.iter().map(|p| &p.labels))
        },
        || {
            let pairs = rules.label_pairs.iter().map(|p| p.labels.clone());
            (rules.label_assignment.clone(), pairs.collect())
        },
        || Matchers::build(rules),
    )
}

impl Extractor<'_> {
    /// Every form finds a label written in the text (an English one in any case, its last
    /// word maybe plural): text with no label's start holds no assignment. (Two letters
    /// lower-case to ASCII: the Kelvin sign and a dotted capital I.)
    fn may_hold_label(&self, text: &str) -> bool {
        self.m.starts.is_match(text) || folds_to_ascii(text)
    }

    fn sentence(
        &self,
        doc: &Document<'_>,
        (index, block, pairs): (usize, &Block, &BlockPairs),
        sentence: Range<usize>,
        topic: &str,
        out: &mut Vec<Assignment>,
    ) {
        let text = block.text.as_str();
        let slice = &text[sentence.clone()];
        let bytes = slice.as_bytes();
        if memchr::memchr(b'?', bytes).is_some()
            || memchr::memchr_iter(0xEF, bytes).any(|i| bytes[i..].starts_with("？".as_bytes()))
        {
            return;
        }
        // Where labels may start (see `may_hold_label`), overlapping so that none hides
        // another, in order of their ends, each with the greatest start up to it.
        let folds_to_ascii = folds_to_ascii(slice);
        let mut ends = Vec::new();
        let mut max_start: Vec<usize> = Vec::new();
        for m in self.m.starts.find_overlapping_iter(slice) {
            ends.push(sentence.start + m.end());
            let start = sentence.start + m.start();
            max_start.push(max_start.last().map_or(start, |&s| s.max(start)));
        }
        if ends.is_empty() && !folds_to_ascii {
            return;
        }
        // Every form reads its label in the clause after the phrase.
        let label_within = |from: usize, to: usize| {
            let k = ends.partition_point(|&e| e <= to);
            folds_to_ascii || (k > 0 && max_start[k - 1] >= from)
        };
        // The sentence's clause stops, found once: where the clause after a phrase ends (a
        // boundary or a period), and where the clause before it starts (after a boundary).
        let (mut stops, mut opens) = (Vec::new(), Vec::new());
        for (i, c) in slice.char_indices() {
            let boundary = is_clause_boundary(c);
            if boundary || c == '.' {
                stops.push(sentence.start + i);
            }
            if boundary && !empty_parens(slice, i, c) {
                opens.push(sentence.start + i + c.len_utf8());
            }
        }
        let mut found = Vec::new();
        // The next subject starts after the previous assignment's object.
        let mut floor = sentence.start;
        let mut active_agent = None;
        for m in self.m.phrases.find_iter(slice) {
            let at = sentence.start + m.start()..sentence.start + m.end();
            let phrase = self.phrase_text[m.pattern().as_usize()].as_str();
            if at.start < floor {
                continue;
            }
            let clause_end = stops
                .get(stops.partition_point(|&s| s < at.end))
                .copied()
                .unwrap_or(sentence.end);
            if !label_within(at.end, clause_end) {
                continue;
            }
            // Reading a phrase's subject and object costs the length of its clause: a clause
            // longer than anyone writes an assignment in is not read, so that a long one with
            // many phrases costs its length once, not once per phrase.
            let k = opens.partition_point(|&o| o <= at.start);
            let clause_start = k.checked_sub(1).map_or(sentence.start, |k| opens[k]);
            if clause_end - clause_start.max(floor) > MAX_CLAUSE {
                continue;
            }
            let f = if phrase.is_ascii() {
                if !word_bounded(text, at.start, at.end) {
                    continue;
                }
                let forms = english_forms::English {
                    labels: &self.m.labels,
                    active_agent: &mut active_agent,
                };
                forms.found(text, floor, phrase, at, clause_end)
            } else {
                forms::chinese(text, floor, phrase, at, clause_end, &self.m.labels)
            };
            let Some(f) = f else { continue };
            floor = f.object.label.end;
            found.push(f);
        }
        found.extend(forms::bracketed(text, sentence, &self.m.labels));
        found.sort_by_key(|f| f.object.label.start);
        for f in found {
            if let Some(a) = self.assignment(doc, (index, block, pairs), topic, f) {
                out.push(a);
            }
        }
    }

    fn assignment(
        &self,
        doc: &Document<'_>,
        (index, block, pairs): (usize, &Block, &BlockPairs),
        topic: &str,
        f: Found,
    ) -> Option<Assignment> {
        let (object, subject) = (f.object, f.subject?);
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
        if let Some(r) = f.relation {
            context = format!("{context}|{}", normalize(&block.text[r]));
        }
        if !topic.is_empty() {
            context = format!("{context}|{topic}");
        }
        let (pair, side) = self.pair_in(&block.text, pairs, object.pair, object.side);
        let subject_key = subject_key(&source_text(doc, block, subject.range.clone()));
        Some(Assignment {
            block: index,
            subject: subject.range,
            label: object.label,
            pair,
            side,
            subject_key,
            qualifier,
            context,
            shared: subject.shared || object.shared,
        })
    }

    /// A label in several pairs ("客户端" with "服务端" and with "服务器") belongs to the
    /// pair whose other label the paragraph uses.
    /// The paragraph is read once for each label, however many assignments use it.
    fn pair_in(&self, block: &str, pairs: &BlockPairs, pair: usize, side: usize) -> (usize, usize) {
        if let Some(&chosen) = pairs.chosen.borrow().get(&(pair, side)) {
            return chosen;
        }
        let find = |p: usize, s: usize| self.m.labels.iter().find(|l| l.pair == p && l.side == s);
        let Some(label) = find(pair, side) else {
            return (pair, side);
        };
        // A label of a single pair needs no reading.
        if self
            .m
            .labels
            .iter()
            .filter(|l| l.text == label.text)
            .count()
            < 2
        {
            return (pair, side);
        }
        let lower = pairs.lower.get_or_init(|| block.to_lowercase());
        let chosen = self
            .m
            .labels
            .iter()
            .filter(|l| l.text == label.text)
            .find(|l| find(l.pair, 1 - l.side).is_some_and(|o| lower.contains(&o.text)))
            .map_or((pair, side), |l| (l.pair, l.side));
        pairs.chosen.borrow_mut().insert((pair, side), chosen);
        chosen
    }
}

/// What [`Extractor::pair_in`] learnt of one paragraph: its lower-case text and the pair
/// chosen for each label, each computed on first use.
#[derive(Default)]
struct BlockPairs {
    lower: std::cell::OnceCell<String>,
    chosen: std::cell::RefCell<crate::hash::HashMap<(usize, usize), (usize, usize)>>,
}

/// Whether `text` holds a letter outside ASCII that lower-cases into it (the Kelvin sign, a
/// dotted capital I): the label-start automaton, matching ASCII case-insensitively, cannot
/// rule such text out.
fn folds_to_ascii(text: &str) -> bool {
    let bytes = text.as_bytes();
    // The lead bytes of the two letters (E2 84 AA, C4 B0), then the letters themselves.
    memchr::memchr2_iter(0xE2, 0xC4, bytes).any(|i| {
        bytes[i..].starts_with("\u{212A}".as_bytes())
            || bytes[i..].starts_with("\u{130}".as_bytes())
    })
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
        // "A 主机" names host A.
        if let Some(rest) = t.strip_prefix(article)
            && rest.starts_with(|c: char| c.is_ascii())
        {
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_plural_in_ies_is_read_where_no_other_label_starts() {
        let rules = Rules::defaults().unwrap_or_else(|e| panic!("{e}"));
        let md = "In a sharded datastore, the nodes in Oregon act as primaries, and the nodes \
                  in Ohio act as primaries.\n";
        let doc = Document::parse(md, &rules.model_options());
        let labels: Vec<&str> = assignments(&doc, &rules)
            .iter()
            .map(|a| &doc.blocks[a.block].text[a.label.clone()])
            .collect();
        assert_eq!(labels, ["primaries", "primaries"]);
    }

    #[test]
    fn questions_assign_nothing() {
        let rules = Rules::defaults().unwrap_or_else(|e| panic!("{e}"));
        let count =
            |md: &str| assignments(&Document::parse(md, &rules.model_options()), &rules).len();
        assert_eq!(count("Real data is the positive sample.\n"), 1);
        assert_eq!(count("Is real data the positive sample?\n"), 0);
        assert_eq!(count("真实数据是正样本。\n"), 1);
        assert_eq!(count("真实数据是正样本吗？\n"), 0);
    }

    #[test]
    fn the_letters_that_lower_case_to_ascii_are_found() {
        assert!(folds_to_ascii("a \u{212A}elvin"));
        assert!(folds_to_ascii("\u{130}nput"));
        assert!(!folds_to_ascii("it’s “quoted” — Ĳ"));
    }

    #[test]
    fn every_label_and_plural_passes_the_start_filter() {
        let rules = Rules::defaults().unwrap_or_else(|e| panic!("{e}"));
        let m = Matchers::build(&rules).unwrap_or_else(|| panic!("matchers"));
        for l in &m.labels {
            let mut forms = vec![l.text.clone(), l.text.to_uppercase()];
            if let Some(stem) = l.text.strip_suffix('y') {
                forms.push(format!("{stem}ies"));
            }
            forms.push(format!("{}es", l.text));
            for form in forms {
                assert!(m.starts.is_match(&form), "{form}");
            }
        }
    }
}
