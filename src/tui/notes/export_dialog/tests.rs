use dossier_core::annotation::Kind;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

use super::*;
use crate::tui::notes::fixture::{corpus, note};
use crate::tui::notes::runner::perform;

use ratatui_textarea::{Input, Key};

use crate::tui::mode::Mode;
use crate::tui::notes::fixture::screen_action;

/// The hint line with the built-in keys.
fn hints(lang: Lang) -> String {
    use crate::tui::help::{EXPORT_HINTS, hints};
    hints(
        &crate::tui::keymap::Keymap::default(),
        Mode::Export,
        lang,
        EXPORT_HINTS,
    )
}

impl ExportDialog {
    /// A key through the dialog's built-in keys (the question's keys while
    /// it asks).
    fn input(&mut self, i: Input, exists: &dyn Fn(&Path) -> bool) -> Outcome {
        let mode = if self.confirming {
            Mode::Confirm
        } else {
            Mode::Export
        };
        match screen_action(mode, &i) {
            Some(a) => self.act(a, exists),
            None => Outcome::Nothing,
        }
    }
}

fn key(k: Key) -> Input {
    Input {
        key: k,
        ctrl: false,
        alt: false,
        shift: false,
    }
}

fn typed(d: &mut ExportDialog, s: &str) {
    for c in s.chars() {
        d.input(key(Key::Char(c)), &|_| false);
    }
}

const NOTHING_EXISTS: &dyn Fn(&Path) -> bool = &|_| false;

#[test]
fn the_current_filter_is_the_default_and_the_format_sets_the_extension() {
    let filter = NoteFilter {
        kind: Some(Kind::Action),
        ..NoteFilter::default()
    };
    let mut d = ExportDialog::new(Lang::Nl, &filter);
    assert_eq!(
        (d.format, d.scope, d.path.as_str()),
        (Format::Md, Scope::Filtered, "notities.md")
    );
    assert_eq!(
        ExportDialog::new(Lang::En, &NoteFilter::default()).scope,
        Scope::All
    );
    d.input(key(Key::Right), NOTHING_EXISTS);
    assert_eq!((d.format, d.path.as_str()), (Format::Csv, "notities.csv"));
    d.input(key(Key::Left), NOTHING_EXISTS);
    d.input(key(Key::Left), NOTHING_EXISTS);
    assert_eq!(
        (d.format, d.path.as_str()),
        (Format::W3c, "notities.jsonld")
    );
    d.input(key(Key::Tab), NOTHING_EXISTS);
    d.input(key(Key::Right), NOTHING_EXISTS);
    assert_eq!(d.scope, Scope::All);
    // A typed name keeps its stem when the format changes.
    for _ in 0.."notities.jsonld".len() {
        d.input(key(Key::Backspace), NOTHING_EXISTS);
    }
    typed(&mut d, "raad.jsonld");
    d.input(key(Key::Tab), NOTHING_EXISTS);
    d.input(key(Key::Right), NOTHING_EXISTS);
    assert_eq!((d.format, d.path.as_str()), (Format::Md, "raad.md"));
    let out = d.input(key(Key::Enter), NOTHING_EXISTS);
    assert_eq!(
        out,
        Outcome::Export {
            format: Format::Md,
            scope: Scope::All,
            path: "raad.md".into(),
            delimiter: b';',
        }
    );
}

#[test]
fn an_existing_file_is_overwritten_only_after_yes() {
    let mut d = ExportDialog::new(Lang::Nl, &NoteFilter::default());
    let exists: &dyn Fn(&Path) -> bool = &|p| p == Path::new("notities.md");
    assert_eq!(d.input(key(Key::Enter), exists), Outcome::Nothing);
    assert!(d.confirming);
    assert_eq!(d.input(key(Key::Char('x')), exists), Outcome::Nothing);
    assert_eq!(d.input(key(Key::Char('n')), exists), Outcome::Nothing);
    assert!(!d.confirming);
    d.input(key(Key::Enter), exists);
    assert!(matches!(
        d.input(key(Key::Char('j')), exists),
        Outcome::Export { .. }
    ));
    assert_eq!(d.input(key(Key::Esc), exists), Outcome::Close);
}

#[test]
fn perform_writes_the_chosen_notes_and_reports_in_the_status_bar() {
    let c = corpus();
    let mut action = note(&c, "n2", "ebsp/uitkomst", None, "Besluit volgen");
    action.kind = Kind::Action;
    let notes = vec![
        note(
            &c,
            "n1",
            "ebsp",
            Some("tweetrapssysteem"),
            "Wat houdt dit in?",
        ),
        action,
    ];
    let index = NoteIndex::build(&c, &notes);
    let filter = NoteFilter {
        kind: Some(Kind::Action),
        ..NoteFilter::default()
    };
    let picked = chosen(Scope::Filtered, &filter, &notes, &index);
    assert_eq!(picked.len(), 1);
    assert_eq!(chosen(Scope::All, &filter, &notes, &index).len(), 2);
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("acties.csv");
    let msg = perform((Format::Csv, b','), &path, &picked, &c, Lang::Nl).unwrap();
    assert_eq!(
        msg,
        format!("1 notitie geëxporteerd naar {}", path.display())
    );
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(text.contains("Besluit volgen") && !text.contains("Wat houdt"));
    let msg = perform(
        (Format::Md, b','),
        &dir.path().join("geen/map/x.md"),
        &picked,
        &c,
        Lang::En,
    )
    .unwrap_err();
    assert!(
        msg.starts_with("Export failed: ") && msg.contains("cannot write the export: the folder "),
        "{msg}"
    );
    assert!(
        msg.contains("geen/map does not exist") && !msg.contains(".dossier-export"),
        "{msg}"
    );
}

#[test]
fn the_dialog_shows_fields_and_the_question() {
    let filter = NoteFilter {
        kind: Some(Kind::Action),
        ..NoteFilter::default()
    };
    let mut d = ExportDialog::new(Lang::Nl, &filter);
    let mut terminal = Terminal::new(TestBackend::new(80, 24)).unwrap();
    terminal
        .draw(|f| {
            crate::tui::notes::export_dialog_view::render(
                &d,
                &filter,
                (3, 10),
                (Lang::Nl, &crate::tui::theme::Theme::plain()),
                &hints(Lang::Nl),
                f,
                f.area(),
            )
        })
        .unwrap();
    insta::assert_snapshot!("export_dialog", terminal.backend());
    // The field the arrows change is marked.
    let buf = terminal.backend().buffer();
    let at = (0..buf.area.height)
        .flat_map(|y| (0..buf.area.width).map(move |x| (x, y)))
        .find(|&p| buf[p].symbol() == "‹")
        .unwrap();
    let cell = &buf[at];
    assert_eq!(cell.symbol(), "‹");
    assert!(cell.modifier.contains(ratatui::style::Modifier::REVERSED));
    d.input(key(Key::Enter), &|_| true);
    terminal
        .draw(|f| {
            crate::tui::notes::export_dialog_view::render(
                &d,
                &filter,
                (3, 10),
                (Lang::En, &crate::tui::theme::Theme::plain()),
                &crate::tui::help::keyed(
                    Lang::En,
                    dossier_core::messages::EN.notes.overwrite,
                    &crate::tui::keymap::Keymap::default(),
                ),
                f,
                f.area(),
            )
        })
        .unwrap();
    insta::assert_snapshot!("export_dialog_overwrite", terminal.backend());
}

#[test]
fn csv_for_a_spreadsheet_set_to_dutch_is_chosen_in_the_dialog() {
    let c = corpus();
    let notes = vec![note(&c, "n1", "ebsp", None, "Eén; twee, drie")];
    let mut d = ExportDialog::new(Lang::En, &NoteFilter::default());
    assert_eq!(d.delimiter, b',');
    d.input(key(Key::Right), NOTHING_EXISTS);
    assert_eq!(d.format, Format::Csv);
    // The separator is the field after the format, for CSV only.
    d.input(key(Key::Tab), NOTHING_EXISTS);
    assert_eq!(d.field, Field::Delimiter);
    d.input(key(Key::Right), NOTHING_EXISTS);
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("nl.csv");
    let Outcome::Export {
        format, delimiter, ..
    } = d.input(key(Key::Enter), NOTHING_EXISTS)
    else {
        panic!("no export")
    };
    assert_eq!(delimiter, b';');
    perform((format, delimiter), &path, &notes, &c, Lang::En).unwrap();
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(text.starts_with("\u{feff}id;dossier;node;"), "{text}");
    assert!(text.contains("\"Eén; twee, drie\""), "{text}");
    // Not CSV: no separator to choose.
    let mut d = ExportDialog::new(Lang::Nl, &NoteFilter::default());
    d.input(key(Key::Tab), NOTHING_EXISTS);
    assert_eq!(d.field, Field::Scope);
}
