//! The export dialog: three fields, the question before overwriting, and
//! the keys.

use dossier_core::export::Format;
use dossier_core::text::sanitize_line;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph, Wrap};

use super::export_dialog::{ExportDialog, Field, Scope};
use dossier_core::lang::Lang;

fn format_name(f: Format) -> &'static str {
    match f {
        Format::Md => "Markdown (md)",
        Format::Csv => "CSV (csv)",
        Format::Json => "JSON (json)",
        Format::Html => "HTML (html)",
        Format::W3c => "W3C Web Annotation (w3c)",
    }
}

/// `filtered` and `total`: how many notes each scope takes.
pub fn render(
    d: &ExportDialog,
    filtered: usize,
    total: usize,
    lang: Lang,
    frame: &mut Frame,
    screen: Rect,
) {
    let nl = lang == Lang::Nl;
    let width = screen.width.min(72);
    let height = screen.height.min(10);
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

    let scope = match (d.scope, nl) {
        (Scope::Filtered, true) => format!("huidig filter ({filtered} van {total})"),
        (Scope::Filtered, false) => format!("current filter ({filtered} of {total})"),
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
        .map(|(field, label, value)| {
            let style = if field == d.field && !d.confirming {
                Style::default().add_modifier(Modifier::REVERSED)
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
    if d.confirming {
        let ask = if nl {
            " Dit bestand bestaat al. Overschrijven? j = ja, n = nee"
        } else {
            " This file exists. Overwrite it? y = yes, n = no"
        };
        lines.push(Line::from(Span::styled(
            ask,
            Style::default().add_modifier(Modifier::BOLD),
        )));
    } else {
        lines.push(Line::default());
    }
    lines.push(Line::default());
    let hints = if nl {
        " Tab veld · ←/→ kiezen · Enter exporteren · Esc sluiten"
    } else {
        " Tab field · ←/→ choose · Enter export · Esc close"
    };
    lines.push(Line::from(Span::styled(
        hints,
        Style::default().add_modifier(Modifier::DIM),
    )));
    frame.render_widget(Paragraph::new(lines).wrap(Wrap { trim: false }), inner);
}
