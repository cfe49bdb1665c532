//! Whether an expansion can produce an acronym's letters, and whether a failed pairing was
//! clearly meant as one.
//!
//! Expansions are split into parts at spaces, slashes and hyphens. A part contributes a run
//! of letters that starts at its first letter (or, for `eXtensible` and `gRPC`, at its first
//! capital after a lower-case prefix) and goes on with later letters: capitals (`AutoEncoder`
//! gives A and E, `AI-Generated` gives A, I, G), digits, and any letter the acronym writes in
//! lower case (`ViT`, `LoRA`). Function words, numbers and the later parts of a hyphenated
//! word may contribute nothing; number words stand for their digit (`Two-Phase Commit`, 2PC).
//! A second, lenient pass in the spirit of Schwartz and Hearst lets every word contribute any
//! of its inner letters (`Hypertext Transfer Protocol`, HTTP). Digits of the acronym may go
//! unmatched (`GPT-4`).

/// Words that may be skipped or may contribute their initial (`Internet of Things`, IoT).
pub const FUNCTION_WORDS: &[&str] = &[
    "a", "an", "and", "as", "at", "based", "by", "for", "from", "in", "into", "of", "on", "or",
    "over", "the", "to", "via", "with",
];

pub fn is_function_word(word: &str) -> bool {
    FUNCTION_WORDS
        .iter()
        .any(|f| f.eq_ignore_ascii_case(word.trim()))
}

/// A token written as an acronym: 2–10 characters of letters, digits and inner hyphens, at
/// least two capitals, and at least as many capitals as lower-case letters (`LoRA`, `gRPC`,
/// but not `GitHub` or `PyTorch`).
pub fn is_acronym(token: &str) -> bool {
    let len = token.chars().count();
    if !(2..=10).contains(&len) || token.starts_with('-') || token.ends_with('-') {
        return false;
    }
    if !token.chars().all(|c| c.is_ascii_alphanumeric() || c == '-') {
        return false;
    }
    let upper = token.chars().filter(char::is_ascii_uppercase).count();
    let lower = token.chars().filter(char::is_ascii_lowercase).count();
    // `RMSNorm`, `DistilBERT`: a word glued to an acronym is a name, not an acronym.
    let glued_word = token
        .as_bytes()
        .windows(3)
        .any(|w| w.iter().all(u8::is_ascii_lowercase));
    upper >= 2 && upper >= lower && !glued_word
}

/// The acronym without a plural `s` (`LDMs` → `LDM`, but `PaaS` stays).
pub fn singular(token: &str) -> &str {
    match token.strip_suffix('s') {
        Some(stem) if stem.ends_with(|c: char| c.is_ascii_uppercase()) && is_acronym(stem) => stem,
        _ => token,
    }
}

#[derive(Debug, PartialEq, Eq, Clone, Copy)]
enum Kind {
    /// Must contribute (in the strict pass, one inner content part may be dropped).
    Content,
    /// May contribute nothing: function words, numbers, later parts of hyphenated words.
    Optional,
}

struct Part {
    chars: Vec<char>,
    kind: Kind,
    function: bool,
}

fn parts(expansion: &str) -> Vec<Part> {
    let mut out = Vec::new();
    for word in expansion.split(|c: char| c.is_whitespace() || c == '/') {
        let pieces = word.split(['-', '‐', '–', '—']);
        for (k, piece) in pieces.enumerate() {
            let chars: Vec<char> = match number_word(piece) {
                Some(d) => vec![d],
                None => piece.chars().filter(|c| c.is_alphanumeric()).collect(),
            };
            let Some(first) = chars.first() else { continue };
            let function = is_function_word(piece);
            let kind = if k > 0 || first.is_ascii_digit() || function {
                Kind::Optional
            } else {
                Kind::Content
            };
            out.push(Part {
                chars,
                kind,
                function,
            });
        }
    }
    out
}

/// The digit a number word stands for (`Two` → `2`).
fn number_word(word: &str) -> Option<char> {
    const WORDS: [&str; 10] = [
        "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine",
    ];
    let i = WORDS.iter().position(|w| w.eq_ignore_ascii_case(word))?;
    char::from_digit(u32::try_from(i).ok()?, 10)
}

fn same(a: char, b: char) -> bool {
    a.to_lowercase().eq(b.to_lowercase())
}

/// Where a part may start contributing: its first letter, its first capital after a
/// lower-case prefix (`eXtensible`, `gRPC`), or the x of `ex` (`Open Neural Network
/// Exchange`, ONNX).
fn starts(chars: &[char]) -> impl Iterator<Item = usize> + '_ {
    let inner = chars
        .iter()
        .position(|c| !c.is_lowercase())
        .filter(|&i| i > 0 && chars[i].is_uppercase());
    let ex = (chars.len() > 2 && same(chars[0], 'e') && same(chars[1], 'x')).then_some(1);
    std::iter::once(0).chain(inner).chain(ex)
}

/// Acronym positions reachable after `part` contributes from position `i` on, as a bit set.
fn part_ends(part: &Part, acr: &[char], i: usize, lenient: bool) -> u32 {
    let mut ends = 0;
    if i >= acr.len() {
        return ends;
    }
    for s in starts(&part.chars) {
        if !same(part.chars[s], acr[i]) {
            continue;
        }
        let (mut j, mut q) = (i + 1, s + 1);
        ends |= 1 << j;
        // Leftmost matching is optimal: allowed positions depend only on the characters.
        while j < acr.len() {
            let want = acr[j];
            let found = (q..part.chars.len()).find(|&p| {
                let c = part.chars[p];
                same(c, want)
                    && (lenient || c.is_uppercase() || c.is_ascii_digit() || want.is_lowercase())
            });
            let Some(p) = found else { break };
            j += 1;
            q = p + 1;
            ends |= 1 << j;
        }
    }
    ends
}

/// Adds the positions reached by leaving a version number unmatched (`GPT-4`): digits after
/// the last letter.
fn skip_digits(mut set: u32, acr: &[char]) -> u32 {
    let tail = acr
        .iter()
        .rposition(char::is_ascii_alphabetic)
        .map_or(0, |i| i + 1);
    for (j, c) in acr.iter().enumerate().skip(tail) {
        if set & (1 << j) != 0 && c.is_ascii_digit() {
            set |= 1 << (j + 1);
        }
    }
    set
}

/// The letters to match: the acronym's letters and digits, and, when a digit counts the
/// letter before it, that letter repeated (`A3C` is also `AAAC`, `TD3` also `TDDD`).
fn spellings(acronym: &str) -> Vec<Vec<char>> {
    let plain: Vec<char> = acronym
        .chars()
        .filter(char::is_ascii_alphanumeric)
        .collect();
    let mut out = vec![plain.clone()];
    if let Some(i) = (1..plain.len())
        .find(|&i| plain[i - 1].is_ascii_alphabetic() && matches!(plain[i], '2'..='9'))
    {
        let times = plain[i].to_digit(10).unwrap_or(1) as usize;
        let mut repeated = plain[..i].to_vec();
        repeated.extend(std::iter::repeat_n(plain[i - 1], times - 1));
        repeated.extend(&plain[i + 1..]);
        out.push(repeated);
    }
    out
}

/// Runs the matcher over the parts. `lenient` lets every part give any inner letter; `skip`
/// lets one inner content part give nothing.
fn run(parts: &[Part], acr: &[char], lenient: bool, skip: bool) -> bool {
    // `exact`: no part skipped yet; `skipped`: one inner content part skipped.
    let (mut exact, mut skipped) = (skip_digits(1, acr), 0u32);
    for (k, part) in parts.iter().enumerate() {
        let inner = lenient;
        let may_skip = skip && k > 0 && k + 1 < parts.len();
        let (mut next_exact, mut next_skipped) = (0, 0);
        for j in 0..=acr.len() {
            if exact & (1 << j) != 0 {
                next_exact |= part_ends(part, acr, j, inner);
                if part.kind == Kind::Optional {
                    next_exact |= 1 << j;
                } else if may_skip {
                    next_skipped |= 1 << j;
                }
            }
            if skipped & (1 << j) != 0 {
                next_skipped |= part_ends(part, acr, j, inner);
                if part.kind == Kind::Optional {
                    next_skipped |= 1 << j;
                }
            }
        }
        exact = skip_digits(next_exact, acr);
        skipped = skip_digits(next_skipped, acr);
    }
    (exact | skipped) & (1 << acr.len()) != 0
}

/// How well an expansion produces an acronym.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Fit {
    None,
    /// Only by taking inner letters of some word (`Hypertext Transfer Protocol`, HTTP).
    Lenient,
    Strict,
}

/// How `expansion` produces `acronym`. The writer's own capitals count as the letters
/// (`FLoating point OPeration`, FLOP; `Multi-Joint dynamics with Contact`, MuJoCo), and an
/// acronym with lower-case letters, a coined name, may pass over one inner word (ColBERT).
pub fn fit(expansion: &str, acronym: &str) -> Fit {
    let parts = parts(expansion);
    if parts.is_empty() || acronym.len() > 30 {
        return Fit::None;
    }
    let capitals = |s: &str| -> String { s.chars().filter(char::is_ascii_uppercase).collect() };
    if expansion.starts_with(|c: char| c.is_uppercase()) && capitals(expansion) == capitals(acronym)
    {
        return Fit::Strict;
    }
    let coined = acronym.chars().any(|c| c.is_ascii_lowercase());
    let mut best = Fit::None;
    for acr in spellings(acronym) {
        if run(&parts, &acr, false, coined) {
            return Fit::Strict;
        }
        if run(&parts, &acr, true, false) {
            best = Fit::Lenient;
        }
    }
    best
}

/// Whether `expansion` can be abbreviated `acronym`.
pub fn can_abbreviate(expansion: &str, acronym: &str) -> bool {
    fit(expansion, acronym) != Fit::None
}

/// The capitals and digits of an acronym, lower-cased: what its expansion's words should
/// start with.
fn key_letters(acronym: &str) -> Vec<char> {
    acronym
        .chars()
        .filter(|c| c.is_ascii_uppercase() || c.is_ascii_digit())
        .map(|c| c.to_ascii_lowercase())
        .collect()
}

/// Whether the initials of the expansion's words are the acronym's capitals in another
/// order (`Serializable Snapshot Isolation`, SIS).
pub fn is_anagram(expansion: &str, acronym: &str) -> bool {
    let mut key = key_letters(acronym);
    let mut initials: Vec<char> = initials(expansion).to_lowercase().chars().collect();
    key.sort_unstable();
    initials.sort_unstable();
    key == initials
}

/// Whether an expansion that cannot produce `acronym` was still clearly meant to: about as
/// many content words as the acronym has capitals, whose initials are nearly its letters
/// (`Transmission Control Protocol`, TPC). A gloss such as `see Fig. 2` is not.
pub fn looks_intended(expansion: &str, acronym: &str) -> bool {
    let key = key_letters(acronym);
    let parts = parts(expansion);
    let words = parts.iter().filter(|p| !p.function).count();
    if words + 1 < key.len() || words > key.len() {
        return false;
    }
    // Typos keep the first letter; `transfer RNA (rRNA)` shows its intent by the RNA.
    let first = parts.first().and_then(|p| p.chars.first());
    let starts_alike = first
        .zip(acronym.chars().next())
        .is_some_and(|(a, b)| same(*a, b));
    let shares_token = expansion
        .split(|c: char| !c.is_ascii_alphanumeric())
        .any(|t| t.len() >= 2 && is_acronym(t) && acronym.contains(t));
    if !starts_alike && !shares_token {
        return false;
    }
    let mut initials: Vec<char> = Vec::new();
    for p in &parts {
        initials.extend(p.chars.first().map(char::to_ascii_lowercase));
        initials.extend(
            p.chars[1..]
                .iter()
                .filter(|c| c.is_ascii_uppercase())
                .map(char::to_ascii_lowercase),
        );
    }
    let mut common = 0;
    for c in &key {
        if let Some(i) = initials.iter().position(|x| x == c) {
            initials.swap_remove(i);
            common += 1;
        }
    }
    common >= 2 && common + 1 >= key.len()
}

/// The initials of an expansion's content words, upper-cased (`Transmission Control
/// Protocol` → `TCP`).
pub fn initials(expansion: &str) -> String {
    parts(expansion)
        .iter()
        .filter(|p| p.kind == Kind::Content)
        .filter_map(|p| p.chars.first())
        .flat_map(|c| c.to_uppercase())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_real_expansions() {
        for (e, a) in [
            ("Transmission Control Protocol", "TCP"),
            ("Variational AutoEncoder", "VAE"),
            ("AI-Generated Content", "AIGC"),
            ("Generative Pre-trained Transformer", "GPT"),
            ("Generative Pre-trained Transformer 4", "GPT-4"),
            ("Generative Pre-trained Transformer", "GPT-4"),
            ("Latent Diffusion Models", "LDM"),
            ("eXtensible Markup Language", "XML"),
            ("Hypertext Transfer Protocol", "HTTP"),
            ("Internet of Things", "IoT"),
            ("Low-Rank Adaptation", "LoRA"),
            ("Vision Transformer", "ViT"),
            ("Google Remote Procedure Call", "gRPC"),
            ("Platform as a Service", "PaaS"),
            ("Text-to-Speech", "TTS"),
            ("Long Short-Term Memory", "LSTM"),
            ("Non-Negative Matrix Factorization", "NMF"),
            (
                "Bidirectional Encoder Representations from Transformers",
                "BERT",
            ),
            ("messenger RNA", "mRNA"),
            ("Basic Input/Output System", "BIOS"),
            ("the Onion Router", "TOR"),
            (
                "Organisation for Economic Co-operation and Development",
                "OECD",
            ),
            (
                "Severe Acute Respiratory Syndrome Coronavirus 2",
                "SARS-CoV-2",
            ),
            ("Reward Learning from Human Feedback", "RLHF"),
            ("Asynchronous Advantage Actor-Critic", "A3C"),
            ("twin delayed DDPG", "TD3"),
            ("FLoating point OPeration", "FLOP"),
            ("Multi-Joint dynamics with Contact", "MuJoCo"),
            ("Contextualized Late Interaction over BERT", "ColBERT"),
            ("Open Neural Network Exchange", "ONNX"),
            ("Maximum Achievable Matmul FLOPS", "MAMF"),
            ("suffix automaton", "SAM"),
            ("Two-Phase Commit", "2PC"),
        ] {
            assert!(can_abbreviate(e, a), "{e} → {a}");
        }
    }

    #[test]
    fn rejects_wrong_letters() {
        for (e, a) in [
            ("Transmission Control Protocol", "TPC"),
            ("Domain Name System", "DSN"),
            ("ChatGPT", "GPT"),
            ("Graph Neural Network", "CNN"),
            ("Transformer", "ViT"),
            ("Number Needed to Treat", "NTT"),
            ("actor-critic", "A3C"),
            ("transfer RNA", "rRNA"),
        ] {
            assert!(!can_abbreviate(e, a), "{e} ↛ {a}");
        }
    }

    #[test]
    fn intent_needs_matching_initials() {
        assert!(looks_intended("Transmission Control Protocol", "TPC"));
        assert!(looks_intended("Domain Name System", "DSN"));
        assert!(looks_intended("State of Charge", "SOH"));
        assert!(looks_intended("No-U-Turn Sampler", "NUST"));
        assert!(looks_intended("Two-Phase Commit", "2PL"));
        assert!(is_anagram("Serializable Snapshot Isolation", "SIS"));
        assert!(!looks_intended("see Fig 2", "CNN"));
        assert!(!looks_intended("Results on Standard Benchmarks", "GLUE"));
        assert_eq!(initials("Transmission Control Protocol"), "TCP");
    }

    #[test]
    fn acronym_tokens() {
        for t in [
            "TCP", "LoRA", "IoT", "gRPC", "GPT-4", "LDMs", "3GPP", "PaaS",
        ] {
            assert!(is_acronym(t), "{t}");
        }
        for t in [
            "GitHub",
            "PyTorch",
            "Transformer",
            "A",
            "-AB",
            "TOOLONGACRONYM",
        ] {
            assert!(!is_acronym(t), "{t}");
        }
        assert_eq!(singular("LDMs"), "LDM");
        assert_eq!(singular("CNNs"), "CNN");
        assert_eq!(singular("PaaS"), "PaaS");
    }
}
