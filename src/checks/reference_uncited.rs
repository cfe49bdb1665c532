use super::{Check, CheckMeta, Context, declare_check};
use crate::diagnostic::Diagnostic;
use crate::document::{CiteTarget, RefKey, citation};
use crate::hash::HashSet;

declare_check! {
    /// A bibliography entry that the text never cites.
    ///
    /// Numbered entries are reported only when the document cites by number at all (a plain
    /// reading list titled References is not a citation system); footnote definitions are
    /// reported when no `[^label]` refers to them. Lists under other titles (参考资料,
    /// Further reading) are not the bibliography and need no citations.
    pub struct ReferenceUncited {
        id: "reference-uncited",
        category: Citation,
        severity: Warning,
    }
}

impl Check for ReferenceUncited {
    fn meta(&self) -> &'static CheckMeta {
        &Self::META
    }

    fn run(&self, ctx: &Context<'_, '_>, out: &mut Vec<Diagnostic>) {
        let doc = ctx.doc;
        let Some(bib) = &doc.bibliography else { return };
        let cited: HashSet<&CiteTarget> = doc
            .citations
            .iter()
            .filter(|c| !doc.in_bibliography(c.range.start) || in_footnote(ctx, c.block))
            .flat_map(|c| &c.targets)
            .collect();
        let mut cited: HashSet<RefKey> = cited.into_iter().filter_map(|t| bib.resolve(t)).collect();
        let all_cited = bib
            .entries
            .iter()
            .all(|e| e.key.as_ref().is_none_or(|k| cited.contains(k)));
        if all_cited {
            return;
        }
        // Citations the Markdown parser hides from prose (inside indented blocks of MkDocs
        // admonitions, grammar code blocks) still cite: an entry is only "never cited" when
        // its marker appears nowhere outside the bibliography.
        let raw = citation::scan(doc.text)
            .into_iter()
            .filter(|(r, _)| !doc.in_bibliography(r.start))
            .flat_map(|(_, t)| t);
        cited.extend(raw.filter_map(|t| bib.resolve(&t)));
        // Numbered and author-year entries are only expected to be cited when the document
        // cites that way at all (a plain reading list titled References is no citation system).
        let cites_numbers = cited
            .iter()
            .any(|k| matches!(k, RefKey::Number(_)) && bib.get(k).is_some());
        let cites_author_year = cited
            .iter()
            .any(|k| matches!(k, RefKey::AuthorYear(..)) && bib.get(k).is_some());
        for entry in &bib.entries {
            let expected = match &entry.key {
                Some(RefKey::Number(_)) => cites_numbers,
                Some(RefKey::AuthorYear(..)) => cites_author_year,
                Some(RefKey::Label(_)) => true,
                None => false,
            };
            if !expected || entry.key.as_ref().is_some_and(|k| cited.contains(k)) {
                continue;
            }
            let key = entry
                .key
                .as_ref()
                .map(ToString::to_string)
                .unwrap_or_default();
            // Unnumbered entries have no key marker: point at the entry's first line.
            let range = if entry.key_range.is_empty() {
                let text = doc.text.get(entry.range.clone()).unwrap_or("");
                let first = text.lines().next().unwrap_or("").trim_end();
                entry.range.start..entry.range.start + first.len()
            } else {
                entry.key_range.clone()
            };
            out.push(ctx.diagnostic(range, format!("reference {key} is never cited in the text")));
        }
    }
}

/// Footnote definitions may cite each other.
fn in_footnote(ctx: &Context<'_, '_>, block: usize) -> bool {
    ctx.doc.blocks[block].footnote.is_some()
}
