//! Names of civic life: councillors and members of parliaments by their
//! short titles, bodies named for a community, a diocese or a programme,
//! the person a press release gives as its contact, and laws and treaties,
//! which name no one. Each text is written for its test.

use crate::entities_support;

use dossier::entities::{EntityKind, extract};
use entities_support::{countries_of, named};

#[test]
fn short_titles_of_councillors_and_members_stay_out_of_the_name() {
    let text = "The motion to close the swimming baths failed, and Cllr Aisling Moran \
                said the town had been heard. Local TD Brendan Kiely backed her, as \
                did MPP Sandra Lutz and, across the Tasman, Cr Hemi Walker.";
    assert_eq!(
        named(&extract(text), EntityKind::Person),
        [
            "Aisling Moran",
            "Brendan Kiely",
            "Hemi Walker",
            "Sandra Lutz"
        ]
    );
}

#[test]
fn a_community_a_diocese_and_a_programme_head_the_names_of_bodies() {
    let text = "Ministers of the Pacific Islands Community met in Suva. The Diocese of \
                Raphoe sold the hall, and the Coastal Fisheries Programme paid for boats.";
    assert_eq!(
        named(&extract(text), EntityKind::Organization),
        [
            "Coastal Fisheries Programme",
            "Diocese of Raphoe",
            "Pacific Islands Community"
        ]
    );
}

#[test]
fn the_name_under_a_contact_label_without_its_colon_is_a_person() {
    let text = "The library reopens on Monday with longer hours.\n\n\
                Press contact\n\
                Orla Brennan\n\
                Communications Officer, Hillview Libraries\n\
                Phone: 021 555 0100";
    assert!(
        named(&extract(text), EntityKind::Person).contains(&"Orla Brennan".to_owned()),
        "{:?}",
        extract(text)
    );
    // A long line ending in "contact" is no label.
    let text = "The crews on the ridge said that they had lost radio contact\n\
                Silver Birch Lodge\n";
    assert!(named(&extract(text), EntityKind::Person).is_empty());
}

#[test]
fn a_body_s_name_may_join_two_parts_of_several_words_with_and() {
    let text = "The Coastal Erosion Risk Assessment and Planning Board met in March, and \
                patients went to the Wandle Valley Teaching and Research Hospital.";
    assert_eq!(
        named(&extract(text), EntityKind::Organization),
        [
            "Coastal Erosion Risk Assessment and Planning Board",
            "Wandle Valley Teaching and Research Hospital"
        ]
    );
    // A person or a firm before "and" is no part of the body's name.
    let text = "Ministers heard from Dr Sandra Okafor and Education Council staff, and \
                from Harwell Mining and Mineral Resources Authority officials.";
    assert_eq!(
        named(&extract(text), EntityKind::Organization),
        ["Education Council", "Mineral Resources Authority"]
    );
}

#[test]
fn a_law_or_a_treaty_names_no_person_even_after_a_title_word() {
    let text = "Fines under the General Data Protection Regulation doubled, and the \
                Marine Habitats Directive and the Bering Fisheries Convention were cited.";
    let mentions = extract(text);
    assert!(
        mentions.iter().all(|m| m.kind != EntityKind::Person),
        "{mentions:?}"
    );
    // A title before a person's name still names the person.
    let text = "General Amara Diallo inspected the troops.";
    assert_eq!(named(&extract(text), EntityKind::Person), ["Amara Diallo"]);
}

#[test]
fn clubs_end_in_their_code_s_letters_and_two_clubs_joined_by_and_stay_two() {
    let text = "Members of Kilbrack Rovers GAA marched, and Ballyroan RFC and \
                Thornbury AFC sent players.";
    assert_eq!(
        named(&extract(text), EntityKind::Organization),
        ["Ballyroan RFC", "Kilbrack Rovers GAA", "Thornbury AFC"]
    );
}

#[test]
fn a_corporator_is_a_title_and_a_confederation_heads_a_body() {
    let text = "Corporator Meena Kulkarni asked the ward office to act, and the \
                Kenyan Dairy Farmers Confederation backed her.";
    let mentions = extract(text);
    assert_eq!(named(&mentions, EntityKind::Person), ["Meena Kulkarni"]);
    assert_eq!(
        named(&mentions, EntityKind::Organization),
        ["Kenyan Dairy Farmers Confederation"]
    );
}

#[test]
fn a_department_joined_by_and_after_a_title_names_no_one() {
    let text = "The Minister for Health and Welfare opened the clinic. The Minister for \
                Trade and Industry Jane Okafor cut the ribbon at the port.";
    assert_eq!(named(&extract(text), EntityKind::Person), ["Jane Okafor"]);
}

#[test]
fn indian_honorifics_are_titles() {
    let text = "The dairy was opened by Shri K. Venkata Naidu, and Smt. Lalitha Menon \
                spoke for the cooperative.";
    assert_eq!(
        named(&extract(text), EntityKind::Person),
        ["K. Venkata Naidu", "Lalitha Menon"]
    );
}

#[test]
fn ireland_s_parliament_and_planning_board_are_bodies() {
    let text = "The TD raised the bypass in the Dáil, and An Bord Pleanála will rule on \
                it in May. Fáilte Ireland matched the grant.";
    assert_eq!(
        named(&extract(text), EntityKind::Organization),
        ["An Bord Pleanála", "Dáil Éireann", "Fáilte Ireland"]
    );
}

#[test]
fn a_sector_word_alone_before_and_opens_a_body_s_name() {
    let text = "The Energy and Water Regulatory Commission raised the tariff, and the \
                Mining and Quarrying Authority fined the operator.";
    assert_eq!(
        named(&extract(text), EntityKind::Organization),
        [
            "Energy and Water Regulatory Commission",
            "Mining and Quarrying Authority"
        ]
    );
}

#[test]
fn each_name_of_a_block_of_contacts_is_a_person() {
    let text = "The orchard co-operative will open its new cold store in May.\n\n\
                Media contacts\n\n\
                Tarnby Fruit Growers\n\
                Oskar Lindqvist\n\
                Communications Manager\n\
                oskar@tarnbyfruit.example\n\
                +46 40 123 45 67\n\n\
                Valdemar Cold Chain\n\
                Freja Aaberg\n\
                Press Officer\n\
                Email: press@valdemar.example";
    let people = named(&extract(text), EntityKind::Person);
    for name in ["Oskar Lindqvist", "Freja Aaberg"] {
        assert!(people.contains(&name.to_owned()), "{name}: {people:?}");
    }
}

/// In a block of contacts, a name may carry its role after a comma on
/// its own line ("Réka Balogh, Head of Press Office").
#[test]
fn a_name_before_its_role_in_a_block_of_contacts_is_a_person() {
    let text = "The ski lift will reopen in December.\n\n\
                Media Contacts\n\n\
                Hallstrom Lifts AB\n\
                Ingvild Sørbø, Head of Press Office\n\
                +47 22 00 00 00\n\
                press@hallstrom.example\n\n\
                Vallon Montagne SA\n\
                Aurèle Pittet, Corporate Communications\n\
                aurele@vallon.example";
    let people = named(&extract(text), EntityKind::Person);
    for name in ["Ingvild Sørbø", "Aurèle Pittet"] {
        assert!(people.contains(&name.to_owned()), "{name}: {people:?}");
    }
}

#[test]
fn parliaments_named_by_their_own_names_are_bodies() {
    let text = "The Riksdag approved the fishing quota, and the Folketing will vote on \
                its own in June; the Seimas has not yet set a date.";
    assert_eq!(
        named(&extract(text), EntityKind::Organization),
        ["Folketing", "Riksdag", "Seimas"]
    );
}

/// A council named after two places joined by "and" is one body, though
/// the lists know the first place; "between" sets two sides apart.
#[test]
fn a_council_named_after_two_places_is_one_body() {
    let text = "Bins will be collected fortnightly, Swansea and Gower Borough Council \
                said. Talks between Swansea and Mold Town Council stalled.";
    let mentions = extract(text);
    assert_eq!(
        named(&mentions, EntityKind::Organization),
        ["Mold Town Council", "Swansea and Gower Borough Council"],
        "{mentions:?}"
    );
    assert_eq!(named(&mentions, EntityKind::Place), ["Swansea"]);
}

/// Spanish, Portuguese, French and Italian bodies put their head first:
/// "Tribunal Supremo", "Universidade Federal de …", "Conseil régional …".
#[test]
fn bodies_of_other_languages_named_head_first_are_organisations() {
    let text = "The vaccine trial was approved by the Agencia Reguladora de \
                Medicamentos and run with the Universidade Estadual de Londrina. The \
                Sindicato Médico de Paysandú objected, and the Tribunal Contencioso \
                later sided with the nurses.";
    assert_eq!(
        named(&extract(text), EntityKind::Organization),
        [
            "Agencia Reguladora de Medicamentos",
            "Sindicato Médico de Paysandú",
            "Tribunal Contencioso",
            "Universidade Estadual de Londrina"
        ]
    );
}

/// Their "and" and "in" join the name too: "Institut de Recherche en
/// Sciences de la Santé".
#[test]
fn a_body_of_another_language_keeps_its_own_and_and_in() {
    let text = "Halidou Tinto led the trial at the Institut de Recherche en Sciences \
                de la Santé in Nanoro.";
    assert_eq!(
        named(&extract(text), EntityKind::Organization),
        ["Institut de Recherche en Sciences de la Santé"]
    );
}

/// A ward named alone in brackets after a councillor is a place ("Ward"
/// alone is a surname as often).
#[test]
fn a_ward_in_brackets_is_a_place() {
    let text = "Cr Ellen Haddow (Kooringal Ward) moved the motion on library hours, \
                and Cr Sam Ward seconded it.";
    let mentions = extract(text);
    assert_eq!(named(&mentions, EntityKind::Place), ["Kooringal Ward"]);
    assert_eq!(
        named(&mentions, EntityKind::Person),
        ["Ellen Haddow", "Sam Ward"]
    );
}

/// Exchanges named head first ("Borsa", "Bolsa") are bodies; a lake named
/// "Lough" or "Loch" first is a place.
#[test]
fn an_exchange_or_a_lake_named_head_first() {
    let text = "Shares of the ferry line rose on the Bolsa de Valores de Lima, and \
                anglers on Lough Corrib said the mayfly came late.";
    let mentions = extract(text);
    assert_eq!(
        named(&mentions, EntityKind::Organization),
        ["Bolsa de Valores de Lima"]
    );
    assert!(named(&mentions, EntityKind::Place).contains(&"Lough Corrib".to_owned()));
}

#[test]
fn a_name_before_a_plural_body_says_which_kind_and_names_no_organisation() {
    let text = "A third of English councils expect to overspend, the Local Government \
                Association said, while Welsh councils asked for more. The Unite union \
                backed the strike at the depot.";
    assert_eq!(
        named(&extract(text), EntityKind::Organization),
        ["Local Government Association", "Unite"]
    );
}

#[test]
fn a_public_body_named_by_a_two_word_service_and_its_nation_is_one_body() {
    let text = "The reservoir stays shut while Natural Resources Wales tests the water. \
                Public Health Scotland issued advice on Tuesday, Food Standards Scotland \
                checked the shellfish beds, and Health Education England ran the training. \
                Arts Council England paid for the mural in Hull.";
    let found = extract(text);
    assert_eq!(
        named(&found, EntityKind::Organization),
        [
            "Arts Council England",
            "Food Standards Scotland",
            "Health Education England",
            "Natural Resources Wales",
            "Public Health Scotland"
        ]
    );
    // The nations are named only inside the bodies' names.
    assert!(
        named(&found, EntityKind::Place)
            .iter()
            .all(|p| p != "Wales" && p != "Scotland")
    );
}

#[test]
fn rivers_are_places_and_the_water_companies_named_for_them_are_firms() {
    let text = "Barges on the Scheldt waited for the level to fall, and the Meuse \
                burst its banks upstream. On the Thames, Thames Water said it had \
                lifted the hosepipe ban, while Dŵr Cymru Welsh Water kept its own. \
                Clyde Fenwick, who farms by the River Clyde, said the summer had been dry.";
    let found = extract(text);
    assert_eq!(
        named(&found, EntityKind::Place),
        ["Meuse", "River Clyde", "Scheldt", "Thames"]
    );
    assert_eq!(
        named(&found, EntityKind::Company),
        ["Thames Water", "Welsh Water"]
    );
    assert_eq!(named(&found, EntityKind::Person), ["Clyde Fenwick"]);
}

#[test]
fn a_nation_then_government_names_that_government_and_nothing_else_does() {
    let text = "The Welsh Government said the ferry would keep its subsidy, and the \
                Irish Government agreed. Dealers sold Eurobonds and U.K. Government \
                bonds, and the Labour Government of 1974 was recalled.";
    let found = extract(text);
    assert_eq!(
        named(&found, EntityKind::Organization),
        ["Irish Government", "Welsh Government"]
    );
}

#[test]
fn a_government_gives_its_country_and_another_body_named_for_one_does_not() {
    // As a capital that acts is its country, so is its government; a
    // survey or an agency is where someone works.
    assert_eq!(
        countries_of("The Welsh Government said the ferry would keep its subsidy."),
        ["United Kingdom"]
    );
    assert_eq!(
        countries_of("Floats operated by the British Antarctic Survey were lost."),
        Vec::<String>::new()
    );
}

#[test]
fn a_world_body_named_in_english_is_the_body_its_acronym_names() {
    let text = "The International Cycling Union (UCI) said it would review the crash.";
    assert_eq!(
        named(&extract(text), EntityKind::Organization),
        ["Union Cycliste Internationale"]
    );
}
