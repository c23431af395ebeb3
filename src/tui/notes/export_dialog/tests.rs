use dossier_core::annotation::Kind;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

use super::*;
use crate::tui::notes::fixture::{corpus, note};

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
            path: "raad.md".into()
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
    let msg = perform(Format::Csv, &path, &picked, &c, Lang::Nl);
    assert_eq!(
        msg,
        format!("1 notitie geëxporteerd naar {}", path.display())
    );
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(text.contains("Besluit volgen") && !text.contains("Wat houdt"));
    let msg = perform(
        Format::Md,
        &dir.path().join("geen/map/x.md"),
        &picked,
        &c,
        Lang::En,
    );
    assert!(
        msg.starts_with("Export failed: ") && msg.contains("cannot write the export"),
        "{msg}"
    );
}

#[test]
fn the_dialog_shows_fields_and_the_question() {
    let mut d = ExportDialog::new(
        Lang::Nl,
        &NoteFilter {
            kind: Some(Kind::Action),
            ..NoteFilter::default()
        },
    );
    let mut terminal = Terminal::new(TestBackend::new(80, 24)).unwrap();
    terminal
        .draw(|f| crate::tui::notes::export_dialog_view::render(&d, 3, 10, Lang::Nl, f, f.area()))
        .unwrap();
    insta::assert_snapshot!("export_dialog", terminal.backend());
    // The field the arrows change is marked.
    let cell = &terminal.backend().buffer()[(16, 8)];
    assert_eq!(cell.symbol(), "‹");
    assert!(cell.modifier.contains(ratatui::style::Modifier::REVERSED));
    d.input(key(Key::Enter), &|_| true);
    terminal
        .draw(|f| crate::tui::notes::export_dialog_view::render(&d, 3, 10, Lang::En, f, f.area()))
        .unwrap();
    insta::assert_snapshot!("export_dialog_overwrite", terminal.backend());
}
