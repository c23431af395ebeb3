//! The two languages the program speaks. What each says is its catalogue
//! in [`crate::messages`].

use serde::Deserialize;

/// The language of interface text, command output and exports
/// (`language` in `config.toml`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    #[default]
    Nl,
    En,
}

impl Lang {
    pub const ALL: [Lang; 2] = [Lang::Nl, Lang::En];
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_configuration_names_the_languages_in_lower_case() {
        #[derive(Deserialize)]
        struct C {
            language: Lang,
        }
        let c: C = toml::from_str("language = \"en\"").unwrap();
        assert_eq!(c.language, Lang::En);
        assert!(toml::from_str::<C>("language = \"fr\"").is_err());
    }
}
