//! Configuration: `config.toml` with keybindings, theme, pane widths,
//! corpus limits and reader behaviour.
//!
//! The built-in default is the documented default file,
//! `assets/config.toml`, embedded in the binary (`dossier config --default`
//! prints it). A user's file only needs the keys it changes; unknown keys
//! and bad values are rejected with the file, line and key named.

mod locate;
pub mod values;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

pub use locate::{line_of_entry, line_of_key};
pub use values::{ByteSize, Color, NamedColor, Percent, Share};

/// The documented default configuration, as shipped.
pub const DEFAULT_TOML: &str = include_str!("../../assets/config.toml");

const FILE_NAME: &str = "config.toml";

/// The whole configuration.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Config {
    /// Action name → keys, as written ("ctrl-d", "G", "enter"). Checked
    /// against the reader's actions by `Keymap::with_overrides`.
    pub keys: BTreeMap<String, Vec<String>>,
    pub theme: ThemeConfig,
    pub layout: LayoutConfig,
    pub corpus: CorpusConfig,
    pub reader: ReaderConfig,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct ThemeConfig {
    pub name: ThemeName,
    /// Colours that replace the named theme's.
    pub colors: ColorOverrides,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ThemeName {
    #[default]
    Dark,
    Light,
}

/// Optional colour per role; `None` keeps the theme's colour.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct ColorOverrides {
    pub text: Option<Color>,
    pub background: Option<Color>,
    pub muted: Option<Color>,
    pub accent: Option<Color>,
    pub border: Option<Color>,
    pub selection: Option<Color>,
    pub heading: Option<Color>,
    pub warning: Option<Color>,
    pub country: Option<Color>,
    pub company: Option<Color>,
    pub organization: Option<Color>,
    pub person: Option<Color>,
    pub place: Option<Color>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct LayoutConfig {
    /// Width of the article list.
    pub list_width: Percent,
    /// Width of the entity sidebar.
    pub sidebar_width: Percent,
}

impl LayoutConfig {
    /// The most the two side panes may take together, so the reading pane
    /// keeps at least a fifth of the screen.
    pub const MAX_SIDES: u16 = 80;
}

impl Default for LayoutConfig {
    fn default() -> Self {
        Self {
            list_width: Percent::saturating(30),
            sidebar_width: Percent::saturating(25),
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct CorpusConfig {
    /// Share of the shorter article found in the longer for a near duplicate.
    pub dedupe_threshold: Share,
    /// Files larger than this are skipped with a warning.
    pub max_file_size: ByteSize,
    /// How alike articles must be, on average, to share a thread.
    pub thread_threshold: Share,
}

impl Default for CorpusConfig {
    fn default() -> Self {
        let load = crate::corpus::load::LoadOptions::default();
        let dedup = crate::corpus::dedup::DedupOptions::default();
        Self {
            dedupe_threshold: Share::saturating(dedup.threshold),
            max_file_size: ByteSize(load.max_file_size),
            thread_threshold: Share::saturating(crate::threads::ThreadOptions::default().threshold),
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct ReaderConfig {
    /// Mark an article read as soon as it is opened in the reading pane.
    pub mark_read_on_open: bool,
}

impl Default for ReaderConfig {
    fn default() -> Self {
        Self {
            mark_read_on_open: true,
        }
    }
}

/// Why the configuration could not be used. Displayed as one line.
#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    #[error("{}: cannot read the config file: {source}", path.display())]
    Read {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("{}: line {line}: {key}: {message}", path.display())]
    Invalid {
        path: PathBuf,
        line: usize,
        /// Dotted key path, e.g. `layout.list_width`.
        key: String,
        message: String,
    },
    #[error("{}: line {line}: {message}", path.display())]
    Syntax {
        path: PathBuf,
        line: usize,
        message: String,
    },
}

/// The most a config file may hold; far more than any real one.
pub const MAX_FILE_SIZE: u64 = 1 << 20;

/// Reads a config file as the loader reads articles: a regular file only
/// (a FIFO or a device is refused at once, not waited on), at most
/// [`MAX_FILE_SIZE`] bytes, UTF-8.
pub fn read_text(path: &Path) -> std::io::Result<String> {
    use crate::bounded::{Capped, read_capped};
    let invalid = |why: String| std::io::Error::new(std::io::ErrorKind::InvalidData, why);
    match read_capped(path, MAX_FILE_SIZE)? {
        Capped::Whole(bytes) => {
            String::from_utf8(bytes).map_err(|_| invalid("not UTF-8 text".to_owned()))
        }
        Capped::TooLarge(_) => Err(invalid(format!(
            "larger than {} KiB, too large for a config file",
            MAX_FILE_SIZE >> 10
        ))),
    }
}

impl Config {
    /// Returns the default location, `<XDG config dir>/dossier/config.toml`.
    pub fn default_path() -> Option<PathBuf> {
        dirs::config_dir().map(|d| d.join("dossier").join(FILE_NAME))
    }

    /// Loads `explicit` (`--config PATH`, which must exist) or else the
    /// default location, where a missing file means the defaults. Returns
    /// the file actually read, if any.
    pub fn load(explicit: Option<&Path>) -> Result<(Self, Option<PathBuf>), ConfigError> {
        let (path, required) = match explicit {
            Some(p) => (p.to_path_buf(), true),
            None => match Self::default_path() {
                Some(p) => (p, false),
                None => return Ok((Self::default(), None)),
            },
        };
        match read_text(&path) {
            Ok(text) => Self::parse(&text, &path).map(|c| (c, Some(path))),
            Err(e) if !required && e.kind() == std::io::ErrorKind::NotFound => {
                Ok((Self::default(), None))
            }
            Err(source) => Err(ConfigError::Read { path, source }),
        }
    }

    /// Parses a config file's text; `path` is only used in messages.
    pub fn parse(text: &str, path: &Path) -> Result<Self, ConfigError> {
        let config: Config = toml::from_str(text).map_err(|e| {
            let offset = e.span().map_or(0, |s| s.start);
            let line = locate::line_of(text, offset);
            let message = e.message().trim().to_owned();
            match locate::key_at(text, offset) {
                Some(key) => ConfigError::Invalid {
                    path: path.to_path_buf(),
                    line,
                    key,
                    message,
                },
                None => ConfigError::Syntax {
                    path: path.to_path_buf(),
                    line,
                    message,
                },
            }
        })?;
        config.check_layout(text, path)?;
        Ok(config)
    }

    /// Returns the pipeline options this configuration asks for.
    pub fn pipeline_options(&self) -> crate::pipeline::Options {
        let mut opts = crate::pipeline::Options::default();
        opts.load.max_file_size = self.corpus.max_file_size.0;
        opts.dedup.threshold = self.corpus.dedupe_threshold.get();
        opts.threads.threshold = self.corpus.thread_threshold.get();
        opts
    }

    fn check_layout(&self, text: &str, path: &Path) -> Result<(), ConfigError> {
        let sides = self.layout.list_width.get() + self.layout.sidebar_width.get();
        if sides <= LayoutConfig::MAX_SIDES {
            return Ok(());
        }
        let (line, key) = ["sidebar_width", "list_width"]
            .iter()
            .find_map(|k| {
                locate::line_of_key(text, "layout", k).map(|l| (l, format!("layout.{k}")))
            })
            .unwrap_or((1, "layout".to_owned()));
        Err(ConfigError::Invalid {
            path: path.to_path_buf(),
            line,
            key,
            message: format!(
                "list_width + sidebar_width is {sides}: together they may take at most {} percent",
                LayoutConfig::MAX_SIDES
            ),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_embedded_default_is_the_default() {
        let parsed = Config::parse(DEFAULT_TOML, Path::new("assets/config.toml")).unwrap();
        assert_eq!(parsed, Config::default());
    }

    #[test]
    fn an_empty_file_means_defaults() {
        assert_eq!(
            Config::parse("", Path::new("x")).unwrap(),
            Config::default()
        );
    }

    #[test]
    fn options_follow_the_corpus_section() {
        let c = Config::parse(
            "[corpus]\ndedupe_threshold = 0.8\nmax_file_size = \"1M\"\nthread_threshold = 0.4\n",
            Path::new("x"),
        )
        .unwrap();
        let o = c.pipeline_options();
        assert!((o.dedup.threshold - 0.8).abs() < 1e-9);
        assert_eq!(o.load.max_file_size, 1 << 20);
        assert!((o.threads.threshold - 0.4).abs() < 1e-9);
    }
}
