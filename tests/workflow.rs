//! End-to-end workflow: `--fix` on real files (bytes, permissions, idempotence), `--output`
//! beside human output, and configuration caching.

mod common;

use factlint::config::{Resolver, absolute};
use std::path::Path;
use std::process::{Command, Output};

fn factlint(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_factlint"))
        .args(args)
        .current_dir(dir)
        .output()
        .expect("factlint runs")
}

#[test]
fn fix_writes_fixtures_byte_for_byte_and_only_once() {
    let dir = tempfile::tempdir().expect("tempdir");
    let fixtures = common::root().join("fixtures/fix");
    let names = ["crlf-bom", "lists", "toc"];
    for name in names {
        std::fs::copy(
            fixtures.join(format!("{name}.md")),
            dir.path().join(format!("{name}.md")),
        )
        .expect("copy fixture");
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let p = dir.path().join("lists.md");
        std::fs::set_permissions(&p, std::fs::Permissions::from_mode(0o640)).expect("chmod");
    }
    let first = factlint(dir.path(), &["check", "--fix", "."]);
    let stderr = String::from_utf8_lossy(&first.stderr);
    assert!(stderr.contains("in 3 files"), "{stderr}");
    for name in names {
        let fixed = std::fs::read(dir.path().join(format!("{name}.md"))).expect("read");
        let expected = std::fs::read(fixtures.join(format!("{name}.fixed.md"))).expect("read");
        assert_eq!(fixed, expected, "{name}");
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(dir.path().join("lists.md"))
            .expect("meta")
            .permissions();
        assert_eq!(mode.mode() & 0o777, 0o640, "permissions kept");
    }
    let leftovers: Vec<_> = std::fs::read_dir(dir.path())
        .expect("read dir")
        .filter_map(|e| e.ok())
        .filter(|e| e.file_name().to_string_lossy().starts_with(".factlint-"))
        .collect();
    assert!(leftovers.is_empty(), "temporary files left: {leftovers:?}");
    let second = factlint(dir.path(), &["check", "--diff", "."]);
    assert_eq!(second.status.code(), Some(0), "nothing left to fix");
    assert!(second.stdout.is_empty());
    // What was fixed is no longer reported (the TOC anchors stay: they have no safe fix).
    let after = factlint(dir.path(), &["check", "--format", "json", "."]);
    let json: serde_json::Value = serde_json::from_slice(&after.stdout).expect("json");
    let fixable: Vec<_> = json["diagnostics"]
        .as_array()
        .expect("array")
        .iter()
        .filter(|d| !d["fix"].is_null())
        .collect();
    assert!(fixable.is_empty(), "{fixable:?}");
}

#[test]
fn output_file_gets_the_format_and_stdout_the_human_report() {
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::write(dir.path().join("a.md"), "# T\n\n1. a\n3. b\n").expect("write");
    let args = [
        "check",
        "--color",
        "never",
        "--format",
        "sarif",
        "--output",
        "out/r.sarif",
        "a.md",
    ];
    let out = factlint(dir.path(), &args);
    // The output directory must exist; a clear error, not a panic.
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("error:"));
    std::fs::create_dir(dir.path().join("out")).expect("mkdir");
    let out = factlint(dir.path(), &args);
    assert_eq!(out.status.code(), Some(1));
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        stdout.contains("warning[numbering/list-numbering]"),
        "{stdout}"
    );
    let sarif: serde_json::Value =
        serde_json::from_slice(&std::fs::read(dir.path().join("out/r.sarif")).expect("written"))
            .expect("json");
    assert_eq!(sarif["runs"][0]["results"][0]["ruleId"], "list-numbering");
}

#[test]
fn rules_load_once_per_configuration() {
    let dir = tempfile::tempdir().expect("tempdir");
    let root = dir.path();
    std::fs::create_dir_all(root.join(".git")).expect("git dir");
    std::fs::create_dir_all(root.join("a/b")).expect("dirs");
    std::fs::create_dir_all(root.join("c")).expect("dirs");
    std::fs::write(
        root.join("factlint.toml"),
        "[[overrides]]\nfiles = [\"c/**\"]\nignore = [\"toc\"]\n",
    )
    .expect("config");
    std::fs::write(root.join("c/.factlint.toml"), "ignore = [\"numbering\"]\n").expect("config");
    let mut resolver = Resolver::new(None, false, false, Vec::new()).expect("resolver");
    let files = ["x.md", "a/y.md", "a/b/z.md", "a/b/w.md", "c/v.md", "c/u.md"];
    for f in files {
        let abs = absolute(&root.join(f));
        let config = resolver.config_for(&abs).expect("config");
        let config = config.expect("a config applies");
        let rules = resolver.rules_for(Some(&config), &abs).expect("rules");
        let list = rules.checks.get("list-numbering").and_then(|s| s.enabled);
        assert_eq!(list, f.starts_with("c/").then_some(false), "{f}");
    }
    assert_eq!(resolver.loads, 2, "one load per configuration file");
}
