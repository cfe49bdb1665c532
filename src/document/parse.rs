//! The single pass over pulldown-cmark's events that builds blocks, headings, lists,
//! footnote definitions and comments.

use super::block::{Block, BlockKind, Link, PLACEHOLDER};
use super::{Comment, Document, FootnoteDef, Heading, Item, List, numbering, sentences};
use pulldown_cmark::{Event, LinkType, Options, Parser, Tag, TagEnd};
use std::ops::Range;

pub fn markdown_options() -> Options {
    Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_TASKLISTS
        | Options::ENABLE_MATH
        | Options::ENABLE_HEADING_ATTRIBUTES
}

#[derive(Debug)]
enum Container {
    List(usize),
    Item(usize, usize),
    Footnote(usize),
    /// Content that is not prose (code, HTML, images, autolinks, front matter).
    Opaque,
    Link(usize),
    Other,
}

struct Builder<'s> {
    text: &'s str,
    blocks: Vec<Block>,
    headings: Vec<Heading>,
    lists: Vec<List>,
    footnotes: Vec<FootnoteDef>,
    comments: Vec<Comment>,
    stack: Vec<Container>,
    /// The headings that may still be the parent of a later one: each of a lower level
    /// than the next (indices into `headings`).
    open_headings: Vec<usize>,
    current: Option<Block>,
    opaque: usize,
}

/// Front matter (`---` YAML or `+++` TOML) at the very start of the document, as a byte
/// range. pulldown-cmark's metadata option also takes `---` pairs in the middle of a
/// document for metadata, which swallows real content, so front matter is found here.
pub fn front_matter(text: &str) -> Option<Range<usize>> {
    let fence = ["---", "+++"].into_iter().find(|f| {
        text.strip_prefix(f)
            .is_some_and(|rest| rest.starts_with('\n') || rest.starts_with("\r\n"))
    })?;
    let mut offset = text.find('\n')? + 1;
    for line in text[offset..].split_inclusive('\n') {
        let trimmed = line.trim_end();
        offset += line.len();
        if trimmed == fence || (fence == "---" && trimmed == "...") {
            return Some(0..offset);
        }
    }
    None
}

pub fn parse(text: &str) -> Document<'_> {
    // Front matter is blanked out (same length, newlines kept) so offsets stay valid.
    let masked: Option<String> = front_matter(text).map(|fm| {
        let spaces: String = text[fm.clone()]
            .bytes()
            .map(|b| if b == b'\n' { '\n' } else { ' ' })
            .collect();
        format!("{spaces}{}", &text[fm.end..])
    });
    let input = masked.as_deref().unwrap_or(text);
    let mut b = Builder {
        text: input,
        blocks: Vec::new(),
        headings: Vec::new(),
        lists: Vec::new(),
        footnotes: Vec::new(),
        comments: Vec::new(),
        stack: Vec::new(),
        open_headings: Vec::new(),
        current: None,
        opaque: 0,
    };
    for (event, range) in Parser::new_ext(input, markdown_options()).into_offset_iter() {
        b.event(event, range);
    }
    b.close_block();
    for block in &mut b.blocks {
        block.sentences = sentences::split(&block.text);
    }
    let mut headings = b.headings;
    for h in &mut headings {
        h.number = numbering::parse_heading_number(&b.blocks[h.block]);
    }
    Document {
        text,
        blocks: b.blocks,
        headings,
        lists: b.lists,
        footnotes: b.footnotes,
        comments: b.comments,
        citations: Vec::new(),
        enumerations: Vec::new(),
        bibliography: None,
        toc: None,
    }
}

impl Builder<'_> {
    fn innermost_item(&self) -> Option<(usize, usize)> {
        self.stack.iter().rev().find_map(|c| match c {
            Container::Item(l, i) => Some((*l, *i)),
            _ => None,
        })
    }

    fn innermost_footnote(&self) -> Option<usize> {
        self.stack.iter().rev().find_map(|c| match c {
            Container::Footnote(f) => Some(*f),
            _ => None,
        })
    }

    fn open_block(&mut self, kind: BlockKind, start: usize) {
        self.close_block();
        let mut block = Block::new(kind, start);
        block.section = self.headings.len().checked_sub(1);
        block.item = self.innermost_item();
        block.footnote = self.innermost_footnote();
        if block.item.is_some() {
            block.keep_plain();
        }
        self.current = Some(block);
    }

    fn close_block(&mut self) {
        let Some(block) = self.current.take() else {
            return;
        };
        let index = self.blocks.len();
        if let BlockKind::Heading(h) = block.kind {
            self.headings[h].block = index;
        } else if block.text.trim().is_empty() {
            return;
        }
        if let Some((l, i)) = block.item {
            let item = &mut self.lists[l].items[i];
            if item.block.is_none() {
                item.block = Some(index);
            }
        }
        if let Some(f) = block.footnote {
            self.footnotes[f].blocks.push(index);
        }
        self.blocks.push(block);
    }

    /// The block that inline content goes to, opening one for text directly in an item.
    fn block_for_inline(&mut self, start: usize) -> &mut Block {
        if self.current.is_none() {
            let kind = if self.innermost_item().is_some() {
                BlockKind::ItemText
            } else {
                BlockKind::Paragraph
            };
            self.open_block(kind, start);
        }
        self.current
            .get_or_insert_with(|| Block::new(BlockKind::Paragraph, start))
    }

    fn record_comments(&mut self, range: Range<usize>) {
        let slice = &self.text[range.clone()];
        let mut from = 0;
        while let Some(open) = slice[from..].find("<!--") {
            let body_start = from + open + 4;
            let Some(close) = slice[body_start..].find("-->") else {
                break;
            };
            let body_end = body_start + close;
            self.comments.push(Comment {
                range: range.start + from + open..range.start + body_end + 3,
                body: range.start + body_start..range.start + body_end,
            });
            from = body_end + 3;
        }
    }

    fn event(&mut self, event: Event<'_>, range: Range<usize>) {
        match event {
            Event::Start(tag) => self.start(tag, range),
            Event::End(tag) => self.end(tag),
            Event::Html(_) | Event::InlineHtml(_) => self.record_comments(range),
            _ if self.opaque > 0 => {}
            Event::Text(t) => {
                let text = self.text;
                self.block_for_inline(range.start).push(&t, range, text);
            }
            Event::Code(code) | Event::InlineMath(code) | Event::DisplayMath(code) => {
                self.block_for_inline(range.start).push_code(&code, range);
            }
            Event::FootnoteReference(label) => {
                let text = self.text;
                let piece = format!("[^{label}]");
                self.block_for_inline(range.start).push(&piece, range, text);
            }
            Event::SoftBreak | Event::HardBreak => {
                if let Some(block) = self.current.as_mut() {
                    block.push_placeholder('\n', range);
                }
            }
            Event::Rule => self.close_block(),
            Event::TaskListMarker(_) => {}
        }
    }

    fn start(&mut self, tag: Tag<'_>, range: Range<usize>) {
        if self.opaque > 0 {
            if matches!(
                tag,
                Tag::Image { .. } | Tag::CodeBlock(_) | Tag::HtmlBlock | Tag::MetadataBlock(_)
            ) || matches!(&tag, Tag::Link { .. })
            {
                self.stack.push(Container::Opaque);
                self.opaque += 1;
            } else {
                self.stack.push(Container::Other);
            }
            return;
        }
        match tag {
            Tag::Paragraph => self.open_block(BlockKind::Paragraph, range.start),
            Tag::Heading { level, .. } => {
                self.close_block();
                let index = self.headings.len();
                let lvl = level as u8;
                // The nearest earlier heading of a lower level: the headings after it are
                // all of this level or deeper, and close here.
                while let Some(&last) = self.open_headings.last()
                    && self.headings[last].level >= lvl
                {
                    self.open_headings.pop();
                }
                let parent = self.open_headings.last().copied();
                self.open_headings.push(index);
                let trimmed = self.text[range.clone()].trim_end().len();
                self.headings.push(Heading {
                    level: lvl,
                    range: range.start..range.start + trimmed,
                    block: usize::MAX,
                    parent,
                    number: None,
                });
                self.open_block(BlockKind::Heading(index), range.start);
                self.stack.push(Container::Other);
                return;
            }
            Tag::TableCell => self.open_block(BlockKind::TableCell, range.start),
            Tag::List(start) => {
                self.close_block();
                let parent = self.innermost_item();
                self.lists.push(List {
                    range,
                    ordered: start.is_some(),
                    start,
                    items: Vec::new(),
                    parent,
                    section: self.headings.len().checked_sub(1),
                });
                self.stack.push(Container::List(self.lists.len() - 1));
                return;
            }
            Tag::Item => {
                self.close_block();
                let Some(list) = self.stack.iter().rev().find_map(|c| match c {
                    Container::List(l) => Some(*l),
                    _ => None,
                }) else {
                    self.stack.push(Container::Other);
                    return;
                };
                let (number_range, number) = item_number(self.text, &range);
                let ordered = self.lists[list].ordered;
                self.lists[list].items.push(Item {
                    range,
                    number_range,
                    number: if ordered { number } else { None },
                    block: None,
                });
                let item = self.lists[list].items.len() - 1;
                self.stack.push(Container::Item(list, item));
                return;
            }
            Tag::FootnoteDefinition(label) => {
                self.close_block();
                let label_range = footnote_label_range(self.text, &range);
                self.footnotes.push(FootnoteDef {
                    label: label.to_string(),
                    range,
                    label_range,
                    blocks: Vec::new(),
                });
                self.stack
                    .push(Container::Footnote(self.footnotes.len() - 1));
                return;
            }
            Tag::CodeBlock(_) | Tag::HtmlBlock | Tag::MetadataBlock(_) => {
                self.close_block();
                if matches!(tag, Tag::HtmlBlock) {
                    self.record_comments(range);
                }
                self.opaque += 1;
                self.stack.push(Container::Opaque);
                return;
            }
            Tag::Image { .. } => {
                self.block_for_inline(range.start)
                    .push_placeholder(PLACEHOLDER, range);
                self.opaque += 1;
                self.stack.push(Container::Opaque);
                return;
            }
            Tag::Link {
                link_type,
                dest_url,
                ..
            } => {
                if matches!(link_type, LinkType::Autolink | LinkType::Email) {
                    self.block_for_inline(range.start)
                        .push_placeholder(PLACEHOLDER, range);
                    self.opaque += 1;
                    self.stack.push(Container::Opaque);
                } else if let Some(cite_end) = citation_link(self.text, &range, &dest_url) {
                    // `[3](#ref-3)` links a citation to its entry, and `[14](文生图)` is a
                    // citation followed by a parenthesis that Markdown reads as a link: both
                    // are citations in the prose.
                    let text = self.text;
                    let end = if is_url_like(&dest_url) {
                        cite_end
                    } else {
                        range.end
                    };
                    self.block_for_inline(range.start).push(
                        &text[range.start..end],
                        range.start..end,
                        text,
                    );
                    self.opaque += 1;
                    self.stack.push(Container::Opaque);
                } else {
                    let block = self.block_for_inline(range.start);
                    let at = block.text.len();
                    block.links.push(Link {
                        text: at..at,
                        dest: dest_url.to_string(),
                    });
                    let index = block.links.len() - 1;
                    self.stack.push(Container::Link(index));
                }
                return;
            }
            Tag::BlockQuote(_) | Tag::Table(_) | Tag::TableHead | Tag::TableRow => {
                self.close_block()
            }
            Tag::DefinitionList | Tag::DefinitionListTitle | Tag::DefinitionListDefinition => {
                self.close_block()
            }
            _ => {}
        }
        self.stack.push(Container::Other);
    }

    fn end(&mut self, tag: TagEnd) {
        let popped = self.stack.pop();
        match popped {
            Some(Container::Opaque) => {
                self.opaque = self.opaque.saturating_sub(1);
                return;
            }
            Some(Container::Link(index)) => {
                if let Some(block) = self.current.as_mut()
                    && let Some(link) = block.links.get_mut(index)
                {
                    link.text.end = block.text.len();
                }
                return;
            }
            _ => {}
        }
        if self.opaque > 0 {
            return;
        }
        match tag {
            TagEnd::Emphasis
            | TagEnd::Strong
            | TagEnd::Strikethrough
            | TagEnd::Superscript
            | TagEnd::Subscript => {}
            _ => self.close_block(),
        }
    }
}

/// If a link's text is a citation number (`[3]`, `[3,5]`), the end of that bracket.
fn citation_link(text: &str, range: &Range<usize>, dest: &str) -> Option<usize> {
    let slice = text.get(range.clone())?;
    let inner = slice.strip_prefix('[')?;
    let close = inner.find(']')?;
    let label = &inner[..close];
    let numeric = !label.is_empty()
        && label
            .chars()
            .all(|c| c.is_ascii_digit() || matches!(c, ',' | '，' | '-' | '–' | ' '))
        && label.starts_with(|c: char| c.is_ascii_digit());
    let anchor_or_text = dest.starts_with('#') || !is_url_like(dest);
    (numeric && anchor_or_text && inner[close + 1..].starts_with('('))
        .then_some(range.start + 1 + close + 1)
}

/// Whether a link destination looks like a URL or a path rather than words.
fn is_url_like(dest: &str) -> bool {
    !dest.is_empty()
        && !dest
            .chars()
            .any(|c| c.is_whitespace() || super::sentences::is_cjk(c))
        && (dest.contains(':') || dest.contains('/') || dest.contains('.') || dest.starts_with('#'))
}

/// Reads the digits of an ordered item's marker at the start of its range.
fn item_number(text: &str, range: &Range<usize>) -> (Range<usize>, Option<u64>) {
    let slice = text.get(range.clone()).unwrap_or("");
    let lead = slice.len() - slice.trim_start().len();
    let digits = slice[lead..].bytes().take_while(u8::is_ascii_digit).count();
    let start = range.start + lead;
    let number = slice[lead..lead + digits].parse().ok();
    (start..start + digits, number)
}

/// The range of `label` in `[^label]:` at the start of a footnote definition.
fn footnote_label_range(text: &str, range: &Range<usize>) -> Range<usize> {
    let slice = text.get(range.clone()).unwrap_or("");
    match (slice.find("[^"), slice.find("]")) {
        (Some(a), Some(b)) if a + 2 <= b => range.start + a + 2..range.start + b,
        _ => range.start..range.start,
    }
}
