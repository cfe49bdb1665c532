//! The pre-commit hook, run for real by `scripts/test-pre-commit.sh` with the `pre-commit`
//! tool. Skipped, with the reason printed, when pre-commit is not installed or this is not a
//! git checkout (the script exits 77 then). The hook is installed from the HEAD commit.

use std::process::Command;

#[test]
fn pre_commit_hook_fails_flagged_and_passes_clean_files() {
    let root = env!("CARGO_MANIFEST_DIR");
    let out = Command::new("bash")
        .arg(format!("{root}/scripts/test-pre-commit.sh"))
        // A target directory of its own: `cargo test` may hold the lock on the main one.
        .env(
            "CARGO_TARGET_DIR",
            concat!(env!("CARGO_TARGET_TMPDIR"), "/pre-commit-target"),
        )
        .output()
        .expect("bash runs");
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    if out.status.code() == Some(77) {
        println!("{stdout}");
        eprintln!("{stdout}");
        return;
    }
    assert!(out.status.success(), "{stdout}\n{stderr}");
    assert!(stdout.contains("ok: the factlint hook"), "{stdout}");
}
