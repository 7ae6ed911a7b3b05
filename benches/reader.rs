//! Benchmark of the reader as a person starts it: the release binary in a
//! tmux window on a folder, opened cold (a new state directory) and then
//! warm. Its memory is read from `/proc/<pid>/status` every 100 ms and its
//! screen from tmux: when the list is first shown, when the entities are
//! found, the peak RSS (VmHWM) against the size of the folder's files, and
//! the RSS it settles at once its background work is done.
//!
//! Run with `DOSSIER_READER_DIR=DIR cargo bench --bench reader` (tmux
//! needed). For a generated folder: `DOSSIER_BENCH_SIZES=100000
//! DOSSIER_BENCH_WRITE=DIR cargo bench --bench pipeline`.
#![allow(
    clippy::disallowed_macros,
    reason = "benchmarks report their figures on stdout"
)]

#[path = "support/screen.rs"]
mod screen;
#[path = "support/status.rs"]
mod status;

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use screen::{files_size, tmux};

const SESSION: &str = "dossier-bench-reader";
/// How long an open may take before the bench gives up on it.
const LIMIT: Duration = Duration::from_secs(300);
/// How long the RSS must hold still for the reader to count as settled.
const STILL: Duration = Duration::from_secs(3);

fn main() {
    let Some(dir) = std::env::var_os("DOSSIER_READER_DIR").map(PathBuf::from) else {
        println!("set DOSSIER_READER_DIR to a folder to open in the reader");
        return;
    };
    if !screen::has_tmux() {
        println!("tmux is not installed; nothing measured");
        return;
    }
    let text: u64 = files_size(&dir);
    println!("{}: {} MiB in its files", dir.display(), text >> 20);
    let state = tempfile::tempdir().expect("a state directory");
    for run in ["cold", "warm"] {
        let open = open(&dir, state.path());
        println!(
            "{run}: list at {:.2} s, entities at {:.2} s, peak {} MiB ({:.2} x the files), settled at {} MiB",
            open.listed.as_secs_f64(),
            open.found.as_secs_f64(),
            open.peak_kb >> 10,
            (open.peak_kb * 1024) as f64 / text.max(1) as f64,
            open.settled_kb >> 10,
        );
    }
}

/// What one open of the reader measured.
struct Measured {
    listed: Duration,
    found: Duration,
    peak_kb: u64,
    settled_kb: u64,
}

/// Opens `dir` in the reader with the state in `state` and follows it
/// until its memory holds still; then quits it.
fn open(dir: &Path, state: &Path) -> Measured {
    let bin = env!("CARGO_BIN_EXE_dossier");
    let command = format!(
        "DOSSIER_STATE_DIR='{}' '{}' '{}'",
        state.display(),
        bin,
        dir.display()
    );
    let started = Instant::now();
    screen::start(SESSION, &command);
    let pid = loop {
        if let Some(pid) = find(bin, dir) {
            break pid;
        }
        assert!(started.elapsed() < LIMIT, "the reader did not start");
        std::thread::sleep(Duration::from_millis(10));
    };
    let (mut listed, mut found) = (None, None);
    let (mut peak_kb, mut last_kb, mut still_since) = (0, 0, Instant::now());
    while started.elapsed() < LIMIT {
        let (Some(rss), Some(hwm)) = (status_kb(pid, "VmRSS:"), status_kb(pid, "VmHWM:")) else {
            break;
        };
        peak_kb = hwm;
        let header = screen::screen(SESSION);
        let header = header.lines().next().unwrap_or_default();
        // The header names the program once the list is shown.
        if listed.is_none() && header.trim_start().starts_with("dossier") {
            listed = Some(started.elapsed());
        }
        if found.is_none() && header.contains("articles") && !header.contains('…') {
            found = Some(started.elapsed());
        }
        // Within 2% counts as still.
        if rss.abs_diff(last_kb) > last_kb / 50 {
            (last_kb, still_since) = (rss, Instant::now());
        }
        if found.is_some() && still_since.elapsed() >= STILL {
            break;
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    let _ = tmux(&["send-keys", "-t", SESSION, "q"]);
    while find(bin, dir).is_some() && started.elapsed() < LIMIT {
        std::thread::sleep(Duration::from_millis(50));
    }
    let _ = tmux(&["kill-session", "-t", SESSION]);
    Measured {
        listed: listed.unwrap_or(LIMIT),
        found: found.unwrap_or(LIMIT),
        peak_kb,
        settled_kb: last_kb,
    }
}

/// Returns the process running `bin` on `dir`.
fn find(bin: &str, dir: &Path) -> Option<u32> {
    let want = format!("{bin}\0{}\0", dir.display());
    std::fs::read_dir("/proc")
        .ok()?
        .flatten()
        .find_map(|entry| {
            let pid: u32 = entry.file_name().to_str()?.parse().ok()?;
            let cmdline = std::fs::read(entry.path().join("cmdline")).ok()?;
            (cmdline == want.as_bytes()).then_some(pid)
        })
}

/// Returns the field `field` of `/proc/<pid>/status`, in KiB.
fn status_kb(pid: u32, field: &str) -> Option<u64> {
    let bytes = status::process_status_bytes(&pid.to_string(), field)?;
    u64::try_from(bytes >> 10).ok()
}
