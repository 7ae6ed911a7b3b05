//! Names of arts and books news as it prints them: an author before the
//! title of their work, a nominee before "for" and the work, people
//! whose given name is a capital's, the bodies of the performing arts,
//! a firm that gives its name to a prize, and authors known by their
//! initials.
//! Each text is written for its test.

use crate::entities_support;

use dossier::entities::{EntityKind, extract};
use entities_support::named;

#[test]
fn an_author_owns_a_work_whose_title_follows_the_possessive() {
    let text = "The shortlist includes Hannah Voss's The Salt Road and Peter \
                Lindqvist's Winter Harbour, both first novels.";
    assert_eq!(
        named(&extract(text), EntityKind::Person),
        ["Hannah Voss", "Peter Lindqvist"]
    );
    // A head word after the possessive makes one name of it all.
    let text = "She trained at St Brendan's Hospital before the move.";
    let found = extract(text);
    assert_eq!(named(&found, EntityKind::Person), [] as [&str; 0]);
    assert_eq!(
        named(&found, EntityKind::Organization),
        ["St Brendan's Hospital"]
    );
}

#[test]
fn a_nominee_before_for_and_the_work() {
    let text = "The best director list includes Marek Zielinski for Glass and \
                Stone, and Oona Farrell for The Long Night.";
    assert_eq!(
        named(&extract(text), EntityKind::Person),
        ["Marek Zielinski", "Oona Farrell"]
    );
    // A body before "for" keeps its name.
    let text = "The Institute for Coastal Studies backed the bid.";
    let found = extract(text);
    assert_eq!(named(&found, EntityKind::Person), [] as [&str; 0]);
    assert_eq!(
        named(&found, EntityKind::Organization),
        ["Institute for Coastal Studies"]
    );
}

#[test]
fn a_given_name_that_is_a_capital_before_a_surname_is_a_person() {
    let text = "Sofia Martin directed the film. Paris Walker and Victoria Hughes \
                star in it.";
    let found = extract(text);
    assert_eq!(
        named(&found, EntityKind::Person),
        ["Paris Walker", "Sofia Martin", "Victoria Hughes"],
        "{found:?}"
    );
    assert_eq!(named(&found, EntityKind::Country), [] as [&str; 0]);
    // The capital alone, or speaking for its country, is still the
    // country's.
    let text = "Paris said it would respond.";
    assert_eq!(named(&extract(text), EntityKind::Country), ["France"]);
}

#[test]
fn theatres_orchestras_and_ballets_are_organisations() {
    let text = "The play moves from the Harbourside Theatre to the Kestrel Playhouse, \
                and the Wexmoor Philharmonic and Northern Coast Ballet tour in May.";
    let found = extract(text);
    assert_eq!(
        named(&found, EntityKind::Organization),
        [
            "Harbourside Theatre",
            "Kestrel Playhouse",
            "Northern Coast Ballet",
            "Wexmoor Philharmonic"
        ]
    );
    assert_eq!(named(&found, EntityKind::Person), [] as [&str; 0]);
}

/// Chamber orchestras, choirs and quartets are named by their heads too,
/// where the "says" of a standfirst would make two words a person; a
/// symphony is a work, no body.
#[test]
fn sinfonias_choirs_and_quartets_are_organisations() {
    let text = "Wexmoor Sinfonia says it will tour.\n\nThe Wexmoor Sinfonia, the \
                Harbourside Choir and the Tallin Quartet open the festival with \
                the Ninth Symphony.";
    let found = extract(text);
    assert_eq!(
        named(&found, EntityKind::Organization),
        ["Harbourside Choir", "Tallin Quartet", "Wexmoor Sinfonia"]
    );
    assert_eq!(named(&found, EntityKind::Person), [] as [&str; 0]);
}

#[test]
fn a_prize_or_awards_named_for_a_firm_names_the_firm_alone() {
    let text = "The novel won the Whitbread Prize, and the play took two Evening \
                Standard Theatre Awards.";
    assert_eq!(
        named(&extract(text), EntityKind::Company),
        ["Evening Standard", "Whitbread"]
    );
}

#[test]
fn initials_before_a_surname_are_a_person() {
    // British papers print initials without periods, American ones with.
    let text = "The prize went to RT Halvorsen last year, and the judges also read \
                the new novel by K.J. Okonjo. MJ Tremlett won the poetry award.";
    assert_eq!(
        named(&extract(text), EntityKind::Person),
        ["K.J. Okonjo", "MJ Tremlett", "RT Halvorsen"]
    );
    // An acronym of a thing, or a brand after one, names no one.
    let text = "The series moved from TV Globo to a streaming deal with LSU AgCenter.";
    assert_eq!(named(&extract(text), EntityKind::Person), [] as [&str; 0]);
}

#[test]
fn a_film_maker_is_a_person_and_a_personal_title_keeps_a_name_particle() {
    let text = "The film maker Anna van Rijn was honoured in Utrecht. A critic \
                praised Ms van Rijn's new documentary.";
    let found = extract(text);
    assert_eq!(named(&found, EntityKind::Person), ["Anna van Rijn"]);
    assert_eq!(named(&found, EntityKind::Company), [] as [&str; 0]);
    // A maker of things is still a firm.
    let text = "Toy maker Pellbrook said sales rose.";
    assert_eq!(named(&extract(text), EntityKind::Company), ["Pellbrook"]);
}
