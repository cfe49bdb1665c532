use super::{Check, CheckMeta, Context, declare_check};
use crate::diagnostic::Diagnostic;
use crate::document::RefKey;
use crate::extract::years::contains_word;
use crate::hash::HashMap;

declare_check! {
    /// A year stated for a cited work that contradicts its reference, or two different years
    /// for the same work.
    ///
    /// Reads years stated for a work's proposal or publication (`于2014年提出`, `2014年，X提出
    /// 了`, `在2015年的ICLR上`, `proposed in 2014`, `In 2017, Vaswani et al. introduced`,
    /// `Krizhevsky et al. (2012)`) and compares them with the year of the reference the claim
    /// cites (or names, through a name bound to it earlier). When the reference has no year,
    /// the year of a known work in the rules is used; when neither has one, two claims with
    /// different years for the same work contradict each other. Silent on years about
    /// something else in the sentence (a dataset, "since 2012") and on a sentence about an
    /// earlier preprint (arXiv, 预印本) of a work whose reference gives the later venue.
    pub struct YearMismatch {
        id: "year-mismatch",
        category: Year,
        severity: Warning,
    }
}

impl Check for YearMismatch {
    fn meta(&self) -> &'static CheckMeta {
        &Self::META
    }

    fn run(&self, ctx: &Context<'_, '_>, out: &mut Vec<Diagnostic>) {
        let doc = ctx.doc;
        let Some(bib) = &doc.bibliography else { return };
        let mut undated: HashMap<&RefKey, &crate::extract::years::YearClaim> = HashMap::default();
        for claim in ctx.claims.years() {
            let Some(entry) = bib.get(&claim.subject) else {
                continue;
            };
            let known = ctx.claims.subjects().work(&claim.subject, ctx.rules);
            // A footnote that is a remark rather than a reference has no publication year.
            if !entry.is_bibliographic() {
                continue;
            }
            let reference_year = entry
                .parsed
                .year
                .as_ref()
                .map(|(y, r)| (*y, Some(r.clone())));
            let year = reference_year.or_else(|| known.and_then(|w| w.year).map(|y| (y, None)));
            let Some((ref_year, ref_range)) = year else {
                // No year anywhere: two claims about this work must agree with each other.
                match undated.get(&claim.subject) {
                    Some(first) if first.year != claim.year => out.push(
                        ctx.diagnostic(
                            claim.range.clone(),
                            format!(
                                "text says {} for {}, but {} elsewhere in this document",
                                claim.year, claim.subject, first.year
                            ),
                        )
                        .with_related(first.range.clone(), format!("{} stated here", first.year)),
                    ),
                    Some(_) => {}
                    None => {
                        undated.insert(&claim.subject, claim);
                    }
                }
                continue;
            };
            // An earlier preprint, or the first edition of a reference that cites a later one.
            let lower = entry.text.to_lowercase();
            let later_edition = ["edition", "revised", "reprint", "reprinted"]
                .iter()
                .any(|w| contains_word(&lower, w))
                || lower.contains(" ed.")
                || lower.contains("(ed.")
                || lower.contains("版)")
                || lower.contains("版.")
                || lower.contains("版，");
            if claim.year == ref_year
                || ((claim.preprint || later_edition) && claim.year < ref_year)
                || arxiv_year(&entry.text) == Some(claim.year)
            {
                continue;
            }
            let venue = entry
                .parsed
                .venue
                .as_ref()
                .map(|v| {
                    entry.text[v.clone()]
                        .replace(&ref_year.to_string(), "")
                        .trim_start_matches("In ")
                        .trim_matches(|c: char| {
                            c.is_whitespace() || matches!(c, ',' | '.' | ':' | '，')
                        })
                        .to_string()
                })
                .filter(|v| !v.is_empty() && v.chars().count() <= 60);
            let said = match (&venue, ref_range.is_some()) {
                (Some(v), true) => format!("{v} {ref_year}"),
                (None, true) => ref_year.to_string(),
                (_, false) => format!("{ref_year} (known publication year of this work)"),
            };
            let mut d = ctx
                .diagnostic(
                    claim.range.clone(),
                    format!("text says {}; reference {} says {said}", claim.year, claim.subject),
                )
                .with_help(format!("use {ref_year}, or name the earlier version (e.g. the arXiv preprint) this year refers to"));
            let related = ref_range
                .map(|r| entry.source_range(doc, r))
                .unwrap_or_else(|| entry.key_range.clone());
            d = d.with_related(
                related,
                format!("reference {} gives {ref_year}", claim.subject),
            );
            out.push(d);
        }
    }
}

/// The year of an arXiv identifier in a reference (`arXiv:1810.04805` → 2018): a reference
/// that names the preprint vouches for its year too.
fn arxiv_year(text: &str) -> Option<u16> {
    let lower = text.to_lowercase();
    let at = lower
        .find("arxiv:")
        .map(|p| p + 6)
        .or_else(|| lower.find("arxiv.org/abs/").map(|p| p + 14))?;
    let id = lower.get(at..)?.trim_start();
    let digits: String = id.chars().take_while(char::is_ascii_digit).collect();
    let dotted = id[digits.len()..].starts_with('.');
    (digits.len() == 4 && dotted)
        .then(|| digits[..2].parse::<u16>().ok().map(|y| 2000 + y))
        .flatten()
}
