//! Names of sports news as it prints them: a competitor after the
//! demonym of the country they run for, however foreign their given
//! name, an official "of" a sport's national body, the city an event is
//! named after, sports bodies by their acronyms, and a name of three
//! words by a surname of two, and the players on a match report's team
//! sheet and its referee, who are not the word their surname is at a
//! sentence start. Each text is written for its test.

use crate::entities_support;

use dossier::entities::{EntityKind, extract};
use entities_support::named;

#[test]
fn a_demonym_before_a_foreign_name_leaves_the_person() {
    let text = "Norwegian Sindre Vatnedal won the slalom, ahead of Austrian \
                Florian Grubmayr and Ethiopian-born Tsegaye Alemu.";
    let found = extract(text);
    let people = named(&found, EntityKind::Person);
    assert!(people.contains(&"Sindre Vatnedal".to_owned()), "{found:?}");
    assert!(people.contains(&"Florian Grubmayr".to_owned()), "{found:?}");
    assert_eq!(
        named(&found, EntityKind::Country),
        ["Austria", "Ethiopia", "Norway"],
        "{found:?}"
    );
    // A demonym before ordinary words makes no one.
    let text = "The Norwegian Open starts on Monday; the Austrian Ski Federation \
                picked its squad.";
    assert_eq!(named(&extract(text), EntityKind::Person), [] as [&str; 0]);
}

#[test]
fn an_official_of_a_sport_body_whose_surname_is_a_word() {
    let text = "\"The course is safe,\" said Mark Walker of Rowing Ireland. \
                Anna Brown of Tidewater Weekly said the regatta would go ahead.";
    let found = extract(text);
    assert_eq!(
        named(&found, EntityKind::Person),
        ["Anna Brown", "Mark Walker"]
    );
    assert_eq!(named(&found, EntityKind::Organization), ["Rowing Ireland"]);
}

#[test]
fn a_city_that_opens_an_event_name_is_where_it_is_held() {
    let text = "She set a season's best at the Dortmund Indoor Games, then won the \
                Vienna Marathon; the Leeds Half Marathon is next.";
    let found = extract(text);
    assert_eq!(
        named(&found, EntityKind::Place),
        ["Dortmund", "Leeds", "Vienna"],
        "{found:?}"
    );
    // A capital there is the city, not its government.
    assert_eq!(named(&found, EntityKind::Country), [] as [&str; 0]);
    // A cup is named after people too; a small town's word is no place.
    let text = "They lost in the Davis Cup, and he tossed the caber at the Highland \
                Games.";
    assert_eq!(named(&extract(text), EntityKind::Place), [] as [&str; 0]);
}

#[test]
fn sports_bodies_by_their_acronyms_and_former_names() {
    let text = "The IAAF cleared the sprinter, the FA fined the club, and the RFU \
                and the LTA asked UK Sport for money.";
    let found = extract(text);
    assert_eq!(
        named(&found, EntityKind::Organization),
        [
            "Football Association",
            "Lawn Tennis Association",
            "Rugby Football Union",
            "UK Sport",
            "World Athletics"
        ]
    );
}

#[test]
fn a_surname_of_two_words_stands_for_the_name_of_three() {
    let text = "The record still belongs to Moroccan Youssef El Mansouri. Kiplagat \
                was on course to break El Mansouri's mark until the bell. Britain's \
                Joanne Price Hughes was fourth, and meets Price Hughes's rival again \
                on Friday.";
    let found = extract(text);
    assert_eq!(
        named(&found, EntityKind::Person),
        ["Joanne Price Hughes", "Youssef El Mansouri"],
        "{found:?}"
    );
    // A given name and a surname after a first name are another person.
    let text = "Brian Thomas Ardley won the sprint; his cousin Thomas Ardley was third.";
    assert_eq!(
        named(&extract(text), EntityKind::Person),
        ["Brian Thomas Ardley", "Thomas Ardley"]
    );
}

#[test]
fn every_name_on_a_team_sheet_is_a_player() {
    // A match report's end, as agencies print it: the starters, who came
    // on and when, the unused substitutes, the bookings and the goals.
    let text = "Harrowgate were the better side. \"We deserved it,\" said the coach.\n\n\
                Harrowgate: Okafor, Lindqvist (Brannagh 71), Tshabalala, Moreau, \
                Quenneville, Ostrowski, Dunmore, Achterberg (Veldhuis 80), \
                Kowalczyk, Ferreyra, Nakashima. Subs Not Used: Pemberton, Szalai. \
                Booked: Moreau, Dunmore. Goals: Ferreyra 23, Okafor 67 og.";
    let people = named(&extract(text), EntityKind::Person);
    for player in [
        "Okafor",
        "Lindqvist",
        "Brannagh",
        "Nakashima",
        "Veldhuis",
        "Pemberton",
        "Szalai",
        "Ferreyra",
    ] {
        assert!(people.contains(&player.to_owned()), "{player}: {people:?}");
    }
    // Starters without their side's label, after a quotation.
    let text = "\"It was a hard game.\" Marchetti, Oyelaran, Hjelmstad, Vukovic, \
                Pereira, Castellanos, Abernethy, Kamara (Fitzgerald 60), Lunde, \
                Szabo, Mbeki.";
    let people = named(&extract(text), EntityKind::Person);
    assert!(people.contains(&"Hjelmstad".to_owned()), "{people:?}");
    assert!(people.contains(&"Fitzgerald".to_owned()), "{people:?}");
    // Nine starters make a side; eight names without a label are a list.
    let nine = "\"It was a hard game.\" Marchetti, Oyelaran, Hjelmstad, Vukovic, \
                Castellanos, Abernethy, Lunde, Szabo, Mbeki.";
    let people = named(&extract(nine), EntityKind::Person);
    assert!(people.contains(&"Hjelmstad".to_owned()), "{people:?}");
    let eight = nine.replace(", Mbeki", "");
    assert_eq!(named(&extract(&eight), EntityKind::Person), [] as [&str; 0]);
    // A short list in a sentence is no sheet, a known place on one keeps
    // its entry, and a surname that is an English word alone is left.
    let text = "Stops include Marchetti, Oyelaran and Hjelmstad.";
    assert_eq!(named(&extract(text), EntityKind::Person), [] as [&str; 0]);
    let text = "The visitors held on. Subs Not Used: Speed, Lisbon, Oyelaran.";
    let found = extract(text);
    assert_eq!(named(&found, EntityKind::Person), ["Oyelaran"]);
    assert_eq!(named(&found, EntityKind::Country), ["Portugal"]);
}

#[test]
fn a_surname_that_is_a_word_opening_a_sentence_before_the_is_the_word() {
    let text = "Goalkeeper Rhys Given was fit to start. Given the rain, the kick-off \
                was delayed. Given saved twice in the first half.";
    let found = extract(text);
    let at: Vec<usize> = found
        .iter()
        .filter(|m| m.name == "Rhys Given")
        .map(|m| m.start)
        .collect();
    let rain = text.find("Given the rain").expect("the phrase");
    let saved = text.find("Given saved").expect("the phrase");
    assert_eq!(at, [11, saved], "{found:?}");
    assert!(!at.contains(&rain));
}

#[test]
fn a_referee_by_one_initial_and_a_census_surname_is_a_person() {
    let text = "The visitors held on for the draw. Att: 31,204 Ref: P Harland (Cumbria).";
    let found = extract(text);
    assert_eq!(
        named(&found, EntityKind::Person),
        ["P Harland"],
        "{found:?}"
    );
    // "A" and "I" are words before a name, not initials.
    let text = "The board met on Monday. A Dowling spokesman said the plan was sound.";
    assert_eq!(named(&extract(text), EntityKind::Person), [] as [&str; 0]);
}

#[test]
fn an_initial_and_a_surname_name_the_one_player_named_in_full() {
    // A county report, then its scorecard, which prints initials.
    let report = "Tegid Morgan made a patient 64 as the visitors batted through the \
                  second day at Aberaeron.\n\nT Morgan c Price b Ellis 64.\n\n\
                  Referee: R. Pennant (Powys). Referee Rhys Pennant said he had \
                  warned both captains.";
    let people = named(&extract(report), EntityKind::Person);
    assert_eq!(people, ["Rhys Pennant", "Tegid Morgan"]);
    // Two players of that initial and surname: the initial names neither.
    let brothers = report.replace(
        "Aberaeron.",
        "Aberaeron. His brother Tomos Morgan did not bat.",
    );
    let people = named(&extract(&brothers), EntityKind::Person);
    assert_eq!(
        people,
        ["Rhys Pennant", "T Morgan", "Tegid Morgan", "Tomos Morgan"]
    );
}

#[test]
fn a_country_that_is_a_common_given_name_before_a_surname_is_a_person() {
    let text = "A penalty from Jordan Pike put them ahead before Georgia Stanway and \
                Jordan Henderson scored.\n\nRafidain Bank's Jordan Branch Raises Capital\n\n\
                Troops from Chad crossed into Jordan.";
    let found = extract(text);
    assert_eq!(
        named(&found, EntityKind::Person),
        ["Georgia Stanway", "Jordan Henderson", "Jordan Pike"]
    );
    assert_eq!(named(&found, EntityKind::Country), ["Chad", "Jordan"]);
}
