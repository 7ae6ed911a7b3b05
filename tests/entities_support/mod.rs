//! What the entity tests share: the countries an article's text names or
//! its places give it, the names of one kind, and how a name is written
//! where it is found.

// Each test crate that loads this module uses its own share of it.
#![allow(dead_code)]

use dossier::entities::{ArticleParts, EntityKind, Mention, derived_countries, extract_article};

/// The countries of `text` read as an article's body, named or derived
/// from its places, sorted and once each.
pub fn countries_of(text: &str) -> Vec<String> {
    let mentions = extract_article(ArticleParts {
        text,
        ..ArticleParts::default()
    });
    let mut out: Vec<String> = mentions
        .iter()
        .filter(|m| m.kind == EntityKind::Country)
        .map(|m| m.name.to_string())
        .collect();
    out.extend(
        derived_countries(&mentions)
            .iter()
            .map(|(c, _)| (*c).to_owned()),
    );
    out.sort();
    out.dedup();
    out
}

/// The names of `kind` among `mentions`, sorted and once each.
pub fn named(mentions: &[Mention], kind: EntityKind) -> Vec<String> {
    let mut out: Vec<String> = mentions
        .iter()
        .filter(|m| m.kind == kind)
        .map(|m| m.name.to_string())
        .collect();
    out.sort();
    out.dedup();
    out
}

/// The words of `text` each mention of `name` among `mentions` covers, in
/// the order they were found: how the text writes the name each time.
pub fn written_as<'t>(mentions: &[Mention], text: &'t str, name: &str) -> Vec<&'t str> {
    mentions
        .iter()
        .filter(|m| m.name.as_ref() == name)
        .map(|m| &text[m.start..m.end])
        .collect()
}
