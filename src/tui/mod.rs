//! The terminal interface.

use std::process::ExitCode;

use crate::cli::Global;

pub mod notes;

pub fn run(_global: &Global) -> anyhow::Result<ExitCode> {
    anyhow::bail!("the interface is being wired in")
}
