//! `config.toml`: read with the same rigour as dossiers. Bad values are
//! errors with FILE:LINE:COL; unknown keys are warnings that name the key,
//! so a typo never silently changes nothing.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use dossier_core::LoadError;
use dossier_core::lang::Lang;
use serde::Deserialize;
use toml::Spanned;

use super::dossiers::DEFAULT_MAX_FILE_SIZE;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Default)]
#[serde(rename_all = "kebab-case")]
pub enum ThemeName {
    #[default]
    Default,
    HighContrast,
}

/// One key or several for an action in `[keys]`.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(untagged)]
pub enum KeyList {
    One(String),
    Many(Vec<String>),
}

/// An entry of `[keys]`: the keys of a reading action, or a table of the
/// keys of a screen with its own keys (`[keys.editor]`).
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(untagged)]
pub enum KeyEntry {
    Keys(KeyList),
    Mode(BTreeMap<String, KeyList>),
}

impl KeyList {
    pub fn keys(&self) -> Vec<&str> {
        match self {
            KeyList::One(k) => vec![k.as_str()],
            KeyList::Many(ks) => ks.iter().map(String::as_str).collect(),
        }
    }
}

/// The configuration as read; every field has a default.
#[derive(Debug, Clone, Deserialize)]
#[serde(default)]
pub struct Config {
    pub language: Lang,
    /// Written into each new annotation; empty means the login name.
    pub author: String,
    /// Where annotations are stored; empty means the user's data directory.
    pub notes: String,
    pub max_file_size: u64,
    pub mouse: bool,
    pub theme: ThemeName,
    /// Colour overrides by role, e.g. `accent = "cyan"`.
    pub colors: BTreeMap<String, Spanned<String>>,
    /// Key bindings by action name, e.g. `quit = ["q", "ctrl-c"]`, and
    /// by screen (`[keys.editor]`).
    pub keys: BTreeMap<String, Spanned<KeyEntry>>,
    /// The file this came from, for messages; `None` for built-in defaults.
    #[serde(skip)]
    pub file: Option<PathBuf>,
    /// The text of that file, to turn spans into line and column.
    #[serde(skip)]
    pub text: String,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            language: Lang::Nl,
            author: String::new(),
            notes: String::new(),
            max_file_size: DEFAULT_MAX_FILE_SIZE,
            mouse: true,
            theme: ThemeName::Default,
            colors: BTreeMap::new(),
            keys: BTreeMap::new(),
            file: None,
            text: String::new(),
        }
    }
}

const KNOWN_KEYS: &[&str] = &[
    "language",
    "author",
    "notes",
    "max_file_size",
    "mouse",
    "theme",
    "colors",
    "keys",
];

impl Config {
    /// The author to record: `author` if set, else the account's full
    /// name, else its login (`?` where the system knows neither).
    pub fn author(&self) -> String {
        if !self.author.trim().is_empty() {
            return self.author.trim().to_string();
        }
        super::account::name().unwrap_or_else(|| "?".into())
    }

    /// A position in the config file, for messages about one of its values.
    pub fn error_at(&self, offset: usize, message: impl Into<String>) -> LoadError {
        let file = self
            .file
            .as_ref()
            .map_or_else(|| "config.toml".into(), |p| p.display().to_string());
        LoadError::at(file, &self.text, offset, message)
    }
}

/// A loaded configuration and the warnings about it.
pub struct Loaded {
    pub config: Config,
    pub warnings: Vec<LoadError>,
}

/// `--config FILE` if given (it must exist), else `./config.toml`, else the
/// user's config file, else the defaults.
pub fn load(explicit: Option<&Path>) -> Result<Loaded, LoadError> {
    let candidates: Vec<PathBuf> = match explicit {
        Some(p) => return load_file(p),
        None => [
            Some(PathBuf::from("config.toml")),
            super::paths::user_config_file(),
        ]
        .into_iter()
        .flatten()
        .collect(),
    };
    match candidates.into_iter().find(|p| p.is_file()) {
        Some(p) => load_file(&p),
        None => Ok(Loaded {
            config: Config::default(),
            warnings: Vec::new(),
        }),
    }
}

pub fn load_file(path: &Path) -> Result<Loaded, LoadError> {
    let name = path.display().to_string();
    let bytes = super::regular::read_capped(path, DEFAULT_MAX_FILE_SIZE)
        .map_err(|e| LoadError::whole_file(&name, format!("cannot read the configuration: {e}")))?;
    let text = String::from_utf8(bytes)
        .map_err(|_| LoadError::whole_file(&name, "the configuration is not UTF-8 text"))?;
    parse(&name, &text).map(|mut l| {
        l.config.file = Some(path.to_path_buf());
        l
    })
}

/// Parses configuration text; `name` is used in messages.
pub fn parse(name: &str, text: &str) -> Result<Loaded, LoadError> {
    let mut config: Config = toml::from_str(text).map_err(|e| {
        LoadError::at(
            name,
            text,
            e.span().map_or(0, |s| s.start),
            e.message().trim().to_string(),
        )
    })?;
    config.text = text.to_string();
    config.file = Some(PathBuf::from(name));
    let mut warnings = Vec::new();
    if let Ok(table) = text.parse::<toml::Table>() {
        for key in table.keys().filter(|k| !KNOWN_KEYS.contains(&k.as_str())) {
            let offset = find_key(text, key).unwrap_or(0);
            warnings.push(LoadError::at(
                name,
                text,
                offset,
                format!(
                    "unknown key `{key}` is ignored (known keys: {})",
                    KNOWN_KEYS.join(", ")
                ),
            ));
        }
    }
    check_colors(name, text, &config)?;
    if config.max_file_size == 0 {
        return Err(LoadError::at(
            name,
            text,
            find_key(text, "max_file_size").unwrap_or(0),
            "max_file_size must be more than 0",
        ));
    }
    Ok(Loaded { config, warnings })
}

/// The roles `[colors]` may set.
pub const COLOR_ROLES: &[&str] = &[
    "accent",
    "selection",
    "highlight",
    "link",
    "muted",
    "error",
    "note",
];

/// Every `[colors]` key names a role and every value a colour, checked
/// here for every command, not only where the interface draws with them.
fn check_colors(name: &str, text: &str, config: &Config) -> Result<(), LoadError> {
    for (role, value) in &config.colors {
        if !COLOR_ROLES.contains(&role.as_str()) {
            let offset = colors_key(text, role).unwrap_or(value.span().start);
            return Err(LoadError::at(
                name,
                text,
                offset,
                format!(
                    "unknown colour role `{role}` in [colors]: {}",
                    COLOR_ROLES.join(", ")
                ),
            ));
        }
        if !is_colour(value.get_ref()) {
            return Err(LoadError::at(
                name,
                text,
                value.span().start,
                format!(
                    "`{}` is not a colour: use a name such as cyan or light-red, a number 0-255, or #rrggbb",
                    value.get_ref()
                ),
            ));
        }
    }
    Ok(())
}

/// Where `key` starts in the `[colors]` table, else anywhere it starts a line.
fn colors_key(text: &str, key: &str) -> Option<usize> {
    let table = text.find("[colors]").unwrap_or(0);
    find_key(&text[table..], key).map(|o| table + o)
}

/// A colour as the interface reads it: a terminal colour's name (`-`, `_`
/// and spaces ignored, `bright` for `light`, `grey` for `gray`), an index
/// 0-255 or `#rrggbb`.
pub fn is_colour(value: &str) -> bool {
    const NAMES: &[&str] = &[
        "reset",
        "black",
        "red",
        "green",
        "yellow",
        "blue",
        "magenta",
        "cyan",
        "gray",
        "darkgray",
        "lightred",
        "lightgreen",
        "lightyellow",
        "lightblue",
        "lightmagenta",
        "lightcyan",
        "white",
        "lightblack",
        "lightwhite",
        "lightgray",
        "silver",
    ];
    let name = value
        .to_lowercase()
        .replace([' ', '-', '_'], "")
        .replace("bright", "light")
        .replace("grey", "gray");
    NAMES.contains(&name.as_str())
        || value.parse::<u8>().is_ok()
        || (value.len() == 7
            && value.starts_with('#')
            && value[1..].chars().all(|c| c.is_ascii_hexdigit()))
}

/// The offset of `key` where it starts a line, for pointing at it.
fn find_key(text: &str, key: &str) -> Option<usize> {
    find_key_from(text, 0, key)
}

/// Where `key = …` is written at or after `from`.
pub fn find_key_from(text: &str, from: usize, key: &str) -> Option<usize> {
    let mut offset = from;
    for line in text.get(from..)?.split_inclusive('\n') {
        let trimmed = line.trim_start();
        if let Some(rest) = trimmed.strip_prefix(key)
            && rest.trim_start().starts_with('=')
        {
            return Some(offset + line.len() - trimmed.len());
        }
        offset += line.len();
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_shipped_config_parses_without_warnings() {
        let text = include_str!("../../config.toml");
        let loaded = parse("config.toml", text).unwrap();
        assert!(loaded.warnings.is_empty(), "{:?}", loaded.warnings);
        assert_eq!(loaded.config.language, Lang::Nl);
    }

    #[test]
    fn bad_values_have_a_position() {
        let e = parse("c.toml", "author = \"x\"\nlanguage = \"fr\"\n")
            .err()
            .unwrap();
        assert!(
            e.to_string()
                .starts_with("c.toml:2:12: unknown variant `fr`"),
            "{e}"
        );
        let e = parse("c.toml", "mouse = 3\n").err().unwrap();
        assert!(e.to_string().starts_with("c.toml:1:9:"), "{e}");
    }

    #[test]
    fn unknown_keys_are_warned_by_name() {
        let l = parse("c.toml", "language = \"en\"\n  colour = \"red\"\n").unwrap();
        assert_eq!(l.config.language, Lang::En);
        assert_eq!(l.warnings.len(), 1);
        assert!(
            l.warnings[0]
                .to_string()
                .starts_with("c.toml:2:3: unknown key `colour` is ignored"),
            "{}",
            l.warnings[0]
        );
    }

    #[test]
    fn colours_and_their_roles_are_checked_with_their_line() {
        let ok = "[colors]\naccent = \"light-red\"\nlink = \"#00ff7F\"\nnote = \"208\"\nmuted = \"Bright Black\"\n";
        assert!(parse("c.toml", ok).is_ok());
        let e = parse("c.toml", "mouse = true\n[colors]\naccent = \"mauve-ish\"\n")
            .err()
            .unwrap();
        assert!(
            e.to_string()
                .starts_with("c.toml:3:10: `mauve-ish` is not a colour"),
            "{e}"
        );
        let e = parse("c.toml", "accentt = 1\n[colors]\n accentt = \"red\"\n")
            .err()
            .unwrap();
        assert!(
            e.to_string()
                .starts_with("c.toml:3:2: unknown colour role `accentt`"),
            "{e}"
        );
        for bad in ["#12345", "#gg0000", "256", "", "rood"] {
            assert!(!is_colour(bad), "{bad}");
        }
    }

    #[test]
    fn keys_take_one_or_many() {
        let l = parse("c.toml", "[keys]\nquit = \"x\"\nhelp = [\"?\", \"f1\"]\n").unwrap();
        let keys = |name: &str| match l.config.keys[name].get_ref() {
            KeyEntry::Keys(k) => k.keys().iter().map(|s| s.to_string()).collect::<Vec<_>>(),
            KeyEntry::Mode(_) => panic!("{name} is a table"),
        };
        assert_eq!(keys("quit"), vec!["x"]);
        assert_eq!(keys("help"), vec!["?", "f1"]);
    }
}
