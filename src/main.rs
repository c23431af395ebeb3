//! `dossier`: parse the command line and hand over to the command or the
//! interface. Exit codes: 0 success, 1 bad data or a failed operation,
//! 2 bad usage.

use std::io::Write;
use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    let cli = dossier::cli::Cli::parse();
    match dossier::cli::run(cli) {
        Ok(code) => code,
        Err(e) if dossier::cli::output::is_broken_pipe(&e) => ExitCode::SUCCESS,
        Err(e) => {
            // Not eprintln!, which panics when stderr is gone (a closed
            // terminal): the exit status still tells.
            // The message may carry a path or text from a file: its
            // control characters are shown, never acted on.
            let message = dossier_core::text::sanitize(&format!("{e:#}"));
            let _ = writeln!(std::io::stderr(), "dossier: {message}");
            ExitCode::from(1)
        }
    }
}
