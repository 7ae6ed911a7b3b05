//! Names of business and technology news as it prints them: a person who
//! shares a listed firm's name, a given name that is a word, and a
//! surname that is a title word. Each text is written for its test.

use crate::entities_support;

use dossier::entities::{EntityKind, extract};
use entities_support::named;

#[test]
fn a_given_name_before_a_listed_firm_is_a_person() {
    let text = "The allotment society will keep its plots, said Janet Pearson, who \
                chairs it.";
    let found = extract(text);
    assert_eq!(named(&found, EntityKind::Person), ["Janet Pearson"]);
    assert_eq!(named(&found, EntityKind::Company), [] as [&str; 0]);
    let text = "Shares in Pearson fell after the textbook maker cut its forecast.";
    assert_eq!(named(&extract(text), EntityKind::Company), ["Pearson"]);
}

#[test]
fn a_given_name_that_is_a_word_opens_a_sentence_before_a_surname_that_speaks() {
    // "Rod" is a word too: at a sentence's start it opens a name when a
    // surname follows and the name speaks or is set off by a comma.
    let text = "Fares rose in March. Rod Hendry, the ferry operator's finance \
                chief, said bookings held up. Rod Hendry said more later.";
    assert_eq!(named(&extract(text), EntityKind::Person), ["Rod Hendry"]);
    // A question at a sentence's start is no name.
    let text = "The vote is on Monday. Will Hendry resign before then?";
    assert_eq!(named(&extract(text), EntityKind::Person), [] as [&str; 0]);
}

#[test]
fn a_title_word_after_an_unknown_given_name_is_a_surname() {
    let text = "Labour MP Tamsin King said the harbour tax was wrong. Ms King \
                will raise it in the chamber.";
    let people = named(&extract(text), EntityKind::Person);
    assert_eq!(people, ["Tamsin King"]);
}
