//! The one door out, through the real binary: escape sequences fed in by
//! every way a string can reach the terminal (a file name in an error,
//! config values and key names, the `show` id, load warnings) come out
//! escaped on one line or not at all; a reader of stdout that goes away
//! ends the command quietly with success; a full disk is one line.

use crate::cli_support;

use cli_support::dossier;

use std::path::Path;
use std::process::{Command, Stdio};

const ARTICLE: &str = "Harbour Cranes Return to Work After Strike\n\nDock workers in the port returned to work on Friday after a two-week strike over night shifts ended with a new agreement on pay and rest days.\n\nShipping lines said it would take about ten days to clear the backlog of containers waiting at anchor outside the harbour.\n";

const TITLE_SET: &str = "\u{1b}]0;PWNED\u{7}";

/// Asserts no byte of `bytes` is a control character other than a line
/// feed, and no C1 control or bidi override is in it.
fn assert_terminal_safe(bytes: &[u8], what: &str) {
    let text = String::from_utf8_lossy(bytes);
    for c in text.chars() {
        assert!(
            c == '\n' || dossier::sanitize::is_safe_char(c),
            "{what} carries {c:?}: {text:?}"
        );
    }
}

fn corpus(dir: &Path) -> String {
    let d = dir.join("articles");
    std::fs::create_dir_all(&d).unwrap();
    std::fs::write(d.join("harbour.txt"), ARTICLE).unwrap();
    d.to_string_lossy().into_owned()
}

#[test]
fn a_file_name_in_the_nothing_loaded_error_is_escaped() {
    let dir = tempfile::tempdir().unwrap();
    let hostile = dir.path().join(format!("e{TITLE_SET}.txt"));
    std::fs::write(&hostile, "").unwrap();
    let out = dossier(&["list", hostile.to_str().unwrap()]);
    assert!(!out.status.success());
    assert_terminal_safe(&out.stderr, "stderr");
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("\\e]0;PWNED"),
        "the name is shown escaped: {err}"
    );
    assert_eq!(err.lines().count(), 1, "{err}");
}

#[test]
fn config_values_and_keys_are_shown_escaped_on_one_line() {
    let dir = tempfile::tempdir().unwrap();
    let articles = corpus(dir.path());
    let cases = [
        "[theme.colors]\nheading = \"#\\u001b]0;X\\u0007\\nline two\"\n",
        "[theme]\nname = \"\\u001b]0;X\\u0007\"\n",
        "[corpus]\nmax_file_size = \"\\u001b]0;X\\u0007\\n2\"\n",
        "[keys]\n\"fl\\u001b]0;X\\u0007y\" = [\"f\"]\n",
        "[keys]\nquit = [\"\\u001b]0;X\\u0007\"]\n",
        "\"\\u001b]0;X\\u0007\" = 1\n",
    ];
    for (i, text) in cases.iter().enumerate() {
        let config = dir.path().join(format!("c{i}.toml"));
        std::fs::write(&config, text).unwrap();
        // The reader checks the keymap before it needs a terminal.
        for args in [vec!["list", &articles], vec![articles.as_str()]] {
            let mut full = vec!["--config", config.to_str().unwrap()];
            full.extend(args);
            let out = dossier(&full);
            assert!(!out.status.success(), "{text} was accepted");
            assert_terminal_safe(&out.stderr, text);
            let err = String::from_utf8_lossy(&out.stderr);
            assert_eq!(err.lines().count(), 1, "{text}: {err}");
            assert!(err.contains("line "), "{text}: no line in {err}");
            assert!(
                err.contains("\\e"),
                "{text}: value not shown escaped: {err}"
            );
        }
    }
}

#[test]
fn the_show_id_and_load_warnings_are_escaped() {
    let dir = tempfile::tempdir().unwrap();
    let articles = corpus(dir.path());
    let out = dossier(&["show", &format!("x{TITLE_SET}"), &articles]);
    assert!(!out.status.success());
    assert_terminal_safe(&out.stderr, "show's error");
    assert!(String::from_utf8_lossy(&out.stderr).contains("\\e]0;PWNED"));

    let bad = Path::new(&articles).join(format!("b{TITLE_SET}.jsonl"));
    std::fs::write(&bad, "{\"text\": \"\\u001b]0;X\\u0007\" oops\n").unwrap();
    let out = dossier(&["list", &articles]);
    assert!(out.status.success());
    assert_terminal_safe(&out.stderr, "warnings");
    assert_terminal_safe(&out.stdout, "the table");
    let out = dossier(&["list", "--json", &articles]);
    assert_terminal_safe(&out.stdout, "JSON");
}

#[test]
fn a_closed_pipe_ends_quietly_with_success() {
    let dir = tempfile::tempdir().unwrap();
    let articles = corpus(dir.path());
    for args in [
        vec!["list", articles.as_str()],
        vec!["list", "--json", articles.as_str()],
        vec!["export", articles.as_str()],
        vec!["config", "--default"],
    ] {
        let mut child = Command::new(env!("CARGO_BIN_EXE_dossier"))
            .arg("--no-state")
            .args(&args)
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        // Close the read end before dossier writes: every write is EPIPE.
        drop(child.stdout.take());
        let out = child.wait_with_output().unwrap();
        assert!(
            out.status.success(),
            "{args:?}: {:?} {}",
            out.status,
            String::from_utf8_lossy(&out.stderr)
        );
        assert!(
            out.stderr.is_empty(),
            "{args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
}

#[cfg(target_os = "linux")]
#[test]
fn a_full_disk_is_one_line() {
    let dir = tempfile::tempdir().unwrap();
    let articles = corpus(dir.path());
    for args in [
        vec!["list", articles.as_str()],
        vec!["export", articles.as_str()],
    ] {
        let full = std::fs::OpenOptions::new()
            .write(true)
            .open("/dev/full")
            .unwrap();
        let out = Command::new(env!("CARGO_BIN_EXE_dossier"))
            .arg("--no-state")
            .args(&args)
            .stdout(full)
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(1), "{args:?}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(err.lines().count(), 1, "{err}");
        assert!(err.contains("cannot write to stdout"), "{err}");
    }
}

#[test]
fn a_missing_config_is_said_once() {
    let out = dossier(&["list", "--config", "/nonexistent/dossier.toml"]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(err.matches("No such file").count(), 1, "{err}");
}

#[cfg(unix)]
#[test]
fn a_config_that_is_a_fifo_or_a_device_is_refused_at_once() {
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("config.toml");
    let made = Command::new("mkfifo").arg(&fifo).status().unwrap();
    assert!(made.success());
    for config in [fifo.to_str().unwrap(), "/dev/zero"] {
        // Were it read, this would block forever (FIFO) or until memory
        // ran out (/dev/zero): the test would never end.
        let out = dossier(&["list", "--config", config]);
        assert!(!out.status.success());
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains("not a regular file"), "{err}");
        assert_eq!(err.lines().count(), 1, "{err}");
    }
}

#[test]
fn the_reader_without_a_terminal_says_what_to_do() {
    let dir = tempfile::tempdir().unwrap();
    let articles = corpus(dir.path());
    let out = dossier(&[&articles]);
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("needs a terminal") && err.contains("dossier list"),
        "{err}"
    );
}
