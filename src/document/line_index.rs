//! Byte offset → line/column conversion. Used only at the reporting edge: everything inside
//! factlint works on byte ranges.

/// Start offsets of every line of a text.
#[derive(Debug, Clone)]
pub struct LineIndex {
    starts: Vec<usize>,
    len: usize,
    /// On lines longer than `CHECKPOINT` bytes, every `CHECKPOINT` bytes: (byte offset,
    /// chars from its line's start), so a column is counted from the nearest checkpoint and
    /// many findings on one long line cost linear time, not quadratic.
    checkpoints: Vec<(usize, usize)>,
}

const CHECKPOINT: usize = 4096;

/// A 1-based line and a 1-based column counted in Unicode scalar values.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct LineCol {
    pub line: usize,
    pub column: usize,
}

impl LineIndex {
    pub fn new(text: &str) -> Self {
        let mut starts = vec![0];
        starts.extend(memchr_newlines(text.as_bytes()).map(|i| i + 1));
        let mut checkpoints = Vec::new();
        for (k, &start) in starts.iter().enumerate() {
            let end = starts.get(k + 1).copied().unwrap_or(text.len());
            let (mut at, mut chars) = (start, 0);
            while end - at > CHECKPOINT {
                let next = floor_char_boundary(text, at + CHECKPOINT);
                chars += text[at..next].chars().count();
                checkpoints.push((next, chars));
                at = next;
            }
        }
        LineIndex {
            starts,
            len: text.len(),
            checkpoints,
        }
    }

    /// 0-based line containing `offset` (offsets past the end map to the last line).
    pub fn line_of(&self, offset: usize) -> usize {
        let offset = offset.min(self.len);
        match self.starts.binary_search(&offset) {
            Ok(i) => i,
            Err(i) => i - 1,
        }
    }

    pub fn line_start(&self, line: usize) -> usize {
        self.starts.get(line).copied().unwrap_or(self.len)
    }

    pub fn line_count(&self) -> usize {
        self.starts.len()
    }

    /// Line and column of `offset`; the column counts characters, so CJK text aligns.
    pub fn line_col(&self, text: &str, offset: usize) -> LineCol {
        let offset = floor_char_boundary(text, offset.min(text.len()));
        let line = self.line_of(offset);
        let start = self.starts[line];
        let nearest = self.checkpoints.partition_point(|&(at, _)| at <= offset);
        let (from, before) = match nearest.checked_sub(1).map(|i| self.checkpoints[i]) {
            Some((at, chars)) if at > start => (at, chars),
            _ => (start, 0),
        };
        let column = before + text[from..offset].chars().count() + 1;
        LineCol {
            line: line + 1,
            column,
        }
    }
}

fn memchr_newlines(bytes: &[u8]) -> impl Iterator<Item = usize> + '_ {
    bytes
        .iter()
        .enumerate()
        .filter_map(|(i, b)| (*b == b'\n').then_some(i))
}

/// The smallest char boundary not before `offset` (at most the text's length).
pub fn ceil_char_boundary(text: &str, mut offset: usize) -> usize {
    offset = offset.min(text.len());
    while !text.is_char_boundary(offset) {
        offset += 1;
    }
    offset
}

/// The largest char boundary not after `offset`.
pub fn floor_char_boundary(text: &str, mut offset: usize) -> usize {
    offset = offset.min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    offset
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_count_characters() {
        let text = "ab\n中文x\n";
        let idx = LineIndex::new(text);
        assert_eq!(idx.line_col(text, 0), LineCol { line: 1, column: 1 });
        let x = text.find('x').unwrap();
        assert_eq!(idx.line_col(text, x), LineCol { line: 2, column: 3 });
        assert_eq!(idx.line_col(text, text.len()).line, 3);
    }

    #[test]
    fn columns_on_long_lines_match_counting_from_the_line_start() {
        let text = format!("x\n{}\n{}\nend", "ab中文🚀".repeat(3000), "é".repeat(9000));
        let idx = LineIndex::new(&text);
        for offset in (0..=text.len()).step_by(997).chain([text.len()]) {
            let offset = floor_char_boundary(&text, offset);
            let line = idx.line_of(offset);
            let start = idx.line_start(line);
            let expected = text[start..offset].chars().count() + 1;
            assert_eq!(idx.line_col(&text, offset).column, expected, "at {offset}");
        }
    }
}
