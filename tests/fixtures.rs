//! Fixture-driven tests of the checks: every file under `fixtures/checks/` carries its
//! expected findings as `<!-- expect: check-id -->` markers on the lines they start on, and
//! its exact diagnostics (positions, messages, related labels, fixes) are snapshotted in
//! `tests/snapshots/`.

mod common;

use factlint::rules::Rules;

#[test]
fn check_fixtures_match_their_markers_and_snapshots() {
    let rules = Rules::defaults().expect("default rules load");
    let root = common::root();
    let mut files = common::markdown_files(&root.join("fixtures/checks"));
    files.extend(common::markdown_files(&root.join("fixtures/regressions")));
    assert!(
        files.len() >= 28,
        "expected the check fixtures, found {}",
        files.len()
    );
    let mut failures = Vec::new();
    let mut results = Vec::new();
    for path in &files {
        let text = std::fs::read_to_string(path).expect("fixture is UTF-8");
        let diagnostics = factlint::check_text(&text, &rules);
        let rel = path
            .strip_prefix(&root)
            .unwrap_or(path)
            .display()
            .to_string();
        for p in common::compare(&text, &diagnostics) {
            failures.push(format!("{rel}: {p}"));
        }
        results.push((rel, text, diagnostics));
    }
    assert!(
        failures.is_empty(),
        "fixture mismatches:\n{}",
        failures.join("\n")
    );
    for (rel, text, diagnostics) in results {
        let name = rel
            .trim_start_matches("fixtures/")
            .replace(['/', '.'], "__");
        insta::with_settings!({
            snapshot_path => root.join("tests/snapshots"),
            prepend_module_to_snapshot => false,
            omit_expression => true,
            description => rel.clone(),
        }, {
            insta::assert_snapshot!(name, common::render(&text, &diagnostics));
        });
    }
}
