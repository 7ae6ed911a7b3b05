//! An entity's picture: articles per bar over the corpus's dates, and the
//! entities most often named with it, rarer ones first.

use dossier::corpus::RawDoc;
use dossier::entities::EntityKind;
use dossier::picture::{Bucket, Pictures};
use dossier::pipeline::{self, Library, Options};

/// Articles written for this test: (date, text).
fn library(stories: &[(&str, &str)]) -> Library {
    let docs: Vec<RawDoc> = stories
        .iter()
        .enumerate()
        .map(|(i, (date, text))| RawDoc {
            path: format!("story{i}.txt"),
            text: (*text).to_owned(),
            date: Some((*date).to_owned()),
            ..RawDoc::default()
        })
        .collect();
    pipeline::build(&docs, Vec::new(), &Options::default(), &|_| {})
}

#[test]
fn bars_count_articles_per_day_and_often_with_leaves_out_a_one_off() {
    let lib = library(&[
        (
            "2026-03-01",
            "Kenya and Japan signed a trade accord in Nairobi on Monday, officials said. The accord covers tea and machinery.",
        ),
        (
            "2026-03-01",
            "Japan and Kenya will hold talks on fisheries next month in Mombasa, the ministry said on Sunday.",
        ),
        (
            "2026-03-03",
            "Japan and Brazil agreed on a new airline route to Tokyo from São Paulo, the carriers said.",
        ),
        (
            "2026-03-05",
            "Kenya said its tea exports to Japan rose by a fifth in February, the board said.",
        ),
        (
            "2026-03-05",
            "Brazil and Argentina met in Buenos Aires to discuss grain tariffs, officials said on Thursday.",
        ),
    ]);
    let index = &lib.index;
    let japan = index
        .find(EntityKind::Country, "Japan")
        .expect("Japan indexed");
    let kenya = index
        .find(EntityKind::Country, "Kenya")
        .expect("Kenya indexed");
    let pictures = Pictures::new(&lib);
    assert_eq!(pictures.bucket(), Bucket::Day);
    let picture = pictures.of(index, japan, 5);
    let counts: Vec<u32> = picture.bars.iter().map(|b| b.articles).collect();
    assert_eq!(counts, [2, 0, 1, 0, 1]);
    assert_eq!(picture.bars[0].start, "2026-03-01");
    assert_eq!(picture.undated, 0);
    let first = picture.often_with[0];
    assert_eq!(first.entity, kenya);
    assert_eq!(first.articles, 3);
    assert!(picture.often_with.iter().all(|o| o.entity != japan));
    // Kenya's bars line up with Japan's: the span is the corpus's.
    assert_eq!(pictures.of(index, kenya, 5).bars.len(), picture.bars.len());
    // Counts kept between pictures start from nothing each time: Japan's
    // picture is the same after Kenya's and Brazil's, and on a thread
    // that drew none before.
    let brazil = index.find(EntityKind::Country, "Brazil").expect("Brazil");
    assert!(!pictures.of(index, brazil, 5).often_with.is_empty());
    assert_eq!(pictures.of(index, japan, 5), picture);
    let fresh = std::thread::scope(|s| s.spawn(|| pictures.of(index, japan, 5)).join());
    assert_eq!(fresh.unwrap(), picture);
    assert!(
        pictures
            .of(index, u32::MAX, 5)
            .bars
            .iter()
            .all(|b| b.articles == 0)
    );
}
