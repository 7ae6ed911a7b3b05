//! Behaviour of entity extraction on short texts: the traps of the task
//! (each written in a sentence of its own, not copied from the seeds), span
//! invariants, and hostile input.

use crate::entities_support;

use dossier::entities::{EntityKind, Mention, extract};
use entities_support::named;

fn find<'m>(mentions: &'m [Mention], text: &str, surface: &str) -> Option<&'m Mention> {
    mentions.iter().find(|m| &text[m.start..m.end] == surface)
}

fn kind_of(text: &str, surface: &str) -> Option<(EntityKind, String)> {
    let mentions = extract(text);
    find(&mentions, text, surface).map(|m| (m.kind, m.name.to_string()))
}

/// Asserts that each surface of `text` is found as an entity of its kind.
fn assert_kinds(text: &str, expected: &[(&str, EntityKind)]) {
    for &(surface, kind) in expected {
        assert_eq!(kind_of(text, surface).map(|k| k.0), Some(kind), "{surface}");
    }
}

fn assert_invariants(text: &str, mentions: &[Mention]) {
    for pair in mentions.windows(2) {
        assert!(
            pair[0].end <= pair[1].start,
            "overlap or disorder: {pair:?}"
        );
    }
    for m in mentions {
        assert!(m.start < m.end && m.end <= text.len(), "bad span {m:?}");
        assert!(text.is_char_boundary(m.start) && text.is_char_boundary(m.end));
    }
}

#[test]
fn a_company_listed_after_a_company_noun_is_a_company_even_with_a_title_word() {
    let text = "Investors backed the startups Brightline, Corvax and General Cherry last year. \
                General Cherry is now the largest of them.";
    let mentions = extract(text);
    let cherry: Vec<_> = mentions
        .iter()
        .filter(|m| m.name == "General Cherry")
        .collect();
    assert_eq!(cherry.len(), 2);
    assert!(cherry.iter().all(|m| m.kind == EntityKind::Company));
    assert_eq!(
        kind_of(text, "Corvax"),
        Some((EntityKind::Company, "Corvax".into()))
    );
}

#[test]
fn a_given_name_after_a_title_is_part_of_the_name() {
    let text = "Trade Minister Gen Hayashi met farmers on Friday. Hayashi said prices would fall.";
    let mentions = extract(text);
    let person = find(&mentions, text, "Gen Hayashi").expect("person found");
    assert_eq!(person.kind, EntityKind::Person);
    let later = find(&mentions, text, "Hayashi").expect("surname found");
    assert_eq!(later.name, "Gen Hayashi");
}

#[test]
fn all_capital_names_in_a_company_list_are_companies_but_acronyms_alone_are_not() {
    let text = "Drone makers VOLTRA and Skyhawk signed the deal. The software uses AI to steer.";
    assert_eq!(
        kind_of(text, "VOLTRA").map(|k| k.0),
        Some(EntityKind::Company)
    );
    assert_eq!(kind_of(text, "AI"), None);
}

#[test]
fn a_based_prefix_is_a_place_and_the_agency_after_it_a_company() {
    let text = "The figures were first reported by the Osaka-based news agency Kyodo on Monday.";
    assert_eq!(kind_of(text, "Osaka").map(|k| k.0), Some(EntityKind::Place));
    assert_eq!(
        kind_of(text, "Kyodo").map(|k| k.0),
        Some(EntityKind::Company)
    );
}

#[test]
fn a_multiword_company_is_one_mention() {
    let text = "Mitsubishi Heavy Industries will build the frigates.";
    let mentions = extract(text);
    assert_eq!(mentions.len(), 1);
    assert_eq!(mentions[0].kind, EntityKind::Company);
}

#[test]
fn a_national_navy_is_an_organisation_linked_to_its_country() {
    let text = "Vessels of the Turkish Navy left port on Sunday.";
    let mentions = extract(text);
    let navy = find(&mentions, text, "Turkish Navy").expect("navy found");
    assert_eq!(navy.kind, EntityKind::Organization);
    assert_eq!(navy.country.as_deref(), Some("Turkey"));
}

#[test]
fn mod_is_a_ministry_and_chrome_is_nothing() {
    let text = "Nearly ten countries joined, the MoD says.\nCopied!\nShare this article";
    assert_eq!(
        kind_of(text, "MoD").map(|k| k.0),
        Some(EntityKind::Organization)
    );
    assert_eq!(kind_of(text, "Copied"), None);
}

#[test]
fn demonyms_and_aliases_resolve_to_their_country() {
    let text = "Polish-led talks included American, U.S. and Kenyan envoys.";
    let mentions = extract(text);
    let names: Vec<&str> = mentions.iter().map(|m| m.name.as_ref()).collect();
    assert_eq!(names, ["Poland", "United States", "United States", "Kenya"]);
}

#[test]
fn the_peoples_of_the_united_kingdom_are_its_demonyms_and_brittany_s_is_not() {
    let text = "Scottish ministers and Northern Irish farmers met Scots anglers. \
                Breton fishermen stayed at sea.";
    let mentions = extract(text);
    let names: Vec<&str> = mentions.iter().map(|m| m.name.as_ref()).collect();
    assert_eq!(
        names,
        ["United Kingdom", "United Kingdom", "United Kingdom"],
        "{mentions:?}"
    );
}

#[test]
fn a_capital_that_acts_is_its_country_and_a_capital_as_location_a_place() {
    let text = "Nairobi has been asked to send troops. The talks were held in Nairobi.";
    let mentions = extract(text);
    assert_eq!(mentions[0].kind, EntityKind::Country);
    assert_eq!(mentions[0].name, "Kenya");
    assert_eq!(mentions[1].kind, EntityKind::Place);
    assert_eq!(mentions[1].name, "Nairobi");
    assert_eq!(mentions[1].country.as_deref(), Some("Kenya"));
}

#[test]
fn title_case_headings_do_not_make_names() {
    let text = "Hopes Fade for Quick Recovery\nThe market fell on Monday.";
    let mentions = extract(text);
    assert!(mentions.is_empty(), "{mentions:?}");
}

#[test]
fn people_from_speech_according_to_and_coordination() {
    let text = "Economists were divided. \"It will pass,\" Okonkwo said. \
                According to Lena Vasquez, exports slowed. Vasquez and Thorsby disagreed.";
    let mentions = extract(text);
    for surface in ["Okonkwo", "Lena Vasquez", "Thorsby"] {
        let m = find(&mentions, text, surface).unwrap_or_else(|| panic!("{surface} missing"));
        assert_eq!(m.kind, EntityKind::Person, "{surface}");
    }
    assert_eq!(
        find(&mentions, text, "Vasquez").map(|m| m.name.as_ref()),
        Some("Lena Vasquez")
    );
}

#[test]
fn spans_are_sorted_disjoint_and_on_char_boundaries() {
    let text = "Über «Japan’s» Self-Defense Forces, 日本 and the U.S.-led Indo-Pacific \
                strategy: Müller GmbH, Tokyo-based Sony, and NATO’s Ukrainian partners.";
    let mentions = extract(text);
    assert!(mentions.len() >= 6, "{mentions:?}");
    assert_invariants(text, &mentions);
}

#[test]
fn hostile_input_never_panics() {
    let samples = [
        String::new(),
        "\u{0}\u{1b}[31m".to_owned(),
        "A".repeat(10_000),
        "Minister of of of of".to_owned(),
        "’s’s’s 's. . . Gen. Dr. U.S.".to_owned(),
        "companies , , and and , ".to_owned(),
        "By\nAuthor:\n—".to_owned(),
        "é".repeat(3000) + " Japan",
        (0..2000)
            .map(|i| char::from_u32(0x41 + (i * 7919) % 0x2000).unwrap_or('x'))
            .collect(),
    ];
    for text in &samples {
        let mentions = extract(text);
        assert_invariants(text, &mentions);
    }
}

#[test]
fn name_particles_ampersands_and_public_banks() {
    let text = "President Maria da Costa Pinto met the Bill & Jane Porter Foundation \
                and the Asian Infrastructure Investment Bank in Lisbon.";
    assert_eq!(
        kind_of(text, "Maria da Costa Pinto").map(|k| k.0),
        Some(EntityKind::Person)
    );
    assert_eq!(
        kind_of(text, "Bill & Jane Porter Foundation").map(|k| k.0),
        Some(EntityKind::Organization)
    );
    assert_eq!(
        kind_of(text, "Asian Infrastructure Investment Bank").map(|k| k.0),
        Some(EntityKind::Organization)
    );
}

#[test]
fn appositions_and_staff_name_their_employer() {
    let text = "Analysts at Halvorsen said demand was weak. Trevora, the Danish wind \
                turbine maker, disagreed. Medaid, the health charity, stayed silent.";
    assert_eq!(
        kind_of(text, "Halvorsen").map(|k| k.0),
        Some(EntityKind::Company)
    );
    assert_eq!(
        kind_of(text, "Trevora").map(|k| k.0),
        Some(EntityKind::Company)
    );
    assert_eq!(
        kind_of(text, "Medaid").map(|k| k.0),
        Some(EntityKind::Organization)
    );
}

#[test]
fn aid_to_a_capital_is_for_its_government_and_a_lower_case_head_names_an_organisation() {
    let text = "Germany sent more aid to Nairobi. Members of the Verdi Nord union walked out.";
    let mentions = extract(text);
    let nairobi = find(&mentions, text, "Nairobi").expect("capital found");
    assert_eq!(nairobi.kind, EntityKind::Country);
    assert_eq!(
        kind_of(text, "Verdi Nord").map(|k| k.0),
        Some(EntityKind::Organization)
    );
}

#[test]
fn a_capitalised_word_that_speaks_mid_sentence_is_a_person_unless_an_article_precedes_it() {
    let text = "Marta Swift sang for an hour. \"Thank you,\" Swift told the crowd, \
                and the Treasury said taxes would rise.";
    let mentions = extract(text);
    let swift = find(&mentions, text, "Swift").expect("surname found");
    assert_eq!(swift.name, "Marta Swift");
    assert!(find(&mentions, text, "Treasury").is_none());
}

#[test]
fn random_mixtures_of_names_punctuation_and_unicode_never_panic() {
    const PIECES: [&str; 24] = [
        "Japan",
        "’s",
        "'s",
        " ",
        ", ",
        ". ",
        "\n",
        "Gen.",
        "of",
        "the",
        "and",
        "companies",
        "UFORCE",
        "said",
        "é",
        "—",
        "“",
        "-based",
        "Minister",
        "Bank",
        "&",
        "da",
        "日本",
        "U.S.",
    ];
    let mut state = 0x2545_f491_4f6c_dd1d_u64;
    for _ in 0..2000 {
        let mut text = String::new();
        for _ in 0..40 {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            text.push_str(PIECES[(state % PIECES.len() as u64) as usize]);
        }
        let mentions = extract(&text);
        assert_invariants(&text, &mentions);
    }
}

#[test]
fn names_that_share_a_word_with_a_place_and_places_that_look_like_names() {
    let text = "Fans cheered when Michael Jordan arrived. Shelling hit Nova Kakhovka, \
                and residents in Nova Kakhovka fled.";
    let mentions = extract(text);
    assert_eq!(
        find(&mentions, text, "Michael Jordan").map(|m| m.kind),
        Some(EntityKind::Person)
    );
    assert!(
        mentions
            .iter()
            .filter(|m| m.name == "Nova Kakhovka")
            .all(|m| m.kind == EntityKind::Place)
    );
    // A country's other name or a nation's region after a name is no
    // surname.
    let text = "The show opens at Tate Britain in March, with scenes of Tudor England.";
    let mentions = extract(text);
    assert!(
        mentions.iter().all(|m| m.kind != EntityKind::Person),
        "{mentions:?}"
    );
}

#[test]
fn a_sentence_opening_title_with_a_department_still_names_the_person() {
    let text = "Minister of Regional Development Petra Novakova announced the plan. \
                The report, compiled by Baltic analysts, was cautious.\n\
                Reporting by Ines Carvalho; Editing by Tomas Berg";
    let mentions = extract(text);
    for name in ["Petra Novakova", "Ines Carvalho", "Tomas Berg"] {
        assert_eq!(
            find(&mentions, text, name).map(|m| m.kind),
            Some(EntityKind::Person),
            "{name}"
        );
    }
    assert!(
        mentions
            .iter()
            .all(|m| m.kind != EntityKind::Person || m.name != "Baltic")
    );
}

#[test]
fn a_name_never_opens_with_a_connector_left_after_a_weekday() {
    let text = "The rocket flew on Friday for Velantis, a Lisbon-based startup that maps farms.";
    assert_eq!(
        kind_of(text, "Velantis"),
        Some((EntityKind::Company, "Velantis".to_owned()))
    );
    assert!(kind_of(text, "for Velantis").is_none());
}

#[test]
fn a_role_noun_in_an_apposition_makes_a_person_a_company_noun_a_company() {
    let text = "Odile Varnier, the bank's chief economist, expects two cuts. \
                Rates fell at Kestrova, a lender that serves farmers.";
    assert_eq!(
        kind_of(text, "Odile Varnier"),
        Some((EntityKind::Person, "Odile Varnier".to_owned()))
    );
    assert_eq!(
        kind_of(text, "Kestrova").map(|k| k.0),
        Some(EntityKind::Company)
    );
    // A relative clause about someone else says nothing of the name.
    let text = "Crowds cheered Dravik, the town whose mayor resigned.";
    assert_ne!(
        kind_of(text, "Dravik").map(|k| k.0),
        Some(EntityKind::Person)
    );
}

#[test]
fn one_analyst_at_a_firm_names_a_company_and_sector_words_end_company_names() {
    let text = "\"Margins are thin,\" said an economist at Brantholm. \
                Shares in Northgate Energy rose 4 percent.";
    assert_eq!(
        kind_of(text, "Brantholm").map(|k| k.0),
        Some(EntityKind::Company)
    );
    assert_eq!(
        kind_of(text, "Northgate Energy").map(|k| k.0),
        Some(EntityKind::Company)
    );
    // A department of energy stays a public body.
    let text = "Analysts at the Department of Energy disagreed.";
    assert_eq!(
        kind_of(text, "Department of Energy").map(|k| k.0),
        Some(EntityKind::Organization)
    );
}

#[test]
fn an_organisation_noun_before_a_name_makes_an_organisation() {
    let text = "The food safety watchdog Varesca fined the bakery chain.";
    assert_eq!(
        kind_of(text, "Varesca").map(|k| k.0),
        Some(EntityKind::Organization)
    );
}

#[test]
fn what_only_a_company_has_after_a_possessive_makes_a_company() {
    let text = "Trading was halted after Velmora's board rejected the bid. \
                Kenya's factories were closed.";
    assert_eq!(
        kind_of(text, "Velmora").map(|k| k.0),
        Some(EntityKind::Company)
    );
    assert_eq!(
        kind_of(text, "Kenya").map(|k| k.0),
        Some(EntityKind::Country)
    );
    // A person's title wins over what follows the name.
    let text = "Dr. Ilse Varga's shares were sold.";
    assert_ne!(
        kind_of(text, "Ilse Varga").map(|k| k.0),
        Some(EntityKind::Company)
    );
}

/// The names of one kind in `text`, each once.
fn names_of(text: &str, kind: EntityKind) -> Vec<String> {
    named(&extract(text), kind)
}

#[test]
fn shorter_forms_of_a_company_join_its_entity() {
    let text = "Tamsworth Foundry Inc said it would close a plant. Tamsworth Foundry \
                employs 900 people, and Tamsworth said talks were over.";
    assert_eq!(
        names_of(text, EntityKind::Company),
        ["Tamsworth Foundry Inc"]
    );
    assert!(names_of(text, EntityKind::Person).is_empty());
}

#[test]
fn a_ticker_after_a_suffix_names_the_company_and_is_no_part_of_its_name() {
    let text = "Its partners Brackwater Metals Ltd BWM and Ostrander Mining Corp said \
                output rose. BWM shares fell.";
    let mentions = extract(text);
    let bwm: Vec<_> = mentions
        .iter()
        .filter(|m| &text[m.start..m.end] == "BWM")
        .collect();
    assert_eq!(bwm.len(), 2);
    assert!(bwm.iter().all(|m| m.name == "Brackwater Metals Ltd"));
    assert_eq!(
        names_of(text, EntityKind::Company),
        ["Brackwater Metals Ltd", "Ostrander Mining Corp"]
    );
}

#[test]
fn a_name_with_a_corporate_suffix_is_never_a_person() {
    let text = "Quillfeather Paper Inc considers selling its mill, the company said.";
    assert!(names_of(text, EntityKind::Person).is_empty());
    assert_eq!(
        names_of(text, EntityKind::Company),
        ["Quillfeather Paper Inc"]
    );
}

#[test]
fn where_a_company_is_based_is_no_part_of_its_name() {
    let text = "It bought the Manitoba-based Larchmont Seed Co unit last year.";
    assert_eq!(names_of(text, EntityKind::Company), ["Larchmont Seed Co"]);
}

#[test]
fn a_suffix_after_and_joins_the_name_before_it() {
    let text = "The bid was advised by Pellworth Marsh and Co and by Kintore Savings and \
                Loan Co Ltd.";
    assert_eq!(
        names_of(text, EntityKind::Company),
        ["Kintore Savings and Loan Co Ltd", "Pellworth Marsh and Co"]
    );
}

#[test]
fn a_sea_named_after_a_country_is_no_mention_of_the_country() {
    let text = "Tankers waited in the Gulf of Guinea for a week.";
    assert!(names_of(text, EntityKind::Country).is_empty());
}

#[test]
fn a_titled_person_whose_surname_is_a_listed_company_is_a_person() {
    // "Lindsay" and "Ford" are short forms of listed companies.
    let text = "The harbour plan was welcomed by Councillor Morag Lindsay on Monday. \
                Later, Mayor Tom Ford opened the new pier.";
    assert_eq!(
        kind_of(text, "Morag Lindsay"),
        Some((EntityKind::Person, "Morag Lindsay".to_owned()))
    );
    assert_eq!(
        kind_of(text, "Tom Ford"),
        Some((EntityKind::Person, "Tom Ford".to_owned()))
    );
    let mentions = extract(text);
    assert!(
        !mentions.iter().any(|m| m.kind == EntityKind::Company),
        "{mentions:?}"
    );
    // Her surname alone, later, is her too.
    let text =
        "Councillor Morag Lindsay welcomed the plan. Lindsay said the vote would be in June.";
    let mentions = extract(text);
    let her: Vec<_> = mentions
        .iter()
        .filter(|m| m.kind == EntityKind::Person && m.name == "Morag Lindsay")
        .collect();
    assert_eq!(her.len(), 2, "{mentions:?}");
    // Without a title and a given name, the listed company stands.
    let text = "Lindsay Corporation said irrigation sales rose. Lindsay also raised its dividend.";
    let mentions = extract(text);
    let lindsay: Vec<_> = mentions
        .iter()
        .filter(|m| m.kind == EntityKind::Company)
        .collect();
    assert_eq!(lindsay.len(), 2, "{mentions:?}");
}

#[test]
fn a_speaker_that_says_what_its_own_output_did_is_no_person() {
    let text = "Copper rose on Thursday after Minera Aurelia said output at its Cerro Verde Alto mine fell 4% in May. \
                Talvanco said its smelter would close for repairs.";
    for name in ["Minera Aurelia", "Talvanco"] {
        let kind = kind_of(text, name).map(|k| k.0);
        assert_ne!(kind, Some(EntityKind::Person), "{name}");
    }
    assert_eq!(
        kind_of(text, "Cerro Verde Alto").map(|k| k.0),
        Some(EntityKind::Place)
    );
    // A surname of a person named in full stays that person.
    let text = "Energy Minister Ola Brekke opened the plant. Brekke said the government would publish its plan.";
    assert_eq!(
        kind_of(text, "Brekke"),
        Some((EntityKind::Person, "Ola Brekke".into()))
    );
    // A person who speaks of a company's output stays a person.
    let text =
        "Output will recover, Hilde Marstrander said on Friday. She said its timing was unclear.";
    assert_eq!(
        kind_of(text, "Hilde Marstrander").map(|k| k.0),
        Some(EntityKind::Person)
    );
}

#[test]
fn a_name_after_an_article_or_a_possessive_is_no_person_by_its_shape_alone() {
    let text =
        "Production at its El Moral works was halted, and the Quintero Vasco team left early.";
    for name in ["El Moral", "Quintero Vasco"] {
        assert_ne!(
            kind_of(text, name).map(|k| k.0),
            Some(EntityKind::Person),
            "{name}"
        );
    }
    // Without the article the same shape is a person.
    let text = "The plan was drawn up by Quintero Vasco last spring.";
    assert_eq!(
        kind_of(text, "Quintero Vasco").map(|k| k.0),
        Some(EntityKind::Person)
    );
}

#[test]
fn sector_words_make_companies_and_exchanges_and_foreign_unions_are_organisations() {
    let text = "Sailings were cancelled by Armorica Ferries on Monday. \
                Oats on the Baltic Grain Exchange fell 2%. \
                The union, Syndicat des Dockers Unis, called a strike.";
    assert_eq!(
        kind_of(text, "Armorica Ferries").map(|k| k.0),
        Some(EntityKind::Company)
    );
    assert_eq!(
        kind_of(text, "Baltic Grain Exchange").map(|k| k.0),
        Some(EntityKind::Organization)
    );
    assert_eq!(
        kind_of(text, "Syndicat des Dockers Unis"),
        Some((EntityKind::Organization, "Syndicat des Dockers Unis".into()))
    );
}

#[test]
fn a_name_before_a_town_council_is_a_place() {
    let text = "The Eastmoor town council voted 6 to 3 on Tuesday to close the pool.";
    assert_eq!(
        kind_of(text, "Eastmoor").map(|k| k.0),
        Some(EntityKind::Place)
    );
}

#[test]
fn an_apposition_is_read_up_to_its_first_preposition() {
    let text = "Prices will fall, said Rutger Vandersloot, a senior trader at the firm.";
    assert_eq!(
        kind_of(text, "Rutger Vandersloot").map(|k| k.0),
        Some(EntityKind::Person)
    );
    let text = "Orders rose at Kestrel Optics, a maker of lenses for drones.";
    assert_eq!(
        kind_of(text, "Kestrel Optics").map(|k| k.0),
        Some(EntityKind::Company)
    );
}

#[test]
fn an_unlisted_name_that_opens_a_dateline_is_a_place() {
    let text = "LOCAL NEWS\n\nPENWARDINE - Councillors in Penwardine on Monday delayed a vote on Mill Lane.";
    let mentions = extract(text);
    let places: Vec<&str> = mentions
        .iter()
        .filter(|m| m.kind == EntityKind::Place)
        .map(|m| &text[m.start..m.end])
        .collect();
    assert!(places.contains(&"Penwardine"), "{places:?}");
    assert!(places.contains(&"Mill Lane"), "{places:?}");
    // A byline with a dash is no dateline.
    let byline = "Ana Ruiz - Reporter\n\nThe vote was delayed.";
    assert_ne!(
        kind_of(byline, "Ana Ruiz").map(|k| k.0),
        Some(EntityKind::Place)
    );
}

#[test]
fn a_code_with_figures_is_no_person_and_a_team_is_an_organisation() {
    let text = "The company said its drug candidate KLT-330 met the main goal of the trial.";
    assert_ne!(
        kind_of(text, "KLT-330").map(|k| k.0),
        Some(EntityKind::Person)
    );
    let text = "The stage was won by a rider of Team Brisamar after a late attack.";
    assert_eq!(
        kind_of(text, "Team Brisamar").map(|k| k.0),
        Some(EntityKind::Organization)
    );
}

#[test]
fn a_place_named_person_who_opens_a_sentence_is_a_person_when_a_role_or_speech_follows() {
    let text =
        "Prices held.\n\nJordan Akintola, an economist at Fenmore Bank, said they would rise.";
    assert_eq!(
        kind_of(text, "Jordan Akintola").map(|k| k.0),
        Some(EntityKind::Person)
    );
    let text = "Chad Okereke said the harvest was late.";
    assert_eq!(
        kind_of(text, "Chad Okereke").map(|k| k.0),
        Some(EntityKind::Person)
    );
}

#[test]
fn shires_are_places_and_a_market_index_is_no_person() {
    let text = "Apple growers in Herefordshire and Wendlebyshire said the frost was the worst in years. Hong Kong's Hang Seng index lost 0.3 percent.";
    assert_eq!(
        kind_of(text, "Wendlebyshire").map(|k| k.0),
        Some(EntityKind::Place)
    );
    assert_eq!(
        kind_of(text, "Herefordshire").map(|k| k.0),
        Some(EntityKind::Place)
    );
    assert_eq!(kind_of(text, "Hang Seng"), None);
}

#[test]
fn shares_make_a_company_and_its_full_name_follows() {
    let text = "Dravik Allen Hollis has won a contract to run the port's data systems. Dravik Allen Hollis said the work would start in May. Shares of Dravik Allen rose 2 percent.";
    let mentions = extract(text);
    assert_invariants(text, &mentions);
    for m in &mentions {
        assert_ne!(m.kind, EntityKind::Person, "{m:?}");
    }
    assert_eq!(
        kind_of(text, "Dravik Allen Hollis"),
        Some((EntityKind::Company, "Dravik Allen Hollis".to_owned()))
    );
    assert_eq!(
        kind_of(text, "Dravik Allen"),
        Some((EntityKind::Company, "Dravik Allen Hollis".to_owned()))
    );
}

#[test]
fn a_name_of_no_english_words_opens_a_sentence_as_a_person() {
    let text = "The match was settled late. Chidi Okafor rose highest in the 88th minute. Yesterday Morning was grey.";
    assert_eq!(
        kind_of(text, "Chidi Okafor").map(|k| k.0),
        Some(EntityKind::Person)
    );
    assert_eq!(kind_of(text, "Yesterday Morning"), None);
    // A listed name that context ruled out as a place stays no person.
    let text =
        "The Brazilian government met on Monday. “Rio Tinto dominated the talks,” said one aide.";
    let mentions = extract(text);
    assert!(
        mentions.iter().all(|m| m.kind != EntityKind::Person),
        "{mentions:?}"
    );
    let text = "The team, led by Dr. Alejandra Fuentes of the University of Chile and Prof. Markus Lindqvist of Stockholm University, described the find.";
    assert_eq!(
        kind_of(text, "Markus Lindqvist").map(|k| k.0),
        Some(EntityKind::Person)
    );
    assert_eq!(
        kind_of(text, "University of Chile").map(|k| k.0),
        Some(EntityKind::Organization)
    );
}

#[test]
fn a_writer_whose_given_name_is_a_listed_company_is_a_person() {
    let text = "By Dana Kowalczyk\n\nThe town faces a gap in its budget, the finance director told the board.\n\nThe town hall on Tuesday. (Photo: Dana Kowalczyk/Valley Courier)";
    let mentions = extract(text);
    assert_invariants(text, &mentions);
    let dana: Vec<_> = mentions
        .iter()
        .filter(|m| text[m.start..m.end].starts_with("Dana"))
        .map(|m| (m.kind, &*m.name))
        .collect();
    assert_eq!(
        dana,
        [
            (EntityKind::Person, "Dana Kowalczyk"),
            (EntityKind::Person, "Dana Kowalczyk")
        ]
    );
}

#[test]
fn events_are_no_people_and_a_nationality_noun_stands_as_a_title() {
    let text = "She won gold at the Athens Olympics and silver at the Birmingham Grand Prix. Dutchman Arnoud Okken won the 800m.";
    let mentions = extract(text);
    assert_invariants(text, &mentions);
    let people = people_of(&mentions);
    assert_eq!(people, ["Arnoud Okken"]);
}

#[test]
fn a_contracted_i_is_no_name() {
    let text =
        "\"Marta Lindgren is the best writer I've come across,\" he said. \"I'm sure of it.\"";
    let mentions = extract(text);
    assert_invariants(text, &mentions);
    let names: Vec<&str> = mentions.iter().map(|m| &*m.name).collect();
    assert_eq!(names, ["Marta Lindgren"]);
}

#[test]
fn a_title_written_without_its_period_is_no_part_of_the_name() {
    let text = "The clinic reopened, Dr Ruth Adeyemi told the board. Mr Tomas Berg agreed, \
                and Prof Anika Sood said the figures held. Adeyemi thanked staff.";
    let mentions = extract(text);
    for (surface, name) in [
        ("Ruth Adeyemi", "Ruth Adeyemi"),
        ("Tomas Berg", "Tomas Berg"),
        ("Anika Sood", "Anika Sood"),
        ("Adeyemi", "Ruth Adeyemi"),
    ] {
        let person = find(&mentions, text, surface).unwrap_or_else(|| panic!("{surface}"));
        assert_eq!(
            (person.kind, person.name.as_ref()),
            (EntityKind::Person, name)
        );
    }
    // "Gen" without a period stays a given name.
    let text = "Defence Minister Gen Oshiro visited the base.";
    assert_eq!(
        kind_of(text, "Gen Oshiro"),
        Some((EntityKind::Person, "Gen Oshiro".into()))
    );
}

#[test]
fn the_two_congos_and_abbreviated_saints_are_told_apart() {
    let text = "Miners in the Democratic Republic of Congo struck; the Republic of Congo \
                did not. Ministers from St Lucia and St. Kitts and Nevis met.";
    for (surface, name) in [
        (
            "Democratic Republic of Congo",
            "Democratic Republic of the Congo",
        ),
        ("Republic of Congo", "Republic of the Congo"),
        ("St Lucia", "Saint Lucia"),
        ("St. Kitts and Nevis", "Saint Kitts and Nevis"),
    ] {
        assert_eq!(
            kind_of(text, surface),
            Some((EntityKind::Country, name.into())),
            "{surface}"
        );
    }
}

#[test]
fn a_given_name_that_is_a_word_opens_a_name_at_a_sentence_start() {
    let text = "Grant Okonjo had put the visitors ahead after ten minutes. The match ended 2-2.";
    assert_eq!(
        kind_of(text, "Grant Okonjo"),
        Some((EntityKind::Person, "Grant Okonjo".into()))
    );
    // An ordinary word before a name is still left out of it.
    let text = "Yesterday Okonjo scored twice, Okonjo said.";
    assert!(kind_of(text, "Yesterday Okonjo").is_none());
}

#[test]
fn a_word_then_a_city_is_no_person_unless_it_opens_with_a_given_name() {
    let text = "Fans of Dynamo Kyiv and Sporting Lisbon travelled. Jack London wrote novels, \
                and the candidate Priya Raman won a seat.";
    let mentions = extract(text);
    for club in ["Dynamo Kyiv", "Sporting Lisbon"] {
        assert!(
            find(&mentions, text, club).is_none_or(|m| m.kind != EntityKind::Person),
            "{club}"
        );
    }
    // A given name before a city, or a surname that is only a small town's
    // name, is a person's.
    for person in ["Jack London", "Priya Raman"] {
        assert_eq!(
            find(&mentions, text, person).map(|m| m.kind),
            Some(EntityKind::Person),
            "{person}"
        );
    }
}

#[test]
fn a_word_capitalised_by_the_sentence_start_is_no_part_of_a_listed_company() {
    let text = "Rivals Micron Technology and Intel were little changed.";
    assert_eq!(
        kind_of(text, "Micron Technology"),
        Some((EntityKind::Company, "Micron Technology".into()))
    );
    assert!(kind_of(text, "Rivals Micron Technology").is_none());
}

#[test]
fn organisation_names_end_before_a_possessive_and_take_a_lone_word_joined_by_and() {
    let text = "Colleagues at the University of Tartu and Japan's weather agency helped. \
                The drug was cleared by the Food and Drug Administration, and scientists \
                at the Scripps Oceanographic Institution agreed.";
    assert_kinds(
        text,
        &[
            ("University of Tartu", EntityKind::Organization),
            ("Japan", EntityKind::Country),
            ("Food and Drug Administration", EntityKind::Organization),
            (
                "Scripps Oceanographic Institution",
                EntityKind::Organization,
            ),
        ],
    );
}

#[test]
fn a_name_set_off_by_commas_after_a_role_is_a_person() {
    let text = "The leader of the council, Morven Day, said the plan would go ahead. \
                Its chief executive, Ilse Brandt, told analysts the same.";
    for name in ["Morven Day", "Ilse Brandt"] {
        assert_eq!(
            kind_of(text, name),
            Some((EntityKind::Person, name.into())),
            "{name}"
        );
    }
    // A firm set off by commas after no role stays what it was.
    let text = "The buyer, Larchfield Capital Partners, declined to comment.";
    assert_ne!(
        kind_of(text, "Larchfield Capital Partners").map(|k| k.0),
        Some(EntityKind::Person)
    );
}

#[test]
fn an_acronym_spelled_out_once_names_its_organisation_alone_later() {
    let text = "The National Oceanic and Atmospheric Administration (NOAA) ended the season. \
                NOAA forecasters expect a quiet winter. The Kenya Wildlife Service (KWS) \
                counted rhinos, and KWS rangers said numbers rose. Prices (GDP) fell.";
    let mentions = extract(text);
    for (surface, name) in [
        ("NOAA", "National Oceanic and Atmospheric Administration"),
        ("KWS", "Kenya Wildlife Service"),
    ] {
        let named: Vec<_> = mentions
            .iter()
            .filter(|m| &text[m.start..m.end] == surface)
            .collect();
        assert_eq!(named.len(), 2, "{surface}: {mentions:?}");
        assert!(
            named
                .iter()
                .all(|m| m.name == name && m.kind == EntityKind::Organization)
        );
    }
    // Letters that do not spell the name before them teach nothing.
    assert!(find(&mentions, text, "GDP").is_none());
}

#[test]
fn only_a_firm_has_analysts_and_shares_that_move() {
    let text = "Dutch brewer Vandermeer agreed to buy Belgian rival Brasserie Tollet. \
                Tollet shares jumped 18%, and Kessel Brouwer analyst Sanne Visser called \
                the price fair. Startups Ledgerly and Pactum Labs raised money. \
                Chief economist Lena Fischer agreed.";
    assert_kinds(
        text,
        &[
            ("Brasserie Tollet", EntityKind::Company),
            ("Tollet", EntityKind::Company),
            ("Kessel Brouwer", EntityKind::Company),
            ("Ledgerly", EntityKind::Company),
            ("Pactum Labs", EntityKind::Company),
            ("Sanne Visser", EntityKind::Person),
            ("Lena Fischer", EntityKind::Person),
        ],
    );
    assert!(kind_of(text, "Chief").is_none());
}

#[test]
fn central_banks_and_firms_known_by_a_short_name_are_listed() {
    let text = "The Bundesbank, the Reserve Bank of India and Banxico held rates. \
                Shares of RWE and H&M rose, and ZDF reported it.";
    for (surface, kind, name) in [
        (
            "Bundesbank",
            EntityKind::Organization,
            "Deutsche Bundesbank",
        ),
        (
            "Reserve Bank of India",
            EntityKind::Organization,
            "Reserve Bank of India",
        ),
        ("Banxico", EntityKind::Organization, "Bank of Mexico"),
        ("RWE", EntityKind::Company, "RWE"),
        ("H&M", EntityKind::Company, "H&M"),
        ("ZDF", EntityKind::Company, "ZDF"),
    ] {
        assert_eq!(
            kind_of(text, surface),
            Some((kind, name.into())),
            "{surface}"
        );
    }
}

#[test]
fn clubs_are_organisations_and_sector_words_end_company_names() {
    let text = "Juventus beat Real Madrid 2-0 in Turin, and Ajax drew with Benfica. \
                Grampian Buses and Norvell Pharmaceutical said fares and prices would rise.";
    assert_kinds(
        text,
        &[
            ("Juventus", EntityKind::Organization),
            ("Real Madrid", EntityKind::Organization),
            ("Ajax", EntityKind::Organization),
            ("Benfica", EntityKind::Organization),
            ("Grampian Buses", EntityKind::Company),
            ("Norvell Pharmaceutical", EntityKind::Company),
        ],
    );
}

#[test]
fn a_titled_name_before_of_is_a_person_whatever_follows() {
    let text = "Republicans, led by Sen. Thomas Breckle of Ohio, objected. \
                Dr. Anita Varma of the Mayo Clinic told senators about shortages.";
    assert_kinds(
        text,
        &[
            ("Thomas Breckle", EntityKind::Person),
            ("Anita Varma", EntityKind::Person),
            ("Mayo Clinic", EntityKind::Organization),
        ],
    );
}

#[test]
fn a_short_form_shared_by_a_parent_and_its_unit_names_the_parent() {
    // Either order of the two names in the text.
    for text in [
        "Quantel Holdings launched a model. Quantel Cloud sells it, and Quantel said demand was strong.",
        "Quantel Cloud sells a model that Quantel Holdings launched, and Quantel said demand was strong.",
    ] {
        assert_eq!(
            kind_of(text, "Quantel"),
            Some((EntityKind::Company, "Quantel Holdings".into())),
            "{text}"
        );
    }
}

#[test]
fn an_apposition_naming_a_trade_makes_a_company() {
    let text = "Orvena, the Polish refiner, said it would sell a stake. \
                Brakstad, a Norwegian steelmaker, and Kelloway, the grocer, agreed.";
    assert_kinds(
        text,
        &[
            ("Orvena", EntityKind::Company),
            ("Brakstad", EntityKind::Company),
            ("Kelloway", EntityKind::Company),
        ],
    );
}

/// A name listed with a company the text knows is a company; a list that
/// also holds a country or a person teaches nothing, and neither does a
/// surname of someone named in the text.
#[test]
fn names_listed_with_a_company_are_companies() {
    let text = "Output at plants run by Siemens, Vorlandt and Kestrel Dynamics rose. \
                Orders went to Toyota Motor Corp. and Brenneck on Monday. \
                Exports to Germany and Quessard fell. \
                Talks between Tesla and Morvan stalled, said Ilse Morvan. \
                Investors included Corvill Hartigan, Siemens and Pellow Holdings.";
    assert_kinds(
        text,
        &[
            ("Vorlandt", EntityKind::Company),
            ("Brenneck", EntityKind::Company),
            ("Corvill Hartigan", EntityKind::Company),
            ("Morvan", EntityKind::Person),
        ],
    );
    assert_ne!(
        kind_of(text, "Quessard").map(|k| k.0),
        Some(EntityKind::Company)
    );
}

/// British style writes an acronym said as a word in title case: it names
/// the listed organisation; a word that is also English names nothing.
#[test]
fn a_title_case_acronym_names_its_organisation() {
    let text = "Nato ministers met on Tuesday. Unicef handed out blankets. \
                Who will pay for it is unclear.";
    assert_eq!(
        kind_of(text, "Nato"),
        Some((EntityKind::Organization, "NATO".to_owned()))
    );
    assert_eq!(
        kind_of(text, "Unicef"),
        Some((EntityKind::Organization, "UNICEF".to_owned()))
    );
    assert_eq!(kind_of(text, "Who"), None);
}

/// Museums, galleries and institutes head organisations' names; a railway,
/// homes and mines end companies' names, and a company noun that opens the
/// sentence is no part of one.
#[test]
fn museums_galleries_railways_homes_and_mines() {
    let text = "The paintings go to the Museum of Coastal Art and the Dunmore Gallery. \
                The study was paid for by the Northern Institutes of Health. \
                Housebuilder Tarrant Homes was fined. \
                Freight on the Kessock Railway fell, and Lundgren Copper Mines cut jobs.";
    assert_kinds(
        text,
        &[
            ("Museum of Coastal Art", EntityKind::Organization),
            ("Dunmore Gallery", EntityKind::Organization),
            ("Northern Institutes of Health", EntityKind::Organization),
            ("Tarrant Homes", EntityKind::Company),
            ("Kessock Railway", EntityKind::Company),
            ("Lundgren Copper Mines", EntityKind::Company),
        ],
    );
}

/// A byline's given name makes a person of a surname that is a word; a
/// title word after a given name is a surname; a given name makes a person
/// of a country's name after it, at a sentence start too; a family name
/// written first stands for the person later.
#[test]
fn people_whose_names_are_words_titles_or_places() {
    let text = "Harbour fees rise\n\nBy Helen Baker\n\n\
                Transport Minister Dennis Marshal said fees would rise. \
                Marshal added that talks would resume. \
                Jamie Holland, the harbourmaster, agreed. \
                Governor Choi Min-jun said the rate was right. Choi told reporters so.";
    assert_kinds(
        text,
        &[
            ("Helen Baker", EntityKind::Person),
            ("Dennis Marshal", EntityKind::Person),
            ("Jamie Holland", EntityKind::Person),
        ],
    );
    assert_eq!(
        kind_of(text, "Choi"),
        Some((EntityKind::Person, "Choi Min-jun".to_owned()))
    );
}

/// Parties are organisations under their names and acronyms; a comma may
/// stand inside a department's listed name.
#[test]
fn parties_and_a_department_with_a_comma_are_listed() {
    let text = "The far-right Alternative for Germany came second, ahead of the SPD. \
                The BJP and the Scottish National Party both claimed victory. \
                The Foreign, Commonwealth and Development Office sent aid.";
    for (surface, name) in [
        ("Alternative for Germany", "Alternative for Germany"),
        ("SPD", "Social Democratic Party of Germany"),
        ("BJP", "Bharatiya Janata Party"),
        ("Scottish National Party", "Scottish National Party"),
        (
            "Foreign, Commonwealth and Development Office",
            "Foreign, Commonwealth and Development Office",
        ),
    ] {
        assert_eq!(
            kind_of(text, surface),
            Some((EntityKind::Organization, name.to_owned())),
            "{surface}"
        );
    }
}

/// Agencies and regulators news names by an acronym alone are listed.
#[test]
fn agencies_named_by_their_acronym_are_listed() {
    let text = "The floats, funded by NOAA, were checked by Ofcom and the IPCC.";
    for (surface, name) in [
        ("NOAA", "National Oceanic and Atmospheric Administration"),
        ("Ofcom", "Ofcom"),
        ("IPCC", "Intergovernmental Panel on Climate Change"),
    ] {
        assert_eq!(
            kind_of(text, surface),
            Some((EntityKind::Organization, name.to_owned())),
            "{surface}"
        );
    }
}

/// A name in no list, spelled out before its acronym in brackets word by
/// word, is an organisation, under both forms.
#[test]
fn a_name_whose_initials_are_its_acronym_is_an_organisation() {
    let text = "Riders welcomed the Fédération Cycliste Européenne (FCE) ruling. \
                The FCE said the calendar would change.";
    for surface in ["Fédération Cycliste Européenne", "FCE"] {
        assert_eq!(
            kind_of(text, surface),
            Some((
                EntityKind::Organization,
                "Fédération Cycliste Européenne".to_owned()
            )),
            "{surface}"
        );
    }
}

/// A list that opens a paragraph lists firms too, and "Councilmember" and
/// "Chief Executive" are titles, no part of the name after them.
#[test]
fn lists_opening_a_paragraph_and_council_and_executive_titles() {
    let text = "Grain prices fell.\n\nMarrowby, Siemens and Tolland Foods said margins were thin.\n\n\
                Councilmember Rosa Delgado and Chief Executive Amara Osei disagreed.";
    assert_kinds(
        text,
        &[
            ("Marrowby", EntityKind::Company),
            ("Rosa Delgado", EntityKind::Person),
            ("Amara Osei", EntityKind::Person),
        ],
    );
    assert!(kind_of(text, "Councilmember Rosa Delgado").is_none());
}

/// More legal forms and trades end companies' names, "plc" in lower case
/// among them, and newspapers' names end in their own words.
#[test]
fn legal_forms_fund_managers_and_newspapers_end_company_names() {
    let text = "Bids came from Kestrup Vind ApS and Halvard Energie SE. \
                A fund at Pentlow Asset Management bought shares in Marlow Insurance plc, \
                first reported by the Lakeshore Tribune.";
    assert_kinds(
        text,
        &[
            ("Kestrup Vind ApS", EntityKind::Company),
            ("Halvard Energie SE", EntityKind::Company),
            ("Pentlow Asset Management", EntityKind::Company),
            ("Marlow Insurance plc", EntityKind::Company),
            ("Lakeshore Tribune", EntityKind::Company),
        ],
    );
}

/// A ministry's list of portfolios goes on past its commas; a listed name
/// or a person after the comma ends the name.
#[test]
fn a_list_of_portfolios_is_part_of_the_name() {
    let text = "The Ministry of Fisheries, Coasts and Harbours said so. \
                The Department of Trade, Siemens and Grant Holloway met.";
    assert_eq!(
        kind_of(text, "Ministry of Fisheries, Coasts and Harbours"),
        Some((
            EntityKind::Organization,
            "Ministry of Fisheries, Coasts and Harbours".to_owned()
        ))
    );
    assert_eq!(
        kind_of(text, "Department of Trade").map(|k| k.0),
        Some(EntityKind::Organization)
    );
}

/// Where a firm a company noun names is based is no part of its name.
#[test]
fn a_firm_of_a_place_is_the_firm() {
    let text = "A second firm, Blackmoor Security of Arlington, Va., is reviewing the breach.";
    assert_eq!(
        kind_of(text, "Blackmoor Security"),
        Some((EntityKind::Company, "Blackmoor Security".to_owned()))
    );
    assert_eq!(
        kind_of(text, "Arlington").map(|k| k.0),
        Some(EntityKind::Place)
    );
}

/// A country or its demonym with a sport names the sport's national body;
/// "American Football" is a game.
#[test]
fn a_country_with_a_sport_is_its_national_body() {
    let text = "Sri Lanka Cricket has complained, and British Cycling and Rugby Australia \
                agreed. He watches American Football.";
    for name in ["Sri Lanka Cricket", "British Cycling", "Rugby Australia"] {
        assert_eq!(
            kind_of(text, name),
            Some((EntityKind::Organization, name.to_owned())),
            "{name}"
        );
    }
    assert_ne!(
        kind_of(text, "American Football").map(|k| k.0),
        Some(EntityKind::Organization)
    );
}

#[test]
fn a_capital_that_speaks_is_its_government_not_a_person() {
    for (text, capital, country) in [
        (
            "Moscow said on Tuesday it would respond to the new sanctions.",
            "Moscow",
            "Russia",
        ),
        (
            "Rates were left on hold.\n\nBeijing said on Friday it would keep the yuan stable.",
            "Beijing",
            "China",
        ),
    ] {
        assert_eq!(
            kind_of(text, capital),
            Some((EntityKind::Country, country.into())),
            "{text}"
        );
    }
    // A surname of a person the text names, who speaks as he or she.
    let text = "The actor Denzel Washington visited the festival on Sunday. \
                Washington said he was delighted to be back.";
    assert_eq!(
        kind_of(text, "Washington").map(|k| k.0),
        Some(EntityKind::Person)
    );
}

#[test]
fn a_firm_named_resources_is_a_company_and_so_is_its_short_name() {
    let text = "Halvard Resources cut its copper forecast on Tuesday, citing lower grades at \
                its mine in Chile. Halvard said output would recover next year.";
    let mentions = extract(text);
    let halvard: Vec<(EntityKind, &str)> = mentions
        .iter()
        .filter(|m| text[m.start..m.end].starts_with("Halvard"))
        .map(|m| (m.kind, m.name.as_ref()))
        .collect();
    assert_eq!(
        halvard,
        [
            (EntityKind::Company, "Halvard Resources"),
            (EntityKind::Company, "Halvard Resources")
        ]
    );
}

#[test]
fn a_surname_before_of_is_the_person_the_text_named_in_full() {
    let text = "\"Demand will recover by spring,\" said Maria Kowalczyk, an analyst with \
                Harbour Securities Inc.\n\nKowalczyk of Harbour Securities expects prices to \
                rise again in March.";
    let mentions = extract(text);
    let names: Vec<String> = mentions
        .iter()
        .filter(|m| m.kind == EntityKind::Company)
        .map(|m| m.name.to_string())
        .collect();
    assert!(
        names.iter().all(|n| !n.contains("Kowalczyk")),
        "the person is no part of a company: {names:?}"
    );
    let people = mentions
        .iter()
        .filter(|m| m.kind == EntityKind::Person && m.name == "Maria Kowalczyk")
        .count();
    assert_eq!(people, 2, "{mentions:?}");
}

#[test]
fn the_word_after_a_wire_dateline_starts_a_sentence() {
    for text in [
        "SALTON, Nov 3 - Shares of Halvard Mining fell 6 percent on Tuesday after the \
         miner cut its copper forecast.",
        "SALTON, Nov 3 (Reuters) - Shares of Halvard Mining fell 6 percent on Tuesday \
         after the miner cut its copper forecast.",
    ] {
        let companies: Vec<String> = extract(text)
            .into_iter()
            .filter(|m| m.kind == EntityKind::Company)
            .map(|m| m.name.into_owned())
            .collect();
        assert!(
            companies.contains(&"Halvard Mining".to_owned())
                && companies.iter().all(|c| !c.starts_with("Shares")),
            "{text}: {companies:?}"
        );
    }
    // An ordinary word after it is capitalised by the sentence alone.
    let text = "SALTON, Nov 3 - Controversial plans to close the harbour ran into trouble.";
    assert!(
        extract(text).iter().all(|m| m.name != "Controversial"),
        "{text}"
    );
}

#[test]
fn a_plural_company_noun_opens_a_firms_name_unless_a_list_follows() {
    let text = "Manufacturers Glenholm Corp said on Tuesday it would raise its dividend.";
    assert_eq!(
        kind_of(text, "Manufacturers Glenholm Corp"),
        Some((EntityKind::Company, "Manufacturers Glenholm Corp".into()))
    );
    let text = "Carmakers Ostrava Motor Corp and Belden Motors Ltd said on Tuesday they \
                would share a plant.";
    assert_eq!(
        kind_of(text, "Ostrava Motor Corp"),
        Some((EntityKind::Company, "Ostrava Motor Corp".into()))
    );
}

#[test]
fn a_field_of_work_in_capitals_is_neither_a_person_nor_a_firm() {
    for text in [
        "\"The market is testing the ministry,\" said Kenji Morita, chief FX strategist at \
         Harbourline Securities.",
        "Rates were cut again. FX strategists at Harbourline Securities expect the yen to \
         weaken.",
        "The official APP news agency reported the vote on Sunday.",
    ] {
        let names: Vec<String> = extract(text)
            .into_iter()
            .filter(|m| matches!(m.kind, EntityKind::Person | EntityKind::Company))
            .map(|m| m.name.into_owned())
            .collect();
        assert!(
            names.iter().all(|n| n != "FX" && n != "APP"),
            "{text}: {names:?}"
        );
    }
}

#[test]
fn a_role_noun_that_opens_the_sentence_is_no_part_of_the_name() {
    for (text, name) in [
        (
            "The home side won. Winger Isikeli Tuvuki added a third try.",
            "Isikeli Tuvuki",
        ),
        (
            "The visitors led at the break. Fly-half Mere Tawhiri kicked the conversion.",
            "Mere Tawhiri",
        ),
    ] {
        assert_eq!(
            kind_of(text, name),
            Some((EntityKind::Person, name.into())),
            "{text}"
        );
    }
}

#[test]
fn a_role_noun_that_opens_the_sentence_names_a_person_as_a_lower_case_one_does() {
    // A surname that is also a word ("Smith", "Baker") after a given name
    // the lists do not know: the role is the only cue, capitalised or not.
    for text in [
        "The shortlist was read out. Novelist Zadie Smith was praised by the judges.",
        "The shortlist was read out. The novelist Zadie Smith was praised by the judges.",
        "The hunt met at noon. Farmer Ilse Baker was praised by the stewards.",
    ] {
        let name = if text.contains("Baker") {
            "Ilse Baker"
        } else {
            "Zadie Smith"
        };
        assert_eq!(
            kind_of(text, name),
            Some((EntityKind::Person, name.into())),
            "{text}"
        );
    }
}

#[test]
fn where_a_listed_firm_is_based_is_no_part_of_its_name() {
    let text = "Analysts at Singapore-based Maybridge Securities said the plant would add \
                2,000 jobs.";
    assert_eq!(
        kind_of(text, "Maybridge Securities"),
        Some((EntityKind::Company, "Maybridge Securities".into()))
    );
}

/// Returns the names of the people among `mentions`.
fn people_of(mentions: &[Mention]) -> Vec<&str> {
    mentions
        .iter()
        .filter(|m| m.kind == EntityKind::Person)
        .map(|m| &*m.name)
        .collect()
}

#[test]
fn a_city_before_an_unknown_word_names_a_person_only_as_a_given_name_or_with_a_cue() {
    let text = "The Oslo Bors benchmark index fell 2% on Tuesday. Florence Pugh won \
                the award, and analyst Lisbon Achebe said the shares were cheap.";
    let mentions = extract(text);
    let people = people_of(&mentions);
    assert!(people.contains(&"Florence Pugh"), "{mentions:?}");
    assert!(people.contains(&"Lisbon Achebe"), "{mentions:?}");
    assert!(people.iter().all(|p| !p.contains("Oslo")), "{mentions:?}");
}

#[test]
fn a_second_name_after_a_preposition_is_its_object_not_the_speaker() {
    let text = "Islanders on Mull and Skarvay said the cuts would hurt. Growers in \
                Kent and Tarnwell said prices fell, and Ruth Okafor and Deniz \
                Arslan said the deal was done.";
    let mentions = extract(text);
    let people = people_of(&mentions);
    assert!(
        people
            .iter()
            .all(|p| !p.contains("Skarvay") && !p.contains("Tarnwell")),
        "{mentions:?}"
    );
    assert!(people.contains(&"Ruth Okafor"), "{mentions:?}");
    assert!(people.contains(&"Deniz Arslan"), "{mentions:?}");
}

#[test]
fn a_landform_word_and_a_name_are_one_place() {
    let text = "Climbers on Mount Kenya were stranded. Lake Titicaca shrank again, \
                and glaciers in the Cordillera Blanca of Peru lost a seventh of \
                their area. Cerro Morado is a copper mine.";
    let mentions = extract(text);
    let places: Vec<&str> = mentions
        .iter()
        .filter(|m| m.kind == EntityKind::Place)
        .map(|m| &*m.name)
        .collect();
    for place in [
        "Mount Kenya",
        "Lake Titicaca",
        "Cordillera Blanca",
        "Cerro Morado",
    ] {
        assert!(places.contains(&place), "{place}: {mentions:?}");
    }
    assert!(people_of(&mentions).is_empty(), "{mentions:?}");
    assert_eq!(
        kind_of(text, "Peru").map(|k| k.0),
        Some(EntityKind::Country)
    );
}

#[test]
fn a_journal_is_no_person_and_a_tabloid_or_magazine_is_a_publisher() {
    let text = "The study appeared in the journal Nature Geoscience on Tuesday. The \
                tabloid Kvällsbladet reported the sale first.";
    let mentions = extract(text);
    assert!(people_of(&mentions).is_empty(), "{mentions:?}");
    assert_eq!(
        kind_of(text, "Kvällsbladet").map(|k| k.0),
        Some(EntityKind::Company)
    );
}

#[test]
fn a_company_noun_before_a_role_noun_names_the_role_not_the_company() {
    let text = "\"Rates will stay high,\" said Teodora Vasquez, the central bank governor. \
                Ruth Okonjo, the union leader, called a strike. Pell Harrow, the regional \
                bank, raised its rates.";
    assert_kinds(
        text,
        &[
            ("Teodora Vasquez", EntityKind::Person),
            ("Ruth Okonjo", EntityKind::Person),
            ("Pell Harrow", EntityKind::Company),
        ],
    );
}

#[test]
fn a_dateline_town_before_its_region_and_a_dash_is_a_place() {
    let text = "TREVANNA, Cornwall - Harbour fees will rise by a tenth from April.\n\n\
                The council said the rise would pay for new pontoons.";
    assert_kinds(
        text,
        &[
            ("TREVANNA", EntityKind::Place),
            ("Cornwall", EntityKind::Place),
        ],
    );
    // A byline's job in ordinary words is no region: the name stays a
    // person's.
    let byline = "Ana Ruiz, Reporter - The crews raced on Saturday.";
    assert_eq!(
        kind_of(byline, "Ana Ruiz").map(|k| k.0),
        Some(EntityKind::Person)
    );
}

#[test]
fn a_name_that_opens_with_a_saint_s_is_a_town_s() {
    let text = "The pilot gig from St Mawes finished second, and boats from Saint Keverne \
                were third. St Elwyn Hospital said no rower was hurt.";
    assert_kinds(
        text,
        &[
            ("St Mawes", EntityKind::Place),
            ("Saint Keverne", EntityKind::Place),
            ("St Elwyn Hospital", EntityKind::Organization),
        ],
    );
    assert!(people_of(&extract(text)).is_empty());
}

#[test]
fn the_world_s_largest_processor_is_a_company() {
    let text = "Harmon Delacroix, the world's largest cocoa processor, said grinding fell.";
    assert_eq!(
        kind_of(text, "Harmon Delacroix").map(|k| k.0),
        Some(EntityKind::Company)
    );
}

#[test]
fn a_laboratory_or_a_unit_heads_an_organisation_s_name() {
    let text = "Tests were run at the Harwell Isotope Laboratory, and the results went to \
                the Joint Water Quality Unit for review.";
    assert_kinds(
        text,
        &[
            ("Harwell Isotope Laboratory", EntityKind::Organization),
            ("Joint Water Quality Unit", EntityKind::Organization),
        ],
    );
}

#[test]
fn the_head_of_a_department_at_a_firm_names_the_firm() {
    let text = "\"Stocks are thin,\" said Moira Kettering, head of soft commodities research \
                at Brandhall in London.";
    assert_eq!(
        kind_of(text, "Brandhall").map(|k| k.0),
        Some(EntityKind::Company)
    );
    // "The head of the team at" is no department.
    let team = "The head of the team at Kelbourne said little.";
    assert_ne!(
        kind_of(team, "Kelbourne").map(|k| k.0),
        Some(EntityKind::Company)
    );
}

#[test]
fn a_name_with_a_particle_inside_is_a_person_s() {
    let text = "Costs fell again, said Lotte van der Meer, an economist at the bank. \
                \"Demand is weak,\" Tiago da Rocha said.";
    let mentions = extract(text);
    let people = people_of(&mentions);
    for name in ["Lotte van der Meer", "Tiago da Rocha"] {
        assert!(people.contains(&name), "{name}: {mentions:?}");
    }
}

#[test]
fn a_price_that_ends_a_sentence_ends_it() {
    // "$8.08." is no dotted abbreviation: the next word opens a sentence.
    let text = "The index closed at $8.08. Dealers said there was some panic selling.";
    assert!(people_of(&extract(text)).is_empty(), "{:?}", extract(text));
}

#[test]
fn a_treasurer_is_a_title_not_part_of_the_name() {
    let text = "\"Growth is steady,\" said Treasurer Imogen Castellane.";
    assert_eq!(
        kind_of(text, "Imogen Castellane").map(|k| k.0),
        Some(EntityKind::Person)
    );
    assert!(kind_of(text, "Treasurer Imogen Castellane").is_none());
}

#[test]
fn a_lone_english_word_that_speaks_is_no_person_unless_a_pronoun_says_so() {
    let firm = "House prices rose 0.9% this year, Homestead said.";
    assert!(people_of(&extract(firm)).is_empty(), "{:?}", extract(firm));
    let person = "Prices rose, Fielding said, adding that he expected more.";
    assert_eq!(people_of(&extract(person)), ["Fielding"]);
    // A surname the text gives in full first is that person's.
    let named = "Anna Fielding leads the survey. Prices rose, Fielding said.";
    assert_eq!(
        people_of(&extract(named)),
        ["Anna Fielding", "Anna Fielding"]
    );
}

#[test]
fn one_word_after_said_with_its_own_verb_is_what_was_said_not_who_said_it() {
    let text = "The minister said Labour had a plan for the railways.";
    assert!(people_of(&extract(text)).is_empty(), "{:?}", extract(text));
    // A name that ends the clause, or a full name, is the speaker.
    let speaker =
        "\"Growth is slow,\" said Kettering. The minister said Anna Fielding would resign.";
    let mentions = extract(speaker);
    assert_eq!(people_of(&mentions), ["Kettering", "Anna Fielding"]);
}
