//! Pathological inputs: each must finish in time proportional to its size, with a clear
//! message where factlint refuses the input, never a panic, a hang or a stack overflow.
//! Sizes are scaled down in debug builds (except the 10,000-deep nesting); the corpus
//! benchmark covers the large sizes in release builds.

use factlint::diagnostic::validate;
use factlint::files::{self, FileError};
use factlint::rules::Rules;
use std::path::Path;
use std::process::Command;
use std::sync::LazyLock;
use std::time::{Duration, Instant};

static RULES: LazyLock<Rules> = LazyLock::new(|| Rules::defaults().expect("default rules"));

/// Debug builds run about ten times slower: scale linear-size inputs by this.
const SCALE: usize = if cfg!(debug_assertions) { 10 } else { 1 };

/// Checks `text` on a thread with a small stack (256 KiB, an eighth of a test thread's),
/// so recursion that grows with the input overflows here first, and within `limit`.
fn check(name: &str, text: String, limit: Duration) {
    let start = Instant::now();
    let handle = std::thread::Builder::new()
        .stack_size(256 * 1024)
        .spawn(move || {
            let diagnostics = factlint::check_text(&text, &RULES);
            validate(&text, &diagnostics)
        })
        .expect("spawn");
    let result = handle.join().unwrap_or_else(|_| panic!("{name}: panicked"));
    if let Err(e) = result {
        panic!("{name}: {e}");
    }
    let took = start.elapsed();
    assert!(took < limit, "{name}: took {took:?}, over {limit:?}");
}

const NESTING: usize = 10_000;

#[test]
fn ten_thousand_nested_lists() {
    check("bullets", "- ".repeat(NESTING) + "x\n", secs(10));
    check("ordered", "1. ".repeat(NESTING) + "x\n", secs(10));
    let toc = format!("# 目录\n\n{}x\n\n## x\n", "- ".repeat(NESTING));
    check("table of contents", toc, secs(10));
}

#[test]
fn ten_thousand_nested_block_quotes() {
    check("quotes", "> ".repeat(NESTING) + "x\n", secs(10));
    check(
        "quotes and lists",
        "> - ".repeat(NESTING / 2) + "x\n",
        secs(10),
    );
    check(
        "brackets",
        "[".repeat(NESTING) + &"]".repeat(NESTING),
        secs(10),
    );
    check(
        "emphasis",
        "*_".repeat(NESTING) + &"_*".repeat(NESTING),
        secs(10),
    );
}

#[test]
fn a_ten_megabyte_line() {
    let piece =
        "GPT-4 uses 1.8 trillion parameters and (1) Vaswani et al. [3] 的Transformer（2） 🚀 ";
    let n = 10_000_000 / SCALE / piece.len();
    check("long line", piece.repeat(n), secs(20));
}

/// One clause (no sentence or clause stop) full of what the claim extractors read: a
/// phrase's clause is read once, not once per phrase, and the statements of one unit are
/// compared through an index. Not scaled: quadratic work at this size takes minutes in a
/// debug build (all of them take a few seconds now).
#[test]
fn one_long_clause_of_claims() {
    let pieces = [
        (
            "label phrases",
            "real data is the positive sample and fake data is the negative sample and ",
        ),
        (
            "chinese label phrases",
            "真实数据是正样本而生成数据是负样本而",
        ),
        (
            "quantities of one unit",
            "14x14 patches [3] and 16 GB of 5 ms latency and ",
        ),
        ("colons before enumerations", "three steps: (1) a (2) b "),
        ("opening brackets", "x (positive sample "),
        ("empty parentheses", "() is positive sample "),
        // Chinese has no spaces: the word before each year is the whole sentence so far.
        ("chinese years", "流模型[3]于2014年被提出，"),
        ("chinese attributions", "何恺明等人提出了"),
        ("attributions", "Bengio et al. [3] proposed GANs and "),
        ("citations without spaces", "[1][2][3,5][4-9]"),
    ];
    let references = "\n\n## 参考文献\n\n[3] A. Title. ICLR 2015.\n";
    for (name, piece) in pieces {
        let text = piece.repeat(200_000 / piece.len()) + references;
        check(name, text, secs(30));
    }
}

/// Many small structures whose relations were once found by scanning all the others: a
/// heading's parent among the headings before it, the suppressions covering each finding,
/// the heading matching each TOC entry. Not scaled: before they were indexed, these four
/// took 2.2, 4.7, 4.5 and 6.3 s in a release build; all four now take 2 s in a debug build.
#[test]
fn many_headings_suppressions_and_toc_entries() {
    let n = 40_000;
    let headings: String = (0..n).map(|i| format!("# Heading {i}\n\n")).collect();
    check("headings of one level", headings, secs(30));
    let suppressed: String = (0..n / 2)
        .map(|i| {
            format!(
                "<!-- factlint-disable-next-line term-inconsistent -->\nGitHub and Github {i}.\n\n"
            )
        })
        .collect();
    check("a suppression per finding", suppressed, secs(30));
    let mut closes = String::new();
    for i in 0..n / 2 {
        closes.push_str(&format!("<!-- factlint-disable check-{i} -->\n\n"));
    }
    for i in 0..n / 2 {
        closes.push_str(&format!("<!-- factlint-enable other-{i} -->\n\n"));
    }
    check("enables closing no disable", closes, secs(30));
    let toc = format!(
        "目录\n\n{}\n{}",
        (0..n)
            .map(|i| format!("{}. 第{i}节\n", i + 1))
            .collect::<String>(),
        (0..n)
            .map(|i| format!("## {}. 第{i}节\n\n", i + 1))
            .collect::<String>()
    );
    check("a table of contents of unmatched entries", toc, secs(30));
}

/// Each finding on a long line prints a window of it, not the whole line: the human report
/// of thousands of findings on one line stays proportional to their number.
#[test]
fn human_output_of_findings_on_a_long_line() {
    let piece = "and (1) Vaswani et al. [3] 的Transformer（2） ";
    let text = piece.repeat(1_000_000 / SCALE / piece.len());
    let diagnostics = factlint::check_text(&text, &RULES);
    assert!(diagnostics.len() > 100, "{} findings", diagnostics.len());
    let start = Instant::now();
    let count = diagnostics.len();
    let report = factlint::report::FileReport::new("long.md".into(), text, diagnostics);
    let out = factlint::report::render_human(std::slice::from_ref(&report), false);
    assert!(
        out.len() < count * 2_000,
        "{} bytes for {count} findings",
        out.len()
    );
    assert!(start.elapsed() < secs(20), "took {:?}", start.elapsed());
    // Columns count from the start of the line, not of the window shown.
    let out = String::from_utf8_lossy(&out);
    let first = report.line_col(report.diagnostics[0].range.start);
    let header = format!("┌─ long.md:1:{}\n", first.column);
    assert!(
        out.contains(&header),
        "{header} in {}",
        &out[..out.len().min(2000)]
    );
    let last = report
        .diagnostics
        .last()
        .map(|d| report.line_col(d.range.start));
    let header = format!("┌─ long.md:1:{}\n", last.map_or(0, |l| l.column));
    assert!(out.contains(&header), "{header}");
}

#[test]
fn a_hundred_thousand_citations() {
    let n = 100_000 / SCALE;
    let mut md = String::from("# Survey\n\n");
    for i in 0..n {
        md.push_str(&format!("claim [{}] ", i % 50 + 1));
    }
    md.push_str("\n\n## References\n\n");
    for i in 1..=50 {
        md.push_str(&format!("[{i}] A. Author. Title {i}. 2020.\n\n"));
    }
    check("citations", md, secs(20));
}

#[test]
fn a_reference_list_of_a_hundred_thousand_entries() {
    let n = 100_000 / SCALE;
    let mut md = String::from("# Survey\n\nSee [1] and [2-5].\n\n## 参考文献\n\n");
    for i in 1..=n {
        md.push_str(&format!(
            "{i}. A. Author, B. Author. Title number {i}. Venue, 2020.\n"
        ));
    }
    check("numbered list", md, secs(20));
    let mut md = String::from("# Survey\n\nSee [1].\n\n## References\n\n");
    for i in 1..=n {
        md.push_str(&format!("[{i}] Title number {i}. 2020.\n\n"));
    }
    check("bracketed paragraphs", md, secs(20));
}

#[test]
fn many_headings_and_list_items() {
    let n = 50_000 / SCALE;
    let headings: String = (1..=n).map(|i| format!("# {i}. Title\n\n")).collect();
    check("headings", headings, secs(20));
    let items: String = (1..=n).map(|i| format!("{}. item\n", i * 2)).collect();
    check("items", items, secs(20));
}

#[test]
fn nul_bytes_in_text() {
    check("nul", "# T\0\n\n1. a\0\n3. b\n\0".repeat(100), secs(5));
}

#[test]
fn refused_files_say_why() {
    let dir = tempfile::tempdir().expect("tempdir");
    let nul = dir.path().join("nul.md");
    std::fs::write(&nul, b"# T\0\n").expect("write");
    let bad = dir.path().join("bad.md");
    std::fs::write(&bad, b"# T\n\xff\n").expect("write");
    let big = dir.path().join("big.md");
    std::fs::write(&big, "x".repeat(2048)).expect("write");
    let out = factlint(dir.path(), &["check", "--max-file-size", "1024", "."]);
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    for expected in [
        "nul.md: looks like a binary file (it contains a NUL byte at offset 3); skipped",
        "bad.md: not valid UTF-8 (first invalid byte at offset 4)",
        "big.md: 2048 bytes is larger than --max-file-size (1024 bytes); skipped",
    ] {
        assert!(
            stderr.contains(expected),
            "missing {expected:?} in {stderr}"
        );
    }
}

#[test]
fn a_file_that_disappears_after_listing() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("gone.md");
    std::fs::write(&path, "# T\n").expect("write");
    let (targets, errors) = files::discover(&[dir.path().to_path_buf()]);
    assert!(errors.is_empty());
    std::fs::remove_file(&path).expect("remove");
    match files::read(&targets[0], u64::MAX) {
        Err(e @ FileError::Io { .. }) => {
            assert!(e.to_string().contains("gone.md: cannot read"), "{e}");
        }
        other => panic!("expected an I/O error, got {other:?}"),
    }
}

#[cfg(unix)]
#[test]
fn a_symlink_loop_in_a_checked_directory() {
    let dir = tempfile::tempdir().expect("tempdir");
    let docs = dir.path().join("docs");
    std::fs::create_dir(&docs).expect("mkdir");
    std::fs::write(docs.join("a.md"), "# T\n\n1. a\n2. b\n").expect("write");
    std::os::unix::fs::symlink(&docs, docs.join("loop")).expect("symlink");
    std::os::unix::fs::symlink("self.md", docs.join("self.md")).expect("symlink");
    let start = Instant::now();
    let out = factlint(dir.path(), &["check", "docs"]);
    assert!(start.elapsed() < secs(20));
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(0), "{stdout}");
    assert_eq!(stdout, "1 file checked, no problems found\n");
}

#[test]
fn deep_nesting_through_the_command_line() {
    // The command line checks on worker threads and, with --jobs 1, on the main thread.
    let dir = tempfile::tempdir().expect("tempdir");
    let text = "> - ".repeat(NESTING / 2) + "x\n" + &"- ".repeat(NESTING) + "y\n";
    std::fs::write(dir.path().join("deep.md"), text).expect("write");
    for jobs in ["1", "2"] {
        let out = factlint(dir.path(), &["check", "--jobs", jobs, "deep.md"]);
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(matches!(out.status.code(), Some(0 | 1)), "{stderr}");
    }
}

/// 50 MB of prose: for release builds (`cargo test --release -- --ignored`).
#[test]
#[ignore = "50 MB; the corpus benchmark covers large inputs"]
fn a_fifty_megabyte_file() {
    let piece = "## 1. 标题\n\nGPT-4 has 1.8T parameters [1]. 它在2023年发布（1）。\n\n";
    check("50 MB", piece.repeat(50_000_000 / piece.len()), secs(120));
}

fn factlint(dir: &Path, args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_factlint"))
        .args(args)
        .args(["--no-config", "--color", "never"])
        .current_dir(dir)
        .output()
        .expect("factlint runs")
}

fn secs(n: u64) -> Duration {
    Duration::from_secs(n)
}

#[test]
fn rules_file_regexes_are_bounded() {
    let start = Instant::now();
    let huge = "[claims]\nattribution = ['(?P<name>a{1000}){1000}']\n";
    let err = factlint::rules::parse_file("r.toml", huge).expect_err("too large");
    assert!(
        err.message.starts_with("invalid attribution pattern")
            && err.message.contains("size limit"),
        "{}",
        err.message
    );
    let span = err.span.expect("a span");
    assert_eq!(huge[span].trim_matches('\''), "(?P<name>a{1000}){1000}");
    let invalid = "[claims]\nattribution = ['(?P<name>']\n";
    assert!(factlint::rules::parse_file("r.toml", invalid).is_err());
    // A pattern that backtracks catastrophically elsewhere is fine: matching is linear.
    let nested = "[claims]\nattribution = ['(?P<name>(a+)+)$']\n";
    assert!(factlint::rules::parse_file("r.toml", nested).is_ok());
    let re = factlint::rules::compile("(a+)+$").expect("compiles");
    let hay = "a".repeat(100_000 / SCALE) + "b";
    assert!(!re.is_match(&hay));
    assert!(start.elapsed() < secs(10));
}
