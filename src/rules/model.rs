//! The rules-file schema. Strict: unknown keys are errors.

use crate::diagnostic::Severity;
use serde::Deserialize;
use std::collections::BTreeMap;
use toml::Spanned;

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct RulesFile {
    /// Per-check settings, keyed by check id.
    #[serde(default)]
    pub checks: BTreeMap<Spanned<String>, CheckSetting>,
    pub bibliography: Option<Titles>,
    pub toc: Option<Titles>,
    #[serde(default)]
    pub label_pairs: Vec<LabelPair>,
    #[serde(default)]
    pub contrast_pairs: Vec<ContrastPair>,
    #[serde(default)]
    pub acronyms: BTreeMap<String, Vec<String>>,
    pub terms: Option<Terms>,
    pub organizations: Option<Organizations>,
    #[serde(default)]
    pub works: Vec<Work>,
    pub claims: Option<ClaimWords>,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct CheckSetting {
    pub enabled: Option<bool>,
    pub severity: Option<Severity>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct Titles {
    /// Titles (of a heading or a label line) that open this structure.
    pub titles: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct LabelPair {
    pub labels: [String; 2],
}

/// Opposite words that set two descriptions against each other ("给出"/"接受" a proton):
/// subjects described with them are contrasted, whatever "也" or "also" says.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct ContrastPair {
    pub words: [String; 2],
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct Terms {
    #[serde(default)]
    pub canonical: Vec<String>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct Organizations {
    #[serde(default)]
    pub names: Vec<String>,
}

/// Known facts about a published work.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct Work {
    pub title: String,
    #[serde(default)]
    pub authors: Vec<String>,
    pub year: Option<u16>,
    pub venue: Option<String>,
    pub preprint_year: Option<u16>,
    #[serde(default)]
    pub aliases: Vec<String>,
    #[serde(default)]
    pub numbers: Vec<String>,
}

/// Words and patterns that claim extraction uses; users extend them for their own phrasing.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct ClaimWords {
    /// Verbs and phrases that state a work's proposal or publication ("提出", "introduced").
    #[serde(default)]
    pub proposal: Vec<String>,
    /// Words that mark a statement about a preprint ("arXiv", "预印本").
    #[serde(default)]
    pub preprint: Vec<String>,
    /// Phrases that assign a label to a subject ("作为", "serve as").
    #[serde(default)]
    pub label_assignment: Vec<String>,
    /// Regular expressions for attributions to people; `name` is the named group. Each must
    /// compile within [`super::REGEX_SIZE_LIMIT`].
    #[serde(default)]
    pub attribution: Vec<Spanned<String>>,
    /// Words that introduce a count of the items that follow ("包含", "consists of").
    #[serde(default)]
    pub count_intro: Vec<String>,
}
