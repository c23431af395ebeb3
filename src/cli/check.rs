//! `dossier check [DIR]`: validate dossier files.

use std::process::ExitCode;

use dossier_core::LoadError;
use dossier_core::load::MAX_PER_FILE;

use crate::app::App;

/// Prints one `FILE:LINE:COL: message` line per problem on stdout and a
/// summary on stderr; exit 1 when there is any problem.
pub fn run(app: &mut App) -> anyhow::Result<ExitCode> {
    let corpus = app.corpus();
    let origin = app.origin();
    super::output::print_text(&listing(&corpus.errors))?;
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

/// One line per problem, by file and line (as the loader sorts them), at
/// most [`MAX_PER_FILE`] for a file and then a line saying how many more.
fn listing(errors: &[LoadError]) -> String {
    let mut errors = errors.to_vec();
    errors.sort_by(|a, b| {
        (&a.file, a.position.map(|p| (p.line, p.col)))
            .cmp(&(&b.file, b.position.map(|p| (p.line, p.col))))
    });
    let mut out = String::new();
    for group in errors.chunk_by(|a, b| a.file == b.file) {
        for e in group.iter().take(MAX_PER_FILE) {
            out.push_str(&format!("{e}\n"));
        }
        if group.len() > MAX_PER_FILE {
            let more = LoadError::whole_file(
                &group[0].file,
                format!(
                    "{} more problems not shown; fix these first",
                    group.len() - MAX_PER_FILE
                ),
            );
            out.push_str(&format!("{more}\n"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_file_shows_at_most_its_limit_of_problems() {
        let errors: Vec<LoadError> = (0..30)
            .map(|i| LoadError::whole_file("a.toml", format!("p{i}")))
            .chain([LoadError::whole_file("b.toml", "q")])
            .collect();
        let text = listing(&errors);
        assert_eq!(text.lines().count(), MAX_PER_FILE + 2, "{text}");
        assert!(
            text.contains("a.toml: 10 more problems not shown"),
            "{text}"
        );
        assert!(text.ends_with("b.toml: q\n"), "{text}");
    }
}
