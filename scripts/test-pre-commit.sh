#!/usr/bin/env bash
# Runs factlint's pre-commit hook for real: a throwaway git repository uses this repository
# (as a local path, at its HEAD commit) in .pre-commit-config.yaml, and the hook must fail on
# a flagged file and pass on a clean one.
#
# Usage: scripts/test-pre-commit.sh
# Needs git, cargo and pre-commit (`pip install pre-commit`). Exits 77 (skipped) when
# pre-commit is missing or this is not a git checkout. Set CARGO_TARGET_DIR to reuse the
# build that pre-commit's `cargo install` makes; PRE_COMMIT_HOME defaults to a temporary dir.
set -euo pipefail

repo="$(cd "$(dirname "$0")/.." && pwd)"
if ! command -v pre-commit >/dev/null 2>&1; then
  echo "skipped: pre-commit is not on PATH (pip install pre-commit)"
  exit 77
fi
if ! rev="$(git -C "$repo" rev-parse --verify -q HEAD)"; then
  echo "skipped: $repo is not a git checkout with a commit"
  exit 77
fi
if ! git -C "$repo" cat-file -e "$rev:.pre-commit-hooks.yaml" 2>/dev/null; then
  echo "skipped: .pre-commit-hooks.yaml is not committed at $rev"
  exit 77
fi

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
export PRE_COMMIT_HOME="${PRE_COMMIT_HOME:-$work/pre-commit-home}"

git init -q "$work/project"
cd "$work/project"
git config user.email "test@example.invalid"
git config user.name "factlint test"
cat > .pre-commit-config.yaml <<YAML
repos:
  - repo: $repo
    rev: $rev
    hooks:
      - id: factlint
YAML
printf '# Clean\n\n1. First.\n2. Second.\n' > clean.md
printf '# Flagged\n\n1. First.\n3. Second.\n' > flagged.md
git add .

if ! pre-commit run factlint --files clean.md > clean.log 2>&1; then
  cat clean.log
  echo "FAIL: the hook rejected a clean file"
  exit 1
fi
if pre-commit run factlint --files flagged.md > flagged.log 2>&1; then
  cat flagged.log
  echo "FAIL: the hook passed a flagged file"
  exit 1
fi
if ! grep -q "list-numbering" flagged.log; then
  cat flagged.log
  echo "FAIL: the hook failed without factlint's finding"
  exit 1
fi
echo "ok: the factlint hook passes clean.md and fails flagged.md"
