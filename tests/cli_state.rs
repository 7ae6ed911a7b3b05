//! The command line with remembered state, the cache and the config,
//! through the real binary. Every run gets a private HOME and XDG
//! directories, so nothing here reads or writes the user's own files.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use dossier::config::{Config, DEFAULT_TOML};
use serde_json::Value;

/// A scratch area: a fake home and a state directory inside it.
struct Sandbox {
    dir: tempfile::TempDir,
}

impl Sandbox {
    fn new() -> Self {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(dir.path().join("home")).unwrap();
        Self { dir }
    }

    fn home(&self) -> PathBuf {
        self.dir.path().join("home")
    }

    fn state(&self) -> PathBuf {
        self.dir.path().join("state")
    }

    /// Runs the binary with `args` and no state directory flag.
    fn run(&self, args: &[&str]) -> Output {
        let home = self.home();
        Command::new(env!("CARGO_BIN_EXE_dossier"))
            .args(args)
            .env("HOME", &home)
            .env("XDG_DATA_HOME", home.join(".local/share"))
            .env("XDG_CONFIG_HOME", home.join(".config"))
            .env("XDG_CACHE_HOME", home.join(".cache"))
            .env_remove("DOSSIER_STATE_DIR")
            .output()
            .expect("the binary runs")
    }

    /// Runs the binary with `--state-dir` pointing into the sandbox.
    fn run_with_state(&self, args: &[&str]) -> Output {
        let state = self.state();
        let mut all = vec!["--state-dir", state.to_str().unwrap()];
        all.extend_from_slice(args);
        self.run(&all)
    }

    /// Writes a small corpus of articles on varied subjects and returns
    /// its folder.
    fn corpus(&self) -> PathBuf {
        let dir = self.dir.path().join("articles");
        std::fs::create_dir_all(&dir).unwrap();
        for (name, text) in ARTICLES {
            std::fs::write(dir.join(name), text).unwrap();
        }
        dir
    }
}

const ARTICLES: &[(&str, &str)] = &[
    (
        "markets.txt",
        "Copper climbs as Chilean mines slow\n\nCopper prices rose for a third day on \
         Tuesday after Codelco said output at two mines in Chile would fall this quarter. \
         Traders in London said stocks were thin.\n",
    ),
    (
        "sport.md",
        "# Kipyegon breaks the mile record in Nairobi\n\nFaith Kipyegon ran the mile in \
         record time in Nairobi on Saturday, beating the mark she set in Monaco. Kenya's \
         athletics federation called it a great day.\n",
    ),
    (
        "science.txt",
        "Telescope finds water vapour on a distant planet\n\nAstronomers using the James \
         Webb Space Telescope found water vapour in the atmosphere of a planet orbiting a \
         small star, NASA said on Wednesday.\n",
    ),
    (
        "council.txt",
        "Leeds council votes to keep its libraries open\n\nLeeds City Council voted on \
         Monday to keep all of its branch libraries open next year, after a petition \
         signed by eleven thousand residents.\n",
    ),
];

fn stdout(out: &Output) -> String {
    assert!(
        out.status.success(),
        "failed ({}): {}",
        out.status,
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout.clone()).unwrap()
}

fn files_under(dir: &Path) -> Vec<PathBuf> {
    let mut found = Vec::new();
    let Ok(entries) = std::fs::read_dir(dir) else {
        return found;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            found.extend(files_under(&path));
        } else {
            found.push(path);
        }
    }
    found
}

#[test]
fn config_default_prints_the_embedded_default() {
    let sandbox = Sandbox::new();
    let printed = stdout(&sandbox.run(&["config", "--default"]));
    assert_eq!(printed, DEFAULT_TOML);
    let parsed = Config::parse(&printed, Path::new("stdout")).unwrap();
    assert_eq!(parsed, Config::default());
}

#[test]
fn config_default_works_even_with_a_broken_config() {
    let sandbox = Sandbox::new();
    let bad = fixture("bad_syntax.toml");
    let out = sandbox.run(&["--config", bad.to_str().unwrap(), "config", "--default"]);
    assert_eq!(stdout(&out), DEFAULT_TOML);
}

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/config")
        .join(name)
}

#[test]
fn every_bad_config_fixture_fails_with_one_line_naming_file_and_line() {
    let sandbox = Sandbox::new();
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/config");
    let mut checked = 0;
    for path in files_under(&dir) {
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        if !name.starts_with("bad_") {
            continue;
        }
        let out = sandbox.run(&["--config", path.to_str().unwrap(), "--no-state", "list"]);
        assert!(!out.status.success(), "{name} was accepted");
        assert!(out.stdout.is_empty(), "{name}: nothing on stdout");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(stderr.trim_end().lines().count(), 1, "{name}: {stderr}");
        assert!(stderr.contains(&path.display().to_string()), "{stderr}");
        assert!(stderr.contains(": line "), "{name}: {stderr}");
        // The binary reports exactly what the config layer found,
        // key included when there is one.
        let expected = Config::load(Some(&path)).unwrap_err().to_string();
        assert_eq!(stderr.trim_end(), format!("dossier: {expected}"));
        checked += 1;
    }
    assert!(checked >= 5, "only {checked} bad fixtures found");
}

#[test]
fn a_bad_key_binding_stops_the_reader_before_the_terminal() {
    let sandbox = Sandbox::new();
    let config = sandbox.dir.path().join("keys.toml");
    std::fs::write(
        &config,
        "[keys]\nquit = [\"x\"]\nscroll_sideways = [\"y\"]\n",
    )
    .unwrap();
    let out = sandbox.run(&["--config", config.to_str().unwrap(), "--no-state"]);
    assert!(!out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains(&config.display().to_string()), "{stderr}");
    assert!(stderr.contains("scroll_sideways"), "{stderr}");
    // No escape sequence: the terminal was never set up.
    assert!(!out.stdout.contains(&0x1b), "terminal touched");

    std::fs::write(&config, "[keys]\nquit = [\"ctrl-nothing\"]\n").unwrap();
    let out = sandbox.run(&["--config", config.to_str().unwrap(), "--no-state"]);
    assert!(!out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("quit") && stderr.contains("ctrl-nothing"),
        "{stderr}"
    );
    // The line of the binding is named, as for every other config error.
    std::fs::write(
        &config,
        "# mine\n[keys]\nup = [\"k\"]\n\ndown = [\n  \"j\",\n  \"hyperkey\",\n]\n",
    )
    .unwrap();
    let out = sandbox.run(&["--config", config.to_str().unwrap(), "--no-state"]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("line 5: keys.down:"), "{stderr}");
}

#[test]
fn export_json_holds_articles_entities_and_a_consistent_graph() {
    let sandbox = Sandbox::new();
    let export: Value =
        serde_json::from_str(&stdout(&sandbox.run_with_state(&["export"]))).unwrap();
    let list: Value =
        serde_json::from_str(&stdout(&sandbox.run_with_state(&["list", "--json"]))).unwrap();
    let articles = export["articles"].as_array().unwrap();
    let entities = export["entities"].as_array().unwrap();
    let edges = export["edges"].as_array().unwrap();
    assert_eq!(articles.len(), list.as_array().unwrap().len());
    assert!(!entities.is_empty() && !edges.is_empty());
    let ids: Vec<&str> = articles.iter().map(|a| a["id"].as_str().unwrap()).collect();
    let names: Vec<(&str, &str)> = entities
        .iter()
        .map(|e| (e["name"].as_str().unwrap(), e["kind"].as_str().unwrap()))
        .collect();
    for edge in edges {
        assert!(
            ids.contains(&edge["article_id"].as_str().unwrap()),
            "{edge}"
        );
        let entity = (
            edge["entity"].as_str().unwrap(),
            edge["kind"].as_str().unwrap(),
        );
        assert!(names.contains(&entity), "{edge}");
        assert!(edge["count"].as_u64().unwrap() >= 1, "{edge}");
    }
    // Each article's entities are exactly its edges.
    for a in articles {
        let own = edges.iter().filter(|e| e["article_id"] == a["id"]).count();
        assert_eq!(own, a["entities"].as_array().unwrap().len(), "{}", a["id"]);
    }
}

#[test]
fn export_csv_is_the_edge_list() {
    let sandbox = Sandbox::new();
    let corpus = sandbox.corpus();
    let corpus = corpus.to_str().unwrap();
    let csv = stdout(&sandbox.run_with_state(&["export", corpus, "--format", "csv"]));
    let json: Value =
        serde_json::from_str(&stdout(&sandbox.run_with_state(&["export", corpus]))).unwrap();
    let mut lines = csv.lines();
    assert_eq!(lines.next(), Some("article_id,title,entity,kind,count"));
    let rows: Vec<&str> = lines.collect();
    assert_eq!(rows.len(), json["edges"].as_array().unwrap().len());
    for row in rows {
        let id = row.split(',').next().unwrap();
        assert_eq!(id.len(), 16, "{row}");
        assert!(
            row.rsplit(',').next().unwrap().parse::<u32>().is_ok(),
            "{row}"
        );
    }
}

#[test]
fn a_second_run_reads_the_cache_and_gives_the_same_output() {
    let sandbox = Sandbox::new();
    let corpus = sandbox.corpus();
    let corpus = corpus.to_str().unwrap();
    let first = stdout(&sandbox.run_with_state(&["list", corpus, "--json"]));
    assert!(sandbox.state().join("cache.db").is_file());
    let second = stdout(&sandbox.run_with_state(&["list", corpus, "--json"]));
    assert_eq!(first, second);
    let rebuilt = stdout(&sandbox.run_with_state(&["--rebuild", "list", corpus, "--json"]));
    assert_eq!(first, rebuilt);
    let listed: Value = serde_json::from_str(&first).unwrap();
    assert_eq!(listed.as_array().unwrap().len(), ARTICLES.len());
    // A changed file is seen on the next run.
    std::fs::write(
        Path::new(corpus).join("weather.txt"),
        "Storm closes ports along the Baltic coast\n\nPorts in Latvia and Lithuania closed \
         on Friday as a storm brought winds of over a hundred kilometres an hour.\n",
    )
    .unwrap();
    let grown: Value = serde_json::from_str(&stdout(
        &sandbox.run_with_state(&["list", corpus, "--json"]),
    ))
    .unwrap();
    assert_eq!(grown.as_array().unwrap().len(), ARTICLES.len() + 1);
}

#[test]
fn no_state_touches_nothing_on_disk() {
    let sandbox = Sandbox::new();
    let corpus = sandbox.corpus();
    let state = sandbox.state();
    let out = Command::new(env!("CARGO_BIN_EXE_dossier"))
        .args(["--no-state", "list", corpus.to_str().unwrap(), "--json"])
        .env("HOME", sandbox.home())
        .env("XDG_DATA_HOME", sandbox.home().join(".local/share"))
        .env("XDG_CONFIG_HOME", sandbox.home().join(".config"))
        .env("DOSSIER_STATE_DIR", &state)
        .output()
        .unwrap();
    stdout(&out);
    assert!(files_under(&state).is_empty(), "state dir written");
    assert!(files_under(&sandbox.home()).is_empty(), "home written");
    assert!(!state.exists());
}

#[test]
fn the_state_dir_comes_from_the_environment_when_no_flag_is_given() {
    let sandbox = Sandbox::new();
    let corpus = sandbox.corpus();
    let state = sandbox.state();
    let out = Command::new(env!("CARGO_BIN_EXE_dossier"))
        .args(["list", corpus.to_str().unwrap()])
        .env("HOME", sandbox.home())
        .env("XDG_DATA_HOME", sandbox.home().join(".local/share"))
        .env("DOSSIER_STATE_DIR", &state)
        .output()
        .unwrap();
    stdout(&out);
    assert!(state.join("cache.db").is_file());
    assert!(files_under(&sandbox.home()).is_empty(), "home written");
}

#[test]
fn flags_override_the_config_file() {
    let sandbox = Sandbox::new();
    let corpus = sandbox.corpus();
    let corpus = corpus.to_str().unwrap();
    let config = sandbox.dir.path().join("small.toml");
    // Every fixture article is larger than 100 bytes.
    std::fs::write(&config, "[corpus]\nmax_file_size = 100\n").unwrap();
    let config = config.to_str().unwrap();
    let out = sandbox.run_with_state(&["--config", config, "list", corpus, "--json"]);
    assert!(!out.status.success(), "every file skipped by the config");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("over the size limit"), "{stderr}");
    let out = sandbox.run_with_state(&[
        "--config",
        config,
        "--max-size",
        "1M",
        "list",
        corpus,
        "--json",
    ]);
    let listed: Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(listed.as_array().unwrap().len(), ARTICLES.len());
}

#[test]
fn commands_keep_the_cache_but_never_open_the_marks() {
    let sandbox = Sandbox::new();
    let corpus = sandbox.corpus();
    let out = sandbox.run_with_state(&["list", "--json", corpus.to_str().unwrap()]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(sandbox.state().join("cache.db").is_file());
    assert!(
        !sandbox.state().join("state.db").exists(),
        "no command reads or writes marks"
    );
}

/// Returns the fingerprint the threads of the one corpus in the sandbox's
/// cache were stored with.
fn stored_threads_fingerprint(sandbox: &Sandbox) -> u64 {
    let conn = rusqlite::Connection::open(sandbox.state().join("cache.db")).unwrap();
    let fp: i64 = conn
        .query_row("SELECT fingerprint FROM threads", [], |r| r.get(0))
        .unwrap();
    u64::from_ne_bytes(fp.to_ne_bytes())
}

#[test]
fn threads_are_found_once_per_state_of_the_folder_and_then_read_back() {
    let sandbox = Sandbox::new();
    let corpus = sandbox.corpus();
    let path = corpus.to_str().unwrap();
    let threads = |sandbox: &Sandbox| -> Value {
        let out = sandbox.run_with_state(&["threads", "--json", path]);
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        serde_json::from_slice(&out.stdout).unwrap()
    };
    let found = threads(&sandbox);
    // Plant other threads under the same fingerprint: an unchanged folder
    // shows what is stored, without finding them again.
    let fingerprint = stored_threads_fingerprint(&sandbox);
    let list = listed_articles(&sandbox, path);
    let (cache, _) =
        dossier::state::cache::Cache::open_file(&sandbox.state().join("cache.db")).unwrap();
    let key = dossier::state::corpus_key(std::slice::from_ref(&corpus));
    let planted = vec![dossier::threads::Thread {
        articles: vec![0, list.len() - 1],
        central: 0,
    }];
    assert!(cache.save_threads(&key, fingerprint, &planted).is_none());
    drop(cache);
    let read_back = threads(&sandbox);
    let members = read_back[0]["articles"].as_array().unwrap();
    assert_eq!(read_back.as_array().unwrap().len(), 1, "{read_back}");
    assert_eq!(members.len(), 2);
    assert_eq!(members[0], list[0]["id"]);
    // A changed folder has its threads found again.
    std::fs::write(
        corpus.join("zz_added.txt"),
        "Harbour ferry timetable changes\n\nThe winter timetable starts on Monday.",
    )
    .unwrap();
    let again = threads(&sandbox);
    assert_eq!(again, found, "the added article joins no thread");
    assert_ne!(stored_threads_fingerprint(&sandbox), fingerprint);
}

#[test]
fn threads_found_in_texts_read_back_from_the_snapshot_are_those_found_in_memory() {
    let sandbox = Sandbox::new();
    let folder = sandbox.dir.path().join("seeds");
    std::fs::create_dir_all(&folder).unwrap();
    let seeds = Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds");
    for entry in std::fs::read_dir(seeds).unwrap() {
        let entry = entry.unwrap();
        std::fs::copy(entry.path(), folder.join(entry.file_name())).unwrap();
    }
    let path = folder.to_str().unwrap();
    let json = |out: Output| -> Value {
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        serde_json::from_slice(&out.stdout).unwrap()
    };
    let in_memory = json(sandbox.run(&["--no-state", "threads", "--json", path]));
    assert!(!in_memory.as_array().unwrap().is_empty());
    // Cold: the open keeps no text once its snapshot is stored, so the
    // threads are found in the texts read back from it.
    let cold = json(sandbox.run_with_state(&["threads", "--json", path]));
    assert_eq!(cold, in_memory);
    // Listed first, then the threads of the snapshot's heads.
    std::fs::remove_dir_all(sandbox.state()).unwrap();
    json(sandbox.run_with_state(&["list", "--json", path]));
    assert_eq!(
        json(sandbox.run_with_state(&["threads", "--json", path])),
        in_memory
    );
}

/// Returns the articles of `path` as `list --json` gives them.
fn listed_articles(sandbox: &Sandbox, path: &str) -> Vec<Value> {
    let out = sandbox.run_with_state(&["list", "--json", path]);
    serde_json::from_slice::<Value>(&out.stdout)
        .unwrap()
        .as_array()
        .unwrap()
        .clone()
}
