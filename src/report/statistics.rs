//! `--statistics`: how many findings each rule produced, most frequent first.

use super::FileReport;
use std::collections::BTreeMap;
use std::fmt::Write;

pub fn render_statistics(files: &[FileReport]) -> String {
    let mut counts: BTreeMap<(&str, &str), usize> = BTreeMap::new();
    for d in files.iter().flat_map(|f| &f.diagnostics) {
        *counts.entry((d.rule, d.category.as_str())).or_default() += 1;
    }
    let mut rows: Vec<_> = counts.into_iter().collect();
    rows.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    let width = rows
        .iter()
        .map(|r| r.1.to_string().len())
        .max()
        .unwrap_or(1);
    let mut out = String::new();
    for ((rule, category), n) in rows {
        let _ = writeln!(out, "{n:>width$}  {rule:<24} [{category}]");
    }
    out
}
