//! The command line as data: each case lays out files in a fresh directory, runs the built
//! binary there with arguments and standard input, and checks the exit code and what the
//! output contains (or, with `=`, exactly is).

use std::io::Write;
use std::process::{Command, Stdio};

const FLAGGED: &str = "# T\n\n1. a\n3. b\n";

struct Case {
    name: &'static str,
    files: &'static [(&'static str, &'static [u8])],
    args: &'static [&'static str],
    stdin: Option<&'static str>,
    code: i32,
    /// Substrings of stdout; one starting with `=` must equal stdout exactly.
    stdout: &'static [&'static str],
    stderr: &'static [&'static str],
}

const fn case(name: &'static str, args: &'static [&'static str], code: i32) -> Case {
    Case {
        name,
        files: &[],
        args,
        stdin: None,
        code,
        stdout: &[],
        stderr: &[],
    }
}

fn cases() -> Vec<Case> {
    vec![
        Case { files: &[("a.md", b"# T\n\n1. a\n2. b\n")], stdout: &["=1 file checked, no problems found\n"], ..case("clean file", &["check", "a.md"], 0) },
        Case { files: &[("a.md", b"# T\n\n1. a\n3. b\n")], stdout: &["list-numbering", "a.md:4:1", "1 warning"], ..case("flagged file", &["check", "--color", "never", "a.md"], 1) },
        Case { stderr: &["error: nope.md: no such file or directory"], ..case("missing file", &["check", "nope.md"], 2) },
        Case {
            files: &[("d/a.md", b"# T\n\n1. a\n3. b\n"), ("d/b.txt", b"1. a\n3. b\n"), ("d/c.markdown", b"# C\n"), ("d/img.png", b"\x89PNG\0\0")],
            stdout: &["d/a.md:4:1", "2 files checked: 0 errors, 1 warning"],
            ..case("directory of mixed files", &["check", "--color", "never", "d"], 1)
        },
        Case { files: &[("bin.md", b"# T\0\x01\x02")], stderr: &["bin.md: looks like a binary file", "offset 3"], ..case("binary file", &["check", "bin.md"], 2) },
        Case { files: &[("bad.md", b"# T\n\xff\xfe\n")], stderr: &["bad.md: not valid UTF-8", "offset 4"], ..case("invalid UTF-8", &["check", "bad.md"], 2) },
        Case { files: &[("empty.md", b"")], stdout: &["=1 file checked, no problems found\n"], ..case("empty file", &["check", "empty.md"], 0) },
        Case {
            files: &[("a.md", b"# T\n"), ("r.toml", b"[checks.list-numbering]\nseverty = \"info\"\n")],
            stderr: &["invalid rules file", "unknown field `severty`", "r.toml:2:1"],
            ..case("rules file with a misspelt key", &["check", "--rules", "r.toml", "a.md"], 2)
        },
        Case {
            files: &[("a.md", b"# T\n"), ("factlint.toml", b"exclude = []\nselct = [\"toc\"]\n")],
            stderr: &["invalid configuration file", "unknown field `selct`", "factlint.toml:2:1"],
            ..case("configuration with a misspelt key", &["check", "a.md"], 2)
        },
        Case {
            files: &[("a.md", b"# T\n"), ("factlint.toml", b"[checks.list-numbring]\nenabled = false\n")],
            stderr: &["unknown check `list-numbring`", "factlint.toml:1:9"],
            ..case("configuration with an unknown check", &["check", "a.md"], 2)
        },
        Case { files: &[("a.md", b"# T\n\n1. a\n3. b\n")], stdout: &["1 warning"], ..case("--fail-on error ignores warnings", &["check", "--fail-on", "error", "a.md"], 0) },
        Case {
            files: &[("a.md", b"# T\n\n1. a\n3. b\n"), ("factlint.toml", b"[checks.list-numbering]\nseverity = \"info\"\n")],
            ..case("--fail-on info counts infos", &["check", "--fail-on", "info", "a.md"], 1)
        },
        Case {
            files: &[("a.md", b"# T\n\n1. a\n3. b\n"), ("factlint.toml", b"[checks.list-numbering]\nseverity = \"info\"\n")],
            stdout: &["1 info"],
            ..case("infos pass by default", &["check", "a.md"], 0)
        },
        Case { files: &[("a.md", b"# T\n")], stdout: &["="], ..case("--quiet prints nothing when clean", &["check", "-q", "a.md"], 0) },
        Case {
            stdin: Some(FLAGGED),
            stdout: &["::warning file=docs/x.md,line=4,col=1,endLine=4,endColumn=2,title=factlint numbering/list-numbering::"],
            ..case("stdin under a name", &["check", "--format", "github", "--stdin-filename", "docs/x.md"], 1)
        },
        Case {
            files: &[("factlint.toml", b"exclude = [\"docs/**\"]\n")],
            stdin: Some(FLAGGED),
            stdout: &["=0 files checked, no problems found\n"],
            ..case("stdin name excluded by configuration", &["check", "--stdin-filename", "docs/x.md", "-"], 0)
        },
        Case { stdin: Some(FLAGGED), stdout: &["=# T\n\n1. a\n2. b\n"], stderr: &["1 file checked, no problems found", "fixed 1 problem in 1 file"], ..case("--fix on stdin prints the fixed text", &["check", "--fix", "-"], 0) },
        Case {
            files: &[("a.md", b"# T\n\n1. a\n3. b\n")],
            stdout: &["=--- a/a.md\n+++ b/a.md\n@@ -1,4 +1,4 @@\n # T\n \n 1. a\n-3. b\n+2. b\n"],
            ..case("--diff prints the fixes", &["check", "--diff", "a.md"], 1)
        },
        Case { files: &[("a.md", b"# T\n")], stdout: &["="], ..case("--diff with nothing to fix", &["check", "--diff", "a.md"], 0) },
        Case {
            files: &[("a.md", b"# T\n\n1. a\n3. b\n\n## U\n\n1. c\n3. d\n")],
            stdout: &["2 warnings, 0 infos\n2  list-numbering           [numbering]\n"],
            ..case("--statistics after the report", &["check", "--color", "never", "--statistics", "a.md"], 1)
        },
        Case {
            files: &[("a.md", b"x <!-- factlint-disable-line toc -->\n")],
            stdout: &["unused-suppression", "`factlint-disable-line toc` suppressed nothing"],
            ..case("--report-unused-suppressions", &["check", "--color", "never", "--report-unused-suppressions", "a.md"], 1)
        },
        Case {
            files: &[("top/factlint.toml", b"ignore = [\"numbering\"]\n"), ("top/a.md", b"1. a\n3. b\n"), ("top/sub/factlint.toml", b"select = [\"toc\", \"list-numbering\"]\n"), ("top/sub/b.md", b"1. a\n3. b\n")],
            stdout: &["top/sub/b.md:2:1", "2 files checked: 0 errors, 1 warning"],
            ..case("the nearest configuration wins", &["check", "--color", "never", "top"], 1)
        },
        Case {
            files: &[("repo/.git/HEAD", b""), ("factlint.toml", b"ignore = [\"numbering\"]\n"), ("repo/a.md", b"1. a\n3. b\n")],
            ..case("discovery stops at the repository root", &["check", "repo"], 1)
        },
        Case {
            files: &[("cfg/ci.toml", b"rules = [\"more.toml\"]\nexclude = [\"**/vendor/**\"]\n"), ("cfg/more.toml", b"[checks.list-numbering]\nseverity = \"error\"\n"), ("a.md", b"1. a\n3. b\n"), ("vendor/b.md", b"1. a\n3. b\n")],
            stdout: &["a.md:2:1", "1 file checked: 1 error"],
            ..case("--config for all files, rules relative to it", &["check", "--color", "never", "--config", "cfg/ci.toml", "a.md", "vendor/b.md"], 1)
        },
        Case {
            files: &[("factlint.toml", b"include = [\"docs/**/*.md\"]\n[[overrides]]\nfiles = [\"docs/old/**\"]\n[overrides.checks.list-numbering]\nenabled = false\n"), ("README.md", b"1. a\n3. b\n"), ("docs/a.md", b"1. a\n3. b\n"), ("docs/old/b.md", b"1. a\n3. b\n")],
            stdout: &["docs/a.md:2:1", "2 files checked: 0 errors, 1 warning"],
            ..case("include and overrides", &["check", "--color", "never", "."], 1)
        },
        Case { stdout: &["unused-suppression", "(suppression, default severity warning)"], ..case("explain a pseudo-check", &["explain", "unused-suppression"], 0) },
        Case { stderr: &["unknown check `nope`"], ..case("explain an unknown check", &["explain", "nope"], 2) },
        Case { files: &[("factlint.toml", b"")], stderr: &["factlint.toml already exists"], ..case("init refuses to overwrite", &["init"], 2) },
        Case { stderr: &["wrote factlint.toml"], ..case("init writes a starter", &["init"], 0) },
        Case { stderr: &["unexpected argument"], ..case("unknown flag", &["check", "--frobnicate"], 2) },
    ]
}

fn run_case(case: &Case) -> Result<(), String> {
    let dir = tempfile::tempdir().map_err(|e| e.to_string())?;
    for (path, bytes) in case.files {
        let p = dir.path().join(path);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(&p, bytes).unwrap();
    }
    let mut child = Command::new(env!("CARGO_BIN_EXE_factlint"))
        .args(case.args)
        .current_dir(dir.path())
        .env_remove("NO_COLOR")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| e.to_string())?;
    let mut stdin = child.stdin.take().unwrap();
    stdin
        .write_all(case.stdin.unwrap_or("").as_bytes())
        .unwrap();
    drop(stdin);
    let out = child.wait_with_output().map_err(|e| e.to_string())?;
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    let mut problems = Vec::new();
    if out.status.code() != Some(case.code) {
        problems.push(format!(
            "exit {:?}, expected {}",
            out.status.code(),
            case.code
        ));
    }
    for (stream, text, wanted) in [
        ("stdout", &stdout, case.stdout),
        ("stderr", &stderr, case.stderr),
    ] {
        for w in wanted {
            let ok = match w.strip_prefix('=') {
                Some(exact) => text == exact,
                None => text.contains(w),
            };
            if !ok {
                problems.push(format!("{stream} lacks {w:?}"));
            }
        }
    }
    if stderr.contains("panicked") {
        problems.push("panicked".into());
    }
    if problems.is_empty() {
        Ok(())
    } else {
        Err(format!(
            "{}: {}\n--- stdout\n{stdout}--- stderr\n{stderr}",
            case.name,
            problems.join("; ")
        ))
    }
}

#[test]
fn cli_cases() {
    let failures: Vec<String> = cases().iter().filter_map(|c| run_case(c).err()).collect();
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}
