//! Dates everywhere (tests/fixtures/dates, articles written for these
//! tests): the date the file states, else a wire dateline opening the
//! body with its year from context, else the file's modification time,
//! each labelled with its source; a date in the middle of a body is never
//! taken. Also the sort orders over those dates, and the seeds' dates.

use std::path::{Path, PathBuf};
use std::time::{Duration, UNIX_EPOCH};

use dossier::corpus::{Article, DateSource};
use dossier::pipeline::{self, Library, Options};
use dossier::sort::{self, SortKey};

/// 2026-06-01 12:00 UTC.
const SAVED: u64 = 1_780_315_200;

/// The fixtures copied to a fresh folder, each saved at [`SAVED`].
fn library() -> (tempfile::TempDir, Library) {
    let src = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/dates");
    let dir = tempfile::tempdir().unwrap();
    for entry in std::fs::read_dir(&src).unwrap() {
        let path = entry.unwrap().path();
        let to = dir.path().join(path.file_name().unwrap());
        std::fs::copy(&path, &to).unwrap();
        let file = std::fs::File::options().write(true).open(&to).unwrap();
        file.set_modified(UNIX_EPOCH + Duration::from_secs(SAVED))
            .unwrap();
    }
    let lib = pipeline::open(&[dir.path().to_path_buf()], &Options::default(), &|_| {})
        .expect("the fixtures open");
    (dir, lib)
}

fn by_name<'a>(lib: &'a Library, name: &str) -> &'a Article {
    lib.corpus
        .articles
        .iter()
        .find(|a| Path::new(&a.sources[0].path).ends_with(name))
        .unwrap_or_else(|| panic!("no article from {name}"))
}

fn date<'a>(lib: &'a Library, name: &str) -> (Option<&'a str>, Option<DateSource>) {
    let a = by_name(lib, name);
    (a.date.as_deref(), a.date_source)
}

#[test]
fn wire_datelines_give_the_date_with_the_year_from_context() {
    let (_dir, lib) = library();
    let dateline = Some(DateSource::Dateline);
    // The file's year (the text names 2025 and 2026, the years it reports
    // on).
    assert_eq!(
        date(&lib, "wire_houston.txt"),
        (Some("2026-03-03"), dateline)
    );
    assert_eq!(
        date(&lib, "wire_london.txt"),
        (Some("2025-03-03"), dateline)
    );
    assert_eq!(date(&lib, "date_opens.md"), (Some("2024-03-04"), dateline));
    // No year anywhere: the file's, as the date falls before it was saved.
    assert_eq!(
        date(&lib, "region_no_year.txt"),
        (Some("2026-03-04"), dateline)
    );
}

/// A browser copy's date line with a clock time, a time zone the lists
/// lack and an update after a bar gives the day it names.
#[test]
fn a_published_line_with_a_time_and_an_update_gives_its_day() {
    let (_dir, lib) = library();
    assert_eq!(
        date(&lib, "published_with_time.txt"),
        (Some("2026-02-09"), Some(DateSource::Dateline))
    );
}

#[test]
fn the_stated_date_wins_and_a_date_inside_the_body_is_not_taken() {
    let (_dir, lib) = library();
    assert_eq!(
        date(&lib, "stated.md"),
        (Some("2025-05-05"), Some(DateSource::Metadata))
    );
    let (when, source) = date(&lib, "date_in_body.md");
    assert_eq!(source, Some(DateSource::FileTime));
    assert_eq!(when, Some("2026-06-01T12:00Z"));
}

#[test]
fn the_seeds_state_no_date_and_are_left_undated() {
    // No metadata, no dateline ("On June 30, according to …" is a
    // sentence, not a dateline) and no file.
    let lib = pipeline::open(&[], &Options::default(), &|_| {}).unwrap();
    assert!(lib.corpus.articles.iter().all(|a| a.date.is_none()));
    assert!(lib.corpus.articles.iter().all(|a| a.date_source.is_none()));
}

#[test]
fn sort_orders_put_undated_last_and_keep_corpus_order_among_equals() {
    let (_dir, lib) = library();
    let names = |key: SortKey| -> Vec<String> {
        sort::order(&lib, key)
            .into_iter()
            .map(|i| {
                let path = &lib.corpus.articles[i as usize].sources[0].path;
                Path::new(path)
                    .file_name()
                    .unwrap()
                    .to_string_lossy()
                    .into_owned()
            })
            .collect()
    };
    let newest = names(SortKey::Newest);
    assert_eq!(
        newest,
        [
            "date_in_body.md",
            "region_no_year.txt",
            "wire_houston.txt",
            "published_with_time.txt",
            "stated.md",
            "wire_london.txt",
            "date_opens.md"
        ]
    );
    let oldest = names(SortKey::Oldest);
    assert_eq!(oldest.first().map(String::as_str), Some("date_opens.md"));
    assert_eq!(oldest.last().map(String::as_str), Some("date_in_body.md"));
    let titles: Vec<String> = sort::order(&lib, SortKey::Title)
        .into_iter()
        .map(|i| lib.corpus.articles[i as usize].title.to_lowercase())
        .collect();
    assert!(titles.windows(2).all(|w| w[0] <= w[1]), "{titles:?}");
    let corpus: Vec<u32> = sort::order(&lib, SortKey::Corpus);
    assert_eq!(
        corpus,
        (0..lib.corpus.articles.len() as u32).collect::<Vec<_>>()
    );
    let mut most = sort::order(&lib, SortKey::MostEntities);
    most.sort_unstable();
    assert_eq!(most, corpus, "every order is a permutation");
}

#[test]
fn undated_articles_come_last_in_either_direction() {
    let lib = pipeline::open(&[], &Options::default(), &|_| {}).unwrap();
    for key in [SortKey::Newest, SortKey::Oldest, SortKey::Source] {
        let order = sort::order(&lib, key);
        assert_eq!(
            order,
            (0..lib.corpus.articles.len() as u32).collect::<Vec<_>>()
        );
    }
}
