//! The filter language and ranking on a hand-built library.

use crate::tui_support;

use dossier::entities::EntityKind;
use dossier::filter::{FilterIndex, Ranker, Target, Term, parse};

fn index() -> (dossier::pipeline::Library, FilterIndex) {
    let lib = tui_support::library();
    let filter = FilterIndex::new(
        &lib.index,
        lib.corpus.articles.iter().map(|a| a.title.as_str()),
    );
    (lib, filter)
}

#[test]
fn qualifiers_split_terms_and_words_stay_with_their_qualifier() {
    assert_eq!(
        parse("country:Chile company:cod elco"),
        vec![
            Term {
                kind: Some(EntityKind::Country),
                text: "chile".into()
            },
            Term {
                kind: Some(EntityKind::Company),
                text: "cod elco".into()
            },
        ]
    );
    assert_eq!(parse("  "), vec![]);
    assert_eq!(
        parse("person:"),
        vec![Term {
            kind: Some(EntityKind::Person),
            text: String::new()
        }]
    );
    // An unknown qualifier is plain text.
    assert_eq!(
        parse("foo:bar"),
        vec![Term {
            kind: None,
            text: "foo:bar".into()
        }]
    );
}

#[test]
fn a_qualified_term_selects_the_articles_naming_that_entity() {
    let (lib, filter) = index();
    let result = filter.apply(&lib.index, "country:chil");
    assert_eq!(result.articles, vec![0, 3]);
    let chile = lib.index.find(EntityKind::Country, "Chile").unwrap();
    assert_eq!(result.entity, Some(chile));
}

#[test]
fn terms_combine_with_and() {
    let (lib, filter) = index();
    assert_eq!(
        filter
            .apply(&lib.index, "country:chile place:oslo")
            .articles,
        vec![0, 3]
    );
    assert_eq!(
        filter
            .apply(&lib.index, "country:chile company:equinor")
            .articles,
        vec![3]
    );
    assert_eq!(
        filter
            .apply(&lib.index, "country:kenya company:codelco")
            .articles,
        Vec::<u32>::new()
    );
}

#[test]
fn free_text_matches_entities_and_titles_and_labels_exact_entities() {
    let (lib, filter) = index();
    let result = filter.apply(&lib.index, "Kenya");
    assert_eq!(result.articles, vec![1, 3]);
    assert_eq!(result.label, "country: Kenya");
    // "bike" names no entity but is in a title.
    let result = filter.apply(&lib.index, "bike");
    assert_eq!(result.articles, vec![2]);
    assert_eq!(result.entity, None);
}

#[test]
fn a_qualifier_narrows_by_kind() {
    let (lib, filter) = index();
    // "oslo" is a place; no company is called that.
    let places = filter.apply(&lib.index, "place:oslo");
    assert_eq!(places.articles, vec![0, 3]);
    let companies = filter.apply(&lib.index, "company:oslo");
    assert!(
        companies
            .entity
            .is_none_or(|id| lib.index[id].kind == EntityKind::Company)
    );
}

#[test]
fn ranking_puts_the_best_entity_first_and_marks_matched_chars() {
    let (lib, filter) = index();
    let mut ranker = Ranker::new();
    let mut last = Vec::new();
    for end in 1..=4 {
        last = ranker.rank(&filter, &"norw"[..end], 8);
    }
    let norway = lib.index.find(EntityKind::Country, "Norway").unwrap();
    assert_eq!(last[0].target, Target::Entity(norway));
    assert_eq!(last[0].matched, vec![0, 1, 2, 3]);
    // Titles come after entities.
    assert!(last.iter().any(|s| s.target == Target::Article(3)));
}

#[test]
fn ranking_after_editing_the_query_starts_afresh() {
    let (lib, filter) = index();
    let mut ranker = Ranker::new();
    let _ = ranker.rank(&filter, "zzz", 8);
    let again = ranker.rank(&filter, "ken", 8);
    let kenya = lib.index.find(EntityKind::Country, "Kenya").unwrap();
    assert_eq!(again[0].target, Target::Entity(kenya));
}

#[test]
fn an_empty_qualifier_lists_that_kind_by_article_count() {
    let (lib, filter) = index();
    let mut ranker = Ranker::new();
    let list = ranker.rank(&filter, "country:", 10);
    assert!(!list.is_empty());
    for s in &list {
        let Target::Entity(id) = s.target else {
            panic!("only entities expected")
        };
        assert_eq!(lib.index[id].kind, EntityKind::Country);
    }
    let Target::Entity(first) = list[0].target else {
        unreachable!()
    };
    assert_eq!(lib.index[first].name, "Chile");
}

#[test]
fn a_limit_of_zero_and_an_empty_query_return_nothing() {
    let (_, filter) = index();
    let mut ranker = Ranker::new();
    assert!(ranker.rank(&filter, "", 10).is_empty());
    assert!(ranker.rank(&filter, "chile", 0).is_empty());
}

#[test]
fn the_exactly_named_entity_outranks_longer_names() {
    use dossier::entities::{EntityIndex, Mention};
    let texts = [
        "Oslo Bourse opened. Oslo rain.",
        "Oslo again. Oslo Bourse fell. Oslo Bourse rose.",
    ];
    let mention = |start: usize, name: &str, kind| Mention {
        start,
        end: start + name.len(),
        name: name.to_owned().into(),
        kind,
        country: None,
        location: dossier::entities::Location::Text,
    };
    let mentions = vec![
        vec![
            mention(0, "Oslo Bourse", EntityKind::Organization),
            mention(20, "Oslo", EntityKind::Place),
        ],
        vec![
            mention(0, "Oslo", EntityKind::Place),
            mention(12, "Oslo Bourse", EntityKind::Organization),
            mention(30, "Oslo Bourse", EntityKind::Organization),
        ],
    ];
    let index = EntityIndex::build(&texts, mentions);
    let filter = FilterIndex::new(&index, ["a", "b"]);
    let top = Ranker::new().rank(&filter, "oslo", 5);
    let oslo = index.find(EntityKind::Place, "Oslo").unwrap();
    assert_eq!(top[0].target, Target::Entity(oslo));
}
