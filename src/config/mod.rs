//! Configuration files: which checks run, at what severity, with which rules files, on which
//! paths. Parsed strictly; errors point at file, line and column like rules-file errors.
//!
//! Settings apply in this order, later ones winning: the rules files (embedded defaults,
//! then `rules = [...]`, then `--rules`), then the file's `select`, `ignore` and
//! `[checks.ID]`, then each matching `[[overrides]]` in order. Configuration files do not
//! merge: the nearest one to a checked file applies alone.

mod discover;
mod init;
pub mod model;

pub use discover::{CONFIG_NAMES, Resolver, absolute, find_config};
pub use init::STARTER;

use crate::checks::{self, CheckMeta};
use crate::rules::{CheckSetting, Rules, RulesError};
use globset::{GlobBuilder, GlobSet, GlobSetBuilder};
use model::ConfigFile;
use std::ops::Range;
use std::path::{Path, PathBuf};
use toml::Spanned;

/// Which checks run, validated: every name is a known check id or category.
#[derive(Debug, Clone, Default)]
pub struct Selection {
    pub select: Option<Vec<String>>,
    pub ignore: Vec<String>,
    pub checks: Vec<(String, CheckSetting)>,
}

impl Selection {
    pub fn apply(&self, rules: &mut Rules) {
        let names = |m: &CheckMeta, list: &[String]| {
            list.iter().any(|t| t == m.id || t == m.category.as_str())
        };
        for check in checks::ALL {
            let m = check.meta();
            let enabled = match &self.select {
                Some(select) if !names(m, select) => Some(false),
                Some(_) => Some(true),
                None => None,
            };
            let enabled = if names(m, &self.ignore) {
                Some(false)
            } else {
                enabled
            };
            if enabled.is_some() {
                let setting = CheckSetting {
                    enabled,
                    severity: None,
                };
                rules.set_check(m.id, &setting);
            }
        }
        for (id, setting) in &self.checks {
            rules.set_check(id, setting);
        }
    }
}

/// A loaded configuration file.
#[derive(Debug)]
pub struct Config {
    pub path: PathBuf,
    /// The directory globs and rules paths are relative to (absolute).
    pub dir: PathBuf,
    pub rules_files: Vec<PathBuf>,
    pub default_rules: Option<bool>,
    pub report_unused_suppressions: Option<bool>,
    include: Option<GlobSet>,
    exclude: GlobSet,
    base: Selection,
    overrides: Vec<(GlobSet, Selection)>,
}

impl Config {
    /// Reads and validates a configuration file; `path` should be absolute.
    pub fn load(path: &Path) -> Result<Config, RulesError> {
        let text = std::fs::read_to_string(path).map_err(|e| RulesError {
            path: path.display().to_string(),
            text: String::new(),
            message: format!("cannot read configuration file: {e}"),
            span: None,
        })?;
        Config::parse(path, &text)
    }

    pub fn parse(path: &Path, text: &str) -> Result<Config, RulesError> {
        let name = path.display().to_string();
        let error = |message: String, span: Option<Range<usize>>| RulesError {
            path: name.clone(),
            text: text.to_string(),
            message,
            span,
        };
        let file: ConfigFile = toml::from_str(text)
            .map_err(|e| error(e.message().trim_end().to_string(), e.span()))?;
        let dir = path.parent().unwrap_or(Path::new("")).to_path_buf();
        let mut rules_files = Vec::new();
        for r in &file.rules {
            let p = dir.join(r.get_ref());
            if !p.is_file() {
                let message = format!("rules file `{}` not found", p.display());
                return Err(error(message, Some(r.span())));
            }
            rules_files.push(p);
        }
        let globs = |list: &[Spanned<String>]| -> Result<GlobSet, RulesError> {
            let mut set = GlobSetBuilder::new();
            for g in list {
                let glob = GlobBuilder::new(g.get_ref())
                    .literal_separator(true)
                    .build()
                    .map_err(|e| error(format!("invalid glob: {}", e.kind()), Some(g.span())))?;
                set.add(glob);
            }
            set.build()
                .map_err(|e| error(format!("invalid globs: {e}"), None))
        };
        let selection = |select: &Option<Vec<Spanned<String>>>,
                         ignore: &[Spanned<String>],
                         checks: &std::collections::BTreeMap<Spanned<String>, CheckSetting>|
         -> Result<Selection, RulesError> {
            for name in select.iter().flatten().chain(ignore) {
                if !known_name(name.get_ref()) {
                    let message = format!(
                        "unknown check or category `{}` (run `factlint rules` for the list)",
                        name.get_ref()
                    );
                    return Err(error(message, Some(name.span())));
                }
            }
            for key in checks.keys() {
                if checks::find(key.get_ref()).is_none() {
                    let message = format!(
                        "unknown check `{}` (run `factlint rules` for the list)",
                        key.get_ref()
                    );
                    return Err(error(message, Some(key.span())));
                }
            }
            Ok(Selection {
                select: select
                    .as_ref()
                    .map(|s| s.iter().map(|n| n.get_ref().clone()).collect()),
                ignore: ignore.iter().map(|n| n.get_ref().clone()).collect(),
                checks: checks
                    .iter()
                    .map(|(k, v)| (k.get_ref().clone(), v.clone()))
                    .collect(),
            })
        };
        let base = selection(&file.select, &file.ignore, &file.checks)?;
        let mut overrides = Vec::new();
        for o in &file.overrides {
            overrides.push((
                globs(&o.files)?,
                selection(&o.select, &o.ignore, &o.checks)?,
            ));
        }
        Ok(Config {
            path: path.to_path_buf(),
            dir,
            rules_files,
            default_rules: file.default_rules,
            report_unused_suppressions: file.report_unused_suppressions,
            include: if file.include.is_empty() {
                None
            } else {
                Some(globs(&file.include)?)
            },
            exclude: globs(&file.exclude)?,
            base,
            overrides,
        })
    }

    /// The path globs match against: relative to the configuration's directory, or the
    /// absolute path for a file outside it.
    fn relative<'p>(&self, file: &'p Path) -> &'p Path {
        file.strip_prefix(&self.dir).unwrap_or(file)
    }

    pub fn excludes(&self, file: &Path) -> bool {
        let rel = self.relative(file);
        // A pattern for a directory (`vendor/**`) or the file itself both exclude it.
        rel.ancestors()
            .filter(|a| !a.as_os_str().is_empty())
            .any(|a| self.exclude.is_match(a))
    }

    /// Whether a file found by walking a directory is to be checked: it matches `include`,
    /// or, without `include`, it is Markdown.
    pub fn includes_walked(&self, file: &Path) -> bool {
        match &self.include {
            Some(set) => set.is_match(self.relative(file)),
            None => crate::files::is_markdown(file),
        }
    }

    /// Indices of the overrides that apply to a file.
    pub fn overrides_for(&self, file: &Path) -> Vec<usize> {
        let rel = self.relative(file);
        (0..self.overrides.len())
            .filter(|&i| self.overrides[i].0.is_match(rel))
            .collect()
    }

    /// The base selection and then the given overrides.
    pub fn apply(&self, rules: &mut Rules, overrides: &[usize]) {
        self.base.apply(rules);
        for &i in overrides {
            if let Some((_, selection)) = self.overrides.get(i) {
                selection.apply(rules);
            }
        }
    }
}

/// A check id or the category of a registered check.
pub fn known_name(name: &str) -> bool {
    checks::find(name).is_some()
        || checks::ALL
            .iter()
            .any(|c| c.meta().category.as_str() == name)
}
