//! Themes: every style the reader draws with, as one struct. `dark` and
//! `light` use the terminal's named colours (which terminals tune to their
//! background) with shades picked to stay legible on either; `no-color`
//! keeps emphasis with bold, underline and reverse only, and is chosen
//! whenever `NO_COLOR` is set.

use ratatui::style::{Color, Modifier, Style};

use crate::config::{ColorOverrides, ThemeConfig, ThemeName};
use crate::entities::EntityKind;

/// The styles of one theme.
#[derive(Clone, Debug, PartialEq)]
pub struct Theme {
    pub name: &'static str,
    /// Under everything: the config's text and background colours.
    pub base: Style,
    pub header: Style,
    pub footer: Style,
    pub key: Style,
    pub border: Style,
    pub border_focused: Style,
    pub selected: Style,
    pub selected_unfocused: Style,
    pub title: Style,
    pub heading: Style,
    pub meta: Style,
    pub dim: Style,
    /// Tables and lists kept as written: set apart, but quietly.
    pub preformatted: Style,
    pub badge: Style,
    pub unread: Style,
    pub group: Style,
    pub matched: Style,
    pub warning: Style,
    /// Mention highlight per kind, in [`EntityKind::ALL`] order.
    pub mention: [Style; 5],
    /// Mentions of the selected entity.
    pub mention_selected: Style,
}

impl Theme {
    /// Returns the theme called `name` ("dark", "light", "no-color").
    pub fn named(name: &str) -> Option<Theme> {
        match name {
            "dark" => Some(Self::dark()),
            "light" => Some(Self::light()),
            "no-color" | "none" | "mono" => Some(Self::no_color()),
            _ => None,
        }
    }

    /// Returns the theme to use: `no-color` when `NO_COLOR` is set to
    /// anything non-empty, else `name`, else light when the terminal says
    /// (through `COLORFGBG`) that its background is light, else dark.
    pub fn from_env(name: Option<&str>) -> Theme {
        if std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty()) {
            return Self::no_color();
        }
        if let Some(theme) = name.and_then(Self::named) {
            return theme;
        }
        match std::env::var("COLORFGBG") {
            Ok(value) if background_is_light(&value) => Self::light(),
            _ => Self::dark(),
        }
    }

    /// Returns the theme a config file asks for: `NO_COLOR` still wins;
    /// the named theme when the file was read (`from_file`), else the one
    /// the terminal suggests; then the file's colour overrides.
    pub fn configured(config: &ThemeConfig, from_file: bool) -> Theme {
        let name = from_file.then_some(match config.name {
            ThemeName::Dark => "dark",
            ThemeName::Light => "light",
        });
        let mut theme = Self::from_env(name);
        if theme.name != "no-color" {
            theme.override_colors(&config.colors);
        }
        theme
    }

    /// Replaces colours by role (see the `[theme.colors]` section of the
    /// default config).
    pub fn override_colors(&mut self, colors: &ColorOverrides) {
        let fg = |style: &mut Style, c: Option<crate::config::Color>| {
            if let Some(c) = c {
                *style = style.fg(c.into());
            }
        };
        fg(&mut self.base, colors.text);
        fg(&mut self.title, colors.text);
        if let Some(c) = colors.background {
            self.base = self.base.bg(c.into());
        }
        for style in [
            &mut self.meta,
            &mut self.dim,
            &mut self.preformatted,
            &mut self.footer,
        ] {
            fg(style, colors.muted);
        }
        for style in [&mut self.key, &mut self.border_focused, &mut self.unread] {
            fg(style, colors.accent);
        }
        fg(&mut self.border, colors.border);
        if let Some(c) = colors.selection {
            self.selected = Style::new().bg(c.into()).add_modifier(Modifier::BOLD);
            self.selected_unfocused = Style::new()
                .fg(c.into())
                .add_modifier(Modifier::UNDERLINED | Modifier::BOLD);
        }
        fg(&mut self.heading, colors.heading);
        fg(&mut self.warning, colors.warning);
        // In `EntityKind::ALL` order, like `mention`.
        let kinds = [
            colors.country,
            colors.company,
            colors.organization,
            colors.person,
            colors.place,
        ];
        for (style, color) in self.mention.iter_mut().zip(kinds) {
            fg(style, color);
        }
    }

    pub fn dark() -> Theme {
        let bold = Modifier::BOLD;
        Theme {
            name: "dark",
            base: Style::new(),
            header: Style::new().add_modifier(Modifier::REVERSED),
            footer: Style::new().fg(Color::Gray),
            key: Style::new().fg(Color::Cyan).add_modifier(bold),
            border: Style::new().fg(Color::DarkGray),
            border_focused: Style::new().fg(Color::Cyan),
            selected: Style::new().add_modifier(Modifier::REVERSED),
            selected_unfocused: Style::new().add_modifier(Modifier::UNDERLINED | bold),
            title: Style::new().add_modifier(bold),
            heading: Style::new().fg(Color::Cyan).add_modifier(bold),
            meta: Style::new().fg(Color::Gray),
            dim: Style::new().fg(Color::DarkGray),
            preformatted: Style::new().fg(Color::Gray),
            badge: Style::new().fg(Color::Yellow),
            unread: Style::new().fg(Color::Cyan),
            group: Style::new().add_modifier(bold | Modifier::UNDERLINED),
            matched: Style::new().fg(Color::Yellow).add_modifier(bold),
            warning: Style::new().fg(Color::Yellow),
            mention: [
                Style::new().fg(Color::LightGreen),
                Style::new().fg(Color::LightMagenta),
                Style::new().fg(Color::LightBlue),
                Style::new().fg(Color::LightYellow),
                Style::new().fg(Color::LightCyan),
            ],
            mention_selected: Style::new()
                .fg(Color::Black)
                .bg(Color::Yellow)
                .add_modifier(bold),
        }
    }

    pub fn light() -> Theme {
        let bold = Modifier::BOLD;
        Theme {
            name: "light",
            footer: Style::new().fg(Color::DarkGray),
            key: Style::new().fg(Color::Blue).add_modifier(bold),
            border: Style::new().fg(Color::Gray),
            border_focused: Style::new().fg(Color::Blue),
            heading: Style::new().fg(Color::Blue).add_modifier(bold),
            meta: Style::new().fg(Color::DarkGray),
            dim: Style::new().fg(Color::DarkGray),
            preformatted: Style::new().fg(Color::DarkGray),
            badge: Style::new().fg(Color::Magenta),
            unread: Style::new().fg(Color::Blue),
            matched: Style::new().fg(Color::Red).add_modifier(bold),
            warning: Style::new().fg(Color::Red),
            mention: [
                Style::new().fg(Color::Green),
                Style::new().fg(Color::Magenta),
                Style::new().fg(Color::Blue),
                Style::new().fg(Color::Red),
                Style::new().fg(Color::Cyan),
            ],
            mention_selected: Style::new()
                .fg(Color::White)
                .bg(Color::Blue)
                .add_modifier(bold),
            ..Self::dark()
        }
    }

    pub fn no_color() -> Theme {
        let plain = Style::new();
        let bold = Style::new().add_modifier(Modifier::BOLD);
        let underline = Style::new().add_modifier(Modifier::UNDERLINED);
        Theme {
            name: "no-color",
            base: plain,
            header: Style::new().add_modifier(Modifier::REVERSED),
            footer: plain,
            key: bold,
            border: plain,
            border_focused: bold,
            selected: Style::new().add_modifier(Modifier::REVERSED),
            selected_unfocused: Style::new().add_modifier(Modifier::UNDERLINED | Modifier::BOLD),
            title: bold,
            heading: Style::new().add_modifier(Modifier::BOLD | Modifier::UNDERLINED),
            meta: plain,
            dim: plain,
            preformatted: plain,
            badge: bold,
            unread: bold,
            group: Style::new().add_modifier(Modifier::BOLD | Modifier::UNDERLINED),
            matched: Style::new().add_modifier(Modifier::BOLD | Modifier::UNDERLINED),
            warning: bold,
            mention: [underline; 5],
            mention_selected: Style::new().add_modifier(Modifier::BOLD | Modifier::REVERSED),
        }
    }

    /// Returns the highlight for mentions of `kind`.
    pub fn mention_of(&self, kind: EntityKind) -> Style {
        let slot = EntityKind::ALL.iter().position(|&k| k == kind).unwrap_or(0);
        self.mention[slot]
    }
}

/// Returns true if and only if a `COLORFGBG` value ("fg;bg", sometimes
/// "fg;default;bg") names a light background colour: white or light grey
/// (7, 15) or a bright colour other than dark grey (9–14).
pub fn background_is_light(colorfgbg: &str) -> bool {
    colorfgbg
        .rsplit(';')
        .next()
        .and_then(|bg| bg.trim().parse::<u8>().ok())
        .is_some_and(|bg| bg == 7 || (9..=15).contains(&bg))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::{Color as ConfigColor, NamedColor};

    #[test]
    fn colour_overrides_replace_their_roles_only() {
        let mut theme = Theme::dark();
        let colors = ColorOverrides {
            accent: Some(ConfigColor::Rgb(1, 2, 3)),
            company: Some(ConfigColor::Named(NamedColor::Red)),
            background: Some(ConfigColor::Named(NamedColor::Black)),
            ..ColorOverrides::default()
        };
        theme.override_colors(&colors);
        assert_eq!(theme.key.fg, Some(Color::Rgb(1, 2, 3)));
        assert_eq!(theme.border_focused.fg, Some(Color::Rgb(1, 2, 3)));
        assert_eq!(theme.mention_of(EntityKind::Company).fg, Some(Color::Red));
        assert_eq!(theme.base.bg, Some(Color::Black));
        let dark = Theme::dark();
        assert_eq!(theme.heading, dark.heading);
        assert_eq!(
            theme.mention_of(EntityKind::Country),
            dark.mention_of(EntityKind::Country)
        );
    }
}
