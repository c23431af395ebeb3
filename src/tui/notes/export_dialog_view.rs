//! The export dialog: three fields, the question before overwriting, and
//! the keys.

use dossier_core::export::Format;
use dossier_core::text::sanitize_line;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph, Wrap};

use super::export_dialog::{ExportDialog, Field, Scope};
use crate::tui::theme::Theme;
use dossier_core::lang::Lang;
use dossier_core::messages::messages;
use dossier_core::note_index::NoteFilter;

fn format_name(f: Format) -> &'static str {
    match f {
        Format::Md => "Markdown (md)",
        Format::Csv => "CSV (csv)",
        Format::Json => "JSON (json)",
        Format::Html => "HTML (html)",
        Format::W3c => "W3C Web Annotation (w3c)",
    }
}

/// The overview's filter in words: `soort actie, status open`.
pub fn describe(filter: &NoteFilter, lang: Lang) -> String {
    let m = messages(lang);
    let mut parts = Vec::new();
    if filter.open_actions {
        parts.push(m.keys.actions.action_list.to_string());
    }
    if let Some(k) = filter.kind {
        parts.push(format!("{} {}", m.notes.kind_column, m.shared.kind(k)));
    }
    if let Some(st) = filter.status {
        parts.push(format!("{} {}", m.notes.status_column, m.shared.status(st)));
    }
    if let Some(d) = &filter.dossier {
        parts.push(format!("{} {}", m.shared.dossier, sanitize_line(d)));
    }
    if let Some(t) = &filter.tag {
        parts.push(format!("#{}", sanitize_line(t)));
    }
    if let Some(a) = &filter.author {
        parts.push(format!("{} {}", m.notes.author, sanitize_line(a)));
    }
    if let Some(d) = filter.detached {
        parts.push(
            if d {
                m.notes.detached
            } else {
                m.notes.attached
            }
            .into(),
        );
    }
    if !filter.text.trim().is_empty() {
        parts.push(format!("“{}”", sanitize_line(filter.text.trim())));
    }
    parts.join(", ")
}

/// `filtered` and `total`: how many notes each scope takes.
pub fn render(
    d: &ExportDialog,
    filter: &NoteFilter,
    (filtered, total): (usize, usize),
    (lang, theme): (Lang, &Theme),
    hints: &str,
    frame: &mut Frame,
    screen: Rect,
) {
    let m = &messages(lang).notes;
    let width = screen.width.min(72);
    let height = screen.height.min(11);
    let area = Rect {
        x: screen.x + (screen.width - width) / 2,
        y: screen.y + (screen.height - height) / 2,
        width,
        height,
    };
    frame.render_widget(Clear, area);
    let block = Block::default()
        .borders(Borders::ALL)
        .title(format!(" {} ", m.export_title));
    let inner = block.inner(area);
    frame.render_widget(block, area);

    // Which filter is meant, in words: it is the overview's, set there.
    let what = describe(filter, lang);
    let what = if what.is_empty() {
        m.no_filter.to_string()
    } else {
        what
    };
    let scope = match d.scope {
        Scope::Filtered => (m.scope_filtered)(&what, filtered, total),
        Scope::All => (m.scope_all)(total),
    };
    let fields = [
        (
            Field::Format,
            m.format,
            format!("‹ {} ›", format_name(d.format)),
        ),
        (
            Field::Delimiter,
            m.separator,
            format!(
                "‹ {} ›",
                if d.delimiter == b';' {
                    m.semicolon
                } else {
                    m.comma
                }
            ),
        ),
        (
            Field::Scope,
            messages(lang).shared.notes,
            format!("‹ {scope} ›"),
        ),
        (Field::Path, m.file, format!("{}▏", sanitize_line(&d.path))),
    ];
    let mut lines: Vec<Line> = fields
        .into_iter()
        .filter(|(field, _, _)| *field != Field::Delimiter || d.format == Format::Csv)
        .map(|(field, label, value)| {
            let style = if field == d.field && !d.confirming {
                theme.selection
            } else {
                Style::default()
            };
            Line::from(vec![
                Span::raw(format!(" {label:<9} ")),
                Span::styled(value, style),
            ])
        })
        .collect();
    lines.push(Line::default());
    // While asking, the hint line is the question (with its keys).
    if d.confirming {
        lines.push(Line::from(Span::styled(format!(" {hints}"), theme.accent)));
    } else if let Some(e) = &d.error {
        lines.push(Line::from(Span::styled(
            format!(" {}", sanitize_line(e)),
            theme.error,
        )));
    } else {
        lines.push(Line::default());
    }
    lines.push(Line::default());
    if !d.confirming {
        lines.push(Line::from(Span::styled(format!(" {hints}"), theme.muted)));
    }
    frame.render_widget(Paragraph::new(lines).wrap(Wrap { trim: false }), inner);
}
