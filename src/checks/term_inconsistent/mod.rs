mod spelling;

use super::{Check, CheckMeta, Context, declare_check};
use crate::diagnostic::Diagnostic;
use crate::extract::terms::{
    Token, capitalised_runs, is_all_caps, lower_first, phrase, shape, spelling, title_runs, tokens,
};
use crate::extract::text::words;
use crate::hash::HashMap;
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
            || canonical_terms(terms),
        );
        let lower = Spellings::of(&tokens);
        let mut flagged = vec![false; tokens.len()];
        let mut findings = Vec::new();
        let runs = capitalised_runs(&tokens);
        let titles = title_runs(&tokens, &runs);
        for n in [3, 2] {
            phrase_findings(
                &tokens,
                &titles,
                n,
                &canonical,
                &lower,
                &mut flagged,
                &mut findings,
            );
        }
        word_findings(
            &tokens,
            &runs,
            &canonical,
            &lower,
            &mut flagged,
            &mut findings,
        );
        for f in findings {
            out.push(f.diagnostic(ctx, &tokens));
        }
    }
}

/// Canonical spellings by case-folded form, for the terms made of plain words.
fn canonical_terms(terms: &[String]) -> HashMap<String, String> {
    terms
        .iter()
        .filter(|t| {
            let w = words(t, 0..t.len());
            !w.is_empty() && w.iter().map(|w| w.text).collect::<Vec<_>>().join(" ") == **t
        })
        .map(|t| (t.to_lowercase(), t.clone()))
        .collect()
}

/// The distinct spellings of a document's tokens, each case-folded once: every token is
/// hashed once here, and the checks below look its spelling up by index.
struct Spellings<'a> {
    /// Index into `raw` and `folded` of each token.
    of_token: Vec<usize>,
    raw: Vec<&'a str>,
    folded: Vec<String>,
}

impl<'a> Spellings<'a> {
    fn of(tokens: &[Token<'a>]) -> Self {
        // A document has far fewer spellings than tokens: a quarter is room for most.
        let mut index: HashMap<&str, usize> =
            HashMap::with_capacity_and_hasher(tokens.len() / 4, Default::default());
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

fn word_findings(
    tokens: &[Token<'_>],
    runs: &[std::ops::Range<usize>],
    canonical: &HashMap<String, String>,
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
        .map(|f| canonical.get(f.as_str()).map(String::as_str))
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
        if !candidate[spelling] {
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
        if let Some(c) = canonical.get(key.as_str()) {
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
    canonical: &HashMap<String, String>,
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
    let first_words: crate::hash::HashSet<&str> = titles
        .keys()
        .map(String::as_str)
        .chain(
            canonical
                .keys()
                .map(String::as_str)
                .filter(|k| k.contains(' ')),
        )
        .filter_map(|k| k.split(' ').next())
        .collect();
    if first_words.is_empty() {
        return;
    }
    let starts: Vec<bool> = lower
        .folded
        .iter()
        .map(|l| first_words.contains(l.as_str()))
        .collect();
    let mut groups: HashMap<String, Vec<Occurrence>> = HashMap::default();
    let mut order = Vec::new();
    for first in 0..tokens.len() {
        if !starts[lower.of_token[first]] {
            continue;
        }
        let Some(p) = phrase(tokens, first, n) else {
            continue;
        };
        let form = spelling(p);
        let key = form.to_lowercase();
        if !titles.contains_key(&key) && !canonical.contains_key(key.as_str()) {
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
        if let Some(c) = canonical.get(key.as_str()) {
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
    use crate::rules::Rules;

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
