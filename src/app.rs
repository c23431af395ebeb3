//! The application layer both faces stand on: the configuration, where the
//! dossiers come from, the corpus loaded from there, the notes store and
//! the search index. The command line and the interface each open an
//! [`App`] once and ask it for what they need; neither knows the other,
//! nor how the store caches what it loads.

use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::Arc;

use dossier_core::lang::Lang;
use dossier_core::messages::messages;
use dossier_core::search::SearchIndex;
use dossier_core::{BodyError, Corpus, LoadError};

use crate::store::cache::Cache;
use crate::store::config::{self, Config};
use crate::store::dossiers::{self, Origin};
use crate::store::index::{self, LibraryIndex};
use crate::store::notes::{NotesStore, StoreError, location as notes_location};

pub mod notes;

pub mod revision;

/// The files the user named on the command line; each `None` takes the
/// default (see the README).
#[derive(Debug, Clone, Default)]
pub struct Paths {
    pub dossiers: Option<PathBuf>,
    pub config: Option<PathBuf>,
    pub notes: Option<PathBuf>,
}

/// Why the application could not start.
#[derive(Debug, thiserror::Error)]
pub enum OpenError {
    #[error(transparent)]
    Config(#[from] LoadError),
    #[error("{0}: not a folder: no such dossier folder")]
    NoFolder(String),
    #[error("{0}: not a folder")]
    NotAFolder(String),
}

/// Configuration, origin and, once asked for, the corpus.
pub struct App {
    config: Config,
    warnings: Vec<LoadError>,
    origin: Origin,
    notes: Option<PathBuf>,
    /// The user's cache, unless turned off (see [`crate::store::cache`]).
    cache: Option<Cache>,
    corpus: Option<Arc<Corpus>>,
    /// What was taken from the current folder by default, not named:
    /// `./dossiers`, `./config.toml`.
    local: Vec<&'static str>,
}

impl App {
    /// Reads the configuration and settles where the dossiers come from.
    /// A dossier folder named that does not exist is an error, not an
    /// empty library.
    pub fn open(paths: &Paths) -> Result<App, OpenError> {
        let loaded = config::load(paths.config.as_deref())?;
        let origin = dossiers::choose(paths.dossiers.as_deref());
        if let Origin::Folder(dir) = &origin {
            let shown = || dossier_core::text::sanitize_line(&dir.display().to_string());
            match std::fs::metadata(dir) {
                Err(_) => return Err(OpenError::NoFolder(shown())),
                Ok(m) if !m.is_dir() => return Err(OpenError::NotAFolder(shown())),
                Ok(_) => {}
            }
        }
        let mut local = Vec::new();
        if paths.dossiers.is_none() && !matches!(origin, Origin::BuiltIn) {
            local.push("./dossiers");
        }
        if paths.config.is_none() && loaded.config.file.as_deref() == Some(Path::new("config.toml"))
        {
            local.push("./config.toml");
        }
        Ok(App {
            local,
            config: loaded.config,
            warnings: loaded.warnings,
            origin,
            notes: paths.notes.clone(),
            cache: Cache::user(),
            corpus: None,
        })
    }

    pub fn config(&self) -> &Config {
        &self.config
    }

    /// The language of every text shown: `language` in `config.toml`.
    pub fn lang(&self) -> Lang {
        self.config.language
    }

    /// What is amiss in the configuration, short of an error.
    pub fn warnings(&self) -> &[LoadError] {
        &self.warnings
    }

    pub fn origin(&self) -> &Origin {
        &self.origin
    }

    /// When `./dossiers` or `./config.toml` of the current folder is used
    /// in place of the user's own (built-in letter and library, config
    /// folder), what to tell the user, in `lang`; else `None`.
    pub fn local_notice(&self, lang: Lang) -> Option<String> {
        if self.local.is_empty() {
            return None;
        }
        let what = self.local.join(" + ");
        Some((messages(lang).shared.local_notice)(&what))
    }

    /// The corpus, loaded on the first call with every body held: what the
    /// commands read. Problems in dossier files are in its `errors`; the
    /// good files still serve.
    pub fn corpus(&mut self) -> Arc<Corpus> {
        self.load(false, |_| ())
    }

    /// The corpus for reading in the interface: loaded on the first call,
    /// bodies read when first shown where the cache allows (the interface
    /// reads a few dossiers of what may be thousands). While a folder loads,
    /// `notice` is called with it and what it returns is kept until the
    /// load is done: a guard that announces a long load and takes the
    /// announcement away when dropped.
    pub fn corpus_for_reading<G>(&mut self, notice: impl FnOnce(&Path) -> G) -> Arc<Corpus> {
        self.load(true, notice)
    }

    fn load<G>(&mut self, lazy: bool, notice: impl FnOnce(&Path) -> G) -> Arc<Corpus> {
        if let Some(c) = &self.corpus {
            return Arc::clone(c);
        }
        let guard = match &self.origin {
            Origin::Folder(dir) | Origin::FolderAndLibrary(dir) => Some(notice(dir)),
            Origin::BuiltIn => None,
        };
        let max = self.config.max_file_size;
        let corpus = match (&self.origin, &self.cache) {
            (Origin::Folder(dir), Some(cache)) => cache.corpus_served(dir, max, lazy).0,
            (Origin::Folder(dir), None) => dossiers::load_dir(dir, max),
            (Origin::FolderAndLibrary(dir), _) => dossiers::load_dir_and_library(dir, max),
            (Origin::BuiltIn, Some(cache)) => match crate::store::paths::user_library_dir() {
                Some(library) if library.is_dir() => {
                    cache.built_in_and_library(&library, max, lazy).0
                }
                // The built-in letter alone loads faster than a cache.
                _ => dossiers::load_built_in_and_library(max),
            },
            (Origin::BuiltIn, None) => dossiers::load_built_in_and_library(max),
        };
        drop(guard);
        let corpus = Arc::new(corpus);
        self.corpus = Some(Arc::clone(&corpus));
        corpus
    }

    /// The notes store: `--notes`, else `notes` in the configuration, else
    /// the user's data folder.
    pub fn notes(&self) -> Result<NotesStore, StoreError> {
        NotesStore::open(notes_location(self.notes.as_deref(), &self.config)?)
    }

    /// The notes service on the store of [`App::notes`].
    pub fn notes_service(&self) -> Result<notes::NotesService, StoreError> {
        self.notes().map(notes::NotesService::new)
    }

    /// The author written into new notes.
    pub fn author(&self) -> String {
        self.config.author()
    }

    /// Makes the passage index of the corpus loaded (see [`App::corpus`]),
    /// built in memory on another thread: the finder's fallback when the
    /// library's index cannot be opened. The nodes whose text could not be
    /// read to build it come with it, to be reported: search leaves them
    /// out.
    pub fn index_maker(
        &mut self,
    ) -> impl FnOnce() -> (SearchIndex, Vec<BodyError>) + Send + 'static {
        let corpus = self.corpus();
        move || SearchIndex::build_reporting(&corpus)
    }

    /// The library's search index, brought up to date with the files it
    /// is read from: opened from the user's cache without reading a dossier
    /// file when their stamps match, else updated for the files that
    /// changed (and the corpus loaded for that). Without a cache, or when
    /// the cached index cannot be written, an index in memory.
    pub fn library_index(&mut self) -> Result<LibraryIndex, index::engine::Error> {
        let origin = self.origin.clone();
        let max = self.config.max_file_size;
        index::open(&origin, max, &mut || self.corpus())
    }
}

/// Hands a large value to the process's exit instead of dropping it: the
/// program ends right after, and freeing a corpus of thousands of dossiers
/// piece by piece costs more than loading it from the cache (0.4 s of 2.4 s
/// for 20,000 dossiers). The operating system reclaims it at once.
pub fn leave_to_exit<T>(value: T) {
    std::mem::forget(value);
}

/// Reports bad usage: a message on standard error and exit status 2.
pub fn usage(message: &str) -> ExitCode {
    use std::io::Write;
    let _ = writeln!(std::io::stderr(), "dossier: {message}");
    ExitCode::from(2)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_dossier_folder_that_is_not_there_is_an_error() {
        let dir = tempfile::tempdir().unwrap();
        let missing = dir.path().join("nergens");
        std::fs::write(dir.path().join("config.toml"), "").unwrap();
        let paths = |d: &Path| Paths {
            dossiers: Some(d.to_path_buf()),
            config: Some(dir.path().join("config.toml")),
            notes: None,
        };
        let e = App::open(&paths(&missing)).err().unwrap().to_string();
        assert!(
            e.contains("nergens: not a folder: no such dossier folder"),
            "{e}"
        );
        let file = dir.path().join("een-bestand");
        std::fs::write(&file, "").unwrap();
        let e = App::open(&paths(&file)).err().unwrap().to_string();
        assert!(e.ends_with("een-bestand: not a folder"), "{e}");
    }

    #[test]
    fn the_corpus_is_loaded_once_and_the_notice_is_kept_while_a_folder_loads() {
        let tmp = tempfile::tempdir().unwrap();
        let dir = tmp.path().join("dossiers");
        std::fs::create_dir(&dir).unwrap();
        std::fs::write(
            dir.join("d.toml"),
            "[dossier]\nid = \"d\"\nkind = \"letter\"\ntitle = \"D\"\ntext = \"Tekst.\"\n\
             [letter]\ndate = \"2025-12-17\"\nreference = \"1\"\n",
        )
        .unwrap();
        std::fs::write(tmp.path().join("config.toml"), "").unwrap();
        let mut app = App::open(&Paths {
            dossiers: Some(dir.clone()),
            config: Some(tmp.path().join("config.toml")),
            notes: Some(tmp.path().join("notes")),
        })
        .unwrap();
        // Tests leave the user's cache alone.
        app.cache = None;
        let mut announced = Vec::new();
        let c = app.corpus_for_reading(|d| announced.push(d.to_path_buf()));
        assert_eq!(announced, [dir]);
        assert!(c.get("d").is_some(), "{:?}", c.errors);
        // Asked again, the same corpus, and no second load.
        assert!(Arc::ptr_eq(&c, &app.corpus()));
        let index = LibraryIndex::in_ram(index::Loaded {
            units: index::units::of(&c).0,
            warnings: Vec::new(),
        })
        .unwrap();
        let hits = index.search(&index::query::parse("tekst"), 5).unwrap();
        assert_eq!(hits.len(), 1);
        assert_eq!(app.notes().unwrap().dir(), tmp.path().join("notes"));
    }
}
