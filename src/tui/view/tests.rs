//! What the screen shows, on `TestBackend` at 80×24 and 120×40: snapshots of
//! the main screens, and direct checks of the cells whose style carries
//! meaning (snapshots hold no styles).

use std::path::Path;
use std::sync::Arc;

use dossier_core::Corpus;
use dossier_core::search::{FinderUpdate, SearchIndex};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

use crate::tui::action::Action;
use crate::tui::keymap::Keymap;
use crate::tui::state::{Pane, RowItem, Screen, State};
use crate::tui::theme::Theme;
use crate::tui::update::{FINDER_LIMIT, apply_finder_update, open_node, update};
use dossier_core::lang::Lang;
use dossier_core::messages::messages;

const SIZES: [(u16, u16); 2] = [(80, 24), (120, 40)];

fn built_in() -> Arc<Corpus> {
    Arc::new(crate::store::dossiers::load_built_in())
}

/// A state on `corpus` that already knows the terminal's size, as the loop
/// tells it before the first key.
fn state_on(corpus: Arc<Corpus>, lang: Lang, (w, h): (u16, u16)) -> State {
    let mut s = State::new(corpus, lang, Keymap::default(), Theme::plain());
    crate::tui::resize(&mut s, Rect::new(0, 0, w, h));
    s
}

fn state(lang: Lang, size: (u16, u16)) -> State {
    state_on(built_in(), lang, size)
}

fn draw(s: &State, (w, h): (u16, u16)) -> Terminal<TestBackend> {
    let mut t = Terminal::new(TestBackend::new(w, h)).unwrap();
    t.draw(|f| super::render(s, f)).unwrap();
    t
}

fn run(s: &mut State, actions: &[Action]) {
    for &a in actions {
        update(s, a);
    }
}

fn open(s: &mut State, id: &str) {
    let n = s.corpus.get(id).unwrap();
    open_node(s, n, true);
}

fn row(b: &Buffer, y: u16) -> String {
    (b.area.x..b.area.right())
        .map(|x| b[(x, y)].symbol())
        .collect()
}

fn screen(b: &Buffer) -> String {
    (b.area.y..b.area.bottom())
        .map(|y| row(b, y))
        .collect::<Vec<_>>()
        .join("\n")
}

/// The column of the `nth` character of `row` where `needle` starts (one
/// cell per character: the texts checked here are all narrow).
fn column_of(b: &Buffer, y: u16, needle: &str) -> Option<u16> {
    let text = row(b, y);
    let byte = text.find(needle)?;
    u16::try_from(text[..byte].chars().count()).ok()
}

/// The finder with the hits for `query`, fed synchronously as the search
/// thread would.
fn finder_with(s: &mut State, query: &str) {
    let hits = SearchIndex::build(&s.corpus).fuzzy(query, FINDER_LIMIT);
    finder_showing(s, query, hits);
}

fn finder_showing(s: &mut State, query: &str, hits: Vec<dossier_core::search::Hit>) {
    run(s, &[Action::Finder]);
    for c in query.chars() {
        update(s, Action::Type(c));
    }
    apply_finder_update(
        s,
        FinderUpdate {
            generation: 1,
            query: query.into(),
            hits,
            scanned: 1,
            total: 1,
            done: true,
        },
    );
}

#[test]
fn the_start_screen() {
    for size in SIZES {
        let s = state(Lang::Nl, size);
        let t = draw(&s, size);
        let text = screen(t.backend().buffer());
        // The letter is open, its tree expanded, and the keys are hinted.
        assert!(text.contains("Dossiers"), "{text}");
        assert!(text.contains("LEZEN"), "{text}");
        assert!(text.contains("Ctrl-p"), "{text}");
        insta::assert_snapshot!(format!("start_{}x{}", size.0, size.1), t.backend());
    }
}

#[test]
fn a_section_with_a_link_selected() {
    for size in SIZES {
        let mut s = state(Lang::Nl, size);
        open(&mut s, "ebsp");
        s.focus = Pane::Reader;
        run(&mut s, &[Action::NextLink]);
        let link = s.link.unwrap();
        let t = draw(&s, size);
        let b = t.backend().buffer();
        // The selected link, and only it, has the selected-link style.
        let selected = Theme::plain().link_selected.add_modifier;
        let cells: Vec<(u16, u16)> = b
            .area
            .positions()
            .filter(|&p| b[p].modifier == selected)
            .map(|p| (p.x, p.y))
            .collect();
        assert!(!cells.is_empty());
        let reader = crate::tui::geometry::reader_text_area(b.area, None);
        let line = u16::try_from(s.layout.links[link].line - s.scroll).unwrap();
        assert!(
            cells
                .iter()
                .all(|&(x, y)| y == reader.y + line && x >= reader.x && x < reader.right()),
            "{cells:?}"
        );
        insta::assert_snapshot!(format!("links_{}x{}", size.0, size.1), t.backend());
    }
}

#[test]
fn a_footnote_peeked_over_the_text() {
    for size in SIZES {
        let mut s = state(Lang::Nl, size);
        open(&mut s, "c7");
        s.focus = Pane::Reader;
        run(&mut s, &[Action::NextLink, Action::Peek]);
        assert!(matches!(s.screen, Screen::Peek(_)));
        let t = draw(&s, size);
        let text = screen(t.backend().buffer());
        assert!(text.contains("c7/fn-1"), "{text}");
        insta::assert_snapshot!(format!("peek_{}x{}", size.0, size.1), t.backend());
    }
}

#[test]
fn the_finder_highlights_exactly_the_matched_characters() {
    let highlight = Theme::plain().highlight.add_modifier;
    for size in SIZES {
        let mut s = state(Lang::Nl, size);
        finder_with(&mut s, "tweetrap");
        let t = draw(&s, size);
        let b = t.backend().buffer();
        let marked = |x: u16, y: u16| b[(x, y)].modifier.contains(highlight);
        let rows: Vec<u16> = (0..b.area.height)
            .filter(|&y| (0..b.area.width).any(|x| marked(x, y)))
            .collect();
        assert!(rows.len() >= 2, "{}", screen(b));
        // Each hit marks the letters of the query in order: all of them, or
        // those inside the snippet where the match is spread out.
        for &y in &rows {
            let letters: String = (0..b.area.width)
                .filter(|&x| marked(x, y))
                .map(|x| b[(x, y)].symbol().to_lowercase())
                .collect();
            assert!(
                "tweetrap".contains(&letters),
                "row {y} marks {letters:?}: {}",
                row(b, y)
            );
        }
        // Where the word is whole, the marks are exactly its first letters.
        let y = (0..b.area.height)
            .find(|&y| row(b, y).contains("tweetrapssysteem"))
            .unwrap();
        let x0 = column_of(b, y, "tweetrapssysteem").unwrap();
        for x in 0..b.area.width {
            assert_eq!(
                marked(x, y),
                (x0..x0 + 8).contains(&x),
                "column {x} of {}",
                row(b, y)
            );
        }
        insta::assert_snapshot!(format!("finder_{}x{}", size.0, size.1), t.backend());
    }
}

#[test]
fn the_help_lists_every_action_with_its_keys() {
    let keymap = Keymap::default();
    // The tree: every action that works there, with its keys, what it
    // does and its name.
    let tree = crate::tui::mode::Mode::Tree;
    let wanted: Vec<String> = crate::tui::help::rows(&keymap, Lang::Nl, tree)
        .iter()
        .map(|r| format!("{}  {}  {}", r.keys, r.what, r.name))
        .collect();
    assert!(wanted.iter().any(|w| w.starts_with("Ctrl-p  ")));
    assert!(wanted.iter().any(|w| w == "l / →  uitklappen  expand_node"));
    for size in SIZES {
        let mut s = state(Lang::Nl, size);
        run(&mut s, &[Action::Help]);
        let t = draw(&s, size);
        insta::assert_snapshot!(format!("help_{}x{}", size.0, size.1), t.backend());
        // Scrolled to the end, every line has been on screen once.
        let mut seen = screen(t.backend().buffer());
        for _ in 0..Action::ALL.len() {
            run(&mut s, &[Action::Down]);
            seen.push_str(&screen(draw(&s, size).backend().buffer()));
        }
        for w in &wanted {
            assert!(seen.contains(w.as_str()), "{w:?} is not in the help");
        }
    }
    // At 120×40 all but the last few fit without scrolling, and the help
    // says how many lines are below.
    let mut s = state(Lang::Nl, (120, 40));
    run(&mut s, &[Action::Help]);
    let text = screen(draw(&s, (120, 40)).backend().buffer());
    let shown = wanted.iter().filter(|w| text.contains(w.as_str())).count();
    assert!(
        shown + 5 >= wanted.len(),
        "{shown} of {}:\n{text}",
        wanted.len()
    );
    assert!(text.contains("↓  +"), "{text}");
}

/// A dossier folder with a good dossier (and the letter it comes from) and
/// a file that does not parse, as `load_dir` reads it; file names shown as
/// under `./dossiers`.
fn broken_corpus(dir: &Path) -> Corpus {
    for good in ["marokko.toml", "kst-32317-987.toml"] {
        let from = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("dossiers")
            .join(good);
        std::fs::copy(from, dir.join(good)).unwrap();
    }
    std::fs::write(
        dir.join("kapot.toml"),
        "[dossier]\nid = \"kapot\"\ntitle = \"Kapot\n",
    )
    .unwrap();
    let mut corpus =
        crate::store::dossiers::load_dir(dir, crate::store::dossiers::DEFAULT_MAX_FILE_SIZE);
    let prefix = format!("{}/", dir.display());
    for e in &mut corpus.errors {
        e.file = e.file.replace(&prefix, "dossiers/");
    }
    corpus
}

#[test]
fn a_file_that_failed_to_load_is_an_entry_with_its_message() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = Arc::new(broken_corpus(dir.path()));
    assert_eq!(corpus.errors.len(), 1, "{:?}", corpus.errors);
    let e = &corpus.errors[0];
    let p = e.position.unwrap();
    let place = format!("dossiers/kapot.toml:{}:{}", p.line, p.col);
    for size in SIZES {
        let mut s = state_on(Arc::clone(&corpus), Lang::Nl, size);
        let at = s
            .rows
            .iter()
            .position(|r| matches!(r.item, RowItem::Error(_)))
            .unwrap();
        // The tree's rows start under the breadcrumb and the border.
        let t = draw(&s, size);
        let b = t.backend().buffer();
        let tree_row = row(b, u16::try_from(at + 2).unwrap());
        assert!(tree_row.contains("⚠ kapot.toml"), "{}", screen(b));
        for _ in 0..at {
            run(&mut s, &[Action::Down]);
        }
        run(&mut s, &[Action::Open]);
        let t = draw(&s, size);
        let b = t.backend().buffer();
        let status = row(b, b.area.bottom() - 1);
        assert!(status.contains(&place), "{status}");
        assert!(screen(b).contains(&place));
        insta::assert_snapshot!(format!("error_{}x{}", size.0, size.1), t.backend());
    }
}

#[test]
fn the_labels_speak_dutch_and_english() {
    let words = |lang| {
        let m = messages(lang);
        [
            m.browse.reader,
            m.browse.modes.read,
            m.browse.hit,
            m.browse.line,
        ]
    };
    for lang in [Lang::Nl, Lang::En] {
        let other = match lang {
            Lang::Nl => Lang::En,
            Lang::En => Lang::Nl,
        };
        for size in SIZES {
            let mut s = state(lang, size);
            open(&mut s, "ebsp/uitkomst-onderhandelingen");
            s.focus = Pane::Reader;
            run(&mut s, &[Action::Find]);
            for c in "tweetrap".chars() {
                update(&mut s, Action::Type(c));
            }
            run(&mut s, &[Action::Done]);
            assert!(!s.find.hits.is_empty());
            let t = draw(&s, size);
            let text = screen(t.backend().buffer());
            for (w, o) in words(lang).iter().zip(words(other)) {
                if w != &o {
                    assert!(text.contains(w), "{w:?} missing:\n{text}");
                }
            }
            let name = match lang {
                Lang::Nl => "nl",
                Lang::En => "en",
            };
            insta::assert_snapshot!(format!("labels_{name}_{}x{}", size.0, size.1), t.backend());
        }
    }
}

/// Every screen at every small size: nothing panics, and below the minimum
/// the screen asks for more room.
#[test]
fn tiny_terminals_render_without_panic() {
    let dir = tempfile::tempdir().unwrap();
    let broken = Arc::new(broken_corpus(dir.path()));
    let corpus = built_in();
    let hits = SearchIndex::build(&corpus).fuzzy("tweetrap", FINDER_LIMIT);
    type Setup<'a> = Box<dyn Fn(&mut State) + 'a>;
    let screens: Vec<(&str, Setup)> = vec![
        ("start", Box::new(|_| {})),
        ("help", Box::new(|s| run(s, &[Action::Help]))),
        (
            "finder",
            Box::new(|s| finder_showing(s, "tweetrap", hits.clone())),
        ),
        (
            "peek",
            Box::new(|s| {
                open(s, "c7");
                s.focus = Pane::Reader;
                run(s, &[Action::NextLink, Action::Peek]);
            }),
        ),
        (
            "find",
            Box::new(|s| {
                run(s, &[Action::Find]);
                update(s, Action::Type('e'));
            }),
        ),
    ];
    let mut sizes = vec![(1, 1), (10, 3), (29, 7), (30, 8), (0, 0), (1, 40), (200, 1)];
    for w in (0..=40).step_by(3) {
        for h in 0..=12 {
            sizes.push((w, h));
        }
    }
    for &(w, h) in &sizes {
        for (name, setup) in &screens {
            let mut s = state_on(Arc::clone(&corpus), Lang::Nl, (w, h));
            setup(&mut s);
            let t = draw(&s, (w, h));
            if (w, h) == (29, 7) {
                let text = screen(t.backend().buffer());
                assert!(text.contains("29×7"), "{name}: {text}");
            }
        }
        let mut s = state_on(Arc::clone(&broken), Lang::En, (w, h));
        let last = s.rows.len().saturating_sub(1);
        s.tree_selected = last;
        run(&mut s, &[Action::Open]);
        draw(&s, (w, h));
    }
}

#[test]
fn a_window_keeps_the_selection_in_view_like_a_list_scrolled_from_the_top() {
    assert_eq!(super::window(0, 100, 10), (0, 10));
    assert_eq!(super::window(9, 100, 10), (0, 10));
    assert_eq!(super::window(10, 100, 10), (1, 11));
    assert_eq!(super::window(99, 100, 10), (90, 100));
    assert_eq!(super::window(3, 5, 10), (0, 5));
    assert_eq!(super::window(0, 0, 10), (0, 0));
    // A selection past the end (a list that shrank) shows the last rows.
    assert_eq!(super::window(500, 100, 10), (90, 100));
    assert_eq!(super::window(5, 100, 0), (5, 6));
}

#[test]
fn a_filter_longer_than_the_tree_pane_shows_its_start_and_a_mark() {
    for (size, lang) in [((80, 24), Lang::Nl), ((120, 40), Lang::En)] {
        let mut s = state(lang, size);
        run(&mut s, &[Action::Filter]);
        for c in "#gegevensuitwisseling".chars() {
            update(&mut s, Action::Type(c));
        }
        crate::tui::update::settle(&mut s);
        let t = draw(&s, size);
        let top = row(t.backend().buffer(), 1);
        // The pane's name gives way to the filter, which ends in `…`.
        assert!(top.starts_with("┌ filter: #gegevens"), "{top}");
        assert!(top.contains("… ┐"), "{top}");
    }
    // A short filter keeps the pane's name.
    let mut s = state(Lang::Nl, (120, 40));
    run(&mut s, &[Action::Filter]);
    update(&mut s, Action::Type('@'));
    let t = draw(&s, (120, 40));
    let top = row(t.backend().buffer(), 1);
    assert!(top.starts_with("┌ Dossiers · filter: @ ─"), "{top}");
}

#[test]
fn the_tree_filter_highlights_the_matched_letters_of_the_rows_it_kept() {
    let highlight = Theme::plain().highlight.add_modifier;
    for size in SIZES {
        let mut s = state(Lang::Nl, size);
        run(&mut s, &[Action::Filter]);
        for c in "border".chars() {
            update(&mut s, Action::Type(c));
        }
        crate::tui::update::settle(&mut s);
        let t = draw(&s, size);
        let b = t.backend().buffer();
        let y = (0..b.area.height)
            .find(|&y| row(b, y).contains("Enhanced Border"))
            .unwrap_or_else(|| panic!("{}", screen(b)));
        // In the tree pane only: the word in the title.
        let x_end = column_of(b, 1, "┐").unwrap();
        let letters: String = (0..x_end)
            .filter(|&x| b[(x, y)].modifier.contains(highlight))
            .map(|x| b[(x, y)].symbol())
            .collect();
        assert_eq!(letters, "Border", "{}", row(b, y));
        // The row is selected: the first that matched by itself.
        assert_eq!(s.selected_row().map(|r| r.hit), Some(true));
    }
}

/// The bundled dossiers with the library fixtures (Kamerstuk 32317-978 and
/// motie 21501-04-287) beside them.
fn library() -> Arc<Corpus> {
    Arc::new(crate::store::dossiers::load_library_fixture())
}

#[test]
fn the_tree_groups_the_library_by_kamerstuk_dossier_and_by_theme() {
    for size in SIZES {
        let mut s = state_on(library(), Lang::Nl, size);
        let t = draw(&s, size);
        let text = screen(t.backend().buffer());
        // 32317 JBZ-Raad › Nr. 987 (newest) › its topics, then Nr. 978;
        // the motie's dossier 21501-04 in a group of its own.
        let at = |needle: &str| {
            text.find(needle)
                .unwrap_or_else(|| panic!("{needle} missing:\n{text}"))
        };
        assert!(at("32317 JBZ-Raad") < at("Nr. 987") && at("Nr. 987") < at("CT-ontbijt"));
        assert!(at("CT-ontbijt") < at("Nr. 978"));
        assert!(at("Nr. 978") < at("21501-04"));
        insta::assert_snapshot!(format!("library_{}x{}", size.0, size.1), t.backend());
        // One key groups by theme: the tags head the tree.
        run(&mut s, &[Action::GroupBy]);
        let t = draw(&s, size);
        let text = screen(t.backend().buffer());
        assert!(text.contains("▾ gegevensbescherming"), "{text}");
        assert!(!text.contains("32317 JBZ-Raad"), "{text}");
        run(&mut s, &[Action::GroupBy]);
        assert!(screen(draw(&s, size).backend().buffer()).contains("32317 JBZ-Raad"));
    }
}

#[test]
fn a_group_closes_and_opens_with_the_tree_keys() {
    let size = (80, 24);
    let mut s = state_on(library(), Lang::Nl, size);
    s.tree_selected = 0;
    let before = s.rows.len();
    run(&mut s, &[Action::CollapseNode]);
    assert!(s.rows.len() < before);
    assert!(!s.rows[0].expanded);
    run(&mut s, &[Action::Open]);
    assert_eq!(s.rows.len(), before);
}

/// The tree's rows as drawn: the text inside its border.
fn tree_rows(s: &State, size: (u16, u16)) -> Vec<String> {
    let t = draw(s, size);
    let b = t.backend().buffer();
    let tree = super::areas(b.area, s.tree_pct).tree;
    (tree.y + 1..tree.bottom().saturating_sub(1))
        .map(|y| {
            (tree.x + 1..tree.right().saturating_sub(1))
                .map(|x| b[(x, y)].symbol().to_string())
                .collect::<String>()
                .trim_end()
                .to_string()
        })
        .filter(|r| !r.is_empty())
        .collect()
}

#[test]
fn siblings_are_never_cut_to_the_same_text_and_footnotes_show_their_words() {
    for size in [(80, 24), (60, 15), (120, 40)] {
        let mut s = state(Lang::Nl, size);
        // Everything the EBSP and Raad van Europa topics hold, in view.
        for id in ["raad-van-europa", "ebsp"] {
            open(&mut s, id);
            s.focus = Pane::Tree;
            run(&mut s, &[Action::ExpandNode]);
        }
        for top in 0..s.rows.len() {
            s.tree_selected = top;
            let rows = tree_rows(&s, size);
            let mut seen = std::collections::HashSet::new();
            for r in &rows {
                assert!(
                    seen.insert(r.clone()),
                    "{size:?}: `{r}` twice in\n{}",
                    rows.join("\n")
                );
            }
        }
    }
    let mut s = state(Lang::Nl, (120, 40));
    open(&mut s, "ebsp");
    s.focus = Pane::Tree;
    run(&mut s, &[Action::ExpandNode]);
    let rows = tree_rows(&s, (120, 40)).join("\n");
    assert!(
        rows.contains("² "),
        "a footnote by its marker and words:\n{rows}"
    );
    assert!(!rows.contains("Voetnoot 2"), "{rows}");
}

#[test]
fn the_tree_widens_with_the_window_and_w_changes_it() {
    let s = state(Lang::Nl, (200, 50));
    let wide = super::areas(Rect::new(0, 0, 200, 50), None).tree.width;
    assert!(wide >= 46, "{wide}");
    let mut s = s;
    let before = s.reader_size;
    run(&mut s, &[Action::TreeWidth]);
    assert_eq!(s.tree_pct, Some(20));
    assert_ne!(s.reader_size, before, "the reader follows");
    for _ in 0..3 {
        run(&mut s, &[Action::TreeWidth]);
    }
    assert_eq!(s.tree_pct, None, "round to following the window");
}

#[test]
fn the_details_are_one_line_until_asked_and_countries_come_once() {
    let mut s = state(Lang::Nl, (60, 15));
    open(&mut s, "raad-van-europa/fn-5");
    let text = screen(draw(&s, (60, 15)).backend().buffer());
    assert!(text.contains("(i meer gegevens)"), "{text}");
    let all = |s: &State| -> String {
        s.layout
            .lines
            .iter()
            .flat_map(|l| l.segs.iter().map(|g| g.text.clone()))
            .collect()
    };
    // The footnote's text names 26 countries; the line above it counts them.
    assert_eq!(all(&s).matches("Albanië").count(), 1, "{}", all(&s));
    run(&mut s, &[Action::Details]);
    // Asked for, each is named once above the text.
    let all = all(&s);
    assert!(all.contains("Landen: "), "{all}");
    assert_eq!(all.matches("Albanië").count(), 2, "{all}");
}

#[test]
fn the_timeline_overlay() {
    for size in SIZES {
        let mut s = state_on(library(), Lang::Nl, size);
        run(&mut s, &[Action::Timeline]);
        let t = draw(&s, size);
        let text = screen(t.backend().buffer());
        assert!(text.contains("TIJDLIJN"), "{text}");
        let at = |n: &str| text.find(n).unwrap_or_else(|| panic!("{n}:\n{text}"));
        assert!(at("04-06-2025") < at("21-11-2025") && at("21-11-2025") < at("17-12-2025"));
        insta::assert_snapshot!(format!("timeline_{}x{}", size.0, size.1), t.backend());
    }
}

/// A body source whose reads all fail, as a damaged cache file's would.
struct Unreadable;

impl dossier_core::model::BodySource for Unreadable {
    fn body(&self, _at: u64) -> Result<dossier_core::model::Document, String> {
        Err("corpus.bin: block at byte 431: vernield".into())
    }
}

/// The bundled dossiers with one section whose text cannot be read.
fn with_unreadable(id: &str) -> Arc<Corpus> {
    let mut c = crate::store::dossiers::load_built_in();
    let i = c.get(id).unwrap();
    c.nodes[i].body = dossier_core::model::Body::lazy(Arc::new(Unreadable), 0);
    Arc::new(c)
}

#[test]
fn a_text_that_cannot_be_read_is_a_notice_with_nothing_to_select_or_find() {
    const SECTION: &str = "ebsp/uitkomst-onderhandelingen";
    for (lang, says) in [
        (Lang::Nl, "Deze tekst kan niet worden gelezen"),
        (Lang::En, "This text cannot be read"),
    ] {
        let size = (80, 24);
        let mut s = state_on(with_unreadable(SECTION), lang, size);
        open(&mut s, SECTION);
        s.focus = Pane::Reader;
        let t = draw(&s, size);
        let b = t.backend().buffer();
        let text = screen(b);
        assert!(text.contains(says), "{text}");
        // In the interface's error style, and part of no paragraph.
        let y = (0..b.area.height)
            .find(|&y| row(b, y).contains(says))
            .unwrap();
        let x = column_of(b, y, says).unwrap();
        let notice = &b[(b.area.x + x, y)];
        assert_eq!(notice.modifier, s.theme.error.add_modifier, "{notice:?}");
        assert!(
            s.layout
                .lines
                .iter()
                .flat_map(|l| &l.segs)
                .all(|seg| seg.para.is_none()),
            "{:?}",
            s.layout.lines
        );
        if lang == Lang::Nl {
            insta::assert_snapshot!("unreadable_80x24", t.backend());
        }
        // Finding in it finds nothing and says why.
        run(
            &mut s,
            &[Action::Find, Action::Type('v'), Action::Type('e')],
        );
        assert!(s.find.hits.is_empty());
        let why = messages(lang).browse.unreadable_here;
        assert_eq!(s.message.as_deref(), Some(why));
        run(&mut s, &[Action::Cancel]);
        // Selecting and annotating do nothing but say why.
        let dir = tempfile::tempdir().unwrap();
        let mut notes =
            crate::tui::notes::harness::Session::for_test(&dir.path().join("notes"), &mut s);
        for a in [Action::Select, Action::Annotate] {
            s.message = None;
            notes.act(&mut s, a);
            assert_eq!(s.selection(), None);
            assert!(!notes.wants_keys(&s), "{a:?} opened a screen");
            assert_eq!(s.message.as_deref(), Some(why), "{a:?}");
        }
    }
}

/// The library with the agenda's title holding invisible characters: a
/// line separator, a zero-width space, a word joiner and a byte order mark.
fn library_with_invisible_title() -> Arc<Corpus> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    for folder in ["dossiers", "tests/fixtures/library"] {
        let (found, errors) = crate::store::dossiers::read_dir_files(&dir.join(folder), 8 << 20);
        assert!(errors.is_empty(), "{errors:?}");
        files.extend(found);
    }
    for f in &mut files {
        f.text = f.text.replace(
            "title = \"Geannoteerde agenda van de formele",
            "title = \"Geannoteerde\u{2028}agenda\u{200B}van\u{2060}de\u{FEFF}formele",
        );
    }
    Arc::new(dossier_core::load::load_owned(
        files,
        &dossier_core::load::NoFiles,
    ))
}

#[test]
fn invisible_characters_are_shown_as_marks_and_keep_the_borders_in_place() {
    for size in SIZES {
        let mut s = state_on(library_with_invisible_title(), Lang::Nl, size);
        run(&mut s, &[Action::Timeline]);
        let t = draw(&s, size);
        let b = t.backend().buffer();
        let text = screen(b);
        for c in ['\u{2028}', '\u{200B}', '\u{2060}', '\u{FEFF}'] {
            assert!(!text.contains(c), "raw U+{:04X}:\n{text}", c as u32);
        }
        assert!(text.contains("agenda<U+200B>van"), "{text}");
        // Every row of the popup ends on its right border, in one column.
        let rows: Vec<u16> = (0..size.1)
            .filter(|&y| row(b, y).contains("agenda<U+200B>"))
            .collect();
        assert!(!rows.is_empty(), "{text}");
        let border = |y: u16| {
            row(b, y)
                .chars()
                .collect::<Vec<_>>()
                .iter()
                .rposition(|&c| c == '│')
        };
        let plain = (0..size.1)
            .find(|&y| row(b, y).contains("Ram") && !row(b, y).contains("agenda"))
            .unwrap();
        for y in rows {
            assert_eq!(border(y), border(plain), "row {y}:\n{text}");
        }
    }
}
