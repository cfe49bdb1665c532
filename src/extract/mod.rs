//! Claim extraction: small grammars and helpers that turn the document model's sentences
//! into claims (years, quantities, labels, acronym definitions, attributions, terms) bound
//! to what they cite. Checks compare the claims; nothing here reports.

pub mod acronyms;
pub mod labels;
pub mod terms;
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

pub mod attributions;
pub mod subjects;
pub mod years;

/// Claims shared by several checks, extracted once per document.
pub struct Claims {
    pub subjects: subjects::Subjects,
    pub years: Vec<years::YearClaim>,
    pub attributions: Vec<attributions::Attribution>,
    pub counts: Vec<counts::CountClaim>,
    pub quantities: Vec<ProseQuantity>,
}

/// A quantity read in prose, with where it stands.
pub struct ProseQuantity {
    pub block: usize,
    pub sentence: usize,
    /// Source range of the number and unit.
    pub range: std::ops::Range<usize>,
    pub quantity: quantities::Quantity,
}

impl Claims {
    pub fn extract(doc: &Document<'_>, rules: &crate::rules::Rules) -> Claims {
        let subjects = subjects::Subjects::build(doc, rules);
        let years = years::extract(doc, &subjects, rules);
        let attributions = attributions::extract(doc, &subjects, rules);
        let counts = counts::extract(doc);
        let mut quantities = Vec::new();
        for (b, block) in prose_blocks(doc, false) {
            for (s, sentence) in block.sentences.iter().enumerate() {
                for q in quantities::mentions(&block.text, sentence.clone()) {
                    quantities.push(ProseQuantity {
                        block: b,
                        sentence: s,
                        range: block.source_range(q.range.clone()),
                        quantity: q,
                    });
                }
            }
        }
        Claims {
            subjects,
            years,
            attributions,
            counts,
            quantities,
        }
    }
}
pub mod counts;
pub mod quantities;
