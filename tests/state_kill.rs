//! A writer killed with SIGKILL at random moments never loses a committed
//! change and never leaves the state database unreadable.
//!
//! The child is this test binary re-run with `DOSSIER_KILL_CHILD` set: it
//! writes marks and prints one line after each call returns. The parent
//! kills it after a random delay, reopens the database, and checks every
//! reported change is there.
#![allow(
    clippy::disallowed_macros,
    reason = "the child reports each commit to the parent on stdout"
)]

use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use dossier::state::StateStore;

use crate::generated;

use generated::grammar::Rng;

const CHILD_ENV: &str = "DOSSIER_KILL_CHILD";

/// Runs only as the child: writes until killed.
#[test]
fn child_writer() {
    let Some(dir) = std::env::var_os(CHILD_ENV) else {
        return;
    };
    let round: u64 = std::env::var("DOSSIER_KILL_ROUND")
        .unwrap()
        .parse()
        .unwrap();
    let (store, _) = StateStore::open(Some(std::path::Path::new(&dir))).unwrap();
    for i in 0u64.. {
        let id = format!("r{round}-{i}");
        match i % 3 {
            0 => store.set_read(&id, true).unwrap(),
            1 => {
                store.toggle_star(&id).unwrap();
            }
            _ => store.set_scroll(&id, (i % 60_000) as u16).unwrap(),
        }
        println!("committed {id}");
    }
}

#[test]
fn sigkill_never_loses_a_committed_change() {
    if std::env::var_os(CHILD_ENV).is_some() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let exe = std::env::current_exe().unwrap();
    let seed = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .unwrap()
        .as_nanos() as u64
        | 1;
    let mut rng = Rng::new(seed);
    let mut checked = 0;
    for round in 0..8u64 {
        let mut child = Command::new(&exe)
            .args([
                "--exact",
                "state_kill::child_writer",
                "--nocapture",
                "--test-threads=1",
            ])
            .env(CHILD_ENV, dir.path())
            .env("DOSSIER_KILL_ROUND", round.to_string())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let stdout = child.stdout.take().unwrap();
        let reader = std::thread::spawn(move || {
            BufReader::new(stdout)
                .lines()
                .map_while(Result::ok)
                .filter_map(|l| l.strip_prefix("committed ").map(str::to_owned))
                .collect::<Vec<String>>()
        });
        let delay = Duration::from_millis(30 + rng.next_u64() % 250);
        let start = Instant::now();
        while start.elapsed() < delay {
            std::thread::sleep(Duration::from_millis(5));
        }
        child.kill().unwrap();
        child.wait().unwrap();
        let committed = reader.join().unwrap();

        let (store, notices) = StateStore::open(Some(dir.path())).unwrap();
        assert!(
            notices.is_empty(),
            "round {round} (seed {seed}): {notices:?}"
        );
        let marks = store.marks(&committed).unwrap();
        for id in &committed {
            let i: u64 = id.rsplit('-').next().unwrap().parse().unwrap();
            let m = marks
                .get(id)
                .unwrap_or_else(|| panic!("round {round} (seed {seed}): {id} lost"));
            match i % 3 {
                0 => assert!(m.read, "{id} not read"),
                1 => assert!(m.starred, "{id} not starred"),
                _ => assert_eq!(u64::from(m.scroll), i % 60_000, "{id} scroll"),
            }
        }
        checked += committed.len();
    }
    assert!(checked > 0, "the child never committed anything");
}
