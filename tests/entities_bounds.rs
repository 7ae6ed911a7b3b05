//! Where a name starts and ends: words beside a name that are no part of
//! it ("Toronto-listed", a dangling "and"), and words that are part of it
//! although a rule would cut them off (a country that opens an agency's
//! name joined by "and"). Each text is written here, in the shape of news
//! copy, on subjects of its own.

use dossier::entities::{EntityKind, Mention, extract};

fn names_of(mentions: &[Mention], kind: EntityKind) -> Vec<&str> {
    mentions
        .iter()
        .filter(|m| m.kind == kind)
        .map(|m| &*m.name)
        .collect()
}

#[test]
fn a_hyphenated_participle_before_a_name_is_no_part_of_it() {
    let text = "Shares in the miner fell after the deal. Toronto-listed Halvard Minerals \
                said it would appeal. Council-backed Marit Solberg won the seat, and \
                Berlin-born Jonas Adler came second.";
    let mentions = extract(text);
    let companies = names_of(&mentions, EntityKind::Company);
    assert!(companies.contains(&"Halvard Minerals"), "{companies:?}");
    let people = names_of(&mentions, EntityKind::Person);
    assert!(people.contains(&"Marit Solberg"), "{people:?}");
    assert!(people.contains(&"Jonas Adler"), "{people:?}");
    assert!(
        mentions.iter().all(|m| !m.name.contains("-listed")
            && !m.name.contains("-backed")
            && !m.name.contains("-born")),
        "{mentions:?}"
    );
}

#[test]
fn a_place_based_modifier_alone_is_a_place_not_a_firm() {
    let text = "\"Prices will not hold,\" said Ruth Okafor, an analyst at\n\
                London-based grain broker Merrow and Dyce.";
    let mentions = extract(text);
    assert!(
        mentions.iter().all(|m| m.name != "London-based"),
        "{mentions:?}"
    );
    let london = mentions.iter().find(|m| m.name == "London");
    assert_eq!(
        london.and_then(|m| m.country.as_deref()),
        Some("United Kingdom"),
        "{mentions:?}"
    );
}

#[test]
fn a_country_that_opens_an_agency_named_with_and_stays_in_its_name() {
    let text = "The merger needs approval from the Zambia Competition and Consumer \
                Protection Commission. Lawyers also wrote to the U.S. Patent and \
                Trademark Office last week.";
    let mentions = extract(text);
    let orgs = names_of(&mentions, EntityKind::Organization);
    assert!(
        orgs.contains(&"Zambia Competition and Consumer Protection Commission"),
        "{orgs:?}"
    );
    assert!(
        orgs.contains(&"U.S. Patent and Trademark Office"),
        "{orgs:?}"
    );
}

#[test]
fn a_country_joined_by_and_to_an_agency_stays_a_country() {
    let text = "Talks between Zambia and Consumer Protection Commission staff ended \
                without a deal on Friday.";
    let mentions = extract(text);
    assert!(
        names_of(&mentions, EntityKind::Country).contains(&"Zambia"),
        "{mentions:?}"
    );
    assert!(
        mentions.iter().all(|m| !m.name.starts_with("Zambia and")),
        "{mentions:?}"
    );
}

#[test]
fn a_listed_firm_whose_legal_name_has_and_company_ends_at_its_own_name() {
    let text = "Similar drugs sold by Eli Lilly and by its partners cost more than \
                $25,000 a year in the United States.";
    let mentions = extract(text);
    let companies = names_of(&mentions, EntityKind::Company);
    assert!(companies.contains(&"Eli Lilly"), "{companies:?}");
    assert!(
        mentions.iter().all(|m| !m.name.ends_with(" and")),
        "{mentions:?}"
    );
}

#[test]
fn a_nordic_company_form_ends_the_firms_name() {
    let text = "The licence went to Danish drug maker Halsnæs Bio A/S on Monday. \
                Its rival Tromsvik Kraft AS, based in Bergen, said it would appeal.";
    let mentions = extract(text);
    let companies = names_of(&mentions, EntityKind::Company);
    assert!(companies.contains(&"Halsnæs Bio A/S"), "{companies:?}");
    assert!(companies.contains(&"Tromsvik Kraft AS"), "{companies:?}");
}

#[test]
fn a_public_service_before_a_country_or_a_nation_is_its_public_body() {
    let text = "Wheat exports fell by a fifth, Statistics Norway said on Monday. \
                Officials at Parks Canada closed two trails, and Police Scotland \
                warned drivers on the A9. Health Canada has not approved the vaccine.";
    let mentions = extract(text);
    let orgs = names_of(&mentions, EntityKind::Organization);
    for body in [
        "Statistics Norway",
        "Parks Canada",
        "Police Scotland",
        "Health Canada",
    ] {
        assert!(orgs.contains(&body), "{body}: {mentions:?}");
    }
    let norway = mentions.iter().find(|m| m.name == "Statistics Norway");
    assert_eq!(norway.and_then(|m| m.country.as_deref()), Some("Norway"));
    assert!(
        names_of(&mentions, EntityKind::Company).is_empty(),
        "{mentions:?}"
    );
}

#[test]
fn a_service_word_before_a_country_in_lower_case_or_a_city_names_no_body() {
    let text = "Spending on health in Canada rose again. The transport minister of \
                Norway flew to Oslo, and Sport in Kenya is booming, said Grace \
                Wanjiru. Police Berlin is not a name; the Berlin police said so.";
    let mentions = extract(text);
    let orgs = names_of(&mentions, EntityKind::Organization);
    assert!(
        orgs.iter()
            .all(|o| !o.starts_with("Sport") && !o.starts_with("Police") && !o.contains("Canada")),
        "{mentions:?}"
    );
    let countries = names_of(&mentions, EntityKind::Country);
    assert!(
        countries.contains(&"Canada") && countries.contains(&"Kenya"),
        "{mentions:?}"
    );
}

/// A firm's legal form ends its name even after "Co." or a comma, and a
/// dotted one keeps its last period; a suffix before "and" ends one firm
/// and a name with a suffix of its own after it is a second.
#[test]
fn a_legal_form_after_co_or_a_comma_or_with_dots_ends_the_name() {
    let text = "The ferry line is owned by Kestrel Sound Co. Ltd, which also runs \
                buses. Shares of Orchard Valley Foods, Inc. rose after the grocer \
                Lanterna Mercati S.p.A. said it would buy apples from Saratov Fruit \
                JSC. Advice came from Marquez de la Fuente LLP and Harlow Fenwick LLP.";
    let mentions = extract(text);
    assert_eq!(
        names_of(&mentions, EntityKind::Company),
        [
            "Kestrel Sound Co. Ltd",
            "Orchard Valley Foods, Inc",
            "Lanterna Mercati S.p.A.",
            "Saratov Fruit JSC",
            "Marquez de la Fuente LLP",
            "Harlow Fenwick LLP"
        ]
    );
}

/// "and" before a second body's own name ends the first, though the first
/// holds an "and" of its own; so does "and the" before an owner's name.
#[test]
fn a_second_body_after_and_ends_the_first() {
    let text = "The vineyard trial is run by the College of Agriculture and Forestry \
                and Western Plains University of Technology. It is paid for by the \
                Arts Council of Wales and the UK's Heritage Lottery Board.";
    let mentions = extract(text);
    assert_eq!(
        names_of(&mentions, EntityKind::Organization),
        [
            "College of Agriculture and Forestry",
            "Western Plains University of Technology",
            "Arts Council of Wales",
            "Heritage Lottery Board"
        ],
        "{mentions:?}"
    );
}

/// A commission, a committee or a council may name its subject after
/// "on", which then belongs to its name; "on" before a weekday is a date.
#[test]
fn a_body_named_with_on_keeps_its_subject() {
    let text = "Fishing quotas were set by the Regional Commission on Inland Fisheries. \
                The Committee on Monday asked the Council on Rural Affairs to review them.";
    let mentions = extract(text);
    assert_eq!(
        names_of(&mentions, EntityKind::Organization),
        [
            "Regional Commission on Inland Fisheries",
            "Council on Rural Affairs"
        ],
        "{mentions:?}"
    );
}

/// "Co., Ltd.", "Co. Pty Ltd", the Polish "Sp. z o.o." and the Faroese
/// "P/F" end a firm's name; a partnership named after two partners keeps
/// the comma between them ("Okafor, Lund & Partners LLP").
#[test]
fn legal_forms_after_a_comma_or_in_other_languages_end_the_name() {
    let text = "The stadium roof was built by Qingdao Haiyun Steel Co., Ltd. and \
                clad by Tarrawong Cladding Co. Pty Ltd. Seats came from Lubin \
                Siedziska Sp. z o.o. and turf from Nólsoy Grøn P/F. The club was \
                advised by Okafor, Lund & Partners LLP and Mabry, Kessel & Co.";
    let mentions = extract(text);
    assert_eq!(
        names_of(&mentions, EntityKind::Company),
        [
            "Qingdao Haiyun Steel Co., Ltd",
            "Tarrawong Cladding Co. Pty Ltd",
            "Lubin Siedziska Sp. z o.o.",
            "Nólsoy Grøn P/F",
            "Okafor, Lund & Partners LLP",
            "Mabry, Kessel & Co"
        ]
    );
}

/// A company's short form listed with another firm is that company, not
/// a firm of its own; and a list of names closes with its "and": a comma
/// after the last item opens no new one, so the firm that follows lends
/// its kind to no founder ("Founded by A and B, Firm makes …").
#[test]
fn a_short_form_in_a_list_is_its_company_and_a_list_closes_with_and() {
    let text = "Founded in 2011 by Odile Marchetti and Tomasz Wrona, Kelderbank \
                Instruments makes rain gauges. Kelderbank Instruments Ltd sells them \
                to farms, and Kelderbank said sales rose. Lund Capital is adviser to \
                Kelderbank, and Mabry Hollis LLP is its counsel.";
    let mentions = extract(text);
    assert_eq!(
        names_of(&mentions, EntityKind::Person),
        ["Odile Marchetti", "Tomasz Wrona"]
    );
    let firm_named = |name: &str| mentions.iter().filter(|m| m.name == name).count();
    assert_eq!(firm_named("Kelderbank Instruments Ltd"), 4, "{mentions:?}");
    assert_eq!(firm_named("Kelderbank"), 0, "{mentions:?}");
}

/// Legal forms of Hungary, the Czech lands, the Balkans, Peru, Ireland,
/// the Gulf, Thailand and Quebec end a firm's name, those written in lower
/// case too.
#[test]
fn legal_forms_of_more_countries_end_the_name() {
    let text = "The tram order went to Pannon Kocsi Zrt., with bogies from Brnoval \
                s.r.o. and seats from Sava Oprema d.o.o.; Andes Rieles S.A.A. and \
                Shannon Rail DAC lost, as did Qurum Transit WLL, Chao Phraya Rail PCL \
                and Autocars Laurentides Ltée.";
    let mentions = extract(text);
    assert_eq!(
        names_of(&mentions, EntityKind::Company),
        [
            "Pannon Kocsi Zrt",
            "Brnoval s.r.o.",
            "Sava Oprema d.o.o.",
            "Andes Rieles S.A.A.",
            "Shannon Rail DAC",
            "Qurum Transit WLL",
            "Chao Phraya Rail PCL",
            "Autocars Laurentides Ltée"
        ]
    );
}

/// "Quito-based" after "of" says where a firm is, and is no part of its
/// name; "the Directorate General of …" is a body, its "General" no title.
#[test]
fn a_modifier_after_of_and_a_directorate_general_stay_out_of_names() {
    let text = "Lucía Paredes of Quito-based Andes Verde Foods Inc said cocoa prices \
                would rise. The Directorate General of Plant Health in Lima agreed.";
    let mentions = extract(text);
    assert_eq!(
        names_of(&mentions, EntityKind::Company),
        ["Andes Verde Foods Inc"]
    );
    assert_eq!(
        names_of(&mentions, EntityKind::Organization),
        ["Directorate General of Plant Health"]
    );
    assert!(names_of(&mentions, EntityKind::Place).contains(&"Quito"));
}

/// A press release's "About …" heading and "SOURCE …" line name the firm,
/// not a firm called "About …".
#[test]
fn about_and_source_in_a_press_release_are_no_part_of_the_firm() {
    let text = "The bakery chain will open twelve shops next year.\n\n\
                About Kettleby Ovens Ltd.\n\n\
                Kettleby Ovens bakes bread in Leicester.\n\n\
                SOURCE Kettleby Ovens Ltd.";
    let mentions = extract(text);
    let firms = names_of(&mentions, EntityKind::Company);
    assert!(
        firms
            .iter()
            .all(|f| !f.starts_with("About") && !f.starts_with("SOURCE")),
        "{firms:?}"
    );
    assert!(firms.contains(&"Kettleby Ovens Ltd"), "{firms:?}");
}

/// A legal form ends a firm's name before "of" and the place it is in.
#[test]
fn a_legal_form_before_of_and_a_place_ends_the_firm() {
    let text = "The seed was supplied by Harrowby Grains Ltd of Leicester, and a \
                second supplier, Tallis Agritech Inc. of Ohio, sent the rest.";
    let mentions = extract(text);
    assert_eq!(
        names_of(&mentions, EntityKind::Company),
        ["Harrowby Grains Ltd", "Tallis Agritech Inc"]
    );
    let places = names_of(&mentions, EntityKind::Place);
    assert!(
        places.contains(&"Leicester") && places.contains(&"Ohio"),
        "{places:?}"
    );
}
