//! Term extraction: the Latin-script words of prose with the context that decides whether
//! their capitalisation means anything (sentence start, table cell), and the runs of
//! capitalised words that look like multi-word names ("Stable Diffusion").

use super::prose_blocks;
use super::text::{Case, Words, starts_sentence, words};
use crate::document::{BlockKind, Document};
use crate::hash::{HashMap, HashSet};
use std::ops::Range;

/// One word of prose as written.
#[derive(Debug, Clone)]
pub struct Token<'a> {
    /// The word without a possessive `'s`.
    pub text: &'a str,
    /// The block of the word, and the range of `text` in the block's text (the source
    /// range is computed only for the few tokens reported: [`Token::source_range`]).
    pub block: usize,
    pub text_range: Range<usize>,
    /// First word of a sentence, of a clause after a colon, or of a list item or cell: a
    /// capital first letter here says nothing about the word.
    pub initial: bool,
    /// Table cells are labels, often in Title Case by convention.
    pub in_cell: bool,
    /// Link text is often the title of the linked page, styled by its own authors.
    pub in_link: bool,
    /// Follows the previous token in the same sentence with only spaces between.
    pub joined: bool,
    /// Its capitals, as the word scanner saw them.
    pub case: Case,
}

/// The canonical spellings of the rules (`[terms] canonical`) made of plain words, as the
/// term check reads them: by case-folded form, with the folded words a check must look up
/// (single-word names, and the first words of multi-word ones) in a [`WordFilter`].
#[derive(Debug, Default)]
pub struct CanonicalTerms {
    /// Canonical spelling by case-folded form.
    pub by_fold: HashMap<String, String>,
    /// Folded single-word names and first words of multi-word names.
    pub words: HashSet<String>,
    /// The first words of multi-word names.
    pub phrase_firsts: HashSet<String>,
    /// A filter holding `words`.
    pub filter: WordFilter,
}

impl CanonicalTerms {
    pub fn new(terms: &[String]) -> CanonicalTerms {
        let by_fold: HashMap<String, String> = terms
            .iter()
            .filter(|t| {
                let w = words(t, 0..t.len());
                !w.is_empty() && w.iter().map(|w| w.text).collect::<Vec<_>>().join(" ") == **t
            })
            .map(|t| (t.to_lowercase(), t.clone()))
            .collect();
        let phrase_firsts: HashSet<String> = by_fold
            .keys()
            .filter(|k| k.contains(' '))
            .filter_map(|k| k.split(' ').next())
            .map(String::from)
            .collect();
        let words: HashSet<String> = by_fold
            .keys()
            .filter(|k| !k.contains(' '))
            .cloned()
            .chain(phrase_firsts.iter().cloned())
            .collect();
        let mut filter = WordFilter::default();
        for w in &words {
            filter.insert(w);
        }
        CanonicalTerms {
            by_fold,
            words,
            phrase_firsts,
            filter,
        }
    }
}

/// A set of words that answers "certainly not in the set" on three bytes: the length
/// and the first and last bytes, each modulo 32 (so upper- and lower-case ASCII letters
/// fall together). A word it may hold is then looked up in the set itself.
#[derive(Debug, Clone)]
pub struct WordFilter {
    bits: Box<[u64; 512]>,
}

impl Default for WordFilter {
    fn default() -> Self {
        WordFilter {
            bits: Box::new([0; 512]),
        }
    }
}

impl WordFilter {
    fn key(word: &str) -> Option<usize> {
        let b = word.as_bytes();
        let (first, last) = (b.first()?, b.last()?);
        Some(((b.len() & 31) << 10) | (usize::from(first & 31) << 5) | usize::from(last & 31))
    }

    pub fn insert(&mut self, word: &str) {
        if let Some(k) = WordFilter::key(word) {
            self.bits[k / 64] |= 1 << (k % 64);
        }
    }

    /// False only if no word inserted has the length and first and last bytes of `word`
    /// (up to ASCII case).
    pub fn may_contain(&self, word: &str) -> bool {
        WordFilter::key(word).is_some_and(|k| self.bits[k / 64] & (1 << (k % 64)) != 0)
    }
}

/// Words that start sentences and are not part of the name after them ("In Stable
/// Diffusion, …").
const STARTERS: &[&str] = &[
    "a", "an", "the", "in", "on", "at", "for", "from", "with", "by", "of", "to", "as", "and", "or",
    "but", "if", "when", "while", "unlike", "like", "using", "use", "both", "this", "these",
    "that", "those", "our", "we", "its", "their", "each", "every", "all", "some", "many", "most",
    "after", "before", "since", "during", "although", "because", "then", "so", "is", "are", "was",
    "were", "how", "why", "what", "where", "which", "see", "note",
];

/// Every word of the document's prose (headings, bibliography and TOC excluded), in order.
pub fn tokens<'a>(doc: &'a Document<'_>) -> Vec<Token<'a>> {
    let mut out = Vec::new();
    for (index, block) in prose_blocks(doc, false) {
        // A fence the parser did not recognise (indented under `=== "Tab"`) leaves code as
        // paragraph text.
        let bytes = block.text.as_bytes();
        if memchr::memchr_iter(b'`', bytes).any(|i| bytes[i..].starts_with(b"```")) {
            continue;
        }
        let in_cell = block.kind == BlockKind::TableCell;
        // Links are disjoint and in text order, as tokens are: the only link that can hold a
        // token is the first one that ends after the token starts.
        let mut link = 0;
        for sentence in &block.sentences {
            let mut prev_end: Option<usize> = None;
            let mut skipped = false;
            for w in Words::new(&block.text, sentence.clone()) {
                // Only the sentence's first word can have nothing but punctuation before it:
                // every later one has that word before it.
                let initial = (prev_end.is_none()
                    && starts_sentence(&block.text, sentence, w.range.start))
                    || after_colon(&bytes[sentence.start..w.range.start]);
                let joined = !skipped
                    && prev_end.is_some_and(|e| {
                        let gap = &block.text[e..w.range.start];
                        !gap.is_empty() && gap.chars().all(|c| c == ' ' || c == '\u{a0}')
                    });
                prev_end = Some(w.range.end);
                let text = strip_possessive(w.text);
                let range = w.range.start..w.range.start + text.len();
                // Numbers ("3D", "10ms"), units after numbers ("100 Gbps"), file extensions
                // (".tex") and words in code the parser left as text ("```python") are not
                // names; they break a phrase like punctuation.
                skipped = !text.starts_with(|c: char| c.is_alphabetic())
                    || is_unit(&bytes[..w.range.start], text)
                    || matches!(
                        w.range.start.checked_sub(1).map(|i| bytes[i]),
                        Some(b'`' | b'.')
                    )
                    || matches!(bytes.get(w.range.end), Some(b'`' | b'>' | b'<' | b'='));
                if skipped {
                    continue;
                }
                while block
                    .links
                    .get(link)
                    .is_some_and(|l| l.text.end <= range.start)
                {
                    link += 1;
                }
                let in_link = block
                    .links
                    .get(link)
                    .is_some_and(|l| l.text.start <= range.start && range.end <= l.text.end);
                out.push(Token {
                    text: &block.text[range.clone()],
                    block: index,
                    text_range: range,
                    initial,
                    in_cell,
                    in_link,
                    joined,
                    case: w.case,
                });
            }
        }
    }
    out
}

impl Token<'_> {
    /// The token's range in the source.
    pub fn source_range(&self, doc: &Document<'_>) -> Range<usize> {
        doc.blocks[self.block].source_range(self.text_range.clone())
    }
}

/// A unit: a word right after a number (spaces and no-break spaces between), or a bit/byte
/// rate ("Gbps", "GBps", "KB").
fn is_unit(before: &[u8], word: &str) -> bool {
    let mut end = before.len();
    loop {
        if before[..end].ends_with(b" ") {
            end -= 1;
        } else if before[..end].ends_with("\u{a0}".as_bytes()) {
            end -= 2;
        } else {
            break;
        }
    }
    let after_number = before[..end].last().is_some_and(u8::is_ascii_digit);
    let rate = word
        .strip_suffix("ps")
        .or_else(|| word.strip_suffix("/s"))
        .unwrap_or(word);
    let bits_or_bytes = rate.len() <= 3
        && rate.ends_with(['b', 'B'])
        && rate[..rate.len() - 1]
            .chars()
            .all(|c| matches!(c, 'k' | 'K' | 'M' | 'G' | 'T' | 'P' | 'E' | 'i'));
    after_number || bits_or_bytes
}

/// Whether `before` (the sentence up to a word) ends with a colon, spaces, emphasis and
/// opening quotes aside.
fn after_colon(before: &[u8]) -> bool {
    let mut end = before.len();
    loop {
        if before[..end].ends_with(b" ")
            || before[..end].ends_with(b"*")
            || before[..end].ends_with(b"\"")
            || before[..end].ends_with(b"'")
        {
            end -= 1;
        } else if before[..end].ends_with("“".as_bytes()) {
            end -= "“".len();
        } else {
            break;
        }
    }
    before[..end].ends_with(b":") || before[..end].ends_with("：".as_bytes())
}

fn strip_possessive(word: &str) -> &str {
    word.strip_suffix("'s")
        .or_else(|| word.strip_suffix("’s"))
        .unwrap_or(word)
}

/// Upper-case letters only (at least two, a plural `s` aside): an acronym ("GPUs") or
/// emphasis, not a spelling of a name.
pub fn is_all_caps(word: &str) -> bool {
    let word = word.strip_suffix('s').unwrap_or(word);
    !word.chars().any(char::is_lowercase) && word.chars().filter(|c| c.is_uppercase()).count() >= 2
}

pub fn is_capitalised(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase) && !is_all_caps(word)
}

/// [`is_capitalised`] for a token, ruling out an ASCII word without a first capital on
/// the case its scan recorded.
fn capitalised(t: &Token<'_>) -> bool {
    (t.case.first_upper || t.case.non_ascii) && is_capitalised(t.text)
}

/// The word with the first letter of each hyphen-separated part lower-cased: two spellings
/// with the same shape differ only where sentence or title case puts capitals.
pub fn shape(word: &str) -> String {
    let mut out = String::with_capacity(word.len());
    let mut part_start = true;
    for c in word.chars() {
        if part_start {
            out.extend(c.to_lowercase());
        } else {
            out.push(c);
        }
        part_start = c == '-';
    }
    out
}

/// The word with its first letter lower-cased.
pub fn lower_first(word: &str) -> String {
    let mut chars = word.chars();
    chars
        .next()
        .map(|c| c.to_lowercase().chain(chars).collect())
        .unwrap_or_default()
}

/// The `n` tokens from `i` if they form one phrase (joined by spaces in one sentence).
pub fn phrase<'t, 'a>(tokens: &'t [Token<'a>], i: usize, n: usize) -> Option<&'t [Token<'a>]> {
    let slice = tokens.get(i..i + n)?;
    slice[1..].iter().all(|t| t.joined).then_some(slice)
}

/// The words of a phrase joined by single spaces.
pub fn spelling(phrase: &[Token<'_>]) -> String {
    let mut out = String::new();
    for (k, t) in phrase.iter().enumerate() {
        if k > 0 {
            out.push(' ');
        }
        out.push_str(t.text);
    }
    out
}

/// Maximal runs of two or more capitalised words joined by spaces, as token ranges.
pub fn capitalised_runs(tokens: &[Token<'_>]) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        if !capitalised(&tokens[i]) {
            i += 1;
            continue;
        }
        let mut j = i + 1;
        while j < tokens.len() && tokens[j].joined && capitalised(&tokens[j]) {
            j += 1;
        }
        if j - i >= 2 {
            out.push(i..j);
        }
        i = j;
    }
    out
}

/// Maximal runs of two or three capitalised words written mid-sentence, outside table
/// cells, as `(first token, length)`: the places where a writer capitalises a multi-word
/// name on purpose. A sentence-initial starter word ("In", "The") is dropped from a run; any
/// other sentence-initial run may be a heading-like lead-in and is skipped.
pub fn title_runs(tokens: &[Token<'_>], runs: &[Range<usize>]) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    for run in runs.iter().cloned() {
        let first = &tokens[run.start];
        let mut start = run.start;
        if first.initial && STARTERS.contains(&first.text.to_lowercase().as_str()) {
            start += 1;
        }
        let len = run.end - start;
        if (2..=3).contains(&len) && !tokens[start].initial && !first.in_cell {
            out.push((start, len));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn toks(md: &str) -> Vec<(String, bool, bool)> {
        let doc = Document::parse(md, &Default::default());
        tokens(&doc)
            .into_iter()
            .map(|t| (t.text.to_string(), t.initial, t.joined))
            .collect()
    }

    #[test]
    fn tokens_know_sentence_starts_and_joins() {
        let t = toks("GitHub's API. See `pytorch` and Stable Diffusion: Note here.\n");
        let names: Vec<&str> = t.iter().map(|x| x.0.as_str()).collect();
        assert_eq!(
            names,
            [
                "GitHub",
                "API",
                "See",
                "and",
                "Stable",
                "Diffusion",
                "Note",
                "here"
            ]
        );
        assert!(t[0].1 && t[2].1 && !t[3].1 && t[6].1);
        assert!(!t[3].2 && t[5].2);
    }

    #[test]
    fn tokens_know_which_link_holds_them() {
        let md = "See [Stable Diffusion](a) and [](b) [GitHub](c), not Github [x][d].\n\n[d]: e\n";
        let doc = Document::parse(md, &Default::default());
        let in_link: Vec<(&str, bool)> = tokens(&doc).iter().map(|t| (t.text, t.in_link)).collect();
        assert_eq!(
            in_link,
            [
                ("See", false),
                ("Stable", true),
                ("Diffusion", true),
                ("and", false),
                ("GitHub", true),
                ("not", false),
                ("Github", false),
                ("x", true)
            ]
        );
    }

    #[test]
    fn title_runs_skip_starters_and_long_titles() {
        let md = "In Stable Diffusion we use Latent Diffusion and Attention Is All You Need.\n";
        let doc = Document::parse(md, &Default::default());
        let t = tokens(&doc);
        let runs: Vec<String> = title_runs(&t, &capitalised_runs(&t))
            .into_iter()
            .map(|(i, n)| spelling(&t[i..i + n]))
            .collect();
        assert_eq!(runs, ["Stable Diffusion", "Latent Diffusion"]);
    }

    proptest::proptest! {
        /// The byte tests read what the first versions read on chars.
        #[test]
        fn byte_tests_of_the_text_before_a_word_read_as_char_tests(
            before in "[a-z1-9 *\"'“”:：\u{a0}é。]{0,8}"
        ) {
            let colon = before
                .trim_end_matches([' ', '*', '"', '“', '\''])
                .ends_with([':', '：']);
            proptest::prop_assert_eq!(after_colon(before.as_bytes()), colon);
            let number = before
                .trim_end_matches([' ', '\u{a0}'])
                .ends_with(|c: char| c.is_ascii_digit());
            proptest::prop_assert_eq!(is_unit(before.as_bytes(), "word"), number);
        }
    }

    #[test]
    fn word_filter_never_misses_a_word_it_holds() {
        let mut f = WordFilter::default();
        for w in ["github", "stable", "x", "pytorch"] {
            f.insert(w);
        }
        for w in ["github", "GitHub", "Stable", "STABLE", "x", "X", "PyTorch"] {
            assert!(f.may_contain(w), "{w}");
        }
        assert!(!f.may_contain("the") && !f.may_contain("") && !f.may_contain("gitea"));
    }

    #[test]
    fn shapes_ignore_part_initials() {
        assert_eq!(shape("Multi-Head"), shape("multi-head"));
        assert_ne!(shape("GitHub"), shape("Github"));
        assert_eq!(lower_first("MacOS"), "macOS");
    }
}
