//! `dossier check [DIR]`: validate dossier files.

use std::process::ExitCode;

use crate::app::App;

/// Prints one `FILE:LINE:COL: message` line per problem on stdout and a
/// summary on stderr; exit 1 when there is any problem.
pub fn run(app: &mut App) -> anyhow::Result<ExitCode> {
    let corpus = app.corpus();
    let origin = app.origin();
    let lines: String = corpus.errors.iter().map(|e| format!("{e}\n")).collect();
    super::output::print_text(&lines)?;
    if corpus.errors.is_empty() {
        let dossiers = corpus.roots.len();
        eprintln!(
            "{}: {dossiers} dossiers, {} nodes, no problems",
            dossier_core::text::sanitize_line(&origin.to_string()),
            corpus.nodes.len()
        );
        Ok(ExitCode::SUCCESS)
    } else {
        let mut files: Vec<String> = corpus
            .errors
            .iter()
            .map(|e| dossier_core::text::sanitize_line(&e.file))
            .collect();
        files.dedup();
        eprintln!(
            "dossier check: {} problem(s) in {}",
            corpus.errors.len(),
            files.join(", ")
        );
        Ok(ExitCode::from(1))
    }
}
