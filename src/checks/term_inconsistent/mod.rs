mod spelling;

use super::{Check, CheckMeta, Context, declare_check};
use crate::diagnostic::Diagnostic;
use crate::extract::terms::{
    CanonicalTerms, Token, capitalised_runs, is_all_caps, lower_first, phrase, shape, spelling,
    title_runs, tokens,
};
use crate::hash::{HashMap, HashSet};
use spelling::{Basis, Finding, Occurrence, majority, most_frequent, report};

declare_check! {
    /// A proper name spelled with different capitalisation in one document.
    ///
    /// `GitHub` and `Github`, `PyTorch` and `Pytorch`, `Stable Diffusion` and `Stable
    /// diffusion` in the same article: one of them is a slip. The suggested spelling is the
    /// canonical one from the rules (`[terms] canonical`) when there is one, else the one the
    /// document uses most (on a tie, the one it uses first).
    ///
    /// Only reliable differences are reported. A word differing only in its first letter
    /// (`Transformer` / `transformer`) is reported only when the rules know the name; a
    /// capital at the start of a sentence, list item or table cell never counts; all-caps
    /// words are emphasis or acronyms; headings, code, URLs and paths are not read. A
    /// multi-word name counts when its Title-Case form is written mid-sentence at least twice
    /// (or is canonical), and only its mixed forms (`Stable diffusion`) are reported.
    ///
    /// Flagged: `GitHub … Github`, `Stable Diffusion … Stable Diffusion … Stable diffusion`.
    /// Not flagged: `Network latency …` beside `network latency`, `` `pytorch` ``.
    pub struct TermInconsistent {
        id: "term-inconsistent",
        category: Term,
        severity: Warning,
    }
}

impl Check for TermInconsistent {
    fn meta(&self) -> &'static CheckMeta {
        &Self::META
    }

    fn run(&self, ctx: &Context<'_, '_>, out: &mut Vec<Diagnostic>) {
        let tokens = tokens(ctx.doc);
        let terms = &ctx.rules.canonical_terms;
        let canonical = ctx.rules.derived.canonical.get(
            |t| t == terms,
            || terms.clone(),
            || CanonicalTerms::new(terms),
        );
        let lower = Spellings::of(&tokens, &canonical);
        for f in findings(&tokens, &canonical, &lower) {
            out.push(f.diagnostic(ctx, &tokens));
        }
    }
}

/// The findings among `tokens`: multi-word names first (longest first), then words.
fn findings(
    tokens: &[Token<'_>],
    canonical: &CanonicalTerms,
    lower: &Spellings<'_>,
) -> Vec<Finding> {
    let mut flagged = vec![false; tokens.len()];
    let mut findings = Vec::new();
    let runs = capitalised_runs(tokens);
    let titles = title_runs(tokens, &runs);
    for n in [3, 2] {
        phrase_findings(
            tokens,
            &titles,
            n,
            canonical,
            lower,
            &mut flagged,
            &mut findings,
        );
    }
    word_findings(tokens, &runs, canonical, lower, &mut flagged, &mut findings);
    findings
}

/// The distinct spellings of the tokens that can take part in a finding, each case-folded
/// once: such a token is hashed once here, and the checks below look its spelling up by
/// index.
///
/// A token takes part only if its spelling says something on its own (a capital where
/// sentence case puts none: "GitHub", "Diffusion" mid-sentence; or letters beyond ASCII),
/// or if its folded form is one such token's, a canonical name or the first word of one.
/// The others ("the", "model", "The" opening a sentence) can be neither reported nor
/// compared: without the rules only spellings with such a capital are compared, and a
/// phrase counts only if it is a canonical name or written in Title Case mid-sentence,
/// whose words then all have such a capital.
struct Spellings<'a> {
    /// Index into `raw` and `folded` of each token, [`Spellings::NONE`] for a token that
    /// takes no part.
    of_token: Vec<usize>,
    raw: Vec<&'a str>,
    folded: Vec<String>,
}

impl<'a> Spellings<'a> {
    const NONE: usize = usize::MAX;

    fn of(tokens: &[Token<'a>], canonical: &CanonicalTerms) -> Self {
        let mut index: HashMap<&str, usize> = HashMap::default();
        let mut raw = Vec::new();
        let mut of_token = vec![Self::NONE; tokens.len()];
        let mut intern = |text: &'a str, raw: &mut Vec<&'a str>| {
            *index.entry(text).or_insert_with(|| {
                raw.push(text);
                raw.len() - 1
            })
        };
        for (t, slot) in tokens.iter().zip(&mut of_token) {
            if speaks_for_itself(t) {
                *slot = intern(t.text, &mut raw);
            }
        }
        let mut folded: Vec<String> = raw.iter().map(|s| s.to_lowercase()).collect();
        // The other tokens are ASCII: their folded form is looked up (after a filter on
        // three bytes) among those of the tokens above and the canonical words.
        let mut filter = canonical.filter.clone();
        for f in &folded {
            filter.insert(f);
        }
        let named: HashSet<&str> = folded.iter().map(String::as_str).collect();
        let mut buf = String::new();
        let mut taking_part = Vec::new();
        for (i, t) in tokens.iter().enumerate() {
            if of_token[i] != Self::NONE || !filter.may_contain(t.text) {
                continue;
            }
            buf.clear();
            buf.push_str(t.text);
            buf.make_ascii_lowercase();
            if named.contains(buf.as_str()) || canonical.words.contains(&buf) {
                taking_part.push(i);
            }
        }
        drop(named);
        for i in taking_part {
            let spelling = intern(tokens[i].text, &mut raw);
            if spelling == folded.len() {
                folded.push(raw[spelling].to_lowercase());
            }
            of_token[i] = spelling;
        }
        Spellings {
            of_token,
            raw,
            folded,
        }
    }
}

/// Whether a token's spelling takes part in comparisons on its own: it has a capital that
/// sentence case does not explain (any capital mid-sentence, one after the first letter at
/// a sentence start), or letters beyond ASCII (kept whole, rather than folded here).
fn speaks_for_itself(t: &Token<'_>) -> bool {
    t.case.non_ascii || t.case.later_upper || (t.case.first_upper && !t.initial)
}

fn word_findings(
    tokens: &[Token<'_>],
    runs: &[std::ops::Range<usize>],
    canonical: &CanonicalTerms,
    lower: &Spellings<'_>,
    flagged: &mut [bool],
    out: &mut Vec<Finding>,
) {
    // Without a canonical spelling, only spellings that differ beyond their first letter
    // are compared: a word whose spellings agree after it ("The"/"the") cannot be reported.
    let mut differs: HashMap<&str, (&str, bool)> = HashMap::default();
    for (raw, folded) in lower.raw.iter().zip(&lower.folded) {
        let tail = raw.char_indices().nth(1).map_or("", |(i, _)| &raw[i..]);
        differs
            .entry(folded.as_str())
            .and_modify(|(first, d)| *d |= *first != tail)
            .or_insert((tail, false));
    }
    // Per distinct spelling: its canonical form, and whether it can be reported at all.
    let canon_of: Vec<Option<&str>> = lower
        .folded
        .iter()
        .map(|f| canonical.by_fold.get(f.as_str()).map(String::as_str))
        .collect();
    let candidate: Vec<bool> = lower
        .folded
        .iter()
        .zip(&canon_of)
        .map(|(f, c)| c.is_some() || differs.get(f.as_str()).is_some_and(|&(_, d)| d))
        .collect();
    let mut in_run = vec![false; tokens.len()];
    for run in runs {
        in_run[run.clone()].fill(true);
    }
    let mut groups: HashMap<String, Vec<Occurrence>> = HashMap::default();
    let mut order = Vec::new();
    for (i, t) in tokens.iter().enumerate() {
        let spelling = lower.of_token[i];
        if spelling == Spellings::NONE || !candidate[spelling] {
            continue;
        }
        let folded = &lower.folded[spelling];
        let canon = canon_of[spelling];
        let key = folded.clone();
        // Inside "Zero Redundancy Optimizer" a capital belongs to the longer name.
        if canon.is_none() && (t.text.chars().count() < 3 || in_run[i]) {
            continue;
        }
        // A lower-case word in a table is usually a value or identifier ("(ios)", "vllm").
        if t.in_cell && !t.text.chars().any(char::is_uppercase) {
            continue;
        }
        let form = if is_all_caps(t.text) {
            if !canon.is_some_and(is_all_caps) {
                continue;
            }
            t.text.to_string()
        } else if let Some(c) = canon.filter(|c| t.initial && lower_first(t.text) == **c) {
            // "MacOS" opening a sentence is "macOS" capitalised, not another spelling.
            c.to_string()
        } else {
            t.text.to_string()
        };
        let group = groups.entry(key.clone()).or_insert_with(|| {
            order.push(key);
            Vec::new()
        });
        group.push(Occurrence {
            first: i,
            len: 1,
            form,
        });
    }
    for key in order {
        let occs = &groups[&key];
        if let Some(c) = canonical.by_fold.get(key.as_str()) {
            if !occs.iter().any(|o| o.form != occs[0].form) {
                continue;
            }
            let present = occs.iter().any(|o| o.form == *c);
            let bad = |o: &&Occurrence| o.form != *c && (present || shape(&o.form) != shape(c));
            report(occs, bad, c, Basis::Canonical, flagged, out);
            continue;
        }
        // Without the rules, a lower-case spelling may be the ordinary word ("zero" beside
        // "ZeRO") or a package or command name ("swanlab"): only capitalised spellings that
        // differ beyond their first letter are compared.
        let named: Vec<Occurrence> = groups
            .remove(&key)
            .unwrap_or_default()
            .into_iter()
            .filter(|o| {
                let lowered = if tokens[o.first].initial {
                    lower_first(&o.form)
                } else {
                    o.form.clone()
                };
                lowered != key
            })
            .collect();
        if let Some((suggested, basis)) = majority(&named, |o| shape(&o.form)) {
            let good = shape(&suggested);
            report(
                &named,
                |o| shape(&o.form) != good,
                &suggested,
                basis,
                flagged,
                out,
            );
        }
    }
}

fn phrase_findings(
    tokens: &[Token<'_>],
    title_runs: &[(usize, usize)],
    n: usize,
    canonical: &CanonicalTerms,
    lower: &Spellings<'_>,
    flagged: &mut [bool],
    out: &mut Vec<Finding>,
) {
    // Title-Case spellings written mid-sentence, by case-folded form.
    let mut titles: HashMap<String, Vec<Occurrence>> = HashMap::default();
    for &(first, len) in title_runs {
        if len == n {
            let form = spelling(&tokens[first..first + n]);
            titles
                .entry(form.to_lowercase())
                .or_default()
                .push(Occurrence { first, len, form });
        }
    }
    // Only phrases whose first word starts a known title or canonical name can matter.
    let title_firsts: HashSet<&str> = titles.keys().filter_map(|k| k.split(' ').next()).collect();
    if title_firsts.is_empty() && canonical.phrase_firsts.is_empty() {
        return;
    }
    let starts: Vec<bool> = lower
        .folded
        .iter()
        .map(|l| title_firsts.contains(l.as_str()) || canonical.phrase_firsts.contains(l))
        .collect();
    let mut groups: HashMap<String, Vec<Occurrence>> = HashMap::default();
    let mut order = Vec::new();
    for first in 0..tokens.len() {
        let s = lower.of_token[first];
        if s == Spellings::NONE || !starts[s] {
            continue;
        }
        let Some(p) = phrase(tokens, first, n) else {
            continue;
        };
        let form = spelling(p);
        let key = form.to_lowercase();
        if !titles.contains_key(&key) && !canonical.by_fold.contains_key(key.as_str()) {
            continue;
        }
        if p.iter().any(|t| is_all_caps(t.text)) {
            continue;
        }
        let group = groups.entry(key.clone()).or_insert_with(|| {
            order.push(key);
            Vec::new()
        });
        group.push(Occurrence {
            first,
            len: n,
            form,
        });
    }
    for key in order {
        let occs = &groups[&key];
        if let Some(c) = canonical.by_fold.get(key.as_str()) {
            if occs.iter().any(|o| o.form == *c) {
                report(occs, |o| o.form != *c, c, Basis::Canonical, flagged, out);
            }
            continue;
        }
        let Some(title) = titles.get(&key).filter(|t| t.len() >= 2) else {
            continue;
        };
        let Some(suggested) = most_frequent(title.iter()) else {
            continue;
        };
        let basis = Basis::Majority;
        let lower_mid = occs
            .iter()
            .filter(|o| !tokens[o.first].initial && o.form == key)
            .count();
        // (uses, first use) of each spelling: the Title-Case form must be the majority.
        let mut uses: HashMap<&str, (usize, usize)> = HashMap::default();
        for o in occs {
            uses.entry(o.form.as_str()).or_insert((0, o.first)).0 += 1;
        }
        let title_uses = uses
            .get(suggested.as_str())
            .copied()
            .unwrap_or((0, usize::MAX));
        let bad = |o: &&Occurrence| {
            let (n, first) = uses.get(o.form.as_str()).copied().unwrap_or_default();
            if (n, title_uses.1) > (title_uses.0, first) {
                return false;
            }
            let t = &tokens[o.first];
            if o.form == suggested || o.form == key || t.in_cell || t.in_link {
                return false;
            }
            // "soft Q" beside "Soft Q" differs only where sentence case puts a capital.
            if o.form.split(' ').skip(1).eq(suggested.split(' ').skip(1)) {
                return false;
            }
            if t.initial && lower_first(&o.form) == key {
                // "Stable diffusion" opening a sentence is the lower-case phrase unless the
                // document never writes that phrase in lower case.
                return lower_mid == 0;
            }
            true
        };
        report(occs, bad, &suggested, basis, flagged, out);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::Rules;

    impl<'a> Spellings<'a> {
        /// Every token's spelling, as the check interned them before it left out the tokens
        /// that take no part: the oracle for [`Spellings::of`].
        fn all(tokens: &[Token<'a>]) -> Self {
            let mut index: HashMap<&str, usize> = HashMap::default();
            let mut raw = Vec::new();
            let of_token = tokens
                .iter()
                .map(|t| {
                    *index.entry(t.text).or_insert_with(|| {
                        raw.push(t.text);
                        raw.len() - 1
                    })
                })
                .collect();
            let folded = raw.iter().map(|s| s.to_lowercase()).collect();
            Spellings {
                of_token,
                raw,
                folded,
            }
        }
    }

    proptest::proptest! {
        /// Leaving out the tokens that take no part changes no finding: random sentences of
        /// names in every capitalisation, sentence starts, starters, colons and table cells.
        #[test]
        fn spellings_of_the_tokens_taking_part_give_the_same_findings(
            words in proptest::collection::vec(
                proptest::sample::select(vec![
                    "GitHub", "Github", "github", "GITHUB", "Stable", "stable", "Diffusion",
                    "diffusion", "The", "the", "In", "in", "PyTorch", "Pytorch", "pytorch",
                    "Apache", "apache", "Arrow", "arrow", "Zero", "zero", "ZeRO", "macOS",
                    "MacOS", "Multi-Head", "multi-head", "Über", "über", "model", "Model",
                    "Red", "red", "Hat", "hat", ".", ",", ":", "\n\n", "| a |", "`x`",
                ]),
                0..60,
            ),
            canonical in proptest::sample::subsequence(
                vec!["GitHub", "Stable Diffusion", "macOS", "Red Hat", "ZeRO", "über"], 0..=6
            ),
        ) {
            let md = words.join(" ");
            let doc = crate::document::Document::parse(&md, &Default::default());
            let tokens = tokens(&doc);
            let terms: Vec<String> = canonical.iter().map(|s| (*s).to_string()).collect();
            let canonical = CanonicalTerms::new(&terms);
            let debug = |f: Vec<Finding>| f.iter().map(|f| format!("{f:?}")).collect::<Vec<_>>();
            let fast = debug(super::findings(&tokens, &canonical, &Spellings::of(&tokens, &canonical)));
            let all = debug(super::findings(&tokens, &canonical, &Spellings::all(&tokens)));
            proptest::prop_assert_eq!(fast, all, "{}", md);
        }
    }

    fn findings(md: &str, canonical: &[&str]) -> Vec<String> {
        let mut rules = Rules::empty();
        rules.canonical_terms = canonical.iter().map(|s| (*s).to_string()).collect();
        crate::check_text(md, &rules)
            .into_iter()
            .filter(|d| d.rule == "term-inconsistent")
            .map(|d| md[d.range].to_string())
            .collect()
    }

    #[test]
    fn canonical_spelling_wins_over_the_majority() {
        let md =
            "Use Javascript here, Javascript there and Javascript again. JavaScript is fine.\n";
        assert_eq!(findings(md, &["JavaScript"]), ["Javascript"; 3]);
        // Without the rules the majority wins.
        assert_eq!(findings(md, &[]), ["JavaScript"]);
    }

    #[test]
    fn first_letter_differences_need_the_rules() {
        let md = "We use Python daily. Some write python instead.\n";
        assert_eq!(findings(md, &["Python"]), ["python"]);
        assert!(findings(md, &[]).is_empty());
    }

    #[test]
    fn sentence_initial_capital_of_lower_case_name_is_accepted() {
        let md = "MacOS ships zsh. On macOS the shell is zsh.\n";
        assert!(findings(md, &["macOS"]).is_empty());
        let md = "The shell on MacOS is zsh. On macOS the shell is zsh.\n";
        assert_eq!(findings(md, &["macOS"]), ["MacOS"]);
    }

    #[test]
    fn ties_go_to_the_first_spelling() {
        let md = "We tried FooBar first. Later, Foobar was faster.\n";
        assert_eq!(findings(md, &[]), ["Foobar"]);
    }

    #[test]
    fn title_case_phrase_needs_two_mid_sentence_uses() {
        let once = "We use Apache Arrow buffers. We convert Apache arrow tables.\n";
        assert!(findings(once, &[]).is_empty());
        let twice =
            "We use Apache Arrow buffers and Apache Arrow files. We convert Apache arrow tables.\n";
        assert_eq!(findings(twice, &[]), ["Apache arrow"]);
    }
}
