//! `dossier`: parse the command line and hand over to a command or to the
//! interface. Exit codes: 0 success, 1 bad data or a failed operation,
//! 2 bad usage.

use std::io::Write;
use std::process::ExitCode;

use clap::Parser;
use dossier::{cli, tui};

fn main() -> ExitCode {
    let args = cli::Cli::parse();
    let paths = args.global.paths();
    let done = match args.command {
        None => tui::run(&paths),
        Some(command) => cli::run(&paths, command),
    };
    match done {
        Ok(code) => code,
        Err(e) if cli::is_broken_pipe(&e) => ExitCode::SUCCESS,
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
