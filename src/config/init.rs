//! The starter configuration that `factlint init` writes. A test parses it, so it stays
//! valid as the schema changes.

pub const STARTER: &str = r#"# factlint configuration. factlint uses the nearest factlint.toml or .factlint.toml
# found upward from each checked file (stopping at the repository root), or the file given
# with --config. Configuration files do not merge: the nearest one applies alone.
# Unknown keys, check ids and categories are errors. `factlint rules` lists the checks.

# Extra rules files (bibliography and TOC titles, acronyms, terms, known works),
# relative to this file. They are added to the embedded defaults.
# rules = ["factlint-rules.toml"]

# Set to false to start from no embedded rules at all.
# default-rules = true

# Files to check when walking directories (globs relative to this file; `**` crosses
# directories). Default: every *.md and *.markdown file not ignored by .gitignore.
# include = ["docs/**/*.md", "*.md"]

# Files never to check, even when named on the command line or passed by pre-commit.
exclude = ["node_modules/**", "vendor/**"]

# Run only these checks (ids or categories such as "numbering", "citation", "toc").
# select = ["numbering", "toc"]

# Do not run these checks (ids or categories).
# ignore = ["reference-uncited"]

# Report inline suppressions that suppress nothing (as `unused-suppression` warnings).
# report-unused-suppressions = false

# Per-check settings: enabled = true/false, severity = "error" | "warning" | "info".
# [checks.heading-numbering]
# severity = "error"

# Settings for some files only, applied in order after the ones above.
# [[overrides]]
# files = ["CHANGELOG.md", "drafts/**"]
# ignore = ["heading-numbering"]
# [overrides.checks.list-numbering]
# severity = "info"
"#;

#[cfg(test)]
mod tests {
    use super::STARTER;
    use crate::config::Config;
    use std::path::Path;

    #[test]
    fn the_starter_parses_and_its_comments_parse_too() {
        let path = Path::new("/project/factlint.toml");
        assert!(Config::parse(path, STARTER).is_ok());
        // Uncommenting the settings (except the rules file, which does not exist) must
        // still give a valid configuration.
        let uncommented: String = STARTER
            .lines()
            .map(|l| match l.strip_prefix("# ") {
                Some(rest)
                    if rest.starts_with('[')
                        || rest.split_once(" = ").is_some_and(|(key, _)| {
                            key.chars().all(|c| c.is_ascii_lowercase() || c == '-')
                        }) =>
                {
                    rest
                }
                _ => l,
            })
            .filter(|l| !l.starts_with("rules ="))
            .map(|l| format!("{l}\n"))
            .collect();
        let config = Config::parse(path, &uncommented);
        assert!(config.is_ok(), "{:?}\n{uncommented}", config.err());
    }
}
