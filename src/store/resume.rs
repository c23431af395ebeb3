//! Where the reader was when the interface closed, per library, so the
//! next start reopens it: `~/.local/state/dossier/resume.toml` on Linux.
//! Best effort: a file that cannot be read or written costs the place, never
//! the start.

use std::collections::BTreeMap;
use std::io::Write;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

/// The place in a library: the node, and the text at the top of the view
/// (a paragraph and a character in it, which survive a new width), with
/// the line as a fallback for what has no paragraph.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Place {
    pub node: String,
    #[serde(default)]
    pub paragraph: Option<usize>,
    #[serde(default)]
    pub char: usize,
    #[serde(default)]
    pub line: usize,
}

#[derive(Debug, Default, Serialize, Deserialize)]
struct File {
    #[serde(default)]
    places: BTreeMap<String, Place>,
}

/// The resume file of one user.
#[derive(Debug, Clone)]
pub struct Resume {
    path: PathBuf,
}

/// A file this size is not ours: it is not read.
const MAX_BYTES: u64 = 1 << 20;

impl Resume {
    /// In the user's state folder; `None` where there is none.
    pub fn for_user() -> Option<Resume> {
        super::paths::user_state_dir().map(|d| Resume::at(d.join("resume.toml")))
    }

    pub fn at(path: PathBuf) -> Resume {
        Resume { path }
    }

    fn read(&self) -> File {
        super::regular::read_capped(&self.path, MAX_BYTES)
            .ok()
            .and_then(|b| String::from_utf8(b).ok())
            .and_then(|t| toml::from_str(&t).ok())
            .unwrap_or_default()
    }

    /// The place kept for `library`, if any.
    pub fn load(&self, library: &str) -> Option<Place> {
        self.read().places.remove(library)
    }

    /// Keeps `place` for `library`, beside the other libraries' places.
    pub fn save(&self, library: &str, place: Place) -> std::io::Result<()> {
        let mut file = self.read();
        file.places.insert(library.to_string(), place);
        let text = toml::to_string(&file).map_err(std::io::Error::other)?;
        let dir = self.path.parent().unwrap_or(Path::new("."));
        std::fs::create_dir_all(dir)?;
        // Whole or not at all: a crash mid-write leaves the old file.
        let mut tmp = tempfile::Builder::new()
            .prefix(".resume")
            .tempfile_in(dir)?;
        tmp.write_all(text.as_bytes())?;
        tmp.persist(&self.path).map_err(|e| e.error)?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn place(node: &str, paragraph: usize) -> Place {
        Place {
            node: node.into(),
            paragraph: Some(paragraph),
            char: 3,
            line: 7,
        }
    }

    #[test]
    fn each_library_keeps_its_own_place() {
        let dir = tempfile::tempdir().unwrap();
        let r = Resume::at(dir.path().join("state").join("resume.toml"));
        assert_eq!(r.load("built-in"), None);
        r.save("built-in", place("ebsp", 2)).unwrap();
        r.save("/srv/bieb", place("c7", 1)).unwrap();
        r.save("built-in", place("marokko", 4)).unwrap();
        assert_eq!(r.load("built-in"), Some(place("marokko", 4)));
        assert_eq!(r.load("/srv/bieb"), Some(place("c7", 1)));
    }

    #[test]
    fn a_broken_file_costs_the_place_not_the_start() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("resume.toml");
        std::fs::write(&path, "places = 3\n\u{0}").unwrap();
        let r = Resume::at(path);
        assert_eq!(r.load("built-in"), None);
        r.save("built-in", place("ebsp", 0)).unwrap();
        assert_eq!(r.load("built-in"), Some(place("ebsp", 0)));
    }
}
