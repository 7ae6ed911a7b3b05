//! Following a story in the reader: threads arrive from their own thread
//! as an action, the list marks the articles in one, `t` lists the
//! selected article's thread oldest first and `r` the articles sharing most
//! entities with it; Esc returns to the whole list. `S` cycles the list's
//! order, which the header names and the session remembers.

use std::sync::Arc;

use dossier::pipeline::{self, Library, Options};
use dossier::threads::{ThreadOptions, Threads};
use dossier::tui::action::Action;
use dossier::tui::app::App;

fn seeds() -> Library {
    pipeline::open(&[], &Options::default(), &|_| {}).expect("the seeds load")
}

fn app_with_threads() -> App {
    let library = seeds();
    let found = Threads::build(&library, &ThreadOptions::default());
    let mut app = App::with_library(library, 120, 30);
    app.update(Action::Threads(Arc::new(found)));
    app
}

/// Returns the seed file names of the listed articles.
fn listed(app: &App) -> Vec<String> {
    let lib = app.library().unwrap();
    app.list()
        .visible()
        .iter()
        .map(|&i| lib.corpus.articles[i as usize].sources[0].path.clone())
        .collect()
}

fn select_file(app: &mut App, prefix: &str) {
    let at = listed(app)
        .iter()
        .position(|p| p.contains(prefix))
        .expect("the seed is listed");
    app.update(Action::Top);
    for _ in 0..at {
        app.update(Action::Down);
    }
}

#[test]
fn t_lists_the_thread_of_the_selected_article() {
    let mut app = app_with_threads();
    select_file(&mut app, "000_");
    app.update(Action::ShowThread);
    let files = listed(&app);
    assert_eq!(files.len(), 2, "{files:?}");
    assert!(files.iter().any(|f| f.contains("000_")), "{files:?}");
    assert!(files.iter().any(|f| f.contains("004_")), "{files:?}");
    let label = &app.list().filter().unwrap().label;
    assert!(label.starts_with("thread: "), "{label}");
    assert!(listed(&app)[app.list().selected()].contains("000_"));
    app.update(Action::Back);
    assert_eq!(app.list().visible().len(), 4);
}

#[test]
fn an_article_in_no_thread_says_so_and_the_list_stays() {
    let library = seeds();
    let mut app = App::with_library(library, 120, 30);
    app.update(Action::ShowThread);
    assert!(app.status().is_some_and(|s| s.contains("still")));
    app.update(Action::Threads(Arc::new(Threads::default())));
    app.update(Action::ShowThread);
    assert!(app.status().is_some_and(|s| s.contains("no thread")));
    assert_eq!(app.list().visible().len(), 4);
}

#[test]
fn r_lists_the_article_and_those_sharing_its_entities() {
    let mut app = app_with_threads();
    let first = app.current();
    app.update(Action::ShowRelated);
    let visible = app.list().visible();
    assert!(visible.len() >= 2, "the seeds share Japan and Ukraine");
    assert_eq!(Some(visible[0] as usize), first);
    assert_eq!(app.current(), first);
    let label = &app.list().filter().unwrap().label;
    assert!(label.starts_with("related to: "), "{label}");
}

#[test]
fn the_list_marks_articles_in_a_thread() {
    let app = app_with_threads();
    let book = app.threads().expect("threads arrived");
    let lib = app.library().unwrap();
    for (i, article) in lib.corpus.articles.iter().enumerate() {
        let in_thread = book.of(i).is_some();
        let name = &article.sources[0].path;
        // 000 with 004, and 002 with 003 (001 is a copy merged into 003).
        let expected = ["000_", "002_", "003_", "004_"]
            .iter()
            .any(|p| article.sources.iter().any(|s| s.path.contains(p)));
        assert_eq!(in_thread, expected, "{name}");
    }
}

use crate::tui_support;

fn fixture_app() -> App {
    App::with_library(tui_support::library(), 120, 30)
}

#[test]
fn s_cycles_the_order_and_the_header_and_session_name_it() {
    let mut app = fixture_app();
    let files = tui_support::titles(&app);
    app.update(Action::CycleSort);
    assert_eq!(app.sort(), dossier::sort::SortKey::Newest);
    let newest = tui_support::titles(&app);
    // Equinor (September), Kipyegon (June), Copper (March); the council
    // story has no date and comes last.
    assert!(newest[0].starts_with("Equinor"), "{newest:?}");
    assert!(newest[1].starts_with("Kipyegon"), "{newest:?}");
    assert!(newest[2].starts_with("Copper"), "{newest:?}");
    assert!(newest[3].starts_with("Council"), "{newest:?}");
    let screen = tui_support::render(&app);
    assert!(screen.contains("4 of 4 · by newest"), "{screen}");
    assert_eq!(app.session().sort.as_deref(), Some("newest"));
    app.update(Action::CycleSort);
    assert!(
        tui_support::titles(&app)[0].starts_with("Copper"),
        "oldest first"
    );
    for _ in 0..4 {
        app.update(Action::CycleSort);
    }
    assert_eq!(app.sort(), dossier::sort::SortKey::Corpus);
    assert_eq!(tui_support::titles(&app), files);
    assert_eq!(app.session().sort, None);
}

#[test]
fn a_filter_is_listed_in_the_chosen_order() {
    let mut app = fixture_app();
    app.update(Action::CycleSort);
    app.update(Action::Search);
    for c in "country:norway".chars() {
        app.update(Action::PromptInput(c));
    }
    app.update(Action::PromptSubmit);
    let listed = tui_support::titles(&app);
    assert_eq!(listed.len(), 2, "{listed:?}");
    assert!(listed[0].starts_with("Equinor"), "newest first: {listed:?}");
}

#[test]
fn the_followed_entity_is_pictured_and_its_company_can_be_clicked() {
    use dossier::tui::layout;
    let mut app = fixture_app();
    app.update(Action::Search);
    for c in "country:norway".chars() {
        app.update(Action::PromptInput(c));
    }
    app.update(Action::PromptSubmit);
    let norway = app.followed().expect("Norway is followed");
    let (id, picture) = app.pictured().expect("a picture");
    assert_eq!(id, norway);
    let dated: u32 = picture.bars.iter().map(|b| b.articles).sum();
    assert_eq!(dated + picture.undated, 2, "two articles name Norway");
    let screen = tui_support::render(&app);
    assert!(screen.contains("often with: "), "{screen}");
    // Click the first entity of the "often with" row.
    let lib = app.library().unwrap().clone();
    let entries = dossier::tui::text::often_with_entries(&lib, &picture);
    let (_, spans) = layout::often_with(dossier::tui::text::OFTEN_WITH, &entries);
    let (start, _, other) = spans[0];
    let sidebar = app.screen().sidebar.expect("the entity pane is shown");
    let (_, below) = layout::sidebar_parts(layout::inner(sidebar), true);
    let below = below.expect("room for the picture");
    app.update(Action::Click {
        x: below.x + start as u16,
        y: below.y + layout::OFTEN_WITH_ROW,
    });
    assert_eq!(app.followed(), Some(other));
    let name = &lib.index[other].name;
    assert!(app.list().filter().unwrap().label.contains(name.as_str()));
}
