//! The bundled dossiers, for tests of rules that want real text.

use crate::load::{NoFiles, SourceFile, load_owned};
use crate::model::Corpus;

/// Every `dossiers/*.toml` of the project, loaded; no errors allowed.
pub(crate) fn bundled() -> Corpus {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../dossiers");
    let mut paths: Vec<_> = std::fs::read_dir(&dir)
        .expect("the project's dossiers folder")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "toml"))
        .collect();
    paths.sort();
    let files = paths
        .into_iter()
        .map(|p| SourceFile {
            path: p.display().to_string(),
            text: std::fs::read_to_string(&p).expect("a readable dossier file"),
        })
        .collect();
    let c = load_owned(files, &NoFiles);
    assert!(c.errors.is_empty(), "{:?}", c.errors);
    c
}
