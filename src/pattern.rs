//! Patterns written in the source: constant regular expressions, and the byte-level scans
//! shared by the extractors.

use regex::Regex;

/// Compiles a constant pattern. The patterns are fixed at compile time and exercised by the
/// unit tests; should one ever fail to compile, the result is a regex that matches nothing
/// rather than a panic.
pub fn constant(pattern: &str) -> Regex {
    Regex::new(pattern).unwrap_or_else(|_| never())
}

/// The length of the UTF-8 sequence that `lead` starts.
pub fn utf8_len(lead: u8) -> usize {
    match lead {
        0xF0.. => 4,
        0xE0.. => 3,
        0xC0.. => 2,
        _ => 1,
    }
}

/// The byte ranges of the opening parentheses of `text`, `(` and `（` (EF BC 88), found with
/// `memchr` rather than by decoding every char.
pub fn open_parens(text: &str) -> impl Iterator<Item = std::ops::Range<usize>> + '_ {
    let bytes = text.as_bytes();
    memchr::memchr2_iter(b'(', 0xEF, bytes).filter_map(move |i| match bytes[i] {
        b'(' => Some(i..i + 1),
        _ => bytes[i + 1..]
            .starts_with(&[0xBC, 0x88])
            .then_some(i..i + 3),
    })
}

/// A table of the bytes in `bytes`, for scans that jump to the next byte of interest.
pub const fn byte_set(bytes: &[u8]) -> [bool; 256] {
    let mut table = [false; 256];
    let mut k = 0;
    while k < bytes.len() {
        table[bytes[k] as usize] = true;
        k += 1;
    }
    table
}

fn never() -> Regex {
    Regex::new(r"[^\s\S]").unwrap_or_else(|_| never())
}
