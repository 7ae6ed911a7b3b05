//! End to end: the real binary in a real terminal (tmux). It opens the
//! bundled seeds, filters with `/latvia`, sees exactly the two Latvia
//! articles, jumps to the other with `n`, quits with `q`, and the terminal
//! comes back. Skipped with a note when tmux is not installed (CI installs
//! it). Each run uses its own tmux server socket.

use crate::tmux_support;

use std::time::{Duration, Instant};
use tmux_support::{Tmux, strip_sgr};

const WIDTH: u16 = 120;
const HEIGHT: u16 = 40;
const TIMEOUT: Duration = Duration::from_secs(20);
/// The session each test runs the reader in.
const SESSION: &str = "e2e";

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

/// Starts the reader (`--no-state`: a test must neither read nor write the
/// user's state) on `folder` (the bundled seeds when `None`) and waits for
/// the article list.
fn open_reader(name: &str, folder: Option<&str>) -> Tmux {
    let tmux = Tmux::new(name, TIMEOUT);
    let bin = env!("CARGO_BIN_EXE_dossier");
    let folder = folder.map_or_else(String::new, |f| format!(" '{f}'"));
    let script = format!("'{bin}' --no-state{folder}; echo EXITED; sleep 30");
    tmux.start(SESSION, WIDTH, HEIGHT, &script);
    // The list shows before the entities are found; these tests use them.
    tmux.wait_for(SESSION, false, "the article list with its entities", |s| {
        s.contains(" Articles ") && !s.contains("finding entities")
    });
    tmux
}

/// Returns the non-empty rows of the list on `screen`.
fn filled_rows(screen: &str) -> Vec<String> {
    list_rows(screen)
        .into_iter()
        .filter(|r| !r.is_empty())
        .collect()
}

#[test]
fn filter_jump_and_quit_in_a_real_terminal() {
    if !Tmux::available("the end-to-end test") {
        return;
    }
    let tmux = open_reader("e2e", None);
    tmux.keys(SESSION, &["/"]);
    tmux.wait_for(SESSION, false, "the prompt", |s| s.contains("│/ "));
    tmux.keys(SESSION, &["-l", "latvia"]);
    tmux.wait_for(SESSION, false, "the typed query", |s| {
        s.contains("/ latvia")
    });
    tmux.keys(SESSION, &["Enter"]);
    let screen = tmux.wait_for(SESSION, false, "the filtered list", |s| {
        s.lines()
            .next()
            .is_some_and(|header| header.contains("2 of 4"))
    });
    let rows = filled_rows(&screen);
    assert_eq!(rows.len(), 2, "exactly two article rows:\n{screen}");
    assert_eq!(
        selected_row(&tmux.capture(SESSION, true)).as_ref(),
        Some(&rows[0]),
        "the first is selected:\n{screen}"
    );

    tmux.keys(SESSION, &["n"]);
    tmux.wait_for(SESSION, true, "n to select the other article", |s| {
        selected_row(s).as_ref() == Some(&rows[1])
    });
    let screen = tmux.capture(SESSION, false);
    assert!(
        screen.lines().next().unwrap_or_default().contains("2 of 4"),
        "{screen}"
    );
    let rows_after = list_rows(&screen)
        .into_iter()
        .filter(|r| !r.is_empty())
        .count();
    assert_eq!(rows_after, 2, "{screen}");

    let screen = tmux.quit(SESSION);
    assert!(
        !screen.contains(" Articles "),
        "the reader's screen is gone:\n{screen}"
    );
    let alternate = tmux.run(&["display-message", "-p", "-t", SESSION, "#{alternate_on}"]);
    assert_eq!(
        String::from_utf8_lossy(&alternate.stdout).trim(),
        "0",
        "alternate screen left"
    );
}

#[test]
fn free_text_search_lists_the_articles_that_say_a_word_and_n_follows_it() {
    if !Tmux::available("the end-to-end test") {
        return;
    }
    let tmux = open_reader("e2e-search", None);
    // A word two seeds say in their bodies, in no title and no entity.
    tmux.keys(SESSION, &["/"]);
    tmux.wait_for(SESSION, false, "the prompt", |s| s.contains("│/ "));
    tmux.keys(SESSION, &["-l", "reconnaissance"]);
    tmux.wait_for(SESSION, false, "the text hits in the prompt", |s| {
        s.contains("2 articles say \"reconnaissance\"")
    });
    tmux.keys(SESSION, &["Enter"]);
    let screen = tmux.wait_for(SESSION, false, "the filtered list", |s| {
        s.lines()
            .next()
            .is_some_and(|header| header.contains("2 of 4 · reconnaissance"))
    });
    let rows = filled_rows(&screen);
    assert_eq!(rows.len(), 2, "exactly two article rows:\n{screen}");
    assert!(
        screen.contains("reconnaissance"),
        "the match is in view:\n{screen}"
    );
    assert_eq!(
        selected_row(&tmux.capture(SESSION, true)).as_ref(),
        Some(&rows[0]),
        "the first is selected:\n{screen}"
    );
    // Each says the word once: n goes on to the other article's match.
    tmux.keys(SESSION, &["n"]);
    let screen = tmux.wait_for(SESSION, true, "n to go to the next match", |s| {
        selected_row(s).as_ref() == Some(&rows[1])
    });
    let plain = strip_sgr(&screen);
    assert!(plain.contains("article 2 of 2"), "{plain}");
    assert!(plain.contains("reconnaissance"), "{plain}");
    tmux.quit(SESSION);
}

#[test]
fn the_thread_key_lists_the_two_reports_of_the_drone_coalition() {
    if !Tmux::available("the end-to-end test") {
        return;
    }
    let tmux = open_reader("e2e-thread", None);
    // Threads are found after the list shows; their marks say when.
    let screen = tmux.wait_for(SESSION, false, "the thread marks", |s| {
        s.contains(" Articles ") && s.contains("≡2")
    });
    let first = list_rows(&screen).into_iter().next().unwrap_or_default();
    assert!(
        first.contains("Japan is reviewing"),
        "000 comes first:\n{screen}"
    );
    tmux.keys(SESSION, &["t"]);
    let screen = tmux.wait_for(SESSION, false, "the thread", |s| {
        s.lines()
            .next()
            .is_some_and(|header| header.contains("2 of 4 · thread: "))
    });
    let rows = filled_rows(&screen);
    assert_eq!(rows.len(), 2, "{screen}");
    assert!(
        rows.iter().any(|r| r.contains("Japan is reviewing")),
        "{screen}"
    );
    assert!(
        rows.iter().any(|r| r.contains("Nearly 20 countries")),
        "{screen}"
    );
    tmux.quit(SESSION);
}

#[test]
fn selecting_an_entity_draws_its_picture_over_time() {
    if !Tmux::available("the end-to-end test") {
        return;
    }
    // Dated articles of our own: a year of stories.
    let folder = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/threads/tune");
    let tmux = open_reader("e2e-picture", Some(folder));
    // The corpus's entities, then down to the second: it is followed.
    tmux.keys(SESSION, &["c"]);
    tmux.keys(SESSION, &["j"]);
    let screen = tmux.wait_for(SESSION, false, "the picture", |s| {
        s.contains("often with: ") && s.contains(" · per ")
    });
    let bars = screen.chars().filter(|c| ('▁'..='█').contains(c)).count();
    assert!(bars > 0, "the sparkline has bars:\n{screen}");
    assert!(screen.contains(" … "), "the span of the bars:\n{screen}");
    tmux.quit(SESSION);
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
    if !Tmux::available("the end-to-end test") {
        return;
    }
    let tmux = Tmux::new("e2e-hangup", TIMEOUT);
    let dir = tempfile::tempdir().expect("temp dir");
    let pid_file = dir.path().join("pid");
    let bin = env!("CARGO_BIN_EXE_dossier");
    let script = format!(
        "echo $$ > '{}'; exec '{bin}' --no-state",
        pid_file.display()
    );
    tmux.start(SESSION, 80, 24, &script);
    tmux.wait_for(SESSION, false, "the article list", |s| {
        s.contains(" Articles ")
    });
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
