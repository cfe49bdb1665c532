//! The seed article: the project's first fixture, checked end to end.

mod common;

use factlint::rules::Rules;

fn seed() -> String {
    std::fs::read_to_string(common::root().join("fixtures/aigc-survey.md")).expect("seed fixture")
}

#[test]
fn seed_structure_findings() {
    let text = seed();
    let rules = Rules::defaults().expect("default rules");
    let diagnostics = factlint::check_text(&text, &rules);
    let structural: Vec<_> = diagnostics
        .iter()
        .filter(|d| matches!(d.category.as_str(), "numbering" | "citation" | "toc"))
        .collect();
    assert_eq!(
        structural.len(),
        1,
        "{}",
        common::render(&text, &diagnostics)
    );
    let d = structural[0];
    assert_eq!(d.rule, "enumeration-numbering");
    assert_eq!(&text[d.range.clone()], "(1)");
    assert!(text[d.range.start..].starts_with("(1)反向扩散"));
    assert_eq!(d.related.len(), 1);
    assert!(text[d.related[0].range.start..].starts_with("(1)前向扩散"));
}

#[test]
fn seed_model_sees_bibliography_and_toc() {
    let text = seed();
    let rules = Rules::defaults().expect("default rules");
    let doc = factlint::document::Document::parse(&text, &rules.model_options());
    let bib = doc.bibliography.as_ref().expect("bibliography");
    assert_eq!(bib.entries.len(), 16, "参考资料 is not the bibliography");
    let toc = doc.toc.as_ref().expect("toc");
    assert_eq!(toc.entries.len(), 10);
    let first = &bib.entries[2].parsed;
    assert_eq!(first.year.as_ref().map(|y| y.0), Some(2015));
    assert_eq!(
        first.authors.first().map(|a| a.name.as_str()),
        Some("Laurent Dinh")
    );
}
