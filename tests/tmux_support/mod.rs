//! The tmux harness shared by the end-to-end tests (`tests/e2e_*.rs`): a
//! private tmux server per test, sessions running a shell script at a given
//! size, pane captures (plain or with their SGR attributes), keys sent, and
//! polling with a timeout until the screen is ready. A test file takes it
//! with `use crate::tmux_support;`.
#![allow(
    clippy::disallowed_macros,
    reason = "a skipped test says why on stderr"
)]

use std::process::{Command, Output};
use std::time::{Duration, Instant};

/// A private tmux server, on its own socket, killed when dropped.
pub struct Tmux {
    socket: String,
    timeout: Duration,
}

impl Tmux {
    /// Returns true if tmux can be run; otherwise prints a note that
    /// `what` is skipped.
    pub fn available(what: &str) -> bool {
        let found = Command::new("tmux").arg("-V").output().is_ok();
        if !found {
            eprintln!("note: tmux is not installed; skipping {what}");
        }
        found
    }

    /// A server on the socket `dossier-NAME-PID`, private to this test
    /// process; `wait_for` gives up after `timeout`.
    pub fn new(name: &str, timeout: Duration) -> Self {
        Self {
            socket: format!("dossier-{name}-{}", std::process::id()),
            timeout,
        }
    }

    /// Runs `tmux ARGS` against this server.
    pub fn run(&self, args: &[&str]) -> Output {
        Command::new("tmux")
            .arg("-L")
            .arg(&self.socket)
            .args(args)
            .output()
            .expect("tmux runs")
    }

    /// Starts a detached session `session` of `width` × `height` cells
    /// running `sh -c SCRIPT`.
    pub fn start(&self, session: &str, width: u16, height: u16, script: &str) {
        let (w, h) = (width.to_string(), height.to_string());
        let started = self.run(&[
            "new-session",
            "-d",
            "-s",
            session,
            "-x",
            &w,
            "-y",
            &h,
            "sh",
            "-c",
            script,
        ]);
        assert!(started.status.success(), "tmux new-session: {started:?}");
    }

    /// The screen of `session`: plain text, or with its SGR attributes
    /// (`styled`), to tell e.g. which row is in reverse video.
    pub fn capture(&self, session: &str, styled: bool) -> String {
        let mut args = vec!["capture-pane", "-p", "-t", session];
        if styled {
            args.push("-e");
        }
        String::from_utf8_lossy(&self.run(&args).stdout).into_owned()
    }

    /// Sends `keys` to `session` (`send-keys` arguments, so `-l` works).
    pub fn keys(&self, session: &str, keys: &[&str]) {
        let mut args = vec!["send-keys", "-t", session];
        args.extend_from_slice(keys);
        assert!(self.run(&args).status.success(), "send-keys {keys:?}");
    }

    /// Polls the screen of `session` (captured as `capture` does) until
    /// `ready` holds on a settled screen — the same on two captures a
    /// moment apart, so a frame caught half-drawn is never returned — and
    /// returns it; after the timeout, panics with the last screen, SGR
    /// stripped.
    pub fn wait_for(
        &self,
        session: &str,
        styled: bool,
        what: &str,
        ready: impl Fn(&str) -> bool,
    ) -> String {
        let start = Instant::now();
        loop {
            let screen = self.capture(session, styled);
            if ready(&screen) {
                std::thread::sleep(Duration::from_millis(60));
                if self.capture(session, styled) == screen {
                    return screen;
                }
            }
            assert!(
                start.elapsed() < self.timeout,
                "timed out waiting for {what}; screen:\n{}",
                strip_sgr(&screen)
            );
            std::thread::sleep(Duration::from_millis(100));
        }
    }

    /// Quits the reader in `session` with `q` and waits for its process
    /// to end; returns the last screen.
    pub fn quit(&self, session: &str) -> String {
        self.keys(session, &["q"]);
        self.wait_for(session, false, "the process to exit", |s| {
            s.contains("EXITED")
        })
    }
}

impl Drop for Tmux {
    fn drop(&mut self) {
        let _ = self.run(&["kill-server"]);
    }
}

/// Returns `s` without its escape sequences (the SGR attributes of a
/// styled capture).
pub fn strip_sgr(s: &str) -> String {
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
