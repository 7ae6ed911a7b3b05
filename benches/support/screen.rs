//! A terminal program as a person sees it, for benches: run in a detached
//! tmux session, its screen read with `capture-pane`, its files' size
//! summed. Shared by the reader bench and the side-by-side with newsboat.

use std::path::Path;
use std::process::Command;

/// Runs tmux with `args`; its output when it succeeded.
pub fn tmux(args: &[&str]) -> Option<String> {
    let out = Command::new("tmux").args(args).output().ok()?;
    out.status
        .success()
        .then(|| String::from_utf8_lossy(&out.stdout).into_owned())
}

/// Returns true if tmux can be run.
pub fn has_tmux() -> bool {
    Command::new("tmux").arg("-V").output().is_ok()
}

/// Starts `command` (a shell command line) in a new detached session of
/// 160 by 40 cells named `session`, ending any session of that name first.
pub fn start(session: &str, command: &str) {
    let _ = tmux(&["kill-session", "-t", session]);
    tmux(&[
        "new-session",
        "-d",
        "-s",
        session,
        "-x",
        "160",
        "-y",
        "40",
        command,
    ])
    .expect("a tmux session");
}

/// Returns the text on the screen of `session`; empty once it is gone.
pub fn screen(session: &str) -> String {
    tmux(&["capture-pane", "-p", "-t", session]).unwrap_or_default()
}

/// Returns the size of the files under `dir`, in bytes.
pub fn files_size(dir: &Path) -> u64 {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return 0;
    };
    entries
        .flatten()
        .map(|e| match e.file_type() {
            Ok(t) if t.is_dir() => files_size(&e.path()),
            Ok(t) if t.is_file() => e.metadata().map_or(0, |m| m.len()),
            _ => 0,
        })
        .sum()
}
