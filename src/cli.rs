//! The command line: clap arguments → validated settings → run. `main` only maps the
//! outcome to an exit code.

use crate::checks;
use crate::diagnostic::Severity;
use crate::files::{self, FileError, Target};
use crate::report::{self, FileReport};
use crate::rules::{self, Rules, RulesError};
use clap::{Parser, Subcommand, ValueEnum};
use std::io::{IsTerminal, Read, Write};
use std::path::PathBuf;

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
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    Human,
    Json,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    Auto,
    Always,
    Never,
}

#[derive(Debug, clap::Args)]
pub struct CheckArgs {
    /// Files and directories to check; directories are searched for *.md and *.markdown,
    /// honouring .gitignore. `-` reads standard input.
    #[arg(default_value = ".")]
    pub paths: Vec<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Human)]
    pub format: Format,
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
        Command::Check(args) => check(&args),
        Command::Rules => list_rules(),
        Command::Explain { id } => explain(&id),
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
    for check in checks::ALL {
        let m = check.meta();
        writeln!(
            out,
            "{:<24} {:<10} {:<8} {}",
            m.id,
            m.category,
            m.severity,
            m.summary()
        )?;
    }
    Ok(Outcome::Clean)
}

fn explain(id: &str) -> std::io::Result<Outcome> {
    let Some(check) = checks::find(id) else {
        eprintln!("error: unknown check `{id}` (run `factlint rules` for the list)");
        return Ok(Outcome::Error);
    };
    let m = check.meta();
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
    let file = SimpleFile::new(err.path.as_str(), err.text.as_str());
    let len = err.text.len();
    let span = span.start.min(len)..span.end.min(len).max(span.start.min(len));
    let diag = Diagnostic::error()
        .with_message(format!("invalid rules file: {}", err.message))
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

fn check(args: &CheckArgs) -> std::io::Result<Outcome> {
    let rules = match rules::load(!args.no_default_rules, &args.rules) {
        Ok(r) => r,
        Err(e) => {
            print_rules_error(&e);
            return Ok(Outcome::Error);
        }
    };
    let (reports, errors) = collect(args, &rules);
    for e in &errors {
        eprintln!("error: {e}");
    }
    let color = match args.color {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => {
            std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none()
        }
    };
    let output = match args.format {
        Format::Human => report::render_human(&reports, color),
        Format::Json => report::render_json(&reports).into_bytes(),
    };
    let mut out = std::io::stdout().lock();
    out.write_all(&output)?;
    out.flush()?;
    let findings = reports
        .iter()
        .flat_map(|r| &r.diagnostics)
        .any(|d| d.severity >= Severity::Warning);
    Ok(if !errors.is_empty() {
        Outcome::Error
    } else if findings {
        Outcome::Findings
    } else {
        Outcome::Clean
    })
}

/// Reads and checks every target; unreadable files become errors, the rest are checked.
fn collect(args: &CheckArgs, rules: &Rules) -> (Vec<FileReport>, Vec<FileError>) {
    let stdin = args.paths.iter().any(|p| p.as_os_str() == "-");
    let others: Vec<PathBuf> = args
        .paths
        .iter()
        .filter(|p| p.as_os_str() != "-")
        .cloned()
        .collect();
    let (targets, mut errors) = if others.is_empty() && stdin {
        (Vec::new(), Vec::new())
    } else {
        files::discover(&others)
    };
    let mut reports = Vec::new();
    if stdin {
        let mut bytes = Vec::new();
        match std::io::stdin().read_to_end(&mut bytes) {
            Ok(_) => match files::decode("-", bytes) {
                Ok(text) => match check_one("-".to_string(), text, rules) {
                    Ok(r) => reports.push(r),
                    Err(e) => errors.push(e),
                },
                Err(e) => errors.push(e),
            },
            Err(source) => errors.push(FileError::Io {
                path: "-".into(),
                source,
            }),
        }
    }
    for target in &targets {
        match files::read(target, args.max_file_size) {
            Ok(text) => match check_one(target.name.clone(), text, rules) {
                Ok(r) => reports.push(r),
                Err(e) => errors.push(e),
            },
            Err(e) => errors.push(e),
        }
    }
    let _: &[Target] = &targets;
    reports.sort_by(|a, b| a.path.cmp(&b.path));
    (reports, errors)
}

fn check_one(name: String, text: String, rules: &Rules) -> Result<FileReport, FileError> {
    // A bug in a check must not take the other files down with it: report it as this
    // file's error and go on.
    match std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        crate::check_text(&text, rules)
    })) {
        Ok(diagnostics) => Ok(FileReport::new(name, text, diagnostics)),
        Err(_) => Err(FileError::Internal { path: name }),
    }
}
