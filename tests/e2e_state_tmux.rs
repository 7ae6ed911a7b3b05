//! End to end: remembered state survives a restart of the real binary in a
//! real terminal (tmux). With a private state directory it opens the
//! bundled seeds, stars the selected article with `s`, moves down, quits;
//! reopened, the star is on that article and the selection is where it
//! was. A config that rebinds quit to `x` is obeyed. A folder opened a
//! second time, unchanged (its list from the cache, each text read from
//! the cache when its article is shown), shows the selected article's
//! text, and the next one's after `j`; changed since (an article gone, one
//! new), its new list takes the place of the last one shown, with the
//! selected article's text. Skipped with a note when tmux is
//! not installed (CI installs it).

use crate::tmux_support;

use std::path::Path;
use std::time::Duration;
use tmux_support::{Tmux, strip_sgr};

// Generous: a debug build loading the seeds on a busy machine is slow.
const TIMEOUT: Duration = Duration::from_secs(60);
const STAR: char = '★';
const UNREAD: char = '●';

/// Starts `dossier ARGS` in a new 120 × 40 session named `name`, with HOME
/// and the XDG directories inside `home`.
fn start(tmux: &Tmux, name: &str, home: &Path, args: &str) {
    let bin = env!("CARGO_BIN_EXE_dossier");
    let home = home.display();
    let script = format!(
        "HOME='{home}' XDG_DATA_HOME='{home}/data' XDG_CONFIG_HOME='{home}/config' \
         '{bin}' {args}; echo EXITED; sleep 30"
    );
    tmux.start(name, 120, 40, &script);
}

/// One row of the article list.
#[derive(Debug, PartialEq)]
struct Row {
    title: String,
    starred: bool,
    selected: bool,
}

/// Returns the article list's rows from a screen captured with its
/// attributes: the text between the first pair of box borders.
fn rows(styled: &str) -> Vec<Row> {
    styled
        .lines()
        .skip(2)
        .filter_map(|line| line.split('│').nth(1))
        .map(|cell| {
            let text = strip_sgr(cell);
            let marks: String = text.chars().take(3).collect();
            Row {
                title: text
                    .trim()
                    .trim_start_matches([UNREAD, STAR])
                    .trim()
                    .to_owned(),
                starred: marks.contains(STAR),
                selected: cell.contains("\u{1b}[7m"),
            }
        })
        .filter(|r| !r.title.is_empty())
        .collect()
}

/// Returns true if and only if the library is shown (not the loading
/// screen) and settled: the threads found after it shows are marked (≡N
/// takes room from the titles, so rows compare only once it is there; the
/// seeds have two threads).
fn loaded(styled: &str) -> bool {
    let plain = strip_sgr(styled);
    plain.contains(" Articles ") && plain.contains('≡')
}

fn selected(styled: &str) -> Option<String> {
    rows(styled)
        .into_iter()
        .find(|r| r.selected)
        .map(|r| r.title)
}

#[test]
fn a_star_and_the_selection_survive_a_restart() {
    if !Tmux::available("the end-to-end state test") {
        return;
    }
    let sandbox = tempfile::tempdir().unwrap();
    let state = sandbox.path().join("state");
    let args = format!("--state-dir '{}'", state.display());
    let tmux = Tmux::new("e2e-state", TIMEOUT);

    start(&tmux, "first", sandbox.path(), &args);
    let screen = tmux.wait_for("first", true, "the article list", loaded);
    let before = rows(&screen);
    assert!(
        before.iter().all(|r| !r.starred),
        "a fresh state has no star"
    );
    let starred = selected(&screen).expect("a selected row");
    tmux.keys("first", &["s"]);
    tmux.wait_for("first", true, "the star", |s| {
        rows(s).iter().any(|r| r.selected && r.starred)
    });
    tmux.keys("first", &["j"]);
    let screen = tmux.wait_for("first", true, "the next row", |s| {
        selected(s).is_some_and(|t| t != starred)
    });
    let moved_to = selected(&screen).unwrap();
    tmux.quit("first");
    assert!(state.join("state.db").is_file());

    start(&tmux, "second", sandbox.path(), &args);
    let screen = tmux.wait_for("second", true, "the restored list", |s| {
        loaded(s) && rows(s).iter().any(|r| r.starred)
    });
    let after = rows(&screen);
    let stars: Vec<&str> = after
        .iter()
        .filter(|r| r.starred)
        .map(|r| r.title.as_str())
        .collect();
    assert_eq!(stars, [starred.as_str()], "{}", strip_sgr(&screen));
    assert_eq!(
        selected(&screen).as_deref(),
        Some(moved_to.as_str()),
        "selection restored:\n{}",
        strip_sgr(&screen)
    );
    tmux.quit("second");
    // Nothing was written outside the state directory.
    let home_files = ["data", "config"]
        .iter()
        .filter(|d| sandbox.path().join(d).exists())
        .count();
    assert_eq!(home_files, 0, "HOME was written");
}

#[test]
fn a_config_can_rebind_quit() {
    if !Tmux::available("the end-to-end state test") {
        return;
    }
    let sandbox = tempfile::tempdir().unwrap();
    let config = sandbox.path().join("config.toml");
    std::fs::write(&config, "[keys]\nquit = [\"x\"]\n").unwrap();
    let tmux = Tmux::new("e2e-keys", TIMEOUT);
    let args = format!("--no-state --config '{}'", config.display());
    start(&tmux, "keys", sandbox.path(), &args);
    tmux.wait_for("keys", true, "the article list", loaded);
    // `q` is no longer bound: the reader stays.
    tmux.keys("keys", &["q", "?"]);
    let help = tmux.wait_for("keys", true, "the help screen", |s| {
        strip_sgr(s).contains("quit (or close a popup)")
    });
    assert!(!help.contains("EXITED"));
    let screen = strip_sgr(&help);
    let quit_keys = screen
        .lines()
        .flat_map(|l| l.split('│'))
        .find(|cell| cell.contains("quit (or close a popup)"))
        .map(|cell| {
            cell.split("quit (or")
                .next()
                .unwrap_or_default()
                .trim()
                .to_owned()
        });
    assert_eq!(
        quit_keys.as_deref(),
        Some("x"),
        "help follows the keymap:\n{screen}"
    );
    tmux.keys("keys", &["Escape"]);
    // An Escape followed at once by a key reads as Alt+key: let it land.
    tmux.wait_for("keys", true, "the help to close", |s| {
        !strip_sgr(s).contains(" Keys ")
    });
    tmux.keys("keys", &["x"]);
    tmux.wait_for("keys", true, "the process to exit", |s| {
        s.contains("EXITED")
    });
    // --no-state: HOME (the sandbox) holds only the config file.
    let written: Vec<_> = std::fs::read_dir(sandbox.path())
        .unwrap()
        .flatten()
        .map(|e| e.file_name())
        .collect();
    assert_eq!(written, ["config.toml"], "--no-state wrote to HOME");
}

/// Writes three short articles into `dir`, each with a sentence of its own
/// in its body, and returns (headline word, sentence) per article.
fn write_articles(dir: &Path) -> Vec<(&'static str, &'static str)> {
    let articles = [
        (
            "Harbour",
            "2025-03-04",
            "The harbour board voted to dredge the western channel before the spring tides.",
        ),
        (
            "Orchard",
            "2025-03-05",
            "Growers in the valley expect the orchard harvest to start three weeks early.",
        ),
        (
            "Tramline",
            "2025-03-06",
            "Engineers closed the tramline overnight to replace a cracked section of rail.",
        ),
    ];
    std::fs::create_dir_all(dir).unwrap();
    for (word, date, sentence) in articles {
        let body = format!(
            "---\ntitle: \"{word} news of the week\"\ndate: {date}\n---\n\n{sentence}\n\n\
             A second paragraph says more about the {word} story, so that the article \
             reads as one.\n"
        );
        std::fs::write(dir.join(format!("{}.md", word.to_lowercase())), body).unwrap();
    }
    articles.iter().map(|(w, _, s)| (*w, *s)).collect()
}

/// Returns the sentence of the selected article (by its headline word)
/// when the reading pane shows it.
fn shown_sentence(styled: &str, articles: &[(&'static str, &'static str)]) -> Option<&'static str> {
    let title = selected(styled)?;
    let plain = strip_sgr(styled);
    let flat: String = plain.split_whitespace().collect::<Vec<_>>().join(" ");
    articles
        .iter()
        .find(|(word, _)| title.contains(word))
        .map(|(_, sentence)| *sentence)
        .filter(|sentence| {
            // The pane wraps: look for the sentence's first words.
            let start: String = sentence.split(' ').take(5).collect::<Vec<_>>().join(" ");
            flat.contains(&start)
        })
}

#[test]
fn a_reopened_folder_shows_the_text_of_each_article_selected() {
    if !Tmux::available("the end-to-end state test") {
        return;
    }
    let sandbox = tempfile::tempdir().unwrap();
    let folder = sandbox.path().join("articles");
    let articles = write_articles(&folder);
    let state = sandbox.path().join("state");
    let args = format!("--state-dir '{}' '{}'", state.display(), folder.display());
    let tmux = Tmux::new("e2e-bodies", TIMEOUT);

    // The first open reads the files and stores what it found.
    start(&tmux, "cold", sandbox.path(), &args);
    tmux.wait_for("cold", true, "the first article's text", |s| {
        shown_sentence(s, &articles).is_some()
    });
    tmux.quit("cold");
    assert!(state.join("cache.db").is_file());

    // Reopened unchanged, the list comes from the cache and each text is
    // read from it when its article is shown.
    start(&tmux, "warm", sandbox.path(), &args);
    let screen = tmux.wait_for("warm", true, "the text of the selected article", |s| {
        shown_sentence(s, &articles).is_some()
    });
    let first = shown_sentence(&screen, &articles).unwrap();
    tmux.keys("warm", &["j"]);
    let screen = tmux.wait_for("warm", true, "the next article's text", |s| {
        shown_sentence(s, &articles).is_some_and(|t| t != first)
    });
    let second = shown_sentence(&screen, &articles).unwrap();
    let first_start: String = first.split(' ').take(5).collect::<Vec<_>>().join(" ");
    assert!(
        !strip_sgr(&screen).contains(&first_start),
        "the pane shows only the selected article ({second}):\n{}",
        strip_sgr(&screen)
    );
    tmux.quit("warm");
    // The folder read holds only what was written into it.
    assert_eq!(std::fs::read_dir(&folder).unwrap().count(), articles.len());

    // Changed since: one article gone, one new. The last list may show
    // first; the folder is then read again and its list takes the place.
    std::fs::remove_file(folder.join("orchard.md")).unwrap();
    std::fs::write(
        folder.join("ferry.md"),
        "---\ntitle: \"Ferry news of the week\"\ndate: 2025-03-07\n---\n\n\
         The ferry company adds a late sailing on Fridays from the first of April.\n\n\
         A second paragraph says more about the Ferry story, so that the article reads as one.\n",
    )
    .unwrap();
    let now: Vec<_> = articles
        .iter()
        .copied()
        .filter(|(word, _)| *word != "Orchard")
        .chain([(
            "Ferry",
            "The ferry company adds a late sailing on Fridays from the first of April.",
        )])
        .collect();
    start(&tmux, "changed", sandbox.path(), &args);
    let listed = |s: &str| {
        let titles: Vec<String> = rows(s).into_iter().map(|r| r.title).collect();
        titles.iter().any(|t| t.contains("Ferry")) && !titles.iter().any(|t| t.contains("Orchard"))
    };
    let screen = tmux.wait_for("changed", true, "the folder's new list", |s| {
        listed(s) && shown_sentence(s, &now).is_some()
    });
    let first = shown_sentence(&screen, &now).unwrap();
    tmux.keys("changed", &["j"]);
    tmux.wait_for("changed", true, "the next article's text", |s| {
        listed(s) && shown_sentence(s, &now).is_some_and(|t| t != first)
    });
    tmux.quit("changed");
}

#[test]
fn a_folder_listed_by_the_command_line_gets_its_threads_in_the_reader() {
    if !Tmux::available("the end-to-end state test") {
        return;
    }
    let sandbox = tempfile::tempdir().unwrap();
    let folder = sandbox.path().join("seeds");
    std::fs::create_dir_all(&folder).unwrap();
    let seeds = Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds");
    for entry in std::fs::read_dir(seeds).unwrap().flatten() {
        std::fs::copy(entry.path(), folder.join(entry.file_name())).unwrap();
    }
    let state = sandbox.path().join("state");
    // `list` stores the folder's snapshot but finds no threads.
    let listed = std::process::Command::new(env!("CARGO_BIN_EXE_dossier"))
        .arg("list")
        .arg("--state-dir")
        .arg(&state)
        .arg(&folder)
        .output()
        .unwrap();
    assert!(listed.status.success(), "{listed:?}");

    // The reader lists the folder from that snapshot, without its texts,
    // and finds the threads in the texts it reads from the cache.
    let tmux = Tmux::new("e2e-threads", TIMEOUT);
    let args = format!("--state-dir '{}' '{}'", state.display(), folder.display());
    start(&tmux, "threads", sandbox.path(), &args);
    let screen = tmux.wait_for("threads", true, "the threads marked in the list", loaded);
    let marked = strip_sgr(&screen).matches('≡').count();
    assert!(marked >= 4, "two threads of two articles each:\n{screen}");
    tmux.quit("threads");
}
