//! The reference list: a section titled References / Bibliography / 参考文献 (configurable),
//! or a label paragraph with that title followed by a list; plus footnote definitions.

use super::citation::CiteTarget;
use super::entry::{self, ParsedEntry};
use super::{BlockKind, Document, TitleSet};
use crate::document::numbering;
use crate::hash::HashMap;
use std::ops::Range;

#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum RefKey {
    Number(u32),
    Label(String),
    /// An unnumbered entry, cited as "(Surname et al., 2017)": the first author's surname
    /// (case-folded, without diacritics) and the year.
    AuthorYear(String, u16),
}

impl std::fmt::Display for RefKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            RefKey::Number(n) => write!(f, "[{n}]"),
            RefKey::Label(l) => write!(f, "[^{l}]"),
            RefKey::AuthorYear(s, y) => {
                let mut c = s.chars();
                let name: String = c
                    .next()
                    .map(|f| f.to_uppercase().chain(c).collect())
                    .unwrap_or_default();
                write!(f, "({name}, {y})")
            }
        }
    }
}

#[derive(Debug, Clone)]
pub struct Reference {
    pub key: Option<RefKey>,
    /// Source range of the number or label.
    pub key_range: Range<usize>,
    /// Source range of the whole entry.
    pub range: Range<usize>,
    pub text: String,
    /// The block whose text holds `text`, at `text_offset`; maps entry ranges to the source.
    pub block: Option<usize>,
    pub text_offset: usize,
    pub parsed: ParsedEntry,
}

impl Reference {
    /// Whether the entry is a reference to a work: a numbered entry, or one that names
    /// authors and a title. A footnote that is a remark is not.
    pub fn is_bibliographic(&self) -> bool {
        matches!(self.key, Some(RefKey::Number(_)))
            || (!self.parsed.authors.is_empty() && self.parsed.title.is_some())
    }

    /// Maps a range of the entry's `text` to the source.
    pub fn source_range(&self, doc: &Document<'_>, range: Range<usize>) -> Range<usize> {
        match self.block.and_then(|b| doc.blocks.get(b)) {
            Some(block) => {
                let len = block.text.len();
                let s = (self.text_offset + range.start).min(len);
                let e = (self.text_offset + range.end).min(len);
                if block.text.is_char_boundary(s) && block.text.is_char_boundary(e) {
                    block.source_range(s..e)
                } else {
                    self.range.clone()
                }
            }
            None => self.range.clone(),
        }
    }
}

#[derive(Debug, Clone, Default)]
pub struct Bibliography {
    /// Entry index by key, and author-year entries by surname: lookups stay constant-time.
    index: HashMap<RefKey, usize>,
    by_surname: HashMap<String, Vec<usize>>,
    /// The title (heading or label) of the list, if it has one.
    pub title: Option<Range<usize>>,
    /// The source ranges that belong to the bibliography.
    pub ranges: Vec<Range<usize>>,
    pub entries: Vec<Reference>,
    /// `ranges` sorted and merged, for bisection.
    merged: Vec<Range<usize>>,
}

impl Bibliography {
    pub fn get(&self, key: &RefKey) -> Option<&Reference> {
        self.index.get(key).and_then(|&i| self.entries.get(i))
    }

    /// The key a citation refers to. An author-year citation whose year is off still finds
    /// its entry when only one entry has that first author (so the year can be checked).
    pub fn resolve(&self, target: &CiteTarget) -> Option<RefKey> {
        match target {
            CiteTarget::Number(n) => Some(RefKey::Number(*n)),
            CiteTarget::Label(l) => Some(RefKey::Label(l.clone())),
            CiteTarget::AuthorYear(s, y) => {
                let exact = RefKey::AuthorYear(s.clone(), *y);
                if self.index.contains_key(&exact) {
                    return Some(exact);
                }
                match self.by_surname.get(s).map(Vec::as_slice) {
                    Some([only]) => self.entries[*only].key.clone(),
                    _ => None,
                }
            }
        }
    }

    /// Whether the bibliography has author-year entries (is cited "(Name, 2017)").
    pub fn has_author_year(&self) -> bool {
        !self.by_surname.is_empty()
    }

    /// Whether a byte offset lies in one of the bibliography's ranges.
    pub fn contains(&self, offset: usize) -> bool {
        let i = self.merged.partition_point(|r| r.end <= offset);
        self.merged.get(i).is_some_and(|r| r.start <= offset)
    }

    /// Gives unnumbered entries an author-year key and builds the lookups.
    fn finish(mut self) -> Bibliography {
        let mut sorted = self.ranges.clone();
        sorted.sort_by_key(|r| r.start);
        let mut merged: Vec<Range<usize>> = Vec::new();
        for r in sorted.into_iter().filter(|r| r.start < r.end) {
            match merged.last_mut() {
                Some(last) if r.start <= last.end => last.end = last.end.max(r.end),
                _ => merged.push(r),
            }
        }
        self.merged = merged;
        for entry in &mut self.entries {
            if entry.key.is_none()
                && let (Some(first), Some((year, _))) =
                    (entry.parsed.authors.first(), &entry.parsed.year)
            {
                let surname = entry::surname(&first.name);
                if !surname.is_empty() {
                    entry.key = Some(RefKey::AuthorYear(surname, *year));
                }
            }
        }
        for (i, entry) in self.entries.iter().enumerate() {
            if let Some(key) = &entry.key {
                self.index.entry(key.clone()).or_insert(i);
                if let RefKey::AuthorYear(s, _) = key {
                    self.by_surname.entry(s.clone()).or_default().push(i);
                }
            }
        }
        self
    }
}

fn is_title(text: &str, titles: &TitleSet) -> bool {
    match numbering::parse_prefix(text) {
        Some(p) => titles.matches(&text[p.title_start..]),
        None => titles.matches(text),
    }
}

pub fn find(doc: &Document<'_>, titles: &TitleSet) -> Option<Bibliography> {
    let mut bib = Bibliography::default();
    if let Some(section) = numbered_section(doc, titles) {
        bib.title = Some(section.0.clone());
        bib.ranges.push(section.1.clone());
        collect_entries(doc, &section.1, &mut bib);
    }
    for f in &doc.footnotes {
        let text = f
            .blocks
            .iter()
            .map(|&b| doc.blocks[b].text.as_str())
            .collect::<Vec<_>>()
            .join(" ");
        bib.ranges.push(f.range.clone());
        bib.entries.push(Reference {
            key: Some(RefKey::Label(f.label.clone())),
            key_range: f.label_range.clone(),
            range: f.range.clone(),
            parsed: entry::parse(&text),
            text,
            block: f.blocks.first().copied(),
            text_offset: 0,
        });
    }
    (!bib.ranges.is_empty()).then(|| bib.finish())
}

/// The (title range, section range) of the bibliography section.
fn numbered_section(doc: &Document<'_>, titles: &TitleSet) -> Option<(Range<usize>, Range<usize>)> {
    // A heading with a bibliography title.
    for (i, h) in doc.headings.iter().enumerate() {
        if is_title(doc.heading_text(i), titles) {
            let range = doc.section_range(i);
            return Some((h.range.clone(), h.range.end..range.end));
        }
    }
    // A paragraph that is only the title ("**References**", "参考文献：") followed by a list.
    for (i, block) in doc.blocks.iter().enumerate() {
        // The cheap tests first: most paragraphs are not followed by a list.
        let has_list = doc.blocks.get(i + 1).is_some_and(|b| b.item.is_some());
        if block.kind != BlockKind::Paragraph
            || block.item.is_some()
            || !has_list
            || !is_title(&block.text, titles)
        {
            continue;
        }
        let next_heading = doc
            .headings
            .iter()
            .map(|h| h.range.start)
            .find(|&s| s > block.range.end)
            .unwrap_or(doc.text.len());
        return Some((block.range.clone(), block.range.end..next_heading));
    }
    None
}

fn collect_entries(doc: &Document<'_>, range: &Range<usize>, bib: &mut Bibliography) {
    let inside = |r: &Range<usize>| range.start <= r.start && r.end <= range.end;
    // Top-level lists of the section: one entry per item.
    for list in &doc.lists {
        let nested_in_section = list
            .parent
            .is_some_and(|(l, _)| inside(&doc.lists[l].range));
        if !inside(&list.range) || nested_in_section {
            continue;
        }
        // `1. 1. 1.` lists are numbered by the renderer: the k-th item is start + k.
        let lazy = list.ordered
            && list.items.len() > 1
            && list.items.iter().all(|i| i.number == list.items[0].number);
        for (k, item) in list.items.iter().enumerate() {
            let Some(b) = item.block else { continue };
            let number = if lazy {
                item.number.map(|n| n + k as u64)
            } else {
                item.number
            };
            let block = &doc.blocks[b];
            let (key, key_range, skip) = match number {
                Some(n) => (Some(RefKey::Number(n as u32)), item.number_range.clone(), 0),
                None => match bracket_number(&block.text) {
                    Some((n, len)) => (Some(RefKey::Number(n)), block.source_range(0..len), len),
                    None => (None, item.range.start..item.range.start, 0),
                },
            };
            let rest = &block.text[skip..];
            let text_offset = skip + (rest.len() - rest.trim_start().len());
            let text = rest.trim().to_string();
            bib.entries.push(Reference {
                key,
                key_range,
                range: item.range.clone(),
                parsed: entry::parse(&text),
                block: Some(b),
                text_offset,
                text,
            });
        }
    }
    // Paragraphs of `[n] …` lines.
    for (b, block) in doc.blocks.iter().enumerate() {
        if block.kind != BlockKind::Paragraph || block.item.is_some() || !inside(&block.range) {
            continue;
        }
        let mut line_start = 0;
        for line in block.text.split_inclusive('\n') {
            let start = line_start;
            line_start += line.len();
            let trimmed = line.trim_start();
            let lead = line.len() - trimmed.len();
            let Some((n, len)) = bracket_number(trimmed).or_else(|| dotted_number(trimmed)) else {
                if let Some(last) = bib.entries.last_mut().filter(|_| start > 0) {
                    last.text.push(' ');
                    last.text.push_str(line.trim());
                    last.parsed = entry::parse(&last.text);
                }
                continue;
            };
            let key_range = block.source_range(start + lead..start + lead + len);
            let rest = &trimmed[len..];
            let text_offset = start + lead + len + (rest.len() - rest.trim_start().len());
            let text = rest.trim().to_string();
            let end = block.source_range(start..start + line.trim_end().len()).end;
            bib.entries.push(Reference {
                key: Some(RefKey::Number(n)),
                range: key_range.start..end,
                key_range,
                parsed: entry::parse(&text),
                block: Some(b),
                text_offset,
                text,
            });
        }
    }
    bib.entries.sort_by_key(|e| e.range.start);
}

/// `[12]` or `［12］` at the start of an entry: (number, byte length).
fn bracket_number(s: &str) -> Option<(u32, usize)> {
    let open = s
        .chars()
        .next()
        .filter(|c| matches!(c, '[' | '［' | '【'))?;
    let inner = &s[open.len_utf8()..];
    let digits = inner.bytes().take_while(u8::is_ascii_digit).count();
    let close = inner[digits..]
        .chars()
        .next()
        .filter(|c| matches!(c, ']' | '］' | '】'))?;
    let n = inner[..digits].parse().ok()?;
    Some((n, open.len_utf8() + digits + close.len_utf8()))
}

/// `12.` at the start of a paragraph line (a list the Markdown parser did not see).
fn dotted_number(s: &str) -> Option<(u32, usize)> {
    let digits = s.bytes().take_while(u8::is_ascii_digit).count();
    if digits == 0 || !s[digits..].starts_with(". ") {
        return None;
    }
    Some((s[..digits].parse().ok()?, digits + 1))
}
