use super::{Check, CheckMeta, Context, declare_check};
use crate::diagnostic::{Applicability, Diagnostic, Edit, Fix};
use crate::extract::terms::{
    Token, capitalised_runs, is_all_caps, lower_first, phrase, shape, spelling, title_runs, tokens,
};
use crate::extract::text::words;
use std::collections::HashMap;
use std::ops::Range;

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
        let canonical = canonical_terms(&ctx.rules.canonical_terms);
        let mut flagged = vec![false; tokens.len()];
        let mut findings = Vec::new();
        for n in [3, 2] {
            phrase_findings(&tokens, n, &canonical, &mut flagged, &mut findings);
        }
        word_findings(&tokens, &canonical, &mut flagged, &mut findings);
        for f in findings {
            out.push(f.diagnostic(ctx));
        }
    }
}

/// Canonical spellings by case-folded form, for the terms made of plain words.
fn canonical_terms(terms: &[String]) -> HashMap<String, &str> {
    terms
        .iter()
        .filter(|t| {
            let w = words(t, 0..t.len());
            !w.is_empty() && w.iter().map(|w| w.text).collect::<Vec<_>>().join(" ") == **t
        })
        .map(|t| (t.to_lowercase(), t.as_str()))
        .collect()
}

/// Why a spelling is suggested.
#[derive(Clone, Copy)]
enum Basis {
    Canonical,
    Majority,
    First,
}

/// One occurrence of a name: its tokens and its spelling as it counts for comparison.
struct Occurrence {
    first: usize,
    len: usize,
    form: String,
}

struct Finding {
    range: Range<usize>,
    written: String,
    suggested: String,
    basis: Basis,
    /// Occurrences of the suggested spelling in the document.
    count: usize,
    /// One occurrence of another spelling: the suggested one if the document has it.
    other: Option<(Range<usize>, String)>,
}

fn word_findings(
    tokens: &[Token<'_>],
    canonical: &HashMap<String, &str>,
    flagged: &mut [bool],
    out: &mut Vec<Finding>,
) {
    let mut in_run = vec![false; tokens.len()];
    for run in capitalised_runs(tokens) {
        in_run[run].fill(true);
    }
    let mut groups: HashMap<String, Vec<Occurrence>> = HashMap::new();
    let mut order = Vec::new();
    for (i, t) in tokens.iter().enumerate() {
        let key = t.text.to_lowercase();
        let canon = canonical.get(&key).copied();
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
        if let Some(c) = canonical.get(&key) {
            if !occs.iter().any(|o| o.form != occs[0].form) {
                continue;
            }
            let present = occs.iter().any(|o| o.form == *c);
            let bad = |o: &&Occurrence| o.form != *c && (present || shape(&o.form) != shape(c));
            report(tokens, occs, bad, c, Basis::Canonical, flagged, out);
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
                tokens,
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
    n: usize,
    canonical: &HashMap<String, &str>,
    flagged: &mut [bool],
    out: &mut Vec<Finding>,
) {
    // Title-Case spellings written mid-sentence, by case-folded form.
    let mut titles: HashMap<String, Vec<Occurrence>> = HashMap::new();
    for (first, len) in title_runs(tokens) {
        if len == n {
            let form = spelling(&tokens[first..first + n]);
            titles
                .entry(form.to_lowercase())
                .or_default()
                .push(Occurrence { first, len, form });
        }
    }
    let mut groups: HashMap<String, Vec<Occurrence>> = HashMap::new();
    let mut order = Vec::new();
    for first in 0..tokens.len() {
        let Some(p) = phrase(tokens, first, n) else {
            continue;
        };
        let form = spelling(p);
        let key = form.to_lowercase();
        if !titles.contains_key(&key) && !canonical.contains_key(&key) {
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
        if let Some(c) = canonical.get(&key) {
            if occs.iter().any(|o| o.form == *c) {
                report(
                    tokens,
                    occs,
                    |o| o.form != *c,
                    c,
                    Basis::Canonical,
                    flagged,
                    out,
                );
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
        let mut uses: HashMap<&str, (usize, usize)> = HashMap::new();
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
        report(tokens, occs, bad, &suggested, basis, flagged, out);
    }
}

/// The spelling to suggest from the most common class of `occs` (ties: the first used), if
/// the occurrences fall into more than one class.
fn majority(occs: &[Occurrence], class: impl Fn(&Occurrence) -> String) -> Option<(String, Basis)> {
    // (class, occurrences) in order of first use.
    let mut counts: Vec<(String, usize)> = Vec::new();
    for o in occs {
        let c = class(o);
        match counts.iter_mut().find(|(x, _)| *x == c) {
            Some(entry) => entry.1 += 1,
            None => counts.push((c, 1)),
        }
    }
    if counts.len() < 2 {
        return None;
    }
    let best = counts.iter().map(|c| c.1).max()?;
    let tie = counts.iter().filter(|c| c.1 == best).count() > 1;
    let (winner, _) = counts.iter().find(|c| c.1 == best)?;
    let members: Vec<&Occurrence> = occs.iter().filter(|o| class(o) == *winner).collect();
    let form = most_frequent(members.iter().copied())?;
    Some((form, if tie { Basis::First } else { Basis::Majority }))
}

/// The most frequent spelling among `occs`, the first used on a tie.
fn most_frequent<'o>(occs: impl IntoIterator<Item = &'o Occurrence> + Clone) -> Option<String> {
    let mut counts: HashMap<&str, usize> = HashMap::new();
    for o in occs.clone() {
        *counts.entry(o.form.as_str()).or_default() += 1;
    }
    let top = counts.values().copied().max()?;
    occs.into_iter()
        .find(|o| counts.get(o.form.as_str()) == Some(&top))
        .map(|o| o.form.clone())
}

fn report(
    tokens: &[Token<'_>],
    occs: &[Occurrence],
    bad: impl Fn(&&Occurrence) -> bool,
    suggested: &str,
    basis: Basis,
    flagged: &mut [bool],
    out: &mut Vec<Finding>,
) {
    let range = |o: &Occurrence| tokens[o.first].range.start..tokens[o.first + o.len - 1].range.end;
    let count = occs.iter().filter(|o| o.form == suggested).count();
    for o in occs.iter().filter(&bad) {
        if flagged[o.first..o.first + o.len].iter().any(|&f| f) {
            continue;
        }
        flagged[o.first..o.first + o.len].fill(true);
        let other = occs
            .iter()
            .find(|x| x.form == suggested)
            .or_else(|| occs.iter().find(|x| x.form != o.form))
            .map(|x| (range(x), x.form.clone()));
        out.push(Finding {
            range: range(o),
            written: o.form.clone(),
            suggested: suggested.to_string(),
            basis,
            count,
            other,
        });
    }
}

impl Finding {
    fn diagnostic(self, ctx: &Context<'_, '_>) -> Diagnostic {
        let Finding {
            range,
            written,
            suggested: s,
            basis,
            count,
            other,
        } = self;
        let message = match (&other, count) {
            (Some((_, o)), 0) => format!(
                "\"{written}\" is written \"{o}\" elsewhere in this document; the canonical spelling is \"{s}\""
            ),
            _ => {
                let times = if count == 1 { "time" } else { "times" };
                format!(
                    "\"{written}\" is written \"{s}\" elsewhere in this document ({count} {times})"
                )
            }
        };
        let why = match basis {
            Basis::Canonical => "the canonical spelling in the rules",
            Basis::Majority => "the spelling this document uses most",
            Basis::First => "the spelling this document uses first",
        };
        let mut d = ctx.diagnostic(range.clone(), message);
        if let Some((r, o)) = other {
            d = d.with_related(r, format!("written \"{o}\" here"));
        }
        d = d.with_help(format!("write \"{s}\", {why}"));
        // Markup inside the name ("**Stable** diffusion") would be lost by a replacement.
        if ctx.doc.text.get(range.clone()) == Some(written.as_str()) {
            d = d.with_fix(Fix {
                message: format!("write \"{s}\""),
                applicability: Applicability::Unsafe,
                edits: vec![Edit {
                    range,
                    replacement: s,
                }],
            });
        }
        d
    }
}
