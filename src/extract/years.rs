//! Year claims: a year stated for when a cited work was proposed or published.
//!
//! A year counts as such a claim when its clause also holds a proposal word from the rules
//! (`提出`, `introduced`), or when it opens the sentence (`In 2017,`, `2014年，`,
//! `在2015年的ICLR上`) before a clause that does; years after "since", "until", "自", "截至"
//! and years in ranges (`2012–2014`) or decades (`1990s`, `90年代`) are about something
//! else. The claim is bound to the single reference its clause cites or names.

use super::subjects::Subjects;
use super::text::clauses;
use crate::document::{Document, RefKey};
use crate::rules::Rules;
use std::ops::Range;

#[derive(Debug, Clone)]
pub struct YearClaim {
    pub block: usize,
    /// Source range of the year.
    pub range: Range<usize>,
    pub year: u16,
    pub subject: RefKey,
    /// The sentence mentions a preprint (arXiv, 预印本).
    pub preprint: bool,
}

const BEFORE_NOT_PROPOSAL: &[&str] = &[
    "since", "until", "till", "by", "before", "after", "through", "from", "自", "从", "截至",
    "直到", "到", "至", "early", "late", "mid",
];
/// The length in characters of the longest of [`BEFORE_NOT_PROPOSAL`].
const LONGEST_BEFORE: usize = 7;
const AFTER_NOT_PROPOSAL: &[&str] = &[
    "年以来",
    "年起",
    "年至今",
    "年之前",
    "年以后",
    "年之后",
    "年代",
    "s",
    "年前",
];

pub fn extract(doc: &Document<'_>, subjects: &Subjects, rules: &Rules) -> Vec<YearClaim> {
    let mut out = Vec::new();
    for (b, block) in super::prose_blocks(doc, false) {
        let text = &block.text;
        for sentence in &block.sentences {
            let years = years_in(text, sentence.clone());
            if years.is_empty() {
                continue;
            }
            let parts = clauses(text, sentence.clone());
            // Per-clause and per-sentence answers, computed once however many years the
            // sentence holds.
            let mut proposal: Vec<Option<bool>> = vec![None; parts.len()];
            let mut has_proposal_at =
                |k: usize| *proposal[k].get_or_insert_with(|| has_proposal(text, &parts[k], rules));
            let mut about: Vec<Option<Option<RefKey>>> = vec![None; parts.len()];
            let mut about_at = |k: usize| {
                about[k]
                    .get_or_insert_with(|| subjects.about(doc, b, &parts[k]))
                    .clone()
            };
            let mut about_sentence = None;
            let lower_sentence = text[sentence.clone()].to_lowercase();
            let preprint = rules
                .preprint_words
                .iter()
                .any(|w| lower_sentence.contains(&w.to_lowercase()));
            for (y, year) in years {
                let claim = |y: Range<usize>, subject: RefKey| YearClaim {
                    block: b,
                    range: block.source_range(y),
                    year,
                    subject,
                    preprint,
                };
                // Clauses are in order and do not overlap.
                let ci = parts.partition_point(|c| c.end < y.end);
                if parts.get(ci).is_none_or(|c| c.start > y.start) {
                    continue;
                }
                if !is_about_proposal_date(text, &y) {
                    continue;
                }
                let clause = &parts[ci];
                if is_author_year(text, clause, &y) {
                    // "Krizhevsky et al. (2012) [1]", "(Lamport, 1998)": the year of the cited
                    // work — the author-year citation around the year, else the sentence's.
                    let subject = match subjects.citation_at(doc, b, y.start) {
                        Some(own) => own,
                        None => about_sentence
                            .get_or_insert_with(|| subjects.about(doc, b, sentence))
                            .clone(),
                    };
                    if let Some(subject) = subject {
                        out.push(claim(y, subject));
                    }
                    continue;
                }
                let claim_clause = if has_proposal_at(ci) || names_publication(text, &y) {
                    Some(ci)
                } else if is_opening(text, sentence, clause, &y) {
                    Some(ci + 1).filter(|&next| next < parts.len() && has_proposal_at(next))
                } else {
                    None
                };
                let Some(claim_clause) = claim_clause else {
                    continue;
                };
                let mut subject = about_at(claim_clause);
                // "GPT-3 [10], released in 2020, …" or "EM [4]，它于1976年发表": the clause
                // continues the subject of a clause that ends with its citation.
                if subject.is_none()
                    && ci > 0
                    && (starts_with_proposal(text, clause, rules)
                        || starts_with_pronoun(text, clause))
                {
                    let prev = &parts[ci - 1];
                    if text[prev.clone()].trim_end().ends_with([']', '］', '】']) {
                        subject = about_at(ci - 1);
                    }
                }
                if let Some(subject) = subject {
                    out.push(claim(y, subject));
                }
            }
        }
    }
    out
}

/// Four-digit years 1500–2099 in a sentence, not inside longer numbers, versions or ranges.
fn years_in(text: &str, sentence: Range<usize>) -> Vec<(Range<usize>, u16)> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut i = sentence.start;
    while i + 4 <= sentence.end {
        let w = &bytes[i..i + 4];
        let is_year = w.iter().all(u8::is_ascii_digit) && crate::document::entry::is_year_prefix(w);
        if !is_year {
            i += 1;
            continue;
        }
        let prev = i.checked_sub(1).map(|p| bytes[p]);
        let next = bytes.get(i + 4).copied();
        let glued = prev.is_some_and(|p| p.is_ascii_alphanumeric() || p == b'.' || p == b'/')
            || next.is_some_and(|n| {
                n.is_ascii_digit() || n == b'.' && bytes.get(i + 5).is_some_and(u8::is_ascii_digit)
            });
        let range_dash = |at: usize| text[at..].starts_with(['-', '–', '—', '~', '～']);
        let in_range =
            range_dash(i + 4) || (i > 0 && text[..i].ends_with(['-', '–', '—', '~', '～']));
        if !glued
            && !in_range
            && let Ok(y) = text[i..i + 4].parse::<u16>()
        {
            out.push((i..i + 4, y));
        }
        i += 4;
    }
    out
}

/// A clause that is only the year, in parentheses after an author ("et al. (2012)",
/// "(Lamport, 1998)").
fn is_author_year(text: &str, clause: &Range<usize>, y: &Range<usize>) -> bool {
    let only_year = text[clause.clone()]
        .trim()
        .trim_end_matches(|c: char| c.is_ascii_lowercase())
        == &text[y.clone()];
    if !only_year {
        return false;
    }
    let before = text[..clause.start].trim_end_matches([' ', '(', '（', ',', '，']);
    let tail: String = before
        .chars()
        .rev()
        .take(12)
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect();
    let in_parens = text[..clause.start]
        .trim_end()
        .ends_with(['(', '（', ',', '，'])
        && text[clause.end..].trim_start().starts_with([')', '）']);
    let last_word = before
        .rsplit(|c: char| !c.is_alphabetic())
        .next()
        .unwrap_or("");
    in_parens
        && (tail.contains("et al")
            || tail.ends_with("等")
            || tail.ends_with("等人")
            || last_word.starts_with(char::is_uppercase))
}

/// Words that may follow a year that dates a publication ("proposed in 2014 by", "In 2017,
/// Vaswani", "his 1927 paper"); any other word makes the year part of a name or a modifier
/// ("the ILSVRC 2010 test set", "the 2020 CASP14 assessment").
/// Nouns naming a publication: "Hubble's 1927 paper", "the 1973 review".
const PUBLICATION_NOUNS: &[&str] = &[
    "paper",
    "papers",
    "article",
    "study",
    "review",
    "report",
    "note",
    "book",
    "monograph",
    "thesis",
    "survey",
    "letter",
    "essay",
    "treatise",
    "textbook",
];

const AFTER_YEAR: &[&str] = &[
    "by",
    "and",
    "or",
    "at",
    "in",
    "on",
    "with",
    "when",
    "while",
    "as",
    "to",
    "for",
    "after",
    "before",
    "from",
    "that",
    "which",
    "where",
    "the",
    "a",
    "an",
    "it",
    "they",
    "he",
    "she",
    "we",
    "this",
    "these",
    "their",
    "his",
    "her",
    "its",
    "conference",
    "workshop",
    "edition",
    "issue",
    "proceedings",
    "version",
    "work",
    "was",
    "is",
    "were",
    "has",
    "had",
    "proposed",
    "introduced",
    "published",
    "presented",
];

fn is_about_proposal_date(text: &str, y: &Range<usize>) -> bool {
    let next_word: String = text[y.end..]
        .trim_start_matches([' ', '\u{a0}'])
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric())
        .collect();
    let next = next_word.to_lowercase();
    if !next.is_empty()
        && !AFTER_YEAR.contains(&next.as_str())
        && !PUBLICATION_NOUNS.contains(&next.as_str())
    {
        return false;
    }
    // "ILSVRC 2010": a year right after an all-capitals name is part of that name.
    let prev_word: String = text[..y.start]
        .trim_end()
        .chars()
        .rev()
        .take_while(|c| c.is_ascii_alphanumeric())
        .collect();
    if prev_word.len() >= 2
        && prev_word
            .chars()
            .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit())
    {
        return false;
    }
    // Only the word before the year is read (the block before it may be long), and of a
    // word longer than those it is compared with only one character more than the longest
    // (Chinese has no spaces: the word may be the whole paragraph). White space bounds case
    // folding's context, so folding the word alone folds it as in the block; the words
    // compared have no letter whose folding looks further back (a Greek sigma).
    let before = text[..y.start].trim_end();
    let start = before
        .char_indices()
        .rev()
        .take(LONGEST_BEFORE + 1)
        .take_while(|(_, c)| !c.is_whitespace())
        .last()
        .map_or(before.len(), |(i, _)| i);
    let word_before = before[start..].to_lowercase();
    let after = &text[y.end..];
    let blocked_before = BEFORE_NOT_PROPOSAL.iter().any(|w| {
        word_before == *w || (w.chars().all(|c| !c.is_ascii()) && word_before.ends_with(w))
    });
    let blocked_after = AFTER_NOT_PROPOSAL.iter().any(|w| after.starts_with(w));
    !blocked_before && !blocked_after
}

/// "Hubble's 1927 paper", "Fama's 1973 review", "1886 年发表的计算": the year dates a
/// publication named right after it.
fn names_publication(text: &str, y: &Range<usize>) -> bool {
    const CJK_NOUNS: &[&str] = &["论文", "文章", "综述", "专著", "报告"];
    // Only the next few words matter; the rest of the block may be long.
    let after: String = text[y.end..]
        .trim_start()
        .trim_start_matches('年')
        .chars()
        .take(40)
        .collect::<String>()
        .to_lowercase();
    let words: Vec<&str> = after.split_whitespace().take(3).collect();
    let head: String = after.chars().take(8).collect();
    words
        .iter()
        .any(|w| PUBLICATION_NOUNS.contains(&w.trim_end_matches(|c: char| !c.is_alphanumeric())))
        || CJK_NOUNS.iter().any(|n| head.contains(n))
}

fn starts_with_pronoun(text: &str, clause: &Range<usize>) -> bool {
    let t = text[clause.clone()].trim_start();
    ["它", "其", "该", "这", "this ", "it ", "they ", "which "]
        .iter()
        .any(|p| t.to_lowercase().starts_with(p))
}

fn has_proposal(text: &str, clause: &Range<usize>, rules: &Rules) -> bool {
    let lower = text[clause.clone()].to_lowercase();
    rules
        .proposal_words
        .iter()
        .any(|w| contains_word(&lower, &w.to_lowercase()))
}

fn starts_with_proposal(text: &str, clause: &Range<usize>, rules: &Rules) -> bool {
    let lower = text[clause.clone()].trim_start().to_lowercase();
    rules
        .proposal_words
        .iter()
        .any(|w| lower.starts_with(&w.to_lowercase()))
}

/// An opening clause holding little but the year: "In 2017", "2014年", "在2015年的ICLR上".
fn is_opening(
    text: &str,
    sentence: &Range<usize>,
    clause: &Range<usize>,
    y: &Range<usize>,
) -> bool {
    if clause.start > sentence.start + 3 {
        return false;
    }
    let rest = format!(
        "{}{}",
        &text[clause.start..y.start],
        &text[y.end..clause.end]
    );
    rest.chars().filter(|c| c.is_alphanumeric()).count() <= 12
}

/// Whether `needle` occurs in `hay` as a word (CJK needles match anywhere).
pub fn contains_word(hay: &str, needle: &str) -> bool {
    if needle.chars().any(crate::document::sentences::is_cjk) {
        return hay.contains(needle);
    }
    // An empty word (possible in a user's rules file) is no word.
    if needle.is_empty() {
        return false;
    }
    let mut from = 0;
    while let Some(p) = hay[from..].find(needle) {
        let at = from + p;
        let end = at + needle.len();
        let before_ok = hay[..at]
            .chars()
            .next_back()
            .is_none_or(|c| !c.is_alphanumeric());
        let after_ok = hay[end..]
            .chars()
            .next()
            .is_none_or(|c| !c.is_alphanumeric());
        if before_ok && after_ok {
            return true;
        }
        from = end;
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_before_a_year_are_short_and_fold_alone() {
        let longest = BEFORE_NOT_PROPOSAL.iter().map(|w| w.chars().count()).max();
        assert_eq!(longest, Some(LONGEST_BEFORE));
        assert!(
            BEFORE_NOT_PROPOSAL
                .iter()
                .all(|w| !w.contains(['σ', 'ς', 'Σ']))
        );
    }

    #[test]
    fn seed_sentence() {
        let text = "# T\n\n流模型[3]于2014年被Yoshua Bengio等人提出。\n\n## 参考文献\n\n1. A. X. 2015.\n2. B. Y. 2015.\n3. Laurent Dinh. NICE. ICLR, 2015.\n";
        let rules = Rules::defaults().unwrap();
        let doc = Document::parse(text, &rules.model_options());
        let b = &doc.blocks[1];
        eprintln!("{:?} {:?}", b.text, b.sentences);
        eprintln!("{:?}", years_in(&b.text, b.sentences[0].clone()));
        eprintln!("proposal words {}", rules.proposal_words.len());
        let subjects = Subjects::build(&doc, &rules);
        let claims = extract(&doc, &subjects, &rules);
        assert_eq!(claims.len(), 1);
    }

    #[test]
    fn publication_noun() {
        let text = "# T\n\nArrhenius于1886年发表的计算[1]首次定量估计了影响。\n\n## 参考文献\n\n1. Arrhenius S. On the Influence of Carbonic Acid. Philosophical Magazine, 1896.\n";
        let rules = Rules::defaults().unwrap();
        let doc = Document::parse(text, &rules.model_options());
        let subjects = Subjects::build(&doc, &rules);
        let claims = extract(&doc, &subjects, &rules);
        assert_eq!(claims.len(), 1);
        let bib = doc.bibliography.as_ref().unwrap();
        assert_eq!(bib.entries[0].parsed.year.as_ref().map(|y| y.0), Some(1896));
    }
}
