//! Acronym definitions: where a text spells out an acronym, in English or in a Chinese gloss.
//!
//! Forms read (in prose blocks and headings; never in code, URLs or the bibliography):
//! `Full Name (ABBR)`, `ABBR (Full Name)`, `中文（Full Name，ABBR）`, `（ABBR，Full Name）`,
//! `ABBR的全称是Full Name`, `ABBR stands for Full Name`, `ABBR, short for Full Name`.
//! Where the text does not mark where the full name starts, it is the shortest run of words
//! before the parenthesis that can produce the acronym; when none can, a run of capitalised
//! words is taken only if it was clearly meant as the expansion (see
//! [`letters::looks_intended`]), since `a tool (GCC)` is no definition at all.

pub mod letters;

use super::prose_blocks;
use crate::document::Document;
use crate::document::sentences::is_cjk;
use letters::{
    Fit, can_abbreviate, fit, is_acronym, is_anagram, is_function_word, looks_intended, singular,
};
use regex::Regex;
use std::ops::Range;
use std::sync::LazyLock;

/// One place where an acronym is spelled out. Ranges are source byte ranges.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Definition {
    /// The acronym as written, without a plural `s`.
    pub acronym: String,
    pub acronym_range: Range<usize>,
    pub expansion: String,
    pub expansion_range: Range<usize>,
    /// How the expansion produces the acronym's letters ([`Fit::None`]: it cannot).
    pub fit: Fit,
    /// A longer run of capitalised words ending where the expansion ends, which may be the
    /// name the writer meant (`Number Needed to Treat (NTT)` fits from `Needed` on).
    pub wider: Option<(String, Range<usize>)>,
}

/// Every acronym definition of the document, in reading order.
pub fn definitions(doc: &Document<'_>) -> Vec<Definition> {
    let mut out = Vec::new();
    for (_, block) in prose_blocks(doc, true) {
        let mut found = Vec::new();
        parentheses(&block.text, &mut found);
        phrases(&block.text, &mut found);
        found.sort_by_key(|f| f.expansion.start);
        out.extend(found.into_iter().map(|f| {
            Definition {
                acronym: singular(&block.text[f.acronym.clone()]).to_string(),
                acronym_range: block.source_range(f.acronym),
                expansion: block.text[f.expansion.clone()].to_string(),
                expansion_range: block.source_range(f.expansion),
                fit: f.fit,
                wider: f
                    .wider
                    .map(|w| (block.text[w.clone()].to_string(), block.source_range(w))),
            }
        }));
    }
    out
}

/// A definition in block-text coordinates.
struct Found {
    acronym: Range<usize>,
    expansion: Range<usize>,
    fit: Fit,
    wider: Option<Range<usize>>,
}

/// A definition with explicit bounds. A leading or trailing qualifier word may be left out
/// of the letters (`Automatic Question Answering (QA)`, `Fully Connected Network (FC)`);
/// the expansion is then the part that fits. A misfit is kept only when `report` allows and
/// it was clearly meant as the expansion.
fn found(
    text: &str,
    acronym: Range<usize>,
    expansion: Range<usize>,
    report: bool,
) -> Option<Found> {
    let token = &text[acronym.clone()];
    let abbr = singular(token);
    let exp = &text[expansion.clone()];
    if exp.contains(abbr) {
        // `Symbolic AI`, `Text-to-SQL`, `GPUs`: a name built on the acronym, or an aside.
        return None;
    }
    let words = word_ranges(text, expansion.clone());
    let content: Vec<usize> = (0..words.len())
        .filter(|&i| !is_function_word(&text[words[i].clone()]))
        .collect();
    let mut candidates = vec![expansion.clone()];
    if content.len() >= 3 {
        candidates.push(words[content[1]].start..expansion.end);
        candidates.push(expansion.start..words[content[content.len() - 2]].end);
    }
    for (k, c) in candidates.into_iter().enumerate() {
        let Some(fitting) = fits(text, c, abbr, token != abbr) else {
            continue;
        };
        let fit = fit(&text[fitting.clone()], abbr);
        // Leaving out a word is fair only when the rest fits by initials.
        if k == 0 || fit == Fit::Strict {
            return Some(Found {
                acronym,
                expansion: fitting,
                fit,
                wider: None,
            });
        }
    }
    (report && looks_intended(exp, abbr)).then_some(Found {
        acronym,
        expansion,
        fit: Fit::None,
        wider: None,
    })
}

/// The range itself if it produces the acronym, or, for a plural acronym (`FLOPs`), the
/// range without its last, plural word (`Floating Point Operations`).
fn fits(text: &str, range: Range<usize>, acronym: &str, plural: bool) -> Option<Range<usize>> {
    if can_abbreviate(&text[range.clone()], acronym) {
        return Some(range);
    }
    let words = word_ranges(text, range.clone());
    let (last, rest) = words.split_last()?;
    let head = range.start..rest.last()?.end;
    (plural && text[last.clone()].ends_with('s') && can_abbreviate(&text[head.clone()], acronym))
        .then_some(head)
}

/// Latin-script word characters; an expansion is a run of these, spaces and joiners.
fn is_latin(c: char) -> bool {
    c.is_alphanumeric() && !is_cjk(c) && c != '\u{FFFC}'
}

fn is_joiner(c: char) -> bool {
    matches!(c, '-' | '‐' | '–' | '/' | '\'' | '’')
}

/// The whitespace-separated words of `text[range]`, as ranges.
fn word_ranges(text: &str, range: Range<usize>) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in text[range.clone()].char_indices() {
        let at = range.start + i;
        match (c.is_whitespace(), start) {
            (false, None) => start = Some(at),
            (true, Some(s)) => {
                out.push(s..at);
                start = None;
            }
            _ => {}
        }
    }
    if let Some(s) = start {
        out.push(s..range.end);
    }
    out.into_iter()
        .filter_map(|r| {
            let w = &text[r.clone()];
            let t = w.trim_matches(|c: char| !is_latin(c));
            let s = r.start + (w.len() - w.trim_start_matches(|c: char| !is_latin(c)).len());
            (!t.is_empty()).then(|| s..s + t.len())
        })
        .collect()
}

/// A whole-token acronym at `range` (no Latin letter glued on either side).
fn acronym_at(text: &str, range: Range<usize>) -> bool {
    let before = text[..range.start].chars().next_back();
    let after = text[range.end..].chars().next();
    let glued = |c: Option<char>| c.is_some_and(|c| is_latin(c) || c == '-');
    !glued(before) && !glued(after) && is_acronym(singular(&text[range]))
}

const OPEN: [char; 2] = ['(', '（'];
const CLOSE: [char; 2] = [')', '）'];

/// `Full Name (ABBR)`, `ABBR (Full Name)` and the comma glosses, for each parenthesis.
fn parentheses(text: &str, out: &mut Vec<Found>) {
    for paren in crate::pattern::open_parens(text) {
        let (open, inner_start) = (paren.start, paren.end);
        let Some(len) = text[inner_start..].find(|c| CLOSE.contains(&c) || OPEN.contains(&c))
        else {
            continue;
        };
        let inner = inner_start..inner_start + len;
        if !text[inner.end..].starts_with(CLOSE) {
            continue;
        }
        let content = trim(text, inner);
        if acronym_at(text, content.clone()) {
            out.extend(name_before(text, open, content));
        } else if let Some(f) = gloss(text, content.clone()) {
            out.push(f);
        } else if let Some(abbr) = acronym_before(text, open) {
            let exp = strip_prefix(text, content, &NAME_PREFIXES);
            let phrase = &text[exp.clone()];
            let lead = phrase.split_whitespace().next().unwrap_or("");
            let aside = is_function_word(lead) && !matches!(lead, "the" | "a" | "an");
            if latin_phrase(phrase) && !aside {
                // An aside in parentheses is no definition: report only Title-Case names.
                out.extend(found(text, abbr, exp, title_case(phrase)));
            }
        }
    }
}

/// The acronym token right before `at` (spaces and a citation like `[8]` may come between).
fn acronym_before(text: &str, at: usize) -> Option<Range<usize>> {
    let head = text[..at].trim_end();
    let head = match head.strip_suffix(']') {
        Some(h) if h.ends_with(|c: char| c.is_ascii_digit()) => h
            .trim_end_matches(|c: char| c.is_ascii_digit() || matches!(c, ',' | ' ' | '-' | '–'))
            .strip_suffix('[')?,
        _ => head,
    };
    let start = head
        .char_indices()
        .rev()
        .take_while(|&(_, c)| c.is_ascii_alphanumeric() || c == '-')
        .last()
        .map(|(i, _)| i)?;
    acronym_at(text, start..head.len()).then_some(start..head.len())
}

/// `Full Name (ABBR)`: the shortest run of words before the parenthesis that produces the
/// acronym, or, when none does, a Title-Case run clearly meant as its expansion. A run that
/// fits only by inner letters gives way to a longer Title-Case run whose initials are the
/// acronym's letters reordered (`Serializable Snapshot Isolation (SIS)`).
fn name_before(text: &str, open: usize, abbr: Range<usize>) -> Option<Found> {
    let head_end = text[..open].trim_end().len();
    let run_start = text[..head_end]
        .char_indices()
        .rev()
        .take_while(|&(_, c)| is_latin(c) || is_joiner(c) || c == ' ')
        .last()
        .map(|(i, _)| i)?;
    let words = word_ranges(text, run_start..head_end);
    let token = &text[abbr.clone()];
    let acronym = singular(token);
    let tail = &words[words.len().saturating_sub(acronym.len() + 5)..];
    let titled = title_run(text, tail, acronym).map(|start| start..head_end);
    let misfit = |exp: Range<usize>| {
        let e = &text[exp.clone()];
        (!e.contains(acronym) && looks_intended(e, acronym)).then_some(Found {
            acronym: abbr.clone(),
            expansion: exp,
            fit: Fit::None,
            wider: None,
        })
    };
    // The shortest suffix that fits by initials, else by inner letters, else (`Proximal
    // Policy Optimization Algorithms (PPO)`) without a trailing head noun.
    let suffix = |last: usize, lenient: bool| {
        (0..=last).rev().find_map(|k| {
            let exp = fits(
                text,
                tail[k].start..tail[last].end,
                acronym,
                token != acronym,
            )?;
            let f = fit(&text[exp.clone()], acronym);
            (f == Fit::Strict || lenient).then_some((exp, f))
        })
    };
    let last = tail.len().checked_sub(1)?;
    let best = suffix(last, false)
        .or_else(|| suffix(last, true))
        .or_else(|| suffix(last.checked_sub(1)?, false));
    if let Some((exp, f)) = best {
        if let Some(t) = titled.clone().filter(|t| t.start < exp.start) {
            let wider = &text[t.clone()];
            if f == Fit::Lenient && is_anagram(wider, acronym) && !can_abbreviate(wider, acronym) {
                return misfit(t);
            }
        }
        return Some(Found {
            wider: titled.filter(|t| t.start < exp.start),
            acronym: abbr,
            expansion: exp,
            fit: f,
        });
    }
    let titled = titled?;
    // `… Between Value and Policy Based Reinforcement Learning (PCL)`: a longer title.
    let before = words.iter().filter(|w| w.start < titled.start).count();
    let continues = words[1.min(before)..before]
        .iter()
        .rev()
        .map(|w| &text[w.clone()])
        .find(|w| !is_function_word(w))
        .is_some_and(|w| {
            w.starts_with(char::is_uppercase)
                && !is_acronym(w)
                && !w.ends_with("'s")
                && !w.ends_with("’s")
        });
    if continues {
        return None;
    }
    misfit(titled)
}

/// The start of the capitalised words that end `words`: as many content words as the
/// acronym has capitals, or one fewer (`State of Charge`, SOH).
fn title_run(text: &str, words: &[Range<usize>], acronym: &str) -> Option<usize> {
    let capitals = acronym
        .chars()
        .filter(|c| c.is_ascii_uppercase() || c.is_ascii_digit())
        .count();
    let mut content = 0;
    let mut first = None;
    for w in words.iter().rev() {
        let word = &text[w.clone()];
        if is_function_word(word) {
            continue;
        }
        if !word.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit()) {
            break;
        }
        content += 1;
        first = Some(w.start);
        if content == capitals {
            break;
        }
    }
    first.filter(|_| content >= 2 && content + 1 >= capitals)
}

/// `（Full Name，ABBR）` or `（ABBR，Full Name）`, in either language's punctuation.
fn gloss(text: &str, content: Range<usize>) -> Option<Found> {
    let body = &text[content.clone()];
    let mut commas = body.match_indices([',', '，']);
    let (comma, sep) = commas.next()?;
    if commas.next().is_some() {
        return None;
    }
    let left = trim(text, content.start..content.start + comma);
    let right = trim(text, content.start + comma + sep.len()..content.end);
    let (abbr, name) = if acronym_at(text, strip_prefix(text, right.clone(), &ABBR_PREFIXES)) {
        (strip_prefix(text, right, &ABBR_PREFIXES), left)
    } else if acronym_at(text, left.clone()) {
        (left, right)
    } else {
        return None;
    };
    let name = strip_prefix(text, name, &NAME_PREFIXES);
    if !latin_phrase(&text[name.clone()]) || is_acronym(&text[name.clone()]) {
        return None;
    }
    found(text, abbr, name, true)
}

/// Whether every content word is capitalised (`Accelerated Linear Algebra`).
fn title_case(phrase: &str) -> bool {
    phrase
        .split_whitespace()
        .filter(|w| !is_function_word(w))
        .all(|w| w.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit()))
}

/// A phrase of Latin words only (letters, digits, spaces, hyphens, slashes, apostrophes).
fn latin_phrase(s: &str) -> bool {
    s.chars().any(char::is_alphabetic) && s.chars().all(|c| is_latin(c) || is_joiner(c) || c == ' ')
}

const ABBR_PREFIXES: [&str; 5] = ["简称为", "简称", "缩写为", "缩写", "abbr."];
const NAME_PREFIXES: [&str; 10] = [
    "英文全称",
    "英文",
    "英语",
    "全称为",
    "全称是",
    "全称",
    "即",
    "English",
    "short for",
    "stands for",
];

fn strip_prefix(text: &str, range: Range<usize>, prefixes: &[&str]) -> Range<usize> {
    for p in prefixes {
        if let Some(rest) = text[range.clone()].strip_prefix(p) {
            let rest = rest.trim_start_matches([':', '：', ' ']);
            return trim(text, range.end - rest.len()..range.end);
        }
    }
    range
}

fn trim(text: &str, range: Range<usize>) -> Range<usize> {
    let s = &text[range.clone()];
    let start = range.start + (s.len() - s.trim_start().len());
    start..start + s.trim().len()
}

static PHRASE: LazyLock<Regex> = LazyLock::new(|| {
    crate::pattern::constant(
        r"^(?:\[[0-9,\s–-]+\])?\s*(?:的\s*(?:英文)?全称\s*(?:为|是|叫做|叫)?|(?:英文)?全称\s*(?:为|是|叫做|叫)?|,?\s*(?:which\s+|that\s+)?(?:(?:is|was|also)\s+)*(?:stands\s+for|short\s+for|an?\s+(?:acronym|abbreviation)\s+(?:for|of)))\s*[:：]?\s*(?:the\s+)?[“\x22]?",
    )
});

/// `ABBR的全称是Full Name`, `ABBR stands for Full Name`, `ABBR, short for Full Name`.
fn phrases(text: &str, out: &mut Vec<Found>) {
    // Every phrase of `PHRASE` holds one of these words: without them, nothing to find.
    // (Five vectorised substring searches, each built once, beat one automaton here.)
    static WORDS: LazyLock<[memchr::memmem::Finder<'static>; 5]> = LazyLock::new(|| {
        ["全称", "stands", "short", "acronym", "abbreviation"].map(memchr::memmem::Finder::new)
    });
    if !WORDS.iter().any(|w| w.find(text.as_bytes()).is_some()) {
        return;
    }
    let mut i = 0;
    while let Some(off) = text[i..].find(|c: char| c.is_ascii_alphanumeric()) {
        let start = i + off;
        let len = text[start..]
            .find(|c: char| !(c.is_ascii_alphanumeric() || c == '-'))
            .unwrap_or(text.len() - start);
        let token = start..start + len;
        i = token.end;
        if !acronym_at(text, token.clone()) {
            continue;
        }
        let Some(m) = PHRASE.find(&text[token.end..]) else {
            continue;
        };
        let run_start = token.end + m.end();
        let run_len = text[run_start..]
            .find(|c: char| !(is_latin(c) || is_joiner(c) || c == ' '))
            .unwrap_or(text.len() - run_start);
        let words = word_ranges(text, run_start..run_start + run_len);
        out.extend(name_after(text, token, &words));
    }
}

/// The longest run of words after a phrase that produces the acronym (without trailing
/// function words), or a Title-Case run clearly meant as its expansion.
fn name_after(text: &str, abbr: Range<usize>, words: &[Range<usize>]) -> Option<Found> {
    let acronym = singular(&text[abbr.clone()]);
    let words = &words[..words.len().min(acronym.len() + 5)];
    for k in (1..=words.len()).rev() {
        if is_function_word(&text[words[k - 1].clone()]) {
            continue;
        }
        let exp = words[0].start..words[k - 1].end;
        let fit = fit(&text[exp.clone()], acronym);
        if fit != Fit::None {
            return Some(Found {
                acronym: abbr,
                expansion: exp,
                fit,
                wider: None,
            });
        }
    }
    let capitalised = words
        .iter()
        .take_while(|w| {
            let word = &text[(*w).clone()];
            is_function_word(word) || word.starts_with(|c: char| c.is_uppercase())
        })
        .filter(|w| !is_function_word(&text[(*w).clone()]))
        .last()?;
    found(text, abbr, words[0].start..capitalised.end, true)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::ModelOptions;

    fn defs(text: &str) -> Vec<(String, String, bool)> {
        let doc = Document::parse(text, &ModelOptions::default());
        definitions(&doc)
            .into_iter()
            .map(|d| (d.acronym, d.expansion, d.fit != Fit::None))
            .collect()
    }

    #[test]
    fn every_phrase_form_passes_the_phrase_word_filter() {
        let forms = [
            "KV stands for Key Value.",
            "KV, short for Key Value, is used.",
            "KV is an acronym for Key Value.",
            "KV is an abbreviation of Key Value.",
            "KV的全称是Key Value。",
            "KV全称为Key Value。",
        ];
        for text in forms {
            let found = defs(&format!("{text}\n"));
            assert!(
                found.iter().any(|(a, e, _)| a == "KV" && e == "Key Value"),
                "{text}: {found:?}"
            );
        }
    }

    fn one(acronym: &str, expansion: &str, valid: bool) -> Vec<(String, String, bool)> {
        vec![(acronym.to_string(), expansion.to_string(), valid)]
    }

    #[test]
    fn reads_each_form() {
        let t = "We use the Transmission Control Protocol (TCP) here.";
        assert_eq!(defs(t), one("TCP", "Transmission Control Protocol", true));
        let t = "Each Transmission Control Protocol (TPC) segment.";
        assert_eq!(defs(t), one("TPC", "Transmission Control Protocol", false));
        let t = "The GPU (graphics processing unit) renders.";
        assert_eq!(defs(t), one("GPU", "graphics processing unit", true));
        let t = "基于人类反馈的强化学习（Reward Learning from Human Feedback，RLHF）很重要。";
        assert_eq!(
            defs(t),
            one("RLHF", "Reward Learning from Human Feedback", true)
        );
        let t = "强化学习（RL，Reinforcement Learning）是一种范式。";
        assert_eq!(defs(t), one("RL", "Reinforcement Learning", true));
        let t = "GPT[8]的全称为Generative Pre-trained Transformer,其结构基于Transformer。";
        assert_eq!(
            defs(t),
            one("GPT", "Generative Pre-trained Transformer", true)
        );
        let t = "HTTP stands for Hypertext Transfer Protocol and is old.";
        assert_eq!(defs(t), one("HTTP", "Hypertext Transfer Protocol", true));
        let t = "Cahill closed it with Serializable Snapshot Isolation (SIS), which aborts.";
        assert_eq!(
            defs(t),
            one("SIS", "Serializable Snapshot Isolation", false)
        );
        let t = "They estimate the State of Charge (SOH) from voltage.";
        assert_eq!(defs(t), one("SOH", "State of Charge", false));
        let t = "基于Latent Diffusion Models(LDMs)的模型";
        assert_eq!(defs(t), one("LDM", "Latent Diffusion Models", true));
    }

    #[test]
    fn ignores_non_definitions() {
        for t in [
            "We compile it with a tool (GCC) first.",
            "卷积神经网络（CNN）很常见。",
            "The CNN (see Fig. 2) works.",
            "Results on Standard Benchmarks (GLUE) are shown.",
            "We use `Transmission Control Protocol (TPC)` in code.",
        ] {
            assert!(defs(t).is_empty(), "{t}: {:?}", defs(t));
        }
    }
}
