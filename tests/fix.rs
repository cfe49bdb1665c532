//! Safe fixes, byte for byte: every `fixtures/fix/NAME.md` fixes to `NAME.fixed.md`, a
//! second pass changes nothing, and the fixed text no longer has a safe fix to offer.
//! `FACTLINT_BLESS=1 cargo test --test fix` writes missing expectations for review.

mod common;

use factlint::CheckOptions;
use factlint::fix::fix_text;
use factlint::rules::Rules;
use std::path::PathBuf;

fn inputs() -> Vec<PathBuf> {
    let dir = common::root().join("fixtures/fix");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("fixtures/fix exists")
        .map(|e| e.expect("directory entry").path())
        .filter(|p| {
            let name = p.file_name().and_then(|n| n.to_str()).unwrap_or("");
            name.ends_with(".md") && !name.ends_with(".fixed.md")
        })
        .collect();
    files.sort();
    files
}

fn read(path: &PathBuf) -> String {
    String::from_utf8(std::fs::read(path).expect("readable fixture")).expect("UTF-8 fixture")
}

#[test]
fn fixtures_fix_to_their_expected_bytes() {
    let rules = Rules::defaults().expect("default rules");
    let options = CheckOptions::default();
    let files = inputs();
    assert!(files.len() >= 3, "expected fix fixtures, found {files:?}");
    for input in files {
        let expected_path = input.with_extension("fixed.md");
        let text = read(&input);
        let fixed = fix_text(&text, &rules, &options).expect("the fixture has safe fixes");
        if !expected_path.exists() && std::env::var_os("FACTLINT_BLESS").is_some() {
            std::fs::write(&expected_path, &fixed.text).expect("write expectation");
        }
        let expected = read(&expected_path);
        assert_eq!(fixed.text, expected, "{}", input.display());
        assert_eq!(
            fix_text(&fixed.text, &rules, &options),
            None,
            "{}: a second --fix would change the text",
            input.display()
        );
        let left: Vec<_> = factlint::check_text(&fixed.text, &rules)
            .into_iter()
            .filter(|d| d.fix.is_some())
            .map(|d| (d.rule, d.message))
            .collect();
        assert!(
            left.is_empty(),
            "{}: still fixable: {left:?}",
            input.display()
        );
    }
}

#[test]
fn bytes_outside_the_edits_are_untouched() {
    let text = read(&common::root().join("fixtures/fix/crlf-bom.md"));
    assert!(text.starts_with('\u{FEFF}') && text.contains("\r\n") && !text.ends_with('\n'));
    let rules = Rules::defaults().expect("default rules");
    let fixed = fix_text(&text, &rules, &CheckOptions::default()).expect("fixable");
    assert_eq!(fixed.text.len(), text.len(), "single digits were replaced");
    let changed: Vec<usize> = (0..text.len())
        .filter(|&i| text.as_bytes()[i] != fixed.text.as_bytes()[i])
        .collect();
    assert!(!changed.is_empty());
    for i in changed {
        assert!(text.as_bytes()[i].is_ascii_digit(), "byte {i} changed");
    }
    assert!(fixed.text.starts_with('\u{FEFF}'));
    assert!(!fixed.text.ends_with('\n'));
    assert_eq!(
        fixed.text.matches("\r\n").count(),
        text.matches("\r\n").count()
    );
    assert_eq!(fixed.text.matches('\n').count(), text.matches('\n').count());
}
