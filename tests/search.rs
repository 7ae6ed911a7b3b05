//! Full-text search: the index over titles and bodies, its query language,
//! incremental updates, and `dossier search` through the real binary.

use crate::cli_support;

use cli_support::{dossier, dossier_in, json, json_in};

use std::path::PathBuf;

use dossier::corpus::clean::{self, ChromeModel};
use dossier::corpus::{Corpus, RawDoc};
use dossier::pipeline::{self, Library, Options};
use dossier::search::{self as search, Query, SearchIndex, snippet};
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
fn an_update_cut_short_keeps_what_it_committed_and_the_next_adds_the_rest() {
    let dir = tempfile::tempdir().unwrap();
    let lib = written_library();
    let all = lib.corpus.articles.len();
    let (index, _) = SearchIndex::open(dir.path()).unwrap();
    let mut index = index.committing_every(10);
    // The texts run out at the 26th article, as when a folder changes
    // under an index being built from the cache.
    let text_of = |i: usize| {
        (i < 25)
            .then(|| dossier::pipeline::own_text(&lib, i))
            .flatten()
    };
    assert!(index.update_with(&lib, &text_of).is_err());
    drop(index);
    let (mut index, _) = SearchIndex::open(dir.path()).unwrap();
    assert_eq!(
        index.update(&lib).unwrap(),
        all - 20,
        "two commits of ten kept"
    );
    let ferry = Query::parse("ferry").unwrap();
    assert_eq!(index.search(&ferry, 10).unwrap().total, 2);
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

#[test]
fn the_command_prints_hits_with_marked_snippets_and_json_offsets() {
    let dir = fixtures_dir();
    let dir = dir.to_str().unwrap();
    let out = dossier(&["search", "smelters", dir, "--json"]);
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
    let out = dossier_in(state.path(), &["search", "-copper drone*", dir]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let table = String::from_utf8(out.stdout).unwrap();
    assert!(table.starts_with("1 article matches\n"), "{table}");
    assert!(table.contains("«drone"), "{table}");
    assert!(state.path().join(search::DIR).is_dir());

    let out = dossier(&["search", "-copper", dir]);
    assert!(!out.status.success());
    let err = String::from_utf8(out.stderr).unwrap();
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(err.contains("not excluded"), "{err}");
}

fn doc(title: &str, text: &str) -> RawDoc {
    RawDoc {
        path: format!("{title}.txt"),
        title: Some(title.into()),
        text: text.into(),
        ..RawDoc::default()
    }
}

/// Articles written for these tests: words that share prefixes, a phrase
/// in one order only, words with diacritics and capitals.
fn written_library() -> Library {
    let mut docs = vec![
        doc(
            "Ferry service resumes",
            "The island ferry sailed again on Monday after repairs to the ramp in São Tomé.",
        ),
        doc(
            "Council approves the ramp repairs",
            "Councillors approved money for repairs; the ferry operator welcomed the vote.",
        ),
        doc(
            "Orchard harvest is early",
            "Growers said the apple harvest began two weeks early after a warm spring.",
        ),
    ];
    // Sixty words that begin with "rep": more than any fixed cap on how
    // many words a prefix expands to.
    for n in 0..60u8 {
        let word = format!(
            "rep{}{}",
            char::from(b'a' + n / 10),
            char::from(b'a' + n % 10)
        );
        docs.push(doc(
            &format!("Note {word}"),
            &format!("A short note that says {word} once, among other words of its own."),
        ));
    }
    // Cleaned one by one, not deduplicated: the notes are alike on purpose.
    let chrome = ChromeModel::default();
    let articles = docs
        .iter()
        .filter_map(|d| clean::clean(d, &chrome))
        .collect();
    Library {
        corpus: Corpus {
            articles,
            ..Corpus::default()
        }
        .into(),
        ..Library::default()
    }
}

fn titles_of(lib: &Library, articles: &[usize]) -> Vec<String> {
    articles
        .iter()
        .map(|&i| lib.corpus.articles[i].title.clone())
        .collect()
}

#[test]
fn matching_gives_every_match_in_corpus_order_and_agrees_with_search() {
    let lib = written_library();
    let (index, notices) = search::open_for(&lib, None, search::ForThisRun::Memory).unwrap();
    assert!(notices.is_empty());
    for q in [
        "ferry",
        "FERRY repairs",
        "\"ramp repairs\"",
        "\"repairs ramp\"",
        "rep*",
        "ferry OR harvest",
        "ferry -council",
        "são",
        "sao",
        "absent",
    ] {
        let query = Query::parse(q).unwrap();
        let matching = index.matching(&query).unwrap();
        assert!(
            matching.windows(2).all(|w| w[0] < w[1]),
            "{q}: corpus order"
        );
        let hits = index.search(&query, 1000).unwrap();
        let mut searched: Vec<usize> = hits.best.iter().map(|h| h.article).collect();
        searched.sort_unstable();
        assert_eq!(matching, searched, "{q}");
        assert_eq!(hits.total, matching.len(), "{q}");
        assert!(
            hits.best.windows(2).all(|w| w[0].score >= w[1].score),
            "{q}: best first"
        );
    }
    let count = |q: &str| index.matching(&Query::parse(q).unwrap()).unwrap().len();
    assert_eq!(
        count("rep*"),
        60 + 2,
        "every word with the prefix, however many"
    );
    assert_eq!(count("\"ramp repairs\""), 1);
    assert_eq!(count("\"repairs ramp\""), 0);
    assert_eq!(count("são"), 1);
    assert_eq!(count("sao"), 0, "diacritics are not folded");
    assert_eq!(
        titles_of(
            &lib,
            &index
                .matching(&Query::parse("ferry -council").unwrap())
                .unwrap()
        ),
        vec!["Ferry service resumes".to_owned()]
    );
}

#[test]
fn the_index_matches_what_the_highlighter_marks() {
    // An article matches a one-group query exactly when the highlighter
    // finds the query in its title or text: the two split and fold alike.
    let lib = library(&[fixtures_dir()]);
    let written = written_library();
    for lib in [&lib, &written] {
        let (index, _) = search::open_for(lib, None, search::ForThisRun::Memory).unwrap();
        for q in [
            "the",
            "copper",
            "drone*",
            "\"electric vehicles\"",
            "rep*",
            "ΣΑΣ",
            "s",
            "são",
        ] {
            let query = Query::parse(q).unwrap();
            let expected: Vec<usize> = (0..lib.corpus.articles.len())
                .filter(|&i| {
                    let a = &lib.corpus.articles[i];
                    !query.matches(&a.title).is_empty() || !query.matches(&a.text).is_empty()
                })
                .collect();
            assert_eq!(index.matching(&query).unwrap(), expected, "{q}");
        }
    }
}

#[test]
fn limits_keep_the_best_in_order() {
    let lib = written_library();
    let (index, _) = search::open_for(&lib, None, search::ForThisRun::Memory).unwrap();
    let query = Query::parse("the OR ferry OR repairs").unwrap();
    let all = index.search(&query, usize::MAX).unwrap();
    for limit in [0, 1, 2, 3] {
        let some = index.search(&query, limit).unwrap();
        assert_eq!(some.total, all.total);
        assert_eq!(some.best, all.best[..limit.min(all.best.len())], "{limit}");
    }
}

#[test]
fn open_for_builds_on_disk_once_and_in_memory_without_a_state_dir() {
    let dir = tempfile::tempdir().unwrap();
    let lib = written_library();
    let ferry = Query::parse("ferry").unwrap();
    let (index, notices) =
        search::open_for(&lib, Some(dir.path()), search::ForThisRun::Memory).unwrap();
    assert!(notices.is_empty(), "{notices:?}");
    assert_eq!(index.matching(&ferry).unwrap().len(), 2);
    drop(index);
    let (mut index, _) = SearchIndex::open(dir.path()).unwrap();
    assert_eq!(index.update(&lib).unwrap(), 0, "already indexed on disk");
    assert_eq!(index.matching(&ferry).unwrap().len(), 2);
    let (memory, notices) = search::open_for(&lib, None, search::ForThisRun::Memory).unwrap();
    assert!(notices.is_empty());
    assert_eq!(memory.matching(&ferry).unwrap().len(), 2);
}

#[test]
fn a_damaged_index_is_moved_aside_and_rebuilt() {
    let dir = tempfile::tempdir().unwrap();
    let lib = written_library();
    drop(search::open_for(&lib, Some(dir.path()), search::ForThisRun::Memory).unwrap());
    let meta = dir.path().join(search::DIR).join("meta.json");
    std::fs::write(&meta, "{ not json").unwrap();
    let (index, notices) =
        search::open_for(&lib, Some(dir.path()), search::ForThisRun::Memory).unwrap();
    assert_eq!(notices.len(), 1, "{notices:?}");
    assert!(notices[0].contains("moved it to"), "{}", notices[0]);
    assert_eq!(
        index
            .matching(&Query::parse("ferry").unwrap())
            .unwrap()
            .len(),
        2
    );
    let aside = std::fs::read_dir(dir.path())
        .unwrap()
        .filter_map(Result::ok)
        .filter(|e| e.file_name().to_string_lossy().contains(".corrupt-"))
        .count();
    assert_eq!(aside, 1, "the damaged index is kept, not deleted");
}

#[test]
fn a_search_index_can_move_to_a_worker_thread() {
    fn sendable<T: Send>(_: &T) {}
    let lib = written_library();
    let (index, _) = search::open_for(&lib, None, search::ForThisRun::Memory).unwrap();
    sendable(&index);
    let found = std::thread::spawn(move || index.matching(&Query::parse("ferry").unwrap()))
        .join()
        .unwrap()
        .unwrap();
    assert_eq!(found.len(), 2);
}

#[test]
fn articles_another_dossier_indexed_meanwhile_are_not_indexed_twice() {
    let dir = tempfile::tempdir().unwrap();
    let lib = written_library();
    let (mut first, _) = SearchIndex::open(dir.path()).unwrap();
    let (mut second, _) = SearchIndex::open(dir.path()).unwrap();
    assert_eq!(second.update(&lib).unwrap(), lib.corpus.articles.len());
    assert_eq!(
        first.update(&lib).unwrap(),
        0,
        "the other one's additions are seen"
    );
    let ferry = Query::parse("ferry").unwrap();
    assert_eq!(first.search(&ferry, 10).unwrap().total, 2);
}

#[test]
fn a_word_only_a_merged_copy_holds_finds_the_article() {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/copies");
    let lib = library(std::slice::from_ref(&dir));
    assert_eq!(lib.corpus.articles.len(), 1, "the copy merges");
    let mut index = SearchIndex::in_memory().unwrap();
    index.update(&lib).unwrap();
    // "Mousehole" is only in the scraped copy's extra paragraph.
    assert!(!lib.corpus.articles[0].text.contains("Mousehole"));
    assert_eq!(
        titles(&lib, &index, "mousehole"),
        vec![lib.corpus.articles[0].title.clone()]
    );
    // The snippet is cut where the word is, and from the body where that
    // matches.
    let out = dossier(&["search", "mousehole", dir.to_str().unwrap()]);
    let shown = String::from_utf8_lossy(&out.stdout);
    assert!(shown.contains("«Mousehole» Gig Club"), "{shown}");
    let out = dossier(&["search", "regatta", dir.to_str().unwrap()]);
    let shown = String::from_utf8_lossy(&out.stdout);
    assert!(!shown.contains("Mousehole"), "{shown}");
}

#[test]
fn a_search_through_the_cache_reads_the_texts_it_stored_and_answers_as_one_in_memory() {
    // With a state directory, `search` lists the folder without its texts,
    // which go into the cache's snapshot as their entities are found, and
    // indexes and cuts snippets from there; the answers are those of an
    // open that holds every text, cold and warm alike.
    let fixtures = fixtures_dir();
    let copies = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/copies");
    for (dir, query) in [
        (&fixtures, "copper OR drone* OR council"),
        (&copies, "mousehole OR regatta"),
    ] {
        // One state directory each: scores count every article indexed.
        let state = tempfile::tempdir().unwrap();
        let dir = dir.to_str().unwrap();
        let args = ["search", query, dir, "--json", "--limit", "50"];
        let in_memory = json(&args);
        assert!(in_memory["total"].as_u64().unwrap() > 0, "{in_memory}");
        assert_eq!(json_in(state.path(), &args), in_memory, "cold, {dir}");
        assert_eq!(json_in(state.path(), &args), in_memory, "warm, {dir}");
    }
}

#[test]
fn a_scratch_index_answers_as_one_in_memory_and_leaves_nothing_behind() {
    let lib = library(&[fixtures_dir()]);
    let mut in_memory = SearchIndex::in_memory().unwrap();
    in_memory.update(&lib).unwrap();
    let mut scratch = SearchIndex::scratch().unwrap();
    scratch.update(&lib).unwrap();
    let folder = scratch.location().to_path_buf();
    assert!(folder.is_dir(), "{}", folder.display());
    for query in [
        "smelters",
        "\"electric vehicles\"",
        "glaci*",
        "smelters OR radar",
    ] {
        assert_eq!(
            titles(&lib, &scratch, query),
            titles(&lib, &in_memory, query),
            "{query}"
        );
    }
    drop(scratch);
    assert!(!folder.exists(), "{}", folder.display());
}

#[test]
fn search_without_state_leaves_nothing_in_the_temporary_directory() {
    let temp = tempfile::tempdir().unwrap();
    let fixtures = fixtures_dir();
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_dossier"))
        .args(["--no-state", "search", "smelters", "--json"])
        .arg(&fixtures)
        .env("TMPDIR", temp.path())
        .env_remove("DOSSIER_STATE_DIR")
        .stdin(std::process::Stdio::null())
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let answer: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(answer["total"], 1, "{answer}");
    let left: Vec<_> = std::fs::read_dir(temp.path()).unwrap().collect();
    assert!(left.is_empty(), "{left:?}");
}
