//! A table of contents: a 目录 / Contents label (heading or paragraph) followed by a list,
//! nested or not, with or without links.

use super::numbering::{self, NumberStyle};
use super::{BlockKind, Document, TitleSet};
use crate::hash::HashMap;
use std::ops::Range;

#[derive(Debug, Clone)]
pub struct TocEntry {
    /// Nesting depth, 0 for the outermost list.
    pub depth: usize,
    /// Source range of the entry's text.
    pub range: Range<usize>,
    pub block: usize,
    /// The number, from the ordered-list marker or from the text (`一、`, `1.2`).
    pub number: Option<(NumberStyle, Vec<u32>)>,
    /// Source range of the number text or marker, for fixes.
    pub number_range: Option<Range<usize>>,
    /// The title without its number.
    pub title: String,
    /// Source range of the title, for fixes.
    pub title_range: Range<usize>,
    pub link: Option<String>,
}

#[derive(Debug, Clone)]
pub struct Toc {
    pub label: Range<usize>,
    pub range: Range<usize>,
    pub entries: Vec<TocEntry>,
}

pub fn find(doc: &Document<'_>, wanted: &TitleSet) -> Option<Toc> {
    for (i, block) in doc.blocks.iter().enumerate() {
        let is_label = matches!(block.kind, BlockKind::Heading(_))
            || (block.kind == BlockKind::Paragraph && block.item.is_none());
        if !is_label || !wanted.matches(&block.text) {
            continue;
        }
        let next = doc.blocks.get(i + 1)?;
        let (list_index, _) = next.item?;
        // The outermost list holding the next block.
        let mut root = list_index;
        while let Some((parent, _)) = doc.lists[root].parent {
            if doc.lists[parent].range.start < block.range.end {
                break;
            }
            root = parent;
        }
        let list = &doc.lists[root];
        if list.range.start < block.range.end {
            continue;
        }
        let mut children: HashMap<(usize, usize), Vec<usize>> = HashMap::default();
        for (index, l) in doc.lists.iter().enumerate().skip(root + 1) {
            if let Some(parent) = l.parent {
                children.entry(parent).or_default().push(index);
            }
        }
        let mut entries = Vec::new();
        collect(doc, &children, root, 0, &mut entries);
        return Some(Toc {
            label: block.range.clone(),
            range: list.range.clone(),
            entries,
        });
    }
    None
}

/// Deeper nesting is not a table of contents any reader would follow.
const MAX_DEPTH: usize = 16;

type Children = HashMap<(usize, usize), Vec<usize>>;

fn collect(
    doc: &Document<'_>,
    children: &Children,
    list: usize,
    depth: usize,
    out: &mut Vec<TocEntry>,
) {
    if depth > MAX_DEPTH {
        return;
    }
    let l = &doc.lists[list];
    for (k, item) in l.items.iter().enumerate() {
        if let Some(b) = item.block {
            let block = &doc.blocks[b];
            // Ranges come from `text`; the title a reader sees from `plain`. The two agree up
            // to the first code span, which never precedes a section number.
            let text = block.text.trim_end();
            let lead = text.len() - text.trim_start().len();
            let link = block.links.first().map(|l| l.dest.clone());
            let (number, number_range, title_start) = match item.number {
                Some(n) => (
                    Some((NumberStyle::Decimal, vec![n as u32])),
                    Some(item.number_range.clone()),
                    lead,
                ),
                None => match numbering::parse_prefix(&text[lead..]) {
                    Some(p) => (
                        Some((p.style, p.parts)),
                        Some(block.source_range(lead..lead + p.number_len)),
                        lead + p.title_start,
                    ),
                    None => (None, None, lead),
                },
            };
            let title_range = title_start..text.len();
            out.push(TocEntry {
                depth,
                range: block.source_range(lead..text.len()),
                block: b,
                number,
                number_range,
                title: block
                    .plain
                    .get(title_start..)
                    .unwrap_or(&text[title_range.clone()])
                    .trim_end()
                    .to_string(),
                title_range: block.source_range(title_range),
                link,
            });
        }
        // Depth is bounded by the Markdown nesting, which the parser already walked.
        for &child in children.get(&(list, k)).into_iter().flatten() {
            collect(doc, children, child, depth + 1, out);
        }
    }
}
