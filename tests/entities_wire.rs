//! Wire-service conventions and the general rules issue 9 added for them:
//! company names in angle brackets, tickers after names, more legal
//! suffixes, "X of Y" people, "-based" places, capitals and towns named
//! like English words. Each text is written for its test, on a subject of
//! its own.

use crate::entities_support;

use dossier::entities::{ArticleParts, EntityKind, Mention, extract, extract_article};
use entities_support::{countries_of, named};

fn mentions(text: &str) -> Vec<Mention> {
    extract_article(ArticleParts {
        text,
        ..ArticleParts::default()
    })
}

fn names_of(text: &str, kind: EntityKind) -> Vec<String> {
    named(&mentions(text), kind)
}

#[test]
fn a_name_in_angle_brackets_is_a_company_with_or_without_a_suffix() {
    let text = "    NORWICH, England, June 2 - <Marrowby Feeds> said it bought \
                <Holloway Brothers Ltd> of Leeds for 3 mln stg.";
    let companies = names_of(text, EntityKind::Company);
    assert!(
        companies.contains(&"Marrowby Feeds".to_owned()),
        "{companies:?}"
    );
    assert!(
        companies.contains(&"Holloway Brothers Ltd".to_owned()),
        "{companies:?}"
    );
}

#[test]
fn a_ticker_in_angle_brackets_makes_the_name_before_it_a_company() {
    let text = "Pellucid Optics <PLCD> rose 12 pct after the results, while \
                shares in Ambersham Foods <AMB.L> were unchanged.";
    let companies = names_of(text, EntityKind::Company);
    assert_eq!(companies, ["Ambersham Foods", "Pellucid Optics"]);
}

#[test]
fn a_ticker_that_spells_a_country_code_is_no_country() {
    let text = "Tarrant Looms <UK> said orders for wool cloth fell in May.";
    assert!(countries_of(text).is_empty(), "{:?}", countries_of(text));
    assert_eq!(names_of(text, EntityKind::Company), ["Tarrant Looms"]);
}

#[test]
fn a_sentence_start_word_does_not_open_a_ticker_company() {
    let text = "Rival Corvina Ceramics <CRV.MI> fell 4 pct in Milan.";
    assert_eq!(names_of(text, EntityKind::Company), ["Corvina Ceramics"]);
}

#[test]
fn plc_spa_kk_and_lp_end_company_names() {
    let text = "The bid from Brannock Holdings Plc topped offers by Vesto \
                Arredamenti Spa, Okabe Seiki KK and Harrow Lane Partners LP.";
    let companies = names_of(text, EntityKind::Company);
    for name in [
        "Brannock Holdings Plc",
        "Vesto Arredamenti Spa",
        "Okabe Seiki KK",
        "Harrow Lane Partners LP",
    ] {
        assert!(
            companies.contains(&name.to_owned()),
            "{name}: {companies:?}"
        );
    }
}

#[test]
fn a_person_of_a_company_is_two_entities() {
    let text = "\"Demand will recover,\" said Marta Kowalczyk of Drummond \
                Securities Ltd in a note to clients.";
    assert_eq!(names_of(text, EntityKind::Person), ["Marta Kowalczyk"]);
    assert_eq!(
        names_of(text, EntityKind::Company),
        ["Drummond Securities Ltd"]
    );
}

#[test]
fn a_person_of_a_street_or_an_unknown_firm_is_a_person() {
    let text = "Council member Gordon Pike of Keizer Street voted no. The \
                buyer's lawyer, Rita Castellano of Dunmore and Pratt, said \
                the deal was fair.";
    assert_eq!(
        names_of(text, EntityKind::Person),
        ["Gordon Pike", "Rita Castellano"]
    );
    assert!(names_of(text, EntityKind::Place).contains(&"Keizer Street".to_owned()));
}

#[test]
fn a_place_before_based_gives_its_country() {
    let text = "The order went to a Zaragoza-based maker of irrigation pumps.";
    assert_eq!(countries_of(text), ["Spain"]);
}

#[test]
fn a_capital_stays_the_capital_when_a_town_of_another_country_is_named() {
    // Laval is a city of Quebec; London, Ontario exists too.
    let text = "The London-based fund bought a stake in a dairy near Laval, \
                Quebec, last week.";
    assert_eq!(countries_of(text), ["Canada", "United Kingdom"]);
}

#[test]
fn a_small_town_that_a_capitalised_word_continues_is_no_place() {
    // Onex is a Swiss town of 18,000 people.
    let text = "The shipyard sold its tug fleet to Onex Marine last month.";
    assert!(countries_of(text).is_empty(), "{:?}", countries_of(text));
    let text = "The shipyard moved its offices to Onex last month.";
    assert_eq!(countries_of(text), ["Switzerland"]);
}

#[test]
fn a_town_named_like_an_english_word_is_a_place_only_where_used_as_one() {
    // Salé, Morocco, is spelt "Sale" in English.
    let text = "Sale of the warehouse is expected to close in May.";
    assert!(countries_of(text).is_empty(), "{:?}", countries_of(text));
    let text = "The ferry from Sale to the Canaries left on time.";
    assert!(countries_of(text).contains(&"Morocco".to_owned()));
}

#[test]
fn a_listed_company_name_after_a_role_noun_is_a_person() {
    // "Dana" is a listed company (Dana Inc).
    let text = "Chief executive Dana Whitcombe told analysts the mill would \
                reopen in June.";
    assert_eq!(names_of(text, EntityKind::Person), ["Dana Whitcombe"]);
    assert!(names_of(text, EntityKind::Company).is_empty());
    // A role or a speech verb after the name says so too, where the firm
    // is named like a given name; a firm's division stays the firm's.
    for text in [
        "\"We are pleased,\" said Dana Whitcombe, chief executive of the mill.",
        "Dana Whitcombe said the mill would reopen in June.",
    ] {
        assert_eq!(
            names_of(text, EntityKind::Person),
            ["Dana Whitcombe"],
            "{text}"
        );
        assert!(names_of(text, EntityKind::Company).is_empty(), "{text}");
    }
    let division = "Dana Holding said sales rose.";
    assert_eq!(names_of(division, EntityKind::Company), ["Dana Holding"]);
}

#[test]
fn ap_state_abbreviations_after_a_dateline_town_give_the_united_states() {
    let text = "    PORTLAND, Ore., April 9 - Granite Mills Inc said sales rose.";
    assert_eq!(countries_of(text), ["United States"]);
}

fn companies_with_title(title: &str, text: &str) -> Vec<String> {
    let mut out: Vec<String> = extract_article(ArticleParts {
        title,
        text,
        ..ArticleParts::default()
    })
    .into_iter()
    .filter(|m| m.kind == EntityKind::Company)
    .map(|m| m.name.into_owned())
    .collect();
    out.sort();
    out.dedup();
    out
}

#[test]
fn a_company_only_the_headline_names_is_found_by_its_ticker() {
    // The body says only "the company": the headline's name is the one.
    let body = "PITTSBURGH, March 4 - The company said it cut its quarterly\n\
                dividend to five cts a share from 12 cts, citing lower prices.";
    assert_eq!(
        companies_with_title("MERIDIAN STEEL CORP <MSC> CUTS DIVIDEND", body),
        vec!["Meridian Steel Corp"]
    );
    assert_eq!(
        companies_with_title("ALDERTON FOODS INC <ALD> SEES LOWER NET", body),
        vec!["Alderton Foods Inc"]
    );
    // A ticker after a run inside the headline may follow its verb: no
    // company is made of "Lone Star Buys Harbour Grain".
    let found = companies_with_title("LONE STAR BUYS HARBOUR GRAIN <HGC> STAKE", body);
    assert!(found.iter().all(|c| !c.contains("Buys")), "{found:?}");
}

#[test]
fn a_wire_credit_names_people_whose_surnames_are_english_words() {
    let text = "Copper prices fell on Monday as warehouse stocks rose, traders said.\n\n\
                Reporting by Tom Hale and Rosa Field; Editing by Mark Potter";
    let people: Vec<&str> = extract(text)
        .iter()
        .filter(|m| m.kind == EntityKind::Person)
        .map(|m| &text[m.start..m.end])
        .collect();
    assert_eq!(people, ["Tom Hale", "Rosa Field", "Mark Potter"]);
    // In brackets, as wires print it: the first name counts as the second.
    let text = "The krona firmed after the Riksbank held rates, dealers said.\n\n\
                (Reporting by Ana Ruiz; Editing by Paul Grant)";
    let people: Vec<&str> = extract(text)
        .iter()
        .filter(|m| m.kind == EntityKind::Person)
        .map(|m| &text[m.start..m.end])
        .collect();
    assert_eq!(people, ["Ana Ruiz", "Paul Grant"]);
    // Not a credit: what a company was built by stays no person.
    let text = "The bridge was Built by Blue Water and Grey Stone over two years.";
    assert!(
        !extract(text).iter().any(|m| m.kind == EntityKind::Person),
        "{:?}",
        extract(text)
    );
}

#[test]
fn a_listed_firm_and_co_is_one_firm_and_a_legal_form_alone_is_none() {
    let text = "    CHICAGO, May 6 - The notes are being sold through Morgan Stanley and Co Inc, \
                the underwriter said. Delta Air Lines and United Airlines cut fares. \
                Analysts said Corp would not comment.";
    let companies = names_of(text, EntityKind::Company);
    assert!(
        companies.contains(&"Morgan Stanley and Co Inc".to_owned()),
        "{companies:?}"
    );
    // Two firms listed with "and" stay two.
    for firm in ["Delta Air Lines", "United Airlines"] {
        assert!(
            companies.contains(&firm.to_owned()),
            "{firm}: {companies:?}"
        );
    }
    for shard in ["Co Inc", "Corp"] {
        assert!(
            !companies.contains(&shard.to_owned()),
            "{shard}: {companies:?}"
        );
    }
    assert!(names_of(text, EntityKind::Person).is_empty());
}

#[test]
fn a_possessive_name_before_a_suffix_opens_the_firm_s_name() {
    let text = "    DENVER, May 6 - Halloran's Investors Service Inc cut its rating of the \
                bonds. Shares of Brannigan's Corp rose. Britain's Ashcombe Bank Plc and \
                Harlow Freight Corp's Harlow Air Cargo were not rated.";
    let companies = names_of(text, EntityKind::Company);
    for firm in [
        "Halloran's Investors Service Inc",
        "Brannigan's Corp",
        "Ashcombe Bank Plc",
    ] {
        assert!(
            companies.contains(&firm.to_owned()),
            "{firm}: {companies:?}"
        );
    }
    // A country's possessive, or another firm's, opens no firm's name.
    assert!(
        companies
            .iter()
            .all(|c| !c.starts_with("Britain") && !c.contains("Corp's")),
        "{companies:?}"
    );
}

#[test]
fn a_wire_credit_may_say_where_each_reporter_filed_from() {
    let text = "Grain barges queued on the river as water levels fell, shippers said.\n\n\
                (Reporting by Hana Kovac in Vienna and Piet Wu in Rotterdam; Editing by \
                Lena Ford)";
    let people: Vec<&str> = extract(text)
        .iter()
        .filter(|m| m.kind == EntityKind::Person)
        .map(|m| &text[m.start..m.end])
        .collect();
    assert_eq!(people, ["Hana Kovac", "Piet Wu", "Lena Ford"]);
}

#[test]
fn the_agency_a_dateline_credits_is_a_company() {
    let text = "OSLO, May 2 (Nordwire) - Salmon exporters lifted prices again on \
                Friday, a trade group told Nordwire.";
    assert_eq!(names_of(text, EntityKind::Company), ["Nordwire"]);
    let text = "PERTH (Coastal Newsdesk) — Iron ore loadings slowed.";
    assert_eq!(names_of(text, EntityKind::Company), ["Coastal Newsdesk"]);
    // A single English word in the credit may be no agency's name, and a
    // bracket elsewhere in a line credits no one.
    let text = "PERTH (Wire) — Iron ore loadings slowed.";
    assert!(names_of(text, EntityKind::Company).is_empty());
    let text = "Loadings slowed at the port (Kwinana) - a berth was shut.";
    assert!(names_of(text, EntityKind::Company).is_empty());
}

#[test]
fn market_indices_and_crude_grades_name_no_place_or_firm() {
    let text = "Stocks slid on Thursday. The FTSE 100 lost 0.8% and the Nikkei 225 fell, \
                while the Nasdaq Composite held steady. Brent crude rose 2% and US West \
                Texas Intermediate gained 1.5%. Nikkei reported that Kirin would cut jobs.";
    let found: Vec<(EntityKind, String)> = mentions(text)
        .into_iter()
        .map(|m| (m.kind, m.name.into_owned()))
        .collect();
    for absent in ["Brent", "Texas", "Nasdaq Composite", "Nasdaq", "FTSE 100"] {
        assert!(
            found.iter().all(|(_, n)| n != absent),
            "{absent}: {found:?}"
        );
    }
    assert!(countries_of(text).is_empty(), "{:?}", countries_of(text));
    // The newspaper of the same name is still a firm.
    assert!(
        found.contains(&(EntityKind::Company, "Nikkei".to_owned())),
        "{found:?}"
    );
}

#[test]
fn large_firms_that_no_index_lists_are_known_by_their_names() {
    // Without the list, a one-word name beside "said" reads as a person.
    let text = "Equinor said output at the field would rise, and Trafigura said it \
                had bought the cargo. Shares of SK Hynix rose.";
    assert_eq!(
        names_of(text, EntityKind::Company),
        ["Equinor", "SK Hynix", "Trafigura"]
    );
    assert!(names_of(text, EntityKind::Person).is_empty());
}

#[test]
fn a_company_suffix_that_opens_a_listed_body_makes_no_company() {
    let text = "The broker settled with the U.S. Securities and Exchange Commission \
                over late trade reports.";
    assert!(
        names_of(text, EntityKind::Company).is_empty(),
        "{:?}",
        mentions(text)
    );
    assert_eq!(
        names_of(text, EntityKind::Organization),
        ["Securities and Exchange Commission"]
    );
}

#[test]
fn a_month_after_a_company_noun_in_a_table_header_is_no_firm() {
    let text = "Grain prices by month, in dollars a tonne:\n\n\
                Exporter October rate November rate\n\
                Wheat 212 219\n\
                Barley 188 190";
    assert!(names_of(text, EntityKind::Company).is_empty());
}

#[test]
fn a_dateline_filed_from_places_joined_by_slashes_names_each_place_and_the_agency() {
    let text = "ASHWORTH/BRENTLEY/NEW YORK, March 3 (Quayside News) - Two harbour towns \
                voted on Tuesday to share one ferry service.";
    let mentions = mentions(text);
    assert_eq!(
        named(&mentions, EntityKind::Place),
        ["Ashworth", "Brentley", "New York"]
    );
    assert_eq!(named(&mentions, EntityKind::Company), ["Quayside News"]);
}

#[test]
fn a_day_after_a_country_as_american_wires_write_it_ends_no_persons_name() {
    let text = "Troops entered Kenya Monday, officials in Jordan said Tuesday, and \
                the match is on Saturday.\n\nSaturday will decide it.";
    let found = extract(text);
    assert_eq!(named(&found, EntityKind::Person), Vec::<String>::new());
    assert_eq!(named(&found, EntityKind::Country), ["Jordan", "Kenya"]);
}
