//! What a claim is about: the references cited next to it, and names bound to references.
//!
//! A citation right after a name (`流模型[3]`, `ViT [7]`) binds that name to the reference
//! for the whole document, so a later sentence about the name (`ViT将图像分为14*14的patch`)
//! is checked against the same reference. A reference whose title names a known work (from
//! the rules) also binds that work's aliases.

use crate::document::sentences::is_cjk;
use crate::document::{CiteTarget, Document, RefKey, Reference};
use crate::hash::HashMap;
use crate::rules::{Rules, Work};
use std::ops::Range;

/// Words that name no work of their own: `文献[3]`, `in [3]`.
const GENERIC: &[&str] = &[
    "文献",
    "论文",
    "工作",
    "研究",
    "方法",
    "模型",
    "算法",
    "见",
    "参见",
    "参考",
    "如",
    "例如",
    "等",
    "等人",
    "see",
    "in",
    "paper",
    "papers",
    "work",
    "works",
    "ref",
    "refs",
    "reference",
    "references",
    "al",
    "et",
    "and",
    "or",
    "the",
    "of",
    "by",
    "e.g",
    "i.e",
    "cf",
    "method",
    "methods",
    "model",
    "models",
    "approach",
    "study",
    "studies",
    "survey",
    "book",
    "chapter",
    "section",
    "algorithm",
];

/// See [`Subjects::sole_cited_from`].
pub struct SoleCited {
    starts: Vec<usize>,
    sole: Vec<Option<RefKey>>,
}

enum Sole {
    Empty,
    One(RefKey),
    Many,
}

impl SoleCited {
    /// The single reference cited between `at` and the end of the span, if exactly one is.
    pub fn from(&self, at: usize) -> Option<RefKey> {
        self.sole
            .get(self.starts.partition_point(|&s| s < at))
            .cloned()
            .flatten()
    }
}

/// The references cited in a span, and (when none is) those named in it.
pub struct AboutIn {
    cited: Vec<RefKey>,
    named: Vec<(RefKey, Range<usize>)>,
}

impl AboutIn {
    /// See [`Subjects::about_at`].
    pub fn at(&self, at: usize) -> Option<RefKey> {
        match self.cited.as_slice() {
            [one] => Some(one.clone()),
            [] => self
                .named
                .iter()
                .filter(|(_, r)| r.end <= at)
                .max_by_key(|(_, r)| r.start)
                .map(|(k, _)| k.clone()),
            _ => None,
        }
    }
}

pub struct Subjects {
    /// Bound names (case-folded) → the reference they name; `None` when a name was bound
    /// to two different references.
    names: HashMap<String, Option<RefKey>>,
    /// Citation indices of each block, in order.
    by_block: HashMap<usize, Vec<usize>>,
    /// The known work each reference names, as an index into `Rules::works`.
    works: HashMap<RefKey, usize>,
}

impl Subjects {
    pub fn build(doc: &Document<'_>, rules: &Rules) -> Subjects {
        let mut by_block: HashMap<usize, Vec<usize>> = HashMap::default();
        for (i, c) in doc.citations.iter().enumerate() {
            by_block.entry(c.block).or_default().push(i);
        }
        let mut works = HashMap::default();
        if let Some(bib) = &doc.bibliography {
            let titles = work_titles(rules);
            for entry in &bib.entries {
                if let (Some(key), Some(w)) = (&entry.key, known_work(entry, &titles)) {
                    works.insert(key.clone(), w);
                }
            }
        }
        let mut names: HashMap<String, Option<RefKey>> = HashMap::default();
        let mut bind = |name: String, key: &RefKey| {
            names
                .entry(name)
                .and_modify(|k| {
                    if k.as_ref() != Some(key) {
                        *k = None;
                    }
                })
                .or_insert_with(|| Some(key.clone()));
        };
        for (key, &w) in &works {
            for alias in &rules.works[w].aliases {
                bind(alias.to_lowercase(), key);
            }
        }
        for c in &doc.citations {
            if c.targets.len() != 1 || doc.in_bibliography(c.range.start) {
                continue;
            }
            let Some(key) = resolve(doc, &c.targets[0]) else {
                continue;
            };
            let text = &doc.blocks[c.block].text;
            if let Some(r) = name_before(text, c.text_range.start) {
                bind(text[r].to_lowercase(), &key);
            }
        }
        Subjects {
            names,
            by_block,
            works,
        }
    }

    /// Indices of the citations starting inside `range` of a block's text, in order.
    fn citations_in<'s>(
        &'s self,
        doc: &'s Document<'_>,
        block: usize,
        range: &Range<usize>,
    ) -> impl Iterator<Item = usize> + 's {
        // A block's citations are in text order: find the first in range by bisection.
        let cites = self.by_block.get(&block).map_or(&[][..], Vec::as_slice);
        let first = cites.partition_point(|&i| doc.citations[i].text_range.start < range.start);
        let end = range.end;
        cites[first..]
            .iter()
            .copied()
            .take_while(move |&i| doc.citations[i].text_range.start < end)
    }

    /// References cited inside `range` of a block's text.
    pub fn cited_in(&self, doc: &Document<'_>, block: usize, range: &Range<usize>) -> Vec<RefKey> {
        let mut out: Vec<RefKey> = Vec::new();
        let mut seen = crate::hash::HashSet::default();
        for i in self.citations_in(doc, block, range) {
            for t in &doc.citations[i].targets {
                let Some(k) = resolve(doc, t) else { continue };
                if seen.insert(k.clone()) {
                    out.push(k);
                }
            }
        }
        out
    }

    /// For every suffix of `range` starting at a citation: the single reference cited from
    /// there to the end of `range`, if exactly one is. One backward pass, so that the
    /// question asked at every name of a long clause costs a bisection, not a reading of
    /// the citations after it.
    pub fn sole_cited_from(
        &self,
        doc: &Document<'_>,
        block: usize,
        range: &Range<usize>,
    ) -> SoleCited {
        let inside: Vec<usize> = self.citations_in(doc, block, range).collect();
        let mut sole = vec![None; inside.len()];
        let mut state = Sole::Empty;
        for (k, &i) in inside.iter().enumerate().rev() {
            // Within a citation, targets in their order; a later one never precedes it.
            for t in doc.citations[i].targets.iter().rev() {
                let Some(key) = resolve(doc, t) else { continue };
                state = match state {
                    Sole::Empty => Sole::One(key),
                    Sole::One(k) if k == key => Sole::One(k),
                    _ => Sole::Many,
                };
            }
            if let Sole::One(key) = &state {
                sole[k] = Some(key.clone());
            }
        }
        SoleCited {
            starts: inside
                .iter()
                .map(|&i| doc.citations[i].text_range.start)
                .collect(),
            sole,
        }
    }

    /// For a citation whose text covers `at` (an author-year citation holding the year):
    /// `Some(reference)` when it resolves, `Some(None)` when it does not.
    pub fn citation_at(
        &self,
        doc: &Document<'_>,
        block: usize,
        at: usize,
    ) -> Option<Option<RefKey>> {
        let &i = self
            .by_block
            .get(&block)?
            .iter()
            .find(|&&i| doc.citations[i].text_range.contains(&at))?;
        let c = &doc.citations[i];
        // With a numbered bibliography, "Cox (1974) [5]" is narrative: the year is about [5].
        let author_year_bib = doc
            .bibliography
            .as_ref()
            .is_some_and(|b| b.has_author_year());
        if matches!(c.targets.as_slice(), [CiteTarget::AuthorYear(..)]) && !author_year_bib {
            return None;
        }
        Some(if c.targets.len() == 1 {
            resolve(doc, &c.targets[0])
        } else {
            None
        })
    }

    /// References whose bound names appear inside `range` of `text`.
    pub fn named_in(&self, text: &str, range: &Range<usize>) -> Vec<(RefKey, Range<usize>)> {
        let mut out: Vec<(RefKey, Range<usize>)> = Vec::new();
        let lower = text[range.clone()].to_lowercase();
        if lower.len() != range.len() {
            // Case folding changed byte lengths (rare scripts): positions would not map.
            return out;
        }
        for (name, key) in &self.names {
            // An empty alias (possible in a user's rules file) names nothing.
            let Some(key) = key.as_ref().filter(|_| !name.is_empty()) else {
                continue;
            };
            let mut from = 0;
            while let Some(p) = lower[from..].find(name.as_str()) {
                let at = from + p;
                let end = at + name.len();
                if is_boundary(&lower, at, end) {
                    if !out.iter().any(|(k, _)| k == key) {
                        out.push((key.clone(), range.start + at..range.start + end));
                    }
                    break;
                }
                from = at + name.len().max(1);
            }
        }
        out
    }

    /// The single reference a span of text is about: cited in it, or else named in it.
    pub fn about(&self, doc: &Document<'_>, block: usize, range: &Range<usize>) -> Option<RefKey> {
        let cited = self.cited_in(doc, block, range);
        match cited.len() {
            1 => return cited.into_iter().next(),
            0 => {}
            _ => return None,
        }
        let named = self.named_in(&doc.blocks[block].text, range);
        (named.len() == 1).then(|| named[0].0.clone())
    }

    /// Like [`Subjects::about`], but when several bound names appear, the one written last
    /// before `at` (the subject of the claim at `at`) wins.
    pub fn about_at(
        &self,
        doc: &Document<'_>,
        block: usize,
        range: &Range<usize>,
        at: usize,
    ) -> Option<RefKey> {
        self.about_in(doc, block, range).at(at)
    }

    /// What [`Subjects::about_at`] reads of a span, read once for every position in it
    /// that is asked about (a sentence with many claims).
    pub fn about_in(&self, doc: &Document<'_>, block: usize, range: &Range<usize>) -> AboutIn {
        let cited = self.cited_in(doc, block, range);
        let named = if cited.is_empty() {
            self.named_in(&doc.blocks[block].text, range)
        } else {
            Vec::new()
        };
        AboutIn { cited, named }
    }

    pub fn work<'r>(&self, key: &RefKey, rules: &'r Rules) -> Option<&'r Work> {
        self.works.get(key).and_then(|&w| rules.works.get(w))
    }
}

/// The reference a citation target names (author-year citations through the bibliography).
pub fn resolve(doc: &Document<'_>, t: &CiteTarget) -> Option<RefKey> {
    match t {
        CiteTarget::Number(n) => Some(RefKey::Number(*n)),
        CiteTarget::Label(l) => Some(RefKey::Label(l.clone())),
        CiteTarget::AuthorYear(..) => doc.bibliography.as_ref()?.resolve(t),
    }
}

/// Whether `lower[at..end]` stands as a whole word (CJK names need no spaces around them).
fn is_boundary(lower: &str, at: usize, end: usize) -> bool {
    let before = lower[..at].chars().next_back();
    let after = lower[end..].chars().next();
    let first = lower[at..].chars().next();
    let last = lower[..end].chars().next_back();
    // A CJK name needs no separator; a Latin one must not continue a longer word.
    let ok = |c: Option<char>, edge: Option<char>| match (c, edge) {
        (None, _) => true,
        (Some(_), Some(e)) if is_cjk(e) => true,
        (Some(c), _) => is_cjk(c) || !(c.is_alphanumeric() || c == '-' || c == '_'),
    };
    ok(before, first) && ok(after, last)
}

/// The name written right before a citation at `pos`: a run of capitalised Latin words or
/// alphanumerics (`Vision Transformer`, `GPT-3`, `ViT`), or a CJK run (`流模型`,
/// `Glow模型`), without generic words.
pub fn name_before(text: &str, pos: usize) -> Option<Range<usize>> {
    let before = text[..pos].trim_end();
    let end = before.len();
    let last = before.chars().next_back()?;
    let start = if is_cjk(last) {
        let mut start = end;
        for (count, (i, c)) in before.char_indices().rev().enumerate() {
            let stop = !(is_cjk(c) || c.is_ascii_alphanumeric() || c == '-')
                || "的和与及在是为了由被将对从把、这该其中年月日".contains(c)
                || count >= 10;
            if stop {
                break;
            }
            start = i;
        }
        start
    } else if last.is_alphanumeric() {
        let mut start = end;
        let mut words = 0;
        let mut rest = before;
        loop {
            let t = rest.trim_end();
            let word_start = t
                .char_indices()
                .rev()
                .take_while(|(_, c)| {
                    c.is_alphanumeric() && !is_cjk(*c) || matches!(c, '-' | '.' | '\'')
                })
                .last()
                .map(|(i, _)| i);
            let Some(ws) = word_start else { break };
            let word = &t[ws..];
            let named = word.chars().any(|c| c.is_uppercase() || c.is_ascii_digit());
            if word.is_empty()
                || (!named && words > 0)
                || GENERIC.contains(&word.to_lowercase().as_str())
            {
                break;
            }
            if !named {
                // A lower-case word right before the citation is a common noun ("flow models
                // [3]"): keep it only as a one-word name.
                start = ws;
                break;
            }
            start = ws;
            words += 1;
            rest = &t[..ws];
            if words >= 4 || !rest.ends_with(' ') {
                break;
            }
        }
        start
    } else {
        return None;
    };
    let mut name = before[start..end]
        .trim_matches(|c: char| c == '-' || c == '.' || c == '\'')
        .trim_start_matches(['见', '参', '如']);
    // "The Transformer (…)": leading articles are not part of the name.
    for article in ["The ", "the ", "A ", "An ", "This ", "Our "] {
        name = name.strip_prefix(article).unwrap_or(name);
    }
    let lead = before[start..end].find(name).unwrap_or(0);
    let range = start + lead..start + lead + name.len();
    let lower = name.to_lowercase();
    let generic = GENERIC.contains(&lower.as_str())
        || [
            "文献", "论文", "资料", "提出", "发表", "发布", "推出", "所示", "中", "研究",
        ]
        .iter()
        .any(|g| lower.ends_with(g))
        || lower.ends_with("et al")
        || name.chars().count() < 2;
    (!generic).then_some(range)
}

/// The known work a reference names: same title, ignoring case and punctuation.
/// The known work (an index into `Rules::works`) whose title the reference has, given the
/// works' titles by [`work_titles`].
pub fn known_work(entry: &Reference, titles: &HashMap<String, usize>) -> Option<usize> {
    let title = entry
        .parsed
        .title
        .as_ref()
        .map(|t| &entry.text[t.clone()])?;
    let key = squash(title);
    if key.len() < 8 {
        return None;
    }
    titles.get(&key).copied()
}

/// The known works by squashed title (the first work of a title), built once per rules set.
pub fn work_titles(rules: &Rules) -> std::sync::Arc<HashMap<String, usize>> {
    let same = |k: &Vec<String>| k.iter().eq(rules.works.iter().map(|w| &w.title));
    let key = || rules.works.iter().map(|w| w.title.clone()).collect();
    rules.derived.work_titles.get(same, key, || {
        let mut titles = HashMap::default();
        for (i, w) in rules.works.iter().enumerate() {
            titles.entry(squash(&w.title)).or_insert(i);
        }
        titles
    })
}

fn squash(s: &str) -> String {
    s.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn name(text: &str) -> Option<&str> {
        let pos = text.find('[')?;
        name_before(text, pos).map(|r| &text[r])
    }

    #[test]
    fn names_before_citations() {
        assert_eq!(name("流模型[3]于2014年"), Some("流模型"));
        assert_eq!(
            name("直到OpenAI发布基于流模型的Glow模型[4]"),
            Some("Glow模型")
        );
        assert_eq!(
            name("The Vision Transformer [7] splits"),
            Some("Vision Transformer")
        );
        assert_eq!(name("ViT[7]于2020年"), Some("ViT"));
        assert_eq!(name("GPT-3 [10] has"), Some("GPT-3"));
        assert_eq!(name("as shown in [3]"), None);
        assert_eq!(name("Vaswani et al. [5]"), None);
        assert_eq!(name("见文献[2]"), None);
    }

    proptest::proptest! {
        /// The backward pass answers what reading the citations after each position gives.
        #[test]
        fn sole_cited_from_agrees_with_reading_the_citations(
            cites in proptest::collection::vec(
                proptest::collection::vec(1u8..5, 1..3), 0..8)
        ) {
            let mut text = String::from("X");
            for c in &cites {
                let list: Vec<String> = c.iter().map(u8::to_string).collect();
                text.push_str(&format!(" a [{}] b", list.join(",")));
            }
            text.push_str(" end.\n\n## References\n\n");
            for n in 1..5 {
                text.push_str(&format!("[{n}] A. Title {n}. 2020.\n"));
            }
            let doc = Document::parse(&text, &Default::default());
            let rules = Rules::empty();
            let subjects = Subjects::build(&doc, &rules);
            let in_prose = doc.citations.iter().filter(|c| c.block == 0).count();
            proptest::prop_assert_eq!(in_prose, cites.len());
            let block = &doc.blocks[0];
            let whole = 0..block.text.len();
            let sole = subjects.sole_cited_from(&doc, 0, &whole);
            for at in 0..=block.text.len() {
                let read = subjects.cited_in(&doc, 0, &(at..whole.end));
                let expected = (read.len() == 1).then(|| read[0].clone());
                proptest::prop_assert_eq!(sole.from(at), expected, "at {}", at);
            }
        }
    }
}
