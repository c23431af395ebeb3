//! Colours by role. `NO_COLOR` turns colour off (modifiers such as bold and
//! reverse still carry meaning); `high-contrast` uses only the strongest.

use ratatui::style::{Color, Modifier, Style};

use crate::store::config::{Config, ThemeName};
use dossier_core::LoadError;

#[derive(Debug, Clone, PartialEq)]
pub struct Theme {
    pub accent: Style,
    pub selection: Style,
    pub highlight: Style,
    pub current_hit: Style,
    pub link: Style,
    pub link_selected: Style,
    pub muted: Style,
    pub error: Style,
    pub note: Style,
    pub title: Style,
}

impl Theme {
    pub fn plain() -> Theme {
        Theme {
            accent: Style::default().add_modifier(Modifier::BOLD),
            selection: Style::default().add_modifier(Modifier::REVERSED),
            highlight: Style::default().add_modifier(Modifier::UNDERLINED | Modifier::BOLD),
            current_hit: Style::default().add_modifier(Modifier::REVERSED | Modifier::BOLD),
            link: Style::default().add_modifier(Modifier::UNDERLINED),
            link_selected: Style::default().add_modifier(Modifier::REVERSED | Modifier::UNDERLINED),
            muted: Style::default().add_modifier(Modifier::DIM),
            error: Style::default().add_modifier(Modifier::BOLD),
            note: Style::default().add_modifier(Modifier::ITALIC | Modifier::UNDERLINED),
            title: Style::default().add_modifier(Modifier::BOLD),
        }
    }

    fn coloured(high_contrast: bool) -> Theme {
        let p = Theme::plain();
        if high_contrast {
            return Theme {
                accent: p.accent.fg(Color::White),
                selection: Style::default()
                    .fg(Color::Black)
                    .bg(Color::White)
                    .add_modifier(Modifier::BOLD),
                highlight: Style::default()
                    .fg(Color::Black)
                    .bg(Color::Yellow)
                    .add_modifier(Modifier::BOLD),
                current_hit: Style::default()
                    .fg(Color::Black)
                    .bg(Color::LightGreen)
                    .add_modifier(Modifier::BOLD),
                link: p.link.fg(Color::LightCyan).add_modifier(Modifier::BOLD),
                link_selected: Style::default()
                    .fg(Color::Black)
                    .bg(Color::LightCyan)
                    .add_modifier(Modifier::BOLD),
                muted: Style::default().fg(Color::White),
                error: p.error.fg(Color::LightRed),
                note: Style::default().fg(Color::Black).bg(Color::LightMagenta),
                title: p.title.fg(Color::White),
            };
        }
        Theme {
            accent: p.accent.fg(Color::Cyan),
            selection: Style::default().bg(Color::Blue).fg(Color::White),
            highlight: Style::default().bg(Color::Yellow).fg(Color::Black),
            current_hit: Style::default()
                .bg(Color::LightGreen)
                .fg(Color::Black)
                .add_modifier(Modifier::BOLD),
            link: p.link.fg(Color::Cyan),
            link_selected: Style::default().bg(Color::Cyan).fg(Color::Black),
            muted: Style::default().fg(Color::DarkGray),
            error: p.error.fg(Color::Red),
            note: Style::default().bg(Color::Magenta).fg(Color::White),
            title: p.title.fg(Color::LightYellow),
        }
    }

    /// The theme for this configuration; `no_color` is whether `NO_COLOR`
    /// is set. Bad colour names are errors with their position.
    pub fn from_config(config: &Config, no_color: bool) -> Result<Theme, LoadError> {
        if no_color {
            return Ok(Theme::plain());
        }
        let mut theme = Theme::coloured(config.theme == ThemeName::HighContrast);
        for (role, value) in &config.colors {
            let colour: Color = value.get_ref().parse().map_err(|_| {
                config.error_at(
                    value.span().start,
                    format!(
                        "`{}` is not a colour: use a name such as cyan or light-red, or #rrggbb",
                        value.get_ref()
                    ),
                )
            })?;
            let slot = match role.as_str() {
                "accent" => &mut theme.accent,
                "selection" => &mut theme.selection,
                "highlight" => &mut theme.highlight,
                "link" => &mut theme.link,
                "muted" => &mut theme.muted,
                "error" => &mut theme.error,
                "note" => &mut theme.note,
                _ => return Err(config.error_at(value.span().start, format!("unknown colour role `{role}`: accent, selection, highlight, link, muted, error, note"))),
            };
            *slot = if matches!(role.as_str(), "selection" | "highlight" | "note") {
                slot.bg(colour)
            } else {
                slot.fg(colour)
            };
        }
        Ok(theme)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::config;

    #[test]
    fn no_color_means_no_colours() {
        let t = Theme::from_config(&Config::default(), true).unwrap();
        assert_eq!(t.link.fg, None);
        assert_eq!(t.highlight.bg, None);
    }

    #[test]
    fn every_colour_the_config_accepts_the_theme_can_draw() {
        for name in [
            "reset",
            "Black",
            "dark-gray",
            "light_red",
            "Bright Blue",
            "grey",
            "silver",
            "lightblack",
            "light-white",
            "light gray",
            "0",
            "255",
            "#a0B0c0",
        ] {
            assert!(config::is_colour(name), "{name}");
            assert!(name.parse::<Color>().is_ok(), "{name}");
        }
    }

    #[test]
    fn colours_come_from_config_and_bad_ones_have_a_position() {
        let c = config::parse("c.toml", "[colors]\naccent = \"#ff0000\"\n")
            .unwrap()
            .config;
        assert_eq!(
            Theme::from_config(&c, false).unwrap().accent.fg,
            Some(Color::Rgb(255, 0, 0))
        );
        // A bad one is refused where the configuration is read.
        let e = config::parse("c.toml", "[colors]\naccent = \"mauve-ish\"\n")
            .err()
            .unwrap();
        assert!(e.to_string().starts_with("c.toml:2:10:"), "{e}");
    }
}
