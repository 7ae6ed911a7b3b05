//! Running the real binary from a test: `--no-state` or a state directory
//! of the test's own (a test must neither read nor write the user's state),
//! no state directory from the environment, no standard input, from the package's root.
#![allow(dead_code)]

use std::process::{Command, Output, Stdio};

use serde_json::Value;

/// Runs `dossier --no-state ARGS…` and returns what it did.
pub fn dossier(args: &[&str]) -> Output {
    run(&["--no-state"], args)
}

/// Runs `dossier --state-dir STATE ARGS…`: remembering, in a directory of
/// the test's own.
pub fn dossier_in(state: &std::path::Path, args: &[&str]) -> Output {
    run(
        &["--state-dir", state.to_str().expect("a UTF-8 path")],
        args,
    )
}

fn run(state: &[&str], args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_dossier"))
        .args(state)
        .args(args)
        .env_remove("DOSSIER_STATE_DIR")
        .stdin(Stdio::null())
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("the dossier binary runs")
}

/// Runs `dossier --no-state ARGS…`, which must succeed, and returns its
/// stdout as JSON.
pub fn json(args: &[&str]) -> Value {
    parsed(&dossier(args), args)
}

/// Runs `dossier --state-dir STATE ARGS…`, which must succeed, and returns
/// its stdout as JSON.
pub fn json_in(state: &std::path::Path, args: &[&str]) -> Value {
    parsed(&dossier_in(state, args), args)
}

/// The stdout of a run of `args` that must have succeeded, as JSON.
fn parsed(out: &Output, args: &[&str]) -> Value {
    assert!(
        out.status.success(),
        "dossier {args:?} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("stdout is JSON")
}
