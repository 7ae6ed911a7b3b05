//! Entity extraction on the shapes names take in web news: typographic
//! apostrophes, middle initials, ampersands, quoted titles, plural role
//! nouns before names, and capitals named as places rather than as
//! governments. Each fixture is a sentence
//! of its own in the shape of a fault seen in real articles.

use dossier::entities::{EntityKind, Mention, extract};

fn find<'m>(mentions: &'m [Mention], text: &str, surface: &str) -> Option<&'m Mention> {
    mentions.iter().find(|m| &text[m.start..m.end] == surface)
}

fn kind_of(text: &str, surface: &str) -> Option<(EntityKind, String)> {
    let mentions = extract(text);
    find(&mentions, text, surface).map(|m| (m.kind, m.name.to_string()))
}

fn people(text: &str) -> Vec<String> {
    extract(text)
        .into_iter()
        .filter(|m| m.kind == EntityKind::Person)
        .map(|m| m.name.into_owned())
        .collect()
}

#[test]
fn a_listed_name_with_an_apostrophe_is_found_with_a_typographic_one() {
    let text = "The county’s bonds were cut to junk by Moody’s on Friday.";
    assert_eq!(
        kind_of(text, "Moody’s"),
        Some((EntityKind::Company, "Moody's".into()))
    );
    let text = "Frigates of the People’s Liberation Army Navy sailed past the island.";
    let mentions = extract(text);
    assert!(
        mentions
            .iter()
            .any(|m| m.name == "People's Liberation Army" && m.kind == EntityKind::Organization),
        "{mentions:?}"
    );
}
