//! The cached index heals and degrades instead of failing: a damaged
//! `cache.db` is moved aside and rebuilt (also by `--rebuild`), a write
//! past `ulimit -f` is one line and the command goes on, and a cache in a
//! state directory that cannot be written is still read.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use dossier::pipeline::Open;
use dossier::pipeline::Options;
use dossier::state::Cache;

const TEXTS: [&str; 3] = [
    "Bond Yields Fall After the Jobs Report\n\nTen-year yields fell for a third day after the monthly jobs report showed hiring slowing more than economists had expected.\n",
    "Local Side Wins the Cup on Penalties\n\nThe town's football club won the county cup on penalties after a goalless final watched by a record crowd at the old ground.\n",
    "Probe Finds Ice Beneath a Crater\n\nA radar instrument on the orbiter found layers of ice under the floor of a crater near the south pole, the research team reported.\n",
];

fn corpus(dir: &Path) -> PathBuf {
    let articles = dir.join("articles");
    std::fs::create_dir_all(&articles).unwrap();
    for (i, text) in TEXTS.iter().enumerate() {
        std::fs::write(articles.join(format!("a{i}.txt")), text).unwrap();
    }
    articles
}

fn list(state: &Path, articles: &Path, extra: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_dossier"))
        .args(["list", "--state-dir"])
        .arg(state)
        .arg(articles)
        .args(extra)
        .output()
        .unwrap()
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// Overwrites everything past the first 64 KiB page (the header and the
/// schema) with garbage, as a failing disk or a stray write would.
fn damage(cache: &Path) {
    let len = std::fs::metadata(cache).unwrap().len();
    assert!(len > 65_536, "the cache has more than its first page");
    let mut bytes = std::fs::read(cache).unwrap();
    for b in &mut bytes[65_536..] {
        *b = 0xA5;
    }
    std::fs::write(cache, bytes).unwrap();
}

fn moved_aside(state: &Path) -> usize {
    std::fs::read_dir(state)
        .unwrap()
        .filter_map(Result::ok)
        .filter(|e| {
            e.file_name()
                .to_string_lossy()
                .starts_with("cache.db.corrupt-")
        })
        .count()
}

#[test]
fn a_damaged_cache_is_moved_aside_and_rebuilt() {
    for rebuild in [false, true] {
        let dir = tempfile::tempdir().unwrap();
        let articles = corpus(dir.path());
        let state = dir.path().join("state");
        let first = list(&state, &articles, &[]);
        assert!(
            first.status.success() && first.stderr.is_empty(),
            "{}",
            stderr(&first)
        );
        damage(&state.join("cache.db"));

        let extra: &[&str] = if rebuild { &["--rebuild"] } else { &[] };
        let healed = list(&state, &articles, extra);
        let err = stderr(&healed);
        assert!(healed.status.success(), "{err}");
        assert_eq!(healed.stdout, first.stdout, "the same articles come out");
        assert_eq!(err.lines().count(), 1, "one line says so: {err}");
        assert!(err.contains("damaged") && err.contains("corrupt-"), "{err}");
        assert_eq!(moved_aside(&state), 1, "moved aside, never deleted");

        let after = list(&state, &articles, &[]);
        assert!(after.status.success());
        assert!(
            after.stderr.is_empty(),
            "healed for good: {}",
            stderr(&after)
        );
        assert_eq!(after.stdout, first.stdout);
    }
}

#[cfg(unix)]
#[test]
fn a_write_past_the_file_size_limit_is_one_line_and_the_command_goes_on() {
    let dir = tempfile::tempdir().unwrap();
    let articles = corpus(dir.path());
    let state = dir.path().join("state");
    let script = format!(
        "ulimit -f 40 && exec '{}' list --state-dir '{}' '{}'",
        env!("CARGO_BIN_EXE_dossier"),
        state.display(),
        articles.display()
    );
    let out = Command::new("sh").args(["-c", &script]).output().unwrap();
    let err = stderr(&out);
    assert!(out.status.success(), "{:?}: {err}", out.status);
    assert_eq!(String::from_utf8_lossy(&out.stdout).lines().count(), 3);
    assert!(!err.is_empty(), "the failed write is reported");
    for line in err.lines() {
        assert!(line.starts_with("dossier: "), "{err}");
    }
}

#[test]
fn a_cache_that_cannot_be_written_is_still_read() {
    let dir = tempfile::tempdir().unwrap();
    let articles = corpus(dir.path());
    let state = dir.path().join("state");
    let first = list(&state, &articles, &[]);
    assert!(first.status.success(), "{}", stderr(&first));
    // The binary's cache rows are keyed by the binary: fill it for this
    // one (the test) as well.
    let open = |cache: &Cache| {
        Open::new(std::slice::from_ref(&articles), &Options::default())
            .cache(cache, false)
            .run()
            .unwrap()
    };
    let (writable, _) = Cache::open(Some(&state)).unwrap();
    open(&writable);
    drop(writable);
    // SQLite cannot open the file for writing when its write-ahead log
    // cannot be created: here a folder stands where the log would go.
    // (A read-only directory does the same for any user but root.)
    let wal = state.join("cache.db-wal");
    assert!(!wal.exists());
    std::fs::create_dir(&wal).unwrap();

    let (cache, notices) = Cache::open(Some(&state)).expect("opens read-only");
    assert!(cache.is_read_only());
    assert_eq!(notices.len(), 1, "{notices:?}");
    assert!(notices[0].contains("read-only"), "{notices:?}");
    let dossier::pipeline::Opened {
        library, report, ..
    } = open(&cache);
    assert!(report.snapshot_hit, "{report:?}");
    assert_eq!(library.corpus.articles.len(), 3);

    let out = list(&state, &articles, &[]);
    assert!(out.status.success());
    assert_eq!(out.stdout, first.stdout);
    let err = stderr(&out);
    assert!(
        err.contains("read-only") && !err.contains("without the cached index"),
        "{err}"
    );
}
