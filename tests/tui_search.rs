//! Free text in the reader's `/` prompt: words that name no entity search
//! the articles' text, the hits arrive as an action (answered here the way
//! the search worker answers), the list keeps the articles that say them,
//! the reader marks the words, and n/N go from match to match.

use crate::tui_support;

use std::sync::Arc;

use dossier::search::SearchIndex;
use dossier::search::texts::Texts;
use dossier::tui::action::Action;
use dossier::tui::app::{App, Effect};
use dossier::tui::document;
use dossier::tui::layout::Pane;
use dossier::tui::text_search;

fn app(width: u16, height: u16) -> App {
    App::with_library(tui_support::library(), width, height)
}

fn type_query(app: &mut App, query: &str) {
    app.update(Action::Search);
    for c in query.chars() {
        app.update(Action::PromptInput(c));
    }
}

/// Performs the searches the app asked for, as the worker would.
fn answer_searches(app: &mut App) -> Vec<String> {
    let library = Arc::new(app.library().unwrap().clone());
    let mut index = SearchIndex::in_memory().unwrap();
    index.update(&library).unwrap();
    let texts = Texts::Library(library);
    let asked: Vec<String> = app
        .take_effects()
        .into_iter()
        .filter_map(|e| match e {
            Effect::Search(text) => Some(text),
            _ => None,
        })
        .collect();
    for text in &asked {
        let hits = text_search::answer(&index, &texts, text.clone());
        app.update(Action::TextHits(Arc::new(hits)));
    }
    asked
}

#[test]
fn free_words_search_the_text_and_the_list_keeps_those_that_say_them() {
    let mut app = app(120, 40);
    type_query(&mut app, "design");
    // Each keystroke asks; the worker answers only the newest.
    assert_eq!(
        answer_searches(&mut app).last().map(String::as_str),
        Some("design")
    );
    let preview = app.prompt().unwrap().preview().expect("the hits arrived");
    assert_eq!(preview.articles.len(), 1);
    assert!(preview.best[0].1.text.contains("design"));
    app.update(Action::PromptSubmit);
    // The preview already answered these words: no second search.
    assert!(answer_searches(&mut app).is_empty());
    assert_eq!(
        tui_support::titles(&app),
        ["Equinor tests floating wind turbines off Norway"]
    );
    assert_eq!(app.list().filter().unwrap().label, "design");
    let doc = app.document();
    let marked: Vec<String> = doc
        .iter()
        .flat_map(|l| l.runs.iter().filter(|r| r.matched).map(|r| r.text.clone()))
        .collect();
    assert_eq!(marked, ["design", "design"]);
}

#[test]
fn a_query_submitted_before_its_hits_waits_for_them() {
    let mut app = app(120, 40);
    type_query(&mut app, "seven");
    app.update(Action::PromptSubmit);
    assert_eq!(app.list().visible().len(), 4, "nothing is known yet");
    assert!(app.awaiting_text());
    answer_searches(&mut app);
    assert_eq!(
        tui_support::titles(&app),
        ["Council approves new bike lanes"]
    );
    assert!(!app.awaiting_text());
}

#[test]
fn entity_qualifiers_and_free_words_combine() {
    let mut app = app(120, 40);
    type_query(&mut app, "country:norway new");
    app.update(Action::PromptSubmit);
    answer_searches(&mut app);
    // Copper names Norway but does not say "new"; Kipyegon says it but
    // does not name Norway.
    assert_eq!(
        tui_support::titles(&app),
        ["Equinor tests floating wind turbines off Norway"]
    );
    let label = &app.list().filter().unwrap().label;
    assert!(label.contains("Norway") && label.contains("new"), "{label}");
}

#[test]
fn n_goes_from_match_to_match_then_to_the_next_article() {
    let mut app = app(120, 12);
    type_query(&mut app, "new");
    answer_searches(&mut app);
    app.update(Action::PromptSubmit);
    assert_eq!(app.list().visible().len(), 3);
    let first = app.current();
    // Each article says "new" once (a title counts): n goes to the next
    // article and puts its match in view.
    app.update(Action::NextMatch);
    let second = app.current();
    assert_ne!(first, second);
    let doc = app.document();
    let lines = document::matched_lines(&doc);
    assert!(!lines.is_empty());
    let scroll = app.reader().scroll();
    assert!(
        lines.iter().any(|&l| l >= scroll && l < scroll + 8),
        "{lines:?} {scroll}"
    );
    app.update(Action::PrevMatch);
    assert_eq!(app.current(), first);
    assert_eq!(app.focus(), Pane::List);
}

#[test]
fn n_moves_within_an_article_before_leaving_it() {
    // A short pane, so that the two "design" lines are a scroll apart.
    let mut app = app(60, 8);
    type_query(&mut app, "design");
    answer_searches(&mut app);
    app.update(Action::PromptSubmit);
    let article = app.current();
    let lines = document::matched_lines(&app.document());
    assert_eq!(lines.len(), 2, "two paragraphs say it");
    assert_eq!(app.reader().at_match(), Some(0));
    app.update(Action::NextMatch);
    assert_eq!(app.current(), article);
    assert_eq!(app.reader().at_match(), Some(1));
    assert_eq!(app.reader().scroll(), lines[1].saturating_sub(2));
    app.update(Action::NextMatch);
    assert_eq!(app.current(), article);
    assert_eq!(
        app.reader().at_match(),
        Some(0),
        "the only article: n wraps in it"
    );
}

#[test]
fn words_that_name_an_entity_list_it_at_once_and_follow_it() {
    let mut app = app(120, 40);
    type_query(&mut app, "kenya");
    app.update(Action::PromptSubmit);
    assert!(app.followed().is_some());
    assert_eq!(app.list().visible().len(), 2, "before any text hit");
    answer_searches(&mut app);
    assert_eq!(app.list().visible().len(), 2);
}

#[test]
fn a_query_of_excluded_words_only_says_why() {
    let mut app = app(120, 40);
    type_query(&mut app, "-seven");
    app.update(Action::PromptSubmit);
    answer_searches(&mut app);
    assert_eq!(app.list().visible().len(), 4);
    assert!(
        app.status().is_some_and(|s| s.contains("excluded")),
        "{:?}",
        app.status()
    );
}
