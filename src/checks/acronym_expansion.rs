use super::{Check, CheckMeta, Context, declare_check};
use crate::diagnostic::{Applicability, Diagnostic, Edit, Fix};
use crate::extract::acronyms::letters::Fit;
use crate::extract::acronyms::letters::{
    can_abbreviate, initials, is_acronym, is_function_word, singular,
};
use crate::extract::acronyms::{Definition, definitions};
use crate::hash::{HashMap, HashSet};
use std::ops::Range;

declare_check! {
    /// An acronym spelled out wrongly: letters that do not fit, two expansions, or an
    /// expansion that contradicts the glossary.
    ///
    /// Definitions are read from `Full Name (ABBR)`, `ABBR (Full Name)`,
    /// `中文（Full Name，ABBR）`, `ABBR的全称是Full Name` and `ABBR stands for Full Name`.
    /// Three problems are reported: an expansion whose words cannot produce the acronym
    /// (`Transmission Control Protocol (TPC)`); an acronym expanded a second, different way
    /// in the same document; and an expansion close to, but not one of, the glossary's
    /// (`acronyms` in the rules) — `Reward Learning from Human Feedback (RLHF)` where the
    /// glossary says Reinforcement Learning from Human Feedback. An expansion that shares
    /// little with the glossary's is taken as another meaning of the acronym.
    ///
    /// Letters may come from CamelCase humps (`AutoEncoder`), hyphenated parts
    /// (`Pre-trained`), function words (`Internet of Things`, IoT) and, when needed, inner
    /// letters (`Hypertext Transfer Protocol`, HTTP). Plurals (`CNNs`) and case, hyphens and
    /// function words of the expansion are not differences.
    ///
    /// Not flagged: `卷积神经网络（CNN）`, `a tool (GCC)`, `(see Fig. 2)`.
    pub struct AcronymExpansion {
        id: "acronym-expansion",
        category: Acronym,
        severity: Warning,
    }
}

impl Check for AcronymExpansion {
    fn meta(&self) -> &'static CheckMeta {
        &Self::META
    }

    fn run(&self, ctx: &Context<'_, '_>, out: &mut Vec<Diagnostic>) {
        let mut first: HashMap<&str, &Definition> = HashMap::default();
        let mut reported: HashSet<(&str, String)> = HashSet::default();
        let mut known: Option<HashMap<String, &str>> = None;
        let defs = definitions(ctx.doc);
        for d in &defs {
            let listed = glossary(ctx, &d.acronym);
            let in_glossary = listed.is_some_and(|l| l.iter().any(|e| same(e, &d.expansion)));
            if let Some((wider, range)) = &d.wider
                && !in_glossary
                && !can_abbreviate(wider, &d.acronym)
            {
                let known = known.get_or_insert_with(|| known_names(ctx));
                if let Some(other) = known.get(&normalize(wider).concat()) {
                    out.push(cannot_produce(ctx, d, wider, range.clone(), Some(other)));
                    continue;
                }
            }
            if d.fit == Fit::None && !in_glossary {
                let range = d.expansion_range.clone();
                out.push(cannot_produce(ctx, d, &d.expansion, range, None));
                continue;
            }
            if d.fit != Fit::Strict {
                // Inner letters make a weak definition (`ECC (error correcting)`).
                continue;
            }
            if let Some(listed) = listed.filter(|_| !in_glossary)
                && let Some(d) = contradicts_glossary(ctx, d, listed)
            {
                out.push(d);
                continue;
            }
            if compound(&d.expansion) {
                // `Region-based CNNs (R-CNN)`: names built on another acronym vary freely.
                continue;
            }
            match first.get(d.acronym.as_str()) {
                None => {
                    first.insert(&d.acronym, d);
                }
                Some(f) if !same(&f.expansion, &d.expansion) => {
                    if reported.insert((&d.acronym, normalize(&d.expansion).concat())) {
                        out.push(two_ways(ctx, f, d));
                    }
                }
                Some(_) => {}
            }
        }
    }
}

/// Whether two expansions are the same name: equal once normalised, or spelled alike but
/// for case, spaces and hyphens (`PipelineParallelism`).
fn same(a: &str, b: &str) -> bool {
    let squash = |s: &str| -> String {
        s.split_whitespace()
            .filter(|w| !is_function_word(w))
            .flat_map(str::chars)
            .filter(|c| c.is_alphanumeric())
            .flat_map(char::to_lowercase)
            .collect()
    };
    let (a_words, b_words) = (normalize(a), normalize(b));
    let alike =
        a_words.len() == b_words.len() && a_words.iter().zip(&b_words).all(|(x, y)| word_eq(x, y));
    alike || squash(a) == squash(b)
}

/// Normalised words that name the same thing: equal, or one cut short of the other
/// (`Nets` for Network).
fn word_eq(a: &str, b: &str) -> bool {
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    short.len() >= 3 && long.starts_with(short) || a == b
}

/// Whether an expansion contains an acronym (`Region-based CNNs`).
fn compound(expansion: &str) -> bool {
    expansion
        .split(|c: char| !c.is_ascii_alphanumeric())
        .any(|t| is_acronym(singular(t)))
}

/// Every glossary expansion, normalised, with its acronym.
fn known_names<'r>(ctx: &Context<'r, '_>) -> HashMap<String, &'r str> {
    let mut out = HashMap::default();
    for (acronym, expansions) in &ctx.rules.acronyms {
        for e in expansions {
            out.insert(normalize(e).concat(), acronym.as_str());
        }
    }
    out
}

fn cannot_produce(
    ctx: &Context<'_, '_>,
    d: &Definition,
    expansion: &str,
    range: Range<usize>,
    known: Option<&str>,
) -> Diagnostic {
    let spelled = initials(expansion);
    let capitals = d.acronym.chars().filter(char::is_ascii_uppercase).count();
    let help = match known {
        Some(other) => format!("the glossary abbreviates \"{expansion}\" as {other}"),
        None if spelled.len() == capitals => {
            format!("its initials spell \"{spelled}\"; correct the acronym or the expansion")
        }
        None => "correct the acronym or the expansion".to_string(),
    };
    ctx.diagnostic(
        range,
        format!("\"{expansion}\" cannot be abbreviated \"{}\"", d.acronym),
    )
    .with_related(d.acronym_range.clone(), "the acronym")
    .with_help(help)
}

fn two_ways(ctx: &Context<'_, '_>, first: &Definition, d: &Definition) -> Diagnostic {
    ctx.diagnostic(
        d.expansion_range.clone(),
        format!(
            "{} is expanded two ways: \"{}\" and \"{}\"",
            d.acronym, first.expansion, d.expansion
        ),
    )
    .with_related(
        first.expansion_range.clone(),
        format!("first expanded as \"{}\"", first.expansion),
    )
    .with_help(format!(
        "use one expansion of {} throughout the document",
        d.acronym
    ))
}

/// The glossary's expansions of an acronym (matched case-insensitively when not listed as
/// written).
fn glossary<'r>(ctx: &Context<'r, '_>, acronym: &str) -> Option<&'r [String]> {
    let rules = ctx.rules;
    rules
        .acronyms
        .get(acronym)
        .or_else(|| {
            rules
                .acronyms
                .iter()
                .find(|(k, _)| k.eq_ignore_ascii_case(acronym))
                .map(|(_, v)| v)
        })
        .map(Vec::as_slice)
}

/// An expansion close to one of the glossary's but none of them (the caller has checked it
/// is not listed).
fn contradicts_glossary(
    ctx: &Context<'_, '_>,
    d: &Definition,
    expansions: &[String],
) -> Option<Diagnostic> {
    let words = normalize(&d.expansion);
    let listed: Vec<Vec<String>> = expansions.iter().map(|e| normalize(e)).collect();
    if listed.iter().any(|l| shortened(&words, l)) {
        return None;
    }
    let closest = expansions
        .iter()
        .zip(&listed)
        .filter_map(|(e, l)| Some((close(&words, l)?, e)))
        .max_by_key(|(common, _)| *common)?
        .1;
    let mut diagnostic = ctx
        .diagnostic(
            d.expansion_range.clone(),
            format!(
                "{} is expanded \"{}\" here but the glossary says \"{}\"",
                d.acronym, d.expansion, closest
            ),
        )
        .with_help(format!("write \"{closest}\""));
    if ctx.doc.text.get(d.expansion_range.clone()) == Some(d.expansion.as_str()) {
        diagnostic = diagnostic.with_fix(Fix {
            message: format!("replace with \"{closest}\""),
            applicability: Applicability::Unsafe,
            edits: vec![Edit {
                range: d.expansion_range.clone(),
                replacement: closest.clone(),
            }],
        });
    }
    Some(diagnostic)
}

/// The content words of an expansion, lower-cased and stemmed, split at hyphens: `Pre-trained
/// Transformers` and `pretrained transformer` normalise alike once concatenated, and so do
/// inflections (`graphical`/`graphics`, `square`/`squared`, `Engineer`/`Engineering`).
fn normalize(expansion: &str) -> Vec<String> {
    expansion
        .split(|c: char| c.is_whitespace() || matches!(c, '/' | '-' | '‐' | '–'))
        .filter(|w| !is_function_word(w))
        .map(|w| {
            let w: String = w
                .chars()
                .filter(|c| c.is_alphanumeric())
                .flat_map(char::to_lowercase)
                .collect();
            stem(&w.replace("isation", "ization"))
        })
        .filter(|w| !w.is_empty())
        .collect()
}

fn stem(word: &str) -> String {
    let mut w = word;
    'strip: loop {
        for suffix in ["ing", "ical", "ics", "al", "ed", "er", "es", "e", "s"] {
            if let Some(rest) = w.strip_suffix(suffix)
                && rest.len() >= if suffix == "s" { 3 } else { 4 }
            {
                w = rest;
                continue 'strip;
            }
        }
        return w.to_string();
    }
}

/// Whether `a` is `b` with words left out, the rest in order (`generative pre-training` for
/// Generative Pre-trained Transformer): shortened, not contradictory.
fn shortened(a: &[String], b: &[String]) -> bool {
    let mut rest = b.iter();
    a.len() < b.len() && a.iter().all(|w| rest.any(|x| word_eq(x, w)))
}

/// How many words of `a` have a match of their own in `b`.
fn shared(a: &[String], b: &[String]) -> usize {
    let mut rest: Vec<&String> = b.iter().collect();
    let mut common = 0;
    for w in a {
        if let Some(i) = rest.iter().position(|x| word_eq(x, w)) {
            rest.swap_remove(i);
            common += 1;
        }
    }
    common
}

/// The number of shared words when two expansions are near-identical: the same number of
/// words with at least half of them shared, or all words but one shared.
fn close(a: &[String], b: &[String]) -> Option<usize> {
    let common = shared(a, b);
    let longest = a.len().max(b.len());
    let near = (a.len() == b.len() && 2 * common >= longest) || common + 1 >= longest;
    (common >= 2 && near).then_some(common)
}
