//! Attributions: prose that names the people behind a cited work (`Vaswani et al. [5]`,
//! `Yoshua Bengio等人提出[3]`, `由Kingma和Welling于2014年提出`, `proposed by Hoare [3]`).

use super::subjects::{SoleCited, Subjects};
use super::text::clauses;
use crate::document::sentences::is_cjk;
use crate::document::{Document, RefKey};
use crate::hash::HashMap;
use crate::rules::Rules;
use regex::Regex;
use std::ops::Range;
use std::sync::LazyLock;

#[derive(Debug, Clone)]
pub struct Attribution {
    pub block: usize,
    /// The first person named, as written, and its source range.
    pub name: String,
    pub range: Range<usize>,
    /// Everyone named after the first (`Rivest, Shamir and Adleman`), with source ranges.
    pub others: Vec<(String, Range<usize>)>,
    pub subject: RefKey,
    /// A bare surname before a citation (`Mendel [1] crossed…`): it may be the name of a
    /// method rather than a person, so only its spelling is compared.
    pub spelling_only: bool,
}

/// A Latin-script personal name of one to four words: `Ian GoodFellow`, `J. Dean`,
/// `van der Waals`, `Pouget-Abadie`, `O'Neil`.
const NAME: &str = r"(?:(?:[A-Z][\p{Latin}'’\-]*\.?|van|von|de|der|den|da|di|le|la|du)\s+){0,3}[A-Z][\p{Ll}\p{Lu}'’\-]*\p{Ll}[\p{Latin}'’\-]*";

// The patterns end a word with `(?:$|\W)` where `\b` would do: the regex engine's fast
// (lazy DFA) path gives up on a Unicode word boundary as soon as it meets a non-ASCII byte,
// which Chinese text is full of. The groups are the same; the match takes the character
// after the word, which no name starts with.
static ET_AL: LazyLock<Regex> = LazyLock::new(|| {
    crate::pattern::constant(&format!(
        r"(?P<name>{NAME})\s*(?:et\s+al(?:$|\W)|等人|等(?:[提在于发设开]|\s*\[))"
    ))
});
static PAIR: LazyLock<Regex> = LazyLock::new(|| {
    crate::pattern::constant(&format!(
        r"(?:(?:由|by)\s*(?P<a>{NAME})\s*(?:and|&|和|与|及)\s*{NAME})|(?:(?P<b>{NAME})\s+(?:and|&)\s+{NAME}\s*\(\s*(?:19|20)\d\d)"
    ))
});
static LIST: LazyLock<Regex> = LazyLock::new(|| {
    crate::pattern::constant(&format!(
        r"(?P<list>{NAME}(?:\s*,\s*{NAME})*\s*,?\s*(?:and|&)\s*{NAME})\s*(?:\[|\(\s*(?:19|20)\d\d|['’]s?\s)"
    ))
});
static POSSESSIVE: LazyLock<Regex> = LazyLock::new(|| {
    crate::pattern::constant(&format!(
        r"(?P<name>{NAME})['’]s\s+(?:[\p{{L}}\d-]+\s+){{0,4}}?(?:paper|papers|note|comparison|study|article|model|formula|work|review|proof|algorithm|analysis|book|monograph|thesis|survey|report|framework|method|approach|protocol|design|argument|critique|lectures?|experiments?|textbook|treatise|essay|letter|derivation|construction|scheme|classic)(?:$|\W)"
    ))
});
static BARE: LazyLock<Regex> = LazyLock::new(|| {
    crate::pattern::constant(r"(?:^|[^\p{Latin}\d\-])(?P<name>[A-Z]\p{Ll}{3,})\s*\[\d")
});
static BY: LazyLock<Regex> = LazyLock::new(|| {
    crate::pattern::constant(&format!(
        r"(?:(?:proposed|introduced|developed|invented|presented|described|devised|designed|written|formulated|published)\s+by\s+(?P<a>{NAME}))|(?:由\s*(?P<b>{NAME})\s*[^，。,；;]{{0,20}}?(?:提出|发明|设计|开发|发表|编写|撰写|阐述|证明|给出|描述|报告|总结))"
    ))
});
static CJK_ET_AL: LazyLock<Regex> =
    LazyLock::new(|| crate::pattern::constant(r"(?P<name>\p{Han}{2,6})等人"));

pub fn extract(doc: &Document<'_>, subjects: &Subjects, rules: &Rules) -> Vec<Attribution> {
    let mut out = Vec::new();
    for (b, block) in super::prose_blocks(doc, false) {
        let text = &block.text;
        for sentence in &block.sentences {
            // The clauses, split only for a sentence that names someone, and per clause what
            // it cites from each citation on and what it is about, each read once however
            // many names the clause holds.
            let mut parts: Option<Vec<Range<usize>>> = None;
            let mut sole: HashMap<usize, SoleCited> = HashMap::default();
            let mut about: HashMap<usize, Option<RefKey>> = HashMap::default();
            // Names are read in the whole sentence ("Fischer, Lynch and Paterson [3]" spans
            // commas); what they are about is read in the clause where the names end.
            for (name_range, name, others, spelling_only) in named_in(text, sentence) {
                if !looks_like_person(&name, rules) {
                    continue;
                }
                let end = others.last().map_or(name_range.end, |(r, _)| r.end);
                // Clauses are in order and do not overlap.
                let parts = parts.get_or_insert_with(|| clauses(text, sentence.clone()));
                let k = parts.partition_point(|c| c.end < end);
                let Some(clause) = parts.get(k).filter(|c| c.start < end).cloned() else {
                    continue;
                };
                {
                    // The one reference cited after the name in its clause, else the one the
                    // clause is about.
                    let subject = sole
                        .entry(k)
                        .or_insert_with(|| subjects.sole_cited_from(doc, b, &clause))
                        .from(name_range.end)
                        .or_else(|| {
                            about
                                .entry(k)
                                .or_insert_with(|| subjects.about(doc, b, &clause))
                                .clone()
                        });
                    if let Some(subject) = subject {
                        out.push(Attribution {
                            block: b,
                            range: block.source_range(name_range),
                            name,
                            others: others
                                .into_iter()
                                .map(|(r, n)| (n, block.source_range(r)))
                                .collect(),
                            subject,
                            spelling_only,
                        });
                    }
                }
            }
        }
    }
    out
}

/// Names of a list ("Rivest, Shamir and Adleman"), with ranges relative to the list.
fn split_list(list: &str) -> Vec<(Range<usize>, String)> {
    let mut out = Vec::new();
    let mut start = 0;
    let bytes = list.len();
    let push = |s: usize, e: usize, out: &mut Vec<(Range<usize>, String)>| {
        let piece = &list[s..e];
        let t = piece
            .trim()
            .trim_start_matches("and ")
            .trim_start_matches("& ")
            .trim();
        if !t.is_empty() {
            let at = s + piece.find(t).unwrap_or(0);
            out.push((at..at + t.len(), t.to_string()));
        }
    };
    let mut i = 0;
    while i < bytes {
        let rest = &list[i..];
        let sep = if rest.starts_with(',') {
            1
        } else if rest.starts_with(" and ") {
            5
        } else if rest.starts_with(" & ") {
            3
        } else {
            0
        };
        if sep > 0 {
            push(start, i, &mut out);
            start = i + sep;
            i += sep;
        } else {
            i += rest.chars().next().map_or(1, char::len_utf8);
        }
    }
    push(start, bytes, &mut out);
    out
}

/// Literals that every match of some pattern contains. The patterns' Unicode classes and
/// word boundaries send the regex engine to its slow path on CJK text, so a clause without
/// the literals is not searched at all; the findings are the same.
struct Hints {
    /// An ASCII capital, which every Latin name starts with.
    latin: bool,
    /// `and` or `&`, which lists and pairs need.
    and: bool,
    /// `by` or `由`, which pairs and "proposed by" need.
    by: bool,
}

impl Hints {
    fn of(slice: &str) -> Hints {
        Hints {
            latin: slice.bytes().any(|b| b.is_ascii_uppercase()),
            and: slice.contains("and") || slice.contains('&'),
            by: slice.contains("by") || slice.contains('由'),
        }
    }
}

/// The pattern's matches in `slice`, or none without searching when `may_match` is false.
fn search<'h>(
    re: &Regex,
    slice: &'h str,
    may_match: bool,
) -> impl Iterator<Item = regex::Captures<'h>> {
    may_match
        .then(|| re.captures_iter(slice))
        .into_iter()
        .flatten()
}

/// A person named in a clause: (range, name, others, spelling only).
type Named = (Range<usize>, String, Vec<(Range<usize>, String)>, bool);

/// The people of each attribution pattern in a clause.
fn named_in(text: &str, clause: &Range<usize>) -> Vec<Named> {
    let slice = &text[clause.clone()];
    let hints = Hints::of(slice);
    let mut out: Vec<Named> = Vec::new();
    let mut covered: Vec<Range<usize>> = Vec::new();
    for caps in search(&LIST, slice, hints.latin && hints.and) {
        if let Some(m) = caps.name("list") {
            let names = split_list(m.as_str());
            let base = clause.start + m.start();
            covered.push(base..clause.start + m.end());
            let mut iter = names
                .into_iter()
                .map(|(r, n)| (base + r.start..base + r.end, n));
            if let Some((r, n)) = iter.next() {
                let (skip, name) = trim_leading_words(&n);
                let r = r.start + skip..r.end;
                out.push((r, name.to_string(), iter.collect(), false));
            }
        }
    }
    for (r, n) in names_in(text, clause, &hints) {
        if !covered.iter().any(|o| o.start < r.end && r.start < o.end) {
            covered.push(r.clone());
            out.push((r, n, Vec::new(), false));
        }
    }
    for caps in search(&BARE, slice, hints.latin && slice.contains('[')) {
        if let Some(m) = caps.name("name") {
            let r = clause.start + m.start()..clause.start + m.end();
            if !covered.iter().any(|o| o.start < r.end && r.start < o.end) {
                out.push((r, m.as_str().to_string(), Vec::new(), true));
            }
        }
    }
    out.sort_by_key(|(r, ..)| r.start);
    out
}

/// The first person of each single-name attribution pattern in a clause.
fn names_in(text: &str, clause: &Range<usize>, hints: &Hints) -> Vec<(Range<usize>, String)> {
    let slice = &text[clause.clone()];
    let mut out: Vec<(Range<usize>, String)> = Vec::new();
    let mut push = |m: regex::Match<'_>| {
        let r = clause.start + m.start()..clause.start + m.end();
        if !out.iter().any(|(o, _)| o.start < r.end && r.start < o.end) {
            out.push((r, m.as_str().to_string()));
        }
    };
    let latin = hints.latin;
    let possessive = slice.contains("'s") || slice.contains("’s");
    for caps in search(&POSSESSIVE, slice, latin && possessive) {
        if let Some(m) = caps.name("name") {
            push(m);
        }
    }
    let pair = hints.by || (hints.and && slice.contains('('));
    for caps in search(&PAIR, slice, latin && pair) {
        if let Some(m) = caps.name("a").or_else(|| caps.name("b")) {
            push(m);
        }
    }
    for caps in search(&BY, slice, latin && hints.by) {
        if let Some(m) = caps.name("a").or_else(|| caps.name("b")) {
            push(m);
        }
    }
    let et_al = slice.contains("et") || slice.contains('等');
    for caps in search(&ET_AL, slice, latin && et_al) {
        if let Some(m) = caps.name("name") {
            let (skip, name) = trim_leading_words(m.as_str());
            let start = clause.start + m.start() + skip;
            let r = start..start + name.len();
            if !name.is_empty() && !out.iter().any(|(o, _)| o.start < r.end && r.start < o.end) {
                out.push((r, name.to_string()));
            }
        }
    }
    for caps in search(&CJK_ET_AL, slice, slice.contains("等人")) {
        if let Some(m) = caps.name("name") {
            // "由何恺明等人": keep the name after the last particle.
            let s = m.as_str();
            let cut = s
                .char_indices()
                .filter(|(_, c)| "由被是和与在的了将为及".contains(*c))
                .map(|(i, c)| i + c.len_utf8())
                .next_back()
                .unwrap_or(0);
            let name = &s[cut..];
            if (2..=4).contains(&name.chars().count()) {
                let start = clause.start + m.start() + cut;
                if !out
                    .iter()
                    .any(|(o, _)| o.start < start + name.len() && start < o.end)
                {
                    out.push((start..start + name.len(), name.to_string()));
                }
            }
        }
    }
    out.sort_by_key(|(r, _)| r.start);
    out
}

/// Drops sentence words the name pattern swept up before the name ("In Vaswani et al."
/// keeps "Vaswani"): returns the bytes skipped and the name.
fn trim_leading_words(s: &str) -> (usize, &str) {
    const LEADING: &[&str] = &[
        "In",
        "As",
        "The",
        "See",
        "Following",
        "Like",
        "Unlike",
        "While",
        "When",
        "Recently",
        "Later",
        "Then",
        "And",
        "But",
        "Also",
        "Both",
        "Here",
        "Thus",
        "Later,",
        "By",
        "From",
        "After",
        "Before",
        "Work",
        "Paper",
        "Papers",
        "Since",
        "Although",
        "However",
        "Meanwhile",
        "Similarly",
        "Notably",
    ];
    let mut rest = s;
    let mut skipped = 0;
    while let Some((first, tail)) = rest.split_once(char::is_whitespace) {
        if !LEADING.contains(&first) {
            break;
        }
        let trimmed = tail.trim_start();
        skipped += rest.len() - trimmed.len();
        rest = trimmed;
    }
    (skipped, rest)
}

/// Names that are organisations, products or acronyms are not people.
fn looks_like_person(name: &str, rules: &Rules) -> bool {
    let lower = name.to_lowercase();
    let words: Vec<&str> = name.split_whitespace().collect();
    let last = words.last().copied().unwrap_or("");
    let org = rules.organizations.iter().any(|o| {
        let o = o.to_lowercase();
        lower == o || lower.starts_with(&format!("{o} ")) || lower.ends_with(&format!(" {o}"))
    });
    let product = rules
        .canonical_terms
        .iter()
        .any(|t| t.eq_ignore_ascii_case(name) || t.eq_ignore_ascii_case(last))
        || rules.acronyms.keys().any(|a| a == last)
        || rules
            .works
            .iter()
            .any(|w| w.aliases.iter().any(|a| a.eq_ignore_ascii_case(name)));
    let camel = last.chars().skip(1).any(char::is_uppercase) && !last.contains(['-', '\'', '’']);
    let caps = last.chars().filter(|c| c.is_uppercase()).count() > 1 && !last.contains(['-', '\'']);
    let cjk = name.chars().any(is_cjk);
    let function_word = matches!(
        words.first().map(|w| w.to_lowercase()).as_deref(),
        Some("the" | "in" | "as" | "this" | "our" | "we" | "these" | "both" | "and")
    );
    let acronym_like = camel && caps && words.len() == 1;
    cjk || !(org || product || function_word || acronym_like)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(s: &str) -> Vec<String> {
        names_in(s, &(0..s.len()), &Hints::of(s))
            .into_iter()
            .map(|(_, n)| n)
            .collect()
    }

    #[test]
    fn patterns() {
        assert_eq!(
            names("生成对抗网络[2]于2014年由Ian GoodFellow等人提出"),
            vec!["Ian GoodFellow"]
        );
        assert_eq!(
            names("流模型[3]于2014年被Yoshua Bengio等人提出"),
            vec!["Yoshua Bengio"]
        );
        assert_eq!(
            names("变分自编码器[1]由Kingma和Welling于2014年提出"),
            vec!["Kingma"]
        );
        assert_eq!(names("as Vaswani et al. [5] showed"), vec!["Vaswani"]);
        assert_eq!(
            names("the method proposed by Tony Hoare [3]"),
            vec!["Tony Hoare"]
        );
        assert_eq!(names("由何恺明等人提出的ResNet"), vec!["何恺明"]);
        assert!(names("Kafka and Spark are used in production.").is_empty());
        let s = "Rivest, Shamir and Adelman [2] supplied";
        let all = named_in(s, &(0..s.len()));
        assert_eq!(all[0].1, "Rivest");
        assert_eq!(
            all[0].2.iter().map(|(_, n)| n.as_str()).collect::<Vec<_>>(),
            vec!["Shamir", "Adelman"]
        );
        assert_eq!(
            names("Denning's comparison of replacement algorithms [1]"),
            vec!["Denning"]
        );
        assert!(names("Bayes' theorem [4] and Shannon's theorem [3]").is_empty());
    }

    /// `(?:$|\W)` ends a word as `\b` would, before any letter, Chinese included.
    #[test]
    fn word_ends() {
        assert_eq!(names("Vaswani et al"), vec!["Vaswani"]);
        assert_eq!(names("如Vaswani et al，[5]"), vec!["Vaswani"]);
        assert!(names("Vaswani et alias [5]").is_empty());
        assert!(names("Vaswani et al等于 [5]").is_empty());
        assert!(names("Vaswani et alé [5]").is_empty());
        assert_eq!(names("Denning's survey"), vec!["Denning"]);
        assert_eq!(names("Denning's survey。另外"), vec!["Denning"]);
        assert!(names("Denning's surveyé of systems").is_empty());
        assert!(names("Denning's survey调查").is_empty());
        // The word after the noun is free to start a name of its own.
        assert_eq!(
            names("Denning's survey Knuth et al"),
            vec!["Denning", "Knuth"]
        );
    }
}
