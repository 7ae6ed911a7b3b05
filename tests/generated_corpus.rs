//! The benchmark corpora (benches/support/corpus): deterministic, with
//! planted copies of earlier documents, and the real-shaped one long,
//! syndicated, clustered and of mixed formats.

use crate::generated;

use std::collections::HashMap;

use generated::generate::generate;
use generated::wire::real_shaped;

fn has_ext(name: &str, ext: &str) -> bool {
    std::path::Path::new(name)
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case(ext))
}

#[test]
fn same_seed_same_corpus() {
    let a = generate(50, 7);
    let b = generate(50, 7);
    assert_eq!(a.docs, b.docs);
    assert_eq!(a.planted, b.planted);
    assert_ne!(generate(50, 8).docs, a.docs);
    assert_eq!(real_shaped(300, 7).docs, real_shaped(300, 7).docs);
}

#[test]
fn plants_copies_of_earlier_documents() {
    let c = generate(400, 1);
    assert_eq!(c.docs.len(), 400);
    assert!(c.planted.len() > 20, "{} copies", c.planted.len());
    assert!(c.planted.iter().all(|&(o, k)| o < k));
    let mean = c.total_bytes() / c.docs.len();
    assert!((1500..6000).contains(&mean), "mean size {mean}");
}

#[test]
fn real_shaped_files_are_long_share_paragraphs_and_cluster() {
    let c = real_shaped(3_000, 11);
    assert_eq!(c.docs.len(), 3_000);
    assert!(c.planted.iter().all(|&(o, k)| o < k));
    let words = |t: &str| t.split_whitespace().count();
    let mean_words = c.docs.iter().map(|(_, t)| words(t)).sum::<usize>() / c.docs.len();
    assert!((600..1_400).contains(&mean_words), "{mean_words} words");
    let html = c.docs.iter().filter(|(n, _)| has_ext(n, "html")).count();
    let md = c.docs.iter().filter(|(n, _)| has_ext(n, "md")).count();
    assert!(html > 100 && md > 100, "{html} pages, {md} markdown");
    // Paragraphs of unrelated files recur (wire copy), and some story is
    // copied byte for byte 100 times or more.
    let mut uses: HashMap<&str, usize> = HashMap::new();
    for (_, t) in c.docs.iter().filter(|(n, _)| has_ext(n, "md")) {
        for p in t.split("\n\n").filter(|p| p.len() > 200) {
            *uses.entry(p).or_default() += 1;
        }
    }
    let recurring = uses.values().filter(|&&u| u >= 5).count();
    assert!(recurring > 10, "{recurring} recurring paragraphs");
    let mut copies: HashMap<&str, usize> = HashMap::new();
    for (_, t) in &c.docs {
        *copies.entry(t.as_str()).or_default() += 1;
    }
    assert!(copies.values().any(|&k| k >= 100), "a wire cluster");
    let loaded = c.raw_docs();
    assert!(loaded.len() >= c.docs.len(), "{} documents", loaded.len());
}

#[test]
fn follow_ups_name_their_story_s_cast_in_new_text() {
    let plain = real_shaped(2_000, 5);
    let corpus = generated::wire::with_follow_ups(2_000, 5);
    assert!(plain.followed.is_empty());
    assert_eq!(corpus.docs, generated::wire::with_follow_ups(2_000, 5).docs);
    assert!(
        corpus.followed.len() > 50,
        "{} follow-ups",
        corpus.followed.len()
    );
    // The cast's line names a person, a town and a firm.
    let cast = |text: &str| -> Option<String> {
        let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
        let (before, rest) = flat.split_once(" said the work at ")?;
        // The person's two words (after any tag the page put before them).
        let mut person: Vec<&str> = before.rsplit(' ').take(2).collect();
        person.reverse();
        let person = person.join(" ");
        let person = person.rsplit('>').next()?;
        let (town, _) = rest.split_once(" would go on")?;
        Some(format!("{person} / {town}"))
    };
    let mut checked = 0;
    for &(earlier, later) in &corpus.followed {
        assert!(earlier < later);
        let (first, next) = (&corpus.docs[earlier].1, &corpus.docs[later].1);
        let (Some(named), Some(named_again)) = (cast(first), cast(next)) else {
            continue;
        };
        assert_eq!(named, named_again, "a follow-up names its story's cast");
        checked += 1;
        // New text: few of the earlier story's long paragraphs come back.
        let long: Vec<&str> = first.split("\n\n").filter(|p| p.len() > 300).collect();
        let kept = long.iter().filter(|p| next.contains(**p)).count();
        assert!(
            kept * 2 <= long.len().max(1),
            "{kept} of {} paragraphs kept",
            long.len()
        );
    }
    assert!(checked > 50, "{checked} follow-ups checked");
}
