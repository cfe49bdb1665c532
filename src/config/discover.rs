//! Finding the configuration of each checked file, and building its rules once per distinct
//! configuration (and set of matching overrides), not once per file.

use super::Config;
use crate::rules::{self, Rules, RulesError};
use std::collections::HashMap;
use std::path::{Component, Path, PathBuf};
use std::sync::Arc;

/// The names a configuration file may have; one directory may hold only one of them.
pub const CONFIG_NAMES: [&str; 2] = ["factlint.toml", ".factlint.toml"];

/// The configuration file in `dir` itself, if any.
fn config_in(dir: &Path) -> Result<Option<PathBuf>, RulesError> {
    let found: Vec<PathBuf> = CONFIG_NAMES
        .iter()
        .map(|n| dir.join(n))
        .filter(|p| p.is_file())
        .collect();
    match found.as_slice() {
        [] => Ok(None),
        [one] => Ok(Some(one.clone())),
        _ => Err(RulesError {
            path: dir.display().to_string(),
            text: String::new(),
            message: "both factlint.toml and .factlint.toml exist here; keep one".to_string(),
            span: None,
        }),
    }
}

/// The nearest configuration file at or above `dir`, stopping at the repository root (a
/// directory containing `.git`).
pub fn find_config(dir: &Path) -> Result<Option<PathBuf>, RulesError> {
    for d in dir.ancestors() {
        if let Some(found) = config_in(d)? {
            return Ok(Some(found));
        }
        if d.join(".git").exists() {
            break;
        }
    }
    Ok(None)
}

/// An absolute path with `.` and `..` resolved lexically (symbolic links are left alone, as
/// the writer sees the tree).
pub fn absolute(path: &Path) -> PathBuf {
    let abs = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
    let mut out = PathBuf::new();
    for c in abs.components() {
        match c {
            Component::CurDir => {}
            Component::ParentDir => {
                out.pop();
            }
            other => out.push(other),
        }
    }
    out
}

#[derive(Debug)]
enum Mode {
    Discover,
    Explicit(Arc<Config>),
    Off,
}

/// Resolves configuration and rules per file, caching both.
#[derive(Debug)]
pub struct Resolver {
    mode: Mode,
    /// `Some(false)` when `--no-default-rules` was given.
    cli_defaults: Option<bool>,
    cli_rules: Vec<PathBuf>,
    dirs: HashMap<PathBuf, Option<Arc<Config>>>,
    configs: HashMap<PathBuf, Arc<Config>>,
    base: HashMap<Option<PathBuf>, Rules>,
    rules: HashMap<(Option<PathBuf>, Vec<usize>), Arc<Rules>>,
    /// How many times rules files were loaded (once per distinct configuration).
    pub loads: usize,
}

impl Resolver {
    /// `explicit` is `--config`; `no_config` ignores configuration files.
    pub fn new(
        explicit: Option<&Path>,
        no_config: bool,
        no_default_rules: bool,
        cli_rules: Vec<PathBuf>,
    ) -> Result<Resolver, RulesError> {
        let mode = match explicit {
            Some(path) => Mode::Explicit(Arc::new(Config::load(&absolute(path))?)),
            None if no_config => Mode::Off,
            None => Mode::Discover,
        };
        Ok(Resolver {
            mode,
            cli_defaults: no_default_rules.then_some(false),
            cli_rules,
            dirs: HashMap::new(),
            configs: HashMap::new(),
            base: HashMap::new(),
            rules: HashMap::new(),
            loads: 0,
        })
    }

    /// The configuration that applies to a file (an absolute path).
    pub fn config_for(&mut self, file: &Path) -> Result<Option<Arc<Config>>, RulesError> {
        let dir = match &self.mode {
            Mode::Explicit(config) => return Ok(Some(config.clone())),
            Mode::Off => return Ok(None),
            Mode::Discover => file.parent().unwrap_or(Path::new("/")).to_path_buf(),
        };
        if let Some(cached) = self.dirs.get(&dir) {
            return Ok(cached.clone());
        }
        let config = match find_config(&dir)? {
            None => None,
            Some(path) => match self.configs.get(&path) {
                Some(c) => Some(c.clone()),
                None => {
                    let c = Arc::new(Config::load(&path)?);
                    self.configs.insert(path, c.clone());
                    Some(c)
                }
            },
        };
        self.dirs.insert(dir, config.clone());
        Ok(config)
    }

    /// The rules for a file under its configuration (with the overrides that match it).
    pub fn rules_for(
        &mut self,
        config: Option<&Arc<Config>>,
        file: &Path,
    ) -> Result<Arc<Rules>, RulesError> {
        let overrides = config.map(|c| c.overrides_for(file)).unwrap_or_default();
        let key = (config.map(|c| c.path.clone()), overrides);
        if let Some(r) = self.rules.get(&key) {
            return Ok(r.clone());
        }
        if !self.base.contains_key(&key.0) {
            let use_defaults = self
                .cli_defaults
                .or(config.and_then(|c| c.default_rules))
                .unwrap_or(true);
            let mut files: Vec<PathBuf> = config.map(|c| c.rules_files.clone()).unwrap_or_default();
            files.extend(self.cli_rules.iter().cloned());
            self.loads += 1;
            self.base
                .insert(key.0.clone(), rules::load(use_defaults, &files)?);
        }
        let mut r = self.base.get(&key.0).cloned().unwrap_or_default();
        if let Some(c) = config {
            c.apply(&mut r, &key.1);
        }
        let r = Arc::new(r);
        self.rules.insert(key, r.clone());
        Ok(r)
    }
}
