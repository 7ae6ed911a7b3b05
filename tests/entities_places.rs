//! Places in context: datelines, regions after a town, same-named places,
//! towns that are people, and the countries places give an article. Each
//! text is written for the test.

use crate::entities_support;

use dossier::entities::{EntityKind, Mention, extract};
use entities_support::{countries_of, named, written_as};

fn place<'m>(mentions: &'m [Mention], text: &str, surface: &str) -> Option<&'m Mention> {
    mentions
        .iter()
        .find(|m| &text[m.start..m.end] == surface && m.kind == EntityKind::Place)
}

#[test]
fn an_all_capital_dateline_gives_its_place_and_country() {
    let text = "    SPOKANE, Wash., May 2 - Orchard growers expect a smaller apple crop.";
    let mentions = extract(text);
    let spokane = place(&mentions, text, "SPOKANE").expect("dateline place");
    assert_eq!(spokane.country.as_deref(), Some("United States"));
    assert_eq!(countries_of(text), ["United States"]);
}

#[test]
fn a_small_town_counts_in_a_dateline_or_after_a_preposition_only() {
    let dateline = "MOOSE JAW, Saskatchewan, Oct 9 - Grain deliveries slowed.";
    assert_eq!(countries_of(dateline), ["Canada"]);
    let located = "The rail yard of Moose Jaw will close next year.";
    assert_eq!(countries_of(located), ["Canada"]);
    let above = "The hikers camped on the ridge above Tolosa before the storm.";
    assert_eq!(countries_of(above), ["Spain"]);
    let alone = "Tolosa won the vote by a single point.";
    assert!(countries_of(alone).is_empty());
}

#[test]
fn a_small_town_before_its_councillors_or_residents_is_a_place() {
    let text = "Moose Jaw councillors voted to close the pool.";
    assert_eq!(countries_of(text), ["Canada"]);
    let text = "Moose Jaw residents queued to speak.";
    assert_eq!(countries_of(text), ["Canada"]);
    // Before other words a small town still needs a place's context.
    let text = "Moose Jaw supporters queued to speak.";
    assert!(countries_of(text).is_empty());
}

#[test]
fn the_region_after_a_town_picks_among_same_named_towns() {
    let text = "VICTORIA, British Columbia, June 2 - The ferry fleet will be renewed.";
    assert_eq!(countries_of(text), ["Canada"]);
    let text = "Peach growers near Macon, Georgia, lost half the crop.";
    let mentions = extract(text);
    let georgia = mentions
        .iter()
        .find(|m| m.name == "Georgia")
        .expect("Georgia found");
    assert_eq!(georgia.kind, EntityKind::Place);
    assert_eq!(countries_of(text), ["United States"]);
}

#[test]
fn georgia_is_a_us_state_among_states_and_a_country_near_its_capital() {
    let states = "Storms closed schools in Alabama, Georgia and Tennessee on Monday.";
    assert_eq!(countries_of(states), ["United States"]);
    let country = "Georgia and Armenia reopened the border; officials in Tbilisi welcomed it.";
    assert_eq!(countries_of(country), ["Armenia", "Georgia"]);
}

#[test]
fn a_town_named_person_is_no_place() {
    for text in [
        "Savannah Okoro said the plan was sound.",
        "Mr Savannah declined to comment on the bid.",
        "The report was written by Nanaimo Delacourt and two colleagues.",
    ] {
        assert!(
            countries_of(text).is_empty(),
            "{text}: {:?}",
            countries_of(text)
        );
    }
}

#[test]
fn a_capital_of_a_few_people_yields_to_the_city_of_its_name() {
    // Plymouth, Montserrat's abandoned capital, beside the English port.
    let port = "Ferries from Plymouth were cancelled as the storm reached the coast.";
    assert_eq!(countries_of(port), ["United Kingdom"]);
    // Hamilton, Bermuda's capital of a thousand, beside Hamilton, Ontario.
    let steel = "Steel output in Hamilton rose for a third month.";
    assert_eq!(countries_of(steel), ["Canada"]);
    // A capital that is a large city keeps its name.
    let capital = "Talks in Kingston ended without a deal on fishing rights.";
    assert_eq!(countries_of(capital), ["Jamaica"]);
    // Another country named in the story still picks its own town.
    let island = "Ash fell on Plymouth again, Montserrat's observatory said.";
    assert_eq!(countries_of(island), ["Montserrat"]);
}

#[test]
fn a_british_county_is_in_the_united_kingdom_unless_its_region_says_otherwise() {
    let text = "Surrey beat Somerset by an innings at the Oval, and the champions travel to Kent next week.";
    assert_eq!(countries_of(text), ["United Kingdom"]);
    let text = "Housing starts in Surrey, British Columbia, fell by a third this year.";
    assert_eq!(countries_of(text), ["Canada"]);
}

#[test]
fn a_name_after_the_village_of_is_a_place_and_a_terminal_names_one() {
    let text = "Flood defences in the village of Weybourne held overnight, and \
                the borough of Elmbridge opened two rest centres. Cranes at \
                Deepwater Container Terminal stood idle. Brian Weybourne, a \
                farmer, said the village of the future needed a sea wall.";
    let mentions = extract(text);
    for surface in ["Weybourne", "Elmbridge", "Deepwater Container Terminal"] {
        assert!(
            place(&mentions, text, surface).is_some(),
            "{surface}: {mentions:?}"
        );
    }
    // The farmer is no place, nor is a name where "of" follows no
    // settlement word.
    let farmer = text.find("Brian").unwrap();
    assert!(
        !mentions
            .iter()
            .any(|m| m.start == farmer && m.kind == EntityKind::Place),
        "{mentions:?}"
    );
    let text = "The chief of Marlow Analytics said the village of hope was a slogan.";
    let mentions = extract(text);
    assert!(
        place(&mentions, text, "Marlow Analytics").is_none(),
        "{mentions:?}"
    );
}

#[test]
fn an_agency_credit_in_a_dateline_names_no_country_of_its_own() {
    // An all-capital place before the agency's credit is a dateline, and
    // the agency's home is no evidence for which namesake it is: Geneva
    // in Switzerland, not the small town in Illinois.
    let text = "GENEVA (AP) — Talks on the grain corridor resumed on Tuesday.";
    let mentions = extract(text);
    let geneva = place(&mentions, text, "GENEVA").expect("dateline place");
    assert_eq!(geneva.country.as_deref(), Some("Switzerland"));
}

#[test]
fn an_english_word_that_spells_a_country_in_its_own_language_is_no_country() {
    // "Island" is Iceland's own name without its accent; in English it is
    // a word that opens sentences and title-case headlines.
    let text = "Island Ferry Operator Cuts Winter Sailings\n\n\
                Island residents said the cuts would hurt trade with Iceland.";
    let mentions = extract(text);
    assert_eq!(
        written_as(&mentions, text, "Iceland"),
        ["Iceland"],
        "{mentions:?}"
    );
    // The name itself without its accent still counts.
    assert_eq!(countries_of("Flights to Reunion resumed."), ["Réunion"]);
}

#[test]
fn a_capital_that_opens_a_dateline_is_where_the_story_was_filed() {
    for text in [
        "OSLO, Nov 12 (Reuters) - Salmon exports rose in October.",
        "OSLO - Salmon exports rose in October.",
        "Oslo, Nov 12 - Salmon exports rose in October.",
    ] {
        let mentions = extract(text);
        let oslo =
            place(&mentions, text, &text[..4]).unwrap_or_else(|| panic!("{text}: {mentions:?}"));
        assert_eq!(oslo.name, "Oslo", "{text}");
        assert_eq!(countries_of(text), ["Norway"], "{text}");
    }
    // Elsewhere a capital that speaks is still its government.
    let speaks = "Salmon exports rose. Oslo said the tax would stay.";
    assert!(place(&extract(speaks), speaks, "Oslo").is_none());
}

#[test]
fn a_region_s_adjective_names_the_region_not_a_person_or_a_country() {
    let text = "Rain delayed the West African harvest, while South American exporters \
                shipped more and Middle Eastern buyers held back.";
    let mentions = extract(text);
    for (surface, name) in [
        ("West African", "West Africa"),
        ("South American", "South America"),
        ("Middle Eastern", "Middle East"),
    ] {
        let found =
            place(&mentions, text, surface).unwrap_or_else(|| panic!("{surface}: {mentions:?}"));
        assert_eq!(found.name, name);
    }
    assert!(countries_of(text).is_empty(), "{:?}", countries_of(text));
}

/// The provinces, states and regions of other countries are places of
/// their country, written with or without their accents.
#[test]
fn regions_of_other_countries_are_places_of_their_country() {
    let mentions = dossier::entities::extract(
        "Exports from Shandong fell, while Minas Gerais and Tamil Nadu grew. Ile-de-France \
         and Baden-Württemberg held up.",
    );
    for (name, country) in [
        ("Shandong", "China"),
        ("Minas Gerais", "Brazil"),
        ("Tamil Nadu", "India"),
        ("Île-de-France", "France"),
        ("Baden-Württemberg", "Germany"),
    ] {
        let m = mentions.iter().find(|m| m.name == name);
        assert!(m.is_some(), "{name}: {mentions:?}");
        assert_eq!(m.unwrap().country.as_deref(), Some(country), "{name}");
    }
}

/// Compass words before a region name a part of it, a place of its own in
/// the region's country; before a country they stay out of its name.
#[test]
fn compass_words_before_a_region_name_a_part_of_it() {
    let text = "Storms closed roads in North Wales and Southern California, and in what \
                was West Germany.";
    let mentions = extract(text);
    for (name, country) in [
        ("North Wales", "United Kingdom"),
        ("Southern California", "United States"),
    ] {
        let m = place(&mentions, text, name);
        assert!(m.is_some(), "{name}: {mentions:?}");
        assert_eq!(m.unwrap().country.as_deref(), Some(country), "{name}");
    }
    assert!(mentions.iter().all(|m| m.name != "West Germany"));
}

/// A city before its possessive is the city: "Leeds's" is no word of its
/// own, and a capital's streets are no government. What only a firm owns
/// still makes the name a firm's, and a place whose name holds "'s" is
/// read whole.
#[test]
fn a_city_before_its_possessive_is_a_place() {
    let text = "Rain flooded Leeds's ring road and Kuala Lumpur's airport, and crowds \
                filled Lima's streets. Ferries sailed from King's Lynn.";
    let mentions = extract(text);
    for (name, country) in [
        ("Leeds", "United Kingdom"),
        ("Kuala Lumpur", "Malaysia"),
        ("Lima", "Peru"),
        ("King's Lynn", "United Kingdom"),
    ] {
        let m = place(&mentions, text, name);
        assert!(m.is_some(), "{name}: {mentions:?}");
        assert_eq!(m.unwrap().country.as_deref(), Some(country), "{name}");
    }
    let text = "Investors cheered. Santander's board raised the dividend.";
    let mentions = extract(text);
    assert!(
        place(&mentions, text, "Santander").is_none(),
        "{mentions:?}"
    );
}

/// Grounds, forts, highways, causeways and airfields are named places.
#[test]
fn grounds_forts_highways_and_airfields_are_places() {
    let text = "Rain stopped play at the Riverside Cricket Ground. Coaches parked \
                below Kalkan Fort, traffic on the Tamsin Highway slowed and gliders \
                left Hemswell Airfield.";
    let mentions = extract(text);
    for name in [
        "Riverside Cricket Ground",
        "Kalkan Fort",
        "Tamsin Highway",
        "Hemswell Airfield",
    ] {
        assert!(
            place(&mentions, text, name).is_some(),
            "{name}: {mentions:?}"
        );
    }
}

/// A quay or a street named after a titled person keeps the whole name,
/// and a school's name runs on past its saint's possessive; a road with a
/// name of its own after a town's possessive stays the road's.
#[test]
fn a_place_or_school_named_after_a_person_keeps_the_possessive() {
    let text = "Ferries tied up at Sir Walter Penrose's Quay, and pupils of St \
                Ita's Primary School sang. Stalls lined Ballymore's Kelsang Dorje Road.";
    let mentions = extract(text);
    assert!(
        place(&mentions, text, "Sir Walter Penrose's Quay").is_some(),
        "{mentions:?}"
    );
    assert!(
        mentions
            .iter()
            .any(|m| m.name == "St Ita's Primary School" && m.kind == EntityKind::Organization),
        "{mentions:?}"
    );
    assert!(
        mentions.iter().all(|m| m.kind != EntityKind::Person),
        "{mentions:?}"
    );
    assert!(
        place(&mentions, text, "Kelsang Dorje Road").is_some(),
        "{mentions:?}"
    );
}

/// Irish counties are places of Ireland as "County X", "Co X" or by their
/// name alone where it is no word, town or person's name.
#[test]
fn irish_counties_are_places_of_ireland() {
    let text = "Rural bus routes in Co Offaly and County Clare will be cut, and \
                Donegal loses two. Clare Hughes chairs the board.";
    let mentions = extract(text);
    for name in ["Co Offaly", "County Clare", "Donegal"] {
        let m = place(&mentions, text, name);
        assert!(m.is_some(), "{name}: {mentions:?}");
        assert_eq!(m.unwrap().country.as_deref(), Some("Ireland"), "{name}");
    }
    assert!(
        mentions
            .iter()
            .any(|m| m.name == "Clare Hughes" && m.kind == EntityKind::Person),
        "{mentions:?}"
    );
}

/// Small towns listed after a locative are all places, and so is a town
/// alone in a table's cell of a story about its country; a branch in a
/// table that shares a far town's name stays unnamed.
#[test]
fn small_towns_in_a_list_after_a_locative_or_in_a_table_are_places() {
    let text = "Clinics reopened in Kisumu, Siaya, Busia and Migori on Monday.";
    let mentions = extract(text);
    for name in ["Siaya", "Busia", "Migori"] {
        assert!(
            place(&mentions, text, name).is_some(),
            "{name}: {mentions:?}"
        );
    }
    let text = "Heavy rain fell across the Philippines.\n\n\
                Town             Rain (mm)\n\
                Aparri           538\n";
    let mentions = extract(text);
    assert!(place(&mentions, text, "Aparri").is_some(), "{mentions:?}");
    let text = "Loans rose at the town's branches.\n\n\
                Branch           Loans\n\
                Millbrook        2,905\n";
    assert_eq!(countries_of(text), Vec::<String>::new());
}

/// Continents, oceans, rivers and ranges that no head word marks are
/// places; a river named like a firm is one only in its longer form.
#[test]
fn rivers_ranges_and_continents_without_a_head_word_are_places() {
    let text = "Barges waited on the Rhine while snow closed passes in the Pyrenees, \
                and a survey ship left Antarctica for the Southern Ocean. Loggers \
                cleared more of the Amazon rainforest; Amazon said its sales rose.";
    let mentions = extract(text);
    for name in [
        "Rhine",
        "Pyrenees",
        "Antarctica",
        "Southern Ocean",
        "Amazon rainforest",
    ] {
        assert!(
            place(&mentions, text, name).is_some(),
            "{name}: {mentions:?}"
        );
    }
    assert!(
        mentions
            .iter()
            .any(|m| m.name == "Amazon" && m.kind == EntityKind::Company),
        "{mentions:?}"
    );
}

#[test]
fn a_city_named_like_an_english_word_counts_only_where_it_is_a_place() {
    let text = "The regatta moved from Split to Nice, and Providence's sailors \
                won the final race.";
    assert_eq!(
        named(&extract(text), EntityKind::Place),
        ["Nice", "Providence", "Split"]
    );
    let text = "Reading the verdict, the judge gave a split decision. Nice weather \
                helped, and Split the difference, said the coach.";
    assert_eq!(
        named(&extract(text), EntityKind::Place),
        Vec::<String>::new()
    );
}

#[test]
fn a_small_town_s_name_that_opens_a_longer_headed_name_is_no_town() {
    let text = "When the car plant stops, the whole of Buffalo City feels it, and \
                residents of Mobile Bay Estates agree.";
    let mentions = extract(text);
    assert!(
        mentions
            .iter()
            .all(|m| m.name != "Buffalo" && m.name != "Mobile"),
        "{mentions:?}"
    );
    assert_eq!(countries_of(text), Vec::<String>::new());
}

#[test]
fn stadiums_named_head_first_and_sports_complexes_are_places() {
    let text = "The final moves from the Estadio do Vale to the Stade de Lorrac, \
                and the athletes train at the Ravi Deshpande Sports Complex.";
    assert_eq!(
        named(&extract(text), EntityKind::Place),
        [
            "Estadio do Vale",
            "Ravi Deshpande Sports Complex",
            "Stade de Lorrac"
        ]
    );
}

#[test]
fn a_name_before_district_or_suburb_is_a_place() {
    let text = "Rents in the Vellacourt district rose by a fifth, and shops in the \
                Ostermoor suburb closed; the Jewish quarter was quiet.";
    assert_eq!(
        named(&extract(text), EntityKind::Place),
        ["Ostermoor", "Vellacourt"]
    );
}

#[test]
fn a_city_goes_by_the_english_name_news_gives_it() {
    let text = "The exhibition moves to Seville in the spring.";
    assert_eq!(named(&extract(text), EntityKind::Place), ["Sevilla"]);
    assert_eq!(countries_of(text), ["Spain"]);
}

#[test]
fn a_name_after_a_preposition_of_place_is_where_the_speakers_are() {
    let text = "Parking on the quay in Ballinskelligs is scarce, and residents in \
                Derrynane said the ferry should move. Farmers in the townland of \
                Coomakista objected.";
    let mentions = extract(text);
    assert!(
        named(&mentions, EntityKind::Person).is_empty(),
        "{mentions:?}"
    );
    assert!(named(&mentions, EntityKind::Place).contains(&"Coomakista".to_owned()));
}

#[test]
fn islands_and_the_danish_spelling_of_cities_are_places() {
    let text = "The ferry from Tenerife to Gran Canaria was cancelled, and the \
                Aarhus shipyard that built it said repairs would take a week.";
    assert_eq!(
        named(&extract(text), EntityKind::Place),
        ["Gran Canaria", "Tenerife", "Århus"]
    );
}

#[test]
fn a_settlement_noun_heading_an_apposition_makes_a_place() {
    let text = "The bus now stops at Kilcummin, a village of two shops and a \
                church, twice a day. Peadar Walsh, a village elder, welcomed it.";
    let mentions = extract(text);
    assert_eq!(named(&mentions, EntityKind::Place), ["Kilcummin"]);
    assert_eq!(named(&mentions, EntityKind::Person), ["Peadar Walsh"]);
}

#[test]
fn passes_plateaus_and_salt_flats_named_head_first_are_places() {
    let text = "The rally crossed the Col du Granon and the Plateau de Sault before \
                dusk. Col Tim Harte, who led the marshals, said the Salar de Uyuni \
                stage would follow.";
    let mentions = extract(text);
    assert_eq!(
        named(&mentions, EntityKind::Place),
        ["Col du Granon", "Plateau de Sault", "Salar de Uyuni"]
    );
    assert_eq!(named(&mentions, EntityKind::Person), ["Tim Harte"]);
}

#[test]
fn states_of_malaysia_and_provinces_of_indonesia_are_places() {
    let text = "Smallholders in Sabah and Johor sold less fruit, while mills in Riau \
                and Jambi ran below capacity.";
    assert_eq!(
        named(&extract(text), EntityKind::Place),
        ["Jambi", "Johor", "Riau", "Sabah"]
    );
    assert_eq!(countries_of(text), ["Indonesia", "Malaysia"]);
}

#[test]
fn small_towns_listed_after_such_as_are_places() {
    let text = "Ski schools in smaller towns such as Akureyri reported fewer bookings, \
                while firms such as Dana Outdoor kept their staff.";
    let mentions = extract(text);
    assert_eq!(named(&mentions, EntityKind::Place), ["Akureyri"]);
    assert_eq!(countries_of(text), ["Iceland"]);
}

/// News spells a transliterated town without its soft sign's apostrophe
/// ("Arkhangelsk" for "Arkhangel’sk") and a Korean city without its "-si";
/// both are the listed places.
#[test]
fn a_town_is_found_without_its_apostrophe_or_administrative_suffix() {
    let text = "The timber mill ships boards from Arkhangelsk, and the airline's \
                new route links Gimpo with Jeju.";
    let mentions = extract(text);
    let arkhangelsk = place(&mentions, text, "Arkhangelsk").expect("Arkhangelsk");
    assert_eq!(arkhangelsk.country.as_deref(), Some("Russia"));
    let gimpo = place(&mentions, text, "Gimpo").expect("Gimpo");
    assert_eq!(gimpo.name, "Gimpo");
    assert_eq!(gimpo.country.as_deref(), Some("South Korea"));
}

/// Two names joined by "to" or a hyphen before a route's noun, or after
/// one and "from", are places however small, and stay places elsewhere in
/// the text; two peoples joined by a hyphen are not.
#[test]
fn the_ends_of_a_route_are_places() {
    let text = "Anglers say the Kilbrack to Dunmore Quay bus was cancelled again, \
                and sailings from Inishcarra to Portlea stop in October. The \
                Kilbrack-Tullagh road is closed, so hotels in Tullagh lost \
                bookings. The Anglo-Irish route talks resume in spring.";
    let mentions = extract(text);
    let places = named(&mentions, EntityKind::Place);
    assert_eq!(
        places,
        [
            "Dunmore Quay",
            "Inishcarra",
            "Kilbrack",
            "Portlea",
            "Tullagh"
        ],
        "{mentions:?}"
    );
    let tullagh = mentions.iter().filter(|m| m.name == "Tullagh").count();
    assert_eq!(tullagh, 2, "{mentions:?}");
}

/// A delta or a plateau after a river's or a region's name is a place of
/// its own, and "Upper" or "Lower" before a country or a region names a
/// part of it, which gives the country.
#[test]
fn a_delta_a_plateau_and_an_upper_region_are_places() {
    let text = "Cotton growers in the Orinoco Delta and on the Kashgar Plateau \
                expect a poor crop, as do farms in Upper Austria.";
    let mentions = extract(text);
    assert_eq!(
        named(&mentions, EntityKind::Place),
        ["Kashgar Plateau", "Orinoco Delta", "Upper Austria"],
        "{mentions:?}"
    );
    assert_eq!(countries_of(text), ["Austria"]);
}

/// A town in no list is a place after "the mayor of" and after a
/// division of a state ("the department of", "the prefecture of"); one
/// town names no list, so an apposition after it is no second town.
#[test]
fn a_town_after_its_mayor_or_a_division_of_a_state_is_a_place() {
    let text = "The mayor of Tallowmere said the hockey rink would reopen. Skaters came \
                from the department of Vercolle and the prefecture of Ishinaka. The \
                deputy mayor of Brackwater, Tess Rowan, cut the ribbon.";
    let mentions = extract(text);
    assert_eq!(
        named(&mentions, EntityKind::Place),
        ["Brackwater", "Ishinaka", "Tallowmere", "Vercolle"]
    );
    assert_eq!(named(&mentions, EntityKind::Person), ["Tess Rowan"]);
}

/// A capital's name is the state of its name in a country the story
/// names, when the capital's own country goes unnamed: Victoria among
/// Australian towns is no capital of the Seychelles.
#[test]
fn a_capital_s_name_is_a_state_of_a_named_country() {
    let state = "Wheat growers in Victoria sold early. Silos at Horsham and Geelong \
                 filled, Australia's grain board said.";
    assert_eq!(countries_of(state), ["Australia"]);
    let capital = "Tuna landings in Victoria rose, the Seychelles fishing authority said.";
    assert_eq!(countries_of(capital), ["Seychelles"]);
}

/// A place in no list is told by a distance or a bearing from it, and by
/// "the small town of" as by "the town of"; a price "north of" a firm's
/// offer names no place.
#[test]
fn a_distance_or_a_bearing_from_a_name_makes_it_a_place() {
    let text = "The observatory sits 14 kilometres from Ruvanga, and the relay mast \
                stands north-west of Kolbeinsey. The rally runs 90 km from Tarbrook to \
                Ellisvale, past the small mining town of Quorrabin. Bids came in north \
                of Halbrecht's offer.";
    assert_eq!(
        named(&extract(text), EntityKind::Place),
        [
            "Ellisvale",
            "Kolbeinsey",
            "Quorrabin",
            "Ruvanga",
            "Tarbrook"
        ]
    );
}

/// After a locative, a name in no list listed with places the lists know
/// is a place; a comma with no "and" makes no list, and an acronym in one
/// is more often a firm.
#[test]
fn a_name_listed_with_places_after_a_locative_is_a_place() {
    let text = "The brewer has taprooms in Galway, Drumkeeran and Limerick. Speaking \
                in Dundee, Osterlund said beer sales fell. Silos stand at Rosario, and \
                BKX executives agreed.";
    let places = named(&extract(text), EntityKind::Place);
    assert!(places.contains(&"Drumkeeran".to_owned()), "{places:?}");
    assert!(!places.contains(&"Osterlund".to_owned()), "{places:?}");
    assert!(!places.contains(&"BKX".to_owned()), "{places:?}");
}

/// A word in no list that the text puts after prepositions of place twice
/// is a town; "at" and "from" alone do not make one (firms follow them),
/// nor does a word the text also uses as a firm's.
#[test]
fn a_word_placed_twice_after_prepositions_of_place_is_a_town() {
    let town = "The school board met in Kilgarvan on Monday. Parents in Kilgarvan \
                want a bus, and pupils from Kilgarvan walk.";
    assert!(named(&extract(town), EntityKind::Place).contains(&"Kilgarvan".to_owned()));
    let firm = "Orders at Brightwell fell. Analysts from Brightwell met buyers.";
    assert!(named(&extract(firm), EntityKind::Place).is_empty());
    let speaker = "Sales in Ostara rose. Demand in Ostara held, and Ostara said it \
                   would hire.";
    assert!(named(&extract(speaker), EntityKind::Place).is_empty());
}

/// A street named after a royal title and a street's part ("Queen Street
/// West") is a place, not a person called "Street West".
#[test]
fn a_street_with_a_title_word_and_a_compass_part_is_a_place() {
    let text = "The bus lane will run from King Street West to Queen Street East.";
    let mentions = extract(text);
    assert_eq!(
        named(&mentions, EntityKind::Place),
        ["King Street West", "Queen Street East"]
    );
    assert!(named(&mentions, EntityKind::Person).is_empty());
}

#[test]
fn a_city_by_its_english_or_older_name() {
    let text = "The riders left Ghent at dawn and reached Cologne by night; the \
                team flew on to Kiev.";
    let found = extract(text);
    assert_eq!(named(&found, EntityKind::Place), ["Gent", "Kyiv", "Köln"]);
    assert_eq!(countries_of(text), ["Belgium", "Germany", "Ukraine"]);
}

#[test]
fn a_place_of_several_words_before_based_and_a_place_that_opens_a_bodys_name() {
    let found = extract("Santa Monica-based Corvane is said to be one firm on its list.");
    assert_eq!(named(&found, EntityKind::Place), ["Santa Monica"]);
    let found = extract(
        "The Texas Parks and Wildlife Department will study the plan, and the \
         papers are kept at the Harwick Library.",
    );
    assert_eq!(
        named(&found, EntityKind::Organization),
        ["Harwick Library", "Texas Parks and Wildlife Department"]
    );
    // The British press shortens Northern Ireland; the island is not meant.
    let found = extract("The N Ireland squad trains in Belfast.");
    assert_eq!(
        named(&found, EntityKind::Place),
        ["Belfast", "Northern Ireland"]
    );
    assert_eq!(named(&found, EntityKind::Country), [] as [&str; 0]);
}

#[test]
fn los_angeles_by_its_short_form() {
    let found = extract("One tabloid in LA hands its photographers camera phones.");
    assert_eq!(named(&found, EntityKind::Place), ["Los Angeles"]);
}

#[test]
fn a_place_of_several_words_that_opens_a_papers_name_stays_the_place() {
    let found = extract("He moved to New York and read the New York Post.");
    assert_eq!(named(&found, EntityKind::Place), ["New York"]);
    assert_eq!(named(&found, EntityKind::Company), ["New York Post"]);
}

#[test]
fn a_name_before_council_or_mayor_is_the_town_s_unless_a_party_s() {
    let text = "Harbour fees split the Kilmory council. Kilmory councillors voted 7-6, \
                and three Labour councillors met the Lisburn mayor.";
    let found = extract(text);
    assert_eq!(named(&found, EntityKind::Place), ["Kilmory", "Lisburn"]);
    assert!(
        named(&found, EntityKind::Organization)
            .iter()
            .all(|o| o != "Kilmory")
    );
}

#[test]
fn a_small_town_of_a_country_the_story_never_names_gives_no_country() {
    // A town of that name is in the lists only for another country: the
    // story's own town is a namesake the lists do not hold.
    assert_eq!(
        countries_of("A quake in Peru was felt 40 km from the town of Chala."),
        ["Peru"]
    );
    // Named with its country, or with another of its towns, it gives it.
    assert_eq!(
        countries_of("Tanzania said the road to Chala was open."),
        ["Tanzania"]
    );
    // In a story that names no country, it still does.
    assert_eq!(
        countries_of("Farmers near Chala said the rains had come."),
        ["Tanzania"]
    );
}

#[test]
fn a_journal_a_story_appeared_in_is_no_place() {
    for text in [
        "The chemists reported in Nature Catalysis that the electrode held its current.",
        "The study, published in Marine Ecology Letters on Monday, found fewer herring.",
        "Writing in Foreign Affairs, the former envoy argued for talks.",
    ] {
        let places = named(&extract(text), EntityKind::Place);
        assert!(places.is_empty(), "{text}: {places:?}");
    }
    // Where something happened is still a place.
    let text = "Fighting was reported in Staryi Saltiv on Monday, officials said.";
    assert_eq!(named(&extract(text), EntityKind::Place), ["Staryi Saltiv"]);
}
