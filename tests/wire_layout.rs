//! Plain-text layout on wire-style stories (tests/fixtures/wire, written
//! for these tests on markets, sport, science and local politics): every
//! body word kept, hard wraps rejoined without a break inside a sentence,
//! results tables and lists kept as preformatted blocks, all-caps
//! headlines taken as titles and datelines left in the body — opened as
//! one folder, so lines the stories share ("Net ... vs ...", "It gave no
//! further details.") repeat across the corpus as they do on the wire.

use crate::wire_support;

use std::path::{Path, PathBuf};

use dossier::corpus::{Article, BlockKind};
use dossier::pipeline::{self, Library, Options};
use wire_support::{Breaks, article_of, count_breaks, retention};

fn wire_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/wire")
}

fn open(dir: &Path) -> Library {
    pipeline::open(&[dir.to_path_buf()], &Options::default(), &|_| {}).expect("wire stories open")
}

fn stories(dir: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .expect("fixtures folder")
        .map(|e| e.expect("entry").path())
        .collect();
    files.sort();
    files
}

fn by_name<'a>(lib: &'a Library, name: &str) -> &'a Article {
    article_of(&lib.corpus, &wire_dir().join(name))
        .unwrap_or_else(|| panic!("no article from {name}"))
}

#[test]
fn every_body_word_is_kept() {
    let dir = wire_dir();
    let lib = open(&dir);
    let files = stories(&dir);
    assert!(files.len() >= 8);
    assert_eq!(lib.corpus.articles.len(), files.len());
    for path in &files {
        let text = std::fs::read_to_string(path).expect("read fixture");
        let article = article_of(&lib.corpus, path).expect("article for every story");
        let r = retention(&path.to_string_lossy(), &text, article);
        assert!(r.body_words > 20, "{}", r.path);
        assert!(r.missing.is_empty(), "{} lost {:?}", r.path, r.missing);
    }
}

#[test]
fn no_paragraph_break_inside_a_sentence() {
    let lib = open(&wire_dir());
    let mut breaks = Breaks::default();
    for article in &lib.corpus.articles {
        count_breaks(article, &mut breaks);
    }
    assert!(breaks.total >= 10, "{breaks:?}");
    assert_eq!(breaks.inside_sentence, 0, "{:?}", breaks.examples);
}

#[test]
fn results_tables_are_preformatted_rows_in_file_order() {
    let lib = open(&wire_dir());
    let a = by_name(&lib, "01_harbour_grain_results.txt");
    let tables: Vec<&str> = a.preformatted().collect();
    assert_eq!(tables.len(), 1, "{:?}", a.blocks);
    let rows: Vec<&str> = tables[0].lines().collect();
    assert_eq!(rows[1], "Net 217,572 vs 153,454");
    assert_eq!(rows[3], "Year");
    assert_eq!(rows.len(), 7);
    // Repeated across the folder's results stories, still kept.
    for a in &lib.corpus.articles {
        assert!(
            !a.text.contains("\n\nNet "),
            "a results row became a paragraph"
        );
    }
    let standings = by_name(&lib, "06_regional_football_results.txt");
    let table = standings.preformatted().nth(1).expect("standings table");
    assert!(table.starts_with("Consett             9  7  1  1  22   8  22\n"));
}

#[test]
fn lists_are_preformatted_and_their_introduction_is_a_paragraph() {
    let lib = open(&wire_dir());
    let a = by_name(&lib, "05_city_council_budget_vote.txt");
    let list: Vec<&str> = a.preformatted().collect();
    assert_eq!(list.len(), 1);
    assert_eq!(list[0].lines().count(), 4);
    assert!(list[0].lines().all(|l| l.starts_with("- ")));
    assert!(
        a.paragraphs()
            .any(|p| p == "The budget includes the following cuts:")
    );
}

#[test]
fn all_caps_headlines_are_titles_and_datelines_stay_in_the_body() {
    let lib = open(&wire_dir());
    let a = by_name(&lib, "08_rate_decision_markets.txt");
    assert_eq!(
        a.title,
        "CENTRAL BANK OF ELDORIA HOLDS RATE, SEES SLOWER INFLATION"
    );
    assert!(
        a.text
            .starts_with("VALMORA, Eldoria, Feb 2 - The Central Bank")
    );
    let table_only = by_name(&lib, "01_harbour_grain_results.txt");
    assert_eq!(table_only.title, "HARBOUR GRAIN CO <HGC> 4TH QTR NET");
    assert!(table_only.text.starts_with("MINNEAPOLIS, March 4 - Shr"));
}

#[test]
fn formulaic_sentences_repeated_across_stories_are_kept() {
    let lib = open(&wire_dir());
    let with_it: Vec<&Article> = lib
        .corpus
        .articles
        .iter()
        .filter(|a| a.text.contains("It gave no further details."))
        .collect();
    assert!(with_it.len() >= 4);
}

#[test]
fn mentions_fall_inside_blocks_of_the_text() {
    let lib = open(&wire_dir());
    let mut in_tables = 0;
    for (i, a) in lib.corpus.articles.iter().enumerate() {
        for b in &a.blocks {
            assert!(a.text.get(b.range()).is_some());
        }
        for m in lib.index.mentions_in(i) {
            let span = m.span();
            let block = a
                .blocks
                .iter()
                .find(|b| b.range().start <= span.start && span.end <= b.range().end)
                .unwrap_or_else(|| panic!("mention {m:?} outside every block of {}", a.title));
            assert!(a.text.get(span).is_some());
            in_tables += usize::from(block.kind == BlockKind::Preformatted);
        }
    }
    // Entity extraction reads tables too (team names, candidates).
    assert!(in_tables > 0);
}

#[test]
fn the_issue_example_keeps_its_indented_lines_as_paragraphs() {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::write(
        dir.path().join("ferry.txt"),
        "FERRY OPERATOR IN TALKS WITH SEVERAL BUYERS\n\nNorth Sound Ferries said it has started\nnegotiations with several interested parties on its possible\nsale.\n    It said there can be no assurance that any transaction will\nresult from the talks.  It gave no further details.\n    The company runs eleven ferries between the mainland and\nthe outer islands.\n",
    )
    .expect("write");
    let lib = open(dir.path());
    let a = &lib.corpus.articles[0];
    assert_eq!(a.title, "FERRY OPERATOR IN TALKS WITH SEVERAL BUYERS");
    assert_eq!(
        a.paragraphs().collect::<Vec<_>>(),
        [
            "North Sound Ferries said it has started negotiations with several interested parties on its possible sale.",
            "It said there can be no assurance that any transaction will result from the talks. It gave no further details.",
            "The company runs eleven ferries between the mainland and the outer islands.",
        ]
    );
}

#[test]
fn markdown_fences_and_pipe_tables_are_preformatted_blocks() {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::write(
        dir.path().join("tides.md"),
        "---\ntitle: Spring tides expected on the east coast\n---\nThe harbour office published the times of the spring tides for the coming week, and warned owners of small boats.\n\n| Day | High water | Height |\n|-----|-----------:|-------:|\n| Mon | 06:12 | 5.1 m |\n| Tue | 06:58 | 5.3 m |\n\n```\nLOW WATER   00:04   0.4 m\n```\n\nOfficials said the tides would be the highest since March.\n",
    )
    .expect("write");
    let lib = open(dir.path());
    let a = &lib.corpus.articles[0];
    let blocks: Vec<&str> = a.preformatted().collect();
    assert_eq!(
        blocks,
        [
            "| Day | High water | Height |\n|-----|-----------:|-------:|\n| Mon | 06:12 | 5.1 m |\n| Tue | 06:58 | 5.3 m |",
            "LOW WATER   00:04   0.4 m",
        ]
    );
    assert_eq!(a.paragraphs().count(), 2);
}

/// The rows of the one table in the wire fixture `name`, and whether the
/// article has headings.
fn table_rows(name: &str) -> (Vec<String>, bool) {
    let lib = open(&wire_dir());
    let a = by_name(&lib, name);
    let tables: Vec<&str> = a.preformatted().collect();
    assert_eq!(tables.len(), 1, "{:?}", a.blocks);
    let rows = tables[0].lines().map(str::to_owned).collect();
    (rows, a.headings().next().is_some())
}

#[test]
fn tab_aligned_tables_keep_their_columns() {
    let (rows, _) = table_rows("11_reservoir_levels_tabbed.txt");
    assert_eq!(rows.len(), 5, "{rows:?}");
    // Each column starts at the same place on every row, as the tabs set it.
    let starts = |row: &str| -> Vec<usize> {
        let b = row.as_bytes();
        (0..b.len())
            .filter(|&i| b[i] != b' ' && (i == 0 || (i >= 2 && &b[i - 2..i] == b"  ")))
            .collect()
    };
    assert_eq!(starts(&rows[1]), vec![0, 16, 24, 32], "{rows:?}");
    for row in &rows[2..] {
        assert_eq!(starts(row), starts(&rows[1]), "{rows:?}");
    }
}

#[test]
fn a_header_over_one_column_stays_the_first_row_of_its_table() {
    // The header line starts with tabs: its first column is empty.
    let (rows, has_headings) = table_rows("12_library_loans_one_column_header.txt");
    assert_eq!(rows.len(), 5, "{rows:?}");
    assert_eq!(rows[0].trim(), "Loans", "{rows:?}");
    // The header stands over the figures' column.
    let column = |row: &str| row.rfind("  ").map(|i| i + 2);
    assert_eq!(column(&rows[0]), column(&rows[1]), "{rows:?}");
    assert!(!has_headings, "the header is no heading");
}
