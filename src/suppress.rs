//! Inline suppressions: HTML comments that silence findings where the writer decided a
//! finding is wrong or intended.
//!
//! ```markdown
//! <!-- factlint-disable list-numbering -->      ...until a matching enable (or the end)
//! <!-- factlint-enable list-numbering -->
//! <!-- factlint-disable-next-line numbering --> the line after the comment
//! <!-- factlint-disable-line -->                the line(s) the comment is on
//! <!-- factlint-disable-file toc-mismatch -->   the whole file
//! ```
//!
//! Ids are check ids or categories, separated by spaces or commas; none means every check.
//! A diagnostic is suppressed when its primary position (the start of its range) lies in a
//! suppression's scope. Suppressions are applied after the checks run, so they never change
//! what a check sees. The `unused-suppression` findings are made after suppressing and are
//! never suppressed themselves: a directive cannot hide the report that it is useless.

use crate::checks::{self, CheckMeta};
use crate::diagnostic::{Category, Diagnostic, Severity};
use crate::document::{Comment, LineIndex};
use crate::hash::HashMap;
use crate::rules::Rules;
use std::ops::Range;

/// The pseudo-check that reports suppressions which suppressed nothing.
pub const UNUSED_SUPPRESSION: CheckMeta = CheckMeta {
    id: "unused-suppression",
    category: Category::Suppression,
    severity: Severity::Warning,
    docs: "A `factlint-disable…` or `factlint-enable` comment that suppressed nothing.\n\
\n\
Reported only with `--report-unused-suppressions`. A suppression is unused when no finding of\n\
the checks it names starts in its scope, when it names an unknown check or category, or when an\n\
enable closes no disable. Suppressions of checks that are disabled in the configuration are not\n\
reported. These findings are never suppressed themselves.\n",
};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Disable,
    Enable,
    NextLine,
    Line,
    File,
}

impl Kind {
    fn keyword(self) -> &'static str {
        match self {
            Kind::Disable => "factlint-disable",
            Kind::Enable => "factlint-enable",
            Kind::NextLine => "factlint-disable-next-line",
            Kind::Line => "factlint-disable-line",
            Kind::File => "factlint-disable-file",
        }
    }
}

#[derive(Debug)]
struct Directive {
    kind: Kind,
    comment: Range<usize>,
    /// The ids named, with where they are written; empty means every check.
    tokens: Vec<(String, Range<usize>)>,
}

/// Where one directive (or one of its ids) applies.
#[derive(Debug)]
struct Scope {
    region: Range<usize>,
    directive: usize,
    /// Index into the directive's tokens; `None` applies to every check.
    token: Option<usize>,
    used: bool,
}

/// Parses a comment body such as ` factlint-disable-line a, b `.
fn parse(text: &str, comment: &Comment) -> Option<Directive> {
    let body = text.get(comment.body.clone())?;
    let lead = body.len() - body.trim_start().len();
    let trimmed = body.trim();
    // Longest keyword first: `factlint-disable` is a prefix of the others.
    let kind = [
        Kind::NextLine,
        Kind::Line,
        Kind::File,
        Kind::Disable,
        Kind::Enable,
    ]
    .into_iter()
    .find(|k| {
        trimmed
            .strip_prefix(k.keyword())
            .is_some_and(|rest| rest.is_empty() || rest.starts_with(char::is_whitespace))
    })?;
    let rest_start = comment.body.start + lead + kind.keyword().len();
    let rest = &trimmed[kind.keyword().len()..];
    let mut tokens = Vec::new();
    let mut start = None;
    for (i, c) in rest.char_indices().chain([(rest.len(), ' ')]) {
        let separator = c.is_whitespace() || c == ',';
        match (start, separator) {
            (None, false) => start = Some(i),
            (Some(s), true) => {
                tokens.push((rest[s..i].to_string(), rest_start + s..rest_start + i));
                start = None;
            }
            _ => {}
        }
    }
    Some(Directive {
        kind,
        comment: comment.range.clone(),
        tokens,
    })
}

fn line_end(lines: &LineIndex, line: usize, len: usize) -> usize {
    if line + 1 < lines.line_count() {
        lines.line_start(line + 1)
    } else {
        len
    }
}

/// The scopes of every directive, in document order; also the enables that closed nothing.
fn scopes(directives: &[Directive], lines: &LineIndex, len: usize) -> (Vec<Scope>, Vec<usize>) {
    let mut scopes: Vec<Scope> = Vec::new();
    // Open `disable` scopes: those for every check (closed only by a bare `enable`), and
    // those naming a check or category, by that name.
    let mut open_all: Vec<usize> = Vec::new();
    let mut open_named: HashMap<&str, Vec<usize>> = HashMap::default();
    let mut idle_enables = Vec::new();
    for (i, d) in directives.iter().enumerate() {
        match d.kind {
            Kind::Disable => {
                for token in scope_tokens(d) {
                    match token {
                        None => open_all.push(scopes.len()),
                        Some(t) => open_named
                            .entry(d.tokens[t].0.as_str())
                            .or_default()
                            .push(scopes.len()),
                    }
                    scopes.push(Scope {
                        region: d.comment.end..len,
                        directive: i,
                        token,
                        used: false,
                    });
                }
            }
            Kind::Enable => {
                // A bare `enable` closes every open scope; one with names, those naming them.
                let closing: Vec<usize> = if d.tokens.is_empty() {
                    let named = open_named.drain().flat_map(|(_, s)| s);
                    open_all.drain(..).chain(named).collect()
                } else {
                    d.tokens
                        .iter()
                        .filter_map(|(n, _)| open_named.remove(n.as_str()))
                        .flatten()
                        .collect()
                };
                if closing.is_empty() {
                    idle_enables.push(i);
                }
                for s in closing {
                    let scope: &mut Scope = &mut scopes[s];
                    scope.region.end = d.comment.start.max(scope.region.start);
                }
            }
            Kind::File | Kind::Line | Kind::NextLine => {
                push_fixed(&mut scopes, i, d, lines, len);
            }
        }
    }
    (scopes, idle_enables)
}

/// The ids a directive's scopes apply to: each id it names, or `None` (every check).
fn scope_tokens(d: &Directive) -> Vec<Option<usize>> {
    if d.tokens.is_empty() {
        vec![None]
    } else {
        (0..d.tokens.len()).map(Some).collect()
    }
}

/// Adds the scopes of a directive whose region is where it stands (`-file`, `-line`,
/// `-next-line`), one per id it names.
fn push_fixed(scopes: &mut Vec<Scope>, i: usize, d: &Directive, lines: &LineIndex, len: usize) {
    let region = match d.kind {
        Kind::Line => {
            let first = lines.line_of(d.comment.start);
            let last = lines.line_of(d.comment.end.saturating_sub(1));
            lines.line_start(first)..line_end(lines, last, len)
        }
        Kind::NextLine => {
            let next = lines.line_of(d.comment.end.saturating_sub(1)) + 1;
            let start = if next < lines.line_count() {
                lines.line_start(next)
            } else {
                len
            };
            start..line_end(lines, next, len)
        }
        Kind::File => 0..len,
        // Their regions depend on each other: `scopes` builds them.
        Kind::Disable | Kind::Enable => return,
    };
    for token in scope_tokens(d) {
        scopes.push(Scope {
            region: region.clone(),
            directive: i,
            token,
            used: false,
        });
    }
}

fn known(token: &str) -> bool {
    checks::find(token).is_some()
        || checks::ALL
            .iter()
            .any(|c| c.meta().category.as_str() == token)
}

/// Whether any check that `token` names runs under these rules.
fn enabled(token: &str, rules: &Rules) -> bool {
    checks::ALL.iter().any(|c| {
        let m = c.meta();
        (m.id == token || m.category.as_str() == token) && rules.effective(m).is_some()
    })
}

/// Removes suppressed diagnostics; with `report_unused`, adds an `unused-suppression` finding
/// for every directive (or named id) that suppressed nothing.
pub fn apply(
    text: &str,
    comments: &[Comment],
    rules: &Rules,
    diagnostics: Vec<Diagnostic>,
    report_unused: bool,
) -> Vec<Diagnostic> {
    let mut directives: Vec<Directive> = comments.iter().filter_map(|c| parse(text, c)).collect();
    // The model may record a comment once per enclosing event; each counts once here.
    directives.sort_by_key(|d| (d.comment.start, d.comment.end));
    directives.dedup_by_key(|d| d.comment.clone());
    if directives.is_empty() {
        return diagnostics;
    }
    let lines = LineIndex::new(text);
    let (mut scopes, idle_enables) = scopes(&directives, &lines, text.len());
    // A scope applies to the findings of the check or category it names (`None`: all) that
    // start in its region. Both directions are answered on sorted lists, so that thousands
    // of suppressions over thousands of findings are not compared pairwise.
    let name = |scope: &Scope| {
        scope
            .token
            .map(|t| directives[scope.directive].tokens[t].0.as_str())
    };
    let mut regions: HashMap<Option<&str>, Vec<Range<usize>>> = HashMap::default();
    for scope in &scopes {
        regions
            .entry(name(scope))
            .or_default()
            .push(scope.region.clone());
    }
    let covers: HashMap<Option<&str>, Cover> = regions
        .into_iter()
        .map(|(k, r)| (k, Cover::new(r)))
        .collect();
    let mut starts: HashMap<Option<&str>, Vec<usize>> = HashMap::default();
    for d in &diagnostics {
        let at = d.range.start;
        starts.entry(None).or_default().push(at);
        starts.entry(Some(d.rule)).or_default().push(at);
        if d.category.as_str() != d.rule {
            starts
                .entry(Some(d.category.as_str()))
                .or_default()
                .push(at);
        }
    }
    for list in starts.values_mut() {
        list.sort_unstable();
    }
    for scope in &mut scopes {
        let list = starts.get(&name(scope)).map_or(&[][..], Vec::as_slice);
        let first = list.partition_point(|&s| s < scope.region.start);
        scope.used = list.get(first).is_some_and(|&s| s < scope.region.end);
    }
    let holds = |key: Option<&str>, at: usize| covers.get(&key).is_some_and(|c| c.holds(at));
    let mut kept = Vec::with_capacity(diagnostics.len());
    for d in diagnostics {
        let at = d.range.start;
        let suppressed =
            holds(None, at) || holds(Some(d.rule), at) || holds(Some(d.category.as_str()), at);
        if !suppressed {
            kept.push(d);
        }
    }
    if report_unused {
        kept.extend(unused(&directives, &scopes, &idle_enables, rules));
    }
    kept
}

/// Regions, to ask whether any of them holds an offset: sorted by start, with the greatest
/// end among each region and those before it.
struct Cover {
    starts: Vec<usize>,
    max_end: Vec<usize>,
}

impl Cover {
    fn new(mut regions: Vec<Range<usize>>) -> Cover {
        regions.sort_unstable_by_key(|r| r.start);
        let starts = regions.iter().map(|r| r.start).collect();
        let max_end = regions
            .iter()
            .scan(0, |m, r| {
                *m = (*m).max(r.end);
                Some(*m)
            })
            .collect();
        Cover { starts, max_end }
    }

    /// Whether a region holds `at` (start <= at < end): among the regions starting at or
    /// before `at`, one ends after it.
    fn holds(&self, at: usize) -> bool {
        let k = self.starts.partition_point(|&s| s <= at);
        k > 0 && self.max_end[k - 1] > at
    }
}

fn unused(
    directives: &[Directive],
    scopes: &[Scope],
    idle_enables: &[usize],
    rules: &Rules,
) -> Vec<Diagnostic> {
    let finding = |range: Range<usize>, message: String| Diagnostic {
        rule: UNUSED_SUPPRESSION.id,
        category: UNUSED_SUPPRESSION.category,
        severity: UNUSED_SUPPRESSION.severity,
        range,
        message,
        related: Vec::new(),
        help: Some("remove it, or correct the check id".to_string()),
        fix: None,
    };
    let mut out = Vec::new();
    for scope in scopes.iter().filter(|s| !s.used) {
        let d = &directives[scope.directive];
        let keyword = d.kind.keyword();
        match scope.token {
            None => out.push(finding(
                d.comment.clone(),
                format!("`{keyword}` suppressed nothing"),
            )),
            Some(t) => {
                let (name, range) = &d.tokens[t];
                if !known(name) {
                    out.push(finding(
                        range.clone(),
                        format!("`{keyword}` names `{name}`, which is not a check or category"),
                    ));
                } else if enabled(name, rules) {
                    out.push(finding(
                        range.clone(),
                        format!("`{keyword} {name}` suppressed nothing"),
                    ));
                }
            }
        }
    }
    for &i in idle_enables {
        out.push(finding(
            directives[i].comment.clone(),
            "`factlint-enable` closes no open `factlint-disable`".to_string(),
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostic::Severity;

    /// The scopes as first built, closing `disable`s by scanning every open one (the
    /// scopes of `-file`, `-line` and `-next-line` are built as `scopes` builds them).
    fn scopes_pairwise(
        directives: &[Directive],
        lines: &LineIndex,
        len: usize,
    ) -> (Vec<Scope>, Vec<usize>) {
        let mut scopes = Vec::new();
        let mut open: Vec<usize> = Vec::new();
        let mut idle_enables = Vec::new();
        for (i, d) in directives.iter().enumerate() {
            match d.kind {
                Kind::Disable => {
                    for token in scope_tokens(d) {
                        open.push(scopes.len());
                        scopes.push(Scope {
                            region: d.comment.end..len,
                            directive: i,
                            token,
                            used: false,
                        });
                    }
                }
                Kind::Enable => {
                    let (closing, still_open): (Vec<usize>, Vec<usize>) =
                        open.iter().partition(|&&s| {
                            d.tokens.is_empty()
                                || scopes[s].token.is_some_and(|t| {
                                    let name = &directives[scopes[s].directive].tokens[t].0;
                                    d.tokens.iter().any(|(n, _)| n == name)
                                })
                        });
                    if closing.is_empty() {
                        idle_enables.push(i);
                    }
                    for s in closing {
                        let scope: &mut Scope = &mut scopes[s];
                        scope.region.end = d.comment.start.max(scope.region.start);
                    }
                    open = still_open;
                }
                Kind::File | Kind::Line | Kind::NextLine => {
                    push_fixed(&mut scopes, i, d, lines, len);
                }
            }
        }
        (scopes, idle_enables)
    }

    /// `apply` as first written: every finding against every scope.
    fn apply_pairwise(
        text: &str,
        comments: &[Comment],
        rules: &Rules,
        diagnostics: Vec<Diagnostic>,
    ) -> Vec<Diagnostic> {
        let mut directives: Vec<Directive> =
            comments.iter().filter_map(|c| parse(text, c)).collect();
        directives.sort_by_key(|d| (d.comment.start, d.comment.end));
        directives.dedup_by_key(|d| d.comment.clone());
        if directives.is_empty() {
            return diagnostics;
        }
        let lines = LineIndex::new(text);
        let (mut scopes, idle_enables) = scopes_pairwise(&directives, &lines, text.len());
        let mut kept = Vec::new();
        for d in diagnostics {
            let mut suppressed = false;
            for scope in &mut scopes {
                let matches = scope.token.is_none_or(|t| {
                    let name = directives[scope.directive].tokens[t].0.as_str();
                    name == d.rule || name == d.category.as_str()
                });
                if matches && scope.region.contains(&d.range.start) {
                    scope.used = true;
                    suppressed = true;
                }
            }
            if !suppressed {
                kept.push(d);
            }
        }
        kept.extend(unused(&directives, &scopes, &idle_enables, rules));
        kept
    }

    proptest::proptest! {
        /// The indexed scopes suppress and leave unused what the pairwise ones did, on
        /// random lines of directives (every kind, bare or naming checks and categories,
        /// unknown names) and findings of several checks.
        #[test]
        fn indexed_suppression_is_pairwise_suppression(
            lines in proptest::collection::vec((0usize..7, proptest::sample::subsequence(
                vec!["term-inconsistent", "citation-undefined", "term", "citation", "nope"], 0..=3,
            )), 0..14),
            findings in proptest::collection::vec((0usize..3, 0usize..400), 0..12),
        ) {
            let mut text = String::new();
            for (kind, names) in &lines {
                let keyword = [
                    "factlint-disable", "factlint-enable", "factlint-disable-line",
                    "factlint-disable-next-line", "factlint-disable-file", "", "",
                ][*kind];
                if keyword.is_empty() {
                    text.push_str("Some prose here.\n\n");
                } else {
                    text.push_str(&format!("<!-- {keyword} {} -->\n\n", names.join(", ")));
                }
            }
            let rules = Rules::defaults().expect("default rules");
            let metas = [
                checks::find("term-inconsistent"),
                checks::find("citation-undefined"),
                checks::find("year-mismatch"),
            ];
            let diagnostics: Vec<Diagnostic> = findings
                .iter()
                .filter_map(|&(k, at)| {
                    let m = metas[k]?.meta();
                    let at = at.min(text.len());
                    Some(Diagnostic {
                        rule: m.id,
                        category: m.category,
                        severity: Severity::Warning,
                        range: at..at,
                        message: format!("at {at}"),
                        related: Vec::new(),
                        help: None,
                        fix: None,
                    })
                })
                .collect();
            let doc = crate::document::Document::parse(&text, &Default::default());
            let indexed = apply(&text, &doc.comments, &rules, diagnostics.clone(), true);
            let pairwise = apply_pairwise(&text, &doc.comments, &rules, diagnostics);
            proptest::prop_assert_eq!(indexed, pairwise, "{}", text);
        }
    }
}
