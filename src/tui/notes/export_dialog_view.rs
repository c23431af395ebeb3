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
    let nl = lang == Lang::Nl;
    let mut parts = Vec::new();
    if filter.open_actions {
        parts.push(
            if nl {
                "open toezeggingen en acties"
            } else {
                "open commitments and actions"
            }
            .to_string(),
        );
    }
    if let Some(k) = filter.kind {
        parts.push(format!(
            "{} {}",
            if nl { "soort" } else { "kind" },
            lang.kind(k)
        ));
    }
    if let Some(st) = filter.status {
        parts.push(format!("status {}", lang.status(st)));
    }
    if let Some(d) = &filter.dossier {
        parts.push(format!("dossier {}", sanitize_line(d)));
    }
    if let Some(t) = &filter.tag {
        parts.push(format!("#{}", sanitize_line(t)));
    }
    if let Some(a) = &filter.author {
        parts.push(format!(
            "{} {}",
            if nl { "auteur" } else { "author" },
            sanitize_line(a)
        ));
    }
    if let Some(d) = filter.detached {
        parts.push(match (nl, d) {
            (true, true) => "losgeraakt".into(),
            (true, false) => "niet losgeraakt".into(),
            (false, true) => "detached".into(),
            (false, false) => "attached".into(),
        });
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
    let nl = lang == Lang::Nl;
    let width = screen.width.min(72);
    let height = screen.height.min(11);
    let area = Rect {
        x: screen.x + (screen.width - width) / 2,
        y: screen.y + (screen.height - height) / 2,
        width,
        height,
    };
    frame.render_widget(Clear, area);
    let block = Block::default().borders(Borders::ALL).title(if nl {
        " Notities exporteren "
    } else {
        " Export notes "
    });
    let inner = block.inner(area);
    frame.render_widget(block, area);

    // Which filter is meant, in words: it is the overview's, set there.
    let what = describe(filter, lang);
    let what = if what.is_empty() {
        if nl {
            "geen".to_string()
        } else {
            "none".to_string()
        }
    } else {
        what
    };
    let scope = match (d.scope, nl) {
        (Scope::Filtered, true) => format!("filter: {what} ({filtered} van {total})"),
        (Scope::Filtered, false) => format!("filter: {what} ({filtered} of {total})"),
        (Scope::All, true) => format!("alle notities ({total})"),
        (Scope::All, false) => format!("all notes ({total})"),
    };
    let fields = [
        (
            Field::Format,
            if nl { "Formaat" } else { "Format" },
            format!("‹ {} ›", format_name(d.format)),
        ),
        (
            Field::Delimiter,
            if nl { "Scheiding" } else { "Separator" },
            match (d.delimiter, nl) {
                (b';', true) => "‹ ; (spreadsheet in het Nederlands) ›".to_string(),
                (b';', false) => "‹ ; (spreadsheet set to Dutch) ›".to_string(),
                (_, true) => "‹ , (komma) ›".to_string(),
                (_, false) => "‹ , (comma) ›".to_string(),
            },
        ),
        (
            Field::Scope,
            if nl { "Notities" } else { "Notes" },
            format!("‹ {scope} ›"),
        ),
        (
            Field::Path,
            if nl { "Bestand" } else { "File" },
            format!("{}▏", sanitize_line(&d.path)),
        ),
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
