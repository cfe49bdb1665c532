//! `factlint check`: find the files and their configuration, check (and fix) them in
//! parallel, then report. Configuration errors stop the run before anything is checked.

use super::output::{unified_diff, write_atomic, write_atomic_with, write_report};
use super::{CheckArgs, ColorChoice, Format, Outcome, print_rules_error};
use crate::config::{Config, Resolver, absolute};
use crate::files::{self, FileError, Target};
use crate::report::{self, FileReport};
use crate::rules::{Rules, RulesError};
use crate::{CheckOptions, check_text_with, fix};
use rayon::prelude::*;
use std::io::{IsTerminal, Read, Write};
use std::path::{Path, PathBuf};
use std::sync::Arc;

enum Source {
    Stdin(String),
    File(Target),
}

struct Job {
    name: String,
    source: Source,
    rules: Arc<Rules>,
    options: CheckOptions,
}

/// One checked file: its report (of the fixed text, when fixing) and the text before fixes.
struct Checked {
    report: FileReport,
    before: Option<String>,
    applied: usize,
    path: Option<PathBuf>,
}

pub(super) fn check(args: &CheckArgs) -> std::io::Result<Outcome> {
    let planned = Resolver::new(
        args.config.as_deref(),
        args.no_config,
        args.no_default_rules,
        args.rules.clone(),
    )
    .and_then(|mut resolver| plan(args, &mut resolver));
    let (jobs, mut errors) = match planned {
        Ok(p) => p,
        Err(e) => {
            print_rules_error(&e);
            return Ok(Outcome::Error);
        }
    };
    let fixing = args.fix || args.diff;
    let results = check_all(jobs, args.jobs, args.max_file_size, fixing)?;
    let mut checked = Vec::new();
    for r in results {
        match r {
            Ok(c) => checked.push(c),
            Err(e) => errors.push(e),
        }
    }
    checked.sort_by(|a, b| a.report.path.cmp(&b.report.path));
    let mut stdout = std::io::stdout().lock();
    let mut changed = false;
    let mut applied = 0;
    let mut fixed_files = 0;
    for c in &checked {
        let Some(before) = &c.before else { continue };
        changed = true;
        applied += c.applied;
        if args.diff {
            stdout.write_all(unified_diff(&c.report.path, before, c.report.source()).as_bytes())?;
        } else if let Some(path) = &c.path {
            match write_atomic(path, c.report.source().as_bytes()) {
                Ok(()) => fixed_files += 1,
                Err(source) => errors.push(FileError::Io {
                    path: c.report.path.clone(),
                    source,
                }),
            }
        }
    }
    if args.fix {
        // Fixed standard input goes to standard output, fixed or not, for editors to pipe.
        for c in checked.iter().filter(|c| c.path.is_none()) {
            stdout.write_all(c.report.source().as_bytes())?;
            fixed_files += usize::from(c.before.is_some());
        }
    }
    let reports: Vec<FileReport> = checked.into_iter().map(|c| c.report).collect();
    let aside = (args.fix && has_stdin(args)) || args.diff;
    report_all(args, &reports, &mut stdout, aside)?;
    for e in &errors {
        eprintln!("error: {e}");
    }
    if args.fix && !args.quiet && applied > 0 {
        eprintln!(
            "fixed {applied} problem{} in {fixed_files} file{}",
            if applied == 1 { "" } else { "s" },
            if fixed_files == 1 { "" } else { "s" }
        );
    }
    let threshold = args.fail_on.severity();
    let findings = if args.diff {
        changed
    } else {
        reports
            .iter()
            .flat_map(|r| &r.diagnostics)
            .any(|d| d.severity >= threshold)
    };
    Ok(if !errors.is_empty() {
        Outcome::Error
    } else if findings {
        Outcome::Findings
    } else {
        Outcome::Clean
    })
}

/// The paths to check: as given, else standard input when it has a name, else `.`.
fn paths(args: &CheckArgs) -> Vec<PathBuf> {
    match (args.paths.is_empty(), args.stdin_filename.is_some()) {
        (false, _) => args.paths.clone(),
        (true, true) => vec![PathBuf::from("-")],
        (true, false) => vec![PathBuf::from(".")],
    }
}

fn has_stdin(args: &CheckArgs) -> bool {
    paths(args).iter().any(|p| p.as_os_str() == "-")
}

/// Writes the report: to `--output` in `--format` plus human output, or `--format` alone.
/// `aside` sends what would go to standard output to standard error instead (standard
/// output then carries fixed text or diffs).
fn report_all(
    args: &CheckArgs,
    reports: &[FileReport],
    stdout: &mut impl Write,
    aside: bool,
) -> std::io::Result<()> {
    let summary = !args.quiet;
    let stream_format = if let Some(path) = &args.output {
        write_atomic_with(path, |out| {
            write_report(args.format, reports, false, summary, out)
        })?;
        Format::Human
    } else {
        args.format
    };
    let mut stderr = std::io::stderr().lock();
    let (out, tty): (&mut dyn Write, bool) = if aside {
        (&mut stderr, std::io::stderr().is_terminal())
    } else {
        (stdout, std::io::stdout().is_terminal())
    };
    let color = match args.color {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => tty && std::env::var_os("NO_COLOR").is_none(),
    };
    if !(args.diff && args.output.is_none()) {
        // Standard output is line-buffered: a report of many lines goes through a buffer.
        let mut buffered = std::io::BufWriter::new(&mut *out);
        write_report(stream_format, reports, color, summary, &mut buffered)?;
        buffered.flush()?;
    }
    if args.statistics {
        let stats = report::render_statistics(reports);
        if stream_format == Format::Human {
            out.write_all(stats.as_bytes())?;
        } else {
            std::io::stderr().write_all(stats.as_bytes())?;
        }
    }
    out.flush()
}

/// Resolves every target's configuration and rules, in order, before anything is checked.
fn plan(
    args: &CheckArgs,
    resolver: &mut Resolver,
) -> Result<(Vec<Job>, Vec<FileError>), RulesError> {
    let stdin = has_stdin(args);
    let others: Vec<PathBuf> = paths(args)
        .iter()
        .filter(|p| p.as_os_str() != "-")
        .cloned()
        .collect();
    let (found, mut errors) = if others.is_empty() && stdin {
        (Vec::new(), Vec::new())
    } else {
        files::discover_all(&others)
    };
    let mut jobs = Vec::new();
    let options = |config: &Option<Arc<Config>>| CheckOptions {
        report_unused_suppressions: args.report_unused_suppressions
            || config
                .as_ref()
                .and_then(|c| c.report_unused_suppressions)
                .unwrap_or(false),
    };
    if stdin {
        let given = args.stdin_filename.as_deref();
        let abs = absolute(given.unwrap_or(Path::new("-")));
        let config = resolver.config_for(&abs)?;
        let excluded = given.is_some() && config.as_ref().is_some_and(|c| c.excludes(&abs));
        let mut bytes = Vec::new();
        let name = given.map_or_else(|| "-".to_string(), |p| p.display().to_string());
        match std::io::stdin().read_to_end(&mut bytes) {
            Err(source) => errors.push(FileError::Io { path: name, source }),
            Ok(_) if excluded => {}
            Ok(_) => match files::decode(&name, bytes) {
                Ok(text) => jobs.push(Job {
                    name,
                    source: Source::Stdin(text),
                    rules: resolver.rules_for(config.as_ref(), &abs)?,
                    options: options(&config),
                }),
                Err(e) => errors.push(e),
            },
        }
    }
    for (target, explicit) in found {
        let abs = absolute(&target.path);
        let config = resolver.config_for(&abs)?;
        let wanted = match &config {
            Some(c) => !c.excludes(&abs) && (explicit || c.includes_walked(&abs)),
            None => explicit || files::is_markdown(&target.path),
        };
        if wanted {
            jobs.push(Job {
                name: target.name.clone(),
                rules: resolver.rules_for(config.as_ref(), &abs)?,
                options: options(&config),
                source: Source::File(target),
            });
        }
    }
    Ok((jobs, errors))
}

/// Checks the jobs on `threads` threads (all cores by default), each file's document model
/// dropped as soon as its report is made. Results come back in job order whatever the
/// number of threads; the caller sorts them by path.
fn check_all(
    jobs: Vec<Job>,
    threads: Option<u16>,
    limit: u64,
    fixing: bool,
) -> std::io::Result<Vec<Result<Checked, FileError>>> {
    if threads == Some(1) {
        return Ok(jobs
            .into_iter()
            .map(|job| run(job, limit, fixing))
            .collect());
    }
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(threads.map_or(0, usize::from))
        // Deeply nested Markdown recurses in the model builders; give workers the stack
        // the main thread has.
        .stack_size(WORKER_STACK)
        .build()
        .map_err(std::io::Error::other)?;
    Ok(pool.install(|| {
        jobs.into_par_iter()
            .map(|job| run(job, limit, fixing))
            .collect()
    }))
}

/// The stack of each checking thread, as large as a main thread's on Linux.
const WORKER_STACK: usize = 8 * 1024 * 1024;

fn run(job: Job, limit: u64, fixing: bool) -> Result<Checked, FileError> {
    let name = job.name.clone();
    // A bug in a check must not take the other files down with it: it becomes this file's
    // error and the run goes on.
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        run_unguarded(job, limit, fixing)
    }))
    .unwrap_or(Err(FileError::Internal { path: name }))
}

fn run_unguarded(job: Job, limit: u64, fixing: bool) -> Result<Checked, FileError> {
    let (text, path) = match job.source {
        Source::Stdin(text) => (text, None),
        Source::File(target) => (files::read(&target, limit)?, Some(target.path)),
    };
    let fixed = if fixing {
        fix::fix_text(&text, &job.rules, &job.options)
    } else {
        None
    };
    let (text, before, applied) = match fixed {
        Some(f) => (f.text, Some(text), f.applied),
        None => (text, None, 0),
    };
    let diagnostics = check_text_with(&text, &job.rules, &job.options);
    let mut report = FileReport::new(job.name, text, diagnostics);
    // A clean file read from disk and left as it was needs no text for the report (standard
    // input is echoed back by `--fix`; a fixed file is written).
    if before.is_none() && path.is_some() {
        report.release_clean_source();
    }
    Ok(Checked {
        report,
        before,
        applied,
        path,
    })
}
