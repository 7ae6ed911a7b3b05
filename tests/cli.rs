//! The command line, end to end through the real binary: stable JSON on
//! stdout, messages on stderr, exit codes.

use crate::cli_support;

use cli_support::{dossier, json};

use std::path::Path;

use serde_json::Value;

fn file_name(path: &Value) -> String {
    let p = path.as_str().expect("paths are strings");
    Path::new(p)
        .file_name()
        .unwrap()
        .to_string_lossy()
        .into_owned()
}

#[test]
fn list_on_the_bundled_seeds_merges_the_scraped_copy() {
    let list = json(&["list", "--json"]);
    let rows = list.as_array().expect("an array");
    assert_eq!(rows.len(), 4, "five seed files, one a copy: {list:#}");
    for row in rows {
        for key in [
            "id", "title", "author", "date", "words", "paths", "entities",
        ] {
            assert!(row.get(key).is_some(), "row lacks {key}: {row}");
        }
        let title = row["title"].as_str().unwrap();
        assert!(
            !title.is_empty() && title.chars().count() <= 120,
            "title: {title:?}"
        );
    }
    let merged: Vec<_> = rows
        .iter()
        .filter(|r| r["paths"].as_array().unwrap().len() > 1)
        .collect();
    assert_eq!(merged.len(), 1);
    let paths: Vec<String> = merged[0]["paths"]
        .as_array()
        .unwrap()
        .iter()
        .map(file_name)
        .collect();
    assert!(
        paths[0].starts_with("003_") && paths[1].starts_with("001_"),
        "{paths:?}"
    );
}

#[test]
fn dupes_reports_one_group_with_its_containment() {
    let groups = json(&["dupes", "--json"]);
    let groups = groups.as_array().unwrap();
    assert_eq!(groups.len(), 1, "{groups:?}");
    assert!(file_name(&groups[0]["canonical"]).starts_with("003_"));
    let copies = groups[0]["copies"].as_array().unwrap();
    assert_eq!(copies.len(), 1);
    assert!(file_name(&copies[0]["path"]).starts_with("001_"));
    let containment = copies[0]["containment"].as_f64().unwrap();
    assert!(
        (0.5..=1.0).contains(&containment),
        "containment {containment}"
    );
}

#[test]
fn show_gives_the_cleaned_article_with_entity_spans() {
    let list = json(&["list", "--json"]);
    for row in list.as_array().unwrap() {
        let id = row["id"].as_str().unwrap();
        let article = json(&["show", id, "--json"]);
        assert_eq!(article["id"], row["id"]);
        for key in [
            "title",
            "author",
            "paths",
            "headings",
            "paragraphs",
            "text",
            "entities",
        ] {
            assert!(article.get(key).is_some(), "show lacks {key}");
        }
        let text = article["text"].as_str().unwrap();
        for p in article["paragraphs"].as_array().unwrap() {
            assert!(text.contains(p.as_str().unwrap()), "paragraph not in text");
        }
        for e in article["entities"].as_array().unwrap() {
            let surface = surface_of(&article, e);
            assert!(!surface.trim().is_empty(), "empty mention of {e}");
        }
    }
}

/// The text a mention of `show --json` points at, in the part its `in`
/// names.
fn surface_of(article: &Value, mention: &Value) -> String {
    let part = match mention["in"].as_str().unwrap() {
        "text" => article["text"].as_str().unwrap().to_owned(),
        "title" => article["title"].as_str().unwrap().to_owned(),
        "byline" => article["author"].as_str().unwrap().to_owned(),
        "copies" => {
            let blocks: Vec<&str> = article["only_in_copies"]
                .as_array()
                .unwrap()
                .iter()
                .flat_map(|c| c["blocks"].as_array().unwrap())
                .map(|b| b.as_str().unwrap())
                .collect();
            blocks.join("\n\n")
        }
        other => panic!("a mention in {other}"),
    };
    let (start, end) = (
        mention["start"].as_u64().unwrap() as usize,
        mention["end"].as_u64().unwrap() as usize,
    );
    part.get(start..end)
        .expect("span on char boundaries")
        .to_owned()
}

#[test]
fn names_that_only_a_merged_copy_holds_are_the_article_s_entities() {
    // A scraped copy adds a paragraph the full story lacks; it merges into
    // the story, and the people and clubs it names are found there.
    const COPIES: &str = "tests/fixtures/copies";
    let list = json(&["list", "--json", COPIES]);
    let rows = list.as_array().unwrap();
    assert_eq!(rows.len(), 1, "{list}");
    let id = rows[0]["id"].as_str().unwrap();
    let article = json(&["show", id, "--json", COPIES]);
    let in_copies: Vec<String> = article["entities"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| e["in"] == "copies")
        .map(|e| surface_of(&article, e))
        .collect();
    assert!(
        in_copies.contains(&"Morwenna Treloar".to_owned()),
        "{in_copies:?}"
    );
    assert!(
        in_copies.contains(&"Mousehole Gig Club".to_owned()),
        "{in_copies:?}"
    );
    let table = dossier(&["entities", "--kind", "person", COPIES]);
    assert!(String::from_utf8_lossy(&table.stdout).contains("Morwenna Treloar"));
}

#[test]
fn show_accepts_a_unique_id_prefix_and_rejects_unknown_ids() {
    let list = json(&["list", "--json"]);
    let id = list[0]["id"].as_str().unwrap();
    assert_eq!(json(&["show", &id[..8], "--json"])["id"], list[0]["id"]);
    let out = dossier(&["show", "zzzz-not-an-id"]);
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("zzzz-not-an-id"),
        "message names the id: {err}"
    );
}

#[test]
fn entities_can_be_narrowed_by_kind() {
    let all = json(&["entities", "--json"]);
    let countries = json(&["entities", "--kind", "country", "--json"]);
    let all = all.as_array().unwrap();
    let countries = countries.as_array().unwrap();
    assert!(!countries.is_empty() && countries.len() < all.len());
    for e in countries {
        assert_eq!(e["kind"], "country");
        for key in ["name", "aliases", "articles", "mentions"] {
            assert!(e.get(key).is_some(), "entity lacks {key}");
        }
    }
    let bad = dossier(&["entities", "--kind", "planet"]);
    assert!(!bad.status.success());
}

#[test]
fn a_firm_written_with_and_without_its_legal_form_is_one_company() {
    // A wire's headline shouts the firm, its lede gives the legal form, a
    // later story drops it: one company in two articles.
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("results.txt"),
        "ORRIN FREIGHT CORP <ORF> RAISES DIVIDEND\n\n\
         TACOMA, Wash., May 6 - Orrin Freight Corp said it raised its quarterly \
         dividend to 12 cts a share from 10 cts, payable June 1.\n",
    )
    .unwrap();
    std::fs::write(
        dir.path().join("strike.txt"),
        "Dock strike hits freight\n\n\
         Shipments through the port slowed on Tuesday as dock workers walked out. \
         Orrin Freight said its trucks were waiting at the gates, and the \
         union said the strike would last two days.\n",
    )
    .unwrap();
    let path = dir.path().to_str().unwrap();
    let companies = json(&[
        "entities",
        "--kind",
        "company",
        "--json",
        "--no-state",
        path,
    ]);
    let orrin: Vec<&Value> = companies
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| e["name"].as_str().unwrap().starts_with("Orrin"))
        .collect();
    assert_eq!(orrin.len(), 1, "{companies}");
    assert_eq!(orrin[0]["name"], "Orrin Freight Corp");
    assert_eq!(orrin[0]["articles"].as_array().unwrap().len(), 2);
}

#[test]
fn the_entities_table_counts_in_words_that_agree_with_the_numbers() {
    let out = dossier(&["entities", "tests/fixtures/entities/science.txt"]);
    assert!(out.status.success());
    let table = String::from_utf8_lossy(&out.stdout);
    assert!(!table.trim().is_empty());
    for line in table.lines() {
        let words: Vec<&str> = line.split_whitespace().collect();
        for pair in words.windows(2) {
            let noun = pair[1].trim_end_matches('s');
            if matches!(noun, "article" | "mention") {
                let one = pair[0] == "1";
                assert_eq!(one, !pair[1].ends_with('s'), "{line}");
            }
        }
    }
}

#[test]
fn related_lists_other_articles_with_shared_entities() {
    let list = json(&["list", "--json"]);
    let id = list[0]["id"].as_str().unwrap();
    let related = json(&["related", id, "--json"]);
    let related = related.as_array().unwrap();
    assert!(!related.is_empty());
    for r in related {
        assert_ne!(r["id"].as_str().unwrap(), id);
        assert!(!r["shared"].as_array().unwrap().is_empty());
    }
}

#[test]
fn a_missing_path_fails_with_a_message_naming_it() {
    let out = dossier(&["list", "/nonexistent/dossier-test-folder"]);
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("/nonexistent/dossier-test-folder"), "{err}");
    assert!(err.contains("not found"), "the message says why: {err}");
    assert_eq!(err.lines().count(), 1, "one line: {err}");
}

#[test]
fn every_command_has_help() {
    for cmd in ["list", "show", "dupes", "entities", "related"] {
        let out = dossier(&[cmd, "--help"]);
        assert!(out.status.success(), "{cmd} --help");
        assert!(String::from_utf8_lossy(&out.stdout).contains("Usage"));
    }
    let out = dossier(&["--frobnicate"]);
    assert!(!out.status.success());
}
