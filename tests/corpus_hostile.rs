//! Hostile inputs created in a temporary folder: binary data, invalid
//! UTF-8, an empty file, a 20 MiB single line, an unreadable file and
//! folder, symlink loops, a broken JSON Lines line, and text full of control
//! characters and ANSI escapes. Proven: no panic, one clear warning per bad
//! file, every good file loads, and the folder is unchanged afterwards.

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

use dossier::corpus::Warning;
use dossier::corpus::load::{self, LoadOptions};
use dossier::pipeline::{self, Options};

const GOOD: &str = "Harbour Cranes Return to Work After Strike\n\nDock workers in the port returned to work on Friday after a two-week strike over night shifts ended with a new agreement on pay and rest days.\n\nShipping lines said it would take about ten days to clear the backlog of containers waiting at anchor outside the harbour.\n";

const OTHER: &str = "Library Extends Opening Hours for Exam Season\n\nThe central library will stay open until midnight for the next six weeks so that students preparing for exams have a quiet place to work.\n\nThe council said the extra hours would be paid for from a fund set aside for youth services last year.\n";

/// A snapshot of every entry under a folder (not following links): kind,
/// size, modification time and content.
fn snapshot(
    dir: &Path,
) -> BTreeMap<PathBuf, (String, u64, Option<std::time::SystemTime>, Vec<u8>)> {
    let mut out = BTreeMap::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        let Ok(entries) = fs::read_dir(&d) else {
            continue;
        };
        for e in entries.flatten() {
            let p = e.path();
            let Ok(meta) = fs::symlink_metadata(&p) else {
                continue;
            };
            let kind = if meta.is_symlink() {
                format!("link:{:?}", fs::read_link(&p).ok())
            } else if meta.is_dir() {
                stack.push(p.clone());
                "dir".into()
            } else {
                "file".into()
            };
            let content = if meta.is_file() {
                fs::read(&p).unwrap_or_default()
            } else {
                Vec::new()
            };
            out.insert(p, (kind, meta.len(), meta.modified().ok(), content));
        }
    }
    out
}

fn set_mode(path: &Path, mode: u32) {
    use std::os::unix::fs::PermissionsExt;
    fs::set_permissions(path, fs::Permissions::from_mode(mode)).expect("chmod");
}

/// Builds the hostile folder; returns whether permissions are enforced
/// (they are not for root).
fn hostile_folder(dir: &Path) -> bool {
    fs::write(dir.join("good.txt"), GOOD).unwrap();
    fs::create_dir(dir.join("nested")).unwrap();
    fs::write(dir.join("nested/other.md"), OTHER).unwrap();
    fs::write(
        dir.join("binary.txt"),
        b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\x01\0",
    )
    .unwrap();
    fs::write(dir.join("noextension"), [0u8, 1, 2, 3, 255, 254, 0, 7]).unwrap();
    let mut latin1 = b"Caf\xe9 owners in the old town say the new parking rules have cut their trade by a third since the spring.\n".to_vec();
    latin1.extend_from_slice(
        b"The council will review the rules in October after complaints from residents.\n",
    );
    fs::write(dir.join("latin1.txt"), latin1).unwrap();
    fs::write(dir.join("empty.txt"), b"").unwrap();
    fs::write(
        dir.join("chrome_only.txt"),
        "Skip to content\nShare\nfacebook twitter\n0 Comments\n",
    )
    .unwrap();
    let line = "The ferry was late again. ".repeat(20 * 1024 * 1024 / 26 + 1);
    fs::write(dir.join("huge.txt"), line).unwrap();
    fs::write(
        dir.join("feed.jsonl"),
        "{\"title\":\"Rail Line Reopens\",\"text\":\"The coastal rail line reopened on Monday after a landslide closed it for three weeks in the autumn.\"}\n{\"title\": broken\n{\"body\":\"Bakers in the market square say flour prices have doubled since last winter and bread must cost more.\",\"author\":\"Ana Ruiz\",\"extra\":[1,2]}\n",
    )
    .unwrap();
    fs::write(
        dir.join("ansi.txt"),
        "\x1b[31mRed Alert\x1b[0m Over Storm\x07\n\nForecasters\x1b]0;pwned\x07 warned on Sunday that a \x1b[2Jstorm would reach the coast overnight, bringing \u{202e}winds and heavy rain to low-lying towns.\x08\x7f\n",
    )
    .unwrap();
    fs::write(dir.join(".hidden.txt"), GOOD.replace("Harbour", "Hidden")).unwrap();
    fs::write(dir.join("photo.png"), b"\x89PNG not an article").unwrap();
    std::os::unix::fs::symlink("..", dir.join("nested/loop")).unwrap();
    std::os::unix::fs::symlink("self_link", dir.join("self_link")).unwrap();
    fs::write(dir.join("secret.txt"), GOOD.replace("Harbour", "Secret")).unwrap();
    set_mode(&dir.join("secret.txt"), 0o000);
    fs::create_dir(dir.join("locked")).unwrap();
    fs::write(dir.join("locked/inside.txt"), OTHER).unwrap();
    set_mode(&dir.join("locked"), 0o000);
    fs::File::open(dir.join("secret.txt")).is_err()
}

fn reasons_for<'a>(warnings: &'a [Warning], name: &str) -> Vec<&'a str> {
    warnings
        .iter()
        .filter(|w| w.path.ends_with(name))
        .map(|w| w.reason.as_str())
        .collect()
}

#[test]
fn hostile_folder_loads_good_files_and_warns_once_per_bad_file() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    let enforced = hostile_folder(dir);
    let before = snapshot(dir);

    let opts = Options {
        load: LoadOptions {
            max_file_size: 16 * 1024 * 1024,
        },
        ..Options::default()
    };
    let library = pipeline::open(&[dir.to_path_buf()], &opts, &|_| {}).expect("loads");
    let corpus = &library.corpus;
    let w = &corpus.warnings;

    for (name, needle) in [
        ("binary.txt", "binary"),
        ("noextension", "binary"),
        ("empty.txt", "empty"),
        ("huge.txt", "size limit"),
        ("latin1.txt", "not UTF-8: read as windows-1252"),
        ("chrome_only.txt", "no article text"),
        ("feed.jsonl", "line 2:"),
        ("self_link", ""),
    ] {
        let r = reasons_for(w, name);
        assert_eq!(r.len(), 1, "{name}: {r:?} in {w:#?}");
        assert!(r[0].contains(needle), "{name}: {}", r[0]);
    }
    if enforced {
        assert_eq!(reasons_for(w, "secret.txt").len(), 1);
        assert_eq!(reasons_for(w, "locked").len(), 1);
    }
    for quiet in [
        "photo.png",
        ".hidden.txt",
        "good.txt",
        "ansi.txt",
        "other.md",
    ] {
        assert!(reasons_for(w, quiet).is_empty(), "{quiet} warned");
    }

    let titles: Vec<&str> = corpus.articles.iter().map(|a| a.title.as_str()).collect();
    for expected in [
        "Harbour Cranes Return to Work After Strike",
        "Library Extends Opening Hours for Exam Season",
        "Rail Line Reopens",
        "Red Alert Over Storm",
    ] {
        assert!(
            titles.contains(&expected),
            "{expected:?} missing from {titles:?}"
        );
    }
    // The Windows-1252 file is read whole, its "é" kept.
    assert!(
        corpus
            .articles
            .iter()
            .any(|a| a.text.starts_with("Café owners"))
    );
    assert!(
        corpus
            .articles
            .iter()
            .any(|a| a.author.as_deref() == Some("Ana Ruiz"))
    );
    assert!(!titles.iter().any(|t| t.contains("Hidden")));
    // The symlink loop does not load the nested file twice.
    assert_eq!(
        corpus
            .articles
            .iter()
            .filter(|a| a.title.starts_with("Library"))
            .count(),
        1
    );
    assert_eq!(
        corpus.articles.iter().map(|a| a.sources.len()).max(),
        Some(if enforced { 1 } else { 2 })
    );
    for a in &corpus.articles {
        let all = format!("{}{}{:?}", a.title, a.text, a.end_matter);
        assert!(
            !all.chars()
                .any(|c| c.is_control() && c != '\n' || ('\u{202a}'..='\u{202e}').contains(&c)),
            "control character left in {all:?}"
        );
    }

    set_mode(&dir.join("secret.txt"), 0o644);
    set_mode(&dir.join("locked"), 0o755);
    let after = snapshot(dir);
    assert_eq!(
        before.keys().collect::<Vec<_>>(),
        after.keys().collect::<Vec<_>>()
    );
    assert!(before == after, "the folder read was changed");
}

#[test]
fn a_lowered_size_cap_skips_large_files_with_a_warning() {
    let tmp = tempfile::tempdir().unwrap();
    fs::write(tmp.path().join("a.txt"), GOOD).unwrap();
    fs::write(tmp.path().join("b.txt"), "x".repeat(5000)).unwrap();
    let opts = LoadOptions {
        max_file_size: 1000,
    };
    let (docs, warnings) = load::load_paths(&[tmp.path().to_path_buf()], &opts);
    assert_eq!(docs.len(), 1);
    assert_eq!(warnings.len(), 1);
    assert!(warnings[0].path.ends_with("b.txt"));
    assert!(warnings[0].reason.contains("size limit"));
}

#[test]
fn a_long_single_line_under_the_cap_loads_as_one_article() {
    let tmp = tempfile::tempdir().unwrap();
    let line =
        "The ferry was late again because of fog in the strait. ".repeat(4 * 1024 * 1024 / 56);
    fs::write(tmp.path().join("long.txt"), &line).unwrap();
    let library =
        pipeline::open(&[tmp.path().to_path_buf()], &Options::default(), &|_| {}).expect("loads");
    let a = &library.corpus.articles[0];
    assert!(a.words > 500_000);
    assert!(a.title.chars().count() <= 81);
}

#[test]
fn nothing_loadable_is_an_error_naming_the_path() {
    let tmp = tempfile::tempdir().unwrap();
    fs::write(tmp.path().join("empty.txt"), "").unwrap();
    let err = pipeline::open(&[tmp.path().to_path_buf()], &Options::default(), &|_| {})
        .expect_err("nothing to load");
    assert!(err.to_string().contains(&tmp.path().display().to_string()));
}

#[test]
fn the_binary_reports_warnings_on_stderr_and_json_on_stdout() {
    let tmp = tempfile::tempdir().unwrap();
    fs::write(tmp.path().join("good.txt"), GOOD).unwrap();
    fs::write(tmp.path().join("binary.txt"), b"\0\0\0\x01binary").unwrap();
    fs::write(tmp.path().join("ansi.txt"), "Storm\x1b]0;pwned\x07 Warning Issued for Coast\n\nForecasters warned on Sunday that the storm would reach the coast overnight with heavy rain.\n").unwrap();
    // --no-state: the test must not write the user's state directory.
    let out = Command::new(env!("CARGO_BIN_EXE_dossier"))
        .args(["--no-state", "list", "--json"])
        .arg(tmp.path())
        .output()
        .expect("run dossier");
    assert!(out.status.success());
    let stdout = String::from_utf8(out.stdout).unwrap();
    let rows: serde_json::Value = serde_json::from_str(&stdout).expect("JSON on stdout");
    assert_eq!(rows.as_array().map(Vec::len), Some(2));
    assert!(!stdout.contains('\u{1b}') && !stdout.contains("\\u001b"));
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(stderr.contains("binary.txt"), "{stderr}");
    assert_eq!(
        stderr.lines().filter(|l| l.contains("binary.txt")).count(),
        1
    );
}
