//! Errors that point at the place in a file where they come from.

use std::fmt;

use crate::text::sanitize_line;

/// A position in a file, 1-based, as editors and compilers print it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Position {
    pub line: usize,
    pub col: usize,
}

impl Position {
    /// The line and column of byte `offset` in `text` (columns count characters).
    pub fn of_offset(text: &str, offset: usize) -> Position {
        let offset = offset.min(text.len());
        let before = &text[..floor_char_boundary(text, offset)];
        let line = before.matches('\n').count() + 1;
        let line_start = before.rfind('\n').map_or(0, |i| i + 1);
        let col = before[line_start..].chars().count() + 1;
        Position { line, col }
    }
}

fn floor_char_boundary(text: &str, mut i: usize) -> usize {
    while i > 0 && !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// One problem in one file. `position` is `None` when the problem concerns
/// the file as a whole (unreadable, too large, not UTF-8).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub struct LoadError {
    pub file: String,
    pub position: Option<Position>,
    pub message: String,
}

impl LoadError {
    pub fn whole_file(file: impl Into<String>, message: impl Into<String>) -> Self {
        LoadError {
            file: file.into(),
            position: None,
            message: message.into(),
        }
    }

    pub fn at(
        file: impl Into<String>,
        text: &str,
        offset: usize,
        message: impl Into<String>,
    ) -> Self {
        LoadError {
            file: file.into(),
            position: Some(Position::of_offset(text, offset)),
            message: message.into(),
        }
    }
}

impl fmt::Display for LoadError {
    /// `FILE:LINE:COL: message`, or `FILE: message` without a position.
    /// File names and messages quote what a file holds, so they are
    /// cleaned here, where every error is printed or shown, and kept to one
    /// line.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (file, message) = (sanitize_line(&self.file), sanitize_line(&self.message));
        match self.position {
            Some(p) => write!(f, "{file}:{}:{}: {message}", p.line, p.col),
            None => write!(f, "{file}: {message}"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions_count_lines_and_characters() {
        let text = "ab\nçd\nef";
        assert_eq!(Position::of_offset(text, 0), Position { line: 1, col: 1 });
        // 'd' sits after the two-byte 'ç' on line 2.
        assert_eq!(Position::of_offset(text, 5), Position { line: 2, col: 2 });
        assert_eq!(Position::of_offset(text, 999), Position { line: 3, col: 3 });
    }

    #[test]
    fn display_is_file_line_col() {
        let e = LoadError::at("x.toml", "a\nb", 2, "bad");
        assert_eq!(e.to_string(), "x.toml:2:1: bad");
        assert_eq!(LoadError::whole_file("y", "gone").to_string(), "y: gone");
    }

    #[test]
    fn display_cleans_what_files_hold() {
        let e = LoadError::at(
            "a\u{1b}[2J.toml",
            "x",
            0,
            "unknown field `\u{1b}]0;t\u{7}`\nb.toml:1:1: fake",
        );
        assert_eq!(
            e.to_string(),
            "a␛[2J.toml:1:1: unknown field `␛]0;t␇`␤b.toml:1:1: fake"
        );
        assert_eq!(
            LoadError::whole_file("\u{202e}c", "d").to_string(),
            "<U+202E>c: d"
        );
    }
}
