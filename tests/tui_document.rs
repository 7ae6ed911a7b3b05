//! Laying out an article for the reading pane: wrapping to the width,
//! blank lines between blocks, mention runs, and the merged-copies line.

use crate::tui_support;

use dossier::entities::{IndexedMention, Location};
use dossier::tui::document::{self, LineKind, Matched};
use dossier::tui::text;
use unicode_width::UnicodeWidthStr;

#[test]
fn lines_fit_the_width_and_blocks_are_spaced() {
    let lib = tui_support::library();
    let article = &lib.corpus.articles[0];
    for width in [1u16, 5, 12, 30, 80] {
        let lines = document::layout(
            article,
            lib.index.mentions_in(0),
            &Matched::default(),
            width,
            &text::DOC,
        );
        for l in &lines {
            assert!(
                l.text().width() <= usize::from(width),
                "{width}: {:?}",
                l.text()
            );
        }
        // Every word of the body survives wrapping, in order.
        let body: Vec<String> = lines
            .iter()
            .filter(|l| matches!(l.kind, LineKind::Body | LineKind::Heading))
            .map(dossier::tui::document::DocLine::text)
            .collect();
        let joined: String = body.concat().split_whitespace().collect();
        let expected: String = article
            .blocks
            .iter()
            .map(|b| article.block_text(b))
            .collect::<String>()
            .split_whitespace()
            .collect();
        assert_eq!(joined, expected, "width {width}");
    }
    let lines = document::layout(
        article,
        lib.index.mentions_in(0),
        &Matched::default(),
        60,
        &text::DOC,
    );
    assert_eq!(lines[0].kind, LineKind::Title);
    assert!(
        lines
            .iter()
            .any(|l| l.kind == LineKind::Copies && l.text().contains("fixtures/00-1.txt"))
    );
    let heading = lines
        .iter()
        .position(|l| l.kind == LineKind::Heading)
        .unwrap();
    assert_eq!(lines[heading - 1].kind, LineKind::Blank);
    assert_eq!(lines[heading + 1].kind, LineKind::Blank);
}

#[test]
fn mentions_become_runs_tagged_with_their_entity() {
    let lib = tui_support::library();
    let article = &lib.corpus.articles[1];
    let kipyegon = lib
        .index
        .find(dossier::entities::EntityKind::Person, "Faith Kipyegon")
        .unwrap();
    let lines = document::layout(
        article,
        lib.index.mentions_in(1),
        &Matched::default(),
        80,
        &text::DOC,
    );
    let runs: Vec<&str> = lines
        .iter()
        .flat_map(|l| &l.runs)
        .filter(|r| r.entity == Some(kipyegon))
        .map(|r| r.text.as_str())
        .collect();
    // The multi-word mention keeps its inner space; the surname alone too.
    assert_eq!(runs, ["Faith Kipyegon", "Kipyegon"]);
    assert!(document::first_line_of(&lines, kipyegon).is_some());
    // A mention cut across lines keeps its tag on both parts.
    let narrow = document::layout(
        article,
        lib.index.mentions_in(1),
        &Matched::default(),
        6,
        &text::DOC,
    );
    let tagged: String = narrow
        .iter()
        .flat_map(|l| &l.runs)
        .filter(|r| r.entity == Some(kipyegon))
        .map(|r| r.text.as_str())
        .collect();
    assert_eq!(tagged.replace(' ', ""), "FaithKipyegonKipyegon");
}

#[test]
fn wide_characters_and_long_words_wrap_by_columns() {
    let mut draft = tui_support::drafts().remove(2);
    draft.blocks = vec![(
        dossier::corpus::BlockKind::Paragraph,
        "東京の市場は上昇した supercalifragilisticexpialidocious end".to_owned(),
    )];
    let article = tui_support::article(&draft, 9);
    let lines = document::layout(&article, &[], &Matched::default(), 7, &text::DOC);
    for l in &lines {
        assert!(l.text().width() <= 7, "{:?}", l.text());
    }
    assert!(lines.iter().any(|l| l.text() == "end"));
}

#[test]
fn preformatted_blocks_keep_their_lines_and_are_clipped_at_the_edge() {
    let mut draft = tui_support::drafts().remove(2);
    let table = "Rovers      12  30\nAthletic    12  27\nCity of the Northern Hills  12  19";
    draft.blocks = vec![
        (
            dossier::corpus::BlockKind::Paragraph,
            "Final standings after the last round of matches:".to_owned(),
        ),
        (dossier::corpus::BlockKind::Preformatted, table.to_owned()),
    ];
    let article = tui_support::article(&draft, 9);
    let athletic_start = article.text.find("Athletic").unwrap();
    let mention = dossier::entities::IndexedMention::new(
        0,
        athletic_start..athletic_start + "Athletic".len(),
        dossier::entities::Location::Text,
    )
    .unwrap();
    let lines = document::layout(&article, &[mention], &Matched::default(), 20, &text::DOC);
    let rows: Vec<String> = lines
        .iter()
        .filter(|l| l.kind == LineKind::Preformatted)
        .map(document::DocLine::text)
        .collect();
    // Line for line, spaces kept, never reflowed; the long row is cut at
    // the edge with a mark that it goes on.
    assert_eq!(
        rows,
        [
            "Rovers      12  30",
            "Athletic    12  27",
            "City of the Norther…"
        ]
    );
    for row in &rows {
        assert!(row.width() <= 20);
    }
    let tagged: Vec<&str> = lines
        .iter()
        .flat_map(|l| &l.runs)
        .filter(|r| r.entity == Some(0))
        .map(|r| r.text.as_str())
        .collect();
    assert_eq!(tagged, ["Athletic"]);
    // The paragraph above still wraps.
    assert!(lines.iter().filter(|l| l.kind == LineKind::Body).count() > 1);
}

#[test]
fn what_only_a_merged_copy_holds_is_shown_under_its_path() {
    let lib = tui_support::library();
    let mut article = lib.corpus.articles[0].clone();
    let copy = article.sources[1].path.clone();
    article.sources[1].only_here = vec!["The ferry board revised its figures on Friday.".into()];
    let lines = document::layout(&article, &[], &Matched::default(), 80, &text::DOC);
    let heading = lines
        .iter()
        .position(|l| l.kind == LineKind::Heading && l.text() == format!("Only in {copy}"))
        .expect("a heading naming the copy");
    let after: Vec<String> = lines[heading..]
        .iter()
        .map(dossier::tui::document::DocLine::text)
        .collect();
    assert!(
        after.contains(&"The ferry board revised its figures on Friday.".to_owned()),
        "{after:?}"
    );
    // Without such blocks there is no such heading.
    let plain = document::layout(
        &lib.corpus.articles[0],
        &[],
        &Matched::default(),
        80,
        &text::DOC,
    );
    assert!(!plain.iter().any(|l| l.text().starts_with("Only in")));
}

#[test]
fn a_mention_in_a_merged_copy_s_own_block_is_marked() {
    let lib = tui_support::library();
    let mut article = lib.corpus.articles[0].clone();
    article.sources[1].only_here = vec![
        "A late paragraph.".into(),
        "Engineers from Harbourline Ltd inspected the span.".into(),
    ];
    let joined = article.copies_text();
    let start = joined.find("Harbourline Ltd").unwrap();
    let mention =
        IndexedMention::new(7, start..start + "Harbourline Ltd".len(), Location::Copies).unwrap();
    let lines = document::layout(&article, &[mention], &Matched::default(), 80, &text::DOC);
    let tagged: Vec<&str> = lines
        .iter()
        .flat_map(|l| &l.runs)
        .filter(|r| r.entity == Some(7))
        .map(|r| r.text.as_str())
        .collect();
    assert_eq!(tagged, ["Harbourline Ltd"]);
    // The entity's line is found as any body mention's is.
    let line = document::first_line_of(&lines, 7).expect("a line naming the entity");
    assert!(lines[line].text().starts_with("Engineers from"));
}

/// The text of an article's header lines in the reading pane.
fn header_text(article: &dossier::corpus::Article) -> String {
    document::layout(article, &[], &Matched::default(), 80, &text::DOC)
        .iter()
        .filter(|l| l.kind == LineKind::Meta)
        .map(dossier::tui::document::DocLine::text)
        .collect()
}

#[test]
fn the_header_gives_the_authors_role_as_the_byline_did() {
    let lib = tui_support::library();
    let mut article = lib.corpus.articles[0].clone();
    let author = article
        .author
        .clone()
        .expect("the first fixture has an author");
    article.author_role = Some("Courts Correspondent".into());
    let meta = header_text(&article);
    assert!(
        meta.contains(&format!("{author}, Courts Correspondent")),
        "{meta}"
    );
}

#[test]
fn the_header_gives_the_byline_as_printed_where_it_says_more() {
    let lib = tui_support::library();
    let mut article = lib.corpus.articles[0].clone();
    article.author = Some("Ana Ruiz".into());
    article.author_role = None;
    article.author_credit = Some("Ana Ruiz in Kyiv".into());
    let meta = header_text(&article);
    assert!(meta.contains("Ana Ruiz in Kyiv"), "{meta}");
}
