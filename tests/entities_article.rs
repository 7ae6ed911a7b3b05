//! Extraction of a whole article — title, author and body read as one
//! document — and the countries an article has through the places it
//! names. Each text is written for the test.

use dossier::corpus::Source;
use dossier::entities::{
    ArticleParts, EntityIndex, EntityKind, Location, Mention, derived_countries, extract_article,
};

fn parts<'a>(title: &'a str, author: Option<&'a str>, text: &'a str) -> ArticleParts<'a> {
    ArticleParts {
        title,
        author,
        text,
        copies: &[],
    }
}

fn surface<'a>(p: &ArticleParts<'a>, m: &Mention) -> &'a str {
    let part = match m.location {
        Location::Text => p.text,
        Location::Title => p.title,
        Location::Byline => p.author.unwrap_or_default(),
        Location::Copies => panic!("no merged copies here"),
    };
    &part[m.start..m.end]
}

#[test]
fn the_author_is_a_person_of_the_article() {
    let p = parts(
        "Harbour dredging to resume in spring",
        Some("Ingrid Solbakken"),
        "Dredging of the harbour channel will resume in April, the port said on Monday.",
    );
    let mentions = extract_article(p);
    let author = mentions
        .iter()
        .find(|m| m.location == Location::Byline)
        .expect("the byline names a person");
    assert_eq!(author.kind, EntityKind::Person);
    assert_eq!(author.name, "Ingrid Solbakken");
    assert_eq!(surface(&p, author), "Ingrid Solbakken");
}

#[test]
fn a_title_in_the_author_string_is_no_part_of_the_name() {
    for author in [
        "Dr. Oona Vainikka",
        "Prof. Oona Vainikka",
        "Dr Oona Vainikka",
    ] {
        let p = parts(
            "Glacier retreat doubles",
            Some(author),
            "The glacier lost a tenth of its mass in two summers.",
        );
        let mentions = extract_article(p);
        let byline = mentions
            .iter()
            .find(|m| m.location == Location::Byline)
            .unwrap_or_else(|| panic!("{author}: the byline names a person"));
        assert_eq!(byline.name, "Oona Vainikka", "{author}");
        assert_eq!(surface(&p, byline), "Oona Vainikka", "{author}");
    }
}

#[test]
fn a_byline_that_is_no_personal_name_is_no_person() {
    let p = parts(
        "Rates held",
        Some("Staff and agencies"),
        "The central bank kept rates on hold.",
    );
    assert!(
        extract_article(p)
            .iter()
            .all(|m| m.location != Location::Byline)
    );
}

#[test]
fn the_title_is_read_with_what_the_body_teaches() {
    let p = parts(
        "Varnholt Logistics wins port contract",
        None,
        "The contract went to Varnholt Logistics GmbH, the company said on Tuesday.",
    );
    let mentions = extract_article(p);
    let in_title = mentions
        .iter()
        .find(|m| m.location == Location::Title)
        .expect("the title names the company");
    assert_eq!(in_title.kind, EntityKind::Company);
    assert_eq!(surface(&p, in_title), "Varnholt Logistics");
    for m in &mentions {
        assert!(!surface(&p, m).is_empty());
    }
}

#[test]
fn body_spans_point_into_the_body() {
    let p = parts(
        "Latvia and Estonia sign grid pact",
        Some("Marta Ozola"),
        "Latvia signed the pact with Estonia in Riga.",
    );
    let mentions = extract_article(p);
    let body: Vec<&str> = mentions
        .iter()
        .filter(|m| m.location == Location::Text)
        .map(|m| surface(&p, m))
        .collect();
    assert_eq!(body, ["Latvia", "Estonia", "Riga"]);
}

#[test]
fn a_place_gives_its_country_unless_the_country_is_named() {
    let text = "The plant in Rotterdam will close. Workers in Lyon were told on Friday; \
                France has offered help.";
    let mentions = extract_article(parts("", None, text));
    let derived = derived_countries(&mentions);
    assert!(
        derived.contains(&("Netherlands", "Rotterdam")),
        "{derived:?}"
    );
    assert!(derived.iter().all(|&(c, _)| c != "France"));
}

#[test]
fn the_index_lists_a_derived_country_with_its_place() {
    let texts = [
        "Shares rose in Rotterdam on Monday.",
        "Ships docked in Japan.",
    ];
    let mentions: Vec<Vec<Mention>> = texts
        .iter()
        .map(|t| extract_article(parts("", None, t)))
        .collect();
    let index = EntityIndex::build(&texts, mentions);
    let netherlands = index
        .find(EntityKind::Country, "Netherlands")
        .expect("derived country indexed");
    let rotterdam = index
        .find(EntityKind::Place, "Rotterdam")
        .expect("place indexed");
    assert_eq!(index.derived_via(0, netherlands), Some(rotterdam));
    assert_eq!(
        index[netherlands].articles,
        [0],
        "a country filter finds the article"
    );
    assert!(
        index.entities_in(0).contains(&(netherlands, 0)),
        "named through a place only: no mention of its own"
    );
    assert!(
        index
            .text_mentions(0)
            .iter()
            .all(|m| m.entity() != netherlands)
    );
}

#[test]
fn a_name_only_a_merged_copy_holds_points_into_the_copies_blocks() {
    let copies = [
        Source::new("board.txt".into(), 1.0),
        Source {
            only_here: vec![
                "The vote was close.".into(),
                "Councillor Branwen Ellery said the Ystrad Housing Trust would appeal.".into(),
            ],
            ..Source::new("board_scraped.txt".into(), 0.8)
        },
    ];
    let p = ArticleParts {
        copies: &copies,
        ..parts(
            "Council approves housing plan",
            None,
            "The council approved the plan for 300 homes on Tuesday.",
        )
    };
    let mentions = extract_article(p);
    let joined = "The vote was close.\n\nCouncillor Branwen Ellery said the Ystrad Housing Trust would appeal.";
    let in_copies: Vec<(&str, EntityKind)> = mentions
        .iter()
        .filter(|m| m.location == Location::Copies)
        .map(|m| (&joined[m.start..m.end], m.kind))
        .collect();
    assert!(
        in_copies.contains(&("Branwen Ellery", EntityKind::Person)),
        "{mentions:?}"
    );
    assert!(
        in_copies.contains(&("Ystrad Housing Trust", EntityKind::Organization)),
        "{mentions:?}"
    );
    // The body's mentions still point into the body.
    assert!(
        mentions
            .iter()
            .filter(|m| m.location == Location::Text)
            .all(|m| m.end <= p.text.len())
    );
}

#[test]
fn both_names_of_a_shared_byline_are_people_of_the_article() {
    let p = parts(
        "Grain barges wait as the river falls",
        Some("Oskar Lindfors and Ilse Marnix"),
        "Barges queued at the locks on Monday as the river fell to its lowest level this year.",
    );
    let mentions = extract_article(p);
    let authors: Vec<&str> = mentions
        .iter()
        .filter(|m| m.location == Location::Byline && m.kind == EntityKind::Person)
        .map(|m| surface(&p, m))
        .collect();
    assert_eq!(authors, ["Oskar Lindfors", "Ilse Marnix"]);
}

/// A wire's slug opening its headline ("STOCKS-", "UPDATE 2-") is no
/// part of a name; names in capitals glued to the next word by a hyphen
/// ("NATO-Russia") are names still.
#[test]
fn a_wire_slug_is_no_part_of_a_headline_name() {
    let text = "Shares fell on Tuesday in thin trade, brokers said.";
    for title in [
        "STOCKS-Wall St ends lower as chip shares slide",
        "UPDATE 2-Wall St ends lower as chip shares slide",
        "GLOBAL MARKETS-Wall St ends lower as chip shares slide",
    ] {
        let p = parts(title, None, text);
        let mentions = extract_article(p);
        for m in mentions.iter().filter(|m| m.location == Location::Title) {
            let name = surface(&p, m);
            assert!(
                !name.contains('-') && m.kind != EntityKind::Person,
                "{title}: {m:?}"
            );
        }
    }
    // In a headline all in capitals, the words before a hyphen are a
    // name's.
    let p = parts("HARBOR-TECH INC <HBT> 2ND QTR NET", None, text);
    let mentions = extract_article(p);
    assert!(
        mentions
            .iter()
            .any(|m| m.location == Location::Title && surface(&p, m).starts_with("HARBOR-TECH")),
        "{mentions:?}"
    );
    let p = parts("NATO-Russia council to meet in Brussels", None, text);
    let mentions = extract_article(p);
    assert!(
        mentions
            .iter()
            .any(|m| m.location == Location::Title && m.name.contains("NATO")
                || m.name == "North Atlantic Treaty Organization"),
        "{mentions:?}"
    );
}
