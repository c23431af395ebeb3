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

/// `~/.local/share/dossier/library` on Linux: where `dossier import` puts
/// documents, loaded together with the built-in ones.
pub fn user_library_dir() -> Option<PathBuf> {
    user_data_dir().map(|d| d.join("library"))
}

/// `~/.cache/dossier` on Linux.
pub fn user_cache_dir() -> Option<PathBuf> {
    strategy().map(|s| s.cache_dir().join(APP))
}

/// `~/.local/state/dossier` on Linux (the data folder where a platform has
/// no state folder): drafts and where the reader was.
pub fn user_state_dir() -> Option<PathBuf> {
    strategy().map(|s| s.state_dir().unwrap_or_else(|| s.data_dir()).join(APP))
}
