//! Where files live by default, following each platform's conventions
//! (XDG on Linux).

use std::path::PathBuf;

use etcetera::BaseStrategy;

const APP: &str = "dossier";

fn strategy() -> Option<impl BaseStrategy> {
    etcetera::choose_base_strategy().ok()
}

/// `~/.config/dossier/config.toml` on Linux.
pub fn user_config_file() -> Option<PathBuf> {
    strategy().map(|s| s.config_dir().join(APP).join("config.toml"))
}

/// `~/.local/share/dossier` on Linux: the default home of the notes.
pub fn user_data_dir() -> Option<PathBuf> {
    strategy().map(|s| s.data_dir().join(APP))
}

/// `~/.cache/dossier` on Linux.
pub fn user_cache_dir() -> Option<PathBuf> {
    strategy().map(|s| s.cache_dir().join(APP))
}
