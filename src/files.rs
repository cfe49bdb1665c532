//! Finding and reading the files to check.

use std::io::Read;
use std::path::{Path, PathBuf};

/// Why a file could not be checked.
#[derive(Debug, thiserror::Error)]
pub enum FileError {
    #[error("{path}: cannot read: {source}")]
    Io {
        path: String,
        source: std::io::Error,
    },
    #[error(
        "{path}: not valid UTF-8 (first invalid byte at offset {offset}); factlint reads UTF-8 Markdown only"
    )]
    Utf8 { path: String, offset: usize },
    #[error(
        "{path}: looks like a binary file (it contains a NUL byte at offset {offset}); skipped"
    )]
    Binary { path: String, offset: usize },
    #[error("{path}: {size} bytes is larger than --max-file-size ({limit} bytes); skipped")]
    TooLarge { path: String, size: u64, limit: u64 },
    #[error("{path}: no such file or directory")]
    NotFound { path: String },
    #[error(
        "{path}: internal error while checking this file (a bug in factlint; please report it with the file)"
    )]
    Internal { path: String },
    #[error("{path}: {message}")]
    Walk { path: String, message: String },
}

/// A path to check and the name to report it under.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Target {
    pub name: String,
    pub path: PathBuf,
}

pub fn is_markdown(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| e.eq_ignore_ascii_case("md") || e.eq_ignore_ascii_case("markdown"))
}

/// Expands the command-line paths: files as given, directories walked for `*.md` and
/// `*.markdown` (honouring `.gitignore`). Targets come back sorted and de-duplicated.
pub fn discover(paths: &[PathBuf]) -> (Vec<Target>, Vec<FileError>) {
    let (found, errors) = discover_all(paths);
    let targets = found
        .into_iter()
        .filter(|(t, explicit)| *explicit || is_markdown(&t.path))
        .map(|(t, _)| t)
        .collect();
    (targets, errors)
}

/// Like [`discover`], but keeps every file found under a directory, each marked with whether
/// it was named on the command line, so configuration can choose which to check.
pub fn discover_all(paths: &[PathBuf]) -> (Vec<(Target, bool)>, Vec<FileError>) {
    let mut targets = Vec::new();
    let mut errors = Vec::new();
    for path in paths {
        let name = path.display().to_string();
        match std::fs::metadata(path) {
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                errors.push(FileError::NotFound { path: name })
            }
            Err(e) => errors.push(FileError::Io {
                path: name,
                source: e,
            }),
            Ok(meta) if meta.is_dir() => walk(path, &mut targets, &mut errors),
            Ok(_) => targets.push((
                Target {
                    name,
                    path: path.clone(),
                },
                true,
            )),
        }
    }
    targets.sort();
    // A file both named and found under a named directory counts as named.
    targets.dedup_by(|b, a| {
        let same = a.0 == b.0;
        a.1 |= same && b.1;
        same
    });
    (targets, errors)
}

fn walk(dir: &Path, targets: &mut Vec<(Target, bool)>, errors: &mut Vec<FileError>) {
    let walker = ignore::WalkBuilder::new(dir)
        .hidden(true)
        .git_ignore(true)
        .git_global(false)
        .git_exclude(true)
        .require_git(false)
        .follow_links(false)
        .build();
    for entry in walker {
        match entry {
            Ok(e) if e.file_type().is_some_and(|t| t.is_file()) => {
                // Walking `.` names files as the writer would: `docs/a.md`, not `./docs/a.md`.
                let shown = if dir == Path::new(".") {
                    e.path().strip_prefix(".").unwrap_or(e.path())
                } else {
                    e.path()
                };
                targets.push((
                    Target {
                        name: shown.display().to_string(),
                        path: e.path().to_path_buf(),
                    },
                    false,
                ));
            }
            Ok(_) => {}
            Err(err) => errors.push(FileError::Walk {
                path: dir.display().to_string(),
                message: err.to_string(),
            }),
        }
    }
}

/// Reads a file as UTF-8 text, refusing binary files and files over `limit` bytes.
pub fn read(target: &Target, limit: u64) -> Result<String, FileError> {
    let io = |source| FileError::Io {
        path: target.name.clone(),
        source,
    };
    let too_large = |size| FileError::TooLarge {
        path: target.name.clone(),
        size,
        limit,
    };
    // One open, its size from the open file; a file that grows past the limit after that
    // is still read no further than one byte beyond it.
    let file = std::fs::File::open(&target.path).map_err(io)?;
    let size = file.metadata().map_err(io)?.len();
    if size > limit {
        return Err(too_large(size));
    }
    let mut bytes = Vec::new();
    bytes
        .try_reserve_exact(usize::try_from(size).unwrap_or(usize::MAX))
        .map_err(|e| io(std::io::Error::new(std::io::ErrorKind::OutOfMemory, e)))?;
    file.take(limit.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(io)?;
    if bytes.len() as u64 > limit {
        return Err(too_large(bytes.len() as u64));
    }
    decode(&target.name, bytes)
}

/// Decodes bytes read from a file or standard input.
pub fn decode(name: &str, bytes: Vec<u8>) -> Result<String, FileError> {
    if let Some(offset) = memchr::memchr(0, &bytes) {
        return Err(FileError::Binary {
            path: name.to_string(),
            offset,
        });
    }
    String::from_utf8(bytes).map_err(|e| FileError::Utf8 {
        path: name.to_string(),
        offset: e.utf8_error().valid_up_to(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_file_is_read_up_to_the_limit_and_refused_beyond_it() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("a.md");
        std::fs::write(&path, "# 标题\n").expect("write");
        let target = Target {
            name: "a.md".into(),
            path,
        };
        let size = "# 标题\n".len() as u64;
        assert_eq!(read(&target, size).expect("at the limit"), "# 标题\n");
        let err = read(&target, size - 1).expect_err("beyond the limit");
        assert!(matches!(err, FileError::TooLarge { size: s, .. } if s == size));
        let missing = Target {
            name: "gone.md".into(),
            path: dir.path().join("gone.md"),
        };
        assert!(matches!(read(&missing, size), Err(FileError::Io { .. })));
    }
}
