//! Errors that point at the place in a file where they come from.

use std::fmt;

use crate::text::sanitize_line;

/// A position in a file, 1-based, as editors and compilers print it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Serialize, serde::Deserialize)]
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

/// Positions of many offsets in one text, for a file with a million links
/// or errors: a mark every [`MARK_EVERY`] bytes bounds the text walked per
/// offset, and an offset after the last one asked walks only from there, so
/// offsets in file order cost one walk over the file in all.
#[derive(Debug)]
pub struct Positions<'a> {
    text: &'a str,
    marks: Vec<(usize, Position)>,
    last: std::cell::Cell<(usize, Position)>,
}

const MARK_EVERY: usize = 1024;

impl<'a> Positions<'a> {
    pub fn new(text: &'a str) -> Positions<'a> {
        let start = (0, Position { line: 1, col: 1 });
        let mut marks = vec![start];
        let mut next = MARK_EVERY;
        while next < text.len() {
            let (from, pos) = marks[marks.len() - 1];
            let at = floor_char_boundary(text, next);
            marks.push((at, advance(text, from, pos, at)));
            next += MARK_EVERY;
        }
        Positions {
            text,
            marks,
            last: std::cell::Cell::new(start),
        }
    }

    /// The same as [`Position::of_offset`] on this text.
    pub fn at(&self, offset: usize) -> Position {
        let offset = floor_char_boundary(self.text, offset.min(self.text.len()));
        let i = self.marks.partition_point(|&(o, _)| o <= offset).max(1) - 1;
        let (mut from, mut pos) = self.marks[i];
        let (last, last_pos) = self.last.get();
        if from <= last && last <= offset {
            (from, pos) = (last, last_pos);
        }
        let pos = advance(self.text, from, pos, offset);
        self.last.set((offset, pos));
        pos
    }
}

/// The position at byte `to`, given the position `at` of byte `from`.
fn advance(text: &str, from: usize, at: Position, to: usize) -> Position {
    let between = &text.as_bytes()[from..to];
    match memchr::memrchr(b'\n', between) {
        Some(i) => Position {
            line: at.line + memchr::memchr_iter(b'\n', between).count(),
            col: chars_in(&between[i + 1..]) + 1,
        },
        None => Position {
            line: at.line,
            col: at.col + chars_in(between),
        },
    }
}

/// The characters in whole UTF-8 text: its bytes that start one, counted
/// a byte at a time in a loop the compiler vectorises.
fn chars_in(utf8: &[u8]) -> usize {
    utf8.iter().filter(|&&b| (b as i8) >= -0x40).count()
}

fn floor_char_boundary(text: &str, mut i: usize) -> usize {
    while i > 0 && !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// One problem in one file. `position` is `None` when the problem concerns
/// the file as a whole (unreadable, too large, not UTF-8).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error, serde::Serialize, serde::Deserialize)]
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

    proptest::proptest! {
        #[test]
        fn positions_in_any_order_equal_of_offset(text in "(a|é|\n|€|\r){0,3000}", offsets in proptest::collection::vec(0usize..9000, 0..40)) {
            let p = Positions::new(&text);
            for o in offsets {
                proptest::prop_assert_eq!(p.at(o), Position::of_offset(&text, o));
            }
        }
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
