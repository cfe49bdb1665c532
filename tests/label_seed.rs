//! The seed article's label error: both kinds of data are the discriminator's negatives.

mod common;

#[test]
fn seed_has_one_label_conflict_on_the_second_negative() {
    let (text, found, rendered) = common::seed_findings("label-conflict");
    assert_eq!(found.len(), 1, "{rendered}");
    let d = &found[0];
    assert_eq!(&text[d.range.clone()], "负样本");
    assert!(text[..d.range.start].ends_with("真实数据作为判别器的"));
    assert_eq!(d.related.len(), 1);
    let related = d.related[0].range.clone();
    assert_eq!(&text[related.clone()], "负样本");
    assert!(text[..related.start].ends_with("其生成的数据作为判别器的"));
    assert_eq!(
        d.message,
        "\"真实数据\" and \"其生成的数据\" are both labelled 负样本 for 判别器; one of them should be 正样本"
    );
    assert!(d.help.as_deref().is_some_and(|h| h.contains("正样本")));
}
