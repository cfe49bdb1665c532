//! The seed article defines AIGC, VAE, GAN, GPT, ViT and LDMs correctly and RLHF wrongly:
//! `acronym-expansion` must report RLHF alone.

mod common;

#[test]
fn seed_has_one_acronym_finding_on_rlhf() {
    let (text, found, rendered) = common::seed_findings("acronym-expansion");
    assert_eq!(found.len(), 1, "{rendered}");
    let d = &found[0];
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
