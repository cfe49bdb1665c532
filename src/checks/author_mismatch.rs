use super::{Check, CheckMeta, Context, declare_check, ordinal};
use crate::diagnostic::{Applicability, Diagnostic, Edit, Fix};
use crate::document::entry::{Author, fold_diacritics, name_tokens};

declare_check! {
    /// The prose credits a cited work to someone who is not its first author, or spells the
    /// author's name differently from the reference.
    ///
    /// Reads attributions next to citations — `Vaswani et al. [5]`, `Yoshua Bengio等人提出[3]`,
    /// `由Kingma和Welling于2014年提出`, `proposed by Hoare [3]` — and compares the first name
    /// with the reference's authors (or a known work's authors from the rules). Names match
    /// by surname whatever the order, initials or diacritics (`J. Dean`, `Erdős`/`Erdos`);
    /// organisations (`由谷歌提出`, `Google's MapReduce`) and product names are not people.
    /// Flagged: a later author named as the proposer, a person not among the authors, and a
    /// spelling that differs from the reference (`GoodFellow` vs `Goodfellow`).
    pub struct AuthorMismatch {
        id: "author-mismatch",
        category: Author,
        severity: Warning,
    }
}

impl Check for AuthorMismatch {
    fn meta(&self) -> &'static CheckMeta {
        &Self::META
    }

    fn run(&self, ctx: &Context<'_, '_>, out: &mut Vec<Diagnostic>) {
        let doc = ctx.doc;
        let Some(bib) = &doc.bibliography else { return };
        for a in ctx.claims.attributions() {
            let Some(entry) = bib.get(&a.subject) else {
                continue;
            };
            // A reference without authors (a bare title or URL) borrows them from the known
            // work it names in the rules.
            let known: Vec<Author> = match ctx.claims.subjects().work(&a.subject, ctx.rules) {
                Some(w) if entry.parsed.authors.is_empty() => w
                    .authors
                    .iter()
                    .map(|name| Author {
                        name: name.clone(),
                        range: 0..0,
                    })
                    .collect(),
                _ => Vec::new(),
            };
            let authors = if known.is_empty() {
                &entry.parsed.authors
            } else {
                &known
            };
            let Some(first) = authors.first() else {
                continue;
            };
            let prose = name_tokens(&a.name);
            let Some(surname) = prose.last().cloned() else {
                continue;
            };
            let cjk = a.name.chars().any(crate::document::sentences::is_cjk);
            if cjk != first.name.chars().any(crate::document::sentences::is_cjk) {
                // A Chinese name for a Latin-script author (何恺明 / He K): no transliteration.
                continue;
            }
            let matches = |author: &Author| {
                let tokens = name_tokens(&author.name);
                if cjk {
                    return fold_diacritics(&author.name).contains(&fold_diacritics(&a.name))
                        || fold_diacritics(&a.name).contains(&fold_diacritics(&author.name));
                }
                tokens.contains(&surname)
                    || prose.iter().any(|p| {
                        p.len() > 2
                            && tokens.first() == Some(p)
                            && tokens.len() > 1
                            && tokens.contains(&surname)
                    })
            };
            let key = &a.subject;
            let first_range = entry.source_range(doc, first.range.clone());
            for (name, range) in &a.others {
                if let Some(d) = misspelt(ctx, entry, doc, name, range, key) {
                    out.push(d);
                }
            }
            if a.spelling_only {
                if let Some(d) = misspelt(ctx, entry, doc, &a.name, &a.range, key) {
                    out.push(d);
                }
                continue;
            }
            if matches(first) {
                if let Some(d) = spelling(ctx, &a.name, &a.range, key, first, first_range.clone()) {
                    out.push(d);
                }
                continue;
            }
            if let Some(k) = authors.iter().position(matches) {
                out.push(
                    ctx.diagnostic(
                        a.range.clone(),
                        format!(
                            "{} is the {} author of {key}, not its first author ({})",
                            a.name,
                            ordinal(k + 1),
                            first.name
                        ),
                    )
                    .with_related(first_range, format!("first author of {key}"))
                    .with_help(format!(
                        "credit the work to {} et al., or cite the work {} led",
                        first.name, a.name
                    )),
                );
                continue;
            }
            if let Some(d) = misspelt(ctx, entry, doc, &a.name, &a.range, key) {
                out.push(d);
                continue;
            }
            let what = if entry.parsed.et_al || !known.is_empty() {
                format!(
                    "{} is not the first author of {key} (its first author is {})",
                    a.name, first.name
                )
            } else {
                format!(
                    "{} is not among the authors of {key} (its first author is {})",
                    a.name, first.name
                )
            };
            out.push(
                ctx.diagnostic(a.range.clone(), what)
                    .with_related(first_range, format!("first author of {key}")),
            );
        }
    }
}

/// A spelling finding for a name that is not exactly any author's, but close to one.
fn misspelt(
    ctx: &Context<'_, '_>,
    entry: &crate::document::Reference,
    doc: &crate::document::Document<'_>,
    name: &str,
    range: &std::ops::Range<usize>,
    key: &crate::document::RefKey,
) -> Option<Diagnostic> {
    let surname = name_tokens(name).pop()?;
    let authors = &entry.parsed.authors;
    if let Some(exact) = authors
        .iter()
        .find(|x| name_tokens(&x.name).contains(&surname))
    {
        let r = entry.source_range(doc, exact.range.clone());
        return spelling(ctx, name, range, key, exact, r);
    }
    let near = authors.iter().find(|x| near_miss(&surname, x))?;
    let r = entry.source_range(doc, near.range.clone());
    spelling(ctx, name, range, key, near, r)
}

/// A diagnostic when the prose spells an author's surname differently from the reference.
fn spelling(
    ctx: &Context<'_, '_>,
    name: &str,
    name_range: &std::ops::Range<usize>,
    key: &crate::document::RefKey,
    author: &Author,
    author_range: std::ops::Range<usize>,
) -> Option<Diagnostic> {
    let written = name.split_whitespace().last()?;
    let tokens: Vec<&str> = author
        .name
        .split(|c: char| c.is_whitespace() || c == ',')
        .map(|t| t.trim_matches(|c: char| c == '.' || c == ';'))
        .filter(|t| !t.is_empty())
        .collect();
    let folded = fold_diacritics(written);
    let reference = tokens
        .iter()
        .find(|t| fold_diacritics(t) == folded)
        .or_else(|| {
            tokens
                .iter()
                .find(|t| edit_distance(&fold_diacritics(t), &folded) <= 2)
        })
        .copied()?;
    let same_letters = fold_diacritics(reference) == fold_diacritics(written);
    // Diacritics may be dropped ("Erdos" for "Erdős"); case and letters may not differ.
    if reference == written || (same_letters && strip_marks(reference) == written) {
        return None;
    }
    let start = name_range.end.checked_sub(written.len())?;
    let range = start..name_range.end;
    Some(
        ctx.diagnostic(
            range.clone(),
            format!("\"{written}\" is spelled \"{reference}\" in reference {key}"),
        )
        .with_related(author_range, format!("author of {key}"))
        .with_help(format!("write \"{reference}\""))
        .with_fix(Fix {
            message: format!("spell it \"{reference}\""),
            applicability: Applicability::Unsafe,
            edits: vec![Edit {
                range,
                replacement: reference.to_string(),
            }],
        }),
    )
}

fn strip_marks(s: &str) -> String {
    s.chars()
        .map(|c| {
            let folded = fold_diacritics(&c.to_string());
            if c.is_uppercase() {
                folded.to_uppercase()
            } else {
                folded
            }
        })
        .collect()
}

/// Whether a prose surname is a misspelling of one of the author's names.
fn near_miss(surname: &str, author: &Author) -> bool {
    name_tokens(&author.name).iter().any(|t| {
        let d = edit_distance(t, surname);
        let long = t.chars().count().min(surname.chars().count());
        d > 0
            && ((long >= 5 && d <= 2) || (long >= 4 && d == 1))
            && t.chars().next() == surname.chars().next()
    })
}

fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut cur = vec![i + 1; b.len() + 1];
        for (j, cb) in b.iter().enumerate() {
            let cost = usize::from(ca != *cb);
            cur[j + 1] = (prev[j] + cost).min(prev[j + 1] + 1).min(cur[j] + 1);
        }
        prev = cur;
    }
    prev[b.len()]
}
