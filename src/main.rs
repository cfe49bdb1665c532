use clap::Parser;
use std::process::ExitCode;

fn main() -> ExitCode {
    let cli = factlint::cli::Cli::parse();
    ExitCode::from(factlint::cli::run(cli).code())
}
