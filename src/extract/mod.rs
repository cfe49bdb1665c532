//! Claim extraction: small grammars and helpers that turn the document model's sentences
//! into claims (years, quantities, labels, acronym definitions, attributions, terms) bound
//! to what they cite. Checks compare the claims; nothing here reports.

pub mod acronyms;
pub mod text;

use crate::document::{Block, BlockKind, Document};

/// The prose blocks claims are read from: not the bibliography, not footnote definitions
/// (they are references), and not headings unless `headings` is set.
pub fn prose_blocks<'a>(
    doc: &'a Document<'_>,
    headings: bool,
) -> impl Iterator<Item = (usize, &'a Block)> + 'a {
    doc.blocks.iter().enumerate().filter(move |(_, b)| {
        b.footnote.is_none()
            && !doc.in_bibliography(b.range.start)
            && (headings || !matches!(b.kind, BlockKind::Heading(_)))
            && !doc
                .toc
                .as_ref()
                .is_some_and(|t| t.range.contains(&b.range.start))
    })
}
