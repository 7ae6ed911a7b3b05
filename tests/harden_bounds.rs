//! Bounded work per file: a file over the size limit is never read (not
//! by the loader, not by the cache's content hash), and a file that turns
//! into a FIFO between the walk and the read is refused at once instead of
//! blocking a worker forever.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::mpsc;
use std::time::Duration;

use dossier::corpus::Warning;
use dossier::corpus::load::{self, FileRead, FileRef, LoadOptions};
use dossier::pipeline::Options;
use dossier::pipeline::{Open, Steps};
use dossier::state::Cache;

const ARTICLE: &str = "Council Votes to Keep the Night Buses\n\nThe city council voted on Tuesday to keep the night bus routes for another year, after a petition signed by eleven thousand residents asked it to reverse a planned cut.\n\nThe transport committee said the routes would cost about the same as last year.\n";

/// Runs `f` on its own thread and returns its result, or panics if it is
/// still running after a minute: the bug under test is a hang, and a hung
/// test must fail rather than never end.
fn within_a_minute<T: Send + 'static>(f: impl FnOnce() -> T + Send + 'static) -> T {
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        let _ = tx.send(f());
    });
    rx.recv_timeout(Duration::from_secs(60))
        .expect("finished instead of blocking")
}

/// Issue 11, case 3: one Markdown line of N × `*` (or `[`, `<b`, ...) took
/// 29 s at N = 320,000, growing with N²; at 2,000,000 it would take about
/// twenty minutes. Linear cleaning does each in well under a second; the
/// minute is only a guard against the old behaviour, never a speed check.
#[test]
fn a_long_run_of_any_markup_character_is_cleaned() {
    for c in [
        "*", "[", "_", "`", "!", "]", "(", "<", "<b", "<sup>1", "[[a",
    ] {
        let line = format!("a{}a\n", c.repeat(2_000_000 / c.len()));
        let docs = within_a_minute(move || {
            let (docs, _) = load::parse_bytes(
                "run.md",
                line.into_bytes(),
                Some(dossier::corpus::formats::Format::Markdown),
            );
            dossier::pipeline::build(&docs, Vec::new(), &Options::default(), &|_| {})
        });
        assert_eq!(docs.corpus.articles.len(), 1, "{c:?}");
    }
}

/// The same guard for what plain text is asked before it is cleaned: is it
/// a database export ("1 of 25 DOCUMENTS", "End of Document", "Document
/// ABC…"), are its pages apart by form feeds. A line of a million marks,
/// or a million pages, must not make the reading quadratic.
#[test]
fn a_text_of_repeated_export_or_page_marks_is_read() {
    let lines = [
        " DOCUMENTS".repeat(200_000),
        "\nDocument ".repeat(200_000),
        "\nEnd of Document\nBody".repeat(100_000),
        "a line\x0c".repeat(300_000),
    ];
    for text in lines {
        let docs = within_a_minute(move || {
            let (docs, _) = load::parse_bytes(
                "run.txt",
                text.into_bytes(),
                Some(dossier::corpus::formats::Format::Text),
            );
            docs.len()
        });
        assert!(docs <= 1, "{docs}");
    }
}

#[test]
fn a_sparse_file_larger_than_memory_is_skipped_without_being_read() {
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("articles");
    std::fs::create_dir_all(&folder).unwrap();
    std::fs::write(folder.join("buses.txt"), ARTICLE).unwrap();
    let huge = std::fs::File::create(folder.join("huge.txt")).unwrap();
    // One TiB of holes: reading it, or hashing it whole, would exhaust
    // memory or take hours.
    if huge.set_len(1 << 40).is_err() {
        // Nothing to prove on this file system.
        skip("this file system has no 1 TiB sparse files");
        return;
    }
    drop(huge);
    let state = dir.path().join("state");
    let out = within_a_minute(move || {
        Command::new(env!("CARGO_BIN_EXE_dossier"))
            .args(["list", "--state-dir"])
            .arg(&state)
            .arg(&folder)
            .output()
            .unwrap()
    });
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{err}");
    assert!(
        err.contains("huge.txt") && err.contains("over the size limit"),
        "{err}"
    );
    assert!(String::from_utf8_lossy(&out.stdout).contains("Night Buses"));
}

#[allow(clippy::disallowed_macros, reason = "a skipped test says why")]
fn skip(why: &str) {
    eprintln!("note: skipped: {why}");
}

fn mkfifo(path: &Path) {
    let made = Command::new("mkfifo").arg(path).status().unwrap();
    assert!(made.success());
}

#[cfg(unix)]
#[test]
fn a_fifo_met_by_the_reader_is_refused_at_once() {
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("swapped.txt");
    mkfifo(&fifo);
    // What the walk saw before the file was replaced: a regular file.
    let seen = FileRef {
        path: fifo,
        size: 100,
        mtime_ns: 1,
    };
    let read = within_a_minute(move || load::read_file(&seen, &LoadOptions::default()));
    let (docs, warnings) = (read.docs, read.warnings);
    assert!(docs.is_empty());
    assert_eq!(warnings.len(), 1);
    assert!(
        warnings[0].reason.contains("not a regular file"),
        "{warnings:?}"
    );
}

/// The real steps, except that the walk reports a FIFO as the regular
/// file it was a moment ago.
struct SwappedAfterTheWalk {
    fifo: PathBuf,
}

impl Steps for SwappedAfterTheWalk {
    fn discover(
        &self,
        paths: &[PathBuf],
        opts: &LoadOptions,
        found: &dyn Fn(usize),
    ) -> (Vec<FileRef>, Vec<Warning>) {
        let (mut files, warnings) = load::discover(paths, opts, found);
        files.push(FileRef {
            path: self.fifo.clone(),
            size: 100,
            mtime_ns: 1,
        });
        (files, warnings)
    }
    fn read(&self, file: &FileRef, opts: &LoadOptions) -> FileRead {
        load::read_file(file, opts)
    }
}

#[cfg(unix)]
#[test]
fn a_fifo_met_by_the_cache_is_refused_at_once() {
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("articles");
    std::fs::create_dir_all(&folder).unwrap();
    std::fs::write(folder.join("buses.txt"), ARTICLE).unwrap();
    let fifo = folder.join("zz-swapped.txt");
    mkfifo(&fifo);
    let cache_file = dir.path().join("cache.db");
    let library = within_a_minute(move || {
        let (cache, _) = Cache::open_file(&cache_file).unwrap();
        let stages = SwappedAfterTheWalk { fifo };
        Open::new(&[folder], &Options::default())
            .cache(&cache, false)
            .steps(&stages)
            .library()
    })
    .expect("the good file loads");
    assert_eq!(library.corpus.articles.len(), 1);
    assert!(
        library
            .corpus
            .warnings
            .iter()
            .any(|w| w.reason.contains("not a regular file")),
        "{:?}",
        library.corpus.warnings
    );
}
