//! Saved pages and feeds through the real binary: `list` and `show --json`
//! carry the address and the numbered links, and a page with no article is
//! one line on stderr naming the file.

use crate::cli_support;

use cli_support::{dossier, json};

const PAGES: &str = "tests/fixtures/html/pages";

#[test]
fn list_shows_pages_and_feed_entries_with_their_addresses() {
    let list = json(&["list", "--json", PAGES]);
    let rows = list.as_array().unwrap();
    let titles: Vec<&str> = rows.iter().map(|r| r["title"].as_str().unwrap()).collect();
    for start in [
        "Millbrook council passes budget",
        "Harbour dredging",
        "Cocoa futures fall",
        "Moss survey",
        "Riverside crew",
    ] {
        assert!(titles.iter().any(|t| t.starts_with(start)), "{titles:#?}");
    }
    for row in rows {
        let url = row["url"].as_str().unwrap_or_default();
        assert!(url.starts_with("https://"), "{row}");
    }
}

#[test]
fn show_json_carries_the_links_the_markers_refer_to() {
    let list = json(&["list", "--json", PAGES]);
    let id = list
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["title"].as_str().unwrap().starts_with("Millbrook"))
        .map(|r| r["id"].as_str().unwrap().to_owned())
        .unwrap();
    let shown = json(&["show", "--json", &id, PAGES]);
    let text = shown["text"].as_str().unwrap();
    let links: Vec<&str> = shown["links"]
        .as_array()
        .unwrap()
        .iter()
        .map(|l| l.as_str().unwrap())
        .collect();
    let markers = (1..=links.len())
        .filter(|n| text.contains(&format!("[{n}]")))
        .count();
    assert_eq!(markers, links.len(), "{text}\n{links:?}");
    assert!(links.iter().all(|l| l.starts_with("https://")));
    assert_eq!(shown["paths"].as_array().unwrap().len(), 2);
    // The text form lists them under the article, like the reader.
    let out = dossier(&["show", &id, PAGES]);
    let plain = String::from_utf8_lossy(&out.stdout);
    assert!(plain.contains("\nLinks:\n[1] https://"), "{plain}");
}

#[test]
fn pages_without_an_article_are_one_line_each_on_stderr() {
    let out = dossier(&["list", "tests/fixtures/html/hostile"]);
    assert!(out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    for name in ["index-page.html", "login-wall.html", "scripts-only.html"] {
        let lines: Vec<&str> = stderr.lines().filter(|l| l.contains(name)).collect();
        assert_eq!(lines.len(), 1, "{name}: {stderr}");
        assert!(lines[0].contains("no article"), "{}", lines[0]);
    }
    assert!(!stderr.contains('\u{1b}') && !String::from_utf8_lossy(&out.stdout).contains('\u{1b}'));
}

#[test]
fn a_cookie_notice_beside_a_short_article_is_not_part_of_its_text() {
    let folder = "tests/fixtures/html/notice";
    let list = json(&["list", "--json", folder]);
    let id = list[0]["id"].as_str().unwrap().to_owned();
    let shown = json(&["show", "--json", &id, folder]);
    let text = shown["text"].as_str().unwrap();
    assert!(!text.contains("cookies"), "{text}");
    for kept in [
        "More than 400 residents are now waiting",
        "beside the old railway cutting",
        "grow their own potatoes",
    ] {
        assert!(text.contains(kept), "{kept:?} kept in {text}");
    }
}
