use super::{Check, CheckMeta, Context, declare_check};
use crate::diagnostic::Diagnostic;
use crate::document::{CiteTarget, RefKey};
use crate::hash::HashSet;

declare_check! {
    /// A citation with no entry in the bibliography.
    ///
    /// Numeric citations (`[17]`, `[3,5]`, `[3-5]`, `［3］`, `【3】`) are looked up in the
    /// numbered bibliography (the section titled References, 参考文献, … in the rules), and
    /// footnote citations (`[^note]`) among the footnote definitions. Numeric citations are
    /// only checked when the document has a numbered bibliography; a range cites every number
    /// in it. Author-year citations (`(Vaswani et al., 2017)`, `Kingma and Welling (2014)`,
    /// `（Vaswani 等，2017）`) are looked up by first author and year among unnumbered entries,
    /// once the document shows it cites that way (another author-year citation resolves). Links, images, reference-style links and task-list boxes are not citations.
    pub struct CitationUndefined {
        id: "citation-undefined",
        category: Citation,
        severity: Error,
    }
}

impl Check for CitationUndefined {
    fn meta(&self) -> &'static CheckMeta {
        &Self::META
    }

    fn run(&self, ctx: &Context<'_, '_>, out: &mut Vec<Diagnostic>) {
        let doc = ctx.doc;
        let bib = doc.bibliography.as_ref();
        let numbers: HashSet<u32> = bib
            .map(|b| {
                b.entries
                    .iter()
                    .filter_map(|e| match e.key {
                        Some(RefKey::Number(n)) => Some(n),
                        _ => None,
                    })
                    .collect()
            })
            .unwrap_or_default();
        let labels: HashSet<&str> = doc.footnotes.iter().map(|f| f.label.as_str()).collect();
        // Author-year citations are only checked in a document that cites that way: its
        // bibliography has author-year entries and some citation already resolves to one.
        let resolves = |t: &CiteTarget| {
            bib.and_then(|b| b.resolve(t))
                .is_some_and(|k| bib.is_some_and(|b| b.get(&k).is_some()))
        };
        let author_year_system = doc
            .citations
            .iter()
            .flat_map(|c| &c.targets)
            .any(|t| matches!(t, CiteTarget::AuthorYear(..)) && resolves(t));
        for c in &doc.citations {
            if doc.in_bibliography(c.range.start) {
                continue;
            }
            for t in &c.targets {
                let (missing, key) = match t {
                    CiteTarget::Number(n) => (
                        !numbers.is_empty() && !numbers.contains(n),
                        RefKey::Number(*n),
                    ),
                    CiteTarget::Label(l) => {
                        (!labels.contains(l.as_str()), RefKey::Label(l.clone()))
                    }
                    CiteTarget::AuthorYear(s, y) => (
                        author_year_system && !resolves(t),
                        RefKey::AuthorYear(s.clone(), *y),
                    ),
                };
                if !missing {
                    continue;
                }
                let mut d = ctx.diagnostic(
                    c.range.clone(),
                    format!(
                        "citation {} has no entry in the bibliography",
                        shorten(&key.to_string())
                    ),
                );
                if let (RefKey::Number(_), Some(b)) = (&key, bib) {
                    let (lo, hi) = (numbers.iter().min(), numbers.iter().max());
                    let range = b
                        .title
                        .clone()
                        .or_else(|| b.entries.first().map(|e| e.range.clone()));
                    if let (Some(range), Some(lo), Some(hi)) = (range, lo, hi) {
                        d = d.with_related(
                            range,
                            format!("the bibliography has entries [{lo}]–[{hi}]"),
                        );
                    }
                }
                out.push(d);
            }
        }
    }
}

/// Long labels (a whole sentence written as a footnote label) are cut for the message.
fn shorten(s: &str) -> String {
    const MAX: usize = 40;
    if s.chars().count() <= MAX {
        return s.to_string();
    }
    let cut: String = s.chars().take(MAX).collect();
    format!("{cut}…]")
}
