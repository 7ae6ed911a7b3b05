//! Names of parliamentary news as British and Commonwealth papers print
//! them: parties called by a plain word ("Labour", "the Tory leader"),
//! chambers and papers the lists know or name after a town, peers by their
//! title, a body before its officer's title, and the towns of addresses and
//! prisons.
//! Each text is written for its test.

use crate::entities_support;

use dossier::entities::{EntityKind, extract};
use entities_support::named;

#[test]
fn labour_names_the_party_where_no_other_sense_claims_the_word() {
    let text = "The by-election in the harbour ward went to a recount. Labour said \
                it would hold the seat, and a Labour councillor called the result \
                close. Turnout was low among voters who backed Labour in 2021.";
    assert_eq!(
        named(&extract(text), EntityKind::Organization),
        ["Labour Party"]
    );
    // A noun at a sentence's start, a ministry's name, a holiday.
    let text = "Labour costs rose by 4% in the quarter, the Ministry of Labour said. \
                The figures came out before Labour Day.";
    let orgs = named(&extract(text), EntityKind::Organization);
    assert!(!orgs.contains(&"Labour Party".to_owned()), "{orgs:?}");
}

#[test]
fn tory_names_the_party_only_where_the_text_names_the_party() {
    let text = "The Tories chose their candidate for the mayoralty on Friday. The \
                Tory leader on the council said the vote was fair.";
    let found = extract(text);
    let tory = found.iter().find(|m| &text[m.start..m.end] == "Tory");
    assert_eq!(tory.map(|m| m.name.as_ref()), Some("Conservative Party"));
    // A surname.
    let text = "Mayor John Tory cut the ribbon at the new ferry terminal, and \
                later the crowd cheered when Tory spoke.";
    assert_eq!(
        named(&extract(text), EntityKind::Organization),
        [] as [&str; 0]
    );
    assert_eq!(named(&extract(text), EntityKind::Person), ["John Tory"]);
}

#[test]
fn a_chamber_and_a_paper_the_lists_know() {
    let text = "The bill on school meals passed the House of Commons on Tuesday, \
                the minister told The Times. The Times Square screens showed the vote.";
    let found = extract(text);
    assert_eq!(
        named(&found, EntityKind::Organization),
        ["House of Commons"]
    );
    assert_eq!(named(&found, EntityKind::Company), ["The Times"]);
    // "The Times Square": the place's longer name wins over the paper's.
    assert!(
        named(&found, EntityKind::Place).contains(&"Times Square".to_owned()),
        "{found:?}"
    );
}

#[test]
fn a_peer_is_named_with_the_title() {
    let text = "Lord Tarrant, who chaired the racing inquiry, said the stewards had \
                acted fairly. Tarrant will report to the sport's board in May.";
    assert_eq!(named(&extract(text), EntityKind::Person), ["Lord Tarrant"]);
}

#[test]
fn the_body_before_an_officer_s_title_is_a_body() {
    let text = "Riverside Marine Institute Director Helen Obi said the survey found \
                more seals than in any year before.";
    let found = extract(text);
    assert_eq!(named(&found, EntityKind::Person), ["Helen Obi"]);
    assert_eq!(
        named(&found, EntityKind::Organization),
        ["Riverside Marine Institute"]
    );
    // A cabinet before a secretary's title is the title's.
    let text = "Interior Cabinet Secretary Joseph Wanyama toured the flooded estates.";
    assert_eq!(
        named(&extract(text), EntityKind::Organization),
        [] as [&str; 0]
    );
}

#[test]
fn an_address_and_a_prison_name_their_towns() {
    let text = "The cheesemaker, Ruth Calder, 51, from Ashwell, Hertfordshire, won the \
                prize. Her brother is a warden at Kessock prison.";
    let places = named(&extract(text), EntityKind::Place);
    assert!(places.contains(&"Ashwell".to_owned()), "{places:?}");
    assert!(places.contains(&"Kessock".to_owned()), "{places:?}");
}

#[test]
fn a_personal_title_makes_a_person_of_a_name_firms_share() {
    // A firm's possessive name after "Mr" is the man's.
    let text = "The fishermen praised Mr Sainsbury's donation to the lifeboat fund.";
    let found = extract(text);
    assert_eq!(named(&found, EntityKind::Company), [] as [&str; 0]);
    assert_eq!(named(&found, EntityKind::Person), ["Sainsbury"]);
    // A personal title after a company noun opens no firm.
    let text = "Writing in a regional newspaper, Mr Okoro set out his plan for the port.";
    assert_eq!(named(&extract(text), EntityKind::Company), [] as [&str; 0]);
}

#[test]
fn a_paper_is_named_before_its_noun_and_a_kind_of_party_is_no_party() {
    let text = "The chef told the Clarion newspaper that the Guardian newspaper had \
                praised the menu. She once stood for a Eurosceptic party.";
    let found = extract(text);
    assert_eq!(
        named(&found, EntityKind::Company),
        ["Clarion", "The Guardian"]
    );
    assert_eq!(named(&found, EntityKind::Organization), [] as [&str; 0]);
    // "Former" opens no body's name.
    let text = "Former Cabinet minister Jo Reddy opened the science fair.";
    assert_eq!(
        named(&extract(text), EntityKind::Organization),
        [] as [&str; 0]
    );
}

#[test]
fn a_small_town_s_unaccented_name_that_is_a_word_is_no_place() {
    // Göd (Hungary) written without its accent is the word "God".
    let text = "The choir sang of God and harvest at the Kilbride festival.";
    assert_eq!(named(&extract(text), EntityKind::Place), [] as [&str; 0]);
    assert_eq!(named(&extract(text), EntityKind::Country), [] as [&str; 0]);
}

#[test]
fn charities_and_the_prime_minister_s_office_by_their_short_forms() {
    let text = "Oxfam says the appeal raised more than Save the Children did, and \
                Downing St welcomed both.";
    assert_eq!(
        named(&extract(text), EntityKind::Organization),
        ["Downing Street", "Oxfam", "Save the Children"]
    );
}

#[test]
fn a_middle_initial_without_its_period_and_a_person_after_a_trade() {
    let text = "The museum's new wing was opened by Grant W Hollister, and the \
                catalogue was written by the publisher Nadia Ferrante.";
    let found = extract(text);
    assert_eq!(
        named(&found, EntityKind::Person),
        ["Grant W Hollister", "Nadia Ferrante"]
    );
    assert_eq!(named(&found, EntityKind::Company), [] as [&str; 0]);
}

#[test]
fn a_party_member_s_word_before_a_given_name_is_no_part_of_the_name() {
    let text = "The rail plan was attacked by Tory Dominic Hale and defended by \
                Democrat Ruth Okafor at the transport hearing.";
    assert_eq!(
        named(&extract(text), EntityKind::Person),
        ["Dominic Hale", "Ruth Okafor"]
    );
}

#[test]
fn an_adjective_after_a_preposition_of_place_is_no_town() {
    let text = "The trawler was seized outside Lorvenian waters, the coastguard \
                said, and towed to port near Kessock.";
    let places = named(&extract(text), EntityKind::Place);
    assert!(!places.contains(&"Lorvenian".to_owned()), "{places:?}");
}

#[test]
fn a_name_after_said_that_runs_on_is_what_was_said() {
    let text = "The head teacher said Carrowmore hospital was short of nurses. \
                \"We will cope,\" said Aine Doyle, the matron.";
    assert_eq!(named(&extract(text), EntityKind::Person), ["Aine Doyle"]);
}

#[test]
fn a_speaker_after_said_may_be_followed_by_who_they_are() {
    // A surname alone, known to no list, is a speaker only by "said".
    let text = "\"The ferry will run,\" said Okonkwo, Westhaven's harbour master.";
    assert_eq!(named(&extract(text), EntityKind::Person), ["Okonkwo"]);
}

#[test]
fn the_commons_the_lords_and_the_guardian_by_their_word_after_the() {
    let text = "The harbour levy returns to the Commons on Monday, after peers in \
                the Lords voted it down. The minister told the Guardian the vote \
                would be close.";
    let found = extract(text);
    assert_eq!(
        named(&found, EntityKind::Organization),
        ["House of Commons", "House of Lords"]
    );
    assert_eq!(named(&found, EntityKind::Company), ["The Guardian"]);
    // A longer name, or a word that is no name.
    let text = "Clerics of the Guardian Council rejected the candidates; a guardian of \
                the orphans spoke for the commons of the valley.";
    let found = extract(text);
    assert!(
        !named(&found, EntityKind::Company).contains(&"The Guardian".to_owned()),
        "{found:?}"
    );
    assert!(
        !named(&found, EntityKind::Organization).contains(&"House of Commons".to_owned()),
        "{found:?}"
    );
}

#[test]
fn a_newspaper_by_its_word_after_the_but_not_before_of() {
    let text = "The groundsman told the Times the pitch would be relaid, and the \
                Telegraph reported the club had paid for it.";
    let found = extract(text);
    assert_eq!(
        named(&found, EntityKind::Company),
        ["The Daily Telegraph", "The Times"]
    );
    // "of" makes a longer name; a lower-case word is no paper.
    let text = "He spoke to the Times of Lagos about the times he had played there.";
    let found = extract(text);
    assert!(
        !named(&found, EntityKind::Company).contains(&"The Times".to_owned()),
        "{found:?}"
    );
}

#[test]
fn a_newspaper_named_after_its_place() {
    let text = "The mayor told the Harrogate Post and the Leeds Evening News that the \
                bypass would open in May; the Irish Times had it first.";
    let found = extract(text);
    assert_eq!(
        named(&found, EntityKind::Company),
        ["Harrogate Post", "Irish Times", "Leeds Evening News"],
        "{found:?}"
    );
    // The paper lends its town no short form: the town stays a place.
    let text = "LEEDS, March 3 (Leeds Evening News) - The bypass opened in Leeds today.";
    let found = extract(text);
    assert!(
        named(&found, EntityKind::Place).contains(&"Leeds".to_owned()),
        "{found:?}"
    );
}
