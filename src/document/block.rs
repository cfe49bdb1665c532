//! Prose blocks: the text of a paragraph, heading, list item or table cell, with a map back
//! to source offsets.

use std::ops::Range;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BlockKind {
    Paragraph,
    /// The heading with this index in `Document::headings`.
    Heading(usize),
    /// Text directly inside a (tight) list item.
    ItemText,
    TableCell,
}

/// A link inside a block: where its text lies in the block text, and its destination.
#[derive(Debug, Clone)]
pub struct Link {
    pub text: Range<usize>,
    pub dest: String,
}

/// One piece of block text copied from the source. `exact` pieces are byte-identical to
/// `src`, so offsets inside them map one to one; others (escapes, entities, placeholders)
/// map every offset to the start of their source range.
#[derive(Debug, Clone)]
struct Segment {
    text_start: usize,
    src: Range<usize>,
    exact: bool,
}

#[derive(Debug, Clone)]
pub struct Block {
    pub kind: BlockKind,
    pub range: Range<usize>,
    pub text: String,
    /// The text as a reader sees it, with code spans' content kept: what titles are
    /// compared by (a TOC entry against its heading). Kept only for headings and list
    /// items (see `keeps_plain`); empty for other blocks.
    pub plain: String,
    keep_plain: bool,
    segments: Vec<Segment>,
    /// The nearest heading at or before this block.
    pub section: Option<usize>,
    /// The innermost list item holding this block, as (list index, item index).
    pub item: Option<(usize, usize)>,
    /// The footnote definition holding this block.
    pub footnote: Option<usize>,
    pub links: Vec<Link>,
    /// Sentence ranges in `text` coordinates.
    pub sentences: Vec<Range<usize>>,
}

/// Stands in for code, math, images and autolinks: keeps the text's shape without their content.
pub const PLACEHOLDER: char = '\u{FFFC}';

impl Block {
    pub fn new(kind: BlockKind, start: usize) -> Block {
        Block {
            kind,
            range: start..start,
            text: String::new(),
            plain: String::new(),
            keep_plain: matches!(kind, BlockKind::Heading(_) | BlockKind::ItemText),
            segments: Vec::new(),
            section: None,
            item: None,
            footnote: None,
            links: Vec::new(),
            sentences: Vec::new(),
        }
    }

    /// Appends text that came from `src`; `source` is the whole document.
    pub fn push(&mut self, piece: &str, src: Range<usize>, source: &str) {
        // The parser's text is usually a slice of the source itself: then no comparison.
        let exact = source.get(src.clone()).is_some_and(|s| {
            (s.as_ptr() == piece.as_ptr() && s.len() == piece.len()) || s == piece
        });
        let first = self.segments.is_empty();
        let text_start = self.text.len();
        match self.segments.last_mut() {
            // Text that continues the last piece in both the text and the source (the lines
            // of a paragraph) extends its segment: offsets map the same way.
            Some(last)
                if exact
                    && last.exact
                    && last.src.end == src.start
                    && last.text_start + last.src.len() == text_start =>
            {
                last.src.end = src.end;
            }
            _ => self.segments.push(Segment {
                text_start,
                src: src.clone(),
                exact,
            }),
        }
        self.text.push_str(piece);
        if self.keep_plain {
            self.plain.push_str(piece);
        }
        self.extend_range(src, first);
    }

    /// Keeps the reader's text for a block that is a title or a list item (a TOC entry).
    pub fn keep_plain(&mut self) {
        self.keep_plain = true;
    }

    /// Appends code or math: a placeholder in `text`, the content itself in `plain`.
    pub fn push_code(&mut self, code: &str, src: Range<usize>) {
        self.push_placeholder(PLACEHOLDER, src);
        if self.keep_plain {
            self.plain.pop();
            self.plain.push_str(code);
        }
    }

    pub fn push_placeholder(&mut self, c: char, src: Range<usize>) {
        let first = self.segments.is_empty();
        self.segments.push(Segment {
            text_start: self.text.len(),
            src: src.clone(),
            exact: false,
        });
        self.text.push(c);
        if self.keep_plain {
            self.plain.push(c);
        }
        self.extend_range(src, first);
    }

    fn extend_range(&mut self, src: Range<usize>, first: bool) {
        if first {
            self.range = src;
        } else {
            self.range.start = self.range.start.min(src.start);
            self.range.end = self.range.end.max(src.end);
        }
    }

    /// Maps an offset in `text` to a source offset.
    pub fn to_source(&self, offset: usize) -> usize {
        let i = match self
            .segments
            .binary_search_by(|s| s.text_start.cmp(&offset))
        {
            Ok(i) => i,
            Err(0) => return self.range.start,
            Err(i) => i - 1,
        };
        let seg = &self.segments[i];
        let delta = offset - seg.text_start;
        if seg.exact {
            (seg.src.start + delta).min(seg.src.end)
        } else if delta == 0 {
            seg.src.start
        } else {
            seg.src.end
        }
    }

    /// Maps a range of `text` to a source range.
    pub fn source_range(&self, range: Range<usize>) -> Range<usize> {
        let start = self.to_source(range.start);
        let end = if range.end > range.start {
            // Map the last character, then step past it, so an end inside an inexact
            // segment still covers that segment.
            let last = self.text[..range.end]
                .char_indices()
                .next_back()
                .map_or(range.start, |(i, _)| i);
            let src_last = self.to_source(last);
            let seg_end = self.segment_end(last);
            if self.is_exact(last) {
                src_last + (range.end - last)
            } else {
                seg_end
            }
        } else {
            start
        };
        start..end.max(start)
    }

    fn segment_index(&self, offset: usize) -> Option<usize> {
        match self
            .segments
            .binary_search_by(|s| s.text_start.cmp(&offset))
        {
            Ok(i) => Some(i),
            Err(0) => None,
            Err(i) => Some(i - 1),
        }
    }

    fn is_exact(&self, offset: usize) -> bool {
        self.segment_index(offset)
            .is_some_and(|i| self.segments[i].exact)
    }

    fn segment_end(&self, offset: usize) -> usize {
        self.segment_index(offset)
            .map_or(self.range.end, |i| self.segments[i].src.end)
    }

    /// The sentence (in text coordinates) containing a text offset.
    pub fn sentence_at(&self, offset: usize) -> Option<Range<usize>> {
        self.sentences
            .iter()
            .find(|s| s.start <= offset && offset < s.end.max(s.start + 1))
            .cloned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn maps_exact_and_inexact_segments() {
        let source = "ab `code` cd";
        let mut b = Block::new(BlockKind::Paragraph, 0);
        b.push("ab ", 0..3, source);
        b.push_placeholder(PLACEHOLDER, 3..9);
        b.push(" cd", 9..12, source);
        assert_eq!(b.to_source(1), 1);
        let p = b.text.find(PLACEHOLDER).unwrap();
        assert_eq!(b.source_range(p..p + PLACEHOLDER.len_utf8()), 3..9);
        let c = b.text.find("cd").unwrap();
        assert_eq!(b.source_range(c..c + 2), 10..12);
    }

    #[test]
    fn contiguous_pieces_share_a_segment() {
        let source = "ab\ncd `x` ef \\* g";
        let mut b = Block::new(BlockKind::Paragraph, 0);
        b.push("ab", 0..2, source);
        b.push("\n", 2..3, source);
        // A copy, not a slice of the source: compared by its bytes.
        let copy = String::from("cd ");
        b.push(&copy, 3..6, source);
        b.push_placeholder(PLACEHOLDER, 6..9);
        b.push(" ef ", 9..13, source);
        // An escape: the text is not the source, and the next piece does not continue it.
        b.push("*", 13..15, source);
        b.push(" g", 15..17, source);
        assert_eq!(b.segments.len(), 5);
        assert_eq!(b.range, 0..17);
        assert_eq!(b.source_range(4..5), 4..5);
        let e = b.text.find("ef").unwrap();
        assert_eq!(b.source_range(e..e + 2), 10..12);
        let star = b.text.find('*').unwrap();
        assert_eq!(b.source_range(star..star + 1), 13..15);
        assert_eq!(b.source_range(star + 2..star + 3), 16..17);
    }
}
