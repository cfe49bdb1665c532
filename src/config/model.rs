//! The configuration-file schema (`factlint.toml` / `.factlint.toml`). Strict: unknown keys
//! are errors, and so are unknown check ids and categories (checked after parsing).

use crate::rules::CheckSetting;
use serde::Deserialize;
use std::collections::BTreeMap;
use toml::Spanned;

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct ConfigFile {
    /// Extra rules files, relative to the configuration file.
    #[serde(default)]
    pub rules: Vec<Spanned<String>>,
    /// Whether to load the embedded default rules (default true).
    pub default_rules: Option<bool>,
    /// Globs (relative to the configuration file) of the files to check when walking a
    /// directory; default: `*.md` and `*.markdown` everywhere.
    #[serde(default)]
    pub include: Vec<Spanned<String>>,
    /// Globs of files never to check, even when named on the command line.
    #[serde(default)]
    pub exclude: Vec<Spanned<String>>,
    /// Report suppressions that suppressed nothing (like `--report-unused-suppressions`).
    pub report_unused_suppressions: Option<bool>,
    /// Only these checks (ids or categories) run.
    pub select: Option<Vec<Spanned<String>>>,
    /// These checks (ids or categories) do not run.
    #[serde(default)]
    pub ignore: Vec<Spanned<String>>,
    /// Per-check settings, keyed by check id.
    #[serde(default)]
    pub checks: BTreeMap<Spanned<String>, CheckSetting>,
    /// Settings for the files matching some globs, applied in order after the ones above.
    #[serde(default)]
    pub overrides: Vec<Override>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct Override {
    /// Globs relative to the configuration file.
    pub files: Vec<Spanned<String>>,
    pub select: Option<Vec<Spanned<String>>>,
    #[serde(default)]
    pub ignore: Vec<Spanned<String>>,
    #[serde(default)]
    pub checks: BTreeMap<Spanned<String>, CheckSetting>,
}
