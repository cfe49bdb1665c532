//! Property: for random Markdown built from the constructs the document model knows, every
//! check runs without panicking and every diagnostic range (primary, related, fix edits) is
//! a char range of the text, with the diagnostics in order.

use factlint::diagnostic::validate;
use factlint::rules::Rules;
use factlint::{CheckOptions, check_text_with, fix};
use proptest::prelude::*;
use std::sync::LazyLock;

static RULES: LazyLock<Rules> = LazyLock::new(|| Rules::defaults().expect("default rules"));

fn number() -> impl Strategy<Value = String> {
    prop_oneof![
        (0u32..12).prop_map(|n| n.to_string()),
        (0u32..4, 0u32..4).prop_map(|(a, b)| format!("{a}.{b}")),
        Just("一".to_string()),
        Just("十二".to_string()),
        Just("iv".to_string()),
    ]
}

fn words() -> impl Strategy<Value = String> {
    prop::sample::select(vec![
        "GitHub",
        "Github",
        "Stable Diffusion",
        "Stable diffusion",
        "Transformer 模型",
        "中文文本",
        "GPT-3于2020年提出",
        "175B parameters",
        "4 KiB",
        "Vaswani et al.",
        "Smith and Jones (2019)",
        "Large Language Model (LLM)",
        "大语言模型（LLM）",
        "真实数据作为判别器的正样本",
        "three steps:",
        "包含三个部分：",
        "🚀👩‍💻",
        "`inline [1] code`",
        "$x^2 [3]$",
        "<!-- factlint-disable-next-line -->",
        "<!-- factlint-disable list-numbering -->",
        "<!--",
        "**bold**",
        "_em_",
        "[link](http://a.b/c)",
        "[3](#ref-3)",
        "<https://x.y>",
        "e.g.",
        "。",
        ", ",
        "；",
    ])
    .prop_map(str::to_string)
}

fn inline() -> impl Strategy<Value = String> {
    let citations = prop_oneof![
        number().prop_map(|n| format!("[{n}]")),
        (1u32..9, 1u32..9).prop_map(|(a, b)| format!("[{a}-{b}]")),
        (1u32..9, 1u32..9).prop_map(|(a, b)| format!("[{a},{b}]")),
        Just("[^a]".to_string()),
        Just("[^note-1]".to_string()),
    ];
    let markers = prop_oneof![
        number().prop_map(|n| format!("({n})")),
        number().prop_map(|n| format!("（{n}）")),
        number().prop_map(|n| format!("{n}、")),
        number().prop_map(|n| format!("第{n}，")),
        Just("①".to_string()),
        Just("Firstly,".to_string()),
        Just("Secondly,".to_string()),
    ];
    prop_oneof![
        words(),
        citations,
        markers,
        "[a-zA-Z0-9 .,()\\[\\]#*_`>|$^~中文。，🚀-]{0,12}",
    ]
}

fn line() -> impl Strategy<Value = String> {
    prop::collection::vec(inline(), 1..6).prop_map(|v| v.join(" "))
}

fn block() -> impl Strategy<Value = String> {
    let structure = prop_oneof![
        line(),
        line(),
        (1usize..5, number(), line()).prop_map(|(l, n, t)| format!("{} {n} {t}", "#".repeat(l))),
        prop::collection::vec((0usize..4, any::<bool>(), 0u32..9, line()), 1..6).prop_map(
            |items| {
                items
                    .into_iter()
                    .map(|(depth, ordered, n, t)| {
                        let marker = if ordered {
                            format!("{}.", n * 2 + 1)
                        } else {
                            "-".into()
                        };
                        format!("{}{marker} {t}", "  ".repeat(depth * 2))
                    })
                    .collect::<Vec<_>>()
                    .join("\n")
            }
        ),
        (
            prop::sample::select(vec![
                "## References",
                "## 参考文献",
                "**References**",
                "参考文献："
            ]),
            prop::collection::vec((1u32..9, line()), 0..5),
            any::<bool>()
        )
            .prop_map(|(title, entries, numbered)| {
                let body: Vec<String> = entries
                    .into_iter()
                    .map(|(n, t)| {
                        if numbered {
                            format!("{n}. {t}. 2020.")
                        } else {
                            format!("[{n}] {t}. 2019.")
                        }
                    })
                    .collect();
                format!("{title}\n\n{}", body.join("\n"))
            }),
        (
            prop::sample::select(vec!["目录", "# 目录", "## Contents"]),
            prop::collection::vec((0usize..3, number(), line()), 1..5)
        )
            .prop_map(|(title, entries)| {
                let body: Vec<String> = entries
                    .into_iter()
                    .map(|(d, n, t)| format!("{}- [{n} {t}](#x)", "  ".repeat(d)))
                    .collect();
                format!("{title}\n\n{}", body.join("\n"))
            }),
    ];
    let other = prop_oneof![
        (line(), line()).prop_map(|(a, b)| format!("| a | b |\n|---|---|\n| {a} | {b} |")),
        line().prop_map(|t| format!("```\n{t}\n```")),
        line().prop_map(|t| format!("$$\n{t}\n$$")),
        line().prop_map(|t| format!("> {t}\n> > {t}")),
        line().prop_map(|t| format!("[^a]: {t}")),
        line().prop_map(|t| format!("<!-- {t} -->")),
        line().prop_map(|t| format!("---\ntitle: {t}\n---")),
    ];
    prop_oneof![structure, other]
}

fn document() -> impl Strategy<Value = String> {
    (
        prop::collection::vec(
            (block(), prop::sample::select(vec!["\n\n", "\n", " "])),
            0..10,
        ),
        any::<bool>(),
    )
        .prop_map(|(blocks, crlf)| {
            let text: String = blocks.into_iter().map(|(b, sep)| b + sep).collect();
            if crlf {
                text.replace('\n', "\r\n")
            } else {
                text
            }
        })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, ..ProptestConfig::default() })]

    #[test]
    fn diagnostics_are_char_ranges_in_order(text in document()) {
        let options = CheckOptions { report_unused_suppressions: true };
        let diagnostics = check_text_with(&text, &RULES, &options);
        if let Err(e) = validate(&text, &diagnostics) {
            return Err(TestCaseError::fail(e));
        }
        if let Some(fixed) = fix::fix_text(&text, &RULES, &options) {
            let again = check_text_with(&fixed.text, &RULES, &options);
            if let Err(e) = validate(&fixed.text, &again) {
                return Err(TestCaseError::fail(format!("after fixes: {e}")));
            }
        }
    }
}
