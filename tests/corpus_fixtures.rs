//! The cleaning and dedup rules on articles of other subjects
//! (tests/fixtures/corpus): chrome, mastheads, headlines, bylines, a
//! scraped short copy, Markdown front matter, hard-wrapped text and end
//! matter — proof that the rules are general, not fitted to the seeds.

use std::path::PathBuf;

use dossier::corpus::{Article, Corpus};
use dossier::pipeline::{self, Options};

fn fixtures() -> Corpus {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/corpus");
    let library = pipeline::open(&[dir], &Options::default(), &|_| {}).expect("fixtures open");
    std::sync::Arc::unwrap_or_clone(library.corpus)
}

fn by_path<'a>(corpus: &'a Corpus, name: &str) -> &'a Article {
    corpus
        .articles
        .iter()
        .find(|a| a.sources[0].path.ends_with(name))
        .unwrap_or_else(|| panic!("no canonical article from {name}"))
}

#[test]
fn scraped_short_copy_merges_into_the_full_story() {
    let corpus = fixtures();
    assert_eq!(corpus.articles.len(), 4);
    let copper = by_path(&corpus, "markets_copper.txt");
    let paths: Vec<&str> = copper.paths().collect();
    assert_eq!(paths.len(), 2);
    assert!(paths[1].ends_with("markets_copper_scraped.txt"));
    assert!(copper.sources[1].containment > 0.9);
}

#[test]
fn masthead_chrome_headline_and_byline() {
    let corpus = fixtures();
    let a = by_path(&corpus, "markets_copper.txt");
    assert_eq!(
        a.title,
        "Copper Climbs to Record as Chilean Smelters Cut Output"
    );
    assert_eq!(a.author.as_deref(), Some("Lena Fischer"));
    assert_eq!(
        a.headings().collect::<Vec<_>>(),
        ["Why supply is tight", "Demand from electric vehicles"]
    );
    for chrome in [
        "Harbour Times",
        "Skip to content",
        "Comments",
        "facebook",
        "Politics |",
    ] {
        assert!(!a.text.contains(chrome), "{chrome:?} left in the body");
    }
    assert!(a.text.starts_with("Copper prices rose to a record"));
    assert!(a.text.ends_with("sell old cable and pipes."));
}

#[test]
fn single_newline_paragraphs_headings_and_end_matter() {
    let corpus = fixtures();
    let a = by_path(&corpus, "sport_derby.txt");
    assert_eq!(a.title, "Late Penalty Settles a Bruising City Derby");
    assert_eq!(a.author.as_deref(), Some("Kofi Mensah"));
    assert_eq!(
        a.headings().collect::<Vec<_>>(),
        ["The turning point", "What comes next"]
    );
    assert_eq!(a.paragraphs().count(), 6);
    assert_eq!(a.end_matter.len(), 2);
    assert!(a.end_matter[0].starts_with("Original article:"));
}

#[test]
fn markdown_front_matter_and_syntax() {
    let corpus = fixtures();
    let a = by_path(&corpus, "science_glacier.md");
    assert_eq!(
        a.title,
        "Alpine glacier lost a tenth of its ice in two summers"
    );
    assert_eq!(a.author.as_deref(), Some("Aino Virtanen"));
    assert_eq!(a.date.as_deref(), Some("2025-09-14"));
    assert_eq!(a.source.as_deref(), Some("Mountain Science Weekly"));
    assert_eq!(
        a.headings().collect::<Vec<_>>(),
        ["A shrinking water tower"]
    );
    assert_eq!(a.paragraphs().count(), 4);
    assert!(
        a.text
            .contains("compared them with aerial photographs taken")
    );
    for syntax in ["**", "##", "](", "---"] {
        assert!(!a.text.contains(syntax), "{syntax:?} left in the body");
    }
}

#[test]
fn hard_wrapped_text_without_headline() {
    let corpus = fixtures();
    let a = by_path(&corpus, "politics_bridge.txt");
    assert_eq!(a.paragraphs().count(), 3);
    assert!(a.title.starts_with("The town council voted on Tuesday"));
    assert!(a.title.ends_with('…'));
    assert!(a.title.chars().count() <= 81);
    assert_eq!(a.author, None);
    assert_eq!(a.end_matter[0], "Sources");
    assert_eq!(a.end_matter.len(), 3);
}

/// A council story as `pdftotext` gives a newspaper's page: pages apart by
/// form feeds, each with the paper's running head (its name, the date, the
/// page number) and foot, a jump line at the break, a narrow column with
/// line-end hyphens and no blank line between paragraphs.
#[test]
fn printed_pages_lose_their_running_heads_and_the_story_reads_through() {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/printed");
    let library = pipeline::open(&[dir], &Options::default(), &|_| {}).expect("fixtures open");
    let a = &library.corpus.articles[0];
    assert_eq!(
        a.title,
        "Council passes £48m budget after late-night session"
    );
    assert_eq!(a.author.as_deref(), Some("Harriet Okonkwo"));
    assert_eq!(a.date.as_deref(), Some("2026-11-12"));
    let text: Vec<&str> = a.paragraphs().collect();
    let all = text.join("\n");
    for furniture in ["COURIER", "westbridgecourier", "Continued"] {
        assert!(!all.contains(furniture), "{furniture}: {all}");
    }
    // The column's hyphens are mended as the text spells the words
    // elsewhere ("WESTBRIDGE"), and the sentence over the page break and
    // the line starting "by" are one paragraph each.
    assert!(all.contains("left Westbridge £6.1m short"), "{all}");
    assert!(all.contains("cuts to library opening hours"), "{all}");
    assert!(all.contains("It was defeated by 31 votes to 24."), "{all}");
    assert!(
        all.contains("Unison's regional organiser, Dele Adeyemi, said"),
        "{all}"
    );
    assert!(
        all.contains("A Band D household will pay £2,071 a year."),
        "{all}"
    );
}

/// Search results saved from three news databases (Nexis Uni, LexisNexis
/// Academic, Factiva), two articles to a file: each article is a document
/// of its own, its header read as title, author, date and source, and the
/// databases' fields and notes are no words of it.
#[test]
fn database_exports_become_one_article_each() {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/exports");
    let library = pipeline::open(&[dir], &Options::default(), &|_| {}).expect("fixtures open");
    let mut seen: Vec<(String, String, Option<String>, Option<String>)> = library
        .corpus
        .articles
        .iter()
        .map(|a| {
            let path = a.sources[0].path.rsplit('/').next().unwrap().to_owned();
            (path, a.title.clone(), a.author.clone(), a.date.clone())
        })
        .collect();
    seen.sort();
    let own = |s: &str| Some(s.to_owned());
    assert_eq!(
        seen,
        [
            (
                "academic.txt#1".into(),
                "Mill town bets on batteries".into(),
                own("Grace Olatunji"),
                own("2026-06-14")
            ),
            (
                "academic.txt#2".into(),
                "Union wary of recycling jobs promise".into(),
                own("Grace Olatunji"),
                own("2026-06-21")
            ),
            (
                "factiva.txt#1".into(),
                "Glacier retreat in the Alps speeds up, survey finds".into(),
                own("Katrin Moser"),
                own("2026-08-18")
            ),
            (
                "factiva.txt#2".into(),
                "Ski resorts plan for shorter seasons".into(),
                None,
                own("2026-08-20")
            ),
            (
                "nexis-uni.txt#1".into(),
                "Harbour authority approves £120m container berth".into(),
                own("Tom Ashdown"),
                own("2026-03-03")
            ),
            (
                "nexis-uni.txt#2".into(),
                "Felixstowe owner questions rival's dredging plan".into(),
                own("Priya Nandakumar"),
                own("2026-03-09")
            ),
        ]
    );
    for a in &library.corpus.articles {
        let text = a.paragraphs().collect::<Vec<_>>().join("\n");
        for note in [
            "Load-Date",
            "LOAD-DATE",
            "Document ",
            "Length:",
            "LENGTH",
            "words",
            "Copyright",
            "(c)",
            "English",
            "Classification",
            "Body",
        ] {
            assert!(!text.contains(note), "{note} in {}: {text}", a.title);
        }
    }
}
