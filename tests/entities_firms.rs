//! Names of business and technology news as it prints them: who runs a
//! firm and where, a person whose surname is a listed firm's or a
//! people's name, a family firm by its trade word, a maker before its
//! model's number, a firm written as its web site, a product's code that
//! makes no person, a surname that is a title word, a demonym or a rank
//! before a name, and an acronym in title case. Each text is written for
//! its test.

use crate::entities_support;

use dossier::entities::{EntityKind, extract};
use entities_support::{named, written_as};

#[test]
fn who_heads_a_firm_names_it_after_at_and_of() {
    let text = "The studio will double its staff, said Callum Reade, development \
                director at Gannetworks, which makes puzzle games. Ines Morrow, \
                chief executive of Bracklemoor, said rival studios were hiring too.";
    let companies = named(&extract(text), EntityKind::Company);
    assert_eq!(companies, ["Bracklemoor", "Gannetworks"]);
    // A head of a club before its name says nothing of it; nor does a
    // department after "of".
    let text = "Tolverne Athletic lost at home. Tolverne boss Gavin Holt said the \
                director of football at the club would stay.";
    let found = extract(text);
    assert_eq!(named(&found, EntityKind::Company), [] as [&str; 0]);
    assert_eq!(named(&found, EntityKind::Person), ["Gavin Holt"]);
}

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
fn a_model_number_after_a_maker_names_the_maker() {
    let text = "The carrier took delivery of six Airbus A321 jets, and ordered \
                two Boeing 787 aircraft for its long routes.";
    assert_eq!(
        named(&extract(text), EntityKind::Company),
        ["Airbus", "Boeing"]
    );
}

#[test]
fn a_family_firm_by_its_trade_word() {
    let text = "The claim named Halloway Tobacco and Pruett Bros, two firms of the \
                county, and Kilner Brothers, a haulier.";
    assert_eq!(
        named(&extract(text), EntityKind::Company),
        ["Halloway Tobacco", "Kilner Brothers", "Pruett Bros"]
    );
}

#[test]
fn a_title_word_after_an_unknown_given_name_is_a_surname() {
    let text = "Labour MP Tamsin King said the harbour tax was wrong. Ms King \
                will raise it in the chamber.";
    let people = named(&extract(text), EntityKind::Person);
    assert_eq!(people, ["Tamsin King"]);
}

#[test]
fn a_firm_named_by_a_post_is_the_short_form_of_its_full_name() {
    let text = "Kestrane Sp. z o.o. opened a plant in Poznan. Ada Nowak, chief \
                executive of Kestrane, said the plant would hire 300 people.";
    let found = extract(text);
    assert_eq!(named(&found, EntityKind::Company), ["Kestrane Sp. z o.o."]);
}

#[test]
fn one_of_a_kind_is_of_that_kind() {
    let text = "The bid for Strathmore, one of the region's oldest distilling \
                firms, lapsed on Friday.";
    assert_eq!(named(&extract(text), EntityKind::Company), ["Strathmore"]);
}

#[test]
fn a_firm_written_as_its_site_is_the_firm() {
    let text = "The patent held by Amazon.com covers one-click ordering, and \
                Amazon said it would defend it.";
    let found = extract(text);
    assert_eq!(written_as(&found, text, "Amazon"), ["Amazon.com", "Amazon"]);
}

#[test]
fn firms_of_business_news_by_the_names_news_uses() {
    // The index lists carry these under a parent's name, miscased
    // ("EBay"), or not at all.
    let text = "Sellers on eBay and buyers at Asda both paid more, while Qantas \
                and KLM cut fares.";
    assert_eq!(
        named(&extract(text), EntityKind::Company),
        ["Asda", "KLM", "Qantas", "eBay"]
    );
}

#[test]
fn a_code_in_capitals_ends_a_product_not_a_person() {
    let text = "The studio will sell Lumo Racer DS for less, and the files sit on \
                Windows PCs in most offices, said Ann Hale QC.";
    assert_eq!(named(&extract(text), EntityKind::Person), ["Ann Hale"]);
}

#[test]
fn where_a_person_is_from_is_no_part_of_the_name() {
    let text = "Texan Thomas Ardley filed the suit against the music store. Kenyan \
                Faith Otieno testified. Later Brian Thomas Ardley, his cousin, spoke.";
    assert_eq!(
        named(&extract(text), EntityKind::Person),
        ["Brian Thomas Ardley", "Faith Otieno", "Thomas Ardley"]
    );
}

#[test]
fn british_ranks_written_without_their_period_are_titles() {
    let text = "The fraud squad is busy, said Det Chief Supt Mick Ormerod. Chief \
                Supt Ormerod went on to warn shoppers.";
    assert_eq!(named(&extract(text), EntityKind::Person), ["Mick Ormerod"]);
}

#[test]
fn a_site_speaks_for_its_owner_and_a_title_is_no_person() {
    let text = "Gamesandgear.com said the racing game sold well, and fans of \
                Return Of The Tide queued overnight.";
    let found = extract(text);
    assert_eq!(named(&found, EntityKind::Person), [] as [&str; 0]);
    assert_eq!(named(&found, EntityKind::Company), ["Gamesandgear.com"]);
}

#[test]
fn a_peoples_word_after_a_given_name_is_a_surname() {
    let text = "Stocks of the handset may run short, predicts Walter Irish, \
                editor of a gadget magazine. Irish shops will feel it first.";
    let found = extract(text);
    assert_eq!(named(&found, EntityKind::Person), ["Walter Irish"]);
    assert_eq!(named(&found, EntityKind::Country), ["Ireland"]);
}

#[test]
fn an_acronym_in_title_case_after_its_name_is_its_short_form() {
    let text = "A spokesman for the Association of Independent Ferry Operators \
                (Aifo) said fares rose. Aifo expects them to rise again.";
    let found = extract(text);
    assert_eq!(named(&found, EntityKind::Person), [] as [&str; 0]);
    let short: Vec<&str> = found
        .iter()
        .filter(|m| &text[m.start..m.end] == "Aifo")
        .map(|m| m.name.as_ref())
        .collect();
    assert_eq!(
        short,
        [
            "Association of Independent Ferry Operators",
            "Association of Independent Ferry Operators"
        ]
    );
}

#[test]
fn firms_by_their_sector_word_their_trade_and_their_analysts() {
    // A sector word ends a firm's name as a legal form does.
    let text = "Last week, Corvane Communications agreed to buy a rival. \
                Holmwood Financial, Allianz and Axa also fell.";
    let companies = named(&extract(text), EntityKind::Company);
    assert!(
        companies.contains(&"Corvane Communications".to_owned()),
        "{companies:?}"
    );
    assert!(
        companies.contains(&"Holmwood Financial".to_owned()),
        "{companies:?}"
    );
    // A provider of a service is a firm; an analyst "with" a firm works there.
    let text = "The faster line has been launched by internet service provider \
                Tarnlink. It is a big step, said Mia Rowe, a retail analyst with \
                Pellbrook Research.";
    let found = extract(text);
    assert_eq!(
        named(&found, EntityKind::Company),
        ["Pellbrook Research", "Tarnlink"]
    );
    assert_eq!(named(&found, EntityKind::Person), ["Mia Rowe"]);
}

#[test]
fn a_peoples_adjective_before_a_noun_spelt_as_a_business_verb_is_no_firm() {
    let text = "In Asian markets, prices fell on Monday. European exports rose. \
                Corvane markets its tea in Kenya.";
    assert_eq!(named(&extract(text), EntityKind::Company), ["Corvane"]);
    // Nor is it a firm whose shares move; a firm's name shaped as one is.
    let text = "Shares in European banks fell. Shares in Anglo-Swedish drug \
                maker Pellbrook slid. Shares in Dorian rose. Shares in Anglo fell.";
    assert_eq!(
        named(&extract(text), EntityKind::Company),
        ["Anglo", "Dorian", "Pellbrook"]
    );
}

#[test]
fn a_broadcasters_programme_is_no_part_of_the_broadcaster() {
    let text = "He told the BBC Morning Desk programme he would stand down.";
    assert_eq!(named(&extract(text), EntityKind::Company), ["BBC"]);
    // A channel is the broadcaster's.
    let text = "He quit his BBC One show last year.";
    assert_eq!(named(&extract(text), EntityKind::Company), ["BBC One"]);
}

#[test]
fn a_firms_trade_between_at_and_its_name_and_broadcasters_and_magazines_by_their_last_word() {
    let text = "There are risks, said Nick Turner, analyst at brokers Kellaway. \
                Growth will slow, said Ana Ruiz, an economist at research firm \
                Halden. He told Brightsea Television as much, Tom Pell of Harbour \
                Trade Magazine said, citing the Northern Retail Consortium.";
    let found = extract(text);
    assert_eq!(
        named(&found, EntityKind::Company),
        [
            "Brightsea Television",
            "Halden",
            "Harbour Trade Magazine",
            "Kellaway"
        ]
    );
    assert_eq!(
        named(&found, EntityKind::Organization),
        ["Northern Retail Consortium"]
    );
}

#[test]
fn a_given_name_and_a_surname_after_a_listed_firm_are_who_runs_it() {
    let text = "The chief of engineering group Siemens Jürgen Haldmann will retire.";
    let found = extract(text);
    assert_eq!(named(&found, EntityKind::Company), ["Siemens"]);
    assert_eq!(named(&found, EntityKind::Person), ["Jürgen Haldmann"]);
}

#[test]
fn firms_of_business_and_technology_news_that_no_index_lists() {
    let text = "Claims rose, said Swiss Re. Banks sued include Credit Suisse First \
                Boston, and the security firms Sophos and F-Secure warned of a worm \
                that spread as Napster once did.";
    let companies = named(&extract(text), EntityKind::Company);
    for firm in ["Swiss Re", "Credit Suisse", "Sophos", "F-Secure", "Napster"] {
        assert!(
            companies.contains(&firm.to_owned()),
            "{firm}: {companies:?}"
        );
    }
}

#[test]
fn a_firm_of_analysts_named_after_the_plural_and_a_sector_word_is_no_firm() {
    let found = extract("Telecom analysts Quarrel welcomed the move on Tuesday.");
    assert_eq!(named(&found, EntityKind::Company), ["Quarrel"]);
    // People named after the plural stay people.
    let found = extract("Analysts Sarah Hill and Tom Pell said so.");
    assert_eq!(named(&found, EntityKind::Company), [] as [&str; 0]);
    assert_eq!(
        named(&found, EntityKind::Person),
        ["Sarah Hill", "Tom Pell"]
    );
}

#[test]
fn a_name_before_a_listed_bank_of_a_country_is_another_bank() {
    let text = "Pellbrook Bank of Canada said shareholders approved the payout. \
                The Bank of Canada held rates, and the National Bank of Ukraine \
                cut them.";
    let found = extract(text);
    assert_eq!(
        named(&found, EntityKind::Company),
        ["Pellbrook Bank of Canada"]
    );
    assert_eq!(
        named(&found, EntityKind::Organization),
        ["Bank of Canada", "National Bank of Ukraine"]
    );
}

#[test]
fn groups_of_nations_and_an_exchange_in_capitals() {
    let found = extract(
        "Officials began a meeting of the Group of Five; the G8 met later. The \
         firm will end its listing on the New York NASDAQ system and move to \
         the NYSE.",
    );
    assert_eq!(
        named(&found, EntityKind::Organization),
        ["G8", "Group of Five"]
    );
    assert_eq!(
        named(&found, EntityKind::Company),
        ["Nasdaq", "New York Stock Exchange"]
    );
    assert_eq!(named(&found, EntityKind::Place), ["New York"]);
}

#[test]
fn a_site_written_as_its_address_is_the_firm_that_runs_it() {
    let text = "The campaign closed Torrentvale.org last week. In a message posted \
                on Torrentvale, its owners thanked users of Quizmo.com too.";
    let found = extract(text);
    assert_eq!(
        named(&found, EntityKind::Company),
        ["Quizmo.com", "Torrentvale.org"]
    );
    assert_eq!(
        written_as(&found, text, "Torrentvale.org"),
        ["Torrentvale.org", "Torrentvale"]
    );
}

#[test]
fn a_listed_firms_name_and_a_surname_set_off_after_a_role_are_a_person() {
    let found = extract("The agency's chief executive, Dana Whitlow, told the paper.");
    assert_eq!(named(&found, EntityKind::Person), ["Dana Whitlow"]);
    assert_eq!(named(&found, EntityKind::Company), [] as [&str; 0]);
}

#[test]
fn a_state_insurance_scheme_is_no_insurer() {
    let text = "Employers will pay more National Insurance from April, and the \
                self-employed more Social Insurance, the finance ministry said. \
                Harwell Insurance and the Kestrel Insurance Company raised premiums.";
    assert_eq!(
        named(&extract(text), EntityKind::Company),
        ["Harwell Insurance", "Kestrel Insurance Company"]
    );
}

#[test]
fn a_peoples_or_a_continents_shares_are_a_market_s_not_a_firm_s() {
    let text = "European shares fell on Monday and Asian stocks rose, while \
                Vonovia shares dropped 4%.";
    assert_eq!(named(&extract(text), EntityKind::Company), ["Vonovia"]);
}

#[test]
fn a_listed_firm_stays_the_firm_where_a_town_of_its_name_is_in_a_named_country() {
    // Rio Tinto is also a town in Brazil: naming Brazil does not make the
    // miner the town, nor "according to" a place; "in Rio Tinto" does.
    let text = "Rio Tinto said iron ore output in Brazil rose. Miners cheered, \
                according to Rio Tinto.";
    let found = extract(text);
    assert_eq!(named(&found, EntityKind::Company), ["Rio Tinto"]);
    assert!(named(&found, EntityKind::Person).is_empty(), "{found:?}");
    assert!(named(&found, EntityKind::Place).is_empty(), "{found:?}");
    let town = extract("Floods hit homes in Rio Tinto, a town in Brazil.");
    assert_eq!(named(&town, EntityKind::Place), ["Rio Tinto"]);
}

#[test]
fn a_firm_s_name_before_a_model_s_number_names_the_firm_not_a_longer_one() {
    let text = "He bought an Apple Watch Series 9, and the Google Pixel 8 went on sale. \
                Siemens Mobility won the contract, and she told BBC Radio 4 about it.";
    assert_eq!(
        named(&extract(text), EntityKind::Company),
        ["Apple", "BBC Radio", "Google", "Siemens Mobility"]
    );
}
