//! State that survives its own concurrency: twenty processes opening one
//! new state directory at once all get the real store (no "table already
//! exists", no in-memory fallback) and none of their marks is lost.
//!
//! The children are this test binary re-run with `DOSSIER_STAR_CHILD` set;
//! each waits for a common start instant, opens the store and the cache,
//! and stars its own article.

use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use dossier::state::{Cache, StateStore};

const CHILD_ENV: &str = "DOSSIER_STAR_CHILD";
const PROCESSES: usize = 20;

fn now_ms() -> u128 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .unwrap()
        .as_millis()
}

fn wait_until(start_ms: u128) {
    let now = now_ms();
    if start_ms > now {
        std::thread::sleep(Duration::from_millis((start_ms - now) as u64));
    }
}

/// Runs only as a child: opens the shared state dir and stars one article.
#[test]
fn child_starrer() {
    let Some(dir) = std::env::var_os(CHILD_ENV) else {
        return;
    };
    let id = std::env::var("DOSSIER_STAR_ID").unwrap();
    let start: u128 = std::env::var("DOSSIER_STAR_AT").unwrap().parse().unwrap();
    wait_until(start);
    let dir = Path::new(&dir);
    let (store, notices) = StateStore::open(Some(dir)).expect("the store opens");
    assert!(notices.is_empty(), "{notices:?}");
    let (_cache, notices) = Cache::open(Some(dir)).expect("the cache opens");
    assert!(notices.is_empty(), "{notices:?}");
    assert!(store.toggle_star(&id).expect("the star is written"));
}

#[test]
fn twenty_processes_open_a_new_state_dir_at_once_and_lose_no_mark() {
    if std::env::var_os(CHILD_ENV).is_some() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let state = dir.path().join("state");
    let exe = std::env::current_exe().unwrap();
    let start = now_ms() + 1500;
    let children: Vec<_> = (0..PROCESSES)
        .map(|i| {
            Command::new(&exe)
                .args(["--exact", "harden_state::child_starrer", "--test-threads=1"])
                .env(CHILD_ENV, &state)
                .env("DOSSIER_STAR_ID", format!("article-{i}"))
                .env("DOSSIER_STAR_AT", start.to_string())
                .stdout(Stdio::piped())
                .stderr(Stdio::piped())
                .spawn()
                .unwrap()
        })
        .collect();
    let mut failures = Vec::new();
    for (i, child) in children.into_iter().enumerate() {
        let out = child.wait_with_output().unwrap();
        if !out.status.success() {
            failures.push(format!(
                "child {i}: {}{}",
                String::from_utf8_lossy(&out.stdout),
                String::from_utf8_lossy(&out.stderr)
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    let (store, notices) = StateStore::open(Some(&state)).unwrap();
    assert!(notices.is_empty(), "{notices:?}");
    let lost: Vec<usize> = (0..PROCESSES)
        .filter(|i| !store.is_starred(&format!("article-{i}")).unwrap())
        .collect();
    assert!(lost.is_empty(), "stars lost: {lost:?}");
}

#[test]
fn twenty_commands_on_a_new_state_dir_at_once_all_use_it() {
    if std::env::var_os(CHILD_ENV).is_some() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let articles = dir.path().join("articles");
    std::fs::create_dir_all(&articles).unwrap();
    let texts = [
        "Tram Fares Rise in March\n\nSingle tram tickets will cost ten cents more from March, the transport authority said, blaming higher electricity prices and the new depot.\n",
        "Harbour Dredging Finds an Old Wreck\n\nDivers checking the channel before dredging found the hull of a nineteenth-century schooner, and the museum has asked for the work to pause for a survey.\n",
        "Striker Signs a Three-Year Deal\n\nThe club's top scorer agreed a new contract on Friday, ending weeks of talk about a move abroad before the transfer window closes.\n",
    ];
    for (i, text) in texts.iter().enumerate() {
        std::fs::write(articles.join(format!("a{i}.txt")), text).unwrap();
    }
    let state = dir.path().join("state");
    let children: Vec<_> = (0..PROCESSES)
        .map(|_| {
            Command::new(env!("CARGO_BIN_EXE_dossier"))
                .args(["list", "--state-dir"])
                .arg(&state)
                .arg(&articles)
                .stdout(Stdio::piped())
                .stderr(Stdio::piped())
                .spawn()
                .unwrap()
        })
        .collect();
    for child in children {
        let out = child.wait_with_output().unwrap();
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(out.status.success(), "{err}");
        assert!(err.is_empty(), "a command did not get the state: {err}");
        assert_eq!(String::from_utf8_lossy(&out.stdout).lines().count(), 3);
    }
}
