//! Rules files: which checks run at what severity, and the knowledge checks draw on
//! (bibliography and TOC titles, label pairs, the acronym glossary, canonical terms,
//! organisations, known works, claim words).

mod load;
mod memo;
pub mod model;

pub use load::{EMBEDDED, REGEX_SIZE_LIMIT, RulesError, compile, load, parse_file};
pub use memo::Memo;
pub use model::{CheckSetting, ContrastPair, LabelPair, RulesFile, Work};

use crate::checks::{self, CheckMeta};
use crate::diagnostic::Severity;
use std::collections::BTreeMap;

/// The merged rules every check reads.
#[derive(Debug, Clone, Default)]
pub struct Rules {
    pub checks: BTreeMap<String, CheckSetting>,
    pub bibliography_titles: Vec<String>,
    pub toc_titles: Vec<String>,
    pub label_pairs: Vec<LabelPair>,
    pub contrast_pairs: Vec<ContrastPair>,
    pub acronyms: BTreeMap<String, Vec<String>>,
    pub canonical_terms: Vec<String>,
    pub organizations: Vec<String>,
    pub works: Vec<Work>,
    pub proposal_words: Vec<String>,
    pub preprint_words: Vec<String>,
    pub label_assignment: Vec<String>,
    pub attribution_patterns: Vec<String>,
    pub count_intro: Vec<String>,
    /// Matchers built from these rules for the extractors and checks.
    pub derived: Derived,
}

/// What extractors and checks build from the rules once rather than per file.
#[derive(Debug, Clone, Default)]
pub struct Derived {
    /// The label extractor's automata and label forms, from `label_assignment` and
    /// `label_pairs`.
    pub(crate) labels:
        Memo<crate::extract::labels::MatchersKey, Option<crate::extract::labels::Matchers>>,
    /// The known works by squashed title, from `works`.
    pub(crate) work_titles: Memo<Vec<String>, crate::hash::HashMap<String, usize>>,
    /// `canonical_terms` by case-folded form, for `term-inconsistent`.
    pub(crate) canonical: Memo<Vec<String>, crate::extract::terms::CanonicalTerms>,
    /// The model's settings, from `bibliography_titles` and `toc_titles`.
    pub(crate) model: Memo<(Vec<String>, Vec<String>), crate::document::ModelOptions>,
}

impl Rules {
    pub fn empty() -> Rules {
        Rules::default()
    }

    /// The embedded defaults alone.
    pub fn defaults() -> Result<Rules, RulesError> {
        load(true, &[])
    }

    /// Adds a file's settings; later files win for check settings and extend every list.
    pub fn merge(&mut self, file: RulesFile) {
        for (id, setting) in file.checks {
            self.set_check(id.get_ref(), &setting);
        }
        if let Some(b) = file.bibliography {
            self.bibliography_titles.extend(b.titles);
        }
        if let Some(t) = file.toc {
            self.toc_titles.extend(t.titles);
        }
        self.label_pairs.extend(file.label_pairs);
        self.contrast_pairs.extend(file.contrast_pairs);
        for (abbr, expansions) in file.acronyms {
            self.acronyms.entry(abbr).or_default().extend(expansions);
        }
        if let Some(t) = file.terms {
            self.canonical_terms.extend(t.canonical);
        }
        if let Some(o) = file.organizations {
            self.organizations.extend(o.names);
        }
        self.works.extend(file.works);
        if let Some(c) = file.claims {
            self.proposal_words.extend(c.proposal);
            self.preprint_words.extend(c.preprint);
            self.label_assignment.extend(c.label_assignment);
            self.attribution_patterns
                .extend(c.attribution.into_iter().map(toml::Spanned::into_inner));
            self.count_intro.extend(c.count_intro);
        }
    }

    pub fn set_check(&mut self, id: &str, setting: &CheckSetting) {
        let entry = self.checks.entry(id.to_string()).or_default();
        if setting.enabled.is_some() {
            entry.enabled = setting.enabled;
        }
        if setting.severity.is_some() {
            entry.severity = setting.severity;
        }
    }

    /// Sorts and de-duplicates the lists after merging.
    pub fn finish(&mut self) {
        for list in [
            &mut self.bibliography_titles,
            &mut self.toc_titles,
            &mut self.canonical_terms,
            &mut self.organizations,
            &mut self.proposal_words,
            &mut self.preprint_words,
            &mut self.label_assignment,
            &mut self.count_intro,
        ] {
            list.sort();
            list.dedup();
        }
        for expansions in self.acronyms.values_mut() {
            expansions.sort();
            expansions.dedup();
        }
    }

    /// Whether a check runs, and at what severity.
    pub fn effective(&self, meta: &CheckMeta) -> Option<Severity> {
        let setting = self.checks.get(meta.id);
        let enabled = setting.and_then(|s| s.enabled).unwrap_or(true);
        enabled.then(|| setting.and_then(|s| s.severity).unwrap_or(meta.severity))
    }

    /// The model's settings from these rules, built on the first file and shared by the rest.
    pub fn model_options(&self) -> std::sync::Arc<crate::document::ModelOptions> {
        self.derived.model.get(
            |(b, t)| *b == self.bibliography_titles && *t == self.toc_titles,
            || (self.bibliography_titles.clone(), self.toc_titles.clone()),
            || crate::document::ModelOptions::new(&self.bibliography_titles, &self.toc_titles),
        )
    }

    /// All check ids, to validate names in configuration.
    pub fn known_check(id: &str) -> bool {
        checks::find(id).is_some()
    }
}
