//! Config checks that protect the user: no binding may take away every
//! key that leaves the reader; the refusal names the file, the line and
//! the binding that did it.

use std::collections::BTreeMap;
use std::path::Path;

use dossier::config::Config;
use dossier::tui::Setup;

fn refusal(text: &str) -> String {
    // Setup reads the file again only to say where: give it a real one.
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("config.toml");
    std::fs::write(&file, text).unwrap();
    let config = Config::parse(text, &file).expect("valid TOML");
    Setup::from_config(&config, Some(&file))
        .map(|_| ())
        .expect_err("a config that locks the user in is refused")
        .to_string()
        .replace(&file.display().to_string(), "FILE")
}

#[test]
fn unbinding_both_ways_out_is_refused_with_its_line() {
    let shown = refusal("[keys]\nup = [\"k\"]\nquit = []\nforce_quit = []\n");
    assert!(shown.starts_with("FILE: line "), "{shown}");
    assert!(
        shown.contains("quit") && shown.contains("no key"),
        "{shown}"
    );
}

#[test]
fn taking_every_quitting_key_for_another_command_is_refused() {
    let shown = refusal("[keys]\n\nhelp = [\"q\", \"ctrl-c\", \"esc\"]\n");
    assert!(shown.starts_with("FILE: line 3: keys.help:"), "{shown}");
}

#[test]
fn one_way_out_is_enough() {
    for text in [
        "[keys]\nquit = []\n",
        "[keys]\nforce_quit = []\n",
        "[keys]\nhelp = [\"q\"]\n",
        "[keys]\nquit = [\"x\"]\nhelp = [\"q\", \"ctrl-c\"]\n",
    ] {
        let config = Config::parse(text, Path::new("c.toml")).unwrap();
        assert!(Setup::from_config(&config, None).is_ok(), "{text}");
    }
    let mut keys = BTreeMap::new();
    keys.insert("force_quit".to_owned(), Vec::new());
    keys.insert("quit".to_owned(), vec!["ctrl-q".to_owned()]);
    assert!(dossier::tui::keymap::Keymap::with_overrides(&keys).is_ok());
}
