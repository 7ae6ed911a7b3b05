//! Side by side with newsboat, the terminal feed reader people compare
//! dossier with, on the same articles in one run: newsboat reads them as
//! one RSS file (each file an item, its text the description), dossier as
//! the folder's files. Three rounds, the two programs taking turns:
//!
//! - cold ingest: `newsboat -x reload` with a new cache, `dossier list`
//!   with a new state directory;
//! - warm command line: `newsboat -x print-unread`, `dossier list`;
//! - warm reader: each started in tmux, from the start to its list on the
//!   screen (newsboat's feed list, then, after Enter, its article list;
//!   dossier's article list), and the memory it holds then.
//!
//! Wall time and peak RSS of the commands come from GNU time
//! (`/usr/bin/time`). Run with `DOSSIER_READER_DIR=DIR cargo bench --bench
//! newsboat`; newsboat (`apt-get install newsboat`) and tmux are needed.
#![allow(
    clippy::disallowed_macros,
    reason = "benchmarks report their figures on stdout"
)]

#[path = "support/screen.rs"]
mod screen;
#[path = "support/status.rs"]
mod status;

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

const SESSION: &str = "dossier-bench-newsboat";
const ROUNDS: usize = 3;
/// How long a reader may take to show its list before the bench gives up.
const LIMIT: Duration = Duration::from_secs(120);

fn main() {
    let Some(dir) = std::env::var_os("DOSSIER_READER_DIR").map(PathBuf::from) else {
        println!("set DOSSIER_READER_DIR to a folder of articles");
        return;
    };
    if Command::new("newsboat").arg("-v").output().is_err() || !screen::has_tmux() {
        println!("newsboat and tmux are needed (apt-get install newsboat tmux); nothing measured");
        return;
    }
    let work = tempfile::tempdir().expect("a work folder");
    let feed = work.path().join("feed.xml");
    let items = write_feed(&dir, &feed);
    std::fs::write(
        work.path().join("urls"),
        format!("file://{}\n", feed.display()),
    )
    .expect("the urls file");
    std::fs::write(work.path().join("config"), "").expect("the config file");
    println!(
        "{}: {items} articles, {} MiB of files, feed {} MiB",
        dir.display(),
        screen::files_size(&dir) >> 20,
        std::fs::metadata(&feed).map_or(0, |m| m.len()) >> 20
    );
    let bin = env!("CARGO_BIN_EXE_dossier");
    let dir = dir.display().to_string();
    for round in 1..=ROUNDS {
        let cache = work.path().join(format!("cache{round}.db"));
        let state = work.path().join(format!("state{round}"));
        let newsboat = |extra: &[&str]| newsboat_command(work.path(), &cache, extra);
        let dossier = |args: &[&str]| dossier_command(bin, &state, &dir, args);
        println!("round {round}");
        println!(
            "  cold ingest   newsboat {}",
            timed(&newsboat(&["-x", "reload"]))
        );
        println!("                dossier  {}", timed(&dossier(&["list"])));
        println!(
            "  warm command  newsboat {}",
            timed(&newsboat(&["-x", "print-unread"]))
        );
        println!("                dossier  {}", timed(&dossier(&["list"])));
        let feeds = |screen: &str| screen.contains("Your feeds");
        let articles = |screen: &str| screen.contains("Articles in feed");
        let shown = reader(&newsboat(&[]), &feeds, Some(&articles));
        println!("  warm reader   newsboat {shown}");
        // The reader's header names the program once the list is shown.
        let listed = |screen: &str| screen.trim_start().starts_with("dossier");
        let shown = reader(&dossier(&[]), &listed, None);
        println!("                dossier  {shown}");
    }
}

/// Writes the files of `dir` (sorted by path) as the items of one RSS file
/// at `feed`; returns how many.
fn write_feed(dir: &Path, feed: &Path) -> usize {
    let mut files = Vec::new();
    collect_files(dir, &mut files);
    files.sort();
    let mut xml = String::from(
        "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<rss version=\"2.0\"><channel>\
         <title>articles</title><link>http://example.invalid/</link>\
         <description>the folder's articles</description>\n",
    );
    for path in &files {
        let text = String::from_utf8_lossy(&std::fs::read(path).unwrap_or_default()).into_owned();
        let name = path.display();
        let _ = writeln!(
            xml,
            "<item><title>{}</title><link>file://{name}</link><guid>{name}</guid>\
             <description>{}</description></item>",
            escape(&title_of(&text)),
            escape(&text)
        );
    }
    xml.push_str("</channel></rss>\n");
    std::fs::write(feed, xml).expect("the feed");
    files.len()
}

fn collect_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).into_iter().flatten().flatten() {
        match entry.file_type() {
            Ok(t) if t.is_dir() => collect_files(&entry.path(), out),
            Ok(t) if t.is_file() => out.push(entry.path()),
            _ => {}
        }
    }
}

/// A page's `<title>`, else the first line with text.
fn title_of(text: &str) -> String {
    let tag = text
        .find("<title>")
        .and_then(|at| Some((at + 7, text[at..].find("</title>")? + at)));
    match tag {
        Some((start, end)) => text[start..end].trim().to_owned(),
        None => text
            .lines()
            .map(|l| l.trim_start_matches('#').trim())
            .find(|l| !l.is_empty())
            .unwrap_or_default()
            .chars()
            .take(200)
            .collect(),
    }
}

fn escape(text: &str) -> String {
    text.chars()
        .filter(|&c| c == '\n' || c == '\t' || !c.is_control())
        .fold(String::with_capacity(text.len()), |mut out, c| {
            match c {
                '<' => out.push_str("&lt;"),
                '>' => out.push_str("&gt;"),
                '&' => out.push_str("&amp;"),
                _ => out.push(c),
            }
            out
        })
}

/// The shell command that runs newsboat on the feed with its cache at
/// `cache`, everything else of its own in `work`.
fn newsboat_command(work: &Path, cache: &Path, extra: &[&str]) -> String {
    let w = work.display();
    format!(
        "env HOME='{w}' XDG_CONFIG_HOME='{w}' XDG_DATA_HOME='{w}' newsboat -u '{w}/urls' -C '{w}/config' -c '{}' {}",
        cache.display(),
        extra.join(" ")
    )
}

/// The shell command that runs dossier on `dir` with its state in `state`.
fn dossier_command(bin: &str, state: &Path, dir: &str, args: &[&str]) -> String {
    format!(
        "env DOSSIER_STATE_DIR='{}' '{bin}' {} '{dir}'",
        state.display(),
        args.join(" ")
    )
}

/// Runs `command` under GNU time, its output discarded; its wall time and
/// peak RSS.
fn timed(command: &str) -> String {
    let out = Command::new("/usr/bin/time")
        .args(["-f", "%e %M", "sh", "-c", &format!("{command} > /dev/null")])
        .stdout(Stdio::null())
        .output();
    let Ok(out) = out else {
        return "(GNU time is needed)".into();
    };
    let stderr = String::from_utf8_lossy(&out.stderr);
    let mut last = stderr.lines().last().unwrap_or_default().split_whitespace();
    match (
        last.next(),
        last.next().and_then(|kb| kb.parse::<u64>().ok()),
    ) {
        (Some(secs), Some(kb)) => format!("{secs} s, {} MB", kb / 1024),
        _ => format!("failed: {stderr}"),
    }
}

/// A test of what a screen shows.
type Shows<'a> = &'a dyn Fn(&str) -> bool;

/// Starts `command` in tmux and returns when its screen first `shown` its
/// list and the memory it holds then; with `then`, presses Enter and also
/// tells when the screen shows `then`. Quits it with `q`.
fn reader(command: &str, shown: Shows<'_>, then: Option<Shows<'_>>) -> String {
    let started = Instant::now();
    screen::start(SESSION, &format!("exec {command}"));
    let Some(listed) = wait_for(shown, started) else {
        let _ = screen::tmux(&["kill-session", "-t", SESSION]);
        return "never showed its list".into();
    };
    let pid = screen::tmux(&["display", "-p", "-t", SESSION, "#{pane_pid}"]).unwrap_or_default();
    let rss = status::process_status_bytes(pid.trim(), "VmRSS:").unwrap_or(0) >> 20;
    let mut report = format!("list shown at {} ms, {rss} MB", listed.as_millis());
    if let Some(then) = then {
        let pressed = Instant::now();
        let _ = screen::tmux(&["send-keys", "-t", SESSION, "Enter"]);
        match wait_for(then, pressed) {
            Some(at) => {
                let _ = write!(report, "; articles {} ms after Enter", at.as_millis());
            }
            None => report.push_str("; articles never shown"),
        }
    }
    for _ in 0..3 {
        let _ = screen::tmux(&["send-keys", "-t", SESSION, "q"]);
        std::thread::sleep(Duration::from_millis(100));
    }
    let _ = screen::tmux(&["kill-session", "-t", SESSION]);
    report
}

/// Polls the screen until it `shows`; how long after `since`.
fn wait_for(shows: Shows<'_>, since: Instant) -> Option<Duration> {
    while since.elapsed() < LIMIT {
        if shows(&screen::screen(SESSION)) {
            return Some(since.elapsed());
        }
        std::thread::sleep(Duration::from_millis(2));
    }
    None
}
