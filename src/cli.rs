//! The command line: clap arguments → validated settings → run. `main` only maps the
//! outcome to an exit code.

mod check;
mod output;

use crate::diagnostic::Severity;
use crate::report;
use crate::rules::RulesError;
use clap::{Parser, Subcommand, ValueEnum};
use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};

#[derive(Debug, Parser)]
#[command(
    name = "factlint",
    version,
    about = "Lint technical articles for internal contradictions"
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Check Markdown files or directories (`-` reads standard input).
    Check(CheckArgs),
    /// List the checks: id, category, default severity and summary.
    Rules,
    /// Print a check's documentation.
    Explain {
        /// The check id, e.g. `enumeration-numbering`.
        id: String,
    },
    /// Write a commented starter configuration file (never overwrites one).
    Init {
        /// Where to write it.
        #[arg(default_value = "factlint.toml")]
        path: PathBuf,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// Diagnostics with source excerpts, for people.
    Human,
    /// factlint's own JSON, with fixes.
    Json,
    /// SARIF 2.1.0, for code scanning (e.g. github/codeql-action/upload-sarif).
    Sarif,
    /// GitHub Actions workflow commands: annotations on pull requests.
    Github,
    /// reviewdog's Diagnostic Result JSON (`reviewdog -f=rdjson`).
    Rdjson,
    /// JUnit XML: one test suite per file, one failing test case per finding.
    Junit,
}

/// The lowest severity that makes the exit code 1.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum FailOn {
    Error,
    Warning,
    Info,
}

impl FailOn {
    pub fn severity(self) -> Severity {
        match self {
            FailOn::Error => Severity::Error,
            FailOn::Warning => Severity::Warning,
            FailOn::Info => Severity::Info,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    Auto,
    Always,
    Never,
}

#[derive(Debug, clap::Args)]
#[command(after_help = "\
Configuration: the nearest factlint.toml or .factlint.toml above each file (up to the
repository root) applies, unless --config or --no-config is given.

Exit codes: 0 no findings at or above --fail-on, 1 findings, 2 errors (unreadable files,
invalid configuration or rules).")]
pub struct CheckArgs {
    /// Files and directories to check; directories are searched for *.md and *.markdown
    /// (or the configuration's `include`), honouring .gitignore. `-` reads standard input.
    /// Default: `.`, or `-` when --stdin-filename is given.
    pub paths: Vec<PathBuf>,
    /// Output format (of standard output, or of the --output file).
    #[arg(long, value_enum, default_value_t = Format::Human)]
    pub format: Format,
    /// Write the report in --format to FILE (atomically) while standard output gets the
    /// human report, e.g. `--format sarif --output factlint.sarif`.
    #[arg(long, short = 'o', value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Use this configuration file for every checked file instead of discovering one.
    #[arg(long, value_name = "PATH", conflicts_with = "no_config")]
    pub config: Option<PathBuf>,
    /// Ignore configuration files.
    #[arg(long)]
    pub no_config: bool,
    /// Apply safe fixes to the files, then report what remains. With `-`, print the fixed
    /// text to standard output (the report goes to standard error).
    #[arg(long)]
    pub fix: bool,
    /// Print a unified diff of the safe fixes instead of the report; write nothing. Exits
    /// 1 when there is something to fix.
    #[arg(long, conflicts_with = "fix")]
    pub diff: bool,
    /// Report standard input under this name and apply this path's configuration.
    #[arg(long, value_name = "NAME")]
    pub stdin_filename: Option<PathBuf>,
    /// The lowest severity that makes factlint exit with 1.
    #[arg(long, value_enum, default_value_t = FailOn::Warning)]
    pub fail_on: FailOn,
    /// Print only the findings: no summary line or fix counts.
    #[arg(long, short)]
    pub quiet: bool,
    /// After the report, print how many findings each check produced.
    #[arg(long)]
    pub statistics: bool,
    /// Report inline suppressions that suppressed nothing (`unused-suppression`).
    #[arg(long)]
    pub report_unused_suppressions: bool,
    /// An extra rules file (repeatable); applied after the embedded defaults.
    #[arg(long = "rules", value_name = "PATH")]
    pub rules: Vec<PathBuf>,
    /// Do not load the embedded default rules.
    #[arg(long)]
    pub no_default_rules: bool,
    /// When to use colour in human output.
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto)]
    pub color: ColorChoice,
    /// Files larger than this many bytes are skipped with an error.
    #[arg(long, default_value_t = 16 * 1024 * 1024, value_name = "BYTES")]
    pub max_file_size: u64,
    /// Check files on N threads (default: one per core); `--jobs 1` checks them one after
    /// another on the main thread. The output is the same whatever N.
    #[arg(long, short = 'j', value_name = "N", value_parser = clap::value_parser!(u16).range(1..))]
    pub jobs: Option<u16>,
}

/// How a run ended, for the exit code.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    Clean,
    Findings,
    Error,
}

impl Outcome {
    pub fn code(self) -> u8 {
        match self {
            Outcome::Clean => 0,
            Outcome::Findings => 1,
            Outcome::Error => 2,
        }
    }
}

pub fn run(cli: Cli) -> Outcome {
    let result = match cli.command {
        Command::Check(args) => check::check(&args),
        Command::Rules => list_rules(),
        Command::Explain { id } => explain(&id),
        Command::Init { path } => init(&path),
    };
    match result {
        Ok(outcome) => outcome,
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Outcome::Clean,
        Err(e) => {
            eprintln!("error: {e}");
            Outcome::Error
        }
    }
}

fn list_rules() -> std::io::Result<Outcome> {
    let mut out = std::io::stdout().lock();
    for m in report::rule_metas() {
        writeln!(
            out,
            "{:<24} {:<10} {:<8} {}",
            m.id,
            m.category.as_str(),
            m.severity.as_str(),
            m.summary()
        )?;
    }
    Ok(Outcome::Clean)
}

fn explain(id: &str) -> std::io::Result<Outcome> {
    let Some(m) = report::rule_metas().find(|m| m.id == id) else {
        eprintln!("error: unknown check `{id}` (run `factlint rules` for the list)");
        return Ok(Outcome::Error);
    };
    let mut out = std::io::stdout().lock();
    writeln!(
        out,
        "{} ({}, default severity {})\n",
        m.id, m.category, m.severity
    )?;
    for line in m.docs.lines() {
        writeln!(out, "{}", line.strip_prefix(' ').unwrap_or(line))?;
    }
    Ok(Outcome::Clean)
}

/// Prints a rules-file error with codespan-reporting, pointing at its line and column.
pub fn print_rules_error(err: &RulesError) {
    use codespan_reporting::diagnostic::{Diagnostic, Label};
    use codespan_reporting::files::SimpleFile;
    use codespan_reporting::term::{
        self, Config,
        termcolor::{ColorChoice, StandardStream},
    };
    let Some(span) = err.span.clone() else {
        eprintln!("error: {err}");
        return;
    };
    let kind = if crate::config::CONFIG_NAMES
        .iter()
        .any(|n| err.path.ends_with(n))
    {
        "configuration file"
    } else {
        "rules file"
    };
    let file = SimpleFile::new(err.path.as_str(), err.text.as_str());
    let len = err.text.len();
    let span = span.start.min(len)..span.end.min(len).max(span.start.min(len));
    let diag = Diagnostic::error()
        .with_message(format!("invalid {}: {}", kind, err.message))
        .with_labels(vec![
            Label::primary((), span).with_message(err.message.clone()),
        ]);
    let choice = if std::io::stderr().is_terminal() {
        ColorChoice::Auto
    } else {
        ColorChoice::Never
    };
    let mut stderr = StandardStream::stderr(choice);
    if term::emit_to_write_style(&mut stderr, &Config::default(), &file, &diag).is_err() {
        eprintln!("error: {err}");
    }
}

fn init(path: &Path) -> std::io::Result<Outcome> {
    let file = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(path);
    match file {
        Ok(mut f) => {
            f.write_all(crate::config::STARTER.as_bytes())?;
            eprintln!("wrote {}", path.display());
            Ok(Outcome::Clean)
        }
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {
            eprintln!(
                "error: {} already exists; not overwriting it",
                path.display()
            );
            Ok(Outcome::Error)
        }
        Err(e) => {
            eprintln!("error: cannot write {}: {e}", path.display());
            Ok(Outcome::Error)
        }
    }
}
