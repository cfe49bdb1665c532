//! Loading rules files: the embedded defaults plus user files, merged in order.

use super::Rules;
use super::model::RulesFile;
use crate::checks;
use std::ops::Range;
use std::path::{Path, PathBuf};

/// The default rule sets, compiled into the binary.
pub const EMBEDDED: &[(&str, &str)] = &[
    (
        "rules/default.toml",
        include_str!("../../rules/default.toml"),
    ),
    (
        "rules/acronyms.toml",
        include_str!("../../rules/acronyms.toml"),
    ),
    ("rules/claims.toml", include_str!("../../rules/claims.toml")),
    ("rules/labels.toml", include_str!("../../rules/labels.toml")),
    ("rules/terms.toml", include_str!("../../rules/terms.toml")),
    ("rules/works.toml", include_str!("../../rules/works.toml")),
];

/// A rules or configuration file that could not be used, with the place it went wrong.
#[derive(Debug, thiserror::Error)]
#[error("{path}: {message}")]
pub struct RulesError {
    pub path: String,
    pub text: String,
    pub message: String,
    pub span: Option<Range<usize>>,
}

impl RulesError {
    pub fn io(path: &Path, err: &std::io::Error) -> RulesError {
        RulesError {
            path: path.display().to_string(),
            text: String::new(),
            message: format!("cannot read rules file: {err}"),
            span: None,
        }
    }
}

/// Parses one rules file and checks what serde cannot (known check ids).
pub fn parse_file(path: &str, text: &str) -> Result<RulesFile, RulesError> {
    let file: RulesFile = toml::from_str(text).map_err(|e| RulesError {
        path: path.to_string(),
        text: text.to_string(),
        message: e.message().trim_end().to_string(),
        span: e.span(),
    })?;
    for key in file.checks.keys() {
        if checks::find(key.get_ref()).is_none() {
            return Err(RulesError {
                path: path.to_string(),
                text: text.to_string(),
                message: format!(
                    "unknown check `{}` (run `factlint rules` for the list)",
                    key.get_ref()
                ),
                span: Some(key.span()),
            });
        }
    }
    if let Some(claims) = &file.claims {
        for pattern in &claims.attribution {
            if let Err(e) = compile(pattern.get_ref()) {
                return Err(RulesError {
                    path: path.to_string(),
                    text: text.to_string(),
                    message: format!("invalid attribution pattern: {e}"),
                    span: Some(pattern.span()),
                });
            }
        }
    }
    Ok(file)
}

/// The most memory a user-supplied regular expression may compile to. The `regex` crate
/// matches in linear time, so no pattern can backtrack catastrophically; the limit bounds
/// the other cost, the size of the compiled program (`a{1000}{1000}` is refused).
pub const REGEX_SIZE_LIMIT: usize = 1 << 20;

/// Compiles a user-supplied pattern within [`REGEX_SIZE_LIMIT`].
pub fn compile(pattern: &str) -> Result<regex::Regex, regex::Error> {
    regex::RegexBuilder::new(pattern)
        .size_limit(REGEX_SIZE_LIMIT)
        .dfa_size_limit(REGEX_SIZE_LIMIT)
        .build()
}

/// Builds the rules from the embedded defaults (unless dropped) and the given files.
pub fn load(use_defaults: bool, files: &[PathBuf]) -> Result<Rules, RulesError> {
    let mut rules = Rules::empty();
    if use_defaults {
        for (path, text) in EMBEDDED {
            rules.merge(parse_file(path, text)?);
        }
    }
    for path in files {
        let text = std::fs::read_to_string(path).map_err(|e| RulesError::io(path, &e))?;
        rules.merge(parse_file(&path.display().to_string(), &text)?);
    }
    rules.finish();
    Ok(rules)
}
