//! The terminal interface: plain state, user-intent actions, a pure update
//! function and a read-only view; this file is the thin loop around them.

pub(crate) mod action;
pub(crate) mod dispatch;
pub(crate) mod filter_worker;
pub(crate) mod geometry;
pub(crate) mod help;
pub(crate) mod input;
pub(crate) mod key;
pub(crate) mod keymap;
pub(crate) mod layout;
pub(crate) mod loading;
pub(crate) mod mode;
pub(crate) mod notes;
pub(crate) mod notes_bridge;
pub(crate) mod share;
pub(crate) mod state;
pub(crate) mod terminal;
pub(crate) mod theme;
pub(crate) mod timeline;
pub(crate) mod tree;
pub(crate) mod update;
pub(crate) mod view;

pub use update::resize;

/// What the benchmarks drive: the state, the update function and the
/// view, without a terminal. Nothing else of the interface is public, so
/// the compiler reports what is not used.
#[doc(hidden)]
pub mod bench {
    pub use super::action::Action;
    pub use super::keymap::Keymap;
    pub use super::state::{State, TextMatch};
    pub use super::theme::Theme;
    pub use super::timeline::{Labels, filtered_in as timeline_filtered_in};
    pub use super::update::resize;
    pub use super::update::{
        Effect, FINDER_LIMIT, apply_finder_update, settle, text_match_ready, update,
    };
    pub use super::view::render;
}

use std::io::IsTerminal;
use std::process::ExitCode;
use std::sync::Arc;
use std::time::Duration;

use crossterm::event::{self, Event, MouseEventKind};
use dossier_core::search::FinderWorker;
use ratatui::layout::Rect;

use self::action::Action;
use self::keymap::Keymap;
use self::state::State;
use self::theme::Theme;
use self::update::{Effect, FINDER_LIMIT};
use crate::app::{App, Paths, leave_to_exit, usage};
use dossier_core::messages::messages;

/// How long the loop waits for a key before looking at the finder's
/// results and at signals.
const TICK: Duration = Duration::from_millis(30);

/// Keys taken in one go before a frame is drawn anyway.
const MAX_KEYS_PER_FRAME: usize = 256;
/// How long a find in the open text searches before the next frame.
const FIND_FRAME: Duration = Duration::from_millis(16);

pub fn run(paths: &Paths) -> anyhow::Result<ExitCode> {
    // The interface draws on a terminal; a pipe or a file would receive
    // escape sequences and no keys would come.
    if !std::io::stdout().is_terminal() || !std::io::stdin().is_terminal() {
        return Ok(usage(
            "the interface needs a terminal; for use in scripts see `dossier --help` \
             (list, show, search, check, notes)",
        ));
    }
    let mut app = App::open(paths)?;
    for w in app.warnings() {
        eprintln!("warning: {w}");
    }
    let lang = app.lang();
    let corpus = app.corpus_for_reading(|dir| {
        let what = messages(lang).browse.loading;
        let dir = dossier_core::text::sanitize_line(&dir.display().to_string());
        loading::Notice::on_stderr(&format!("dossier: {what} {dir}…"))
    });
    for e in &corpus.errors {
        eprintln!("warning: {e}");
    }
    let keymap = Keymap::from_config(app.config())?;
    let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
    let theme = Theme::from_config(app.config(), no_color)?;
    let mouse = app.config().mouse;
    // The library's index comes on the finder's thread, not before the
    // first frame; the finder says it is searching until it is ready.
    let make_index = app.index_maker();
    let (origin, max_file_size) = (app.origin().clone(), app.config().max_file_size);
    let searched = Arc::clone(&corpus);
    // The texts the index could not read: said in the status bar with the
    // first hits of the finder, and on standard error when the interface
    // closes.
    let unreadable = Arc::new(std::sync::Mutex::new(Vec::new()));
    let found = Arc::clone(&unreadable);
    // It waits for the first frame: stamping a large library's files
    // beside the start would slow the start on two cores.
    let (drawn, first_frame) = std::sync::mpsc::channel::<()>();
    let mut drawn = Some(drawn);
    // The index opened there is the filters' too, as it comes.
    let (text_match_tx, text_matches) = std::sync::mpsc::channel::<state::TextMatch>();
    let matched = Arc::clone(&corpus);
    let mut worker = FinderWorker::spawn_ranked(move || {
        let _ = first_frame.recv_timeout(Duration::from_secs(2));
        let share = move |index: Arc<crate::store::index::LibraryIndex>| {
            let find = move |text: &str| {
                crate::store::index::matching::roots_matching(&index, &matched, text)
            };
            let _ = text_match_tx.send(Arc::new(find));
        };
        crate::store::index::finder::ranker(
            origin,
            max_file_size,
            searched,
            make_index,
            found,
            share,
        )
    });
    let mut unreadable_said = false;
    // The tree's and the timeline's filters, typed, are worked on by
    // their own thread.
    let filters = filter_worker::FilterWorker::spawn();
    let mut state = State::new(corpus, lang, keymap, theme);
    // Said on the first screen: documents from the folder the program was
    // started in, not the user's own.
    state.message = app.local_notice(lang);
    // Where the reader was in this library when the interface last closed.
    let resume = crate::store::resume::Resume::for_user();
    let library = match app.origin() {
        crate::store::dossiers::Origin::Folder(dir) => std::fs::canonicalize(dir)
            .unwrap_or_else(|_| dir.clone())
            .display()
            .to_string(),
        other => other.to_string(),
    };
    let mut resumed = resume.as_ref().and_then(|r| r.load(&library));
    let mut notes = notes::runner::Runner::open(app.notes_service(), app.author(), &mut state);

    let signals = terminal::Signals::install()?;
    signals.watch_for_hangup();
    let mut term = terminal::enter(mouse)?;
    let result = (|| -> anyhow::Result<Option<i32>> {
        // Drawn only after something changed: an idle screen costs nothing.
        let mut dirty = true;
        let mut last_size = None;
        loop {
            let size = term.size()?;
            if last_size != Some(size) {
                last_size = Some(size);
                update::resize(&mut state, Rect::new(0, 0, size.width, size.height));
                // Once the reader's width is known, so the kept text is
                // found on the lines it has now.
                if let Some(place) = resumed.take()
                    && matches!(state.screen, state::Screen::Read(_))
                {
                    state.resume_at(&place);
                }
                dirty = true;
            }
            if dirty {
                term.draw(|f| view::render(&state, f))?;
                dirty = false;
                if let Some(d) = drawn.take() {
                    let _ = d.send(());
                }
                // For measuring the time to the first frame (BENCHMARKS.md).
                if std::env::var_os("DOSSIER_EXIT_AFTER_FIRST_FRAME").is_some() {
                    return Ok(None);
                }
            }
            if let Some(sig) = signals.pending() {
                let keep = update::notes::keep_draft(&state);
                notes.run_effects(&mut state, keep);
                return Ok(Some(sig));
            }
            if signals.take_suspend() {
                terminal::suspend(&mut term, mouse)?;
                last_size = None;
                dirty = true;
                continue;
            }
            if state.quit {
                return Ok(None);
            }
            if filters.show(&mut state) {
                dirty = true;
            }
            // The library's index is open: a filter in force is run again
            // to find the documents' text too.
            if let Ok(text_match) = text_matches.try_recv() {
                update::text_match_ready(&mut state, text_match);
                filters.take(&mut state);
                update::settle(&mut state);
                dirty = true;
            }
            while let Some(u) = worker.try_latest() {
                update::apply_finder_update(&mut state, u);
                // The index lost files under the program (another program
                // truncated them): its hits cannot be trusted.
                if crate::store::index::finder::damaged() {
                    state.message = Some(messages(state.lang).browse.index_damaged.into());
                } else if !unreadable_said && unreadable.lock().is_ok_and(|u| !u.is_empty()) {
                    unreadable_said = true;
                    state.message = Some(messages(state.lang).browse.some_unreadable.into());
                }
                dirty = true;
            }
            // A find in a long text goes on between frames, a window at a
            // time, for a frame's worth of time: a key waiting comes first.
            if state.finding() {
                let until = std::time::Instant::now() + FIND_FRAME;
                while state.finding()
                    && std::time::Instant::now() < until
                    && !event::poll(Duration::ZERO)?
                {
                    update::find_more(&mut state, update::FIND_WINDOW);
                }
                dirty = true;
            }
            let wait = if state.finding() {
                Duration::ZERO
            } else {
                TICK
            };
            if !event::poll(wait)? {
                continue;
            }
            dirty = true;
            // Every key already waiting is taken before the next frame, so
            // a burst of typing is drawn (and filtered) once.
            for _ in 0..MAX_KEYS_PER_FRAME {
                let effects = match event::read()? {
                    Event::Key(k) => match dispatch::key(&mut state, k) {
                        dispatch::Routed::Suspend => {
                            signals.request_suspend();
                            Vec::new()
                        }
                        dispatch::Routed::Effects(e) => e,
                    },
                    Event::Mouse(m) if mouse => match m.kind {
                        MouseEventKind::ScrollDown => scroll(&mut state, Action::Down),
                        MouseEventKind::ScrollUp => scroll(&mut state, Action::Up),
                        _ => Vec::new(),
                    },
                    Event::Paste(text) => text
                        .chars()
                        .filter(|c| !c.is_control())
                        .flat_map(|c| update::update(&mut state, Action::Type(c)))
                        .collect(),
                    _ => Vec::new(),
                };
                for e in notes.run_effects(&mut state, effects) {
                    match e {
                        Effect::Search(q) => {
                            worker.search(&q, FINDER_LIMIT);
                        }
                        e @ (Effect::Copy(_) | Effect::OpenAddress(_)) => {
                            share::run(&mut state, &e)
                        }
                        Effect::Notes(_) => {}
                    }
                }
                if state.quit || !event::poll(Duration::ZERO)? {
                    break;
                }
            }
            filters.take(&mut state);
            update::settle(&mut state);
        }
    })();
    terminal::leave(term, mouse);
    if let Ok(list) = unreadable.lock() {
        for e in list.iter() {
            eprintln!("warning: {e}");
        }
    }
    if let (Some(r), Some(place)) = (&resume, state.resume_place()) {
        let _ = r.save(&library, place);
    }
    // The process ends now: the corpus and the notes need no freeing.
    leave_to_exit(state);
    leave_to_exit(app);
    // A signal or a terminal that went away explains any error the loop
    // met writing to it: that is how the program ended, not a failure.
    let sig = signals.pending().or_else(|| signals.hung_up().then_some(1));
    match (sig, result) {
        (Some(sig), _) | (None, Ok(Some(sig))) => {
            Ok(ExitCode::from(u8::try_from(128 + sig).unwrap_or(255)))
        }
        (None, Ok(None)) => Ok(ExitCode::SUCCESS),
        (None, Err(e)) => Err(e),
    }
}

/// Three lines per wheel notch, in the reader.
fn scroll(s: &mut State, a: Action) -> Vec<Effect> {
    let focus = s.focus;
    s.focus = state::Pane::Reader;
    for _ in 0..3 {
        update::update(s, a);
    }
    s.focus = focus;
    Vec::new()
}
