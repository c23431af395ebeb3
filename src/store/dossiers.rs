//! Loading dossiers from a folder, or from the copy built into the binary.

use std::collections::BTreeMap;
use std::fs;
use std::io::Read;
use std::path::{Path, PathBuf};

use dossier_core::load::{self, Resolver, SourceFile};
use dossier_core::{Corpus, LoadError};

/// Files larger than this are refused unless the configuration says otherwise.
pub const DEFAULT_MAX_FILE_SIZE: u64 = 8 * 1024 * 1024;

// The dossiers shipped with the program, for when there is no folder.
include!(concat!(env!("OUT_DIR"), "/built_in.rs"));

/// Where the dossiers come from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Origin {
    Folder(PathBuf),
    /// `./dossiers`, chosen by default, with the user's library beside it.
    FolderAndLibrary(PathBuf),
    BuiltIn,
}

impl std::fmt::Display for Origin {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Origin::Folder(p) => write!(f, "{}", p.display()),
            Origin::FolderAndLibrary(p) => write!(f, "{} and the library", p.display()),
            Origin::BuiltIn => f.write_str("built-in dossiers and the library"),
        }
    }
}

/// `--dossiers DIR` if given, else `./dossiers` where it exists, else the
/// built-in dossiers.
pub fn choose(explicit: Option<&Path>) -> Origin {
    match explicit {
        Some(p) => Origin::Folder(p.to_path_buf()),
        // The documents the user imported load with the default folder, as
        // with the built-in dossiers.
        None if Path::new("dossiers").is_dir() => {
            let dir = PathBuf::from("dossiers");
            let library = super::paths::user_library_dir().filter(|d| d.is_dir());
            if library.is_some() {
                Origin::FolderAndLibrary(dir)
            } else {
                Origin::Folder(dir)
            }
        }
        None => Origin::BuiltIn,
    }
}

/// The built-in dossiers together with the documents imported into the
/// user's library folder, where there is one (see [`with_library`]).
pub fn load_built_in_and_library(max_file_size: u64) -> Corpus {
    with_library(built_in_files(), Vec::new(), None, max_file_size)
}

/// A folder of dossiers chosen by default (`./dossiers`) together with the
/// user's library, as the built-in dossiers are.
pub fn load_dir_and_library(dir: &Path, max_file_size: u64) -> Corpus {
    let (files, errors) = read_dir_files(dir, max_file_size);
    with_library(files, errors, Some(dir.to_path_buf()), max_file_size)
}

/// `base` and the library's files, loaded together. The import names a
/// file after its document's id: a library file named as a file of `base`,
/// or after the id or an earlier id of one of its dossiers (the bundled
/// letter imported from its PDF text is `kamerbrief-7010422`), is that
/// document again and is left out — the copy notes were made on stays.
/// `dir` is where `base`'s `file = "…"` references are read.
fn with_library(
    files: Vec<SourceFile>,
    mut errors: Vec<LoadError>,
    dir: Option<PathBuf>,
    max_file_size: u64,
) -> Corpus {
    let resolver = |dir: Option<PathBuf>| -> Box<dyn Resolver> {
        match dir {
            Some(dir) => Box::new(FolderResolver { dir, max_file_size }),
            None => Box::new(load::NoFiles),
        }
    };
    let Some(library) = super::paths::user_library_dir().filter(|d| d.is_dir()) else {
        let mut corpus = load::load_owned(files, &*resolver(dir));
        errors.append(&mut corpus.errors);
        corpus.errors = errors;
        return corpus;
    };
    let base = load::load(&files, &*resolver(dir.clone()));
    let taken = hiding(&base, &files);
    // What an interrupted import left is removed here too.
    super::library::sweep_if_idle(&library);
    let (listed, mut library_errors) = list_dir_files(&library);
    errors.append(&mut library_errors);
    let listed: std::collections::HashMap<String, PathBuf> = listed
        .into_iter()
        .filter(|(name, _)| !file_name(name).is_some_and(|n| taken.contains_key(&n)))
        .collect();
    // The library's files are read on the threads that build their nodes
    // (see `load_dir`): read here first, one after another, they were a
    // sixth of a start that reads 100,000 of them.
    let names: Vec<String> = files
        .iter()
        .map(|f| f.path.clone())
        .chain(listed.keys().cloned())
        .collect();
    let base: std::collections::HashMap<String, String> =
        files.into_iter().map(|f| (f.path, f.text)).collect();
    let read = |name: &str| match (base.get(name), listed.get(name)) {
        (Some(text), _) => Ok(text.clone()),
        (None, Some(path)) => read_capped(path, max_file_size).map_err(|e| read_error(name, e)),
        (None, None) => Err(LoadError::whole_file(
            name,
            "not a file of the dossier folder",
        )),
    };
    let mut corpus = load::load_paths(names, &read, &*resolver(dir));
    errors.append(&mut corpus.errors);
    corpus.errors = errors;
    corpus
}

fn file_name(path: &str) -> Option<String> {
    Path::new(path)
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
}

/// The library file names that `base` hides, each with the id of the
/// document that is shown instead: its root ids and their aliases as
/// `ID.toml`, and its own file names.
fn hiding(base: &Corpus, files: &[SourceFile]) -> BTreeMap<String, String> {
    let mut taken = BTreeMap::new();
    for node in base.roots.iter().map(|&r| base.node(r)) {
        for id in
            std::iter::once(node.id.to_string()).chain(node.aliases.iter().map(|a| a.to_string()))
        {
            taken.insert(format!("{id}.toml"), node.id.to_string());
        }
    }
    for f in files {
        if let Some(name) = file_name(&f.path) {
            let stem = name.trim_end_matches(".toml").to_string();
            taken.entry(name).or_insert(stem);
        }
    }
    taken
}

/// The library file names hidden when the library loads by default (with
/// `./dossiers` where it exists, else the built-in dossiers), each with
/// the id of the document shown instead, and whether they are those of
/// `./dossiers`; for `dossier import` to say so.
pub fn hidden_in_default_library(max_file_size: u64) -> (BTreeMap<String, String>, bool) {
    let dir = Path::new("dossiers");
    let (files, dir) = if dir.is_dir() {
        (
            read_dir_files(dir, max_file_size).0,
            Some(dir.to_path_buf()),
        )
    } else {
        (built_in_files(), None)
    };
    let from_folder = dir.is_some();
    let base = match dir {
        Some(dir) => load::load(&files, &FolderResolver { dir, max_file_size }),
        None => load::load(&files, &load::NoFiles),
    };
    (hiding(&base, &files), from_folder)
}

/// The built-in dossiers alone.
pub fn load_built_in() -> Corpus {
    load::load_owned(built_in_files(), &load::NoFiles)
}

fn built_in_files() -> Vec<SourceFile> {
    BUILT_IN
        .iter()
        .map(|(p, t)| SourceFile {
            path: (*p).into(),
            text: (*t).into(),
        })
        .collect()
}

/// Loads every `*.toml` file directly in `dir` (sorted by name). Unreadable,
/// oversized and non-UTF-8 files are reported in `Corpus::errors` and the
/// other files still load.
pub fn load_dir(dir: &Path, max_file_size: u64) -> Corpus {
    let (listed, mut errors) = list_dir_files(dir);
    let resolver = FolderResolver {
        dir: dir.to_path_buf(),
        max_file_size,
    };
    // Each file is read on the thread that builds its nodes (see
    // `load_paths`): a cold `check` of 10,000 dossiers peaks at 213 MB so,
    // at 292 MB with every text read here first.
    let names: Vec<String> = listed.iter().map(|(name, _)| name.clone()).collect();
    let paths: std::collections::HashMap<String, PathBuf> = listed.into_iter().collect();
    let read = |name: &str| match paths.get(name) {
        Some(path) => read_capped(path, max_file_size).map_err(|e| read_error(name, e)),
        None => Err(LoadError::whole_file(
            name,
            "not a file of the dossier folder",
        )),
    };
    let mut corpus = load::load_paths(names, &read, &resolver);
    errors.append(&mut corpus.errors);
    corpus.errors = errors;
    corpus
}

/// Loads some dossier files alone, each named by its path as the loader
/// names it: what an index update reads of a library whose other files
/// did not change. A file's `file = "…"` references are read beside it.
pub fn load_files(names: &[String], max_file_size: u64) -> Corpus {
    let dir = names
        .first()
        .and_then(|n| Path::new(n).parent())
        .map(Path::to_path_buf)
        .unwrap_or_default();
    let resolver = FolderResolver { dir, max_file_size };
    let read =
        |name: &str| read_capped(Path::new(name), max_file_size).map_err(|e| read_error(name, e));
    load::load_paths(names.to_vec(), &read, &resolver)
}

/// The corpus of an origin, every body held.
pub fn load_origin(origin: &Origin, max_file_size: u64) -> Corpus {
    match origin {
        Origin::Folder(dir) => load_dir(dir, max_file_size),
        Origin::FolderAndLibrary(dir) => load_dir_and_library(dir, max_file_size),
        Origin::BuiltIn => load_built_in_and_library(max_file_size),
    }
}

/// Reads the dossier files of a folder, as the loader wants them.
pub fn read_dir_files(dir: &Path, max_file_size: u64) -> (Vec<SourceFile>, Vec<LoadError>) {
    let (listed, mut errors) = list_dir_files(dir);
    let mut files = Vec::new();
    for (name, path) in listed {
        match read_capped(&path, max_file_size) {
            Ok(text) => files.push(SourceFile { path: name, text }),
            Err(e) => errors.push(read_error(&name, e)),
        }
    }
    (files, errors)
}

/// A file that could not be read, as a problem of that file.
fn read_error(name: &str, (message, position): ReadError) -> LoadError {
    LoadError {
        file: name.to_string(),
        position,
        message,
    }
}

/// The dossier files of a folder that may be read, each with the name the
/// loader shows (sorted by name); the others are reported.
fn list_dir_files(dir: &Path) -> (Vec<(String, PathBuf)>, Vec<LoadError>) {
    let mut files = Vec::new();
    let mut errors = Vec::new();
    let shown = |p: &Path| p.display().to_string();
    let entries = match fs::read_dir(dir) {
        Ok(e) => e,
        Err(e) => {
            errors.push(LoadError::whole_file(
                shown(dir),
                format!("cannot read the dossier folder: {e}"),
            ));
            return (files, errors);
        }
    };
    // Whether each is a symbolic link, from the folder's listing: only
    // those are resolved (a path resolved per file was a tenth of a start
    // that reads 100,000 of them).
    let mut paths: Vec<(PathBuf, bool)> = entries
        .filter_map(|e| {
            let e = e.ok()?;
            let link = e.file_type().map_or(true, |t| t.is_symlink());
            Some((e.path(), link))
        })
        .filter(|(p, _)| p.extension().is_some_and(|x| x == "toml"))
        .collect();
    paths.sort();
    // A dossier file that is a symbolic link must stay inside the folder,
    // as `file = "…"` references must.
    let root = dir.canonicalize().ok();
    for (path, link) in paths {
        let name = shown(&path);
        if !valid_file_name(&path) {
            errors.push(LoadError::whole_file(
                name,
                "not a valid dossier file name: use lower-case letters, digits, `-` and `_` before `.toml`",
            ));
            continue;
        }
        if link
            && let (Some(root), Ok(real)) = (&root, path.canonicalize())
            && !real.starts_with(root)
        {
            errors.push(LoadError::whole_file(
                name,
                "the file leads outside the dossier folder (through a symbolic link)",
            ));
            continue;
        }
        files.push((name, path));
    }
    (files, errors)
}

type ReadError = (String, Option<dossier_core::Position>);

/// A dossier file's name follows the id rule: lower-case letters, digits,
/// `-` and `_`, then `.toml`. Names with `$`, spaces, quotes or controls
/// are refused, so no id or message is made from one.
pub(crate) fn valid_file_name(path: &Path) -> bool {
    let Some(stem) = path
        .file_name()
        .and_then(|n| n.to_str()?.strip_suffix(".toml"))
    else {
        return false;
    };
    !stem.is_empty()
        && !stem.starts_with('-')
        && stem
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || matches!(c, '-' | '_'))
}

/// Reads a UTF-8 file of at most `cap` bytes, without reading more than that
/// into memory.
fn read_capped(path: &Path, cap: u64) -> Result<String, ReadError> {
    let file = super::regular::open(path).map_err(|e| (format!("cannot open: {e}"), None))?;
    let meta = file
        .metadata()
        .map_err(|e| (format!("cannot read: {e}"), None))?;
    if !meta.is_file() {
        return Err(("not a regular file".into(), None));
    }
    if meta.len() > cap {
        return Err((
            format!(
                "the file is {} bytes, over the limit of {cap} bytes (max_file_size in config.toml)",
                meta.len()
            ),
            None,
        ));
    }
    let mut bytes = Vec::new();
    file.take(cap + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| (format!("cannot read: {e}"), None))?;
    if bytes.len() as u64 > cap {
        return Err((
            format!("the file grew past the limit of {cap} bytes while being read"),
            None,
        ));
    }
    String::from_utf8(bytes).map_err(|e| {
        let valid = e.utf8_error().valid_up_to();
        let before = String::from_utf8_lossy(&e.as_bytes()[..valid]).into_owned();
        let pos = dossier_core::Position::of_offset(&before, valid);
        (
            format!("the file is not UTF-8 text (invalid byte at offset {valid})"),
            Some(pos),
        )
    })
}

/// Reads `file = "…"` references, refusing anything that resolves outside
/// the dossier folder (symbolic links included).
struct FolderResolver {
    dir: PathBuf,
    max_file_size: u64,
}

impl Resolver for FolderResolver {
    fn read(&self, rel: &str) -> Result<String, String> {
        let root = self
            .dir
            .canonicalize()
            .map_err(|e| format!("cannot resolve the dossier folder: {e}"))?;
        let full = self
            .dir
            .join(rel)
            .canonicalize()
            .map_err(|e| format!("cannot open `{rel}`: {e}"))?;
        if !full.starts_with(&root) {
            return Err(format!(
                "`{rel}` leads outside the dossier folder (through a symbolic link)"
            ));
        }
        read_capped(&full, self.max_file_size).map_err(|(m, _)| format!("`{rel}`: {m}"))
    }
}

/// The bundled dossiers with the library fixtures beside them (Kamerstuk
/// 32317-978 and motie 21501-04-287, `tests/fixtures/library`), for the
/// interface's tests.
#[cfg(test)]
pub(crate) fn load_library_fixture() -> Corpus {
    let mut files = Vec::new();
    for folder in ["dossiers", "tests/fixtures/library"] {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join(folder);
        let (mut found, errors) = read_dir_files(&dir, DEFAULT_MAX_FILE_SIZE);
        assert!(errors.is_empty(), "{errors:?}");
        files.append(&mut found);
    }
    let corpus = load::load_owned(files, &load::NoFiles);
    assert!(corpus.errors.is_empty(), "{:?}", corpus.errors);
    corpus
}

/// A digest of the built-in dossiers' files: what an index of them is
/// checked against.
pub fn built_in_stamp() -> String {
    use std::hash::{Hash, Hasher};
    let mut h = std::collections::hash_map::DefaultHasher::new();
    BUILT_IN.hash(&mut h);
    format!("{:016x}", h.finish())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_built_in_dossiers_load_cleanly() {
        let c = load_built_in();
        assert!(c.errors.is_empty(), "{:?}", c.errors);
        assert!(c.get("ebsp").is_some());
    }

    #[test]
    fn oversized_and_non_utf8_files_are_refused_and_others_load() {
        let dir = tempfile::tempdir().unwrap();
        fs::write(dir.path().join("big.toml"), "x".repeat(200)).unwrap();
        fs::write(dir.path().join("bin.toml"), b"a = \"\xff\xfe\"").unwrap();
        fs::write(dir.path().join("refs.toml"), "[[reference]]\nid = \"k\"\ntitle = \"K\"\nkind = \"motie\"\ndossier_number = \"1\"\nnumber = \"2\"\n").unwrap();
        let c = load_dir(dir.path(), 100);
        let errs: Vec<String> = c.errors.iter().map(|e| e.to_string()).collect();
        assert_eq!(errs.len(), 2, "{errs:?}");
        assert!(
            errs[0].contains("big.toml: the file is 200 bytes, over the limit"),
            "{errs:?}"
        );
        assert!(
            errs[1].contains("bin.toml:1:6: the file is not UTF-8"),
            "{errs:?}"
        );
        assert!(c.get("k").is_some());
    }

    #[test]
    fn file_names_outside_the_id_rule_are_refused_by_name() {
        let dir = tempfile::tempdir().unwrap();
        let refs = "[[reference]]\nid = \"k\"\ntitle = \"K\"\nkind = \"motie\"\ndossier_number = \"1\"\nnumber = \"2\"\n";
        for name in [
            "a$b.toml",
            "Hoofd.toml",
            "met spatie.toml",
            "-x.toml",
            ".toml",
        ] {
            fs::write(dir.path().join(name), refs).unwrap();
        }
        fs::write(dir.path().join("goed_1-2.toml"), refs).unwrap();
        let c = load_dir(dir.path(), 10_000);
        let errs: Vec<String> = c.errors.iter().map(|e| e.to_string()).collect();
        // `.toml` has no extension to Rust's eyes: it is not listed at all.
        assert_eq!(errs.len(), 4, "{errs:?}");
        assert!(
            errs.iter()
                .all(|e| e.contains("not a valid dossier file name")),
            "{errs:?}"
        );
        assert!(errs.iter().any(|e| e.contains("a$b.toml")), "{errs:?}");
        assert!(c.get("k").is_some());
    }

    #[cfg(unix)]
    #[test]
    fn symlinks_out_of_the_folder_are_refused() {
        let outside = tempfile::tempdir().unwrap();
        fs::write(outside.path().join("secret.txt"), "geheim").unwrap();
        let dir = tempfile::tempdir().unwrap();
        std::os::unix::fs::symlink(
            outside.path().join("secret.txt"),
            dir.path().join("link.txt"),
        )
        .unwrap();
        fs::write(dir.path().join("brief.toml"), "[dossier]\nid = \"b\"\nkind = \"letter\"\ntitle = \"B\"\nfile = \"link.txt\"\n[letter]\ndate = \"2025-12-17\"\nreference = \"1\"\n").unwrap();
        let c = load_dir(dir.path(), 1000);
        assert_eq!(c.errors.len(), 1);
        assert!(
            c.errors[0]
                .to_string()
                .contains("brief.toml:5:8: `link.txt` leads outside the dossier folder"),
            "{}",
            c.errors[0]
        );
    }
}
