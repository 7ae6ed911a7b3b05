//! End to end: remembered state survives a restart of the real binary in a
//! real terminal (tmux). With a private state directory it opens the
//! bundled seeds, stars the selected article with `s`, moves down, quits;
//! reopened, the star is on that article and the selection is where it
//! was. A config that rebinds quit to `x` is obeyed. Skipped with a note
//! when tmux is not installed (CI installs it).

use std::path::Path;
use std::process::{Command, Output};
use std::time::{Duration, Instant};

// Generous: a debug build loading the seeds on a busy machine is slow.
const TIMEOUT: Duration = Duration::from_secs(60);
const STAR: char = '★';
const UNREAD: char = '●';

/// A private tmux server, killed when dropped.
struct Tmux {
    socket: String,
}

impl Tmux {
    fn run(&self, args: &[&str]) -> Output {
        Command::new("tmux")
            .arg("-L")
            .arg(&self.socket)
            .args(args)
            .output()
            .expect("tmux runs")
    }

    /// Starts `dossier ARGS` in a new session named `name`, with HOME and
    /// the XDG directories inside `home`.
    fn start(&self, name: &str, home: &Path, args: &str) {
        let bin = env!("CARGO_BIN_EXE_dossier");
        let home = home.display();
        let script = format!(
            "HOME='{home}' XDG_DATA_HOME='{home}/data' XDG_CONFIG_HOME='{home}/config' \
             '{bin}' {args}; echo EXITED; sleep 30"
        );
        let started = self.run(&[
            "new-session",
            "-d",
            "-s",
            name,
            "-x",
            "120",
            "-y",
            "40",
            "sh",
            "-c",
            &script,
        ]);
        assert!(started.status.success(), "tmux new-session: {started:?}");
    }

    fn capture(&self, name: &str, styled: bool) -> String {
        let mut args = vec!["capture-pane", "-p", "-t", name];
        if styled {
            args.push("-e");
        }
        String::from_utf8_lossy(&self.run(&args).stdout).into_owned()
    }

    fn keys(&self, name: &str, keys: &[&str]) {
        let mut args = vec!["send-keys", "-t", name];
        args.extend_from_slice(keys);
        assert!(self.run(&args).status.success(), "send-keys {keys:?}");
    }

    /// Polls the styled screen until `ready` holds; panics with the screen.
    fn wait_for(&self, name: &str, what: &str, ready: impl Fn(&str) -> bool) -> String {
        let start = Instant::now();
        loop {
            let screen = self.capture(name, true);
            if ready(&screen) {
                return screen;
            }
            assert!(
                start.elapsed() < TIMEOUT,
                "timed out waiting for {what}; screen:\n{}",
                strip_sgr(&screen)
            );
            std::thread::sleep(Duration::from_millis(100));
        }
    }
}

impl Drop for Tmux {
    fn drop(&mut self) {
        let _ = self.run(&["kill-server"]);
    }
}

/// One row of the article list.
#[derive(Debug, PartialEq)]
struct Row {
    title: String,
    starred: bool,
    selected: bool,
}

/// Returns the article list's rows from a screen captured with its
/// attributes: the text between the first pair of box borders.
fn rows(styled: &str) -> Vec<Row> {
    styled
        .lines()
        .skip(2)
        .filter_map(|line| line.split('│').nth(1))
        .map(|cell| {
            let text = strip_sgr(cell);
            let marks: String = text.chars().take(3).collect();
            Row {
                title: text
                    .trim()
                    .trim_start_matches([UNREAD, STAR])
                    .trim()
                    .to_owned(),
                starred: marks.contains(STAR),
                selected: cell.contains("\u{1b}[7m"),
            }
        })
        .filter(|r| !r.title.is_empty())
        .collect()
}

fn strip_sgr(s: &str) -> String {
    let mut out = String::new();
    let mut chars = s.chars();
    while let Some(c) = chars.next() {
        if c == '\u{1b}' {
            for d in chars.by_ref() {
                if d.is_ascii_alphabetic() {
                    break;
                }
            }
        } else {
            out.push(c);
        }
    }
    out
}

/// Returns true if and only if the library is shown (not the loading screen).
fn loaded(styled: &str) -> bool {
    strip_sgr(styled).contains(" Articles ")
}

fn selected(styled: &str) -> Option<String> {
    rows(styled)
        .into_iter()
        .find(|r| r.selected)
        .map(|r| r.title)
}

fn tmux_missing() -> bool {
    if Command::new("tmux").arg("-V").output().is_err() {
        eprintln!("note: tmux is not installed; skipping the end-to-end state test");
        return true;
    }
    false
}

#[test]
fn a_star_and_the_selection_survive_a_restart() {
    if tmux_missing() {
        return;
    }
    let sandbox = tempfile::tempdir().unwrap();
    let state = sandbox.path().join("state");
    let args = format!("--state-dir '{}'", state.display());
    let tmux = Tmux {
        socket: format!("dossier-e2e-state-{}", std::process::id()),
    };

    tmux.start("first", sandbox.path(), &args);
    let screen = tmux.wait_for("first", "the article list", loaded);
    let before = rows(&screen);
    assert!(
        before.iter().all(|r| !r.starred),
        "a fresh state has no star"
    );
    let starred = selected(&screen).expect("a selected row");
    tmux.keys("first", &["s"]);
    tmux.wait_for("first", "the star", |s| {
        rows(s).iter().any(|r| r.selected && r.starred)
    });
    tmux.keys("first", &["j"]);
    let screen = tmux.wait_for("first", "the next row", |s| {
        selected(s).is_some_and(|t| t != starred)
    });
    let moved_to = selected(&screen).unwrap();
    tmux.keys("first", &["q"]);
    tmux.wait_for("first", "the process to exit", |s| s.contains("EXITED"));
    assert!(state.join("state.db").is_file());

    tmux.start("second", sandbox.path(), &args);
    let screen = tmux.wait_for("second", "the restored list", |s| {
        loaded(s) && rows(s).iter().any(|r| r.starred)
    });
    let after = rows(&screen);
    let stars: Vec<&str> = after
        .iter()
        .filter(|r| r.starred)
        .map(|r| r.title.as_str())
        .collect();
    assert_eq!(stars, [starred.as_str()], "{}", strip_sgr(&screen));
    assert_eq!(
        selected(&screen).as_deref(),
        Some(moved_to.as_str()),
        "selection restored:\n{}",
        strip_sgr(&screen)
    );
    tmux.keys("second", &["q"]);
    tmux.wait_for("second", "the process to exit", |s| s.contains("EXITED"));
    // Nothing was written outside the state directory.
    let home_files = ["data", "config"]
        .iter()
        .filter(|d| sandbox.path().join(d).exists())
        .count();
    assert_eq!(home_files, 0, "HOME was written");
}

#[test]
fn a_config_can_rebind_quit() {
    if tmux_missing() {
        return;
    }
    let sandbox = tempfile::tempdir().unwrap();
    let config = sandbox.path().join("config.toml");
    std::fs::write(&config, "[keys]\nquit = [\"x\"]\n").unwrap();
    let tmux = Tmux {
        socket: format!("dossier-e2e-keys-{}", std::process::id()),
    };
    let args = format!("--no-state --config '{}'", config.display());
    tmux.start("keys", sandbox.path(), &args);
    tmux.wait_for("keys", "the article list", loaded);
    // `q` is no longer bound: the reader stays.
    tmux.keys("keys", &["q", "?"]);
    let help = tmux.wait_for("keys", "the help screen", |s| s.contains(" Keys "));
    assert!(!help.contains("EXITED"));
    let screen = strip_sgr(&help);
    let quit_keys = screen
        .lines()
        .flat_map(|l| l.split('│'))
        .find(|cell| cell.contains("quit (or close a popup)"))
        .map(|cell| {
            cell.split("quit (or")
                .next()
                .unwrap_or_default()
                .trim()
                .to_owned()
        });
    assert_eq!(
        quit_keys.as_deref(),
        Some("x"),
        "help follows the keymap:\n{screen}"
    );
    tmux.keys("keys", &["Escape"]);
    // An Escape followed at once by a key reads as Alt+key: let it land.
    tmux.wait_for("keys", "the help to close", |s| {
        !strip_sgr(s).contains(" Keys ")
    });
    tmux.keys("keys", &["x"]);
    tmux.wait_for("keys", "the process to exit", |s| s.contains("EXITED"));
    // --no-state: HOME (the sandbox) holds only the config file.
    let written: Vec<_> = std::fs::read_dir(sandbox.path())
        .unwrap()
        .flatten()
        .map(|e| e.file_name())
        .collect();
    assert_eq!(written, ["config.toml"], "--no-state wrote to HOME");
}
