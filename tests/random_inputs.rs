//! A long random-input loop, the stable-toolchain counterpart of the `cargo fuzz` targets in
//! `fuzz/`: random documents spliced from Markdown and factlint tokens, random bytes and
//! mutated rules files, for `FACTLINT_FUZZ_SECS` seconds (default 60) each.
//!
//! ```text
//! FACTLINT_FUZZ_SECS=600 cargo test --release --test random_inputs -- --ignored --nocapture
//! ```
//!
//! A failing input is printed (as a Rust byte string) for `tests/regressions_fuzz.rs`.

use factlint::diagnostic::validate;
use factlint::rules::{EMBEDDED, Rules, parse_file};
use factlint::{CheckOptions, check_text, check_text_with};
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::time::{Duration, Instant};

/// xorshift64*: small, fast and reproducible from its seed.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

const TOKENS: &[&str] = &[
    "\n",
    "\n\n",
    "\r\n",
    " ",
    "  ",
    "    ",
    "\t",
    "# ",
    "## ",
    "### ",
    "- ",
    "* ",
    "+ ",
    "1. ",
    "3. ",
    "7) ",
    "> ",
    "```",
    "~~~",
    "`",
    "$",
    "$$",
    "|",
    "|---|",
    "[",
    "]",
    "(",
    ")",
    "（",
    "）",
    "[^",
    "]:",
    "[1]",
    "[3-5]",
    "[2,4]",
    "[^a]",
    "<!--",
    "-->",
    "<div>",
    "</div>",
    "<",
    ">",
    "*",
    "_",
    "**",
    "~~",
    "\\",
    "&amp;",
    "---\n",
    "+++\n",
    "目录",
    "参考文献",
    "References",
    "Contents",
    "一、",
    "二、",
    "第一，",
    "(1)",
    "(2)",
    "（一）",
    "①",
    "②",
    "(a)",
    "(i)",
    "Firstly,",
    "Secondly,",
    "GitHub",
    "Github",
    "Stable Diffusion",
    "Stable diffusion",
    "GPT-3",
    "2020年",
    "于2019年提出",
    "in 2017",
    "175B",
    "4 KiB",
    "parameters",
    "参数",
    "Vaswani et al.",
    "等人",
    "Smith and Jones",
    "(2019)",
    "proposed by Hoare",
    "由",
    "Large Language Model (LLM)",
    "（LLM）",
    "作为",
    "正样本",
    "负样本",
    "serve as",
    "three",
    "三个",
    "包含",
    "consists of",
    "：",
    ":",
    "。",
    "，",
    "、",
    ".",
    ",",
    ";",
    "🚀",
    "👩‍💻",
    "é",
    "\u{301}",
    "\u{feff}",
    "\u{200b}",
    "\0",
    "Σ",
    "İ",
    "ß",
    "ﬃ",
    "factlint-disable",
    "factlint-disable-next-line",
    "factlint-enable",
    "list-numbering",
    "http://a.b/c",
    "<https://x.y>",
    "![img](a.png)",
    "[t](#x)",
    "{#id}",
];

fn random_text(rng: &mut Rng) -> Vec<u8> {
    let mut out = Vec::new();
    let n = rng.below(80);
    for _ in 0..n {
        match rng.below(10) {
            0 => out.extend((0..rng.below(6)).map(|_| rng.next() as u8)),
            1 if !out.is_empty() => {
                // Repeat a recent slice: nesting, runs of markers.
                let start = rng.below(out.len());
                let end = (start + rng.below(16)).min(out.len());
                let piece = out[start..end].to_vec();
                for _ in 0..rng.below(20) {
                    out.extend_from_slice(&piece);
                }
            }
            _ => out.extend_from_slice(TOKENS[rng.below(TOKENS.len())].as_bytes()),
        }
    }
    out
}

fn seconds() -> Duration {
    Duration::from_secs(
        std::env::var("FACTLINT_FUZZ_SECS")
            .ok()
            .and_then(|s| s.parse().ok())
            .unwrap_or(60),
    )
}

fn seed() -> u64 {
    std::env::var("FACTLINT_FUZZ_SEED")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(0x9E37_79B9_7F4A_7C15)
}

#[test]
#[ignore = "long-running; see the module docs"]
fn random_documents_never_panic() {
    let rules = Rules::defaults().expect("default rules");
    let options = CheckOptions {
        report_unused_suppressions: true,
    };
    let mut rng = Rng(seed());
    let deadline = Instant::now() + seconds();
    let mut cases = 0u64;
    while Instant::now() < deadline {
        let bytes = random_text(&mut rng);
        let text = String::from_utf8_lossy(&bytes).into_owned();
        let result = catch_unwind(AssertUnwindSafe(|| {
            let d = check_text_with(&text, &rules, &options);
            validate(&text, &d)
        }));
        match result {
            Ok(Ok(())) => {}
            Ok(Err(e)) => panic!("{e}\ninput: {:?}", text),
            Err(_) => panic!("panicked on input: {:?}", text),
        }
        cases += 1;
    }
    println!("{cases} random documents checked");
}

#[test]
#[ignore = "long-running; see the module docs"]
fn random_rules_files_never_panic() {
    let document = include_str!("../fixtures/aigc-survey.md");
    let mut rng = Rng(seed());
    let deadline = Instant::now() + seconds();
    let (mut cases, mut parsed) = (0u64, 0u64);
    while Instant::now() < deadline {
        let (_, base) = EMBEDDED[rng.below(EMBEDDED.len())];
        let mut bytes = base.as_bytes().to_vec();
        for _ in 0..1 + rng.below(8) {
            let at = rng.below(bytes.len() + 1);
            match rng.below(3) {
                0 => bytes.truncate(at),
                1 => {
                    let token = TOKENS[rng.below(TOKENS.len())].as_bytes();
                    bytes.splice(at..at, token.iter().copied());
                }
                _ => {
                    let end = (at + rng.below(40)).min(bytes.len());
                    bytes.drain(at..end);
                }
            }
        }
        let Ok(text) = String::from_utf8(bytes) else {
            continue;
        };
        let result = catch_unwind(AssertUnwindSafe(|| {
            let Ok(file) = parse_file("random.toml", &text) else {
                return Ok(false);
            };
            let mut rules = Rules::empty();
            rules.merge(file);
            rules.finish();
            validate(document, &check_text(document, &rules)).map(|()| true)
        }));
        match result {
            Ok(Ok(ok)) => parsed += u64::from(ok),
            Ok(Err(e)) => panic!("{e}\nrules: {text:?}"),
            Err(_) => panic!("panicked on rules: {text:?}"),
        }
        cases += 1;
    }
    println!("{cases} random rules files, {parsed} parsed");
}
