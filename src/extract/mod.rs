//! Claim extraction: small grammars and helpers that turn the document model's sentences
//! into claims (years, quantities, labels, acronym definitions, attributions, terms) bound
//! to what they cite. Checks compare the claims; nothing here reports.

pub mod acronyms;
pub mod labels;
pub mod terms;
pub mod text;

use crate::document::{Block, BlockKind, Document};
use std::cell::OnceCell;

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

pub mod attributions;
pub mod subjects;
pub mod years;

/// Claims shared by several checks, each kind extracted at most once per document and only
/// when a check asks for it: a check that has nothing to compare them with (no
/// bibliography) or is disabled costs nothing.
pub struct Claims<'a, 'd> {
    doc: &'a Document<'d>,
    rules: &'a crate::rules::Rules,
    subjects: OnceCell<subjects::Subjects>,
    years: OnceCell<Vec<years::YearClaim>>,
    attributions: OnceCell<Vec<attributions::Attribution>>,
    counts: OnceCell<Vec<counts::CountClaim>>,
    quantities: OnceCell<Vec<ProseQuantity>>,
}

/// A quantity read in prose, with where it stands.
pub struct ProseQuantity {
    pub block: usize,
    pub sentence: usize,
    /// Source range of the number and unit.
    pub range: std::ops::Range<usize>,
    pub quantity: quantities::Quantity,
}

impl<'a, 'd> Claims<'a, 'd> {
    /// Claims of `doc`, none extracted yet.
    pub fn new(doc: &'a Document<'d>, rules: &'a crate::rules::Rules) -> Self {
        Claims {
            doc,
            rules,
            subjects: OnceCell::new(),
            years: OnceCell::new(),
            attributions: OnceCell::new(),
            counts: OnceCell::new(),
            quantities: OnceCell::new(),
        }
    }

    /// Names bound to references.
    pub fn subjects(&self) -> &subjects::Subjects {
        self.subjects
            .get_or_init(|| subjects::Subjects::build(self.doc, self.rules))
    }

    pub fn years(&self) -> &[years::YearClaim] {
        self.years
            .get_or_init(|| years::extract(self.doc, self.subjects(), self.rules))
    }

    pub fn attributions(&self) -> &[attributions::Attribution] {
        self.attributions
            .get_or_init(|| attributions::extract(self.doc, self.subjects(), self.rules))
    }

    pub fn counts(&self) -> &[counts::CountClaim] {
        self.counts.get_or_init(|| counts::extract(self.doc))
    }

    /// Quantities of the prose. Without a bibliography they are only compared with each
    /// other, as measurements (digits with a unit): only those are read.
    pub fn quantities(&self) -> &[ProseQuantity] {
        self.quantities.get_or_init(|| {
            let mut out = Vec::new();
            let wanted = if self.doc.bibliography.is_none() {
                quantities::Wanted::Measured
            } else {
                quantities::Wanted::All
            };
            for (b, block) in prose_blocks(self.doc, false) {
                for (s, sentence) in block.sentences.iter().enumerate() {
                    for q in quantities::mentions_of(&block.text, sentence.clone(), wanted) {
                        out.push(ProseQuantity {
                            block: b,
                            sentence: s,
                            range: block.source_range(q.range.clone()),
                            quantity: q,
                        });
                    }
                }
            }
            out
        })
    }
}
pub mod counts;
pub mod quantities;
