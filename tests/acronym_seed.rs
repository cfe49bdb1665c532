//! The seed article defines AIGC, VAE, GAN, GPT, ViT and LDMs correctly and RLHF wrongly:
//! `acronym-expansion` must report RLHF alone.

mod common;

use factlint::rules::Rules;

#[test]
fn seed_has_one_acronym_finding_on_rlhf() {
    let text = std::fs::read_to_string(common::root().join("fixtures/aigc-survey.md"))
        .expect("seed fixture");
    let rules = Rules::defaults().expect("default rules");
    let diagnostics = factlint::check_text(&text, &rules);
    let found: Vec<_> = diagnostics
        .iter()
        .filter(|d| d.rule == "acronym-expansion")
        .collect();
    assert_eq!(found.len(), 1, "{}", common::render(&text, &diagnostics));
    let d = found[0];
    assert_eq!(d.category.as_str(), "acronym");
    assert_eq!(
        &text[d.range.clone()],
        "Reward Learning from Human Feedback"
    );
    assert!(text[d.range.end..].starts_with(",RLHF)"));
    assert_eq!(
        d.message,
        "RLHF is expanded \"Reward Learning from Human Feedback\" here but the glossary says \
         \"Reinforcement Learning from Human Feedback\""
    );
    let fix = d.fix.as_ref().expect("a replacement is offered");
    assert_eq!(
        fix.edits[0].replacement,
        "Reinforcement Learning from Human Feedback"
    );
}
