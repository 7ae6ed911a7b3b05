//! Full-text search: the index over titles and bodies, its query language,
//! incremental updates, and `dossier search` through the real binary.

use std::path::PathBuf;
use std::process::{Command, Output};

use dossier::corpus::RawDoc;
use dossier::pipeline::{self, Library, Options};
use dossier::search::{Query, SearchIndex, snippet};
use serde_json::Value;

fn fixtures_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/corpus")
}

fn library(paths: &[PathBuf]) -> Library {
    pipeline::open(paths, &Options::default(), &|_| {}).expect("the corpus opens")
}

fn titles(lib: &Library, index: &SearchIndex, query: &str) -> Vec<String> {
    let hits = index.search(&Query::parse(query).unwrap(), 50).unwrap();
    assert_eq!(hits.total, hits.best.len(), "{query}: fewer than 50 hits");
    let mut t: Vec<String> = hits
        .best
        .iter()
        .map(|h| lib.corpus.articles[h.article].title.clone())
        .collect();
    t.sort();
    t
}

fn title_with(lib: &Library, word: &str) -> String {
    lib.corpus
        .articles
        .iter()
        .find(|a| a.title.contains(word))
        .unwrap_or_else(|| panic!("a title with {word}"))
        .title
        .clone()
}

#[test]
fn words_phrases_prefixes_or_and_exclusion_select_the_right_articles() {
    let lib = library(&[fixtures_dir()]);
    let mut index = SearchIndex::in_memory().unwrap();
    assert_eq!(index.update(&lib).unwrap(), lib.corpus.articles.len());
    let copper = title_with(&lib, "Copper");
    let glacier = title_with(&lib, "glacier");
    assert_eq!(titles(&lib, &index, "smelters"), vec![copper.clone()]);
    assert_eq!(titles(&lib, &index, "SMELTERS chile"), vec![copper.clone()]);
    assert_eq!(
        titles(&lib, &index, "smelters glacier"),
        Vec::<String>::new()
    );
    assert_eq!(
        titles(&lib, &index, "\"electric vehicles\""),
        vec![copper.clone()]
    );
    assert_eq!(
        titles(&lib, &index, "\"vehicles electric\""),
        Vec::<String>::new()
    );
    assert_eq!(titles(&lib, &index, "glaci*"), vec![glacier.clone()]);
    let mut both = vec![copper.clone(), glacier.clone()];
    both.sort();
    assert_eq!(titles(&lib, &index, "smelters OR radar"), both);
    assert_eq!(titles(&lib, &index, "drone* -copper"), vec![glacier]);
}

#[test]
fn a_title_word_outranks_the_same_word_in_a_body() {
    let docs = vec![
        RawDoc {
            path: "a.txt".into(),
            title: Some("Council backs new budget for the old town".into()),
            text: "Councillors voted on Tuesday to raise spending on street lighting, \
                   libraries and the bus service, and to repair the harbour wall."
                .into(),
            ..RawDoc::default()
        },
        RawDoc {
            path: "b.txt".into(),
            title: Some("Harbour strike ends after talks".into()),
            text: "Dock workers accepted a new pay offer on Monday after three weeks \
                   of talks, and cranes at the container terminal started again."
                .into(),
            ..RawDoc::default()
        },
    ];
    let lib = pipeline::build(&docs, Vec::new(), &Options::default(), &|_| {});
    let mut index = SearchIndex::in_memory().unwrap();
    index.update(&lib).unwrap();
    let hits = index.search(&Query::parse("harbour").unwrap(), 10).unwrap();
    assert_eq!(hits.total, 2);
    let first = &lib.corpus.articles[hits.best[0].article];
    assert!(first.title.starts_with("Harbour"), "{}", first.title);
    assert!(hits.best[0].score > hits.best[1].score);
}

#[test]
fn the_index_on_disk_adds_only_new_articles_and_answers_for_the_open_corpus() {
    let dir = tempfile::tempdir().unwrap();
    let seeds = library(&[]);
    let fixtures = library(&[fixtures_dir()]);
    let (mut index, notices) = SearchIndex::open(dir.path()).unwrap();
    assert!(notices.is_empty());
    assert_eq!(index.update(&seeds).unwrap(), seeds.corpus.articles.len());
    assert_eq!(
        index.update(&fixtures).unwrap(),
        fixtures.corpus.articles.len()
    );
    drop(index);
    let (mut index, _) = SearchIndex::open(dir.path()).unwrap();
    assert_eq!(index.update(&fixtures).unwrap(), 0, "nothing new to add");
    // The seeds are in the file too, but the open corpus is the fixtures.
    let drone = Query::parse("drone*").unwrap();
    assert_eq!(index.search(&drone, 10).unwrap().total, 1);
    index.update(&seeds).unwrap();
    assert_eq!(
        index.search(&drone, 10).unwrap().total,
        seeds.corpus.articles.len()
    );
}

#[test]
fn snippets_mark_exactly_the_matched_words() {
    let lib = library(&[fixtures_dir()]);
    let q = Query::parse("\"warehouse stocks\" copper").unwrap();
    let copper = lib
        .corpus
        .articles
        .iter()
        .find(|a| a.title.contains("Copper"))
        .unwrap();
    let s = snippet(&copper.text, &q);
    assert!(!s.marks.is_empty());
    for &(a, b) in &s.marks {
        let marked = s.text[a..b].to_lowercase();
        assert!(
            marked == "copper" || marked == "warehouse stocks",
            "{marked}"
        );
    }
}

fn dossier(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_dossier"))
        .args(args)
        .env_remove("DOSSIER_STATE_DIR")
        .output()
        .expect("the dossier binary runs")
}

#[test]
fn the_command_prints_hits_with_marked_snippets_and_json_offsets() {
    let dir = fixtures_dir();
    let dir = dir.to_str().unwrap();
    let out = dossier(&["--no-state", "search", "smelters", dir, "--json"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["total"], 1);
    let hit = &v["hits"][0];
    let snippet = hit["snippet"].as_str().unwrap();
    let (a, b) = (
        hit["marks"][0][0].as_u64().unwrap(),
        hit["marks"][0][1].as_u64().unwrap(),
    );
    assert_eq!(&snippet[a as usize..b as usize], "smelters");
    assert!(hit["score"].as_f64().unwrap() > 0.0);

    let state = tempfile::tempdir().unwrap();
    let state = state.path().to_str().unwrap();
    let out = dossier(&["--state-dir", state, "search", "-copper drone*", dir]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let table = String::from_utf8(out.stdout).unwrap();
    assert!(table.starts_with("1 article matches\n"), "{table}");
    assert!(table.contains("«drone"), "{table}");
    assert!(std::path::Path::new(state).join("search.db").exists());

    let out = dossier(&["--no-state", "search", "-copper", dir]);
    assert!(!out.status.success());
    let err = String::from_utf8(out.stderr).unwrap();
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(err.contains("not excluded"), "{err}");
}
