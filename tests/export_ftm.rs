//! `export --format ftm`, end to end through the real binary: FollowTheMoney
//! JSON Lines whose references resolve, with stable ids, checked against
//! the published FtM model where the `followthemoney` package is installed.
#![allow(
    clippy::disallowed_macros,
    reason = "a skipped check says so in the test output"
)]

use std::collections::{HashMap, HashSet};
use std::path::Path;
use std::process::Command;

use serde_json::Value;

const FIXTURES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/corpus");

fn export(paths: &[&str]) -> String {
    let out = Command::new(env!("CARGO_BIN_EXE_dossier"))
        .args(["--no-state", "export", "--format", "ftm"])
        .args(paths)
        .env_remove("DOSSIER_STATE_DIR")
        .output()
        .expect("the dossier binary runs");
    assert!(
        out.status.success(),
        "export failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("UTF-8 output")
}

fn entities(jsonl: &str) -> Vec<Value> {
    jsonl
        .lines()
        .map(|l| serde_json::from_str(l).expect("each line is one JSON entity"))
        .collect()
}

fn values<'a>(entity: &'a Value, property: &str) -> Vec<&'a str> {
    entity["properties"][property]
        .as_array()
        .map(|a| a.iter().filter_map(Value::as_str).collect())
        .unwrap_or_default()
}

fn list_count(paths: &[&str]) -> usize {
    let out = Command::new(env!("CARGO_BIN_EXE_dossier"))
        .args(["--no-state", "list", "--json"])
        .args(paths)
        .output()
        .expect("the dossier binary runs");
    let list: Value = serde_json::from_slice(&out.stdout).expect("list --json is JSON");
    list.as_array().expect("a list").len()
}

#[test]
fn every_article_is_an_article_and_every_mention_links_two_exported_entities() {
    for paths in [&[][..], &[FIXTURES][..]] {
        let all = entities(&export(paths));
        let by_id: HashMap<&str, &str> = all
            .iter()
            .map(|e| (e["id"].as_str().unwrap(), e["schema"].as_str().unwrap()))
            .collect();
        assert_eq!(by_id.len(), all.len(), "ids are unique");
        let articles = all.iter().filter(|e| e["schema"] == "Article").count();
        assert_eq!(
            articles,
            list_count(paths),
            "one Article per listed article"
        );
        let mentions: Vec<&Value> = all.iter().filter(|e| e["schema"] == "Mention").collect();
        if paths.is_empty() {
            assert!(!mentions.is_empty(), "the seeds name people and companies");
        }
        for m in mentions {
            let document = values(m, "document");
            let resolved = values(m, "resolved");
            assert_eq!(document.len(), 1);
            assert_eq!(resolved.len(), 1);
            assert_eq!(by_id.get(document[0]), Some(&"Article"));
            let schema = by_id.get(resolved[0]).copied();
            assert!(
                matches!(schema, Some("Person" | "Company" | "Organization")),
                "a mention resolves to a legal entity, not {schema:?}"
            );
            assert_eq!(values(m, "detectedSchema"), vec![schema.unwrap()]);
            assert_eq!(values(m, "name").len(), 1);
        }
    }
}

#[test]
fn countries_are_iso_codes_and_ids_are_stable() {
    let first = export(&[]);
    assert_eq!(first, export(&[]), "the same corpus exports the same lines");
    let all = entities(&first);
    let codes: HashSet<&str> = all
        .iter()
        .filter(|e| e["schema"] == "Article")
        .flat_map(|e| values(e, "country"))
        .collect();
    assert!(!codes.is_empty(), "the seeds name countries");
    for code in &codes {
        assert!(
            code.len() == 2 && code.bytes().all(|b| b.is_ascii_lowercase()),
            "{code} is an ISO 3166-1 alpha-2 code"
        );
    }
    for e in &all {
        for url in values(e, "sourceUrl") {
            assert!(url.starts_with("http://") || url.starts_with("https://"));
        }
    }
}

#[test]
fn the_published_model_accepts_the_export() {
    let has_ftm = Command::new("python3")
        .args(["-c", "import followthemoney"])
        .output()
        .is_ok_and(|o| o.status.success());
    if !has_ftm {
        eprintln!("skipped: the followthemoney Python package is not installed");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("export.jsonl");
    let mut jsonl = export(&[]);
    jsonl.push_str(&export(&[FIXTURES]));
    std::fs::write(&file, jsonl).unwrap();
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/support/ftm_validate.py");
    let out = Command::new("python3")
        .arg(script)
        .arg(&file)
        .output()
        .expect("python3 runs");
    assert!(
        out.status.success(),
        "FtM validation failed:\n{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn an_export_through_the_cache_reads_the_texts_it_stored_and_writes_what_one_in_memory_does() {
    // With a state directory the texts go into the cache's snapshot as
    // their entities are found, and each article's bodyText is read back
    // from there; cold and warm, the lines are those of `--no-state`.
    let copies = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/copies");
    for dir in [FIXTURES, copies] {
        let args = ["export", "--format", "ftm", dir];
        let in_memory = crate::cli_support::dossier(&args);
        assert!(in_memory.status.success());
        assert!(String::from_utf8_lossy(&in_memory.stdout).contains("bodyText"));
        let state = tempfile::tempdir().unwrap();
        for open in ["cold", "warm"] {
            let through_cache = crate::cli_support::dossier_in(state.path(), &args);
            assert!(through_cache.status.success(), "{open}, {dir}");
            assert!(
                through_cache.stdout == in_memory.stdout,
                "{open}, {dir}: the export differs"
            );
        }
    }
}
