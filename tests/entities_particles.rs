//! Names with particles and names joined by "and": a surname that opens
//! with "van der" or "bin", a name elided to "d'" or joined to "al-", and
//! two bodies or one after "and". Each text is written for its test.

use crate::entities_support;

use dossier::entities::{EntityKind, extract};
use entities_support::named;

#[test]
fn a_surname_with_particles_keeps_them_and_its_short_form_joins_the_full_name() {
    let text = "The harbour's curator, Pieter van den Berg, said the wreck was Dutch. \
                Sailing coach Ilse ter Horst agreed.\n\n\
                Van den Berg said the timbers would be dated in spring. Analyst \
                Yusuf bin Hamdan, of a Rotterdam broker, called it a find. \
                Bin Hamdan said insurers would pay.";
    let mentions = extract(text);
    assert_eq!(
        named(&mentions, EntityKind::Person),
        ["Ilse ter Horst", "Pieter van den Berg", "Yusuf bin Hamdan"]
    );
    // The short forms at a sentence's start are mentions of the full name.
    let of = |full: &str| mentions.iter().filter(|m| m.name == full).count();
    assert_eq!(of("Pieter van den Berg"), 2, "{mentions:?}");
    assert_eq!(of("Yusuf bin Hamdan"), 2, "{mentions:?}");
}

#[test]
fn a_name_elided_after_d_apostrophe_is_part_of_the_name() {
    let text = "The mathematician Honorine d'Aubigny won the prize, and her student \
                Marc dell'Orto spoke after her. Rania al-Khatib, a strategist at a \
                Gulf bank, and Omar el-Masri, a farmer, were in the audience.";
    assert_eq!(
        named(&extract(text), EntityKind::Person),
        [
            "Honorine d'Aubigny",
            "Marc dell'Orto",
            "Omar el-Masri",
            "Rania al-Khatib"
        ]
    );
}

#[test]
fn a_country_opens_a_firm_whose_name_joins_two_parts_with_and() {
    let text = "Officials said the Ghana Mortgage and Savings Corporation would pay \
                after Britain's Grain and Feed Corporation pulled out.";
    assert_eq!(
        named(&extract(text), EntityKind::Company),
        [
            "Ghana Mortgage and Savings Corporation",
            "Grain and Feed Corporation"
        ]
    );
}

#[test]
fn a_body_after_and_with_a_head_of_its_own_is_a_second_body() {
    let text = "The lab will share its chips with the University of Tayside and \
                Marlow-Hythe University, and the Ministry of Housing and Local \
                Government will fund it.";
    assert_eq!(
        named(&extract(text), EntityKind::Organization),
        [
            "Marlow-Hythe University",
            "Ministry of Housing and Local Government",
            "University of Tayside"
        ]
    );
}

#[test]
fn processors_and_freres_end_a_firm_s_name_and_maison_or_a_brokerage_opens_one() {
    let text = "The co-operative sold Kestrel Grain Processors to brokerage Hallam \
                Wynd for $40 million, and the cellars went to Maison Verlaine-Roux \
                and Castagnet Frères.";
    assert_eq!(
        named(&extract(text), EntityKind::Company),
        [
            "Castagnet Frères",
            "Hallam Wynd",
            "Kestrel Grain Processors",
            "Maison Verlaine-Roux"
        ]
    );
}

#[test]
fn a_body_named_in_italian_keeps_its_particles() {
    let text = "The merger needs the consent of the Istituto per la Tutela sulle \
                Pensioni (IPTP), the regulator in Rome.";
    assert_eq!(
        named(&extract(text), EntityKind::Organization),
        ["Istituto per la Tutela sulle Pensioni"]
    );
}

#[test]
fn a_firm_with_a_legal_form_in_a_title_case_list_item_is_named() {
    let text = "The wind farm reached financial close on Friday.\n\nKey facts:\n\
                - Turbine supplier: Nordwind Anlagen GmbH\n\
                - Site: North Sea Block Seven\n";
    assert_eq!(
        named(&extract(text), EntityKind::Company),
        ["Nordwind Anlagen GmbH"]
    );
}

#[test]
fn a_place_s_name_after_a_particle_is_part_of_a_surname() {
    let text = "Joana dos Santos Lima scored twice for the visitors. Dr Tiago da \
                Costa Braga, the club doctor, said she was fit.";
    let mentions = extract(text);
    assert_eq!(
        named(&mentions, EntityKind::Person),
        ["Joana dos Santos Lima", "Tiago da Costa Braga"]
    );
    // The surnames name no city and no country.
    assert!(
        mentions
            .iter()
            .all(|m| !matches!(m.kind, EntityKind::Place | EntityKind::Country)),
        "{mentions:?}"
    );
}

/// Portuguese and Spanish names often end with a capital's name ("Lima",
/// "Santiago"): after a given name, or a speaker's cue, and a surname no
/// list knows, the capital is the last surname, not its country. A country
/// after a name stays a country, as in a results table.
#[test]
fn a_long_name_ending_in_a_capitals_name_is_a_person() {
    let text = "The orchard co-operative will sell its pears abroad, said Tiago \
                Mourato Lima, its treasurer. Growers backed the plan, according to \
                Catarina Carvalhal Santiago.\n\n\
                1. Ruben Trindade Spain 41:05";
    let mentions = extract(text);
    assert_eq!(
        named(&mentions, EntityKind::Person),
        ["Catarina Carvalhal Santiago", "Tiago Mourato Lima"],
        "{mentions:?}"
    );
    assert_eq!(named(&mentions, EntityKind::Country), ["Spain"]);
}

/// Filipino surnames open with "dela" or "delos" ("dela Cruz"), kept
/// inside the name as "de la" is.
#[test]
fn a_filipino_particle_stays_inside_the_name() {
    let text = "The rice harvest will be late, said Ana delos Reyes, a farm \
                adviser. Mayor Juan dela Torre agreed.";
    assert_eq!(
        named(&extract(text), EntityKind::Person),
        ["Ana delos Reyes", "Juan dela Torre"]
    );
}

/// Vietnamese names run to three or four words: after a minister's
/// portfolio the whole name is the person's, and four names before a role
/// are a person too.
#[test]
fn three_and_four_word_names_after_a_portfolio_or_before_a_role() {
    let text = "Minister of Agriculture and Rural Development Tran Van Hieu opened \
                the rice fair. Pham Thi Thu Hang, director general of the seed agency, \
                said yields rose.";
    assert_eq!(
        named(&extract(text), EntityKind::Person),
        ["Pham Thi Thu Hang", "Tran Van Hieu"]
    );
}

/// Spanish and Portuguese names give two given names and two surnames:
/// the four words are one person when one of the first two is a listed
/// given name, after a role in apposition or before a verb.
#[test]
fn two_given_names_and_two_surnames_are_one_person() {
    let text = "The orchestra's principal cellist, Ana Lucía Cárdenas Villalba, \
                announced her retirement. Wilmer José Arboleda Quiñónez conducted \
                the last concert in the Teatro Colón.";
    assert_eq!(
        named(&extract(text), EntityKind::Person),
        [
            "Ana Lucía Cárdenas Villalba",
            "Wilmer José Arboleda Quiñónez"
        ]
    );
}

/// A team named for its sponsors ends in "Team" or "Cycling".
#[test]
fn a_sponsors_team_is_an_organisation() {
    let text = "Noor Haddad of Quillon Pro Cycling won the sprint ahead of Pieter Smit \
                of Brevard Tyres Team.";
    assert_eq!(
        named(&extract(text), EntityKind::Organization),
        ["Brevard Tyres Team", "Quillon Pro Cycling"]
    );
}

/// In a match report with a score, a town and a plural name a team; the
/// same words in a text with no score are left alone.
#[test]
fn a_town_and_a_plural_in_a_match_report_name_a_team() {
    let report = "The Hobart Kestrels beat the Darwin Barramundis 31-24 on Saturday.";
    assert_eq!(
        named(&extract(report), EntityKind::Organization),
        ["Darwin Barramundis", "Hobart Kestrels"]
    );
    let no_score = "The Hobart Kestrels nest on the cliffs each spring.";
    assert!(named(&extract(no_score), EntityKind::Organization).is_empty());
}

/// A Spanish or Portuguese name's first surname, alone, stands for the
/// person named in full; a middle given name does not ("Paul" is no short
/// form of "John Paul Jones").
#[test]
fn the_first_of_two_surnames_alone_is_the_person() {
    let text = "The mayor, Gabriela Orozco Villalta, opened the fish market. Orozco \
                said prices would fall. The fishmonger John Paul Jones agreed, and \
                Paul Okafor, a buyer, did not.";
    let mentions = extract(text);
    let people = named(&mentions, EntityKind::Person);
    assert!(!people.contains(&"Orozco".to_owned()), "{people:?}");
    let full = mentions
        .iter()
        .filter(|m| m.name == "Gabriela Orozco Villalta")
        .count();
    assert_eq!(full, 2, "{mentions:?}");
    assert!(people.contains(&"Paul Okafor".to_owned()), "{people:?}");
}

/// A given name that is also a word opens a name at a sentence's start
/// when a middle initial stands before the surname.
#[test]
fn a_given_name_that_is_a_word_before_an_initial_opens_a_name() {
    let text = "Grant W. Hollister, an attorney for the school board, said the \
                contract would stand.";
    assert_eq!(
        named(&extract(text), EntityKind::Person),
        ["Grant W. Hollister"]
    );
}
