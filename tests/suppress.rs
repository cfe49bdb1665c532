//! Inline suppressions: each case is a document, whether unused suppressions are reported,
//! and the findings expected as `(line, check id)`.

use factlint::CheckOptions;
use factlint::document::LineIndex;
use factlint::rules::Rules;

/// Two lists that each break their numbering on their second item.
const LISTS: &str = "# T\n\n1. a\n3. b\n\ntext\n\n1. c\n3. d\n";

fn findings(text: &str, report_unused: bool) -> Vec<(usize, String)> {
    let rules = Rules::defaults().expect("default rules");
    let options = CheckOptions {
        report_unused_suppressions: report_unused,
    };
    let idx = LineIndex::new(text);
    factlint::check_text_with(text, &rules, &options)
        .iter()
        .map(|d| (idx.line_col(text, d.range.start).line, d.rule.to_string()))
        .collect()
}

fn with(prefix: &str, suffix_line4: &str) -> String {
    LISTS
        .replacen("# T\n", &format!("# T\n{prefix}"), 1)
        .replacen("3. b\n", &format!("3. b{suffix_line4}\n"), 1)
}

#[test]
fn baseline_has_two_findings() {
    let all = findings(LISTS, true);
    assert_eq!(
        all,
        vec![(4, "list-numbering".into()), (9, "list-numbering".into())]
    );
}

/// Name, document, whether to report unused suppressions, expected `(line, check id)`.
type Case = (&'static str, String, bool, Vec<(usize, String)>);

#[test]
fn suppression_cases() {
    let ln = || "list-numbering".to_string();
    let unused = || "unused-suppression".to_string();
    let cases: Vec<Case> = vec![
        (
            "disable-line by id",
            with("", " <!-- factlint-disable-line list-numbering -->"),
            true,
            vec![(9, ln())],
        ),
        (
            "disable-line by category",
            with("", " <!-- factlint-disable-line numbering -->"),
            true,
            vec![(9, ln())],
        ),
        (
            "disable-line without ids",
            with("", " <!-- factlint-disable-line -->"),
            true,
            vec![(9, ln())],
        ),
        (
            "disable-line naming another check is unused",
            with("", " <!-- factlint-disable-line toc-mismatch -->"),
            true,
            vec![(4, ln()), (4, unused()), (9, ln())],
        ),
        (
            "unused is silent without the flag",
            with("", " <!-- factlint-disable-line toc-mismatch -->"),
            false,
            vec![(4, ln()), (9, ln())],
        ),
        (
            "unknown id is reported as unused",
            with(
                "",
                " <!-- factlint-disable-line list-numbring, list-numbering -->",
            ),
            true,
            vec![(4, unused()), (9, ln())],
        ),
        (
            "disable-file",
            with("<!-- factlint-disable-file list-numbering -->\n", ""),
            true,
            vec![],
        ),
        (
            "disable-next-line",
            LISTS.replace("1. c\n", "<!-- factlint-disable-next-line -->\n1. c\n"),
            true,
            // The comment sits on line 8, so it covers line 9 ("1. c"), not the finding on 10.
            vec![(4, ln()), (8, unused()), (10, ln())],
        ),
        (
            "disable … enable covers the range between",
            LISTS
                .replace("1. a\n", "<!-- factlint-disable list-numbering -->\n1. a\n")
                .replace("text\n", "<!-- factlint-enable list-numbering -->\n"),
            true,
            vec![(10, ln())],
        ),
        (
            "disable without enable runs to the end",
            LISTS.replace("1. a\n", "<!-- factlint-disable -->\n1. a\n"),
            true,
            vec![],
        ),
        (
            "enable without ids closes every disable",
            LISTS
                .replace("1. a\n", "<!-- factlint-disable numbering toc -->\n1. a\n")
                .replace("text\n", "<!-- factlint-enable -->\n"),
            true,
            // `toc` named a category with nothing to suppress in its range.
            vec![(3, unused()), (10, ln())],
        ),
        (
            "enable that closes nothing",
            LISTS.replace("text\n", "<!-- factlint-enable -->\n"),
            true,
            vec![(4, ln()), (6, unused()), (9, ln())],
        ),
        (
            "not a directive",
            with("", " <!-- factlint-disable-lines list-numbering -->"),
            true,
            vec![(4, ln()), (9, ln())],
        ),
        (
            "directives inside code blocks are text",
            with("```\n<!-- factlint-disable-file -->\n```\n", ""),
            true,
            vec![(7, ln()), (12, ln())],
        ),
        (
            "unused-suppression cannot be suppressed",
            with(
                "<!-- factlint-disable-file unused-suppression -->\n",
                " <!-- factlint-disable-line toc-mismatch -->",
            ),
            true,
            vec![(2, unused()), (5, ln()), (5, unused()), (10, ln())],
        ),
    ];
    let mut failures = Vec::new();
    for (name, text, report_unused, expected) in cases {
        let got = findings(&text, report_unused);
        if got != expected {
            failures.push(format!(
                "{name}: expected {expected:?}, got {got:?}\n{text}"
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}
