//! The stated expectations on the bundled seeds, through the
//! library: four articles after dedup, 003 canonical with 001 as its copy,
//! headline and lede titles, authors, headings and end matter.

use dossier::corpus::{Article, Corpus};
use dossier::pipeline::{self, Options};

fn seeds() -> Corpus {
    let library = pipeline::open(&[], &Options::default(), &|_| {}).expect("seeds open");
    std::sync::Arc::unwrap_or_clone(library.corpus)
}

fn by_path<'a>(corpus: &'a Corpus, name: &str) -> &'a Article {
    corpus
        .articles
        .iter()
        .find(|a| a.paths().any(|p| p.contains(name)))
        .unwrap_or_else(|| panic!("no article from {name}"))
}

#[test]
fn four_articles_with_003_canonical_over_001() {
    let corpus = seeds();
    assert_eq!(corpus.articles.len(), 4);
    let groups = corpus.dupe_groups();
    assert_eq!(groups.len(), 1);
    assert!(groups[0].canonical.contains("003_"));
    assert_eq!(groups[0].copies.len(), 1);
    assert!(groups[0].copies[0].path.contains("001_"));
    assert!(groups[0].copies[0].containment > 0.9);
    assert!(corpus.warnings.is_empty(), "{:?}", corpus.warnings);
}

#[test]
fn same_event_in_different_words_stays_separate() {
    let corpus = seeds();
    for (a, b) in [("000_", "004_"), ("002_", "003_")] {
        assert_ne!(by_path(&corpus, a).id, by_path(&corpus, b).id);
    }
}

#[test]
fn titles_headline_or_short_lede() {
    let corpus = seeds();
    assert_eq!(
        by_path(&corpus, "003_").title,
        "Tokyo Is Accelerating Its Military Drone Program"
    );
    let a004 = by_path(&corpus, "004_");
    assert_eq!(
        a004.title,
        "Nearly 20 countries join Latvian-led coalition for Ukraine's drones, MoD says"
    );
    // The headline glued to the photo caption is not body text.
    assert!(!a004.text.contains("(Photo:"));
    for lede_only in ["000_", "002_"] {
        let a = by_path(&corpus, lede_only);
        let first = a.paragraphs().next().unwrap_or_default();
        assert!(a.title.chars().count() <= 81, "{}", a.title);
        assert!(a.title.len() < first.len(), "title is the whole paragraph");
        let stem = a.title.trim_end_matches('…');
        assert!(first.starts_with(stem), "{} / {}", a.title, first);
    }
}

#[test]
fn authors_are_names_only() {
    let corpus = seeds();
    assert_eq!(
        by_path(&corpus, "004_").author.as_deref(),
        Some("Daria Shekina")
    );
    assert_eq!(
        by_path(&corpus, "003_").author.as_deref(),
        Some("Maxime Marquette")
    );
}

#[test]
fn headings_and_end_matter() {
    let corpus = seeds();
    let a003 = by_path(&corpus, "003_");
    let headings: Vec<&str> = a003.headings().collect();
    assert!(headings.len() >= 15, "{headings:?}");
    assert!(headings.contains(&"Co-production as a Model"));
    assert!(
        !a003
            .text
            .contains("This content was created with the help of AI")
    );
    assert!(a003.end_matter.iter().any(|l| l == "Sources"));

    let a002 = by_path(&corpus, "002_");
    assert!(
        a002.end_matter
            .iter()
            .any(|l| l.starts_with("Original article"))
    );
    assert!(a002.end_matter.iter().any(|l| l.starts_with("Disclaimer")));
    assert!(!a002.text.contains("Original article"));
    assert!(!a002.text.contains("Disclaimer"));
}

#[test]
fn page_chrome_is_gone() {
    let corpus = seeds();
    let all: String = corpus.articles.iter().map(|a| a.text.as_str()).collect();
    for chrome in [
        "Skip to content",
        "ua en ru",
        "Copied!",
        "Article Rating",
        "Notify of",
        "Most Voted",
        "linkedin icon",
    ] {
        assert!(!all.contains(chrome), "{chrome:?} left in a body");
    }
}

#[test]
fn ids_are_stable_across_loads() {
    let a: Vec<String> = seeds().articles.into_iter().map(|a| a.id).collect();
    let b: Vec<String> = seeds().articles.into_iter().map(|a| a.id).collect();
    assert_eq!(a, b);
}
