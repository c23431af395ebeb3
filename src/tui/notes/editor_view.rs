//! The note editor overlay: where the note goes, its text, and the fields.

use dossier_core::text::{sanitize, sanitize_line};
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph, Wrap};
use ratatui_textarea::{CursorMove, TextArea};

use super::editor::{Field, NoteEditor};
use crate::tui::theme::Theme;
use dossier_core::lang::Lang;
use dossier_core::messages::messages;

/// The overlay's place: most of the screen, all of it when small.
pub fn area(screen: Rect) -> Rect {
    let w = if screen.width <= 84 {
        screen.width
    } else {
        (screen.width * 4 / 5).max(80)
    };
    let h = if screen.height <= 26 {
        screen.height
    } else {
        (screen.height * 4 / 5).max(24)
    };
    Rect {
        x: screen.x + (screen.width - w) / 2,
        y: screen.y + (screen.height - h) / 2,
        width: w,
        height: h,
    }
}

pub fn render(
    e: &NoteEditor,
    (lang, t): (Lang, &Theme),
    hints: &str,
    frame: &mut Frame,
    screen: Rect,
) {
    let outer = area(screen);
    frame.render_widget(Clear, outer);
    let m = &messages(lang).notes;
    let title = if e.is_new { m.new_note } else { m.edit_note };
    let block = Block::default().borders(Borders::ALL).title(format!(
        " {title} · {} ",
        sanitize_line(&e.base.target.node)
    ));
    let inner = block.inner(outer);
    frame.render_widget(block, outer);
    let owner_rows = if e.form().shows_owner() { 1 } else { 0 };
    // The notice and the whole quote, wrapped, as far as they leave the
    // body three rows and the fields theirs.
    let notice = e.notice.as_deref().map(sanitize_line);
    let notice_rows = notice
        .as_deref()
        .map_or(0, |n| wrapped_rows(n, inner.width));
    let quote_rows = wrapped_rows(&passage_text(e, lang), inner.width);
    let spare = inner.height.saturating_sub(3 + 3 + owner_rows);
    let notice_rows = notice_rows.min(spare);
    let quote_rows = quote_rows.min(spare.saturating_sub(notice_rows)).max(1);
    let [notice_area, body_area] =
        Layout::vertical([Constraint::Length(notice_rows), Constraint::Min(1)]).areas(inner);
    if let Some(n) = notice {
        frame.render_widget(
            Paragraph::new(Span::styled(
                n,
                Style::default().add_modifier(Modifier::BOLD),
            ))
            .wrap(Wrap { trim: true }),
            notice_area,
        );
    }
    let inner = body_area;
    let rows = Layout::vertical([
        Constraint::Length(quote_rows),
        Constraint::Min(3),
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Length(owner_rows),
        Constraint::Length(1),
    ])
    .split(inner);
    frame.render_widget(
        Paragraph::new(passage_line(e, lang, t)).wrap(Wrap { trim: true }),
        rows[0],
    );
    render_body(e, t, frame, rows[1]);
    frame.render_widget(Paragraph::new(choice_line(e, lang, t)), rows[2]);
    render_line_field(e, Field::Tags, (lang, t), frame, rows[3]);
    if owner_rows > 0 {
        let halves = Layout::horizontal([Constraint::Percentage(50), Constraint::Percentage(50)])
            .split(rows[4]);
        render_line_field(e, Field::Owner, (lang, t), frame, halves[0]);
        render_line_field(e, Field::Due, (lang, t), frame, halves[1]);
    }
    let hints = if e.confirming {
        hints.to_string()
    } else {
        crate::tui::help::fit(hints, rows[5].width)
    };
    frame.render_widget(Paragraph::new(bottom_line(e, t, &hints)), rows[5]);
}

/// Rows `text` takes wrapped at `width` (by words, as `Wrap` does, with
/// one row of slack for long words).
fn wrapped_rows(text: &str, width: u16) -> u16 {
    let width = usize::from(width.max(1));
    let mut rows = 1usize;
    let mut col = 0usize;
    for word in text.split(' ') {
        let w = unicode_width::UnicodeWidthStr::width(word);
        if col > 0 && col + 1 + w > width {
            rows += 1;
            col = 0;
        }
        col += if col > 0 { 1 } else { 0 } + w;
        rows += col / (width + 1);
        col %= width + 1;
    }
    u16::try_from(rows).unwrap_or(u16::MAX)
}

fn passage_text(e: &NoteEditor, lang: Lang) -> String {
    match &e.base.target.quote {
        Some(q) => format!("“{}”", sanitize_line(&q.exact)),
        None => messages(lang).notes.whole_node.to_string(),
    }
}

fn passage_line(e: &NoteEditor, lang: Lang, t: &Theme) -> Line<'static> {
    let muted = t.muted;
    match &e.base.target.quote {
        Some(q) => Line::from(vec![Span::styled(
            format!("“{}”", sanitize_line(&q.exact)),
            Style::default().add_modifier(Modifier::ITALIC),
        )]),
        None => Line::from(Span::styled(messages(lang).notes.whole_node, muted)),
    }
}

fn focus_style(t: &Theme, on: bool) -> Style {
    if on { t.selection } else { Style::default() }
}

/// What a text area holds, made safe to draw with `clean` (which works
/// character by character, as [`sanitize`] and [`sanitize_line`] do: a
/// control character becomes a visible mark, a bidirectional override its
/// code), with the cursor and selection kept on the same characters. The
/// editor itself keeps the text as written.
pub fn shown(area: &TextArea<'static>, clean: fn(&str) -> String) -> TextArea<'static> {
    let raw = area.lines();
    // Where raw column `col` of row `row` falls once cleaned: the marks
    // before it are counted.
    let at = |(row, col): (usize, usize)| -> (u16, u16) {
        let line = raw.get(row).map_or("", String::as_str);
        let before: String = line.chars().take(col).collect();
        let col = clean(&before).chars().count();
        (
            u16::try_from(row).unwrap_or(u16::MAX),
            u16::try_from(col).unwrap_or(u16::MAX),
        )
    };
    let clean: Vec<String> = raw.iter().map(|l| clean(l)).collect();
    let mut out = TextArea::new(clean);
    out.set_cursor_line_style(area.cursor_line_style());
    out.set_wrap_mode(area.wrap_mode());
    out.set_tab_length(area.tab_length());
    let cursor = area.cursor();
    let cursor = (cursor.0, cursor.1);
    if let Some((start, end)) = area.selection_range() {
        // The selection's far end is where the cursor is not.
        let anchor = if cursor == start { end } else { start };
        let (r, c) = at(anchor);
        out.move_cursor(CursorMove::Jump(r, c));
        out.start_selection();
    }
    let (r, c) = at(cursor);
    out.move_cursor(CursorMove::Jump(r, c));
    out
}

fn render_body(e: &NoteEditor, t: &Theme, frame: &mut Frame, area: Rect) {
    let mut body = shown(e.body_area(), sanitize);
    let focused = e.focus == Field::Body && !e.confirming;
    body.set_cursor_style(focus_style(t, focused));
    let border = if focused { t.accent } else { t.muted };
    body.set_block(Block::default().borders(Borders::ALL).border_style(border));
    frame.render_widget(&body, area);
}

fn choice_line(e: &NoteEditor, lang: Lang, t: &Theme) -> Line<'static> {
    let form = e.form();
    let bold = t.title;
    let m = messages(lang);
    Line::from(vec![
        Span::styled(format!("{}: ", m.notes.kind), bold),
        Span::styled(
            format!("‹{}›", m.shared.kind(form.kind)),
            focus_style(t, e.focus == Field::Kind),
        ),
        Span::raw("   "),
        Span::styled(format!("{}: ", m.notes.status), bold),
        Span::styled(
            format!("‹{}›", m.shared.status(form.status)),
            focus_style(t, e.focus == Field::Status),
        ),
    ])
}

fn render_line_field(
    e: &NoteEditor,
    field: Field,
    (lang, t): (Lang, &Theme),
    frame: &mut Frame,
    area: Rect,
) {
    let m = &messages(lang).shared;
    let label = match field {
        Field::Tags => m.tags,
        Field::Owner => m.owner,
        _ => m.due,
    };
    let label = format!("{label}: ");
    let width = (label.chars().count() as u16).min(area.width);
    let cols = Layout::horizontal([Constraint::Length(width), Constraint::Min(1)]).split(area);
    frame.render_widget(Paragraph::new(Span::styled(label, t.title)), cols[0]);
    let Some(field_area) = e.line_field(field) else {
        return;
    };
    let mut input = shown(field_area, sanitize_line);
    let focused = e.focus == field && !e.confirming;
    input.set_cursor_style(focus_style(t, focused));
    if field == Field::Tags && !e.suggestions.is_empty() {
        // The completions follow the typed text on the same line.
        let typed = input.lines().concat().chars().count() as u16 + 1;
        let split = Layout::horizontal([
            Constraint::Length(typed.min(cols[1].width)),
            Constraint::Min(0),
        ])
        .split(cols[1]);
        frame.render_widget(&input, split[0]);
        let mut spans = vec![Span::raw(" → ")];
        for (i, s) in e.suggestions.iter().enumerate() {
            if i > 0 {
                spans.push(Span::raw(" · "));
            }
            spans.push(Span::styled(
                sanitize_line(s),
                focus_style(t, i == e.chosen),
            ));
        }
        frame.render_widget(Paragraph::new(Line::from(spans)), split[1]);
    } else {
        frame.render_widget(&input, cols[1]);
    }
}

fn bottom_line(e: &NoteEditor, t: &Theme, hints: &str) -> Line<'static> {
    // While asking, the line is the question (with its keys in force).
    if e.confirming {
        return Line::from(Span::styled(hints.to_string(), t.accent));
    }
    if let Some(err) = &e.error {
        return Line::from(Span::styled(sanitize_line(err), t.error));
    }
    Line::from(Span::styled(hints.to_string(), t.muted))
}

#[cfg(test)]
mod tests {
    use dossier_core::annotation::{Annotation, Kind, Quote, Status, Target};
    use ratatui::Terminal;
    use ratatui::backend::TestBackend;
    use ratatui_textarea::{Input, Key};

    use super::*;

    fn note() -> Annotation {
        let t = jiff::Timestamp::UNIX_EPOCH;
        Annotation {
            id: "n1".into(),
            target: Target {
                dossier: "ebsp".into(),
                node: "ebsp/uitkomst-onderhandelingen".into(),
                quote: Quote::capture("via een tweetrapssysteem mag", 8, 24),
            },
            kind: Kind::Note,
            body: "Wat houdt dit in?\u{1b}[31m".into(),
            tags: vec![],
            status: Status::Open,
            owner: None,
            due: None,
            author: "ans".into(),
            created: t,
            updated: t,
        }
    }

    fn screen(e: &NoteEditor, w: u16, h: u16) -> String {
        let mut t = Terminal::new(TestBackend::new(w, h)).unwrap();
        let hints = crate::tui::help::hints(
            &crate::tui::keymap::Keymap::default(),
            crate::tui::mode::Mode::Editor,
            Lang::Nl,
            crate::tui::help::EDITOR_HINTS,
        );
        t.draw(|f| render(e, (Lang::Nl, &Theme::plain()), &hints, f, f.area()))
            .unwrap();
        t.backend().to_string()
    }

    #[test]
    fn the_editor_shows_passage_text_and_fields() {
        let mut e = NoteEditor::new(note(), true);
        e.input(
            Input {
                key: Key::Tab,
                ctrl: false,
                alt: false,
                shift: false,
            },
            &[],
        );
        e.input(
            Input {
                key: Key::Left,
                ctrl: false,
                alt: false,
                shift: false,
            },
            &[],
        );
        let s = screen(&e, 80, 24);
        assert!(
            s.contains("Nieuwe notitie · ebsp/uitkomst-onderhandelingen"),
            "{s}"
        );
        assert!(s.contains("“tweetrapssysteem”"), "{s}");
        assert!(s.contains("Wat houdt dit in?␛[31m"), "{s}");
        assert!(s.contains("Soort: ‹actie›"), "{s}");
        assert!(s.contains("Eigenaar: ") && s.contains("Uiterlijk: "), "{s}");
        assert!(s.contains("Ctrl-s opslaan"), "{s}");
        insta::assert_snapshot!(s);
    }

    #[test]
    fn what_is_drawn_is_cleaned_and_the_cursor_stays_on_its_character() {
        let mut area = TextArea::new(vec!["a\u{1b}[31mb\u{202e}c".to_string(), "x\ry".into()]);
        // After the `b`: one mark before it, for the escape.
        area.move_cursor(CursorMove::Jump(0, 7));
        let drawn = shown(&area, sanitize);
        assert_eq!(drawn.lines(), ["a␛[31mb<U+202E>c", "x␍y"]);
        assert_eq!(drawn.cursor(), (0, 7));
        // After the override: its code is eight characters wide.
        area.move_cursor(CursorMove::Jump(0, 8));
        area.start_selection();
        area.move_cursor(CursorMove::Jump(1, 2));
        let drawn = shown(&area, sanitize);
        assert_eq!(drawn.cursor(), (1, 2));
        assert_eq!(drawn.selection_range(), Some(((0, 15), (1, 2))));
        // The editor's own text is untouched.
        assert_eq!(area.lines()[0], "a\u{1b}[31mb\u{202e}c");
    }

    #[test]
    fn it_fits_small_and_large_screens() {
        let e = NoteEditor::new(note(), false);
        for (w, h) in [(20, 8), (80, 24), (200, 60), (1, 1)] {
            let s = screen(&e, w, h);
            assert!(h < 8 || s.contains("bewerken"), "{w}x{h}: {s}");
        }
    }
}
