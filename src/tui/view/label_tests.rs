//! Documents that look like themselves: in a library of moties of one
//! dossier, the tree and the finder tell them apart by number, kind,
//! submitter and date.

use std::path::Path;
use std::sync::Arc;

use dossier_core::Corpus;
use dossier_core::lang::Lang;
use dossier_core::load::{self, SourceFile};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::layout::Rect;

use crate::tui::keymap::Keymap;
use crate::tui::state::State;
use crate::tui::theme::Theme;
use crate::tui::update::open_node;

const SIZES: [(u16, u16); 2] = [(80, 24), (120, 40)];

/// A motie as the official XML's import writes it: its title is the
/// Kamer's (`Motie van het lid X over Y`).
fn motie(number: u32, date: &str, title: &str) -> SourceFile {
    SourceFile {
        path: format!("kst-21501-04-{number}.toml"),
        text: format!(
            r#"[dossier]
id = "kst-21501-04-{number}"
kind = "document"
title = "{title}"
text = '''
Verzoekt de regering om een voorstel.
'''

[document]
type = "motie"
date = "{date}"
dossier_number = "21501-04"
number = "{number}"
year = "2024-2025"
dossier_title = "Europese Raad"
"#
        ),
    }
}

/// The bundled letter, agenda 32317-978 and five moties of dossier
/// 21501-04, three of them on one day.
fn moties() -> Arc<Corpus> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("dossiers");
    let (mut files, errors) =
        crate::store::dossiers::read_dir_files(&dir, crate::store::dossiers::DEFAULT_MAX_FILE_SIZE);
    assert!(errors.is_empty(), "{errors:?}");
    files.extend([
        motie(
            287,
            "2025-05-15",
            "Motie van het lid Ram over organisaties in de keten van mensensmokkel en mensenhandel",
        ),
        motie(
            5,
            "2025-05-15",
            "Motie van het lid Kahraman c.s. over onderdelen voor de Iron Dome",
        ),
        motie(
            14,
            "2025-05-15",
            "Motie van de leden Van der Burg en Ceder over de visumliberalisatie",
        ),
        motie(
            290,
            "2025-06-19",
            "Gewijzigde motie van het lid Ram over de terugkeer van uitgeprocedeerden",
        ),
        motie(
            301,
            "2025-06-20",
            "Motie van het lid Eerdmans over de Schengengrenzen",
        ),
    ]);
    let corpus = load::load_owned(files, &load::NoFiles);
    assert!(corpus.errors.is_empty(), "{:?}", corpus.errors);
    Arc::new(corpus)
}

fn state_on(corpus: Arc<Corpus>, (w, h): (u16, u16)) -> State {
    let mut s = State::new(corpus, Lang::Nl, Keymap::default(), Theme::plain());
    crate::tui::resize(&mut s, Rect::new(0, 0, w, h));
    s
}

fn screen_rows(s: &State, size: (u16, u16)) -> (Terminal<TestBackend>, Vec<String>) {
    let mut t = Terminal::new(TestBackend::new(size.0, size.1)).unwrap();
    t.draw(|f| super::render(s, f)).unwrap();
    let b = t.backend().buffer().clone();
    let rows = (0..size.1)
        .map(|y| {
            (0..size.0)
                .map(|x| b[(x, y)].symbol().to_string())
                .collect::<String>()
        })
        .collect();
    (t, rows)
}

#[test]
fn the_tree_row_of_motie_ram_names_ram_and_each_motie_differs() {
    for size in SIZES {
        let c = moties();
        let mut s = state_on(c.clone(), size);
        let ram = c.get("kst-21501-04-287").unwrap();
        open_node(&mut s, ram, true);
        let (t, rows) = screen_rows(&s, size);
        let row = |needle: &str| {
            rows.iter()
                .find(|r| r.contains(needle))
                .unwrap_or_else(|| panic!("{needle} at {size:?}:\n{}", rows.join("\n")))
                .clone()
        };
        assert!(row("Nr. 287").contains("Motie Ram"), "{size:?}");
        assert!(
            row("Nr. 5 ").contains("Kahraman"),
            "{size:?} {}",
            rows.join("\n")
        );
        assert!(row("Nr. 14").contains("Van der"), "{size:?}");
        // On one day in number order, newest day first.
        let at = |n: &str| rows.iter().position(|r| r.contains(n)).unwrap();
        assert!(at("Nr. 301") < at("Nr. 290") && at("Nr. 290") < at("Nr. 287"));
        insta::assert_snapshot!(format!("moties_{}x{}", size.0, size.1), t.backend());
    }
}

#[test]
fn groups_but_the_one_read_start_folded_and_fold_keys_work() {
    let c = moties();
    let s0 = state_on(c.clone(), (120, 40));
    // The letter is open: its group is open, the moties' group is closed.
    let group_rows: Vec<(String, bool)> = s0
        .rows
        .iter()
        .filter_map(|r| match r.item {
            crate::tui::state::RowItem::Group(g) => Some((s0.groups[g].key.clone(), r.expanded)),
            _ => None,
        })
        .collect();
    assert!(group_rows.iter().any(|(_, open)| *open), "{group_rows:?}");
    assert!(group_rows.iter().any(|(_, open)| !*open), "{group_rows:?}");
    let mut s = s0;
    crate::tui::update::update(&mut s, crate::tui::action::Action::UnfoldAll);
    assert!(s.rows.iter().any(|r| matches!(r.item, crate::tui::state::RowItem::Node(n) if n == c.get("kst-21501-04-14").unwrap())));
    crate::tui::update::update(&mut s, crate::tui::action::Action::FoldAll);
    assert!(
        s.rows
            .iter()
            .all(|r| matches!(r.item, crate::tui::state::RowItem::Group(_)))
    );
}

#[test]
fn at_a_fifth_of_the_width_rows_start_with_their_number() {
    let c = moties();
    let mut s = state_on(c.clone(), (120, 40));
    s.tree_pct = Some(20);
    crate::tui::resize(&mut s, Rect::new(0, 0, 120, 40));
    open_node(&mut s, c.get("kst-21501-04-287").unwrap(), true);
    let (_, rows) = screen_rows(&s, (120, 40));
    let docs: Vec<&String> = rows.iter().filter(|r| r.contains("Nr.")).collect();
    assert!(docs.len() >= 5, "{}", rows.join("\n"));
    for r in docs {
        let cell = r.trim_start_matches(['│', ' ', '▸', '▾']);
        assert!(cell.starts_with("Nr. "), "cut at the front: {r}");
    }
}

#[test]
fn a_reference_page_shows_the_address_it_promises() {
    let c = Arc::new(crate::store::dossiers::load_built_in());
    let mut s = state_on(c.clone(), (200, 40));
    open_node(&mut s, c.get("kamerstuk-32317-973").unwrap(), true);
    let text: String = s
        .layout
        .lines
        .iter()
        .flat_map(|l| l.segs.iter().map(|g| g.text.as_str()))
        .collect();
    assert!(
        text.contains("https://zoek.officielebekendmakingen.nl/kst-32317-973.html"),
        "{text}"
    );
}

#[test]
fn a_documents_finder_row_marks_the_words_found() {
    let marks =
        super::finder::word_marks("21501-04 nr. 287 · Motie Ram · 15-05-2025", "'ram motie");
    let text: Vec<char> = "21501-04 nr. 287 · Motie Ram · 15-05-2025"
        .chars()
        .collect();
    let shown: String = marks.iter().map(|&i| text[i]).collect();
    assert_eq!(shown, "MotieRam");
}

#[test]
fn the_finder_on_the_library_index_shows_each_motie_once_by_its_label() {
    use crate::store::index::{LibraryIndex, finder, loaded};
    use crate::tui::action::Action;
    use crate::tui::update::{FINDER_LIMIT, apply_finder_update, update};
    use dossier_core::search::FinderUpdate;
    let size = (120, 40);
    let c = moties();
    let index = LibraryIndex::in_ram(loaded(&c)).unwrap();
    let hits = finder::rows(&index, &c, "motie Ram", FINDER_LIMIT);
    let mut s = state_on(c, size);
    update(&mut s, Action::Finder);
    for ch in "motie Ram".chars() {
        update(&mut s, Action::Type(ch));
    }
    apply_finder_update(
        &mut s,
        FinderUpdate {
            generation: 1,
            query: "motie Ram".into(),
            hits,
            scanned: 1,
            total: 1,
            done: true,
        },
    );
    let (_, rows) = screen_rows(&s, size);
    let all = rows.join("\n");
    // Each motie once, by its number, kind and submitter rather than the
    // title it shares with its kind; member Ram's before member Kahraman's.
    let at = |needle: &str| {
        let found: Vec<usize> = rows
            .iter()
            .enumerate()
            .filter(|(_, r)| r.contains(needle))
            .map(|(i, _)| i)
            .collect();
        assert_eq!(found.len(), 1, "{needle}:\n{all}");
        found[0]
    };
    let ram = at("motie     21501-04 nr. 287 · Motie Ram · 15-05-2025");
    let other = at("21501-04 nr. 290 · Motie Ram");
    let kahraman = at("21501-04 nr. 5 · Motie Kahraman");
    assert!(ram < kahraman && other < kahraman, "{all}");
}
