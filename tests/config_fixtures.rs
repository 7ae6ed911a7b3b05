//! Config files from disk: good ones load, bad ones fail with a message
//! naming the file, the line and the key.

use std::path::{Path, PathBuf};

use dossier::config::{Color, Config, ConfigError, NamedColor, ThemeName};

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/config")
        .join(name)
}

/// Loads a bad fixture and returns (line, key, whole message).
fn rejected(name: &str) -> (usize, String, String) {
    let path = fixture(name);
    let err = Config::load(Some(&path)).expect_err(name);
    let shown = err.to_string();
    assert!(shown.contains(&path.display().to_string()), "{shown}");
    assert!(!shown.contains('\n'), "one line: {shown}");
    match err {
        ConfigError::Invalid { line, key, .. } => (line, key, shown),
        other => panic!("{name}: expected an invalid value, got {other}"),
    }
}

#[test]
fn a_full_file_loads() {
    let (c, from) = Config::load(Some(&fixture("good_full.toml"))).unwrap();
    assert_eq!(from, Some(fixture("good_full.toml")));
    assert_eq!(c.keys["next_article"], ["j", "down", "ctrl-n"]);
    assert_eq!(c.theme.name, ThemeName::Light);
    assert_eq!(c.theme.colors.accent, Some(Color::Rgb(0, 0x5f, 0x87)));
    assert_eq!(
        c.theme.colors.company,
        Some(Color::Named(NamedColor::DarkGray))
    );
    assert_eq!(c.theme.colors.text, None);
    assert_eq!(c.layout.list_width.get(), 35);
    assert_eq!(c.corpus.max_file_size.0, 512 * 1024);
    assert!(!c.reader.mark_read_on_open);
}

#[test]
fn a_partial_file_keeps_the_other_defaults() {
    let (c, _) = Config::load(Some(&fixture("good_partial.toml"))).unwrap();
    let mut expected = Config::default();
    expected.reader.mark_read_on_open = false;
    assert_eq!(c, expected);
}

#[test]
fn a_missing_explicit_file_is_an_error() {
    let err = Config::load(Some(&fixture("absent.toml"))).unwrap_err();
    assert!(matches!(err, ConfigError::Read { .. }), "{err}");
}

#[test]
fn unknown_key() {
    let (line, key, msg) = rejected("bad_unknown_key.toml");
    assert_eq!((line, key.as_str()), (6, "layout.pane_hight"));
    assert!(msg.contains("unknown field"), "{msg}");
}

#[test]
fn unknown_section() {
    let (line, key, _) = rejected("bad_section.toml");
    assert_eq!((line, key.as_str()), (1, "colours"));
}

#[test]
fn bad_value_type() {
    let (line, key, msg) = rejected("bad_type.toml");
    assert_eq!((line, key.as_str()), (5, "reader.mark_read_on_open"));
    assert!(msg.contains("bool"), "{msg}");
}

#[test]
fn bad_colour() {
    let (line, key, msg) = rejected("bad_colour.toml");
    assert_eq!((line, key.as_str()), (6, "theme.colors.heading"));
    assert!(msg.contains("#12345g"), "{msg}");
}

#[test]
fn width_out_of_range() {
    let (line, key, msg) = rejected("bad_width.toml");
    assert_eq!((line, key.as_str()), (2, "layout.list_width"));
    assert!(msg.contains("95"), "{msg}");
}

#[test]
fn side_panes_too_wide_together() {
    let (line, key, msg) = rejected("bad_sides.toml");
    assert_eq!((line, key.as_str()), (3, "layout.sidebar_width"));
    assert!(msg.contains("95"), "{msg}");
}

#[test]
fn non_string_key_binding() {
    let (line, key, _) = rejected("bad_key_binding.toml");
    assert_eq!((line, key.as_str()), (4, "keys.quit"));
}

#[test]
fn threshold_out_of_range() {
    let (line, key, msg) = rejected("bad_threshold.toml");
    assert_eq!((line, key.as_str()), (3, "corpus.dedupe_threshold"));
    assert!(msg.contains("1.5"), "{msg}");
}

#[test]
fn unreadable_size() {
    let (line, key, _) = rejected("bad_size.toml");
    assert_eq!((line, key.as_str()), (2, "corpus.max_file_size"));
}

#[test]
fn unknown_theme_name() {
    let (line, key, msg) = rejected("bad_theme_name.toml");
    assert_eq!((line, key.as_str()), (2, "theme.name"));
    assert!(msg.contains("solarized"), "{msg}");
}

#[test]
fn broken_syntax_names_the_line() {
    let path = fixture("bad_syntax.toml");
    let err = Config::load(Some(&path)).unwrap_err();
    let shown = err.to_string();
    assert!(shown.contains("line 2"), "{shown}");
}
