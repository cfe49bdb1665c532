use super::{Check, CheckMeta, Context, declare_check};
use crate::diagnostic::{Applicability, Diagnostic, Edit, Fix};
use crate::document::numbering::parse_prefix;
use crate::document::{Document, NumberStyle, TocEntry, title_key};
use crate::hash::{HashMap, HashSet};
use std::collections::BTreeSet;

declare_check! {
    /// A table of contents that disagrees with the headings.
    ///
    /// The list after a `目录` / `Contents` / `Table of Contents` label (titles come from the
    /// rules) is compared with the headings that follow it: an entry with no heading, a
    /// heading the TOC leaves out, an entry whose wording or number differs from its heading,
    /// and entries in a different order. Entries may be links. Back matter after the last
    /// listed heading (References, 参考文献) may stay out of the TOC unless it is numbered like
    /// the listed headings. The fix rewrites an entry's wording or number to match its heading.
    pub struct TocMismatch {
        id: "toc-mismatch",
        category: Toc,
        severity: Warning,
    }
}

struct HeadingInfo {
    index: usize,
    level: u8,
    number: Option<(NumberStyle, Vec<u32>)>,
    title: String,
    norm: String,
}

impl Check for TocMismatch {
    fn meta(&self) -> &'static CheckMeta {
        &Self::META
    }

    fn run(&self, ctx: &Context<'_, '_>, out: &mut Vec<Diagnostic>) {
        let doc = ctx.doc;
        let Some(toc) = &doc.toc else { return };
        let headings: Vec<HeadingInfo> = doc
            .headings
            .iter()
            .enumerate()
            .map(|(i, h)| heading_info(doc, i, h.level))
            .collect();
        let entry_norms: Vec<String> = toc.entries.iter().map(|e| title_key(&e.title)).collect();
        let heading_norms: Vec<&str> = headings.iter().map(|h| h.norm.as_str()).collect();
        let (matched, mut used) = match_wording(&entry_norms, &heading_norms);
        // A list that mostly does not name this document's headings (a reading list, an
        // index of other files) is not this document's table of contents.
        let external = toc
            .entries
            .iter()
            .filter(|e| e.link.as_ref().is_some_and(|l| !l.starts_with('#')))
            .count();
        let found = matched.iter().flatten().count();
        if found * 2 < toc.entries.len() || external * 2 > toc.entries.len() {
            return;
        }
        // Depth → level, from the entries matched so far.
        let mut levels: HashMap<usize, HashMap<u8, usize>> = HashMap::default();
        for (e, m) in matched.iter().enumerate() {
            if let Some(k) = m {
                *levels
                    .entry(toc.entries[e].depth)
                    .or_default()
                    .entry(headings[*k].level)
                    .or_default() += 1;
            }
        }
        let level_of = |depth: usize| {
            levels.get(&depth).and_then(|m| {
                m.iter()
                    .max_by_key(|(l, c)| (**c, std::cmp::Reverse(**l)))
                    .map(|(l, _)| *l)
            })
        };
        // Second pass: an unmatched entry pairs with the next unmatched heading at its level
        // that has the same number (wording differs), before the heading of the next entry
        // the first pass matched.
        let mut matched = matched;
        let mut next_matched = vec![headings.len(); toc.entries.len()];
        for e in (0..toc.entries.len().saturating_sub(1)).rev() {
            next_matched[e] = matched[e + 1].unwrap_or(next_matched[e + 1]);
        }
        // The unmatched headings of each level.
        let mut unused_at: HashMap<u8, BTreeSet<usize>> = HashMap::default();
        for (k, h) in headings.iter().enumerate() {
            if !used[k] {
                unused_at.entry(h.level).or_default().insert(k);
            }
        }
        let mut last = 0;
        for e in 0..toc.entries.len() {
            if let Some(k) = matched[e] {
                last = k + 1;
                continue;
            }
            let entry = &toc.entries[e];
            let Some(level) = level_of(entry.depth) else {
                continue;
            };
            let candidate = unused_at
                .get(&level)
                .and_then(|s| s.range(last..next_matched[e].max(last)).next().copied());
            if let Some(k) = candidate
                && (entry.number.is_some() && entry.number == headings[k].number
                    || entry.number.is_none() && headings[k].number.is_none())
            {
                used[k] = true;
                if let Some(s) = unused_at.get_mut(&level) {
                    s.remove(&k);
                }
                matched[e] = Some(k);
                last = k + 1;
                let h = &headings[k];
                out.push(
                    ctx.diagnostic(
                        entry.title_range.clone(),
                        format!(
                            "TOC entry \"{}\" differs from its heading \"{}\"",
                            entry.title.trim(),
                            h.title
                        ),
                    )
                    .with_related(doc.headings[h.index].range.clone(), "the heading")
                    .with_fix(replace(
                        entry.title_range.clone(),
                        &h.title,
                        "use the heading's wording",
                    )),
                );
            }
        }
        // Numbers and order of matched entries; entries without a heading.
        let mut prev: Option<usize> = None;
        for (e, entry) in toc.entries.iter().enumerate() {
            let Some(k) = matched[e] else {
                out.push(ctx.diagnostic(
                    entry.range.clone(),
                    format!("TOC entry \"{}\" has no matching heading", display(entry)),
                ));
                continue;
            };
            let h = &headings[k];
            let heading_range = doc.headings[h.index].range.clone();
            if let (Some(en), Some(hn)) = (&entry.number, &h.number)
                && en.1 != hn.1
            {
                let shown = doc.headings[h.index]
                    .number
                    .as_ref()
                    .map(|n| doc.text[n.range.clone()].to_string())
                    .unwrap_or_default();
                let mut d = ctx
                    .diagnostic(
                        entry.number_range.clone().unwrap_or(entry.range.clone()),
                        format!(
                            "TOC entry \"{}\" is numbered {} but its heading is {}",
                            entry.title.trim(),
                            join(&en.1),
                            join(&hn.1)
                        ),
                    )
                    .with_related(heading_range.clone(), "the heading");
                if let Some(r) = entry.number_range.clone()
                    && en.0 == hn.0
                    && en.1.len() == hn.1.len()
                {
                    let current = &doc.text[r.clone()];
                    let wanted = renumber_like(current, &en.1, &hn.1).unwrap_or(shown);
                    d = d.with_fix(replace(r, &wanted, "use the heading's number"));
                }
                out.push(d);
            }
            if let Some(p) = prev
                && k < p
            {
                out.push(
                    ctx.diagnostic(
                        entry.range.clone(),
                        format!("TOC entry \"{}\" is out of order: its heading comes before the previous entry's", display(entry)),
                    )
                    .with_related(heading_range, "the heading"),
                );
            }
            prev = Some(prev.map_or(k, |p| p.max(k)));
        }
        self.missing(ctx, &headings, &used, &matched, out);
    }
}

impl TocMismatch {
    /// Headings at listed levels that the TOC leaves out.
    fn missing(
        &self,
        ctx: &Context<'_, '_>,
        headings: &[HeadingInfo],
        used: &[bool],
        matched: &[Option<usize>],
        out: &mut Vec<Diagnostic>,
    ) {
        let doc = ctx.doc;
        let Some(toc) = &doc.toc else { return };
        let matched_ks: Vec<usize> = matched.iter().flatten().copied().collect();
        let (Some(&first), Some(&last)) = (matched_ks.iter().min(), matched_ks.iter().max()) else {
            return;
        };
        let listed_levels: HashSet<u8> = matched_ks.iter().map(|&k| headings[k].level).collect();
        let numbered_styles: HashSet<(u8, NumberStyle)> = matched_ks
            .iter()
            .filter_map(|&k| {
                headings[k]
                    .number
                    .as_ref()
                    .map(|n| (headings[k].level, n.0.clone()))
            })
            .collect();
        for (k, h) in headings.iter().enumerate() {
            let before_toc = doc.headings[h.index].range.start < toc.range.end;
            if used[k]
                || k < first
                || before_toc
                || h.norm.is_empty()
                || !listed_levels.contains(&h.level)
            {
                continue;
            }
            let after_last = k > last;
            let numbered_like = h
                .number
                .as_ref()
                .is_some_and(|n| numbered_styles.contains(&(h.level, n.0.clone())));
            if after_last && !numbered_like {
                continue;
            }
            out.push(
                ctx.diagnostic(
                    doc.headings[h.index].range.clone(),
                    format!(
                        "heading \"{}\" is missing from the table of contents",
                        doc.heading_text(h.index).trim()
                    ),
                )
                .with_related(toc.label.clone(), "the table of contents"),
            );
        }
    }
}

/// First pass: each entry, in order, takes the first heading with its wording (compared as
/// [`title_key`]s) that no earlier entry took, searching from just after the last heading
/// taken, then from the start. Returns the heading of each entry, and which headings are
/// taken.
fn match_wording(entries: &[String], headings: &[&str]) -> (Vec<Option<usize>>, Vec<bool>) {
    // The headings not yet taken, by wording.
    let mut free: HashMap<&str, BTreeSet<usize>> = HashMap::default();
    for (k, h) in headings.iter().enumerate() {
        free.entry(h).or_default().insert(k);
    }
    let mut matched = vec![None; entries.len()];
    let mut used = vec![false; headings.len()];
    let mut cursor = 0;
    for (e, norm) in entries.iter().enumerate() {
        let Some(same) = free.get_mut(norm.as_str()) else {
            continue;
        };
        let k = same
            .range(cursor..)
            .next()
            .or_else(|| same.range(..cursor).next())
            .copied();
        if let Some(k) = k {
            same.remove(&k);
            used[k] = true;
            matched[e] = Some(k);
            cursor = cursor.max(k + 1);
        }
    }
    (matched, used)
}

fn heading_info(doc: &Document<'_>, index: usize, level: u8) -> HeadingInfo {
    let text = doc.heading_text(index).trim();
    let (number, title) = match parse_prefix(text) {
        Some(p) => (
            Some((p.style, p.parts)),
            text[p.title_start..].trim().to_string(),
        ),
        None => (None, text.to_string()),
    };
    HeadingInfo {
        index,
        level,
        norm: title_key(&title),
        number,
        title,
    }
}

fn display(entry: &TocEntry) -> String {
    match &entry.number {
        Some((NumberStyle::Decimal, parts)) if parts.len() == 1 => {
            format!("{}. {}", parts[0], entry.title.trim())
        }
        Some((_, parts)) => format!("{} {}", join(parts), entry.title.trim()),
        None => entry.title.trim().to_string(),
    }
}

fn join(parts: &[u32]) -> String {
    parts
        .iter()
        .map(u32::to_string)
        .collect::<Vec<_>>()
        .join(".")
}

/// `current` rewritten with the heading's number parts (`1.3` → `1.4`, `三` → `四`).
fn renumber_like(current: &str, from: &[u32], to: &[u32]) -> Option<String> {
    if current.chars().all(|c| c.is_ascii_digit() || c == '.') {
        let had_dot = current.ends_with('.')
            && from.len() == 1
            && !current.trim_end_matches('.').contains('.');
        let mut s = join(to);
        if had_dot && current.len() > join(from).len() {
            s.push('.');
        }
        return Some(s);
    }
    if from.len() == 1 && to.len() == 1 {
        let old = crate::document::chinese_numeral(from[0])?;
        let new = crate::document::chinese_numeral(to[0])?;
        if current.contains(&old) {
            return Some(current.replacen(&old, &new, 1));
        }
    }
    None
}

fn replace(range: std::ops::Range<usize>, text: &str, message: &str) -> Fix {
    Fix {
        message: message.to_string(),
        applicability: Applicability::Safe,
        edits: vec![Edit {
            range,
            replacement: text.to_string(),
        }],
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The first pass as first written: each entry scans the headings.
    fn match_wording_by_scanning(
        entries: &[String],
        headings: &[&str],
    ) -> (Vec<Option<usize>>, Vec<bool>) {
        let mut matched = vec![None; entries.len()];
        let mut used = vec![false; headings.len()];
        let mut cursor = 0;
        for (e, norm) in entries.iter().enumerate() {
            let find = |from: usize, to: usize, used: &[bool]| {
                (from..to).find(|&k| !used[k] && headings[k] == norm.as_str())
            };
            let k = find(cursor, headings.len(), &used).or_else(|| find(0, cursor, &used));
            if let Some(k) = k {
                used[k] = true;
                matched[e] = Some(k);
                cursor = cursor.max(k + 1);
            }
        }
        (matched, used)
    }

    proptest::proptest! {
        #[test]
        fn indexed_first_pass_takes_the_headings_scanning_took(
            entries in proptest::collection::vec("[abc]", 0..12),
            headings in proptest::collection::vec("[abcd]", 0..12),
        ) {
            let headings: Vec<&str> = headings.iter().map(String::as_str).collect();
            proptest::prop_assert_eq!(
                match_wording(&entries, &headings),
                match_wording_by_scanning(&entries, &headings)
            );
        }
    }
}
