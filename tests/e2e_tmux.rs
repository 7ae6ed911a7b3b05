//! End to end: the real binary in a real terminal (tmux). It opens the
//! bundled seeds, filters with `/latvia`, sees exactly the two Latvia
//! articles, jumps to the other with `n`, quits with `q`, and the terminal
//! comes back. Skipped with a note when tmux is not installed (CI installs
//! it). Each run uses its own tmux server socket.

use std::process::{Command, Output};
use std::time::{Duration, Instant};

const WIDTH: u16 = 120;
const HEIGHT: u16 = 40;
const TIMEOUT: Duration = Duration::from_secs(20);

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

    fn capture(&self) -> String {
        String::from_utf8_lossy(&self.run(&["capture-pane", "-p", "-t", "e2e"]).stdout).into_owned()
    }

    /// The screen with its SGR attributes, to tell which row is selected.
    fn capture_styled(&self) -> String {
        String::from_utf8_lossy(&self.run(&["capture-pane", "-p", "-e", "-t", "e2e"]).stdout)
            .into_owned()
    }

    fn keys(&self, keys: &[&str]) {
        let mut args = vec!["send-keys", "-t", "e2e"];
        args.extend_from_slice(keys);
        assert!(self.run(&args).status.success(), "send-keys {keys:?}");
    }

    /// Polls the screen until `ready` holds; panics with the last screen.
    fn wait_for(&self, what: &str, ready: impl Fn(&str) -> bool) -> String {
        let start = Instant::now();
        loop {
            let screen = self.capture();
            if ready(&screen) {
                return screen;
            }
            assert!(
                start.elapsed() < TIMEOUT,
                "timed out waiting for {what}; screen:\n{screen}"
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

/// Returns the text of the list pane's rows, by splitting each body line
/// at the box borders.
fn list_rows(screen: &str) -> Vec<String> {
    screen
        .lines()
        .skip(2)
        .filter_map(|line| line.split('│').nth(1))
        .map(|cell| cell.trim().trim_start_matches('●').trim().to_owned())
        .collect()
}

/// Returns the title of the list row drawn in reverse video (the
/// selection), from a screen captured with its attributes.
fn selected_row(styled: &str) -> Option<String> {
    styled.lines().skip(2).find_map(|line| {
        let cell = line.split('│').nth(1)?;
        cell.contains("\u{1b}[7m").then(|| {
            strip_sgr(cell)
                .trim()
                .trim_start_matches('●')
                .trim()
                .to_owned()
        })
    })
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

#[test]
fn filter_jump_and_quit_in_a_real_terminal() {
    if Command::new("tmux").arg("-V").output().is_err() {
        eprintln!("note: tmux is not installed; skipping the end-to-end test");
        return;
    }
    let tmux = Tmux {
        socket: format!("dossier-e2e-{}", std::process::id()),
    };
    let bin = env!("CARGO_BIN_EXE_dossier");
    // --no-state: the test must neither read nor write the user's state.
    let script = format!("'{bin}' --no-state; echo EXITED; sleep 30");
    let (w, h) = (WIDTH.to_string(), HEIGHT.to_string());
    let started = tmux.run(&[
        "new-session",
        "-d",
        "-s",
        "e2e",
        "-x",
        &w,
        "-y",
        &h,
        "sh",
        "-c",
        &script,
    ]);
    assert!(started.status.success(), "tmux new-session: {started:?}");

    tmux.wait_for("the article list", |s| s.contains(" Articles "));
    tmux.keys(&["/"]);
    tmux.wait_for("the prompt", |s| s.contains("│/ "));
    tmux.keys(&["-l", "latvia"]);
    tmux.wait_for("the typed query", |s| s.contains("/ latvia"));
    tmux.keys(&["Enter"]);
    let screen = tmux.wait_for("the filtered list", |s| {
        s.lines()
            .next()
            .is_some_and(|header| header.contains("2 of 4"))
    });
    let rows: Vec<String> = list_rows(&screen)
        .into_iter()
        .filter(|r| !r.is_empty())
        .collect();
    assert_eq!(rows.len(), 2, "exactly two article rows:\n{screen}");
    assert_eq!(
        selected_row(&tmux.capture_styled()).as_ref(),
        Some(&rows[0]),
        "the first is selected:\n{screen}"
    );

    tmux.keys(&["n"]);
    let start = Instant::now();
    while selected_row(&tmux.capture_styled()).as_ref() != Some(&rows[1]) {
        assert!(
            start.elapsed() < TIMEOUT,
            "n did not select the other article:\n{}",
            tmux.capture()
        );
        std::thread::sleep(Duration::from_millis(100));
    }
    let screen = tmux.capture();
    assert!(
        screen.lines().next().unwrap_or_default().contains("2 of 4"),
        "{screen}"
    );
    let rows_after = list_rows(&screen)
        .into_iter()
        .filter(|r| !r.is_empty())
        .count();
    assert_eq!(rows_after, 2, "{screen}");

    tmux.keys(&["q"]);
    let screen = tmux.wait_for("the process to exit", |s| s.contains("EXITED"));
    assert!(
        !screen.contains(" Articles "),
        "the reader's screen is gone:\n{screen}"
    );
    let alternate = tmux.run(&["display-message", "-p", "-t", "e2e", "#{alternate_on}"]);
    assert_eq!(
        String::from_utf8_lossy(&alternate.stdout).trim(),
        "0",
        "alternate screen left"
    );
}

/// Returns true while process `pid` is alive (a zombie counts as gone).
fn alive(pid: &str) -> bool {
    std::fs::read_to_string(format!("/proc/{pid}/stat")).is_ok_and(|stat| {
        stat.rsplit(')')
            .next()
            .is_some_and(|rest| !rest.trim_start().starts_with('Z'))
    })
}

#[test]
fn the_reader_exits_when_its_terminal_goes_away() {
    if Command::new("tmux").arg("-V").output().is_err() {
        eprintln!("note: tmux is not installed; skipping the end-to-end test");
        return;
    }
    let tmux = Tmux {
        socket: format!("dossier-e2e-hangup-{}", std::process::id()),
    };
    let dir = tempfile::tempdir().expect("temp dir");
    let pid_file = dir.path().join("pid");
    let bin = env!("CARGO_BIN_EXE_dossier");
    let script = format!(
        "echo $$ > '{}'; exec '{bin}' --no-state",
        pid_file.display()
    );
    let started = tmux.run(&[
        "new-session",
        "-d",
        "-s",
        "e2e",
        "-x",
        "80",
        "-y",
        "24",
        "sh",
        "-c",
        &script,
    ]);
    assert!(started.status.success(), "tmux new-session: {started:?}");
    tmux.wait_for("the article list", |s| s.contains(" Articles "));
    let pid = std::fs::read_to_string(&pid_file)
        .expect("pid written")
        .trim()
        .to_owned();
    assert!(alive(&pid));

    // The window closes under the reader: its terminal is gone.
    let _ = tmux.run(&["kill-server"]);
    let start = Instant::now();
    while alive(&pid) {
        assert!(
            start.elapsed() < TIMEOUT,
            "the reader (pid {pid}) kept running after its terminal went away"
        );
        std::thread::sleep(Duration::from_millis(100));
    }
}
