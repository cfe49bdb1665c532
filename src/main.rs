use clap::Parser;

/// mimalloc, as ruff and rumdl use: the checks allocate many small strings and vectors per
/// document, and the system allocator cost about a tenth of a run.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;
use std::process::ExitCode;

fn main() -> ExitCode {
    let cli = factlint::cli::Cli::parse();
    ExitCode::from(factlint::cli::run(cli).code())
}
