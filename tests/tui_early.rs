//! The list before the entities: the reader takes a library in two
//! phases ([`Loaded::listed`], then [`Found`]) and is usable in between.
//! Driven by actions, as the event loop drives it.

use crate::tui_support;

use std::sync::Arc;

use dossier::pipeline::{Progress, Stage};
use dossier::tui::action::{Action, Found, Loaded};
use dossier::tui::app::App;
use dossier::tui::keymap::Keymap;
use dossier::tui::theme::Theme;
use tui_support::render;

/// An app shown the fixture's articles without their entities, and the
/// whole library (the same articles) to hand it later.
fn listed() -> (App, dossier::pipeline::Library) {
    let library = tui_support::library();
    let mut app = App::new(Keymap::default(), Theme::dark(), 120, 40);
    let loaded = Loaded::listed(Arc::clone(&library.corpus));
    app.update(Action::Loaded(Arc::new(loaded)));
    (app, library)
}

fn found(library: dossier::pipeline::Library) -> Action {
    Action::Found(Arc::new(Found::new(library)))
}

fn type_filter(app: &mut App, query: &str) {
    app.update(Action::Search);
    for c in query.chars() {
        app.update(Action::PromptInput(c));
    }
    app.update(Action::PromptSubmit);
}

#[test]
fn the_list_is_usable_before_the_entities_and_says_they_are_coming() {
    let (mut app, library) = listed();
    assert!(app.finding_entities());
    assert_eq!(app.list().visible().len(), 4);
    app.update(Action::Progress(Progress {
        stage: Stage::Extracting,
        done: 2,
        total: 4,
    }));
    let screen = render(&app);
    assert!(screen.contains("finding entities… 2 of 4"), "{screen}");
    // Moving and reading work meanwhile.
    app.update(Action::Down);
    assert_eq!(app.current(), Some(1));
    assert_eq!(app.sidebar_len(), 0);
    app.update(found(library));
    assert!(!app.finding_entities());
    assert_eq!(app.current(), Some(1), "the selection stays");
    assert!(app.sidebar_len() > 0, "the entities are in");
    let screen = render(&app);
    assert!(!screen.contains("finding entities"), "{screen}");
}

#[test]
fn a_filter_typed_before_the_entities_waits_for_them_and_then_applies() {
    let (mut app, library) = listed();
    type_filter(&mut app, "country:chile");
    // Nothing is lost or hidden meanwhile: the list stays whole, the
    // header says the filter waits.
    assert_eq!(app.waiting_query(), Some("country:chile"));
    assert_eq!(app.list().visible().len(), 4);
    assert!(render(&app).contains("waits for the entities"));
    assert_eq!(app.session().filter, "country:chile", "remembered as typed");
    app.update(found(library));
    assert_eq!(app.waiting_query(), None);
    let visible: Vec<usize> = app.list().visible().iter().map(|&a| a as usize).collect();
    assert_eq!(visible, vec![0, 3], "the articles naming Chile");
}

#[test]
fn clearing_a_waiting_filter_leaves_nothing_to_apply() {
    let (mut app, library) = listed();
    type_filter(&mut app, "country:chile");
    app.update(Action::Back);
    assert_eq!(app.waiting_query(), None);
    app.update(found(library));
    assert_eq!(app.list().visible().len(), 4);
    assert!(app.list().filter().is_none());
}

#[test]
fn entities_of_other_articles_are_not_put_in_place() {
    let (mut app, _) = listed();
    let mut other = tui_support::library();
    Arc::make_mut(&mut other.corpus).articles.pop();
    app.update(found(other));
    assert!(app.finding_entities(), "still waiting for its own entities");
    assert_eq!(app.list().visible().len(), 4);
}

#[test]
fn entities_come_in_when_the_opener_added_a_warning_after_the_list() {
    // A cache problem met while finding the entities is added to the
    // corpus's warnings, which copies it: the articles are still the ones
    // shown, so their entities go in, and the warning with them.
    let (mut app, mut library) = listed();
    Arc::make_mut(&mut library.corpus)
        .warnings
        .push(dossier::corpus::Warning {
            path: "state".into(),
            reason: "cache could not be written".into(),
        });
    app.update(found(library));
    assert!(!app.finding_entities());
    let shown = app.library().expect("library");
    assert!(shown.corpus.warnings.iter().any(|w| w.path == "state"));
}

/// An app shown the fixture's articles without their texts (as an
/// unchanged folder's list comes, each text to be read when it is shown),
/// and the whole library to hand it later (as when the texts can no
/// longer be read one by one).
fn listed_without_texts() -> (App, dossier::pipeline::Library) {
    let library = tui_support::library();
    let mut heads = library.clone();
    for article in &mut Arc::make_mut(&mut heads.corpus).articles {
        article.text.clear();
        article.blocks.clear();
    }
    heads.index = dossier::entities::EntityIndex::default();
    let mut app = App::new(Keymap::default(), Theme::dark(), 120, 40);
    let loaded = Loaded {
        bodies: Some(dossier::state::cache::BodySource {
            path: "cache.db".into(),
            read_only: true,
            corpus: "fixtures".into(),
            fingerprint: 1,
        }),
        ..Loaded::new(heads)
    };
    app.update(Action::Loaded(Arc::new(loaded)));
    (app, library)
}

#[test]
fn the_list_comes_before_the_texts_and_the_reader_says_they_are_coming() {
    let (mut app, library) = listed_without_texts();
    assert!(app.texts_pending());
    assert_eq!(app.list().visible().len(), 4);
    app.update(Action::Down);
    let title = &library.corpus.articles[1].title;
    let screen = render(&app);
    assert!(screen.contains("reading the text…"), "{screen}");
    assert!(
        screen.contains(title.as_str()),
        "the title is shown meanwhile: {screen}"
    );
    let first_words: String = library.corpus.articles[1]
        .text
        .split_whitespace()
        .take(3)
        .collect::<Vec<_>>()
        .join(" ");
    assert!(!screen.contains(&first_words), "{screen}");

    app.update(Action::Texts(Arc::new(library)));
    assert!(!app.texts_pending());
    assert_eq!(app.current(), Some(1), "the selection stays");
    let screen = render(&app);
    assert!(!screen.contains("reading the text…"), "{screen}");
    assert!(screen.contains(&first_words), "the text is in: {screen}");
}

#[test]
fn texts_of_other_articles_are_not_put_in_place() {
    let (mut app, mut other) = listed_without_texts();
    Arc::make_mut(&mut other.corpus).articles.pop();
    assert!(!app.lists_articles_of(&other));
    app.update(Action::Texts(Arc::new(other)));
    assert!(app.texts_pending(), "still waiting for its own texts");
    assert_eq!(app.list().visible().len(), 4);
}
