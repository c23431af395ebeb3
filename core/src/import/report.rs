//! What an import says: the reason a source is refused, and what it could
//! not decide (a line that might be a heading, a marker without a
//! footnote), each with its line in the source.

use serde::Serialize;

use crate::text::sanitize_line;

/// A source that cannot be imported, with where the reason lies.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{}", self.render())]
pub struct ImportError {
    /// 1-based line and column in the source, when the reason has a place.
    pub line: Option<usize>,
    pub col: Option<usize>,
    pub message: String,
}

impl ImportError {
    pub fn at(line: usize, col: usize, message: impl Into<String>) -> ImportError {
        ImportError {
            line: Some(line),
            col: Some(col),
            message: message.into(),
        }
    }

    pub fn whole(message: impl Into<String>) -> ImportError {
        ImportError {
            line: None,
            col: None,
            message: message.into(),
        }
    }

    /// `LINE:COL: message`, control characters made visible.
    fn render(&self) -> String {
        let message = sanitize_line(&self.message);
        match (self.line, self.col) {
            (Some(l), Some(c)) => format!("{l}:{c}: {message}"),
            (Some(l), None) => format!("{l}: {message}"),
            _ => message,
        }
    }
}

/// How much a finding matters.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// Worth knowing, nothing lost (a label kept as text).
    Note,
    /// The import decided something it could not be sure of.
    Warning,
    /// The proof failed: the result does not hold the source.
    Problem,
}

/// One finding, at its line in the source (0 when it has none).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Warning {
    pub severity: Severity,
    pub line: usize,
    /// A stable short name for scripts: `unknown-element`, `maybe-heading`, …
    pub code: &'static str,
    pub message: String,
}

/// Everything an import found, in the order found.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Report {
    pub findings: Vec<Warning>,
}

impl Report {
    pub fn note(&mut self, line: usize, code: &'static str, message: impl Into<String>) {
        self.push(Severity::Note, line, code, message.into());
    }

    pub fn warn(&mut self, line: usize, code: &'static str, message: impl Into<String>) {
        self.push(Severity::Warning, line, code, message.into());
    }

    pub fn problem(&mut self, line: usize, code: &'static str, message: impl Into<String>) {
        self.push(Severity::Problem, line, code, message.into());
    }

    fn push(&mut self, severity: Severity, line: usize, code: &'static str, message: String) {
        self.findings.push(Warning {
            severity,
            line,
            code,
            message,
        });
    }

    /// The proof's failures: with any, nothing may be written.
    pub fn problems(&self) -> impl Iterator<Item = &Warning> {
        self.of(Severity::Problem)
    }

    pub fn warnings(&self) -> impl Iterator<Item = &Warning> {
        self.of(Severity::Warning)
    }

    pub fn of(&self, severity: Severity) -> impl Iterator<Item = &Warning> {
        self.findings.iter().filter(move |w| w.severity == severity)
    }
}

impl Warning {
    /// `LINE: severity: message [code]`, safe for a terminal.
    pub fn render(&self) -> String {
        let severity = match self.severity {
            Severity::Note => "note",
            Severity::Warning => "warning",
            Severity::Problem => "problem",
        };
        let message = sanitize_line(&self.message);
        if self.line == 0 {
            format!("{severity}: {message} [{}]", self.code)
        } else {
            format!("{}: {severity}: {message} [{}]", self.line, self.code)
        }
    }
}
