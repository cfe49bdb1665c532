//! The document model: Markdown parsed once into the structures every check reads.
//!
//! All positions are byte offsets into the original text. Prose blocks carry their own text
//! (the concatenated prose of the block, with code, math, HTML and URLs left out) plus a map
//! from positions in that text back to the source.

mod bibliography;
mod block;
pub mod citation;
pub mod entry;
mod enumeration;
pub mod line_index;
pub mod names;
pub mod numbering;
mod parse;
pub mod sentences;
mod toc;

pub use bibliography::{Bibliography, RefKey, Reference};
pub use block::{Block, BlockKind, Link};
pub use citation::{Citation, CiteTarget};
pub use entry::ParsedEntry;
pub use enumeration::{EnumStyle, Enumeration, Marker, chinese_numeral};
pub use line_index::{LineCol, LineIndex};
pub use numbering::{HeadingNumber, NumberStyle};
pub use parse::markdown_options;
pub use toc::{Toc, TocEntry};

use std::ops::Range;

/// Settings that shape the model (which titles open a bibliography or a table of contents),
/// normalised once: [`crate::rules::Rules::model_options`] builds them once per rules.
#[derive(Debug, Clone)]
pub struct ModelOptions {
    pub bibliography_titles: TitleSet,
    pub toc_titles: TitleSet,
}

impl ModelOptions {
    pub fn new(bibliography_titles: &[String], toc_titles: &[String]) -> ModelOptions {
        ModelOptions {
            bibliography_titles: TitleSet::new(bibliography_titles),
            toc_titles: TitleSet::new(toc_titles),
        }
    }
}

impl Default for ModelOptions {
    fn default() -> Self {
        ModelOptions::new(
            &["References", "Bibliography", "参考文献", "引用"].map(String::from),
            &["目录", "Contents", "Table of Contents"].map(String::from),
        )
    }
}

#[derive(Debug, Clone)]
pub struct Heading {
    pub level: u8,
    pub range: Range<usize>,
    /// Index of the heading's own block in `Document::blocks`.
    pub block: usize,
    /// The nearest enclosing heading of a lower level.
    pub parent: Option<usize>,
    pub number: Option<HeadingNumber>,
}

#[derive(Debug, Clone)]
pub struct List {
    pub range: Range<usize>,
    pub ordered: bool,
    pub start: Option<u64>,
    pub items: Vec<Item>,
    /// The list item this list is nested in, as (list index, item index).
    pub parent: Option<(usize, usize)>,
    /// Index of the nearest heading before the list.
    pub section: Option<usize>,
}

#[derive(Debug, Clone)]
pub struct Item {
    pub range: Range<usize>,
    /// The `3.` or `3)` marker of an ordered item (digits only), empty for bullets.
    pub number_range: Range<usize>,
    pub number: Option<u64>,
    /// The first prose block of the item (its own text, without nested lists).
    pub block: Option<usize>,
}

#[derive(Debug, Clone)]
pub struct FootnoteDef {
    pub label: String,
    pub range: Range<usize>,
    pub label_range: Range<usize>,
    pub blocks: Vec<usize>,
}

/// An HTML comment, kept for inline suppressions.
#[derive(Debug, Clone)]
pub struct Comment {
    pub range: Range<usize>,
    pub body: Range<usize>,
}

#[derive(Debug)]
pub struct Document<'s> {
    pub text: &'s str,
    pub blocks: Vec<Block>,
    pub headings: Vec<Heading>,
    pub lists: Vec<List>,
    pub footnotes: Vec<FootnoteDef>,
    pub comments: Vec<Comment>,
    pub citations: Vec<Citation>,
    pub enumerations: Vec<Enumeration>,
    pub bibliography: Option<Bibliography>,
    pub toc: Option<Toc>,
}

impl<'s> Document<'s> {
    pub fn parse(text: &'s str, options: &ModelOptions) -> Document<'s> {
        let mut doc = parse::parse(text);
        doc.citations = citation::find_citations(&doc.blocks);
        doc.bibliography = bibliography::find(&doc, &options.bibliography_titles);
        doc.toc = toc::find(&doc, &options.toc_titles);
        doc.enumerations = enumeration::find_enumerations(&doc);
        doc
    }

    /// The heading's title as a reader sees it (code spans included).
    pub fn heading_text(&self, heading: usize) -> &str {
        &self.blocks[self.headings[heading].block].plain
    }

    /// The byte range of the section a heading opens: up to the next heading of the same or
    /// a higher level.
    pub fn section_range(&self, heading: usize) -> Range<usize> {
        let h = &self.headings[heading];
        let end = self.headings[heading + 1..]
            .iter()
            .find(|next| next.level <= h.level)
            .map_or(self.text.len(), |next| next.range.start);
        h.range.start..end
    }

    /// Whether a byte offset lies in the bibliography (references are not claims).
    pub fn in_bibliography(&self, offset: usize) -> bool {
        self.bibliography
            .as_ref()
            .is_some_and(|b| b.contains(offset))
    }
}

/// Normalises a title for comparison: trims, folds case and full-width forms, drops
/// surrounding punctuation and emphasis, collapses white space.
pub fn normalize_title(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut space = false;
    for c in s.chars() {
        let c = fold_width(c);
        if c.is_whitespace() {
            space = !out.is_empty();
            continue;
        }
        if is_dropped(c) {
            continue;
        }
        if space {
            out.push(' ');
            space = false;
        }
        out.extend(c.to_lowercase());
    }
    out.trim_matches(is_trimmed).trim().to_string()
}

/// Titles to recognise (bibliography, table of contents), normalised once.
#[derive(Debug, Clone)]
pub struct TitleSet {
    titles: Vec<String>,
    /// The longest title, in chars: a text with more chars that normalisation keeps cannot
    /// match, and is rejected without allocating.
    max_chars: usize,
    /// The first char of each title, when every title starts with a char that
    /// normalisation keeps first (see [`TitleSet::first_kept`]); `None` turns the test off.
    firsts: Option<Vec<char>>,
}

impl TitleSet {
    pub fn new(titles: &[String]) -> TitleSet {
        let titles: Vec<String> = titles.iter().map(|t| normalize_title(t)).collect();
        let max_chars = titles.iter().map(|t| t.chars().count()).max().unwrap_or(0);
        let firsts = titles
            .iter()
            .map(|t| {
                let first = t.chars().next()?;
                (TitleSet::first_kept(t) == Some(first)).then_some(first)
            })
            .collect();
        TitleSet {
            titles,
            max_chars,
            firsts,
        }
    }

    /// The first char of `text`'s normalised form if that form starts with a char that is
    /// neither white space, dropped nor trimmable: the first such char of `text`, folded
    /// and lower-cased. (A title made only of such chars, or starting with a trimmable one
    /// that trimming left, has no such first char and turns the test off.)
    fn first_kept(text: &str) -> Option<char> {
        let c = text
            .chars()
            .map(fold_width)
            .find(|&c| !c.is_whitespace() && !is_dropped(c) && !is_trimmed(c))?;
        c.to_lowercase().next()
    }

    /// Whether `text` normalises to one of the titles.
    pub fn matches(&self, text: &str) -> bool {
        // Most texts start with a letter no title starts with.
        if let Some(firsts) = &self.firsts
            && !TitleSet::first_kept(text).is_some_and(|c| firsts.contains(&c))
        {
            return false;
        }
        // ASCII letters and digits and CJK ideographs (lead bytes E4 to E9) always survive
        // normalisation: more of them than the longest title has chars cannot match. Most
        // blocks are ruled out here, on bytes, a few dozen bytes in.
        let bytes = text.as_bytes();
        let (mut certain, mut i) = (0, 0);
        while let Some(&b) = bytes.get(i) {
            certain += usize::from(b.is_ascii_alphanumeric() || (0xE4..=0xE9).contains(&b));
            i += crate::pattern::utf8_len(b);
            if certain > self.max_chars {
                return false;
            }
        }
        // Every char that is neither dropped, white space nor trimmable punctuation survives
        // normalisation as at least one char that trimming cannot remove.
        let kept = text
            .chars()
            .map(fold_width)
            .filter(|&c| !c.is_whitespace() && !is_dropped(c) && !is_trimmed(c))
            .take(self.max_chars + 1)
            .count();
        kept <= self.max_chars && self.titles.contains(&normalize_title(text))
    }
}

fn is_dropped(c: char) -> bool {
    matches!(c, '*' | '_' | '`' | '#')
}

fn is_trimmed(c: char) -> bool {
    matches!(c, ':' | '.' | ',' | ';' | '、' | '。' | '-')
}

/// A looser key for matching titles: no white space at all (writers differ on spaces
/// between CJK and Latin text) and no trailing parenthetical remark ("(stub)", "（完整代码）").
pub fn title_key(s: &str) -> String {
    let mut t = normalize_title(s);
    if t.ends_with(')')
        && let Some(open) = t.rfind('(')
        && open > 0
    {
        t.truncate(open);
    }
    t.chars().filter(|c| !c.is_whitespace()).collect()
}

/// Maps full-width ASCII forms (Ａ, （, ：) to their half-width counterparts.
pub fn fold_width(c: char) -> char {
    match c {
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
        '\u{3000}' => ' ',
        _ => c,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        /// The filters in front of normalisation never change the answer.
        #[test]
        fn title_matching_is_normalised_equality(
            t in "[ \\t*_#`:.,;、。\\-]{0,3}(References|参考文献|Contents|目录|REFERENCES|Ｒｅｆｅｒｅｎｃｅｓ|Table of Contents|引用|x|1\\.)?[ \\t*_#`:.,;、。：\\-\\u{3000}]{0,3}[A-Za-z参考文献]{0,3}"
        ) {
            let titles: Vec<String> = ["References", "参考文献", "Table of Contents", "目录"]
                .map(String::from)
                .to_vec();
            let set = TitleSet::new(&titles);
            let normalised: Vec<String> = titles.iter().map(|s| normalize_title(s)).collect();
            proptest::prop_assert_eq!(set.matches(&t), normalised.contains(&normalize_title(&t)));
        }
    }
}
